// validate.h — the one answer to "may a kiosk show this bundle?", shared by `kiosk-bundle check`,
// the kiosk's open path (kiosk/app) and the install store. A bundle that passes never makes a
// screen read past an array, draw an unknown place, or allocate without bound.
//
// Does:     [X] refuse what is not a regular file (FIFO, device, folder) before opening it
//           [X] read the SQLite header itself: damage says "damaged", a newer format says "update"
//           [X] the schema is exactly schema.sql (no extra tables, views or triggers); column types
//           [X] PRAGMA integrity_check in full (indexes against tables), on every open
//           [X] the content hash; every reference (room places, stays, quotes' rooms, attract, media)
//           [X] every text in every language of the exhibit, valid UTF-8, within the limits below
//           [X] pictures decode (PNG/JPEG, ≤ 4096 px a side, size as recorded), fonts parse; on
//               the kiosk's open path (Reading::kiosk_open) pictures by their headers only
//           [X] map geometry: whole triangles, indices in range, counts as recorded, finite numbers,
//               levels of detail 0…n-1 once each
// Does not: judge wording (word budgets, glyph coverage: the curator's build does), decode a
//           picture the way SDL_image will (stb_image is close, not identical), or cache results.
//
// Why integrity_check on every open rather than once per content hash: it costs a few
// milliseconds per megabyte, and a file on an SD card can rot after it was first validated — the
// content hash notices rotten rows but not a rotten index, which only integrity_check compares.
//
// Why the kiosk's open path reads pictures' headers, not their pixels: decoding the sample's 12
// room pictures in full was 30 ms of a 105 ms start here (stb_image), at every boot, for bytes the
// content hash proves are those the curator's build decoded in full (and, installed, the store's
// check too). A forgery with a recomputed hash can still bring pixels that do not decode: the
// header's type, markers and size (≤ 4096 px, as recorded) were checked, so nothing is
// allocated without bound, and the room shows without its picture, with a log line
// (kiosk/ui/pictures.h). `kiosk-bundle check`, the store's install and the build decode in full.
//
// Entry points (all one-line, human messages: what is wrong and what to do):
//   Validation v = bundle::validate_file(path);   // open + everything; v.bundle set when ok()
//   Validation v = bundle::validate_file(path, Reading::kiosk_open());  // the kiosk's boot
//   std::vector<Problem> p = bundle::validate(bundle);    // content rules on an opened bundle
//   std::vector<Problem> p = bundle::validate(contents);  // the same rules before writing one
#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "content/bundle/writer.h"  // MapGeometry

namespace bundle {

// Every limit a bundle must keep, in one place. Generous for a real exhibit (the sample's
// largest room page is ~2 KB), small enough that nothing a screen draws can exhaust memory.
namespace limits {
constexpr int64_t kFileBytes = 512ll << 20;        // the whole bundle
constexpr size_t kRowsPerTable = 200'000;          // checked before anything is loaded
constexpr int kFormatAhead = 100;                  // format versions above this are damage, not "too new"
constexpr size_t kLanguages = 8;
constexpr size_t kLabelBytes = 400;                // UI labels, names, titles, captions, credits
constexpr size_t kShortTextBytes = 2000;           // teasers, alt texts, works, notes, questions
constexpr size_t kLongTextBytes = 16 << 10;        // one room page, an answer, a quotation, a story
constexpr size_t kPagesPerRoom = 40;               // per language
constexpr size_t kRooms = 200, kPlaces = 2000, kStays = 2000, kQuotes = 5000, kQuestions = 1000;
constexpr size_t kLabels = 2000, kAttract = 500, kMedia = 1000;
constexpr int kPictureSide = 4096;                 // the Pi's GPU texture limit
constexpr int64_t kPictureBytes = 32 << 20, kFontBytes = 32 << 20;
constexpr int kMapLayers = 8;                      // levels of detail 0 … kMapLayers-1
constexpr int64_t kMapVertices = 4'000'000, kMapTriangles = 8'000'000;
constexpr int kYearMin = -9999, kYearMax = 9999;
constexpr int kIdleMin = 10, kIdleMax = 3600, kWarningMin = 20, kWarningMax = 600;  // seconds
constexpr int kAttractMin = 3, kAttractMax = 600;                                    // seconds
}  // namespace limits

// The font roles every bundle carries (the reading faces and the UI's sans).
inline constexpr const char* kFontRoles[] = {"serif", "serif_italic", "serif_bold", "sans", "sans_bold"};

// One thing wrong with a bundle.
struct Problem {
  // Missing … TooOld: the file as a whole cannot be read (`check` exits 2); Invalid: it opens
  // but breaks a rule of the content (`check` exits 1). Same values as OpenError::Kind first.
  enum Kind { Missing, NotABundle, Damaged, TooNew, TooOld, NotAFile, Invalid };
  Kind kind;
  std::string message;  // one line: what is wrong and what to do
};

// How validate_file reads the blobs. The defaults are `kiosk-bundle check`'s and the store's.
struct Reading {
  bool decode_pictures = true;  // false: each picture's type, markers and size from its header only
  bool keep_blobs = false;      // hand the fonts and map geometry read to Validation::fonts / map
  // The kiosk's open path: headers only (see above), and nothing read twice.
  static Reading kiosk_open() { return {false, true}; }
};

struct Validation {
  std::vector<Problem> problems;  // empty: the bundle may be shown
  std::unique_ptr<Bundle> bundle; // the opened bundle when ok(), else null
  // With Reading::keep_blobs and ok(): what validation read and passed, so the caller need not
  // read it again: font role -> bytes (the roles the bundle has), map layer name -> geometry.
  std::map<std::string, std::vector<uint8_t>> fonts;
  std::map<std::string, MapGeometry> map;
  bool ok() const { return problems.empty(); }
  // The file could not be opened as a bundle at all (missing, not a file, foreign, damaged, other format).
  bool file_refused() const { return !problems.empty() && problems.front().kind != Problem::Invalid; }
  // One line for a log: the first problem, and how many more there are.
  std::string summary() const;
};

// Opens `path` and checks everything. Never throws for anything about the file; never blocks on
// a FIFO or device.
Validation validate_file(const std::string& path, const Reading& how = {});

// The content rules (references, languages, limits, pictures, fonts, map) on an opened bundle.
std::vector<Problem> validate(const Bundle& b);
// The same rules on contents about to be written (the curator's build), so both sides agree.
std::vector<Problem> validate(const Contents& c);

}  // namespace bundle
