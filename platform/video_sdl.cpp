// video_sdl.cpp — SDL2 implementation of video.h.
//
// On the Pi (Raspberry Pi OS Lite) SDL runs its KMSDRM driver with the OpenGL ES 2 renderer (asked
// for by name: SDL would otherwise take desktop GL, which the Pi's Mesa offers too). SDL's
// KMSDRM picks the first /dev/dri/card* with a connected connector, so the card number changing
// between boots (Pi 5) does not matter, and with none connected it fails and we try again. Under
// KMSDRM the kernel, not SDL, owns the virtual-terminal keys (Ctrl+Alt+Fn, Ctrl+Alt+Del):
// deploy/rpi/setup.sh masks ctrl-alt-del.target and the getty on tty1 and sets kernel.sysrq=0,
// so those keys lead nowhere. Screen power through DRM (DPMS on the connector, on the fd SDL holds
// as DRM master) and a DSI panel's backlight are in screen_power.h, not here.
#include <SDL_image.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "platform/rotation.h"
#include "platform/video.h"

namespace platform {

static void set_hints(const VideoOptions& opt) {
  if (opt.headless) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
  // The software path (and the fallback from OpenGL ES) keeps the window's framebuffer in plain
  // memory: otherwise SDL reaches for EGL and Mesa (llvmpipe) just to present it, which costs
  // ~95 MB and leaks on unload. The OpenGL ES renderer never uses that framebuffer.
  if (opt.headless) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
  // Touch is handled by our gesture layer; SDL must not also turn touches into mouse clicks.
  SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
  // Signals are ours (signals.h): SIGINT must not become SDL_QUIT on the wall.
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  // Vsync always on a screen: async page flips garble Pi 4 DSI panels and fail on the Pi 5.
  if (!opt.headless) SDL_SetHint(SDL_HINT_RENDER_VSYNC, "1");
  if (!opt.headless && !opt.windowed) {
    // Where there is a window manager (a desktop preview in full screen), keep Alt+Tab, Alt+F4
    // and the Super key from it.
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
  }
}

// Full screen in the chosen mode: SDL's desktop mode unless display_mode.h says otherwise.
static void choose_fullscreen_mode(const VideoOptions& opt, Video& v, int& w, int& h, SDL_DisplayMode& chosen,
                                   bool& change) {
  change = false;
  SDL_DisplayMode desk;
  if (SDL_GetDesktopDisplayMode(0, &desk) != 0) return;
  w = desk.w, h = desk.h;
  chosen = desk;
  std::vector<SDL_DisplayMode> sdl_modes;
  std::vector<Mode> modes;
  for (int i = 0, n = SDL_GetNumDisplayModes(0); i < n; ++i) {
    SDL_DisplayMode m;
    if (SDL_GetDisplayMode(0, i, &m) != 0) continue;
    sdl_modes.push_back(m);
    modes.push_back({m.w, m.h, m.refresh_rate});
  }
  std::string why;
  int pick = choose_mode(modes, {desk.w, desk.h, desk.refresh_rate}, opt.mode, why);
  SDL_Log("display mode: %s", why.c_str());
  if (pick < 0) return;
  chosen = sdl_modes[pick];
  change = chosen.w != desk.w || chosen.h != desk.h || chosen.refresh_rate != desk.refresh_rate;
  w = chosen.w, h = chosen.h;
  v.mode = mode_text(modes[pick]);
}

// OpenGL ES 2 before the window exists, so SDL need not make it again for the context: 8 bits a
// channel (SDL's minimum of 3-3-2 lets EGL pick a 16-bit RGB565 config, which bands gradients),
// no depth or stencil (2D only), and libGLESv2 rather than desktop GL's ES profile.
static void ask_for_gles2() {
  SDL_SetHint(SDL_HINT_OPENGL_ES_DRIVER, "1");
  SDL_SetHint(SDL_HINT_RENDER_DRIVER, "opengles2");
  // ImGui's SDL_Renderer backend makes no GL calls of its own, so SDL may batch the frame's
  // geometry into one upload (it turns batching off when a driver is named). Not in software:
  // there SDL 2.26 queues every triangle as a command of its own (SDL_SW_RenderGeometryRaw looks
  // for rectangles pair by pair), so batching holds a whole frame's commands — 3.5 MiB more peak
  // RSS over every screen at 1080p, measured — only to move the same fill into the flush.
  SDL_SetHint(SDL_HINT_RENDER_BATCHING, "1");
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 2);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_RED_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_GREEN_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_BLUE_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
}

static int driver_index(const char* name) {
  for (int i = 0, n = SDL_GetNumRenderDrivers(); i < n; ++i) {
    SDL_RendererInfo info;
    if (SDL_GetRenderDriverInfo(i, &info) == 0 && strcmp(info.name, name) == 0) return i;
  }
  return -1;
}

// The renderer on the chosen path, by index rather than only by hint: a named driver that fails
// would otherwise let SDL quietly take whichever other one works.
static SDL_Renderer* create_renderer(const VideoOptions& opt, RenderPath path, Video& v) {
  Uint32 target = opt.rotation ? SDL_RENDERER_TARGETTEXTURE : 0;
  if (path == RenderPath::OpenGLES2) {
    int i = driver_index("opengles2");
    Uint32 flags = SDL_RENDERER_ACCELERATED | target | (opt.headless ? 0 : SDL_RENDERER_PRESENTVSYNC);
    SDL_Renderer* r = i >= 0 ? SDL_CreateRenderer(v.window, i, flags) : nullptr;
    if (r) return r;
    SDL_Log("warning: no OpenGL ES 2 renderer (%s); drawing in software, which is slow",
            i >= 0 ? SDL_GetError() : "this SDL has no opengles2 driver");
    v.fell_back = true;
  }
  SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  return SDL_CreateRenderer(v.window, -1, SDL_RENDERER_SOFTWARE | target);
}

