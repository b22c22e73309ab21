// watchdog_test.cpp — the systemd notification protocol against a fake NOTIFY_SOCKET, on a virtual
// clock: nothing when not supervised, READY=1 only after the first frame, WATCHDOG=1 every half
// WatchdogSec, the start timeout extended while starting, and nothing while the loop is stuck.
// (tests/watchdog/ runs the real kiosk's main loop against the same socket.)
#include <doctest/doctest.h>

#include <cstdint>

#include "../watchdog/fake_notify_socket.h"
#include "kiosk/app/keepalive.h"
#include "platform/watchdog.h"

using testutil::FakeNotifySocket;

namespace {

// Sets the supervisor's environment for one test and clears it afterwards.
struct Supervised {
  FakeNotifySocket socket;
  Supervised(const char* watchdog_usec, const char* pid = nullptr)
      : socket("/tmp/kiosk-notify-unit-" + std::to_string(getpid())) {
    setenv("NOTIFY_SOCKET", socket.path().c_str(), 1);
    if (watchdog_usec) setenv("WATCHDOG_USEC", watchdog_usec, 1);
    if (pid) setenv("WATCHDOG_PID", pid, 1);
  }
  ~Supervised() {
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    unsetenv("WATCHDOG_PID");
  }
};

int count(const std::vector<FakeNotifySocket::Message>& ms, const std::string& text) {
  int n = 0;
  for (const auto& m : ms) n += m.text == text;
  return n;
}

// Runs the loop's ticks every 10 virtual ms over [from, to) and returns what arrived.
std::vector<FakeNotifySocket::Message> run(app::Keepalive& k, FakeNotifySocket& s, uint64_t from, uint64_t to, uint64_t frames) {
  for (uint64_t t = from; t < to; t += 10) k.tick(t, frames);
  return s.drain(50);
}

}  // namespace

TEST_CASE("watchdog: not run by systemd, nothing is sent and the loop is never woken for it") {
  FakeNotifySocket socket("/tmp/kiosk-notify-unit-none-" + std::to_string(getpid()));
  unsetenv("NOTIFY_SOCKET");
  setenv("WATCHDOG_USEC", "200000", 1);
  app::Keepalive k;
  CHECK(k.due() == UINT64_MAX);
  k.phase("starting");
  for (uint64_t t = 0; t < 1000; t += 10) k.tick(t, 1);
  CHECK(socket.drain(50).empty());
  unsetenv("WATCHDOG_USEC");
}

TEST_CASE("watchdog: a WATCHDOG_PID of another process means no watchdog for us") {
  Supervised env("200000", "1");
  platform::Watchdog w;
  CHECK(w.supervised());
  CHECK(w.timeout_us() == 0);
}

TEST_CASE("watchdog: READY after the first frame, WATCHDOG at half the interval, none while stuck") {
  Supervised env("200000", std::to_string(getpid()).c_str());  // WatchdogSec=200ms
  app::Keepalive k;
  REQUIRE(k.interval_ms() == 100);
  k.phase("opening the display");
  CHECK(env.socket.drain(50).at(0).text == "STATUS=opening the display");

  // Starting (no frame yet, e.g. a panel that is still off): alive, extending the start timeout.
  auto starting = run(k, env.socket, 0, 1000, 0);
  CHECK(count(starting, "WATCHDOG=1\nEXTEND_TIMEOUT_USEC=200000") == 10);
  CHECK(count(starting, "READY=1") == 0);
  CHECK_FALSE(k.ready_sent());

  // The first frame is presented: READY=1 once, then plain pings every 100 ms.
  auto first = run(k, env.socket, 1000, 1010, 1);
  REQUIRE(first.size() == 3);
  CHECK(first[0].text == "STATUS=showing the exhibit");
  CHECK(first[1].text == "READY=1");
  CHECK(first[2].text == "WATCHDOG=1");
  CHECK(k.due() == 1100);  // the loop sleeps at most until then, even outside opening hours
  auto running = run(k, env.socket, 1010, 2010, 5);
  CHECK(count(running, "WATCHDOG=1") == 10);
  CHECK(running.size() == 10);

  // Stuck from 2010 to 3000: the loop does not tick, so systemd hears nothing and would restart us.
  CHECK(env.socket.drain(100).empty());
  CHECK(k.due() <= 3000);
  // The loop comes back: a ping at once.
  k.tick(3000, 6);
  auto back = env.socket.drain(50);
  REQUIRE(back.size() == 1);
  CHECK(back[0].text == "WATCHDOG=1");

  k.stopping();
  CHECK(env.socket.drain(50).at(0).text == "STOPPING=1");
}

TEST_CASE("watchdog: supervised without WatchdogSec, READY is still sent and no pings") {
  Supervised env(nullptr);
  app::Keepalive k;
  CHECK(k.due() == UINT64_MAX);
  auto ms = run(k, env.socket, 0, 500, 1);
  CHECK(count(ms, "READY=1") == 1);
  CHECK(count(ms, "WATCHDOG=1") == 0);
}
