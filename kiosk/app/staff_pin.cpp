// staff_pin.cpp — see staff_pin.h.
#include "kiosk/app/staff_pin.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <toml++/toml.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace app::staff {

bool valid_pin(const std::string& pin, std::string& why) {
  if (pin.size() < 4 || pin.size() > 8) return why = "the PIN must have 4 to 8 digits", false;
  for (char c : pin)
    if (c < '0' || c > '9') return why = "the PIN must be digits only (the keypad has nothing else)", false;
  return true;
}

std::string hash_pin(const std::string& pin) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, pin.data(), pin.size(), kOpsLimit, kMemLimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("hashing the PIN failed (out of memory?)");
  return out;
}

bool hash_usable(const std::string& hash, std::string& why) {
  unsigned v = 0, t = 0, p = 0;
  unsigned long m = 0;
  char tail = 0;
  if (hash.rfind("$argon2id$", 0) != 0 || sscanf(hash.c_str(), "$argon2id$v=%u$m=%lu,t=%u,p=%u$%c", &v, &m, &t, &p, &tail) != 5)
    return why = "the staff PIN in kiosk.toml is not an Argon2id hash; set it with kiosk --set-pin", false;
  if (m * 1024 > kMaxMemLimit || t > kMaxOpsLimit || t < 1 || p != 1)
    return why = "the staff PIN's hash asks for m=" + std::to_string(m) + " KiB, t=" + std::to_string(t) +
                 ", more than a kiosk can spend; set it again with kiosk --set-pin", false;
  if (hash.size() >= crypto_pwhash_STRBYTES) return why = "the staff PIN's hash is too long; set it again with kiosk --set-pin", false;
  return true;
}

bool verify_pin(const std::string& hash, const std::string& pin) {
  std::string why;
  if (!hash_usable(hash, why) || sodium_init() < 0) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

// ---- rewriting kiosk.toml ---------------------------------------------------------------------

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

// "[staff]", "[ staff ]   # comment" → true.
bool is_staff_header(const std::string& line) {
  std::string t = trim(line);
  if (t.empty() || t[0] != '[' || t.rfind("[[", 0) == 0) return false;
  size_t close = t.find(']');
  if (close == std::string::npos) return false;
  std::string rest = trim(t.substr(close + 1));
  return trim(t.substr(1, close - 1)) == "staff" && (rest.empty() || rest[0] == '#');
}

bool is_header(const std::string& line) {
  std::string t = trim(line);
  return !t.empty() && t[0] == '[';
}

// A `pin = …` line (not a comment): the position of '=' in it, else npos.
size_t pin_assignment(const std::string& line) {
  size_t a = line.find_first_not_of(" \t");
  if (a == std::string::npos || line.compare(a, 3, "pin") != 0) return std::string::npos;
  size_t e = line.find_first_not_of(" \t", a + 3);
  return e != std::string::npos && line[e] == '=' ? e : std::string::npos;
}

// What follows the value on a pin line: its comment, if any, to keep.
std::string trailing_comment(const std::string& line, size_t eq) {
  size_t v = line.find_first_not_of(" \t", eq + 1);
  if (v == std::string::npos) return "";
  size_t end = v;
  if (line[v] == '"' || line[v] == '\'') {
    end = line.find(line[v], v + 1);
    if (end == std::string::npos) return "";
    ++end;
  }
  size_t hash = line.find('#', end);
  if (hash == std::string::npos) return "";
  size_t from = line.find_last_not_of(" \t", hash - 1) + 1;  // the spaces before the comment too
  size_t stop = line.find_last_not_of("\r\n") + 1;
  return line.substr(from, stop - from);
}

}  // namespace

std::string with_pin(const std::string& text, const std::string& hash) {
  std::vector<std::string> lines;  // each with its line ending
  for (size_t at = 0; at < text.size();) {
    size_t nl = text.find('\n', at);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(at, end - at));
    at = end;
  }
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  const std::string value = "pin = \"" + hash + "\"";
  for (size_t h = 0; h < lines.size(); ++h) {
    if (!is_staff_header(lines[h])) continue;
    size_t end = h + 1;
    while (end < lines.size() && !is_header(lines[end])) ++end;
    for (size_t i = h + 1; i < end; ++i) {
      size_t eq = pin_assignment(lines[i]);
      if (eq == std::string::npos) continue;
      std::string indent = lines[i].substr(0, lines[i].find_first_not_of(" \t"));
      bool had_eol = !lines[i].empty() && lines[i].back() == '\n';
      lines[i] = indent + value + trailing_comment(lines[i], eq) + (had_eol ? eol : "");
      std::string out;
      for (const auto& l : lines) out += l;
      return out;
    }
    if (lines[h].empty() || lines[h].back() != '\n') lines[h] += eol;
    lines.insert(lines.begin() + h + 1, value + eol);
    std::string out;
    for (const auto& l : lines) out += l;
    return out;
  }
  std::string out = text;
  if (!out.empty() && out.back() != '\n') out += eol;
  if (!out.empty()) out += eol;
  return out + "# The staff overlay's PIN (kiosk --set-pin writes this line; see deploy/kiosk.toml)." + eol + "[staff]" + eol +
         value + eol;
}

