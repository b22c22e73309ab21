// gestures.cpp — GestureRecognizer: turns SDL finger and mouse events into taps, long-presses,
// drags with release velocity, swipes and two-finger pinches (the rules are in gestures.h).
//
// Choices the header leaves open:
//  - DragStart carries no delta; it is followed at once by a Drag whose dx, dy is the movement
//    from the down point, so the Drag deltas of a gesture add up to the whole movement and the
//    content does not lag the finger by the slop.
//  - After a pinch, the finger left on the glass does nothing (no tap, no drag, no long-press)
//    until every finger is up: fingers rarely lift together, and a lingering finger must not
//    fling the content the visitor just zoomed. Putting a second finger down again starts a new
//    pinch. A third finger is tracked but ignored; if a pinched finger lifts while two remain,
//    the pinch follows the remaining pair from their current positions (no jump in scale).
//  - A drag may still start after a long-press fired (the visitor moved on); a Tap never does.
//  - Losing focus sends Cancel and then Release (Press/Release stay paired), but no DragEnd or
//    PinchEnd: an abandoned drag must not fling. reset() is silent, as documented.
//  - Release velocity is (newest - oldest sample) / time between them, over the position samples
//    of the last velocity_window_ms before the release (the lift point counts when it moved).
//  - The finger-up position counts as a last movement, so a jump beyond the slop that arrives
//    only with the up event still makes a (short) drag rather than a tap.
#include "kiosk/ui/gestures.h"

#include <SDL.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ui {

namespace {

// The mouse shares the finger map; SDL_FingerID values of real touch screens are small counters,
// counted per device, so a finger is known by its device and its id.
constexpr std::pair<int64_t, int64_t> kMouseId{-1, -1};
// Bounds the sample queue if a device floods events within one millisecond.
constexpr size_t kMaxSamples = 256;
// Below this finger distance a pinch scale would be noise (or a division by zero).
constexpr float kMinPinchDistance = 1.0f;

float distance(float ax, float ay, float bx, float by) { return std::hypot(bx - ax, by - ay); }

}  // namespace

void GestureRecognizer::feed(const SDL_Event& e, uint64_t now_ms, int win_w, int win_h) {
  // Any event is a chance to notice that the long-press deadline has passed.
  check_long_press(now_ms);
  switch (e.type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      if (e.tfinger.touchId == SDL_MOUSE_TOUCHID) return;  // SDL's echo of the mouse
      const float x = e.tfinger.x * static_cast<float>(win_w);
      const float y = e.tfinger.y * static_cast<float>(win_h);
      const Key id{e.tfinger.touchId, e.tfinger.fingerId};
      if (e.type == SDL_FINGERDOWN) on_down(id, x, y, now_ms);
      else if (e.type == SDL_FINGERMOTION) on_move(id, x, y, now_ms);
      else on_up(id, x, y, now_ms);
      break;
    }
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP: {
      if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return;
      const float x = static_cast<float>(e.button.x), y = static_cast<float>(e.button.y);
      if (e.type == SDL_MOUSEBUTTONDOWN) on_down(kMouseId, x, y, now_ms);
      else on_up(kMouseId, x, y, now_ms);
      break;
    }
    case SDL_MOUSEMOTION:
      // on_move ignores ids that are not down, so hovering does nothing.
      if (e.motion.which == SDL_TOUCH_MOUSEID) return;
      on_move(kMouseId, static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), now_ms);
      break;
    case SDL_WINDOWEVENT:
      // Fingers lifted while unfocused are never reported, so forget them now.
      if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) on_focus_lost(now_ms);
      break;
    default:
      break;
  }
}

void GestureRecognizer::tick(uint64_t now_ms) { check_long_press(now_ms); }

bool GestureRecognizer::poll(Gesture& out) {
  if (out_.empty()) return false;
  out = out_.front();
  out_.pop_front();
  return true;
}

bool GestureRecognizer::active() const { return !fingers_.empty(); }

uint64_t GestureRecognizer::next_deadline() const {
  return long_press_possible() ? long_press_at() : 0;
}

uint64_t GestureRecognizer::long_press_at() const {
  return down_ms_ + std::max(cfg_.long_press_ms, cfg_.tap_max_ms + 1);
}

void GestureRecognizer::reset() {
  fingers_.clear();
  out_.clear();
  clear_gesture();
}

void GestureRecognizer::on_down(Key id, float x, float y, uint64_t now) {
  forget_lost_fingers(id, now);
  fingers_[id] = Finger{x, y, now};
  if (fingers_.size() == 1) {
    clear_gesture();
    primary_ = id;
    down_x_ = x;
    down_y_ = y;
    down_ms_ = now;
    tap_possible_ = true;
    emit(GestureType::Press, x, y, now);
    add_sample(x, y, now);
  } else if (fingers_.size() == 2) {
    begin_pinch(now);
  }
}

