// stats_report_test.cpp — kiosk-stats: the CSV export and the summary on a small known dataset
// (exact text), the median, date parsing, and one clear line with exit 2 for every mistake.
#include <doctest/doctest.h>

#include "scoped_zone.h"

#include <cstdlib>
#include <ctime>
#include <sstream>

#include "kiosk/stats/recorder.h"
#include "kiosk/stats/report.h"
#include "test_util.h"

using namespace testutil;

namespace {

// Reports are in local time: pin it.
struct UtcZone : testutil::ScopedZone {
  UtcZone() : ScopedZone("UTC") {}
};

constexpr int64_t S1 = 1714557600000;  // 2024-05-01 10:00:00 UTC
constexpr int64_t S2 = 1714572000000;  // 2024-05-01 14:00:00
constexpr int64_t S3 = 1714642200000;  // 2024-05-02 09:30:00
constexpr int64_t S4 = 1714734000000;  // 2024-05-03 11:00:00

void known_dataset(const std::string& db) {
  stats::Recorder r([](const std::string&) {});
  REQUIRE(r.open(db, S1));
  r.begin_session(S1, "es");
  r.screen(S1, "home");
  r.screen(S1 + 5'000, "rooms");
  r.screen(S1 + 10'000, "room", "garden");
  r.room_page(S1 + 10'000, "garden", 0);
  r.room_page(S1 + 40'000, "garden", 1);
  r.screen(S1 + 70'000, "rooms");
  r.screen(S1 + 75'000, "room", "kitchen");
  r.room_page(S1 + 75'000, "kitchen", 0);
  r.end_session(S1 + 100'000, stats::EndReason::Timeout);

  r.begin_session(S2, "es");
  r.screen(S2, "home");
  r.language(S2 + 3'000, "en");
  r.screen(S2 + 5'000, "quotes");
  r.quote(S2 + 5'000, "q1");
  r.quote(S2 + 20'000, "q2");
  r.quote(S2 + 30'000, "q1");
  r.screen(S2 + 40'000, "map");
  r.place(S2 + 45'000, "coyoacan");
  r.place(S2 + 50'000, "mexico, city");
  r.end_session(S2 + 61'000, stats::EndReason::Timeout);

  r.begin_session(S3, "en");
  r.screen(S3, "home");
  r.screen(S3 + 2'000, "rooms");
  r.screen(S3 + 4'000, "room", "garden");
  r.room_page(S3 + 4'000, "garden", 0);
  r.end_session(S3 + 30'000, stats::EndReason::Shutdown);

  r.begin_session(S4, "en");
  r.screen(S4, "home");
  r.end_session(S4 + 250'000, stats::EndReason::Timeout);
}

struct Run {
  int code;
  std::string out, err;
};

Run cli(std::vector<std::string> args) {
  std::ostringstream o, e;
  int rc = stats::run_cli(args, o, e);
  return {rc, o.str(), e.str()};
}

}  // namespace

TEST_CASE("stats: median of odd and even counts") {
  CHECK(stats::median({}) == 0);
  CHECK(stats::median({7}) == 7);
  CHECK(stats::median({30, 100, 61}) == 61);
  CHECK(stats::median({250, 30, 100, 61}) == doctest::Approx(80.5));
  CHECK(stats::median({1, 2}) == doctest::Approx(1.5));
}

TEST_CASE("stats: dates") {
  int y, m, d;
  CHECK(stats::parse_date("2024-02-29", y, m, d));
  CHECK((y == 2024 && m == 2 && d == 29));
  CHECK_FALSE(stats::parse_date("2023-02-29", y, m, d));
  CHECK_FALSE(stats::parse_date("2024-13-01", y, m, d));
  CHECK_FALSE(stats::parse_date("2024-04-31", y, m, d));
  CHECK_FALSE(stats::parse_date("2024-4-01", y, m, d));
  CHECK_FALSE(stats::parse_date("01/05/2024", y, m, d));
  CHECK_FALSE(stats::parse_date("", y, m, d));
}

TEST_CASE("stats: export writes one CSV row per session in the date range") {
  UtcZone utc;
  Scratch s("stats-export");
  std::string db = s.path("stats.db");
  known_dataset(db);
  Run r = cli({"--db", db, "export", "--from", "2024-05-01", "--to", "2024-05-02"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "session,start,end,seconds,language,screens,rooms,pages,quotes,places,end_reason\n"
        "1,2024-05-01 10:00:00,2024-05-01 10:01:40,100,es,home;rooms;room;rooms;room,garden;kitchen,3,,,timeout\n"
        "2,2024-05-01 14:00:00,2024-05-01 14:01:01,61,en,home;quotes;map,,0,q1;q2,\"coyoacan;mexico, city\",timeout\n"
        "3,2024-05-02 09:30:00,2024-05-02 09:30:30,30,en,home;rooms;room,garden,1,,,shutdown\n");

  Run one = cli({"--db", db, "export", "--from", "2024-05-03", "--to", "2024-05-03"});
  CHECK(one.code == 0);
  CHECK(one.out ==
        "session,start,end,seconds,language,screens,rooms,pages,quotes,places,end_reason\n"
        "4,2024-05-03 11:00:00,2024-05-03 11:04:10,250,en,home,,0,,,timeout\n");
  Run none = cli({"--db", db, "export", "--from", "2025-01-01", "--to", "2025-01-31"});
  CHECK(none.code == 0);
  CHECK(none.out == "session,start,end,seconds,language,screens,rooms,pages,quotes,places,end_reason\n");
}

TEST_CASE("stats: summary") {
  UtcZone utc;
  Scratch s("stats-summary");
  std::string db = s.path("stats.db");
  known_dataset(db);
  Run r = cli({"--db", db, "summary"});
  CHECK(r.code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "sessions: 4 (2024-05-01 to 2024-05-03)\n"
        "sessions per day:\n"
        "  2024-05-01  2\n"
        "  2024-05-02  1\n"
        "  2024-05-03  1\n"
        "median session length: 81 s (1 min 21 s)\n"
        "most visited rooms (sessions that read them):\n"
        "  garden   2\n"
        "  kitchen  1\n"
        "most opened places (sessions that opened them):\n"
        "  coyoacan      1\n"
        "  mexico, city  1\n"
        "language share (each session's last language):\n"
        "  en  75.0%\n"
        "  es  25.0%\n");

  Run day = cli({"--db", db, "summary", "--from", "2024-05-02"});
  CHECK(day.code == 0);
  CHECK(day.out ==
        "sessions: 2 (2024-05-02 to 2024-05-03)\n"
        "sessions per day:\n"
        "  2024-05-02  1\n"
        "  2024-05-03  1\n"
        "median session length: 140 s (2 min 20 s)\n"
        "most visited rooms (sessions that read them):\n"
        "  garden  1\n"
        "most opened places (sessions that opened them):\n"
        "  (none)\n"
        "language share (each session's last language):\n"
        "  en  100.0%\n");

  Scratch e("stats-summary-empty");
  {
    stats::Recorder rec([](const std::string&) {});
    REQUIRE(rec.open(e.path("empty.db"), S1));
  }
  Run empty = cli({"--db", e.path("empty.db"), "summary"});
  CHECK(empty.code == 0);
  CHECK(empty.out ==
        "sessions: 0\n"
        "sessions per day:\n"
        "  (none)\n"
        "median session length: -\n"
        "most visited rooms (sessions that read them):\n"
        "  (none)\n"
        "most opened places (sessions that opened them):\n"
        "  (none)\n"
        "language share (each session's last language):\n"
        "  (none)\n");
}

TEST_CASE("stats: kiosk-stats mistakes get one clear line and exit 2") {
  Scratch s("stats-cli");
  std::string db = s.path("stats.db");
  {
    stats::Recorder rec([](const std::string&) {});
    REQUIRE(rec.open(db, S1));
  }
  write(s.path("junk.db"), "not a database, not at all, no; not even close to one.");

  auto one_line = [](const Run& r) {
    CHECK(r.code == 2);
    CHECK(r.out == "");
    CHECK(r.err.rfind("kiosk-stats: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
  };
  Run missing = cli({"--db", s.path("nope.db"), "summary"});
  one_line(missing);
  CHECK(missing.err == "kiosk-stats: " + s.path("nope.db") + ": no such file\n");
  Run bad = cli({"--db", db, "export", "--from", "2024-13-01", "--to", "2024-12-31"});
  one_line(bad);
  CHECK(bad.err == "kiosk-stats: bad --from date '2024-13-01' (expected YYYY-MM-DD)\n");
  Run bad_to = cli({"--db", db, "export", "--from", "2024-01-01", "--to", "yesterday"});
  one_line(bad_to);
  CHECK(bad_to.err == "kiosk-stats: bad --to date 'yesterday' (expected YYYY-MM-DD)\n");
  Run reversed = cli({"--db", db, "export", "--from", "2024-05-02", "--to", "2024-05-01"});
  one_line(reversed);
  CHECK(reversed.err == "kiosk-stats: --from 2024-05-02 is after --to 2024-05-01\n");
  one_line(cli({"--db", s.path("junk.db"), "summary"}));
  one_line(cli({"--db", db, "export", "--from"}));

  Run usage = cli({"--db", db});
  CHECK(usage.code == 2);
  CHECK(usage.err.rfind("usage: kiosk-stats", 0) == 0);
  CHECK(cli({"--db", db, "frobnicate"}).code == 2);
  CHECK(cli({"--help"}).code == 0);
}
