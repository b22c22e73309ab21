// io_probe.h — a SQLite VFS for tests that wraps the default one and watches every write and
// fsync: which thread made it, how many there were, and optionally makes each one slow (an SD
// card) or kills the process at the Nth one (a crash at an exact, repeatable moment — SQLite's own
// fault-injection habit, by count rather than by time).
//
// Does:     install() registers it as the default VFS, so code under test opens files through it
//           unchanged; counters are atomic (writes may come from any thread).
// Does not: change what is written; survive past uninstall() (restores the previous default).
#pragma once
#include <signal.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

namespace testutil {

class IoProbe {
 public:
  std::atomic<int> writes{0}, syncs{0};
  std::atomic<int> slow_ms{0};      // sleep this long in every write and fsync
  std::atomic<long> kill_at{0};     // SIGKILL ourselves at this write-or-fsync (1-based); 0: never
  std::atomic<long> io_calls{0};    // writes + fsyncs so far

  // The threads that wrote or synced a file.
  std::set<std::thread::id> threads() {
    std::lock_guard<std::mutex> g(m_);
    return threads_;
  }

  static IoProbe& instance() {
    static IoProbe p;
    return p;
  }

  void install() {
    base_ = sqlite3_vfs_find(nullptr);
    vfs_ = *base_;
    vfs_.zName = "io-probe";
    vfs_.szOsFile = (int)(sizeof(File) + base_->szOsFile);
    vfs_.xOpen = &IoProbe::open;
    sqlite3_vfs_register(&vfs_, 1);
  }
  void uninstall() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(base_, 1);
  }
  void reset() {
    writes = syncs = 0;
    io_calls = 0;
    slow_ms = 0;
    kill_at = 0;
    std::lock_guard<std::mutex> g(m_);
    threads_.clear();
  }

 private:
  struct File {
    sqlite3_file base;          // our methods
    sqlite3_file* real;         // the wrapped file, stored right after this struct
  };
  sqlite3_vfs vfs_{};
  sqlite3_vfs* base_ = nullptr;
  sqlite3_io_methods methods_{};
  std::mutex m_;
  std::set<std::thread::id> threads_;

  static sqlite3_file* real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

  void touched() {
    {
      std::lock_guard<std::mutex> g(m_);
      threads_.insert(std::this_thread::get_id());
    }
    long n = ++io_calls;
    if (kill_at && n == kill_at) ::kill(::getpid(), SIGKILL);
    if (int ms = slow_ms) std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  }

  static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out) {
    IoProbe& p = instance();
    File* file = reinterpret_cast<File*>(f);
    file->real = reinterpret_cast<sqlite3_file*>(file + 1);
    int rc = p.base_->xOpen(p.base_, name, file->real, flags, out);
    if (rc != SQLITE_OK || !file->real->pMethods) {
      file->base.pMethods = nullptr;
      return rc;
    }
    (void)vfs;
    // One method table, copied from the real file's, with writes and syncs watched.
    if (!p.methods_.iVersion) {
      p.methods_ = *file->real->pMethods;
      p.methods_.xClose = [](sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); };
      p.methods_.xRead = [](sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return real(f)->pMethods->xRead(real(f), b, n, o); };
      p.methods_.xWrite = [](sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
        ++instance().writes;
        instance().touched();
        return real(f)->pMethods->xWrite(real(f), b, n, o);
      };
      p.methods_.xTruncate = [](sqlite3_file* f, sqlite3_int64 s) { return real(f)->pMethods->xTruncate(real(f), s); };
      p.methods_.xSync = [](sqlite3_file* f, int fl) {
        ++instance().syncs;
        instance().touched();
        return real(f)->pMethods->xSync(real(f), fl);
      };
      p.methods_.xFileSize = [](sqlite3_file* f, sqlite3_int64* s) { return real(f)->pMethods->xFileSize(real(f), s); };
      p.methods_.xLock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xLock(real(f), l); };
      p.methods_.xUnlock = [](sqlite3_file* f, int l) { return real(f)->pMethods->xUnlock(real(f), l); };
      p.methods_.xCheckReservedLock = [](sqlite3_file* f, int* r) { return real(f)->pMethods->xCheckReservedLock(real(f), r); };
      p.methods_.xFileControl = [](sqlite3_file* f, int op, void* a) { return real(f)->pMethods->xFileControl(real(f), op, a); };
      p.methods_.xSectorSize = [](sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); };
      p.methods_.xDeviceCharacteristics = [](sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); };
      p.methods_.xShmMap = [](sqlite3_file* f, int pg, int sz, int e, void volatile** pp) {
        return real(f)->pMethods->xShmMap(real(f), pg, sz, e, pp);
      };
      p.methods_.xShmLock = [](sqlite3_file* f, int o, int n, int fl) { return real(f)->pMethods->xShmLock(real(f), o, n, fl); };
      p.methods_.xShmBarrier = [](sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); };
      p.methods_.xShmUnmap = [](sqlite3_file* f, int d) { return real(f)->pMethods->xShmUnmap(real(f), d); };
      p.methods_.xFetch = [](sqlite3_file* f, sqlite3_int64 o, int n, void** pp) { return real(f)->pMethods->xFetch(real(f), o, n, pp); };
      p.methods_.xUnfetch = [](sqlite3_file* f, sqlite3_int64 o, void* pp) { return real(f)->pMethods->xUnfetch(real(f), o, pp); };
    }
    file->base.pMethods = &p.methods_;
    return rc;
  }
};

// Installs the probe for one scope.
struct ScopedIoProbe {
  IoProbe& p = IoProbe::instance();
  ScopedIoProbe() {
    p.reset();
    p.install();
  }
  ~ScopedIoProbe() {
    p.uninstall();
    p.reset();
  }
};

}  // namespace testutil
