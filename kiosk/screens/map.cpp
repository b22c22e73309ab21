// map.cpp — the exile map: land from the bundle (Natural Earth, triangulated at build time),
// every place of the journey as a marker with its name, the route as arcs in the order he
// travelled, and a timeline of the journey's years under it. Drag to pan (with inertia), pinch to zoom about
// the fingers, double-tap to zoom in, "reset" to see the whole journey; tap a marker for its card
// (name, dates of each stay, the story, "go to the room"); tap a cluster to open it; drag the
// timeline, or press play to travel the whole journey in about a minute.
//
// Without map layers in the bundle the screen says so plainly; it never shows a fake map.
#include <cmath>

#include "content/map/detail.h"
#include "content/map/palette.h"
#include "content/map/projection.h"
#include "kiosk/screens/context.h"

namespace screens {

namespace {

constexpr double kPlaySeconds = 60;
constexpr uint64_t kEaseMs = 300, kGlideMs = 900;
// Portrait layout: the map's share of the height between the bars, and how far past the world's
// box the camera may go to centre the route.
constexpr float kPortraitMapMin = 0.5f, kPortraitMapMax = 0.7f;
constexpr double kPortraitSlack = 1.35;
// A cluster's list of places: at most three columns, each at least 38 mm wide (a long name takes
// two lines), rows 1.5 mm apart inside a 3 mm margin.
constexpr int kListColumns = 3;
constexpr float kListColumnMm = 38.f, kListGapMm = 1.5f, kListPadMm = 3.f;

// The map's colours live in content/map/palette.h: the room pictures' locator maps use them too.
ui::Colour colour(mapgeo::colours::Rgb c) { return {c.r, c.g, c.b}; }
const ui::Colour kSea = colour(mapgeo::colours::kSea), kLand = colour(mapgeo::colours::kLand), kGrid = colour(mapgeo::colours::kGrid);

double world_half_w() { return mapgeo::kMaxX; }
double world_half_h() { return mapgeo::max_y(); }

void project(const bundle::Place& p, double& x, double& y) {
  auto xy = mapgeo::project(p.lat, p.lon);
  x = xy.x;
  y = xy.y;
}

// The view that shows every place of the journey, with a margin.
ui::Camera journey_fit(const bundle::Exhibit& ex, const ui::Rect& v) {
  std::vector<ui::WorldPoint> pts;
  for (const auto& st : ex.journey)
    if (const bundle::Place* p = ex.place(st.place)) {
      double x, y;
      project(*p, x, y);
      pts.push_back({x, y});
    }
  return ui::fit_points(pts, v.w, v.h);
}

void journey_view(const Context& ctx, const ui::Rect& v, double& cx, double& cy, double& s) {
  ui::Camera cam = journey_fit(ctx.ex, v);
  cx = cam.cx, cy = cam.cy, s = cam.scale;
}

void ease_to(MapState& m, double cx, double cy, double s, uint64_t now) {
  m.easing = true;
  m.ease_t0 = now;
  m.from_cx = m.cam.cx, m.from_cy = m.cam.cy, m.from_s = m.cam.scale;
  m.to_cx = cx, m.to_cy = cy, m.to_s = s;
  m.cam.vx = m.cam.vy = 0;
}

// A line from a to b `width` wide can touch the current clip rectangle (its anti-aliased fringe
// included): segments that cannot are left out, which changes no pixel (zoomed in, most of the
// graticule and some of the route lie outside the map's view).
bool may_show(ImDrawList* dl, ImVec2 a, ImVec2 b, float width) {
  const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
  const float m = width + 2;
  return std::max(a.x, b.x) >= lo.x - m && std::min(a.x, b.x) <= hi.x + m && std::max(a.y, b.y) >= lo.y - m &&
         std::min(a.y, b.y) <= hi.y + m;
}

void draw_graticule(ui::Canvas& c, const ui::Camera& cam, const ui::Rect& v) {
  auto line = [&](auto point, int steps) {
    float px = 0, py = 0;
    for (int i = 0; i <= steps; ++i) {
      double lat, lon;
      point(i / (double)steps, lat, lon);
      auto xy = mapgeo::project(lat, lon);
      float sx, sy;
      cam.to_screen(xy.x, xy.y, sx, sy, v.w, v.h);
      sx += v.x, sy += v.y;
      if (i && may_show(c.draw_list(), {px, py}, {sx, sy}, 1.f)) c.draw_list()->AddLine({px, py}, {sx, sy}, kGrid.imgui(), 1.f);
      px = sx, py = sy;
    }
  };
  for (int lon = -180; lon <= 180; lon += 30) line([&](double f, double& la, double& lo) { la = -90 + 180 * f, lo = lon; }, 36);
  for (int lat = -60; lat <= 60; lat += 30) line([&](double f, double& la, double& lo) { la = lat, lo = -180 + 360 * f; }, 72);
}

// A quadratic arc from a to b, bowed to one side, drawn up to `upto` (0..1) of its length.
// As many straight pieces as keep it within a fifth of a pixel of the true curve: the curve bows
// 0.09 of its chord away from it, and n pieces of a parabola miss it by about that over n², so a
// hop between neighbouring towns takes 3 pieces and a crossing of the screen 24. Each piece is two
// triangles that SDL's software renderer queues one by one, and the journey has dozens of arcs.
void arc(ui::Canvas& c, ImVec2 a, ImVec2 b, float upto, ui::Colour col, float width) {
  ImVec2 mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
  ImVec2 ctrl{mid.x - (b.y - a.y) * 0.18f, mid.y + (b.x - a.x) * 0.18f};
  const float chord = std::hypot(b.x - a.x, b.y - a.y);
  const int steps = std::clamp((int)std::ceil(std::sqrt(0.09f * chord / 0.2f)), 3, 24);
  ImVec2 prev = a;
  for (int i = 1; i <= steps; ++i) {
    float t = upto * i / steps, u = 1 - t;
    ImVec2 p{u * u * a.x + 2 * u * t * ctrl.x + t * t * b.x, u * u * a.y + 2 * u * t * ctrl.y + t * t * b.y};
    if (may_show(c.draw_list(), prev, p, width)) c.draw_list()->AddLine(prev, p, col.imgui(), width);
    prev = p;
  }
}

std::string years(const bundle::Stay& s) {
  std::string a = s.from.substr(0, 4), b = s.to.substr(0, 4);
  return a == b ? a : a + "\xE2\x80\x93" + b;
}

// Where place `id` is on the screen, for camera `cam` over `view`.
bool place_on_screen(const Context& ctx, const ui::Camera& cam, const ui::Rect& view, const std::string& id, ImVec2& out) {
  const bundle::Place* pl = ctx.ex.place(id);
  if (!pl) return false;
  double x, y;
  project(*pl, x, y);
  cam.to_screen(x, y, out.x, out.y, view.w, view.h);
  out.x += view.x, out.y += view.y;
  return true;
}

}  // namespace

MapFrame map_frame(const ui::Theme& th, const bundle::Exhibit& ex) {
  // The map fills the screen under the bar; the timeline strip sits at the bottom.
  MapFrame f;
  f.camera_half_h = world_half_h();
  const float target = (float)th.target();
  const float strip_h = target + th.mm(4.f);
  const float top = top_bar_bottom(th);
  f.view = {0, top, (float)th.width, th.height - top - strip_h};
  f.strip_y = f.view.bottom();
  f.panel = {0, f.strip_y, (float)th.width, 0};
  // Portrait: the route is wide and the glass tall, so the map takes the height the route needs
  // (fitted to its bounds) and the panel under it holds the journey's stays and the place's card,
  // instead of a world map squeezed between empty sea. All portrait numbers are here.
  if (th.portrait()) {
    ui::Camera fit = journey_fit(ex, f.view);
    double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
    for (const auto& st : ex.journey)
      if (const bundle::Place* pl = ex.place(st.place)) {
        double x, y;
        project(*pl, x, y);
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    float route_h = x0 <= x1 ? (float)((y1 - y0) * fit.scale * 1.6) : f.view.h;
    float map_h = std::clamp(route_h, f.view.h * kPortraitMapMin, f.view.h * kPortraitMapMax);
    f.panel = {0, f.view.y + map_h, f.view.w, f.view.h - map_h};
    f.view.h = map_h;
    f.camera_half_h = world_half_h() * kPortraitSlack;
  }
  // A cluster's list may cover the map and the strip, under the top bar: as many columns as the
  // width holds (a small panel lists nine names rather than zooming again), rows close together.
  f.list_area = {f.view.x + th.mm(4.f), f.view.y + th.mm(3.f), f.view.w - 2 * th.mm(4.f), th.height - f.view.y - th.mm(6.f)};
  f.list_rows = ui::list_rows(f.list_area.h, target, th.mm(kListGapMm), th.mm(kListPadMm));
  f.list_cols = ui::list_columns(f.list_area.w, th.mm(kListColumnMm), th.mm(kListGapMm), th.mm(kListPadMm), kListColumns);
  return f;
}

ui::Camera journey_camera(const Context& ctx, const ui::Rect& view) {
  ui::Camera cam;
  journey_view(ctx, view, cam.cx, cam.cy, cam.scale);
  return cam;
}

ImVec2 draw_journey(Context& ctx, const ui::Rect& view, const ui::Camera& cam, double year, float glide, bool night) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  const ui::Colour sea = night ? p.night : kSea, land = night ? ui::Colour{62, 57, 51} : kLand;
  const ui::Colour route = night ? ui::Colour{232, 140, 110} : p.accent, faint = night ? p.on_night : p.ink_soft;
  // The sea is the screen's ground, by day as at night (attract): the renderer clears to it, so
  // the largest area of the map is never filled (Canvas::ground). The top bar, the panel and the
  // timeline strip fill their own areas.
  c.ground(sea);
  if (!night) draw_graticule(c, cam, view);
  // Land, with a cross-fade between levels of detail so zooming never pops.
  double zoom = cam.scale / ui::fit_scale(world_half_w(), world_half_h(), view.w, view.h);
  const mapgeo::DetailMix mix = mapgeo::detail_at(zoom, (int)ctx.map->layers.size());
  reserve_land(c, *ctx.map);
  draw_land(c, ctx.map->layers[mix.lower], cam, view, land);
  if (mix.upper > 0) draw_land(c, ctx.map->layers[mix.lower + 1], cam, view, land.with_alpha(mix.upper));

  // The journey in time order: arcs up to the current stay, the rest faint; the traveller glides
  // along the newest arc.
  const auto& journey = ctx.ex.journey;
  int cur = journey.empty() ? -1 : ui::stay_at(ctx.map->stay_starts, year);
  auto screen_of = [&](const std::string& id, ImVec2& out) { return place_on_screen(ctx, cam, view, id, out); };
  float e = 1 - std::pow(1 - glide, 3.f);
  for (int i = 1; i < (int)journey.size(); ++i) {
    if (journey[i].place == journey[i - 1].place) continue;
    ImVec2 a, b;
    if (!screen_of(journey[i - 1].place, a) || !screen_of(journey[i].place, b)) continue;
    bool done = i <= cur;
    if (!night || done) arc(c, a, b, 1.f, done ? route.with_alpha(0.25f) : faint.with_alpha(0.18f), 1.5f);
    if (done) arc(c, a, b, i == cur ? e : 1.f, route, std::max(2.f, th.mm(0.5f) * 1.f));
  }
  ImVec2 traveller{0, 0};
  if (cur >= 0) screen_of(journey[cur].place, traveller);
  if (cur > 0 && glide < 1 && journey[cur].place != journey[cur - 1].place) {
    ImVec2 a;
    if (screen_of(journey[cur - 1].place, a)) {
      ImVec2 mid{(a.x + traveller.x) / 2, (a.y + traveller.y) / 2};
      ImVec2 ctrl{mid.x - (traveller.y - a.y) * 0.18f, mid.y + (traveller.x - a.x) * 0.18f};
      float u = 1 - e;
      traveller = {u * u * a.x + 2 * u * e * ctrl.x + e * e * traveller.x, u * u * a.y + 2 * u * e * ctrl.y + e * e * traveller.y};
    }
  }
  return traveller;
}

namespace {

// The places of a cluster no zoom can separate (or too many to split on a small panel), as
// buttons by name in the grid of map_frame(); each opens its card.
struct PlaceList {
  ui::Rect card;
  int rows = 0, cols = 0;
  float col_w = 0, pad = 0, gap = 0;
};

PlaceList place_list_layout(Context& ctx, const MapFrame& f) {
  const ui::Theme& th = ctx.theme();
  const MapState& m = ctx.mem.map;
  PlaceList l;
  const float target = (float)th.target();
  const ui::Rect& area = f.list_area;
  l.gap = th.mm(kListGapMm), l.pad = th.mm(kListPadMm);
  const int n = (int)m.list.size();
  l.cols = std::min(f.list_cols, std::max(1, (n + f.list_rows - 1) / f.list_rows));
  l.rows = std::min(f.list_rows, (n + l.cols - 1) / l.cols);
  float widest = 0;
  for (int i : m.list) widest = std::max(widest, ctx.c.label_width(ctx.ex.places[i].name.in(ctx.lang())) + th.mm(8.f));
  const float share = (area.w - 2 * l.pad - (f.list_cols - 1) * l.gap) / f.list_cols;
  l.col_w = std::min(std::max({widest, target * 2, share}), (area.w - 2 * l.pad - (l.cols - 1) * l.gap) / l.cols);
  l.card = {0, area.y, 2 * l.pad + l.cols * l.col_w + (l.cols - 1) * l.gap, 2 * l.pad + l.rows * target + (l.rows - 1) * l.gap};
  l.card.x = area.right() - l.card.w;
  return l;
}

// A place's name on its list button: one line, or two (split at a space) when the column is
// narrower than the name, as on a small panel with three columns.
bool list_button(ui::Canvas& c, const ui::Theme& th, const std::string& id, const ui::Rect& b, const std::string& name) {
  if (c.label_width(name) + th.mm(4.f) <= b.w) return c.button(id, b, name, ui::ButtonKind::Outline);
  size_t cut = std::string::npos;
  for (size_t i = name.find(' '); i != std::string::npos; i = name.find(' ', i + 1))
    if (c.label_width(name.substr(0, i)) + th.mm(4.f) <= b.w) cut = i;
  if (cut == std::string::npos) return c.button(id, b, name, ui::ButtonKind::Outline);  // reported as too wide
  bool tapped = c.button(id, b, "", ui::ButtonKind::Outline);
  const float lh = c.label_height();
  c.label_centred(name.substr(0, cut), {b.x, b.y + b.h / 2 - lh, b.w, lh}, th.colours.ink);
  const std::string rest = name.substr(cut + 1);
  if (c.label_width(rest) > b.w) c.button(id + ".rest", {b.x, b.y + b.h / 2, b.w, lh}, rest, ui::ButtonKind::Plain);  // reports it
  else c.label_centred(rest, {b.x, b.y + b.h / 2, b.w, lh}, th.colours.ink);
  return tapped;
}

void draw_place_list(Context& ctx, const PlaceList& l) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  MapState& m = ctx.mem.map;
  const float target = (float)th.target();
  c.fill({l.card.x + 3, l.card.y + 4, l.card.w, l.card.h}, ui::Colour{0, 0, 0, 40}, th.mm(2.f));
  c.fill(l.card, th.colours.paper, th.mm(2.f));
  for (int n = 0; n < (int)m.list.size() && n < l.rows * l.cols; ++n) {
    const bundle::Place& pl = ctx.ex.places[m.list[n]];
    ui::Rect b{l.card.x + l.pad + (n / l.rows) * (l.col_w + l.gap), l.card.y + l.pad + (n % l.rows) * (target + l.gap), l.col_w, target};
    if (list_button(c, th, "map.list." + pl.id, b, pl.name.in(ctx.lang()))) {
      m.card = m.list[n];
      m.list.clear();
      ctx.needs_frame = true;
      return;
    }
  }
}

// Portrait: the panel under the map lists the journey's stays around the current one (the
// current one marked), so the screen is composed before any card opens; a stay opens its place's
// card and moves the timeline to it. Rows start below room for three lines of the stay's text,
// so they keep still while the journey plays.
void draw_stay_rows(Context& ctx, const ui::Rect& panel, int cur) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  MapState& m = ctx.mem.map;
  const auto& journey = ctx.ex.journey;
  const float target = (float)th.target(), gap = th.mm(2.f);
  const float top = panel.y + th.mm(9.f) + 3 * (th.small_px() + 1) * 1.3f;
  const int fit = (int)((panel.bottom() - th.mm(3.f) - top + gap) / (target + gap));
  const int n = std::min(fit, (int)journey.size());
  if (n < 2 || cur < 0) return;
  const int first = std::clamp(cur - n / 2, 0, (int)journey.size() - n);
  const ui::Rect row0{(float)th.margin(), top, th.width - 2.f * th.margin(), target};
  for (int i = first; i < first + n; ++i) {
    const bundle::Stay& s = journey[i];
    const bundle::Place* pl = ctx.ex.place(s.place);
    const std::string name = pl ? pl->name.in(ctx.lang()) : s.place;
    std::string label = years(s) + "  \xC2\xB7  " + name;
    if (c.label_width(label) + th.mm(8.f) > row0.w) label = name;
    ui::Rect r = row0;
    r.y += (i - first) * (target + gap);
    if (c.button("map.stay." + std::to_string(i), r, label, i == cur ? ui::ButtonKind::Primary : ui::ButtonKind::Outline) && pl) {
      m.card = (int)(pl - ctx.ex.places.data());
      m.list.clear();
      m.playing = false;
      if (i < (int)ctx.map->stay_starts.size()) m.year = ctx.map->stay_starts[i];
      ctx.needs_frame = true;
    }
  }
}

