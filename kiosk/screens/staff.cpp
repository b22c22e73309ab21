// staff.cpp — the staff overlay's keypad and the bar of its status and tools pages; the pages
// themselves are in staff_status.cpp and staff_checks.cpp. See staff.h.
#include "kiosk/screens/staff.h"

#include "kiosk/screens/staff_parts.h"

namespace screens {

const char* staff_page_name(StaffPage p) {
  switch (p) {
    case StaffPage::Pin: return "staff-pin";
    case StaffPage::Status: return "staff-status";
    case StaffPage::Tools: return "staff-tools";
    case StaffPage::Pattern: return "staff-pattern";
    case StaffPage::Touch: return "staff-touch";
  }
  return "staff";
}

namespace staff_parts {

std::string fit(ui::Canvas& c, const std::string& s, float w, bool small) {
  if (c.label_width(s, small) <= w) return s;
  std::string cut = s;
  while (!cut.empty()) {
    cut.pop_back();
    while (!cut.empty() && ((unsigned char)cut.back() & 0xC0) == 0x80) cut.pop_back();  // a whole UTF-8 character
    if (!cut.empty()) cut.pop_back();
    std::string t = cut + "...";
    if (c.label_width(t, small) <= w) return t;
  }
  return "...";
}

// Close, and the two pages as tabs; the title on the right when there is room. Returns the
// content area below it.
ui::Rect bar(ui::Canvas& c, StaffPage page, StaffInput& in) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  const bool tight = th.height < th.mm(100.f);
  const float pad = th.mm(tight ? 1.5f : 2.5f), target = (float)th.target(), m = (float)th.margin();
  const float bar_h = target + 2 * pad;
  c.fill({0, 0, (float)th.width, bar_h}, p.panel);
  c.line(0, bar_h, (float)th.width, bar_h, p.rule, 1.f);
  auto width_of = [&](const std::string& s) { return std::max(target, c.label_width(s) + th.mm(8.f)); };
  float x = m;
  if (c.button("staff.close", {x, pad, width_of("Close"), target}, "Close", ui::ButtonKind::Primary)) in.action = StaffAction::Close;
  x += width_of("Close") + th.mm(5.f);
  struct Tab {
    const char* id;
    const char* text;
    StaffPage page;
    StaffAction action;
  };
  for (const Tab& t : {Tab{"staff.tab.status", "Status", StaffPage::Status, StaffAction::Status},
                       Tab{"staff.tab.tools", "Tools", StaffPage::Tools, StaffAction::Tools}}) {
    float w = width_of(t.text);
    bool here = page == t.page;
    if (c.button(t.id, {x, pad, w, target}, t.text, here ? ui::ButtonKind::Quiet : ui::ButtonKind::Outline) && !here) in.action = t.action;
    if (here) c.fill({x, pad + target - th.mm(1.f), w, (float)th.mm(1.f)}, p.ink);  // the page shown
    x += w + th.mm(2.f);
  }
  const char* title = "Staff overlay";
  if (x + th.mm(4.f) + c.label_width(title) <= th.width - m)
    c.label(title, th.width - m - c.label_width(title), (bar_h - c.label_height()) / 2, p.ink_soft);
  float top = bar_h + (tight ? th.mm(2.5f) : th.gap());
  return {m, top, th.width - 2 * m, th.height - th.mm(tight ? 2.f : 4.f) - top};
}

}  // namespace staff_parts

using namespace staff_parts;

