// render_path.cpp — see render_path.h.
#include "platform/render_path.h"

namespace platform {

bool parse_render_path(const std::string& text, RenderPath& out) {
  if (text == "auto") out = RenderPath::Auto;
  else if (text == "opengles2") out = RenderPath::OpenGLES2;
  else if (text == "software") out = RenderPath::Software;
  else return false;
  return true;
}

const char* render_path_name(RenderPath p) {
  switch (p) {
    case RenderPath::OpenGLES2: return "opengles2";
    case RenderPath::Software: return "software";
    default: return "auto";
  }
}

RenderPath resolve_render_path(RenderPath asked, bool headless) {
  if (asked != RenderPath::Auto) return asked;
  return headless ? RenderPath::Software : RenderPath::OpenGLES2;
}

}  // namespace platform
