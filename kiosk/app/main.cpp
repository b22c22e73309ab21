// main.cpp — `kiosk`: the exhibit on a touch screen.
//   kiosk --bundle FILE [--config FILE] [--windowed] [--screen-mm WxH] [--watch [--errors FILE]]
//   kiosk --store DIR [--config FILE] …
//   kiosk --set-pin [--config FILE]     (the staff overlay's PIN into FILE, default /etc/museum-kiosk/kiosk.toml)
//   kiosk --bundle FILE --headless --size WxH [--screen-mm WxH] [--start YYYY-MM-DDTHH:MM] [--renderer R]
//         (--tour FILE [--shots DIR] | --soak DURATION)
#include <sys/stat.h>

#include <cstring>
#include <ctime>
#include <iostream>

#include "kiosk/app/app.h"
#include "kiosk/app/soak.h"
#include "kiosk/app/staff_pin.h"
#include "kiosk/app/tour.h"
#include "platform/render_path.h"
#include "platform/signals.h"

static int usage() {
  std::cerr << "usage: kiosk --bundle FILE [--config FILE] [--windowed] [--screen-mm WxH]\n"
               "       kiosk --bundle FILE --headless --size WxH [--screen-mm WxH] [--config FILE]\n"
               "             [--start YYYY-MM-DDTHH:MM] (--tour FILE [--shots DIR] | --soak DURATION)\n"
               "  --config FILE  the kiosk's settings: opening hours, display commands (deploy/kiosk.toml)\n"
               "  --stats FILE   record visitor statistics there (read them with kiosk-stats)\n"
               "  --renderer R   auto, opengles2 or software: overrides kiosk.toml's [display] renderer\n"
               "                 (auto: OpenGL ES on a screen, software headless)\n"
               "  --store DIR    show the bundle store's current bundle, switch when it changes (kiosk-bundle install)\n"
               "  --watch        live preview: reload FILE whenever it is replaced, show FILE.errors (or\n"
               "                 --errors FILE) over it; kiosk-bundle preview starts the kiosk like this\n"
               "  --start        headless runs: the local date and time the virtual clock starts at\n"
               "  --soak         e.g. 2d: attract mode and synthetic visitors on a virtual clock\n"
               "       kiosk --set-pin [--config FILE]   the staff overlay's PIN, read twice without echo (or\n"
               "                 from standard input), its hash written into FILE's [staff] table\n";
  return 2;
}

static bool pair_arg(const char* s, float& a, float& b) { return sscanf(s, "%fx%f", &a, &b) == 2 && a > 0 && b > 0; }

int main(int argc, char** argv) {
  app::StartupLog::begin();  // every start-up phase's "start +N ms" counts from here
  app::Options o;
  std::string config, start, soak, stats, store, renderer;
  bool screen_given = false, set_pin = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    const char* v = nullptr;
    if (a == "--bundle" && (v = next())) o.bundle = v;
    else if (a == "--headless") o.headless = true;
    else if (a == "--windowed") o.windowed = true;
    else if (a == "--size" && (v = next())) {
      float w, h;
      if (!pair_arg(v, w, h)) return usage();
      o.width = (int)w, o.height = (int)h;
    } else if (a == "--screen-mm" && (v = next())) {
      if (!pair_arg(v, o.screen_w_mm, o.screen_h_mm)) return usage();
      screen_given = true;
    } else if (a == "--tour" && (v = next())) o.tour = v;
    else if (a == "--shots" && (v = next())) o.shots = v;
    else if (a == "--config" && (v = next())) config = v;
    else if (a == "--start" && (v = next())) start = v;
    else if (a == "--soak" && (v = next())) soak = v;
    else if (a == "--stats" && (v = next())) stats = v;
    else if (a == "--watch") o.watch = true;
    else if (a == "--errors" && (v = next())) o.errors_file = v;
    else if (a == "--store" && (v = next())) store = v;
    else if (a == "--set-pin") set_pin = true;
    else if (a == "--renderer" && (v = next())) renderer = v;
    else return usage();
  }
  if (set_pin) return app::staff::set_pin_command(config.empty() ? "/etc/museum-kiosk/kiosk.toml" : config, std::cin, std::cout, std::cerr);
  if (!config.empty()) {
    std::vector<std::string> errors;
    // A mistake in one setting must not keep a wall dark: say where it is, run on its default.
    if (!app::load_config(config, o.config, errors)) {
      for (const auto& e : errors) std::cerr << e << "\n";
      std::cerr << "kiosk: " << config << ": " << errors.size() << " setting(s) refused; running on their defaults\n";
    }
    if (o.bundle.empty()) o.bundle = o.config.bundle;
    if (!screen_given && o.config.screen_w_mm > 0) o.screen_w_mm = o.config.screen_w_mm, o.screen_h_mm = o.config.screen_h_mm;
  }
  if (!stats.empty()) o.config.stats = stats;
  if (!renderer.empty() && !platform::parse_render_path(renderer, o.config.renderer)) return usage();
  if (!store.empty()) o.config.store_dir = store;
  if (!o.config.store_dir.empty()) o.bundle.clear();  // the store chooses (begin_run at start)
  if (!start.empty()) {
    std::tm t{};
    if (!strptime(start.c_str(), "%Y-%m-%dT%H:%M", &t)) return usage();
    t.tm_isdst = -1;
    o.wall_start = (int64_t)mktime(&t);
  }
  uint64_t soak_ms = soak.empty() ? 0 : app::parse_duration(soak);
  if (!soak.empty() && !soak_ms) return usage();
  if ((o.bundle.empty() && o.config.store_dir.empty()) || (o.watch && o.bundle.empty()) || (o.headless && o.tour.empty() && !soak_ms)) return usage();
  if (getenv("WINDOWED") && strcmp(getenv("WINDOWED"), "0") != 0) o.windowed = true;
  if (!o.shots.empty()) mkdir(o.shots.c_str(), 0755);
  if (soak_ms) o.rasterize = false, o.headless = true;

  // On the wall only SIGTERM stops the kiosk; Ctrl+C too in windowed dev mode (platform/signals.h).
  if (!o.headless) platform::install_stop_signals(o.windowed);
  app::App kiosk(o);
  std::string why;
  if (!kiosk.start(why)) {
    std::cerr << "kiosk: " << why << "\n";
    return platform::stop_requested() ? 0 : 1;  // stopped while still waiting for a screen: a clean stop
  }
  // Set once the bundle is open: its load makes many large short-lived buffers, and mapping and
  // zeroing pages for each cost ~30 ms of the first frame's CPU (measured: 131 → 102 ms).
  app::set_memory_policy();
  if (soak_ms) return app::run_soak(kiosk, soak_ms, std::cout);
  if (!o.tour.empty()) return app::play_tour(kiosk, o.tour, o.shots, std::cout, std::cerr);
  int code = kiosk.run_loop();
  // For a technician (and kiosk-bench's idle figures): how many frames this run drew.
  SDL_Log("stopping after %llu frames", (unsigned long long)kiosk.frames());
  if (code) std::cerr << "kiosk: exiting with " << code << " (asked on the staff overlay)\n";
  return code;
}