void GestureRecognizer::on_move(Key id, float x, float y, uint64_t now) {
  auto it = fingers_.find(id);
  if (it == fingers_.end()) return;
  const Finger prev = it->second;
  it->second.seen = now;
  if (prev.x == x && prev.y == y) return;  // nothing moved, nothing to report
  it->second = Finger{x, y, now};
  if (pinching_) {
    if (id == pinch_a_ || id == pinch_b_) update_pinch(now);
  } else if (!multi_ && id == primary_) {
    move_single(prev, x, y, now);
  }
}

// A down for a finger we still track means its up was lost: that finger is gone. So is any finger
// silent for stale_ms (a resting finger sends nothing, but the driver's lost up is likelier than a
// finger held dead still for seconds while another lands).
// Fingers of another touch device are gone too: one glass has one touch screen, and a second id
// means the first was unplugged and came back under a new one (the mouse is not a touch device).
void GestureRecognizer::forget_lost_fingers(Key arriving, uint64_t now) {
  std::vector<Key> lost;
  for (const auto& [k, f] : fingers_) {
    const bool other_device = k.first != arriving.first && k != kMouseId && arriving != kMouseId;
    if (k == arriving || other_device || now >= f.seen + cfg_.stale_ms) lost.push_back(k);
  }
  for (const Key& k : lost) forget(k, now);
}

void GestureRecognizer::forget_device(int64_t touch_id, uint64_t now) {
  std::vector<Key> lost;
  for (const auto& [k, f] : fingers_)
    if (k.first == touch_id && k != kMouseId) lost.push_back(k);
  for (const Key& k : lost) forget(k, now);
}

// Drops one finger without a lift: its gesture ends as on focus loss (Cancel, then Release: no
// tap, no fling) when it was the last one, and a pinch it was part of ends or moves on.
void GestureRecognizer::forget(Key id, uint64_t now) {
  auto it = fingers_.find(id);
  if (it == fingers_.end()) return;
  if (fingers_.size() == 1) return on_focus_lost(now);
  fingers_.erase(it);
  if (pinching_ && fingers_.size() < 2) {
    pinching_ = false;
    Gesture& g = emit(GestureType::PinchEnd, pinch_cx_, pinch_cy_, now);
    g.cx = pinch_cx_;
    g.cy = pinch_cy_;
  } else if (pinching_ && (id == pinch_a_ || id == pinch_b_)) {
    choose_pinch_pair();
  }
  if (id == primary_) tap_possible_ = false;
}

void GestureRecognizer::on_up(Key id, float x, float y, uint64_t now) {
  if (!fingers_.count(id)) return;
  on_move(id, x, y, now);  // the lift point is the finger's last position
  fingers_.erase(id);
  if (pinching_) {
    if (fingers_.size() < 2) {
      pinching_ = false;
      Gesture& g = emit(GestureType::PinchEnd, pinch_cx_, pinch_cy_, now);
      g.cx = pinch_cx_;
      g.cy = pinch_cy_;
    } else if (id == pinch_a_ || id == pinch_b_) {
      choose_pinch_pair();
    }
  }
  if (fingers_.empty()) finish(x, y, now);
}

void GestureRecognizer::on_focus_lost(uint64_t now) {
  if (fingers_.empty()) return;
  auto primary = fingers_.find(primary_);
  const float x = primary != fingers_.end() ? primary->second.x : down_x_;
  const float y = primary != fingers_.end() ? primary->second.y : down_y_;
  emit(GestureType::Cancel, x, y, now);
  emit(GestureType::Release, x, y, now);
  fingers_.clear();
  clear_gesture();
}

// One finger down (and never a second one): slop check, then drag deltas.
void GestureRecognizer::move_single(const Finger& prev, float x, float y, uint64_t now) {
  add_sample(x, y, now);
  if (dragging_) {
    Gesture& g = emit(GestureType::Drag, x, y, now);
    g.dx = x - prev.x;
    g.dy = y - prev.y;
    return;
  }
  if (distance(down_x_, down_y_, x, y) <= cfg_.slop_px) return;  // still a tap candidate
  dragging_ = true;
  tap_possible_ = false;
  emit(GestureType::DragStart, x, y, now);
  Gesture& g = emit(GestureType::Drag, x, y, now);
  g.dx = x - down_x_;
  g.dy = y - down_y_;
}

