// gestures.h — turns SDL finger and mouse events into the gestures a visitor makes.
//
// Does:     tap, long-press, drag (start / move / end with release velocity for flings),
//           swipe (a fast drag end), two-finger pinch and pan; mouse as a one-finger stand-in.
// Rules:    a tap never fires once a drag began; a second finger never produces taps (and
//           cancels the first finger's tap); a tap is reported where the finger went DOWN;
//           a press released within tap_max_ms (1.5 s: older visitors press slowly) without
//           leaving the slop is a tap, however slowly it was made: a long-press comes only after
//           tap_max_ms, so it can never swallow a slow tap; fingers are keyed by device and
//           finger id, and a finger unseen for stale_ms when another goes down (its finger-up
//           was lost by the driver) is forgotten, so it cannot turn later touches into pinches;
//           a finger going down on another touch device forgets the fingers of the first one
//           (fingers on two devices are never one gesture: it is a touch screen unplugged
//           mid-touch and plugged back, which SDL numbers anew and never lifts its fingers), and
//           forget_device() drops a removed device's fingers at once;
//           mouse events that SDL synthesises from touch (which == SDL_TOUCH_MOUSEID) are ignored,
//           and touch events synthesised from the mouse (touchId == SDL_MOUSE_TOUCHID) too.
// Time is passed in (milliseconds of a clock the caller owns), so tests run on a fake clock.
// Does not: know about screens or ImGui.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <utility>

union SDL_Event;  // SDL stays in gestures.cpp: the header needs only the name

namespace ui {

enum class GestureType {
  Press,      // a finger went down (for immediate visual feedback)
  Release,    // the last finger went up (feedback ends), sent after Tap/DragEnd
  Tap,        // press without movement, released within tap_max_ms
  LongPress,  // held still beyond tap_max_ms and long_press_ms; no Tap follows
  DragStart,  // moved beyond the slop with one finger
  Drag,       // one-finger movement: dx, dy since the previous Drag
  DragEnd,    // finger up after a drag: vx, vy = release velocity in px/s
  Swipe,      // sent just before DragEnd when the release was fast: vx/vy tell the direction
  PinchStart, // a second finger went down
  Pinch,      // scale = change in finger distance since last Pinch (multiplicative); cx, cy = centre; dx, dy = centre movement
  PinchEnd,   // back to fewer than two fingers
  Cancel,     // the gesture in progress was abandoned (e.g. window lost focus)
};

struct Gesture {
  GestureType type;
  float x = 0, y = 0;    // current position in window pixels (for Tap/LongPress: where it went down)
  float x0 = 0, y0 = 0;  // where the gesture's first finger went down
  float dx = 0, dy = 0;
  float vx = 0, vy = 0;
  float scale = 1, cx = 0, cy = 0;
  uint64_t time_ms = 0;
};

class GestureRecognizer {
 public:
  struct Config {
    float slop_px = 14;              // movement allowed within a tap (about 2 mm on a 1080p 15.6")
    uint64_t tap_max_ms = 1500;      // a press released within this is a tap
    uint64_t long_press_ms = 2000;   // never fires before tap_max_ms has passed
    uint64_t stale_ms = 4000;        // a finger with no event for this long may be forgotten
    float swipe_min_speed = 500;     // px/s at release to count as a swipe
    uint64_t velocity_window_ms = 100;  // release velocity is measured over the last window
  };
  GestureRecognizer() = default;
  explicit GestureRecognizer(Config c) : cfg_(c) {}

  // Feed every SDL event; others are ignored. win_w/win_h convert normalised finger coordinates.
  void feed(const SDL_Event& e, uint64_t now_ms, int win_w, int win_h);
  // Call when time passes without events (long-press detection).
  void tick(uint64_t now_ms);
  // Pops the next recognised gesture; false when none is waiting.
  bool poll(Gesture& out);
  // A finger (or the mouse button) is down.
  bool active() const;
  // When tick() next needs to run to fire a long-press; 0 when nothing is pending.
  uint64_t next_deadline() const;
  // Drop every finger and pending gesture (session end, screen change mid-gesture).
  void reset();
  // A touch device was removed: its fingers are gone without a finger-up (SDL_DelTouch sends
  // none). The gesture they made ends as on focus loss: Cancel and Release, no tap, no fling.
  void forget_device(int64_t touch_id, uint64_t now_ms);

 private:
  struct Finger {
    float x, y;
    uint64_t seen;  // its last event
  };
  using Key = std::pair<int64_t, int64_t>;  // (device, finger): ids are per device
  struct Sample {
    float x, y;
    uint64_t t;
  };

  void on_down(Key id, float x, float y, uint64_t now);
  void on_move(Key id, float x, float y, uint64_t now);
  void on_up(Key id, float x, float y, uint64_t now);
  void forget_lost_fingers(Key arriving, uint64_t now);
  void forget(Key id, uint64_t now);
  uint64_t long_press_at() const;
  void on_focus_lost(uint64_t now);
  void move_single(const Finger& prev, float x, float y, uint64_t now);
  void begin_pinch(uint64_t now);
  void choose_pinch_pair();
  void update_pinch(uint64_t now);
  void finish(float x, float y, uint64_t now);
  void add_sample(float x, float y, uint64_t t);
  void release_velocity(uint64_t now, float& vx, float& vy) const;
  bool long_press_possible() const;
  void check_long_press(uint64_t now);
  void clear_gesture();
  Gesture& emit(GestureType type, float x, float y, uint64_t now);

  Config cfg_;
  // implementation-defined state (kept here so the class stays a value type)
  std::map<Key, Finger> fingers_;  // current position of each finger down; the mouse is (-1, -1)
  std::deque<Gesture> out_;
  std::deque<Sample> samples_;  // primary finger positions within the velocity window
  bool dragging_ = false, pinching_ = false, tap_possible_ = false, long_fired_ = false;
  bool multi_ = false;  // a second finger was down at some point during this gesture
  Key primary_{-1, -1};
  Key pinch_a_{0, 0}, pinch_b_{0, 0};  // the two fingers the pinch follows
  float pinch_dist_ = 0, pinch_cx_ = 0, pinch_cy_ = 0;
  float down_x_ = 0, down_y_ = 0;
  uint64_t down_ms_ = 0;
};

}  // namespace ui
