// staff_checks.cpp — the staff overlay's checks of the hardware: a test pattern (colour bars, a
// 10 mm grid, the edge of the picture, a centre cross: is the whole picture on the glass, are the
// colours right, is it turned the right way) and a touch test (each finger's trail and id: does
// the glass see every finger, where the picture shows it). See staff.h.
#include <algorithm>

#include "kiosk/screens/staff_parts.h"

namespace screens {

using namespace staff_parts;

void draw_pattern(ui::Canvas& c, const StaffView& v, StaffInput& in) {
  const ui::Theme& th = c.theme();
  const float W = (float)th.width, H = (float)th.height;
  static const ui::Colour bars[8] = {{255, 255, 255}, {255, 255, 0}, {0, 255, 255}, {0, 255, 0},
                                     {255, 0, 255},   {255, 0, 0},   {0, 0, 255},   {0, 0, 0}};
  for (int i = 0; i < 8; ++i) c.fill({W * i / 8, 0, W / 8 + 1, H}, bars[i]);
  const ui::Colour grid{128, 128, 128};
  const float step = (float)th.mm(10.f);
  for (float x = step; x < W; x += step) c.line(x, 0, x, H, grid, 1.f);
  for (float y = step; y < H; y += step) c.line(0, y, W, y, grid, 1.f);
  // The picture's outermost pixels, and its middle.
  const ui::Colour edge{255, 64, 0};
  c.line(0.5f, 0, 0.5f, H, edge, 1.f), c.line(W - 0.5f, 0, W - 0.5f, H, edge, 1.f);
  c.line(0, 0.5f, W, 0.5f, edge, 1.f), c.line(0, H - 0.5f, W, H - 0.5f, edge, 1.f);
  for (auto [col, t] : {std::pair<ui::Colour, float>{{0, 0, 0}, 5.f}, {{255, 255, 255}, 2.f}})  // seen over every bar
    c.line(W / 2 - step, H / 2, W / 2 + step, H / 2, col, t), c.line(W / 2, H / 2 - step, W / 2, H / 2 + step, col, t);
  // One tap anywhere leaves; the note sits on black so it reads over any bar.
  if (c.hit("staff.pattern.leave", {0, 0, W, H})) in.action = StaffAction::Leave;
  const std::string a = v.screen_note, b = "Tap anywhere to leave";
  float w = std::min(W - 2 * th.mm(4.f), std::max(c.label_width(a), c.label_width(b)) + th.mm(8.f));
  float h = 2 * c.label_height() + th.mm(5.f);
  ui::Rect box{(W - w) / 2, H * 0.72f, w, h};
  c.fill(box, {0, 0, 0}, (float)th.mm(2.f));
  c.label_centred(fit(c, a, w - th.mm(4.f)), {box.x, box.y + th.mm(2.f), w, c.label_height()}, {255, 255, 255});
  c.label_centred(fit(c, b, w - th.mm(4.f)), {box.x, box.y + th.mm(3.f) + c.label_height(), w, c.label_height()}, {255, 255, 255});
}

void draw_touch(ui::Canvas& c, const StaffView& v, StaffInput& in) {
  const ui::Theme& th = c.theme();
  const auto& p = th.colours;
  const float m = (float)th.margin(), target = (float)th.target();
  static const ui::Colour ink[6] = {{158, 43, 27}, {20, 90, 160}, {30, 120, 50}, {120, 60, 150}, {170, 100, 0}, {0, 110, 120}};
  int down = 0;
  for (size_t t = 0; t < v.trails.size(); ++t) {
    const StaffTrail& tr = v.trails[t];
    ui::Colour col = ink[(size_t)(tr.finger < 0 ? -tr.finger : tr.finger) % 6];
    for (size_t i = 1; i < tr.points.size(); ++i)
      c.line(tr.points[i - 1].x, tr.points[i - 1].y, tr.points[i].x, tr.points[i].y, col, (float)th.mm(1.f));
    if (tr.points.empty()) continue;
    const ui::Point& end = tr.points.back();
    if (tr.down) ++down, c.circle(end.x, end.y, (float)th.mm(5.f), col.with_alpha(0.35f));
    std::string id = std::to_string(tr.finger);
    // The id ahead of the finger's last movement, clear of its own trail.
    bool leftward = tr.points.size() > 1 && end.x < tr.points[tr.points.size() - 2].x;
    float lx = leftward ? end.x - th.mm(6.f) - c.label_width(id) : end.x + th.mm(6.f);
    lx = std::clamp(lx, 0.f, th.width - c.label_width(id) - 1.f);
    float ly = std::clamp(end.y - c.label_height() / 2, 0.f, th.height - c.label_height() - 1.f);
    c.label(id, lx, ly, col);
  }
  float leave_w = std::max(target, c.label_width("Leave") + th.mm(10.f));
  float bar_y = th.mm(3.f);
  std::string note = "Touch test: " + std::to_string(down) + (down == 1 ? " finger" : " fingers") + " down";
  c.label(fit(c, note, th.width - 2 * m - leave_w - th.mm(4.f)), m, bar_y + (target - c.label_height()) / 2, p.ink_soft);
  if (c.button("staff.touch.leave", {th.width - m - leave_w, bar_y, leave_w, target}, "Leave", ui::ButtonKind::Primary))
    in.action = StaffAction::Leave;
}

}  // namespace screens
