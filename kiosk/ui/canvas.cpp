// canvas.cpp — see canvas.h.
#include "kiosk/ui/canvas.h"

#include <SDL.h>

#include <cmath>

namespace ui {

namespace {

std::vector<std::string>& published() {
  static std::vector<std::string> last;
  return last;
}

// A short quotation of `s` for problem reports.
std::string excerpt(const std::string& s) {
  if (s.size() <= 48) return "\"" + s + "\"";
  size_t cut = 45;
  while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
  return "\"" + s.substr(0, cut) + "…\"";
}

std::vector<TextSeen>& published_texts() {
  static std::vector<TextSeen> last;
  return last;
}

std::string px(float v) { return std::to_string((int)std::lround(v)); }

// Run by ImGui's SDL_Renderer backend between the draw list's commands; the renderer is the data.
// Untextured geometry takes the renderer's draw blend mode (a texture's has its own).
void blend_none(const ImDrawList*, const ImDrawCmd* cmd) {
  SDL_SetRenderDrawBlendMode(static_cast<SDL_Renderer*>(cmd->UserCallbackData), SDL_BLENDMODE_NONE);
}
void blend_alpha(const ImDrawList*, const ImDrawCmd* cmd) {
  SDL_SetRenderDrawBlendMode(static_cast<SDL_Renderer*>(cmd->UserCallbackData), SDL_BLENDMODE_BLEND);
}

}  // namespace

Canvas::~Canvas() {
  if (rehearsal_) return;  // the frame on screen is not this one
  published() = std::move(problems_);
  published_texts() = std::move(seen_);
}

const std::vector<std::string>& Canvas::last_frame_problems() { return published(); }
const std::vector<TextSeen>& Canvas::last_frame_texts() { return published_texts(); }

void Canvas::begin_solid() {
  if (!rehearsal_ && text_.renderer()) dl_->AddCallback(blend_none, text_.renderer());
}

void Canvas::end_solid() {
  if (!rehearsal_ && text_.renderer()) dl_->AddCallback(blend_alpha, text_.renderer());
}

void Canvas::push_clip(const Rect& r) {
  dl_->PushClipRect({r.x, r.y}, {r.right(), r.bottom()}, true);
  ++clip_depth_;
}

void Canvas::pop_clip() {
  dl_->PopClipRect();
  if (clip_depth_ > 0) --clip_depth_;
}

// Half a pixel of slack: positions are fractional, pixels are not.
void Canvas::check_on_screen(const char* what, const std::string& text, float x, float y, float w, float h) {
  if (clip_depth_ > 0) return;
  const float e = 0.5f;
  if (x < -e || y < -e || x + w > theme_.width + e || y + h > theme_.height + e)
    problems_.push_back(std::string(what) + " " + excerpt(text) + " at " + px(x) + "," + px(y) + " size " + px(w) + "x" + px(h) +
                        " is partly outside the " + std::to_string(theme_.width) + "x" + std::to_string(theme_.height) + " screen");
}

void Canvas::fill(const Rect& r, Colour c, float rounding) {
  dl_->AddRectFilled({r.x, r.y}, {r.right(), r.bottom()}, c.imgui(), rounding);
}

void Canvas::stroke(const Rect& r, Colour c, float thickness, float rounding) {
  dl_->AddRect({r.x, r.y}, {r.right(), r.bottom()}, c.imgui(), rounding, 0, theme_.stroke(thickness));
}

void Canvas::line(float x1, float y1, float x2, float y2, Colour c, float thickness) {
  // Rules are horizontal or vertical: draw them as whole-pixel rectangles. (A long 1 px ImGui line
  // is two thin triangles, and the software renderer can drop one of them: half a rule.)
  thickness = theme_.stroke(thickness);
  float t = std::max(1.f, std::round(thickness));
  if (y1 == y2) {
    float y = std::floor(y1 - (t - 1) / 2);
    dl_->AddRectFilled({std::min(x1, x2), y}, {std::max(x1, x2), y + t}, c.imgui());
  } else if (x1 == x2) {
    float x = std::floor(x1 - (t - 1) / 2);
    dl_->AddRectFilled({x, std::min(y1, y2)}, {x + t, std::max(y1, y2)}, c.imgui());
  } else {
    dl_->AddLine({x1, y1}, {x2, y2}, c.imgui(), thickness);
  }
}

void Canvas::circle(float x, float y, float radius, Colour c) {
  dl_->AddCircleFilled({x, y}, radius, c.imgui(), 24);
}

void Canvas::block(const Layout& l, float x, float y, float alpha) {
  if (l.height > kMaxBlockPx && l.lines.size() > 1) return tall_block(l, x, y, alpha);
  if (rehearsal_) return text_.prepare(l);
  Texture t = text_.texture(l);
  if (!t.tex) return;
  // A texture shorter or narrower than its layout has lost lines: say so, never silently.
  if (t.h < l.height || t.box_w < l.width)
    problems_.push_back("text block clipped: " + std::to_string(t.box_w) + "x" + std::to_string(t.h) + " px drawn of " +
                        std::to_string(l.width) + "x" + std::to_string(l.height));
  ImU32 tint = IM_COL32(255, 255, 255, (int)(255 * std::clamp(alpha, 0.f, 1.f)));
  dl_->AddImage((ImTextureID)t.tex, {x, y}, {x + t.w, y + t.h}, {0, 0}, {1, 1}, tint);
  std::string all;
  int widest = l.width;
  for (const auto& line : l.lines) {
    std::string words;
    for (const auto& p : line.pieces) words += p.text;
    all += words + ' ';
    if (line.width > l.width)
      problems_.push_back("text line " + excerpt(words) + " is " + std::to_string(line.width) + " px wide, its box " +
                          std::to_string(l.width) + " px");
    widest = std::max(widest, line.width);
  }
  texts_.push_back(all);
  if (!l.lines.empty()) seen_.push_back({all, (float)l.style.px, {x, y, (float)t.box_w, (float)t.h}});
  // A centred line wider than its box sticks out on both sides.
  float left = l.style.align == Align::Centre ? x - (widest - l.width) / 2.f : x;
  check_on_screen("text", all, left, y, (float)widest, (float)l.height);
}

// A block taller than one texture may be (a long answer in larger text) is drawn as bands of
// whole lines, each its own texture no taller than kMaxBlockPx; bands outside the clip are not
// drawn at all, so a long scroll costs the GPU only what is visible. Bands within one clip's
// height of it are prepared, so scrolling brings in bands made in idle time.
void Canvas::tall_block(const Layout& l, float x, float y, float alpha) {
  const ImVec2 lo = dl_->GetClipRectMin(), hi = dl_->GetClipRectMax();
  const float reach = hi.y - lo.y;
  size_t first = 0;
  for (const Layout& band : text_.paginate(l, kMaxBlockPx)) {
    const float top = y + l.lines[first].y;
    first += band.lines.size();
    if (top > hi.y || top + band.height < lo.y) {
      if (!rehearsal_ && top <= hi.y + reach && top + band.height >= lo.y - reach) text_.prepare(band);
      continue;
    }
    block(band, x, top, alpha);
  }
}

void Canvas::prepare(const Layout& l) {
  if (rehearsal_) return;  // the rehearsed screen's own neighbours wait until it is shown
  if (l.height <= kMaxBlockPx || l.lines.size() <= 1) return text_.prepare(l);
  text_.prepare(text_.paginate(l, kMaxBlockPx).front());  // a tall block comes in from its top
}

float Canvas::label(const std::string& s, float x, float y, Colour c, bool small) {
  if (rehearsal_) return label_width(s, small);  // the atlas needs no preparing
  ImFont* f = small ? small_ : label_;
  dl_->AddText(f, f->FontSize, {x, y}, c.imgui(), s.c_str());
  texts_.push_back(s);
  float w = label_width(s, small);
  seen_.push_back({s, em_px(f), {x, y, w, f->FontSize}});
  check_on_screen("label", s, x, y, w, f->FontSize);
  return w;
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
      fill(r, down ? (theme_.high_contrast ? Colour{200, 200, 200} : p.rule) : p.panel, round);
      break;
    case ButtonKind::Outline:
      if (down) fill(r, p.panel, round);
      stroke(r, p.ink_soft, std::max(1.f, theme_.mm(0.35f) * 1.f), round);  // thickened in high contrast
      break;
    case ButtonKind::Plain:
      if (down) fill(r, p.panel, round);
      break;
  }
  if (!text.empty()) {
    float w = label_width(text);
    if (w > r.w || label_height() > r.h)
      problems_.push_back("label " + excerpt(text) + " (" + px(w) + " px) does not fit its button \"" + id + "\" (" + px(r.w) + "x" +
                          px(r.h) + " px)");
    label_centred(text, r, fg);
  }
  return tapped;
}

}  // namespace ui
