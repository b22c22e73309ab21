// idle_wait.h — sleeps the kiosk's main loop until something it must answer happens, where SDL
// cannot sleep by itself.
//
// Why:      SDL 2.26's SDL_WaitEventTimeout blocks only where the video driver can wait (X11,
//           Wayland, Windows, macOS). On KMSDRM (the wall), offscreen and dummy it falls back to
//           pumping events with SDL_Delay(1) in between: a thousand wake-ups a second
//           (src/events/SDL_events.c, SDL_WaitEventTimeout).
// Does:     wait in poll(2) on
//           - every input device (`event*` in /dev/input), opened read-only and non-blocking beside
//             SDL's own descriptors, and drained after each wake: evdev gives each reader its own
//             queue, so nothing is taken from SDL (which does not grab them); accelerometers,
//             which report all the time and which SDL ignores, are left out;
//           - the folder itself (inotify), so a touchscreen plugged in later wakes the loop and is
//             watched from then on, and one unplugged is let go; if the folder does not exist yet
//             (no input device at boot), its parent, until it appears;
//           - a wake-up any thread may send (wake()), e.g. the file watcher's;
//           - a step of the wall clock (a timerfd with TFD_TIMER_CANCEL_ON_SET): NTP's first sync
//             after boot, an administrator's `date`, so opening hours are re-planned at once;
//           - any descriptor the caller adds (the stop signal's, signals.h);
//           with the caller's timeout: its next deadline. Nothing else wakes it: an idle kiosk
//           makes no system calls between deadlines.
//           For two seconds after a device comes or goes the wait returns at least every 250 ms,
//           so that the caller's event pump (SDL's udev monitor) sees the device once udev has
//           announced it, which may come a little after the device node.
// Does not: read or interpret input (SDL does, when the caller pumps its events after a wake);
//           know SDL; stop the caller (it returns; the caller decides).
#pragma once
#include <cstddef>
#include <memory>
#include <string>

namespace platform {

class IdleWait {
 public:
  // Why a wait returned (several may be set at once); 0: its timeout passed.
  enum Woke : unsigned { kInput = 1, kDevices = 2, kClock = 4, kWake = 8, kOther = 16 };

  explicit IdleWait(const std::string& input_dir = "/dev/input");
  ~IdleWait();
  IdleWait(const IdleWait&) = delete;
  IdleWait& operator=(const IdleWait&) = delete;

  // A descriptor whose readability wakes the wait (kOther). It is not read here: its owner reads
  // it, or it stays readable (the stop signal's does: the loop ends).
  void add_fd(int fd);
  // From any thread, or a signal handler's: the current or next wait returns (kWake).
  void wake();
  // Waits up to timeout_ms (-1: no limit) and returns why it woke. A signal that interrupts it
  // returns kOther. It may return before the timeout (see the two seconds above) with 0.
  unsigned wait(int timeout_ms);

  // Input devices open now (tests, and the log).
  size_t devices() const;
  // False where the kernel refuses a clock-step timer (then the caller must look at the clock).
  bool sees_clock_steps() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace platform
