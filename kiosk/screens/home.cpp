// home.cpp — the first screen: the exhibit's title and four large entries (life, map,
// quotations, questions), with the language switch. Everything it says comes from the bundle.
#include "kiosk/screens/context.h"

namespace screens {

void draw_home(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, "");
  ui::TextEngine& te = c.text();

  // Title block.
  ui::TextStyle title{ui::Face::SerifBold, th.title_px(), p.ink.sdl(), 1.15f};
  ui::Layout tl = te.layout_plain(ctx.ex.meta.title.in(ctx.lang()), title, (int)area.w);
  float y = area.y + th.mm(4.f);
  c.block(tl, area.x, y);
  y += tl.height + th.mm(2.f);
  if (!ctx.ex.meta.subtitle.empty()) {
    ui::TextStyle sub{ui::Face::Serif, th.heading_px() * 4 / 5, p.ink_soft.sdl(), 1.3f};
    ui::Layout sl = te.layout_plain(ctx.ex.meta.subtitle.in(ctx.lang()), sub, (int)area.w);
    c.block(sl, area.x, y);
    y += sl.height;
  }
  y += th.mm(6.f);

  struct Entry {
    const char* id;
    flow::Screen to;
  };
  static const Entry entries[] = {{"home.rooms", flow::Screen::Rooms},
                                  {"home.map", flow::Screen::Map},
                                  {"home.quotes", flow::Screen::Quotes},
                                  {"home.questions", flow::Screen::Questions}};
  // Two columns on landscape screens, one on portrait; cards share what height is left.
  int cols = th.portrait() ? 1 : 2, rows = 4 / cols;
  float gap = th.mm(4.f);
  float card_w = (area.w - gap * (cols - 1)) / cols;
  float avail = th.height - y - th.margin() * 0.6f;
  float card_h = std::max((float)th.target(), std::min((avail - gap * (rows - 1)) / rows, (float)th.mm(56.f)));
  for (int i = 0; i < 4; ++i) {
    ui::Rect r{area.x + (i % cols) * (card_w + gap), y + (i / cols) * (card_h + gap), card_w, card_h};
    bool down = false;
    if (c.hit(entries[i].id, r, &down)) ctx.flow.go({entries[i].to, 0});
    c.fill(r, down ? p.rule : p.panel, th.mm(2.f));
    c.fill({r.x, r.y, (float)th.mm(1.6f), r.h}, p.accent, 0);
    float pad = th.mm(6.f);
    ui::TextStyle head{ui::Face::SansBold, th.heading_px(), p.ink.sdl(), 1.2f};
    ui::Layout hl = te.layout_plain(ctx.t(entries[i].id), head, (int)(r.w - 2 * pad));
    std::string hint_key = std::string(entries[i].id) + ".hint";
    bool has_hint = ctx.ex.strings.count(hint_key) > 0;
    ui::TextStyle hint{ui::Face::Serif, th.small_px() + 2, p.ink_soft.sdl(), 1.3f};
    ui::Layout hn = has_hint ? te.layout_plain(ctx.t(hint_key), hint, (int)(r.w - 2 * pad)) : ui::Layout{};
    bool show_hint = has_hint && hl.height + hn.height + th.mm(2.f) < r.h - th.mm(3.f);
    float total = hl.height + (show_hint ? hn.height + th.mm(1.5f) : 0);
    float ty = r.y + (r.h - total) / 2;
    c.block(hl, r.x + pad, ty);
    if (show_hint) c.block(hn, r.x + pad, ty + hl.height + th.mm(1.5f));
  }
}

}  // namespace screens
