// tour.cpp — see tour.h. Input is synthesised as SDL touch events and fed through the same
// gesture recogniser a real finger uses; time only moves when the script says so.
#include "kiosk/app/tour.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <sys/resource.h>

#include "kiosk/app/app.h"
#include "kiosk/app/keys.h"

namespace app {

namespace {

constexpr uint64_t kFrameMs = 16;

struct Player {
  App& app;
  std::string shots;
  std::ostream& out;
  std::ostream& err;
  std::string file;
  int line = 0;
  uint64_t mark_frames = 0;
  ui::TextEngine::Stats mark_text;
  int seen_swaps = 0;
  std::chrono::steady_clock::time_point last_sh{};  // when the tour last changed a file

  bool fail(const std::string& what) {
    err << file << ":" << line << ": " << what << "\n";
    return false;
  }

  // Lets virtual time pass in frame-sized steps, drawing whenever a frame is due.
  void run_for(uint64_t ms) {
    uint64_t end = app.now() + ms;
    while (app.now() < end) {
      app.update();
      if (app.frame_due()) app.draw_frame();
      uint64_t next = std::min(end, std::max(app.now() + kFrameMs, std::min(app.next_wake(), end)));
      if (app.frame_due()) next = std::min(end, app.now() + kFrameMs);
      // The time until then is idle, as in the real loop: blocks for the next page, each counted
      // as a millisecond (App::advance counts them so too).
      while (!app.frame_due() && app.now() + 1 < next && app.idle_slice()) app.set_now(app.now() + 1);
      app.set_now(next);
    }
    app.update();
    if (app.frame_due()) app.draw_frame();
  }

  // Idles are long (an hour of attract mode): the frames are built but not rasterised.
  void idle_for(uint64_t ms) {
    app.set_pixels(false);
    app.advance(ms);
    app.set_pixels(true);
  }

  // Live preview and store swaps come from another process: wait in real time (up to
  // `seconds`) for the watcher's news, and in virtual time for the safe moment and the fade.
  // Never a blind sleep: each wait ends as soon as its condition holds.
  bool wait_until(const std::function<bool()>& done, double seconds, const std::string& what) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds((int64_t)(seconds * 1000));
    while (!done()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return fail("waited " + std::to_string((int)seconds) + " s for " + what + " in vain");
      if (app.swap_pending() || app.fading()) {
        run_for(kFrameMs);
        continue;
      }
      app.wait_files((int)left);
      app.update();
      if (app.frame_due()) app.draw_frame();
    }
    while (app.fading()) run_for(kFrameMs);
    return true;
  }

  void finger(Uint32 type, int64_t id, float x, float y) { app.finger(type, id, x, y); }

  bool coord(const std::string& s, bool horizontal, float& v) {
    char* end = nullptr;
    v = strtof(s.c_str(), &end);
    if (!end || *end) return false;
    if (s.find('.') != std::string::npos) v *= horizontal ? app.video().width : app.video().height;
    return true;
  }

  bool tap_at(float x, float y, uint64_t hold_ms = 60) {
    finger(SDL_FINGERDOWN, 0, x, y);
    run_for(hold_ms);
    finger(SDL_FINGERUP, 0, x, y);
    run_for(kFrameMs * 2);
    return true;
  }

  // The centre of item `id` on the current screen.
  bool item_centre(const std::string& id, float& x, float& y) {
    if (app.frame_due()) app.draw_frame();
    for (const auto& it : app.items())
      if (it.id == id) return x = it.r.x + it.r.w / 2, y = it.r.y + it.r.h / 2, true;
    return fail("@" + id + ": no such item on screen \"" + app.screen_name() + "\"");
  }

  // The em of the smallest text drawn inside `r` this frame, 0 when none.
  float smallest_text_in(const ui::Rect& r) const {
    float em = 0;
    for (const auto& t : ui::Canvas::last_frame_texts()) {
      float cx = t.r.x + t.r.w / 2, cy = t.r.y + t.r.h / 2;
      if (r.contains(cx, cy) && (em == 0 || t.em_px < em)) em = t.em_px;
    }
    return em;
  }

