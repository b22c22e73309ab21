// touch_devices.h — noticing a touch screen unplugged (and plugged back) while the kiosk runs.
//
// Does:     compare SDL's list of touch devices with the last look and say which ones are gone
//           and which are new, logging each change once. SDL 2.26 (SDL_evdev.c, udev hotplug)
//           removes a device with SDL_DelTouch, which sends no event and no finger-up, and
//           numbers a plugged-in device by its new evdev fd; so the app looks at the list when
//           a finger goes down and about once a second while one is held, and tells the gesture
//           layer to forget the fingers of a device that is gone.
// Does not: map touches to the display: SDL normalises every touch screen to 0…1 of the panel,
//           new or old, and rotation.h turns it like any other.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace app {

class TouchDevices {
 public:
  using List = std::function<std::vector<int64_t>()>;
  using Log = std::function<void(const std::string&)>;
  // list: the devices there now (default: SDL_GetNumTouchDevices / SDL_GetTouchDevice).
  explicit TouchDevices(List list = {}, Log log = {});
  // The devices seen at the last look that are not there now. Ids never listed (the tours'
  // synthetic touches) are never reported gone.
  std::vector<int64_t> gone();
  const std::vector<int64_t>& known() const { return known_; }

 private:
  List list_;
  Log log_;
  std::vector<int64_t> known_;
  bool looked_ = false;
};

}  // namespace app
