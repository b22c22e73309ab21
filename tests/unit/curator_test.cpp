// curator_test.cpp — every class of source error gets its own fixture (a copy of the example
// exhibit with one mistake) and must be reported as `file:line: error: …`, with exit 1 and
// nothing written.
#include <doctest/doctest.h>

#include "content/bundle/bundle.h"
#include "content/curator/csv.h"
#include "content/curator/validate.h"
#include "test_util.h"

using namespace testutil;

bool make_test_png(const std::string& path, int w, int h);  // png_fixture.cpp

namespace {

// Applies `mutate` to a fresh copy of the example, builds, and returns stderr (expects exit 1).
template <class F>
std::string build_error(const std::string& name, F mutate) {
  Scratch s(name);
  std::string src = copy_example(s);
  mutate(fs::path(src));
  auto r = build(src, s.path("out.bundle"));
  CHECK(r.code == 1);
  CHECK_FALSE(fs::exists(s.path("out.bundle")));          // a failed build leaves nothing
  CHECK_FALSE(fs::exists(s.path("out.bundle.partial")));
  // Paths in messages are relative to what the curator typed: strip the scratch prefix.
  std::string e = r.err;
  for (size_t at; (at = e.find(src)) != std::string::npos;) e.replace(at, src.size(), "src");
  if (getenv("SHOW_ERRORS")) fprintf(stderr, "%s", e.c_str());
  return e;
}

}  // namespace

TEST_CASE("curator: a text missing one language names the file and line") {
  auto e = build_error("lang", [](const fs::path& src) {
    REQUIRE(edit(src / "strings.toml", "\"nav.back\" = { es = \"Atrás\", en = \"Back\" }", "\"nav.back\" = { es = \"Atrás\" }"));
  });
  CHECK(e.find("src/strings.toml:") != std::string::npos);
  CHECK(e.find("\"nav.back\" has no \"en\" text; every text needs es and en") != std::string::npos);
}

TEST_CASE("curator: a journey stay naming an unknown place") {
  auto e = build_error("place", [](const fs::path& src) { REQUIRE(edit(src / "journey.csv", "house,1900-05", "hose,1900-05")); });
  CHECK(e.find("src/journey.csv:2: error: place \"hose\" is not in places.csv") != std::string::npos);
}

TEST_CASE("curator: malformed dates") {
  auto e = build_error("date", [](const fs::path& src) { REQUIRE(edit(src / "journey.csv", "1900-05,1910", "1900-13,10/1910")); });
  CHECK(e.find("src/journey.csv:2: error: from \"1900-13\" is not a date") != std::string::npos);
  CHECK(e.find("src/journey.csv:2: error: to \"10/1910\" is not a date") != std::string::npos);
}

TEST_CASE("curator: a room over its length budget") {
  auto e = build_error("budget", [](const fs::path& src) { REQUIRE(edit(src / "exhibit.toml", "room_words = [10, 600]", "room_words = [250, 600]")); });
  CHECK(e.find("src/rooms/01-garden.md:15: error: the \"es\" text has 20 words; a room has 250 to 600") != std::string::npos);
}

TEST_CASE("curator: formatting a room cannot show") {
  auto e = build_error("markdown", [](const fs::path& src) {
    REQUIRE(edit(src / "rooms/01-garden.md", "Desde el banco", "- una lista\n\nDesde el banco"));
  });
  CHECK(e.find("src/rooms/01-garden.md:21: error: lists are not allowed in room text") != std::string::npos);
}

TEST_CASE("curator: a TOML syntax error points at its line") {
  auto e = build_error("toml", [](const fs::path& src) { REQUIRE(edit(src / "questions.toml", "id = \"why\"", "id = \"why")); });
  CHECK(e.find("src/questions.toml:2: error:") != std::string::npos);
}

TEST_CASE("curator: a CSV row with a stray comma") {
  auto e = build_error("csv", [](const fs::path& src) { REQUIRE(edit(src / "places.csv", "La casa,The house", "La casa, la casa,The house")); });
  CHECK(e.find("src/places.csv:2: error: this row has 9 cells but the header names 8 columns") != std::string::npos);
}

TEST_CASE("curator: coordinates off the Earth") {
  auto e = build_error("coords", [](const fs::path& src) { REQUIRE(edit(src / "places.csv", "19.35,-99.16", "119.35,-99.16")); });
  CHECK(e.find("src/places.csv:2: error: lat \"119.35\" must be a latitude") != std::string::npos);
}

TEST_CASE("curator: duplicate ids") {
  auto e = build_error("dup", [](const fs::path& src) {
    write(src / "places.csv", read(src / "places.csv") + "house,1,2,1,a,b,c,d\n");
  });
  CHECK(e.find("src/places.csv:3: error: place \"house\" is already defined on line 2") != std::string::npos);
}

TEST_CASE("curator: a quotation naming a room that does not exist") {
  auto e = build_error("qroom", [](const fs::path& src) { REQUIRE(edit(src / "quotes.csv", "q-door,garden", "q-door,gardn")); });
  CHECK(e.find("src/quotes.csv:2: error: room \"gardn\" does not exist") != std::string::npos);
}

TEST_CASE("curator: an attract item naming a missing quotation") {
  auto e = build_error("attract", [](const fs::path& src) { REQUIRE(edit(src / "exhibit.toml", "id = \"q-door\"", "id = \"q-window\"")); });
  CHECK(e.find("src/exhibit.toml:37: error: attract item names quotation \"q-window\"") != std::string::npos);
}

