// video_reset.cpp — see video_reset.h.
#include "platform/video_reset.h"

#include <SDL.h>

namespace platform {

bool remake_picture(Video& v, std::string& why) {
  if (!v.rotation) return true;
  if (v.picture) SDL_DestroyTexture(v.picture);
  v.picture = SDL_CreateTexture(v.renderer, SDL_PIXELFORMAT_RGBA8888, SDL_TEXTUREACCESS_TARGET, v.width, v.height);
  if (v.picture) return true;
  why = std::string("SDL could not remake the picture to turn onto the panel: ") + SDL_GetError();
  return false;
}

}  // namespace platform
