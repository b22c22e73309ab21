// staff_desk.cpp — App's side of the staff overlay: see staff_desk.h for the picture.
#include <SDL.h>

#include <algorithm>
#include <chrono>

#include "kiosk/app/app.h"
#include "kiosk/app/staff_pin.h"

namespace app {

namespace {

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

}  // namespace

// At start: the corner's size, where wrong tries are kept, and whether the overlay can open at all.
void App::staff_start() {
  staff_.corner.set_corner((float)theme_.mm(10.f));
  const StaffSettings& s = opt_.config.staff;
  staff_.lockout_file = !s.lockout_file.empty()   ? s.lockout_file
                        : !opt_.config.stats.empty() ? folder_of(opt_.config.stats) + "/staff-lockout"
                                                     : "";
  std::string why;
  if (staff_.lockout_file.empty())
    SDL_Log("staff overlay: wrong PINs are counted in memory only (no [staff] lockout_file, no stats file): a restart forgets them");
  else if (!staff_.lock.load_file(staff_.lockout_file, why))
    SDL_Log("staff overlay: %s", why.c_str());
  if (s.pin.empty())
    SDL_Log(s.open_without_pin ? "staff overlay: no PIN, and open_without_pin = true: the corner gesture opens it for anyone"
                               : "staff overlay: no [staff] pin in kiosk.toml, so it cannot be opened; set one with kiosk --set-pin");
  else if (!staff::hash_usable(s.pin, why))
    SDL_Log("staff overlay: %s; it cannot be opened", why.c_str());
}

// Touches, before the visitor's gestures see them. Closed: the corner claims its own. Open:
// the touch test records trails; the gestures then go to staff_gesture(), not the visitor.
bool App::staff_event(const SDL_Event& e) {
  int64_t id;
  float x, y;
  Uint32 type;
  if (e.type == SDL_FINGERDOWN || e.type == SDL_FINGERMOTION || e.type == SDL_FINGERUP) {
    if (e.tfinger.touchId == SDL_MOUSE_TOUCHID) return false;
    id = (int64_t)e.tfinger.fingerId, x = e.tfinger.x * video_.width, y = e.tfinger.y * video_.height;
    type = e.type;
  } else if ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) && e.button.which != SDL_TOUCH_MOUSEID &&
             e.button.button == SDL_BUTTON_LEFT) {
    id = -1, x = (float)e.button.x, y = (float)e.button.y;
    type = e.type == SDL_MOUSEBUTTONDOWN ? SDL_FINGERDOWN : SDL_FINGERUP;
  } else if (e.type == SDL_MOUSEMOTION && e.motion.which != SDL_TOUCH_MOUSEID && (e.motion.state & SDL_BUTTON_LMASK)) {
    id = -1, x = (float)e.motion.x, y = (float)e.motion.y, type = SDL_FINGERMOTION;
  } else {
    return false;
  }
  auto corner = [&] {
    if (type == SDL_FINGERDOWN) return staff_.corner.down(id, x, y, now_);
    if (type == SDL_FINGERMOTION) return staff_.corner.move(id, x, y, now_);
    return staff_.corner.up(id, x, y, now_);
  };
  if (!staff_.open) {
    bool mine = corner();
    if (staff_.corner.take_triggered()) staff_open_now();
    return mine;
  }
  if (staff_.corner.claimed() && type != SDL_FINGERDOWN && corner()) return true;  // the hold that opened it, lifting
  staff_.last_touch = now_;
  if (staff_.page == screens::StaffPage::Touch) {
    auto trail = std::find_if(staff_.trails.begin(), staff_.trails.end(), [&](const auto& t) { return t.finger == id && t.down; });
    if (type == SDL_FINGERDOWN) {
      if (staff_.trails.size() >= 10) staff_.trails.erase(staff_.trails.begin());
      staff_.trails.push_back({id, {{x, y}}, true});
    } else if (trail != staff_.trails.end()) {
      if (trail->points.size() < 2000) trail->points.push_back({x, y});
      if (type == SDL_FINGERUP) trail->down = false;
    }
    dirty_ = true;
  }
  return false;
}

