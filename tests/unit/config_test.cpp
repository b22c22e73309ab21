// config_test.cpp — kiosk.toml mistakes a technician makes: each is refused with file:line and
// what to write instead, and the kiosk keeps the default for that setting (issue 12).
#include <doctest/doctest.h>

#include "kiosk/app/config.h"
#include "kiosk/flow/flow.h"
#include "test_util.h"

namespace {

struct Loaded {
  app::Config c;
  std::vector<std::string> errors;
  bool ok = false;
};

Loaded load(const std::string& toml) {
  testutil::Scratch s("config");
  testutil::write(s.path("kiosk.toml"), toml);
  Loaded l;
  l.ok = app::load_config(s.path("kiosk.toml"), l.c, l.errors);
  for (auto& e : l.errors) e = e.substr(e.find("kiosk.toml"));  // drop the scratch folder
  return l;
}

bool has(const Loaded& l, const std::string& part) {
  for (const auto& e : l.errors)
    if (e.find(part) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("config: good timeouts are read as written") {
  Loaded l = load("bundle = \"/x.bundle\"\n[session]\nidle_seconds = 120\nwarning_seconds = 45\n");
  REQUIRE_MESSAGE(l.ok, (l.errors.empty() ? "" : l.errors[0]));
  CHECK(l.c.idle_seconds == 120);
  CHECK(l.c.warning_seconds == 45);
}

TEST_CASE("config: negative, zero, absurd or non-integer timeouts are refused at their line") {
  for (const char* v : {"-5", "0", "1", "86400", "90.5", "\"90\""}) {
    CAPTURE(v);
    Loaded l = load(std::string("[session]\n\nidle_seconds = ") + v + "\nwarning_seconds = -30\n");
    CHECK_FALSE(l.ok);
    CHECK(has(l, "kiosk.toml:3: error: idle_seconds must be a whole number of seconds from 15 to 3600"));
    CHECK(has(l, "kiosk.toml:4: error: warning_seconds must be a whole number of seconds from 20 to 600"));
    CHECK(l.c.idle_seconds == 0);  // 0 = the exhibit's own: the default runs
    CHECK(l.c.warning_seconds == 0);
  }
}

TEST_CASE("config: timeouts can never wrap or spin, whatever reaches the flow") {
  // Today a negative idle timeout became a huge unsigned wait; zero made the kiosk spin.
  flow::Timeouts t = flow::timeouts_from_seconds(-90, 0);
  CHECK(t.idle_ms == 90'000);
  CHECK(t.warning_ms == 30'000);
  t = flow::timeouts_from_seconds(1, 100000);
  CHECK(t.idle_ms == 15'000);
  CHECK(t.warning_ms == 600'000);
  t = flow::timeouts_from_seconds(120, 45);
  CHECK(t.idle_ms == 120'000);
  CHECK(t.warning_ms == 45'000);
}

TEST_CASE("config: an unknown key is refused with a did-you-mean") {
  Loaded l = load("bundel = \"/x.bundle\"\n[session]\nidle_secods = 90\n[display]\non_comand = \"x\"\n");
  CHECK_FALSE(l.ok);
  CHECK(has(l, "kiosk.toml:1: error: unknown key \"bundel\"; did you mean \"bundle\"? (ignored)"));
  CHECK(has(l, "kiosk.toml:3: error: unknown key \"idle_secods\" in [session]; did you mean \"idle_seconds\"?"));
  CHECK(has(l, "kiosk.toml:5: error: unknown key \"on_comand\" in [display]; did you mean \"on_command\"?"));
  CHECK(l.c.bundle.empty());
  // Nothing near: no guess.
  Loaded far = load("colour = \"red\"\n");
  CHECK(has(far, "kiosk.toml:1: error: unknown key \"colour\" (ignored)"));
}

TEST_CASE("config: a bad time in opening hours keeps that day open; the other days stand") {
  Loaded l = load("[hours]\nmonday = \"closed\"\ntuesday = \"10:00-25:00\"\nwednesday = \"10:00-17:00\"\n"
                  "thursday = \"10:00-17:00\"\nfriday = \"10:00-17:00\"\nsaturday = \"10:00-17:00\"\nsunday = \"10:00-17:00\"\n"
                  "[hours.exceptions]\n\"2026-12-25\" = \"9-\"\n");
  CHECK_FALSE(l.ok);
  CHECK(has(l, "kiosk.toml:3: error: tuesday: "));
  CHECK(has(l, "(open all day until fixed)"));
  CHECK(has(l, "kiosk.toml:10: error: 2026-12-25: "));
  REQUIRE(l.c.hours.configured());
  // 2026-12-01 is a Tuesday: open at 06:00 and 23:00 local; Monday 2026-11-30 is closed.
  auto at = [](int d, int h) {
    std::tm t{};
    t.tm_year = 126, t.tm_mon = 10, t.tm_mday = d, t.tm_hour = h, t.tm_isdst = -1;
    return (int64_t)mktime(&t);
  };
  CHECK(l.c.hours.is_open(at(31, 6)));   // Tuesday (mktime normalises Nov 31 to Dec 1)
  CHECK(l.c.hours.is_open(at(31, 23)));
  CHECK_FALSE(l.c.hours.is_open(at(30, 12)));  // Monday
  CHECK(l.c.hours.is_open(at(32, 12)));         // Wednesday
  CHECK_FALSE(l.c.hours.is_open(at(32, 18)));
}

TEST_CASE("config: a screen size that cannot be millimetres is ignored") {
  Loaded l = load("screen_mm = [-344, 194]\n");
  CHECK(has(l, "kiosk.toml:1: error: screen_mm must be"));
  CHECK(l.c.screen_w_mm == 0);
  CHECK(l.c.screen_h_mm == 0);
}

TEST_CASE("config: [display] renderer picks the render path; a mistake names its line and keeps auto") {
  Loaded none = load("[display]\nrotation = 0\n");
  CHECK(none.c.renderer == platform::RenderPath::Auto);
  for (auto [text, want] : {std::pair{"auto", platform::RenderPath::Auto}, std::pair{"opengles2", platform::RenderPath::OpenGLES2},
                            std::pair{"software", platform::RenderPath::Software}}) {
    CAPTURE(text);
    Loaded l = load(std::string("[display]\nrenderer = \"") + text + "\"\n");
    REQUIRE_MESSAGE(l.ok, (l.errors.empty() ? "" : l.errors[0]));
    CHECK(l.c.renderer == want);
  }
  for (const char* bad : {"\"gles\"", "\"OpenGL\"", "2", "true"}) {
    CAPTURE(bad);
    Loaded l = load(std::string("[display]\nmode = \"1920x1080\"\nrenderer = ") + bad + "\n");
    CHECK_FALSE(l.ok);
    CHECK(has(l, "kiosk.toml:3: error: renderer must be \"auto\" (OpenGL ES on the screen), \"opengles2\" or \"software\""));
    CHECK(l.c.renderer == platform::RenderPath::Auto);
  }
  Loaded typo = load("[display]\nrenderr = \"software\"\n");
  CHECK(has(typo, "kiosk.toml:2: error: unknown key \"renderr\" in [display]; did you mean \"renderer\"?"));
  // What auto means: the GPU on a screen, the references' software rasteriser headless.
  CHECK(platform::resolve_render_path(platform::RenderPath::Auto, false) == platform::RenderPath::OpenGLES2);
  CHECK(platform::resolve_render_path(platform::RenderPath::Auto, true) == platform::RenderPath::Software);
  CHECK(platform::resolve_render_path(platform::RenderPath::OpenGLES2, true) == platform::RenderPath::OpenGLES2);
  CHECK(platform::resolve_render_path(platform::RenderPath::Software, false) == platform::RenderPath::Software);
}
