// images.cpp — see images.h. stb_image decodes, stb_image_resize scales, stb_image_write encodes;
// all three are deterministic, so a rebuilt bundle keeps the same bytes.
#include "content/curator/images.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstring>
#include <memory>

namespace curator {

// What a picture that is neither PNG nor JPEG is, by its first bytes, so the answer can say so.
static std::string other_kind(const std::string& b) {
  auto starts = [&](const char* magic, size_t at = 0) { return b.compare(at, strlen(magic), magic) == 0; };
  if (starts("GIF8")) return "a GIF";
  if (starts("RIFF") && starts("WEBP", 8)) return "a WebP picture";
  if (starts("II*") || starts("MM")) return "a TIFF";
  if (starts("BM")) return "a BMP";
  if (starts("ftypheic", 4) || starts("ftypheix", 4) || starts("ftypmif1", 4)) return "a HEIC photo (from a phone)";
  if (starts("%PDF")) return "a PDF";
  if (b.find("<svg") != std::string::npos && b.find("<svg") < 512) return "an SVG drawing";
  return "neither PNG nor JPEG";
}

bool prepare_image(const std::string& bytes, int max_side, PreparedImage& out, std::string& why) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  bool png = bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
  bool jpeg = bytes.size() > 3 && (unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xD8;
  if (!png && !jpeg) {
    why = "is " + other_kind(bytes) + "; export it as PNG or JPEG";
    return false;
  }
  if (bytes.size() > kMaxImageBytes) {
    why = "is " + std::to_string(bytes.size() >> 20) + " MB; save it at most " + std::to_string(kMaxImageSourceSide) +
          " pixels wide and high (under " + std::to_string(kMaxImageBytes >> 20) + " MB)";
    return false;
  }
  int w = 0, h = 0, n = 0;
  // Size first, from the header: a 20000-pixel scan would need gigabytes to decode.
  if (stbi_info_from_memory(data, (int)bytes.size(), &w, &h, &n) && (w > kMaxImageSourceSide || h > kMaxImageSourceSide)) {
    why = "is " + std::to_string(w) + "×" + std::to_string(h) + " pixels, too large to scale; save it at most " +
          std::to_string(kMaxImageSourceSide) + " pixels on its longest side";
    return false;
  }
  std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load_from_memory(data, (int)bytes.size(), &w, &h, &n, 0),
                                                         stbi_image_free);
  if (!pixels) {
    why = std::string("cannot be decoded (") + stbi_failure_reason() + "); open and save it again";
    return false;
  }
  out.mime = png ? "image/png" : "image/jpeg";
  if (w <= max_side && h <= max_side) {
    out.bytes.assign(bytes.begin(), bytes.end());
    out.width = w;
    out.height = h;
    return true;
  }
  double scale = (double)max_side / std::max(w, h);
  int nw = std::max(1, (int)std::lround(w * scale)), nh = std::max(1, (int)std::lround(h * scale));
  std::vector<unsigned char> scaled((size_t)nw * nh * n);
  int alpha = (n == 2 || n == 4) ? n - 1 : STBIR_ALPHA_CHANNEL_NONE;
  stbir_resize_uint8_srgb(pixels.get(), w, h, 0, scaled.data(), nw, nh, 0, n, alpha, 0);
  auto sink = [](void* ctx, void* p, int size) {
    auto* v = static_cast<std::vector<uint8_t>*>(ctx);
    v->insert(v->end(), (uint8_t*)p, (uint8_t*)p + size);
  };
  out.bytes.clear();
  int ok = png ? stbi_write_png_to_func(sink, &out.bytes, nw, nh, n, scaled.data(), nw * n)
               : stbi_write_jpg_to_func(sink, &out.bytes, nw, nh, n, scaled.data(), 90);
  if (!ok) {
    why = "could not be re-encoded after scaling";
    return false;
  }
  out.width = nw;
  out.height = nh;
  return true;
}

}  // namespace curator