// While open, the gestures press the overlay's buttons and nothing else.
void App::staff_gesture(const ui::Gesture& g) {
  using T = ui::GestureType;
  dirty_ = true;
  if (g.type == T::Press) pressed_ = ui::Point{g.x, g.y};
  else if (g.type == T::Release || g.type == T::DragStart) pressed_.reset();
  else if (g.type == T::Tap) pending_tap_ = ui::Point{g.x, g.y};
}

void App::staff_open_now() {
  const StaffSettings& s = opt_.config.staff;
  std::string why;
  if (s.pin.empty() && !s.open_without_pin) {
    SDL_Log("staff overlay: the corner gesture was made, but there is no [staff] pin in kiosk.toml; set one with kiosk --set-pin");
    return;
  }
  if (!s.pin.empty() && !staff::hash_usable(s.pin, why)) {
    SDL_Log("staff overlay: the corner gesture was made, but %s", why.c_str());
    return;
  }
  staff_.open = true;
  staff_.page = s.pin.empty() ? screens::StaffPage::Status : screens::StaffPage::Pin;
  staff_.digits.clear();
  staff_.pin_note.clear();
  staff_.tools_note.clear();
  staff_.last_touch = now_;
  // The visitor's half-made gesture (if any) ends here; nothing of it reaches the exhibit.
  gestures_.reset();
  pressed_.reset();
  pending_tap_.reset();
  if (staff_.page == screens::StaffPage::Status) staff_read_visitors(), staff_read_store();
  SDL_Log("staff overlay: opened by the corner gesture%s", s.pin.empty() ? " (no PIN asked: open_without_pin)" : "; asking for the PIN");
  dirty_ = true;
}

void App::staff_close(const char* why) {
  staff_.open = false;
  staff_.page = screens::StaffPage::Pin;
  staff_.digits.clear();
  staff_.trails.clear();
  staff_.trails.shrink_to_fit();
  staff_.swaps_at_reload = -1;
  gestures_.reset();
  pressed_.reset();
  pending_tap_.reset();
  SDL_Log("staff overlay: closed (%s)", why);
  dirty_ = true;
}

void App::staff_update() {
  staff_.corner.tick(now_);
  if (!staff_.open && staff_.corner.take_triggered()) staff_open_now();
  if (!staff_.open) return;
  if (now_ >= redraw_at_) dirty_ = true;  // the page's clock (set in staff_draw), also with no bundle or after hours
  if (now_ - staff_.last_touch >= (uint64_t)opt_.config.staff.idle_seconds * 1000) staff_close("left untouched");
}

// The corner's hold and the idle close (the pages' clocks come through redraw_at_).
uint64_t App::staff_wake() const {
  uint64_t w = UINT64_MAX;
  if (uint64_t d = staff_.corner.next_deadline()) w = d;
  if (!staff_.open) return w;
  return std::min({w, staff_.last_touch + (uint64_t)opt_.config.staff.idle_seconds * 1000, redraw_at_});
}

void App::staff_save_lock() {
  std::string why;
  if (!staff_.lockout_file.empty() && !staff_.lock.save_file(staff_.lockout_file, why))
    SDL_Log("staff overlay: wrong tries not saved (%s): a restart would forget them", why.c_str());
}

void App::staff_enter_pin() {
  if (staff_.lock.locked(wall_ms())) return;
  const auto t0 = std::chrono::steady_clock::now();
  bool right = staff::verify_pin(opt_.config.staff.pin, staff_.digits);
  const long ms = (long)std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  staff_.digits.clear();
  if (right) {
    staff_.lock.right();
    staff_save_lock();
    staff_.page = screens::StaffPage::Status;
    staff_.pin_note.clear();
    staff_read_visitors(), staff_read_store();
    SDL_Log("staff overlay: PIN accepted (checked in %ld ms)", ms);
    return;
  }
  bool locked = staff_.lock.wrong(wall_ms());
  staff_save_lock();
  int left = staff_.lock.tries_left(wall_ms());
  if (locked)
    SDL_Log("staff overlay: wrong PIN %d times: locked for %lld s (lockout %d)", staff::Lockout::kTries,
            (long long)(staff_.lock.remaining_ms(wall_ms()) / 1000), staff_.lock.lockouts());
  else
    SDL_Log("staff overlay: wrong PIN (%d %s left)", left, left == 1 ? "try" : "tries");
  staff_.pin_note = locked ? "" : "Wrong PIN: " + std::to_string(left) + (left == 1 ? " try left" : " tries left");
}

