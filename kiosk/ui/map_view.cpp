// map_view.cpp — see map_view.h.
#include "kiosk/ui/map_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace ui {

void Camera::pan(float dx, float dy) {
  cx -= dx / scale;
  cy += dy / scale;
}

void Camera::zoom_about(float px, float py, double factor, float vw, float vh) {
  double wx, wy;
  to_world(px, py, wx, wy, vw, vh);
  scale *= factor;
  // Move the centre so (wx, wy) is again under (px, py).
  cx = wx - (px - vw / 2) / scale;
  cy = wy + (py - vh / 2) / scale;
}

void Camera::clamp(double min_s, double max_s, double half_w, double half_h, float vw, float vh) {
  scale = std::clamp(scale, min_s, max_s);
  // The centre may move only as far as keeps the world's edge at the viewport's edge; when the
  // world is smaller than the viewport on an axis, it stays centred on that axis.
  double mx = std::max(0.0, half_w - vw / 2 / scale), my = std::max(0.0, half_h - vh / 2 / scale);
  cx = std::clamp(cx, -mx, mx);
  cy = std::clamp(cy, -my, my);
}

bool Camera::coast(uint64_t now_ms) {
  if (vx == 0 && vy == 0) return false;
  float dt = std::min(0.1f, (now_ms - last_ms) / 1000.f);
  last_ms = now_ms;
  pan(vx * dt, vy * dt);
  float k = std::pow(0.04f, dt);  // loses 96% of its speed per second
  vx *= k;
  vy *= k;
  if (std::hypot(vx, vy) < 15) vx = vy = 0;
  return true;
}

double fit_scale(double half_w, double half_h, float vw, float vh) {
  return std::min(vw / (2 * half_w), vh / (2 * half_h));
}

namespace {

struct Box {
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

}  // namespace

std::vector<Marker> layout_markers(const std::vector<MarkerInput>& in, float min_gap, float r, float vw, float vh) {
  // Most important first, so they anchor clusters and win label space.
  std::vector<int> order(in.size());
  for (size_t i = 0; i < in.size(); ++i) order[i] = (int)i;
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return in[a].priority < in[b].priority; });
  std::vector<Marker> out;
  for (int i : order) {
    const auto& m = in[i];
    Marker* home = nullptr;
    for (auto& o : out)
      if (std::hypot(o.x - m.x, o.y - m.y) < min_gap) {
        home = &o;
        break;
      }
    if (home) home->members.push_back(i);
    else out.push_back({m.x, m.y, {i}});
  }
  // A cluster sits at its anchor (the most important member), so it stays where visitors expect.
  std::vector<Box> taken;
  for (const auto& o : out) taken.push_back({o.x - r, o.y - r, o.x + r, o.y + r});
  for (auto& o : out) {
    if (o.members.size() > 1) continue;  // clusters show a count instead of a name
    const auto& m = in[o.members[0]];
    float gap = r * 1.6f;
    for (int side = 0; side < 2 && !o.label; ++side) {
      Box b = side == 0 ? Box{o.x + gap, o.y - m.label_h / 2, o.x + gap + m.label_w, o.y + m.label_h / 2}
                        : Box{o.x - gap - m.label_w, o.y - m.label_h / 2, o.x - gap, o.y + m.label_h / 2};
      if (b.x0 < 0 || b.y0 < 0 || b.x1 > vw || b.y1 > vh) continue;
      bool free = true;
      for (const auto& t : taken)
        if (t.overlaps(b)) {
          free = false;
          break;
        }
      if (!free) continue;
      o.label = true;
      o.lx = b.x0;
      o.ly = b.y0;
      taken.push_back(b);
    }
  }
  return out;
}

Camera fit_points(const std::vector<WorldPoint>& pts, float vw, float vh) {
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
  for (const auto& p : pts) x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  if (x0 > x1) x0 = -1, x1 = 1, y0 = -0.5, y1 = 0.8;
  // A single place (or a few in one town) still gets a regional view, not an infinite zoom.
  const double min_span = 0.02;
  if (x1 - x0 < min_span) x0 -= min_span / 2, x1 += min_span / 2;
  if (y1 - y0 < min_span) y0 -= min_span / 2, y1 += min_span / 2;
  Camera c;
  c.cx = (x0 + x1) / 2;
  c.cy = (y0 + y1) / 2;
  c.scale = std::min(vw / ((x1 - x0) * 1.15), vh / ((y1 - y0) * 1.3));
  return c;
}

