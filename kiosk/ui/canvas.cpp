// canvas.cpp — see canvas.h.
#include "kiosk/ui/canvas.h"

namespace ui {

void Canvas::fill(const Rect& r, Colour c, float rounding) {
  dl_->AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, c.imgui(), rounding);
}

void Canvas::stroke(const Rect& r, Colour c, float thickness, float rounding) {
  dl_->AddRect({r.x, r.y}, {r.right(), r.bottom()}, c.imgui(), rounding, 0, thickness);
}

void Canvas::line(float x1, float y1, float x2, float y2, Colour c, float thickness) {
  dl_->AddLine({x1, y1}, {x2, y2}, c.imgui(), thickness);
}

void Canvas::circle(float x, float y, float radius, Colour c) {
  dl_->AddCircleFilled({x, y}, radius, c.imgui(), 24);
}

void Canvas::block(const Layout& l, float x, float y, float alpha) {
  Texture t = text_.texture(l);
  if (!t.tex) return;
  ImU32 tint = IM_COL32(255, 255, 255, (int)(255 * std::clamp(alpha, 0.f, 1.f)));
  dl_->AddImage((ImTextureID)t.tex, {x, y}, {x + t.w, y + t.h}, {0, 0}, {1, 1}, tint);
  std::string all;
  for (const auto& line : l.lines) {
    for (const auto& p : line.pieces) all += p.text;
    all += ' ';
  }
  texts_.push_back(all);
}

float Canvas::label(const std::string& s, float x, float y, Colour c, bool small) {
  ImFont* f = small ? small_ : label_;
  dl_->AddText(f, f->FontSize, {x, y}, c.imgui(), s.c_str());
  texts_.push_back(s);
  return label_width(s, small);
}

float Canvas::label_width(const std::string& s, bool small) const {
  ImFont* f = small ? small_ : label_;
  return f->CalcTextSizeA(f->FontSize, 1e9f, 0, s.c_str()).x;
}

float Canvas::label_height(bool small) const { return (small ? small_ : label_)->FontSize; }

void Canvas::label_centred(const std::string& s, const Rect& r, Colour c, bool small) {
  float w = label_width(s, small), h = label_height(small);
  label(s, r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, c, small);
}

bool Canvas::hit(const std::string& id, const Rect& r, bool* is_pressed) {
  items_.push_back({id, r});
  if (is_pressed) *is_pressed = pressed && r.contains(pressed->x, pressed->y);
  if (tap && !tap_used_ && r.contains(tap->x, tap->y)) {
    tap_used_ = true;
    return true;
  }
  return false;
}

bool Canvas::button(const std::string& id, const Rect& r, const std::string& text, ButtonKind kind) {
  bool down = false;
  bool tapped = hit(id, r, &down);
  const Palette& p = theme_.colours;
  float round = theme_.mm(2.f);
  Colour fg = p.ink;
  switch (kind) {
    case ButtonKind::Primary:
      fill(r, down ? Colour{120, 30, 18} : p.accent, round);
      fg = p.on_accent;
      break;
    case ButtonKind::Quiet:
      fill(r, down ? p.rule : p.panel, round);
      break;
    case ButtonKind::Outline:
      if (down) fill(r, p.panel, round);
      stroke(r, p.ink_soft, std::max(1.f, theme_.mm(0.35f) * 1.f), round);
      break;
    case ButtonKind::Plain:
      if (down) fill(r, p.panel, round);
      break;
  }
  if (!text.empty()) label_centred(text, r, fg);
  return tapped;
}

}  // namespace ui
