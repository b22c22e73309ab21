// questions.cpp — the questions visitors ask, as a list of large rows; a tap opens the answer.
#include "kiosk/screens/context.h"

namespace screens {

void draw_questions(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, ctx.t("questions.title"));
  ui::TextEngine& te = c.text();
  const auto& qs = ctx.ex.questions;

  int cols = th.portrait() || area.w < th.mm(200.f) ? 1 : 2;
  float gap = th.mm(3.f), pad = th.mm(4.f);
  float w = (area.w - gap * (cols - 1)) / cols;
  ui::TextStyle st{ui::Face::SerifBold, th.label_px() + 2, p.ink, 1.25f};
  std::vector<ui::Layout> laid;
  std::vector<float> row_h((qs.size() + cols - 1) / cols, (float)th.target());
  for (size_t i = 0; i < qs.size(); ++i) {
    laid.push_back(te.layout_plain(qs[i].question.in(ctx.lang()), st, (int)(w - 2 * pad - th.mm(6.f))));
    row_h[i / cols] = std::max(row_h[i / cols], laid.back().height + 2 * pad);
  }
  float content = 0;
  for (float h : row_h) content += h + gap;
  ui::Scroller& sc = ctx.mem.question_list;
  sc.configure(content, area.h);
  if (sc.update(ctx.now)) ctx.needs_frame = true;
  ctx.drag_target = &sc;
  ctx.drag_axis = Axis::Vertical;

  c.push_clip({0, area.y - th.gap() * 0.5f, (float)th.width, th.height - (area.y - th.gap() * 0.5f)});
  float y = area.y - sc.offset();
  for (size_t row = 0; row < row_h.size(); ++row) {
    for (int col = 0; col < cols; ++col) {
      size_t i = row * cols + col;
      if (i >= qs.size()) break;
      ui::Rect r{area.x + col * (w + gap), y, w, row_h[row]};
      if (r.bottom() < area.y || r.y > th.height) {
        if (r.bottom() >= area.y - 2 * area.h && r.y <= th.height + 2 * area.h) c.prepare(laid[i]);  // for a fling
        continue;
      }
      ui::Rect hit_r = r;
      if (hit_r.y < area.y) hit_r.h -= area.y - hit_r.y, hit_r.y = area.y;
      if (hit_r.bottom() > th.height) hit_r.h = th.height - hit_r.y;
      bool down = false;
      if (hit_r.h >= th.target() && c.hit("question." + std::to_string(i + 1), hit_r, &down)) {
        ctx.flow.go({flow::Screen::Answer, (int)i});
        ctx.mem.answer_scroll = ui::Scroller{};
      }
      c.fill(r, down ? p.rule : p.panel, th.mm(2.f));
      c.block(laid[i], r.x + pad, r.y + (r.h - laid[i].height) / 2);
      c.label("\xE2\x80\xBA", r.right() - pad - c.label_width("\xE2\x80\xBA"), r.y + (r.h - c.label_height()) / 2, p.accent);
    }
    y += row_h[row] + gap;
  }
  c.pop_clip();
}

void draw_answer(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  const auto& qs = ctx.ex.questions;
  if (qs.empty()) return ctx.flow.back();
  const bundle::Question& q = qs[std::clamp(ctx.flow.here().index, 0, (int)qs.size() - 1)];
  ui::Rect area = draw_top_bar(ctx, ctx.t("questions.title"), true);
  ui::TextEngine& te = c.text();
  int w = (int)std::min(area.w, (float)th.mm(240.f));
  float x = area.x + (area.w - w) / 2;
  ui::Layout ql = te.layout_plain(q.question.in(ctx.lang()), {ui::Face::SerifBold, th.heading_px(), p.ink, 1.2f}, w);
  ui::Layout al = te.layout_plain(q.answer.in(ctx.lang()), {ui::Face::Serif, th.body_px(), p.ink, 1.5f}, w);
  const float target = (float)th.target();
  float bottom_h = target + th.mm(3.f);
  float view = area.h - bottom_h;
  float content = ql.height + th.mm(4.f) + al.height;
  ui::Scroller& sc = ctx.mem.answer_scroll;
  sc.configure(content, view);
  if (sc.update(ctx.now)) ctx.needs_frame = true;
  ctx.drag_target = &sc;
  ctx.drag_axis = Axis::Vertical;
  c.push_clip({0, area.y, (float)th.width, view});
  float y = area.y - sc.offset();
  c.block(ql, x, y);
  c.block(al, x, y + ql.height + th.mm(4.f));
  c.pop_clip();
  float by = area.bottom() - bottom_h + th.mm(1.5f);
  std::string back = "\xE2\x80\xB9 " + ctx.t("answer.back");
  float bw = std::max(target, c.label_width(back) + th.mm(9.f));
  if (c.button("answer.back", {x, by, bw, target}, back, ui::ButtonKind::Outline)) ctx.flow.back();
}

}  // namespace screens