TEST_CASE("curator: a font that cannot be found") {
  auto e = build_error("font", [](const fs::path& src) { REQUIRE(edit(src / "exhibit.toml", "NotoSans-Bold.ttf", "NoSuchFont.ttf")); });
  CHECK(e.find("src/exhibit.toml:21: error: font \"NoSuchFont.ttf\" is neither in fonts/ nor in /usr/share/fonts") != std::string::npos);
}

TEST_CASE("curator: a missing picture and a picture that does not decode") {
  auto e = build_error("picture", [](const fs::path& src) {
    REQUIRE(edit(src / "rooms/01-garden.md", "+++\n\n# es",
                 "[image]\nfile = \"images/gate.png\"\ncaption = { es = \"a\", en = \"b\" }\ncredit = { es = \"a\", en = \"b\" }\n"
                 "alt = { es = \"a\", en = \"b\" }\n+++\n\n# es"));
  });
  CHECK(e.find("src/rooms/01-garden.md:14: error: picture images/gate.png not found") != std::string::npos);
  auto e2 = build_error("picture2", [](const fs::path& src) {
    fs::create_directories(src / "images");
    write(src / "images/gate.png", "\x89PNG\r\n\x1a\n garbage");
    REQUIRE(edit(src / "rooms/01-garden.md", "+++\n\n# es",
                 "[image]\nfile = \"images/gate.png\"\ncaption = { es = \"a\", en = \"b\" }\ncredit = { es = \"a\", en = \"b\" }\n"
                 "alt = { es = \"a\", en = \"b\" }\n+++\n\n# es"));
  });
  CHECK(e2.find("src/rooms/01-garden.md:14: error: picture images/gate.png cannot be decoded") != std::string::npos);
}

TEST_CASE("curator: a character the fonts lack") {
  auto e = build_error("glyph", [](const fs::path& src) {
    REQUIRE(edit(src / "questions.toml", "Para sentarse", "Para sentarse \xE2\x98\x83"));  // ☃ is in no Noto text face
  });
  CHECK(e.find("uses U+2603, which the serif, serif_italic, serif_bold, sans, sans_bold fonts lack") != std::string::npos);
}

TEST_CASE("curator: every error is reported in one run") {
  auto e = build_error("many", [](const fs::path& src) {
    REQUIRE(edit(src / "journey.csv", "house,1900-05", "hose,1900-05"));
    REQUIRE(edit(src / "places.csv", "19.35,-99.16", "119.35,-99.16"));
    REQUIRE(edit(src / "quotes.csv", "q-door,garden", "q-door,gardn"));
  });
  CHECK(e.find("3 errors; nothing was written.") != std::string::npos);
}

TEST_CASE("curator: a picture larger than the kiosk draws is scaled at build time") {
  Scratch s("scale");
  std::string src = copy_example(s);
  fs::create_directories(fs::path(src) / "images");
  REQUIRE(make_test_png(src + "/images/wide.png", 2400, 1200));
  REQUIRE(edit(fs::path(src) / "rooms/01-garden.md", "+++\n\n# es",
               "[image]\nfile = \"images/wide.png\"\ncaption = { es = \"a\", en = \"b\" }\ncredit = { es = \"a\", en = \"b\" }\n"
               "alt = { es = \"a\", en = \"b\" }\n+++\n\n# es"));
  auto r = build(src, s.path("x.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto b = bundle::Bundle::open(s.path("x.bundle"));
  REQUIRE(b->exhibit().media.size() == 1);
  CHECK(b->exhibit().media[0].width == 1600);
  CHECK(b->exhibit().media[0].height == 800);
  CHECK(b->exhibit().rooms[0].image.media == "images/wide.png");
  CHECK(check(s.path("x.bundle")).code == 0);
}

TEST_CASE("csv: quotes, doubled quotes, newlines in cells, CRLF and a byte-order mark") {
  curator::Diagnostics d;
  std::string text = "\xEF\xBB\xBFid,text\r\na,\"one, two\"\r\nb,\"say \"\"hi\"\"\nnext line\"\r\n\r\nc,plain\r\n";
  auto rows = curator::parse_csv("t.csv", text, {"id", "text"}, {}, d);
  REQUIRE(d.ok());
  REQUIRE(rows.size() == 3);
  CHECK(rows[0]["text"] == "one, two");
  CHECK(rows[1]["text"] == "say \"hi\"\nnext line");
  CHECK(rows[1].line == 3);
  CHECK(rows[2].line == 6);
  CHECK(rows[2]["id"] == "c");
}

TEST_CASE("csv: an unclosed quote and unknown columns are errors") {
  curator::Diagnostics d;
  curator::parse_csv("t.csv", "id,colour\na,\"open\n", {"id"}, {}, d);
  REQUIRE(d.errors.size() == 2);
  std::string all = d.errors[0] + "\n" + d.errors[1];
  CHECK(all.find("t.csv:1: error: unknown column \"colour\"; the columns here are id") != std::string::npos);
  CHECK(all.find("t.csv:2: error: a quoted cell is never closed") != std::string::npos);
}

TEST_CASE("validate: ISO dates and ids") {
  using curator::is_iso_date;
  CHECK(is_iso_date("1929"));
  CHECK(is_iso_date("1929-02"));
  CHECK(is_iso_date("1940-08-21"));
  CHECK(is_iso_date("1904-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));  // not a leap year
  CHECK_FALSE(is_iso_date("1929-13"));
  CHECK_FALSE(is_iso_date("1929-2"));
  CHECK_FALSE(is_iso_date("21/08/1940"));
  CHECK_FALSE(is_iso_date(""));
  CHECK(curator::is_id("alma-ata"));
  CHECK_FALSE(curator::is_id("Alma Ata"));
  CHECK_FALSE(curator::is_id("-x"));
  CHECK(curator::count_words("  uno dos\ntres  ") == 3);
}
