// fuzz_config.cpp — the kiosk's own settings file (kiosk.toml) through app::load_config:
// TOML, screen size, timeouts, opening hours and their exceptions.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "kiosk/app/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/kiosk-fuzz-config-" + std::to_string(getpid()) + ".toml";
  FILE* f = fopen(path.c_str(), "wb");
  if (!f) return 0;
  fwrite(data, 1, size, f);
  fclose(f);
  app::Config c;
  std::vector<std::string> errors;
  app::load_config(path, c, errors);
  // What the kiosk then asks of the schedule, at a few moments of a year.
  for (int64_t t = 1700000000; t < 1700000000 + 366 * 86400; t += 73 * 86400 + 3607) {
    (void)c.hours.is_open(t);
    (void)c.hours.next_change(t);
  }
  return 0;
}
