// recorder.cpp — writing the visitor statistics.
//
// Durability (the issue: "durable through power cuts … only the last in-flight session may be
// lost"), and why the frame loop never waits on the disk:
//
//  * journal_mode=WAL. A commit appends frames to FILE-wal; the database file itself is written
//    only by checkpoints. A write torn by a crash or a power cut leaves a WAL tail whose checksums
//    fail, and SQLite ignores it at the next open: the file always opens, at its last good commit.
//  * synchronous=NORMAL. In WAL mode NORMAL never corrupts the database on power loss; what it
//    gives up is durability of the newest commits: the WAL is fsync'd only when a checkpoint runs,
//    so a power cut may roll back what was committed since the last checkpoint. (A killed process
//    loses nothing committed: the WAL is already in the kernel's page cache.) FULL would fsync on
//    every event — 5–50 ms each on a Raspberry Pi's SD card, inside the frame loop; OFF could
//    corrupt the file when the power goes during a checkpoint. Neither is acceptable.
//  * We checkpoint ourselves, on the writer thread, at the end of every session (automatic
//    checkpoints are off: our WAL hook replaces SQLite's). A session ends when the kiosk has just gone back to attract and
//    nobody is touching it, so the checkpoint's two fsyncs (WAL, then database) stall nobody. After
//    it, everything up to that session's end is on the card; a power cut can lose only the session
//    in progress — exactly the issue's "only the last in-flight session may be lost". A safety
//    valve checkpoints mid-session when the WAL passes kSafetyPages (hours of continuous use).
//  * The frame never touches the disk. The caller's calls only compare with what they remember
//    (repeats are dropped there) and queue a row; a writer thread of the recorder's own takes what
//    is queued, writes it in one transaction (a session's last screen and its end always travel
//    together), and checkpoints after a session's end. A card that takes 50 ms per fsync slows the
//    writer, never a frame. close() writes everything queued before it returns, so a shutdown
//    loses nothing; a crash loses at most the rows queued in its last moments (normally the writer is
//    microseconds behind), never a session already written whole.
//    busy_timeout is short: nothing else writes this file, and readers (kiosk-stats on the live
//    file) never block a WAL writer.
//
// Times are wall-clock unix milliseconds (UTC); reports convert them to local time.
#include "kiosk/stats/recorder.h"

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "content/bundle/sqlite_util.h"

