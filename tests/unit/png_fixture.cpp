// png_fixture.cpp — writes test pictures with stb_image_write (from libstb-dev).
#include <stb_image_write.h>

#include <string>
#include <vector>

bool make_test_png(const std::string& path, int w, int h) {
  std::vector<unsigned char> px((size_t)w * h * 3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      unsigned char* p = &px[((size_t)y * w + x) * 3];
      p[0] = (unsigned char)(x * 255 / w);
      p[1] = (unsigned char)(y * 255 / h);
      p[2] = 128;
    }
  return stbi_write_png(path.c_str(), w, h, 3, px.data(), w * 3) != 0;
}
