// staff_lock.h — wrong PINs lock the staff keypad: five wrong tries lock it for 60 s, each
// further lockout twice as long (2, 4, 8 … minutes, at most a day); the right PIN forgives all.
//
// Does:     count tries and lockouts against the wall clock (epoch ms, passed in), survive a
//           restart through a small text file in the data directory (a power cycle must not
//           reset the count), and tolerate a wall clock stepped back (an NTP sync after boot):
//           a lock never lasts longer than its own length from now.
// Does not: check PINs (staff_pin.h) or draw.
//
//   open ─wrong×5─► locked(60 s · 2^(lockouts-1)) ─time passes─► open (tries reset, lockouts kept)
//     ▲                                                            │ right PIN: lockouts := 0
//     └────────────────────────────────────────────────────────────┘
#pragma once
#include <cstdint>
#include <string>

namespace app::staff {

class Lockout {
 public:
  static constexpr int kTries = 5;
  static constexpr int64_t kFirstLockMs = 60'000;
  static constexpr int64_t kMaxLockMs = 24 * 3600'000LL;

  bool locked(int64_t now_ms) const { return remaining_ms(now_ms) > 0; }
  // Milliseconds until the keypad opens again; 0 when it is open.
  int64_t remaining_ms(int64_t now_ms) const;
  // Tries left before the next lockout (kTries when none was wrong).
  int tries_left(int64_t now_ms) const;
  int lockouts() const { return lockouts_; }
  // A wrong PIN at `now_ms` (ignored while locked: the keypad refuses input then). True when this
  // try began a lockout.
  bool wrong(int64_t now_ms);
  void right();

  // The state as text, and back (false, state untouched, for text that is not this format).
  std::string save() const;
  bool load(const std::string& text);
  // The file `path` (written temp → fsync → rename). False with why; a missing file loads as open.
  bool load_file(const std::string& path, std::string& why);
  bool save_file(const std::string& path, std::string& why) const;

 private:
  int64_t lock_length() const;
  int wrong_ = 0;             // wrong tries since the last lockout ended (or the right PIN)
  int lockouts_ = 0;          // lockouts since the right PIN
  int64_t until_ms_ = 0;      // the current lockout ends here (wall clock)
  int64_t length_ms_ = 0;     // and lasts this long
};

}  // namespace app::staff
