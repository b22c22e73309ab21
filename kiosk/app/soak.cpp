// soak.cpp — see soak.h.
#include "kiosk/app/soak.h"

#include <dirent.h>
#include <malloc.h>
#include <unistd.h>
#if defined(__SANITIZE_ADDRESS__)
// From the sanitizer runtime (GCC ships no header for it): bytes allocated and not yet freed.
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

#include <cstdio>
#include <ostream>
#include <random>

#include "kiosk/app/app.h"

namespace app {

uint64_t parse_duration(const std::string& s) {
  char unit = 0;
  double v = 0;
  if (sscanf(s.c_str(), "%lf%c", &v, &unit) < 1 || v <= 0) return 0;
  switch (unit) {
    case 's': return (uint64_t)(v * 1000);
    case 'm': return (uint64_t)(v * 60'000);
    case 'h': return (uint64_t)(v * 3'600'000);
    case 'd': return (uint64_t)(v * 86'400'000);
    case 0: return (uint64_t)(v * 1000);
  }
  return 0;
}

namespace {

struct Figures {
  long rss_kb, heap_kb, fds, textures, text_kb;
};

// Bytes the program has allocated and not freed: the allocator's own count (ASan's when the
// build has it, glibc's otherwise).
long heap_bytes() {
#if defined(__SANITIZE_ADDRESS__)
  return (long)__sanitizer_get_current_allocated_bytes();
#else
  struct mallinfo2 mi = mallinfo2();
  return (long)mi.uordblks;
#endif
}

Figures measure(App& app) {
  Figures f{};
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
  malloc_trim(0);  // as the app does at each session's end: RSS then shows what is really held
#endif
  if (FILE* st = fopen("/proc/self/statm", "r")) {
    long size = 0, rss = 0;
    if (fscanf(st, "%ld %ld", &size, &rss) == 2) f.rss_kb = rss * (sysconf(_SC_PAGESIZE) / 1024);
    fclose(st);
  }
  f.heap_kb = heap_bytes() / 1024;
  if (DIR* d = opendir("/proc/self/fd")) {
    while (readdir(d)) ++f.fds;
    closedir(d);
    f.fds -= 3;  // ".", ".." and the directory's own descriptor
  }
  f.textures = (long)(app.text().stats().entries + app.pictures().count());
  f.text_kb = (long)((app.text().stats().bytes + app.text().stats().layout_bytes) / 1024);
  return f;
}

// One visitor: a few taps and swipes through the screens at a human pace, then they walk away.
struct Visitor {
  App& app;
  std::mt19937& rng;
  void step(uint64_t ms) { app.advance(ms); }
  void finger(Uint32 type, float x, float y) { app.finger(type, 0, x, y); }
  void tap(float x, float y) {
    finger(SDL_FINGERDOWN, x, y);
    step(80);
    finger(SDL_FINGERUP, x, y);
    step(std::uniform_int_distribution<int>(1500, 6000)(rng));
  }
  bool tap_id(const std::string& prefix) {
    std::vector<ui::Item> hits;
    for (const auto& it : app.items())
      if (it.id.rfind(prefix, 0) == 0) hits.push_back(it);
    if (hits.empty()) return false;
    const auto& it = hits[std::uniform_int_distribution<size_t>(0, hits.size() - 1)(rng)];
    tap(it.r.x + it.r.w / 2, it.r.y + it.r.h / 2);
    return true;
  }
  void swipe() {
    float w = (float)app.video().width, h = (float)app.video().height;
    finger(SDL_FINGERDOWN, w * 0.8f, h * 0.5f);
    for (int i = 1; i <= 10; ++i) {
      step(16);
      finger(SDL_FINGERMOTION, w * (0.8f - 0.05f * i), h * 0.5f);
    }
    finger(SDL_FINGERUP, w * 0.3f, h * 0.5f);
    step(std::uniform_int_distribution<int>(3000, 12000)(rng));
  }
  int switches = 0, missed = 0;  // language changes asked for, and those that did not happen
  // One of the exhibit's own languages (from the bundle, so any exhibit's: es/en, pl/fr/en…),
  // other than the one shown.
  void switch_language() {
    std::vector<std::string> others;
    for (const auto& code : app.languages())
      if (code != app.lang()) others.push_back(code);
    if (others.empty()) return;
    const std::string code = others[std::uniform_int_distribution<size_t>(0, others.size() - 1)(rng)];
    ++switches;
    if (!tap_id("lang." + code) || app.lang() != code) ++missed;
  }
  void visit() {
    tap(app.video().width / 2.f, app.video().height / 2.f);  // wakes attract mode
    if (std::uniform_int_distribution<int>(0, 3)(rng) == 0) switch_language();
    tap_id("home.rooms");
    tap_id("room.");
    for (int i = std::uniform_int_distribution<int>(1, 4)(rng); i > 0; --i) swipe();
    tap_id("text.larger");
    tap_id("room.next");
    tap_id("nav.home");
    tap_id("home.quotes");
    for (int i = std::uniform_int_distribution<int>(1, 6)(rng); i > 0; --i) swipe();
    tap_id("nav.home");
    tap_id("home.questions");
    tap_id("question.");
    tap_id("nav.home");
    tap_id("home.map");
    tap_id("nav.back");
  }
};

}  // namespace

int run_soak(App& app, uint64_t duration_ms, std::ostream& out) {
  std::mt19937 rng(20260822);
  Visitor v{app, rng};
  // Warm up for a quarter of the run (two hours at least): caches fill to their bounds in the
  // first hours, and what must stay flat is what comes after.
  uint64_t warm = std::max<uint64_t>(2 * 3'600'000, duration_ms / 4);
  while (app.now() < warm) {
    v.visit();
    v.step(std::uniform_int_distribution<uint64_t>(3 * 60'000, 12 * 60'000)(rng));
  }
  duration_ms -= std::min(duration_ms, warm);
  Figures start = measure(app);
  uint64_t t0 = app.now(), frames0 = app.frames();
  uint64_t next_report = t0 + 6 * 3'600'000;
  while (app.now() - t0 < duration_ms) {
    v.visit();
    // Between visitors: idle (warning, attract) for 3 to 12 minutes.
    v.step(std::uniform_int_distribution<uint64_t>(3 * 60'000, 12 * 60'000)(rng));
    if (app.now() >= next_report) {
      Figures f = measure(app);
      out << "soak: at " << (app.now() - t0) / 3'600'000 << " h: frames=" << app.frames() - frames0 << " rss_kb=" << f.rss_kb
          << " heap_kb=" << f.heap_kb << " textures=" << f.textures << " text_cache_kb=" << f.text_kb << std::endl;
      next_report += 6 * 3'600'000;
    }
  }
  Figures end = measure(app);
  char virt[32];
  snprintf(virt, sizeof virt, "%.1fh", app.now() / 3'600'000.0);
  out << "soak: virtual=" << virt << " frames=" << app.frames() - frames0 << " rss_kb_start=" << start.rss_kb
      << " rss_kb_end=" << end.rss_kb << " heap_kb_start=" << start.heap_kb << " heap_kb_end=" << end.heap_kb
      << " fds_start=" << start.fds << " fds_end=" << end.fds << " textures_start=" << start.textures
      << " textures_end=" << end.textures << " text_cache_kb_start=" << start.text_kb << " text_cache_kb_end=" << end.text_kb
      << " languages=" << app.languages().size() << " language_switches=" << v.switches << " language_missed=" << v.missed
#if defined(__SANITIZE_ADDRESS__)
      // ASan keeps freed memory in quarantine, so RSS says little; its heap count is exact.
      << " sanitizer=asan"
#endif
      << std::endl;
  return 0;
}

}  // namespace app
