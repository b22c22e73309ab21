// display_mode.cpp — see display_mode.h.
#include "platform/display_mode.h"

#include <cstdio>
#include <cstdlib>

namespace platform {

static constexpr int kMinHz = 50;

bool parse_mode(const std::string& text, Mode& out) {
  Mode m;
  char tail = 0;
  int n = sscanf(text.c_str(), "%dx%d@%d%c", &m.w, &m.h, &m.hz, &tail);
  if (n == 2 && text.find('@') == std::string::npos) m.hz = 0;
  else if (n != 3) return false;
  if (m.w < 320 || m.h < 200 || m.w > 8192 || m.h > 8192 || (n == 3 && (m.hz < 1 || m.hz > 500))) return false;
  out = m;
  return true;
}

std::string mode_text(const Mode& m) {
  return std::to_string(m.w) + "x" + std::to_string(m.h) + (m.hz ? "@" + std::to_string(m.hz) : std::string());
}

static bool same(const Mode& a, const Mode& b) { return a.w == b.w && a.h == b.h && a.hz == b.hz; }

int choose_mode(const std::vector<Mode>& modes, const Mode& preferred, const Mode& wanted, std::string& why) {
  if (modes.empty()) {
    why = "the screen lists no modes";
    return -1;
  }
  if (wanted.w) {
    int best = -1;
    for (int i = 0; i < (int)modes.size(); ++i) {
      const Mode& m = modes[i];
      if (m.w != wanted.w || m.h != wanted.h) continue;
      if (wanted.hz ? std::abs(m.hz - wanted.hz) <= 1 : (best < 0 || m.hz > modes[best].hz)) {
        best = i;
        if (wanted.hz) break;
      }
    }
    if (best >= 0) {
      why = mode_text(modes[best]) + " as configured";
      return best;
    }
    why = "the configured mode " + mode_text(wanted) + " is not offered; ";
  }
  int pref = -1;
  for (int i = 0; i < (int)modes.size(); ++i)
    if (same(modes[i], preferred)) pref = i;
  // hz 0 means the driver does not say: trust the screen's own choice then.
  if (pref >= 0 && (preferred.hz >= kMinHz || preferred.hz == 0)) {
    why += mode_text(modes[pref]) + ", the screen's preferred mode";
    return pref;
  }
  int best = -1;
  for (int i = 0; i < (int)modes.size(); ++i) {
    const Mode& m = modes[i];
    if (m.hz < kMinHz) continue;
    // The largest picture; at equal size the rate nearest 60 Hz (120 Hz only doubles the Pi's work).
    long area = (long)m.w * m.h, best_area = best < 0 ? -1 : (long)modes[best].w * modes[best].h;
    if (area > best_area || (area == best_area && std::abs(m.hz - 60) < std::abs(modes[best].hz - 60))) best = i;
  }
  if (best >= 0) {
    why += mode_text(modes[best]) + ", the largest at " + std::to_string(kMinHz) + " Hz or more (the screen prefers " +
           mode_text(preferred) + ")";
    return best;
  }
  int fallback = pref >= 0 ? pref : 0;
  why += mode_text(modes[fallback]) + ": no mode refreshes at " + std::to_string(kMinHz) + " Hz or more";
  return fallback;
}

}  // namespace platform
