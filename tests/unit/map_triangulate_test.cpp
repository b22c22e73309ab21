// map_triangulate_test.cpp — GLU-based triangulation on shapes whose answer we know: area kept,
// no slivers, no overlaps, holes stay holes, islands stay apart.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "content/map/triangulate.h"

using namespace mapgeo;

namespace {

Ring rect(double x0, double y0, double x1, double y1, bool ccw = true) {
  Ring r = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  if (!ccw) std::reverse(r.begin(), r.end());
  return r;
}

// Do the interiors of triangles s and t overlap? Separating axis theorem on the six edge normals;
// touching (sharing an edge or a corner) is not overlapping.
bool overlap(const Mesh& m, size_t s, size_t t) {
  auto pt = [&](size_t tri, int k) { return XY{m.xy[2 * m.indices[3 * tri + k]], m.xy[2 * m.indices[3 * tri + k] + 1]}; };
  XY a[3] = {pt(s, 0), pt(s, 1), pt(s, 2)}, b[3] = {pt(t, 0), pt(t, 1), pt(t, 2)};
  for (const XY* tri : {a, b})
    for (int k = 0; k < 3; ++k) {
      XY e = {tri[(k + 1) % 3].x - tri[k].x, tri[(k + 1) % 3].y - tri[k].y};
      XY n = {-e.y, e.x};
      double amin = 1e300, amax = -1e300, bmin = 1e300, bmax = -1e300;
      for (int j = 0; j < 3; ++j) {
        double pa = a[j].x * n.x + a[j].y * n.y, pb = b[j].x * n.x + b[j].y * n.y;
        amin = std::min(amin, pa), amax = std::max(amax, pa), bmin = std::min(bmin, pb), bmax = std::max(bmax, pb);
      }
      double slack = 1e-9 * std::sqrt(n.x * n.x + n.y * n.y);
      if (amax <= bmin + slack || bmax <= amin + slack) return false;
    }
  return true;
}

// Everything we promise about a mesh made from `polys`, whose true area is `area`.
void check_mesh(const std::vector<Polygon>& polys, const Mesh& m, double area, bool pairwise = true) {
  REQUIRE(m.triangles() > 0);
  REQUIRE(m.indices.size() % 3 == 0);
  double sum = 0;
  for (size_t t = 0; t < m.triangles(); ++t) {
    for (int k = 0; k < 3; ++k) REQUIRE(m.indices[3 * t + k] < m.vertices());
    double a = triangle_area(m, t);
    CHECK(a > kMinTriangleArea);  // counter-clockwise and not degenerate
    sum += a;
  }
  CHECK(std::fabs(sum - area) <= 0.001 * area);  // area kept within 0.1%
  if (pairwise)
    for (size_t s = 0; s < m.triangles(); ++s)
      for (size_t t = s + 1; t < m.triangles(); ++t)
        if (overlap(m, s, t)) FAIL_CHECK("triangles " << s << " and " << t << " overlap");
  // Sampled points (odd offsets keep them off the shapes' edges): inside the shape <=> in exactly
  // one triangle; outside (including inside a hole) <=> in none.
  double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
  for (const auto& p : polys)
    for (const auto& r : p)
      for (const auto& q : r) x0 = std::min(x0, q.x), y0 = std::min(y0, q.y), x1 = std::max(x1, q.x), y1 = std::max(y1, q.y);
  int bad = 0;
  for (int i = 0; i < 61; ++i)
    for (int j = 0; j < 61; ++j) {
      XY q = {x0 - 0.05 + (x1 - x0 + 0.1) * (i + 0.3183) / 61, y0 - 0.05 + (y1 - y0 + 0.1) * (j + 0.2718) / 61};
      bool in = std::any_of(polys.begin(), polys.end(), [&](const Polygon& p) { return point_in_polygon(p, q); });
      if (triangles_containing(m, q) != (in ? 1 : 0)) ++bad;
    }
  CHECK(bad == 0);
}

}  // namespace

TEST_CASE("map triangulate: a square with a square hole") {
  for (bool hole_ccw : {false, true}) {  // the odd rule: a hole's direction does not matter
    Polygon p = {rect(0, 0, 1, 1), rect(0.25, 0.25, 0.75, 0.75, hole_ccw)};
    Mesh m;
    triangulate({p}, m);
    check_mesh({p}, m, 1 - 0.25);
    CHECK(triangles_containing(m, {0.5, 0.5}) == 0);   // the hole's centre
    CHECK(triangles_containing(m, {0.3, 0.7}) == 0);   // near its corner
    CHECK(triangles_containing(m, {0.1, 0.15}) == 1);  // (off the diagonals, where no triangle is strictly)
    CHECK(m.vertices() == 8);
    CHECK(m.triangles() == 8);
  }
}

