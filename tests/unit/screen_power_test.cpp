// screen_power_test.cpp — switching the screen for opening hours (platform/screen_power.h) on
// fakes: a recorder standing in for DRM (the property sets, in order), a temp dir standing in
// for /sys/class/backlight, and the kiosk itself closing, opening and restarting inside hours.
// No real DRM device or backlight is touched here; the libdrm calls themselves are untested.
#include <doctest/doctest.h>

#include <ctime>

#include "kiosk/app/app.h"
#include "kiosk/app/config.h"
#include "platform/screen_power.h"
#include "scoped_zone.h"
#include "test_util.h"

using namespace testutil;

namespace {

// Records every DRM call as a line; refuses what it is told to refuse.
struct FakeDrm : platform::DrmPort {
  std::vector<std::string>* calls;
  std::vector<Output> outs{{42, 7, "HDMI-A-1"}};
  bool refuse_dpms = false, refuse_atomic = false, no_device = false;
  const app::App** app = nullptr;  // to note what the kiosk showed at each call
  explicit FakeDrm(std::vector<std::string>* c) : calls(c) {}
  // What the panel showed at the call: nothing yet, the closed black frame, or the exhibit.
  std::string at() const {
    if (!app || !*app) return "";
    if ((*app)->frames() == 0) return " before any frame";
    return (*app)->texts().empty() ? " after a black frame" : " over the exhibit";
  }
  bool outputs(std::vector<Output>& out, std::string& why) override {
    if (no_device) return why = "no device", false;
    out = outs;
    return true;
  }
  bool set_dpms(const Output& o, bool on, std::string& why) override {
    calls->push_back("DPMS " + std::to_string(o.connector) + (on ? " on" : " off") + (refuse_dpms ? " refused" : "") + at());
    if (refuse_dpms) why = "Invalid argument";
    return !refuse_dpms;
  }
  bool set_active(const Output& o, bool on, std::string& why) override {
    calls->push_back("ACTIVE " + std::to_string(o.crtc) + (on ? "=1" : "=0") + (refuse_atomic ? " refused" : "") + at());
    if (refuse_atomic) why = "Permission denied";
    return !refuse_atomic;
  }
};

// A fake sysfs root with one backlight device.
struct FakeSysfs {
  static inline int made = 0;
  Scratch s{"sysfs-" + std::to_string(++made)};
  fs::path dev;
  FakeSysfs(const std::string& name, bool bl_power, const std::string& brightness = "200") {
    dev = s.dir / "class" / "backlight" / name;
    fs::create_directories(dev);
    if (bl_power) write(dev / "bl_power", "0\n");
    write(dev / "brightness", brightness + "\n");
    write(dev / "max_brightness", "255\n");
  }
  std::string root() const { return s.dir.string(); }
  std::string bl_power() const { return read(dev / "bl_power"); }
  std::string brightness() const { return read(dev / "brightness"); }
};

struct Quiet {
  std::vector<std::string> logs, commands;
  platform::ScreenPower::Runner run() {
    return [this](const std::string& c) { return commands.push_back(c), true; };
  }
  platform::ScreenPower::Log log() {
    return [this](const std::string& s) { logs.push_back(s); };
  }
};

platform::PowerSetup setup(platform::PowerMethod m, const std::string& sysfs = "") {
  return {m, "echo display-off", "echo display-on", sysfs};
}

}  // namespace

TEST_CASE("screen power: DPMS off at closing and on at opening, on the connector SDL drives") {
  std::vector<std::string> calls;
  Quiet q;
  platform::ScreenPower p(setup(platform::PowerMethod::Auto), std::make_unique<FakeDrm>(&calls), q.run(), q.log());
  CHECK(p.set(false));
  CHECK(p.set(true));
  CHECK(calls == std::vector<std::string>{"DPMS 42 off", "DPMS 42 on"});
  CHECK(q.commands.empty());  // DPMS worked: the site's commands are not needed
  REQUIRE(q.logs.size() == 2);
  CHECK(q.logs[0] == "screen off (power = \"auto\"): DPMS off on HDMI-A-1");
  CHECK(q.logs[1] == "screen on (power = \"auto\"): DPMS on on HDMI-A-1");
  CHECK(p.state() == true);
}

TEST_CASE("screen power: a driver refusing legacy DPMS gets an atomic commit of CRTC ACTIVE") {
  std::vector<std::string> calls;
  Quiet q;
  auto drm = std::make_unique<FakeDrm>(&calls);
  drm->refuse_dpms = true;
  platform::ScreenPower p(setup(platform::PowerMethod::Dpms), std::move(drm), q.run(), q.log());
  CHECK(p.set(false));
  CHECK(p.set(true));
  CHECK(calls == std::vector<std::string>{"DPMS 42 off refused", "ACTIVE 7=0", "DPMS 42 on refused", "ACTIVE 7=1"});
  CHECK(q.logs[0] == "screen off (power = \"dpms\"): CRTC ACTIVE=0 on HDMI-A-1 (legacy DPMS refused: Invalid argument)");
}

