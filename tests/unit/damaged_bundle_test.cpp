// damaged_bundle_test.cpp — thousands of damaged copies of the example bundle, made from a fixed
// seed: single-bit flips (anywhere, and inside SQLite's b-tree pages), truncations and extensions,
// every page zeroed in turn, and forgeries whose hash was recomputed. Each goes through
// `kiosk-bundle check` and through the kiosk's open path (both in-process). None may crash or
// hang; check and the kiosk must agree; a variant that is accepted must show exactly the
// original content (a flip in unused space is harmless, a flip in content never is).
#include "../splitmix.h"  // testutil::Rng
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>

#include "content/bundle/validate.h"
#include "forge.h"
#include "kiosk/app/exhibit_loader.h"
#include "test_util.h"

using namespace testutil;

namespace {


std::string read_bytes(const std::vector<uint8_t>& v) { return std::string(v.begin(), v.end()); }

std::string text(const bundle::Text& t) {
  std::string s = "{";
  for (const auto& [l, v] : t.by_lang) s += l + "=" + v + ";";
  return s + "}";
}

// Everything a visitor could be shown: texts and structure, fonts, pictures, land — read from
// the bundle the kiosk opened, so nothing is opened again.
std::string shown(const bundle::Bundle& b) {
  const bundle::Exhibit& ex = b.exhibit();
  const bundle::Meta& m = ex.meta;
  std::string s = m.id + m.version + m.built + m.content_hash + text(m.title) + text(m.subtitle) + text(m.subject) +
                  std::to_string(m.idle_seconds) + "/" + std::to_string(m.warning_seconds);
  for (const auto& l : m.languages) s += l + ",";
  for (const auto& r : ex.rooms) {
    s += "\nroom " + r.id + std::to_string(r.year_from) + "-" + std::to_string(r.year_to) + text(r.title) + text(r.teaser) + r.image.media +
         text(r.image.caption) + text(r.image.credit) + text(r.image.alt);
    for (const auto& [l, pages] : r.pages)
      for (const auto& p : pages) s += l + ":" + p + "|";
    for (const auto& p : r.places) s += p + ",";
  }
  for (const auto& p : ex.places) s += "\nplace " + p.id + std::to_string(p.lat) + std::to_string(p.lon) + std::to_string(p.priority) + text(p.name) + text(p.text);
  for (const auto& st : ex.journey) s += "\nstay " + st.place + st.from + st.to + st.kind + text(st.text);
  for (const auto& q : ex.quotes) s += "\nquote " + q.id + q.room + text(q.author) + std::to_string(q.year) + text(q.text) + text(q.work) + text(q.note);
  for (const auto& q : ex.questions) s += "\nquestion " + q.id + text(q.question) + text(q.answer);
  for (const auto& [k, t] : ex.strings) s += "\nlabel " + k + text(t);
  for (const auto& a : ex.attract) s += "\nattract " + a.kind + a.ref + std::to_string(a.seconds);
  for (const char* role : bundle::kFontRoles) s += "\nfont " + std::string(role) + ":" + read_bytes(b.font_bytes(role));
  for (const auto& md : ex.media) s += "\nmedia " + md.id + md.mime + std::to_string(md.width) + "x" + std::to_string(md.height) + ":" + read_bytes(b.media_bytes(md.id));
  for (const auto& l : ex.map) {
    std::vector<float> xy;
    std::vector<uint32_t> idx;
    b.map_geometry(l.name, xy, idx);
    s += "\nmap " + l.name + std::to_string(l.lod) + ":" + std::string((const char*)xy.data(), xy.size() * 4) +
         std::string((const char*)idx.data(), idx.size() * 4);
  }
  return s;
}

struct Tally {
  int variants = 0, refused = 0, harmless = 0;
};

// A variant that must be refused whatever it hits (a cut, junk appended, a page of content
// zeroed, a forgery), or one that may be harmless (a flip in unused space).
enum class Must { Refuse, MayPass };

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
  const std::string expected = shown(*original.bundle);
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
  // Most variants change a few bytes: patch them into a good copy and back, rather than write
  // 3 MB each time (`bytes` empty: the file is already in place).
  auto patch = [&](size_t at, const std::string& bytes) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp((std::streamoff)at);
    f.write(bytes.data(), (std::streamsize)bytes.size());
  };
  auto judge = [&](const std::string& what, const std::string& bytes, bool forged, Must must = Must::MayPass) {
    CAPTURE(what);
    if (!forged && !bytes.empty()) write(file, bytes);
    if (forged) must = Must::Refuse;
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
    CHECK(must == Must::MayPass);
    CHECK(shown(*shown_by_kiosk.bundle) == expected);
  };

  Rng rng{20261201};
  auto flip = [&](const std::string& what, size_t at) {  // the checks only read: patch, judge, patch back
    patch(at, std::string(1, (char)(good[at] ^ (char)(1 << rng.below(8)))));
    judge(what + std::to_string(at), "", false);
    patch(at, good.substr(at, 1));
  };
  write(file, good);
  for (int i = 0; i < 300; ++i) flip("flip at ", rng.below(good.size()));  // mostly in the fonts: only the hash can tell
  for (int i = 0; i < 1000; ++i)  // inside b-tree pages: SQLite's own structure and the small rows
    flip("b-tree flip at ", btree[rng.below(btree.size())] * 4096 + rng.below(4096));
  for (int i = 0; i < 150; ++i) {  // cut anywhere, or at a page boundary
    size_t len = std::max<size_t>(1, i % 3 ? rng.below(good.size()) : rng.below(pages) * 4096);  // empty: bundle_test
    judge("cut to " + std::to_string(len), good.substr(0, len), false, Must::Refuse);
  }
  for (int i = 0; i < 30; ++i)  // grown: a copy that appended junk or a page of zeros
    judge("grown by " + std::to_string(i), good + std::string(i % 2 ? 4096 : 1 + rng.below(5000), (char)rng.below(256)), false, Must::Refuse);
  write(file, good);
  for (int i = 0; i < 300; ++i) {  // a page zeroed: the first 40 (schema, small tables), then anywhere
    size_t p = i < 40 ? (size_t)i : rng.below(pages);
    const std::string page = good.substr(p * 4096, 4096);
    bool was_zero = std::all_of(page.begin(), page.end(), [](char c) { return c == 0; });
    patch(p * 4096, std::string(4096, '\0'));
    judge("page " + std::to_string(p) + " zeroed", "", false, was_zero ? Must::MayPass : Must::Refuse);
    patch(p * 4096, page);
  }
  for (const auto& f : forgeries()) {  // hash recomputed: only the rules can refuse these
    write(file, good);
    REQUIRE(forge(file, f.sql));
    judge(std::string("forged: ") + f.name, "", true);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE(tally.variants << " damaged variants: " << tally.refused << " refused by check and the kiosk, " << tally.harmless
                         << " harmless (accepted, content identical), in " << secs << " s");
  CHECK(tally.refused > tally.variants / 3);
}
