// report.cpp — see report.h.
#include "report.h"

#include <cstdio>
#include <ostream>

#include "budgets.h"
#include "scenarios.h"

namespace bench {

namespace {

// `path` is "key" or "key.sub".
const json* lookup(const json& j, const std::string& path) {
  auto dot = path.find('.');
  std::string head = path.substr(0, dot);
  if (!j.is_object() || !j.contains(head)) return nullptr;
  const json& v = j.at(head);
  return dot == std::string::npos ? &v : lookup(v, path.substr(dot + 1));
}

json verdict(const Budget& b, const std::string& scenario, const json* v) {
  json r;
  r["name"] = b.name;
  r["figure"] = b.figure;
  if (!scenario.empty()) r["scenario"] = scenario;
  r["limit"] = b.limit;
  r["unit"] = b.unit;
  r["value"] = v && v->is_number() ? *v : json(nullptr);
  r["pass"] = v && v->is_number() && v->get<double>() <= b.limit;
  return r;
}

std::string num(const json& v, const char* fmt = "%.2f") {
  if (!v.is_number()) return "n/a";
  char buf[64];
  snprintf(buf, sizeof buf, fmt, v.get<double>());
  return buf;
}

const json& at(const json& j, const char* key) {
  static const json none;
  return j.is_object() && j.contains(key) ? j.at(key) : none;
}

void line(std::ostream& out, const char* what, const std::string& value, const char* meaning) {
  char buf[96];
  snprintf(buf, sizeof buf, "  %-24s %12s  ", what, value.c_str());
  out << buf << meaning << "\n";
}

void scenario_table(const json& sc, std::ostream& out) {
  out << "  scenario        frames build p50/p99  submit p50/p99  build+sub p99  total p50/p99  draws  vertices  fill  raster  tex px\n";
  for (const auto& name : scenario_names()) {
    const json& r = at(sc, name.c_str());
    char buf[256];
    if (!r.is_object()) {
      snprintf(buf, sizeof buf, "  %-14s  not measured: %s\n", name.c_str(), at(sc, (name + "_why").c_str()).dump().c_str());
      out << buf;
      continue;
    }
    snprintf(buf, sizeof buf, "  %-14s %6d %6s/%-6s %7s/%-7s %9s      %6s/%-7s %6s %9s %5s %6s %7s\n", name.c_str(), at(r, "frames").get<int>(),
             num(at(r, "frame_build_ms_p50")).c_str(), num(at(r, "frame_build_ms_p99")).c_str(), num(at(r, "frame_submit_ms_p50")).c_str(),
             num(at(r, "frame_submit_ms_p99")).c_str(), num(at(r, "frame_build_submit_ms_p99")).c_str(), num(at(r, "frame_total_ms")).c_str(),
             num(at(r, "frame_total_ms_p99")).c_str(), num(at(r, "draw_calls"), "%.0f").c_str(), num(at(r, "vertices"), "%.0f").c_str(),
             num(at(r, "fill_ratio")).c_str(), num(at(r, "rasterised_blocks"), "%.0f").c_str(), num(at(r, "texture_px"), "%.0f").c_str());
    out << buf;
  }
}

// Chromium on the same home screen as a web page (chromium.h): figures, or why there are none.
void chromium_section(const json& r, std::ostream& out) {
  auto row = [&](const char* what, const std::string& value, const std::string& meaning) {  // its keys are longer
    char buf[96];
    snprintf(buf, sizeof buf, "  %-32s %9s  ", what, value.c_str());
    out << buf << meaning << "\n";
  };
  out << "\nBeside Chromium (" << (at(r, "chromium_version").is_string() ? at(r, "chromium_version").get<std::string>() : "Chromium")
      << ", headless, software; the home screen as a static page; medians)\n";
  if (!at(r, "chromium_first_screenshot_cpu_ms").is_number()) {
    out << "  " << (at(r, "chromium_why").is_string() ? at(r, "chromium_why").get<std::string>() : "not measured") << "\n";
    return;
  }
  row("chromium_first_screenshot_ms", num(at(r, "chromium_first_screenshot_ms")), "wall: its start to its screenshot of the page, written");
  row("chromium_first_screenshot_cpu_ms", num(at(r, "chromium_first_screenshot_cpu_ms")),
       "CPU (user + sys) of its whole process tree up to then (every helper process, reaped as their subreaper)");
  row("first_frame_vs_chromium", num(at(r, "first_frame_vs_chromium"), "%.3f"), "the kiosk's first_frame_cpu_ms / that");
  const std::string pss = "PSS of its tree, stopped at the screenshot (MiB; its RSS summed: " + num(at(r, "chromium_screenshot_rss_mb"), "%.0f") + ")";
  row("chromium_screenshot_pss_mb", num(at(r, "chromium_screenshot_pss_mb")), pss);
  row("kiosk_rss_vs_chromium_pss", num(at(r, "kiosk_rss_vs_chromium_pss"), "%.3f"), "the kiosk's peak_rss_mb.dummy over every screen / that PSS");
}

}  // namespace

int judge(json& report) {
  json list = json::array();
  int failed = 0;
  for (const Budget& b : kBudgets) {
    std::vector<json> verdicts;
    if (b.per_scenario) {
      for (const char* renderer : {"scenarios", "gles2.scenarios"}) {
        if (!b.judged_on_llvmpipe && std::string(renderer) != "scenarios") continue;
        const json* sc = lookup(report, renderer);
        if (!sc || !sc->is_object()) continue;
        for (const auto& name : scenario_names()) {
          if (b.interactive_only && name == "attract_cycle") continue;
          json v = verdict(b, name, lookup(*sc, name + "." + b.figure));
          if (std::string(renderer) != "scenarios") v["renderer"] = "opengles2";
          verdicts.push_back(v);
        }
      }
    } else {
      verdicts.push_back(verdict(b, "", lookup(report, b.figure)));
    }
    for (auto& v : verdicts) {
      failed += !v["pass"].get<bool>();
      list.push_back(v);
    }
  }
  report["budgets"] = list;
  report["budgets_failed"] = failed;
  report["pass"] = failed == 0;
  return failed;
}

void print_table(const json& r, std::ostream& out) {
  const json& m = at(r, "machine");
  out << "kiosk-bench on " << at(m, "cpu").get<std::string>() << ", " << at(m, "nproc").get<int>() << " cores (load " << num(at(m, "load_average_1min")) << " at start); the sample bundle at "
      << at(r, "screen").get<std::string>() << "\n\n";
  out << "Start and bundle (medians of several runs)\n";
  line(out, "first_frame_ms", num(at(r, "first_frame_ms")), "wall: `kiosk` process start to its first presented frame (headless, software)");
  line(out, "first_frame_cpu_ms", num(at(r, "first_frame_cpu_ms")), "CPU of that process (all threads) up to that frame");
  line(out, "bundle_open_ms", num(at(r, "bundle_open_ms")), "wall: the kiosk's open path (validate as `check` does, read, map, fonts)");
  line(out, "bundle_load_ms", num(at(r, "bundle_load_ms")), "CPU: bundle::Bundle::open alone");
  line(out, "bundle_load_10x_ratio", num(at(r, "bundle_load_10x_ratio")), "CPU of Bundle::open on 10x the rooms, quotes, questions / on 1x");
  line(out, "bundle_build_s", num(at(r, "bundle_build_s")), "wall: kiosk-bundle build content/exhibit");
  chromium_section(r, out);
  out << "\nScenarios (" << at(r, "renderer").get<std::string>()
      << " renderer; virtual time; CPU ms per frame: build = this thread, NewFrame to ImGui::Render; "
         "submit = this thread, handing the frame to the renderer (SDL's queue; on OpenGL ES also the flush to the driver); "
         "total = the whole process, build to present, pixels included (the software renderer fills them in its flush); "
         "draws, vertices, fill, texture: the worst frame; raster = text blocks rasterised)\n";
  scenario_table(at(r, "scenarios"), out);
  const json& g = at(r, "gles2");
  out << "\nThe same on SDL_Renderer's opengles2 (offscreen + EGL, Mesa llvmpipe here; its submit includes llvmpipe's vertex "
         "pipeline on the kiosk's thread, a GPU's work on a Pi, so build + submit is printed here, not judged: budgets.h):\n";
  if (at(g, "scenarios").is_object()) scenario_table(at(g, "scenarios"), out);
  else out << "  not measured: " << at(g, "why").dump() << "\n";
  out << "\nIdle and attract mode\n";
  line(out, "idle_redraws_per_s", num(at(r, "idle_redraws_per_s")), "frames the real loop drew per second on the untouched home screen (dummy driver, real time)");
  line(out, "idle_wakeups_per_s", num(at(r, "idle_wakeups_per_s")), "times per second the kiosk process slept and woke (voluntary context switches, all threads)");
  line(out, "attract_frames_per_min", num(at(r, "attract_frames_per_min")), "frames drawn over one whole playlist cycle (virtual time)");
  line(out, "attract_cpu_percent", num(at(r, "attract_cpu_percent")), "their CPU (each frame's total, pixels included) over the cycle's length, % of one core");
  out << "\nMemory and textures (a tour of every screen, tests/bench/every_screen.tour)\n";
  line(out, "peak_rss_mb.dummy", num(at(at(r, "peak_rss_mb"), "dummy")), "VmHWM (peak RSS) of the `kiosk` process on SDL's dummy driver (MiB)");
  line(out, "peak_rss_mb.offscreen", num(at(at(r, "peak_rss_mb"), "offscreen")), "the same on the offscreen driver");
  line(out, "heap_peak_mb", num(at(r, "heap_peak_mb")), "most malloc'd bytes live at once (preloaded counter, dummy driver)");
  line(out, "text_cache_bytes", num(at(r, "text_cache_bytes"), "%.0f"), "text textures cached at the tour's end (in-process run)");
  line(out, "text_cache_peak_bytes", num(at(r, "text_cache_peak_bytes"), "%.0f"), "the most they were during the tour");
  line(out, "text_cache_hit_rate", num(at(r, "text_cache_hit_rate")), "texture requests served from the cache");
  line(out, "atlas_px", num(at(r, "atlas_px"), "%.0f"), "ImGui's label atlas, its longer side");
  line(out, "texture_px", num(at(r, "texture_px"), "%.0f"), "the longest side of any texture drawn during the tour");
  out << "\nBudgets (tests/bench/budgets.h)\n";
  for (const auto& b : at(r, "budgets")) {
    std::string name = b["name"].get<std::string>();
    if (b.contains("scenario")) name += " [" + b["scenario"].get<std::string>() + (b.contains("renderer") ? ", gles2" : "") + "]";
    char buf[200];
    snprintf(buf, sizeof buf, "  %s  %-58s %10s <= %g %s\n", b["pass"].get<bool>() ? "PASS" : "FAIL", name.c_str(), num(b["value"]).c_str(),
             b["limit"].get<double>(), b["unit"].get<std::string>().c_str());
    out << buf;
  }
  out << "\n" << at(r, "budgets_failed").get<int>() << " budget(s) failed\n";
}

}  // namespace bench
