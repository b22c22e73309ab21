// store_internal.h — what store.cpp, store_run.cpp and store_inbox.cpp share: the store's
// paths, its lock, state writing and the refusals log. Not for use outside content/bundle.
#pragma once
#include <string>

#include "content/bundle/store.h"
#include "content/bundle/store_io.h"

namespace store::detail {

std::string bundles_dir(const std::string& dir);
std::string incoming_dir(const std::string& dir);
std::string inbox_dir(const std::string& dir);
std::string refusals_file(const std::string& dir);
std::string bundle_path(const std::string& dir, const std::string& hash);

// flock(DIR/lock) for the object's lifetime; `ok` false (with err) when the store cannot be locked.
class Lock {
 public:
  explicit Lock(const std::string& dir);
  ~Lock();
  bool ok() const { return fd_ >= 0; }
  const io::Error& error() const { return err_; }

 private:
  int fd_ = -1;
  io::Error err_;
};

// Creates DIR, DIR/bundles and DIR/incoming.
bool make_store(const std::string& dir, io::Error* e);
// state.old := the old state, then state := `st` (each write-temp → fsync → rename → fsync(dir)).
bool write_state(const std::string& dir, const State& st, io::Error* e);
// Deletes bundles (and signatures) that are none of current, trial, previous.
void collect_garbage(const std::string& dir, const State& st);
// One line in DIR/refusals.log: time, file, reason. Best effort: a full disk must not stop a refusal.
void log_refusal(const std::string& dir, const std::string& file, const std::string& reason);
std::string now_utc();
// The state's slots get their paths (derived from hashes, never read from the file).
void fill_paths(const std::string& dir, State& st);
// A one-line reason for a failed step, with what to do ("the store is full: free space…").
std::string explain(const io::Error& e, const std::string& dir);

}  // namespace store::detail
