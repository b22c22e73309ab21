// fuzz_blobs.cpp — the blobs of a bundle on their own: is it a font the kiosk (and Dear ImGui's
// stb_truetype) can read safely, is it a PNG or JPEG within the limits. Every input is tried as
// all three, so raw font and picture files serve as seeds.
#include "content/bundle/validate_parts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<uint8_t> bytes(data, data + size);
  bundle::rules::font_problem(bytes);
  bundle::rules::picture_problem(bytes, "image/png", 16, 16);
  bundle::rules::picture_problem(bytes, "image/jpeg", 16, 16);
  return 0;
}
