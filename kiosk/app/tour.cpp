// tour.cpp — see tour.h. Input is synthesised as SDL touch events and fed through the same
// gesture recogniser a real finger uses; time only moves when the script says so.
#include "kiosk/app/tour.h"

#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

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
      app.set_now(next);
    }
    app.update();
    if (app.frame_due()) app.draw_frame();
  }

  void idle_for(uint64_t ms) { app.advance(ms); }

  void finger(Uint32 type, int64_t id, float x, float y) { app.finger(type, id, x, y); }

  bool coord(const std::string& s, bool horizontal, float& v) {
    char* end = nullptr;
    v = strtof(s.c_str(), &end);
    if (!end || *end) return false;
    if (s.find('.') != std::string::npos) v *= horizontal ? app.video().width : app.video().height;
    return true;
  }

  bool tap_at(float x, float y) {
    finger(SDL_FINGERDOWN, 0, x, y);
    run_for(60);
    finger(SDL_FINGERUP, 0, x, y);
    run_for(kFrameMs * 2);
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
    if (cmd == "key" && a.size() == 1) return press(a[0]);
    if (cmd == "clock-jump" && a.size() == 1) {
      app.jump_wall_clock((int64_t)(std::stod(a[0]) * 1000));
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
      if (app.frame_due()) app.draw_frame();
      float ppm = app.theme().px_per_mm;
      for (const auto& it : app.items()) {
        char buf[256];
        snprintf(buf, sizeof buf, "%s %.0f %.0f %.0f %.0f %.1f %.1f", it.id.c_str(), it.r.x, it.r.y, it.r.w, it.r.h, it.r.w / ppm,
                 it.r.h / ppm);
        out << buf << "\n";
      }
      return true;
    }
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
      app.draw_frame();
      const auto& f = app.frame_stats();
      char buf[200];
      snprintf(buf, sizeof buf, "frame %s: build_ms=%.2f submit_ms=%.2f vertices=%d triangles=%d draw_calls=%d",
               a.empty() ? "-" : a[0].c_str(), f.build_ms, f.submit_ms, f.vertices, f.triangles, f.draw_calls);
      out << buf << "\n";
      return true;
    }
    if (cmd == "mark") {
      mark_frames = app.frames();
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
