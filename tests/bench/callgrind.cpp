// callgrind.cpp — see callgrind.h.
#include "callgrind.h"

#include <filesystem>
#include <fstream>
#include <numeric>
#include <regex>
#include <sstream>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#else
#define CALLGRIND_DUMP_STATS_AT(x)
#define BENCH_HAVE_CALLGRIND 0
#endif

#include "children.h"
#include "kiosk/app/app.h"
#include "kiosk/app/tour.h"
#include "measure.h"

namespace fs = std::filesystem;

namespace bench {

namespace {

struct Dump {
  int part = 0;
  std::string trigger;
  double ir = 0;
};

// Every dump file callgrind wrote for `prefix` (prefix.1, prefix.2, …): its part, trigger, total Ir.
std::vector<Dump> read_dumps(const std::string& prefix) {
  std::vector<Dump> dumps;
  const fs::path dir = fs::path(prefix).parent_path();
  const std::string base = fs::path(prefix).filename().string();
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind(base, 0) != 0) continue;
    std::ifstream f(e.path());
    Dump d;
    std::string line;
    while (std::getline(f, line)) {
      if (line.rfind("part: ", 0) == 0) d.part = std::stoi(line.substr(6));
      else if (line.rfind("desc: Trigger: ", 0) == 0) d.trigger = line.substr(15);
      else if (line.rfind("summary: ", 0) == 0 || line.rfind("totals: ", 0) == 0) d.ir = std::stod(line.substr(line.find(' ') + 1));
    }
    dumps.push_back(d);
  }
  std::sort(dumps.begin(), dumps.end(), [](const Dump& a, const Dump& b) { return a.part < b.part; });
  return dumps;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

json callgrind_figures(const Setup& s, const std::string& self, const std::vector<std::string>& scenarios, bool pixels) {
  json j, sc = json::object();
  j["pixels"] = pixels;
  if (!BENCH_HAVE_CALLGRIND) return j["error"] = "built without <valgrind/callgrind.h> (package valgrind)", j;
  for (const auto& name : scenarios) {
    std::string prefix = s.work_dir + "/callgrind." + name;
    for (const auto& e : fs::directory_iterator(s.work_dir))
      if (e.path().filename().string().rfind("callgrind." + name, 0) == 0) fs::remove(e.path());
    Child c = run({"valgrind", "--tool=callgrind", "--callgrind-out-file=" + prefix, "--dump-instr=no", "--dump-line=no",
                   self, "--callgrind-child", name, "--bundle", s.bundle, "--source", s.source_dir, pixels ? "--pixels" : "--no-pixels"},
                  {"SDL_VIDEODRIVER=", "SDL_RENDER_DRIVER="});
    if (!exited_ok(c)) {
      sc[name] = nullptr;
      sc[name + "_why"] = "valgrind run failed: " + c.err.substr(c.err.size() > 400 ? c.err.size() - 400 : 0);
      continue;
    }
    std::vector<double> frames, between;
    for (const Dump& d : read_dumps(prefix)) {
      if (ends_with(d.trigger, "startup") && !j.contains("startup_ir")) j["startup_ir"] = d.ir;
      if (ends_with(d.trigger, "frame")) frames.push_back(d.ir);
      if (ends_with(d.trigger, "between")) between.push_back(d.ir);
    }
    json r;
    r["frames"] = frames.size();
    r["ir_p50"] = median(frames);
    r["ir_p99"] = percentile(frames, 99);
    r["ir_max"] = frames.empty() ? 0.0 : *std::max_element(frames.begin(), frames.end());
    // What ran between frames: input, the flow, and the idle-time work that keeps text off the
    // frames (neighbours prepared, other languages and the other text size rehearsed).
    r["between_ir_p50"] = median(between);
    r["between_ir_max"] = between.empty() ? 0.0 : *std::max_element(between.begin(), between.end());
    r["between_ir_total"] = std::accumulate(between.begin(), between.end(), 0.0);
    sc[name] = r;
  }
  j["scenarios"] = sc;
  return j;
}

int callgrind_child(const Setup& s, const std::string& scenario, bool pixels) {
  app::Options o;
  o.rasterize = pixels;  // off: what the kiosk's own code does per frame, without SDL's rasteriser
  o.bundle = s.bundle;
  o.headless = true;
  o.tour = "bench";
  app::App a(o);
  std::string why;
  if (!a.start(why)) return fprintf(stderr, "kiosk-bench: %s\n", why.c_str()), 1;
  a.update();
  if (a.frame_due()) a.draw_frame();
  CALLGRIND_DUMP_STATS_AT("startup");
  std::ostringstream out, err;
  const std::string scenes = s.source_dir + "/tests/bench/scenes/" + scenario;
  if (app::play_tour(a, scenes + ".setup.tour", "", out, err) != 0) return fprintf(stderr, "%s", err.str().c_str()), 1;
  CALLGRIND_DUMP_STATS_AT("setup");
  // Two dumps a frame: "between" (everything since the last frame) just before it, "frame" after.
  a.on_frame_start([] { CALLGRIND_DUMP_STATS_AT("between"); });
  a.on_frame([] { CALLGRIND_DUMP_STATS_AT("frame"); });
  int rc = app::play_tour(a, scenes + ".tour", "", out, err);
  a.on_frame(nullptr);
  a.on_frame_start(nullptr);
  CALLGRIND_DUMP_STATS_AT("end");
  if (rc) fprintf(stderr, "%s", err.str().c_str());
  return rc;
}

}  // namespace bench
