// map_view_test.cpp — the map's camera, marker hit targets and labels, and the timeline.
#include <doctest/doctest.h>

#include <random>

#include "content/map/detail.h"
#include "kiosk/ui/map_view.h"

TEST_CASE("map view: zooming keeps the point under the fingers in place") {
  ui::Camera cam;
  cam.cx = 0.3, cam.cy = 0.5, cam.scale = 400;
  double wx, wy;
  cam.to_world(700, 200, wx, wy, 1920, 1080);
  cam.zoom_about(700, 200, 2.5, 1920, 1080);
  float sx, sy;
  cam.to_screen(wx, wy, sx, sy, 1920, 1080);
  CHECK(sx == doctest::Approx(700).epsilon(1e-4));
  CHECK(sy == doctest::Approx(200).epsilon(1e-4));
  CHECK(cam.scale == doctest::Approx(1000));
}

TEST_CASE("map view: the camera stays within the world and its zoom bounds") {
  ui::Camera cam;
  double fit = ui::fit_scale(2.7354, 1.4224, 1920, 960);
  cam.scale = fit * 100;
  cam.cx = 50;
  cam.clamp(fit, fit * 20, 2.7354, 1.4224, 1920, 960);
  CHECK(cam.scale == doctest::Approx(fit * 20));
  CHECK(cam.cx + 960 / cam.scale <= doctest::Approx(2.7354));  // the right edge of the view is still on the map
  cam.scale = fit / 10;
  cam.clamp(fit, fit * 20, 2.7354, 1.4224, 1920, 960);
  CHECK(cam.scale == doctest::Approx(fit));
  CHECK(cam.cx == doctest::Approx(0));
}

TEST_CASE("map view: a fling coasts and stops") {
  ui::Camera cam;
  cam.scale = 100;
  cam.vx = 1000;
  cam.last_ms = 0;
  uint64_t t = 0;
  int frames = 0;
  while (cam.coast(t += 16) && frames < 1000) ++frames;
  CHECK(frames > 10);
  CHECK(frames < 300);
  CHECK(cam.cx < -1.0);  // moved against the finger's direction in world units (content follows it)
}

TEST_CASE("map view: levels of detail cross-fade one step at a time, instead of switching") {
  using mapgeo::detail_at;
  // No land, or one level: that level, never a fade.
  CHECK(detail_at(5.0, 0).lower == 0);
  CHECK(detail_at(5.0, 1).lower == 0);
  CHECK(detail_at(5.0, 1).upper == 0.f);
  // Three levels (land-110m; land-50m halfway; land-50m): 0 until 2.2, fading to 1 until 3.0,
  // 1 until 4.4, fading to 2 until 6.0, then 2 however far in.
  CHECK(detail_at(1.0, 3).lower == 0);
  CHECK(detail_at(1.0, 3).upper == 0.f);
  CHECK(detail_at(2.6, 3).lower == 0);
  CHECK(detail_at(2.6, 3).upper == doctest::Approx(0.5));
  CHECK(detail_at(3.5, 3).lower == 1);
  CHECK(detail_at(3.5, 3).upper == 0.f);
  CHECK(detail_at(5.2, 3).lower == 1);
  CHECK(detail_at(5.2, 3).upper == doctest::Approx(0.5));
  CHECK(detail_at(20.0, 3).lower == 2);
  CHECK(detail_at(20.0, 3).upper == 0.f);
  // Continuous: a zoom never jumps a level, and what is on screen changes little per step.
  double prev = 0;
  for (double z = 0.5; z < 30; z *= 1.01) {
    const auto m = detail_at(z, 3);
    const double shown = m.lower + m.upper;  // 1.5 = level 1 with level 2 half faded in
    CHECK(shown >= prev);
    CHECK(shown - prev < 0.1);
    prev = shown;
  }
  CHECK(prev == doctest::Approx(2.0));
}

