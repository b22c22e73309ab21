// touch_replug_test.cpp — a touch screen unplugged and plugged back (issue 9): SDL 2.26 removes
// it without an event or a finger-up and numbers it anew, so a finger of the old device must not
// turn the new device's tap into a pinch, a removed device's finger must be forgotten at once,
// and the new device's touches must land where the visitor touched at every rotation.
#include <doctest/doctest.h>

#include <SDL.h>

#include "kiosk/app/app.h"
#include "kiosk/app/rotation.h"
#include "kiosk/app/touch_devices.h"
#include "kiosk/ui/gestures.h"
#include "platform/rotation.h"
#include "test_util.h"

using namespace testutil;

namespace {

SDL_Event touch(Uint32 type, int64_t device, int64_t finger, float x, float y) {
  SDL_Event e{};
  e.type = type;
  e.tfinger.touchId = device;
  e.tfinger.fingerId = finger;
  e.tfinger.x = x;
  e.tfinger.y = y;
  return e;
}

std::vector<ui::GestureType> drain(ui::GestureRecognizer& g) {
  std::vector<ui::GestureType> out;
  ui::Gesture x;
  while (g.poll(x)) out.push_back(x.type);
  return out;
}

using T = ui::GestureType;

}  // namespace

TEST_CASE("touch replug: device A's finger never lifted; device B's tap is a tap, not a pinch") {
  ui::GestureRecognizer g;
  g.feed(touch(SDL_FINGERDOWN, 5, 0, 0.2f, 0.2f), 1000, 800, 480);
  CHECK(drain(g) == std::vector<T>{T::Press});
  // Unplugged with the finger on it: no SDL_FINGERUP. A second later, the same screen is back
  // as device 9 (SDL's touch id is the new evdev fd) and a visitor taps.
  g.feed(touch(SDL_FINGERDOWN, 9, 0, 0.6f, 0.5f), 2000, 800, 480);
  g.feed(touch(SDL_FINGERUP, 9, 0, 0.6f, 0.5f), 2080, 800, 480);
  CHECK(drain(g) == std::vector<T>{T::Cancel, T::Release, T::Press, T::Tap, T::Release});
  CHECK_FALSE(g.active());
  // Two fingers of one device still pinch.
  g.feed(touch(SDL_FINGERDOWN, 9, 1, 0.4f, 0.5f), 3000, 800, 480);
  g.feed(touch(SDL_FINGERDOWN, 9, 2, 0.6f, 0.5f), 3010, 800, 480);
  CHECK(drain(g) == std::vector<T>{T::Press, T::PinchStart});
}

TEST_CASE("touch replug: a removed device's fingers are forgotten at once, without a tap") {
  ui::GestureRecognizer g;
  g.feed(touch(SDL_FINGERDOWN, 5, 0, 0.2f, 0.2f), 1000, 800, 480);
  g.feed(touch(SDL_FINGERDOWN, 5, 1, 0.3f, 0.2f), 1010, 800, 480);
  drain(g);
  g.forget_device(7, 1500);  // another device: nothing happens
  CHECK(g.active());
  CHECK(drain(g).empty());
  g.forget_device(5, 1500);
  CHECK_FALSE(g.active());
  CHECK(drain(g) == std::vector<T>{T::PinchEnd, T::Cancel, T::Release});
}

TEST_CASE("touch replug: the device list says which touch screens went away") {
  std::vector<int64_t> there{5};
  std::vector<std::string> log;
  app::TouchDevices d([&] { return there; }, [&](const std::string& s) { log.push_back(s); });
  CHECK(d.gone().empty());  // the first look learns what is there
  there = {};
  CHECK(d.gone() == std::vector<int64_t>{5});
  there = {9};
  CHECK(d.gone().empty());
  CHECK(log == std::vector<std::string>{"touch screen 5 removed: its fingers are forgotten", "touch screen 9 plugged in"});
  // Ids SDL never listed (a tour's synthetic touches) are never reported gone.
  app::TouchDevices none([] { return std::vector<int64_t>{}; }, [](const std::string&) {});
  CHECK(none.gone().empty());
  CHECK(none.gone().empty());
}

TEST_CASE("touch replug: a replugged device's tap lands where it was made, at every rotation") {
  const int panel_w = 1280, panel_h = 800;
  for (int rotation : {0, 90, 180, 270}) {
    CAPTURE(rotation);
    int w, h;
    platform::picture_size(rotation, panel_w, panel_h, w, h);
    ui::GestureRecognizer g;
    // Device 5 held a finger when it was unplugged; device 12 is the same glass plugged back.
    platform::Norm old_p = platform::picture_to_panel(rotation, {0.1f, 0.1f});
    g.feed(app::to_picture(touch(SDL_FINGERDOWN, 5, 3, old_p.x, old_p.y), rotation, panel_w, panel_h), 0, w, h);
    const float px = 0.25f * w, py = 0.75f * h;  // the button the visitor taps, in the picture
    platform::Norm p = platform::picture_to_panel(rotation, {px / w, py / h});
    g.feed(app::to_picture(touch(SDL_FINGERDOWN, 12, 0, p.x, p.y), rotation, panel_w, panel_h), 1000, w, h);
    g.feed(app::to_picture(touch(SDL_FINGERUP, 12, 0, p.x, p.y), rotation, panel_w, panel_h), 1080, w, h);
    ui::Gesture x;
    bool tapped = false;
    while (g.poll(x)) {
      CHECK(x.type != T::PinchStart);
      if (x.type == T::Tap) {
        tapped = true;
        CHECK(std::abs(x.x - px) < 1.5f);
        CHECK(std::abs(x.y - py) < 1.5f);
      }
    }
    CHECK(tapped);
  }
}

TEST_CASE("touch replug: the kiosk forgets an unplugged screen's finger and takes taps from the new one") {
  Scratch s("replug");
  std::string bundle = s.path("exhibit.bundle");
  REQUIRE(build(copy_example(s), bundle).code == 0);
  std::vector<int64_t> there{5};
  app::Options o;
  o.bundle = bundle;
  o.headless = true;
  o.width = 640, o.height = 400;
  o.config.rotation = 90;  // the panel hangs turned: the new device's touches are turned too
  o.touch_devices = [&] { return there; };
  app::App a(o);
  std::string why;
  REQUIRE(a.start(why));
  a.advance(500);
  REQUIRE(a.screen_name() == "home");
  // Device 5 holds a finger on an empty spot (not the top-left corner: the staff gesture's, whose
  // touches never reach the visitor's gestures); then it is unplugged: SDL's list no longer has it.
  const float ex = a.video().width - 5.f, ey = 5.f;
  for (const auto& it : a.items()) REQUIRE_FALSE(it.r.contains(ex, ey));
  a.finger(SDL_FINGERDOWN, 0, ex, ey, 5);
  a.advance(200);
  CHECK(a.touching());
  there = {};
  a.advance(1500);  // the kiosk looks about once a second while a finger is held
  CHECK_FALSE(a.touching());
  there = {12};
  // The replugged screen (device 12) taps "quotes".
  a.draw_frame();
  const ui::Item* quotes = nullptr;
  for (const auto& it : a.items())
    if (it.id == "home.quotes") quotes = &it;
  REQUIRE(quotes);
  float x = quotes->r.x + quotes->r.w / 2, y = quotes->r.y + quotes->r.h / 2;
  a.finger(SDL_FINGERDOWN, 0, x, y, 12);
  a.advance(60);
  a.finger(SDL_FINGERUP, 0, x, y, 12);
  a.advance(100);
  CHECK(a.screen_name() == "quotes");
}
