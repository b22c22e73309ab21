// staff_corner.cpp — see staff_corner.h.
#include "kiosk/ui/staff_corner.h"

#include <cmath>

namespace ui {

bool StaffCorner::down(int64_t finger, float x, float y, uint64_t now) {
  if (tracking_) {
    // A second finger while a corner finger is down: a visitor's hand, not the gesture. The corner
    // keeps its finger; the new one goes to the visitor unless it too is in the corner.
    spoilt_ = true;
    start_over();
    return in_corner(x, y);
  }
  if (!in_corner(x, y)) {
    start_over();  // the exhibit was touched: whatever was counted was not the gesture
    return false;
  }
  tracking_ = true, spoilt_ = false;
  finger_ = finger, down_x_ = x, down_y_ = y, down_ms_ = now;
  if (taps_ == cfg_.taps && now - last_up_ms_ <= cfg_.hold_after_ms) {
    holding_ = true;
  } else if (taps_ > 0 && (now - last_up_ms_ > cfg_.hold_after_ms || now - first_down_ms_ > cfg_.taps_within_ms)) {
    taps_ = 0;  // too late to continue: this press may begin a new count
  }
  if (taps_ == 0) first_down_ms_ = now;
  return true;
}

bool StaffCorner::move(int64_t finger, float x, float y, uint64_t) {
  if (!tracking_ || finger != finger_) return false;
  if (std::hypot(x - down_x_, y - down_y_) > cfg_.slop_px || !in_corner(x, y)) {
    spoilt_ = true;
    start_over();
  }
  return true;
}

bool StaffCorner::up(int64_t finger, float, float, uint64_t now) {
  if (!tracking_ || finger != finger_) return false;
  tracking_ = false;
  if (spoilt_ || holding_) {  // a slide, a second finger, or a hold let go too early
    spoilt_ = false;
    start_over();
    return true;
  }
  if (now - down_ms_ > cfg_.tap_max_ms) {
    start_over();
    return true;
  }
  ++taps_;
  last_up_ms_ = now;
  if (now - first_down_ms_ > cfg_.taps_within_ms) {
    // Too slow overall: this tap may still be the first of a new count.
    taps_ = 1;
    first_down_ms_ = down_ms_;
  }
  return true;
}

void StaffCorner::tick(uint64_t now) {
  if (holding_ && tracking_ && now - down_ms_ >= cfg_.hold_ms) {
    triggered_ = true;
    start_over();
    spoilt_ = true;  // the finger is still down; its release ends nothing and starts nothing
  }
}

bool StaffCorner::take_triggered() {
  bool t = triggered_;
  triggered_ = false;
  return t;
}

uint64_t StaffCorner::next_deadline() const { return holding_ && tracking_ ? down_ms_ + cfg_.hold_ms : 0; }

void StaffCorner::reset() {
  tracking_ = spoilt_ = holding_ = triggered_ = false;
  taps_ = 0;
}

}  // namespace ui
