// shot_compare.h — the screenshot rule shared by compare_shots (the ctests) and compare_catches
// (the proof that the rule sees what a visitor would see): PNG in and out, a box-filter
// downscale, and the comparison itself.
//
// The rule (tests/screens/README.md): at full resolution, a shot matches its reference when no
// pixel differs by more than `tolerance` (default 2 of 255) in any of R, G, B — the software
// renderer is deterministic, so the tolerance only absorbs PNG/rounding noise, and one changed
// glyph, a missing 1-px outline or a missing dot is thousands of times over it.
#pragma once
#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace shots {

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgba;  // w*h*4
};

inline bool load(const std::string& path, Image& out, std::string& why) {
  SDL_Surface* s = IMG_Load(path.c_str());
  if (!s) return why = IMG_GetError(), false;
  SDL_Surface* c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(s);
  if (!c) return why = SDL_GetError(), false;
  out.w = c->w;
  out.h = c->h;
  out.rgba.resize((size_t)c->w * c->h * 4);
  SDL_LockSurface(c);
  for (int y = 0; y < c->h; ++y)
    memcpy(&out.rgba[(size_t)y * c->w * 4], (const uint8_t*)c->pixels + (size_t)y * c->pitch, (size_t)c->w * 4);
  SDL_UnlockSurface(c);
  SDL_FreeSurface(c);
  return true;
}

inline Image downscale(const Image& in, int k) {
  if (k <= 1) return in;
  Image out;
  out.w = in.w / k;
  out.h = in.h / k;
  out.rgba.resize((size_t)out.w * out.h * 4);
  for (int y = 0; y < out.h; ++y)
    for (int x = 0; x < out.w; ++x)
      for (int ch = 0; ch < 4; ++ch) {
        int sum = 0;
        for (int dy = 0; dy < k; ++dy)
          for (int dx = 0; dx < k; ++dx) sum += in.rgba[((size_t)(y * k + dy) * in.w + (x * k + dx)) * 4 + ch];
        out.rgba[((size_t)y * out.w + x) * 4 + ch] = (uint8_t)((sum + k * k / 2) / (k * k));
      }
  return out;
}

inline bool save(const Image& img, const std::string& path, std::string& why) {
  // Opaque screenshots: store RGB, a quarter smaller than RGBA.
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, img.w, img.h, 24, SDL_PIXELFORMAT_RGB24);
  if (!s) return why = SDL_GetError(), false;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      uint8_t* d = (uint8_t*)s->pixels + (size_t)y * s->pitch + x * 3;
      const uint8_t* p = &img.rgba[((size_t)y * img.w + x) * 4];
      d[0] = p[0], d[1] = p[1], d[2] = p[2];
    }
  int rc = IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  if (rc != 0) return why = IMG_GetError(), false;
  return true;
}

inline void make_dirs(const std::string& dir) {
  for (size_t at = 1; at != std::string::npos; at = dir.find('/', at + 1)) mkdir(dir.substr(0, at).c_str(), 0755);
  mkdir(dir.c_str(), 0755);
}

struct Rule {
  int tolerance = 2;      // per channel, of 255
  size_t max_pixels = 0;  // pixels allowed beyond the tolerance
  // Another renderer's rule (the GPU path against the software references, tests/screens/README.md):
  // when max_share >= 0, the allowance is that share of all pixels instead of max_pixels, and
  // the mean difference per channel (over every pixel) may be at most max_mean.
  double max_share = -1, max_mean = 255;
  // Pixels of slack: a pixel matches when the other image has a colour within the tolerance at
  // most this far away (both ways, so a missing 1-px line still differs: its colour is nowhere
  // near in the shot). 0: the same pixel only.
  int shift = 0;
};

struct Difference {
  size_t pixels = 0;              // beyond the tolerance
  size_t allowed = 0;             // how many the rule allowed
  int worst = 0, wx = 0, wy = 0;  // the largest channel difference and where
  int x0 = 0, y0 = 0, x1 = -1, y1 = -1;  // the box around every pixel beyond the tolerance
  double mean = 0;                // mean absolute difference per channel, of 255
  double psnr = INFINITY;         // peak signal-to-noise ratio over R, G, B, dB (inf: identical)
  bool ok = false;
};

