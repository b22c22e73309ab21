// staff.h — the staff overlay's pages: the PIN keypad, the status page, the tools, the test
// pattern and the touch test. Drawn over (instead of) the exhibit, full screen, in the
// technician's language (English, compiled in: see README.md, "Staff overlay"), with the same
// canvas, theme and checks as the visitor screens: targets of 16 mm, text of 4.5 mm or more.
//
// Does:     draw a page from a StaffView the app fills in, and say what was tapped.
// Does not: check PINs, count tries, measure anything or act on a button (kiosk/app/staff_desk.cpp);
//           call SDL.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ui/canvas.h"

namespace screens {

enum class StaffPage { Pin, Status, Tools, Pattern, Touch };
// The name the tour's expect-screen sees: "staff-pin", "staff-status", …
const char* staff_page_name(StaffPage p);

struct StaffFact {
  std::string name, value;  // "Exhibit", "Trotsky in Coyoacán"
};

struct StaffTrail {
  int64_t finger = 0;
  std::vector<ui::Point> points;  // oldest first
  bool down = false;              // still on the glass
};

struct StaffView {
  StaffPage page = StaffPage::Pin;
  // The keypad: how many digits are typed (shown as dots, never the digits), and one line of news.
  size_t digits = 0;
  std::string pin_note;
  bool locked = false;
  // Status: facts in order, and the last frames' times in ms (oldest first).
  std::vector<StaffFact> facts;
  std::vector<float> frame_ms;
  // Tools.
  bool high_contrast = false, allow_exit = false;
  std::string tools_note;
  // Test pattern and touch test.
  std::string screen_note;  // "1920 x 1080 px, 344 x 194 mm"
  std::vector<StaffTrail> trails;
};

enum class StaffAction { None, Digit, Erase, Enter, Close, Status, Tools, Reload, Pattern, Touch, Leave, HighContrast, Restart, Exit };

struct StaffInput {
  StaffAction action = StaffAction::None;
  char digit = 0;  // with Digit
};

StaffInput draw_staff(ui::Canvas& c, const StaffView& v);

}  // namespace screens