bool overlaps(const ui::Rect& a, const ui::Rect& b) { return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom(); }

}  // namespace

void map_gesture(MapState& m, const ui::Gesture& g, uint64_t now) {
  using T = ui::GestureType;
  const ui::Rect& v = m.view;
  switch (g.type) {
    case T::DragStart:
      m.easing = false;
      m.cluster_zoomed = false;  // the visitor moved on: a cluster tap zooms again
      m.cam.vx = m.cam.vy = 0;
      m.scrubbing = m.timeline.contains(g.x0, g.y0);
      if (m.scrubbing) m.playing = false;
      break;
    case T::Drag:
      if (m.pinching) break;
      if (m.scrubbing) {
        float f = (g.x - m.timeline.x) / std::max(1.f, m.timeline.w);
        m.year = m.years.first + std::clamp(f, 0.f, 1.f) * (m.years.last - m.years.first);
      } else if (v.contains(g.x0, g.y0)) {
        m.cam.pan(g.dx, g.dy);
      }
      break;
    case T::DragEnd:
      if (!m.scrubbing && !m.pinching && v.contains(g.x0, g.y0)) {
        m.cam.vx = g.vx;
        m.cam.vy = g.vy;
        m.cam.last_ms = now;
      }
      m.scrubbing = false;
      break;
    case T::PinchStart:
      m.pinching = true;
      m.cluster_zoomed = false;
      m.easing = false;
      m.cam.vx = m.cam.vy = 0;
      break;
    case T::Pinch:
      if (v.contains(g.cx, g.cy)) {
        m.cam.pan(g.dx, g.dy);
        m.cam.zoom_about(g.cx - v.x, g.cy - v.y, g.scale, v.w, v.h);
      }
      break;
    case T::PinchEnd:
    case T::Release:
      m.pinching = false;
      break;
    default:
      break;
  }
}

