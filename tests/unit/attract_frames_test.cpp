// attract_frames_test.cpp — attract mode draws only when something on screen changes (the budget
// "attract ≤ 10 % of a core" rests on it): the sample exhibit's playlist on a virtual clock at
// 1280×800, frames counted over stretches where nothing but the drift moves, over a fade (full
// rate, begun on time), over a rest and a glide in the journey. (A whole cycle, 230 s, is the
// bench's: 1943 frames here, 2079 before, most of them the 19 fades.)
#include <doctest/doctest.h>

#include "kiosk/app/app.h"
#include "test_util.h"

namespace {

struct Attract {
  testutil::Scratch s{"attract-frames"};
  std::unique_ptr<app::App> a;
  uint64_t start = 0;  // when attract mode began
  Attract() {
    std::string bundle = s.path("exhibit.bundle");
    REQUIRE(testutil::build(testutil::source_dir() + "/content/exhibit", bundle).code == 0);
    app::Options o;
    o.bundle = bundle;
    o.headless = true;
    o.width = 1280, o.height = 800;
    o.screen_w_mm = 217, o.screen_h_mm = 136;
    o.config.idle_seconds = 15;
    a = std::make_unique<app::App>(o);
    std::string why;
    REQUIRE(a->start(why));
    a->advance(14'900);
    while (a->screen_name() != "attract" && a->now() < 16'000) a->advance(1);
    REQUIRE(a->screen_name() == "attract");
    start = a->now();
  }
  // Frames drawn while attract's clock goes from `from` to `to` ms.
  uint64_t frames(uint64_t from, uint64_t to) {
    REQUIRE(a->now() <= start + from);
    a->advance(start + from - a->now());
    uint64_t before = a->frames();
    a->advance(to - from);
    return a->frames() - before;
  }
};

}  // namespace

TEST_CASE("attract: frames only for fades, drift steps, the invitation and the journey's glides") {
  Attract at;
  // The playlist: title 0–10 s, a quotation 10–22 s, … the journey 52–82 s; 230 s in all.
  CHECK(at.frames(1'500, 4'500) <= 2);  // the title at rest: drift steps only (was 3)
  at.frames(4'500, 9'995);
  CHECK(at.frames(9'995, 10'040) >= 2);  // the fade begins when the item changes, not a second late
  CHECK(at.frames(10'040, 11'250) >= 60);  // and keeps its full rate
  CHECK(at.frames(12'000, 14'900) <= 2);
  // The journey rests at Vienna (1907) until Zürich (1914): about 64–65.5 s.
  CHECK(at.frames(64'100, 65'400) <= 1);  // was 30 frames a second
  // It glides to Zürich at 30 frames a second.
  CHECK(at.frames(65'700, 66'300) >= 12);
}
