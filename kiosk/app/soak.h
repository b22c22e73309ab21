// soak.h — months on the wall, in minutes: attract mode plus a synthetic visitor every few
// minutes on a virtual clock, drawing every frame a real kiosk would draw (without putting the
// pixels on a screen), then one line of resource figures to compare start and end.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>

namespace app {

class App;

// "90s", "30m", "12h", "2d" → milliseconds; 0 on a typo.
uint64_t parse_duration(const std::string& s);

// Runs the soak; prints progress lines and the final `soak: …` line to `out`. Returns 0.
int run_soak(App& app, uint64_t duration_ms, std::ostream& out);

}  // namespace app
