// keepalive.cpp — see keepalive.h.
#include "kiosk/app/keepalive.h"

#include <SDL.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace app {

Keepalive::Keepalive() {
  interval_ms_ = watchdog_.timeout_us() / 2000;
  if (watchdog_.timeout_us() && !interval_ms_) interval_ms_ = 1;
  if (const char* s = getenv("KIOSK_TEST_STALL")) {
    unsigned long long at = 0, len = 0;
    if (sscanf(s, "%llu:%llu", &at, &len) == 2) stall_at_ = at, stall_for_ = len;
  }
}

void Keepalive::tick(uint64_t now_ms, uint64_t frames) {
  if (stall_for_ && ready_ && now_ms >= ready_at_ + stall_at_) {
    SDL_Log("KIOSK_TEST_STALL: the main loop hangs for %llu ms", (unsigned long long)stall_for_);
    SDL_Delay((Uint32)stall_for_);
    stall_for_ = 0;
    return;  // the pass that hung does not ping either
  }
  if (!ready_ && frames > 0) {
    // The visitor can see the exhibit (or the calm fallback): start-up is over.
    watchdog_.status("showing the exhibit");
    watchdog_.ready();
    ready_ = true;
    ready_at_ = now_ms;
    next_ping_ = now_ms;  // arm the watchdog with a ping right away
  }
  if (!interval_ms_ || now_ms < next_ping_) return;
  if (ready_) watchdog_.ping();
  else watchdog_.ping_while_starting();
  next_ping_ = now_ms + interval_ms_;
}

uint64_t Keepalive::due() const { return interval_ms_ ? next_ping_ : UINT64_MAX; }

}  // namespace app