// The bundle again: the store's choice, or the file named in kiosk.toml, at the next safe
// moment (a preview's: hands off the glass 0.4 s). The tools page says how it went.
void App::staff_reload() {
  std::string path = store_ ? store_->choose() : opt_.bundle;
  if (path.empty()) {
    staff_.tools_note = "Nothing to reload: no bundle is configured";
    return;
  }
  if (!bundle_) next_retry_ = now_;  // the "unavailable" screen tries again at once
  else request_swap(path, SwapKind::Preview);
  staff_.swaps_at_reload = swaps_;
  staff_.tools_note = "Reloading " + path.substr(path.rfind('/') + 1) + " ...";
  SDL_Log("staff overlay: reload of %s asked", path.c_str());
}

void App::staff_act(const screens::StaffInput& in) {
  using A = screens::StaffAction;
  using P = screens::StaffPage;
  switch (in.action) {
    case A::None: return;
    case A::Digit:
      if (staff_.digits.size() < 8) staff_.digits += in.digit;
      break;
    case A::Erase:
      if (!staff_.digits.empty()) staff_.digits.pop_back();
      break;
    case A::Enter: staff_enter_pin(); break;
    case A::Close: staff_close(staff_.page == P::Pin ? "cancelled" : "closed by staff"); return;
    case A::Status: staff_.page = P::Status, staff_read_visitors(), staff_read_store(); break;
    case A::Tools: staff_.page = P::Tools; break;
    case A::Reload: staff_reload(); break;
    case A::Pattern: staff_.page = P::Pattern; break;
    case A::Touch: staff_.page = P::Touch, staff_.trails.clear(); break;
    case A::Leave: staff_.page = P::Tools; break;
    case A::HighContrast:
      set_high_contrast(!theme_.high_contrast);
      staff_.tools_note = std::string("High contrast ") + (theme_.high_contrast ? "on" : "off") +
                          " until the kiosk restarts (for good: high_contrast in kiosk.toml)";
      SDL_Log("staff overlay: high contrast %s", theme_.high_contrast ? "on" : "off");
      break;
    case A::Restart:
      SDL_Log("staff overlay: restart asked; exiting with %d for systemd to start the kiosk again", kExitRestart);
      staff_.exit_code = kExitRestart;
      staff_.tools_note = "Restarting ...";
      break;
    case A::Exit:
      if (!opt_.config.staff.allow_exit) break;
      SDL_Log("staff overlay: exit to the console asked; exiting with %d (systemd does not restart it)", kExitToConsole);
      staff_.exit_code = kExitToConsole;
      staff_.tools_note = "Exiting to the console ...";
      break;
  }
  dirty_ = true;
}

void App::staff_draw(ui::Canvas& c) {
  // Reload's outcome, once the swap happened or was refused.
  if (staff_.swaps_at_reload >= 0 && !pending_swap_) {
    if (swaps_ > staff_.swaps_at_reload || (bundle_ && last_swap_failure_.empty()))
      staff_.tools_note = "Reloaded: " + (bundle_ ? bundle_->exhibit().meta.title.in(bundle_->exhibit().meta.languages.at(0)) + " " +
                                                        bundle_->exhibit().meta.version
                                                  : std::string("nothing to show"));
    else
      staff_.tools_note = "Refused: " + (last_swap_failure_.empty() ? unavailable_reason_ : last_swap_failure_);
    staff_.swaps_at_reload = -1;
  }
  screens::StaffInput in = screens::draw_staff(c, staff_view());
  // A clock on the page (the uptime, the lockout's countdown): drawn again at the next second.
  bool ticking = staff_.page == screens::StaffPage::Status || (staff_.page == screens::StaffPage::Pin && staff_.lock.locked(wall_ms()));
  if (ticking) redraw_at_ = now_ + 1000 - now_ % 1000;
  staff_act(in);
}

}  // namespace app
