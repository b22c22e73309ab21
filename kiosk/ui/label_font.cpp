// label_font.cpp — see label_font.h. stb_truetype is the rasteriser ImGui itself uses, so its
// metrics are exactly the ones ImGui scales by.
#include "kiosk/ui/label_font.h"

#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>

#include <map>

#include "kiosk/ui/theme.h"

namespace ui {

float em_per_atlas_px(const void* ttf, int size) {
  if (!ttf || size <= 0) return 1.f;
  const auto* data = (const unsigned char*)ttf;
  stbtt_fontinfo info;
  int offset = stbtt_GetFontOffsetForIndex(data, 0);
  if (offset < 0 || !stbtt_InitFont(&info, data, offset)) return 1.f;
  // ImGui scales by size / (ascent − descent); the em is then size · unitsPerEm / (ascent − descent).
  // ScaleForPixelHeight(1) = 1 / (ascent − descent), ScaleForMappingEmToPixels(1) = 1 / unitsPerEm.
  float per_line_box = stbtt_ScaleForPixelHeight(&info, 1.f), per_em = stbtt_ScaleForMappingEmToPixels(&info, 1.f);
  return per_em > 0 ? per_line_box / per_em : 1.f;
}

float em_px(const ImFont* f) {
  if (!f) return 0;
  const ImFontConfig* cfg = f->ConfigData;
  if (!cfg || !cfg->FontData) return f->FontSize;
  static std::map<const void*, float> ratio;  // per font file; a handful of entries at most
  auto it = ratio.find(cfg->FontData);
  if (it == ratio.end()) it = ratio.emplace(cfg->FontData, em_per_atlas_px(cfg->FontData, cfg->FontDataSize)).first;
  return f->FontSize * it->second;
}

LabelFonts add_label_fonts(ImFontAtlas* atlas, const std::vector<uint8_t>& ttf, const Theme& theme, const ImWchar* ranges) {
  LabelFonts out;
  if (ttf.empty()) return out;
  const float per_px = em_per_atlas_px(ttf.data(), (int)ttf.size());
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live with the caller
  cfg.OversampleH = 2;
  auto add = [&](int em) {
    // Rounded up: a label is never smaller than the em it was asked for.
    float size = std::ceil(em / per_px);
    return atlas->AddFontFromMemoryTTF((void*)ttf.data(), (int)ttf.size(), size, &cfg, ranges);
  };
  Theme large = theme;
  large.text_scale = Theme::kLargerText;
  out.label = add(theme.label_px());
  out.small = add(theme.small_px());
  out.label_large = add(large.label_px());
  out.small_large = add(large.small_px());
  // The ratio is cached by the atlas's copy of the pointer: remember it for em_px().
  return out;
}

}  // namespace ui
