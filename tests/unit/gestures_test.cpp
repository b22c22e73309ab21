// gestures_test.cpp — GestureRecognizer on hand-built SDL events and a fake clock: taps,
// drags, flings, pinches, long-presses, the mouse, synthetic SDL events and focus loss.
#include <SDL.h>
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "kiosk/ui/gestures.h"

using ui::Gesture;
using ui::GestureRecognizer;
using ui::GestureType;

namespace {

const char* name(GestureType t) {
  switch (t) {
    case GestureType::Press: return "Press";
    case GestureType::Release: return "Release";
    case GestureType::Tap: return "Tap";
    case GestureType::LongPress: return "LongPress";
    case GestureType::DragStart: return "DragStart";
    case GestureType::Drag: return "Drag";
    case GestureType::DragEnd: return "DragEnd";
    case GestureType::Swipe: return "Swipe";
    case GestureType::PinchStart: return "PinchStart";
    case GestureType::Pinch: return "Pinch";
    case GestureType::PinchEnd: return "PinchEnd";
    case GestureType::Cancel: return "Cancel";
  }
  return "?";
}

// Feeds events at a fake clock and collects what the recognizer reports.
struct Rig {
  static constexpr int kW = 1920, kH = 1080;
  GestureRecognizer rec;
  uint64_t now = 10000;

  Rig() = default;
  explicit Rig(GestureRecognizer::Config c) : rec(c) {}

  void finger(Uint32 type, int64_t id, float x, float y, SDL_TouchID touch = 7) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = touch;
    e.tfinger.fingerId = id;
    e.tfinger.x = x / kW;  // SDL reports fingers normalised to the window
    e.tfinger.y = y / kH;
    rec.feed(e, now, kW, kH);
  }
  void down(int64_t id, float x, float y) { finger(SDL_FINGERDOWN, id, x, y); }
  void move(int64_t id, float x, float y) { finger(SDL_FINGERMOTION, id, x, y); }
  void up(int64_t id, float x, float y) { finger(SDL_FINGERUP, id, x, y); }

  void button(Uint32 type, int x, int y, Uint8 which_button = SDL_BUTTON_LEFT, Uint32 which = 0) {
    SDL_Event e{};
    e.type = type;
    e.button.which = which;
    e.button.button = which_button;
    e.button.x = x;
    e.button.y = y;
    rec.feed(e, now, kW, kH);
  }
  void mouse_move(int x, int y, Uint32 which = 0) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    e.motion.x = x;
    e.motion.y = y;
    rec.feed(e, now, kW, kH);
  }
  void focus_lost() {
    SDL_Event e{};
    e.type = SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    rec.feed(e, now, kW, kH);
  }

  std::vector<Gesture> drain() {
    std::vector<Gesture> all;
    Gesture g;
    while (rec.poll(g)) all.push_back(g);
    return all;
  }
};

// "Press Tap Release": readable in failure messages.
std::string names(const std::vector<Gesture>& gs) {
  std::string s;
  for (const Gesture& g : gs) s += (s.empty() ? "" : " ") + std::string(name(g.type));
  return s;
}

std::vector<Gesture> only(const std::vector<Gesture>& gs, GestureType t) {
  std::vector<Gesture> out;
  for (const Gesture& g : gs)
    if (g.type == t) out.push_back(g);
  return out;
}

// Moves finger `id` from (x0,y0) to (x1,y1) in `steps` equal steps, `ms` apart.
void glide(Rig& r, int64_t id, float x0, float y0, float x1, float y1, int steps, uint64_t ms) {
  for (int i = 1; i <= steps; ++i) {
    r.now += ms;
    const float f = static_cast<float>(i) / static_cast<float>(steps);
    r.move(id, x0 + (x1 - x0) * f, y0 + (y1 - y0) * f);
  }
}

constexpr float kEps = 0.05f;  // normalised coordinates lose a little in float

}  // namespace

TEST_CASE("gestures: a tap is reported at the down point despite jitter within the slop") {
  Rig r;
  r.down(1, 400, 300);
  r.now += 30;
  r.move(1, 405, 297);
  r.now += 30;
  r.move(1, 398, 306);
  r.now += 40;
  r.up(1, 403, 304);
  const auto gs = r.drain();
  REQUIRE(names(gs) == "Press Tap Release");
  CHECK(gs[0].x == doctest::Approx(400).epsilon(kEps));
  CHECK(gs[1].x == doctest::Approx(400).epsilon(kEps));
  CHECK(gs[1].y == doctest::Approx(300).epsilon(kEps));
  CHECK(gs[1].time_ms == 10100);
  CHECK(gs[2].x == doctest::Approx(403).epsilon(kEps));  // Release: where it lifted
  CHECK_FALSE(r.rec.active());
}

