// rotation.h (app) — input events turned to match a panel mounted turned (platform/rotation.h).
//
// Does:     give the gesture layer touches and mouse positions in the picture's frame, since SDL
//           reports them in the panel's and has no rotation of its own under KMSDRM.
// Does not: draw (platform/video.h turns the picture).
#pragma once
#include <SDL.h>

namespace app {

// `e` with its touch (normalised) or mouse (pixel) position in the picture's frame.
SDL_Event to_picture(const SDL_Event& e, int rotation, int panel_w, int panel_h);

}  // namespace app
