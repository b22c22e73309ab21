// map_view.h — the exile map's logic without drawing: the camera (pan, zoom about a point,
// bounds, inertia), marker clustering and label placement with no overlaps, and the journey's
// timeline (a date → the stay at that moment). The level of detail for a zoom is
// content/map/detail.h's.
//
// Coordinates: "world" is the Natural Earth I projection on the unit sphere (content/map/
// projection.h), y pointing north; "screen" is pixels, y pointing down.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct Camera {
  double cx = 0, cy = 0;  // world point at the viewport's centre
  double scale = 1;       // pixels per world unit
  float vx = 0, vy = 0;   // pan velocity after a fling, px/s
  uint64_t last_ms = 0;

  void to_screen(double wx, double wy, float& sx, float& sy, float vw, float vh) const {
    sx = (float)((wx - cx) * scale + vw / 2);
    sy = (float)((cy - wy) * scale + vh / 2);
  }
  void to_world(float sx, float sy, double& wx, double& wy, float vw, float vh) const {
    wx = cx + (sx - vw / 2) / scale;
    wy = cy - (sy - vh / 2) / scale;
  }
  void pan(float dx_px, float dy_px);
  // Zooms by `factor` keeping the world point under (px, py) in place (fingers stay on the map).
  void zoom_about(float px, float py, double factor, float vw, float vh);
  // Keeps the scale within [min, max] and the world's box covering the viewport where it can.
  void clamp(double min_scale, double max_scale, double half_w, double half_h, float vw, float vh);
  // Advances a fling; true while still moving.
  bool coast(uint64_t now_ms);
};

// The scale at which the whole world fits the viewport (the "reset" view).
double fit_scale(double half_w, double half_h, float vw, float vh);

struct MarkerInput {
  float x, y;        // screen position
  int priority;      // 1 = most important
  float label_w, label_h;
};

struct Marker {
  float x, y;                // where it is drawn (a cluster: its members' centre)
  std::vector<int> members;  // indices into the inputs; size > 1 means a cluster
  bool label = false;        // draw the label (of members[0]) …
  float lx = 0, ly = 0;      // … with its top-left here
};

// Clusters inputs closer than `min_gap` px (so every marker keeps a full touch target) and places
// labels, most important first, to the right or left of their marker, hiding those that would
// overlap a label or marker already placed or leave the viewport.
std::vector<Marker> layout_markers(const std::vector<MarkerInput>& in, float min_gap, float marker_r, float vw, float vh);

struct WorldPoint {
  double x, y;
};

// The camera that shows every point with a margin (the journey's view, the route's bounds).
Camera fit_points(const std::vector<WorldPoint>& pts, float vw, float vh);

// The markers for places at world points `pts`, seen through `cam` over a vw×vh view: those in
// view only, clustered and labelled by layout_markers; members index into `pts`. Label sizes come
// from `label_size` (pixels), 0×0 when the caller only needs the clusters.
struct PlaceMarkers {
  std::vector<MarkerInput> in;
  std::vector<int> point;          // in[i] is pts[point[i]]
  std::vector<Marker> markers;     // members are indices into `in`
};
PlaceMarkers place_markers(const std::vector<WorldPoint>& pts, const std::vector<int>& priority, const Camera& cam, float vw,
                           float vh, float min_gap, float marker_r,
                           const std::vector<std::pair<float, float>>& label_size = {});

// What a tap on a cluster does. It zooms to where all its places stand a full touch target apart
// and all in view (or, failing that, as far in as keeps them all in view); when no zoom up to max_scale can do that (places a few km apart), or the
// visitor has just zoomed into a cluster and still meets one, it opens the list of its places
// instead — so every place is at most three taps away: cluster, cluster, name in the list.
struct ClusterOpen {
  bool list = false;
  Camera to;  // when not a list: where to ease to
};
// `list_capacity`: how many names the list can show; after a cluster zoom, a cluster larger than
// that zooms again rather than overflow the list.
ClusterOpen open_cluster(const std::vector<WorldPoint>& members, const Camera& cam, float vw, float vh, float min_gap,
                         double min_scale, double max_scale, double half_w, double half_h, bool just_zoomed_into_cluster,
                         size_t list_capacity);

// How many rows of buttons `target` px tall, `gap` apart, fit a list card `h` px tall with `pad`.
int list_rows(float h, float target, float gap, float pad);
// How many columns at least `min_col` px wide, `gap` apart, fit a list card `w` px wide with
// `pad` (1 to `max_cols`): a small panel lists a cluster in three columns rather than zooming
// again, so a crowded cluster is still two taps from every card.
int list_columns(float w, float min_col, float gap, float pad, int max_cols);

// "1929", "1929-02" or "1929-02-12" as a fractional year (1929.0, 1929.08…, 1929.11…).
double year_of(const std::string& iso);
// The stay in effect at year `t`: the last stay that began at or before t (0 before the first).
int stay_at(const std::vector<double>& starts, double t);

// The timeline's years: from the first stay's start to the journey's end, rounded out to tidy
// decades (1867–1934 → 1860–1940), with a labelled tick every `step` years (10, or 20 / 50 for
// a long span). An empty journey gets one decade.
struct YearSpan {
  double first = 1900, last = 1910;
  int step = 10;
};
YearSpan timeline_span(double first_start, double last_end);

}  // namespace ui
