// scenarios.cpp — see scenarios.h.
#include "scenarios.h"

#include <SDL.h>
#include <imgui.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "content/bundle/bundle.h"
#include "kiosk/app/app.h"
#include "kiosk/app/tour.h"
#include "measure.h"

namespace bench {

const std::vector<std::string>& scenario_names() {
  static const std::vector<std::string> n{"home", "room_swipe", "quote_swipe", "map_pan", "map_pinch", "journey_play", "attract_cycle"};
  return n;
}

namespace {

// Area of triangle (a, b, c) inside the rectangle [x0, x1] × [y0, y1]: the triangle clipped
// edge by edge (Sutherland–Hodgman), then the shoelace formula.
double clipped_area(ImVec2 a, ImVec2 b, ImVec2 c, float x0, float y0, float x1, float y1) {
  std::vector<ImVec2> poly{a, b, c}, next;
  auto clip = [&](auto inside, auto cross) {
    next.clear();
    for (size_t i = 0; i < poly.size(); ++i) {
      ImVec2 p = poly[i], q = poly[(i + 1) % poly.size()];
      bool pin = inside(p), qin = inside(q);
      if (pin) next.push_back(p);
      if (pin != qin) next.push_back(cross(p, q));
    }
    poly.swap(next);
  };
  auto at_x = [](float x) {
    return [x](ImVec2 p, ImVec2 q) { float t = (x - p.x) / (q.x - p.x); return ImVec2(x, p.y + t * (q.y - p.y)); };
  };
  auto at_y = [](float y) {
    return [y](ImVec2 p, ImVec2 q) { float t = (y - p.y) / (q.y - p.y); return ImVec2(p.x + t * (q.x - p.x), y); };
  };
  clip([&](ImVec2 p) { return p.x >= x0; }, at_x(x0));
  clip([&](ImVec2 p) { return p.x <= x1; }, at_x(x1));
  clip([&](ImVec2 p) { return p.y >= y0; }, at_y(y0));
  clip([&](ImVec2 p) { return p.y <= y1; }, at_y(y1));
  double s = 0;
  for (size_t i = 0; i < poly.size(); ++i) {
    const ImVec2 &p = poly[i], &q = poly[(i + 1) % poly.size()];
    s += (double)p.x * q.y - (double)q.x * p.y;
  }
  return std::abs(s) / 2;
}

// The largest side of any texture the current draw data uses (ImGui's SDL_Renderer backend:
// a texture id is an SDL_Texture*).
int largest_texture(const ImDrawData* dd) {
  int side = 0;
  for (int n = 0; n < dd->CmdListsCount; ++n)
    for (const ImDrawCmd& cmd : dd->CmdLists[n]->CmdBuffer) {
      int w = 0, h = 0;
      if (!cmd.UserCallback && cmd.TextureId && SDL_QueryTexture((SDL_Texture*)cmd.TextureId, nullptr, nullptr, &w, &h) == 0)
        side = std::max({side, w, h});
    }
  return side;
}

uint64_t attract_cycle_ms(const std::string& bundle_path) {
  auto b = bundle::Bundle::open(bundle_path);
  uint64_t total = 0;
  for (const auto& a : b->exhibit().attract) total += (uint64_t)std::max(3, a.seconds) * 1000;
  return total ? total : 30'000;  // no playlist: the title alone, 30 s (screens/attract.cpp)
}

struct Sample {
  double build, submit, total;
  int draw_calls, vertices, texture_px;
  double fill;
};

app::Options kiosk_options(const RunOptions& o) {
  app::Options k;
  k.bundle = o.bundle;
  k.headless = true;
  k.width = o.width, k.height = o.height;
  k.tour = "bench";  // headless runs are tours
  return k;
}

bool play(app::App& a, const std::string& path, std::string& error) {
  std::ostringstream out, err;
  if (app::play_tour(a, path, "", out, err) == 0) return true;
  error = err.str();
  if (!error.empty() && error.back() == '\n') error.pop_back();
  return false;
}

// One run of a scenario in a fresh kiosk.
ScenarioResult run_once(const RunOptions& o, const std::string& name) {
  ScenarioResult r;
  r.name = name;
  r.interactive = name != "attract_cycle";
  app::App a(kiosk_options(o));
  std::string why;
  // The software renderer batches here, as OpenGL ES does on the wall: SDL then queues the frame
  // (submit: the kiosk's hand-over, the same work as on OpenGL ES) and fills its pixels in the
  // flush (in the frame's total). The kiosk itself does not batch in software (video_sdl.cpp:
  // it would hold a whole frame's vertices for no CPU saved), so its fill is the same either way.
  setenv("SDL_RENDER_BATCHING", "1", 1);
  const bool started = a.start(why);
  unsetenv("SDL_RENDER_BATCHING");  // the kiosk processes the bench starts run as shipped
  if (!started) return r.error = "kiosk did not start: " + why, r;
  r.renderer = a.video().renderer_name;
  if (!play(a, o.scenes_dir + "/" + name + ".setup.tour", r.error)) return r;
  std::vector<Sample> samples;
  a.on_frame([&] {
    const auto& f = a.frame_stats();
    ImDrawData* dd = ImGui::GetDrawData();
    samples.push_back({f.build_cpu_ms, f.submit_cpu_ms, f.frame_cpu_ms, f.draw_calls,
                       f.vertices, dd ? largest_texture(dd) : 0, dd ? fill_ratio_of_draw_data((float)o.width, (float)o.height) : 0});
  });
  const uint64_t rasterised0 = a.text().stats().rasterised_interactive, t0 = a.now();
  if (r.interactive) {
    if (!play(a, o.scenes_dir + "/" + name + ".tour", r.error)) return r;
  } else {
    a.advance(o.attract_ms ? o.attract_ms : attract_cycle_ms(o.bundle));
  }
  a.on_frame(nullptr);
  r.span_ms = (double)(a.now() - t0);
  r.rasterised = a.text().stats().rasterised_interactive - rasterised0;  // under a finger
  r.frames = (int)samples.size();
  std::vector<double> build, submit, both, total;
  for (const auto& s : samples) {
    build.push_back(s.build), submit.push_back(s.submit), both.push_back(s.build + s.submit), total.push_back(s.total);
    r.draw_calls = std::max(r.draw_calls, s.draw_calls);
    r.vertices = std::max(r.vertices, s.vertices);
    r.fill_ratio = std::max(r.fill_ratio, s.fill);
    r.texture_px = std::max(r.texture_px, s.texture_px);
    r.cpu_ms += s.total;
  }
  r.build_p50 = percentile(build, 50), r.build_p99 = percentile(build, 99);
  r.submit_p50 = percentile(submit, 50), r.submit_p99 = percentile(submit, 99);
  r.build_submit_p99 = percentile(both, 99);
  r.total_p50 = percentile(total, 50), r.total_p99 = percentile(total, 99);
  if (samples.empty()) r.error = "the scenario drew no frame";
  return r;
}

}  // namespace

double fill_ratio_of_draw_data(float w, float h) {
  const ImDrawData* dd = ImGui::GetDrawData();
  double covered = 0;
  for (int n = 0; n < dd->CmdListsCount; ++n) {
    const ImDrawList* cl = dd->CmdLists[n];
    for (const ImDrawCmd& cmd : cl->CmdBuffer) {
      if (cmd.UserCallback) continue;
      float x0 = std::max(0.f, cmd.ClipRect.x - dd->DisplayPos.x), y0 = std::max(0.f, cmd.ClipRect.y - dd->DisplayPos.y);
      float x1 = std::min(w, cmd.ClipRect.z - dd->DisplayPos.x), y1 = std::min(h, cmd.ClipRect.w - dd->DisplayPos.y);
      if (x1 <= x0 || y1 <= y0) continue;
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawIdx* idx = cl->IdxBuffer.Data + cmd.IdxOffset + i;
        const ImDrawVert* v = cl->VtxBuffer.Data + cmd.VtxOffset;
        covered += clipped_area(v[idx[0]].pos, v[idx[1]].pos, v[idx[2]].pos, x0, y0, x1, y1);
      }
    }
  }
  return covered / ((double)w * h);
}

