// picture_map.cpp — the locator map of a room picture (picture_parts.h): the bundle's own land
// layers (the kiosk map's data and projection), a graticule, the room's places as markers, and
// their names placed so that none overlaps another, a marker or the edge. When the labels do not
// fit, the frame grows and everything is placed again.
#include <algorithm>
#include <cmath>

#include "content/curator/picture_parts.h"
#include "content/map/detail.h"

namespace curator::picture {

namespace {

using mapgeo::Box;
using mapgeo::XY;
namespace col = mapgeo::colours;

constexpr double kMarkerR = 7, kRingR = 9.5, kNamePx = 27, kNotePx = 21, kLineGap = 1.12, kHalo = 3, kLabelGap = 7;
constexpr double kEdgeInset = 6;

// The finest-enough layer: the coarsest whose simplification (content/map/detail.h) stays under
// half a pixel of this view.
const bundle::MapGeometry* pick_layer(const bundle::Contents& c, double units_per_px) {
  const bundle::MapGeometry* best = nullptr;
  for (const auto& info : c.exhibit.map) {  // sorted by lod
    auto it = c.map.find(info.name);
    if (it == c.map.end()) continue;
    best = &it->second;
    if (mapgeo::lod_tolerance(info.lod) <= units_per_px * 0.5) break;
  }
  return best;
}

bool frame_on_world(const Box& f) {
  double lat, lon;
  for (XY p : {XY{f.x0, f.y0}, XY{f.x0, f.y1}, XY{f.x1, f.y0}, XY{f.x1, f.y1}})
    if (!mapgeo::unproject(p.x, p.y, lat, lon)) return false;
  return true;  // the projection's outline is convex: the corners decide
}

void draw_ground(raster::Image& img, const mapgeo::View& v, const bundle::Contents& c) {
  // Sea inside the world's outline, paper outside it (only a frame wider than the world sees it).
  if (!frame_on_world(v.frame)) {
    for (int y = (int)v.y; y < (int)(v.y + v.h); ++y)
      for (int x = (int)v.x; x < (int)(v.x + v.w); ++x) {
        double px = v.frame.x0 + (x + 0.5 - v.x) / v.w * v.frame.w(), py = v.frame.y1 - (y + 0.5 - v.y) / v.h * v.frame.h();
        double lat, lon;
        if (!mapgeo::unproject(px, py, lat, lon)) img.blend(x, y, rgb(col::kPaper), 1);
      }
  }
  // Graticule every 10° (30° on a frame wider than a continent), under the land like the kiosk's.
  double step = v.frame.w() > 2.0 ? 30 : 10;
  for (double lon = -180; lon <= 180; lon += step)
    for (double lat = -88; lat < 88; lat += 1) {
      XY a = v.to_px(mapgeo::project(lat, lon)), b = v.to_px(mapgeo::project(lat + 1, lon));
      img.line(a.x, a.y, b.x, b.y, 1.2, rgb(col::kGrid));
    }
  for (double lat = -80; lat <= 80; lat += step)
    for (double lon = -180; lon < 180; lon += 1) {
      XY a = v.to_px(mapgeo::project(lat, lon)), b = v.to_px(mapgeo::project(lat, lon + 1));
      img.line(a.x, a.y, b.x, b.y, 1.2, rgb(col::kGrid));
    }
  const bundle::MapGeometry* layer = pick_layer(c, v.frame.w() / v.w);
  if (!layer) return;
  std::vector<double> px(layer->xy.size());
  for (size_t i = 0; i + 1 < layer->xy.size(); i += 2) {
    XY p = v.to_px({layer->xy[i], layer->xy[i + 1]});
    px[i] = p.x - v.x, px[i + 1] = p.y - v.y;
  }
  raster::Mask land = raster::fill_triangles(px, layer->indices, (int)v.w, (int)v.h);
  land.x = (int)v.x, land.y = (int)v.y;
  img.draw_mask(land, rgb(col::kLand));
}

struct Label {
  std::vector<int> places;  // indices into the room's places
  std::vector<std::pair<std::string, bool>> lines;  // text, is the name's first line
  double w = 0, h = 0;
};

std::vector<Label> make_labels(const std::vector<std::vector<int>>& groups, const std::vector<const bundle::Place*>& places,
                               const std::vector<XY>& px, const Fonts& f, const std::string& lang) {
  std::vector<Label> out;
  for (const auto& g : groups) {
    Label l;
    l.places = g;
    // A shared label lists its places north to south, as their dots lie.
    std::stable_sort(l.places.begin(), l.places.end(), [&](int a, int b) { return px[a].y < px[b].y; });
    for (int i : l.places) {
      auto lines = name_lines(places[i]->name.in(lang));
      for (size_t k = 0; k < lines.size(); ++k) l.lines.push_back({lines[k], k == 0});
    }
    for (auto& [t, first] : l.lines) {
      l.w = std::max(l.w, first ? f.bold.width(t, kNamePx) : f.regular.width(t, kNotePx));
      l.h += (first ? kNamePx : kNotePx) * kLineGap;
    }
    out.push_back(std::move(l));
  }
  // The most important first: they get the best places.
  std::stable_sort(out.begin(), out.end(), [&](const Label& a, const Label& b) {
    auto pri = [&](const Label& l) {
      int p = 3;
      for (int i : l.places) p = std::min(p, places[i]->priority);
      return p;
    };
    return pri(a) < pri(b);
  });
  return out;
}

Box markers_box(const Label& l, const std::vector<XY>& px) {
  Box b{1e9, 1e9, -1e9, -1e9};
  for (int i : l.places)
    b = {std::min(b.x0, px[i].x - kRingR), std::min(b.y0, px[i].y - kRingR), std::max(b.x1, px[i].x + kRingR),
         std::max(b.y1, px[i].y + kRingR)};
  return b;
}

void draw_label(raster::Image& img, const Label& l, const mapgeo::LabelPlacement& at, const Box& markers, const Fonts& f) {
  if (at.leader) {
    double cx = (markers.x0 + markers.x1) / 2, cy = (markers.y0 + markers.y1) / 2;
    double tx = std::clamp(cx, at.box.x0, at.box.x1), ty = std::clamp(cy, at.box.y0, at.box.y1);
    img.line(cx, cy, tx, ty, 1.5, rgb(col::kInkSoft));
  }
  double y = at.box.y0;
  // Right-aligned when the label sits left of its markers: the names end beside their dot.
  bool right = at.box.x1 <= markers.x0;
  for (auto& [t, first] : l.lines) {
    double px = first ? kNamePx : kNotePx;
    const raster::Font& font = first ? f.bold : f.regular;
    double x = right ? at.box.x1 - font.width(t, px) : at.box.x0;
    raster::Mask m = font.text(t, x, y + font.ascent(px) * 0.92, px);
    img.draw_mask(m.dilated((int)kHalo), rgb(col::kPaper), 0.9);
    img.draw_mask(m, rgb(first ? col::kInk : col::kInkSoft));
    y += px * kLineGap;
  }
}

}  // namespace

MapParts draw_map(raster::Image& img, const bundle::Room& room, const bundle::Contents& c, const Fonts& f, const std::string& lang) {
  const Box area{0, 0, (double)img.width(), (double)img.height()};
  std::vector<const bundle::Place*> places;
  std::vector<XY> geo;
  for (const auto& id : room.places)
    if (const bundle::Place* p = c.exhibit.place(id)) places.push_back(p), geo.push_back(mapgeo::project(p->lat, p->lon));
  MapParts out;
  mapgeo::View v{mapgeo::frame_places(geo, area.w() / area.h()), area.x0, area.y0, area.w(), area.h()};
  Box inner{area.x0 + kEdgeInset, area.y0 + kEdgeInset, area.x1 - kEdgeInset, area.y1 - kEdgeInset};
  std::vector<Label> labels;
  std::vector<mapgeo::LabelPlacement> placed;
  std::vector<Box> marker_boxes;
  // Grow the frame until every name has a place of its own (at most 2.4x, then the best effort).
  for (int attempt = 0;; ++attempt) {
    out.markers.clear();
    marker_boxes.clear();
    for (const XY& g : geo) {
      out.markers.push_back(v.to_px(g));
      marker_boxes.push_back({out.markers.back().x - kRingR, out.markers.back().y - kRingR, out.markers.back().x + kRingR,
                              out.markers.back().y + kRingR});
    }
    labels = make_labels(mapgeo::group_markers(out.markers, 2 * kRingR + 4), places, out.markers, f, lang);
    std::vector<mapgeo::LabelRequest> req;
    for (const Label& l : labels) req.push_back({markers_box(l, out.markers), l.w, l.h});
    out.labels_fit = mapgeo::place_labels(req, marker_boxes, inner, kLabelGap, placed);
    bool inside = std::all_of(marker_boxes.begin(), marker_boxes.end(), [&](const Box& b) { return b.within(inner); });
    if ((out.labels_fit && inside) || attempt == 5) break;
    v.frame = mapgeo::grow_frame(v.frame, 1.2);
  }
  draw_ground(img, v, c);
  for (const XY& m : out.markers) img.fill_disc(m.x, m.y, kRingR, rgb(col::kPaper));
  for (const XY& m : out.markers) img.fill_disc(m.x, m.y, kMarkerR, rgb(col::kAccent));
  for (size_t i = 0; i < labels.size(); ++i) {
    if (!placed[i].placed) {  // never draw a label over another: leave it out, and say so
      for (int k : labels[i].places) out.unplaced.push_back(places[k]->name.in(lang));
      continue;
    }
    draw_label(img, labels[i], placed[i], markers_box(labels[i], out.markers), f);
    out.labels.push_back(placed[i].box);
  }
  img.fill_rect(area.x0, area.y1 - 1, area.x1, area.y1, rgb(col::kRule));  // the map's lower edge
  out.marker_radius = kRingR;
  out.frame = v.frame;
  return out;
}

std::vector<std::string> name_lines(const std::string& name) {
  size_t at = name.find(" (");
  if (at == std::string::npos || at == 0) return {name};
  return {name.substr(0, at), name.substr(at + 1)};
}

}  // namespace curator::picture
