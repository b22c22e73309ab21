// curator_mistakes_test.cpp — the curator's typical mistakes, one fixture per class: a copy of
// content/example (or of content/exhibit, where the old answer was a flood) with one mistake, and
// the one line `kiosk-bundle build` must answer with. Each row asserts the message, that there are
// at most `max` error lines (no floods), exit 1 and nothing written; rows with no message are
// things a curator's tools do that must be accepted (byte-order marks, CRLF, editor leftovers).
// SHOW_ERRORS=1 prints every answer. Rows marked "was N" give the line count before this table.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <functional>
#include <set>
#include <sstream>

#include "content/bundle/bundle.h"
#include "content/curator/fonts.h"
#include "content/curator/validate.h"
#include "test_util.h"

using namespace testutil;

bool make_test_png(const std::string& path, int w, int h);  // png_fixture.cpp

namespace {

struct Fixture {
  fs::path src, scratch;
  std::string out;  // where to build; empty: scratch/out.bundle
};

enum class Base { example, exhibit };

struct Mistake {
  const char* name;
  Base base;
  std::function<void(Fixture&)> make;
  const char* expect;  // the answer (a part of one error line), or nullptr: the build must succeed
  int max = 1;         // error lines allowed
};

// A spreadsheet's or an old editor's "ANSI" export: Windows-1252, one byte per letter.
std::string to_cp1252(const std::string& utf8) {
  static const std::pair<uint32_t, unsigned char> kHigh[] = {{0x20AC, 0x80}, {0x2026, 0x85}, {0x2018, 0x91}, {0x2019, 0x92},
                                                             {0x201C, 0x93}, {0x201D, 0x94}, {0x2013, 0x96}, {0x2014, 0x97}};
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += len;
    char b = '?';
    if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) b = (char)cp;
    for (auto [u, w] : kHigh)
      if (u == cp) b = (char)w;
    out += b;
  }
  return out;
}

// "Unicode text" from a spreadsheet: UTF-16 little-endian with a byte-order mark (BMP only here).
std::string to_utf16(const std::string& utf8) {
  std::string out = "\xFF\xFE";
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = utf8[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : 3;
    uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    i += len;
    out += (char)(cp & 0xFF), out += (char)(cp >> 8);
  }
  return out;
}

std::string replace_all(std::string s, const std::string& a, const std::string& b) {
  for (size_t at = 0; (at = s.find(a, at)) != std::string::npos; at += b.size()) s.replace(at, a.size(), b);
  return s;
}

void transform(const fs::path& p, std::function<std::string(const std::string&)> f) { write(p, f(read(p))); }
void must_edit(const fs::path& p, const std::string& a, const std::string& b) {
  INFO(p.string(), ": ", a);
  REQUIRE(edit(p, a, b));
}

const char* kImage =
    "[image]\nfile = \"%s\"\ncaption = { es = \"a\", en = \"b\" }\ncredit = { es = \"a\", en = \"b\" }\nalt = { es = \"a\", en = \"b\" }\n+++\n\n# es";