ScenarioResult run_scenario(const RunOptions& o, const std::string& name) {
  std::vector<ScenarioResult> runs;
  for (int i = 0; i < std::max(1, o.repeats); ++i) {
    runs.push_back(run_once(o, name));
    if (!runs.back().error.empty()) return runs.back();
  }
  // Wall-clock noise differs from run to run: the median run for each timing; the counts are
  // the same in every run (virtual time), so the first run's stand.
  ScenarioResult r = runs.front();
  auto med = [&](double ScenarioResult::*f) {
    std::vector<double> v;
    for (const auto& x : runs) v.push_back(x.*f);
    r.*f = median(v);
  };
  for (auto f : {&ScenarioResult::build_p50, &ScenarioResult::build_p99, &ScenarioResult::submit_p50, &ScenarioResult::submit_p99,
                 &ScenarioResult::build_submit_p99, &ScenarioResult::total_p50, &ScenarioResult::total_p99, &ScenarioResult::cpu_ms})
    med(f);
  return r;
}

TourFigures run_every_screen(const RunOptions& o, const std::string& tour) {
  TourFigures t;
  app::App a(kiosk_options(o));
  std::string why;
  if (!a.start(why)) return t.error = "kiosk did not start: " + why, t;
  a.on_frame([&] {
    if (ImDrawData* dd = ImGui::GetDrawData()) t.texture_px = std::max(t.texture_px, largest_texture(dd));
  });
  if (!play(a, tour, t.error)) return t;
  a.on_frame(nullptr);
  const auto s = a.text().stats();
  t.text_bytes = s.bytes, t.text_peak_bytes = s.peak_bytes, t.text_budget = s.budget;
  t.hits = s.hits, t.misses = s.misses, t.rasterised = s.rasterised;
  t.atlas_w = ImGui::GetIO().Fonts->TexWidth, t.atlas_h = ImGui::GetIO().Fonts->TexHeight;
  return t;
}

}  // namespace bench
