// room_picture_test.cpp — the pictures kiosk-bundle draws for rooms (content/curator/room_picture.h):
// every room of both exhibits gets one with alt texts in every language, a curator's picture wins,
// rebuilds are byte-identical, the map frames all of a room's places away from the edge, and no
// label overlaps another label or a marker. Also the locator geometry on its own (content/map/locator.h).
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <stb_image.h>

#include <memory>

#include "content/curator/room_picture.h"
#include "content/curator/source.h"
#include "content/map/locator.h"
#include "content/map/palette.h"
#include "kiosk/ui/theme.h"
#include "test_util.h"

using namespace testutil;
using json = nlohmann::json;

bool make_test_png(const std::string& path, int w, int h);  // png_fixture.cpp

namespace {

// The sources of an exhibit, read once (fonts and triangulated land included).
const bundle::Contents& contents_of(const std::string& which) {
  static std::map<std::string, std::unique_ptr<bundle::Contents>> cache;
  auto& slot = cache[which];
  if (!slot) {
    curator::Diagnostics diag;
    slot = std::make_unique<bundle::Contents>(curator::read_exhibit(source_dir() + "/content/" + which, diag));
    REQUIRE_MESSAGE(diag.ok(), diag.errors.front());
  }
  return *slot;
}

json dump_of(const std::string& file) {
  auto d = dump(file);
  REQUIRE(d.code == 0);
  return json::parse(d.out);
}

struct Pixels {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
  explicit Pixels(const std::vector<uint8_t>& png) {
    int n = 0;
    px.reset(stbi_load_from_memory(png.data(), (int)png.size(), &w, &h, &n, 3));
  }
  mapgeo::colours::Rgb at(double x, double y) const {
    const unsigned char* p = px.get() + ((size_t)(int)y * w + (int)x) * 3;
    return {p[0], p[1], p[2]};
  }
};

bool same(mapgeo::colours::Rgb a, mapgeo::colours::Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

}  // namespace

TEST_CASE("room pictures: every room of both exhibits gets one, with alt text in every language") {
  for (const char* which : {"exhibit", "example"}) {
    INFO(which);
    Scratch s(std::string("pictures-") + which);
    auto r = build(source_dir() + "/content/" + which, s.path("x.bundle"));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(check(s.path("x.bundle")).code == 0);
    json j = dump_of(s.path("x.bundle"));
    std::map<std::string, json> media;
    for (const auto& m : j["media"]) media[m["id"]] = m;
    std::map<std::string, json> places;
    for (const auto& p : j["places"]) places[p["id"]] = p;
    REQUIRE(j["rooms"].size() > 0);
    for (const auto& room : j["rooms"]) {
      INFO(room["id"].get<std::string>());
      REQUIRE(room.contains("image"));
      std::string id = room["image"]["media"];
      CHECK(id == "generated/" + room["id"].get<std::string>() + ".png");
      REQUIRE(media.count(id));
      CHECK(media[id]["mime"] == "image/png");
      CHECK(media[id]["width"].get<int>() <= 2048);
      CHECK(media[id]["height"].get<int>() <= 2048);
      for (const auto& lang : j["meta"]["languages"]) {
        std::string alt = room["image"]["alt"][lang.get<std::string>()];
        std::string map_word = j["strings"]["picture.alt.map"][lang.get<std::string>()];
        // The alt text starts with the exhibit's own word for "Map" and names every place, in order.
        CHECK(alt.rfind(map_word.substr(0, map_word.find("{places}")), 0) == 0);
        size_t at = 0;
        for (const auto& pl : room["places"]) {
          std::string name = places[pl.get<std::string>()]["name"][lang.get<std::string>()];
          size_t found = alt.find(name, at);
          CHECK_MESSAGE(found != std::string::npos, name);
          if (found != std::string::npos) at = found + name.size();
        }
        CHECK(alt.find('{') == std::string::npos);  // every placeholder filled
        CHECK_FALSE(room["image"]["caption"][lang.get<std::string>()].get<std::string>().empty());
        CHECK_FALSE(room["image"]["credit"][lang.get<std::string>()].get<std::string>().empty());
      }
    }
  }
}

TEST_CASE("room pictures: the alt text is made of the exhibit's words and the room's data") {
  const auto& c = contents_of("exhibit");
  const bundle::Room* room = c.exhibit.room("coyoacan");
  REQUIRE(room);
  CHECK(curator::room_picture_alt(*room, c.exhibit, "en").rfind("Map: Tampico, Coyoacán (Mexico City), Moscow, Paris. Timeline: the years 1937–1940 in his life (1879–1940)", 0) == 0);
  CHECK(curator::room_picture_alt(*room, c.exhibit, "es").rfind("Mapa: Tampico, Coyoacán (Ciudad de México), Moscú, París. ", 0) == 0);
}

TEST_CASE("room pictures: a picture the curator gives wins") {
  Scratch s("pictures-given");
  std::string src = copy_example(s);
  fs::create_directories(fs::path(src) / "images");
  REQUIRE(make_test_png(src + "/images/gate.png", 300, 200));
  REQUIRE(edit(fs::path(src) / "rooms/01-garden.md", "+++\n\n# es",
               "[image]\nfile = \"images/gate.png\"\ncaption = { es = \"La puerta\", en = \"The gate\" }\ncredit = { es = \"a\", en = \"b\" }\n"
               "alt = { es = \"Una puerta\", en = \"A gate\" }\n+++\n\n# es"));
  auto r = build(src, s.path("x.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  json j = dump_of(s.path("x.bundle"));
  CHECK(j["rooms"][0]["image"]["media"] == "images/gate.png");
  CHECK(j["rooms"][0]["image"]["alt"]["en"] == "A gate");
  REQUIRE(j["media"].size() == 1);  // nothing drawn for a room that has its picture
  CHECK(j["media"][0]["id"] == "images/gate.png");
}

TEST_CASE("room pictures: a missing or misspelt picture label is named, and nothing is written") {
  Scratch s("pictures-key");
  std::string src = copy_example(s);
  std::string toml = (fs::path(src) / "strings.toml").string();
  REQUIRE(edit(toml, "\"picture.alt.map\"", "\"picture.alt.mapp\""));
  auto r = build(src, s.path("x.bundle"));
  CHECK(r.code == 1);
  CHECK(r.err.find("unknown key \"picture.alt.mapp\"; did you mean \"picture.alt.map\"?") != std::string::npos);
  CHECK_FALSE(fs::exists(s.path("x.bundle")));
  // The line left out altogether: the drawing names the label it needs.
  REQUIRE(edit(toml, "\"picture.alt.mapp\"", "# \"picture.alt.mapp\""));
  r = build(src, s.path("x.bundle"));
  CHECK(r.code == 1);
  CHECK(r.err.find("strings.toml: error: \"picture.alt.map\" is missing; the rooms' drawn pictures need it") != std::string::npos);
  CHECK_FALSE(fs::exists(s.path("x.bundle")));
}

TEST_CASE("room pictures: two builds are byte-identical, pictures included") {
  Scratch s("pictures-twice");
  auto a = build(source_dir() + "/content/exhibit", s.path("a.bundle"));
  auto b = build(source_dir() + "/content/exhibit", s.path("b.bundle"));
  REQUIRE(a.code == 0);
  REQUIRE(b.code == 0);
  CHECK(read(s.path("a.bundle")) == read(s.path("b.bundle")));
  const auto& c = contents_of("exhibit");
  CHECK(curator::draw_room_picture(c.exhibit.rooms[8], c).png == curator::draw_room_picture(c.exhibit.rooms[8], c).png);
}

TEST_CASE("room pictures: every place is inside the map, away from its edge, and drawn") {
  for (const char* which : {"exhibit", "example"}) {
    const auto& c = contents_of(which);
    for (const auto& room : c.exhibit.rooms) {
      INFO(room.id);
      auto pic = curator::draw_room_picture(room, c);
      Pixels px(pic.png);
      REQUIRE(px.px);
      CHECK(px.w == curator::kRoomPictureWidth);
      CHECK(px.h == curator::kRoomPictureHeight);
      REQUIRE(pic.markers.size() == room.places.size());
      const auto& a = pic.map_area;
      for (const auto& m : pic.markers) {
        // At least a marker's width from every edge: a place is never cut or pressed to the border.
        CHECK(m.x - a.x0 >= 2 * pic.marker_radius);
        CHECK(a.x1 - m.x >= 2 * pic.marker_radius);
        CHECK(m.y - a.y0 >= 2 * pic.marker_radius);
        CHECK(a.y1 - m.y >= 2 * pic.marker_radius);
      }
      // The marker of the last place drawn is really there, in the accent colour.
      CHECK(same(px.at(pic.markers.back().x, pic.markers.back().y), mapgeo::colours::kAccent));
    }
  }
}

TEST_CASE("room pictures: the map shows land from the exhibit's own layers") {
  const auto& c = contents_of("exhibit");
  for (const auto& room : c.exhibit.rooms) {
    INFO(room.id);
    auto pic = curator::draw_room_picture(room, c);
    Pixels px(pic.png);
    int land = 0, sea = 0;
    for (int y = 0; y < curator::kRoomPictureMapHeight; y += 4)
      for (int x = 0; x < curator::kRoomPictureWidth; x += 4) {
        land += same(px.at(x, y), mapgeo::colours::kLand);
        sea += same(px.at(x, y), mapgeo::colours::kSea);
      }
    CHECK(land > 200);  // every room of this exhibit is on a coast: both show
    CHECK(sea > 200);
  }
}

TEST_CASE("room pictures: no label overlaps another label or a marker, and all stay in the picture") {
  for (const char* which : {"exhibit", "example"}) {
    const auto& c = contents_of(which);
    for (const auto& room : c.exhibit.rooms) {
      INFO(room.id);
      auto pic = curator::draw_room_picture(room, c);
      CHECK(pic.labels_fit);
      mapgeo::Box whole{0, 0, (double)curator::kRoomPictureWidth, (double)curator::kRoomPictureHeight};
      for (size_t i = 0; i < pic.labels.size(); ++i) {
        CHECK(pic.labels[i].within(whole));
        for (size_t k = i + 1; k < pic.labels.size(); ++k) CHECK_FALSE(pic.labels[i].overlaps(pic.labels[k]));
        for (const auto& m : pic.markers) {
          mapgeo::Box disc{m.x - pic.marker_radius, m.y - pic.marker_radius, m.x + pic.marker_radius, m.y + pic.marker_radius};
          CHECK_FALSE(pic.labels[i].overlaps(disc));
        }
      }
    }
  }
}

TEST_CASE("room pictures: the map's paper, ink and accent are the kiosk theme's") {
  ui::Palette p;
  auto eq = [](ui::Colour a, mapgeo::colours::Rgb b) { return a.r == b.r && a.g == b.g && a.b == b.b; };
  CHECK(eq(p.paper, mapgeo::colours::kPaper));
  CHECK(eq(p.ink, mapgeo::colours::kInk));
  CHECK(eq(p.ink_soft, mapgeo::colours::kInkSoft));
  CHECK(eq(p.accent, mapgeo::colours::kAccent));
  CHECK(eq(p.on_accent, mapgeo::colours::kOnAccent));
  CHECK(eq(p.rule, mapgeo::colours::kRule));
}

TEST_CASE("locator: one place gets its region, places on two continents get both, all with a margin") {
  using mapgeo::XY;
  XY coyoacan = mapgeo::project(19.35, -99.16), moscow = mapgeo::project(55.76, 37.62);
  auto one = mapgeo::frame_places({coyoacan}, 640.0 / 390);
  CHECK(one.w() == doctest::Approx(0.3));
  CHECK(one.w() / one.h() == doctest::Approx(640.0 / 390));
  CHECK(coyoacan.x == doctest::Approx((one.x0 + one.x1) / 2));
  auto both = mapgeo::frame_places({coyoacan, moscow}, 640.0 / 390);
  for (XY p : {coyoacan, moscow}) {
    CHECK(p.x - both.x0 > 0.1 * both.w());
    CHECK(both.x1 - p.x > 0.1 * both.w());
    CHECK(p.y - both.y0 > 0.1 * both.h());
    CHECK(both.y1 - p.y > 0.1 * both.h());
  }
  // A frame near the world's edge stays on the world; one larger than the world is centred on it.
  auto edge = mapgeo::frame_places({mapgeo::project(0, 179)}, 1.5);
  CHECK(edge.x1 <= mapgeo::kMaxX + 1e-9);
  auto grown = mapgeo::grow_frame(both, 10);
  CHECK((grown.x0 + grown.x1) / 2 == doctest::Approx(0));
}

TEST_CASE("locator: markers closer than a marker share a group; labels never overlap, or say so") {
  using mapgeo::Box;
  auto g = mapgeo::group_markers({{10, 10}, {100, 100}, {15, 12}, {104, 100}, {300, 10}}, 20);
  REQUIRE(g.size() == 3);
  CHECK(g[0] == std::vector<int>{0, 2});
  CHECK(g[1] == std::vector<int>{1, 3});
  CHECK(g[2] == std::vector<int>{4});

  // Six markers a little apart on a diagonal (a coast), each wanting a 110×24 label: each label
  // finds its own place though every first choice is taken by a neighbour.
  std::vector<mapgeo::LabelRequest> req;
  std::vector<Box> markers;
  for (int i = 0; i < 6; ++i) {
    double x = 200 + i * 20, y = 120 + i * 14;
    markers.push_back({x - 8, y - 8, x + 8, y + 8});
    req.push_back({markers.back(), 110, 24});
  }
  std::vector<mapgeo::LabelPlacement> out;
  Box area{0, 0, 640, 390};
  bool ok = mapgeo::place_labels(req, markers, area, 6, out);
  CHECK(ok);
  REQUIRE(out.size() == req.size());
  int not_right = 0;  // labels that could not take their first choice, right of the marker
  for (size_t i = 0; i < out.size(); ++i) not_right += out[i].box.x0 < markers[i].x1;
  CHECK(not_right >= 2);
  for (size_t i = 0; i < out.size(); ++i) {
    CHECK(out[i].box.within(area));
    for (size_t k = i + 1; k < out.size(); ++k) CHECK_FALSE(out[i].box.overlaps(out[k].box));
    for (const auto& m : markers) CHECK_FALSE(out[i].box.overlaps(m));
  }
  // A label larger than the area cannot be placed: the caller is told (and grows the frame).
  CHECK_FALSE(mapgeo::place_labels({{{300, 180, 316, 196}, 700, 24}}, {}, area, 6, out));
}

TEST_CASE("room pictures: a name too long for any place on the map is named, never drawn over others") {
  Scratch s("pictures-long");
  std::string src = copy_example(s);
  std::string longname(70, 'M');
  REQUIRE(edit(fs::path(src) / "places.csv", "La casa,The house", longname + ",The house"));
  auto r = build(src, s.path("x.bundle"));
  CHECK(r.code == 1);
  CHECK(r.err.find("places.csv: error: on room \"garden\"'s map the name " + longname + " finds no place") != std::string::npos);
}
