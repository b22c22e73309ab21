// staff_corner.h — the hidden way in for staff: five quick taps in the top-left corner of the
// glass within 3 s, then a press held there for 2 s. Then the app asks for the PIN.
//
// Does:     claim every touch that goes down inside the corner square (the app keeps those away
//           from the visitor's gestures: nothing of the exhibit lies there, the top bar's Back
//           button starts at the margin, outside the square); count quick taps; fire once when
//           the hold that follows them has lasted hold_ms. Anything else — a touch elsewhere, a
//           second finger, a slow tap, a finger that slides, a pause, a sixth tap — starts over.
// Does not: know SDL (the app passes finger ids and picture pixels), screens, or the PIN.
// Time is passed in (milliseconds of the caller's clock), so tests run on a fake clock.
//
//   idle ─tap in corner─► 1 … 5 taps (first down → fifth up ≤ taps_within_ms)
//        ─down in corner within hold_after_ms of the fifth up─► holding ─hold_ms─► TRIGGERED
//   any other touch, slide, slow tap, early release, late start ─► idle
#pragma once
#include <cstdint>

namespace ui {

class StaffCorner {
 public:
  struct Config {
    float corner_px = 56;              // the square's side from the top-left corner (the app sets 10 mm)
    int taps = 5;
    uint64_t taps_within_ms = 3000;    // first tap's finger-down to the last tap's finger-up
    uint64_t tap_max_ms = 600;         // a press longer than this is not one of the quick taps
    uint64_t hold_after_ms = 1500;     // the hold must begin this soon after the last tap
    uint64_t hold_ms = 2000;           // and last this long
    float slop_px = 28;                // a finger may wobble this far and still be still
  };
  StaffCorner() = default;
  explicit StaffCorner(Config c) : cfg_(c) {}
  void set_corner(float px) { cfg_.corner_px = px; }
  const Config& config() const { return cfg_; }

  bool in_corner(float x, float y) const { return x >= 0 && y >= 0 && x < cfg_.corner_px && y < cfg_.corner_px; }
  // Each returns true when the touch is the corner's: it must not reach the visitor's gestures.
  bool down(int64_t finger, float x, float y, uint64_t now);
  bool move(int64_t finger, float x, float y, uint64_t now);
  bool up(int64_t finger, float x, float y, uint64_t now);
  // Call when time passes: the hold fires here.
  void tick(uint64_t now);
  // True once after the gesture was completed.
  bool take_triggered();
  // When tick() must run next (the hold's end); 0 when nothing is pending.
  uint64_t next_deadline() const;
  bool claimed() const { return tracking_; }  // a corner finger is down
  int taps() const { return taps_; }
  void reset();

 private:
  void start_over() { taps_ = 0, holding_ = false; }
  Config cfg_;
  bool tracking_ = false, spoilt_ = false, holding_ = false, triggered_ = false;
  int64_t finger_ = 0;
  float down_x_ = 0, down_y_ = 0;
  uint64_t down_ms_ = 0, first_down_ms_ = 0, last_up_ms_ = 0;
  int taps_ = 0;
};

}  // namespace ui
