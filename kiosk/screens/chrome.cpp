// chrome.cpp — the bar at the top of every visitor screen: Back and Home on the left, the
// screen's title, the language switch (each language in its own name, never a flag) and, on
// reading screens, the text-size control on the right.
#include "content/bundle/counts.h"
#include "kiosk/screens/context.h"

namespace screens {

std::string fill(const Context& ctx, const std::string& label, int n, int m) {
  return bundle::format_count(label, ctx.lang(), n, m);
}

std::string quoted(const Context& ctx, const std::string& words) {
  return ctx.t("quote.open") + words + ctx.t("quote.close");
}

// A short screen (a 7" landscape panel): tighter spacing everywhere.
bool short_screen(const ui::Theme& th) { return th.height < th.mm(100.f); }

float top_bar_bottom(const ui::Theme& th) {
  const bool tight = short_screen(th);
  return std::round(th.reach_top * th.height) + th.target() + 2 * th.mm(tight ? 1.5f : 2.5f);
}

float top_bar_area_y(const ui::Theme& th) { return top_bar_bottom(th) + (short_screen(th) ? th.mm(2.5f) : th.gap()); }

ui::Rect draw_top_bar(Context& ctx, const std::string& title, bool reading_controls) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  const bool tight = short_screen(th);
  const float pad = th.mm(tight ? 1.5f : 2.5f), target = (float)th.target();
  // reach = "low": the bar starts at the reach line, so no control is out of a seated visitor's
  // reach; the space above holds nothing to touch (only the title, large).
  const float bar_y = std::round(th.reach_top * th.height);
  const float bar_h = target + 2 * pad;
  const float m = (float)th.margin();
  c.fill({0, bar_y, (float)th.width, bar_h}, p.panel);
  if (bar_y > 0) c.line(0, bar_y, (float)th.width, bar_y, p.rule, 1.f);
  c.line(0, bar_y + bar_h, (float)th.width, bar_y + bar_h, p.rule, 1.f);

  // What the bar holds, widest form first. On a narrow screen the buttons' side padding shrinks,
  // then "A⁺ Larger text" becomes "A⁺", then "‹ Back" becomes "‹": never below the target size.
  bool at_home = ctx.flow.screen() == flow::Screen::Home;
  const auto& langs = ctx.ex.meta.languages;
  std::string back_full = "\xE2\x80\xB9 " + ctx.t("nav.back"), back_short = "\xE2\x80\xB9";  // ‹
  std::string size_label = ctx.flow.larger_text() ? ctx.t("text.smaller") : ctx.t("text.larger");
  std::string size_full = "A\xE2\x81\xBA  " + size_label, size_short = "A\xE2\x81\xBA";  // A⁺
  std::string back = back_full, size = size_full;
  float side_pad = th.mm(9.f);
  auto width_of = [&](const std::string& s) { return std::max(target, c.label_width(s) + side_pad); };
  auto needed = [&]() {
    float w = 0;
    if (!at_home) w += width_of(back) + th.mm(3.f) + width_of(ctx.t("nav.home")) + th.mm(5.f);
    for (const auto& code : langs) w += width_of(ctx.ex.label("lang." + code, code)) + th.mm(2.f);
    if (reading_controls) w += width_of(size) + th.mm(4.f);
    return w;
  };
  const float avail = th.width - 2 * m;
  if (needed() > avail) side_pad = th.mm(5.f);
  if (needed() > avail) size = size_short;
  if (needed() > avail) back = back_short;

  float x = m;
  if (!at_home) {
    float w = width_of(back);
    if (c.button("nav.back", {x, bar_y + pad, w, target}, back, ui::ButtonKind::Outline)) {
      if (!ctx.on_back || !ctx.on_back()) ctx.flow.back();
    }
    x += w + th.mm(3.f);
    w = width_of(ctx.t("nav.home"));
    if (c.button("nav.home", {x, bar_y + pad, w, target}, ctx.t("nav.home"), ui::ButtonKind::Outline)) ctx.flow.home();
    x += w + th.mm(5.f);
  }

  float right = th.width - m;
  for (size_t i = langs.size(); i-- > 0;) {
    const std::string& code = langs[i];
    std::string name = ctx.ex.label("lang." + code, code);  // each language in its own name
    float w = width_of(name);
    right -= w;
    bool current = code == ctx.lang();
    if (c.button("lang." + code, {right, bar_y + pad, w, target}, name, current ? ui::ButtonKind::Primary : ui::ButtonKind::Plain))
      ctx.flow.set_lang(code);
    right -= th.mm(2.f);
  }
  if (reading_controls) {
    float w = width_of(size);
    right -= w + th.mm(4.f);
    if (c.button("text.larger", {right, bar_y + pad, w, target}, size, ui::ButtonKind::Outline))
      ctx.flow.set_larger_text(!ctx.flow.larger_text());
  }
  if (!title.empty()) {
    float room = right - x - th.mm(4.f);
    if (bar_y > 0) {
      ui::Layout tl = c.text().layout_plain(title, {ui::Face::SerifBold, th.title_px(), p.ink, 1.15f}, (int)(th.width - 2 * m));
      if (tl.height <= bar_y) c.block(tl, m, (bar_y - tl.height) / 2);
    } else if (c.label_width(title) <= room) {
      c.label(title, x, (bar_h - c.label_height()) / 2, p.ink_soft);
    }
  }
  // Below the bar: a gap, and a little room above the bottom edge of the glass.
  float top = top_bar_area_y(th);
  float bottom = th.height - th.mm(tight ? 2.f : 4.f);
  return {m, top, th.width - 2 * m, bottom - top};
}

}  // namespace screens
