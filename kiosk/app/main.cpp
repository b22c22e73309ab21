// main.cpp — `kiosk`: the exhibit on a touch screen.
//   kiosk --bundle FILE [--windowed] [--screen-mm WxH]
//   kiosk --bundle FILE --headless --size WxH [--screen-mm WxH] --tour FILE [--shots DIR]
#include <sys/stat.h>

#include <cstring>
#include <iostream>

#include "kiosk/app/app.h"
#include "kiosk/app/tour.h"

static int usage() {
  std::cerr << "usage: kiosk --bundle FILE [--windowed] [--screen-mm WxH]\n"
               "       kiosk --bundle FILE --headless --size WxH [--screen-mm WxH] --tour FILE [--shots DIR]\n";
  return 2;
}

static bool pair_arg(const char* s, float& a, float& b) { return sscanf(s, "%fx%f", &a, &b) == 2 && a > 0 && b > 0; }

int main(int argc, char** argv) {
  app::Options o;
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
    } else if (a == "--tour" && (v = next())) o.tour = v;
    else if (a == "--shots" && (v = next())) o.shots = v;
    else return usage();
  }
  if (o.bundle.empty() || (o.headless && o.tour.empty())) return usage();
  if (getenv("WINDOWED") && strcmp(getenv("WINDOWED"), "0") != 0) o.windowed = true;
  if (!o.shots.empty()) mkdir(o.shots.c_str(), 0755);

  app::App kiosk(o);
  std::string why;
  if (!kiosk.start(why)) {
    std::cerr << "kiosk: " << why << "\n";
    return 1;
  }
  if (!o.tour.empty()) return app::play_tour(kiosk, o.tour, o.shots, std::cout, std::cerr);
  return kiosk.run_loop();
}