TEST_CASE("gestures: finger coordinates are scaled to window pixels") {
  Rig r;
  SDL_Event e{};
  e.type = SDL_FINGERDOWN;
  e.tfinger.touchId = 3;
  e.tfinger.fingerId = 9;
  e.tfinger.x = 0.25f;
  e.tfinger.y = 0.5f;
  r.rec.feed(e, 50, 800, 600);
  Gesture g;
  REQUIRE(r.rec.poll(g));
  CHECK(g.type == GestureType::Press);
  CHECK(g.x == doctest::Approx(200));
  CHECK(g.y == doctest::Approx(300));
  CHECK(g.x0 == doctest::Approx(200));
  CHECK(g.time_ms == 50);
  CHECK(r.rec.active());
}

TEST_CASE("gestures: moving beyond the slop makes a drag, never a tap") {
  Rig r;
  r.down(1, 100, 100);
  glide(r, 1, 100, 100, 160, 100, 6, 20);
  r.now += 500;  // rest, then lift: a slow drag end
  r.up(1, 160, 100);
  const auto gs = r.drain();
  CHECK(only(gs, GestureType::Tap).empty());
  CHECK(only(gs, GestureType::Swipe).empty());
  REQUIRE(only(gs, GestureType::DragStart).size() == 1);
  REQUIRE(only(gs, GestureType::DragEnd).size() == 1);
  CHECK(gs.front().type == GestureType::Press);
  CHECK(gs[gs.size() - 2].type == GestureType::DragEnd);
  CHECK(gs.back().type == GestureType::Release);

  const Gesture start = only(gs, GestureType::DragStart)[0];
  CHECK(start.x == doctest::Approx(120).epsilon(kEps));  // first position beyond 14 px
  CHECK(start.x0 == doctest::Approx(100).epsilon(kEps));
  CHECK(start.y0 == doctest::Approx(100).epsilon(kEps));
}

TEST_CASE("gestures: drag deltas add up to the whole movement") {
  Rig r;
  r.down(1, 500, 500);
  glide(r, 1, 500, 500, 730, 380, 23, 16);
  r.now += 16;
  r.up(1, 730, 380);
  float sx = 0, sy = 0;
  for (const Gesture& g : only(r.drain(), GestureType::Drag)) {
    sx += g.dx;
    sy += g.dy;
  }
  CHECK(sx == doctest::Approx(230).epsilon(0.01));
  CHECK(sy == doctest::Approx(-120).epsilon(0.01));
}

TEST_CASE("gestures: a fast release is a swipe with the release velocity") {
  Rig r;
  r.down(1, 200, 400);
  glide(r, 1, 200, 400, 400, 400, 20, 10);  // 10 px per 10 ms = 1000 px/s
  r.now += 10;
  r.up(1, 410, 400);
  const auto gs = r.drain();
  const auto swipes = only(gs, GestureType::Swipe);
  REQUIRE(swipes.size() == 1);
  CHECK(swipes[0].vx == doctest::Approx(1000).epsilon(0.05));
  CHECK(swipes[0].vy == doctest::Approx(0).epsilon(0.05));
  const auto n = gs.size();
  REQUIRE(n >= 3);
  CHECK(gs[n - 3].type == GestureType::Swipe);  // Swipe, then DragEnd, then Release
  CHECK(gs[n - 2].type == GestureType::DragEnd);
  CHECK(gs[n - 2].vx == doctest::Approx(1000).epsilon(0.05));
  CHECK(gs[n - 1].type == GestureType::Release);
}

TEST_CASE("gestures: a slow release ends the drag without a swipe") {
  Rig r;
  r.down(1, 200, 400);
  glide(r, 1, 200, 400, 200, 500, 50, 20);  // 2 px per 20 ms = 100 px/s downwards
  r.now += 20;
  r.up(1, 200, 502);
  const auto gs = r.drain();
  CHECK(only(gs, GestureType::Swipe).empty());
  const auto ends = only(gs, GestureType::DragEnd);
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].vy == doctest::Approx(100).epsilon(0.1));
  CHECK(ends[0].vx == doctest::Approx(0));
}

