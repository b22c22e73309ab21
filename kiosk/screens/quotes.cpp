// quotes.cpp — quotations as large typographic cards, one at a time: swipe (or the arrows) to
// move; the author, work and year are always under the words, and a translation says so.
#include "kiosk/screens/context.h"

namespace screens {

bool short_screen(const ui::Theme& th);  // chrome.cpp

namespace {

std::string attribution(const Context& ctx, const bundle::Quote& q) {
  std::string who = (q.author.empty() ? ctx.ex.meta.subject : q.author).in(ctx.lang());
  std::string s = "\xE2\x80\x94 " + who;  // —
  if (!q.work.empty()) s += ", " + q.work.in(ctx.lang());
  return s + " (" + std::to_string(q.year) + ")";
}

}  // namespace

void draw_quotes(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::Rect area = draw_top_bar(ctx, ctx.t("quotes.title"), true);
  const auto& quotes = ctx.ex.quotes;
  if (quotes.empty()) return;
  ui::TextEngine& te = c.text();
  const float target = (float)th.target();
  const float bottom_h = target + th.mm(3.f);
  ui::Rect card{area.x, area.y, area.w, area.h - bottom_h};

  float stride = card.w + th.mm(10.f);
  ui::Scroller& sc = ctx.mem.quote_cards;
  sc.configure(stride * quotes.size(), stride, stride);
  if (sc.update(ctx.now)) ctx.needs_frame = true;
  ctx.drag_target = &sc;
  ctx.drag_axis = Axis::Horizontal;

  // Text width: a comfortable measure, not the whole screen.
  // On a short screen the words may use the whole width: height is what runs out.
  int text_w = (int)std::min(card.w - th.mm(short_screen(th) ? 4.f : 16.f), (float)th.mm(230.f));
  c.push_clip(card);
  int cur = sc.page();
  for (int i = std::max(0, cur - 1); i <= std::min((int)quotes.size() - 1, cur + 1); ++i) {
    float x = card.x + i * stride - sc.offset();
    const bool off_screen = x + card.w < card.x || x > card.right();
    const bundle::Quote& q = quotes[i];
    // The quotation shrinks until it fits the card, so long ones never overflow.
    int px = th.quote_px();
    // Never smaller than the body text at its normal size, nor than a readable floor on a 7" panel.
    // (A 7" panel is read from closer: there the longest quotations with a note may go down to
    // the 4.5 mm every visitor-facing text keeps.)
    int floor_px = short_screen(th) ? th.mm_up(4.5f) : std::max(20, std::min(th.body_px(), (int)std::lround(th.body_px() / th.text_scale * 0.85f)));
    ui::TextStyle qs{ui::Face::SerifItalic, px, p.ink, 1.35f, 0.5f, ui::Align::Centre};
    ui::TextStyle as{ui::Face::Sans, short_screen(th) ? th.small_px() : th.label_px(), p.ink_soft, 1.3f, 0.3f, ui::Align::Centre};
    std::string words = quoted(ctx, q.text.in(ctx.lang()));
    std::string attr = attribution(ctx, q);
    // A note concerns one language's text ("translated from the French"): never another's.
    auto note = q.note.by_lang.find(ctx.lang());
    if (note != q.note.by_lang.end() && !note->second.empty()) attr += "\n\n" + note->second;
    ui::Layout ql, al = te.layout_plain(attr, as, text_w);
    float room_for_quote = card.h - al.height - th.mm(short_screen(th) ? 7.f : 14.f);
    for (;;) {
      qs.px = px;
      ql = te.layout_plain(words, qs, text_w);
      if (ql.height <= room_for_quote || px <= floor_px) break;
      px = std::max(floor_px, px * 9 / 10);
    }
    const float rule_gap = th.mm(short_screen(th) ? 2.5f : 6.f);
    if (ql.height > room_for_quote && short_screen(th)) {
      // At its floor and still too long for a 7" card: set the lines closer rather than smaller.
      qs.line_height = 1.1f;
      as.line_height = 1.1f;
      as.paragraph_gap = 0.15f;
      as.px = std::min(as.px, th.mm_up(4.5f));
      ql = te.layout_plain(words, qs, text_w);
      al = te.layout_plain(attr, as, text_w);
    }
    if (off_screen) {  // the next or previous card: made in idle time, ready for the swipe
      c.prepare(ql);
      c.prepare(al);
      continue;
    }
    float total = ql.height + rule_gap + al.height;
    if (total > card.h)
      c.report("quotation " + q.id + " (" + std::to_string((int)total) + " px) does not fit its card (" + std::to_string((int)card.h) + " px)");
    float y = card.y + std::max(0.f, (card.h - total) / 2);
    float tx = x + (card.w - text_w) / 2;
    c.block(ql, tx, y);
    c.line(x + card.w / 2 - th.mm(10.f), y + ql.height + rule_gap / 2, x + card.w / 2 + th.mm(10.f), y + ql.height + rule_gap / 2,
           p.accent, 2.f);
    c.block(al, tx, y + ql.height + rule_gap);
  }
  c.pop_clip();

  float by = area.bottom() - bottom_h + th.mm(1.5f);
  std::string prev = "\xE2\x80\xB9", next = "\xE2\x80\xBA";
  if (cur > 0 && c.button("quote.prev", {area.x, by, target * 1.4f, target}, prev, ui::ButtonKind::Outline))
    sc.animate_to_page(cur - 1, ctx.now), ctx.needs_frame = true;
  if (cur + 1 < (int)quotes.size() &&
      c.button("quote.next", {area.right() - target * 1.4f, by, target * 1.4f, target}, next, ui::ButtonKind::Primary))
    sc.animate_to_page(cur + 1, ctx.now), ctx.needs_frame = true;
  std::string count = fill(ctx, ctx.t("quotes.count"), cur + 1, (int)quotes.size());
  c.label(count, area.x + area.w / 2 - c.label_width(count, true) / 2, by + (target - c.label_height(true)) / 2, p.ink_soft, true);
}

}  // namespace screens