namespace {

// The keypad: 1–9, then Erase, 0, OK; keys of `k` px.
void keypad(ui::Canvas& c, float x, float y, float k, float gap, bool locked, StaffInput& in) {
  static const char* const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Erase", "0", "OK"};
  for (int i = 0; i < 12; ++i) {
    ui::Rect r{x + (i % 3) * (k + gap), y + (i / 3) * (k + gap), k, k};
    std::string key = keys[i];
    std::string id = i == 9 ? "staff.key.erase" : i == 11 ? "staff.key.ok" : "staff.key." + key;
    ui::ButtonKind kind = i == 11 ? ui::ButtonKind::Primary : i == 9 ? ui::ButtonKind::Outline : ui::ButtonKind::Quiet;
    if (!c.button(id, r, key, kind) || locked) continue;
    if (i == 9) in.action = StaffAction::Erase;
    else if (i == 11) in.action = StaffAction::Enter;
    else in.action = StaffAction::Digit, in.digit = key[0];
  }
}

// What was typed, as dots (never the digits), and the keypad's news.
float pin_texts(ui::Canvas& c, const StaffView& v, float x, float y, float w) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  c.label(fit(c, "Staff only: enter the PIN", w), x, y, p.ink);
  y += c.label_height() + th.mm(3.f);
  float r = th.mm(2.2f);
  for (size_t i = 0; i < v.digits && i < 12; ++i) c.circle(x + r + i * 3.2f * r, y + r, r, p.ink);
  y += 2 * r + th.mm(3.f);
  for (size_t at = 0; at < v.pin_note.size();) {  // one label a line: the countdown must not be cut
    size_t nl = v.pin_note.find('\n', at);
    std::string line = v.pin_note.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
    c.label(fit(c, line, w), x, y, v.locked ? p.accent : p.ink_soft);
    y += c.label_height() + th.mm(1.f);
    at = nl == std::string::npos ? v.pin_note.size() : nl + 1;
  }
  return y;
}

void draw_pin(ui::Canvas& c, const StaffView& v, StaffInput& in) {
  const ui::Theme& th = c.theme();
  const float m = th.mm(4.f), gap = th.mm(2.f), target = (float)th.target();
  const bool portrait = th.portrait();
  // Keys as large as the glass allows, up to 22 mm, never under the 16 mm target.
  float avail_h = th.height - 2 * m - (portrait ? th.mm(45.f) : 0.f);
  float k = std::clamp((avail_h - 3 * gap) / 4, target, (float)th.mm(22.f));
  float pad_w = 3 * k + 2 * gap, pad_h = 4 * k + 3 * gap;
  float cancel_w = std::max(target, c.label_width("Cancel") + th.mm(10.f));
  if (!portrait) {
    float px = th.width - th.margin() - pad_w, py = (th.height - pad_h) / 2;
    float tx = (float)th.margin(), tw = px - tx - th.mm(6.f);
    pin_texts(c, v, tx, py, tw);
    if (c.button("staff.cancel", {tx, py + pad_h - target, cancel_w, target}, "Cancel", ui::ButtonKind::Outline))
      in.action = StaffAction::Close;
    keypad(c, px, py, k, gap, v.locked, in);
  } else {
    // Centred: the texts (about 30 mm), the keypad, Cancel under it.
    float px = (th.width - pad_w) / 2, tw = th.width - px - th.margin();
    float top = std::max((float)th.mm(12.f), (th.height - (th.mm(30.f) + pad_h + th.mm(6.f) + target)) / 2);
    float y = std::max(top + th.mm(30.f), pin_texts(c, v, px, top, tw) + th.mm(4.f));
    keypad(c, px, y, k, gap, v.locked, in);
    if (c.button("staff.cancel", {px, y + pad_h + th.mm(6.f), cancel_w, target}, "Cancel", ui::ButtonKind::Outline))
      in.action = StaffAction::Close;
  }
}

}  // namespace

StaffInput draw_staff(ui::Canvas& c, const StaffView& v) {
  StaffInput in;
  const ui::Theme& th = c.theme();
  c.fill({0, 0, (float)th.width, (float)th.height}, th.colours.paper);
  switch (v.page) {
    case StaffPage::Pin: draw_pin(c, v, in); break;
    case StaffPage::Status: draw_status(c, v, bar(c, v.page, in)); break;
    case StaffPage::Tools: draw_tools(c, v, bar(c, v.page, in), in); break;
    case StaffPage::Pattern: draw_pattern(c, v, in); break;
    case StaffPage::Touch: draw_touch(c, v, in); break;
  }
  return in;
}

}  // namespace screens
