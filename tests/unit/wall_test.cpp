// wall_test.cpp — the kiosk on the wall (issue 9): a screen that is not there yet, a wall clock
// that jumps, a visitor's keyboard, a panel mounted turned, and the display mode it asks for.
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <cmath>

#include "kiosk/app/app.h"
#include "kiosk/app/config.h"
#include "kiosk/app/keys.h"
#include "kiosk/app/rotation.h"
#include "kiosk/app/wall_clock.h"
#include "platform/display_mode.h"
#include "platform/rotation.h"
#include "platform/video_retry.h"
#include "scoped_zone.h"
#include "test_util.h"

using namespace testutil;

namespace {

// ---- no screen yet ---------------------------------------------------------------------------

struct FakeScreen {
  int fail_first = 0, tries = 0;
  std::string reason = "no display is connected";
  uint64_t clock_ms = 0;  // the virtual clock the back-off sleeps on
  std::vector<uint64_t> sleeps;
  std::vector<std::string> logs;
  bool stop_after = false;
  size_t stop_at_sleeps = 0;

  platform::VideoRetry retry() {
    platform::VideoRetry r;
    r.open = [this](const platform::VideoOptions&, platform::Video& v, std::string& why) {
      if (++tries <= fail_first) {
        why = tries > 3 ? "SDL could not open a window: no connector" : reason;
        return false;
      }
      v.width = 1920, v.height = 1080;
      return true;
    };
    r.sleep = [this](uint64_t ms) { sleeps.push_back(ms), clock_ms += ms; };
    r.stop = [this] { return stop_after && sleeps.size() >= stop_at_sleeps; };
    r.log = [this](const std::string& s) { logs.push_back(s); };
    return r;
  }
};

TEST_CASE("wall: the kiosk waits for a late screen with a calm back-off and then shows it") {
  FakeScreen f;
  f.fail_first = 9;
  platform::Video v;
  std::string why;
  REQUIRE(platform::open_video_patiently({}, v, why, f.retry()));
  CHECK(f.tries == 10);
  CHECK(f.sleeps == std::vector<uint64_t>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000});
  CHECK(f.clock_ms == 151'000);  // the screen came on after 2.5 minutes; it is shown at the next try
  // Logged once per change of reason (2 reasons) plus once when the screen is there: not per try.
  REQUIRE(f.logs.size() == 3);
  CHECK(f.logs[0].find("no display is connected") != std::string::npos);
  CHECK(f.logs[1].find("no connector") != std::string::npos);
  CHECK(f.logs[2].find("after 10 tries") != std::string::npos);
  CHECK(v.width == 1920);
}

TEST_CASE("wall: a kiosk still waiting for its screen stops when asked (SIGTERM), not before") {
  FakeScreen f;
  f.fail_first = 1000;
  f.stop_after = true;
  f.stop_at_sleeps = 50;  // 50 tries: 25 minutes without a screen, and it has not given up
  platform::Video v;
  std::string why;
  CHECK_FALSE(platform::open_video_patiently({}, v, why, f.retry()));
  CHECK(f.tries == 50);
  CHECK(why.find("no connector") != std::string::npos);
  CHECK(f.logs.size() == 2);
}

TEST_CASE("wall: the back-off doubles from 1 s to 30 s and starts again after a reset") {
  platform::Backoff b;
  std::vector<uint64_t> got;
  for (int i = 0; i < 7; ++i) got.push_back(b.next());
  CHECK(got == std::vector<uint64_t>{1000, 2000, 4000, 8000, 16000, 30000, 30000});
  b.reset();
  CHECK(b.next() == 1000);
}

// ---- the display mode ---------------------------------------------------------------------------

TEST_CASE("wall: the display mode is the panel's preferred one at 50 Hz or more, never a TV's 30 Hz") {
  using platform::Mode;
  std::string why;
  // A 4K TV that prefers 3840x2160@30: its 1920x1080@60 is chosen, not 30 Hz, not 1080p@120.
  std::vector<Mode> tv{{3840, 2160, 30}, {3840, 2160, 24}, {1920, 1080, 120}, {1920, 1080, 60}, {1920, 1080, 50}, {1280, 720, 60}};
  CHECK(platform::choose_mode(tv, {3840, 2160, 30}, {}, why) == 3);
  CHECK(why.find("1920x1080@60") != std::string::npos);
  // ... unless the kiosk.toml asks for it.
  Mode want;
  REQUIRE(platform::parse_mode("3840x2160@30", want));
  CHECK(platform::choose_mode(tv, {3840, 2160, 30}, want, why) == 0);
  CHECK(why.find("as configured") != std::string::npos);
  REQUIRE(platform::parse_mode("1280x720", want));
  CHECK(platform::choose_mode(tv, {3840, 2160, 30}, want, why) == 5);
  // A configured mode the screen does not offer: the usual choice, and the log says so.
  REQUIRE(platform::parse_mode("1024x600@60", want));
  CHECK(platform::choose_mode(tv, {3840, 2160, 30}, want, why) == 3);
  CHECK(why.find("not offered") != std::string::npos);
  // A Pi touch panel preferring 800x480@60 keeps it, though larger modes are listed.
  std::vector<Mode> panel{{1280, 800, 60}, {800, 480, 60}};
  CHECK(platform::choose_mode(panel, {800, 480, 60}, {}, why) == 1);
  // A driver that does not report refresh rates: trust the screen's own mode.
  std::vector<Mode> unknown{{1920, 1080, 0}, {1280, 720, 0}};
  CHECK(platform::choose_mode(unknown, {1920, 1080, 0}, {}, why) == 0);
  // Nothing at 50 Hz or more: the preferred mode, with the reason.
  std::vector<Mode> slow{{3840, 2160, 30}, {1920, 1080, 30}};
  CHECK(platform::choose_mode(slow, {3840, 2160, 30}, {}, why) == 0);
  CHECK(why.find("no mode") != std::string::npos);
  CHECK(platform::choose_mode({}, {}, {}, why) == -1);
  for (const char* bad : {"1920x1080@", "1920", "big", "1920x1080@60Hz", "10x10@60", "1920x1080@0"})
    CHECK_MESSAGE(!platform::parse_mode(bad, want), bad);
}

TEST_CASE("wall: kiosk.toml's rotation and mode are read, and a mistake names its line") {
  Scratch s("wall-config");
  write(s.path("ok.toml"), "[display]\nrotation = 270\nmode = \"1920x1080@60\"\n");
  app::Config c;
  std::vector<std::string> errors;
  REQUIRE(app::load_config(s.path("ok.toml"), c, errors));
  CHECK(c.rotation == 270);
  CHECK((c.mode.w == 1920 && c.mode.h == 1080 && c.mode.hz == 60));
  write(s.path("bad.toml"), "[display]\nrotation = 45\nmode = \"full hd\"\n");
  app::Config d;
  errors.clear();
  CHECK_FALSE(app::load_config(s.path("bad.toml"), d, errors));
  REQUIRE(errors.size() == 2);
  CHECK(errors[0] == s.path("bad.toml") + ":2: error: rotation must be 0, 90, 180 or 270 (degrees clockwise)");
  CHECK(errors[1].find(":3: error: mode must be like") != std::string::npos);
  CHECK(d.rotation == 0);
}

// ---- rotation -----------------------------------------------------------------------------------

TEST_CASE("wall: a touch on a turned panel lands on the same point of the picture") {
  using platform::Norm;
  // The picture's top-left corner and a point just right of it, as drawn on the panel by
  // SDL_RenderCopyEx turning clockwise, and where a finger on that spot of the panel lands.
  struct Case {
    int rot;
    Norm corner_on_panel;
  } cases[] = {{0, {0, 0}}, {90, {1, 0}}, {180, {1, 1}}, {270, {0, 1}}};
  for (auto c : cases) {
    CAPTURE(c.rot);
    Norm p = platform::picture_to_panel(c.rot, {0, 0});
    CHECK(p.x == doctest::Approx(c.corner_on_panel.x));
    CHECK(p.y == doctest::Approx(c.corner_on_panel.y));
    for (Norm q : {Norm{0.1f, 0.2f}, Norm{0.9f, 0.35f}, Norm{0.5f, 0.5f}}) {
      Norm back = platform::panel_to_picture(c.rot, platform::picture_to_panel(c.rot, q));
      CHECK(back.x == doctest::Approx(q.x));
      CHECK(back.y == doctest::Approx(q.y));
    }
  }
  // At 90° the picture's right edge is the panel's bottom edge: a finger at the panel's bottom
  // middle is the picture's right middle.
  Norm r = platform::panel_to_picture(90, {0.5f, 1.f});
  CHECK(r.x == doctest::Approx(1));
  CHECK(r.y == doctest::Approx(0.5));
  int w, h;
  platform::picture_size(90, 480, 800, w, h);
  CHECK((w == 800 && h == 480));
  platform::picture_size(180, 480, 800, w, h);
  CHECK((w == 480 && h == 800));
  for (int bad : {45, -90, 360, 1}) CHECK_FALSE(platform::valid_rotation(bad));
}

TEST_CASE("wall: touch and mouse events are turned for the gesture layer, moves too") {
  SDL_Event e{};
  e.type = SDL_FINGERMOTION;
  e.tfinger.x = 0.25f, e.tfinger.y = 0.75f, e.tfinger.dx = 0.1f, e.tfinger.dy = 0;
  SDL_Event r = app::to_picture(e, 270, 480, 800);
  CHECK(r.tfinger.x == doctest::Approx(0.25));  // 270: picture = (1 - y, x)
  CHECK(r.tfinger.y == doctest::Approx(0.25));
  CHECK(r.tfinger.dx == doctest::Approx(0));  // a move right on the panel is a move down the picture
  CHECK(r.tfinger.dy == doctest::Approx(0.1));
  e = {};
  e.type = SDL_MOUSEBUTTONDOWN;
  e.button.x = 479, e.button.y = 0;  // the panel's top-right pixel is the picture's top-left at 90°
  r = app::to_picture(e, 90, 480, 800);
  CHECK(r.button.x == 0);
  CHECK(r.button.y == 0);
  CHECK(app::to_picture(e, 0, 480, 800).button.x == 479);
}

// ---- keys ---------------------------------------------------------------------------------------

TEST_CASE("wall: the escape chords are recognised and close requests end only a dev window") {
  for (const char* chord : {"alt+f4", "alt+tab", "ctrl+c", "ctrl+alt+delete", "ctrl+alt+f2", "super", "escape"}) {
    std::vector<SDL_Event> ev;
    REQUIRE_MESSAGE(app::chord_events(chord, ev), chord);
    CHECK_MESSAGE(!app::escape_chord(ev[0]).empty(), chord);
    CHECK_FALSE(app::quit_allowed(ev[0], true));
  }
  std::vector<SDL_Event> ev;
  REQUIRE(app::chord_events("ctrl+alt+f2", ev));
  CHECK(app::escape_chord(ev[0]) == "Ctrl+Alt+F2");
  ev.clear();
  REQUIRE(app::chord_events("a", ev));
  CHECK(app::escape_chord(ev[0]).empty());
  for (const char* c : {"quit", "close"}) {
    ev.clear();
    REQUIRE(app::chord_events(c, ev));
    CHECK_FALSE(app::quit_allowed(ev[0], false));
    CHECK(app::quit_allowed(ev[0], true));
  }
  ev.clear();
  CHECK_FALSE(app::chord_events("hyper+x", ev));
}

// ---- the wall clock -----------------------------------------------------------------------------

TEST_CASE("wall: the wall clock is read when needed and a jump is noticed once") {
  app::WallClock c = app::WallClock::virtual_from(1'000'000);
  int64_t by;
  CHECK_FALSE(c.jumped(0, by));
  CHECK(c.ms(5000) == 1'000'005'000);
  CHECK_FALSE(c.jumped(5000, by));
  c.jump(1500);  // NTP slewing and rounding: not a jump
  CHECK_FALSE(c.jumped(6000, by));
  c.jump(-3600'000);
  CHECK(c.ms(6000) == 1'000'006'000 + 1500 - 3600'000);
  CHECK(c.jumped(6000, by));
  CHECK(by == -3600'000);
  CHECK_FALSE(c.jumped(7000, by));
  // The real clock follows the system's time, not the time at start.
  app::WallClock real = app::WallClock::real();
  CHECK(std::llabs(real.ms(0) - (int64_t)time(nullptr) * 1000) < 2000);
  CHECK(std::llabs(real.ms(123456789) - real.ms(0)) < 1000);
}

// ---- the kiosk itself, headless ---------------------------------------------------------------

int64_t local(int y, int mo, int d, int h, int mi) {
  std::tm t{};
  t.tm_year = y - 1900, t.tm_mon = mo - 1, t.tm_mday = d, t.tm_hour = h, t.tm_min = mi, t.tm_isdst = -1;
  return (int64_t)mktime(&t);
}

struct Exhibit {
  Scratch s{"wall"};
  std::string bundle = s.path("exhibit.bundle");
  Exhibit() {
    auto r = build(copy_example(s), bundle);
    REQUIRE_MESSAGE(r.code == 0, r.err);
  }
};

std::string one(const std::string& db, const std::string& q) {
  sqlite3* h = nullptr;
  sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, q.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

// The display commands run in the background: wait (at most 5 s) for the log to hold `on` "on"
// lines and `off` "off" lines.
bool wait_for(const std::string& file, int on, int off) {
  auto count = [](const std::string& text, const std::string& line) {
    int n = 0;
    for (size_t at = 0; (at = text.find(line, at)) != std::string::npos; at += line.size() - 1) ++n;  // lines share their newlines
    return n;
  };
  for (int i = 0; i < 100; ++i) {
    std::string t = "\n" + read(file);
    if (count(t, "\non\n") == on && count(t, "\noff\n") == off) return true;
    SDL_Delay(50);
  }
  INFO("power log: " << read(file));
  return false;
}

void tap(app::App& a, float x, float y) {
  a.finger(SDL_FINGERDOWN, 0, x, y);
  a.advance(60);
  a.finger(SDL_FINGERUP, 0, x, y);
  a.advance(40);
}

TEST_CASE("wall: a clock jump across the opening hour switches the screen at once; statistics follow") {
  testutil::ScopedZone zone("America/Mexico_City");
  Exhibit ex;
  app::Options o;
  o.bundle = ex.bundle;
  o.headless = true;
  o.width = 800, o.height = 480;
  o.wall_start = local(2026, 11, 24, 9, 0);  // a Tuesday, an hour before opening
  flow::DayHours open_day;
  std::string why;
  REQUIRE(flow::Schedule::parse_day("10:00-17:00", open_day, why));
  for (int d = 0; d < 7; ++d) o.config.hours.set_week_day(d, open_day);
  o.config.stats = ex.s.path("stats.db");
  const std::string power = ex.s.path("power.log");
  o.config.display_on = "echo on >> " + power;
  o.config.display_off = "echo off >> " + power;
  app::App a(o);
  REQUIRE(a.start(why));
  a.advance(1000);
  CHECK(a.screen_name() == "closed");
  // NTP: it is really 10:30. One pass of the loop later the exhibit is on.
  a.jump_wall_clock(90 * 60 * 1000);
  a.update();
  CHECK_FALSE(a.closed());
  a.advance(100);
  CHECK(a.wall_now() == local(2026, 11, 24, 10, 30) + 1);
  // A visitor's session is stamped with the new time.
  tap(a, 400, 240);
  a.end_visit(stats::EndReason::Other);
  int64_t started = std::stoll(one(o.config.stats, "SELECT started_at FROM sessions ORDER BY id DESC LIMIT 1"));
  CHECK(std::llabs(started - (local(2026, 11, 24, 10, 30) + 1) * 1000) < 1000);
  // And back: the clock was an hour fast after all (09:30): dark at once.
  a.jump_wall_clock(-60 * 60 * 1000);
  a.update();
  CHECK(a.closed());
  a.advance(100);
  CHECK(a.screen_name() == "closed");
  // The next change is planned from the new time: 10:00 is half an hour away, not an hour and a half.
  a.advance(29 * 60 * 1000);
  CHECK(a.closed());
  a.advance(2 * 60 * 1000);
  CHECK_FALSE(a.closed());
  // The screen's power followed each change: off at 09:00, on, off, on (the commands run in the
  // background, so only the counts are certain, not the order of the lines).
  CHECK(wait_for(power, 2, 2));
}

TEST_CASE("wall: a restart inside opening hours switches the screen on") {
  Exhibit ex;
  app::Options o;
  o.bundle = ex.bundle;
  o.headless = true;
  o.width = 800, o.height = 480;
  o.wall_start = local(2026, 11, 24, 11, 0);
  flow::DayHours open_day;
  std::string why;
  REQUIRE(flow::Schedule::parse_day("10:00-17:00", open_day, why));
  for (int d = 0; d < 7; ++d) o.config.hours.set_week_day(d, open_day);
  const std::string power = ex.s.path("power.log");
  o.config.display_on = "echo on >> " + power;
  app::App a(o);
  REQUIRE(a.start(why));
  a.advance(100);
  CHECK(a.screen_name() == "home");
  CHECK(wait_for(power, 1, 0));
}

TEST_CASE("wall: Alt+F4, Ctrl+Alt+F2, Ctrl+C, the Super key and SDL_QUIT leave the kiosk on its screen") {
  Exhibit ex;
  for (bool dev : {false, true}) {
    CAPTURE(dev);
    app::Options o;
    o.bundle = ex.bundle;
    o.headless = true;
    o.windowed = dev;
    o.width = 800, o.height = 480;
    app::App a(o);
    std::string why;
    REQUIRE(a.start(why));
    a.advance(500);
    std::string before = a.screen_name();
    for (const char* chord : {"alt+f4", "ctrl+alt+f2", "ctrl+alt+delete", "ctrl+c", "alt+tab", "super", "escape", "quit", "close"}) {
      std::vector<SDL_Event> ev;
      REQUIRE(app::chord_events(chord, ev));
      for (auto& e : ev) SDL_PushEvent(&e);
      bool quit = a.pump_events();
      a.advance(100);
      const bool closes = std::string(chord) == "quit" || std::string(chord) == "close";
      CHECK_MESSAGE(quit == (dev && closes), chord);
      CHECK(a.screen_name() == before);
    }
    // Multi-finger gestures SDL recognises itself (three-finger swipes, $1 gestures) do nothing:
    // the exhibit's own gestures come from the finger events alone.
    SDL_Event g{};
    g.type = SDL_MULTIGESTURE;
    g.mgesture.numFingers = 4;
    g.mgesture.dDist = 0.4f;
    SDL_PushEvent(&g);
    g.type = SDL_DOLLARGESTURE;
    SDL_PushEvent(&g);
    CHECK_FALSE(a.pump_events());
    a.advance(100);
    CHECK(a.screen_name() == before);
  }
}

TEST_CASE("wall: a panel turned 90 degrees draws a turned picture and a tap by id still finds its button") {
  Exhibit ex;
  app::Options o;
  o.bundle = ex.bundle;
  o.headless = true;
  o.width = 480, o.height = 800;  // a portrait panel showing the landscape exhibit
  o.config.rotation = 90;
  app::App a(o);
  std::string why;
  REQUIRE(a.start(why));
  CHECK(a.video().width == 800);
  CHECK(a.video().height == 480);
  CHECK(a.video().panel_w == 480);
  a.advance(500);
  REQUIRE(a.screen_name() == "home");
  const ui::Item* quotes = nullptr;
  for (const auto& it : a.items())
    if (it.id == "home.quotes") quotes = &it;
  REQUIRE(quotes);
  tap(a, quotes->r.x + quotes->r.w / 2, quotes->r.y + quotes->r.h / 2);
  CHECK(a.screen_name() == "quotes");
  std::string png = ex.s.path("turned.png");
  REQUIRE_MESSAGE(a.screenshot(png, why), why);
  // The screenshot is what the panel shows: portrait, the picture turned onto it.
  std::string head = read(png).substr(16, 8);  // PNG IHDR: width, height (big-endian)
  auto be = [&](int at) { return ((unsigned char)head[at] << 24) | ((unsigned char)head[at + 1] << 16) | ((unsigned char)head[at + 2] << 8) | (unsigned char)head[at + 3]; };
  CHECK(be(0) == 480);
  CHECK(be(4) == 800);
}

}  // namespace