TEST_CASE("gestures: a fling that rests before lifting has no velocity") {
  Rig r;
  r.down(1, 200, 400);
  glide(r, 1, 200, 400, 600, 400, 20, 10);  // 2000 px/s
  r.now += 300;  // held still for longer than the velocity window
  r.up(1, 600, 400);
  const auto gs = r.drain();
  CHECK(only(gs, GestureType::Swipe).empty());
  const auto ends = only(gs, GestureType::DragEnd);
  REQUIRE(ends.size() == 1);
  CHECK(ends[0].vx == doctest::Approx(0));
}

TEST_CASE("gestures: a second finger cancels the tap and makes a pinch") {
  Rig r;
  r.down(1, 300, 300);
  r.now += 40;
  r.down(2, 400, 300);
  r.now += 40;
  r.up(2, 400, 300);
  r.now += 20;
  r.up(1, 300, 300);
  const auto gs = r.drain();
  REQUIRE(names(gs) == "Press PinchStart PinchEnd Release");
  CHECK(gs[1].cx == doctest::Approx(350).epsilon(kEps));
  CHECK(gs[1].cy == doctest::Approx(300).epsilon(kEps));
  CHECK(gs[1].scale == doctest::Approx(1));
}

TEST_CASE("gestures: spreading two fingers from 100 px to 200 px apart scales by 2") {
  Rig r;
  r.down(1, 450, 500);
  r.down(2, 550, 500);
  for (int i = 1; i <= 10; ++i) {  // both fingers move out by 5 px per step; centre drifts down
    r.now += 16;
    r.move(1, 450.0f - 5.0f * static_cast<float>(i), 500.0f + 2.0f * static_cast<float>(i));
    r.move(2, 550.0f + 5.0f * static_cast<float>(i), 500.0f + 2.0f * static_cast<float>(i));
  }
  r.now += 16;
  r.up(1, 400, 520);
  r.up(2, 600, 520);
  const auto gs = r.drain();
  const auto pinches = only(gs, GestureType::Pinch);
  REQUIRE(pinches.size() == 20);
  float scale = 1, cdx = 0, cdy = 0;
  for (const Gesture& g : pinches) {
    scale *= g.scale;
    cdx += g.dx;
    cdy += g.dy;
  }
  CHECK(scale == doctest::Approx(2).epsilon(0.01));
  CHECK(cdx == doctest::Approx(0).epsilon(0.01));
  CHECK(cdy == doctest::Approx(20).epsilon(0.01));
  CHECK(pinches.back().cx == doctest::Approx(500).epsilon(kEps));
  CHECK(pinches.back().cy == doctest::Approx(520).epsilon(kEps));
  CHECK(only(gs, GestureType::PinchStart).size() == 1);
  CHECK(only(gs, GestureType::PinchEnd).size() == 1);
  CHECK(only(gs, GestureType::Tap).empty());
  CHECK(gs.back().type == GestureType::Release);
}

TEST_CASE("gestures: a second finger during a drag ends the drag without a fling") {
  Rig r;
  r.down(1, 100, 100);
  glide(r, 1, 100, 100, 300, 100, 10, 10);  // fast: 2000 px/s
  r.down(2, 300, 300);
  const auto gs = r.drain();
  REQUIRE(gs.size() >= 2);
  CHECK(gs[gs.size() - 2].type == GestureType::DragEnd);
  CHECK(gs[gs.size() - 2].vx == doctest::Approx(0));
  CHECK(gs[gs.size() - 1].type == GestureType::PinchStart);
  CHECK(only(gs, GestureType::Swipe).empty());
}

TEST_CASE("gestures: the finger left after a pinch neither drags nor taps") {
  Rig r;
  r.down(1, 300, 300);
  r.down(2, 500, 300);
  r.now += 50;
  r.up(2, 500, 300);
  glide(r, 1, 300, 300, 600, 300, 10, 10);  // would be a fast drag on its own
  r.now += 10;
  r.up(1, 610, 300);
  CHECK(names(r.drain()) == "Press PinchStart PinchEnd Release");
}

