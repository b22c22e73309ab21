// gestures.h — turns SDL finger and mouse events into the gestures a visitor makes.
//
// Does:     tap, long-press, drag (start / move / end with release velocity for flings),
//           swipe (a fast drag end), two-finger pinch and pan; mouse as a one-finger stand-in.
// Rules:    a tap never fires once a drag began; a second finger never produces taps (and
//           cancels the first finger's tap); a tap is reported where the finger went DOWN;
//           mouse events that SDL synthesises from touch (which == SDL_TOUCH_MOUSEID) are ignored,
//           and touch events synthesised from the mouse (touchId == SDL_MOUSE_TOUCHID) too.
// Time is passed in (milliseconds of a clock the caller owns), so tests run on a fake clock.
// Does not: know about screens or ImGui.
#pragma once

#include <cstdint>
#include <deque>
#include <map>

union SDL_Event;  // SDL stays in gestures.cpp: the header needs only the name

namespace ui {

enum class GestureType {
  Press,      // a finger went down (for immediate visual feedback)
  Release,    // the last finger went up (feedback ends), sent after Tap/DragEnd
  Tap,        // short press without movement
  LongPress,  // held still for long_press_ms; no Tap follows
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
    uint64_t tap_max_ms = 800;       // longer presses are long-presses, not taps
    uint64_t long_press_ms = 650;
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

 private:
  struct Finger {
    float x, y;
  };
  struct Sample {
    float x, y;
    uint64_t t;
  };

  void on_down(int64_t id, float x, float y, uint64_t now);
  void on_move(int64_t id, float x, float y, uint64_t now);
  void on_up(int64_t id, float x, float y, uint64_t now);
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
  std::map<int64_t, Finger> fingers_;  // finger id -> current position; the mouse is id -1
  std::deque<Gesture> out_;
  std::deque<Sample> samples_;  // primary finger positions within the velocity window
  bool dragging_ = false, pinching_ = false, tap_possible_ = false, long_fired_ = false;
  bool multi_ = false;  // a second finger was down at some point during this gesture
  int64_t primary_ = -1;
  int64_t pinch_a_ = 0, pinch_b_ = 0;  // the two fingers the pinch follows
  float pinch_dist_ = 0, pinch_cx_ = 0, pinch_cy_ = 0;
  float down_x_ = 0, down_y_ = 0;
  uint64_t down_ms_ = 0;
};

}  // namespace ui
