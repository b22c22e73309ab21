// map_land_test.cpp — the land files, the antimeridian, the poles, and the real layers.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "content/map/land.h"
#include "test_util.h"

using namespace mapgeo;

namespace {

Land load(const std::string& name) {
  Land land;
  std::string err;
  int line = 0;
  bool ok = parse_rings(testutil::read(testutil::source_dir() + "/assets/map/" + name + ".rings"), land, err, line);
  INFO(name << ": line " << line << ": " << err);
  REQUIRE(ok);
  return land;
}

double pieces_area(const std::vector<GeoRing>& pieces) {
  double a = 0;
  for (const auto& g : pieces) {
    Ring r;
    for (const auto& p : g) r.push_back({p.lon, p.lat});
    a += std::fabs(ring_area(r));
  }
  return a;
}

bool land_at(const Mesh& m, double lat, double lon) { return triangles_containing(m, project(lat, lon)) == 1; }

}  // namespace

TEST_CASE("map land: the rings format, and its mistakes by line") {
  Land land;
  std::string err;
  int line = -1;
  REQUIRE(parse_rings("land-rings 1\n# a comment\nscale 0.5 0.25\ntranslate -10 20\nP\nR 0 0 4 0 0 8\nR 1 1 1 0 0 1\n\nP\nR 2 2 2 0 0 2\n",
                      land, err, line));
  REQUIRE(land.polygons.size() == 2);
  REQUIRE(land.polygons[0].size() == 2);
  CHECK(land.points() == 9);
  CHECK(land.polygons[0][0][1].lon == -8.0);  // -10 + 4 * 0.5
  CHECK(land.polygons[0][0][2].lat == 22.0);  // 20 + 8 * 0.25
  CHECK(land.polygons[0][1][0].lon == -9.5);

  struct Bad {
    const char* text;
    int line;
    const char* says;
  } bad[] = {
      {"{\"type\":\"Topology\"}\n", 1, "first line"},
      {"land-rings 2\n", 1, "format 2"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nR 0 0 1 0 0 1\n", 4, "before any polygon"},
      {"land-rings 1\nP\nR 0 0 1 0 0 1\n", 3, "scale and translate"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nP\nR 0 0 1 0 0\n", 5, "whole x y pairs"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nP\nR 0 0 1 0\n", 5, "three points"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nP\nR 0 0 1 x 0 1\n", 5, "whole numbers"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nP\nR 0 0 1 0 0 91\n", 5, "off the Earth"},
      {"land-rings 1\nscale 0 1\n", 2, "positive"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nQ\n", 4, "not a line"},
      {"land-rings 1\nscale 1 1\ntranslate 0 0\nP\n", 0, "without rings"},
      {"", 0, "empty"},
  };
  for (const auto& b : bad) {
    CAPTURE(b.text);
    CHECK_FALSE(parse_rings(b.text, land, err, line));
    CHECK(line == b.line);
    CHECK(err.find(b.says) != std::string::npos);
  }
}

TEST_CASE("map land: a ring across the antimeridian is cut into pieces on both sides") {
  // A 20° x 10° box from 170°E to 170°W, written the way world-atlas writes Chukotka: crossing.
  GeoRing box = {{170, 60}, {-170, 60}, {-170, 70}, {170, 70}};
  auto pieces = cut_at_antimeridian(box);
  REQUIRE(pieces.size() == 2);
  CHECK(pieces_area(pieces) == doctest::Approx(200.0));
  for (const auto& p : pieces) {
    bool east = std::all_of(p.begin(), p.end(), [](const LonLat& q) { return q.lon >= 170 && q.lon <= 180; });
    bool west = std::all_of(p.begin(), p.end(), [](const LonLat& q) { return q.lon >= -180 && q.lon <= -170; });
    CHECK((east || west));
  }
  // Through the pipeline: two triangle groups at the map's two edges, none spanning the map.
  Land land;
  land.polygons = {{box}};
  LayerStats st;
  Mesh m = build_layer(land, LayerOptions::for_lod(1), &st);
  CHECK(st.triangle_area == doctest::Approx(st.polygon_area).epsilon(0.001));
  CHECK(land_at(m, 65, 175));
  CHECK(land_at(m, 65, -175));
  CHECK_FALSE(land_at(m, 65, 0));
  for (size_t t = 0; t < m.triangles(); ++t) {
    float lo = 1e9f, hi = -1e9f;
    for (int k = 0; k < 3; ++k) lo = std::min(lo, m.xy[2 * m.indices[3 * t + k]]), hi = std::max(hi, m.xy[2 * m.indices[3 * t + k]]);
    CHECK(hi - lo < 1.0f);
  }
  // A ring already cut at 180 (Natural Earth's own way) is left as it is.
  GeoRing east = {{170, 60}, {180, 60}, {180, 70}, {170, 70}};
  auto same = cut_at_antimeridian(east);
  REQUIRE(same.size() == 1);
  CHECK(pieces_area(same) == doctest::Approx(100.0));
  // Points written as -180 beside 180 are the same meridian: no cut, no jump.
  GeoRing both = {{170, 60}, {180, 60}, {-180, 65}, {180, 70}, {170, 70}};
  CHECK(cut_at_antimeridian(both).size() == 1);
}

TEST_CASE("map land: a ring round a pole is closed over that pole; a ring on the pole is dropped") {
  // Antarctica as world-atlas has it: a coast that goes once round the globe, no pole points.
  GeoRing coast;
  for (int lon = -180; lon < 180; lon += 10) coast.push_back({(double)lon, -70.0 + (lon % 20 ? 1 : 0)});
  auto pieces = cut_at_antimeridian(coast);
  REQUIRE(pieces.size() == 1);
  CHECK(pieces_area(pieces) == doctest::Approx(360.0 * 20.5));  // down to -90 from a coast zigzagging -70/-69
  CHECK(std::any_of(pieces[0].begin(), pieces[0].end(), [](const LonLat& p) { return p.lat == -90; }));
  // Starting elsewhere than at -180: cut at ±180 into two pieces of the same total.
  std::rotate(coast.begin(), coast.begin() + 7, coast.end());
  CHECK(pieces_area(cut_at_antimeridian(coast)) == doctest::Approx(360.0 * 20.5));
  // Arctic: the same round the north pole.
  GeoRing arctic = {{-180, 80}, {-60, 80}, {60, 80}};
  auto north = cut_at_antimeridian(arctic);
  REQUIRE(!north.empty());
  CHECK(pieces_area(north) == doctest::Approx(360.0 * 10));
  // world-atlas 50m carries a zero-area "hole" along -89.999°: nothing comes of it.
  GeoRing pole = {{-180, -89.999}, {-60, -89.999}, {60, -89.999}, {170, -89.999}};
  GeoRing on_pole = {{-180, -90}, {0, -90}, {90, -90}};
  CHECK(cut_at_antimeridian(on_pole).empty());
  CHECK(cut_at_antimeridian(pole).empty());
}

TEST_CASE("map land: simplification keeps the outline within its tolerance") {
  Ring circle;
  for (int k = 0; k < 1000; ++k) circle.push_back({std::cos(k * 2 * M_PI / 1000), std::sin(k * 2 * M_PI / 1000)});
  Ring s = simplify_ring(circle, 0.001);
  CHECK(s.size() < 200);  // the optimum for 0.001 is ~70; Douglas–Peucker is not optimal
  CHECK(s.size() > 20);
  CHECK(std::fabs(ring_area(s) - M_PI) < 0.01);
  CHECK(simplify_ring(circle, 10).size() == 3);  // never fewer than three points
  Ring tri = {{0, 0}, {1, 0}, {0, 1}};
  CHECK(simplify_ring(tri, 10).size() == 3);
}

TEST_CASE("map land: the real layers (Natural Earth 110m and 50m from world-atlas 2.0.2)") {
  struct Layer {
    std::string name;
    int lod;
    size_t polygons;
  } layers[] = {{"land-110m", 0, 125}, {"land-50m", 1, 1419}, {"land-50m", 2, 1419}};
  for (const auto& l : layers) {
    CAPTURE(l.name);
    Land land = load(l.name);
    CHECK(land.polygons.size() == l.polygons);
    LayerStats st;
    Mesh m = build_layer(land, LayerOptions::for_lod(l.lod), &st);
    MESSAGE(l.name << " (lod " << l.lod << "): " << st.input_points << " points in, " << st.points_after_simplify
                   << " after simplifying, " << st.rings_kept << " rings kept, " << st.rings_dropped << " dropped; "
                   << m.vertices() << " vertices, " << m.triangles() << " triangles, "
                   << (m.xy.size() * 4 + m.indices.size() * 4) / 1024 << " KiB raw, " << st.milliseconds << " ms");
    REQUIRE(m.triangles() > 1000);
    // Area of the triangles = area of the polygons they were made from, within 0.1%.
    CHECK(std::fabs(st.triangle_area - st.polygon_area) <= 0.001 * st.polygon_area);
    // Land is about 29% of the Earth; Natural Earth I is not equal-area, and Antarctica is
    // stretched, so expect somewhat more of the map's ~13.1 square units: just a sanity band.
    CHECK(st.triangle_area > 3.0);
    CHECK(st.triangle_area < 5.5);
    // A triangle across more than half the map's width is an antimeridian mistake, except in
    // Antarctica, the one land that goes all the way round (south of 60°S).
    const double half = kMaxX, south = project(-60, 0).y;
    size_t slivers = 0, wide = 0;
    for (size_t t = 0; t < m.triangles(); ++t) {
      if (triangle_area(m, t) <= kMinTriangleArea) ++slivers;
      float lo = 1e9f, hi = -1e9f, top = -1e9f;
      for (int k = 0; k < 3; ++k) {
        uint32_t v = m.indices[3 * t + k];
        lo = std::min(lo, m.xy[2 * v]), hi = std::max(hi, m.xy[2 * v]), top = std::max(top, m.xy[2 * v + 1]);
      }
      if (hi - lo > half && top > south) ++wide;
    }
    CHECK(slivers == 0);
    CHECK(wide == 0);
    for (size_t i = 0; i < m.xy.size(); i += 2) {
      REQUIRE(std::fabs(m.xy[i]) <= kMaxX * 1.0001);
      REQUIRE(std::fabs(m.xy[i + 1]) <= max_y() * 1.0001);
    }
    // Places of the journey are on land; seas and the Caspian (a hole in Eurasia) are not.
    CHECK(land_at(m, 19.35, -99.16));    // Coyoacán
    CHECK(land_at(m, 54.1, 105.0));      // Verkholensk region, Siberia
    CHECK(land_at(m, 43.25, 76.9));      // Alma-Ata
    CHECK(land_at(m, 46.9, 32.0));       // near Yanovka
    CHECK(land_at(m, 59.9, 10.75));      // Oslo region
    CHECK(land_at(m, -89.0, 0.0));       // Antarctica, down to the pole
    CHECK(land_at(m, -85.0, 120.0));
    CHECK(land_at(m, 66.0, 175.0));      // Chukotka west of 180°
    CHECK(land_at(m, 66.0, -175.0));     // Chukotka east of 180°
    CHECK(land_at(m, -17.8, 178.0));     // Viti Levu, Fiji
    CHECK_FALSE(land_at(m, 42.0, 50.5)); // the Caspian Sea
    CHECK_FALSE(land_at(m, 25.0, -90.0));   // Gulf of Mexico
    CHECK_FALSE(land_at(m, 0.0, -150.0));   // Pacific
    CHECK_FALSE(land_at(m, 40.0, -40.0));   // Atlantic
    for (double lat : {-50.0, -30.0, 0.0, 30.0, 50.0, 58.0})  // along the antimeridian, open sea
      for (double lon : {-179.9, 179.9}) {
        CAPTURE(lat);
        CAPTURE(lon);
        CHECK_FALSE(land_at(m, lat, lon));
      }
  }
}
