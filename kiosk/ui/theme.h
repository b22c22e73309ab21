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

  // The high-contrast look: every text pair 7:1 or more (ink on paper 19:1), for visitors with
  // low vision; chosen in kiosk.toml (high_contrast = true) or at run time (Theme::set_high_contrast).
  static Palette high_contrast() {
    Palette p;
    p.paper = {255, 255, 255};
    p.panel = {238, 238, 238};
    p.ink = {0, 0, 0};
    p.ink_soft = {34, 34, 34};
    p.accent = {122, 18, 8};
    p.on_accent = {255, 255, 255};
    p.rule = {0, 0, 0};
    p.night = {0, 0, 0};
    p.on_night = {255, 255, 255};
    return p;
  }
};

struct Theme {
  float px_per_mm = 5.58f;  // 1920 px / 344 mm
  int width = 1920, height = 1080;
  float text_scale = 1.0f;  // the visitor's "larger text" choice: kLargerText or 1
  static constexpr float kLargerText = 1.4f;
  Palette colours;
  bool high_contrast = false;  // no thin strokes: see stroke()
  // Where controls may go: 0 = anywhere; 1/3 = below the top third (reach = "low", for visitors in
  // a wheelchair at a wall-mounted panel).
  float reach_top = 0;

  void set_high_contrast(bool on) {
    high_contrast = on;
    colours = on ? Palette::high_contrast() : Palette{};
  }
  // A stroke's thickness in pixels: hairlines become at least 0.5 mm in high contrast.
  float stroke(float px) const { return high_contrast ? std::max(px, (float)mm(0.5f)) : px; }

  static Theme for_screen(int w_px, int h_px, float w_mm, float h_mm);
  int mm(float v) const { return (int)std::lround(v * px_per_mm); }
  // Rounded up: for sizes that must not come out under their millimetres.
  int mm_up(float v) const { return (int)std::ceil(v * px_per_mm - 1e-3f); }
  // Labels and buttons grow with "larger text" too, a little less than reading text so the bar
  // and the buttons still fit a 7" panel.
  float label_scale() const { return 1.f + (text_scale - 1.f) * 0.6f; }
  // Font sizes in pixels: the em (SDL_ttf's size; label_font.h makes ImGui's labels match), never
  // below a floor that stays legible on small panels. Visitor-facing text is >= 4.5 mm, body >= 5.
  int title_px() const { return std::max(30, mm_up(9.5f)); }
  int heading_px() const { return std::max(24, mm_up(6.5f)); }
  int body_px() const { return (int)std::ceil(std::max(22, mm_up(5.2f)) * text_scale); }
  int quote_px() const { return (int)std::ceil(std::max(26, mm_up(8.0f)) * text_scale); }
  int label_px() const { return (int)std::ceil(std::max(20, mm_up(4.6f)) * label_scale()); }
  int small_px() const { return (int)std::ceil(std::max(18, mm_up(4.5f)) * label_scale()); }
  int target() const { return mm(16.f); }  // touch targets: 16 mm, above the 15 mm floor
  int margin() const { return std::max(mm(10.f), width / 40); }
  int gap() const { return mm(4.f); }
  bool portrait() const { return height > width; }
};

}  // namespace ui
