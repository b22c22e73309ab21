// staff_parts.h — what the staff overlay's files share (internal to kiosk/screens).
#pragma once
#include "kiosk/screens/staff.h"

namespace screens {
namespace staff_parts {
// `s` cut (with "...") to fit `w` px as a label.
std::string fit(ui::Canvas& c, const std::string& s, float w, bool small = false);
// The overlay's top bar: Close and the Status / Tools tabs. Returns the area below it.
ui::Rect bar(ui::Canvas& c, StaffPage page, StaffInput& in);
}  // namespace staff_parts

void draw_status(ui::Canvas& c, const StaffView& v, const ui::Rect& area);                   // staff_status.cpp
void draw_tools(ui::Canvas& c, const StaffView& v, const ui::Rect& area, StaffInput& in);    // staff_status.cpp
void draw_pattern(ui::Canvas& c, const StaffView& v, StaffInput& in);                        // staff_checks.cpp
void draw_touch(ui::Canvas& c, const StaffView& v, StaffInput& in);                          // staff_checks.cpp

}  // namespace screens
