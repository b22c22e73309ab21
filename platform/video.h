// video.h — the window and renderer the kiosk draws into.
//
// Does:     full-screen (or windowed) window with a vsync'd accelerated renderer; headless mode on
//           SDL's offscreen driver with the software renderer; screenshots to PNG; hides the cursor.
// Does not: draw anything, handle input.
#pragma once
#include <SDL.h>

#include <string>

namespace platform {

struct VideoOptions {
  bool headless = false;  // offscreen driver + software renderer (tests, CI, screenshots)
  bool windowed = false;  // a normal window instead of full screen (desktop preview)
  int width = 1920, height = 1080;
};

struct Video {
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  int width = 0, height = 0;       // drawable size in pixels
  bool blocking_wait = true;       // false where SDL_WaitEvent cannot sleep (KMSDRM): pace a poll instead
  std::string driver;
};

// Initialises SDL video and opens the window. On failure returns false and says why.
bool open_video(const VideoOptions& opt, Video& v, std::string& why);
void close_video(Video& v);
// Writes what is currently in the back buffer (call before present) to a PNG file.
bool save_screenshot(const Video& v, const std::string& path, std::string& why);

}  // namespace platform
