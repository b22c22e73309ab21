// locator.cpp — see locator.h.
#include "content/map/locator.h"

#include <algorithm>
#include <cmath>

namespace mapgeo {

namespace {

// Moves `f` onto the world (|x| <= kMaxX, |y| <= max_y) along each axis where it is small enough
// to fit; an axis larger than the world is centred on it.
Box keep_on_world(Box f) {
  auto fit = [](double& a, double& b, double lo, double hi) {
    double len = b - a;
    if (len >= hi - lo) {
      a = (lo + hi) / 2 - len / 2, b = a + len;
      return;
    }
    if (a < lo) a = lo, b = lo + len;
    if (b > hi) b = hi, a = hi - len;
  };
  fit(f.x0, f.x1, -kMaxX, kMaxX);
  fit(f.y0, f.y1, -max_y(), max_y());
  return f;
}

// Widens the shorter side of `f` (about its centre) until w / h == aspect.
Box to_aspect(Box f, double aspect) {
  double cx = (f.x0 + f.x1) / 2, cy = (f.y0 + f.y1) / 2, w = f.w(), h = f.h();
  if (w / h < aspect) w = h * aspect;
  else h = w / aspect;
  return {cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
}

}  // namespace

Box frame_places(const std::vector<XY>& places, double aspect, const FrameOptions& o) {
  if (places.empty()) return to_aspect({-kMaxX, -max_y(), kMaxX, max_y()}, aspect);
  Box b{places[0].x, places[0].y, places[0].x, places[0].y};
  for (const XY& p : places) b.x0 = std::min(b.x0, p.x), b.x1 = std::max(b.x1, p.x), b.y0 = std::min(b.y0, p.y), b.y1 = std::max(b.y1, p.y);
  double ext = std::max(b.w(), b.h() * aspect);
  double mx = std::max(b.w(), ext / 3) * o.margin, my = std::max(b.h(), ext / aspect / 3) * o.margin;
  b = {b.x0 - mx, b.y0 - my, b.x1 + mx, b.y1 + my};
  if (b.w() < o.min_width) {
    double cx = (b.x0 + b.x1) / 2;
    b.x0 = cx - o.min_width / 2, b.x1 = cx + o.min_width / 2;
  }
  return keep_on_world(to_aspect(b, aspect));
}

Box grow_frame(const Box& f, double factor) {
  double cx = (f.x0 + f.x1) / 2, cy = (f.y0 + f.y1) / 2, w = f.w() * factor, h = f.h() * factor;
  return keep_on_world({cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2});
}

std::vector<std::vector<int>> group_markers(const std::vector<XY>& px, double distance) {
  int n = (int)px.size();
  std::vector<int> group(n);
  for (int i = 0; i < n; ++i) group[i] = i;
  auto root = [&](int i) {
    while (group[i] != i) i = group[i];
    return i;
  };
  for (int i = 0; i < n; ++i)
    for (int j = i + 1; j < n; ++j)
      if (std::hypot(px[i].x - px[j].x, px[i].y - px[j].y) < distance) {
        int a = root(i), b = root(j);
        if (a != b) group[std::max(a, b)] = std::min(a, b);  // the earlier member leads
      }
  std::vector<std::vector<int>> out;
  std::vector<int> slot(n, -1);
  for (int i = 0; i < n; ++i) {
    int r = root(i);
    if (slot[r] < 0) slot[r] = (int)out.size(), out.emplace_back();
    out[slot[r]].push_back(i);
  }
  return out;
}

bool place_labels(const std::vector<LabelRequest>& labels, const std::vector<Box>& obstacles, const Box& area, double gap,
                  std::vector<LabelPlacement>& out) {
  out.clear();
  bool all = true;
  std::vector<Box> taken = obstacles;
  for (const LabelRequest& l : labels) {
    const Box& m = l.markers;
    double cy = (m.y0 + m.y1) / 2, cx = (m.x0 + m.x1) / 2;
    std::vector<LabelPlacement> candidates;
    for (int ring = 1; ring <= 3; ring += 2) {
      double g = gap * ring;
      // Right and left read best (a name beside its dot); diagonals and above/below next.
      const double xs[] = {m.x1 + g, m.x0 - g - l.w, m.x1 + g * 0.5, m.x1 + g * 0.5, m.x0 - g * 0.5 - l.w, m.x0 - g * 0.5 - l.w,
                           cx - l.w / 2, cx - l.w / 2};
      const double ys[] = {cy - l.h / 2, cy - l.h / 2, m.y0 - g * 0.5 - l.h, m.y1 + g * 0.5, m.y0 - g * 0.5 - l.h, m.y1 + g * 0.5,
                           m.y0 - g - l.h, m.y1 + g};
      for (int k = 0; k < 8; ++k) candidates.push_back({{xs[k], ys[k], xs[k] + l.w, ys[k] + l.h}, ring > 1});
    }
    const LabelPlacement* chosen = nullptr;
    for (const auto& c : candidates) {
      if (!c.box.within(area)) continue;
      if (std::any_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(c.box); })) continue;
      chosen = &c;
      break;
    }
    if (!chosen) all = false;
    out.push_back(chosen ? *chosen : candidates.front());
    out.back().placed = chosen != nullptr;
    taken.push_back(out.back().box);
  }
  return all;
}

}  // namespace mapgeo
