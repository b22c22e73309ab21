// scenarios.h — kiosk-bench's in-process part: the kiosk's app layer (app::App, as the tour
// player drives it) on the sample bundle, headless, on a virtual clock, with every frame's cost
// read as it is drawn.
//
// Each scenario is two tours in tests/bench/scenes/: NAME.setup.tour brings the kiosk to the
// screen (not measured), NAME.tour is the visitor's action whose frames are measured. Attract
// mode's action is one whole playlist cycle of virtual time instead of a tour.
// Does:     per-frame CPU (build and submit: this thread; total: the process, pixels included; see
//           app::App::FrameStats for what each is), what ImGui sent
//           (draw calls, vertices, pixels covered), the largest texture drawn, text blocks rasterised.
// Does not: start the real `kiosk` process (children.h does: first frame, RSS, idle).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct ScenarioResult {
  std::string name;
  bool interactive = true;  // a visitor's gesture (attract mode is not)
  int frames = 0;
  double build_p50 = 0, build_p99 = 0, submit_p50 = 0, submit_p99 = 0;
  double build_submit_p99 = 0, total_p50 = 0, total_p99 = 0;  // total: the frame's whole CPU, build to present
  int draw_calls = 0, vertices = 0;  // the worst frame's
  double fill_ratio = 0;             // the worst frame's pixels covered / screen pixels
  uint64_t rasterised = 0;           // text blocks rasterised during the measured frames
  int texture_px = 0;                // the largest side of any texture drawn
  double cpu_ms = 0, span_ms = 0;    // all frames' CPU, and the virtual time they covered
  std::string renderer;              // SDL's name for the renderer that drew
  std::string error;                 // "" when the scenario ran
};

struct RunOptions {
  std::string bundle, scenes_dir;
  int width = 1920, height = 1080;
  int repeats = 3;  // each scenario this many times in a fresh kiosk; the medians are reported
  uint64_t attract_ms = 0;  // attract mode's virtual time; 0 = one whole playlist cycle
};

// The scenarios, in the order the issue lists them.
const std::vector<std::string>& scenario_names();

// Runs scenario `name` `repeats` times; per-frame percentiles are taken per run, then the median.
ScenarioResult run_scenario(const RunOptions& o, const std::string& name);

// A tour of every screen in one kiosk: the text cache's and the atlas's figures after it.
struct TourFigures {
  uint64_t text_bytes = 0, text_peak_bytes = 0, text_budget = 0, hits = 0, misses = 0, rasterised = 0;
  int atlas_w = 0, atlas_h = 0, texture_px = 0;
  std::string error;
};
TourFigures run_every_screen(const RunOptions& o, const std::string& tour);

// Pixels covered by the triangles of ImGui's current draw data, clipped, over the screen's.
double fill_ratio_of_draw_data(float w, float h);

}  // namespace bench
