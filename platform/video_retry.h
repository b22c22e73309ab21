// video_retry.h — opening the screen when there may be none yet.
//
// Does:     keep trying to open the window and renderer (the panel switched on after the Pi, HDMI
//           plugged in later) with a calm back-off — 1 s, doubling, at most 30 s — logging once
//           each time the reason changes, never giving up (an exit would only run into systemd's
//           start limit). Stops trying when asked to stop (SIGTERM).
// Does not: notice a screen that goes away later (SDL keeps its window; the panel shows the
//           picture again when it comes back).
// The opener, the sleep and the clock are seams so a unit test can drive it on a virtual clock.
#pragma once
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>

#include "platform/video.h"

namespace platform {

// 1 s, 2 s, 4 s … 30 s, 30 s …
class Backoff {
 public:
  Backoff(uint64_t first_ms = 1000, uint64_t max_ms = 30'000) : first_(first_ms), max_(max_ms), next_(first_ms) {}
  uint64_t next() {
    uint64_t d = next_;
    next_ = std::min(max_, next_ * 2);
    return d;
  }
  void reset() { next_ = first_; }

 private:
  uint64_t first_, max_, next_;
};

struct VideoRetry {
  std::function<bool(const VideoOptions&, Video&, std::string&)> open = open_video;
  std::function<void(uint64_t ms)> sleep;           // default: a real sleep, waking early on stop
  std::function<bool()> stop;                       // default: platform::stop_requested
  std::function<void(const std::string&)> log;      // default: SDL_Log
  Backoff backoff;
};

// True once the screen is open; false only when asked to stop first (`why` says the last failure).
bool open_video_patiently(const VideoOptions& opt, Video& v, std::string& why, VideoRetry r = {});

}  // namespace platform
