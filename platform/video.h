// video.h — the window and renderer the kiosk draws into.
//
// Does:     full-screen (or windowed) window with a vsync'd renderer on the path render_path.h
//           names: OpenGL ES 2 on a screen (the software one, with a warning, when no OpenGL ES
//           renderer can be created); headless mode on SDL's offscreen driver with the software
//           renderer, or with OpenGL ES 2 through EGL (Mesa) when asked; the display mode chosen
//           deliberately (display_mode.h); a panel mounted turned (rotation.h): the kiosk draws
//           into a picture-sized render target that finish_frame() turns onto the panel;
//           screenshots to PNG (what the panel shows, read back before the present); hides the
//           cursor; in kiosk mode grabs the keyboard so Alt+Tab and the Super key reach no
//           window manager. Logs the driver, renderer, its largest texture and the mode it got.
// Does not: draw anything, handle input, switch the panel's power.
#pragma once
#include <SDL.h>

#include <string>

#include "platform/display_mode.h"
#include "platform/render_path.h"

namespace platform {

struct VideoOptions {
  bool headless = false;  // offscreen driver, software renderer unless `render` asks (tests, CI, screenshots)
  bool windowed = false;  // a normal window instead of full screen (desktop preview)
  int width = 1920, height = 1080;
  int rotation = 0;  // degrees clockwise, see rotation.h
  Mode mode;         // kiosk.toml `mode`; w == 0: choose (display_mode.h)
  RenderPath render = RenderPath::Auto;  // kiosk.toml `renderer` or --renderer (render_path.h)
};

struct Video {
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  int width = 0, height = 0;       // the picture's size in pixels (the panel's, turned by rotation)
  int panel_w = 0, panel_h = 0;    // the panel's drawable size in pixels
  int rotation = 0;
  SDL_Texture* picture = nullptr;  // the render target when rotation != 0
  // True where SDL_WaitEventTimeout really sleeps (X11, Wayland, Windows, macOS); elsewhere (KMSDRM,
  // offscreen, dummy) SDL 2.26 polls every millisecond and the app waits itself (idle_wait.h).
  bool blocking_wait = true;
  std::string driver, renderer_name, mode;
  int max_texture_w = 0, max_texture_h = 0;  // the renderer's largest texture (0: no limit said)
  bool fell_back = false;  // OpenGL ES was asked for but could not be had: drawing in software
};

// Initialises SDL video and opens the window. On failure returns false and says why.
bool open_video(const VideoOptions& opt, Video& v, std::string& why);
void close_video(Video& v);
// "textures up to 4096x4096", or "textures of any size" (the software renderer names no limit).
std::string texture_limit(const Video& v);
// Before drawing a frame: draw into the picture (the render target when the panel is turned).
void begin_frame(Video& v);
// After drawing: turn the picture onto the panel. Present (or take a screenshot) after this.
void finish_frame(Video& v);
// Writes what is currently in the back buffer (after finish_frame, before present) to a PNG file:
// the panel as a visitor sees it, turned when the panel is.
bool save_screenshot(const Video& v, const std::string& path, std::string& why);

}  // namespace platform
