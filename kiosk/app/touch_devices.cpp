// touch_devices.cpp — see touch_devices.h.
#include "kiosk/app/touch_devices.h"

#include <SDL.h>

#include <algorithm>

namespace app {

TouchDevices::TouchDevices(List list, Log log) : list_(std::move(list)), log_(std::move(log)) {
  if (!list_)
    list_ = [] {
      std::vector<int64_t> ids;
      for (int i = 0, n = SDL_GetNumTouchDevices(); i < n; ++i)
        if (SDL_TouchID id = SDL_GetTouchDevice(i)) ids.push_back(id);
      return ids;
    };
  if (!log_) log_ = [](const std::string& s) { SDL_Log("%s", s.c_str()); };
}

std::vector<int64_t> TouchDevices::gone() {
  std::vector<int64_t> now = list_(), out;
  std::sort(now.begin(), now.end());
  for (int64_t id : known_)
    if (!std::binary_search(now.begin(), now.end(), id)) {
      out.push_back(id);
      log_("touch screen " + std::to_string(id) + " removed: its fingers are forgotten");
    }
  for (int64_t id : now)
    if (!std::binary_search(known_.begin(), known_.end(), id) && looked_)
      log_("touch screen " + std::to_string(id) + " plugged in");
  known_ = std::move(now);
  looked_ = true;
  return out;
}

}  // namespace app