void name_picture(Fixture& f, const std::string& file, bool alt = true) {
  char buf[512];
  snprintf(buf, sizeof buf, kImage, file.c_str());
  std::string block = buf;
  if (!alt) block = replace_all(block, "alt = { es = \"a\", en = \"b\" }\n", "");
  must_edit(f.src / "rooms/01-garden.md", "+++\n\n# es", block);
}
void picture_file(Fixture& f, const std::string& rel, const std::string& bytes) {
  fs::create_directories((f.src / rel).parent_path());
  write(f.src / rel, bytes);
}
void second_room(Fixture& f, const std::string& name) {
  write(f.src / "rooms" / name, replace_all(read(f.src / "rooms/01-garden.md"), "id = \"garden\"", "id = \"garden-two\""));
}
const std::string kNotoBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// The table: one line per class of mistake (name, base, the mistake, the answer, max lines).
const std::vector<Mistake>& mistakes() {
  using B = Base;
  static const std::vector<Mistake> kTable = {
      // ---- encodings, separators and line endings -----------------------------------------------
      {"csv-windows-1252", B::exhibit, [](Fixture& f) { transform(f.src / "quotes.csv", to_cp1252); },
       "quotes.csv:2: error: quotes.csv is not UTF-8 (it looks like Windows-1252): save it as UTF-8"},  // was 626
      {"md-windows-1252", B::example, [](Fixture& f) { transform(f.src / "rooms/01-garden.md", to_cp1252); },
       "01-garden.md:7: error: 01-garden.md is not UTF-8 (it looks like Windows-1252): save it as UTF-8"},
      {"toml-windows-1252", B::example, [](Fixture& f) { transform(f.src / "strings.toml", to_cp1252); },
       "strings.toml:2: error: strings.toml is not UTF-8 (it looks like Windows-1252): save it as UTF-8"},
      {"exhibit-toml-windows-1252", B::example, [](Fixture& f) { transform(f.src / "exhibit.toml", to_cp1252); },
       "exhibit.toml:13: error: exhibit.toml is not UTF-8 (it looks like Windows-1252): save it as UTF-8"},
      {"csv-utf-16", B::example, [](Fixture& f) { transform(f.src / "places.csv", to_utf16); },
       "places.csv: error: places.csv is not UTF-8 (it is UTF-16, \"Unicode text\"): save it as UTF-8"},
      {"csv-semicolons", B::exhibit, [](Fixture& f) { transform(f.src / "places.csv", [](auto s) { return replace_all(replace_all(s, ",", ";"), "; ", ", "); }); },
       "places.csv:1: error: places.csv uses ';' between columns; use ','"},  // was 227
      {"csv-tabs", B::example, [](Fixture& f) { transform(f.src / "journey.csv", [](auto s) { return replace_all(s, ",", "\t"); }); },
       "journey.csv:1: error: journey.csv uses tabs between columns; use ','"},
      {"csv-bom-and-crlf", B::exhibit, [](Fixture& f) { transform(f.src / "places.csv", [](auto s) { return "\xEF\xBB\xBF" + replace_all(s, "\n", "\r\n"); }); }, nullptr, 0},
      {"md-bom-and-crlf", B::exhibit, [](Fixture& f) { transform(f.src / "rooms/01-childhood.md", [](auto s) { return "\xEF\xBB\xBF" + replace_all(s, "\n", "\r\n"); }); }, nullptr, 0},
      {"toml-bom-and-crlf", B::example, [](Fixture& f) {
         for (auto n : {"exhibit.toml", "strings.toml", "questions.toml"})
           transform(f.src / n, [](auto s) { return "\xEF\xBB\xBF" + replace_all(s, "\n", "\r\n"); });
       }, nullptr, 0},
      {"file-with-nul-bytes", B::example, [](Fixture& f) { write(f.src / "journey.csv", std::string("place,from\0\0\0", 13)); },
       "journey.csv:1: error: journey.csv is not text (it has NUL bytes)"},
      // ---- CSV columns and rows --------------------------------------------------------------------
      {"csv-missing-column", B::exhibit, [](Fixture& f) {
         transform(f.src / "places.csv", [](auto s) {  // drop the 4th column, "priority", from every row
           std::string out, line;
           std::istringstream in(s);
           while (std::getline(in, line)) {
             size_t a = 0;
             for (int k = 0; k < 3; ++k) a = line.find(',', a) + 1;
             out += line.substr(0, a) + line.substr(line.find(',', a) + 1) + "\n";
           }
           return out;
         });
       }, "places.csv:1: error: missing column \"priority\"; add it to the first row"},  // was 39
      {"csv-unknown-column", B::example, [](Fixture& f) { must_edit(f.src / "quotes.csv", "note_es", "notes_es"); },
       "quotes.csv:1: error: unknown column \"notes_es\"; did you mean \"note_es\"?"},
      {"csv-trailing-empty-columns", B::example, [](Fixture& f) { transform(f.src / "journey.csv", [](auto s) { return replace_all(s, "\n", ",,\n"); }); }, nullptr, 0},
      {"csv-blank-column-name", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", ",kind,", ",,"); },
       "journey.csv:1: error: missing column \"kind\"; add it to the first row"},
      {"csv-misspelt-column", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "name_es", "name_sp"); },
       "places.csv:1: error: unknown column \"name_sp\"; did you mean \"name_es\"?"},
      {"csv-stray-comma", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "La casa,The house", "La casa, la casa,The house"); },
       "places.csv:2: error: this row has 9 cells but the header names 8 columns; a comma inside a cell needs quotes"},
      {"csv-every-row-ragged", B::exhibit, [](Fixture& f) { transform(f.src / "journey.csv", [](auto s) { return replace_all(s, ",residence,", ",residence,,"); }); },
       "more rows like this)"},
      {"csv-unclosed-quote", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "garden.\"\n", "garden.\n"); },
       "places.csv:2: error: a quoted cell is never closed; add the missing \" at its end"},
      {"csv-text-after-quote", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "\"La casa, con su jardín.\"", "\"La casa\" con su jardín."); },
       "places.csv:2: error: text after a closing quote; put the whole cell inside the quotes"},
      {"csv-empty-file", B::example, [](Fixture& f) { write(f.src / "places.csv", ""); },
       "places.csv: error: the file is empty; its first row must name the columns"},
      {"csv-missing-file", B::example, [](Fixture& f) { fs::remove(f.src / "quotes.csv"); },
       "quotes.csv: error: file not found; every exhibit needs its quotations"},
      {"csv-empty-cell", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", ",\"The house, with its garden.\"", ","); },
       "places.csv:2: error: text_en is empty; every text needs es and en"},
      // ---- places, journey, quotations ------------------------------------------------------------
      {"place-duplicate-id", B::example, [](Fixture& f) { write(f.src / "places.csv", read(f.src / "places.csv") + "house,1,2,1,a,b,c,d\n"); },
       "places.csv:3: error: place \"house\" is already defined on line 2"},
      {"place-latitude-out-of-range", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "19.35,-99.16", "119.35,-99.16"); },
       "places.csv:2: error: lat \"119.35\" must be a latitude in degrees, -90 to 90"},
      {"place-longitude-out-of-range", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "19.35,-99.16", "19.35,-199.16"); },
       "places.csv:2: error: lon \"-199.16\" must be a longitude in degrees, -180 to 180"},
      {"place-decimal-comma", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "19.35,-99.16", "\"19,35\",-99.16"); },
       "places.csv:2: error: lat \"19,35\" must be a latitude in degrees, -90 to 90 (north positive); it uses a decimal comma: write 19.35"},
      {"place-bad-priority", B::example, [](Fixture& f) { must_edit(f.src / "places.csv", "-99.16,1,", "-99.16,4,"); },
       "places.csv:2: error: priority \"4\" must be 1, 2 or 3"},
      {"place-bad-id", B::example, [](Fixture& f) {
         for (auto n : {"places.csv", "journey.csv"}) must_edit(f.src / n, "house,", "La Casa,");
         must_edit(f.src / "rooms/01-garden.md", "[\"house\"]", "[\"La Casa\"]");
       }, "places.csv:2: error: id \"La Casa\" must use lower-case letters, digits and '-'"},
      {"journey-unknown-place", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", "house,1900-05", "hose,1900-05"); },
       "journey.csv:2: error: place \"hose\" is not in places.csv; add it there or fix the spelling"},
      {"journey-bad-date", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", "1900-05,1910", "1900-05,21/08/1910"); },
       "journey.csv:2: error: to \"21/08/1910\" is not a date; write 1929, 1929-02 or 1929-02-12"},
      {"journey-impossible-date", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", "1900-05,1910", "1900-02-30,1910"); },
       "journey.csv:2: error: from \"1900-02-30\" is not a date"},
      {"journey-ends-before-it-begins", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", "1900-05,1910", "1910,1900-05"); },
       "journey.csv:2: error: the stay ends (1900-05) before it begins (1910); swap from and to"},
      {"journey-out-of-order", B::example, [](Fixture& f) { write(f.src / "journey.csv", read(f.src / "journey.csv") + "house,1890,1891,travel,a,b\n"); },
       "journey.csv:3: error: this stay begins (1890) before the one above it (1900-05); keep the journey in order"},
      {"journey-unknown-kind", B::example, [](Fixture& f) { must_edit(f.src / "journey.csv", ",residence,", ",home,"); },
       "journey.csv:2: error: kind \"home\" is unknown; use birth, study"},
      {"quote-unknown-room", B::example, [](Fixture& f) { must_edit(f.src / "quotes.csv", "q-door,garden", "q-door,gardn"); },
       "quotes.csv:2: error: room \"gardn\" does not exist; use the id of a file in rooms/"},
      {"quote-duplicate-id", B::example, [](Fixture& f) { write(f.src / "quotes.csv", read(f.src / "quotes.csv") + "q-door,garden,1906,,a,b,c,d,,\n"); },
       "quotes.csv:3: error: quotation \"q-door\" is already defined on line 2"},
      {"quote-bad-year", B::example, [](Fixture& f) { must_edit(f.src / "quotes.csv", "garden,1905,", "garden,c. 1905,"); },
       "quotes.csv:2: error: year \"c. 1905\" must be a year such as 1930"},
      {"quote-empty-text", B::example, [](Fixture& f) { must_edit(f.src / "quotes.csv", "La puerta siempre estuvo abierta.", ""); },
       "quotes.csv:2: error: text_es is empty; every text needs es and en"},
      // ---- exhibit.toml ----------------------------------------------------------------------------
      {"exhibit-misspelt-idle", B::exhibit, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "idle = 90", "idel = 60"); },
       "exhibit.toml:22: error: unknown key \"idel\" in [timeouts]; did you mean \"idle\"?"},  // was silent
      {"exhibit-misspelt-languages", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "languages =", "langauges ="); },
       "exhibit.toml:5: error: unknown key \"langauges\"; did you mean \"languages\"?"},
      {"exhibit-misspelt-table", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[subtitle]", "[subtitel]"); },
       "exhibit.toml:12: error: unknown key \"subtitel\"; did you mean \"subtitle\"?"},
      {"exhibit-unknown-key", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[timeouts]\n", "[timeouts]\nscreensaver = 5\n"); },
       "exhibit.toml:24: error: unknown key \"screensaver\" in [timeouts]; the keys here are idle and warning"},
      {"exhibit-no-languages", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "languages = [\"es\", \"en\"]\n", ""); },
       "exhibit.toml:1: error: missing languages = [\"es\", \"en\"] (the first is the default)"},
      {"exhibit-language-name", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[\"es\", \"en\"]", "[\"es\", \"English\"]"); },
       "exhibit.toml:5: error: \"English\" is not a language code; write two lower-case letters (ISO 639-1), like \"es\""},
      {"exhibit-language-twice", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[\"es\", \"en\"]", "[\"es\", \"en\", \"es\"]"); },
       "exhibit.toml:5: error: language \"es\" is listed twice; list each language once"},
      {"exhibit-untranslated-third-language", B::exhibit, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[\"es\", \"en\"]", "[\"es\", \"en\", \"fr\"]"); },
       "rooms/01-childhood.md:6: error: 12 room files have no \"fr\" text (36 texts; the first is title here, then 02-first-arrests.md, 03-emigration.md and 9 more); translate them, or remove \"fr\" from languages in exhibit.toml", 7},  // was 384
      {"exhibit-text-in-unlisted-language", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "en = \"An example house\"", "en = \"An example house\"\nfr = \"Une maison\""); },
       "exhibit.toml:11: error: title has a text in \"fr\", which is not one of the exhibit's languages (es and en); add it to languages"},
      {"exhibit-misspelt-language-code", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "en = \"An example house\"", "enn = \"An example house\""); },
       "exhibit.toml:10: error: title has a text in \"enn\", which is not one of the exhibit's languages (es and en); did you mean \"en\"?"},
      {"exhibit-no-title", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[title]\nes = \"Una casa de ejemplo\"\nen = \"An example house\"\n", ""); },
       "exhibit.toml:1: error: missing title; give one text per language: title = { es = \"…\", en = \"…\" }"},
      {"exhibit-title-one-language", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "en = \"An example house\"\n", ""); },
       "exhibit.toml:8: error: title has no \"en\" text; every text needs es and en"},
      {"exhibit-title-not-a-table", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "subject = { es = \"La casa\", en = \"The house\" }", "subject = \"La casa\""); },
       "exhibit.toml:6: error: subject needs one text per language, like subject = { es = \"…\", en = \"…\" }"},
      {"exhibit-toml-syntax", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "version = \"1\"", "version = 1\""); },
       "exhibit.toml:4: error:"},
      {"exhibit-idle-in-quotes", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "idle = 60", "idle = \"60\""); },
       "exhibit.toml:24: error: idle must be a whole number without quotes, like idle = 90"},
      {"exhibit-warning-too-short", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "warning = 20", "warning = 5"); },
       "exhibit.toml:25: error: warning must be at least 20 seconds, so everyone has time to answer"},
      {"exhibit-limits-reversed", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "[10, 600]", "[600, 10]"); },
       "exhibit.toml:28: error: room_words must be two whole numbers, smallest first, like [250, 600]"},
      {"exhibit-missing-file", B::example, [](Fixture& f) { fs::remove(f.src / "exhibit.toml"); },
       "exhibit.toml: error: file not found; every exhibit needs one (see content/README.md)"},
      {"source-not-a-folder", B::example, [](Fixture& f) { f.src /= "nowhere"; },
       "src: error: not a folder; give the exhibit's source folder (the one with exhibit.toml)"},
      // ---- the attract playlist --------------------------------------------------------------------
      {"attract-unknown-quotation", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "id = \"q-door\"", "id = \"q-window\""); },
       "exhibit.toml:37: error: attract item names quotation \"q-window\", which quotes.csv lacks"},
      {"attract-unknown-room", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "id = \"garden\"", "id = \"gardens\""); },
       "exhibit.toml:42: error: attract item names room \"gardens\", which rooms/ lacks"},
      {"attract-unknown-kind", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "kind = \"quote\"", "kind = \"quotation\""); },
       "exhibit.toml:37: error: attract kind \"quotation\" is unknown; use quote, room, journey or title"},
      {"attract-seconds-out-of-range", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "seconds = 8", "seconds = 1000"); },
       "exhibit.toml:33: error: seconds must be between 3 and 600"},
      {"attract-misspelt-key", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "seconds = 8", "second = 8"); },
       "exhibit.toml:33: error: unknown key \"second\" in [[attract]]; did you mean \"seconds\"?"},
      // ---- fonts -----------------------------------------------------------------------------------
      {"font-not-found", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "NotoSans-Bold.ttf", "NoSuchFont.ttf"); },
       "exhibit.toml:21: error: font \"NoSuchFont.ttf\" is neither in fonts/ nor in /usr/share/fonts"},
      {"font-not-a-font", B::example, [](Fixture& f) {  // was a crash (SIGSEGV in stb_truetype)
         picture_file(f, "fonts/Broken.ttf", "<html><body>404 Not Found</body></html>");
         must_edit(f.src / "exhibit.toml", "NotoSans-Bold.ttf", "Broken.ttf");
       }, "exhibit.toml:21: error: font src/fonts/Broken.ttf is not a font file (it starts with \"<html><body>\"); use a .ttf or .otf font"},
      {"font-cut-short", B::example, [](Fixture& f) {
         picture_file(f, "fonts/Cut.ttf", read(kNotoBold).substr(0, 4000));
         must_edit(f.src / "exhibit.toml", "NotoSans-Bold.ttf", "Cut.ttf");
       }, "exhibit.toml:21: error: font src/fonts/Cut.ttf is cut short"},
      {"font-empty", B::example, [](Fixture& f) {
         picture_file(f, "fonts/Empty.ttf", "");
         must_edit(f.src / "exhibit.toml", "NotoSans-Bold.ttf", "Empty.ttf");
       }, "exhibit.toml:21: error: font src/fonts/Empty.ttf is empty (0 bytes), not a font"},
      {"font-misspelt-role", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "sans_bold =", "sans_blod ="); },
       "exhibit.toml:21: error: unknown key \"sans_blod\" in [fonts]; did you mean \"sans_bold\"?"},
      {"font-lacks-a-character", B::example, [](Fixture& f) { must_edit(f.src / "questions.toml", "Para sentarse", "Para sentarse \xE2\x98\x83"); },
       "uses U+2603, which the serif, serif_italic, serif_bold, sans, sans_bold fonts lack"},
      // ---- strings.toml and questions.toml ---------------------------------------------------------
      {"strings-misspelt-key", B::example, [](Fixture& f) { must_edit(f.src / "strings.toml", "\"home.rooms\" =", "\"home.romos\" ="); },
       "strings.toml:3: error: unknown key \"home.romos\"; did you mean \"home.rooms\"?"},
      {"strings-missing-language", B::example, [](Fixture& f) { must_edit(f.src / "strings.toml", "\"nav.back\" = { es = \"Atrás\", en = \"Back\" }", "\"nav.back\" = { es = \"Atrás\" }"); },
       "error: \"nav.back\" has no \"en\" text; every text needs es and en"},
      {"strings-missing-label", B::example, [](Fixture& f) { must_edit(f.src / "strings.toml", "\"nav.back\" = { es = \"Atrás\", en = \"Back\" }\n", ""); },
       "error: strings.toml lacks \"nav.back\", which the kiosk shows; add \"nav.back\" = { es = \"…\", … }"},
      {"questions-misspelt-key", B::example, [](Fixture& f) { must_edit(f.src / "questions.toml", "answer.es", "anwser.es"); },
       "questions.toml:4: error: unknown key \"anwser\" in [[question]]; did you mean \"answer\"?"},
      {"questions-single-brackets", B::example, [](Fixture& f) { must_edit(f.src / "questions.toml", "[[question]]", "[[questions]]"); },
       "questions.toml:1: error: unknown key \"questions\"; did you mean \"question\"?"},
      {"questions-duplicate-id", B::example, [](Fixture& f) { write(f.src / "questions.toml", read(f.src / "questions.toml") + "\n" + read(f.src / "questions.toml")); },
       "questions.toml:7: error: question \"why\" is defined twice; give each question its own id"},
      {"questions-bad-id", B::example, [](Fixture& f) { must_edit(f.src / "questions.toml", "id = \"why\"", "id = \"Why?\""); },
       "questions.toml:2: error: id \"Why?\" must use lower-case letters, digits and '-'"},
      {"questions-unclosed-quote", B::example, [](Fixture& f) { must_edit(f.src / "questions.toml", "id = \"why\"", "id = \"why"); },
       "questions.toml:2: error:"},
      // ---- which files in rooms/ are rooms ---------------------------------------------------------
      {"room-upper-case-extension", B::example, [](Fixture& f) { second_room(f, "13-extra.MD"); }, nullptr, 0},  // accepted (was left out silently)
      {"room-macos-and-dot-files", B::example, [](Fixture& f) {
         write(f.src / "rooms/._01-garden.md", std::string("\0\x05\x16\x07\0\x02\0\0Mac OS X", 16));
         write(f.src / "rooms/.DS_Store", std::string("\0\0\0\1Bud1", 8));
       }, nullptr, 0},
      {"room-editor-backups", B::example, [](Fixture& f) {
         for (auto n : {"01-garden.md~", "#01-garden.md#", ".01-garden.md.swp", "01-garden.md.bak", "01-garden.md.orig"})
           fs::copy_file(f.src / "rooms/01-garden.md", f.src / "rooms" / n);
       }, nullptr, 0},
      {"room-text-extension", B::example, [](Fixture& f) { second_room(f, "02-extra.txt"); },
       "rooms/02-extra.txt: error: not a room file (rooms end in .md); rename it 02-extra.md"},
      {"room-hidden-txt-extension", B::example, [](Fixture& f) { second_room(f, "02-extra.md.txt"); },
       "rooms/02-extra.md.txt: error: not a room file (rooms end in .md); rename it 02-extra.md"},
      {"room-picture-in-rooms", B::example, [](Fixture& f) { REQUIRE(make_test_png((f.src / "rooms/garden.png").string(), 8, 8)); },
       "rooms/garden.png: error: a picture, not a room; move it to images/"},
      {"room-broken-symlink", B::example, [](Fixture& f) { fs::create_symlink("/nowhere/13-extra.md", f.src / "rooms/13-extra.md"); },
       "rooms/13-extra.md: error: 13-extra.md is a link to /nowhere/13-extra.md, which does not exist; fix or remove the link"},
      {"room-is-a-pipe", B::example, [](Fixture& f) { REQUIRE(mkfifo((f.src / "rooms/13-extra.md").c_str(), 0644) == 0); },
       "rooms/13-extra.md: error: 13-extra.md is not a regular file (a pipe or a device); replace it with a file"},
      {"rooms-empty-folder", B::exhibit, [](Fixture& f) {
         fs::remove_all(f.src / "rooms");
         fs::create_directory(f.src / "rooms");
       }, "rooms: error: rooms/ has no room files; add one NN-id.md file per room"},  // was 79
      {"rooms-no-folder", B::example, [](Fixture& f) { fs::remove_all(f.src / "rooms"); },
       "rooms: error: folder not found; the rooms of the exhibit live there"},
      // ---- a room's front matter -------------------------------------------------------------------
      {"room-no-opening-plus", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "+++\nid", "id"); },
       "01-garden.md:1: error: a room starts with a +++ line"},
      {"room-front-matter-never-closed", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "+++\n\n# es", "\n# es"); },
       "01-garden.md:1: error: the block opened by +++ on line 1 is never closed by another +++ line"},
      {"room-empty-file", B::example, [](Fixture& f) { write(f.src / "rooms/01-garden.md", ""); },
       "01-garden.md: error: the file is empty; a room starts with a +++ line"},
      {"room-misspelt-key", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "[teaser]", "[teasr]"); },
       "01-garden.md:10: error: unknown key \"teasr\" in the front matter; did you mean \"teaser\"?"},
      {"room-duplicate-id", B::example, [](Fixture& f) { fs::copy_file(f.src / "rooms/01-garden.md", f.src / "rooms/02-copy.md"); },
       "02-copy.md:2: error: another room already has id \"garden\"; give each room its own id"},
      {"room-bad-id", B::example, [](Fixture& f) { transform(f.src / "exhibit.toml", [](auto s) { return replace_all(s, "\"garden\"", "\"El Jardín\""); }); must_edit(f.src / "rooms/01-garden.md", "\"garden\"", "\"El Jardín\""); must_edit(f.src / "quotes.csv", ",garden,", ",El Jardín,"); },
       "01-garden.md:2: error: id must use lower-case letters, digits and '-'"},
      {"room-years-reversed", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "[1900, 1910]", "[1910, 1900]"); },
       "01-garden.md:3: error: the first year must not come after the second"},
      {"room-years-as-text", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "[1900, 1910]", "\"1900-1910\""); },
       "01-garden.md:3: error: years must be two years, like years = [1879, 1896]"},
      {"room-unknown-place", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "[\"house\"]", "[\"hose\"]"); },
       "01-garden.md:4: error: place \"hose\" is not in places.csv; add it there or fix the spelling"},
      {"room-no-teaser", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "[teaser]\nes = \"Donde empieza la visita.\"\nen = \"Where the visit begins.\"\n", ""); },
       "01-garden.md:1: error: missing teaser; give one text per language"},
      // ---- a room's text ---------------------------------------------------------------------------
      {"room-tab-indented-paragraph", B::exhibit, [](Fixture& f) { must_edit(f.src / "rooms/01-childhood.md", "\nRusia usaba", "\n\tRusia usaba"); },
       "01-childhood.md:22: error: this paragraph is indented (a tab or 4 spaces), which Markdown reads as a code block; remove the indentation"},
      {"room-space-indented-paragraphs", B::example, [](Fixture& f) { transform(f.src / "rooms/01-garden.md", [](auto s) { return replace_all(replace_all(s, "\nEl jardín", "\n    El jardín"), "\nDesde", "\n    Desde"); }); },
       "01-garden.md:17: error: this paragraph is indented (a tab or 4 spaces), which Markdown reads as a code block; remove the indentation (1 more paragraph in this file)"},
      {"room-no-section-for-a-language", B::example, [](Fixture& f) { transform(f.src / "rooms/01-garden.md", [](auto s) { return s.substr(0, s.find("# en")); }); },
       "01-garden.md: error: no \"# en\" section; every room is written in es and en"},
      {"room-language-name-as-heading", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "# en", "# English"); },
       "01-garden.md:23: error: \"# English\" is not a language heading; write \"# en\" (the languages are es and en)"},
      {"room-second-section", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "# en", "# es\n\nOtra vez.\n\n# en"); },
       "01-garden.md:23: error: a second \"# es\" section; each language has one"},
      {"room-text-before-heading", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "+++\n\n# es", "+++\nIntro.\n\n# es"); },
       "01-garden.md:14: error: text before the first language heading; start with a line \"# es\""},
      {"room-empty-page", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "---\n\nDesde", "---\n\n---\n\nDesde"); },
       "01-garden.md:20: error: this page is empty; remove the extra --- line"},
      {"room-list", B::example, [](Fixture& f) { must_edit(f.src / "rooms/01-garden.md", "Desde el banco", "- una lista\n\nDesde el banco"); },
       "01-garden.md:21: error: lists are not allowed in room text"},
      {"room-over-budget", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "room_words = [10, 600]", "room_words = [250, 600]"); },
       "01-garden.md:15: error: the \"es\" text has 20 words; a room has 250 to 600", 2},
      {"room-too-many-pages", B::example, [](Fixture& f) { must_edit(f.src / "exhibit.toml", "room_pages = [1, 5]", "room_pages = [3, 5]"); },
       "01-garden.md:15: error: the \"es\" text has 2 pages; a room has 3 to 5 (separate pages with a --- line)", 2},
      // ---- pictures --------------------------------------------------------------------------------
      {"picture-outside-the-exhibit", B::example, [](Fixture& f) {
         REQUIRE(make_test_png((f.scratch / "outside.png").string(), 8, 8));
         name_picture(f, "../outside.png");
       }, "01-garden.md:14: error: picture ../outside.png is outside the exhibit folder; copy it into images/ and write file = \"images/outside.png\""},
      {"picture-absolute-path", B::example, [](Fixture& f) {
         REQUIRE(make_test_png((f.scratch / "abs.png").string(), 8, 8));
         name_picture(f, (f.scratch / "abs.png").string());
       }, "is outside the exhibit folder; copy it into images/ and write file = \"images/abs.png\""},
      {"picture-windows-path", B::example, [](Fixture& f) { name_picture(f, "images\\\\gate.png"); },
       "01-garden.md:14: error: picture path images\\gate.png uses '\\'; write paths with '/', like \"images/gate.png\""},
      {"picture-not-found", B::example, [](Fixture& f) { name_picture(f, "images/gate.png"); },
       "01-garden.md:14: error: picture images/gate.png not found in the exhibit folder; put it there or fix the name"},
      {"picture-wrong-case", B::example, [](Fixture& f) {
         fs::create_directories(f.src / "images");
         REQUIRE(make_test_png((f.src / "images/gate.png").string(), 8, 8));
         name_picture(f, "images/Gate.PNG");
       }, "01-garden.md:14: error: picture images/Gate.PNG not found in the exhibit folder; did you mean \"images/gate.png\"?"},
      {"picture-does-not-decode", B::example, [](Fixture& f) {
         picture_file(f, "images/gate.png", "\x89PNG\r\n\x1a\n garbage");
         name_picture(f, "images/gate.png");
       }, "01-garden.md:14: error: picture images/gate.png cannot be decoded"},
      {"picture-gif", B::example, [](Fixture& f) {
         picture_file(f, "images/gate.gif", "GIF89a\x01\0\x01\0\0\0\0;");
         name_picture(f, "images/gate.gif");
       }, "01-garden.md:14: error: picture images/gate.gif is a GIF; export it as PNG or JPEG"},
      {"picture-heic-named-jpg", B::example, [](Fixture& f) {
         picture_file(f, "images/gate.jpg", std::string("\0\0\0\x18" "ftypheic\0\0\0\0", 16));
         name_picture(f, "images/gate.jpg");
       }, "01-garden.md:14: error: picture images/gate.jpg is a HEIC photo (from a phone); export it as PNG or JPEG"},
      {"picture-too-large", B::example, [](Fixture& f) {
         fs::create_directories(f.src / "images");
         REQUIRE(make_test_png((f.src / "images/scan.png").string(), 9000, 4));
         name_picture(f, "images/scan.png");
       }, "01-garden.md:14: error: picture images/scan.png is 9000×4 pixels, too large to scale; save it at most 8000 pixels"},
      {"picture-no-alt-text", B::example, [](Fixture& f) {
         fs::create_directories(f.src / "images");
         REQUIRE(make_test_png((f.src / "images/gate.png").string(), 8, 8));
         name_picture(f, "images/gate.png", false);
       }, "01-garden.md:13: error: missing image alt; give one text per language"},
      {"picture-misspelt-key", B::example, [](Fixture& f) {
         fs::create_directories(f.src / "images");
         REQUIRE(make_test_png((f.src / "images/gate.png").string(), 8, 8));
         name_picture(f, "images/gate.png");
         must_edit(f.src / "rooms/01-garden.md", "credit =", "credits =");
       }, "01-garden.md:16: error: unknown key \"credits\" in [image]; did you mean \"credit\"?"},
      // ---- where the bundle goes -------------------------------------------------------------------
      {"output-folder-missing", B::example, [](Fixture& f) { f.out = (f.scratch / "nosuch/x.bundle").string(); },
       "kiosk-bundle: error: cannot write src/../nosuch/x.bundle: the folder src/../nosuch does not exist; create it first"},
      {"output-is-a-folder", B::example, [](Fixture& f) {
         fs::create_directory(f.scratch / "adir");
         f.out = (f.scratch / "adir").string();
       }, "kiosk-bundle: error: src/../adir is a folder; name the bundle file to write, e.g. src/../adir/exhibit.bundle"},
      {"output-overwrites-a-source", B::example, [](Fixture& f) { f.out = (f.src / "exhibit.toml").string(); },
       "kiosk-bundle: error: src/exhibit.toml exists and is not a bundle; it would be overwritten, so choose another name"},
      {"output-folder-read-only", B::example, [](Fixture& f) {
         // root ignores file modes; /sys refuses new files even to root.
         if (geteuid() == 0) {
           f.out = "/sys/x.bundle";
         } else {
           fs::create_directory(f.scratch / "ro");
           chmod((f.scratch / "ro").c_str(), 0555);
           f.out = (f.scratch / "ro/x.bundle").string();
         }
       }, ": permission denied; choose a folder you can write to"},
  };
  return kTable;
}

