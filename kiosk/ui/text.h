// text.h — reading text set with SDL2_ttf: fonts from the bundle, our own line breaking and
// pagination, each laid-out block rasterised once into a texture and kept in an LRU cache.
//
// Does:     faces (serif regular/italic/bold, sans regular/bold) at any pixel size; greedy line
//           breaking of rich paragraphs (italic, bold runs); splitting a layout into pieces that
//           fit a height; a texture cache with a byte budget (evicted blocks are re-rendered on demand).
// Does not: draw (the caller puts the texture on screen), handle UI labels (ImGui's atlas does).
// SDL and SDL2_ttf stay behind this header: their types appear only as opaque handles, so the
// screens that include it can neither call SDL nor need its headers (see CMakeLists.txt's layers).
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/bundle/richtext.h"
#include "kiosk/ui/theme.h"

struct SDL_Renderer;
struct SDL_Texture;
typedef struct _TTF_Font TTF_Font;  // as SDL_ttf.h declares it

namespace ui {

enum class Face { Serif, SerifItalic, SerifBold, Sans, SansBold };
enum class Align { Left, Centre };

struct TextStyle {
  Face face = Face::Serif;  // the family and base weight; runs may switch to italic or bold
  int px = 28;
  Colour colour{31, 27, 22, 255};
  float line_height = 1.45f;  // in multiples of px
  float paragraph_gap = 0.6f; // extra space between paragraphs, in lines
  Align align = Align::Left;
};

struct Piece {
  Face face;
  std::string text;
  int x = 0, w = 0;  // the rendered piece's box: its ink from leftmost to rightmost, or its pen if wider
};
struct Line {
  std::vector<Piece> pieces;
  int y = 0, width = 0;
};
struct Layout {
  std::vector<Line> lines;
  int width = 0, height = 0;  // the box it was laid out for (width) and the height it needs
  TextStyle style;
  std::string key;            // identifies the content + style + width, for the cache
};

struct Texture {
  SDL_Texture* tex = nullptr;
  int w = 0, h = 0;
};

class TextEngine {
 public:
  explicit TextEngine(SDL_Renderer* r, size_t budget_bytes = 48u << 20);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Font bytes for a face (kept alive here). A face without bytes falls back within its family
  // (italic/bold -> regular), then to the first loaded face. Any change closes every open font
  // (a fallback face may be reading the bytes being replaced) and forgets every measurement.
  void set_font(Face f, std::vector<uint8_t> bytes);
  // Replaces all faces at once (a new bundle): faces absent from `fonts` are dropped, so nothing
  // of the previous bundle's fonts survives.
  void set_fonts(std::map<Face, std::vector<uint8_t>> fonts);
  bool has_fonts() const { return !fonts_.empty(); }

  Layout layout(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& style, int width);
  Layout layout_plain(const std::string& text, const TextStyle& style, int width);
  // Splits `l` into consecutive layouts no taller than `max_height` (at least one line each).
  std::vector<Layout> paginate(const Layout& l, int max_height);

  // The texture of a layout: from the cache, or rasterised now (and counted as a miss).
  Texture texture(const Layout& l);
  bool cached(const Layout& l) const { return cache_.count(l.key) > 0; }
  // Frees every texture (e.g. the renderer was reset); they come back on demand.
  void clear();

  struct Stats {
    uint64_t hits = 0, misses = 0, evictions = 0;
    uint64_t rasterised = 0;        // blocks rendered into textures since start
    size_t bytes = 0, entries = 0;  // textures
    size_t peak_bytes = 0;          // the most `bytes` has been since start
    size_t budget = 0;              // the cache's byte budget
    size_t layout_bytes = 0;        // remembered layouts of short texts (about, not exactly)
  };
  static constexpr size_t kLayoutMemoBytes = 2u << 20;
  Stats stats() const;
  size_t budget() const { return budget_; }
  int measure(Face f, int px, const std::string& s);

 private:
  TTF_Font* font(Face f, int px);
  void close_fonts();  // every open TTF_Font, and everything measured or rasterised with them
  struct Overhang {
    int left = 0, right = 0;
  };
  Overhang overhang(Face f, int px, const std::string& s);
  struct Entry {
    Texture t;
    size_t bytes;
    std::list<std::string>::iterator lru;
  };
  SDL_Renderer* renderer_;
  size_t budget_;
  std::map<Face, std::vector<uint8_t>> fonts_;
  std::map<std::pair<Face, int>, TTF_Font*> open_;
  std::unordered_map<std::string, Entry> cache_;
  std::list<std::string> lru_;  // front = most recently used
  std::unordered_map<std::string, Layout> plain_memo_;
  Stats stats_;
};

}  // namespace ui
