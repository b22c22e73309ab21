// staff_desk.h — the state of the staff overlay, which App owns; its logic is App's, in
// staff_desk.cpp (opening on the corner gesture, the PIN and its lockout, the pages' facts, the
// buttons, the idle close).
//
//   exhibit ─corner gesture (ui/staff_corner.h)─► PIN ─right─► status ⇄ tools ─► pattern / touch
//      ▲          no PIN configured: logged, stays shut      │wrong×5: locked 60 s, doubling
//      └── Close / Cancel / idle_seconds untouched (no warning: staff are not visitors) ◄──┘
//
// While it is open nothing reaches the visitor's flow: no session starts, no idle timer is
// reset, attract mode and statistics see nothing; the visitor's timers run on underneath, so a
// visit left behind the overlay ends as it would have. Restart and exit leave the main loop
// with the codes below (deploy/museum-kiosk.service: Restart=always, RestartPreventExitStatus=65).
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/staff_lock.h"
#include "kiosk/screens/staff.h"
#include "kiosk/ui/staff_corner.h"

namespace app {

constexpr int kExitRestart = 0;     // systemd's Restart=always starts the kiosk again
constexpr int kExitToConsole = 65;  // RestartPreventExitStatus=65: it stays stopped

struct StaffDesk {
  ui::StaffCorner corner;
  bool open = false;
  screens::StaffPage page = screens::StaffPage::Pin;
  std::string digits;                 // typed on the keypad; cleared on every Enter and Close
  std::string pin_note, tools_note;
  uint64_t last_touch = 0;            // now() of the latest touch while open
  staff::Lockout lock;
  std::string lockout_file;           // "" = tries are counted in memory only
  std::deque<float> frame_ms;         // the last kFrames frames' build + submit times
  static constexpr size_t kFrames = 120;
  std::vector<screens::StaffTrail> trails;
  std::optional<int> exit_code;       // Restart / Exit asked for
  int swaps_at_reload = -1;           // App::swaps() when Reload was pressed; -1: none pending
  bool steady = false;                // tours: run-to-run figures (RSS, times) shown as fixed samples
  std::string visitors;               // today's visitor statistics, read when the status page opens
  std::string store;                  // the store's key, trial and previous bundle, read then too
};

}  // namespace app
