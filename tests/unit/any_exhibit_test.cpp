// any_exhibit_test.cpp — nothing of the sample exhibit in the program (issue 12 §1): the
// language switch's names, the fallback language, quotation marks, plural counts, authors per
// language, the timeline's years, the default language and the unavailable screen's languages,
// tried on the second sample exhibit (content/curie: pl, fr, en) and on edited copies of it.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "content/bundle/bundle.h"
#include "content/bundle/counts.h"
#include "kiosk/app/config.h"
#include "kiosk/flow/flow.h"
#include "kiosk/ui/map_view.h"
#include "test_util.h"

using namespace testutil;
using json = nlohmann::json;

namespace {

// A copy of content/curie without its [map] (its land paths are relative to the repository).
std::string copy_curie(const Scratch& s) {
  fs::path dst = s.dir / "curie";
  fs::copy(fs::path(source_dir()) / "content/curie", dst, fs::copy_options::recursive);
  std::string t = read(dst / "exhibit.toml");
  size_t at = t.find("[map]"), end = t.find("[[attract]]");
  t.erase(at, end - at);
  write(dst / "exhibit.toml", t);
  return dst.string();
}

const bundle::Exhibit& curie() {
  static std::unique_ptr<bundle::Bundle> b;
  if (!b) {
    static Scratch s("curie");
    auto r = build(source_dir() + "/content/curie", s.path("curie.bundle"));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    b = bundle::Bundle::open(s.path("curie.bundle"));
  }
  return b->exhibit();
}

}  // namespace

TEST_CASE("any exhibit: a pl/fr/en exhibit builds and checks without a Spanish language name") {
  Scratch s("curie-clean");
  auto r = build(source_dir() + "/content/curie", s.path("c.bundle"));
  REQUIRE_MESSAGE(r.code == 0, r.err);
  CHECK(r.err.find("lang.es") == std::string::npos);
  CHECK(check(s.path("c.bundle")).code == 0);
  const auto& ex = curie();
  CHECK(ex.meta.languages == std::vector<std::string>{"pl", "fr", "en"});
  CHECK(ex.label("lang.pl", "en") == "Polski");
}

TEST_CASE("any exhibit: each of the exhibit's languages needs its name, lang.<code>") {
  Scratch s("curie-nolang");
  auto src = copy_curie(s);
  REQUIRE(edit(fs::path(src) / "strings.toml", "\"lang.pl\" = { pl = \"Polski\", fr = \"Polski\", en = \"Polski\" }\n", ""));
  auto r = build(src, s.path("c.bundle"));
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("lacks \"lang.pl\"") != std::string::npos, r.err);
  CHECK(r.err.find("lang.es") == std::string::npos);
}

TEST_CASE("any exhibit: a missing translation falls back to the default language, not the first code") {
  bundle::Text t;
  t.by_lang = {{"en", "English"}, {"pl", "Polski"}};
  t.fallback = "pl";
  CHECK(t.in("fr") == "Polski");
  CHECK(t.in("en") == "English");
  // The bundle sets the fallback on every text: a note given in pl and en only.
  const bundle::Quote* q = curie().quote("q-polonium");
  REQUIRE(q);
  CHECK(q->note.in("fr") == "Tłumaczenie muzeum z francuskiego.");
  CHECK(curie().place("warsaw")->name.fallback == "pl");
}

TEST_CASE("any exhibit: quotation marks come from the bundle, per language") {
  const auto& ex = curie();
  CHECK(ex.label("quote.open", "pl") == "\xE2\x80\x9E");              // „
  CHECK(ex.label("quote.close", "pl") == "\xE2\x80\x9D");             // ”
  CHECK(ex.label("quote.open", "fr") == "\xC2\xAB\xC2\xA0");          // « and a no-break space
  CHECK(ex.label("quote.close", "fr") == "\xC2\xA0\xC2\xBB");
  CHECK(ex.label("quote.open", "en") == "\xE2\x80\x9C");              // “
  Scratch s("curie-noquote");
  auto src = copy_curie(s);
  std::string t = read(fs::path(src) / "strings.toml");
  size_t at = t.find("\"quote.open\"");
  t.erase(at, t.find('\n', at) + 1 - at);  // that line only
  write(fs::path(src) / "strings.toml", t);
  auto r = build(src, s.path("c.bundle"));
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("lacks \"quote.open\"") != std::string::npos, r.err);
}

