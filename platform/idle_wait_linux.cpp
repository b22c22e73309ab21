// idle_wait_linux.cpp — see idle_wait.h: poll(2) over evdev descriptors, inotify, an eventfd and a
// timerfd.
#include <dirent.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/inotify.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdint>
#include <ctime>
#include <map>
#include <vector>

#include "platform/idle_wait.h"

namespace platform {

namespace {

constexpr int kSettleMs = 2000, kSettleStepMs = 250;

int64_t mono_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1'000'000;
}

bool is_device(const std::string& name) { return name.rfind("event", 0) == 0; }

std::string parent_of(const std::string& dir) {
  size_t slash = dir.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : dir.substr(0, slash);
}

std::string base_of(const std::string& dir) {
  size_t slash = dir.find_last_of('/');
  return slash == std::string::npos ? dir : dir.substr(slash + 1);
}

// Reads until the descriptor is empty. False when the device is gone (or a test's FIFO lost its
// writer): the caller closes it.
bool drain(int fd) {
  char buf[4096];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) continue;
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

}  // namespace

struct IdleWait::Impl {
  std::string dir, parent, name;
  int inotify = -1, dir_watch = -1, parent_watch = -1;
  int wake_fd = -1, clock_fd = -1;
  std::vector<int> extra;
  std::map<std::string, int> devices;  // file name -> descriptor
  int64_t settle_until = 0;

  void watch_folder() {
    if (inotify < 0) return;
    dir_watch = inotify_add_watch(inotify, dir.c_str(), IN_CREATE | IN_ATTRIB | IN_DELETE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE_SELF | IN_ONLYDIR);
    if (dir_watch >= 0) {
      if (parent_watch >= 0) inotify_rm_watch(inotify, parent_watch);
      parent_watch = -1;
    } else if (parent_watch < 0) {
      // No input device yet, so no folder: wait for it to be made.
      parent_watch = inotify_add_watch(inotify, parent.c_str(), IN_CREATE | IN_MOVED_TO | IN_ONLYDIR);
    }
  }

  void open_device(const std::string& file) {
    if (!is_device(file) || devices.count(file)) return;
    int fd = open((dir + "/" + file).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return;  // refused (udev has not set its group yet): IN_ATTRIB comes
    if (streams(fd)) {
      close(fd);
      return;
    }
    devices[file] = fd;
  }

  // An accelerometer (some panels have one) reports all the time and SDL ignores it: it must not
  // wake the loop. (A descriptor that is not a device, like a test's FIFO, answers no ioctl.)
  static bool streams(int fd) {
    unsigned long props[INPUT_PROP_CNT / (8 * sizeof(unsigned long)) + 1] = {};
    if (ioctl(fd, EVIOCGPROP(sizeof props), props) < 0) return false;
    const size_t bits = 8 * sizeof(unsigned long);
    return props[INPUT_PROP_ACCELEROMETER / bits] >> (INPUT_PROP_ACCELEROMETER % bits) & 1;
  }

  void close_device(const std::string& file) {
    auto it = devices.find(file);
    if (it == devices.end()) return;
    close(it->second);
    devices.erase(it);
  }

  // Opens every device in the folder that is not open yet, and lets go of those that are gone.
  void rescan() {
    std::map<std::string, int> before;
    before.swap(devices);
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        std::string f = e->d_name;
        auto it = before.find(f);
        if (it != before.end()) {
          devices[f] = it->second;
          before.erase(it);
        } else {
          open_device(f);
        }
      }
      closedir(d);
    }
    for (auto& [f, fd] : before) close(fd);
  }

  // Reads the folder's notifications; true when the set of devices may have changed.
  bool read_notifications() {
    alignas(inotify_event) char buf[4096];
    bool changed = false, again = false;
    for (;;) {
      ssize_t n = read(inotify, buf, sizeof buf);
      if (n <= 0) break;
      for (char* p = buf; p < buf + n;) {
        auto* ev = reinterpret_cast<inotify_event*>(p);
        p += sizeof(inotify_event) + ev->len;
        std::string file = ev->len ? std::string(ev->name) : std::string();
        if (ev->mask & IN_Q_OVERFLOW) again = changed = true;
        if (ev->wd == parent_watch && file == name) again = changed = true;  // the folder appeared
        if (ev->wd != dir_watch) continue;
        if (ev->mask & (IN_DELETE_SELF | IN_IGNORED)) {
          dir_watch = -1;
          again = changed = true;
        } else if (is_device(file)) {
          changed = true;
          if (ev->mask & (IN_DELETE | IN_MOVED_FROM)) close_device(file);
          else open_device(file);
        }
      }
    }
    if (again) {
      if (dir_watch < 0) watch_folder();
      rescan();
    }
    return changed;
  }

  // A far-off alarm on the real-time clock that the kernel cancels whenever the clock is set.
  void arm_clock() {
    if (clock_fd < 0) return;
    itimerspec at{};
    clock_gettime(CLOCK_REALTIME, &at.it_value);
    at.it_value.tv_sec += 365LL * 24 * 3600;
    if (timerfd_settime(clock_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &at, nullptr) != 0) {
      close(clock_fd);
      clock_fd = -1;
    }
  }

  bool clock_stepped() {
    uint64_t expirations;
    ssize_t n = read(clock_fd, &expirations, sizeof expirations);
    if (n < 0 && errno == EAGAIN) return false;
    arm_clock();  // cancelled (ECANCELED) or, after a year, expired: either way, again
    return true;
  }
};

