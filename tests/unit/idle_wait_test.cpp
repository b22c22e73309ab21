// idle_wait_test.cpp — platform/idle_wait.h with a temp folder of FIFOs standing in for
// /dev/input: a write wakes the wait at once and is drained, a silent wait lasts its timeout, a
// device added (or removed) later is seen, a folder made later too, another thread's wake-up, and
// a SIGTERM delivered to another thread (the stop signal's descriptor, signals.h). Bounds on time
// are generous (a loaded machine): "at once" is well under the wait's own timeout.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "platform/idle_wait.h"
#include "platform/signals.h"
#include "test_util.h"

namespace {

using Clock = std::chrono::steady_clock;
using platform::IdleWait;

int64_t ms_since(Clock::time_point t0) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t0).count();
}

// A fake input device: a FIFO whose write end the test holds (the reader is the IdleWait).
struct FakeDevice {
  int writer = -1;
  explicit FakeDevice(const std::string& path, bool make = true) {
    if (make) REQUIRE(mkfifo(path.c_str(), 0600) == 0);
  }
  void connect(const std::string& path) {
    writer = open(path.c_str(), O_WRONLY | O_NONBLOCK);  // ENXIO unless the wait has it open
    REQUIRE(writer >= 0);
  }
  void touch() const {
    char event[24] = {1};  // the size of one struct input_event on 64-bit Linux
    REQUIRE(write(writer, event, sizeof event) == (ssize_t)sizeof event);
  }
  ~FakeDevice() {
    if (writer >= 0) close(writer);
  }
};

// Waits out whatever a folder change left (the two seconds of short waits after it).
void settle(IdleWait& w) {
  auto t0 = Clock::now();
  while (ms_since(t0) < 2600) w.wait(300);
}

}  // namespace

TEST_CASE("idle wait: a touch wakes it at once and is drained; silence lasts the timeout") {
  testutil::Scratch s("idle-wait");
  FakeDevice dev(s.path("event0"));
  testutil::write(s.path("mouse0"), "");  // not an event device: left alone
  IdleWait w(s.dir.string());
  CHECK(w.devices() == 1);
  CHECK(w.sees_clock_steps());
  dev.connect(s.path("event0"));

  auto t0 = Clock::now();
  CHECK(w.wait(300) == 0);
  CHECK(ms_since(t0) >= 290);

  std::thread later([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    dev.touch();
    dev.touch();
  });
  t0 = Clock::now();
  unsigned why = w.wait(10'000);
  later.join();
  CHECK((why & IdleWait::kInput));
  CHECK(ms_since(t0) < 3000);
  // Drained: the same events do not wake the next wait.
  t0 = Clock::now();
  CHECK(w.wait(200) == 0);
  CHECK(ms_since(t0) >= 190);
  CHECK(w.devices() == 1);
}

TEST_CASE("idle wait: a device plugged in later wakes it and is watched; one unplugged is let go") {
  testutil::Scratch s("idle-wait-plug");
  IdleWait w(s.dir.string());
  CHECK(w.devices() == 0);

  std::thread plug([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    REQUIRE(mkfifo(s.path("event3").c_str(), 0600) == 0);
  });
  auto t0 = Clock::now();
  unsigned why = w.wait(10'000);
  plug.join();
  CHECK((why & IdleWait::kDevices));
  CHECK(ms_since(t0) < 3000);
  CHECK(w.devices() == 1);
  // For a moment after a plug the waits are short, so SDL's pump sees udev's news too.
  t0 = Clock::now();
  CHECK(w.wait(5000) == 0);
  CHECK(ms_since(t0) < 1000);
  settle(w);

  FakeDevice dev3(s.path("event3"), false);  // made above: only connect
  dev3.connect(s.path("event3"));
  dev3.touch();
  CHECK((w.wait(10'000) & IdleWait::kInput));

  close(dev3.writer);
  dev3.writer = -1;
  std::filesystem::remove(s.path("event3"));
  why = 0;
  for (int i = 0; i < 5 && !(why & IdleWait::kDevices); ++i) why |= w.wait(2000);  // the hang-up may come first
  CHECK((why & IdleWait::kDevices));
  CHECK(w.devices() == 0);
}

TEST_CASE("idle wait: an input folder made after start (no device at boot) is watched once it appears") {
  testutil::Scratch s("idle-wait-late");
  IdleWait w(s.path("input"));
  CHECK(w.devices() == 0);
  CHECK(w.wait(100) == 0);
  std::filesystem::create_directory(s.path("input"));
  CHECK((w.wait(10'000) & IdleWait::kDevices));
  REQUIRE(mkfifo(s.path("input/event0").c_str(), 0600) == 0);
  unsigned why = 0;
  for (int i = 0; i < 10 && w.devices() == 0; ++i) why |= w.wait(1000);
  CHECK((why & IdleWait::kDevices));
  CHECK(w.devices() == 1);
}

TEST_CASE("idle wait: another thread's wake-up and an added descriptor wake it") {
  testutil::Scratch s("idle-wait-wake");
  IdleWait w(s.dir.string());
  std::thread waker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    w.wake();
  });
  auto t0 = Clock::now();
  CHECK((w.wait(10'000) & IdleWait::kWake));
  waker.join();
  CHECK(ms_since(t0) < 3000);
  CHECK(w.wait(100) == 0);  // a wake-up is used once

  int p[2];
  REQUIRE(pipe(p) == 0);
  w.add_fd(p[0]);
  REQUIRE(write(p[1], "x", 1) == 1);
  CHECK((w.wait(10'000) & IdleWait::kOther));
  close(p[0]);
  close(p[1]);
}

// In a child process: the stop flag is process-wide. SIGTERM is blocked on the waiting thread, so
// the kernel delivers it to the other one and poll() is not interrupted: only the stop signal's
// descriptor can wake the wait.
TEST_CASE("idle wait: SIGTERM wakes it through the stop signal's descriptor, whichever thread takes it") {
  testutil::Scratch s("idle-wait-stop");
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    platform::install_stop_signals(false);
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    std::thread taker([] {
      while (!platform::stop_requested()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    });
    pthread_sigmask(SIG_BLOCK, &term, nullptr);
    IdleWait w(s.dir.string());
    w.add_fd(platform::stop_fd());
    (void)!write(ready[1], "r", 1);
    unsigned why = w.wait(20'000);
    taker.join();
    _exit((why & IdleWait::kOther) && platform::stop_requested() ? 0 : 3);
  }
  char c;
  REQUIRE(read(ready[0], &c, 1) == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // into its poll()
  auto t0 = Clock::now();
  kill(child, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(ms_since(t0) < 10'000);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  close(ready[0]);
  close(ready[1]);
}