PlaceMarkers place_markers(const std::vector<WorldPoint>& pts, const std::vector<int>& priority, const Camera& cam, float vw,
                           float vh, float min_gap, float r, const std::vector<std::pair<float, float>>& label_size) {
  PlaceMarkers pm;
  for (size_t i = 0; i < pts.size(); ++i) {
    float sx, sy;
    cam.to_screen(pts[i].x, pts[i].y, sx, sy, vw, vh);
    if (sx < 0 || sy < 0 || sx > vw || sy > vh) continue;
    float lw = i < label_size.size() ? label_size[i].first : 0, lh = i < label_size.size() ? label_size[i].second : 0;
    pm.in.push_back({sx, sy, i < priority.size() ? priority[i] : 2, lw, lh});
    pm.point.push_back((int)i);
  }
  pm.markers = layout_markers(pm.in, min_gap, r, vw, vh);
  return pm;
}

namespace {

// Whether every member lands in view, half a target from the edges, under camera `c`.
bool all_in_view(const std::vector<WorldPoint>& members, const Camera& c, float vw, float vh, float margin) {
  for (const auto& p : members) {
    float sx, sy;
    c.to_screen(p.x, p.y, sx, sy, vw, vh);
    if (sx < margin || sy < margin || sx > vw - margin || sy > vh - margin) return false;
  }
  return true;
}

}  // namespace

ClusterOpen open_cluster(const std::vector<WorldPoint>& members, const Camera& cam, float vw, float vh, float min_gap,
                         double min_s, double max_s, double half_w, double half_h, bool just_zoomed, size_t capacity) {
  ClusterOpen out;
  out.list = true;
  if ((just_zoomed && members.size() <= capacity) || members.size() < 2 || cam.scale >= max_s * 0.98) return out;
  double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9, closest = 1e9, farthest = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& p = members[i];
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x), y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    for (size_t j = 0; j < i; ++j) {
      double d = std::hypot(p.x - members[j].x, p.y - members[j].y);
      closest = std::min(closest, d), farthest = std::max(farthest, d);
    }
  }
  if (farthest * max_s < min_gap * 1.2) return out;  // even the deepest zoom keeps them one cluster
  // Candidates, best first: the scale that sets the closest two apart (at least a clear step in,
  // and the members' box in the middle of the view); then the deepest zoom that keeps them all in
  // view, which splits the cluster the most.
  double fit = std::min(vw / std::max(1e-9, (x1 - x0) * 2.0), vh / std::max(1e-9, (y1 - y0) * 2.5));
  double apart = std::max({fit, cam.scale * 2.5, min_gap * 1.2 / std::max(1e-12, closest)});
  double tight = std::min((vw - 0.7 * min_gap) / std::max(1e-9, x1 - x0), (vh - 0.7 * min_gap) / std::max(1e-9, y1 - y0));
  for (double s : {apart, tight}) {
    Camera to = cam;
    to.cx = (x0 + x1) / 2, to.cy = (y0 + y1) / 2, to.scale = std::min(s, max_s);
    to.vx = to.vy = 0;
    to.clamp(min_s, max_s, half_w, half_h, vw, vh);
    if (to.scale > cam.scale * 1.2 && all_in_view(members, to, vw, vh, min_gap * 0.3f)) {
      out.list = false;
      out.to = to;
      return out;
    }
  }
  return out;
}

int list_rows(float h, float target, float gap, float pad) {
  return std::max(1, (int)((h - 2 * pad + gap) / (target + gap)));
}

int list_columns(float w, float min_col, float gap, float pad, int max_cols) {
  return std::clamp((int)((w - 2 * pad + gap) / (min_col + gap)), 1, std::max(1, max_cols));
}

double year_of(const std::string& iso) {
  int y = 0, m = 1, d = 1;
  int n = sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  if (n < 1) return 0;
  if (n < 2) m = 1;
  if (n < 3) d = 1;
  return y + (m - 1) / 12.0 + (d - 1) / 365.0;
}

YearSpan timeline_span(double first_start, double last_end) {
  YearSpan y;
  if (!(first_start > 0) || !(last_end >= first_start)) return y;
  y.first = std::floor(first_start / 10) * 10;
  y.last = std::max(y.first + 10, std::ceil(last_end / 10) * 10);
  double span = y.last - y.first;
  y.step = span <= 120 ? 10 : span <= 240 ? 20 : 50;
  return y;
}

int stay_at(const std::vector<double>& starts, double t) {
  int found = 0;
  for (size_t i = 0; i < starts.size(); ++i)
    if (starts[i] <= t) found = (int)i;
  return found;
}

}  // namespace ui
