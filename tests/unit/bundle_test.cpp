// bundle_test.cpp — the bundle format: round trip, determinism, read-only opening, and the
// clean refusal of damaged, foreign and too-new files.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "content/bundle/bundle.h"
#include "test_util.h"

using namespace testutil;
using json = nlohmann::json;

TEST_CASE("bundle: the example exhibit round-trips from sources to dump") {
  Scratch s("roundtrip");
  auto src = copy_example(s);
  auto r = build(src, s.path("x.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto d = dump(s.path("x.bundle"));
  REQUIRE(d.code == 0);
  json j = json::parse(d.out);
  for (const char* key : {"meta", "rooms", "places", "journey", "quotes", "questions", "attract", "media", "map"})
    CHECK(j.contains(key));
  CHECK(j["meta"]["id"] == "example");
  CHECK(j["meta"]["languages"] == json::array({"es", "en"}));
  CHECK(j["meta"]["title"]["es"] == "Una casa de ejemplo");
  CHECK(j["meta"]["idle_seconds"] == 60);
  const json& room = j["rooms"][0];
  CHECK(room["id"] == "garden");
  CHECK(room["years"] == json::array({1900, 1910}));
  CHECK(room["title"]["en"] == "The garden");
  REQUIRE(room["pages"]["es"].size() == 2);
  CHECK(room["pages"]["es"][0] == "El jardín tiene *tres* árboles y un banco de **piedra**.");
  CHECK(room["pages"]["en"][1] == "From the bench you can see the door of the house.");
  CHECK(room["places"] == json::array({"house"}));
  const json& place = j["places"][0];
  CHECK(place["id"] == "house");
  CHECK(place["lat"].get<double>() == doctest::Approx(19.35));
  CHECK(place["lon"].get<double>() == doctest::Approx(-99.16));
  CHECK(place["name"]["es"] == "La casa");
  CHECK(place["text"]["en"] == "The house, with its garden.");
  const json& stay = j["journey"][0];
  CHECK(stay["place"] == "house");
  CHECK(stay["from"] == "1900-05");
  CHECK(stay["to"] == "1910");
  CHECK(stay["text"]["en"] == "Lived here for ten years.");
  const json& q = j["quotes"][0];
  CHECK(q["text"]["es"] == "La puerta siempre estuvo abierta.");
  CHECK(q["source"]["en"] == "Letter");
  CHECK(q["year"] == 1905);
  CHECK(q["note"]["es"] == "Traducción del museo");
  CHECK_FALSE(q["note"].contains("en"));
  CHECK(j["questions"][0]["answer"]["en"] == "To sit and look at the house.");
  CHECK(j["attract"].size() == 3);
  CHECK(j["map"]["layers"].is_array());
  CHECK(check(s.path("x.bundle")).code == 0);
}

TEST_CASE("bundle: two builds of the same sources are byte-identical") {
  Scratch s("determinism");
  auto src = copy_example(s);
  REQUIRE(build(src, s.path("a.bundle")).code == 0);
  REQUIRE(build(src, s.path("b.bundle")).code == 0);
  std::string a = read(s.path("a.bundle")), b = read(s.path("b.bundle"));
  CHECK(a.size() > 1000);
  CHECK(a == b);
}

TEST_CASE("bundle: SOURCE_DATE_EPOCH is the only clock in a bundle") {
  Scratch s("epoch");
  auto src = copy_example(s);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  REQUIRE(build(src, s.path("a.bundle")).code == 0);
  unsetenv("SOURCE_DATE_EPOCH");
  auto b = bundle::Bundle::open(s.path("a.bundle"));
  CHECK(b->exhibit().meta.built == "2023-11-14T22:13:20Z");
}

TEST_CASE("bundle: opening never writes beside the file, even in a read-only folder") {
  Scratch s("readonly");
  auto src = copy_example(s);
  REQUIRE(build(src, s.path("x.bundle")).code == 0);
  fs::create_directories(s.dir / "ro");
  fs::copy_file(s.path("x.bundle"), s.dir / "ro" / "x.bundle");
  fs::permissions(s.dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  {
    auto b = bundle::Bundle::open((s.dir / "ro" / "x.bundle").string());
    CHECK(b->exhibit().rooms.size() == 1);
    CHECK(b->font_bytes("serif").size() > 10000);
    CHECK(b->media_bytes("nothing").empty());
  }
  int entries = 0;
  for (auto& e : fs::directory_iterator(s.dir / "ro")) (void)e, ++entries;
  CHECK(entries == 1);  // no -journal, -wal or -shm appeared
  fs::permissions(s.dir / "ro", fs::perms::owner_all);
}

namespace {

// Opens `path` expecting an OpenError of `kind`; returns its message.
std::string refusal(const std::string& path, bundle::OpenError::Kind kind) {
  try {
    bundle::Bundle::open(path);
  } catch (const bundle::OpenError& e) {
    CHECK(e.kind == kind);
    return e.what();
  }
  FAIL("the file was accepted");
  return "";
}

// `check` on a bad file: exit 2 and exactly one line on stderr.
void one_clear_line(const std::string& path) {
  auto r = check(path);
  CHECK(r.code == 2);
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  CHECK(dump(path).code == 2);
}

}  // namespace

TEST_CASE("bundle: damaged, foreign and too-new files are refused with one clear line") {
  Scratch s("damage");
  auto src = copy_example(s);
  REQUIRE(build(src, s.path("x.bundle")).code == 0);
  std::string good = read(s.path("x.bundle"));

  SUBCASE("missing") {
    CHECK(refusal(s.path("none.bundle"), bundle::OpenError::Missing).find("There is no exhibit bundle") == 0);
    one_clear_line(s.path("none.bundle"));
  }
  SUBCASE("truncated to half") {
    write(s.path("t.bundle"), good.substr(0, good.size() / 2));
    std::string m = refusal(s.path("t.bundle"), bundle::OpenError::Damaged);
    CHECK(m.find("damaged") != std::string::npos);
    one_clear_line(s.path("t.bundle"));
  }
  SUBCASE("truncated to a few bytes") {
    // Still an SQLite header, cut short: a broken copy, not a foreign file.
    write(s.path("t.bundle"), good.substr(0, 50));
    CHECK(refusal(s.path("t.bundle"), bundle::OpenError::Damaged).find("cut short") != std::string::npos);
    one_clear_line(s.path("t.bundle"));
  }
  SUBCASE("one flipped bit in the content is noticed") {
    // Flip a bit inside a room's text and inside a font (blobs SQLite itself never checks).
    std::string font = read("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
    REQUIRE(font.size() > 100000);
    size_t in_text = good.find("Desde el banco");
    size_t in_font = good.find(font.substr(font.size() / 2, 48));
    REQUIRE(in_text != std::string::npos);
    REQUIRE(in_font != std::string::npos);
    for (size_t at : {in_text + 3, in_font + 20}) {
      std::string bad = good;
      bad[at] ^= 0x10;
      write(s.path("f.bundle"), bad);
      try {
        bundle::Bundle::open(s.path("f.bundle"));
        FAIL("a flipped bit at " << at << " went unnoticed");
      } catch (const bundle::OpenError& e) {
        CHECK((e.kind == bundle::OpenError::Damaged || e.kind == bundle::OpenError::NotABundle));
      }
      one_clear_line(s.path("f.bundle"));
    }
  }
  SUBCASE("a text file") {
    write(s.path("f.bundle"), "this is not a bundle\n");
    CHECK(refusal(s.path("f.bundle"), bundle::OpenError::NotABundle).find("not an exhibit bundle") != std::string::npos);
    one_clear_line(s.path("f.bundle"));
  }
  SUBCASE("an empty file") {
    write(s.path("f.bundle"), "");
    refusal(s.path("f.bundle"), bundle::OpenError::NotABundle);
    one_clear_line(s.path("f.bundle"));
  }
  SUBCASE("another program's SQLite database") {
    sqlite3* db = nullptr;
    sqlite3_open(s.path("other.db").c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK(refusal(s.path("other.db"), bundle::OpenError::NotABundle).find("not an exhibit bundle") != std::string::npos);
    one_clear_line(s.path("other.db"));
  }
  SUBCASE("a bundle from a newer kiosk-bundle") {
    fs::copy_file(s.path("x.bundle"), s.path("new.bundle"));
    sqlite3* db = nullptr;
    sqlite3_open(s.path("new.bundle").c_str(), &db);
    // A newer format changes the tables too; the same tables under a higher number are damage.
    sqlite3_exec(db, "ALTER TABLE room ADD COLUMN wing TEXT; PRAGMA user_version = 7;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    std::string m = refusal(s.path("new.bundle"), bundle::OpenError::TooNew);
    CHECK(m.find("format 7") != std::string::npos);
    CHECK(m.find("format 1 at most") != std::string::npos);
    one_clear_line(s.path("new.bundle"));
  }
  SUBCASE("format 7 with format 1's tables is a flipped bit, not a newer format") {
    fs::copy_file(s.path("x.bundle"), s.path("flip.bundle"));
    sqlite3* db = nullptr;
    sqlite3_open(s.path("flip.bundle").c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 7;", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK(refusal(s.path("flip.bundle"), bundle::OpenError::Damaged).find("is damaged") != std::string::npos);
    one_clear_line(s.path("flip.bundle"));
  }
}
