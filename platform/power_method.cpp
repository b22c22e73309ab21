// power_method.cpp — the names of screen_power.h's methods, on their own (std only), so the
// settings' reader and its fuzz target need neither SDL nor libdrm.
#include <string>

#include "platform/screen_power.h"

namespace platform {

namespace {
const char* const kMethodNames[] = {"auto", "dpms", "backlight", "command", "none"};
}

bool parse_power_method(const std::string& text, PowerMethod& out) {
  for (int i = 0; i < 5; ++i)
    if (text == kMethodNames[i]) {
      out = (PowerMethod)i;
      return true;
    }
  return false;
}

const char* power_method_name(PowerMethod m) { return kMethodNames[(int)m]; }

}  // namespace platform
