// display_power.h — turning the screen off at closing time and on again, with whatever command
// the site uses (DPMS through wlr-randr or xset, HDMI-CEC through cec-ctl, `vcgencmd
// display_power` on a Raspberry Pi). The command runs in the background: the kiosk never waits.
#pragma once
#include <string>

namespace platform {

// Runs `command` with /bin/sh without waiting for it; "" does nothing. Returns false if it could
// not be started (the reason goes to the log).
bool run_display_command(const std::string& command);

}  // namespace platform