void copy_exhibit(const Scratch& s, const fs::path& dst) {
  fs::copy(fs::path(source_dir()) / "content/exhibit", dst, fs::copy_options::recursive);
  // Its land files are named relative to the checkout; the copy lives elsewhere.
  transform(dst / "exhibit.toml", [](auto t) { return replace_all(t, "\"../../assets/map/", "\"" + source_dir() + "/assets/map/"); });
  (void)s;
}

int error_lines(const std::string& err) {
  int n = 0;
  for (size_t at = 0; (at = err.find(": error: ", at)) != std::string::npos; ++at) ++n;
  return n;
}

}  // namespace

TEST_CASE("curator mistakes: every class gets its one clear line") {
  std::set<std::string> names;
  for (const Mistake& m : mistakes()) {
    std::string name = m.name;
    CAPTURE(name);
    REQUIRE(names.insert(m.name).second);  // one row per class
    Scratch s(std::string("mistake-") + m.name);
    Fixture f{s.dir / "src", s.dir, ""};
    if (m.base == Base::exhibit) copy_exhibit(s, f.src);
    else copy_example(s);
    m.make(f);
    std::string out = f.out.empty() ? s.path("out.bundle") : f.out;
    auto r = build(f.src.string(), out);
    std::string e = r.err;  // paths as the curator typed them: strip the scratch prefix
    for (size_t at; (at = e.find(f.src.string())) != std::string::npos;) e.replace(at, f.src.string().size(), "src");
    for (size_t at; (at = e.find(s.dir.string())) != std::string::npos;) e.replace(at, s.dir.string().size(), "src/..");
    if (getenv("SHOW_ERRORS")) fprintf(stderr, "---- %s (%d lines)\n%s", m.name, error_lines(e), e.c_str());
    CAPTURE(e);
    if (!m.expect) {
      CHECK(r.code == 0);
      CHECK(error_lines(e) == 0);
      continue;
    }
    CHECK(r.code == 1);
    CHECK(e.find(m.expect) != std::string::npos);
    CHECK(error_lines(e) >= 1);
    CHECK(error_lines(e) <= m.max);
    CHECK(e.find("nothing was written.") != std::string::npos);
    if (f.out.empty()) CHECK_FALSE(fs::exists(out));
  }
  CHECK(names.size() >= 57);
}

