// keepalive.h — the kiosk's half of systemd's watchdog protocol (deploy/museum-kiosk.service):
//
//   start ──STATUS= phases──► waiting for the first frame ──first frame presented──► READY=1
//     │  every WatchdogSec/2: WATCHDOG=1 + EXTEND_TIMEOUT_USEC    │  every WatchdogSec/2: WATCHDOG=1
//     └──────────────────────── a stuck main loop sends nothing: systemd kills and restarts it
//
// Does:     decides when a ping is due, from the main loop's own clock, and tells the loop the
//           latest time it must wake up (also while it sleeps outside opening hours).
// Does not: ping from a thread (that would keep a hung kiosk alive), or anything when the kiosk is
//           not run by systemd (platform::Watchdog is then a no-op).
// Test seam: KIOSK_TEST_STALL=AT_MS:FOR_MS makes the loop hang once, AT_MS after READY=1, for
// FOR_MS (tests/watchdog/kiosk_watchdog_test.cpp).
#pragma once
#include <cstdint>
#include <string>

#include "platform/watchdog.h"

namespace app {

class Keepalive {
 public:
  Keepalive();
  void phase(const std::string& what) const { watchdog_.status(what); }  // STATUS=
  // Once per pass of the main loop, at loop time `now_ms`, with the number of frames presented so far.
  void tick(uint64_t now_ms, uint64_t frames);
  // The latest loop time at which tick() must run again; UINT64_MAX when there is no watchdog.
  uint64_t due() const;
  void stopping() const { watchdog_.stopping(); }
  uint64_t interval_ms() const { return interval_ms_; }
  bool ready_sent() const { return ready_; }

 private:
  platform::Watchdog watchdog_;
  uint64_t interval_ms_ = 0;  // half of WatchdogSec, as sd_watchdog_enabled(3) recommends
  uint64_t next_ping_ = 0;
  bool ready_ = false;
  uint64_t ready_at_ = 0;
  uint64_t stall_at_ = 0, stall_for_ = 0;
};

}  // namespace app
