// theme.h — the exhibit's look in physical units: sizes in millimetres on the real screen,
// converted to pixels once the screen's size is known; one palette with checked contrast.
//
// Why millimetres: a 15 mm touch target is 84 px on a 15.6" 1080p panel but 78 px on a 7" 800×480
// one; fingers and eyes measure the glass, not the pixels.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ui {

struct Colour {
  uint8_t r, g, b, a = 255;
  uint32_t imgui() const { return (uint32_t)a << 24 | (uint32_t)b << 16 | (uint32_t)g << 8 | r; }
  Colour with_alpha(float f) const { return {r, g, b, (uint8_t)std::clamp(f * a, 0.f, 255.f)}; }
};

// WCAG 2 contrast ratio between two opaque colours (1..21).
double contrast(Colour a, Colour b);

struct Palette {
  Colour paper{244, 239, 230};     // warm paper background
  Colour panel{234, 226, 212};     // cards and bars, a shade darker
  Colour ink{31, 27, 22};          // body text: 15:1 on paper
  Colour ink_soft{74, 65, 56};     // secondary text: > 8:1 on paper
  Colour accent{158, 43, 27};      // Coyoacán red: > 6:1 on paper, used for one thing at a time
  Colour on_accent{251, 247, 240}; // text on the accent
  Colour rule{196, 184, 166};      // hairlines (not text)
  Colour night{24, 22, 20};        // attract mode background
  Colour on_night{240, 233, 222};  // text on night: > 14:1
};

struct Theme {
  float px_per_mm = 5.58f;  // 1920 px / 344 mm
  int width = 1920, height = 1080;
  float text_scale = 1.0f;  // the visitor's "larger text" choice, for reading text only
  Palette colours;

  static Theme for_screen(int w_px, int h_px, float w_mm, float h_mm);
  int mm(float v) const { return (int)std::lround(v * px_per_mm); }
  // Font sizes in pixels, never below a floor that stays legible on small panels.
  int title_px() const { return std::max(30, mm(9.5f)); }
  int heading_px() const { return std::max(24, mm(6.5f)); }
  int body_px() const { return (int)std::lround(std::max(22, mm(5.2f)) * text_scale); }
  int quote_px() const { return (int)std::lround(std::max(26, mm(8.0f)) * text_scale); }
  int label_px() const { return std::max(20, mm(4.6f)); }
  int small_px() const { return std::max(18, mm(3.8f)); }
  int target() const { return mm(16.f); }  // touch targets: 16 mm, above the 15 mm floor
  int margin() const { return std::max(mm(10.f), width / 40); }
  int gap() const { return mm(4.f); }
  bool portrait() const { return height > width; }
};

}  // namespace ui