bool write_pin(const std::string& path, const std::string& hash, std::string& why) {
  std::string old;
  struct stat st{};
  bool exists = stat(path.c_str(), &st) == 0;
  if (exists) {
    std::ifstream f(path, std::ios::binary);
    if (!f) return why = path + ": " + strerror(errno), false;
    std::stringstream ss;
    ss << f.rdbuf();
    old = ss.str();
  } else if (errno != ENOENT) {
    return why = path + ": " + strerror(errno), false;
  }
  std::string text = with_pin(old, hash);
  try {
    toml::table t = toml::parse(text, path);
    if (t["staff"]["pin"].value_or(std::string()) != hash)
      return why = path + ": [staff] is written in a way this tool cannot edit (an inline table?); add pin = \"…\" by hand", false;
  } catch (const toml::parse_error& e) {
    return why = path + ":" + std::to_string(e.source().begin.line) + ": error: " + std::string(e.description()) +
                 " (the file was left as it was)", false;
  }
  std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
  std::string tmp = path + ".XXXXXX";
  std::vector<char> name(tmp.begin(), tmp.end());
  name.push_back(0);
  int fd = mkstemp(name.data());
  if (fd < 0) return why = dir + ": cannot write here: " + strerror(errno), false;
  // Keep the file's permissions and owner (kiosk.toml is root's, readable by the kiosk's group).
  fchmod(fd, exists ? (st.st_mode & 07777) : 0640);
  if (exists && fchown(fd, st.st_uid, st.st_gid) != 0) { /* not root: the file becomes ours */ }
  bool ok = write(fd, text.data(), text.size()) == (ssize_t)text.size() && fsync(fd) == 0;
  ok = close(fd) == 0 && ok;
  if (!ok || rename(name.data(), path.c_str()) != 0) {
    why = path + ": " + strerror(errno) + " (the file was left as it was)";
    unlink(name.data());
    return false;
  }
  if (int d = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) fsync(d), close(d);
  return true;
}

// ---- kiosk --set-pin --------------------------------------------------------------------------

namespace {

// One line from the terminal with echo off (the PIN never shows on the screen or in scrollback).
bool read_hidden(const char* prompt, std::string& line, std::ostream& err) {
  err << prompt << std::flush;
  termios old{};
  bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  bool got = (bool)std::getline(std::cin, line);
  if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
  err << "\n";
  return got;
}

}  // namespace

int set_pin_command(const std::string& path, std::istream& in, std::ostream& out, std::ostream& err) {
  std::string pin, again;
  if (&in == &std::cin && isatty(STDIN_FILENO)) {
    if (!read_hidden("New staff PIN (4 to 8 digits): ", pin, err) || !read_hidden("The same PIN again: ", again, err)) {
      err << "kiosk --set-pin: no PIN given; nothing changed\n";
      return 1;
    }
  } else {
    // A script: the PIN on the first line, optionally again on the second.
    if (!std::getline(in, pin)) {
      err << "kiosk --set-pin: no PIN on standard input; nothing changed\n";
      return 1;
    }
    if (!std::getline(in, again)) again = pin;
  }
  auto strip = [](std::string& s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.pop_back();
  };
  strip(pin), strip(again);
  std::string why;
  if (pin != again) {
    err << "kiosk --set-pin: the two PINs differ; nothing changed\n";
    return 1;
  }
  if (!valid_pin(pin, why)) {
    err << "kiosk --set-pin: " << why << "; nothing changed\n";
    return 1;
  }
  std::string hash;
  auto t0 = std::chrono::steady_clock::now();
  try {
    hash = hash_pin(pin);
  } catch (const std::exception& e) {
    err << "kiosk --set-pin: " << e.what() << "; nothing changed\n";
    return 1;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  if (!write_pin(path, hash, why)) {
    err << "kiosk --set-pin: " << why << "\n";
    return 1;
  }
  out << path << ": staff PIN set ([staff] pin, Argon2id " << (kMemLimit >> 20) << " MiB x " << kOpsLimit << " passes, hashed in "
      << ms << " ms).\nRestart the kiosk to use it: sudo systemctl restart museum-kiosk\n";
  return 0;
}

}  // namespace app::staff
