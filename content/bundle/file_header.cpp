// file_header.cpp — the file before SQLite sees it: a regular file (opened O_NONBLOCK, so a FIFO
// cannot hang the kiosk), and a 100-byte SQLite header whose every field is plausible. Reading the
// header ourselves lets us tell a damaged file ("install a fresh copy") from a foreign one and from
// a genuinely newer format ("update the kiosk"): a flipped bit is not a new version.
// The header layout is https://www.sqlite.org/fileformat.html §1.3.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "content/bundle/bundle.h"
#include "content/bundle/open_checks.h"
#include "content/bundle/validate.h"

namespace bundle::checks {

namespace {

const char kMagic[16] = "SQLite format 3";  // with its terminating NUL: 16 bytes

uint32_t be32(const unsigned char* p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }
int bit_distance(const unsigned char* a, const unsigned char* b, size_t n) {
  int d = 0;
  for (size_t i = 0; i < n; ++i) d += __builtin_popcount((unsigned)(a[i] ^ b[i]));
  return d;
}

[[noreturn]] void damaged(const std::string& path, const std::string& what) {
  throw OpenError(OpenError::Damaged, path + " is damaged (" + what + "); install a fresh copy of the bundle.");
}

const char* kind_of(mode_t m) {
  if (S_ISDIR(m)) return "a folder";
  if (S_ISFIFO(m)) return "a pipe (FIFO)";
  if (S_ISCHR(m) || S_ISBLK(m)) return "a device";
  if (S_ISSOCK(m)) return "a socket";
  return "not a regular file";
}

// Fields that a sound SQLite file written by kiosk-bundle always has.
void check_fields(const std::string& path, const unsigned char* h, int64_t size) {
  uint32_t page = (uint32_t)h[16] << 8 | h[17];
  if (page == 1) page = 65536;
  if (page < 512 || (page & (page - 1)))
    damaged(path, "its header gives an impossible page size");
  if (h[18] < 1 || h[18] > 2 || h[19] < 1 || h[19] > 2 || h[21] != 64 || h[22] != 32 || h[23] != 32 ||
      page - h[20] < 480)
    damaged(path, "its header's format fields are not SQLite's");
  uint32_t schema_format = be32(h + 44), encoding = be32(h + 56);
  if (schema_format < 1 || schema_format > 4 || encoding != 1)
    damaged(path, "its header's schema format or text encoding is wrong");
  for (int i = 72; i < 92; ++i)
    if (h[i]) damaged(path, "its header's reserved bytes are not zero");
  // The page count in the header is valid when "version-valid-for" matches the change counter.
  uint32_t pages = be32(h + 28);
  if (be32(h + 92) == be32(h + 24)) {
    if ((int64_t)pages * page != size)
      damaged(path, "it should be " + std::to_string((int64_t)pages * page) + " bytes long but is " + std::to_string(size) +
                        ": the copy was cut short or extended");
  } else if (size % page) {
    damaged(path, "its size is not a whole number of pages: the copy was cut short");
  }
  if (be32(h + 36) > (uint32_t)(size / page)) damaged(path, "its header counts more free pages than the file has");
}

// application_id and user_version, read from the header so the messages can tell damage from
// a foreign file and from a newer format.
int check_identity(const std::string& path, const unsigned char* h) {
  const unsigned char want[4] = {(unsigned char)(kApplicationId >> 24), (unsigned char)(kApplicationId >> 16),
                                 (unsigned char)(kApplicationId >> 8), (unsigned char)kApplicationId};
  int d = bit_distance(h + 68, want, 4);
  if (d > 2)
    throw OpenError(OpenError::NotABundle, path + " is an SQLite file but not an exhibit bundle; give the .bundle file kiosk-bundle built.");
  if (d > 0) damaged(path, "its header's bundle mark has flipped bits");
  int64_t version = (int32_t)be32(h + 60);
  // A version a little above ours may be a newer format: Bundle::open decides once it has seen
  // the schema (a format-1 schema under a higher number is a flipped bit, not a new format).
  if (version > kFormatVersion + limits::kFormatAhead || version < 0) damaged(path, "its header's format version is impossible");
  if (version == 0)
    throw OpenError(OpenError::TooOld, path + " has no bundle format version; rebuild it with kiosk-bundle.");
  return (int)version;
}

}  // namespace

int64_t file_and_header(const std::string& path, int& version) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      throw OpenError(OpenError::Missing, "There is no exhibit bundle at " + path + "; check the path (kiosk.toml's bundle, or the command line).");
    throw OpenError(OpenError::Missing, path + " cannot be read (" + strerror(errno) + "); check its permissions.");
  }
  struct stat st;
  unsigned char h[100];
  ssize_t got = -1;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) got = pread(fd, h, sizeof h, 0);
  int err = errno;
  close(fd);
  if (got < 0 && !S_ISREG(st.st_mode))
    throw OpenError(OpenError::NotAFile, path + " is " + kind_of(st.st_mode) + ", not a bundle file; give the path of a .bundle file.");
  if (got < 0) throw OpenError(OpenError::Damaged, path + " cannot be read (" + strerror(err) + "); install a fresh copy.");
  const int64_t size = st.st_size;
  if (size == 0) throw OpenError(OpenError::NotABundle, path + " is empty, not an exhibit bundle; copy the bundle again.");
  if (size > limits::kFileBytes)
    throw OpenError(OpenError::NotABundle, path + " is larger than any bundle may be (" + std::to_string(limits::kFileBytes >> 20) +
                                               " MB); give the .bundle file kiosk-bundle built.");
  // A few flipped bits in the magic are damage; anything else is some other kind of file.
  size_t n = (size_t)got < sizeof kMagic ? (size_t)got : sizeof kMagic;
  if (n < sizeof kMagic || bit_distance(h, (const unsigned char*)kMagic, n) > 2)
    throw OpenError(OpenError::NotABundle, path + " is not an exhibit bundle (it is not an SQLite file).");
  if (bit_distance(h, (const unsigned char*)kMagic, n) > 0) damaged(path, "its SQLite header has flipped bits");
  if (got < (ssize_t)sizeof h) damaged(path, "it is only " + std::to_string(got) + " bytes: the copy was cut short");
  check_fields(path, h, size);
  version = check_identity(path, h);
  return size;
}

}  // namespace bundle::checks
