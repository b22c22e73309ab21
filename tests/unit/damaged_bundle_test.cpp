// damaged_bundle_test.cpp — thousands of damaged copies of the example bundle, made from a fixed
// seed: single-bit flips (anywhere, and inside SQLite's b-tree pages), truncations and extensions,
// every page zeroed in turn, and forgeries whose hash was recomputed. Each goes through
// `kiosk-bundle check` and through the kiosk's open path (both in-process). None may crash or
// hang; check and the kiosk must agree; a variant that is accepted must show exactly the
// original content (a flip in unused space is harmless, a flip in content never is).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>

#include "content/bundle/validate.h"
#include "forge.h"
#include "kiosk/app/exhibit_loader.h"
#include "test_util.h"

using namespace testutil;

namespace {

// splitmix64: the same sequence on every machine and every standard library.
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t below(size_t n) { return (size_t)(next() % n); }
};

std::string read_bytes(const std::vector<uint8_t>& v) { return std::string(v.begin(), v.end()); }

// Everything a visitor could be shown: the texts and structure (as `dump`), fonts, pictures, land.
std::string shown(const bundle::Bundle& b, const std::string& path) {
  std::string s = dump(path).out;
  for (const char* role : bundle::kFontRoles) s += "\nfont " + std::string(role) + ":" + read_bytes(b.font_bytes(role));
  for (const auto& m : b.exhibit().media) s += "\nmedia " + m.id + ":" + read_bytes(b.media_bytes(m.id));
  for (const auto& l : b.exhibit().map) {
    std::vector<float> xy;
    std::vector<uint32_t> idx;
    b.map_geometry(l.name, xy, idx);
    s += "\nmap " + l.name + ":" + std::string((const char*)xy.data(), xy.size() * 4) + std::string((const char*)idx.data(), idx.size() * 4);
  }
  return s;
}

struct Tally {
  int variants = 0, refused = 0, harmless = 0;
};

}  // namespace

TEST_CASE("damaged bundles: none crashes or hangs, check and the kiosk agree, none shows altered content") {
  auto t0 = std::chrono::steady_clock::now();
  Scratch s("damaged");
  auto src = copy_example(s);
  REQUIRE(build(src, s.path("good.bundle")).code == 0);
  // The sample has no land; give it a small, valid map layer so map damage is tried too.
  REQUIRE(forge(s.path("good.bundle"),
                "INSERT INTO map_layer VALUES ('land', 0, 4, 2, x'00000000000000000000803f000000000000803f0000803f000000000000803f', "
                "x'000000000100000002000000000000000200000003000000')"));
  const std::string good = read(s.path("good.bundle"));
  auto original = bundle::validate_file(s.path("good.bundle"));
  REQUIRE_MESSAGE(original.ok(), original.summary());
  const std::string expected = shown(*original.bundle, s.path("good.bundle"));
  const size_t pages = good.size() / 4096;

  // Pages SQLite reads as b-trees (tables and indexes): their first byte is the page type.
  std::vector<size_t> btree;
  for (size_t p = 0; p < pages; ++p) {
    unsigned char type = (unsigned char)good[p * 4096 + (p == 0 ? 100 : 0)];
    if (type == 2 || type == 5 || type == 10 || type == 13) btree.push_back(p);
  }
  REQUIRE(btree.size() > 5);

  Tally tally;
  const std::string file = s.path("v.bundle");
  auto judge = [&](const std::string& what, const std::string& bytes, bool forged) {
    CAPTURE(what);
    if (!forged) write(file, bytes);
    ++tally.variants;
    auto r = check(file);
    app::LoadedExhibit shown_by_kiosk;
    std::string why;
    bool kiosk_shows = app::load_exhibit(file, shown_by_kiosk, why);
    CHECK(kiosk_shows == (r.code == 0));
    if (r.code == 2) CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    if (!kiosk_shows) {
      ++tally.refused;
      CHECK(why.find('\n') == std::string::npos);
      return;
    }
    ++tally.harmless;
    CHECK_FALSE(forged);
    CHECK(shown(*shown_by_kiosk.bundle, file) == expected);
  };

  Rng rng{20261201};
  for (int i = 0; i < 600; ++i) {  // anywhere (mostly inside the fonts, where only the hash can tell)
    std::string v = good;
    size_t at = rng.below(v.size());
    v[at] ^= (char)(1 << rng.below(8));
    judge("flip at " + std::to_string(at), v, false);
  }
  for (int i = 0; i < 1400; ++i) {  // inside b-tree pages: SQLite's own structure and the small rows
    std::string v = good;
    size_t at = btree[rng.below(btree.size())] * 4096 + rng.below(4096);
    v[at] ^= (char)(1 << rng.below(8));
    judge("b-tree flip at " + std::to_string(at), v, false);
  }
  for (int i = 0; i < 150; ++i) {  // cut anywhere, or at a page boundary
    size_t len = i % 3 ? rng.below(good.size()) : rng.below(pages) * 4096;
    judge("cut to " + std::to_string(len), good.substr(0, len), false);
  }
  for (int i = 0; i < 30; ++i)  // grown: a copy that appended junk or a page of zeros
    judge("grown by " + std::to_string(i), good + std::string(i % 2 ? 4096 : 1 + rng.below(5000), (char)rng.below(256)), false);
  for (size_t p = 0; p < pages; ++p) {  // every page zeroed in turn
    std::string v = good;
    std::fill(v.begin() + p * 4096, v.begin() + (p + 1) * 4096, '\0');
    judge("page " + std::to_string(p) + " zeroed", v, false);
  }
  for (const auto& f : forgeries()) {  // hash recomputed: only the rules can refuse these
    write(file, good);
    REQUIRE(forge(file, f.sql));
    judge(std::string("forged: ") + f.name, "", true);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE(tally.variants << " damaged variants: " << tally.refused << " refused by check and the kiosk, " << tally.harmless
                         << " harmless (accepted, content identical), in " << secs << " s");
  CHECK(tally.refused > tally.variants * 9 / 10);
}
