// flow.cpp — see flow.h.
#include "kiosk/flow/flow.h"

#include <algorithm>
#include <climits>

namespace flow {

const char* name(Screen s) {
  switch (s) {
    case Screen::Home: return "home";
    case Screen::Rooms: return "rooms";
    case Screen::Room: return "room";
    case Screen::Quotes: return "quotes";
    case Screen::Questions: return "questions";
    case Screen::Answer: return "answer";
    case Screen::Map: return "map";
    case Screen::Warning: return "warning";
    case Screen::Attract: return "attract";
  }
  return "?";
}

Timeouts timeouts_from_seconds(long long idle_s, long long warning_s) {
  Timeouts t;
  if (idle_s > 0) t.idle_ms = (uint64_t)std::clamp(idle_s, 15LL, 3600LL) * 1000;
  if (warning_s > 0) t.warning_ms = (uint64_t)std::clamp(warning_s, 20LL, 600LL) * 1000;
  return t;
}

Flow::Flow(std::string default_lang, Timeouts t) : default_lang_(default_lang), lang_(default_lang), t_(t) {
  stack_.push_back({Screen::Home, 0});
}

const Spot& Flow::here() const {
  static const Spot warning{Screen::Warning, 0}, attract{Screen::Attract, 0};
  if (attract_) return attract;
  if (warning_) return warning;
  return stack_.back();
}
const Spot& Flow::beneath() const { return stack_.back(); }

void Flow::go(Spot s) {
  if (!(stack_.back() == s)) stack_.push_back(s);
}
void Flow::replace(Spot s) { stack_.back() = s; }
void Flow::back() {
  if (stack_.size() > 1) stack_.pop_back();
}
void Flow::home() { stack_.resize(1); }

void Flow::touch(uint64_t now_ms) {
  last_touch_ = now_ms;
  visitor_ = true;
  hold_spent_ = false;
}

void Flow::hold(Screen owner, bool on, uint64_t now_ms) {
  const bool may = on && !attract_ && !warning_ && !hold_spent_ && stack_.back().screen == owner;
  if (may && !held_) held_ = true, hold_owner_ = owner, hold_since_ = now_ms;
  if (held_) last_touch_ = now_ms;  // the idle period starts again when the animation ends
  if (!may) held_ = false;
  drop_stale_hold(now_ms);
}

// A hold whose screen is gone ends where it was last renewed (last_touch_); one that reached the
// cap ends at the cap, so the idle period counts from there.
void Flow::drop_stale_hold(uint64_t now_ms) {
  if (!held_) return;
  if (attract_ || warning_ || stack_.back().screen != hold_owner_) {
    held_ = false;
  } else if (now_ms - hold_since_ >= kMaxHoldMs) {
    held_ = false;
    hold_spent_ = true;
    last_touch_ = hold_since_ + kMaxHoldMs;
  }
}

bool Flow::update(uint64_t now_ms) {
  drop_stale_hold(now_ms);
  if (attract_ || held_) return false;
  uint64_t idle = now_ms - last_touch_;
  if (!warning_ && idle >= t_.idle_ms) {
    // Nobody has touched since start or wake: no one to warn, go straight to attract mode.
    if (!visitor_) {
      end_session();
      return true;
    }
    warning_ = true;
    return true;
  }
  if (warning_ && idle >= t_.idle_ms + t_.warning_ms) {
    end_session();
    return true;
  }
  return false;
}

uint64_t Flow::next_deadline(uint64_t now_ms) const {
  if (attract_) return UINT64_MAX;
  if (held_) {
    if (stack_.back().screen != hold_owner_) return 0;  // update() drops it now
    uint64_t cap = hold_since_ + kMaxHoldMs;
    return cap > now_ms ? cap - now_ms : 0;
  }
  uint64_t due = last_touch_ + t_.idle_ms;
  if (warning_) {
    // Wake every second while the countdown is visible, so the number on screen is right.
    uint64_t end = due + t_.warning_ms;
    uint64_t next_second = now_ms + 1000 - (now_ms - due) % 1000;
    return (std::min(end, next_second) > now_ms ? std::min(end, next_second) : now_ms) - now_ms;
  }
  return due > now_ms ? due - now_ms : 0;
}

int Flow::warning_seconds_left(uint64_t now_ms) const {
  uint64_t end = last_touch_ + t_.idle_ms + t_.warning_ms;
  if (now_ms >= end) return 0;
  return (int)((end - now_ms + 999) / 1000);
}

void Flow::continue_session(uint64_t now_ms) {
  warning_ = false;
  last_touch_ = now_ms;
}

void Flow::end_session() {
  warning_ = false;
  attract_ = true;
  held_ = false;
  hold_spent_ = false;
  stack_.assign(1, {Screen::Home, 0});
  lang_ = default_lang_;
  larger_text_ = false;
  visitor_ = false;
  ++sessions_ended_;
}

void Flow::wake(uint64_t now_ms) {
  attract_ = false;
  warning_ = false;
  held_ = hold_spent_ = false;
  stack_.assign(1, {Screen::Home, 0});
  lang_ = default_lang_;
  larger_text_ = false;
  last_touch_ = now_ms;
  visitor_ = true;
}

}  // namespace flow
