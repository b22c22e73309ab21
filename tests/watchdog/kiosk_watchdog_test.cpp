// kiosk_watchdog_test.cpp — the real kiosk's main loop under a fake systemd: runs `kiosk` (SDL's
// dummy video driver, so the real loop runs without a screen) with NOTIFY_SOCKET, WATCHDOG_USEC and
// a one-off hang of its main loop (KIOSK_TEST_STALL), then checks what systemd would have heard:
//   READY=1 once, before any plain WATCHDOG=1; pings about every WatchdogSec/2; one silence longer
//   than WatchdogSec exactly while the loop hung (systemd would restart it); pings again after it;
//   STOPPING=1 on SIGTERM; exit status 0.
//   usage: kiosk_watchdog_test BUNDLE [EMULATOR] KIOSK   (EMULATOR: qemu-aarch64-static for arm64)
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "fake_notify_socket.h"

namespace {
// WatchdogSec=1s: long enough for a frame of the attract mode under qemu on a busy machine (the
// exact rate is checked on a virtual clock in tests/unit/watchdog_test.cpp).
constexpr int kWatchdogMs = 1000, kPingMs = kWatchdogMs / 2;
// The hang starts kStallAtMs after READY=1; the test runs until kRunMs after READY=1. Start-up may
// take several seconds under qemu on a busy machine: READY=1 is awaited for up to kStartMs.
constexpr int kStallAtMs = 1500, kStallForMs = 3000, kRunMs = 7500, kStartMs = 60000;
int failures = 0;
void check(bool ok, const std::string& what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what.c_str());
  failures += !ok;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: kiosk_watchdog_test BUNDLE [EMULATOR] KIOSK\n");
    return 2;
  }
  const char* bundle = argv[1];
  char** command = argv + 2;  // [EMULATOR] KIOSK
  testutil::FakeNotifySocket socket("/tmp/kiosk-notify-e2e-" + std::to_string(getpid()));
  pid_t child = fork();
  if (child == 0) {
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    setenv("WATCHDOG_USEC", std::to_string(kWatchdogMs * 1000).c_str(), 1);
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    setenv("KIOSK_TEST_STALL", (std::to_string(kStallAtMs) + ":" + std::to_string(kStallForMs)).c_str(), 1);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    // qemu-user runs the kiosk in this same process, so WATCHDOG_PID still names it.
    if (argc == 4) execl(command[0], command[0], command[1], "--bundle", bundle, "--windowed", (char*)nullptr);
    else execl(command[0], command[0], "--bundle", bundle, "--windowed", (char*)nullptr);
    _exit(127);
  }
  std::vector<testutil::FakeNotifySocket::Message> msgs;
  auto ready_seen = [&] {
    for (const auto& m : msgs)
      if (m.text == "READY=1") return true;
    return false;
  };
  for (int waited = 0; !ready_seen() && waited < kStartMs; waited += 100) {
    auto more = socket.drain(100);
    msgs.insert(msgs.end(), more.begin(), more.end());
    int st = 0;
    if (waitpid(child, &st, WNOHANG) == child) {
      std::printf("FAILED: the kiosk ended before READY=1 (status %d)\n", st);
      return 1;
    }
  }
  auto run = socket.drain(kRunMs);
  msgs.insert(msgs.end(), run.begin(), run.end());
  kill(child, SIGTERM);
  auto tail = socket.drain(1500);
  msgs.insert(msgs.end(), tail.begin(), tail.end());
  int status = 0;
  waitpid(child, &status, 0);

  int ready = 0, pings_before_ready = 0, long_gaps = 0, stopping = 0;
  double ready_at = -1, last_ping = -1, worst_gap = 0, gap_at = -1, pings_after_gap = 0;
  int pings = 0;
  for (const auto& m : msgs) {
    std::printf("%8.1f ms  %s\n", m.at_ms, m.text.c_str());
    if (m.text == "READY=1") ready++, ready_at = m.at_ms;
    if (m.text == "STOPPING=1") stopping++;
    if (m.text.rfind("WATCHDOG=1", 0) != 0) continue;
    if (ready_at < 0 && m.text == "WATCHDOG=1") pings_before_ready++;
    if (ready_at >= 0 && m.text == "WATCHDOG=1") {
      if (last_ping >= 0) {
        double gap = m.at_ms - last_ping;
        if (gap > worst_gap) worst_gap = gap;
        if (gap > kWatchdogMs) long_gaps++, gap_at = last_ping;
      }
      if (gap_at >= 0) pings_after_gap++;
      last_ping = m.at_ms;
      pings++;
    }
  }
  check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the kiosk exits 0 on SIGTERM");
  check(ready == 1, "READY=1 exactly once (got " + std::to_string(ready) + ")");
  check(pings_before_ready == 0, "no plain WATCHDOG=1 before READY=1 (start-up pings extend the start timeout)");
  check(long_gaps == 1, "exactly one silence longer than WatchdogSec, the hang (got " + std::to_string(long_gaps) + ")");
  check(worst_gap >= kStallForMs * 0.9, "that silence lasts as long as the hang: " + std::to_string((int)worst_gap) + " ms");
  check(pings_after_gap >= 3, "pings resume after the hang (" + std::to_string((int)pings_after_gap) + ")");
  // Outside the hang the loop pings every kPingMs: count them over the time it was running.
  double running_ms = last_ping - ready_at - worst_gap;
  double expected = running_ms / kPingMs;
  check(pings >= expected * 0.6 && pings <= expected * 1.3 + 2,
        "about one WATCHDOG=1 per " + std::to_string(kPingMs) + " ms: " + std::to_string(pings) + " in " +
            std::to_string((int)running_ms) + " ms");
  check(stopping == 1, "STOPPING=1 when told to stop");
  return failures ? 1 : 0;
}
