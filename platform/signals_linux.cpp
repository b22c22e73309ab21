// signals_linux.cpp — see signals.h. The handler only sets a flag (async-signal-safe).
#include <signal.h>

#include <atomic>

#include "platform/signals.h"

namespace platform {

static std::atomic<bool> g_stop{false};

static void on_stop(int) { g_stop.store(true); }

void install_stop_signals(bool interrupt_stops) {
  struct sigaction sa {};
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  if (interrupt_stops) {
    sigaction(SIGINT, &sa, nullptr);
  } else {
    sa.sa_handler = SIG_IGN;
    sigaction(SIGINT, &sa, nullptr);
  }
}

bool stop_requested() { return g_stop.load(); }
void request_stop() { g_stop.store(true); }

}  // namespace platform
