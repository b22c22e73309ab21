// validate_test.cpp — bundle::validate_file, the one validation `kiosk-bundle check` and the
// kiosk share: every forged bundle (hash recomputed, one rule broken) is refused by both, with
// one line per problem; non-regular files are refused without blocking; header damage says
// "damaged"; a damaged index that quick_check misses is caught.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

#include "content/bundle/validate.h"
#include "content/bundle/validate_parts.h"
#include "forge.h"
#include "kiosk/app/exhibit_loader.h"
#include "test_util.h"

using namespace testutil;

namespace {

// The example exhibit, built once per process.
const std::string& example_bundle() {
  static Scratch s("validate-example");
  static std::string path = [] {
    auto src = copy_example(s);
    auto r = build(src, s.path("x.bundle"));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return s.path("x.bundle");
  }();
  return path;
}

bool kiosk_refuses(const std::string& path, std::string& why) {
  app::LoadedExhibit e;
  return !app::load_exhibit(path, e, why);
}

}  // namespace

TEST_CASE("validate: the sample exhibit and the example pass, and check says ok") {
  auto v = bundle::validate_file(example_bundle());
  CHECK_MESSAGE(v.ok(), v.summary());
  REQUIRE(v.bundle);
  CHECK(v.bundle->exhibit().rooms.size() == 1);
  CHECK(check(example_bundle()).code == 0);
  std::string why;
  CHECK_FALSE(kiosk_refuses(example_bundle(), why));
}

TEST_CASE("validate: every forged bundle is refused by check and by the kiosk, one line each") {
  Scratch s("forged");
  for (const auto& f : forgeries()) {
    std::string name = f.name;
    CAPTURE(name);
    std::string path = s.path("forged.bundle");
    fs::copy_file(example_bundle(), path, fs::copy_options::overwrite_existing);
    std::string err;
    REQUIRE_MESSAGE(forge(path, f.sql, &err), err);
    auto v = bundle::validate_file(path);
    CHECK_FALSE(v.ok());
    CHECK_FALSE(v.bundle);
    for (const auto& p : v.problems) {
      CHECK(p.message.find('\n') == std::string::npos);
      CHECK(p.message.size() < 400);
    }
    auto r = check(path);
    CHECK(r.code != 0);
    CHECK((r.code == 2) == v.file_refused());
    std::string why;
    CHECK(kiosk_refuses(path, why));
    CHECK(why.find('\n') == std::string::npos);
  }
}

TEST_CASE("validate: the typed problems name what is wrong") {
  Scratch s("typed");
  auto forged = [&](const char* sql) {
    std::string path = s.path("f.bundle");
    fs::copy_file(example_bundle(), path, fs::copy_options::overwrite_existing);
    REQUIRE(forge(path, sql));
    return bundle::validate_file(path);
  };
  auto v = forged("UPDATE room_page SET markdown = replace(hex(zeroblob(6000000)), '0', 'x') WHERE n = 0");
  REQUIRE_FALSE(v.ok());
  CHECK(v.problems[0].kind == bundle::Problem::Invalid);
  CHECK(v.problems[0].message.find("over the limit of 16384") != std::string::npos);
  v = forged("UPDATE font SET bytes = zeroblob(4000) WHERE role = 'serif'");
  REQUIRE_FALSE(v.ok());
  CHECK(v.summary().find("serif font is not a usable font") != std::string::npos);
  v = forged("INSERT INTO map_layer VALUES ('land', 0, 3, 1, zeroblob(24), x'000000000100000009000000')");
  REQUIRE_FALSE(v.ok());
  CHECK(v.summary().find("corner is not one of its vertices") != std::string::npos);
  {
    // A view that never ends: the hash could not even be computed, so only the schema check,
    // made before anything is read, keeps open() from looping forever.
    std::string path = s.path("view.bundle");
    fs::copy_file(example_bundle(), path, fs::copy_options::overwrite_existing);
    REQUIRE(forge(path, "DROP TABLE attract; CREATE VIEW attract(n, kind, ref, seconds) AS WITH RECURSIVE c(x) AS "
                        "(SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x, 'title', '', 10 FROM c", nullptr, false));
    auto w = bundle::validate_file(path);
    REQUIRE_FALSE(w.ok());
    CHECK(w.summary().find("view \"attract\"") != std::string::npos);
  }
  v = forged("CREATE TABLE extra(x)");
  REQUIRE_FALSE(v.ok());
  CHECK(v.problems[0].kind == bundle::Problem::Damaged);
  CHECK(v.summary().find("table \"extra\"") != std::string::npos);
}

TEST_CASE("validate: FIFOs, folders and devices are refused before they are opened") {
  Scratch s("fifo");
  std::string fifo = s.path("pipe.bundle");
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::string& p : {fifo, s.dir.string(), std::string("/dev/null"), std::string("/dev/zero")}) {
    CAPTURE(p);
    auto v = bundle::validate_file(p);  // a FIFO with no writer would block an ordinary open() forever
    REQUIRE_FALSE(v.ok());
    CHECK(v.problems[0].kind == bundle::Problem::NotAFile);
    auto r = check(p);
    CHECK(r.code == 2);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  }
}

