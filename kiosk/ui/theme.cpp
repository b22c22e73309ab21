// theme.cpp — see theme.h.
#include "kiosk/ui/theme.h"

namespace ui {

static double channel(uint8_t c) {
  double s = c / 255.0;
  return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
}

double contrast(Colour a, Colour b) {
  auto lum = [](Colour c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); };
  double la = lum(a), lb = lum(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

Theme Theme::for_screen(int w_px, int h_px, float w_mm, float h_mm) {
  Theme t;
  t.width = w_px;
  t.height = h_px;
  // Average both axes: panels with non-square pixels are rare, but a wrong config should not
  // make targets tiny in one direction.
  t.px_per_mm = 0.5f * (w_px / std::max(1.f, w_mm) + h_px / std::max(1.f, h_mm));
  return t;
}

}  // namespace ui
