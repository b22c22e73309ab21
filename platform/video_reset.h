// video_reset.h — the window's own textures after the renderer lost them.
//
// Does:     remake the render target a turned panel draws into (video.h's picture), when SDL
//           says its targets or its whole device were reset (SDL_RENDER_TARGETS_RESET /
//           SDL_RENDER_DEVICE_RESET: a GPU reset, a display gone and back on some drivers).
// Does not: remake the app's textures (text, pictures, the label atlas): the app owns those.
#pragma once
#include <string>

#include "platform/video.h"

namespace platform {

// Frees and remakes v.picture (nothing to do on an unturned panel). False and why when SDL
// cannot make it again; the picture is then drawn straight onto the panel, unturned, rather than
// into a dead texture.
bool remake_picture(Video& v, std::string& why);

}  // namespace platform
