// detail.h — the map's levels of detail, one contract for the three programs that use them:
// kiosk-bundle simplifies lod n's land to lod_tolerance(n), the room pictures' locator maps pick
// the coarsest lod fine enough for their scale, and the kiosk's map cross-fades from lod n to n+1
// over a window of zooms that depends on the same rule. Header-only, standard C++ only.
//
// Each level is twice as fine as the one before. That step is what keeps a zoom's cross-fade
// cheap: while it lasts both levels are drawn, so neighbours must be close in size. With land-110m
// and land-50m alone (a step of 4) the worst frame of a pinch at 1920×1080 drew 30.8k vertices,
// and SDL's software renderer queues each triangle as a command of its own; with the halfway level
// that kiosk-bundle makes from land-50m, 25.4k, the same frame's other geometry unchanged
// (README.md, "Performance").
#pragma once
#include <algorithm>
#include <cmath>

namespace mapgeo {

// lod 0: no outline moves further than half a pixel of a 1920-pixel full-world view (the whole map
// is 5.47 units wide); islands and lakes smaller than kMinArea0 are dropped.
constexpr double kTolerance0 = 0.0015;
constexpr double kMinArea0 = 1e-5;

// Douglas–Peucker tolerance of lod n (projected units): half of lod n-1's.
inline double lod_tolerance(int lod) { return std::ldexp(kTolerance0, -lod); }
// The smallest ring kept at lod n: an area, so a quarter of lod n-1's.
inline double lod_min_area(int lod) { return std::ldexp(kMinArea0, -2 * lod); }

// The land files listed in exhibit.toml's [map], coarse to fine, and the levels each gives: the
// first file lod 0; every later file k the level halfway to it (2k-1, simplified from file k
// itself, so it follows the finer coastline) and its own (2k), which keeps file k's place in a
// step of four as before.
inline int first_lod_of_file(int k) { return k == 0 ? 0 : 2 * k - 1; }
inline int last_lod_of_file(int k) { return 2 * k; }

// What the kiosk draws at `zoom` (the camera's scale over the scale at which the whole world fits
// the view) when the bundle has `levels` lods: `lower` opaque, and over it lod lower+1 with
// opacity `upper` while that level fades in. The fade from n to n+1 runs from zoom 2.2·2^n to
// 3.0·2^n: it ends where lod n's outline is out by about 1.6 px, and the windows never overlap.
struct DetailMix {
  int lower = 0;
  float upper = 0;  // 0: lod `lower` alone
};

inline DetailMix detail_at(double zoom, int levels) {
  for (int n = 0; n + 1 < levels; ++n) {
    const double a = std::ldexp(2.2, n), b = std::ldexp(3.0, n);
    if (zoom <= a) return {n, 0.f};
    if (zoom < b) return {n, (float)((zoom - a) / (b - a))};
  }
  return {std::max(levels - 1, 0), 0.f};
}

}  // namespace mapgeo
