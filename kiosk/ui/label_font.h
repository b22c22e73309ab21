// label_font.h — the UI label fonts in ImGui's atlas, sized by their em like the reading text.
//
// Why this exists: ImGui's size_pixels is the font's line box (hhea ascent − descent), while
// SDL_ttf's size and theme.h's millimetres are the em. For the sample's sans a line box is about
// 1.3 em, so a label asked for 4.6 mm came out as a 3.5 mm em ("Continue": 14 px cap height at
// 1080p). Here the atlas size is derived from the em we want, and the em drawn is reported back.
// Does:     the four label fonts (label and small, at normal and larger text) from one TTF.
// Does not: pick glyph ranges or build the atlas texture (the app does, once per bundle).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <vector>

namespace ui {

struct Theme;

struct LabelFonts {
  ImFont* label = nullptr;
  ImFont* small = nullptr;
  ImFont* label_large = nullptr;  // the visitor's "larger text" choice
  ImFont* small_large = nullptr;
  bool ok() const { return label && small && label_large && small_large; }
};

// The em of `ttf` per pixel of ImGui size (unitsPerEm / (ascent − descent)); 1 when unreadable.
float em_per_atlas_px(const void* ttf, int size);
// The em, in pixels, that `f` draws at its own FontSize.
float em_px(const ImFont* f);
// Adds the label fonts for `theme` (normal and larger) to `atlas`, from `ttf` (kept by the caller).
LabelFonts add_label_fonts(ImFontAtlas* atlas, const std::vector<uint8_t>& ttf, const Theme& theme, const ImWchar* ranges);

}  // namespace ui
