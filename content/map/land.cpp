// land.cpp — see land.h.
#include "content/map/land.h"

#include "content/map/detail.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <sstream>

namespace mapgeo {

size_t Land::points() const {
  size_t n = 0;
  for (const auto& p : polygons)
    for (const auto& r : p) n += r.size();
  return n;
}

// ---------------------------------------------------------------------------------------------
// The `land-rings 1` format (documented in assets/map/README.md):
//   land-rings 1                 first line that is not blank or a # comment
//   scale SX SY                  lon = TX + qx * SX, lat = TY + qy * SY
//   translate TX TY
//   P                            a new polygon
//   R qx0 qy0 dx1 dy1 dx2 dy2 …  one ring: first point, then deltas; closed implicitly
// ---------------------------------------------------------------------------------------------

namespace {

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> w;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
    if (j > i) w.push_back(line.substr(i, j - i));
    i = j;
  }
  return w;
}

template <class T>
bool number(std::string_view s, T& v) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

bool parse_rings(const std::string& text, Land& out, std::string& error, int& error_line) {
  out = {};
  bool header = false, have_scale = false, have_translate = false;
  double sx = 0, sy = 0, tx = 0, ty = 0;
  int lineno = 0;
  auto fail = [&](const std::string& what) {
    error = what;
    error_line = lineno;
    return false;
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line(text.data() + pos, nl - pos);
    pos = nl + 1;
    ++lineno;
    auto w = words(line);
    if (w.empty() || w[0][0] == '#') continue;
    if (!header) {
      if (w.size() != 2 || w[0] != "land-rings") return fail("not a land rings file: the first line must be \"land-rings 1\"");
      if (w[1] != "1") return fail("land rings format " + std::string(w[1]) + " is not known to this kiosk-bundle (it reads format 1)");
      header = true;
    } else if (w[0] == "scale" || w[0] == "translate") {
      double a = 0, b = 0;
      if (w.size() != 3 || !number(w[1], a) || !number(w[2], b) || !std::isfinite(a) || !std::isfinite(b))
        return fail(std::string(w[0]) + " needs two numbers");
      if (w[0] == "scale") {
        if (!(a > 0 && b > 0)) return fail("scale must be positive");
        sx = a, sy = b, have_scale = true;
      } else {
        tx = a, ty = b, have_translate = true;
      }
    } else if (w[0] == "P") {
      if (w.size() != 1) return fail("P stands alone on its line");
      out.polygons.emplace_back();
    } else if (w[0] == "R") {
      if (out.polygons.empty()) return fail("a ring (R) before any polygon (P)");
      if (!have_scale || !have_translate) return fail("a ring before the scale and translate lines");
      if (w.size() % 2 != 1) return fail("a ring needs whole x y pairs");
      if (w.size() < 7) return fail("a ring needs at least three points");
      GeoRing ring;
      ring.reserve((w.size() - 1) / 2);
      int64_t qx = 0, qy = 0;
      for (size_t i = 1; i + 1 < w.size(); i += 2) {
        int64_t dx = 0, dy = 0;
        if (!number(w[i], dx) || !number(w[i + 1], dy) || std::llabs(dx) > (1LL << 40) || std::llabs(dy) > (1LL << 40))
          return fail("\"" + std::string(w[i]) + " " + std::string(w[i + 1]) + "\" is not a pair of whole numbers");
        qx += dx, qy += dy;
        double lon = tx + (double)qx * sx, lat = ty + (double)qy * sy;
        if (lon < -180.001 || lon > 180.001 || lat < -90.001 || lat > 90.001)
          return fail("point " + std::to_string(ring.size() + 1) + " of this ring is off the Earth (lon " + std::to_string(lon) +
                      ", lat " + std::to_string(lat) + ")");
        ring.push_back({std::clamp(lon, -180.0, 180.0), std::clamp(lat, -90.0, 90.0)});
      }
      out.polygons.back().push_back(std::move(ring));
    } else {
      return fail("\"" + std::string(w[0]) + "\" is not a line this format has (land-rings, scale, translate, P, R)");
    }
  }
  lineno = 0;
  if (!header) return fail("empty: not a land rings file");
  for (const auto& p : out.polygons)
    if (p.empty()) return fail("a polygon (P) without rings");
  return true;
}

