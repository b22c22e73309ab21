// render_path.h — which of SDL_Renderer's drivers the kiosk draws with.
//
// Does:     name the choice kiosk.toml's `[display] renderer` (and `kiosk --renderer`) makes:
//           "auto" (OpenGL ES 2 on a screen — KMSDRM on the Pi — the software rasteriser headless,
//           as the tests' references are drawn), "opengles2" (the GPU path wherever EGL/GLES can
//           be had: SDL's offscreen driver on Mesa here too), or "software" (a wall whose GPU
//           driver misbehaves). Whatever is asked, video_sdl.cpp falls back to software with a
//           warning when an OpenGL ES renderer cannot be created, and logs what it got.
// Does not: talk to SDL (std only, so the settings' reader and its fuzz target need no video).
#pragma once
#include <string>

namespace platform {

enum class RenderPath { Auto, OpenGLES2, Software };

// "auto", "opengles2" or "software"; false on anything else (out untouched).
bool parse_render_path(const std::string& text, RenderPath& out);
const char* render_path_name(RenderPath p);
// The path "auto" means: the GPU on a screen, software headless.
RenderPath resolve_render_path(RenderPath asked, bool headless);

}  // namespace platform
