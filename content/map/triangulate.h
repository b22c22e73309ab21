// triangulate.h — polygons with holes -> triangles, with GLU's tessellator (libglu1-mesa).
//
// Does:     triangulate a set of polygons under the odd winding rule (so ring orientation does not
//           matter, holes are simply rings inside rings, and self-intersections are resolved by
//           GLU's combine step), round every vertex to float before and after, drop triangles
//           whose float area is not above kMinTriangleArea, and turn every triangle
//           counter-clockwise (y up). Needs no GL context: GLU's tessellator is plain CPU code.
// Does not: project, simplify or cut at the antimeridian (see land.h).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "content/map/projection.h"

namespace mapgeo {

using Ring = std::vector<XY>;        // implicitly closed: the last point is not the first again
using Polygon = std::vector<Ring>;   // any number of rings; a point is inside when it is inside an odd number

struct Mesh {
  std::vector<float> xy;             // x,y pairs
  std::vector<uint32_t> indices;     // three per triangle, counter-clockwise
  size_t vertices() const { return xy.size() / 2; }
  size_t triangles() const { return indices.size() / 3; }
};

// A triangle must be larger than this (projected units², i.e. unit sphere) to be kept. The whole
// map is about 13; a pixel at full-world 1920 px is about 8e-6.
constexpr double kMinTriangleArea = 1e-13;

// Appends the triangles of `polygons` (each tessellated on its own) to `mesh`. Throws
// std::runtime_error when GLU reports an error (it names the GLU error).
void triangulate(const std::vector<Polygon>& polygons, Mesh& mesh);

// Helpers shared with the tests.
double ring_area(const Ring& r);   // signed, shoelace: > 0 when counter-clockwise (y up)
double odd_area(const Polygon& p);  // |outer| - |holes| for a polygon whose rings nest properly
double triangle_area(const Mesh& m, size_t t);  // signed
bool point_in_polygon(const Polygon& p, XY q);  // odd rule
// How many triangles strictly contain q (points on an edge count for neither side).
int triangles_containing(const Mesh& m, XY q);

}  // namespace mapgeo