// ---------------------------------------------------------------------------------------------
// Antimeridian and poles.
// ---------------------------------------------------------------------------------------------

namespace {

double wrap180(double d) { return d - 360.0 * std::round(d / 360.0); }

// Sutherland–Hodgman against one vertical line: keeps lon <= x (keep_below) or lon >= x.
GeoRing clip(const GeoRing& in, double x, bool keep_below) {
  GeoRing out;
  auto inside = [&](const LonLat& p) { return keep_below ? p.lon <= x : p.lon >= x; };
  for (size_t i = 0, n = in.size(); i < n; ++i) {
    const LonLat& a = in[(i + n - 1) % n];
    const LonLat& b = in[i];
    bool ia = inside(a), ib = inside(b);
    if (ia != ib) {
      double t = (x - a.lon) / (b.lon - a.lon);
      out.push_back({x, a.lat + t * (b.lat - a.lat)});
    }
    if (ib) out.push_back(b);
  }
  return out;
}

void drop_repeats(GeoRing& r) {
  GeoRing o;
  for (const auto& p : r)
    if (o.empty() || p.lon != o.back().lon || p.lat != o.back().lat) o.push_back(p);
  while (o.size() > 1 && o.front().lon == o.back().lon && o.front().lat == o.back().lat) o.pop_back();
  r = std::move(o);
}

}  // namespace

std::vector<GeoRing> cut_at_antimeridian(const GeoRing& ring) {
  size_t n = ring.size();
  if (n < 3) return {};
  // A ring within 0.01° (about a kilometre) of a pole encloses nothing a map can show; world-atlas
  // 50m has one along -89.999° as a "hole" of Antarctica.
  if (std::all_of(ring.begin(), ring.end(), [](const LonLat& p) { return std::fabs(p.lat) >= 90 - 0.01; })) return {};
  GeoRing u(n);
  u[0] = ring[0];
  double lat_sum = ring[0].lat;
  for (size_t i = 1; i < n; ++i) {
    u[i] = {u[i - 1].lon + wrap180(ring[i].lon - ring[i - 1].lon), ring[i].lat};
    lat_sum += ring[i].lat;
  }
  double total = u[n - 1].lon + wrap180(ring[0].lon - ring[n - 1].lon) - u[0].lon;
  if (std::fabs(total) > 180) {
    // The ring winds round the globe: it encloses a pole. Close it over the nearer one.
    double pole = lat_sum / n < 0 ? -90 : 90;
    double end = u[0].lon + total;
    u.push_back({end, ring[0].lat});
    u.push_back({end, pole});
    u.push_back({u[0].lon, pole});
  }
  double lo = u[0].lon, hi = u[0].lon;
  for (const auto& p : u) lo = std::min(lo, p.lon), hi = std::max(hi, p.lon);
  std::vector<GeoRing> pieces;
  if (lo >= -180 && hi <= 180) {
    drop_repeats(u);
    if (u.size() >= 3) pieces.push_back(std::move(u));
    return pieces;
  }
  for (int k = -2; k <= 2; ++k) {
    double shift = 360.0 * k;
    if (hi + shift <= -180 || lo + shift >= 180) continue;
    GeoRing s = u;
    for (auto& p : s) p.lon += shift;
    s = clip(clip(s, 180, true), -180, false);
    drop_repeats(s);
    if (s.size() >= 3) pieces.push_back(std::move(s));
  }
  return pieces;
}

