// wall_clock.h — the local wall-clock time, read each time it is needed.
//
// Does:     answer "what time is it?" for opening hours and visitor statistics: the system's
//           real-time clock on the wall, or a virtual clock in headless runs (the tour's --start
//           plus the virtual milliseconds, plus any jump a test makes). Notices a jump — the
//           wall clock moving against the monotonic one, as when the Pi, which has no clock of its
//           own, syncs by NTP after boot, or an administrator sets the time — so the app re-plans
//           at once. Daylight saving changes no epoch time: the schedule's local-time reading
//           follows it by itself.
// Does not: wait for time-sync.target (the kiosk must show the exhibit before NTP answers).
#pragma once
#include <cstdint>

namespace app {

class WallClock {
 public:
  // real: CLOCK_REALTIME. virtual: `start_s` (epoch seconds) at monotonic 0.
  static WallClock real();
  static WallClock virtual_from(int64_t start_s);

  // Epoch milliseconds at monotonic time `mono_ms` (the app's now()).
  int64_t ms(uint64_t mono_ms) const;
  // Virtual clocks only: the wall clock jumps by `by_ms` (forward or back), as NTP would.
  void jump(int64_t by_ms) { jump_ms_ += by_ms; }
  // True once after each jump of more than 2 s; `by_ms` says how far. Call it often.
  bool jumped(uint64_t mono_ms, int64_t& by_ms);

 private:
  bool real_ = true;
  int64_t start_ms_ = 0, jump_ms_ = 0;
  bool seen_ = false;
  int64_t offset_ms_ = 0;  // wall minus monotonic at the last look
};

}  // namespace app