TEST_CASE("map triangulate: concave shapes (comb, star, spiral)") {
  // A comb: 12 teeth 0.05 wide and 0.8 long on a 1.2 x 0.2 spine.
  Ring comb = {{0, 0}, {1.2, 0}, {1.2, 0.2}};
  for (int k = 11; k >= 0; --k) {
    double x = k * 0.1;
    comb.insert(comb.end(), {{x + 0.05, 0.2}, {x + 0.05, 1.0}, {x, 1.0}, {x, 0.2}});
  }
  CHECK(ring_area(comb) == doctest::Approx(0.72));
  {
    Polygon p = {comb};
    Mesh m;
    triangulate({p}, m);
    check_mesh({p}, m, std::fabs(ring_area(comb)));
    CHECK(triangles_containing(m, {0.075, 0.6}) == 0);  // between two teeth
    CHECK(triangles_containing(m, {0.025, 0.6}) == 1);  // in the first tooth
  }
  // A 9-pointed star, clockwise on purpose.
  Ring star;
  for (int k = 0; k < 18; ++k) {
    double a = -k * M_PI / 9, r = k % 2 ? 0.3 : 1.0;
    star.push_back({r * std::cos(a), r * std::sin(a)});
  }
  {
    Polygon p = {star};
    Mesh m;
    triangulate({p}, m);
    check_mesh({p}, m, std::fabs(ring_area(star)));
    CHECK(m.triangles() == 16);
  }
  // An Archimedean spiral corridor, three turns (very concave: every inner point is reflex).
  Ring spiral;
  {
    const double a0 = 0.3, growth = 0.1, width = 0.2;  // a turn widens by 0.63 > width: no overlap
    std::vector<XY> inner;
    for (int k = 0; k <= 360; ++k) {
      double t = k * 6 * M_PI / 360, r = a0 + growth * t;
      spiral.push_back({r * std::cos(t), r * std::sin(t)});
      inner.push_back({(r - width) * std::cos(t), (r - width) * std::sin(t)});
    }
    spiral.insert(spiral.end(), inner.rbegin(), inner.rend());
  }
  {
    Polygon p = {spiral};
    Mesh m;
    triangulate({p}, m);
    check_mesh({p}, m, std::fabs(ring_area(spiral)));
    CHECK(triangles_containing(m, {0, 0}) == 0);       // the middle, inside the first turn
    CHECK(triangles_containing(m, {0.62, 0.0}) == 0);  // between the first and second turns
    CHECK(triangles_containing(m, {-0.51, 0.0}) == 1); // in the corridor, half a turn in
  }
}

TEST_CASE("map triangulate: many islands, some with lakes, one with an island in its lake") {
  std::vector<Polygon> polys;
  double expected = 0;
  for (int i = 0; i < 15; ++i)
    for (int j = 0; j < 15; ++j) {
      double x = i * 1.0, y = j * 1.0, s = 0.2 + 0.05 * ((i * 7 + j * 3) % 11);
      Polygon p = {rect(x, y, x + s, y + s, (i + j) % 2 == 0)};
      expected += s * s;
      if ((i * j) % 4 == 1) {
        p.push_back(rect(x + s / 4, y + s / 4, x + s / 2, y + s / 2));
        expected -= s * s / 16;
      }
      polys.push_back(p);
    }
  // An island in a lake in an island: three nested rings under the odd rule.
  polys.push_back({rect(20, 0, 24, 4), rect(21, 1, 23, 3, false), rect(21.5, 1.5, 22.5, 2.5)});
  expected += 16 - 4 + 1;
  Mesh m;
  triangulate(polys, m);
  check_mesh(polys, m, expected, /*pairwise=*/false);  // 230 islands: the sampled points do the overlap check
  CHECK(triangles_containing(m, {22.1, 2.3}) == 1);  // the inner island
  CHECK(triangles_containing(m, {21.2, 2}) == 0);    // the lake around it
}

TEST_CASE("map triangulate: repeated and collinear points, bow-ties and touching corners give no slivers") {
  // A square with repeated corners and points along its edges.
  Ring r = {{0, 0}, {0, 0}, {0.5, 0}, {1, 0}, {1, 0.25}, {1, 0.5}, {1, 0.5}, {1, 1}, {0.5, 1}, {0, 1}, {0, 0.5}};
  Polygon p = {r};
  Mesh m;
  triangulate({p}, m);
  check_mesh({p}, m, 1.0);
  // A bow-tie (self-crossing ring): GLU's combine step splits it into two triangles.
  Polygon bow = {{{0, 0}, {2, 2}, {2, 0}, {0, 2}}};
  Mesh mb;
  triangulate({bow}, mb);
  check_mesh({bow}, mb, 2.0);
  // Two squares touching at one corner, in one polygon.
  Polygon two = {rect(0, 0, 1, 1), rect(1, 1, 2, 2)};
  Mesh mt;
  triangulate({two}, mt);
  check_mesh({two}, mt, 2.0);
  // Nothing in, nothing out; a degenerate ring (all on a line) gives no triangles.
  Mesh me;
  triangulate({}, me);
  CHECK(me.triangles() == 0);
  triangulate({Polygon{{{0, 0}, {1, 1}, {2, 2}}}}, me);
  CHECK(me.triangles() == 0);
}
