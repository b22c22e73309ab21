// map_projection_test.cpp — Natural Earth I against published and independently computed values.
//
// Where the reference numbers come from:
//  * PROJ's own regression test for natearth (test/gie/builtins.gie, converted from the selftest of
//    PJ_natearth.c): `+proj=natearth +a=6400000`, forward (2°, 1°) -> (194507.265257889,
//    112508.737358295) m; inverse (200 m, 100 m) -> (0.002056383495864, 0.000888823913291)°.
//  * PROJ 9.1.1 (Debian bookworm's proj-bin), `proj -f %.12f +proj=natearth +R=1`, for points
//    of the journey and the map's corners, printed to 12 decimals (listed below as lon lat -> x y).
#include <doctest/doctest.h>

#include <cmath>

#include "content/map/projection.h"

using mapgeo::project;
using mapgeo::unproject;

TEST_CASE("map projection: PROJ's natearth regression values (+a=6400000)") {
  const double R = 6400000;
  struct Case {
    double lon, lat, x, y;
  } cases[] = {{2, 1, 194507.265257889, 112508.737358295},
               {2, -1, 194507.265257889, -112508.737358295},
               {-2, 1, -194507.265257889, 112508.737358295},
               {-2, -1, -194507.265257889, -112508.737358295}};
  for (const auto& c : cases) {
    auto p = project(c.lat, c.lon);
    CHECK(std::fabs(p.x * R - c.x) < 1e-4);  // PROJ's tolerance for this test: 0.1 mm
    CHECK(std::fabs(p.y * R - c.y) < 1e-4);
  }
  double lat = 0, lon = 0;
  REQUIRE(unproject(200 / R, 100 / R, lat, lon));
  CHECK(std::fabs(lon - 0.002056383495864) < 1e-12);
  CHECK(std::fabs(lat - 0.000888823913291) < 1e-12);
}

TEST_CASE("map projection: PROJ 9.1.1 values on the unit sphere") {
  struct Case {
    const char* what;
    double lon, lat, x, y;
  } cases[] = {
      {"2E 1N", 2, 1, 0.030391760197, 0.017579490212},
      {"Coyoacan", -99.1625, 19.3550, -1.480554572273, 0.340810279862},
      {"Siberia 105E 54N", 105.0, 54.0, 1.363508613466, 0.946397460108},
      {"Yanovka-ish 32E 47N", 32.0, 47.0, 0.433429625165, 0.827629638744},
      {"north pole", 0, 90, 0.0, 1.422390506731},
      {"pole corner", 180, 90, 1.505556392017, 1.422390506731},
      {"south pole corner", -180, -90, -1.505556392017, -1.422390506731},
      {"equator at 180", 180, 0, 2.735384723481, 0.0},
      {"150W 60S", -150, -60, -1.866688779566, -1.044570265185},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    auto p = project(c.lat, c.lon);
    CHECK(std::fabs(p.x - c.x) < 1e-11);
    CHECK(std::fabs(p.y - c.y) < 1e-11);
  }
  CHECK(std::fabs(mapgeo::kMaxX - 2.735384723481) < 1e-11);
  CHECK(std::fabs(mapgeo::max_y() - 1.422390506731) < 1e-11);
  CHECK(std::fabs(mapgeo::pole_half_width() - 1.505556392017) < 1e-11);
  // Inverse, from PROJ 9.1.1's invproj on the unit sphere.
  double lat = 0, lon = 0;
  REQUIRE(unproject(-2.0, -1.2, lat, lon));
  CHECK(std::fabs(lon - -174.936015072815) < 1e-9);
  CHECK(std::fabs(lat - -70.072828948403) < 1e-9);
}

TEST_CASE("map projection: the inverse undoes the forward everywhere, and refuses points off the map") {
  for (double lat = -90; lat <= 90; lat += 7.5)
    for (double lon = -180; lon <= 180; lon += 15) {
      auto p = project(lat, lon);
      double la = 0, lo = 0;
      REQUIRE(unproject(p.x, p.y, la, lo));
      CHECK(std::fabs(la - lat) < 1e-9);
      if (std::fabs(lat) < 90) CHECK(std::fabs(lo - lon) < 1e-9);
    }
  double la = 7, lo = 7;
  CHECK_FALSE(unproject(0, 1.5, la, lo));      // above the north pole line
  CHECK_FALSE(unproject(2.7, 1.0, la, lo));    // beyond the curved edge at 55°N
  CHECK(la == 7);
  CHECK(lo == 7);
  // y grows north, x grows east; the projection is symmetric.
  CHECK(project(10, 20).y > 0);
  CHECK(project(10, 20).x > 0);
  CHECK(project(-10, -20).x == doctest::Approx(-project(10, 20).x));
}
