// config.h — the kiosk's own settings (not the exhibit's): which bundle, the screen's physical
// size, opening hours, display on/off commands, and session timeouts that override the exhibit.
// Read from a TOML file, /etc/museum-kiosk/kiosk.toml on an installed kiosk; see deploy/kiosk.toml.
#pragma once
#include <string>
#include <vector>

#include "kiosk/flow/schedule.h"

namespace app {

struct Config {
  std::string bundle;
  float screen_w_mm = 0, screen_h_mm = 0;  // 0: not set here
  int idle_seconds = 0, warning_seconds = 0;  // 0: the exhibit's own
  std::string display_off, display_on;
  std::string stats;  // the visitor statistics file; "" = no statistics
  flow::Schedule hours;
  // The two languages of the "exhibit unavailable" screen, which has no bundle to read them from.
  std::vector<std::string> unavailable_languages = {"es", "en"};
};

// Reads `path`. On mistakes returns false with every problem as `path:line: error: …`.
bool load_config(const std::string& path, Config& out, std::vector<std::string>& errors);

}  // namespace app