TEST_CASE("map view: each level of detail is simplified twice as finely as the last") {
  CHECK(mapgeo::lod_tolerance(0) == doctest::Approx(0.0015));
  CHECK(mapgeo::lod_tolerance(2) == doctest::Approx(0.0015 / 4));
  CHECK(mapgeo::lod_min_area(2) == doctest::Approx(1e-5 / 16));
  CHECK(mapgeo::first_lod_of_file(0) == 0);
  CHECK(mapgeo::last_lod_of_file(0) == 0);
  CHECK(mapgeo::first_lod_of_file(1) == 1);
  CHECK(mapgeo::last_lod_of_file(1) == 2);
  CHECK(mapgeo::first_lod_of_file(2) == 3);
}

TEST_CASE("map view: crowded markers cluster so every target keeps its size") {
  std::vector<ui::MarkerInput> in = {{100, 100, 2, 60, 20}, {110, 105, 1, 60, 20}, {400, 300, 2, 60, 20}};
  auto out = ui::layout_markers(in, 84, 9, 1920, 1080);
  REQUIRE(out.size() == 2);
  // The most important place anchors the cluster.
  CHECK(out[0].members.size() == 2);
  CHECK(out[0].members[0] == 1);
  CHECK(out[0].x == 110);
  CHECK_FALSE(out[0].label);
  CHECK(out[1].members.size() == 1);
  CHECK(out[1].label);
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = i + 1; j < out.size(); ++j) CHECK(std::hypot(out[i].x - out[j].x, out[i].y - out[j].y) >= 84);
}

TEST_CASE("map view: labels never overlap each other or markers, at any zoom") {
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(0, 1);
  std::vector<std::pair<float, float>> world;
  for (int i = 0; i < 40; ++i) world.push_back({u(rng), u(rng)});
  for (float zoom : {300.f, 600.f, 1200.f, 2400.f, 4800.f}) {
    std::vector<ui::MarkerInput> in;
    for (auto [x, y] : world) in.push_back({x * zoom, y * zoom, 1 + (int)(x * 3) % 3, 120, 22});
    auto out = ui::layout_markers(in, 84, 9, 1920, 1080);
    struct B {
      float x0, y0, x1, y1;
    };
    std::vector<B> boxes;
    for (const auto& m : out) {
      if (!m.label) continue;
      const auto& mi = in[m.members[0]];
      B b{m.lx, m.ly, m.lx + mi.label_w, m.ly + mi.label_h};
      CHECK(b.x0 >= 0);
      CHECK(b.x1 <= 1920);
      CHECK(b.y0 >= 0);
      CHECK(b.y1 <= 1080);
      for (const auto& o : boxes) CHECK_FALSE((b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1));
      for (const auto& other : out) {
        bool hits_marker = other.x + 9 > b.x0 && other.x - 9 < b.x1 && other.y + 9 > b.y0 && other.y - 9 < b.y1;
        CHECK_FALSE(hits_marker);
      }
      boxes.push_back(b);
    }
    size_t members = 0;
    for (const auto& m : out) members += m.members.size();
    CHECK(members == in.size());  // every place is somewhere: alone or in a cluster
  }
}

TEST_CASE("map view: the timeline maps a year to the stay in effect") {
  CHECK(ui::year_of("1929") == doctest::Approx(1929.0));
  CHECK(ui::year_of("1929-07") == doctest::Approx(1929.5));
  CHECK(ui::year_of("1940-08-21") > ui::year_of("1940-08"));
  std::vector<double> starts = {ui::year_of("1879-11-07"), ui::year_of("1888"), ui::year_of("1929-02"), ui::year_of("1937-01")};
  CHECK(ui::stay_at(starts, 1879.0) == 0);  // before the first stay: the first
  CHECK(ui::stay_at(starts, 1900.0) == 1);
  CHECK(ui::stay_at(starts, 1929.2) == 2);
  CHECK(ui::stay_at(starts, 1940.9) == 3);
}