namespace stats {

namespace sql = bundle::sql;
namespace fs = std::filesystem;

namespace {

constexpr int kSafetyPages = 4000;  // ~16 MB of WAL at 4 KiB pages

const char* kSchema = R"sql(
CREATE TABLE sessions(
  id         INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,          -- unix ms
  ended_at   INTEGER,                   -- unix ms; NULL while the session is in progress
  lang       TEXT NOT NULL,             -- language at the start (changes are events)
  end_reason TEXT                       -- timeout | shutdown | other | interrupted
);
CREATE INDEX sessions_started ON sessions(started_at);
-- One row per screen visited, written when the visitor leaves it.
CREATE TABLE visits(
  session    INTEGER NOT NULL REFERENCES sessions(id),
  seq        INTEGER NOT NULL,          -- order within the session, shared with events
  screen     TEXT NOT NULL,             -- home, rooms, room, quotes, questions, answer, map, …
  ref        TEXT NOT NULL DEFAULT '',  -- room / quotation / question id where the screen has one
  entered_at INTEGER NOT NULL,          -- unix ms
  dwell_ms   INTEGER NOT NULL,
  PRIMARY KEY(session, seq)
) WITHOUT ROWID;
-- Things opened during a session.
CREATE TABLE events(
  session INTEGER NOT NULL REFERENCES sessions(id),
  seq     INTEGER NOT NULL,
  kind    TEXT NOT NULL,                -- page (ref = room, page = 0-based page) | quote | place | lang
  ref     TEXT NOT NULL,
  page    INTEGER,
  at      INTEGER NOT NULL,             -- unix ms
  PRIMARY KEY(session, seq)
) WITHOUT ROWID;
)sql";

bool is_corruption(int code) {
  code &= 0xff;
  return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

std::string stamp(int64_t ms) {
  std::time_t t = (std::time_t)(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  return buf;
}

}  // namespace

const char* name(EndReason r) {
  switch (r) {
    case EndReason::Timeout: return "timeout";
    case EndReason::Shutdown: return "shutdown";
    case EndReason::Other: break;
  }
  return "other";
}

int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// The writer thread: owns the connection after open(), takes whatever rows are queued, writes
// them in one transaction, and checkpoints after a session's end. A slow card slows only it.
struct Recorder::Writer {
  struct Statements {
    sql::Stmt session, visit, event, end;
    explicit Statements(sqlite3* db)
        : session(db, "INSERT INTO sessions(id, started_at, lang) VALUES(?, ?, ?)"),
          visit(db, "INSERT INTO visits(session, seq, screen, ref, entered_at, dwell_ms) VALUES(?, ?, ?, ?, ?, ?)"),
          event(db, "INSERT INTO events(session, seq, kind, ref, page, at) VALUES(?, ?, ?, ?, ?, ?)"),
          end(db, "UPDATE sessions SET ended_at = max(started_at, ?), end_reason = ? WHERE id = ?") {}
  };

  sqlite3* db;
  Logger log;
  std::string path;
  std::unique_ptr<Statements> st;
  std::mutex m;
  std::condition_variable wake, idle;
  std::vector<Row> queue;  // guarded by m
  size_t dropped = 0;      // rows refused because the queue was full (guarded by m)
  bool busy = false, stop = false, dropped_logged = false;
  std::atomic<bool> ok{true};
  int wal_pages = 0;       // frames in the WAL since the last checkpoint (from the WAL hook)
  std::thread thread;

  Writer(sqlite3* d, Logger l, std::string p) : db(d), log(std::move(l)), path(std::move(p)) {
    st = std::make_unique<Statements>(db);
    sqlite3_wal_hook(db, wal_hook, this);  // replaces automatic checkpoints: see the top of this file
    thread = std::thread([this] { run(); });
  }
  ~Writer() {
    {
      std::lock_guard<std::mutex> g(m);
      stop = true;
    }
    wake.notify_one();
    thread.join();  // run() writes everything queued before it returns
    st.reset();
    sqlite3_close(db);  // the last connection checkpoints and removes the WAL
  }

  static int wal_hook(void* self, sqlite3*, const char*, int pages) {
    static_cast<Writer*>(self)->wal_pages = pages;
    return SQLITE_OK;
  }

  void run() {
    std::unique_lock<std::mutex> g(m);
    for (;;) {
      wake.wait(g, [&] { return stop || !queue.empty(); });
      if (queue.empty()) break;  // stopping, and nothing left
      std::vector<Row> batch;
      batch.swap(queue);
      busy = true;
      size_t lost = dropped;
      g.unlock();
      if (ok) write(batch);
      if (lost && !dropped_logged && ok) {
        dropped_logged = true;
        say(path + ": the card is too slow; " + std::to_string(lost) + " rows dropped so far");
      }
      g.lock();
      busy = false;
      if (queue.empty()) idle.notify_all();
    }
    idle.notify_all();
  }

  void say(const std::string& line) noexcept {
    try {
      log(line);
    } catch (...) {
    }
  }

  void checkpoint() {
    // PASSIVE: never waits for a reader; what it cannot copy now is copied next time.
    if (sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK) wal_pages = 0;
  }

  void put(const Row& r) {
    switch (r.kind) {
      case Row::Session: st->session.bind(1, r.session).bind(2, r.at).bind(3, r.a).run(); break;
      case Row::Visit:
        st->visit.bind(1, r.session).bind(2, r.seq).bind(3, r.a).bind(4, r.b).bind(5, r.at).bind(6, r.number).run();
        break;
      case Row::Event:
        st->event.bind(1, r.session).bind(2, r.seq).bind(3, r.a).bind(4, r.b);
        if (r.number >= 0)
          st->event.bind(5, r.number);
        else
          st->event.bind_null(5);
        st->event.bind(6, r.at).run();
        break;
      case Row::End: st->end.bind(1, r.at).bind(2, r.a).bind(3, r.session).run(); break;
      case Row::LimitPages:
        sqlite3_exec(db, ("PRAGMA max_page_count=" + std::to_string(r.number)).c_str(), nullptr, nullptr, nullptr);
        break;
    }
  }

  // One transaction per batch: a session's last screen and its end always travel together, so a
  // finished session is whole; fewer commits also mean fewer WAL appends on the card.
  void write(const std::vector<Row>& batch) noexcept {
    bool ended = false;
    try {
      sql::exec(db, "BEGIN IMMEDIATE");
      try {
        for (const Row& r : batch) {
          put(r);
          ended = ended || r.kind == Row::End;
        }
        sql::exec(db, "COMMIT");
      } catch (...) {
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
      }
      // A session ended: nobody is at the kiosk now; make everything so far survive a power cut.
      if (ended || wal_pages > kSafetyPages) checkpoint();
    } catch (const sql::Error& e) {
      if ((e.code & 0xff) == SQLITE_BUSY || (e.code & 0xff) == SQLITE_LOCKED) return;  // drop this batch, keep going
      give_up(e.what());
    } catch (const std::exception& e) {
      give_up(e.what());
    } catch (...) {
      give_up("unknown error");
    }
  }

  void give_up(const std::string& why) noexcept {
    ok = false;
    say(path + ": " + why + "; carrying on without statistics");
    std::lock_guard<std::mutex> g(m);
    queue.clear();
  }
};

Recorder::Recorder(Logger log) : log_(std::move(log)) {
  if (!log_) log_ = [](const std::string& m) { std::cerr << "stats: " << m << "\n"; };
}

Recorder::~Recorder() { close(); }

bool Recorder::active() const { return writer_ && writer_->ok; }

void Recorder::close() noexcept {
  if (writer_)
    writer_.reset();  // writes what is queued, then closes the file
  else if (db_)
    sqlite3_close(db_);
  db_ = nullptr;
  session_ = 0;
  has_screen_ = false;
}

void Recorder::flush() noexcept {
  if (!writer_) return;
  std::unique_lock<std::mutex> g(writer_->m);
  writer_->idle.wait(g, [&] { return writer_->queue.empty() && !writer_->busy; });
}

void Recorder::fail(const std::string& what) noexcept {
  if (!logged_) {
    logged_ = true;
    try {
      log_(what + "; carrying on without statistics");
    } catch (...) {
    }
  }
  close();
}

void Recorder::queue(std::vector<Row> rows) noexcept {
  Writer& w = *writer_;
  {
    std::lock_guard<std::mutex> g(w.m);
    if (w.queue.size() + rows.size() > kMaxQueued) {
      w.dropped += rows.size();
      return;
    }
    try {
      for (Row& r : rows) w.queue.push_back(std::move(r));
    } catch (...) {
      return;  // out of memory: lose these rows, never the kiosk
    }
  }
  w.wake.notify_one();
}

bool Recorder::open(const std::string& path, int64_t now_ms) noexcept {
  close();
  path_ = path;
  moved_aside_.clear();
  try {
    return open_file(path, now_ms, true);
  } catch (const std::exception& e) {
    fail(path + ": " + e.what());
  } catch (...) {
    fail(path + ": cannot open");
  }
  return false;
}

bool Recorder::open_file(const std::string& path, int64_t now_ms, bool may_move_aside) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    fail(path + ": cannot open: " + m);
    return false;
  }
  db_ = db;
  sqlite3_busy_timeout(db_, 20);
  bool corrupt = false;
  std::string why;
  try {
    int64_t app = sql::pragma_int(db_, "application_id");
    int64_t version = sql::pragma_int(db_, "user_version");
    int64_t objects;
    {
      sql::Stmt s(db_, "SELECT count(*) FROM sqlite_schema");
      s.step();
      objects = s.integer(0);
    }
    if (app == 0 && objects == 0) {
      // A new (or empty) file: WAL must be set outside a transaction; the schema and the file's
      // identity go in one transaction, so a crash here leaves an empty file, never half a schema.
      sql::exec(db_, "PRAGMA journal_mode=WAL");
      sql::exec(db_, "BEGIN IMMEDIATE");
      sql::exec(db_, kSchema);
      sql::exec(db_, ("PRAGMA application_id=" + std::to_string(kApplicationId)).c_str());
      sql::exec(db_, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
      sql::exec(db_, "COMMIT");
    } else if (app != kApplicationId) {
      // Someone else's SQLite file (the bundle?): not ours to move or change.
      fail(path + ": not a kiosk statistics file");
      return false;
    } else if (version > kSchemaVersion) {
      fail(path + ": written by a newer kiosk (schema " + std::to_string(version) + ")");
      return false;
    } else {
      sql::Stmt check(db_, "PRAGMA quick_check");
      std::string first = check.step() ? check.text(0) : "";
      if (first != "ok") {
        corrupt = true;
        why = first;
      }
    }
    if (!corrupt) {
      sql::Stmt mode(db_, "PRAGMA journal_mode=WAL");
      if (!mode.step() || mode.text(0) != "wal") throw sql::Error(SQLITE_CANTOPEN, "cannot use WAL mode");
    }
  } catch (const sql::Error& e) {
    if (!is_corruption(e.code)) {
      fail(path + ": " + e.what());
      return false;
    }
    corrupt = true;
    why = e.what();
  }

  if (corrupt) {
    sqlite3_close(db_);
    db_ = nullptr;
    if (!may_move_aside) {
      fail(path + ": still damaged after moving aside: " + why);
      return false;
    }
    // Keep the damaged file (the last good state, for whoever wants to recover it) beside a new one.
    std::string aside = path + ".corrupt-" + stamp(now_ms);
    for (int n = 2; fs::exists(aside); ++n) aside = path + ".corrupt-" + stamp(now_ms) + "-" + std::to_string(n);
    std::error_code ec;
    fs::rename(path, aside, ec);
    if (ec) {
      fail(path + ": damaged (" + why + ") and cannot be moved aside: " + ec.message());
      return false;
    }
    fs::rename(path + "-wal", aside + "-wal", ec);
    fs::remove(path + "-shm", ec);
    moved_aside_ = aside;
    try {
      log_(path + ": damaged (" + why + "); moved aside to " + aside + ", starting a new file");
    } catch (...) {
    }
    return open_file(path, now_ms, false);
  }

  try {
    sql::exec(db_, "PRAGMA synchronous=NORMAL");
    sql::exec(db_, "PRAGMA journal_size_limit=4194304");
    // A session left open by a crash or a power cut ends at its last recorded moment.
    sql::exec(db_, R"sql(
      UPDATE sessions SET end_reason = 'interrupted', ended_at = max(started_at,
          coalesce((SELECT max(at) FROM events WHERE session = sessions.id), 0),
          coalesce((SELECT max(entered_at + dwell_ms) FROM visits WHERE session = sessions.id), 0))
      WHERE ended_at IS NULL)sql");
    {
      sql::Stmt last(db_, "SELECT coalesce(max(id), 0) FROM sessions");
      last.step();
      next_session_ = last.integer(0) + 1;
    }
    sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    writer_ = std::make_unique<Writer>(db_, log_, path);  // from here on the connection is the writer's
  } catch (const sql::Error& e) {
    fail(path + ": " + e.what());
    return false;
  } catch (const std::exception& e) {  // no thread for the writer
    fail(path + ": " + e.what());
    return false;
  }
  return true;
}

void Recorder::begin_session(int64_t now_ms, const std::string& lang) noexcept {
  if (!active()) return;
  if (session_) end_session(now_ms, EndReason::Other);
  try {
    Row r{Row::Session};
    r.session = next_session_++;
    r.at = now_ms;
    r.a = lang;
    session_ = r.session;
    seq_ = 0;
    has_screen_ = false;
    cur_lang_ = lang;
    last_page_room_.clear();
    last_quote_.clear();
    last_place_.clear();
    last_page_ = -1;
    queue({std::move(r)});
  } catch (...) {
  }
}

Recorder::Row Recorder::visit_row(int64_t left_ms) const {
  Row r{Row::Visit};
  r.session = session_;
  r.seq = cur_seq_;
  r.a = cur_screen_;
  r.b = cur_ref_;
  r.at = cur_since_;
  r.number = std::max<int64_t>(0, left_ms - cur_since_);
  return r;
}

void Recorder::screen(int64_t now_ms, const std::string& screen, const std::string& ref) noexcept {
  if (!session_ || !active()) return;
  if (has_screen_ && screen == cur_screen_ && ref == cur_ref_) return;
  try {
    if (has_screen_) queue({visit_row(now_ms)});
    cur_screen_ = screen;
    cur_ref_ = ref;
    cur_seq_ = ++seq_;
    cur_since_ = now_ms;
    has_screen_ = true;
    // A new screen: opening the same page, quotation or place again counts again.
    last_page_room_.clear();
    last_quote_.clear();
    last_place_.clear();
    last_page_ = -1;
  } catch (...) {
  }
}

void Recorder::event(int64_t now_ms, const char* kind, const std::string& ref, int64_t page) noexcept {
  try {
    Row r{Row::Event};
    r.session = session_;
    r.seq = ++seq_;
    r.a = kind;
    r.b = ref;
    r.number = page;
    r.at = now_ms;
    queue({std::move(r)});
  } catch (...) {
  }
}

void Recorder::room_page(int64_t now_ms, const std::string& room, int page) noexcept {
  if (!session_ || !active() || (room == last_page_room_ && page == last_page_)) return;
  event(now_ms, "page", room, std::max(0, page));
  last_page_room_ = room;
  last_page_ = page;
}

void Recorder::quote(int64_t now_ms, const std::string& id) noexcept {
  if (!session_ || !active() || id == last_quote_) return;
  event(now_ms, "quote", id, -1);
  last_quote_ = id;
}

void Recorder::place(int64_t now_ms, const std::string& id) noexcept {
  if (!session_ || !active() || id == last_place_) return;
  event(now_ms, "place", id, -1);
  last_place_ = id;
}

void Recorder::language(int64_t now_ms, const std::string& lang) noexcept {
  if (!session_ || !active() || lang == cur_lang_) return;
  event(now_ms, "lang", lang, -1);
  cur_lang_ = lang;
}

void Recorder::end_session(int64_t at_ms, EndReason why) noexcept {
  if (!session_ || !active()) return;
  try {
    // The last screen and the session's end in one batch, hence one transaction: a finished
    // session is whole. The writer checkpoints after it.
    std::vector<Row> rows;
    if (has_screen_) rows.push_back(visit_row(std::max(at_ms, cur_since_)));
    Row end{Row::End};
    end.session = session_;
    end.at = at_ms;
    end.a = name(why);
    rows.push_back(std::move(end));
    queue(std::move(rows));
  } catch (...) {
  }
  session_ = 0;
  has_screen_ = false;
}

void Recorder::limit_pages_for_test(int pages) noexcept {
  if (!active()) return;
  Row r{Row::LimitPages};
  r.number = pages;
  queue({std::move(r)});
}

}  // namespace stats
