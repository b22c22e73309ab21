// raster.cpp — see raster.h. Everything is plain double arithmetic in a fixed order, so the same
// input gives the same pixels on every run.
#include "content/curator/raster.h"

#include <stb_image_write.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace curator::raster {

namespace {
double clamp01(double v) { return v < 0 ? 0 : v > 1 ? 1 : v; }
uint8_t mix(uint8_t a, uint8_t b, double t) { return (uint8_t)std::lround(a + (b - a) * t); }
}  // namespace

std::vector<uint32_t> codepoints(const std::string& s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

Image::Image(int w, int h, Rgb bg) : w_(w), h_(h), px_((size_t)w * h * 3) {
  for (size_t i = 0; i < px_.size(); i += 3) px_[i] = bg.r, px_[i + 1] = bg.g, px_[i + 2] = bg.b;
}

Rgb Image::at(int x, int y) const {
  const uint8_t* p = &px_[((size_t)y * w_ + x) * 3];
  return {p[0], p[1], p[2]};
}

void Image::blend(int x, int y, Rgb c, double alpha) {
  if (x < 0 || y < 0 || x >= w_ || y >= h_ || alpha <= 0) return;
  alpha = clamp01(alpha);
  uint8_t* p = &px_[((size_t)y * w_ + x) * 3];
  p[0] = mix(p[0], c.r, alpha), p[1] = mix(p[1], c.g, alpha), p[2] = mix(p[2], c.b, alpha);
}

void Image::fill_rect(double x0, double y0, double x1, double y1, Rgb c, double alpha) {
  // Separable coverage: how much of each pixel's row span and column span the rectangle covers.
  for (int y = std::max(0, (int)std::floor(y0)); y < std::min(h_, (int)std::ceil(y1)); ++y) {
    double cy = clamp01(std::min(y1, y + 1.0) - std::max(y0, (double)y));
    for (int x = std::max(0, (int)std::floor(x0)); x < std::min(w_, (int)std::ceil(x1)); ++x) {
      double cx = clamp01(std::min(x1, x + 1.0) - std::max(x0, (double)x));
      blend(x, y, c, alpha * cx * cy);
    }
  }
}

void Image::fill_disc(double cx, double cy, double r, Rgb c, double alpha) {
  for (int y = std::max(0, (int)std::floor(cy - r - 1)); y <= std::min(h_ - 1, (int)std::ceil(cy + r + 1)); ++y)
    for (int x = std::max(0, (int)std::floor(cx - r - 1)); x <= std::min(w_ - 1, (int)std::ceil(cx + r + 1)); ++x) {
      double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
      blend(x, y, c, alpha * clamp01(r - d + 0.5));
    }
}

void Image::line(double x0, double y0, double x1, double y1, double width, Rgb c, double alpha) {
  double half = width / 2, dx = x1 - x0, dy = y1 - y0, len2 = dx * dx + dy * dy;
  int xa = std::max(0, (int)std::floor(std::min(x0, x1) - half - 1)), xb = std::min(w_ - 1, (int)std::ceil(std::max(x0, x1) + half + 1));
  int ya = std::max(0, (int)std::floor(std::min(y0, y1) - half - 1)), yb = std::min(h_ - 1, (int)std::ceil(std::max(y0, y1) + half + 1));
  for (int y = ya; y <= yb; ++y)
    for (int x = xa; x <= xb; ++x) {
      double px = x + 0.5, py = y + 0.5;
      double t = len2 > 0 ? std::clamp(((px - x0) * dx + (py - y0) * dy) / len2, 0.0, 1.0) : 0.0;
      double d = std::hypot(px - (x0 + t * dx), py - (y0 + t * dy));
      blend(x, y, c, alpha * clamp01(half - d + 0.5));
    }
}

void Image::draw_mask(const Mask& m, Rgb c, double alpha) {
  for (int y = 0; y < m.h; ++y)
    for (int x = 0; x < m.w; ++x)
      if (uint8_t a = m.a[(size_t)y * m.w + x]) blend(m.x + x, m.y + y, c, alpha * a / 255.0);
}

void Image::blit(const Image& src, int x, int y) {
  for (int j = 0; j < src.h_; ++j)
    for (int i = 0; i < src.w_; ++i) {
      int tx = x + i, ty = y + j;
      if (tx < 0 || ty < 0 || tx >= w_ || ty >= h_) continue;
      std::copy_n(&src.px_[((size_t)j * src.w_ + i) * 3], 3, &px_[((size_t)ty * w_ + tx) * 3]);
    }
}

std::vector<uint8_t> Image::png() const {
  std::vector<uint8_t> out;
  auto sink = [](void* ctx, void* p, int size) {
    auto* v = static_cast<std::vector<uint8_t>*>(ctx);
    v->insert(v->end(), (uint8_t*)p, (uint8_t*)p + size);
  };
  if (!stbi_write_png_to_func(sink, &out, w_, h_, 3, px_.data(), w_ * 3)) throw std::runtime_error("a picture could not be encoded as PNG");
  return out;
}

Mask Mask::dilated(int radius) const {
  Mask o;
  o.x = x - radius, o.y = y - radius, o.w = w + 2 * radius, o.h = h + 2 * radius;
  o.a.assign((size_t)o.w * o.h, 0);
  // Horizontal then vertical passes would make a square halo; a round one reads better around
  // letters, and labels are small enough for the direct filter.
  std::vector<std::pair<int, int>> disc;
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx)
      if (dx * dx + dy * dy <= radius * radius + radius) disc.push_back({dx, dy});
  for (int sy = 0; sy < h; ++sy)
    for (int sx = 0; sx < w; ++sx) {
      uint8_t v = a[(size_t)sy * w + sx];
      if (!v) continue;
      for (auto [dx, dy] : disc) {
        uint8_t& t = o.a[(size_t)(sy + radius + dy) * o.w + (sx + radius + dx)];
        t = std::max(t, v);
      }
    }
  return o;
}