  // Every text on the current screen has an em of at least `min_mm` on the physical screen.
  bool expect_text_size(float min_mm) {
    if (app.frame_due()) app.draw_frame();
    float ppm = app.theme().px_per_mm;
    std::string bad;
    int n = 0;
    for (const auto& t : ui::Canvas::last_frame_texts()) {
      float mm = t.em_px / ppm;
      if (mm + 1e-3f >= min_mm) continue;
      if (++n > 8) continue;  // enough to see what is wrong
      std::string text = t.text.size() > 40 ? t.text.substr(0, 40) + "…" : t.text;
      char buf[160];
      snprintf(buf, sizeof buf, "%.2f mm (%.0f px em)", mm, t.em_px);
      bad += "\n    \"" + text + "\" is " + buf;
    }
    if (ui::Canvas::last_frame_texts().empty() && app.screen_name() != "closed")
      return fail("expect-text-size: no text at all on screen \"" + app.screen_name() + "\"");
    if (n) return fail(std::to_string(n) + " texts under " + std::to_string(min_mm).substr(0, 4) + " mm on screen \"" + app.screen_name() + "\":" + bad);
    return true;
  }

  // Every touch target lies below the theme's reach line (reach = "low": the lower two thirds).
  bool expect_reach() {
    if (app.frame_due()) app.draw_frame();
    float top = app.theme().reach_top * app.theme().height;
    if (top <= 0) return fail("expect-reach: the kiosk runs without reach = \"low\" (no reach line to check)");
    std::string bad;
    for (const auto& it : app.items())
      if (it.r.y + 0.5f < top) bad += (bad.empty() ? "" : ", ") + it.id + " at y=" + std::to_string((int)it.r.y);
    if (!bad.empty())
      return fail("controls above the reach line (y=" + std::to_string((int)top) + ") on screen \"" + app.screen_name() + "\": " + bad);
    return true;
  }

  // Keys and close requests go onto SDL's queue and through the real loop's event handling.
  bool press(const std::string& chord) {
    std::vector<SDL_Event> events;
    if (!chord_events(chord, events)) return fail("key " + chord + ": not a key SDL knows");
    for (auto& e : events) SDL_PushEvent(&e);
    if (app.pump_events()) return fail("key " + chord + " would end the kiosk");
    run_for(kFrameMs);
    return true;
  }

