// fake_notify_socket.h — stands in for systemd's notification socket in tests: binds a unix
// datagram socket, points NOTIFY_SOCKET at it, and hands back each message with the time it came.
#pragma once
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace testutil {

class FakeNotifySocket {
 public:
  struct Message {
    std::string text;
    double at_ms;  // since the socket was made
  };

  explicit FakeNotifySocket(const std::string& path) : path_(path) {
    ::unlink(path.c_str());
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un a{};
    a.sun_family = AF_UNIX;
    if (fd_ < 0 || path.size() >= sizeof a.sun_path) throw std::runtime_error("notify socket: " + path);
    std::strcpy(a.sun_path, path.c_str());
    if (::bind(fd_, (sockaddr*)&a, sizeof a) != 0) throw std::runtime_error("cannot bind " + path);
    t0_ = std::chrono::steady_clock::now();
  }
  ~FakeNotifySocket() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  const std::string& path() const { return path_; }

  // Every message that arrives within `wait_ms` (0: only those already queued).
  std::vector<Message> drain(int wait_ms = 0) {
    std::vector<Message> out;
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
    for (;;) {
      int left = (int)std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now()).count();
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, std::max(left, 0)) <= 0) break;
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n < 0) break;
      double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0_).count();
      out.push_back({std::string(buf, (size_t)n), ms});
    }
    return out;
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::chrono::steady_clock::time_point t0_;
};

}  // namespace testutil