IdleWait::IdleWait(const std::string& input_dir) : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.dir = input_dir;
  im.parent = parent_of(input_dir);
  im.name = base_of(input_dir);
  im.inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  im.watch_folder();
  im.rescan();
  im.wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  im.clock_fd = timerfd_create(CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  im.arm_clock();
}

IdleWait::~IdleWait() {
  Impl& im = *impl_;
  for (auto& [f, fd] : im.devices) close(fd);
  for (int fd : {im.inotify, im.wake_fd, im.clock_fd})
    if (fd >= 0) close(fd);
}

void IdleWait::add_fd(int fd) {
  if (fd >= 0) impl_->extra.push_back(fd);
}

void IdleWait::wake() {
  uint64_t one = 1;
  if (impl_->wake_fd >= 0) (void)!write(impl_->wake_fd, &one, sizeof one);  // async-signal-safe
}

unsigned IdleWait::wait(int timeout_ms) {
  Impl& im = *impl_;
  if (im.settle_until) {
    int64_t left = im.settle_until - mono_ms();
    if (left <= 0) im.settle_until = 0;
    else if (timeout_ms < 0 || timeout_ms > kSettleStepMs) timeout_ms = kSettleStepMs;
  }
  std::vector<pollfd> fds;
  auto add = [&](int fd) { fds.push_back({fd, POLLIN, 0}); };
  add(im.inotify), add(im.wake_fd), add(im.clock_fd);  // a negative descriptor is ignored by poll
  for (int fd : im.extra) add(fd);
  const size_t first_device = fds.size();
  std::vector<std::string> names;
  for (auto& [f, fd] : im.devices) add(fd), names.push_back(f);
  int n = poll(fds.data(), fds.size(), timeout_ms);
  if (n < 0) return errno == EINTR ? (unsigned)kOther : 0u;
  if (n == 0) return 0;
  unsigned why = 0;
  for (size_t i = first_device; i < fds.size(); ++i) {
    if (!fds[i].revents) continue;
    why |= kInput;
    if ((fds[i].revents & (POLLERR | POLLHUP | POLLNVAL)) || !drain(fds[i].fd)) im.close_device(names[i - first_device]);
  }
  if (fds[0].revents && im.read_notifications()) {
    why |= kDevices;
    im.settle_until = mono_ms() + kSettleMs;
  }
  if (fds[1].revents) {
    uint64_t count;
    (void)!read(im.wake_fd, &count, sizeof count);
    why |= kWake;
  }
  if (fds[2].revents && im.clock_stepped()) why |= kClock;
  for (size_t i = 3; i < first_device; ++i)
    if (fds[i].revents) why |= kOther;
  return why ? why : (unsigned)kOther;  // e.g. a folder notification that changed no device
}

size_t IdleWait::devices() const { return impl_->devices.size(); }
bool IdleWait::sees_clock_steps() const { return impl_->clock_fd >= 0; }

}  // namespace platform