TEST_CASE("validate: header damage says damaged, not 'update the kiosk'") {
  Scratch s("header");
  std::string good = read(example_bundle());
  // Every single-bit flip in the 100-byte header: never "too new", never a crash.
  int refused = 0, harmless = 0;
  for (int byte = 0; byte < 100; ++byte)
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = good;
      bad[byte] ^= (char)(1 << bit);
      write(s.path("h.bundle"), bad);
      auto v = bundle::validate_file(s.path("h.bundle"));
      if (v.ok()) {
        ++harmless;
        continue;
      }
      ++refused;
      CAPTURE(byte);
      CAPTURE(bit);
      CHECK(v.problems[0].kind != bundle::Problem::TooNew);
      CHECK(v.summary().find("update the kiosk") == std::string::npos);
    }
  MESSAGE("header flips: " << refused << " refused, " << harmless << " harmless");
  CHECK(refused > 600);
  std::string bad = good;
  bad[61] ^= 0x80;  // user_version 1 -> 8388609, the example
  write(s.path("h.bundle"), bad);
  auto v = bundle::validate_file(s.path("h.bundle"));
  REQUIRE_FALSE(v.ok());
  CHECK(v.problems[0].kind == bundle::Problem::Damaged);
  CHECK(v.summary().find("is damaged") != std::string::npos);
}

TEST_CASE("validate: a damaged index that quick_check misses is refused, on one line") {
  Scratch s("index");
  std::string good = read(example_bundle());
  // The page of the quotations' ord index.
  sqlite3* db = nullptr;
  sqlite3_open_v2(example_bundle().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_quote_2'", -1, &st, nullptr);
  REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  size_t page = (size_t)sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  int missed_by_quick_check = 0;
  for (size_t at = page * 4096 - 64; at < page * 4096; ++at) {  // the cells sit at the page's end
    std::string bad = good;
    bad[at] ^= 0x01;
    write(s.path("i.bundle"), bad);
    sqlite3* d = nullptr;
    sqlite3_open_v2(s.path("i.bundle").c_str(), &d, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(d, "PRAGMA quick_check", -1, &q, nullptr);
    bool quick_ok = sqlite3_step(q) == SQLITE_ROW && std::string((const char*)sqlite3_column_text(q, 0)) == "ok";
    sqlite3_finalize(q);
    sqlite3_close(d);
    auto v = bundle::validate_file(s.path("i.bundle"));
    if (v.ok()) continue;  // a byte the index does not use
    CHECK(v.summary().find('\n') == std::string::npos);
    if (quick_ok) {
      ++missed_by_quick_check;
      CHECK(v.summary().find("integrity check") != std::string::npos);
    }
  }
  MESSAGE(missed_by_quick_check << " index flips pass quick_check and are refused by integrity_check");
  CHECK(missed_by_quick_check > 0);
}

TEST_CASE("validate: the kiosk shows the calm screen for a forged bundle and logs the reason once") {
  Scratch s("kiosk");
  for (const char* sql : {"INSERT INTO map_layer VALUES ('land', 0, 3, 1, zeroblob(24), x'000000000100000009000000')",
                          "INSERT INTO map_layer VALUES ('land', -1, 3, 1, zeroblob(24), x'000000000100000002000000')",
                          "UPDATE room_page SET markdown = replace(hex(zeroblob(6000000)), '0', 'x') WHERE n = 0"}) {
    CAPTURE(sql);
    std::string path = s.path("k.bundle");
    fs::copy_file(example_bundle(), path, fs::copy_options::overwrite_existing);
    REQUIRE(forge(path, sql));
    // The video driver the tests run with (dummy under qemu), and qemu itself for a cross build.
    const char* video = std::getenv("SDL_VIDEODRIVER");
    std::string cmd = std::string("SDL_VIDEODRIVER=") + (video ? video : "offscreen") + " " + KIOSK_RUNNER + " '" + KIOSK_BIN + "' --bundle '" + path +
                      "' --headless --size 800x480 --screen-mm 154x86 --tour '" + source_dir() +
                      "/tests/screens/unavailable.tour' > '" + s.path("log") + "' 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);  // the tour expects the "unavailable" screen, before and after 60 s
    std::string log = read(s.path("log"));
    size_t n = 0;
    for (size_t at = log.find("exhibit unavailable"); at != std::string::npos; at = log.find("exhibit unavailable", at + 1)) ++n;
    CHECK_MESSAGE(n == 1, log);
  }
}

TEST_CASE("validate: a JPEG whose Huffman table overflows stb_image is refused before decoding") {
  // Found by fuzz_blobs: 16 code lengths of 255 each (4080 codes; a table holds 256).
  std::vector<uint8_t> jpeg = {0xFF, 0xD8, 0xFF, 0xC4};
  size_t len = 2 + 17 + 4080;
  jpeg.push_back((uint8_t)(len >> 8));
  jpeg.push_back((uint8_t)len);
  jpeg.push_back(0x00);
  for (int i = 0; i < 16; ++i) jpeg.push_back(255);
  jpeg.resize(jpeg.size() + 4080, 1);
  jpeg.push_back(0xFF);
  jpeg.push_back(0xD9);
  CHECK(bundle::rules::picture_problem(jpeg, "image/jpeg", 16, 16) == "a Huffman table is damaged");
  std::vector<uint8_t> good = {0xFF, 0xD8, 0xFF, 0xD9};  // markers fine, no frame: stb says no
  CHECK(bundle::rules::picture_problem(good, "image/jpeg", 16, 16) == "it does not decode");
  std::string tiny = read(source_dir() + "/tests/fuzz/corpus/blobs/tiny.jpg");
  CHECK(bundle::rules::picture_problem(std::vector<uint8_t>(tiny.begin(), tiny.end()), "image/jpeg", 16, 16) == "");
}