void GestureRecognizer::begin_pinch(uint64_t now) {
  if (dragging_) {
    // The drag ends where the first finger is now, without a fling.
    const Finger& f = fingers_.at(primary_);
    emit(GestureType::DragEnd, f.x, f.y, now);
    dragging_ = false;
  }
  multi_ = true;
  tap_possible_ = false;
  pinching_ = true;
  choose_pinch_pair();
  Gesture& g = emit(GestureType::PinchStart, pinch_cx_, pinch_cy_, now);
  g.cx = pinch_cx_;
  g.cy = pinch_cy_;
}

// Picks two fingers to follow and takes their current distance and centre as the baseline,
// so the next Pinch reports change from here on.
void GestureRecognizer::choose_pinch_pair() {
  auto it = fingers_.begin();
  pinch_a_ = it->first;
  const Finger a = it->second;
  ++it;
  pinch_b_ = it->first;
  const Finger b = it->second;
  pinch_dist_ = distance(a.x, a.y, b.x, b.y);
  pinch_cx_ = (a.x + b.x) / 2;
  pinch_cy_ = (a.y + b.y) / 2;
}

void GestureRecognizer::update_pinch(uint64_t now) {
  const Finger& a = fingers_.at(pinch_a_);
  const Finger& b = fingers_.at(pinch_b_);
  const float dist = distance(a.x, a.y, b.x, b.y);
  const float cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
  Gesture& g = emit(GestureType::Pinch, cx, cy, now);
  g.scale = pinch_dist_ >= kMinPinchDistance && dist >= kMinPinchDistance ? dist / pinch_dist_ : 1.0f;
  g.cx = cx;
  g.cy = cy;
  g.dx = cx - pinch_cx_;
  g.dy = cy - pinch_cy_;
  pinch_dist_ = dist;
  pinch_cx_ = cx;
  pinch_cy_ = cy;
}

// The last finger lifted at (x, y): close the drag or report the tap, then Release.
void GestureRecognizer::finish(float x, float y, uint64_t now) {
  if (dragging_) {
    float vx = 0, vy = 0;
    release_velocity(now, vx, vy);
    if (std::hypot(vx, vy) >= cfg_.swipe_min_speed) {
      Gesture& s = emit(GestureType::Swipe, x, y, now);
      s.vx = vx;
      s.vy = vy;
    }
    Gesture& g = emit(GestureType::DragEnd, x, y, now);
    g.vx = vx;
    g.vy = vy;
  } else if (tap_possible_ && now >= down_ms_ && now - down_ms_ <= cfg_.tap_max_ms) {
    emit(GestureType::Tap, down_x_, down_y_, now);
  }
  emit(GestureType::Release, x, y, now);
  clear_gesture();
}

void GestureRecognizer::add_sample(float x, float y, uint64_t t) {
  samples_.push_back(Sample{x, y, t});
  // Written as an addition so an early clock (t < window) cannot wrap around.
  while (samples_.size() > kMaxSamples || samples_.front().t + cfg_.velocity_window_ms < t)
    samples_.pop_front();
}

void GestureRecognizer::release_velocity(uint64_t now, float& vx, float& vy) const {
  vx = vy = 0;
  const Sample* first = nullptr;
  for (const Sample& s : samples_) {
    if (s.t + cfg_.velocity_window_ms >= now) {
      first = &s;
      break;
    }
  }
  if (!first) return;
  const Sample& last = samples_.back();
  if (last.t <= first->t) return;  // one instant only (the finger rested): no velocity
  const float seconds = static_cast<float>(last.t - first->t) / 1000.0f;
  vx = (last.x - first->x) / seconds;
  vy = (last.y - first->y) / seconds;
}

bool GestureRecognizer::long_press_possible() const {
  return fingers_.size() == 1 && !multi_ && !dragging_ && !long_fired_;
}

void GestureRecognizer::check_long_press(uint64_t now) {
  if (!long_press_possible() || now < long_press_at()) return;
  long_fired_ = true;
  tap_possible_ = false;
  emit(GestureType::LongPress, down_x_, down_y_, now);
}

// Forgets the gesture's progress; fingers and queued gestures are the callers' business.
void GestureRecognizer::clear_gesture() {
  samples_.clear();
  dragging_ = pinching_ = tap_possible_ = long_fired_ = multi_ = false;
}

Gesture& GestureRecognizer::emit(GestureType type, float x, float y, uint64_t now) {
  Gesture g;
  g.type = type;
  g.x = x;
  g.y = y;
  g.x0 = down_x_;
  g.y0 = down_y_;
  g.time_ms = now;
  out_.push_back(g);
  return out_.back();
}

}  // namespace ui
