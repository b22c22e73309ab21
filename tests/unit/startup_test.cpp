// startup_test.cpp — what the kiosk's start does less of (issue 11's first-frame budget), and that
// doing less keeps the visitor safe: the open path judges pictures by their headers and reads
// fonts and land once (bundle::Reading::kiosk_open); a picture whose header is sound but whose
// pixels do not decode is refused by `kiosk-bundle check` and shown as missing by the kiosk, with
// a log line; the first frame is drawn once, not twice.
#include <doctest/doctest.h>

#include <SDL.h>

#include <algorithm>

#include "content/bundle/validate.h"
#include "content/bundle/validate_parts.h"
#include "forge.h"
#include "kiosk/app/app.h"
#include "kiosk/app/exhibit_loader.h"
#include "app_touch.h"
#include "test_util.h"

using namespace testutil;

namespace {

// The example exhibit with a small map layer of land (it has none), built once per process.
const std::string& example_with_land() {
  static Scratch s("startup-example");
  static std::string path = [] {
    auto r = build(copy_example(s), s.path("x.bundle"));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    REQUIRE(forge(s.path("x.bundle"),
                  "INSERT INTO map_layer VALUES ('land', 0, 4, 2, x'00000000000000000000803f000000000000803f0000803f000000000000803f', "
                  "x'000000000100000002000000000000000200000003000000')"));
    return s.path("x.bundle");
  }();
  return path;
}

app::Options wide_headless(const std::string& bundle) {
  app::Options o;
  o.bundle = bundle;
  o.headless = true;
  o.width = 1280, o.height = 800;  // wide: the room's picture stands beside its text
  o.screen_w_mm = 217, o.screen_h_mm = 136;
  return o;
}

bool shows(app::App& a, const std::string& text) {
  if (a.frame_due()) a.draw_frame();
  for (const auto& t : a.texts())
    if (t.find(text) != std::string::npos) return true;
  return false;
}

// SDL_Log's lines while it lives.
struct LogCapture {
  SDL_LogOutputFunction was = nullptr;
  void* was_data = nullptr;
  std::string lines;
  LogCapture() {
    SDL_LogGetOutputFunction(&was, &was_data);
    SDL_LogSetOutputFunction([](void* self, int, SDL_LogPriority, const char* m) { static_cast<LogCapture*>(self)->lines += std::string(m) + "\n"; },
                             this);
  }
  ~LogCapture() { SDL_LogSetOutputFunction(was, was_data); }
};

// The room's picture (the example's only room has one), its header kept, its pixels cut short:
// the content hash is recomputed, as a forger's tool would.
std::string with_undecodable_picture(const Scratch& s) {
  std::string path = s.path("broken-picture.bundle");
  fs::copy_file(example_with_land(), path, fs::copy_options::overwrite_existing);
  REQUIRE(forge(path, "UPDATE media SET bytes = substr(bytes, 1, 200) WHERE id = (SELECT image FROM room)"));
  return path;
}

}  // namespace

TEST_CASE("start-up: the kiosk's reading keeps the fonts and land it validated, check's keeps none") {
  auto kiosk = bundle::validate_file(example_with_land(), bundle::Reading::kiosk_open());
  REQUIRE_MESSAGE(kiosk.ok(), kiosk.summary());
  REQUIRE(kiosk.fonts.size() == std::size(bundle::kFontRoles));
  for (const char* role : bundle::kFontRoles) {
    CAPTURE(role);
    REQUIRE(kiosk.fonts.count(role));
    CHECK(kiosk.fonts.at(role) == kiosk.bundle->font_bytes(role));
  }
  REQUIRE(kiosk.map.count("land"));
  std::vector<float> xy;
  std::vector<uint32_t> idx;
  REQUIRE(kiosk.bundle->map_geometry("land", xy, idx));
  CHECK(kiosk.map.at("land").xy == xy);
  CHECK(kiosk.map.at("land").indices == idx);
  CHECK(xy.size() == 8);

  auto full = bundle::validate_file(example_with_land());
  REQUIRE(full.ok());
  CHECK(full.fonts.empty());
  CHECK(full.map.empty());

  app::LoadedExhibit shown;  // and the loader hands them on: four corners of land, every face
  std::string why;
  REQUIRE_MESSAGE(app::load_exhibit(example_with_land(), shown, why), why);
  REQUIRE(shown.map.layers.size() == 1);
  CHECK(shown.map.layers[0].xy == xy);
  CHECK(shown.fonts.size() == std::size(bundle::kFontRoles));
}

TEST_CASE("start-up: a picture whose header is sound but whose pixels do not decode") {
  Scratch s("startup-picture");
  const std::string path = with_undecodable_picture(s);
  auto media = bundle::validate_file(path).problems;

  // `kiosk-bundle check` (and the store's install, the same call) decodes every pixel: refused.
  auto r = check(path);
  CHECK(r.code == 1);
  CHECK_MESSAGE(r.err.find(": it does not decode") != std::string::npos, r.err);
  REQUIRE(media.size() == 1);
  CHECK(media[0].message.find("replace the picture and rebuild") != std::string::npos);

  // The kiosk's open path reads the header only (type, size as recorded): it opens the bundle…
  app::LoadedExhibit loaded;
  std::string why;
  CHECK_MESSAGE(app::load_exhibit(path, loaded, why), why);
  auto kiosk = bundle::validate_file(path, bundle::Reading::kiosk_open());
  REQUIRE(kiosk.ok());
  const auto& ex = kiosk.bundle->exhibit();
  REQUIRE(ex.rooms.size() == 1);
  auto pic = std::find_if(ex.media.begin(), ex.media.end(), [&](const auto& x) { return x.id == ex.rooms[0].image.media; });
  REQUIRE(pic != ex.media.end());
  const bundle::MediaInfo& m = *pic;
  auto bytes = kiosk.bundle->media_bytes(m.id);
  CHECK(bytes.size() == 200);
  CHECK(bundle::rules::picture_problem(bytes, m.mime, m.width, m.height, false) == "");
  CHECK(bundle::rules::picture_problem(bytes, m.mime, m.width, m.height, true).rfind("it does not decode", 0) == 0);
  // …but a header that lies about the size is still refused there, before anything is allocated.
  CHECK(bundle::rules::picture_problem(bytes, m.mime, m.width + 1, m.height, false) == "its size does not match the bundle's record of it");

  // …and the room shows without the picture: its teaser in the picture's place, and a log line.
  // (One App at a time: each ends SDL_ttf when it goes.)
  {
    LogCapture log;
    app::App a(wide_headless(path));
    REQUIRE(a.start(why));
    open_first_room(a);
    CHECK(shows(a, "Donde empieza la visita."));
    CHECK_MESSAGE(log.lines.find("picture " + m.id + " cannot be decoded") != std::string::npos, log.lines);
  }
  // The same room of the sound bundle shows its picture instead of the teaser.
  app::App good(wide_headless(example_with_land()));
  REQUIRE(good.start(why));
  open_first_room(good);
  CHECK_FALSE(shows(good, "Donde empieza la visita."));
}

TEST_CASE("start-up: the first frame is drawn once") {
  app::App a(wide_headless(example_with_land()));
  std::string why;
  REQUIRE(a.start(why));
  a.update();
  REQUIRE(a.frame_due());
  a.draw_frame();
  CHECK_FALSE(a.frame_due());  // nothing changed while it was drawn: no second frame at once
  a.advance(1000);             // a second of the untouched home screen (idle work only)
  CHECK(a.frames() == 1);
  CHECK(a.screen_name() == "home");
}
