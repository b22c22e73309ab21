// stats_recorder_test.cpp — the visitor statistics recorder: a session written and read back,
// repeats ignored, an unfinished session closed as "interrupted", a corrupt file moved aside, a
// foreign file left alone, and no exception ever for a file that cannot be opened or written.
#include <doctest/doctest.h>

#include "scoped_zone.h"
#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <ctime>

#include "io_probe.h"
#include "kiosk/stats/recorder.h"
#include "test_util.h"

using namespace testutil;

namespace {

constexpr int64_t T0 = 1714557600000;  // 2024-05-01 10:00:00 UTC

// The moved-aside name is stamped in local time: pin it.
struct UtcZone : testutil::ScopedZone {
  UtcZone() : ScopedZone("UTC") {}
};

// Runs one query and returns its rows as "a|b|c" lines.
std::string query(const std::string& path, const std::string& q) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(db, q.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(st); ++i) {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
        out += (i ? "|" : "") + std::string(p ? p : "NULL");
      }
      out += "\n";
    }
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

struct Logs {
  std::vector<std::string> lines;
  stats::Logger logger() {
    return [this](const std::string& m) { lines.push_back(m); };
  }
};

}  // namespace

TEST_CASE("stats: a session is recorded and read back") {
  Scratch s("stats-roundtrip");
  std::string db = s.path("stats.db");
  Logs logs;
  {
    stats::Recorder r(logs.logger());
    REQUIRE(r.open(db, T0));
    CHECK(r.active());
    CHECK_FALSE(r.in_session());
    r.screen(T0, "home");  // outside a session: nothing
    r.begin_session(T0, "es");
    CHECK(r.in_session());
    r.screen(T0, "home");
    r.screen(T0 + 100, "home");  // repeats (every frame) are ignored
    r.screen(T0 + 5'000, "rooms");
    r.screen(T0 + 8'000, "room", "garden");
    r.room_page(T0 + 8'000, "garden", 0);
    r.room_page(T0 + 8'016, "garden", 0);  // repeat
    r.room_page(T0 + 20'000, "garden", 1);
    r.language(T0 + 21'000, "es");  // no change: nothing
    r.language(T0 + 22'000, "en");
    r.screen(T0 + 30'000, "quotes", "");
    r.quote(T0 + 30'000, "q1");
    r.quote(T0 + 31'000, "q1");  // repeat
    r.quote(T0 + 35'000, "q2");
    r.place(T0 + 36'000, "coyoacan");
    r.end_session(T0 + 40'000, stats::EndReason::Timeout);
    CHECK_FALSE(r.in_session());
    r.quote(T0 + 50'000, "q3");  // after the end: nothing
  }
  CHECK(logs.lines.empty());
  CHECK(query(db, "PRAGMA application_id") == std::to_string(stats::kApplicationId) + "\n");
  CHECK(query(db, "PRAGMA user_version") == "1\n");
  CHECK(query(db, "PRAGMA journal_mode") == "wal\n");
  CHECK(query(db, "SELECT id, started_at, ended_at, lang, end_reason FROM sessions") ==
        "1|1714557600000|1714557640000|es|timeout\n");
  CHECK(query(db, "SELECT seq, screen, ref, entered_at - 1714557600000, dwell_ms FROM visits ORDER BY seq") ==
        "1|home||0|5000\n"
        "2|rooms||5000|3000\n"
        "3|room|garden|8000|22000\n"
        "7|quotes||30000|10000\n");
  CHECK(query(db, "SELECT seq, kind, ref, page, at - 1714557600000 FROM events ORDER BY seq") ==
        "4|page|garden|0|8000\n"
        "5|page|garden|1|20000\n"
        "6|lang|en|NULL|22000\n"
        "8|quote|q1|NULL|30000\n"
        "9|quote|q2|NULL|35000\n"
        "10|place|coyoacan|NULL|36000\n");
}

TEST_CASE("stats: a session left open is closed as interrupted at its last event") {
  Scratch s("stats-interrupted");
  std::string db = s.path("stats.db");
  {
    stats::Recorder r([](const std::string&) {});
    REQUIRE(r.open(db, T0));
    r.begin_session(T0, "es");
    r.screen(T0, "home");
    r.screen(T0 + 4'000, "rooms");
    r.room_page(T0 + 9'000, "garden", 0);
    // the process dies here: no end_session
  }
  CHECK(query(db, "SELECT ended_at, end_reason FROM sessions") == "NULL|NULL\n");
  stats::Recorder r([](const std::string&) {});
  REQUIRE(r.open(db, T0 + 100'000));  // the "interrupted" update happens in open(), before it returns
  CHECK(query(db, "SELECT ended_at - started_at, end_reason FROM sessions") == "9000|interrupted\n");
  r.begin_session(T0 + 200'000, "en");  // and life goes on
  r.end_session(T0 + 210'000, stats::EndReason::Shutdown);
  r.flush();
  CHECK(query(db, "SELECT id, end_reason FROM sessions ORDER BY id") == "1|interrupted\n2|shutdown\n");
}

TEST_CASE("stats: a corrupt file is moved aside and a new one started") {
  UtcZone utc;
  Scratch s("stats-corrupt");
  std::string db = s.path("stats.db");

  SUBCASE("not a database at all") {
    write(db, std::string(8192, 'x'));
  }
  SUBCASE("a statistics file with a damaged page") {
    {
      stats::Recorder r([](const std::string&) {});
      REQUIRE(r.open(db, T0));
      for (int i = 0; i < 300; ++i) {
        r.begin_session(T0 + i * 1000, "es");
        r.screen(T0 + i * 1000, "home");
        r.quote(T0 + i * 1000 + 1, "quotation-" + std::to_string(i));
        r.end_session(T0 + i * 1000 + 2, stats::EndReason::Timeout);
      }
    }
    REQUIRE(fs::file_size(db) > 5 * 4096);
    std::string bytes = read(db);
    for (size_t i = 3 * 4096 + 8; i < 3 * 4096 + 200; ++i) bytes[i] = char(0xA5);
    write(db, bytes);
  }

  std::string before = read(db);
  Logs logs;
  stats::Recorder r(logs.logger());
  REQUIRE(r.open(db, T0));
  CHECK(r.active());
  CHECK(r.moved_aside() == db + ".corrupt-20240501-100000");
  CHECK(read(r.moved_aside()) == before);  // the damaged file is kept as it was
  REQUIRE(logs.lines.size() == 1);
  CHECK(logs.lines[0].find("moved aside") != std::string::npos);
  r.begin_session(T0, "en");
  r.end_session(T0 + 1000, stats::EndReason::Timeout);
  r.flush();
  CHECK(query(db, "SELECT id, lang FROM sessions") == "1|en\n");

  // A second damaged file the same second gets its own name.
  r.close();
  write(db, std::string(100, 'y'));
  stats::Recorder r2([](const std::string&) {});
  REQUIRE(r2.open(db, T0));
  CHECK(r2.moved_aside() == db + ".corrupt-20240501-100000-2");
}

TEST_CASE("stats: someone else's SQLite file is left alone") {
  Scratch s("stats-foreign");
  std::string db = s.path("other.db");
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_exec(h, "CREATE TABLE t(x); INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr);
  sqlite3_close(h);
  std::string before = read(db);
  Logs logs;
  stats::Recorder r(logs.logger());
  CHECK_FALSE(r.open(db, T0));
  CHECK_FALSE(r.active());
  CHECK(r.moved_aside().empty());
  CHECK(read(db) == before);
  REQUIRE(logs.lines.size() == 1);
  CHECK(logs.lines[0].find("not a kiosk statistics file") != std::string::npos);
  CHECK_NOTHROW(r.begin_session(T0, "es"));
  CHECK_FALSE(r.in_session());
}

TEST_CASE("stats: a file that cannot be opened or written never throws and logs once") {
  Scratch s("stats-unwritable");
  Logs logs;

  SUBCASE("the folder is a file") {
    write(s.path("plain"), "x");
    stats::Recorder r(logs.logger());
    CHECK_FALSE(r.open(s.path("plain/stats.db"), T0));
    CHECK_NOTHROW(r.begin_session(T0, "es"));
    CHECK_NOTHROW(r.screen(T0, "home"));
    CHECK_NOTHROW(r.room_page(T0, "garden", 0));
    CHECK_NOTHROW(r.quote(T0, "q"));
    CHECK_NOTHROW(r.place(T0, "p"));
    CHECK_NOTHROW(r.language(T0, "en"));
    CHECK_NOTHROW(r.end_session(T0, stats::EndReason::Timeout));
    CHECK(logs.lines.size() == 1);
  }
  SUBCASE("the disk fills up during a visit") {
    stats::Recorder r(logs.logger());
    REQUIRE(r.open(s.path("stats.db"), T0));
    r.limit_pages_for_test(1);  // no more than the file has now
    for (int i = 0; i < 500 && r.active(); ++i) {
      CHECK_NOTHROW(r.begin_session(T0 + i, "es"));
      CHECK_NOTHROW(r.screen(T0 + i, "room", std::string(200, 'r') + std::to_string(i)));
      CHECK_NOTHROW(r.quote(T0 + i, std::string(300, 'q') + std::to_string(i)));
      CHECK_NOTHROW(r.end_session(T0 + i + 1, stats::EndReason::Timeout));
      r.flush();  // the writer meets the full disk; from then on the recorder is off
    }
    CHECK_FALSE(r.active());
    CHECK_NOTHROW(r.begin_session(T0, "es"));  // off for good: calls do nothing
    REQUIRE(logs.lines.size() == 1);
    CHECK(logs.lines[0].find("without statistics") != std::string::npos);
  }
}

TEST_CASE("stats: a slow card never delays a frame: writes happen off the caller's thread, and close loses nothing") {
  Scratch s("stats-slow-card");
  std::string db = s.path("stats.db");
  ScopedIoProbe probe;
  stats::Recorder r([](const std::string& m) { FAIL_CHECK("recorder: " << m); });
  REQUIRE(r.open(db, T0));  // opening happens once, at start, before any frame
  probe.p.reset();
  probe.p.slow_ms = 15;     // every write and fsync now takes 15 ms, like a tired SD card
  const auto caller = std::this_thread::get_id();
  const int sessions = 12;
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < sessions; ++i) {  // what the frames of twelve visits ask of the recorder
    int64_t t = T0 + i * 60'000;
    r.begin_session(t, "es");
    r.screen(t, "home");
    r.screen(t + 1000, "room", "garden");
    r.room_page(t + 1000, "garden", 0);
    r.room_page(t + 2000, "garden", 1);
    r.quote(t + 3000, "q" + std::to_string(i));
    r.place(t + 4000, "coyoacan");
    r.language(t + 5000, "en");
    r.end_session(t + 6000, stats::EndReason::Timeout);
  }
  MESSAGE("the calls of 12 visits took " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count()
                                         << " ms on the caller's thread");
  CHECK(probe.p.threads().count(caller) == 0);  // not one write or fsync on the frame's thread
  r.close();                                    // shutdown with a backlog: everything is written first
  CHECK(probe.p.threads().count(caller) == 0);
  CHECK(probe.p.writes > 0);
  CHECK(query(db, "SELECT count(*), count(ended_at) FROM sessions") == "12|12\n");
  CHECK(query(db, "SELECT count(*) FROM visits") == "24\n");
  CHECK(query(db, "SELECT count(*) FROM events") == "60\n");
}
