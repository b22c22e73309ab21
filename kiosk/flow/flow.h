// flow.h — where the visitor is: the stack of screens, the session's language and text size,
// and the timers that end a session. Standard C++ only; time is passed in, never read.
//
//        touch                     tap                      tap "continue"
//  ┌──────────┐  any touch  ┌──────┐ ──► rooms ─► room     ┌─────────┐
//  │ attract  │ ──────────► │ home │ ──► quotes            │ warning │ ──► back where they were
//  └──────────┘             └──────┘ ──► questions ─► answer└─────────┘
//       ▲                      │  ──► map                       ▲  │ no touch for warning_s
//       │                      │  nav.back pops one level       │  ▼
//       │                      └── no touch for idle_s ─────────┘  session ends: language,
//       └──────────────────────────────────────────────────────────  text size and stack reset
//
// "unavailable" is not part of the flow: the app shows it when there is no bundle to show.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace flow {

enum class Screen { Home, Rooms, Room, Quotes, Questions, Answer, Map, Warning, Attract };

// The name the tour's expect-screen sees.
const char* name(Screen s);

struct Spot {
  Screen screen = Screen::Home;
  int index = 0;  // room, quotation or question index where the screen has one
  bool operator==(const Spot& o) const { return screen == o.screen && index == o.index; }
};

struct Timeouts {
  uint64_t idle_ms = 90'000;     // no touch for this long: the warning
  uint64_t warning_ms = 30'000;  // the warning's countdown before the session ends
};

// Timeouts from seconds as a curator or technician wrote them: zero or negative means the
// default, and the rest is kept within 15 s…1 h (idle) and 20 s…10 min (warning), so a typo can
// neither wrap to a huge unsigned wait nor make the kiosk spin on a zero one.
Timeouts timeouts_from_seconds(long long idle_s, long long warning_s);

class Flow {
 public:
  // `default_lang`: the exhibit's first language, where every session starts.
  explicit Flow(std::string default_lang, Timeouts t = {});

  const Spot& here() const;      // the screen to draw (Warning / Attract when those are up)
  const Spot& beneath() const;   // the visitor's screen under a warning
  Screen screen() const { return here().screen; }

  void go(Spot s);               // open a screen on top
  void replace(Spot s);          // change the current screen in place (next room, next quote)
  void back();                   // one level up; home stays home
  void home();

  const std::string& lang() const { return lang_; }
  void set_lang(const std::string& l) { lang_ = l; }
  bool larger_text() const { return larger_text_; }
  void set_larger_text(bool on) { larger_text_ = on; }

  // Timers. touch() on every press; update() when time passes. update() returns true when what
  // is shown changed (warning up, session ended).
  void touch(uint64_t now_ms);
  // The clock starts (kiosk start, a new bundle): idle time counts from here, with no visitor yet.
  void start(uint64_t now_ms) { last_touch_ = now_ms; }
  bool update(uint64_t now_ms);
  // Pauses the idle timer while a visitor-started animation on screen `owner` runs (the journey
  // playing on the map); call it every frame the owner draws. A hold can never outlive its
  // reason: it ends when `on` is false, when the visitor is no longer on `owner` (left it, or a
  // warning / the session's end came), and at the latest kMaxHoldMs after it began, whatever the
  // screen does; after that cap, only a touch lets a new hold begin.
  void hold(Screen owner, bool on, uint64_t now_ms);
  bool held() const { return held_; }
  static constexpr uint64_t kMaxHoldMs = 10 * 60 * 1000;
  // Milliseconds until update() next has something to do; UINT64_MAX when nothing is pending.
  uint64_t next_deadline(uint64_t now_ms) const;
  // Seconds left on the warning's countdown (rounded up).
  int warning_seconds_left(uint64_t now_ms) const;
  void continue_session(uint64_t now_ms);  // the warning's one-tap "continue"
  void end_session();                      // back to attract, everything reset
  void wake(uint64_t now_ms);              // a touch on attract: home, in the default language
  int sessions_ended() const { return sessions_ended_; }
  const Timeouts& timeouts() const { return t_; }

 private:
  std::vector<Spot> stack_;
  std::string default_lang_, lang_;
  bool larger_text_ = false;
  Timeouts t_;
  uint64_t last_touch_ = 0;
  bool warning_ = false, attract_ = false, held_ = false, visitor_ = false;
  bool hold_spent_ = false;  // the last hold ran to the cap; none until the next touch
  Screen hold_owner_ = Screen::Map;
  uint64_t hold_since_ = 0;
  void drop_stale_hold(uint64_t now_ms);
  int sessions_ended_ = 0;
};

}  // namespace flow
