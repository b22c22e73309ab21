// fuzz_exhibit_sources.cpp — the curator's source parsers through their real entry point,
// curator::read_exhibit, on a scratch copy of content/example: the first input byte picks the
// file that the rest replaces (exhibit.toml, strings.toml, questions.toml, a CSV, or a room's
// TOML front matter + Markdown), so TOML, CSV and room pages are all reached.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "content/curator/source.h"

namespace fs = std::filesystem;

namespace {

const char* const kFiles[] = {"exhibit.toml", "strings.toml", "questions.toml", "places.csv",
                              "journey.csv",  "quotes.csv",   "rooms/01-garden.md"};
constexpr size_t kCount = sizeof kFiles / sizeof kFiles[0];

struct Folder {
  fs::path dir;
  std::string original[kCount];
  Folder() {
    dir = fs::temp_directory_path() / ("kiosk-fuzz-exhibit-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::copy(fs::path(KIOSK_SOURCE_DIR) / "content/example", dir, fs::copy_options::recursive);
    for (size_t i = 0; i < kCount; ++i) {
      std::ifstream f(dir / kFiles[i], std::ios::binary);
      std::ostringstream s;
      s << f.rdbuf();
      original[i] = s.str();
    }
  }
  ~Folder() { fs::remove_all(dir); }
  void put(size_t i, const std::string& text) { std::ofstream(dir / kFiles[i], std::ios::binary | std::ios::trunc) << text; }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Folder folder;
  if (size < 1) return 0;
  size_t which = data[0] % kCount;
  folder.put(which, std::string(reinterpret_cast<const char*>(data + 1), size - 1));
  curator::Diagnostics diag;
  curator::read_exhibit(folder.dir.string(), diag);
  folder.put(which, folder.original[which]);
  return 0;
}
