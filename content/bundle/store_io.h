// store_io.h — the store's file operations, each one counted step, so tests can stop the store
// (SIGKILL) or make it fail (ENOSPC, EROFS…) at its Nth step deterministically, the way SQLite
// fails its Nth I/O call. Internal to content/bundle/store*.cpp and their tests.
//
// Environment (read at the first step of a process):
//   KIOSK_STORE_KILL_AT=N   raise SIGKILL just before step N (1-based)
//   KIOSK_STORE_FAIL_AT=N   make step N and every later write-like step fail with
//   KIOSK_STORE_FAIL_ERRNO  this errno (default ENOSPC), as a full or read-only disk would
//   KIOSK_STORE_RUN_ID      the identity begin_run counts a trial start under (default: this
//                           process: boot id + pid + start time)
#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace store::io {

// A failed step: a message naming the file and the system's reason.
struct Error {
  int err = 0;
  std::string what;
};

// Returns false (with errno set) when this step is made to fail; never returns when killed.
bool step(const char* what);
int steps_taken();
// The names of the steps taken since set_faults, in order, when `on` (tests check the
// write → fsync → rename → fsync(dir) order a power cut relies on).
void trace_steps(bool on);
const std::vector<std::string>& traced_steps();
void set_faults(int kill_at, int fail_at, int fail_errno);  // 0 = none; resets the count

// Copies `from` into a new file `to` (O_EXCL), fsynced. False with *e on failure (`to` removed).
bool copy_file(const std::string& from, const std::string& to, Error* e);
// write-temp → fsync → rename → fsync(dir).
bool write_file_atomically(const std::string& path, const std::string& text, Error* e);
// link(2): never replaces an existing file. EEXIST is reported as success with *existed = true.
bool link_new(const std::string& from, const std::string& to, bool* existed, Error* e);
bool remove_file(const std::string& path, Error* e);
bool fsync_dir(const std::string& dir, Error* e);
bool make_dir(const std::string& dir, Error* e);
bool append_line(const std::string& path, const std::string& line, Error* e);

// Reads a whole file of at most `limit` bytes; false when missing, unreadable or larger.
bool read_file(const std::string& path, std::string& out, size_t limit);

std::string run_id();
std::string errno_text(int err);  // "No space left on device"

}  // namespace store::io
