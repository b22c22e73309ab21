// exhibit_test.cpp — the sample exhibit (content/exhibit) as its issue asks: it builds clean,
// meets its counts, and every visitor text exists in Spanish and English.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/curator/validate.h"
#include "test_util.h"

using namespace testutil;
using json = nlohmann::json;

namespace {

const json& exhibit_dump() {
  static json j = [] {
    Scratch s("exhibit");
    auto r = build(source_dir() + "/content/exhibit", s.path("x.bundle"));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    REQUIRE(check(s.path("x.bundle")).code == 0);
    auto d = dump(s.path("x.bundle"));
    REQUIRE(d.code == 0);
    return json::parse(d.out);
  }();
  return j;
}

void both_languages(const json& text, const std::string& what) {
  INFO(what);
  REQUIRE(text.is_object());
  for (const char* l : {"es", "en"}) {
    REQUIRE(text.contains(l));
    CHECK(text[l].get<std::string>().size() > 0);
  }
}

int words(const json& t, const char* lang) { return curator::count_words(t[lang].get<std::string>()); }

}  // namespace

TEST_CASE("exhibit: counts the issue asks for") {
  const json& j = exhibit_dump();
  CHECK(j["rooms"].size() >= 10);
  CHECK(j["rooms"].size() <= 12);
  CHECK(j["places"].size() >= 30);
  CHECK(j["journey"].size() >= 25);
  CHECK(j["quotes"].size() >= 45);
  CHECK(j["questions"].size() >= 12);
  CHECK(j["questions"].size() <= 20);
  CHECK(j["attract"].size() >= 5);
  CHECK(j["meta"]["languages"] == json::array({"es", "en"}));
}

TEST_CASE("exhibit: rooms are chronological, within budget, in both languages") {
  const json& j = exhibit_dump();
  int last = 0;
  for (const auto& r : j["rooms"]) {
    std::string id = r["id"];
    INFO("room " << id);
    both_languages(r["title"], id + " title");
    both_languages(r["teaser"], id + " teaser");
    CHECK(r["years"][0].get<int>() >= last);
    last = r["years"][0];
    for (const char* l : {"es", "en"}) {
      const auto& pages = r["pages"][l];
      CHECK(pages.size() >= 2);
      CHECK(pages.size() <= 5);
      int n = 0;
      for (const auto& p : pages) n += curator::count_words(p.get<std::string>());
      CHECK(n >= 250);
      CHECK(n <= 600);
    }
  }
}

TEST_CASE("exhibit: places, journey, quotations and answers") {
  const json& j = exhibit_dump();
  std::set<std::string> places;
  for (const auto& p : j["places"]) {
    places.insert(p["id"]);
    both_languages(p["name"], p["id"]);
    both_languages(p["text"], p["id"]);
  }
  std::string prev;
  for (const auto& s : j["journey"]) {
    CHECK(places.count(s["place"]));
    CHECK(curator::is_iso_date(s["from"]));
    CHECK(curator::is_iso_date(s["to"]));
    CHECK(s["from"].get<std::string>().substr(0, 4) >= prev);
    prev = s["from"].get<std::string>().substr(0, 4);
    both_languages(s["text"], "stay at " + s["place"].get<std::string>());
  }
  CHECK(j["journey"][0]["place"] == "yanovka");
  CHECK(j["journey"][0]["from"] == "1879-11-07");
  CHECK(j["journey"].back()["place"] == "coyoacan");
  CHECK(j["journey"].back()["to"] == "1940-08-21");  // he died on the 21st, the day after the attack
  std::set<std::string> rooms;
  for (const auto& r : j["rooms"]) rooms.insert(r["id"]);
  std::map<std::string, int> per_room;
  for (const auto& q : j["quotes"]) {
    both_languages(q["text"], q["id"]);
    both_languages(q["source"], q["id"]);
    CHECK(q["year"].get<int>() >= 1879);
    // His own words end with his life; witnesses' memoirs may be later.
    if (q["author"]["en"] == "Leon Trotsky") CHECK(q["year"].get<int>() <= 1940);
    else CHECK(q["year"].get<int>() <= 2026);
    CHECK(rooms.count(q["room"]));
    per_room[q["room"]]++;
  }
  CHECK(per_room.size() == rooms.size());  // every room has its quotations
  for (const auto& q : j["questions"]) {
    both_languages(q["question"], q["id"]);
    both_languages(q["answer"], q["id"]);
    INFO(q["id"]);
    for (const char* l : {"es", "en"}) {
      CHECK(words(q["answer"], l) >= 80);
      CHECK(words(q["answer"], l) <= 150);
    }
  }
}

TEST_CASE("exhibit: the notes record how the sources' conflicts were resolved") {
  std::string notes = read(source_dir() + "/content/exhibit/NOTES.md");
  REQUIRE(notes.size() > 2000);
  CHECK(notes.find("21 August 1940") != std::string::npos);
}

