// files.cpp — see files.h.
#include "content/curator/files.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace curator {

FileProblem read_bytes(const std::string& path, std::string& out, std::string& why) {
  std::error_code ec;
  fs::file_status link = fs::symlink_status(path, ec), target = fs::status(path, ec);
  if (fs::is_symlink(link) && !fs::exists(target)) {
    why = "is a link to " + fs::read_symlink(path, ec).string() + ", which does not exist; fix or remove the link";
    return FileProblem::broken_link;
  }
  if (!fs::exists(target)) return FileProblem::missing;
  if (!fs::is_regular_file(target)) {
    why = fs::is_directory(target) ? "is a folder, not a file; remove it or give it another name"
                                   : "is not a regular file (a pipe or a device); replace it with a file";
    return FileProblem::not_a_file;
  }
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    why = std::string("cannot be read (") + strerror(errno) + "); check its permissions";
    return FileProblem::unreadable;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return FileProblem::none;
}

// Length of the valid UTF-8 sequence at s[i], or 0 (overlong forms and surrogates are invalid).
static size_t utf8_len(const std::string& s, size_t i) {
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size() || c == 0xC0 || c == 0xC1 || c > 0xF4) return 0;
  for (size_t k = 1; k < n; ++k)
    if (((unsigned char)s[i + k] >> 6) != 2) return 0;
  unsigned char c1 = s[i + 1];
  if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return 0;
  return n;
}

bool check_utf8(const std::string& name, std::string& bytes, int& line, std::string& why) {
  line = 0;
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
  bool utf16 = bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0 ||
               (bytes.size() >= 4 && (bytes[0] == 0 || bytes[1] == 0) && std::count(bytes.begin(), bytes.end(), '\0') * 3 > (long)bytes.size());
  if (utf16) {
    why = name + " is not UTF-8 (it is UTF-16, \"Unicode text\"): save it as UTF-8";
    return false;
  }
  int cur = 1, bad = 0, single_high = 0;
  for (size_t i = 0; i < bytes.size();) {
    if (bytes[i] == '\n') ++cur;
    if (bytes[i] == '\0') {
      why = name + " is not text (it has NUL bytes): save it as UTF-8 text";
      line = cur;
      return false;
    }
    size_t n = utf8_len(bytes, i);
    if (n) {
      i += n;
      continue;
    }
    if (!bad++) line = cur;
    // Windows-1252 (and Latin-1) put one high byte per accented letter, between plain ASCII.
    bool next_ascii = i + 1 >= bytes.size() || (unsigned char)bytes[i + 1] < 0x80;
    if (next_ascii) ++single_high;
    ++i;
  }
  if (!bad) return true;
  why = name + " is not UTF-8" + (single_high * 10 >= bad * 8 ? " (it looks like Windows-1252)" : "") + ": save it as UTF-8";
  return false;
}

static bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

static std::string lower(std::string s) {
  for (char& c : s) c = (char)tolower((unsigned char)c);
  return s;
}

RoomEntry classify_room_entry(const std::string& filename, std::string& why) {
  std::string l = lower(filename);
  if (l.empty() || l[0] == '.' || l.back() == '~' || (l[0] == '#' && l.back() == '#') || ends_with(l, ".bak") ||
      ends_with(l, ".orig") || ends_with(l, ".swp") || l == "thumbs.db" || l == "desktop.ini")
    return RoomEntry::skipped;
  if (ends_with(l, ".md")) return RoomEntry::room;
  size_t md = l.find(".md.");
  if (md != std::string::npos) {
    why = "not a room file (rooms end in .md); rename it " + filename.substr(0, md + 3);
  } else if (ends_with(l, ".markdown") || ends_with(l, ".txt")) {
    why = "not a room file (rooms end in .md); rename it " + filename.substr(0, filename.rfind('.')) + ".md";
  } else if (ends_with(l, ".png") || ends_with(l, ".jpg") || ends_with(l, ".jpeg")) {
    why = "a picture, not a room; move it to images/ and name it in the room's [image]";
  } else {
    why = "not a room file (rooms are NN-id.md); move it out of rooms/";
  }
  return RoomEntry::misnamed;
}

std::string output_problem(const std::string& out_file) {
  std::error_code ec;
  fs::path out(out_file);
  if (fs::is_directory(out, ec))
    return out_file + " is a folder; name the bundle file to write, e.g. " + (out / "exhibit.bundle").string();
  if (fs::is_regular_file(out, ec) && fs::file_size(out, ec) > 0) {
    // A typo such as `-o exhibit/exhibit.toml` must not replace a curator's source with a bundle.
    std::ifstream f(out_file, std::ios::binary);
    char head[16] = {};
    f.read(head, sizeof head);
    if (std::string(head, sizeof head) != std::string("SQLite format 3\0", 16))
      return out_file + " exists and is not a bundle; it would be overwritten, so choose another name, e.g. exhibit.bundle";
  }
  fs::path folder = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  if (!fs::exists(folder, ec)) return "cannot write " + out_file + ": the folder " + folder.string() + " does not exist; create it first";
  if (!fs::is_directory(folder, ec)) return "cannot write " + out_file + ": " + folder.string() + " is a file, not a folder";
  // Ask the system itself (permissions, read-only media, a full disk's quota) with a probe file.
  std::string probe = (folder / (".kiosk-bundle-probe-" + std::to_string(getpid()))).string();
  int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) {
    int e = errno;
    std::string cause = e == EACCES || e == EPERM ? "permission denied" : e == EROFS ? "the folder is on read-only media" : strerror(e);
    return "cannot write " + out_file + " in " + folder.string() + ": " + cause + "; choose a folder you can write to";
  }
  ::close(fd);
  ::unlink(probe.c_str());
  return "";
}

}  // namespace curator
