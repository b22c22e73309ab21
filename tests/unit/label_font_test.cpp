// label_font_test.cpp — UI labels in ImGui's atlas come out at the em the theme asks for: ImGui's
// size is the line box, so a 26 px label used to be drawn with a 20 px em (3.5 mm at 1080p).
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "kiosk/ui/label_font.h"
#include "kiosk/ui/theme.h"
#include "platform/paths.h"

TEST_CASE("label fonts: the drawn em is the theme's size, at normal and larger text") {
  std::string path = platform::fallback_font();
  REQUIRE_MESSAGE(!path.empty(), "no fallback font (DejaVu or Noto Sans) installed");
  std::ifstream f(path, std::ios::binary);
  std::vector<uint8_t> ttf((std::istreambuf_iterator<char>(f)), {});
  REQUIRE(ttf.size() > 1000);
  // A line box is taller than the em in every text face we use (about 1.16–1.36 em).
  float ratio = ui::em_per_atlas_px(ttf.data(), (int)ttf.size());
  CHECK(ratio < 0.9f);
  CHECK(ratio > 0.6f);
  CHECK(ui::em_per_atlas_px(nullptr, 0) == 1.f);

  ImFontAtlas atlas;
  ui::Theme t = ui::Theme::for_screen(1920, 1080, 344, 194);
  ui::LabelFonts fonts = ui::add_label_fonts(&atlas, ttf, t, atlas.GetGlyphRangesDefault());
  REQUIRE(fonts.ok());
  REQUIRE(atlas.Build());
  CHECK(ui::em_px(fonts.label) >= t.label_px());
  CHECK(ui::em_px(fonts.label) < t.label_px() + 1.5f);
  CHECK(ui::em_px(fonts.small) / t.px_per_mm >= 4.5f);
  CHECK(fonts.label->FontSize > t.label_px());  // the atlas size is the line box, larger than the em
  ui::Theme large = t;
  large.text_scale = ui::Theme::kLargerText;
  CHECK(ui::em_px(fonts.label_large) >= large.label_px());
  CHECK(ui::em_px(fonts.label_large) > ui::em_px(fonts.label));
}
