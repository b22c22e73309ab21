// render_reset_test.cpp — the renderer loses its textures while the kiosk runs (issue 9): SDL
// says so with SDL_RENDER_TARGETS_RESET or SDL_RENDER_DEVICE_RESET, the kiosk makes every texture
// again (text, room pictures, the label atlas, a turned panel's render target), and the next frame
// shows exactly what the one before did. The software renderer here loses nothing by itself, so
// the test proves the remaking path draws the same picture; a real GPU reset is not tried.
#include <doctest/doctest.h>

#include <SDL_image.h>

#include "kiosk/app/app.h"
#include "app_touch.h"
#include "test_util.h"

using namespace testutil;

namespace {

// The PNG's pixels, to compare two frames exactly.
std::vector<uint8_t> pixels(app::App& a, const std::string& png) {
  std::string why;
  REQUIRE_MESSAGE(a.screenshot(png, why), why);
  SDL_Surface* s = IMG_Load(png.c_str());
  REQUIRE(s);
  SDL_Surface* c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
  std::vector<uint8_t> out;
  for (int y = 0; y < c->h; ++y) {
    const uint8_t* row = (const uint8_t*)c->pixels + y * c->pitch;
    out.insert(out.end(), row, row + c->w * 4);
  }
  SDL_FreeSurface(c);
  SDL_FreeSurface(s);
  return out;
}

}  // namespace

TEST_CASE("render reset: after SDL_RENDER_TARGETS_RESET and SDL_RENDER_DEVICE_RESET the next frame is the same") {
  Scratch s("render-reset");
  std::string bundle = s.path("exhibit.bundle");
  REQUIRE(build(copy_example(s), bundle).code == 0);
  for (int rotation : {0, 90}) {
    CAPTURE(rotation);
    app::Options o;
    o.bundle = bundle;
    o.headless = true;
    o.width = 1280, o.height = 800;  // wide (or, turned, tall) enough for the room's picture
    o.screen_w_mm = 217, o.screen_h_mm = 136;
    o.config.rotation = rotation;
    app::App a(o);
    std::string why;
    REQUIRE(a.start(why));
    open_first_room(a);  // a room: reading text, a picture, labels
    const auto before = pixels(a, s.path("before.png"));
    REQUIRE(a.pictures().count() > 0);
    REQUIRE(a.text().stats().entries > 0);
    const uint64_t misses = a.text().stats().misses;
    int resets = 0;
    for (Uint32 type : {SDL_RENDER_TARGETS_RESET, SDL_RENDER_DEVICE_RESET}) {
      CAPTURE(type);
      SDL_Event e{};
      e.type = type;
      SDL_PushEvent(&e);
      a.pump_events();  // the real path: SDL's queue, then handle_event
      CHECK(a.texture_resets() == ++resets);
      CHECK(a.frame_due());
      CHECK(a.pictures().count() == 0);  // every texture was given up…
      CHECK(a.text().stats().entries == 0);
      a.advance(100);
      CHECK(a.pictures().count() > 0);  // …and made again for the next frame
      CHECK(a.text().stats().misses > misses);
      CHECK(pixels(a, s.path("after.png")) == before);
    }
    CHECK(a.screen_name() == "room");
  }
}