TEST_CASE("curator mistakes: accepted variants build what the clean exhibit builds") {
  Scratch s("mistake-accepted");
  std::string src = copy_example(s);
  Fixture f{src, s.dir, ""};
  second_room(f, "13-extra.MD");
  auto r = build(src, s.path("x.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto b = bundle::Bundle::open(s.path("x.bundle"));
  CHECK(b->exhibit().rooms.size() == 2);  // the upper-case .MD room is in
}

TEST_CASE("curator mistakes: a font that is not a font is refused by check's rules, never crashes") {
  bundle::Contents c;
  c.exhibit.meta.languages = {"es"};
  for (auto role : {"serif", "serif_italic", "serif_bold", "sans", "sans_bold"}) c.fonts[role] = {"x.ttf", {'<', 'h', 't', 'm', 'l', '>'}};
  auto problems = curator::validate(c);
  bool said = false;
  for (auto& p : problems) said |= p.find("the serif font x.ttf is not a font file") != std::string::npos;
  CHECK(said);
  CHECK(curator::font_problem(std::vector<uint8_t>{0, 1, 0, 0, 0, 200}) == "is cut short; copy the font file again");
  // No false alarms: every TrueType/OpenType font installed here passes.
  int fonts = 0;
  std::error_code ec;
  for (auto& e : fs::recursive_directory_iterator("/usr/share/fonts", ec)) {
    std::string ext = e.path().extension().string();
    if (ext != ".ttf" && ext != ".otf") continue;
    std::string bytes = read(e.path());
    CAPTURE(e.path().string());
    CHECK(curator::font_problem(std::vector<uint8_t>(bytes.begin(), bytes.end())) == "");
    ++fonts;
  }
  CHECK(fonts >= 5);
}
