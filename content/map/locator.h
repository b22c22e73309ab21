// locator.h — the geometry of a room's locator map (content/curator/room_picture.cpp draws it):
// which piece of the projected world to show for a set of places, and where their labels go.
//
// Does:     frame places (Natural Earth I units, projection.h) for a view of a given aspect, with a
//           margin, a minimum extent (one place still shows its region), kept on the world where
//           it fits; map frame units to pixels; group markers too close to tell apart; place
//           labels beside their markers without overlapping each other, any marker, or the edge.
// Does not: draw, know fonts (label sizes are given), or cross the antimeridian: the projection's
//           central meridian is 0°, so places on both sides of the Pacific get a frame of the
//           whole width between them, as on the kiosk's own map.
#pragma once
#include <vector>

#include "content/map/projection.h"

namespace mapgeo {

// An axis-aligned box; in pixels y grows down, in projected units y grows north.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double w() const { return x1 - x0; }
  double h() const { return y1 - y0; }
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool within(const Box& outer) const { return x0 >= outer.x0 && y0 >= outer.y0 && x1 <= outer.x1 && y1 <= outer.y1; }
};

struct FrameOptions {
  double margin = 0.15;     // of the places' extent, on each side
  double min_width = 0.3;  // projected units (~20° of longitude): one place still shows its region
};

// The frame (projected units) for `places` in a view `aspect` = width / height wide. Empty input
// gives the whole world.
Box frame_places(const std::vector<XY>& places, double aspect, const FrameOptions& options = {});

// `frame` grown by `factor` about its centre, then kept on the world where it fits.
Box grow_frame(const Box& frame, double factor);

// Frame units -> pixels of a `w`×`h` view at (x, y) of a picture.
struct View {
  Box frame;
  double x = 0, y = 0, w = 1, h = 1;
  XY to_px(XY p) const { return {x + (p.x - frame.x0) / frame.w() * w, y + (frame.y1 - p.y) / frame.h() * h}; }
};

// Groups points (pixels) closer than `distance` to another of the group (single linkage); groups
// and their members keep the input order of their first member.
std::vector<std::vector<int>> group_markers(const std::vector<XY>& px, double distance);

// One label to place: the markers' bounding box it belongs to and the label's size.
struct LabelRequest {
  Box markers;
  double w = 0, h = 0;
};
struct LabelPlacement {
  Box box;
  bool leader = false;  // placed further out: draw a line from the markers to the label
  bool placed = true;   // false: no free place was found (the box is the first choice, overlapping)
};

// Places every label, in order (put the most important first), beside its markers: right, left,
// then the diagonals, above, below; then twice as far with a leader line. A label may not overlap
// another label, any of `obstacles` (the markers), or leave `area`. Returns false when some label
// found no place (out then holds the best effort: overlapping positions for those).
bool place_labels(const std::vector<LabelRequest>& labels, const std::vector<Box>& obstacles, const Box& area, double gap,
                  std::vector<LabelPlacement>& out);

}  // namespace mapgeo
