// paths_linux.cpp — Linux implementation of paths.h.
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <filesystem>

#include "platform/paths.h"

namespace platform {

static std::string exe_dir() {
  char buf[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  buf[n] = 0;
  return std::filesystem::path(buf).parent_path().string();
}

std::string fallback_font() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = getenv("KIOSK_FALLBACK_FONT"))
    if (fs::is_regular_file(env, ec)) return env;
  for (const std::string& p : {exe_dir() + "/assets/fonts/fallback.ttf", exe_dir() + "/../share/museum-kiosk/fallback.ttf",
                               std::string("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
                               std::string("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")})
    if (fs::is_regular_file(p, ec)) return p;
  return "";
}

bool display_available() {
  if (getenv("DISPLAY") || getenv("WAYLAND_DISPLAY")) return true;
  std::error_code ec;
  return std::filesystem::exists("/dev/dri/card0", ec) || std::filesystem::exists("/dev/dri/card1", ec);
}

}  // namespace platform
