// screen_power.h — switching the screen off at closing time and on at opening, by whatever the
// panel answers to: DPMS on the DRM connector, the backlight of a DSI panel, or a site's command.
//
// Does:     under KMSDRM the kiosk holds DRM master, so no other process (vcgencmd, modetest)
//           may switch the panel: we set the connector's legacy "DPMS" property on SDL's own DRM
//           fd, or, where a driver refuses that, commit the CRTC's ACTIVE property atomically;
//           for DSI panels we write /sys/class/backlight/*/bl_power (or brightness); a configured
//           off/on command runs in the background (display_power.h). `power` in kiosk.toml picks
//           the method; "auto" does every one that is there (DPMS, then the backlight) and runs
//           the commands only when neither could. Every switch is logged in one line: what was
//           done, or why nothing could be.
// Does not: decide when (the app follows the opening hours); draw the black frame (the app
//           draws one before switching off, and switches on before drawing again).
// The DRM calls sit behind DrmPort and the sysfs tree is a root directory, so tests run on
// fakes: a temp dir for the backlight, a recorder for the property sets.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct SDL_Window;

namespace platform {

// Nothing is "none" (X11 headers, pulled in by SDL_syswm.h, define None).
enum class PowerMethod { Auto, Dpms, Backlight, Command, Nothing };

// "auto", "dpms", "backlight", "command", "none"; false for anything else.
bool parse_power_method(const std::string& text, PowerMethod& out);
const char* power_method_name(PowerMethod m);

// The DRM calls screen power needs.
class DrmPort {
 public:
  struct Output {
    uint32_t connector = 0, crtc = 0;
    std::string name;  // "HDMI-A-1", "DSI-1"
  };
  virtual ~DrmPort() = default;
  // Connected connectors that a CRTC drives (the panel SDL shows the exhibit on). False and why
  // when DRM cannot be asked at all.
  virtual bool outputs(std::vector<Output>& out, std::string& why) = 0;
  // The connector's legacy "DPMS" property: DRM_MODE_DPMS_ON (0) or DRM_MODE_DPMS_OFF (3).
  virtual bool set_dpms(const Output& o, bool on, std::string& why) = 0;
  // An atomic commit of the CRTC's ACTIVE property (1 or 0), for drivers that refuse legacy DPMS.
  virtual bool set_active(const Output& o, bool on, std::string& why) = 0;
};

// DRM on the fd SDL holds as master under KMSDRM (SDL_GetWindowWMInfo → info.kmsdrm.drm_fd,
// asked again at every switch since SDL reopens it with the window). Null, with why, when the
// window is not on KMSDRM (a desktop preview, headless tests).
std::unique_ptr<DrmPort> sdl_drm_port(SDL_Window* window, std::string& why);

struct PowerSetup {
  PowerMethod method = PowerMethod::Auto;
  std::string off_command, on_command;
  // The sysfs root whose class/backlight/ is used: "/sys" on the wall; "" = no backlight (headless
  // runs never touch a real machine's screen); tests give a temp dir.
  std::string sysfs;
};

class ScreenPower {
 public:
  using Runner = std::function<bool(const std::string&)>;  // starts a shell command
  using Log = std::function<void(const std::string&)>;
  ScreenPower(PowerSetup setup, std::unique_ptr<DrmPort> drm, Runner run = {}, Log log = {});
  // Switches the screen on or off now and logs what happened. False when nothing could.
  bool set(bool on);
  // The state last asked for (nullopt before the first switch) and the line last logged.
  std::optional<bool> state() const { return state_; }
  const std::string& last() const { return last_; }
  int switches() const { return switches_; }
  PowerMethod method() const { return setup_.method; }

 private:
  bool dpms(bool on, std::string& done, std::string& why);
  bool backlight(bool on, std::string& done, std::string& why);
  bool command(bool on, std::string& done, std::string& why);

  PowerSetup setup_;
  std::unique_ptr<DrmPort> drm_;
  Runner run_;
  Log log_;
  std::vector<DrmPort::Output> known_;  // the outputs switched off, in case DRM hides them later
  std::vector<std::pair<std::string, std::string>> saved_brightness_;  // device → brightness before off
  std::optional<bool> state_;
  std::string last_;
  int switches_ = 0;
};

}  // namespace platform