TEST_CASE("screen power: when DRM refuses everything, auto falls back to the site's command and says why") {
  std::vector<std::string> calls;
  Quiet q;
  auto drm = std::make_unique<FakeDrm>(&calls);
  drm->refuse_dpms = drm->refuse_atomic = true;
  platform::ScreenPower p(setup(platform::PowerMethod::Auto), std::move(drm), q.run(), q.log());
  CHECK(p.set(false));
  CHECK(q.commands == std::vector<std::string>{"echo display-off"});
  CHECK(q.logs[0] ==
        "screen off (power = \"auto\"): ran echo display-off; not: DPMS on HDMI-A-1: Invalid argument; atomic ACTIVE: Permission denied");
  // Asked for DPMS only, it does not run commands: it says it could not.
  std::vector<std::string> calls2;
  Quiet q2;
  auto drm2 = std::make_unique<FakeDrm>(&calls2);
  drm2->no_device = true;
  platform::ScreenPower only(setup(platform::PowerMethod::Dpms), std::move(drm2), q2.run(), q2.log());
  CHECK_FALSE(only.set(false));
  CHECK(q2.commands.empty());
  CHECK(q2.logs[0] == "screen off (power = \"dpms\"): nothing could switch it (DPMS: no device); the picture is black while closed");
  // No DRM at all (not KMSDRM) and nothing else configured.
  Quiet q3;
  platform::ScreenPower none_there({platform::PowerMethod::Auto, "", "", ""}, nullptr, q3.run(), q3.log());
  CHECK_FALSE(none_there.set(false));
  CHECK(q3.logs[0] ==
        "screen off (power = \"auto\"): nothing could switch it (DPMS: no DRM device (the video driver is not KMSDRM); no "
        "off_command configured); the picture is black while closed");
}

TEST_CASE("screen power: a DSI panel's backlight through bl_power, in a fake sysfs") {
  FakeSysfs sys("10-0045", true);
  Quiet q;
  platform::ScreenPower p(setup(platform::PowerMethod::Backlight, sys.root()), nullptr, q.run(), q.log());
  CHECK(p.set(false));
  CHECK(sys.bl_power() == "4");
  CHECK(p.set(true));
  CHECK(sys.bl_power() == "0");
  CHECK(sys.brightness() == "200\n");  // untouched
  CHECK(q.logs[0] == "screen off (power = \"backlight\"): backlight 10-0045 bl_power=4");
  CHECK(q.commands.empty());
}

TEST_CASE("screen power: a backlight without bl_power is dimmed to 0 and given its brightness back") {
  FakeSysfs sys("rpi_backlight", false, "180");
  Quiet q;
  {
    platform::ScreenPower p(setup(platform::PowerMethod::Backlight, sys.root()), nullptr, q.run(), q.log());
    CHECK(p.set(false));
    CHECK(sys.brightness() == "0");
    CHECK(p.set(true));
    CHECK(sys.brightness() == "180");
    CHECK(p.set(false));
  }
  // A restart (nothing remembered) inside opening hours: a panel left at 0 comes back at full.
  platform::ScreenPower again(setup(platform::PowerMethod::Backlight, sys.root()), nullptr, q.run(), q.log());
  CHECK(again.set(true));
  CHECK(sys.brightness() == "255");
}

TEST_CASE("screen power: auto switches DPMS and the backlight of a DSI panel together; none does nothing") {
  FakeSysfs sys("10-0045", true);
  std::vector<std::string> calls;
  Quiet q;
  platform::ScreenPower p(setup(platform::PowerMethod::Auto, sys.root()), std::make_unique<FakeDrm>(&calls), q.run(), q.log());
  CHECK(p.set(false));
  CHECK(calls == std::vector<std::string>{"DPMS 42 off"});
  CHECK(sys.bl_power() == "4");
  CHECK(q.logs[0] == "screen off (power = \"auto\"): DPMS off on HDMI-A-1, backlight 10-0045 bl_power=4");

  std::vector<std::string> calls2;
  Quiet q2;
  FakeSysfs sys2("10-0045", true);
  platform::ScreenPower none(setup(platform::PowerMethod::Nothing, sys2.root()), std::make_unique<FakeDrm>(&calls2), q2.run(), q2.log());
  CHECK_FALSE(none.set(false));
  CHECK(calls2.empty());
  CHECK(q2.commands.empty());
  CHECK(sys2.bl_power() == "0\n");
  CHECK(q2.logs[0] == "screen off (power = \"none\"): not switched, as configured; the picture is black while closed");
}

