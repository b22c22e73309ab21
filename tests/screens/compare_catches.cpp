// compare_catches — proves the screenshot rule (shot_compare.h) sees what a visitor would see:
// four small changes to real shots must each FAIL the comparison, and two separate runs of the
// same tour must PASS it (the renderer's determinism).
//
//   compare_catches ORIG_DIR VARIANT_DIR IDS_FILE
//
// ORIG_DIR holds catch-room.png and catch-map.png from catches.tour on the sample exhibit;
// VARIANT_DIR the same tour on a copy of the exhibit with one word of the first room changed;
// IDS_FILE the tour's output (its `ids` lines place the buttons). The changes:
//   a changed word       the variant's room shot (rendered, not painted)
//   a missing outline    the ring of the map's play button painted over with its inside colour
//   a missing play icon  the inside of that button painted over
//   missing page dots    the room's page dots (found left of "Página 1 de n") painted over
// Each line says how many pixels differ and whether the old rule (1/2 scale, 0.5 % over 48)
// would have let the change through; the painted shots are written to VARIANT_DIR for a look
// (catch-*-without-*.png). Exit 0 when every change fails and the control passes.
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "shot_compare.h"

using namespace shots;

namespace {

struct Box {
  int x = 0, y = 0, w = 0, h = 0;
};

uint8_t* at(Image& im, int x, int y) { return &im.rgba[((size_t)y * im.w + x) * 4]; }

int distance(const uint8_t* a, const uint8_t* b) {
  int m = 0;
  for (int ch = 0; ch < 3; ++ch) m = std::max(m, std::abs((int)a[ch] - (int)b[ch]));
  return m;
}

void paint(Image& im, int x0, int y0, int x1, int y1, const uint8_t* c) {
  for (int y = std::max(0, y0); y <= std::min(im.h - 1, y1); ++y)
    for (int x = std::max(0, x0); x <= std::min(im.w - 1, x1); ++x) memcpy(at(im, x, y), c, 3);
}

// The ring of a button (its outline, a few pixels either side of the edge) in its inside colour.
Image without_outline(Image im, const Box& b) {
  uint8_t inside[4];
  memcpy(inside, at(im, b.x + b.w / 2, b.y + 8), 4);
  for (int y = b.y - 3; y <= b.y + b.h + 3; ++y)
    for (int x = b.x - 3; x <= b.x + b.w + 3; ++x) {
      bool ring = x < b.x + 5 || x > b.x + b.w - 6 || y < b.y + 5 || y > b.y + b.h - 6;
      if (ring) paint(im, x, y, x, y, inside);
    }
  return im;
}

// The middle half of a button, where its icon is, in its inside colour.
Image without_icon(Image im, const Box& b) {
  uint8_t inside[4];
  memcpy(inside, at(im, b.x + b.w / 2, b.y + 8), 4);
  paint(im, b.x + b.w / 4, b.y + b.h / 4, b.x + b.w * 3 / 4, b.y + b.h * 3 / 4, inside);
  return im;
}

// The page dots sit on the bottom bar's middle line, left of the page label, evenly spaced:
// runs of ink along that line with a constant pitch. Returns false when they cannot be found.
bool without_dots(Image& im, const Box& next, int& found) {
  int cy = next.y + next.h / 2;
  uint8_t bg[4];
  memcpy(bg, at(im, 4, cy), 4);
  struct Run {
    int x0, x1;
  };
  std::vector<Run> runs;
  for (int x = 0; x < next.x - 2; ++x) {
    bool ink = distance(at(im, x, cy), bg) > 24;
    if (ink && (runs.empty() || runs.back().x1 != x - 1)) runs.push_back({x, x});
    else if (ink) runs.back().x1 = x;
  }
  if (runs.size() < 3) return false;
  auto centre = [](const Run& r) { return (r.x0 + r.x1) / 2.0; };
  double pitch = centre(runs[1]) - centre(runs[0]);
  size_t n = 1;
  while (n < runs.size() && std::abs(centre(runs[n]) - centre(runs[n - 1]) - pitch) <= 3 && runs[n].x1 - runs[n].x0 < pitch / 2) ++n;
  if (n < 2 || pitch < 8) return false;
  for (size_t i = 0; i < n; ++i) {
    int r = (runs[i].x1 - runs[i].x0) / 2 + 3;
    paint(im, (int)centre(runs[i]) - r, cy - r, (int)centre(runs[i]) + r, cy + r, bg);
  }
  found = (int)n;
  return true;
}

std::map<std::string, Box> read_ids(const std::string& path) {
  std::map<std::string, Box> out;
  std::ifstream f(path);
  for (std::string line; std::getline(f, line);) {
    std::istringstream in(line);
    std::string id;
    Box b;
    if (in >> id >> b.x >> b.y >> b.w >> b.h) out[id] = b;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: compare_catches ORIG_DIR VARIANT_DIR IDS_FILE\n");
    return 2;
  }
  std::string orig = argv[1], variant = argv[2], why;
  Image room, map, room_variant, map_variant;
  for (auto [im, path] : {std::pair{&room, orig + "/catch-room.png"}, {&map, orig + "/catch-map.png"},
                          {&room_variant, variant + "/catch-room.png"}, {&map_variant, variant + "/catch-map.png"}})
    if (!load(path, *im, why)) {
      fprintf(stderr, "compare_catches: %s: %s\n", path.c_str(), why.c_str());
      return 2;
    }
  auto ids = read_ids(argv[3]);
  if (!ids.count("map.play") || !ids.count("room.next")) {
    fprintf(stderr, "compare_catches: %s has no map.play or room.next: did catches.tour run?\n", argv[3]);
    return 2;
  }
  int dots = 0;
  Image room_no_dots = room;
  if (!without_dots(room_no_dots, ids["room.next"], dots)) {
    fprintf(stderr, "compare_catches: cannot find the page dots in catch-room.png\n");
    return 2;
  }
  struct Case {
    const char* what;
    const Image *ref, *shot;
    bool must_fail;
  };
  Image map_no_outline = without_outline(map, ids["map.play"]), map_no_icon = without_icon(map, ids["map.play"]);
  const Case cases[] = {
      {"two runs of the same tour (control)", &map, &map_variant, false},
      {"a changed word", &room, &room_variant, true},
      {"a missing button outline", &map, &map_no_outline, true},
      {"a missing play icon", &map, &map_no_icon, true},
      {"missing page dots", &room, &room_no_dots, true},
  };
  // The painted shots, for a look: VARIANT_DIR/catch-*-without-*.png.
  save(map_no_outline, variant + "/catch-map-without-outline.png", why);
  save(map_no_icon, variant + "/catch-map-without-icon.png", why);
  save(room_no_dots, variant + "/catch-room-without-dots.png", why);
  int wrong = 0;
  for (const auto& c : cases) {
    Difference d = compare(*c.ref, *c.shot, Rule{});
    bool right = d.ok != c.must_fail;
    printf("%s %s: %s by the rule (%zu pixels beyond the tolerance, worst %d); the old rule %s\n", right ? "ok  " : "WRONG",
           c.what, d.ok ? "passes" : "fails", d.pixels, d.worst, old_rule_passes(*c.ref, *c.shot) ? "passes it" : "fails it");
    if (!right) ++wrong;
  }
  printf("(%d page dots painted over)\n", dots);
  return wrong ? 1 : 0;
}