namespace {

// The spans a room page puts between curly quotes (“…”) that are long enough to be quoted words
// rather than a name or a label (“Lvov”, “Bloody Sunday”): three words or more.
std::vector<std::string> quoted_spans(const std::string& page) {
  static const std::string open = "\xE2\x80\x9C", close = "\xE2\x80\x9D";
  std::vector<std::string> out;
  for (size_t a = page.find(open); a != std::string::npos; a = page.find(open, a + 1)) {
    size_t b = page.find(close, a);
    if (b == std::string::npos) break;
    std::string s = page.substr(a + open.size(), b - a - open.size());
    // A quotation may end inside the marks with the sentence's own stop, or be cut with "…".
    auto edge = [](unsigned char c) { return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':'; };
    for (bool changed = true; changed;) {
      changed = false;
      for (const std::string cut : {"\xE2\x80\xA6"}) {  // …
        if (s.size() >= cut.size() && s.compare(0, cut.size(), cut) == 0) s.erase(0, cut.size()), changed = true;
        if (s.size() >= cut.size() && s.compare(s.size() - cut.size(), cut.size(), cut) == 0)
          s.erase(s.size() - cut.size()), changed = true;
      }
      while (!s.empty() && edge(s.front())) s.erase(0, 1), changed = true;
      while (!s.empty() && edge(s.back())) s.pop_back(), changed = true;
    }
    if (curator::count_words(s) >= 3) out.push_back(s);
    a = b;
  }
  return out;
}

// The ids of the quotations whose text in `lang` contains `span` word for word.
std::set<std::string> quotes_containing(const json& quotes, const std::string& lang, const std::string& span) {
  std::set<std::string> ids;
  for (const auto& q : quotes)
    if (q["text"][lang].get<std::string>().find(span) != std::string::npos) ids.insert(q["id"]);
  return ids;
}

}  // namespace

TEST_CASE("exhibit: every room page fits the wall (at most 120 words)") {
  const json& j = exhibit_dump();
  int most = 0;
  std::string where;
  for (const auto& r : j["rooms"])
    for (const char* l : {"es", "en"}) {
      int n = 0;
      for (const auto& p : r["pages"][l]) {
        ++n;
        int w = curator::count_words(p.get<std::string>());
        if (w > most) most = w, where = r["id"].get<std::string>() + " " + l + " page " + std::to_string(n);
        INFO(r["id"].get<std::string>() << " " << std::string(l) << " page " << n << ": " << w << " words");
        CHECK(w <= 120);
      }
    }
  MESSAGE("longest room page: " << most << " words (" << where << ")");
}

TEST_CASE("exhibit: a quotation shown in a room is word for word the one in quotes.csv") {
  const json& j = exhibit_dump();
  const json& quotes = j["quotes"];
  int seen = 0;
  for (const auto& r : j["rooms"]) {
    std::string id = r["id"];
    std::map<std::string, std::vector<std::set<std::string>>> found;  // per language, in page order
    for (const char* l : {"es", "en"})
      for (const auto& p : r["pages"][l])
        for (const std::string& span : quoted_spans(p.get<std::string>())) {
          auto ids = quotes_containing(quotes, l, span);
          INFO("room " << id << " (" << std::string(l) << "): “" << span << "”");
          CHECK_MESSAGE(!ids.empty(), "this quotation is not in quotes.csv in these words");
          found[l].push_back(ids);
          ++seen;
        }
    INFO("room " << id);
    REQUIRE(found["es"].size() == found["en"].size());  // each quotation shown in both languages
    for (size_t i = 0; i < found["es"].size(); ++i) {
      std::vector<std::string> both;
      std::set_intersection(found["es"][i].begin(), found["es"][i].end(), found["en"][i].begin(),
                            found["en"][i].end(), std::back_inserter(both));
      INFO("quotation " << i + 1 << " of the room");
      CHECK_MESSAGE(!both.empty(), "Spanish and English quote different entries of quotes.csv");
    }
  }
  CHECK(seen >= 20);  // the rooms do quote: an extraction that finds nothing is itself a failure
}

TEST_CASE("exhibit: the quotation check catches a second translation") {
  json quotes = json::array({{{"id", "q"}, {"text", {{"es", "Natasha, te amo."}, {"en", "Natasha, I love you."}}}}});
  auto spans = quoted_spans("Le dijo: \xE2\x80\x9CNatasha, te quiero\xE2\x80\x9D (traducci\xC3\xB3n del museo).");
  REQUIRE(spans.size() == 1);
  CHECK(quotes_containing(quotes, "es", spans[0]).empty());
  spans = quoted_spans("He said: \xE2\x80\x9CNatasha, I love you.\xE2\x80\x9D And \xE2\x80\x9CLvov\xE2\x80\x9D.");
  REQUIRE(spans.size() == 1);
  CHECK(quotes_containing(quotes, "en", spans[0]) == std::set<std::string>{"q"});
}
