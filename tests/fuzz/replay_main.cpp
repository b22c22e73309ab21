// replay_main.cpp — runs a libFuzzer target without libFuzzer, so ctest can use the ordinary gcc
// sanitizer build: every file of the seed corpus first, then a deterministic mutation run
// (splitmix64 from a fixed seed: bit flips, byte changes, inserts, deletions, cut-and-splice
// between inputs). `make fuzz` builds the same targets with clang's real fuzzer instead.
//
//   fuzz_<target>_replay [--mutations N] [--seed S] [--max-len BYTES] FILE_OR_FOLDER…
#include "../splitmix.h"  // testutil::Rng
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

using testutil::Rng;

namespace {

using Input = std::vector<uint8_t>;

void add_path(const std::string& p, std::vector<std::string>& files) {
  struct stat st;
  if (stat(p.c_str(), &st) != 0) return;
  if (!S_ISDIR(st.st_mode)) {
    files.push_back(p);
    return;
  }
  DIR* d = opendir(p.c_str());
  if (!d) return;
  std::vector<std::string> names;
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') names.push_back(e->d_name);
  closedir(d);
  std::sort(names.begin(), names.end());  // the same order everywhere: the run is reproducible
  for (const auto& n : names) add_path(p + "/" + n, files);
}

Input read(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  std::string t = s.str();
  return Input(t.begin(), t.end());
}

void mutate(Input& in, const std::vector<Input>& all, Rng& r, size_t max_len) {
  int steps = 1 + (int)r.below(4);
  for (int k = 0; k < steps; ++k) {
    switch (r.below(7)) {
      case 0: if (!in.empty()) in[r.below(in.size())] ^= (uint8_t)(1 << r.below(8)); break;
      case 1: if (!in.empty()) in[r.below(in.size())] = (uint8_t)r.next(); break;
      case 2: if (!in.empty()) {  // an "interesting" byte: 0, 0xFF, a quote, a newline, a separator
          static const uint8_t kBytes[] = {0, 0xFF, 0x7F, 0x80, '"', '\n', '\r', ',', ';', '=', '[', ']', '#', '-', '*', '{', '}'};
          in[r.below(in.size())] = kBytes[r.below(sizeof kBytes)];
        }
        break;
      case 3: in.insert(in.begin() + r.below(in.size() + 1), (uint8_t)r.next()); break;
      case 4: if (!in.empty()) {
          size_t a = r.below(in.size()), n = 1 + r.below(std::min<size_t>(64, in.size() - a));
          in.erase(in.begin() + a, in.begin() + a + n);
        }
        break;
      case 5: if (!in.empty()) {  // duplicate a chunk
          size_t a = r.below(in.size()), n = 1 + r.below(std::min<size_t>(256, in.size() - a));
          Input chunk(in.begin() + a, in.begin() + a + n);
          in.insert(in.begin() + r.below(in.size() + 1), chunk.begin(), chunk.end());
        }
        break;
      default: {  // splice: the head of this input with the tail of another
        const Input& o = all[r.below(all.size())];
        size_t a = r.below(in.size() + 1), b = r.below(o.size() + 1);
        in.resize(a);
        in.insert(in.end(), o.begin() + b, o.end());
      }
    }
    if (in.size() > max_len) in.resize(max_len);
  }
}

}  // namespace

int main(int argc, char** argv) {
  long mutations = 0;
  uint64_t seed = 1;
  size_t max_len = 1 << 20;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (!strcmp(argv[i], "--mutations") && i + 1 < argc) mutations = atol(argv[++i]);
    else if (!strcmp(argv[i], "--seed") && i + 1 < argc) seed = strtoull(argv[++i], nullptr, 10);
    else if (!strcmp(argv[i], "--max-len") && i + 1 < argc) max_len = (size_t)atol(argv[++i]);
    else add_path(argv[i], files);
  }
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Input> corpus;
  for (const auto& f : files) {
    corpus.push_back(read(f));
    LLVMFuzzerTestOneInput(corpus.back().data(), corpus.back().size());
  }
  if (corpus.empty()) {
    fprintf(stderr, "no corpus files given\n");
    return 2;
  }
  Rng r{seed};
  for (long i = 0; i < mutations; ++i) {
    Input in = corpus[r.below(corpus.size())];
    mutate(in, corpus, r, max_len);
    LLVMFuzzerTestOneInput(in.data(), in.size());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("%zu corpus files and %ld mutations, no crash, in %.1f s\n", corpus.size(), mutations, s);
  return 0;
}
