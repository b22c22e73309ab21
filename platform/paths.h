// paths.h — where the kiosk finds things that are not in the bundle.
#pragma once
#include <string>

namespace platform {

// A font to show the "exhibit unavailable" screen when no bundle can be read: $KIOSK_FALLBACK_FONT,
// then the copy installed beside the program (assets/fonts/), then the system's DejaVu Sans
// (package fonts-dejavu-core, a dependency of the kiosk). "" when none exists.
std::string fallback_font();

// True when a display is reachable: X11, Wayland, or a DRM device for KMSDRM.
bool display_available();

}  // namespace platform
