// startup_log.cpp — see startup_log.h.
#include "kiosk/app/startup_log.h"

#include <SDL.h>

#include <chrono>
#include <ctime>

namespace app {

namespace {

std::chrono::steady_clock::time_point& origin() {
  static std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  return t0;
}

const char* phase_name(StartPhase p) {
  switch (p) {
    case StartPhase::Video: return "video opened";
    case StartPhase::Bundle: return "bundle opened";
    case StartPhase::Fonts: return "fonts ready";
    default: return "first frame presented";
  }
}

}  // namespace

void StartupLog::begin() { origin() = std::chrono::steady_clock::now(); }

double StartupLog::wall_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin()).count();
}

double StartupLog::cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void StartupLog::mark(StartPhase p, const std::string& what) {
  if (done(p)) return;
  logged_ |= 1u << (int)p;
  SDL_Log("start +%.0f ms (cpu %.0f ms): %s%s%s", wall_ms(), cpu_ms(), phase_name(p), what.empty() ? "" : ": ", what.c_str());
}

}  // namespace app
