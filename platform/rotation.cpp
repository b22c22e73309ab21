// rotation.cpp — see rotation.h. SDL_RenderCopyEx turns clockwise about the picture's centre, so
// at 90° the picture's top-left corner lands on the panel's top-right: panel = (1 - y, x).
#include "platform/rotation.h"

namespace platform {

bool valid_rotation(int d) { return d == 0 || d == 90 || d == 180 || d == 270; }

void picture_size(int rotation, int panel_w, int panel_h, int& w, int& h) {
  const bool quarter = rotation == 90 || rotation == 270;
  w = quarter ? panel_h : panel_w;
  h = quarter ? panel_w : panel_h;
}

Norm picture_to_panel(int rotation, Norm p) {
  switch (rotation) {
    case 90: return {1 - p.y, p.x};
    case 180: return {1 - p.x, 1 - p.y};
    case 270: return {p.y, 1 - p.x};
    default: return p;
  }
}

Norm panel_to_picture(int rotation, Norm p) {
  switch (rotation) {
    case 90: return {p.y, 1 - p.x};
    case 180: return {1 - p.x, 1 - p.y};
    case 270: return {1 - p.y, p.x};
    default: return p;
  }
}

}  // namespace platform
