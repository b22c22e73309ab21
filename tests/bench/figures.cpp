// figures.cpp — see figures.h.
#include "figures.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "children.h"
#include "content/bundle/bundle.h"
#include "grow_exhibit.h"
#include "kiosk/app/exhibit_loader.h"
#include "measure.h"
#include "scenarios.h"

namespace bench {

namespace {

std::vector<std::string> renderer_env(const Setup& s) {
  return {s.renderer.empty() ? "SDL_RENDER_DRIVER=" : "SDL_RENDER_DRIVER=" + s.renderer};
}

std::string size(const Setup& s) { return std::to_string(s.width) + "x" + std::to_string(s.height); }

std::vector<std::string> headless_tour(const Setup& s, const std::string& tour) {
  return {s.kiosk, "--bundle", s.bundle, "--headless", "--size", size(s), "--tour", s.source_dir + "/tests/bench/" + tour};
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

// The median of `n` timings of f() in ms: wall and this thread's CPU.
template <class F>
std::pair<double, double> time_median(int n, F f) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < n; ++i) {
    double w = mono_ms(), c = thread_cpu_ms();
    f();
    wall.push_back(mono_ms() - w), cpu.push_back(thread_cpu_ms() - c);
  }
  return {median(wall), median(cpu)};
}

bool build_bundle(const Setup& s, const std::string& src, const std::string& out, Child& c) {
  c = run({s.kiosk_bundle, "build", src, "-o", out}, {"SOURCE_DATE_EPOCH=0"});
  return exited_ok(c);
}

json scenario_json(const ScenarioResult& r) {
  json j;
  j["frames"] = r.frames;
  j["frame_build_ms_p50"] = r.build_p50;
  j["frame_build_ms_p99"] = r.build_p99;
  j["frame_submit_ms_p50"] = r.submit_p50;
  j["frame_submit_ms_p99"] = r.submit_p99;
  j["frame_build_submit_ms_p99"] = r.build_submit_p99;
  j["frame_total_ms"] = r.total_p50;
  j["frame_total_ms_p99"] = r.total_p99;
  j["draw_calls"] = r.draw_calls;
  j["vertices"] = r.vertices;
  j["fill_ratio"] = r.fill_ratio;
  j["rasterised_blocks"] = r.rasterised;
  j["texture_px"] = r.texture_px;
  j["renderer"] = r.renderer;
  return j;
}

RunOptions run_options(const Setup& s) {
  RunOptions o;
  o.bundle = s.bundle;
  o.scenes_dir = s.source_dir + "/tests/bench/scenes";
  o.repeats = s.quick ? 1 : s.repeats;
  o.width = s.width, o.height = s.height;
  o.attract_ms = s.quick ? 10'000 : 0;
  return o;
}

// Every scenario in this process on whatever renderer SDL_RENDER_DRIVER says; the text cache
// figures from a tour of every screen.
json run_all_scenarios(const Setup& s, json& out, std::string& renderer) {
  RunOptions o = run_options(s);
  json sc = json::object();
  for (const auto& name : scenario_names()) {
    ScenarioResult r = run_scenario(o, name);
    if (!r.error.empty()) {
      sc[name] = nullptr;
      sc[name + "_why"] = r.error;
      continue;
    }
    renderer = r.renderer;
    sc[name] = scenario_json(r);
    if (name == "attract_cycle") {
      out["attract_frames_per_min"] = r.frames / (r.span_ms / 60000.0);
      out["attract_cpu_percent"] = 100.0 * r.cpu_ms / r.span_ms;
      out["attract_cycle_s"] = r.span_ms / 1000.0;
    }
  }
  return sc;
}

}  // namespace

json sample_bundle(Setup& s) {
  json j;
  s.bundle = s.work_dir + "/exhibit.bundle";
  Child c;
  if (!build_bundle(s, s.source_dir + "/content/exhibit", s.bundle, c)) {
    j["bundle_build_s"] = nullptr;
    j["bundle_build_s_why"] = "kiosk-bundle build failed: " + first_line(c.err);
  } else {
    j["bundle_build_s"] = c.wall_ms / 1000;
  }
  return j;
}