TEST_CASE("gestures: a long-press fires at the deadline via tick and suppresses the tap") {
  Rig r;
  const GestureRecognizer::Config c;
  CHECK(r.rec.next_deadline() == 0);
  r.down(1, 700, 200);
  const uint64_t deadline = r.now + c.long_press_ms;
  CHECK(r.rec.next_deadline() == deadline);
  r.now += 5;
  r.move(1, 705, 203);  // within the slop: still a long-press candidate
  r.rec.tick(deadline - 1);
  CHECK(names(r.drain()) == "Press");
  r.rec.tick(deadline);
  r.rec.tick(deadline + 100);  // only once
  auto gs = r.drain();
  REQUIRE(names(gs) == "LongPress");
  CHECK(gs[0].x == doctest::Approx(700).epsilon(kEps));
  CHECK(gs[0].y == doctest::Approx(200).epsilon(kEps));
  CHECK(gs[0].time_ms == deadline);
  CHECK(r.rec.next_deadline() == 0);
  r.now = deadline + 120;
  r.up(1, 705, 203);
  CHECK(names(r.drain()) == "Release");
}

TEST_CASE("gestures: a long-press is noticed by the next event when tick is not called") {
  Rig r;
  r.down(1, 700, 200);
  r.now += GestureRecognizer::Config{}.long_press_ms + 50;
  r.up(1, 700, 200);
  const auto gs = r.drain();
  REQUIRE(names(gs) == "Press LongPress Release");
  CHECK(gs[1].time_ms == r.now);
}

// Issue 12: an older visitor who held a button for more than 0.65 s got nothing (the long-press
// came first and cancelled the tap). The app ticks the recognizer every frame, as here.
TEST_CASE("gestures: a slow press released on the spot is a tap, from 50 ms to 1.5 s") {
  for (uint64_t ms : {50, 100, 200, 400, 650, 700, 800, 1000, 1200, 1400, 1500}) {
    CAPTURE(ms);
    Rig r;
    r.down(1, 400, 300);
    const uint64_t up = r.now + ms;
    for (; r.now < up; r.now += 16) r.rec.tick(r.now);
    r.now = up;
    r.move(1, 404, 302);  // a little tremor, within the slop
    r.up(1, 404, 302);
    const auto gs = r.drain();
    CHECK(names(gs) == "Press Tap Release");
    REQUIRE(only(gs, GestureType::Tap).size() == 1);
    CHECK(only(gs, GestureType::Tap)[0].x == doctest::Approx(400).epsilon(kEps));
  }
}

TEST_CASE("gestures: a press that moves off its target is never a tap, however long") {
  for (uint64_t ms : {50, 300, 800, 1500}) {
    CAPTURE(ms);
    Rig r;
    r.down(1, 400, 300);
    r.now += ms / 2;
    r.move(1, 480, 300);  // 80 px: off a 15 mm button's centre, far beyond the slop
    r.now += ms / 2;
    r.up(1, 480, 300);
    CHECK(only(r.drain(), GestureType::Tap).empty());
  }
}

TEST_CASE("gestures: the long-press can never come before the tap's maximum") {
  GestureRecognizer::Config c;
  c.long_press_ms = 300;  // a misconfiguration: below tap_max_ms
  c.tap_max_ms = 1500;
  Rig r(c);
  r.down(1, 100, 100);
  r.rec.tick(r.now + 1000);
  r.now += 1000;
  r.up(1, 100, 100);
  CHECK(names(r.drain()) == "Press Tap Release");
}

// Issue 12: a touch driver that drops one finger-up left that finger "down" for ever, and every
// later touch became the second finger of a pinch.
TEST_CASE("gestures: a lost finger-up is forgotten: later touches are taps, not pinches") {
  SUBCASE("a new finger id, after the old finger went silent") {
    Rig r;
    r.down(1, 100, 100);
    r.now += 50;  // … its up never arrives
    r.drain();
    r.now += 5000;
    r.down(2, 600, 400);
    r.now += 60;
    r.up(2, 600, 400);
    const auto gs = r.drain();
    CHECK(names(gs) == "LongPress Cancel Release Press Tap Release");  // the old finger's, then ours
    CHECK_FALSE(r.rec.active());
    for (int i = 0; i < 3; ++i) {  // and every touch after it
      r.now += 500;
      r.down(3 + i, 300, 300);
      r.now += 60;
      r.up(3 + i, 300, 300);
      CHECK(names(r.drain()) == "Press Tap Release");
    }
  }
  SUBCASE("the same finger id again (drivers count ids from 0), even soon after") {
    Rig r;
    r.down(0, 100, 100);
    r.now += 300;
    r.drain();
    r.down(0, 600, 400);
    r.now += 60;
    r.up(0, 600, 400);
    CHECK(names(r.drain()) == "Cancel Release Press Tap Release");
  }
  SUBCASE("a pinch whose finger went silent ends; the live finger stays") {
    Rig r;
    r.down(1, 100, 100);
    r.down(2, 300, 100);
    r.now += 20;
    r.move(2, 320, 100);
    r.now += 5000;
    r.move(2, 330, 100);  // finger 2 is alive, finger 1 is silent
    r.drain();
    r.down(3, 800, 500);  // finger 1 forgotten: 2 and 3 pinch
    const auto gs = r.drain();
    CHECK(names(gs) == "PinchEnd PinchStart");
    r.up(2, 330, 100);
    r.up(3, 800, 500);
    CHECK_FALSE(r.rec.active());
  }
}