TEST_CASE("any exhibit: counts take each language's plural forms (ICU)") {
  const std::string pl = "za {n, plural, one {# sekundę} few {# sekundy} many {# sekund} other {# sekundy}}";
  CHECK(bundle::format_count(pl, "pl", 1) == "za 1 sekundę");
  CHECK(bundle::format_count(pl, "pl", 2) == "za 2 sekundy");
  CHECK(bundle::format_count(pl, "pl", 5) == "za 5 sekund");
  CHECK(bundle::format_count(pl, "pl", 22) == "za 22 sekundy");
  CHECK(bundle::format_count(pl, "pl", 25) == "za 25 sekund");
  const std::string fr = "{n, plural, one {# seconde} other {# secondes}}";
  CHECK(bundle::format_count(fr, "fr", 0) == "0 seconde");  // French: 0 and 1 are singular
  CHECK(bundle::format_count(fr, "fr", 2) == "2 secondes");
  CHECK(bundle::format_count("Page {n} of {m}", "en", 2, 5) == "Page 2 of 5");
  // A broken pattern is refused by check, and never shown raw to a visitor.
  CHECK(!bundle::count_pattern_problem("{n, plural, one {# s}", "en").empty());
  CHECK(bundle::format_count("{n, plural, one {# s}", "en", 3).find("plural") != std::string::npos);
  Scratch s("curie-badcount");
  auto src = copy_curie(s);
  REQUIRE(edit(fs::path(src) / "strings.toml", "\"quotes.count\" = { pl = \"{n} z {m}\"", "\"quotes.count\" = { pl = \"{n, plural, one {# z {m}\""));
  auto r = build(src, s.path("c.bundle"));
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("label \"quotes.count\" in \"pl\" is not a valid count pattern") != std::string::npos, r.err);
}

TEST_CASE("any exhibit: a quotation's author per language") {
  const auto& ex = curie();
  const bundle::Quote* q = ex.quote("q-polonium");
  REQUIRE(q);
  CHECK(q->author.in("fr") == "Pierre et Marie Curie");
  CHECK(q->author.in("en") == "Pierre and Marie Curie");
  CHECK(q->author.in("pl") == "Piotr i Maria Curie");
  // The sample's single author column still works; an empty one is the exhibit's subject.
  Scratch s("authors");
  auto src = copy_example(s);
  REQUIRE(build(src, s.path("x.bundle")).code == 0);
  json j = json::parse(dump(s.path("x.bundle")).out);
  CHECK(j["quotes"][0]["author"]["en"] == "The house");
  // A name in some languages only is one clear line.
  auto src2 = copy_curie(s);
  REQUIRE(edit(fs::path(src2) / "quotes.csv", ",Piotr i Maria Curie,", ",,"));
  auto r = build(src2, s.path("c.bundle"));
  CHECK(r.code != 0);
  CHECK_MESSAGE(r.err.find("quotes.csv:2: error: the author has a name in some languages but not in \"pl\"") != std::string::npos, r.err);
}

TEST_CASE("any exhibit: content/example is neutral") {
  for (const char* f : {"strings.toml", "exhibit.toml", "quotes.csv", "places.csv", "journey.csv", "questions.toml"}) {
    std::string t = read(fs::path(source_dir()) / "content/example" / f);
    for (const char* word : {"Trotsk", "Yanovka", "Coyoac", "León", "Leon"}) CHECK_MESSAGE(t.find(word) == std::string::npos, f << ": " << word);
  }
}

TEST_CASE("any exhibit: the timeline spans the journey in tidy decades") {
  ui::YearSpan curie_years = ui::timeline_span(ui::year_of("1867-11-07"), ui::year_of("1934-07-04"));
  CHECK(curie_years.first == 1860);
  CHECK(curie_years.last == 1940);
  CHECK(curie_years.step == 10);
  ui::YearSpan trotsky = ui::timeline_span(ui::year_of("1879-11-07"), ui::year_of("1940-08-21"));
  CHECK(trotsky.first == 1870);
  CHECK(trotsky.last == 1950);
  ui::YearSpan long_life = ui::timeline_span(1750, 1990);
  CHECK(long_life.step == 20);
}

TEST_CASE("any exhibit: a session starts in the bundle's default language") {
  flow::Flow f(curie().meta.languages[0]);
  CHECK(f.lang() == "pl");
  f.set_lang("fr");
  f.end_session();
  f.wake(1000);
  CHECK(f.lang() == "pl");
}

TEST_CASE("any exhibit: the unavailable screen's languages come from kiosk.toml") {
  Scratch s("unavailable");
  app::Config c;
  std::vector<std::string> errors;
  write(s.path("k.toml"), "bundle = \"x\"\n");
  REQUIRE(app::load_config(s.path("k.toml"), c, errors));
  CHECK(c.unavailable_languages == std::vector<std::string>{"es", "en"});
  write(s.path("k.toml"), "unavailable_languages = [\"pl\", \"fr\"]\n");
  REQUIRE(app::load_config(s.path("k.toml"), c, errors));
  CHECK(c.unavailable_languages == std::vector<std::string>{"pl", "fr"});
  app::Config bad;
  write(s.path("k.toml"), "bundle = \"x\"\nunavailable_languages = [\"xx\"]\n");
  CHECK_FALSE(app::load_config(s.path("k.toml"), bad, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("k.toml:2: error: unavailable_languages must list one or two of") != std::string::npos);
  CHECK(bad.unavailable_languages == std::vector<std::string>{"es", "en"});
}
