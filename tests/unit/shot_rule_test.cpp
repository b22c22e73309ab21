// shot_rule_test.cpp — the GPU path's screenshot rule (tests/screens/shot_compare.h, README there):
// a 1-px slack forgives an edge moved by a pixel, never a line that is missing, and the share and
// mean bounds decide.
#include <doctest/doctest.h>

#include "tests/screens/shot_compare.h"

namespace {

shots::Image paper(int w, int h) {
  shots::Image im;
  im.w = w, im.h = h;
  im.rgba.assign((size_t)w * h * 4, 250);
  return im;
}

void ink_column(shots::Image& im, int x) {
  for (int y = 0; y < im.h; ++y)
    for (int ch = 0; ch < 3; ++ch) im.rgba[((size_t)y * im.w + x) * 4 + ch] = 40;
}

}  // namespace

TEST_CASE("shot rule: a line moved by one pixel is forgiven with 1 px of slack, not without") {
  shots::Image ref = paper(20, 20), shot = paper(20, 20);
  ink_column(ref, 10);
  ink_column(shot, 11);
  shots::Rule strict;  // the software rule: 2 of 255, no slack
  CHECK(shots::compare(ref, shot, strict).pixels == 40);
  shots::Rule gpu{32, 0, 0.015, 4, 1};
  shots::Difference d = shots::compare(ref, shot, gpu);
  CHECK(d.pixels == 0);
  CHECK(d.ok == false);  // the mean still counts every pixel: 40 of 400 pixels off by 210
  CHECK(d.mean == doctest::Approx(40 * 210.0 / 400));
}

TEST_CASE("shot rule: a missing 1-px line is still a difference with slack, both ways") {
  shots::Image ref = paper(20, 20), shot = paper(20, 20);
  ink_column(ref, 10);
  shots::Rule gpu{32, 0, 1.0, 255, 1};
  CHECK(shots::compare(ref, shot, gpu).pixels == 20);  // the line is nowhere near in the shot
  CHECK(shots::compare(shot, ref, gpu).pixels == 20);  // nor a line only the shot has
}

TEST_CASE("shot rule: the share of pixels allowed and the mean bound decide") {
  shots::Image ref = paper(100, 100), shot = paper(100, 100);
  for (int i = 0; i < 150; ++i) shot.rgba[(size_t)(i * 61 % 10000) * 4] = 0;  // 150 scattered pixels, 1.5 %
  shots::Rule gpu{32, 0, 0.015, 4, 1};
  shots::Difference d = shots::compare(ref, shot, gpu);
  CHECK(d.pixels == 150);
  CHECK(d.allowed == 150);
  CHECK(d.ok);
  shot.rgba[(size_t)(150 * 61 % 10000 + 1) * 4] = 0;  // one more
  CHECK_FALSE(shots::compare(ref, shot, gpu).ok);
  shots::Image grey = paper(100, 100);
  for (auto& c : grey.rgba) c = 244;  // every pixel 6 off: under the tolerance, over the mean bound
  d = shots::compare(ref, grey, gpu);
  CHECK(d.pixels == 0);
  CHECK_FALSE(d.ok);
}
