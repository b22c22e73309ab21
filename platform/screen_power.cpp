// screen_power.cpp — see screen_power.h. The DRM port itself is in screen_power_drm.cpp.
//
// Backlight values: bl_power takes the fbdev blank levels, 0 = FB_BLANK_UNBLANK (lit) and
// 4 = FB_BLANK_POWERDOWN (dark). A driver without bl_power is dimmed through brightness: its
// value before closing is remembered and restored at opening; after a restart (nothing
// remembered) a brightness left at 0 is set to max_brightness so the panel cannot stay dark.
#include "platform/screen_power.h"

#include <SDL.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "platform/display_power.h"

namespace fs = std::filesystem;

namespace platform {

namespace {

bool write_file(const fs::path& p, const std::string& text, std::string& why) {
  // sysfs attributes take one write(2); an ofstream reports a refused value only at close.
  FILE* f = fopen(p.c_str(), "w");
  if (!f) {
    why = p.string() + ": " + strerror(errno);
    return false;
  }
  bool ok = fputs(text.c_str(), f) >= 0;
  int err = errno;
  ok = (fclose(f) == 0) && ok;
  if (!ok) why = p.string() + ": " + strerror(errno ? errno : err);
  return ok;
}

std::string read_word(const fs::path& p) {
  std::ifstream in(p);
  std::string w;
  in >> w;
  return w;
}

std::vector<fs::path> backlight_devices(const std::string& sysfs) {
  std::vector<fs::path> out;
  if (sysfs.empty()) return out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(fs::path(sysfs) / "class" / "backlight", ec))
    out.push_back(e.path());  // entries are symlinks into /sys/devices: follow them as they are
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

ScreenPower::ScreenPower(PowerSetup setup, std::unique_ptr<DrmPort> drm, Runner run, Log log)
    : setup_(std::move(setup)), drm_(std::move(drm)), run_(std::move(run)), log_(std::move(log)) {
  if (!run_) run_ = run_display_command;
  if (!log_) log_ = [](const std::string& s) { SDL_Log("%s", s.c_str()); };
}

bool ScreenPower::set(bool on) {
  std::string done, why;
  bool ok = false;
  const PowerMethod m = setup_.method;
  if (m == PowerMethod::Auto || m == PowerMethod::Dpms) ok = dpms(on, done, why) || ok;
  if (m == PowerMethod::Auto || m == PowerMethod::Backlight) ok = backlight(on, done, why) || ok;
  if (m == PowerMethod::Command || (m == PowerMethod::Auto && !ok)) ok = command(on, done, why) || ok;
  state_ = on;
  ++switches_;
  std::string line = std::string("screen ") + (on ? "on" : "off") + " (power = \"" + power_method_name(m) + "\"): ";
  if (m == PowerMethod::Nothing) line += "not switched, as configured; the picture is black while closed";
  else if (ok) line += done + (why.empty() ? "" : "; not: " + why);
  else line += "nothing could switch it (" + why + "); the picture is black while closed";
  last_ = line;
  log_(line);
  return ok;
}

bool ScreenPower::dpms(bool on, std::string& done, std::string& why) {
  auto add_why = [&](const std::string& s) { why += (why.empty() ? "" : "; ") + s; };
  if (!drm_) return add_why("DPMS: no DRM device (the video driver is not KMSDRM)"), false;
  std::vector<DrmPort::Output> outs;
  std::string e;
  if (!drm_->outputs(outs, e)) return add_why("DPMS: " + e), false;
  if (outs.empty()) outs = known_;  // a driver that unbinds a connector it switched off
  if (outs.empty()) return add_why("DPMS: no connected output"), false;
  bool any = false;
  for (const auto& o : outs) {
    std::string legacy, atomic;
    if (drm_->set_dpms(o, on, legacy)) {
      done += (done.empty() ? "" : ", ") + std::string("DPMS ") + (on ? "on" : "off") + " on " + o.name;
      any = true;
    } else if (drm_->set_active(o, on, atomic)) {
      done += (done.empty() ? "" : ", ") + std::string("CRTC ACTIVE=") + (on ? "1" : "0") + " on " + o.name +
              " (legacy DPMS refused: " + legacy + ")";
      any = true;
    } else {
      add_why("DPMS on " + o.name + ": " + legacy + "; atomic ACTIVE: " + atomic);
    }
  }
  if (any) known_ = outs;
  return any;
}

bool ScreenPower::backlight(bool on, std::string& done, std::string& why) {
  auto add_why = [&](const std::string& s) { why += (why.empty() ? "" : "; ") + s; };
  const auto devices = backlight_devices(setup_.sysfs);
  if (devices.empty()) {
    if (setup_.method == PowerMethod::Backlight)
      add_why("backlight: none in " + (setup_.sysfs.empty() ? std::string("(no sysfs)") : setup_.sysfs + "/class/backlight"));
    return false;
  }
  bool any = false;
  for (const auto& dev : devices) {
    const std::string name = dev.filename().string();
    std::string e;
    if (fs::exists(dev / "bl_power") && write_file(dev / "bl_power", on ? "0" : "4", e)) {
      done += (done.empty() ? "" : ", ") + std::string("backlight ") + name + " bl_power=" + (on ? "0" : "4");
      any = true;
      continue;
    }
    auto saved = std::find_if(saved_brightness_.begin(), saved_brightness_.end(), [&](auto& s) { return s.first == name; });
    std::string value;
    if (!on) {
      std::string now = read_word(dev / "brightness");
      if (!now.empty() && now != "0") {
        if (saved == saved_brightness_.end()) saved_brightness_.push_back({name, now});
        else saved->second = now;
      }
      value = "0";
    } else if (saved != saved_brightness_.end()) {
      value = saved->second;
    } else if (read_word(dev / "brightness") == "0") {
      value = read_word(dev / "max_brightness");  // left dark by a run that did not come back
    }
    std::string e2;
    if (value.empty()) {  // on, and already lit at a level someone chose: leave it
      done += std::string(done.empty() ? "" : ", ") + "backlight " + name + " already lit";
      any = true;
    } else if (write_file(dev / "brightness", value, e2)) {
      done += std::string(done.empty() ? "" : ", ") + "backlight " + name + " brightness=" + value;
      any = true;
    } else {
      add_why("backlight " + name + ": " + (e.empty() ? "" : e + "; ") + e2);
    }
  }
  return any;
}

bool ScreenPower::command(bool on, std::string& done, std::string& why) {
  const std::string& cmd = on ? setup_.on_command : setup_.off_command;
  if (cmd.empty()) {
    why += std::string(why.empty() ? "" : "; ") + "no " + (on ? "on_command" : "off_command") + " configured";
    return false;
  }
  if (!run_(cmd)) {
    why += std::string(why.empty() ? "" : "; ") + "the command could not start: " + cmd;
    return false;
  }
  done += (done.empty() ? "" : ", ") + std::string("ran ") + cmd;
  return true;
}

}  // namespace platform
