// raster.h — a small, deterministic RGB canvas for the pictures kiosk-bundle draws at build time
// (room_picture.h): anti-aliased rectangles, discs, lines and filled triangles, text set with
// stb_truetype from the bundle's own fonts, and PNG encoding with stb_image_write.
//
// Does:     draw in pixel units (y down) with coverage-based anti-aliasing; triangles (the map's
//           land) are rasterised on a supersampled mask, so shared edges leave no seams; text is
//           measured and drawn with an optional halo so it reads over land and sea alike.
// Does not: shape text (no ligatures or GPOS kerning: place names need none), clip to anything
//           but the canvas, or read a system font: fonts come from the bundle.
#pragma once
#include <stb_truetype.h>

#include <cstdint>
#include <string>
#include <vector>

namespace curator::raster {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
};

// A greyscale coverage mask (0 = nothing, 255 = full), positioned on the canvas at (x, y).
struct Mask {
  int x = 0, y = 0, w = 0, h = 0;
  std::vector<uint8_t> a;
  // The mask grown by `radius` pixels (a round max-filter): the halo behind a label.
  Mask dilated(int radius) const;
};

class Image {
 public:
  Image(int w, int h, Rgb background);
  int width() const { return w_; }
  int height() const { return h_; }
  Rgb at(int x, int y) const;

  // Mixes `c` into one pixel with opacity `alpha` (0..1); pixels off the canvas are ignored.
  void blend(int x, int y, Rgb c, double alpha);
  void fill_rect(double x0, double y0, double x1, double y1, Rgb c, double alpha = 1.0);
  void fill_disc(double cx, double cy, double r, Rgb c, double alpha = 1.0);
  void line(double x0, double y0, double x1, double y1, double width, Rgb c, double alpha = 1.0);
  void draw_mask(const Mask& m, Rgb c, double alpha = 1.0);
  // Copies `src` with its top left corner at (x, y).
  void blit(const Image& src, int x, int y);
  // PNG bytes (RGB, 8 bits): stb_image_write's output depends on the pixels only.
  std::vector<uint8_t> png() const;

 private:
  int w_, h_;
  std::vector<uint8_t> px_;
};

// Triangles given as pixel-space (x, y) triples, rasterised with `ss`×`ss` samples per pixel into
// a canvas-sized mask. Overlapping triangles simply cover (a sample is in or out).
Mask fill_triangles(const std::vector<double>& xy, const std::vector<uint32_t>& indices, int w, int h, int ss = 4);

class Font {
 public:
  // `bytes` must outlive the font. Throws std::runtime_error when they are not a font.
  explicit Font(const std::vector<uint8_t>& bytes);
  double width(const std::string& utf8, double px) const;
  double ascent(double px) const;   // above the baseline, positive
  double descent(double px) const;  // below the baseline, positive
  // The text's coverage with its baseline starting at (x, baseline).
  Mask text(const std::string& utf8, double x, double baseline, double px) const;

 private:
  stbtt_fontinfo info_;
};

// UTF-8 to code points; a malformed byte becomes U+FFFD.
std::vector<uint32_t> codepoints(const std::string& s);

}  // namespace curator::raster
