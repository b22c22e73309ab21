// images.h — decodes a curator's picture and scales it to the largest size the kiosk draws.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace curator {

struct PreparedImage {
  std::vector<uint8_t> bytes;  // PNG or JPEG, ready for the bundle
  std::string mime;
  int width = 0, height = 0;
};

// Larger sources are refused rather than decoded (memory on the curator's machine, and a sign of a
// scan or a camera original that should be prepared first).
constexpr int kMaxImageSourceSide = 8000;
constexpr size_t kMaxImageBytes = 40u << 20;

// Pictures within `max_side` keep their original bytes; larger ones are scaled down (sRGB-correct)
// and re-encoded in their own kind (PNG stays PNG, JPEG stays JPEG). Returns false with `why`.
bool prepare_image(const std::string& bytes, int max_side, PreparedImage& out, std::string& why);

}  // namespace curator