TEST_CASE("gestures: fingers are keyed by device and id; fingers on two devices are never one gesture") {
  Rig r;
  // Device 8's finger 0 is not device 7's finger 0 coming down again; but one glass has one touch
  // screen, so a second device means the first was unplugged (and replugged under a new id, its
  // finger never lifted) — or a controller reporting one finger on two interfaces: either way the
  // first device's fingers are forgotten and the new touch is a gesture of its own, not a pinch.
  r.finger(SDL_FINGERDOWN, 0, 100, 100, 7);
  r.finger(SDL_FINGERDOWN, 0, 300, 100, 8);
  CHECK(names(r.drain()) == "Press Cancel Release Press");
  r.finger(SDL_FINGERUP, 0, 100, 100, 7);  // the forgotten finger's late lift does nothing
  CHECK(names(r.drain()).empty());
  r.finger(SDL_FINGERUP, 0, 300, 100, 8);
  CHECK(names(r.drain()) == "Tap Release");
  CHECK_FALSE(r.rec.active());
}

TEST_CASE("gestures: no long-press once the finger dragged or a second finger came") {
  SUBCASE("drag") {
    Rig r;
    r.down(1, 100, 100);
    r.now += 50;
    r.move(1, 150, 100);
    CHECK(r.rec.next_deadline() == 0);
    r.rec.tick(r.now + 2000);
    CHECK(only(r.drain(), GestureType::LongPress).empty());
  }
  SUBCASE("second finger") {
    Rig r;
    r.down(1, 100, 100);
    r.down(2, 200, 100);
    CHECK(r.rec.next_deadline() == 0);
    r.rec.tick(r.now + 2000);
    CHECK(only(r.drain(), GestureType::LongPress).empty());
  }
}

TEST_CASE("gestures: a press longer than tap_max_ms is not a tap") {
  GestureRecognizer::Config c;
  c.long_press_ms = 5000;  // keep the long-press out of the way
  c.tap_max_ms = 300;
  Rig r(c);
  r.down(1, 100, 100);
  r.now += 300;
  r.up(1, 100, 100);
  CHECK(names(r.drain()) == "Press Tap Release");
  r.down(1, 100, 100);
  r.now += 301;
  r.up(1, 100, 100);
  CHECK(names(r.drain()) == "Press Release");
}

TEST_CASE("gestures: the left mouse button works like a finger") {
  Rig r;
  r.mouse_move(50, 50);  // hovering is not a gesture
  CHECK_FALSE(r.rec.active());
  r.button(SDL_MOUSEBUTTONDOWN, 640, 360);
  CHECK(r.rec.active());
  r.now += 80;
  r.button(SDL_MOUSEBUTTONUP, 642, 361);
  auto gs = r.drain();
  REQUIRE(names(gs) == "Press Tap Release");
  CHECK(gs[1].x == doctest::Approx(640));
  CHECK(gs[1].y == doctest::Approx(360));

  r.button(SDL_MOUSEBUTTONDOWN, 100, 100);
  for (int i = 1; i <= 10; ++i) {
    r.now += 10;
    r.mouse_move(100 + 10 * i, 100);
  }
  r.now += 10;
  r.button(SDL_MOUSEBUTTONUP, 210, 100);
  gs = r.drain();
  CHECK(only(gs, GestureType::DragStart).size() == 1);
  REQUIRE(only(gs, GestureType::Swipe).size() == 1);
  CHECK(only(gs, GestureType::Swipe)[0].vx == doctest::Approx(1000).epsilon(0.05));
  CHECK(gs.back().type == GestureType::Release);

  r.button(SDL_MOUSEBUTTONDOWN, 100, 100, SDL_BUTTON_RIGHT);
  r.button(SDL_MOUSEBUTTONUP, 100, 100, SDL_BUTTON_RIGHT);
  CHECK(r.drain().empty());
}

