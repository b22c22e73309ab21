// map.cpp — the exile map's place. Until the map is built (its own piece of work), this screen
// says so plainly in every language of the exhibit; it never shows a fake map.
#include "kiosk/screens/context.h"

namespace screens {

void draw_map(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, ctx.t("map.title"));
  ui::TextEngine& te = c.text();
  int w = (int)std::min(area.w, (float)th.mm(200.f));
  float y = area.y + area.h * 0.25f;
  // The visitor's language first, then the others, smaller.
  std::vector<std::string> order{ctx.lang()};
  for (const auto& l : ctx.ex.meta.languages)
    if (l != ctx.lang()) order.push_back(l);
  for (size_t i = 0; i < order.size(); ++i) {
    ui::TextStyle st{i == 0 ? ui::Face::Serif : ui::Face::SerifItalic, i == 0 ? th.heading_px() : th.body_px(),
                     (i == 0 ? p.ink : p.ink_soft).sdl(), 1.35f, 0.5f, ui::Align::Centre};
    ui::Layout l = te.layout_plain(ctx.ex.label("map.unavailable", order[i]), st, w);
    c.block(l, area.x + (area.w - w) / 2, y);
    y += l.height + th.mm(6.f);
  }
}

}  // namespace screens
