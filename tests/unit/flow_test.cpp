// flow_test.cpp — the flow of screens and the session timers on a fake clock.
#include <doctest/doctest.h>

#include "kiosk/flow/flow.h"

using flow::Flow;
using flow::Screen;

TEST_CASE("flow: navigation pushes, back pops, home stays home") {
  Flow f("es");
  CHECK(f.screen() == Screen::Home);
  f.back();
  CHECK(f.screen() == Screen::Home);
  f.go({Screen::Rooms});
  f.go({Screen::Room, 3});
  CHECK(f.screen() == Screen::Room);
  CHECK(f.here().index == 3);
  f.replace({Screen::Room, 4});
  f.back();
  CHECK(f.screen() == Screen::Rooms);
  f.go({Screen::Room, 1});
  f.home();
  CHECK(f.screen() == Screen::Home);
  CHECK(std::string(flow::name(Screen::Answer)) == "answer");
}

TEST_CASE("flow: idle → warning → attract, and everything resets") {
  Flow f("es", {90'000, 30'000});
  f.touch(1000);
  f.go({Screen::Quotes, 0});
  f.set_lang("en");
  f.set_larger_text(true);
  CHECK_FALSE(f.update(1000 + 89'999));
  CHECK(f.next_deadline(1000 + 89'000) == 1000);
  CHECK(f.update(1000 + 90'000));
  CHECK(f.screen() == Screen::Warning);
  CHECK(f.beneath().screen == Screen::Quotes);
  CHECK(f.warning_seconds_left(1000 + 90'000) == 30);
  CHECK(f.warning_seconds_left(1000 + 119'001) == 1);
  CHECK(f.update(1000 + 120'000));
  CHECK(f.screen() == Screen::Attract);
  CHECK(f.lang() == "es");
  CHECK_FALSE(f.larger_text());
  CHECK(f.sessions_ended() == 1);
  CHECK(f.next_deadline(200'000) == UINT64_MAX);  // attract mode has no timer of its own
  f.wake(300'000);
  CHECK(f.screen() == Screen::Home);
  CHECK(f.lang() == "es");
}

TEST_CASE("flow: continue returns the visitor exactly where they were") {
  Flow f("es", {90'000, 30'000});
  f.touch(0);
  f.go({Screen::Rooms});
  f.go({Screen::Room, 5});
  f.set_lang("en");
  f.update(95'000);
  REQUIRE(f.screen() == Screen::Warning);
  f.continue_session(100'000);
  CHECK(f.screen() == Screen::Room);
  CHECK(f.here().index == 5);
  CHECK(f.lang() == "en");
  CHECK_FALSE(f.update(100'000 + 89'000));  // the idle period starts again
}

TEST_CASE("flow: with nobody there since start, idle goes straight to attract") {
  Flow f("es", {90'000, 30'000});
  CHECK(f.update(90'000));
  CHECK(f.screen() == Screen::Attract);
}

TEST_CASE("flow: the countdown wakes the app every second") {
  Flow f("es", {90'000, 30'000});
  f.touch(0);
  f.update(90'000);
  CHECK(f.next_deadline(90'000) == 1000);
  CHECK(f.next_deadline(90'400) == 600);
  CHECK(f.next_deadline(119'500) == 500);
}

TEST_CASE("flow: a running animation holds the timeout") {
  Flow f("es", {90'000, 30'000});
  f.go({Screen::Map});
  f.touch(0);
  f.hold(Screen::Map, true, 10'000);
  CHECK_FALSE(f.update(300'000));
  CHECK(f.screen() == Screen::Map);
  f.hold(Screen::Map, false, 300'000);
  CHECK_FALSE(f.update(300'000 + 89'000));
  CHECK(f.update(300'000 + 90'000));
  CHECK(f.screen() == Screen::Warning);
}

// Issue 12: the journey kept playing (for the map's memory) after the visitor went home, and its
// hold kept the kiosk on the next screen for ever.
TEST_CASE("flow: a hold ends when its screen is left") {
  Flow f("es", {90'000, 30'000});
  f.go({Screen::Map});
  f.touch(0);
  f.hold(Screen::Map, true, 2'000);  // the map is drawn while playing…
  f.touch(2'500);
  f.home();                          // … and the visitor leaves it; the map is not drawn again
  CHECK_FALSE(f.update(3'000));
  CHECK_FALSE(f.held());
  CHECK(f.next_deadline(3'000) == 89'500);
  CHECK(f.update(2'500 + 90'000));
  CHECK(f.screen() == Screen::Warning);
  CHECK(f.update(2'500 + 120'000));
  CHECK(f.screen() == Screen::Attract);
}

TEST_CASE("flow: a hold on another screen than the visitor's never starts") {
  Flow f("es", {90'000, 30'000});
  f.go({Screen::Rooms});
  f.touch(0);
  f.hold(Screen::Map, true, 1'000);
  CHECK_FALSE(f.held());
  CHECK(f.update(90'000));
}

TEST_CASE("flow: a hold ends at the cap whatever the screen does") {
  Flow f("es", {90'000, 30'000});
  f.go({Screen::Map});
  f.touch(0);
  uint64_t t = 0;
  for (; t < Flow::kMaxHoldMs + 60'000; t += 1'000) f.hold(Screen::Map, true, t);  // renewed every frame
  CHECK_FALSE(f.held());
  // The idle period counts from the cap, and a screen that keeps asking cannot take it back.
  CHECK(f.update(Flow::kMaxHoldMs + 90'000));
  CHECK(f.screen() == Screen::Warning);
  f.hold(Screen::Map, true, Flow::kMaxHoldMs + 100'000);
  CHECK(f.update(Flow::kMaxHoldMs + 120'000));
  CHECK(f.screen() == Screen::Attract);
}

TEST_CASE("flow: the next deadline of a hold is its cap; the session's end drops it") {
  Flow f("es", {90'000, 30'000});
  f.go({Screen::Map});
  f.touch(0);
  f.hold(Screen::Map, true, 1'000);
  CHECK(f.next_deadline(1'000) == Flow::kMaxHoldMs);
  f.end_session();
  CHECK_FALSE(f.held());
  f.wake(5'000);
  CHECK_FALSE(f.held());
}
