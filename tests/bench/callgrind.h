// callgrind.h — kiosk-bench's instruction-count mode: the same scenarios under
// `valgrind --tool=callgrind`, two dumps per frame (CALLGRIND_DUMP_STATS_AT from
// <valgrind/callgrind.h>: one as the frame starts, one when it is presented), so start-up, every
// frame, and the work between frames (input, idle-time preparation) each get a count of
// instructions that does not depend on what else the machine is doing.
// Does not: time anything (instructions are not milliseconds; they compare builds and changes).
#pragma once
#include <string>
#include <vector>

#include "figures.h"

namespace bench {

// Runs kiosk-bench itself (`self`) under valgrind once per scenario; returns the figures:
// {"startup_ir", "scenarios": {name: {frames, ir_p50, ir_p99, ir_max}}} or an error.
// Without `pixels` the frames are built but not submitted (App's rasterize = false, as in the
// soak): the kiosk's own instructions, text rasterising included, without SDL's software
// rasteriser's hundreds of millions per 1080p frame (which make a run take an hour).
json callgrind_figures(const Setup& s, const std::string& self, const std::vector<std::string>& scenarios, bool pixels);

// Inside valgrind: start the kiosk (dump "startup" after its first frame), play the scenario's
// setup (dump "setup"), then dump after every frame of its action. Returns the exit status.
int callgrind_child(const Setup& s, const std::string& scenario, bool pixels);

}  // namespace bench
