// chrome.cpp — the bar at the top of every visitor screen: Back and Home on the left, the
// screen's title, the language switch (each language in its own name, never a flag) and, on
// reading screens, the text-size control on the right.
#include "kiosk/screens/context.h"

namespace screens {

std::string fill(std::string s, int n, int m) {
  for (auto [tag, v] : {std::pair{"{n}", n}, std::pair{"{m}", m}}) {
    size_t at = s.find(tag);
    if (at != std::string::npos) s.replace(at, 3, std::to_string(v));
  }
  return s;
}

ui::Rect draw_top_bar(Context& ctx, const std::string& title, bool reading_controls) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  const float pad = th.mm(2.5f), target = (float)th.target();
  const float bar_h = target + 2 * pad;
  const float m = (float)th.margin();
  c.fill({0, 0, (float)th.width, bar_h}, p.panel);
  c.line(0, bar_h, (float)th.width, bar_h, p.rule, 1.f);

  auto width_of = [&](const std::string& s) { return std::max(target, c.label_width(s) + th.mm(9.f)); };
  float x = m;
  bool at_home = ctx.flow.screen() == flow::Screen::Home;
  if (!at_home) {
    std::string back = "\xE2\x80\xB9 " + ctx.t("nav.back");  // ‹
    float w = width_of(back);
    if (c.button("nav.back", {x, pad, w, target}, back, ui::ButtonKind::Outline)) ctx.flow.back();
    x += w + th.mm(3.f);
    w = width_of(ctx.t("nav.home"));
    if (c.button("nav.home", {x, pad, w, target}, ctx.t("nav.home"), ui::ButtonKind::Outline)) ctx.flow.home();
    x += w + th.mm(5.f);
  }

  float right = th.width - m;
  const auto& langs = ctx.ex.meta.languages;
  for (size_t i = langs.size(); i-- > 0;) {
    const std::string& code = langs[i];
    std::string name = ctx.ex.label("lang." + code, code);  // each language in its own name
    float w = width_of(name);
    right -= w;
    bool current = code == ctx.lang();
    if (c.button("lang." + code, {right, pad, w, target}, name, current ? ui::ButtonKind::Primary : ui::ButtonKind::Plain))
      ctx.flow.set_lang(code);
    right -= th.mm(2.f);
  }
  if (reading_controls) {
    std::string label = ctx.flow.larger_text() ? ctx.t("text.smaller") : ctx.t("text.larger");
    std::string shown = "A\xE2\x81\xBA  " + label;  // A⁺
    float w = width_of(shown);
    right -= w + th.mm(4.f);
    if (c.button("text.larger", {right, pad, w, target}, shown, ui::ButtonKind::Outline))
      ctx.flow.set_larger_text(!ctx.flow.larger_text());
  }
  if (!title.empty()) {
    float room = right - x - th.mm(4.f);
    if (c.label_width(title) <= room) c.label(title, x, (bar_h - c.label_height()) / 2, p.ink_soft);
  }
  return {m, bar_h + th.gap(), th.width - 2 * m, th.height - bar_h - th.gap()};
}

}  // namespace screens
