// video_sdl.cpp — SDL2 implementation of video.h.
#include <SDL_image.h>

#include <cstdlib>
#include <cstring>

#include "platform/video.h"

namespace platform {

bool open_video(const VideoOptions& opt, Video& v, std::string& why) {
  if (opt.headless) {
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    // Keep the window's framebuffer in plain memory: otherwise SDL reaches for EGL and Mesa
    // (llvmpipe) just to present it, which costs ~95 MB and leaks on unload.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  }
  // Touch is handled by our gesture layer; SDL must not also turn touches into mouse clicks.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    why = std::string("SDL could not start video: ") + SDL_GetError();
    return false;
  }
  v.driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  int w = opt.width, h = opt.height;
  if (!opt.headless && !opt.windowed) {
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    SDL_DisplayMode dm;
    if (SDL_GetDesktopDisplayMode(0, &dm) == 0) w = dm.w, h = dm.h;
  }
  v.window = SDL_CreateWindow("museum-kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (!v.window) {
    why = std::string("SDL could not open a window: ") + SDL_GetError();
    return false;
  }
  Uint32 rflags = opt.headless ? SDL_RENDERER_SOFTWARE : (SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  v.renderer = SDL_CreateRenderer(v.window, -1, rflags);
  if (!v.renderer && !opt.headless) v.renderer = SDL_CreateRenderer(v.window, -1, SDL_RENDERER_SOFTWARE);
  if (!v.renderer) {
    why = std::string("SDL could not create a renderer: ") + SDL_GetError();
    return false;
  }
  SDL_GetRendererOutputSize(v.renderer, &v.width, &v.height);
  if (!opt.windowed || opt.headless) SDL_ShowCursor(SDL_DISABLE);
  v.blocking_wait = v.driver != "KMSDRM";
  return true;
}

void close_video(Video& v) {
  if (v.renderer) SDL_DestroyRenderer(v.renderer);
  if (v.window) SDL_DestroyWindow(v.window);
  v.renderer = nullptr;
  v.window = nullptr;
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

bool save_screenshot(const Video& v, const std::string& path, std::string& why) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, v.width, v.height, 32, SDL_PIXELFORMAT_RGBA32);
  if (!s) {
    why = SDL_GetError();
    return false;
  }
  bool ok = SDL_RenderReadPixels(v.renderer, nullptr, SDL_PIXELFORMAT_RGBA32, s->pixels, s->pitch) == 0 &&
            IMG_SavePNG(s, path.c_str()) == 0;
  if (!ok) why = SDL_GetError();
  SDL_FreeSurface(s);
  return ok;
}

}  // namespace platform
