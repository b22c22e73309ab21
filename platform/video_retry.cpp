// video_retry.cpp — see video_retry.h.
#include "platform/video_retry.h"

#include <algorithm>
#include <chrono>
#include <thread>

#include "platform/signals.h"

namespace platform {

bool open_video_patiently(const VideoOptions& opt, Video& v, std::string& why, VideoRetry r) {
  if (!r.stop) r.stop = stop_requested;
  if (!r.log) r.log = [](const std::string& s) { SDL_Log("%s", s.c_str()); };
  if (!r.sleep)
    r.sleep = [stop = r.stop](uint64_t ms) {
      // Sleep in short steps so SIGTERM stops a kiosk that is still waiting for its screen.
      for (uint64_t slept = 0; slept < ms && !stop(); slept += 200)
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<uint64_t>(200, ms - slept)));
    };
  std::string last;
  int tries = 0;
  while (!r.stop()) {
    ++tries;
    std::string reason;
    if (r.open(opt, v, reason)) {
      if (tries > 1) r.log("the screen is there after " + std::to_string(tries) + " tries: showing the exhibit");
      return true;
    }
    close_video(v);  // whatever half opened (a window without a renderer) goes before the next try
    why = reason;
    uint64_t wait = r.backoff.next();
    if (reason != last) {
      r.log("no screen yet (" + reason + "); trying again, every " + std::to_string(wait / 1000) +
            " s at first and at most every 30 s");
      last = reason;
    }
    r.sleep(wait);
  }
  return false;
}

}  // namespace platform