void draw_map(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  MapState& m = ctx.mem.map;
  ctx.on_back = [&m]() {
    if (m.card < 0 && m.list.empty()) return false;
    m.card = -1;  // Back first closes the open card or list
    m.list.clear();
    return true;
  };
  ui::Rect area = draw_top_bar(ctx, ctx.t("map.title"));
  ui::TextEngine& te = c.text();

  if (!ctx.map || ctx.map->empty()) {
    int w = (int)std::min(area.w, (float)th.mm(200.f));
    float y = area.y + area.h * 0.25f;
    ui::TextStyle st{ui::Face::Serif, th.heading_px(), p.ink, 1.35f, 0.5f, ui::Align::Centre};
    ui::Layout l = te.layout_plain(ctx.t("map.unavailable"), st, w);
    c.block(l, area.x + (area.w - w) / 2, y);
    return;
  }

  // Layout (map_frame): the map under the bar, the timeline strip at the bottom; portrait, a
  // panel under the map. The bar's area is where map_frame expects it.
  const float target = (float)th.target();
  const MapFrame frame = map_frame(th, ctx.ex);
  ui::Rect view = frame.view, panel = frame.panel;
  const float strip_y = frame.strip_y;
  m.view = view;
  float bx = th.margin();
  std::string reset_label = ctx.t("map.reset");
  float reset_w = std::max(target, c.label_width(reset_label) + th.mm(8.f));
  ui::Rect play_r{bx, strip_y + th.mm(2.f), target, target};
  ui::Rect reset_r{th.width - th.margin() - reset_w, play_r.y, reset_w, target};
  ui::Rect tl{play_r.right() + th.mm(6.f), play_r.y, reset_r.x - th.mm(6.f) - (play_r.right() + th.mm(6.f)), target};
  m.timeline = tl;

  double half_w = world_half_w(), half_h = world_half_h();
  double min_s = ui::fit_scale(half_w, half_h, view.w, view.h) * 0.9, max_s = min_s * 24;
  if (!m.ready) {
    journey_view(ctx, view, m.cam.cx, m.cam.cy, m.cam.scale);
    m.years = ctx.map->years;
    m.year = ctx.map->stay_starts.empty() ? m.years.first : ctx.map->stay_starts.front();
    m.ready = true;
  }
  // Camera motion: easing between views, or a fling's inertia.
  if (m.easing) {
    float t = std::min(1.f, (ctx.now - m.ease_t0) / (float)kEaseMs);
    float e = 1 - std::pow(1 - t, 3.f);
    m.cam.cx = m.from_cx + (m.to_cx - m.from_cx) * e;
    m.cam.cy = m.from_cy + (m.to_cy - m.from_cy) * e;
    m.cam.scale = std::exp(std::log(m.from_s) + (std::log(m.to_s) - std::log(m.from_s)) * e);
    m.easing = t < 1;
    ctx.needs_frame = true;
  } else if (m.cam.coast(ctx.now)) {
    ctx.needs_frame = true;
  }
  // Portrait: the route lies near the top of the world's box; let the camera centre it, showing a
  // strip of open sea past the world's edge rather than pinning the route to a corner.
  m.cam.clamp(min_s, max_s, half_w, frame.camera_half_h, view.w, view.h);
  if (m.pinching || m.scrubbing) ctx.needs_frame = true;

  // Playing: the timeline advances; the session's timeout waits while it runs.
  if (m.playing) {
    double dt = (ctx.now - m.play_last) / 1000.0;
    m.play_last = ctx.now;
    m.year += dt * (m.years.last - m.years.first) / kPlaySeconds;
    if (m.year >= m.years.last) m.year = m.years.last, m.playing = false;
    // 30 frames a second are plenty for a marker crossing a continent, and half a Pi's work.
    ctx.redraw_at = std::min(ctx.redraw_at, ctx.now + 33);
  }
  ctx.flow.hold(flow::Screen::Map, m.playing, ctx.now);

  c.push_clip(view);
  ImDrawList* dl = c.draw_list();
  const auto& journey = ctx.ex.journey;
  const std::vector<double>& starts = ctx.map->stay_starts;
  int cur = journey.empty() ? -1 : ui::stay_at(starts, m.year);
  if (cur != m.shown_stay) m.shown_stay = cur, m.stay_changed_ms = ctx.now;
  float glide = std::min(1.f, (ctx.now - m.stay_changed_ms) / (float)kGlideMs);
  if (glide < 1) ctx.redraw_at = std::min(ctx.redraw_at, ctx.now + 33);
  ImVec2 traveller = draw_journey(ctx, view, m.cam, m.year, glide, false);
  // Markers: clustered where they crowd, labelled where there is room, most important first.
  const float r = (float)th.mm(1.6f);
  std::vector<ui::WorldPoint> world;
  std::vector<int> priority;
  std::vector<std::pair<float, float>> label_size;
  for (const auto& pl : ctx.ex.places) {
    double x, y;
    project(pl, x, y);
    world.push_back({x, y});
    priority.push_back(pl.priority);
    label_size.push_back({0.f, 0.f});
  }
  // Label sizes only for the places in view: measuring every name each frame is wasted work.
  {
    ui::PlaceMarkers seen = ui::place_markers(world, priority, m.cam, view.w, view.h, target, r);
    for (int i : seen.point) label_size[i] = {c.label_width(ctx.ex.places[i].name.in(ctx.lang()), true), c.label_height(true)};
  }
  ui::PlaceMarkers pm = ui::place_markers(world, priority, m.cam, view.w, view.h, target, r, label_size);
  // An open list covers the markers under it: they must not take its taps.
  const PlaceList list = m.list.empty() ? PlaceList{} : place_list_layout(ctx, frame);
  for (const auto& mk : pm.markers) {
    float x = mk.x + view.x, y = mk.y + view.y;
    ui::Rect hit{x - target / 2, y - target / 2, target, target};
    if (!m.list.empty() && overlaps(hit, list.card)) continue;
    bool down = false;
    if (mk.members.size() > 1) {
      const bundle::Place* anchor = &ctx.ex.places[pm.point[mk.members[0]]];
      if (c.hit("cluster." + anchor->id, hit, &down)) {
        // Open the cluster: zoom in to where its places stand apart, or list them.
        std::vector<ui::WorldPoint> members;
        std::vector<int> ids;
        for (int k : mk.members) members.push_back(world[pm.point[k]]), ids.push_back(pm.point[k]);
        ui::ClusterOpen open =
            ui::open_cluster(members, m.cam, view.w, view.h, target, min_s, max_s, half_w, half_h, m.cluster_zoomed,
                             frame.list_capacity());
        if (open.list) {
          std::sort(ids.begin(), ids.end(), [&](int a, int b) { return ctx.ex.places[a].name.in(ctx.lang()) < ctx.ex.places[b].name.in(ctx.lang()); });
          m.list = ids;
          m.card = -1;
        } else {
          ease_to(m, open.to.cx, open.to.cy, open.to.scale, ctx.now);
          m.cluster_zoomed = true;
        }
        ctx.needs_frame = true;
      }
      float cr = r * 2.6f;
      c.circle(x, y, cr + 2, p.paper);
      c.circle(x, y, cr, down ? p.ink : p.ink_soft);
      std::string n = std::to_string(mk.members.size());
      c.label(n, x - c.label_width(n, true) / 2, y - c.label_height(true) / 2, p.paper, true);
      continue;
    }
    int k = mk.members[0];
    const bundle::Place* pl = &ctx.ex.places[pm.point[k]];
    if (c.hit("place." + pl->id, hit, &down)) {
      m.card = pm.point[k];
      m.list.clear();
      ctx.needs_frame = true;
    }
    bool selected = m.card >= 0 && &ctx.ex.places[m.card] == pl;
    c.circle(x, y, r + 2, p.paper);
    c.circle(x, y, down || selected ? r * 1.4f : r, selected ? p.accent : p.ink);
    if (mk.label) {
      ui::Rect lr{mk.lx + view.x - 3, mk.ly + view.y - 1, pm.in[k].label_w + 6, pm.in[k].label_h + 2};
      c.fill(lr, p.paper.with_alpha(0.8f), 3);
      c.label(pl->name.in(ctx.lang()), mk.lx + view.x, mk.ly + view.y, p.ink, true);
    }
  }
  if (cur >= 0) {
    c.circle(traveller.x, traveller.y, r * 2.4f, p.accent.with_alpha(0.35f));
    c.circle(traveller.x, traveller.y, r * 1.3f, p.accent);
  }

  // A tap on the bare map: closes the card; a second quick tap zooms in about it.
  const bool on_list = c.tap && !m.list.empty() && list.card.contains(c.tap->x, c.tap->y);  // the list's own, below
  if (c.tap && view.contains(c.tap->x, c.tap->y) && !c.tapped_anything() && !on_list) {
    float tx = c.tap->x, ty = c.tap->y;
    if (ctx.now - m.last_tap_ms < 350 && std::hypot(tx - m.last_tap_x, ty - m.last_tap_y) < th.mm(8.f)) {
      ui::Camera to = m.cam;
      to.zoom_about(tx - view.x, ty - view.y, 2.0, view.w, view.h);
      to.clamp(min_s, max_s, half_w, half_h, view.w, view.h);
      ease_to(m, to.cx, to.cy, to.scale, ctx.now);
      m.last_tap_ms = 0;
      m.cluster_zoomed = false;
    } else {
      m.last_tap_ms = ctx.now;
      m.last_tap_x = tx, m.last_tap_y = ty;
      m.card = -1;
      m.list.clear();
    }
    ctx.needs_frame = true;
  }
  c.pop_clip();
  // The bar's lower rule half overlaps the map's first row: drawn again over the land, so it reads
  // the same over land and sea (the sea is the ground, not a fill that would cover it).
  c.line(0, view.y, (float)th.width, view.y, p.rule, 1.f);
  if (panel.h > 0) c.fill(panel, p.paper);

  // The current stay, above the timeline.
  if (cur >= 0) {
    const bundle::Stay& s = journey[cur];
    const bundle::Place* pl = ctx.ex.place(s.place);
    std::string line = years(s) + "  \xC2\xB7  " + (pl ? pl->name.in(ctx.lang()) : s.place) + "  \xE2\x80\x94  " + s.text.in(ctx.lang());
    int w = (int)std::min(view.w - 2 * th.margin(), (float)th.mm(260.f));
    ui::Layout l = te.layout_plain(line, {ui::Face::Sans, th.small_px() + 1, p.ink, 1.3f}, w);
    float box_y = panel.h > 0 ? panel.y + th.mm(3.f) : view.bottom() - l.height - th.mm(5.f);
    ui::Rect box{(float)(th.margin() - th.mm(2.f)), box_y, (float)(w + th.mm(4.f)), (float)(l.height + th.mm(3.f))};
    if (m.card < 0) {
      c.fill(box, p.paper.with_alpha(0.92f), th.mm(1.5f));
      c.block(l, box.x + th.mm(2.f), box.y + th.mm(1.5f));
    }
  }
  if (panel.h > 0 && m.card < 0 && m.list.empty()) draw_stay_rows(ctx, panel, cur);


  // The card of the chosen place.
  if (m.card >= 0 && m.card < (int)ctx.ex.places.size()) {
    const bundle::Place& pl = ctx.ex.places[m.card];
    float cw = std::min(view.w - 2 * th.margin(), (float)th.mm(th.portrait() ? 170.f : 120.f));
    float pad = th.mm(5.f);
    int tw = (int)(cw - 2 * pad);
    ui::Layout name = te.layout_plain(pl.name.in(ctx.lang()), {ui::Face::SerifBold, th.heading_px(), p.ink, 1.15f}, tw);
    std::string stays;
    for (const auto& s : journey)
      if (s.place == pl.id) stays += (stays.empty() ? "" : "\n\n") + years(s) + " \xE2\x80\x94 " + s.text.in(ctx.lang());
    ui::Layout sl = te.layout_plain(stays, {ui::Face::Sans, th.small_px(), p.ink_soft, 1.3f, 0.3f}, tw);
    ui::Layout tx = te.layout_plain(pl.text.in(ctx.lang()), {ui::Face::Serif, std::max(20, th.body_px() * 85 / 100), p.ink, 1.4f}, tw);
    const bundle::Room* room = nullptr;
    for (const auto& rm : ctx.ex.rooms)
      for (const auto& id : rm.places)
        if (!room && id == pl.id) room = &rm;
    float h = pad + name.height + th.mm(2.f) + sl.height + th.mm(3.f) + tx.height + pad + (room ? target + th.mm(3.f) : 0);
    const ui::Rect& room_for = panel.h > 0 ? panel : view;  // portrait: under the map
    float max_h = room_for.h - th.mm(6.f);
    ui::Rect card{th.width - th.margin() - cw, room_for.y + th.mm(3.f), cw, std::min(h, max_h)};
    c.fill({card.x + 3, card.y + 4, card.w, card.h}, ui::Colour{0, 0, 0, 40}, th.mm(2.f));
    c.fill(card, p.paper, th.mm(2.f));
    c.push_clip(card);
    float y = card.y + pad;
    c.block(name, card.x + pad, y);
    y += name.height + th.mm(2.f);
    c.block(sl, card.x + pad, y);
    y += sl.height + th.mm(3.f);
    bool room_fits = room && y + tx.height + target + th.mm(3.f) <= card.bottom() - pad + 1;
    if (y + tx.height <= card.bottom() - pad - (room ? target + th.mm(3.f) : 0)) {
      c.block(tx, card.x + pad, y);
      y += tx.height + th.mm(3.f);
    }
    c.pop_clip();
    if (room && (room_fits || y + target <= card.bottom())) {
      std::string go = ctx.t("map.go_to_room") + " \xE2\x80\xBA";
      float gw = std::min(card.w - 2 * pad, c.label_width(go) + th.mm(9.f));
      if (c.button("map.go_to_room", {card.x + pad, card.bottom() - pad - target, gw, target}, go, ui::ButtonKind::Primary)) {
        int idx = (int)(room - ctx.ex.rooms.data());
        m.card = -1;
        ctx.flow.go({flow::Screen::Room, idx});
        ctx.mem.room_pages.jump_to_page(0);
        ctx.mem.room_key.clear();
      }
    }
  }

  // Timeline strip: play, the journey's years (tidy decades) with a mark per stay, reset.
  ui::Rect strip{0, strip_y, (float)th.width, (float)th.height - strip_y};
  c.fill(strip, p.panel);
  // A list reaching into the strip (a small panel) covers it: its controls wait until it closes.
  const bool strip_under_list = !m.list.empty() && list.card.bottom() > strip_y;
  if (!strip_under_list) {
    if (c.button("map.play", play_r, "", m.playing ? ui::ButtonKind::Primary : ui::ButtonKind::Outline)) {
      m.playing = !m.playing;
      if (m.playing && m.year >= m.years.last - 0.01) m.year = m.years.first;
      m.play_last = ctx.now;
      ctx.needs_frame = true;
    }
    {
      // Play / pause drawn as shapes: no font needs the symbols.
      float cx = play_r.x + play_r.w / 2, cy = play_r.y + play_r.h / 2, s = play_r.h * 0.22f;
      ui::Colour ic = m.playing ? p.on_accent : p.ink;
      if (m.playing) {
        c.fill({cx - s, cy - s, s * 0.7f, 2 * s}, ic);
        c.fill({cx + s * 0.3f, cy - s, s * 0.7f, 2 * s}, ic);
      } else {
        dl->AddTriangleFilled({cx - s * 0.8f, cy - s}, {cx - s * 0.8f, cy + s}, {cx + s * 1.1f, cy}, ic.imgui());
      }
    }
    if (c.button("map.reset", reset_r, reset_label, ui::ButtonKind::Outline)) {
      double cx, cy, s;
      journey_view(ctx, view, cx, cy, s);
      ease_to(m, cx, cy, s, ctx.now);
      m.card = -1;
      m.list.clear();
      m.cluster_zoomed = false;
      ctx.needs_frame = true;
    }
    std::optional<ui::Point> tap = c.tap;
    if (c.hit("map.timeline", tl) && tap) {
      m.year = m.years.first + std::clamp((tap->x - tl.x) / tl.w, 0.f, 1.f) * (m.years.last - m.years.first);
      m.playing = false;
    }
    float mid = tl.y + tl.h * 0.62f;
    c.line(tl.x, mid, tl.right(), mid, p.ink_soft, 2.f);
    auto x_of = [&](double yr) { return tl.x + (float)((yr - m.years.first) / (m.years.last - m.years.first)) * tl.w; };
    // Decade labels, every second one when they would touch (a narrow bar, or larger text).
    const float decade_w = x_of(m.years.first + m.years.step) - x_of(m.years.first);
    const int step = c.label_width("1900", true) + th.mm(2.f) > decade_w ? 2 * m.years.step : m.years.step;
    for (int yr = (int)m.years.first; yr <= (int)m.years.last; yr += m.years.step) {
      float x = x_of(yr);
      c.line(x, mid - th.mm(1.5f), x, mid + th.mm(1.5f), p.ink_soft, 1.f);
      std::string ys = std::to_string(yr);
      float lw = c.label_width(ys, true);
      if (((yr - (int)m.years.first) % step) == 0 && x - lw / 2 >= tl.x && x + lw / 2 <= tl.right()) c.label(ys, x - lw / 2, tl.y, p.ink_soft, true);
    }
    for (double s : starts) c.circle(x_of(s), mid, 2.5f, p.accent.with_alpha(0.6f));
    c.circle(x_of(m.year), mid, th.mm(1.8f), p.accent);
  }
  if (!m.list.empty()) draw_place_list(ctx, list);
}

}  // namespace screens
