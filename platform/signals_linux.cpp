// signals_linux.cpp — see signals.h. The handler only sets a flag and writes to an eventfd, both
// async-signal-safe.
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdint>

#include "platform/signals.h"

namespace platform {

static std::atomic<bool> g_stop{false};
static std::atomic<int> g_stop_fd{-1};

static void notify_stop() {
  int fd = g_stop_fd.load();
  if (fd < 0) return;
  int saved = errno;  // a handler must leave errno as it found it
  uint64_t one = 1;
  (void)!write(fd, &one, sizeof one);
  errno = saved;
}

static void on_stop(int) {
  g_stop.store(true);
  notify_stop();
}

void install_stop_signals(bool interrupt_stops) {
  if (g_stop_fd.load() < 0) g_stop_fd.store(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC));
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
  if (g_stop.load()) notify_stop();
}

bool stop_requested() { return g_stop.load(); }

void request_stop() {
  g_stop.store(true);
  notify_stop();
}

int stop_fd() { return g_stop_fd.load(); }

}  // namespace platform
