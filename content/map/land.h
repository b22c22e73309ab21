// land.h — land polygons in lon/lat (the committed assets/map/*.rings files) -> one map layer:
// cut at the antimeridian, projected, simplified for the screen, triangulated.
//
// Does:     parse the `land-rings 1` text format (errors name the line), close rings that go
//           round a pole (Antarctica in world-atlas), cut rings that cross ±180° into pieces on
//           each side, densify long edges before projecting, simplify (Douglas–Peucker in projected
//           units), drop islands smaller than a layer can show, triangulate (triangulate.h).
// Does not: read exhibit.toml (exhibit_map.h), draw anything.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "content/map/triangulate.h"

namespace mapgeo {

struct LonLat {
  double lon = 0, lat = 0;
};
using GeoRing = std::vector<LonLat>;        // implicitly closed
using GeoPolygon = std::vector<GeoRing>;    // odd rule, like Polygon

struct Land {
  std::vector<GeoPolygon> polygons;
  size_t points() const;
};

// Parses a .rings file's text. On a mistake returns false with `error` saying what is wrong and
// `error_line` its line (1-based; 0 for the whole file).
bool parse_rings(const std::string& text, Land& out, std::string& error, int& error_line);

// How far a layer is simplified. Tolerances are in projected units (unit sphere); for scale, the
// whole map is 5.47 wide, so one pixel of a 1920 px full-world view is 0.00285.
struct LayerOptions {
  double tolerance = 0.0015;  // Douglas–Peucker: no outline moves further than this
  double min_area = 1e-5;     // islands (and lakes) smaller than this are dropped
  static LayerOptions for_lod(int lod);  // lod 0: the defaults above; each lod twice as fine (detail.h)
};

struct LayerStats {
  size_t input_points = 0, rings_kept = 0, rings_dropped = 0, points_after_simplify = 0;
  // Area of the simplified polygons (per polygon |sum of signed ring areas|: outer rings and holes
  // run opposite ways in world-atlas) and of the triangles made from them; the tests compare them.
  double polygon_area = 0, triangle_area = 0;
  double milliseconds = 0;  // cutting, projecting, simplifying and triangulating
};

// Cuts one ring at ±180° (unwrapping its longitudes first); a ring whose longitudes wind once
// round the globe is closed over the nearer pole. Returns the pieces, each within [-180, 180].
// Rings lying entirely within 0.01° of a pole give nothing.
std::vector<GeoRing> cut_at_antimeridian(const GeoRing& ring);

// Cut + densify + project one polygon (no simplification): its rings in projected units.
Polygon project_polygon(const GeoPolygon& p);

// Douglas–Peucker on a closed ring; keeps at least 3 points when the ring has them.
Ring simplify_ring(const Ring& r, double tolerance);

// The whole pipeline for one layer.
Mesh build_layer(const Land& land, const LayerOptions& options, LayerStats* stats = nullptr);

}  // namespace mapgeo
