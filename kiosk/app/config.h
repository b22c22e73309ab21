// config.h — the kiosk's own settings (not the exhibit's): which bundle, the screen's physical
// size, opening hours, display on/off commands, and session timeouts that override the exhibit.
// Read from a TOML file, /etc/museum-kiosk/kiosk.toml on an installed kiosk; see deploy/kiosk.toml.
#pragma once
#include <string>
#include <vector>

#include "content/bundle/store.h"
#include "kiosk/flow/schedule.h"
#include "platform/display_mode.h"
#include "platform/screen_power.h"
#include "platform/render_path.h"

namespace app {

// [staff]: the hidden staff overlay (kiosk/app/staff_desk.cpp).
struct StaffSettings {
  std::string pin;               // Argon2id hash from `kiosk --set-pin`; "" = no PIN
  bool open_without_pin = false; // no PIN: the gesture opens the overlay anyway (a bench, never a wall)
  bool allow_exit = false;       // the overlay offers "Exit to the console"
  int idle_seconds = 120;        // the overlay closes itself after this long untouched (30..3600)
  std::string lockout_file;      // wrong tries survive restarts here; "" = beside the statistics file
};

struct Config {
  std::string bundle;
  float screen_w_mm = 0, screen_h_mm = 0;  // 0: not set here
  int idle_seconds = 0, warning_seconds = 0;  // 0: the exhibit's own
  std::string display_off, display_on;
  // [display] power: how the screen is switched off at closing and on at opening (screen_power.h).
  platform::PowerMethod power = platform::PowerMethod::Auto;
  int rotation = 0;      // [display] rotation: 0, 90, 180 or 270 degrees clockwise (platform/rotation.h)
  platform::Mode mode;   // [display] mode = "1920x1080@60"; w == 0: the screen's preferred mode at ≥ 50 Hz
  // [display] renderer = "auto" | "opengles2" | "software" (platform/render_path.h); kiosk --renderer overrides.
  platform::RenderPath renderer = platform::RenderPath::Auto;
  std::string stats;  // the visitor statistics file; "" = no statistics
  flow::Schedule hours;
  // Accessibility: high_contrast = true (a 7:1 theme); reach = "low" (every control in the lower
  // two thirds of the screen, for wheelchair users at a wall-mounted panel).
  bool high_contrast = false;
  bool reach_low = false;
  // [store]: where installed bundles live and who may sign them (content/bundle/store.h).
  // store_dir "" = no store: the kiosk shows `bundle` as before.
  std::string store_dir;
  std::vector<std::string> usb_roots;  // mount points searched for exhibit/*.bundle
  store::Policy store_policy;          // trusted_keys, allow_unsigned/allow_downgrade, factory_bundle
  int good_after_minutes = 10;         // a trial running healthily this long (and self-tested) is marked good
  // The two languages of the "exhibit unavailable" screen, which has no bundle to read them from.
  std::vector<std::string> unavailable_languages = {"es", "en"};
  StaffSettings staff;
};

// Reads `path`. On mistakes returns false with every problem as `path:line: error: …`; each
// refused setting keeps its default in `out` (the message says which), so the kiosk can run on
// the rest. A file that is not TOML at all leaves `out` untouched.
bool load_config(const std::string& path, Config& out, std::vector<std::string>& errors);
// "unknown key "idle_secs" in [session]; did you mean "idle_seconds"? (ignored)"
std::string unknown_key(const std::string& key, const std::string& where, const std::vector<std::string>& known);

}  // namespace app
