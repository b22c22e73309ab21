// figures.h — kiosk-bench's measurements, one function per group of figures, each returning
// its part of the JSON report (null where a figure could not be measured, with a "_why" key
// beside it saying why). bench_main.cpp puts them together; report.h prints and judges them.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace bench {

using json = nlohmann::ordered_json;

struct Setup {
  std::string source_dir;   // the repository (content/exhibit, tests/bench)
  std::string kiosk, kiosk_bundle, heap_lib;  // programs; heap_lib "" = no heap counting
  std::string work_dir;     // scratch: bundles, grown exhibit
  std::string bundle;       // the sample bundle, built by bundle_figures()
  std::string renderer;     // "" = the kiosk's own choice; else SDL_RENDER_DRIVER for every run
  bool quick = false;       // the ctest smoke: one run each, short windows, a small screen
  int width = 1920, height = 1080;
  int repeats = 3;          // runs per wall-clock figure (the median is reported)
};

json sample_bundle(Setup& s);        // builds the sample bundle only: bundle_build_s
json bundle_figures(Setup& s);       // bundle_build_s, bundle_open_ms, bundle_load_ms, bundle_load_10x_ratio
json first_frame_figures(const Setup& s);  // first_frame_ms, first_frame_cpu_ms
json memory_figures(const Setup& s);  // peak_rss_mb per driver, heap_peak_mb
json idle_figures(const Setup& s);    // idle_redraws_per_s, idle_wakeups_per_s
// Every scenario on the renderer in use (scenarios, attract_*), the text cache and atlas figures.
json scenario_figures(const Setup& s);
// The scenarios on SDL_Renderer's opengles2 driver (offscreen + EGL here), or null and why.
json gles2_figures(const Setup& s);

}  // namespace bench
