// staff_lock.cpp — see staff_lock.h.
#include "kiosk/app/staff_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

namespace app::staff {

int64_t Lockout::lock_length() const {
  int64_t len = kFirstLockMs;
  for (int i = 1; i < lockouts_ && len < kMaxLockMs; ++i) len *= 2;
  return std::min(len, kMaxLockMs);
}

int64_t Lockout::remaining_ms(int64_t now_ms) const {
  if (until_ms_ <= now_ms) return 0;
  // A wall clock stepped back (NTP after boot): never longer than the lock's own length from now.
  return std::min(until_ms_ - now_ms, length_ms_);
}

int Lockout::tries_left(int64_t now_ms) const {
  if (locked(now_ms)) return 0;
  bool lock_over = until_ms_ != 0 && until_ms_ <= now_ms;
  return kTries - (lock_over ? 0 : wrong_);
}

bool Lockout::wrong(int64_t now_ms) {
  if (locked(now_ms)) return false;
  if (until_ms_ != 0) wrong_ = 0, until_ms_ = 0;  // the last lockout is over: five more tries
  if (++wrong_ < kTries) return false;
  ++lockouts_;
  length_ms_ = lock_length();
  until_ms_ = now_ms + length_ms_;
  return true;
}

void Lockout::right() { *this = Lockout{}; }

std::string Lockout::save() const {
  std::ostringstream o;
  o << "staff-lockout 1\nwrong " << wrong_ << "\nlockouts " << lockouts_ << "\nuntil_ms " << until_ms_ << "\nlength_ms "
    << length_ms_ << "\n";
  return o.str();
}

bool Lockout::load(const std::string& text) {
  std::istringstream in(text);
  std::string magic, k1, k2, k3, k4;
  int version = 0;
  Lockout l;
  if (!(in >> magic >> version >> k1 >> l.wrong_ >> k2 >> l.lockouts_ >> k3 >> l.until_ms_ >> k4 >> l.length_ms_)) return false;
  if (magic != "staff-lockout" || version != 1 || k1 != "wrong" || k2 != "lockouts" || k3 != "until_ms" || k4 != "length_ms")
    return false;
  if (l.wrong_ < 0 || l.wrong_ > kTries || l.lockouts_ < 0 || l.lockouts_ > 1000 || l.length_ms_ < 0 || l.length_ms_ > kMaxLockMs)
    return false;
  *this = l;
  return true;
}

bool Lockout::load_file(const std::string& path, std::string& why) {
  std::ifstream f(path);
  if (!f) {
    if (errno == ENOENT) return true;
    why = path + ": " + strerror(errno);
    return false;
  }
  std::stringstream ss;
  ss << f.rdbuf();
  if (load(ss.str())) return true;
  // A damaged file: count as a lockout rather than forgive (someone may have cut the power to
  // reset the count), but only the first one's length.
  *this = Lockout{};
  lockouts_ = 1, length_ms_ = kFirstLockMs, until_ms_ = 0;
  why = path + ": not a lockout state; starting with one lockout counted";
  return false;
}

bool Lockout::save_file(const std::string& path, std::string& why) const {
  std::string tmp = path + ".tmp";
  std::string text = save();
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return why = tmp + ": " + strerror(errno), false;
  bool ok = write(fd, text.data(), text.size()) == (ssize_t)text.size() && fsync(fd) == 0;
  ok = close(fd) == 0 && ok;
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    why = path + ": " + strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
  if (int d = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) fsync(d), close(d);
  return true;
}

}  // namespace app::staff
