// stats_kill_test.cpp — durability: a child process records sessions of (seeded) random sizes and
// is killed with SIGKILL over and over, each time at a chosen write or fsync: the Nth I/O call it
// makes, counted by a VFS wrapper (io_probe.h), never by a timer — so every run kills at the same
// points, on a loaded machine as on an idle one. After every kill the file must open, pass PRAGMA
// integrity_check, and hold every finished session whole; only the session in flight (and those
// marked "interrupted" when a previous round's file was reopened) may be incomplete. Finished
// sessions are never lost.
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <random>

#include "io_probe.h"
#include "kiosk/stats/recorder.h"
#include "test_util.h"

using namespace testutil;

namespace {

// The child: sessions whose language field carries their planned number of rows ("n17"), each row
// distinct so that none is skipped as a repeat. Each call waits for the writer (flush), so the
// sequence of writes and fsyncs is the same in every run and the Nth one is always the same moment.
// Killed at I/O call `kill_at`; exits 5 if it writes 400 sessions first. Never returns.
[[noreturn]] void write_until_killed(const std::string& path, uint32_t seed, int64_t t, long kill_at) {
  IoProbe& probe = IoProbe::instance();
  probe.reset();
  probe.install();
  probe.kill_at = kill_at;
  stats::Recorder r([](const std::string&) {});
  if (!r.open(path, t)) _exit(3);
  std::mt19937 rng(seed);
  for (int sessions = 0; sessions < 400; ++sessions) {
    int n = 1 + (int)(rng() % 40);
    r.begin_session(t, "n" + std::to_string(n));
    for (int i = 0; i < n; ++i) {
      t += 1 + rng() % 5000;
      std::string id = std::to_string(i);
      switch (rng() % 4) {
        case 0: r.screen(t, "screen" + id, "ref" + id); break;
        case 1: r.room_page(t, "room", i); break;
        case 2: r.quote(t, "quote" + id); break;
        default: r.place(t, "place" + id); break;
      }
      r.flush();
    }
    r.end_session(t, stats::EndReason::Timeout);
    r.flush();
    if (!r.active()) _exit(4);
    ++t;
  }
  _exit(5);
}

struct Session {
  int64_t id;
  int planned, rows;
  bool ended;
  std::string reason;
};

// Kills a writer on `db` `rounds` times and checks the file after each kill. The kill points
// run from the first I/O calls (creating the file) to a few sessions in; round 0 always lets
// several sessions finish, so "finished sessions survive" is tested in every run.
void kill_rounds(const std::string& db, int rounds, std::mt19937& rng) {
  std::map<int64_t, int> finished;  // every session seen whole: it must stay so
  int in_flight_seen = 0;
  for (int round = 0; round < rounds; ++round) {
    CAPTURE(db);
    CAPTURE(round);
    long kill_at = round == 0 ? 600 : 1 + (long)(rng() % 400);
    CAPTURE(kill_at);
    uint32_t child_seed = rng();
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) write_until_killed(db, child_seed, 1714557600000 + (int64_t)round * 1'000'000'000, kill_at);
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    REQUIRE_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL), "the writer stopped by itself: ", status);

    if (!fs::exists(db)) continue;  // killed before it created the file
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    auto rows = [&](const char* q) {
      std::vector<std::vector<std::string>> out;
      sqlite3_stmt* st = nullptr;
      REQUIRE_MESSAGE(sqlite3_prepare_v2(h, q, -1, &st, nullptr) == SQLITE_OK, sqlite3_errmsg(h));
      while (sqlite3_step(st) == SQLITE_ROW) {
        out.emplace_back();
        for (int i = 0; i < sqlite3_column_count(st); ++i) {
          auto p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
          out.back().push_back(p ? p : "");
        }
      }
      sqlite3_finalize(st);
      return out;
    };
    CHECK(rows("PRAGMA integrity_check") == std::vector<std::vector<std::string>>{{"ok"}});
    bool has_schema = rows("SELECT 1 FROM sqlite_schema WHERE name = 'sessions'").size() == 1;
    if (has_schema) {
      auto all = rows(
          "SELECT id, lang, ended_at IS NOT NULL, coalesce(end_reason, ''),"
          " (SELECT count(*) FROM visits WHERE session = id) + (SELECT count(*) FROM events WHERE session = id)"
          " FROM sessions ORDER BY id");
      std::vector<Session> sessions;
      for (auto& r : all)
        sessions.push_back({std::stoll(r[0]), std::stoi(r[1].substr(1)), std::stoi(r[4]), r[2] == "1", r[3]});
      for (size_t i = 0; i < sessions.size(); ++i) {
        const Session& x = sessions[i];
        CAPTURE(x.id);
        bool last = i + 1 == sessions.size();
        if (!x.ended) {
          CHECK(last);  // only the session in flight is unfinished
          CHECK(x.rows <= x.planned);
          ++in_flight_seen;
        } else if (x.reason == "interrupted") {
          CHECK(x.rows <= x.planned);  // an earlier round's session in flight
        } else {
          CHECK(x.reason == "timeout");
          CHECK(x.rows == x.planned);  // finished means whole
          finished[x.id] = x.rows;
        }
      }
      std::map<int64_t, int> now;
      for (auto& x : sessions)
        if (x.ended && x.reason == "timeout") now[x.id] = x.rows;
      for (auto& [id, n] : finished) {
        CAPTURE(id);
        CHECK(now.count(id) == 1);  // nothing finished is ever lost
      }
    }
    sqlite3_close(h);

    // The recorder opens it too, without moving anything aside.
    stats::Recorder r([](const std::string& m) { FAIL_CHECK("recorder: " << m); });
    CHECK(r.open(db, 1714557600000));
    CHECK(r.moved_aside().empty());
  }
  MESSAGE(db << ": finished sessions: " << finished.size() << ", sessions caught in flight: " << in_flight_seen);
  CHECK(finished.size() > 0);
  for (auto& e : fs::directory_iterator(fs::path(db).parent_path()))
    CHECK(e.path().filename().string().find("corrupt") == std::string::npos);
}

}  // namespace

TEST_CASE("stats: killed with SIGKILL at chosen writes and fsyncs, the file always opens and keeps every finished session") {
  // A fixed seed: the same kill points every run. STATS_KILL_SEED=N tries others.
  const char* other = std::getenv("STATS_KILL_SEED");
  uint32_t seed = other ? (uint32_t)std::strtoul(other, nullptr, 10) : 20240501u;
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  // The same kill points on the disk (real fsyncs) and on tmpfs (none): both file systems matter.
  Scratch disk("stats-kill");
  kill_rounds(disk.path("stats.db"), 20, rng);
  if (fs::is_directory("/dev/shm")) {
    fs::path shm = fs::path("/dev/shm") / ("kiosk-test-stats-kill-" + std::to_string(::getpid()));
    fs::remove_all(shm);
    fs::create_directories(shm);
    kill_rounds((shm / "stats.db").string(), 20, rng);
    fs::remove_all(shm);
  }
}
