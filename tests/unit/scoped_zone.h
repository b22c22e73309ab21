// scoped_zone.h — sets the process's time zone (TZ) for one test and puts the old one back.
// Local time matters to opening hours, statistics reports and moved-aside file names.
#pragma once
#include <cstdlib>
#include <ctime>
#include <string>

namespace testutil {

struct ScopedZone {
  std::string old;
  bool had;
  explicit ScopedZone(const char* tz) {
    const char* t = std::getenv("TZ");
    had = t != nullptr;
    if (had) old = t;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~ScopedZone() {
    if (had) setenv("TZ", old.c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
};

}  // namespace testutil
