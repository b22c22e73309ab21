// load_scale.cpp — the probe behind `make bench-load`: the kiosk's open of a bundle 10× the sample
// exhibit (tests/unit/bundle_scale.h) against the sample's own, counted in instructions by
// callgrind in run_load_bench.sh (repeatable on a busy machine, unlike time).
//   load_scale make SRC DIR     writes DIR/1x.bundle and DIR/10x.bundle from the exhibit at SRC
//   load_scale open FILE [N]    opens FILE N times as the kiosk does (app::load_exhibit), prints ms
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "content/curator/source.h"
#include "kiosk/app/exhibit_loader.h"
#include "unit/bundle_scale.h"

// Kept out of line so that callgrind can count it alone (--toggle-collect).
__attribute__((noinline)) bool open_once(const char* path, std::string& why) {
  app::LoadedExhibit out;
  return app::load_exhibit(path, out, why);
}

int main(int argc, char** argv) {
  if (argc >= 4 && !strcmp(argv[1], "make")) {
    curator::Diagnostics diag;
    bundle::Contents one = curator::read_exhibit(argv[2], diag);
    if (!diag.ok()) {
      std::cerr << "load_scale: " << argv[2] << " does not build\n";
      return 1;
    }
    for (int k : {1, 10}) bundle::write(testutil::scaled(one, k), std::string(argv[3]) + "/" + std::to_string(k) + "x.bundle");
    return 0;
  }
  if (argc >= 3 && !strcmp(argv[1], "open")) {
    int n = argc >= 4 ? atoi(argv[3]) : 1;
    for (int i = 0; i < n; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      std::string why;
      if (!open_once(argv[2], why)) {
        std::cerr << "load_scale: " << why << "\n";
        return 1;
      }
      printf("%.2f\n", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    return 0;
  }
  std::cerr << "usage: load_scale make SRC DIR | load_scale open FILE [N]\n";
  return 2;
}
