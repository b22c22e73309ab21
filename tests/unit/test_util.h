// test_util.h — shared helpers for the unit tests: scratch folders, copying the example
// exhibit, editing a line of a source file, building a bundle in-process.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "content/curator/commands.h"

namespace testutil {

namespace fs = std::filesystem;

// A fresh folder under the system's temp dir, removed when the object dies.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) {
    dir = fs::temp_directory_path() / ("kiosk-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string path(const std::string& rel) const { return (dir / rel).string(); }
};

inline std::string source_dir() { return KIOSK_SOURCE_DIR; }

inline std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

inline void write(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
}

// Copies content/example into `to` and returns the copy's path.
inline std::string copy_example(const Scratch& s, const std::string& to = "src") {
  fs::path dst = s.dir / to;
  fs::copy(fs::path(source_dir()) / "content/example", dst, fs::copy_options::recursive);
  return dst.string();
}

// Replaces the first occurrence of `from` with `to` in a file; fails the test when absent.
inline bool edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string t = read(file);
  size_t at = t.find(from);
  if (at == std::string::npos) return false;
  t.replace(at, from.size(), to);
  write(file, t);
  return true;
}

struct Result {
  int code;
  std::string out, err;
};

inline Result build(const std::string& src, const std::string& out_file) {
  std::ostringstream o, e;
  int rc = curator::build(src, out_file, o, e);
  return {rc, o.str(), e.str()};
}
inline Result check(const std::string& file) {
  std::ostringstream o, e;
  int rc = curator::check(file, o, e);
  return {rc, o.str(), e.str()};
}
inline Result dump(const std::string& file) {
  std::ostringstream o, e;
  int rc = curator::dump_json(file, o, e);
  return {rc, o.str(), e.str()};
}

}  // namespace testutil
