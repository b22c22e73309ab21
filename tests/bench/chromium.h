// chromium.h — kiosk-bench's comparison with a web kiosk: Chromium showing the kiosk's home
// screen as a static page (equivalent_page.h), started headless as a kiosk would start it, timed
// from its start to its first screenshot, CPU and memory of its whole process tree
// (process_tree.h). Issue 11's budget: the kiosk's first frame costs <= 1/5 of that CPU.
//
// Does:     chromium_* figures, or null with a "_why" that says plainly why not (not installed,
//           --quick); first_frame_vs_chromium from the kiosk's figure and Chromium's.
// Does not: install Chromium (`make bench` does, deploy/debian-packages-bench.txt), or judge the
//           budget (report.cpp does, from budgets.h: an unmeasured figure fails it).
#pragma once
#include "figures.h"

namespace bench {

// chromium_first_screenshot_ms, chromium_first_screenshot_cpu_ms, chromium_screenshot_pss_mb,
// chromium_screenshot_rss_mb, chromium_processes, chromium_version.
json chromium_figures(const Setup& s);

// Adds first_frame_vs_chromium (the kiosk's first_frame_cpu_ms / Chromium's CPU to its first
// screenshot) and kiosk_rss_vs_chromium_pss to `report`, null with a reason where a side is missing.
void compare_with_chromium(json& report);

}  // namespace bench
