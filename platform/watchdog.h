// watchdog.h — tells the service manager (systemd) how the kiosk is doing, through sd_notify.
//
// Does:     READY=1, WATCHDOG=1, STATUS=…, STOPPING=1 and, while starting, EXTEND_TIMEOUT_USEC
//           (so a kiosk waiting for a late panel is not killed by the start timeout as long as it
//           is alive); reads WatchdogSec from the environment (WATCHDOG_USEC, WATCHDOG_PID).
//           Everything is a no-op when NOTIFY_SOCKET is unset: a desktop, a tour, a test.
// Does not: decide when to ping. The main loop does (kiosk/app/keepalive.h): pinging from a thread
//           would keep a hung kiosk alive.
#pragma once
#include <cstdint>
#include <string>

namespace platform {

class Watchdog {
 public:
  Watchdog();  // reads the environment once
  bool supervised() const { return supervised_; }  // NOTIFY_SOCKET is set
  // systemd's WatchdogSec in microseconds (0: no watchdog configured for this process).
  uint64_t timeout_us() const { return timeout_us_; }

  void status(const std::string& text) const;  // STATUS=text (shown by systemctl status)
  void ready() const;                          // READY=1: start-up is complete
  void ping() const;                           // WATCHDOG=1
  // WATCHDOG=1 plus EXTEND_TIMEOUT_USEC=timeout: still starting, and still alive.
  void ping_while_starting() const;
  void stopping() const;                       // STOPPING=1

 private:
  void send(const std::string& state) const;
  bool supervised_ = false;
  uint64_t timeout_us_ = 0;
};

}  // namespace platform
