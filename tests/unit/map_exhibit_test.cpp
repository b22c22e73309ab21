// map_exhibit_test.cpp — exhibit.toml's [map] table through `kiosk-bundle build`, dump and check.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <sstream>

#include "content/bundle/bundle.h"
#include "content/map/exhibit_map.h"
#include "test_util.h"

namespace {

void append(const std::string& file, const std::string& text) { testutil::write(file, testutil::read(file) + text); }

}  // namespace

TEST_CASE("map exhibit: no [map] table, no layers") {
  testutil::Scratch s("map-none");
  std::string src = testutil::copy_example(s);
  std::ostringstream out, err;
  REQUIRE(curator::build(src, s.path("b.bundle"), out, err) == 0);
  CHECK(bundle::Bundle::open(s.path("b.bundle"))->exhibit().map.empty());
}

TEST_CASE("map exhibit: [map] land by relative path and by bare name becomes layers by lod") {
  testutil::Scratch s("map-build");
  std::string src = testutil::copy_example(s);
  std::string assets = testutil::source_dir() + "/assets/map/";
  append(src + "/exhibit.toml", "\n[map]\nland = [\"" + assets + "land-110m.rings\", \"land-50m\"]\n");
  std::ostringstream out, err;
  REQUIRE_MESSAGE(curator::build(src, s.path("b.bundle"), out, err) == 0, err.str());
  auto b = bundle::Bundle::open(s.path("b.bundle"));
  const auto& layers = b->exhibit().map;
  // Two files, three levels: land-50m also gives the level halfway between the two.
  REQUIRE(layers.size() == 3);
  CHECK(layers[0].name == "land-110m");
  CHECK(layers[0].lod == 0);
  CHECK(layers[1].name == "land-50m-lod1");
  CHECK(layers[1].lod == 1);
  CHECK(layers[2].name == "land-50m");
  CHECK(layers[2].lod == 2);
  CHECK(layers[1].vertex_count > layers[0].vertex_count);
  CHECK(layers[2].vertex_count > layers[1].vertex_count);
  // Halfway in size too, which is what keeps a cross-fade's two levels cheap to draw together.
  CHECK(layers[1].triangle_count < layers[2].triangle_count * 3 / 4);
  std::vector<float> xy;
  std::vector<uint32_t> idx;
  REQUIRE(b->map_geometry("land-110m", xy, idx));
  CHECK((int64_t)xy.size() == 2 * layers[0].vertex_count);
  CHECK((int64_t)idx.size() == 3 * layers[0].triangle_count);
  std::ostringstream dump;
  REQUIRE(curator::dump_json(s.path("b.bundle"), dump, err) == 0);
  auto j = nlohmann::json::parse(dump.str());
  CHECK(j["map"]["layers"][2]["name"] == "land-50m");
  CHECK(j["map"]["layers"][2]["triangles"] == layers[2].triangle_count);
  std::ostringstream chk;
  CHECK(curator::check(s.path("b.bundle"), chk, err) == 0);
  // Same sources, same bytes: the triangulation is deterministic.
  REQUIRE(curator::build(src, s.path("c.bundle"), out, err) == 0);
  CHECK(testutil::read(s.path("b.bundle")) == testutil::read(s.path("c.bundle")));
}

TEST_CASE("map exhibit: [map] mistakes are reported with their line") {
  testutil::Scratch s("map-bad");
  std::string src = testutil::copy_example(s);
  std::string toml = testutil::read(src + "/exhibit.toml");
  int lines = (int)std::count(toml.begin(), toml.end(), '\n');
  testutil::write(s.path("broken.rings"), "land-rings 1\nscale 1 1\ntranslate 0 0\nP\nR 0 0 1\n");
  append(src + "/exhibit.toml", "\n[map]\nland = [\"no-such-land\", \"missing/land.rings\", \"../broken.rings\", 7]\nzoom = 3\n");
  std::ostringstream out, err;
  CHECK(curator::build(src, s.path("b.bundle"), out, err) == 1);
  std::string e = err.str();
  std::string at = src + "/exhibit.toml:" + std::to_string(lines + 3);
  CHECK(e.find(at + ": error: land \"no-such-land\" is not among the installed map files") != std::string::npos);
  CHECK(e.find(at + ": error: land file missing/land.rings not found") != std::string::npos);
  CHECK(e.find("broken.rings:5: error: a ring needs whole x y pairs") != std::string::npos);
  CHECK(e.find(at + ": error: each land entry is a file name") != std::string::npos);
  CHECK(e.find(src + "/exhibit.toml:" + std::to_string(lines + 4) + ": error: [map] has no setting \"zoom\"") != std::string::npos);
}

TEST_CASE("map exhibit: a file listed twice, or one whose name a halfway level would take, is refused") {
  testutil::Scratch s("map-names");
  std::string src = testutil::copy_example(s);
  std::string assets = testutil::source_dir() + "/assets/map/";
  {
    append(src + "/exhibit.toml", "\n[map]\nland = [\"land-110m\", \"land-110m\"]\n");
    std::ostringstream out, err;
    CHECK(curator::build(src, s.path("b.bundle"), out, err) == 1);
    CHECK(err.str().find("error: land layer \"land-110m\" is listed twice") != std::string::npos);
  }
  // More files than a map has levels for (each after the first makes two).
  {
    std::string toml = testutil::read(src + "/exhibit.toml");
    toml = toml.substr(0, toml.rfind("\n[map]")) + "\n[map]\nland = [\"a\", \"b\", \"c\", \"d\", \"e\"]\n";
    testutil::write(src + "/exhibit.toml", toml);
    std::ostringstream out, err;
    CHECK(curator::build(src, s.path("b.bundle"), out, err) == 1);
    CHECK_MESSAGE(err.str().find("error: land lists 5 files; at most 4 (each after the first makes two levels of detail") != std::string::npos,
                  err.str());
  }
  // land-50m's halfway level is "land-50m-lod1": a file of that name before it would be shadowed.
  testutil::write(s.path("land-50m-lod1.rings"), testutil::read(assets + "land-110m.rings"));
  std::string toml = testutil::read(src + "/exhibit.toml");
  toml = toml.substr(0, toml.rfind("\n[map]")) + "\n[map]\nland = [\"../land-50m-lod1.rings\", \"land-50m\"]\n";
  testutil::write(src + "/exhibit.toml", toml);
  const long line = std::count(toml.begin(), toml.begin() + (long)toml.find("land = ["), '\n') + 1;
  std::ostringstream out, err;
  CHECK(curator::build(src, s.path("c.bundle"), out, err) == 1);
  CHECK_MESSAGE(err.str().find("exhibit.toml:" + std::to_string(line) +
                                ": error: land \"land-50m\" would make a layer \"land-50m-lod1\", the name of a layer made before it") !=
                    std::string::npos,
                err.str());
}

TEST_CASE("map exhibit: validate catches broken geometry") {
  std::map<std::string, bundle::MapGeometry> layers;
  layers["ok"] = {0, {0, 0, 1, 0, 0, 1}, {0, 1, 2}};
  CHECK(mapgeo::validate_map(layers).empty());
  layers["bad-index"] = {1, {0, 0, 1, 0, 0, 1}, {0, 1, 3}};
  layers["off-map"] = {2, {0, 0, 9, 0, 0, 1}, {0, 1, 2}};
  layers["partial"] = {3, {0, 0, 1, 0, 0, 1}, {0, 1}};
  auto p = mapgeo::validate_map(layers);
  CHECK(p.size() == 3);
}