TEST_CASE("screen power: [display] power in kiosk.toml") {
  Scratch s("power-config");
  auto load = [&](const std::string& text, app::Config& c) {
    write(s.dir / "kiosk.toml", text);
    std::vector<std::string> errors;
    app::load_config(s.path("kiosk.toml"), c, errors);
    return errors;
  };
  app::Config c;
  CHECK(load("[display]\npower = \"backlight\"\n", c).empty());
  CHECK(c.power == platform::PowerMethod::Backlight);
  app::Config d;
  auto e = load("[display]\npower = \"dmps\"\n", d);
  REQUIRE(e.size() == 1);
  CHECK(e[0] == s.path("kiosk.toml") + ":2: error: power must be \"auto\", \"dpms\", \"backlight\", \"command\" or \"none\" (\"auto\" used)");
  CHECK(d.power == platform::PowerMethod::Auto);
  app::Config f;
  e = load("[display]\npower = \"command\"\noff_command = \"cec-ctl --standby\"\n", f);
  REQUIRE(e.size() == 1);
  CHECK(e[0] == s.path("kiosk.toml") + ":2: error: power = \"command\" needs both off_command and on_command (\"auto\" used)");
  CHECK(f.power == platform::PowerMethod::Auto);
  // The commented kiosk.toml the package installs asks for "auto" and runs no command.
  app::Config shipped;
  std::vector<std::string> errors;
  REQUIRE(app::load_config(source_dir() + "/deploy/kiosk.toml", shipped, errors));
  CHECK(shipped.power == platform::PowerMethod::Auto);
  CHECK(shipped.display_off.empty());
}

namespace {

int64_t local(int y, int mo, int d, int h, int mi) {
  std::tm t{};
  t.tm_year = y - 1900, t.tm_mon = mo - 1, t.tm_mday = d, t.tm_hour = h, t.tm_min = mi, t.tm_isdst = -1;
  return (int64_t)mktime(&t);
}

struct Kiosk {
  Scratch s{"power-kiosk"};
  std::string bundle = s.path("exhibit.bundle");
  std::vector<std::string> calls;
  const app::App* app = nullptr;
  Kiosk() { REQUIRE(build(copy_example(s), bundle).code == 0); }
  app::Options options(int64_t start, const std::string& sysfs) {
    app::Options o;
    o.bundle = bundle;
    o.headless = true;
    o.width = 640, o.height = 400;
    o.wall_start = start;
    flow::DayHours open_day;
    std::string why;
    REQUIRE(flow::Schedule::parse_day("10:00-17:00", open_day, why));
    for (int d = 0; d < 7; ++d) o.config.hours.set_week_day(d, open_day);
    o.sysfs = sysfs;
    o.drm = [this] {
      auto d = std::make_unique<FakeDrm>(&calls);
      d->app = &app;
      return d;
    };
    return o;
  }
};

}  // namespace

TEST_CASE("screen power: the kiosk switches the screen off after closing's black frame, on at opening and on restart") {
  testutil::ScopedZone zone("Europe/Madrid");
  Kiosk k;
  FakeSysfs sys("10-0045", true);
  {
    app::App a(k.options(local(2026, 11, 24, 16, 58), sys.root()));  // a Tuesday, two minutes before closing
    k.app = &a;
    std::string why;
    REQUIRE(a.start(why));
    // Started inside opening hours: switched on at once, before the first frame.
    CHECK(k.calls == std::vector<std::string>{"DPMS 42 on before any frame"});
    CHECK(sys.bl_power() == "0");
    a.advance(1000);
    CHECK(a.frames() >= 1);
    a.advance(3 * 60 * 1000);  // 17:01
    CHECK(a.closed());
    REQUIRE(k.calls.size() == 2);
    // Off once the black frame is drawn (a CRTC switched off takes no page flip), not before it.
    CHECK(k.calls[1] == "DPMS 42 off after a black frame");
    CHECK(sys.bl_power() == "4");
    CHECK(a.screen_power()->state() == false);
    // A touch in the night wakes it: on before the frame that shows the exhibit.
    a.finger(SDL_FINGERDOWN, 0, 320, 200);
    a.advance(60);
    a.finger(SDL_FINGERUP, 0, 320, 200);
    REQUIRE(k.calls.size() == 3);
    CHECK(k.calls[2] == "DPMS 42 on after a black frame");
    a.advance(100);
    CHECK(a.screen_name() == "home");
    // Five minutes later it is dark again, and at 10:00 on Wednesday it opens.
    a.advance(6 * 60 * 1000);
    CHECK(a.closed());
    REQUIRE(k.calls.size() == 4);
    CHECK(k.calls[3] == "DPMS 42 off after a black frame");
    a.advance((int64_t)17 * 3600 * 1000);
    CHECK_FALSE(a.closed());
    REQUIRE(k.calls.size() == 5);
    CHECK(k.calls[4] == "DPMS 42 on after a black frame");
    CHECK(sys.bl_power() == "0");
    k.app = nullptr;
  }
  // A restart outside hours does not switch on; it goes dark after the first (black) frame.
  k.calls.clear();
  {
    app::App a(k.options(local(2026, 11, 24, 22, 0), sys.root()));
    k.app = &a;
    std::string why;
    REQUIRE(a.start(why));
    CHECK(k.calls.empty());
    a.advance(1000);
    CHECK(k.calls == std::vector<std::string>{"DPMS 42 off after a black frame"});
    CHECK(a.frames() == 1);
    k.app = nullptr;
  }
}
