// app_touch.h — a visitor's tap for unit tests that drive app::App directly (no tour player):
// on the first item whose id starts with `prefix`, in the frame on screen now.
#pragma once
#include <SDL.h>
#include <doctest/doctest.h>

#include <string>

#include "kiosk/app/app.h"

namespace testutil {

// Taps the middle of the item, then lets `settle_ms` of virtual time pass (default: past any
// page animation). Fails the test when the screen shows no such item.
inline void tap_item(app::App& a, const std::string& prefix, uint64_t settle_ms = 1500) {
  if (a.frame_due()) a.draw_frame();
  for (const auto& it : a.items())
    if (it.id.rfind(prefix, 0) == 0) {
      a.finger(SDL_FINGERDOWN, 0, it.r.x + it.r.w / 2, it.r.y + it.r.h / 2);
      a.advance(60);
      a.finger(SDL_FINGERUP, 0, it.r.x + it.r.w / 2, it.r.y + it.r.h / 2);
      a.advance(settle_ms);
      return;
    }
  FAIL("no item " << prefix << "… on " << a.screen_name());
}

// A just-started kiosk, from home to the first room of the list.
inline void open_first_room(app::App& a) {
  a.advance(500);
  tap_item(a, "home.rooms");
  tap_item(a, "room.");
  REQUIRE(a.screen_name() == "room");
}

}  // namespace testutil
