// rotation.cpp (app) — see rotation.h.
#include "kiosk/app/rotation.h"

#include "platform/rotation.h"

namespace app {

SDL_Event to_picture(const SDL_Event& e, int rotation, int panel_w, int panel_h) {
  if (!rotation) return e;
  SDL_Event r = e;
  int pic_w, pic_h;
  platform::picture_size(rotation, panel_w, panel_h, pic_w, pic_h);
  auto turn_px = [&](Sint32& x, Sint32& y) {
    platform::Norm n = platform::panel_to_picture(rotation, {(x + 0.5f) / panel_w, (y + 0.5f) / panel_h});
    x = (Sint32)(n.x * pic_w), y = (Sint32)(n.y * pic_h);
  };
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      platform::Norm n = platform::panel_to_picture(rotation, {e.tfinger.x, e.tfinger.y});
      r.tfinger.x = n.x, r.tfinger.y = n.y;
      platform::Norm d = platform::panel_to_picture(rotation, {0.5f + e.tfinger.dx, 0.5f + e.tfinger.dy});
      r.tfinger.dx = d.x - 0.5f, r.tfinger.dy = d.y - 0.5f;
      break;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: turn_px(r.button.x, r.button.y); break;
    case SDL_MOUSEMOTION: turn_px(r.motion.x, r.motion.y); break;
    default: break;
  }
  return r;
}

}  // namespace app
