// compare_shots — compares the screenshots a tour took with the committed reference images.
//
//   compare_shots [--update] [--tolerance N] [--max-pixels P | --max-share PERCENT [--max-mean M]]
//                 [--scale K] TOUR SHOTS_DIR REF_DIR
//
// For every `shot NAME` line in TOUR, SHOTS_DIR/NAME.png (what the kiosk drew) is compared at full
// resolution with REF_DIR/NAME.png: it fails when the sizes differ or when more than P (default 0)
// pixels differ by more than N (default 2 of 255) in any channel — the rule in shot_compare.h and
// tests/screens/README.md. Every shot prints its count, the worst difference and the box around
// what differs; a failing one also writes SHOTS_DIR/NAME.diff.png (differences in red). A missing
// reference fails. --max-share allows that percentage of the pixels beyond N instead of P, and
// --max-mean bounds the mean difference per channel: the rule for another renderer (the GPU
// path against the software references). With --update the shots are written as the new
// references instead (scaled by K, default 1). A reference at exactly half the shot's size (the old, downscaled references) is
// compared at that size under the same rule, with a note to regenerate.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "shot_compare.h"

using namespace shots;

namespace {

std::vector<std::string> shot_names(const std::string& tour) {
  std::vector<std::string> names;
  std::ifstream f(tour);
  for (std::string line; std::getline(f, line);) {
    std::istringstream in(line);
    std::string cmd, name;
    if (in >> cmd >> name && cmd == "shot") names.push_back(name);
  }
  return names;
}

}  // namespace

int main(int argc, char** argv) {
  bool update = false;
  int scale = 1, at = 1;
  Rule rule;
  std::vector<std::string> pos;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--update") update = true;
    else if (a == "--tolerance" && i + 1 < argc) rule.tolerance = atoi(argv[++i]);
    else if (a == "--max-pixels" && i + 1 < argc) rule.max_pixels = (size_t)atol(argv[++i]);
    else if (a == "--max-share" && i + 1 < argc) rule.max_share = atof(argv[++i]) / 100.0;
    else if (a == "--max-mean" && i + 1 < argc) rule.max_mean = atof(argv[++i]);
    else if (a == "--shift" && i + 1 < argc) rule.shift = std::max(0, atoi(argv[++i]));
    else if (a == "--at" && i + 1 < argc) at = std::max(1, atoi(argv[++i]));
    else if (a == "--scale" && i + 1 < argc) scale = std::max(1, atoi(argv[++i]));
    else pos.push_back(a);
  }
  if (pos.size() != 3) {
    fprintf(stderr, "usage: compare_shots [--update] [--tolerance N] [--max-pixels P | --max-share PERCENT [--max-mean M]]\n"
                    "                     [--scale K] TOUR SHOTS_DIR REF_DIR\n");
    return 2;
  }
  if (getenv("KIOSK_UPDATE_REFERENCE_SHOTS")) update = true;
  const std::string &tour = pos[0], &shots_dir = pos[1], &refs = pos[2];
  std::vector<std::string> names = shot_names(tour);
  if (names.empty()) {
    fprintf(stderr, "%s: no `shot` lines\n", tour.c_str());
    return 2;
  }
  int failed = 0;
  for (const auto& name : names) {
    std::string shot_path = shots_dir + "/" + name + ".png", ref_path = refs + "/" + name + ".png", why;
    Image shot, ref;
    if (!load(shot_path, shot, why)) {
      printf("FAIL %s: cannot read the shot %s: %s\n", name.c_str(), shot_path.c_str(), why.c_str());
      ++failed;
      continue;
    }
    if (update) {
      make_dirs(refs);
      if (!save(downscale(shot, scale), ref_path, why)) {
        printf("FAIL %s: cannot write %s: %s\n", name.c_str(), ref_path.c_str(), why.c_str());
        ++failed;
      } else {
        printf("updated %s\n", ref_path.c_str());
      }
      continue;
    }
    if (!load(ref_path, ref, why)) {
      printf("FAIL %s: no reference %s (%s); see tests/screens/README.md to make one\n", name.c_str(), ref_path.c_str(), why.c_str());
      ++failed;
      continue;
    }
    const char* note = "";
    if (ref.w * 2 == shot.w && ref.h * 2 == shot.h) {
      shot = downscale(shot, 2);
      note = " [reference at 1/2 resolution: regenerate the references for full-resolution checks]";
    }
    if (ref.w != shot.w || ref.h != shot.h) {
      printf("FAIL %s: the shot is %dx%d, the reference %dx%d\n", name.c_str(), shot.w, shot.h, ref.w, ref.h);
      ++failed;
      continue;
    }
    if (at > 1) ref = downscale(ref, at), shot = downscale(shot, at);
    Difference d = compare(ref, shot, rule);
    printf("%s %s: %zu pixels (%.3f %%) differ by more than %d (allowed: %zu); worst difference %d at %d,%d", d.ok ? "ok  " : "FAIL",
           name.c_str(), d.pixels, 100.0 * d.pixels / ((double)ref.w * ref.h), rule.tolerance, d.allowed, d.worst, d.wx, d.wy);
    if (d.pixels) printf("; all within x %d..%d, y %d..%d", d.x0, d.x1, d.y0, d.y1);
    if (rule.max_share >= 0) printf("; mean %.3f (allowed %.2f), PSNR %.1f dB", d.mean, rule.max_mean, d.psnr);
    printf("%s\n", note);
    if (!d.ok) {
      ++failed;
      std::string diff_path = shots_dir + "/" + name + ".diff.png";
      if (save(difference_image(ref, shot, rule), diff_path, why)) printf("     differences in red: %s\n", diff_path.c_str());
    }
  }
  if (failed) printf("%d of %zu shots differ from the references in %s\n", failed, names.size(), refs.c_str());
  return failed ? 1 : 0;
}
