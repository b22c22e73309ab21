// rotation.h — a panel mounted turned by 0, 90, 180 or 270 degrees.
//
// Does:     say how big the picture is that the kiosk draws (width and height swap at 90/270),
//           and map a touch on the panel (normalised 0…1 in the panel's own frame, as SDL
//           reports it) to the same point of the picture, and back.
// Does not: draw: video.h turns the picture onto the panel with SDL_RenderCopyEx, because SDL has
//           no rotation of its own under KMSDRM.
// Convention: `rotation` is how far the picture is turned clockwise on the panel, like xrandr's
// --rotate right (90) and the Pi's display_lcd_rotate; a panel hung turned anticlockwise by a
// quarter needs rotation = 90 to look upright.
#pragma once

namespace platform {

// 0, 90, 180 or 270; anything else is a mistake the config reader refuses.
bool valid_rotation(int degrees);

struct Norm {
  float x = 0, y = 0;  // 0…1 across and down
};

// The picture's size for a panel of panel_w × panel_h pixels.
void picture_size(int rotation, int panel_w, int panel_h, int& w, int& h);
// A point on the panel → the same point of the picture (what a touch means).
Norm panel_to_picture(int rotation, Norm p);
// A point of the picture → where it shows on the panel (synthetic touches in tours).
Norm picture_to_panel(int rotation, Norm p);

}  // namespace platform
