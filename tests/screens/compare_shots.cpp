// compare_shots — compares the screenshots a tour took with the committed reference images.
//
//   compare_shots [--update] [--threshold N] [--max-fraction F] [--scale K] TOUR SHOTS_DIR REF_DIR
//
// For every `shot NAME` line in TOUR, SHOTS_DIR/NAME.png (what the kiosk drew) is scaled down by K
// (box filter, default 2: references stay small) and compared with REF_DIR/NAME.png. A shot fails
// when the sizes differ or when more than F (default 0.5 %) of its pixels differ by more than N
// (default 48) in any channel; the worst difference is printed either way. A missing reference
// fails too. With --update the scaled shots are written as the new references instead.
#include <SDL.h>
#include <SDL_image.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace {

struct Image {
  int w = 0, h = 0;
  std::vector<uint8_t> rgba;  // w*h*4
};

bool load(const std::string& path, Image& out, std::string& why) {
  SDL_Surface* s = IMG_Load(path.c_str());
  if (!s) return why = IMG_GetError(), false;
  SDL_Surface* c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
  SDL_FreeSurface(s);
  if (!c) return why = SDL_GetError(), false;
  out.w = c->w;
  out.h = c->h;
  out.rgba.resize((size_t)c->w * c->h * 4);
  SDL_LockSurface(c);
  for (int y = 0; y < c->h; ++y)
    memcpy(&out.rgba[(size_t)y * c->w * 4], (const uint8_t*)c->pixels + (size_t)y * c->pitch, (size_t)c->w * 4);
  SDL_UnlockSurface(c);
  SDL_FreeSurface(c);
  return true;
}

Image downscale(const Image& in, int k) {
  if (k <= 1) return in;
  Image out;
  out.w = in.w / k;
  out.h = in.h / k;
  out.rgba.resize((size_t)out.w * out.h * 4);
  for (int y = 0; y < out.h; ++y)
    for (int x = 0; x < out.w; ++x)
      for (int ch = 0; ch < 4; ++ch) {
        int sum = 0;
        for (int dy = 0; dy < k; ++dy)
          for (int dx = 0; dx < k; ++dx) sum += in.rgba[((size_t)(y * k + dy) * in.w + (x * k + dx)) * 4 + ch];
        out.rgba[((size_t)y * out.w + x) * 4 + ch] = (uint8_t)((sum + k * k / 2) / (k * k));
      }
  return out;
}

bool save(const Image& img, const std::string& path, std::string& why) {
  // Opaque screenshots: store RGB, a quarter smaller than RGBA.
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, img.w, img.h, 24, SDL_PIXELFORMAT_RGB24);
  if (!s) return why = SDL_GetError(), false;
  for (int y = 0; y < img.h; ++y)
    for (int x = 0; x < img.w; ++x) {
      uint8_t* d = (uint8_t*)s->pixels + (size_t)y * s->pitch + x * 3;
      const uint8_t* p = &img.rgba[((size_t)y * img.w + x) * 4];
      d[0] = p[0], d[1] = p[1], d[2] = p[2];
    }
  int rc = IMG_SavePNG(s, path.c_str());
  SDL_FreeSurface(s);
  if (rc != 0) return why = IMG_GetError(), false;
  return true;
}

void make_dirs(const std::string& dir) {
  for (size_t at = 1; at != std::string::npos; at = dir.find('/', at + 1)) mkdir(dir.substr(0, at).c_str(), 0755);
  mkdir(dir.c_str(), 0755);
}

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
  int threshold = 48, scale = 2;
  double max_fraction = 0.005;
  std::vector<std::string> pos;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--update") update = true;
    else if (a == "--threshold" && i + 1 < argc) threshold = atoi(argv[++i]);
    else if (a == "--max-fraction" && i + 1 < argc) max_fraction = atof(argv[++i]);
    else if (a == "--scale" && i + 1 < argc) scale = std::max(1, atoi(argv[++i]));
    else pos.push_back(a);
  }
  if (pos.size() != 3) {
    fprintf(stderr, "usage: compare_shots [--update] [--threshold N] [--max-fraction F] [--scale K] TOUR SHOTS_DIR REF_DIR\n");
    return 2;
  }
  if (getenv("KIOSK_UPDATE_REFERENCE_SHOTS")) update = true;
  const std::string &tour = pos[0], &shots = pos[1], &refs = pos[2];
  std::vector<std::string> names = shot_names(tour);
  if (names.empty()) {
    fprintf(stderr, "%s: no `shot` lines\n", tour.c_str());
    return 2;
  }
  int failed = 0;
  for (const auto& name : names) {
    std::string shot_path = shots + "/" + name + ".png", ref_path = refs + "/" + name + ".png", why;
    Image shot, ref;
    if (!load(shot_path, shot, why)) {
      printf("FAIL %s: cannot read the shot %s: %s\n", name.c_str(), shot_path.c_str(), why.c_str());
      ++failed;
      continue;
    }
    shot = downscale(shot, scale);
    if (update) {
      make_dirs(refs);
      if (!save(shot, ref_path, why)) {
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
    if (ref.w != shot.w || ref.h != shot.h) {
      printf("FAIL %s: the shot is %dx%d (scaled 1/%d), the reference %dx%d\n", name.c_str(), shot.w, shot.h, scale, ref.w, ref.h);
      ++failed;
      continue;
    }
    size_t over = 0, total = (size_t)ref.w * ref.h;
    int worst = 0, wx = 0, wy = 0;
    for (size_t i = 0; i < total; ++i) {
      int d = 0;
      for (int ch = 0; ch < 3; ++ch) d = std::max(d, std::abs((int)ref.rgba[i * 4 + ch] - (int)shot.rgba[i * 4 + ch]));
      if (d > threshold) ++over;
      if (d > worst) worst = d, wx = (int)(i % ref.w), wy = (int)(i / ref.w);
    }
    double frac = (double)over / total;
    bool ok = frac <= max_fraction;
    printf("%s %s: %zu of %zu pixels (%.3f%%) differ by more than %d; worst difference %d at %d,%d (in the 1/%d image)\n",
           ok ? "ok  " : "FAIL", name.c_str(), over, total, 100 * frac, threshold, worst, wx, wy, scale);
    if (!ok) ++failed;
  }
  if (failed) printf("%d of %zu shots differ from the references in %s\n", failed, names.size(), refs.c_str());
  return failed ? 1 : 0;
}