json bundle_figures(Setup& s) {
  json j;
  s.bundle = s.work_dir + "/exhibit.bundle";
  std::vector<double> wall, cpu;
  for (int i = 0; i < (s.quick ? 1 : s.repeats); ++i) {
    Child c;
    if (!build_bundle(s, s.source_dir + "/content/exhibit", s.bundle, c)) {
      j["bundle_build_s"] = nullptr;
      j["bundle_build_s_why"] = "kiosk-bundle build failed: " + first_line(c.err);
      return j;
    }
    wall.push_back(c.wall_ms / 1000), cpu.push_back(cpu_ms(c.usage) / 1000);
  }
  j["bundle_build_s"] = median(wall);
  j["bundle_build_cpu_s"] = median(cpu);
  const int n = s.quick ? 1 : 5;
  auto [open_wall, open_cpu] = time_median(n, [&] {
    app::LoadedExhibit l;
    std::string why;
    app::load_exhibit(s.bundle, l, why);
  });
  j["bundle_open_ms"] = open_wall;
  j["bundle_open_cpu_ms"] = open_cpu;
  // bundle::Bundle::open alone (texts and structure), on 1x and 10x the rooms, quotes, questions
  // (2x in the quick smoke, which then leaves bundle_load_10x_ratio null).
  const int factor = s.quick ? 2 : 10;
  const std::string tag = "x" + std::to_string(factor);
  std::string grown = s.work_dir + "/exhibit-" + tag, grown_bundle = grown + ".bundle", why;
  Child c;
  if (!grow_exhibit(s.source_dir + "/content/exhibit", grown, factor, why) || !build_bundle(s, grown, grown_bundle, c)) {
    j["bundle_load_10x_ratio"] = nullptr;
    j["bundle_load_10x_ratio_why"] = why.empty() ? "kiosk-bundle build of the grown exhibit failed: " + first_line(c.err) : why;
    return j;
  }
  auto one = time_median(n, [&] { bundle::Bundle::open(s.bundle); });
  auto grown_t = time_median(n, [&] { bundle::Bundle::open(grown_bundle); });
  j["bundle_load_ms"] = one.second;
  j["bundle_load_growth_factor"] = factor;
  j["bundle_load_grown_ms"] = grown_t.second;
  j["bundle_load_growth_ratio"] = grown_t.second / one.second;
  j["bundle_load_10x_ratio"] = factor == 10 ? json(grown_t.second / one.second) : json(nullptr);
  if (factor != 10) j["bundle_load_10x_ratio_why"] = "--quick grows the exhibit 2x only (bundle_load_growth_ratio)";
  return j;
}

json first_frame_figures(const Setup& s) {
  json j;
  std::vector<double> wall, cpu;
  static const std::regex clocks(R"(clocks: monotonic_ns=(\d+) process_cpu_ns=(\d+))");
  for (int i = 0; i < (s.quick ? 1 : 5); ++i) {
    Child c = run(headless_tour(s, "first_frame.tour"), renderer_env(s));
    std::smatch m;
    if (!exited_ok(c) || !std::regex_search(c.out, m, clocks)) {
      j["first_frame_ms"] = j["first_frame_cpu_ms"] = nullptr;
      j["first_frame_ms_why"] = "the kiosk did not report its first frame: " + first_line(c.err);
      return j;
    }
    wall.push_back(std::stod(m[1]) / 1e6 - c.start_mono_ms);
    cpu.push_back(std::stod(m[2]) / 1e6);
  }
  j["first_frame_ms"] = median(wall);
  j["first_frame_cpu_ms"] = median(cpu);
  return j;
}

json memory_figures(const Setup& s) {
  json j, rss = json::object();
  for (const char* driver : {"dummy", "offscreen"}) {
    std::vector<std::string> env = renderer_env(s);
    env.push_back(std::string("SDL_VIDEODRIVER=") + driver);
    Child c = run(headless_tour(s, "every_screen.tour"), env);
    // VmHWM as the tour's last line prints it: ru_maxrss keeps the maximum over the child's life,
    // which includes kiosk-bench's own pages when it was forked, however big this process is.
    static const std::regex hwm(R"(VmHWM:\s+(\d+) kB)");
    std::smatch m;
    if (exited_ok(c) && std::regex_search(c.out, m, hwm)) rss[driver] = std::stod(m[1]) / 1024.0;  // KiB → MiB
    else rss[driver] = nullptr, rss[std::string(driver) + "_why"] = "the tour failed: " + first_line(c.err);
  }
  j["peak_rss_mb"] = rss;
  if (s.heap_lib.empty()) {
    j["heap_peak_mb"] = nullptr;
    j["heap_peak_mb_why"] = "not counted in a sanitizer build (AddressSanitizer owns malloc)";
    return j;
  }
  std::string file = s.work_dir + "/heap_peak";
  unlink(file.c_str());
  Child c = run(headless_tour(s, "every_screen.tour"),
                {"SDL_VIDEODRIVER=dummy", "LD_PRELOAD=" + s.heap_lib, "KIOSK_BENCH_HEAP_FILE=" + file, renderer_env(s)[0]});
  std::ifstream f(file);
  double bytes = -1;
  if (exited_ok(c) && (f >> bytes) && bytes > 0) {
    j["heap_peak_mb"] = bytes / (1024.0 * 1024.0);
  } else {
    j["heap_peak_mb"] = nullptr;
    j["heap_peak_mb_why"] = "the heap counter wrote nothing: " + first_line(c.err);
  }
  return j;
}