TEST_CASE("gestures: events SDL synthesises between mouse and touch are ignored") {
  Rig r;
  r.button(SDL_MOUSEBUTTONDOWN, 300, 300, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
  r.mouse_move(400, 300, SDL_TOUCH_MOUSEID);
  r.button(SDL_MOUSEBUTTONUP, 400, 300, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
  r.finger(SDL_FINGERDOWN, 0, 300, 300, SDL_MOUSE_TOUCHID);
  CHECK_FALSE(r.rec.active());
  r.finger(SDL_FINGERUP, 0, 300, 300, SDL_MOUSE_TOUCHID);
  CHECK(r.drain().empty());

  // A real finger whose touch is echoed as mouse events still makes exactly one tap.
  r.down(4, 300, 300);
  r.button(SDL_MOUSEBUTTONDOWN, 300, 300, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
  r.now += 50;
  r.up(4, 300, 300);
  r.button(SDL_MOUSEBUTTONUP, 300, 300, SDL_BUTTON_LEFT, SDL_TOUCH_MOUSEID);
  CHECK(names(r.drain()) == "Press Tap Release");

  // Echoed motion must not move a real mouse press either.
  r.button(SDL_MOUSEBUTTONDOWN, 100, 100);
  r.now += 20;
  r.mouse_move(400, 100, SDL_TOUCH_MOUSEID);
  r.now += 20;
  r.button(SDL_MOUSEBUTTONUP, 100, 100);
  CHECK(names(r.drain()) == "Press Tap Release");
}

TEST_CASE("gestures: losing focus cancels the gesture and forgets the fingers") {
  Rig r;
  r.focus_lost();  // nothing in progress: nothing to report
  CHECK(r.drain().empty());

  r.down(1, 100, 100);
  glide(r, 1, 100, 100, 400, 100, 10, 10);
  r.focus_lost();
  auto gs = r.drain();
  REQUIRE(gs.size() >= 2);
  CHECK(gs[gs.size() - 2].type == GestureType::Cancel);
  CHECK(gs[gs.size() - 1].type == GestureType::Release);
  CHECK(only(gs, GestureType::DragEnd).empty());  // an abandoned drag does not fling
  CHECK_FALSE(r.rec.active());
  CHECK(r.rec.next_deadline() == 0);

  r.now += 10;
  r.up(1, 410, 100);  // the lift after refocus belongs to nothing
  CHECK(r.drain().empty());

  r.down(2, 50, 50);  // the next gesture starts fresh
  r.now += 50;
  r.up(2, 50, 50);
  CHECK(names(r.drain()) == "Press Tap Release");
}

TEST_CASE("gestures: every Press is followed by exactly one Release, last") {
  Rig r;
  r.down(1, 100, 100);  // tap
  r.now += 50;
  r.up(1, 100, 100);
  r.down(1, 100, 100);  // drag
  glide(r, 1, 100, 100, 300, 100, 5, 10);
  r.up(1, 300, 100);
  r.down(1, 100, 100);  // pinch with three fingers, lifted in another order
  r.down(2, 200, 100);
  r.down(3, 300, 100);
  r.now += 20;
  r.move(2, 250, 100);
  r.up(1, 100, 100);
  r.move(3, 350, 100);
  r.up(3, 350, 100);
  r.up(2, 250, 100);
  r.down(1, 100, 100);  // long-press
  r.now += 2500;
  r.up(1, 100, 100);

  int open = 0, presses = 0;
  for (const Gesture& g : r.drain()) {
    if (g.type == GestureType::Press) {
      CHECK(open == 0);
      ++open;
      ++presses;
    } else if (g.type == GestureType::Release) {
      CHECK(open == 1);
      --open;
    } else {
      CHECK(open == 1);  // every other gesture happens between Press and Release
    }
  }
  CHECK(presses == 4);
  CHECK(open == 0);
}

TEST_CASE("gestures: reset drops fingers and queued gestures silently") {
  Rig r;
  r.down(1, 100, 100);
  r.down(2, 200, 100);
  r.rec.reset();
  Gesture g;
  CHECK_FALSE(r.rec.poll(g));
  CHECK_FALSE(r.rec.active());
  CHECK(r.rec.next_deadline() == 0);
  r.up(1, 100, 100);
  r.up(2, 200, 100);
  CHECK(r.drain().empty());
}
