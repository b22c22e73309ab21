// recorder.h — visitor statistics: the kiosk's only writes, to a local SQLite file of its own.
// Standard C++ and SQLite only; every time is passed in (wall-clock unix milliseconds), never read.
//
// What is recorded, per session (one visitor, from the first touch after attract to the timeout):
// when it started and ended, its language(s), the screens visited with their dwell times, the
// room pages seen, the quotations and places opened. No personal data: no names, no touches'
// positions, nothing that could tell one visitor from another.
//
// The recorder never throws and never stops the kiosk: a file that cannot be opened or written
// (disk full, read-only, missing folder) is logged once and every later call is a no-op; a
// corrupt file is renamed aside (`FILE.corrupt-YYYYMMDD-HHMMSS`) and a fresh one started.
//
// Does:     remember what the visitor sees (repeats dropped in memory, on the caller's thread) and
//           queue each row for a writer thread of its own, which writes whole batches and
//           checkpoints; close() writes everything queued before it returns.
// Does not: touch the disk on the caller's thread after open() — a slow SD card never delays a
//           frame; read or report (report.h does); know about screens beyond their names.
// Durability: see recorder.cpp and README.md.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace stats {

// Why a session ended. Stored as text: "timeout", "shutdown", "other"; the recorder itself writes
// "interrupted" for a session it finds unfinished when it opens the file (crash, power cut).
enum class EndReason { Timeout, Shutdown, Other };
const char* name(EndReason r);

// Receives one line when statistics stop (at most once per Recorder) and one when a damaged file
// is moved aside; default: stderr with "stats: " (the journal, under systemd).
using Logger = std::function<void(const std::string&)>;

// The wall clock, in unix milliseconds: what the app passes to the recorder.
int64_t wall_ms();

// The file's identity: PRAGMA application_id ('KSTA') and the schema version (user_version).
constexpr int32_t kApplicationId = 0x4B535441;
constexpr int32_t kSchemaVersion = 1;

class Recorder {
 public:
  explicit Recorder(Logger log = {});
  ~Recorder();  // closes the file; a session still open is marked "interrupted" at the next open
  Recorder(const Recorder&) = delete;
  Recorder& operator=(const Recorder&) = delete;

  // Opens or creates the file. False (logged) when statistics are off for this run. A session left
  // unfinished by a crash is closed as "interrupted" at the time of its last recorded event.
  bool open(const std::string& path, int64_t now_ms) noexcept;
  // Writes everything still queued, then closes the file (the kiosk's shutdown).
  void close() noexcept;
  // Waits until everything queued so far is written (tests; never called from a frame).
  void flush() noexcept;
  bool active() const;                               // open and writable so far
  bool in_session() const { return session_ != 0; }
  int64_t session_id() const { return session_; }  // 0 outside a session
  const std::string& moved_aside() const { return moved_aside_; }  // where a corrupt file went, if it did

  // --- the session. Every call outside a session (or with statistics off) does nothing. ---
  // Starts a session (ends one still open with "other" first).
  void begin_session(int64_t now_ms, const std::string& lang) noexcept;
  // The visitor is now on `screen` (flow::name(), e.g. "room"), with `ref` the room, quotation or
  // question id where the screen has one. Consecutive identical calls are ignored, so the app may
  // call this every frame. Written when the screen is left, with its dwell time.
  void screen(int64_t now_ms, const std::string& screen, const std::string& ref = {}) noexcept;
  // A page (0-based) of a room was shown. Consecutive repeats are ignored.
  void room_page(int64_t now_ms, const std::string& room, int page) noexcept;
  // A quotation was shown (swiped to). Consecutive repeats are ignored.
  void quote(int64_t now_ms, const std::string& quote_id) noexcept;
  // A place (of the map / journey) was opened. Consecutive repeats are ignored.
  void place(int64_t now_ms, const std::string& place_id) noexcept;
  // The visitor switched language.
  void language(int64_t now_ms, const std::string& lang) noexcept;
  // Ends the session. `at_ms` is when the visitor left: for a timeout, pass the time of the last
  // touch (so the idle wait and the warning are not counted as visiting time).
  void end_session(int64_t at_ms, EndReason why) noexcept;

  // For tests: limit the file to `pages` pages, to provoke "disk full".
  void limit_pages_for_test(int pages) noexcept;

  // At most this many rows wait for the disk; beyond it (a card that has stopped answering for
  // hours) new rows are dropped, logged once, so memory stays flat.
  static constexpr size_t kMaxQueued = 20000;

  // One row (or command) for the writer thread.
  struct Row {
    enum Kind { Session, Visit, Event, End, LimitPages } kind;
    int64_t session = 0, seq = 0, at = 0, number = -1;  // number: dwell ms, page (-1: none), pages
    std::string a, b;                                   // lang | screen, kind | reason; ref
  };

 private:
  struct Writer;
  bool open_file(const std::string& path, int64_t now_ms, bool may_move_aside);
  void fail(const std::string& what) noexcept;
  void queue(std::vector<Row> rows) noexcept;
  void event(int64_t now_ms, const char* kind, const std::string& ref, int64_t detail) noexcept;
  Row visit_row(int64_t left_ms) const;

  Logger log_;
  std::string path_, moved_aside_;
  sqlite3* db_ = nullptr;  // the caller's during open(), then the writer thread's alone
  std::unique_ptr<Writer> writer_;
  bool logged_ = false;
  int64_t next_session_ = 1;  // ids are given here, so rows never wait for the database's answer
  int64_t session_ = 0;
  int64_t seq_ = 0;
  // The screen the visitor is on (written when left), and the last room page / quote / place.
  std::string cur_screen_, cur_ref_;
  int64_t cur_seq_ = 0, cur_since_ = 0;
  bool has_screen_ = false;
  std::string cur_lang_, last_page_room_, last_quote_, last_place_;
  int last_page_ = -1;
};

}  // namespace stats
