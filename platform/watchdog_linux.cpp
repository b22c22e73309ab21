// watchdog_linux.cpp — watchdog.h through libsystemd's sd_notify (package libsystemd-dev).
#include <systemd/sd-daemon.h>

#include <cstdlib>

#include "platform/watchdog.h"

namespace platform {

Watchdog::Watchdog() {
  const char* socket = getenv("NOTIFY_SOCKET");
  supervised_ = socket && *socket;
  uint64_t usec = 0;
  // > 0 only when WATCHDOG_USEC is set and WATCHDOG_PID (if set) is this process.
  if (supervised_ && sd_watchdog_enabled(0, &usec) > 0) timeout_us_ = usec;
}

void Watchdog::send(const std::string& state) const {
  if (supervised_) sd_notify(0, state.c_str());  // best effort: nothing to do if systemd is gone
}

void Watchdog::status(const std::string& text) const { send("STATUS=" + text); }
void Watchdog::ready() const { send("READY=1"); }
void Watchdog::ping() const { send("WATCHDOG=1"); }
void Watchdog::ping_while_starting() const {
  send(timeout_us_ ? "WATCHDOG=1\nEXTEND_TIMEOUT_USEC=" + std::to_string(timeout_us_) : std::string("WATCHDOG=1"));
}
void Watchdog::stopping() const { send("STOPPING=1"); }

}  // namespace platform
