// bench_main.cpp — kiosk-bench: the kiosk's performance figures, measured the same way every
// time, judged against the budgets in budgets.h (`make bench`).
//   kiosk-bench [--json] [--quick] [--repeats N] [--renderer NAME] [--no-gles2] [--work DIR]
//   kiosk-bench --callgrind [--pixels] [--scenario NAME]...   (instruction counts, under valgrind)
// Exit status: 0 when every budget holds, 1 when any fails, 2 on a usage or set-up error.
// Figures from the real `kiosk` binary (first frame, RSS, heap, idle) come from child processes;
// frame figures from the app layer in this process (scenarios.h). See README.md, "Performance".
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iostream>

#include "callgrind.h"
#include "chromium.h"
#include "figures.h"
#include "kiosk/app/app.h"
#include "report.h"
#include "scenarios.h"

#ifndef KIOSK_SOURCE_DIR
#define KIOSK_SOURCE_DIR "."
#endif
#ifndef KIOSK_BIN_DIR
#define KIOSK_BIN_DIR "."
#endif
#ifndef KIOSK_HEAP_LIB
#define KIOSK_HEAP_LIB ""
#endif

namespace {

int usage() {
  std::cerr << "usage: kiosk-bench [--json] [--quick] [--repeats N] [--renderer NAME] [--no-gles2] [--work DIR]\n"
               "       kiosk-bench --callgrind [--pixels] [--scenario NAME]...\n"
               "  --json          one JSON object on stdout instead of the table\n"
               "  --quick         one run of each figure, short idle window (the ctest smoke)\n"
               "  --renderer N    SDL_RENDER_DRIVER for every kiosk it runs (e.g. opengles2)\n"
               "  --no-gles2      skip the scenarios on SDL's opengles2 renderer\n"
               "  --callgrind     instruction counts under valgrind: start-up and every frame\n"
               "  --pixels        with --callgrind: frames submitted to the software renderer too (slow)\n";
  return 2;
}

std::string cpu_model() {
  std::ifstream f("/proc/cpuinfo");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown CPU";
}

bench::json machine() {
  bench::json m;
  m["cpu"] = cpu_model();
  m["nproc"] = (int)sysconf(_SC_NPROCESSORS_ONLN);
  double load[3] = {0, 0, 0};
  if (getloadavg(load, 3) > 0) m["load_average_1min"] = load[0];
  return m;
}

void merge(bench::json& into, const bench::json& part) {
  for (auto it = part.begin(); it != part.end(); ++it) into[it.key()] = it.value();
}

}  // namespace

int main(int argc, char** argv) {
  app::set_memory_policy();  // as the kiosk's main() does: its frames are measured as the wall runs them
  bench::Setup s;
  s.source_dir = KIOSK_SOURCE_DIR;
  s.kiosk = std::string(KIOSK_BIN_DIR) + "/kiosk";
  s.kiosk_bundle = std::string(KIOSK_BIN_DIR) + "/kiosk-bundle";
  s.heap_lib = KIOSK_HEAP_LIB;
  s.work_dir = std::string(KIOSK_BIN_DIR) + "/bench";
  bool as_json = false, gles2 = true, callgrind = false, pixels = false;
  std::string child_scenario;
  std::vector<std::string> cg_scenarios;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--json") as_json = true;
    else if (a == "--quick") s.quick = true, s.width = 800, s.height = 480;
    else if (a == "--no-gles2") gles2 = false;
    else if (a == "--callgrind") callgrind = true;
    else if (a == "--pixels") pixels = true;
    else if (a == "--no-pixels") pixels = false;
    else if (a == "--repeats" && (v = next())) s.repeats = std::max(1, atoi(v));
    else if (a == "--renderer" && (v = next())) s.renderer = v;
    else if (a == "--work" && (v = next())) s.work_dir = v;
    else if (a == "--scenario" && (v = next())) cg_scenarios.push_back(v);
    else if (a == "--callgrind-child" && (v = next())) child_scenario = v;
    else if (a == "--bundle" && (v = next())) s.bundle = v;
    else if (a == "--source" && (v = next())) s.source_dir = v;
    else return usage();
  }
  if (!child_scenario.empty()) return bench::callgrind_child(s, child_scenario, pixels);
  mkdir(s.work_dir.c_str(), 0755);

  bench::json r;
  r["machine"] = machine();
  r["screen"] = std::to_string(s.width) + "x" + std::to_string(s.height);
  std::cerr << "kiosk-bench: bundles\n";
  merge(r, callgrind ? bench::sample_bundle(s) : bench::bundle_figures(s));
  if (!r["bundle_build_s"].is_number()) {
    std::cerr << "kiosk-bench: " << r["bundle_build_s_why"].get<std::string>() << "\n";
    return 2;
  }
  if (callgrind) {
    if (cg_scenarios.empty()) cg_scenarios = {"home", "room_swipe", "quote_swipe", "map_pan", "map_pinch", "journey_play"};
    bench::json cg = bench::callgrind_figures(s, argv[0], cg_scenarios, pixels);
    std::cout << cg.dump(2) << "\n";
    return cg.contains("error") ? 2 : 0;
  }
  // Progress on stderr: a full run takes minutes.
  auto step = [](const char* what) { std::cerr << "kiosk-bench: " << what << "\n"; };
  step("first frame");
  merge(r, bench::first_frame_figures(s));
  step("Chromium on the equivalent page");
  merge(r, bench::chromium_figures(s));
  // The child processes first, while this one is small; then the in-process scenarios.
  step("idle home screen, real time");
  merge(r, bench::idle_figures(s));
  step("memory over a tour of every screen");
  merge(r, bench::memory_figures(s));
  bench::compare_with_chromium(r);
  step("scenarios, software renderer");
  merge(r, bench::scenario_figures(s));
  step("scenarios, opengles2 renderer");
  if (gles2 && !s.quick) r["gles2"] = bench::gles2_figures(s);
  else r["gles2"] = bench::json{{"scenarios", nullptr}, {"why", s.quick ? "--quick" : "--no-gles2"}};
  int failed = bench::judge(r);
  if (as_json) std::cout << r.dump(2) << "\n";
  else bench::print_table(r, std::cout);
  return failed ? 1 : 0;
}
