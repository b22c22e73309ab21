// file_watch_linux.cpp — file_watch.h on inotify. The kernel queues the events; we read them
// when the descriptor is readable, so an idle kiosk costs no wake-ups at all.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>

#include "platform/file_watch.h"

namespace platform {

const char* const FileWatch::kMountsPath = "/proc/self/mounts";

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR;
}

struct FileWatch::Impl {
  int ifd = -1, stop = -1, mounts = -1;
  std::mutex m;
  struct Dir {
    std::string path;
    bool recursive;
  };
  std::map<int, Dir> dirs;          // watch descriptor -> folder
  std::vector<std::string> pending;
  std::thread thread;
  void mounts_changed();
  // Waits for either descriptor (and `stop` when >= 0); true when something was noted.
  bool poll_once(int timeout_ms, int stop_fd) {
    pollfd p[3] = {{ifd, POLLIN, 0}, {mounts, POLLPRI, 0}, {stop_fd, POLLIN, 0}};
    int n = ::poll(p, 3, timeout_ms);
    if (n <= 0) return false;
    if (p[2].revents) return false;
    bool any = false;
    if (p[1].revents & (POLLPRI | POLLERR)) {
      mounts_changed();
      any = true;
    }
    if (p[0].revents) any = drain() || any;
    return any;
  }

  bool add_locked(const std::string& dir, bool recursive, std::string& why) {
    int wd = inotify_add_watch(ifd, dir.c_str(), kMask);
    if (wd < 0) {
      why = dir + ": cannot watch (" + strerror(errno) + ")";
      return false;
    }
    dirs[wd] = {dir, recursive};
    if (!recursive) return true;
    // Folders below, skipping hidden ones (editors' and version control's own folders).
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        if (e->d_name[0] == '.') continue;
        std::string sub = dir + "/" + e->d_name;
        struct stat st;
        std::string ignored;
        if (stat(sub.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) add_locked(sub, true, ignored);
      }
      closedir(d);
    }
    return true;
  }

  void note(const std::string& path) {
    if (std::find(pending.begin(), pending.end(), path) == pending.end()) pending.push_back(path);
  }

  // Reads whatever the kernel has queued; returns true when something was noted.
  bool drain() {
    alignas(inotify_event) char buf[16384];
    bool any = false;
    std::lock_guard<std::mutex> lock(m);
    for (;;) {
      ssize_t n = read(ifd, buf, sizeof buf);
      if (n <= 0) break;  // EAGAIN: nothing more for now
      for (char* p = buf; p < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        if (ev->mask & IN_Q_OVERFLOW) {
          for (auto& [wd, d] : dirs) note(d.path);
          any = true;
          continue;
        }
        auto it = dirs.find(ev->wd);
        if (it == dirs.end()) continue;
        if (ev->mask & IN_IGNORED) {  // the folder itself went away
          note(it->second.path);
          dirs.erase(it);
          any = true;
          continue;
        }
        std::string path = it->second.path + (ev->len ? "/" + std::string(ev->name) : "");
        if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && it->second.recursive && ev->len &&
            ev->name[0] != '.') {
          std::string ignored;
          add_locked(path, true, ignored);
        }
        // A file just created is still being written: it is news when it is closed or renamed in.
        if ((ev->mask & IN_CREATE) && !(ev->mask & IN_ISDIR)) continue;
        note(path);
        any = true;
      }
    }
    return any;
  }
};

FileWatch::FileWatch() : impl_(std::make_unique<Impl>()) {
  impl_->ifd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
}

// /proc/self/mounts is pollable: a mount or unmount raises POLLPRI on it (proc(5)).
bool FileWatch::watch_mounts(std::string& why) {
  if (impl_->mounts >= 0) return true;
  impl_->mounts = open("/proc/self/mounts", O_RDONLY | O_CLOEXEC);
  if (impl_->mounts < 0) {
    why = std::string("/proc/self/mounts: ") + strerror(errno);
    return false;
  }
  return true;
}

void FileWatch::Impl::mounts_changed() {
  // Re-arm: the exceptional condition stays until the file is read again from the start.
  char buf[4096];
  lseek(mounts, 0, SEEK_SET);
  while (read(mounts, buf, sizeof buf) > 0) {
  }
  std::lock_guard<std::mutex> lock(m);
  note(kMountsPath);
}

FileWatch::~FileWatch() {
  if (impl_->thread.joinable()) {
    uint64_t one = 1;
    if (write(impl_->stop, &one, sizeof one) < 0) {}
    impl_->thread.join();
  }
  if (impl_->stop >= 0) close(impl_->stop);
  if (impl_->ifd >= 0) close(impl_->ifd);
  if (impl_->mounts >= 0) close(impl_->mounts);
}

bool FileWatch::add(const std::string& dir, bool recursive, std::string& why) {
  if (impl_->ifd < 0) {
    why = std::string("file change notifications are unavailable (") + strerror(errno) + ")";
    return false;
  }
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  std::lock_guard<std::mutex> lock(impl_->m);
  return impl_->add_locked(d, recursive, why);
}

std::vector<std::string> FileWatch::take() {
  if (!impl_->thread.joinable()) impl_->drain();
  std::lock_guard<std::mutex> lock(impl_->m);
  std::vector<std::string> out;
  out.swap(impl_->pending);
  return out;
}

std::vector<std::string> FileWatch::wait(int timeout_ms) {
  auto got = take();
  if (!got.empty() || impl_->ifd < 0) return got;
  impl_->poll_once(timeout_ms, -1);
  return take();
}

int FileWatch::fd() const { return impl_->ifd; }

void FileWatch::notify(std::function<void()> ready) {
  if (impl_->thread.joinable() || impl_->ifd < 0) return;
  impl_->stop = eventfd(0, EFD_CLOEXEC);
  Impl* im = impl_.get();
  im->thread = std::thread([im, ready = std::move(ready)] {
    for (;;) {
      pollfd s{im->stop, POLLIN, 0};
      if (im->poll_once(-1, im->stop)) ready();
      if (::poll(&s, 1, 0) > 0) return;
    }
  });
}

}  // namespace platform
