// swap.h — switching the running kiosk to another bundle: when it is safe, and the cross-fade.
//
// Does:     say whether this moment is safe for a swap of each kind; keep the old frame as a
//           texture and draw it over the new one with a fading alpha, so the switch never shows
//           a black or half-drawn frame. (App::request_swap / try_swap in swap.cpp use these.)
// Does not: open bundles (exhibit_loader.h), watch files (watch.cpp, store_link.cpp), draw screens.
//
//   request_swap(path, kind) ──► pending ──(safe moment)──► open beside the old one
//                                                      ├─ fails: old stays, reason logged once
//                                                      └─ opens: capture old frame → adopt new
//                                                               → fade old over new (kFadeMs)
#pragma once
#include <SDL.h>

#include <cstdint>
#include <functional>
#include <string>

#include "kiosk/flow/flow.h"

namespace app {

enum class SwapKind {
  Preview,  // a curator saved a source: keep the screen they are looking at
  Install,  // a new bundle from the store: only when no visitor is in the middle of a visit
};

struct SwapRequest {
  std::string path;
  SwapKind kind = SwapKind::Install;
};

// What the app is doing right now, as far as a swap cares.
struct SwapMoment {
  bool finger_down = false;      // a touch or a gesture in progress
  bool moving = false;           // a scroll, page turn or map ease still animating
  uint64_t since_touch_ms = 0;   // since the last touch of any kind
  flow::Screen screen = flow::Screen::Home;
  bool closed = false, unavailable = false;
};

// Preview: any screen, once nothing is touched or moving and the last touch is a moment old.
// Install: attract mode, closed hours or the fallback screen, or the home screen left alone for
// kInstallQuietMs — never under a visitor's finger, never in the middle of someone's visit.
constexpr uint64_t kPreviewQuietMs = 400;
constexpr uint64_t kInstallQuietMs = 30'000;
bool safe_to_swap(SwapKind kind, const SwapMoment& m);

class Crossfade {
 public:
  static constexpr uint64_t kFadeMs = 400;
  Crossfade() = default;
  ~Crossfade() { drop(); }
  Crossfade(const Crossfade&) = delete;
  Crossfade& operator=(const Crossfade&) = delete;

  // Renders `draw` into a texture of w×h (the old frame). False when the renderer has no
  // render targets; the swap then happens without a fade (still no black frame: the new
  // bundle's first frame replaces the old one directly).
  bool capture(SDL_Renderer* r, int w, int h, const std::function<void()>& draw);
  // Draws the old frame over the current one with the alpha left at `now` (the fade's clock
  // starts at the first call after capture). Returns true while
  // the fade needs more frames; the texture is freed when it ends.
  bool draw_over(SDL_Renderer* r, uint64_t now_ms);
  bool active() const { return tex_ != nullptr; }
  void drop();  // e.g. the renderer lost its textures

 private:
  SDL_Texture* tex_ = nullptr;
  uint64_t t0_ = 0;
  bool started_ = false;
};

}  // namespace app