inline int channel_difference(const Image& a, size_t i, const Image& b, size_t j) {
  int m = 0;
  for (int ch = 0; ch < 3; ++ch) m = std::max(m, std::abs((int)a.rgba[i * 4 + ch] - (int)b.rgba[j * 4 + ch]));
  return m;
}

// How far a's pixel (x, y) is from the nearest colour b has within `r` pixels of it.
inline int nearest_difference(const Image& a, const Image& b, int x, int y, int r) {
  const size_t i = (size_t)y * a.w + x;
  int best = 255;
  for (int dy = -r; dy <= r && best; ++dy)
    for (int dx = -r; dx <= r && best; ++dx) {
      int bx = x + dx, by = y + dy;
      if (bx < 0 || by < 0 || bx >= b.w || by >= b.h) continue;
      best = std::min(best, channel_difference(a, i, b, (size_t)by * b.w + bx));
    }
  return best;
}

// Same-sized images only.
inline Difference compare(const Image& ref, const Image& shot, const Rule& rule) {
  Difference d;
  d.x0 = ref.w, d.y0 = ref.h;
  double sum = 0, squares = 0;
  for (int y = 0; y < ref.h; ++y)
    for (int x = 0; x < ref.w; ++x) {
      size_t i = (size_t)y * ref.w + x;
      int m = 0;
      for (int ch = 0; ch < 3; ++ch) {
        int e = std::abs((int)ref.rgba[i * 4 + ch] - (int)shot.rgba[i * 4 + ch]);
        m = std::max(m, e);
        sum += e, squares += (double)e * e;
      }
      if (m > rule.tolerance && rule.shift > 0)  // within the slack, the nearest match counts
        m = std::max(nearest_difference(shot, ref, x, y, rule.shift), nearest_difference(ref, shot, x, y, rule.shift));
      if (m > d.worst) d.worst = m, d.wx = x, d.wy = y;
      if (m > rule.tolerance) {
        ++d.pixels;
        d.x0 = std::min(d.x0, x), d.y0 = std::min(d.y0, y), d.x1 = std::max(d.x1, x), d.y1 = std::max(d.y1, y);
      }
    }
  const double n = 3.0 * std::max(1, ref.w * ref.h);
  d.mean = sum / n;
  if (squares > 0) d.psnr = 10 * std::log10(255.0 * 255.0 / (squares / n));
  d.allowed = rule.max_share >= 0 ? (size_t)(rule.max_share * ref.w * ref.h) : rule.max_pixels;
  d.ok = d.pixels <= d.allowed && d.mean <= rule.max_mean;
  return d;
}

// The rule before this one (kept to show what it let through): at 1/2 scale, at most 0.5 % of
// the pixels differing by more than 48.
inline bool old_rule_passes(const Image& ref_full, const Image& shot_full) {
  Image a = downscale(ref_full, 2), b = downscale(shot_full, 2);
  Difference d = compare(a, b, Rule{48, (size_t)(0.005 * a.w * a.h)});
  return d.ok;
}

// The shot with every pixel beyond the rule's tolerance (and slack) in red over a faded copy:
// where to look.
inline Image difference_image(const Image& ref, const Image& shot, const Rule& rule) {
  Image out = shot;
  for (int y = 0; y < ref.h; ++y)
    for (int x = 0; x < ref.w; ++x) {
      size_t i = (size_t)y * ref.w + x;
      int m = channel_difference(ref, i, shot, i);
      if (m > rule.tolerance && rule.shift > 0)
        m = std::max(nearest_difference(shot, ref, x, y, rule.shift), nearest_difference(ref, shot, x, y, rule.shift));
      uint8_t* p = &out.rgba[i * 4];
      if (m > rule.tolerance) p[0] = 255, p[1] = 0, p[2] = 0;
      else for (int ch = 0; ch < 3; ++ch) p[ch] = (uint8_t)(p[ch] / 4 + 191);
    }
  return out;
}

}  // namespace shots
