// budgets.h — the kiosk's performance budgets, in one place: what kiosk-bench (and so
// `make bench`) judges every figure against. Issue 11 set them; a budget that fails stays failing
// until the code is fixed — never loosen one here to make the bench pass.
//
// Does:     name each budget, its limit, unit, which bench figure it judges and why it matters.
// Does not: measure anything (bench_main.cpp does), or decide what "here" is: the limits are for
//           this development machine class; a Raspberry Pi 4 is roughly 5–10× slower per frame.
#pragma once

namespace bench {

struct Budget {
  const char* name;    // as printed in the PASS/FAIL table
  const char* figure;  // the JSON key it judges (per scenario when `per_scenario`)
  double limit;        // the figure must be <= limit
  const char* unit;
  bool per_scenario;
  bool interactive_only;  // per-scenario budgets that skip attract mode (nobody is touching)
  const char* why;
  // Per-scenario budgets are judged on the software renderer and on OpenGL ES. Not on OpenGL ES
  // here when the figure includes the GL driver's own work: Mesa's llvmpipe runs the vertex
  // pipeline (its JIT'd shaders, triangle setup, binning) on the thread that hands the frame over,
  // which is the GPU's work on a Pi. perf on the map (1920x1080): 96 % of that thread's samples
  // are llvmpipe's, 4 % the kernel's, SDL's, the kiosk's and libc's. Those figures are printed, not judged.
  bool judged_on_llvmpipe = true;
};

inline constexpr Budget kBudgets[] = {
    {"peak RSS, dummy driver, 1920x1080", "peak_rss_mb.dummy", 64, "MiB", false, false,
     "a Pi with 1-2 GB also runs the compositor-less stack, journald and updates: the kiosk's own memory over a tour of every screen"},
    {"first frame CPU", "first_frame_cpu_ms", 100, "ms", false, false,
     "process start to first presented frame; ~5-10x that on a Pi 4 is still under a second"},
    {"first frame CPU / Chromium's on the same page", "first_frame_vs_chromium", 0.2, "x Chromium", false, false,
     "why a native kiosk: Chromium's whole process tree to its first screenshot of the home screen as a web page (chromium.h)"},
    {"frame build p99", "frame_build_ms_p99", 1, "ms", true, false,
     "the kiosk's own CPU per frame: ~8-10 ms on a Pi 4's A72 leaves the frame for the GPU"},
    {"frame build + submit p99", "frame_build_submit_ms_p99", 2, "ms", true, false,
     "everything the kiosk's CPU does for a frame before the pixels: a 60 Hz frame on a Pi 4 at 5-10x", false},
    {"text blocks rasterised under a finger", "rasterised_blocks", 0, "blocks", true, true,
     "rasterising a text block costs milliseconds: neighbours are prepared while idle, never during a swipe"},
    {"fill per frame", "fill_ratio", 3, "x screen", true, false,
     "overdraw: the Pi's GPU fills a 1080p screen only a few times per frame at 60 Hz"},
    {"idle redraws on home", "idle_redraws_per_s", 0, "/s", false, false,
     "a kiosk that nobody touches draws nothing"},
    {"idle wake-ups on home", "idle_wakeups_per_s", 1, "/s", false, false,
     "months on the wall: a sleeping process costs no power and leaves the CPU cool"},
    {"attract mode CPU", "attract_cpu_percent", 10, "% of a core", false, false,
     "attract mode runs most of the day: it draws only when something on screen changes"},
    {"largest texture side", "texture_px", 2048, "px", false, false,
     "older Pi GPUs and many GLES drivers cap textures; big textures cost memory bandwidth"},
    {"font atlas side", "atlas_px", 2048, "px", false, false,
     "ImGui's label atlas is one texture: it must fit every GPU the kiosk meets"},
    {"bundle::load with 10x content", "bundle_load_10x_ratio", 12, "x time", false, false,
     "opening must stay linear: a bundle with 10x the rooms, quotes and questions opens in <= 12x the time"},
};

}  // namespace bench
