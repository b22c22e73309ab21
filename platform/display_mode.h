// display_mode.h — which of a screen's modes the kiosk asks for.
//
// Does:     pick the mode deliberately: the one configured in kiosk.toml (`mode = "1920x1080@60"`)
//           when the screen offers it; otherwise the screen's preferred mode if it refreshes at
//           50 Hz or more; otherwise the largest mode that does (a 4K TV prefers 3840x2160@30,
//           which judders on every scroll; its 1920x1080@60 is the better wall).
// Does not: talk to SDL or DRM: video_sdl.cpp lists the modes and applies the choice.
#pragma once
#include <string>
#include <vector>

namespace platform {

struct Mode {
  int w = 0, h = 0, hz = 0;  // hz 0: unknown (SDL reports 0 where the driver does not say)
};

// "1920x1080@60" or "1920x1080" (any refresh rate). False on anything else.
bool parse_mode(const std::string& text, Mode& out);
std::string mode_text(const Mode& m);

// Index into `modes` of the mode to use; `preferred` is the screen's own (SDL's desktop mode,
// which KMSDRM takes from the connector). `wanted` is the configured mode or w == 0 for none.
// `why` says in one line what was chosen and why (for the log). -1 only when `modes` is empty.
int choose_mode(const std::vector<Mode>& modes, const Mode& preferred, const Mode& wanted, std::string& why);

}  // namespace platform
