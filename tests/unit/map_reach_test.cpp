// map_reach_test.cpp — every place of every sample exhibit can be opened from the map in at most
// three taps (issue 12: places closer than the deepest zoom separates, such as Coyoacán's houses,
// formed a cluster whose cards could never be opened). Plays the map's own marker, cluster and
// camera logic (kiosk/ui/map_view) and its layout (screens::map_frame: view, list grid) from the
// journey's view, at the four panel sizes. kiosk.map_list* tours tap the same way in the app.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "content/curator/source.h"
#include "content/map/projection.h"
#include "kiosk/screens/context.h"
#include "kiosk/ui/map_view.h"
#include "kiosk/ui/theme.h"
#include "test_util.h"

namespace {

struct Panel {
  int w, h;
  float mm_w, mm_h;
};

// What a visitor's taps do to reach place `want`; returns the taps used, or 99 when it cannot be
// reached at all. `list_max` records the longest list opened.
int taps_to_open(const std::vector<ui::WorldPoint>& world, const std::vector<int>& prio, const std::vector<ui::WorldPoint>& journey,
                 int want, const ui::Theme& th, const screens::MapFrame& frame, size_t& list_max) {
  // The map's own layout (screens::map_frame): its view, the list's grid.
  const float target = (float)th.target();
  const float vw = frame.view.w, vh = frame.view.h;
  const double half_w = mapgeo::kMaxX, half_h = mapgeo::max_y();
  const double min_s = ui::fit_scale(half_w, half_h, vw, vh) * 0.9, max_s = min_s * 24;
  ui::Camera cam = ui::fit_points(journey, vw, vh);
  cam.clamp(min_s, max_s, half_w, frame.camera_half_h, vw, vh);
  bool zoomed = false;
  for (int taps = 1; taps <= 8; ++taps) {
    ui::PlaceMarkers pm = ui::place_markers(world, prio, cam, vw, vh, target, (float)th.mm(1.6f));
    const ui::Marker* mine = nullptr;
    for (const auto& mk : pm.markers)
      for (int k : mk.members)
        if (pm.point[k] == want) mine = &mk;
    if (!mine) return 99;                       // not on the map at all
    if (mine->members.size() == 1) return taps;  // its own marker: the card opens
    std::vector<ui::WorldPoint> members;
    for (int k : mine->members) members.push_back(world[pm.point[k]]);
    const size_t capacity = frame.list_capacity();
    ui::ClusterOpen open = ui::open_cluster(members, cam, vw, vh, target, min_s, max_s, half_w, half_h, zoomed, capacity);
    if (open.list) {
      const std::string fits = "a list of " + std::to_string(members.size()) + " where " + std::to_string(capacity) + " fit";
      CHECK_MESSAGE(members.size() <= capacity, fits);
      list_max = std::max(list_max, members.size());
      return taps + 1;  // its name in the list
    }
    cam = open.to;
    zoomed = true;
  }
  return 99;
}

}  // namespace

TEST_CASE("map: every place of every sample exhibit opens in at most three taps at every size") {
  const Panel panels[] = {{800, 480, 154, 86}, {1280, 800, 217, 136}, {1920, 1080, 344, 194}, {1080, 1920, 194, 344}};
  int exhibits = 0;
  for (const auto& dir : std::filesystem::directory_iterator(testutil::source_dir() + "/content")) {
    if (!std::filesystem::exists(dir.path() / "exhibit.toml")) continue;
    curator::Diagnostics diag;
    bundle::Contents c = curator::read_exhibit(dir.path().string(), diag);
    REQUIRE_MESSAGE(diag.ok(), (diag.errors.empty() ? "" : diag.errors[0]));
    const auto& ex = c.exhibit;
    ++exhibits;
    std::vector<ui::WorldPoint> world, journey;
    std::vector<int> prio;
    for (const auto& p : ex.places) {
      auto xy = mapgeo::project(p.lat, p.lon);
      world.push_back({xy.x, xy.y});
      prio.push_back(p.priority);
    }
    for (const auto& s : ex.journey)
      for (size_t i = 0; i < ex.places.size(); ++i)
        if (ex.places[i].id == s.place) journey.push_back(world[i]);
    for (const Panel& pn : panels) {
      ui::Theme th = ui::Theme::for_screen(pn.w, pn.h, pn.mm_w, pn.mm_h);
      size_t list_max = 0;
      int worst = 0, over = 0;
      for (size_t i = 0; i < ex.places.size(); ++i) {
        int taps = taps_to_open(world, prio, journey, (int)i, th, screens::map_frame(th, ex), list_max);
        CAPTURE(dir.path().filename().string());
        CAPTURE(pn.w);
        CAPTURE(pn.h);
        const std::string what = ex.places[i].id + " takes " + std::to_string(taps) + " taps";
        // On the 7" 800x480 panel the map is three targets tall: a cluster there zooms once, and
        // what still crowds is listed in three columns (up to nine names) rather than zoomed again.
        CHECK_MESSAGE(taps <= 3, what);
        worst = std::max(worst, taps);
        over += taps > 3;
      }
      const std::string summary = dir.path().filename().string() + " " + std::to_string(pn.w) + "x" + std::to_string(pn.h) +
                                  ": " + std::to_string(ex.places.size()) + " places, worst " + std::to_string(worst) +
                                  " taps (" + std::to_string(over) + " need more than 3), longest list " + std::to_string(list_max);
      MESSAGE(summary);
    }
  }
  CHECK(exhibits >= 2);
}
