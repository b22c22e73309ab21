// file_watch.h — tells the kiosk and the curator's preview that files changed, without polling.
//
// Does:     watch directories (optionally with every folder below them, including folders made
//           later) for files written, created, renamed in or out and deleted, through the kernel's
//           change notifications (inotify on Linux); collect the changed paths; wait for them with
//           a timeout, or expose a descriptor to fold into another wait, or run a small thread that
//           calls back when changes arrive (to wake an event loop that cannot wait on descriptors,
//           like SDL's). A lost-events overflow reports the watched folder itself as changed.
//           A file is news when it is written and closed, renamed in or out, or deleted — not when
//           it is created (it is still half-written then). Optionally, mounts and unmounts (a USB
//           stick) are reported as the path kMountsPath.
// Does not: read the files, debounce (callers decide how long "quiet" is), follow symlinks, or
//           watch single files — editors and atomic writers replace a file by renaming over it,
//           so watch its folder and look at the names.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace platform {

class FileWatch {
 public:
  FileWatch();
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  // False (with why) when the folder does not exist or the system refuses the watch.
  bool add(const std::string& dir, bool recursive, std::string& why);
  // Waits up to timeout_ms (-1: for ever) for changes and returns them (full paths, each once,
  // in the order first seen); empty on timeout. Not while a notify() thread runs.
  std::vector<std::string> wait(int timeout_ms);
  // The changes collected so far, without waiting.
  std::vector<std::string> take();
  // Readable when changes are waiting (for poll()). Not while a notify() thread runs. (Mount
  // changes are not seen through it: use wait() for those.)
  int fd() const;
  // Also report mounts and unmounts, as the path kMountsPath. Call before notify().
  bool watch_mounts(std::string& why);
  static const char* const kMountsPath;
  // Starts a thread that collects changes and calls `ready` from that thread once per batch;
  // collect them with take() on your own thread. Stopped by the destructor.
  void notify(std::function<void()> ready);

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace platform
