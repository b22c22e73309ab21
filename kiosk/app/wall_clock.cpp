// wall_clock.cpp — see wall_clock.h.
#include "kiosk/app/wall_clock.h"

#include <ctime>

namespace app {

WallClock WallClock::real() { return WallClock{}; }

WallClock WallClock::virtual_from(int64_t start_s) {
  WallClock c;
  c.real_ = false;
  c.start_ms_ = start_s * 1000;
  return c;
}

int64_t WallClock::ms(uint64_t mono_ms) const {
  if (!real_) return start_ms_ + (int64_t)mono_ms + jump_ms_;
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1'000'000;
}

bool WallClock::jumped(uint64_t mono_ms, int64_t& by_ms) {
  // Both clocks tick together; only a step of the wall clock moves their difference. 2 s is far
  // above NTP's slewing and a late loop's rounding.
  int64_t offset = ms(mono_ms) - (int64_t)mono_ms;
  bool jump = seen_ && (offset - offset_ms_ > 2000 || offset_ms_ - offset > 2000);
  by_ms = offset - offset_ms_;
  seen_ = true;
  offset_ms_ = offset;
  return jump;
}

}  // namespace app