Mask fill_triangles(const std::vector<double>& xy, const std::vector<uint32_t>& idx, int w, int h, int ss) {
  const int sw = w * ss, sh = h * ss;
  std::vector<uint8_t> bits((size_t)sw * sh, 0);
  for (size_t t = 0; t + 2 < idx.size(); t += 3) {
    double ax = xy[2 * idx[t]] * ss, ay = xy[2 * idx[t] + 1] * ss;
    double bx = xy[2 * idx[t + 1]] * ss, by = xy[2 * idx[t + 1] + 1] * ss;
    double cx = xy[2 * idx[t + 2]] * ss, cy = xy[2 * idx[t + 2] + 1] * ss;
    int x0 = std::max(0, (int)std::floor(std::min({ax, bx, cx}))), x1 = std::min(sw - 1, (int)std::ceil(std::max({ax, bx, cx})));
    int y0 = std::max(0, (int)std::floor(std::min({ay, by, cy}))), y1 = std::min(sh - 1, (int)std::ceil(std::max({ay, by, cy})));
    if (x0 > x1 || y0 > y1) continue;
    double area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (area == 0) continue;
    double sgn = area > 0 ? 1 : -1;
    for (int y = y0; y <= y1; ++y) {
      double py = y + 0.5;
      for (int x = x0; x <= x1; ++x) {
        double px = x + 0.5;
        double e0 = sgn * ((bx - ax) * (py - ay) - (by - ay) * (px - ax));
        double e1 = sgn * ((cx - bx) * (py - by) - (cy - by) * (px - bx));
        double e2 = sgn * ((ax - cx) * (py - cy) - (ay - cy) * (px - cx));
        if (e0 >= 0 && e1 >= 0 && e2 >= 0) bits[(size_t)y * sw + x] = 1;
      }
    }
  }
  Mask m;
  m.w = w, m.h = h;
  m.a.assign((size_t)w * h, 0);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int n = 0;
      for (int j = 0; j < ss; ++j)
        for (int i = 0; i < ss; ++i) n += bits[(size_t)(y * ss + j) * sw + x * ss + i];
      m.a[(size_t)y * w + x] = (uint8_t)((n * 255 + ss * ss / 2) / (ss * ss));
    }
  return m;
}

Font::Font(const std::vector<uint8_t>& bytes) {
  if (bytes.empty() || !stbtt_InitFont(&info_, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0)))
    throw std::runtime_error("the bundle's sans font cannot be read by stb_truetype");
}

double Font::width(const std::string& s, double px) const {
  float scale = stbtt_ScaleForPixelHeight(&info_, (float)px);
  double w = 0;
  int prev = 0;
  for (uint32_t cp : codepoints(s)) {
    int adv = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&info_, (int)cp, &adv, &lsb);
    if (prev) w += scale * stbtt_GetCodepointKernAdvance(&info_, prev, (int)cp);
    w += scale * adv;
    prev = (int)cp;
  }
  return w;
}

double Font::ascent(double px) const {
  int a = 0, d = 0, g = 0;
  stbtt_GetFontVMetrics(&info_, &a, &d, &g);
  return a * stbtt_ScaleForPixelHeight(&info_, (float)px);
}

double Font::descent(double px) const {
  int a = 0, d = 0, g = 0;
  stbtt_GetFontVMetrics(&info_, &a, &d, &g);
  return -d * stbtt_ScaleForPixelHeight(&info_, (float)px);
}

Mask Font::text(const std::string& s, double x, double baseline, double px) const {
  float scale = stbtt_ScaleForPixelHeight(&info_, (float)px);
  Mask m;
  m.x = (int)std::floor(x) - 2;
  m.y = (int)std::floor(baseline - ascent(px)) - 2;
  m.w = (int)std::ceil(width(s, px)) + 6;
  m.h = (int)std::ceil(ascent(px) + descent(px)) + 5;
  m.a.assign((size_t)m.w * m.h, 0);
  double pen = x;
  int prev = 0;
  for (uint32_t cp : codepoints(s)) {
    if (prev) pen += scale * stbtt_GetCodepointKernAdvance(&info_, prev, (int)cp);
    int gx0, gy0, gx1, gy1;
    float shift = (float)(pen - std::floor(pen));
    stbtt_GetCodepointBitmapBoxSubpixel(&info_, (int)cp, scale, scale, shift, 0, &gx0, &gy0, &gx1, &gy1);
    int gw = gx1 - gx0, gh = gy1 - gy0;
    if (gw > 0 && gh > 0) {
      std::vector<uint8_t> glyph((size_t)gw * gh, 0);
      stbtt_MakeCodepointBitmapSubpixel(&info_, glyph.data(), gw, gh, gw, scale, scale, shift, 0, (int)cp);
      int ox = (int)std::floor(pen) + gx0 - m.x, oy = (int)std::lround(baseline) + gy0 - m.y;
      for (int j = 0; j < gh; ++j)
        for (int i = 0; i < gw; ++i) {
          int tx = ox + i, ty = oy + j;
          if (tx < 0 || ty < 0 || tx >= m.w || ty >= m.h) continue;
          uint8_t& t = m.a[(size_t)ty * m.w + tx];
          t = (uint8_t)std::min(255, t + glyph[(size_t)j * gw + i]);
        }
    }
    int adv = 0, lsb = 0;
    stbtt_GetCodepointHMetrics(&info_, (int)cp, &adv, &lsb);
    pen += scale * adv;
    prev = (int)cp;
  }
  return m;
}

}  // namespace curator::raster