  bool command(const std::string& raw) {
    std::string s = raw;
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
    size_t first = s.find_first_not_of(' ');
    if (first == std::string::npos || s[first] == '#') return true;
    s = s.substr(first);
    std::istringstream in(s);
    std::string cmd;
    in >> cmd;
    std::vector<std::string> a;
    for (std::string w; in >> w;) a.push_back(w);
    auto quoted = [&]() {
      size_t q1 = s.find('"'), q2 = s.rfind('"');
      return q1 != std::string::npos && q2 > q1 ? s.substr(q1 + 1, q2 - q1 - 1) : std::string();
    };

    if (cmd == "tap") {
      if (a.size() == 1 && a[0][0] == '@') {
        std::string id = a[0].substr(1);
        if (app.frame_due()) app.draw_frame();
        for (const auto& it : app.items())
          if (it.id == id) return tap_at(it.r.x + it.r.w / 2, it.r.y + it.r.h / 2);
        return fail("tap @" + id + ": no such item on screen \"" + app.screen_name() + "\"");
      }
      float x, y;
      if (a.size() != 2 || !coord(a[0], true, x) || !coord(a[1], false, y)) return fail("usage: tap X Y | tap @id");
      return tap_at(x, y);
    }
    if (cmd == "press") {  // a tap held for MS milliseconds (older visitors press slowly)
      float x, y;
      if (a.size() == 2 && a[0][0] == '@') {
        if (!item_centre(a[0].substr(1), x, y)) return false;
      } else if (a.size() != 3 || !coord(a[0], true, x) || !coord(a[1], false, y)) {
        return fail("usage: press X Y MS | press @id MS");
      }
      return tap_at(x, y, std::stoull(a.back()));
    }
    if (cmd == "swipe") {
      float x1, y1, x2, y2;
      if (a.size() != 5 || !coord(a[0], true, x1) || !coord(a[1], false, y1) || !coord(a[2], true, x2) || !coord(a[3], false, y2))
        return fail("usage: swipe X1 Y1 X2 Y2 MS");
      int ms = std::max(1, atoi(a[4].c_str()));
      finger(SDL_FINGERDOWN, 0, x1, y1);
      run_for(kFrameMs);
      int steps = std::max(1, ms / (int)kFrameMs);
      for (int i = 1; i <= steps; ++i) {
        float f = (float)i / steps;
        finger(SDL_FINGERMOTION, 0, x1 + (x2 - x1) * f, y1 + (y2 - y1) * f);
        run_for(kFrameMs);
      }
      finger(SDL_FINGERUP, 0, x2, y2);
      run_for(400);  // let the fling or snap settle
      return true;
    }
    if (cmd == "pinch") {
      float x, y, scale;
      if (a.size() != 3 || !coord(a[0], true, x) || !coord(a[1], false, y)) return fail("usage: pinch X Y SCALE");
      scale = strtof(a[2].c_str(), nullptr);
      float d0 = app.theme().mm(15.f), d1 = d0 * scale;
      finger(SDL_FINGERDOWN, 0, x - d0, y);
      finger(SDL_FINGERDOWN, 1, x + d0, y);
      run_for(kFrameMs);
      for (int i = 1; i <= 15; ++i) {
        float d = d0 + (d1 - d0) * i / 15.f;
        finger(SDL_FINGERMOTION, 0, x - d, y);
        finger(SDL_FINGERMOTION, 1, x + d, y);
        run_for(kFrameMs);
      }
      finger(SDL_FINGERUP, 1, x + d1, y);
      finger(SDL_FINGERUP, 0, x - d1, y);
      run_for(200);
      return true;
    }
    if (cmd == "wait-reload" && a.size() <= 1) {
      double secs = a.empty() ? 10 : std::stod(a[0]);
      std::chrono::steady_clock::time_point shown{};
      auto done = [&] {
        if (app.swaps() <= seen_swaps) return false;
        if (shown == std::chrono::steady_clock::time_point{}) shown = std::chrono::steady_clock::now();
        return true;
      };
      if (!wait_until(done, secs, "a new bundle")) return false;
      seen_swaps = app.swaps();
      // From the save to the new bundle's first frame (drawn in the step that switched to it).
      if (last_sh != std::chrono::steady_clock::time_point{})
        out << "reload: " << std::chrono::duration_cast<std::chrono::milliseconds>(shown - last_sh).count()
            << " ms from the save to the new frame\n";
      return true;
    }
    if (cmd == "wait-overlay" && a.size() <= 1)
      return wait_until([&] { return !app.overlay().empty(); }, a.empty() ? 10 : std::stod(a[0]), "build errors");
    if (cmd == "expect-overlay") {
      std::string want = quoted();
      if (app.overlay().find(want) == std::string::npos)
        return fail("expected the error overlay to say \"" + want + "\" but it says \"" + app.overlay() + "\"");
      return true;
    }
    if (cmd == "expect-no-overlay" && a.empty()) {
      if (!app.overlay().empty()) return fail("expected no error overlay, but it says \"" + app.overlay() + "\"");
      return true;
    }
    if (cmd == "self-test" && a.empty()) {
      std::string why;
      if (!app.self_test(why)) return fail("self-test: " + why);
      return true;
    }
    if (cmd == "sh") {
      // Test scripts only: edit a source while the preview runs (the tour is the test's script).
      std::string c = quoted();
      int rc = system(c.c_str());
      last_sh = std::chrono::steady_clock::now();
      if (rc != 0) return fail("sh \"" + c + "\" exited with " + std::to_string(rc));
      return true;
    }
    if (cmd == "swap" && a.size() == 1) {
      // Ask the app to switch to another bundle file, as an install would.
      app.request_swap(a[0], SwapKind::Install);
      for (int i = 0; app.swap_pending() && i < 24 * 3600; ++i) idle_for(1000);  // at most a virtual day
      if (app.swap_pending()) return fail("swap " + a[0] + ": no safe moment came in a virtual day");
      while (app.fading()) run_for(kFrameMs);
      seen_swaps = app.swaps();
      return true;
    }
    if (cmd == "key" && a.size() == 1) return press(a[0]);
    if (cmd == "steady-figures" && a.empty()) return app.steady_staff_figures(), true;
    if (cmd == "expect-exit" && a.size() == 1) {
      // The staff overlay's Restart / Exit: the code the real loop would end with; cleared here.
      std::string got = !app.exit_request() ? "none" : *app.exit_request() == kExitRestart ? "restart"
                      : *app.exit_request() == kExitToConsole ? "console" : std::to_string(*app.exit_request());
      app.clear_exit_request();
      if (got != a[0]) return fail("expected exit request \"" + a[0] + "\" but it is \"" + got + "\"");
      return true;
    }
    if (cmd == "clock-jump" && a.size() == 1) {
      app.jump_wall_clock((int64_t)(std::stod(a[0]) * 1000));
      run_for(kFrameMs);
      return true;
    }
    if (cmd == "expect-power" && a.size() == 1 && (a[0] == "on" || a[0] == "off")) {
      if (app.frame_due()) app.draw_frame();  // a closing switches off after its black frame
      const platform::ScreenPower* p = app.screen_power();
      if (!p || !p->state()) return fail("expected the screen switched " + a[0] + " but it was never switched");
      if (*p->state() != (a[0] == "on")) return fail("expected the screen switched " + a[0] + "; last: " + p->last());
      out << p->last() << "\n";
      return true;
    }
    if (cmd == "render-reset" && a.size() == 1 && (a[0] == "targets" || a[0] == "device")) {
      // The renderer lost its textures (a GPU reset, a screen gone and back): SDL says so with
      // an event; the next frame must show the same picture.
      SDL_Event e{};
      e.type = a[0] == "targets" ? SDL_RENDER_TARGETS_RESET : SDL_RENDER_DEVICE_RESET;
      SDL_PushEvent(&e);
      app.pump_events();
      run_for(kFrameMs);
      return true;
    }
    if (cmd == "wait" && a.size() == 1) return run_for(std::stoull(a[0])), true;
    if (cmd == "idle" && a.size() == 1) return idle_for((uint64_t)(std::stod(a[0]) * 1000)), true;
    if (cmd == "lang" && a.size() == 1) {
      app.set_lang(a[0]);
      run_for(kFrameMs);
      return true;
    }
    if (cmd == "shot" && a.size() == 1) {
      if (shots.empty()) return true;  // no --shots: screenshots are skipped, the tour still runs
      std::string why, path = shots + "/" + a[0] + ".png";
      if (!app.screenshot(path, why)) return fail("shot " + a[0] + ": " + why);
      out << "shot " << path << "\n";
      return true;
    }
    if (cmd == "expect-screen" && a.size() == 1) {
      if (app.frame_due()) app.draw_frame();
      if (app.screen_name() != a[0]) return fail("expected screen \"" + a[0] + "\" but it is \"" + app.screen_name() + "\"");
      return true;
    }
    if (cmd == "expect-lang" && a.size() == 1) {
      if (app.lang() != a[0]) return fail("expected language \"" + a[0] + "\" but it is \"" + app.lang() + "\"");
      return true;
    }
    if (cmd == "expect-text") {
      std::string want = quoted();
      if (app.frame_due()) app.draw_frame();
      for (const auto& t : app.texts())
        if (t.find(want) != std::string::npos) return true;
      return fail("expected to see \"" + want + "\" on screen \"" + app.screen_name() + "\"");
    }
    if (cmd == "ids") {
      // id x y w h, its size in mm, and the em of the smallest text inside it in mm ("-": none).
      if (app.frame_due()) app.draw_frame();
      float ppm = app.theme().px_per_mm;
      for (const auto& it : app.items()) {
        float em = smallest_text_in(it.r);
        char size[32] = "-";
        if (em > 0) snprintf(size, sizeof size, "%.1f", em / ppm);
        char buf[320];
        snprintf(buf, sizeof buf, "%s %.0f %.0f %.0f %.0f %.1f %.1f text %s", it.id.c_str(), it.r.x, it.r.y, it.r.w, it.r.h, it.r.w / ppm,
                 it.r.h / ppm, size);
        out << buf << "\n";
      }
      return true;
    }
    if (cmd == "expect-text-size" && a.size() == 1) return expect_text_size(std::stof(a[0]));
    if (cmd == "expect-reach" && a.empty()) return expect_reach();
    if (cmd == "expect-targets" && a.size() == 1) {
      float min_mm = std::stof(a[0]);
      if (app.frame_due()) app.draw_frame();
      float ppm = app.theme().px_per_mm;
      std::string bad;
      for (const auto& it : app.items()) {
        float w = it.r.w / ppm, h = it.r.h / ppm;
        if (w + 1e-3f < min_mm || h + 1e-3f < min_mm) {
          char buf[320];
          snprintf(buf, sizeof buf, "%s%s is %.1f x %.1f mm (%.0f x %.0f px)", bad.empty() ? "" : "; ", it.id.c_str(), w, h, it.r.w, it.r.h);
          bad += buf;
        }
      }
      if (app.items().empty() && app.screen_name() != "attract" && app.screen_name() != "unavailable")
        return fail("expect-targets: no touch targets at all on screen \"" + app.screen_name() + "\"");
      if (!bad.empty()) return fail("touch targets under " + a[0] + " mm on screen \"" + app.screen_name() + "\": " + bad);
      return true;
    }
    if (cmd == "expect-no-overflow" && a.empty()) {
      if (app.frame_due()) app.draw_frame();
      const auto& problems = ui::Canvas::last_frame_problems();
      if (problems.empty()) return true;
      std::string all;
      for (const auto& pr : problems) all += "\n    " + pr;
      return fail("text overflows on screen \"" + app.screen_name() + "\" (" + std::to_string(problems.size()) + "):" + all);
    }
    if (cmd == "frame-stats") {
      // Draws the current state once more and reports what that frame cost (for benchmarks).
      app.measure_gpu(true);
      app.draw_frame();
      app.measure_gpu(false);
      const auto& f = app.frame_stats();
      char buf[200];
      snprintf(buf, sizeof buf,
               "frame %s: build_ms=%.2f submit_ms=%.2f vertices=%d triangles=%d draw_calls=%d queue_ms=%.2f gpu_ms=%.2f present_ms=%.2f",
               a.empty() ? "-" : a[0].c_str(), f.build_ms, f.submit_ms, f.vertices, f.triangles, f.draw_calls, f.queue_ms,
               f.gpu_ms, f.present_ms);
      out << buf << "\n";
      return true;
    }
    if (cmd == "clocks") {
      // After the frame due now (the first one, at the start of a tour): the monotonic clock and
      // this process's CPU time, so kiosk-bench can time process start to first frame.
      if (app.frame_due()) app.draw_frame();
      timespec mono{}, cpu{};
      clock_gettime(CLOCK_MONOTONIC, &mono);
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
      out << "clocks: monotonic_ns=" << mono.tv_sec * 1'000'000'000LL + mono.tv_nsec
          << " process_cpu_ns=" << cpu.tv_sec * 1'000'000'000LL + cpu.tv_nsec << " frames=" << app.frames() << std::endl;
      return true;
    }
    if (cmd == "mark") {
      mark_frames = app.frames();
      mark_text = app.text().stats();
      return true;
    }
    if (cmd == "text-stats") {  // the text cache's figures so far (for benchmarks)
      const auto st = app.text().stats();
      uint64_t asked = st.hits + st.misses;
      char buf[300];
      snprintf(buf, sizeof buf,
               "text: bytes=%zu peak_bytes=%zu budget=%zu hits=%llu misses=%llu hit_rate=%.3f rasterised=%llu "
               "rasterised_interactive=%llu prepared=%llu evictions=%llu frame_peak_bytes=%zu",
               st.bytes, st.peak_bytes, st.budget, (unsigned long long)st.hits, (unsigned long long)st.misses,
               asked ? (double)st.hits / asked : 0.0, (unsigned long long)st.rasterised,
               (unsigned long long)st.rasterised_interactive, (unsigned long long)st.prepared, (unsigned long long)st.evictions, st.frame_peak_bytes);
      out << buf << "\n";
      return true;
    }
    if (cmd == "expect-rasterised" && a.size() == 1) {  // text blocks rasterised on interactive frames
      uint64_t n = app.text().stats().rasterised_interactive;
      bool at_most = a[0].rfind("<=", 0) == 0;
      uint64_t want = std::stoull(at_most ? a[0].substr(2) : a[0]);
      if (at_most ? n > want : n != want)
        return fail("expected " + a[0] + " text blocks rasterised on interactive frames (a finger down, a swipe moving), but " +
                    std::to_string(n) + " were");
      return true;
    }
    if (cmd == "expect-peak-rss" && a.size() == 1) {  // the process's peak resident memory so far, in MiB
      struct rusage ru {};
      getrusage(RUSAGE_SELF, &ru);
      double mib = ru.ru_maxrss / 1024.0;  // Linux: KiB
      char buf[120];
      snprintf(buf, sizeof buf, "peak RSS %.1f MiB (budget %s MiB)", mib, a[0].c_str());
      out << buf << "\n";
      if (mib > std::stod(a[0])) return fail(std::string(buf) + ": over");
      return true;
    }
    if (cmd == "expect-text-cache") {  // the text cache stays within its budget, and did all along
      const auto st = app.text().stats();
      if (st.peak_bytes > st.budget || st.bytes > st.budget)
        return fail("the text cache holds " + std::to_string(st.bytes) + " bytes (at most " + std::to_string(st.peak_bytes) +
                    "), over its budget of " + std::to_string(st.budget));
      return true;
    }
    if (cmd == "expect-frame-text" && a.size() == 1) {  // text work on frames since mark
      const auto st = app.text().stats();
      uint64_t laid = st.laid_out_in_frame - mark_text.laid_out_in_frame, made = st.rasterised_in_frame - mark_text.rasterised_in_frame;
      bool at_most = a[0].rfind("<=", 0) == 0;
      uint64_t want = std::stoull(at_most ? a[0].substr(2) : a[0]);
      if (at_most ? laid + made > want : laid + made != want)
        return fail("expected " + a[0] + " texts laid out or blocks rasterised on frames since mark, but " + std::to_string(laid) +
                    " were laid out and " + std::to_string(made) + " rasterised");
      return true;
    }
    if (cmd == "expect-frames" && a.size() == 1) {
      uint64_t n = app.frames() - mark_frames;
      bool at_most = a[0].rfind("<=", 0) == 0;
      uint64_t want = std::stoull(at_most ? a[0].substr(2) : a[0]);
      if (at_most ? n > want : n != want)
        return fail("expected " + a[0] + " frames since mark, but " + std::to_string(n) + " were drawn");
      return true;
    }
    return fail("unknown or malformed command: " + s);
  }
};

}  // namespace

int play_tour(App& app, const std::string& path, const std::string& shots_dir, std::ostream& out, std::ostream& err) {
  std::ifstream f(path);
  if (!f) {
    err << path << ": cannot read the tour\n";
    return 1;
  }
  Player p{app, shots_dir, out, err, path};
  app.update();
  if (app.frame_due()) app.draw_frame();
  for (std::string l; std::getline(f, l);) {
    ++p.line;
    try {
      if (!p.command(l)) return 1;
    } catch (const std::exception& e) {
      p.fail(std::string("malformed command: ") + e.what());
      return 1;
    }
  }
  return 0;
}

}  // namespace app