json idle_figures(const Setup& s) {
  json j;
  const double warm = s.quick ? 1 : 3, window = s.quick ? 2 : 10;
  const std::vector<std::string> argv{s.kiosk, "--bundle", s.bundle, "--windowed", "--size", size(s)};
  std::vector<std::string> env = renderer_env(s);
  env.push_back("SDL_VIDEODRIVER=dummy");
  static const std::regex frames(R"(stopping after (\d+) frames)");
  // Frames drawn in the window: a run of warm + window seconds less a run of warm seconds.
  Child longer = run_for(argv, env, warm, window), shorter = run_for(argv, env, warm, 0);
  std::smatch a, b;
  if (!std::regex_search(longer.err, a, frames) || !std::regex_search(shorter.err, b, frames) || longer.voluntary_switches_window < 0) {
    j["idle_redraws_per_s"] = j["idle_wakeups_per_s"] = nullptr;
    j["idle_redraws_per_s_why"] = "the kiosk's real loop did not run: " + first_line(longer.err);
    return j;
  }
  j["idle_redraws_per_s"] = std::max(0.0, (std::stod(a[1]) - std::stod(b[1])) / window);
  j["idle_wakeups_per_s"] = longer.voluntary_switches_window / window;
  j["idle_window_s"] = window;
  return j;
}

json scenario_figures(const Setup& s) {
  json j;
  std::string renderer;
  if (!s.renderer.empty()) setenv("SDL_RENDER_DRIVER", s.renderer.c_str(), 1);
  j["scenarios"] = run_all_scenarios(s, j, renderer);
  j["renderer"] = renderer;
  // The same tour as memory_figures' kiosk, less its `sh` line (which reads the peak RSS of the
  // process that plays it: here that would be this one's, printed into the report).
  const std::string tour = s.work_dir + "/every_screen.in-process.tour";
  {
    std::ifstream in(s.source_dir + "/tests/bench/every_screen.tour");
    std::ofstream out(tour);
    for (std::string line; std::getline(in, line);)
      if (line.rfind("sh ", 0) != 0) out << line << "\n";
  }
  TourFigures t = run_every_screen(run_options(s), tour);
  if (!t.error.empty()) {
    j["text_cache_bytes"] = j["text_cache_hit_rate"] = j["atlas_px"] = j["texture_px"] = nullptr;
    j["text_cache_why"] = t.error;
    return j;
  }
  j["text_cache_bytes"] = t.text_bytes;
  j["text_cache_peak_bytes"] = t.text_peak_bytes;
  j["text_cache_budget_bytes"] = t.text_budget;
  j["text_cache_hit_rate"] = t.hits + t.misses ? (double)t.hits / (t.hits + t.misses) : 0.0;
  j["text_blocks_rasterised"] = t.rasterised;
  j["atlas_px"] = std::max(t.atlas_w, t.atlas_h);
  j["texture_px"] = t.texture_px;
  return j;
}

json gles2_figures(const Setup& s) {
  json j;
  // SDL's environment outranks the kiosk's headless hints: the offscreen driver with EGL (Mesa).
  setenv("SDL_VIDEODRIVER", "offscreen", 1);
  setenv("SDL_RENDER_DRIVER", "opengles2", 1);
  std::string renderer;
  json out;
  json sc = run_all_scenarios(s, out, renderer);
  unsetenv("SDL_RENDER_DRIVER");
  unsetenv("SDL_VIDEODRIVER");
  if (renderer != "opengles2") {
    j["scenarios"] = nullptr;
    j["why"] = "SDL gave the renderer \"" + renderer + "\", not opengles2 (no EGL/GLES2 under the offscreen driver here?)";
    return j;
  }
  j["scenarios"] = sc;
  j["renderer"] = renderer;
  return j;
}

}  // namespace bench
