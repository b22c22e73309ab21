// staff_status.cpp — the staff overlay's status page (what the kiosk shows and how it runs, with
// a graph of the last frames' times) and its tools page (the buttons). See staff.h.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/screens/staff_parts.h"

namespace screens {

using namespace staff_parts;

namespace {

// The last frames' times as bars, with a line at 16.7 ms (one frame at 60 Hz).
void frame_graph(ui::Canvas& c, const std::vector<float>& ms, const ui::Rect& r) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  c.fill(r, p.panel);
  float top = 33.4f;  // two frames at 60 Hz, unless a frame took longer
  for (float v : ms) top = std::max(top, v);
  float bar_w = ms.empty() ? 0 : r.w / ms.size();
  for (size_t i = 0; i < ms.size(); ++i) {
    float h = std::max(1.f, r.h * std::min(ms[i], top) / top);
    c.fill({r.x + i * bar_w, r.bottom() - h, std::max(1.f, bar_w - 1), h}, ms[i] > 16.7f ? p.accent : p.ink_soft);
  }
  float y60 = r.bottom() - r.h * 16.7f / top;
  c.line(r.x, y60, r.right(), y60, p.ink, (float)std::max(1, th.mm(0.3f)));
}

}  // namespace

// The facts as name / value rows (two columns on a wide landscape glass), then the frame graph:
// a large one below when there is room, else a one-line one in a last "Frames" row (a 7" panel).
void draw_status(ui::Canvas& c, const StaffView& v, const ui::Rect& area) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  const int cols = th.width / th.px_per_mm >= 300.f && !th.portrait() ? 2 : 1;
  const float col_gap = th.mm(8.f), col_w = (area.w - (cols - 1) * col_gap) / cols;
  const float line_h = c.label_height() + th.mm(0.8f);
  float name_w = c.label_width("Frames");
  for (const auto& f : v.facts) name_w = std::max(name_w, c.label_width(f.name));
  name_w = std::min(name_w + th.mm(3.f), col_w * 0.4f);
  const size_t per_col = (v.facts.size() + cols - 1) / cols;
  for (size_t i = 0; i < v.facts.size(); ++i) {
    float x = area.x + (i / per_col) * (col_w + col_gap), y = area.y + (i % per_col) * line_h;
    c.label(fit(c, v.facts[i].name, name_w - th.mm(2.f)), x, y, p.ink_soft);
    c.label(fit(c, v.facts[i].value, col_w - name_w), x + name_w, y, p.ink);
  }
  float worst = v.frame_ms.empty() ? 0 : *std::max_element(v.frame_ms.begin(), v.frame_ms.end());
  char caption[96];
  float y = area.y + per_col * line_h + th.mm(1.f);
  const float big_h = area.bottom() - y - c.label_height() - th.mm(1.f);
  if (big_h >= th.mm(15.f)) {
    snprintf(caption, sizeof caption, "Last %zu frames: worst %.1f ms (line: 16.7 ms)", v.frame_ms.size(), worst);
    c.label(fit(c, caption, area.w), area.x, y, p.ink_soft);
    frame_graph(c, v.frame_ms, {area.x, y + c.label_height() + th.mm(1.f), area.w, std::min(big_h, (float)th.mm(45.f))});
    return;
  }
  snprintf(caption, sizeof caption, "worst %.1f ms", worst);
  c.label("Frames", area.x, y, p.ink_soft);
  float w = c.label(caption, area.x + name_w, y, p.ink) + th.mm(3.f);
  frame_graph(c, v.frame_ms, {area.x + name_w + w, y, std::max(1.f, area.w - name_w - w), c.label_height()});
}

void draw_tools(ui::Canvas& c, const StaffView& v, const ui::Rect& area, StaffInput& in) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  struct Tool {
    const char* id;
    std::string text;
    StaffAction action;
    ui::ButtonKind kind;
  };
  std::vector<Tool> tools = {
      {"staff.reload", "Reload the bundle", StaffAction::Reload, ui::ButtonKind::Quiet},
      {"staff.pattern", "Test pattern", StaffAction::Pattern, ui::ButtonKind::Quiet},
      {"staff.touch", "Touch test", StaffAction::Touch, ui::ButtonKind::Quiet},
      {"staff.contrast", v.high_contrast ? "High contrast: on" : "High contrast: off", StaffAction::HighContrast, ui::ButtonKind::Quiet},
      {"staff.restart", "Restart the kiosk", StaffAction::Restart, ui::ButtonKind::Outline},
  };
  if (v.allow_exit) tools.push_back({"staff.exit", "Exit to the console", StaffAction::Exit, ui::ButtonKind::Outline});
  const float gap = th.mm(3.f), target = (float)th.target();
  float widest = 0;
  for (const auto& t : tools) widest = std::max(widest, c.label_width(t.text) + th.mm(8.f));
  int cols = std::clamp((int)((area.w + gap) / (widest + gap)), 1, 3);
  float w = (area.w - (cols - 1) * gap) / cols;
  for (size_t i = 0; i < tools.size(); ++i) {
    ui::Rect r{area.x + (i % cols) * (w + gap), area.y + (i / cols) * (target + gap), w, target};
    if (c.button(tools[i].id, r, tools[i].text, tools[i].kind)) in.action = tools[i].action;
  }
  float y = area.y + ((tools.size() + cols - 1) / cols) * (target + gap) + th.mm(1.f);
  std::string note = !v.tools_note.empty() ? v.tools_note
                     : v.allow_exit        ? "Restart: systemd starts the kiosk again. Exit: it stays stopped."
                                           : "Exit to the console is off (kiosk.toml: [staff] allow_exit).";
  c.label(fit(c, note, area.w), area.x, y, p.ink_soft);
}

}  // namespace screens
