// warning.cpp — "Are you still there?": shown before a session times out, over the visitor's
// screen, with a countdown and one large button that puts them back exactly where they were.
#include "kiosk/screens/context.h"

namespace screens {

void draw_warning(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::TextEngine& te = c.text();
  c.ground(p.paper);
  int w = (int)std::min((float)th.width - 2 * th.margin(), (float)th.mm(200.f));
  float x = (th.width - w) / 2.f;
  int left = ctx.flow.warning_seconds_left(ctx.now);
  ui::Layout tl = te.layout_plain(ctx.t("warning.title"), {ui::Face::SerifBold, th.title_px(), p.ink, 1.2f, 0.5f, ui::Align::Centre}, w);
  ui::Layout bl = te.layout_plain(fill(ctx, ctx.t("warning.body"), left),
                                  {ui::Face::Serif, th.body_px(), p.ink_soft, 1.4f, 0.5f, ui::Align::Centre}, w);
  float bh = th.target() * 1.25f;
  float total = tl.height + th.mm(4.f) + bl.height + th.mm(8.f) + bh;
  float y = (th.height - total) / 2;
  c.block(tl, x, y);
  y += tl.height + th.mm(4.f);
  c.block(bl, x, y);
  y += bl.height + th.mm(8.f);
  float bw = std::min((float)w, std::max(th.mm(90.f) * 1.f, c.label_width(ctx.t("warning.continue")) + th.mm(20.f)));
  if (c.button("warning.continue", {(th.width - bw) / 2, y, bw, bh}, ctx.t("warning.continue"), ui::ButtonKind::Primary))
    ctx.flow.continue_session(ctx.now);
}

}  // namespace screens