static bool make_renderer(const VideoOptions& opt, RenderPath path, Video& v, std::string& why) {
  v.renderer = create_renderer(opt, path, v);
  if (!v.renderer) {
    why = std::string("SDL could not create a renderer: ") + SDL_GetError();
    return false;
  }
  SDL_RendererInfo info;
  if (SDL_GetRendererInfo(v.renderer, &info) == 0) {
    v.renderer_name = info.name;
    v.max_texture_w = info.max_texture_width, v.max_texture_h = info.max_texture_height;
  }
  SDL_GetRendererOutputSize(v.renderer, &v.panel_w, &v.panel_h);
  v.rotation = opt.rotation;
  picture_size(v.rotation, v.panel_w, v.panel_h, v.width, v.height);
  if (v.rotation) {
    v.picture = SDL_CreateTexture(v.renderer, SDL_PIXELFORMAT_RGBA8888, SDL_TEXTUREACCESS_TARGET, v.width, v.height);
    if (!v.picture) {
      why = std::string("SDL could not make the picture to turn onto the panel: ") + SDL_GetError();
      return false;
    }
  }
  return true;
}

std::string texture_limit(const Video& v) {
  if (v.max_texture_w <= 0 || v.max_texture_h <= 0) return "textures of any size";
  return "textures up to " + std::to_string(v.max_texture_w) + "x" + std::to_string(v.max_texture_h);
}

bool open_video(const VideoOptions& opt, Video& v, std::string& why) {
  set_hints(opt);
  if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    why = std::string("SDL could not start video: ") + SDL_GetError();
    return false;
  }
  if (SDL_GetNumVideoDisplays() < 1) {
    why = "no display is connected";
    return false;
  }
  v.driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
  const RenderPath path = resolve_render_path(opt.render, opt.headless);
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (path == RenderPath::OpenGLES2) ask_for_gles2(), flags |= SDL_WINDOW_OPENGL;
  int w = opt.width, h = opt.height;
  SDL_DisplayMode mode{};
  bool change_mode = false;
  if (!opt.headless && !opt.windowed) choose_fullscreen_mode(opt, v, w, h, mode, change_mode);
  if (!opt.headless && !opt.windowed) flags |= change_mode ? SDL_WINDOW_FULLSCREEN : SDL_WINDOW_FULLSCREEN_DESKTOP;
  v.window = SDL_CreateWindow("museum-kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
  if (!v.window && (flags & SDL_WINDOW_OPENGL)) {
    // No EGL/GLES at all (a driver without it): a plain window, and the software renderer below.
    SDL_Log("warning: no OpenGL ES window (%s)", SDL_GetError());
    v.window = SDL_CreateWindow("museum-kiosk", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags & ~SDL_WINDOW_OPENGL);
  }
  if (!v.window) {
    why = std::string("SDL could not open a window: ") + SDL_GetError();
    return false;
  }
  if (change_mode) SDL_SetWindowDisplayMode(v.window, &mode);
  if (!make_renderer(opt, path, v, why)) return false;
  if (!opt.windowed || opt.headless) SDL_ShowCursor(SDL_DISABLE);
  if (!opt.headless && !opt.windowed) SDL_SetWindowKeyboardGrab(v.window, SDL_TRUE);
  // Only these drivers give SDL a WaitEventTimeout in 2.26 (see idle_wait.h).
  v.blocking_wait = v.driver == "x11" || v.driver == "wayland" || v.driver == "windows" || v.driver == "cocoa";
  if (v.mode.empty()) v.mode = std::to_string(v.panel_w) + "x" + std::to_string(v.panel_h);
  SDL_Log("video: driver %s, renderer %s (asked: %s; %s), mode %s, picture %dx%d turned %d°", v.driver.c_str(),
          v.renderer_name.c_str(), render_path_name(opt.render), texture_limit(v).c_str(), v.mode.c_str(), v.width, v.height,
          v.rotation);
  return true;
}

void close_video(Video& v) {
  if (v.picture) SDL_DestroyTexture(v.picture);
  if (v.renderer) SDL_DestroyRenderer(v.renderer);
  if (v.window) SDL_DestroyWindow(v.window);
  v.picture = nullptr;
  v.renderer = nullptr;
  v.window = nullptr;
  SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

void begin_frame(Video& v) {
  if (v.picture) SDL_SetRenderTarget(v.renderer, v.picture);
}

void finish_frame(Video& v) {
  if (!v.picture) return;
  SDL_SetRenderTarget(v.renderer, nullptr);
  SDL_SetRenderDrawColor(v.renderer, 0, 0, 0, 255);
  SDL_RenderClear(v.renderer);
  // RenderCopyEx turns about the rectangle's centre: centre the picture on the panel, then turn.
  SDL_Rect dst{(v.panel_w - v.width) / 2, (v.panel_h - v.height) / 2, v.width, v.height};
  SDL_RenderCopyEx(v.renderer, v.picture, nullptr, &dst, (double)v.rotation, nullptr, SDL_FLIP_NONE);
}

bool save_screenshot(const Video& v, const std::string& path, std::string& why) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, v.panel_w, v.panel_h, 32, SDL_PIXELFORMAT_RGBA32);
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
