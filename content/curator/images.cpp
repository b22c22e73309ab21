// images.cpp — see images.h. stb_image decodes, stb_image_resize scales, stb_image_write encodes;
// all three are deterministic, so a rebuilt bundle keeps the same bytes.
#include "content/curator/images.h"

#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>

#include <cmath>
#include <memory>

namespace curator {

bool prepare_image(const std::string& bytes, int max_side, PreparedImage& out, std::string& why) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  bool png = bytes.size() > 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0;
  bool jpeg = bytes.size() > 3 && (unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xD8;
  if (!png && !jpeg) {
    why = "is neither PNG nor JPEG; export it as one of those";
    return false;
  }
  int w = 0, h = 0, n = 0;
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
