// startup_log.h — where the seconds of a start go, in the journal: one line per phase, each with
// the wall-clock and CPU milliseconds since main() began, so a technician's
//   journalctl -u museum-kiosk -b | grep 'start +'
// on a Pi shows whether the panel, the SD card (the bundle), the fonts or the first frame is slow:
//   start +105 ms (cpu 45 ms): video opened: driver offscreen, renderer opengles2, textures up to 16384x16384, mode 1280x800
//   start +214 ms (cpu 86 ms): bundle opened: screens/exhibit.bundle (109 ms)
//   start +231 ms (cpu 92 ms): fonts ready: label atlas 1024x1024 built in 13 ms
//   start +284 ms (cpu 110 ms): first frame presented: home
// (CPU counts from the process's start, the wall clock from main(): the CPU can be ahead.)
// Does:     keep the process's start (steady clock and CPU clock), log each phase once.
// Does not: time anything after the first frame (the bench and frame-stats do), or repeat a
//           phase when a bundle is swapped later (those have their own lines, swap.h).
#pragma once
#include <string>

namespace app {

enum class StartPhase { Video, Bundle, Fonts, FirstFrame };

class StartupLog {
 public:
  // main()'s first statement: the moment every phase is counted from (the clocks are otherwise
  // taken at the first use, which would hide the time before it).
  static void begin();
  static double wall_ms();  // since begin()
  static double cpu_ms();   // this process's CPU time (all threads) since it started
  // "start +N ms (cpu M ms): <phase>: <what>", the first time only; later calls do nothing.
  void mark(StartPhase p, const std::string& what);
  bool done(StartPhase p) const { return logged_ & (1u << (int)p); }

 private:
  unsigned logged_ = 0;
};

}  // namespace app
