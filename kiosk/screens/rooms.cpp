// rooms.cpp — the rooms of the biography as a timeline of cards (years, title, teaser), in
// chronological order; scrolls vertically when the screen is too small to show them all.
#include "kiosk/screens/context.h"

namespace screens {

void draw_rooms(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, ctx.t("rooms.title"));
  ui::TextEngine& te = c.text();
  const auto& rooms = ctx.ex.rooms;

  float gap = th.mm(3.f);
  int cols = std::max(1, std::min(3, (int)(area.w / th.mm(95.f))));
  float card_w = (area.w - gap * (cols - 1)) / cols;
  float pad = th.mm(4.f);
  ui::TextStyle years{ui::Face::SansBold, th.small_px(), p.accent, 1.2f};
  ui::TextStyle title{ui::Face::SerifBold, th.heading_px() * 9 / 10, p.ink, 1.15f};
  ui::TextStyle teaser{ui::Face::Serif, th.small_px() + 1, p.ink_soft, 1.3f};
  int text_w = (int)(card_w - 2 * pad);

  // Every card in a row is as tall as the tallest; rows stack downwards.
  std::vector<float> row_h((rooms.size() + cols - 1) / cols, (float)th.target());
  struct Laid {
    ui::Layout y, t, s;
  };
  std::vector<Laid> laid;
  for (size_t i = 0; i < rooms.size(); ++i) {
    const auto& r = rooms[i];
    std::string yrs = r.year_from == r.year_to ? std::to_string(r.year_from)
                                                : std::to_string(r.year_from) + "\xE2\x80\x93" + std::to_string(r.year_to);
    Laid l{te.layout_plain(yrs, years, text_w), te.layout_plain(r.title.in(ctx.lang()), title, text_w),
           te.layout_plain(r.teaser.in(ctx.lang()), teaser, text_w)};
    float h = 2 * pad + l.y.height + l.t.height + l.s.height + th.mm(2.f);
    row_h[i / cols] = std::max(row_h[i / cols], h);
    laid.push_back(std::move(l));
  }
  float content = 0;
  for (float h : row_h) content += h + gap;
  ui::Scroller& sc = ctx.mem.rooms_list;
  sc.configure(content, area.h);
  if (sc.update(ctx.now)) ctx.needs_frame = true;
  ctx.drag_target = &sc;
  ctx.drag_axis = Axis::Vertical;

  c.push_clip({0, area.y - th.gap() * 0.5f, (float)th.width, th.height - (area.y - th.gap() * 0.5f)});
  float y = area.y - sc.offset();
  for (size_t row = 0; row < row_h.size(); ++row) {
    for (int col = 0; col < cols; ++col) {
      size_t i = row * cols + col;
      if (i >= rooms.size()) break;
      ui::Rect r{area.x + col * (card_w + gap), y, card_w, row_h[row]};
      if (r.bottom() < area.y - gap || r.y > th.height) {
        // Off screen, not drawn; within two screens of it (a fling goes far), made in idle time.
        if (r.bottom() >= area.y - 2 * area.h && r.y <= th.height + 2 * area.h)
          for (const ui::Layout* l : {&laid[i].y, &laid[i].t, &laid[i].s}) c.prepare(*l);
        continue;
      }
      bool down = false;
      // Only the visible part of a card is a touch target, and only while it is big enough to hit.
      ui::Rect hit_r = r;
      if (hit_r.y < area.y) hit_r.h -= area.y - hit_r.y, hit_r.y = area.y;
      if (hit_r.bottom() > th.height) hit_r.h = th.height - hit_r.y;
      if (hit_r.h >= th.target() && c.hit("room." + rooms[i].id, hit_r, &down)) {
        ctx.flow.go({flow::Screen::Room, (int)i});
        ctx.mem.room_pages.jump_to_page(0);
      }
      c.fill(r, down ? p.rule : p.panel, th.mm(2.f));
      float ty = r.y + pad;
      c.block(laid[i].y, r.x + pad, ty);
      ty += laid[i].y.height;
      c.block(laid[i].t, r.x + pad, ty);
      ty += laid[i].t.height + th.mm(2.f);
      c.block(laid[i].s, r.x + pad, ty);
    }
    y += row_h[row] + gap;
  }
  c.pop_clip();
}

}  // namespace screens
