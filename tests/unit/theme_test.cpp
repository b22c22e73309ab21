// theme_test.cpp — physical sizes and the palette's contrast (WCAG: 4.5:1 for text, 7:1 body).
#include <doctest/doctest.h>

#include "kiosk/ui/theme.h"

TEST_CASE("theme: touch targets are at least 15 mm on every panel we support") {
  struct Panel {
    int w, h;
    float mm_w, mm_h;
  } panels[] = {{1920, 1080, 344, 194}, {800, 480, 154, 86}, {1280, 800, 217, 136}, {1080, 1920, 194, 344}};
  for (auto p : panels) {
    ui::Theme t = ui::Theme::for_screen(p.w, p.h, p.mm_w, p.mm_h);
    CHECK(t.target() / t.px_per_mm >= 15.f);
    CHECK(t.body_px() >= 22);
  }
  ui::Theme hd = ui::Theme::for_screen(1920, 1080, 344, 194);
  CHECK(hd.body_px() >= 24);  // body text of about 24 px at 1080p, or more
}

TEST_CASE("theme: text colours reach 4.5:1, body text 7:1") {
  ui::Palette p;
  CHECK(ui::contrast(p.ink, p.paper) >= 7.0);
  CHECK(ui::contrast(p.ink, p.panel) >= 7.0);
  CHECK(ui::contrast(p.ink_soft, p.paper) >= 7.0);
  CHECK(ui::contrast(p.ink_soft, p.panel) >= 4.5);
  CHECK(ui::contrast(p.accent, p.paper) >= 4.5);
  CHECK(ui::contrast(p.accent, p.panel) >= 4.5);
  CHECK(ui::contrast(p.on_accent, p.accent) >= 4.5);
  CHECK(ui::contrast(p.on_night, p.night) >= 7.0);
  CHECK(ui::contrast(ui::Colour{0, 0, 0}, ui::Colour{255, 255, 255}) == doctest::Approx(21.0));
}

TEST_CASE("theme: the high-contrast palette reaches 7:1 for every text, and has no hairlines") {
  ui::Palette p = ui::Palette::high_contrast();
  for (auto bg : {p.paper, p.panel}) {
    CHECK(ui::contrast(p.ink, bg) >= 7.0);
    CHECK(ui::contrast(p.ink_soft, bg) >= 7.0);
    CHECK(ui::contrast(p.accent, bg) >= 7.0);
  }
  CHECK(ui::contrast(p.on_accent, p.accent) >= 7.0);
  CHECK(ui::contrast(p.on_night, p.night) >= 7.0);
  ui::Theme t = ui::Theme::for_screen(1920, 1080, 344, 194);
  CHECK(t.stroke(1.f) == 1.f);
  t.set_high_contrast(true);
  CHECK(t.colours.ink.r == p.ink.r);
  CHECK(t.stroke(1.f) / t.px_per_mm >= 0.45f);  // a 1 px rule becomes half a millimetre
  t.set_high_contrast(false);
  CHECK(ui::contrast(t.colours.ink, t.colours.paper) == doctest::Approx(ui::contrast(ui::Palette{}.ink, ui::Palette{}.paper)));
}

TEST_CASE("theme: every text size is at least 4.5 mm em, body 5 mm, on every panel and at larger text") {
  struct Panel {
    int w, h;
    float mm_w, mm_h;
  } panels[] = {{1920, 1080, 344, 194}, {800, 480, 154, 86}, {1280, 800, 217, 136}, {1080, 1920, 194, 344}};
  for (auto pn : panels)
    for (float scale : {1.f, ui::Theme::kLargerText}) {
      ui::Theme t = ui::Theme::for_screen(pn.w, pn.h, pn.mm_w, pn.mm_h);
      t.text_scale = scale;
      float ppm = t.px_per_mm;
      CHECK(t.small_px() / ppm >= 4.5f);
      CHECK(t.label_px() / ppm >= 4.5f);
      CHECK(t.body_px() / ppm >= 5.0f);
      CHECK(t.heading_px() / ppm >= 5.0f);
      if (scale > 1) {  // larger text grows labels too, not only reading text
        ui::Theme normal = ui::Theme::for_screen(pn.w, pn.h, pn.mm_w, pn.mm_h);
        CHECK(t.label_px() > normal.label_px());
        CHECK(t.small_px() > normal.small_px());
      }
    }
}
