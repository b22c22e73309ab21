// store_io.cpp — counted, fault-injectable file operations for the store (see store_io.h).
#include "content/bundle/store_io.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

namespace store::io {

namespace {

struct Faults {
  bool loaded = false;
  int count = 0, kill_at = 0, fail_at = 0, fail_errno = ENOSPC;
  bool tracing = false;
  std::vector<std::string> trace;
};
Faults& faults() {
  static Faults f;
  if (!f.loaded) {
    f.loaded = true;
    if (const char* k = getenv("KIOSK_STORE_KILL_AT")) f.kill_at = atoi(k);
    if (const char* k = getenv("KIOSK_STORE_FAIL_AT")) f.fail_at = atoi(k);
    if (const char* k = getenv("KIOSK_STORE_FAIL_ERRNO")) f.fail_errno = atoi(k);
  }
  return f;
}

bool fail_with(Error* e, const std::string& what, int err) {
  if (e) {
    e->err = err;
    e->what = what + ": " + errno_text(err);
  }
  return false;
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
}

bool write_all(int fd, const char* p, size_t n) {
  while (n > 0) {
    if (!step("write")) return false;
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) return false;
    p += w;
    n -= (size_t)w;
  }
  return true;
}

}  // namespace

bool step(const char* what) {
  Faults& f = faults();
  ++f.count;
  if (f.tracing) f.trace.push_back(what);
  if (f.kill_at && f.count == f.kill_at) raise(SIGKILL);
  if (f.fail_at && f.count >= f.fail_at) {
    errno = f.fail_errno;
    return false;
  }
  return true;
}

int steps_taken() { return faults().count; }
void trace_steps(bool on) {
  faults().tracing = on;
  faults().trace.clear();
}
const std::vector<std::string>& traced_steps() { return faults().trace; }

void set_faults(int kill_at, int fail_at, int fail_errno) {
  Faults& f = faults();
  f.count = 0;
  f.kill_at = kill_at;
  f.fail_at = fail_at;
  f.fail_errno = fail_errno ? fail_errno : ENOSPC;
}

std::string errno_text(int err) { return strerror(err); }

bool copy_file(const std::string& from, const std::string& to, Error* e) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return fail_with(e, "cannot read " + from, errno);
  if (!step("open")) {
    int err = errno;
    ::close(in);
    return fail_with(e, "cannot write " + to, err);
  }
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0) {
    int err = errno;
    ::close(in);
    return fail_with(e, "cannot write " + to, err);
  }
  std::vector<char> buf(1 << 20);
  int err = 0;
  std::string what = "cannot write " + to;
  for (;;) {
    ssize_t n = ::read(in, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      err = errno;
      what = "cannot read " + from;
      break;
    }
    if (n == 0) break;
    if (!write_all(out, buf.data(), (size_t)n)) {
      err = errno;
      break;
    }
  }
  if (!err && (!step("fsync") || fsync(out) != 0)) err = errno;
  if (::close(out) != 0 && !err) err = errno;
  ::close(in);
  if (err) {
    unlink(to.c_str());
    return fail_with(e, what, err);
  }
  return true;
}

bool fsync_dir(const std::string& dir, Error* e) {
  if (!step("fsync dir")) return fail_with(e, "cannot sync " + dir, errno);
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return fail_with(e, "cannot open " + dir, errno);
  int rc = fsync(fd), err = errno;
  ::close(fd);
  // Some filesystems cannot fsync a directory (EINVAL); their renames are then as durable as they get.
  if (rc != 0 && err != EINVAL) return fail_with(e, "cannot sync " + dir, err);
  return true;
}

bool write_file_atomically(const std::string& path, const std::string& text, Error* e) {
  std::string tmp = path + ".tmp";
  if (!step("open")) return fail_with(e, "cannot write " + tmp, errno);
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return fail_with(e, "cannot write " + tmp, errno);
  int err = 0;
  if (!write_all(fd, text.data(), text.size())) err = errno;
  if (!err && (!step("fsync") || fsync(fd) != 0)) err = errno;
  if (::close(fd) != 0 && !err) err = errno;
  if (!err && (!step("rename") || rename(tmp.c_str(), path.c_str()) != 0)) err = errno;
  if (err) {
    unlink(tmp.c_str());
    return fail_with(e, "cannot write " + path, err);
  }
  return fsync_dir(dir_of(path), e);
}

bool link_new(const std::string& from, const std::string& to, bool* existed, Error* e) {
  *existed = false;
  if (!step("link")) return fail_with(e, "cannot place " + to, errno);
  if (::link(from.c_str(), to.c_str()) == 0) return true;
  if (errno == EEXIST) {
    *existed = true;
    return true;
  }
  return fail_with(e, "cannot place " + to, errno);
}

bool remove_file(const std::string& path, Error* e) {
  if (!step("unlink")) return fail_with(e, "cannot remove " + path, errno);
  if (unlink(path.c_str()) != 0 && errno != ENOENT) return fail_with(e, "cannot remove " + path, errno);
  return true;
}

bool make_dir(const std::string& dir, Error* e) {
  struct stat st;
  if (stat(dir.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
  if (!step("mkdir")) return fail_with(e, "cannot create " + dir, errno);
  if (mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return fail_with(e, "cannot create " + dir, errno);
  return true;
}

bool append_line(const std::string& path, const std::string& line, Error* e) {
  if (!step("append")) return fail_with(e, "cannot write " + path, errno);
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return fail_with(e, "cannot write " + path, errno);
  std::string text = line + "\n";
  int err = 0;
  if (::write(fd, text.data(), text.size()) != (ssize_t)text.size()) err = errno ? errno : EIO;
  if (!err && fsync(fd) != 0) err = errno;
  ::close(fd);
  return err ? fail_with(e, "cannot write " + path, err) : true;
}

bool read_file(const std::string& path, std::string& out, size_t limit) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  out.clear();
  char buf[8192];
  while (f.read(buf, sizeof buf).gcount() > 0) {
    out.append(buf, (size_t)f.gcount());
    if (out.size() > limit) return false;
  }
  return true;
}

std::string run_id() {
  if (const char* id = getenv("KIOSK_STORE_RUN_ID")) return id;
  std::string boot;
  read_file("/proc/sys/kernel/random/boot_id", boot, 128);
  while (!boot.empty() && (boot.back() == '\n' || boot.back() == ' ')) boot.pop_back();
  // Field 22 of /proc/self/stat (start time in clock ticks) makes a reused pid a different run.
  std::string stat, start;
  read_file("/proc/self/stat", stat, 4096);
  size_t paren = stat.rfind(')');
  if (paren != std::string::npos) {
    int field = 2;
    for (size_t i = paren + 1; i < stat.size(); ++i) {
      if (stat[i] == ' ') {
        ++field;
        continue;
      }
      if (field == 22) start += stat[i];
      else if (field > 22) break;
    }
  }
  return (boot.empty() ? "noboot" : boot) + "/" + std::to_string(getpid()) + "/" + start;
}

}  // namespace store::io