Polygon project_polygon(const GeoPolygon& p) {
  Polygon out;
  constexpr double kStep = 1.0;  // degrees: edges longer than this get points in between
  for (const GeoRing& ring : p)
    for (const GeoRing& piece : cut_at_antimeridian(ring)) {
      Ring r;
      r.reserve(piece.size());
      for (size_t i = 0, n = piece.size(); i < n; ++i) {
        const LonLat& a = piece[i];
        const LonLat& b = piece[(i + 1) % n];
        r.push_back(project(a.lat, a.lon));
        int steps = (int)std::ceil(std::max(std::fabs(b.lon - a.lon), std::fabs(b.lat - a.lat)) / kStep);
        for (int s = 1; s < steps; ++s) {
          double t = (double)s / steps;
          r.push_back(project(a.lat + t * (b.lat - a.lat), a.lon + t * (b.lon - a.lon)));
        }
      }
      out.push_back(std::move(r));
    }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Simplification.
// ---------------------------------------------------------------------------------------------

namespace {

double segment_distance(const XY& p, const XY& a, const XY& b) {
  double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
  return std::sqrt(ex * ex + ey * ey);
}

}  // namespace

Ring simplify_ring(const Ring& r, double tolerance) {
  size_t n = r.size();
  if (n <= 3 || tolerance <= 0) return r;
  // Anchors: point 0 and the point farthest from it; then Douglas–Peucker on both halves of the
  // closed ring (index n stands for 0 again). An explicit stack: rings have ~10,000 points.
  size_t far = 0;
  double best = -1;
  for (size_t i = 1; i < n; ++i) {
    double d = std::hypot(r[i].x - r[0].x, r[i].y - r[0].y);
    if (d > best) best = d, far = i;
  }
  std::vector<char> keep(n + 1, 0);
  keep[0] = keep[far] = keep[n] = 1;
  std::vector<std::pair<size_t, size_t>> stack = {{0, far}, {far, n}};
  while (!stack.empty()) {
    auto [a, b] = stack.back();
    stack.pop_back();
    if (b - a < 2) continue;
    size_t idx = 0;
    double dmax = -1;
    for (size_t i = a + 1; i < b; ++i) {
      double d = segment_distance(r[i], r[a], r[b % n]);
      if (d > dmax) dmax = d, idx = i;
    }
    if (dmax > tolerance) {
      keep[idx] = 1;
      stack.push_back({a, idx});
      stack.push_back({idx, b});
    }
  }
  Ring out;
  for (size_t i = 0; i < n; ++i)
    if (keep[i]) out.push_back(r[i]);
  if (out.size() < 3) {
    // A sliver: keep the point farthest from the chord so a big-enough ring stays a triangle.
    size_t idx = 0;
    double dmax = -1;
    for (size_t i = 1; i < n; ++i)
      if (i != far) {
        double d = segment_distance(r[i], r[0], r[far]);
        if (d > dmax) dmax = d, idx = i;
      }
    out = idx < far ? Ring{r[0], r[idx], r[far]} : Ring{r[0], r[far], r[idx]};
  }
  return out;
}

LayerOptions LayerOptions::for_lod(int lod) {
  LayerOptions o;
  o.tolerance = lod_tolerance(lod);
  o.min_area = lod_min_area(lod);
  return o;
}

Mesh build_layer(const Land& land, const LayerOptions& options, LayerStats* stats) {
  auto t0 = std::chrono::steady_clock::now();
  LayerStats st;
  st.input_points = land.points();
  std::vector<Polygon> polys;
  for (const GeoPolygon& gp : land.polygons) {
    Polygon poly;
    bool outer_kept = false;
    for (size_t ri = 0; ri < gp.size(); ++ri) {
      for (Ring& piece : project_polygon(GeoPolygon{gp[ri]})) {
        Ring s = simplify_ring(piece, options.tolerance);
        if (s.size() < 3 || std::fabs(ring_area(s)) < options.min_area) {
          ++st.rings_dropped;
          continue;
        }
        if (ri == 0) outer_kept = true;
        st.points_after_simplify += s.size();
        ++st.rings_kept;
        poly.push_back(std::move(s));
      }
      // An island too small to show takes its lakes with it (a lake alone would become land).
      if (ri == 0 && !outer_kept) break;
    }
    if (!outer_kept) continue;
    double signed_sum = 0;
    for (const Ring& r : poly) signed_sum += ring_area(r);
    st.polygon_area += std::fabs(signed_sum);
    polys.push_back(std::move(poly));
  }
  Mesh mesh;
  triangulate(polys, mesh);
  for (size_t t = 0; t < mesh.triangles(); ++t) st.triangle_area += triangle_area(mesh, t);
  st.milliseconds = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (stats) *stats = st;
  return mesh;
}

}  // namespace mapgeo
