// home.cpp — the first screen: the exhibit's title and four large entries (life, map,
// quotations, questions), with the language switch. Everything it says comes from the bundle.
#include "kiosk/screens/context.h"

namespace screens {

bool short_screen(const ui::Theme& th);  // chrome.cpp

void draw_home(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, "");
  ui::TextEngine& te = c.text();

  // Title block: as large as the cards below leave room for. On a short screen the title steps
  // down in size and the subtitle gives way before a card gets too small to read.
  int cols = th.portrait() ? 1 : 2, rows = 4 / cols;
  float gap = th.mm(4.f);
  float bottom = area.bottom();
  float min_card = std::max(th.target() * 1.3f, (float)th.mm(24.f));
  float budget = bottom - area.y - rows * min_card - (rows - 1) * gap - th.mm(4.f);
  const std::string& sub_text = ctx.ex.meta.subtitle.in(ctx.lang());
  ui::Layout tl, sl;
  bool with_sub = false;
  bool found = false;
  for (bool sub : {true, false}) {
    if (sub && sub_text.empty()) continue;
    for (int px : {th.title_px(), th.heading_px(), th.heading_px() * 4 / 5}) {
      tl = te.layout_plain(ctx.ex.meta.title.in(ctx.lang()), {ui::Face::SerifBold, px, p.ink, 1.15f}, (int)area.w);
      float h = tl.height + th.mm(2.f);
      if (sub) {
        sl = te.layout_plain(sub_text, {ui::Face::Serif, std::max(th.small_px() + 2, px * 3 / 5), p.ink_soft, 1.3f}, (int)area.w);
        h += sl.height;
      }
      if (h <= budget) {
        found = true, with_sub = sub;
        break;
      }
    }
    if (found) break;
  }
  float y = area.y + th.mm(short_screen(th) ? 1.f : 4.f);
  c.block(tl, area.x, y);
  y += tl.height + th.mm(2.f);
  if (with_sub) {
    c.block(sl, area.x, y);
    y += sl.height;
  }
  y += th.mm(short_screen(th) ? 3.f : 6.f);

  struct Entry {
    const char* id;
    flow::Screen to;
  };
  static const Entry entries[] = {{"home.rooms", flow::Screen::Rooms},
                                  {"home.map", flow::Screen::Map},
                                  {"home.quotes", flow::Screen::Quotes},
                                  {"home.questions", flow::Screen::Questions}};
  // Two columns on landscape screens, one on portrait; cards share what height is left.
  float card_w = (area.w - gap * (cols - 1)) / cols;
  float avail = bottom - y;
  float card_h = std::max((float)th.target(), std::min((avail - gap * (rows - 1)) / rows, (float)th.mm(56.f)));
  for (int i = 0; i < 4; ++i) {
    ui::Rect r{area.x + (i % cols) * (card_w + gap), y + (i / cols) * (card_h + gap), card_w, card_h};
    bool down = false;
    if (c.hit(entries[i].id, r, &down)) ctx.flow.go({entries[i].to, 0});
    c.fill(r, down ? p.rule : p.panel, th.mm(2.f));
    c.fill({r.x, r.y, (float)th.mm(1.6f), r.h}, p.accent, 0);
    float pad = th.mm(6.f);
    ui::TextStyle head{ui::Face::SansBold, th.heading_px(), p.ink, 1.2f};
    ui::Layout hl = te.layout_plain(ctx.t(entries[i].id), head, (int)(r.w - 2 * pad));
    std::string hint_key = std::string(entries[i].id) + ".hint";
    bool has_hint = ctx.ex.strings.count(hint_key) > 0;
    ui::TextStyle hint{ui::Face::Serif, th.small_px() + 2, p.ink_soft, 1.3f};
    ui::Layout hn = has_hint ? te.layout_plain(ctx.t(hint_key), hint, (int)(r.w - 2 * pad)) : ui::Layout{};
    bool show_hint = has_hint && hl.height + hn.height + th.mm(2.f) < r.h - th.mm(3.f);
    float total = hl.height + (show_hint ? hn.height + th.mm(1.5f) : 0);
    float ty = r.y + (r.h - total) / 2;
    c.block(hl, r.x + pad, ty);
    if (show_hint) c.block(hn, r.x + pad, ty + hl.height + th.mm(1.5f));
  }
}

}  // namespace screens
