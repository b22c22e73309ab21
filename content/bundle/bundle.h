// bundle.h — reads an exhibit bundle: the one SQLite file that holds everything a kiosk shows.
//
// Does:     open read-only (no journal or WAL file is ever created beside it), refuse what is not
//           a regular file, check the SQLite header, the schema, the column types,
//           integrity_check and the content hash, load all texts and structure into plain structs,
//           fetch media and fonts on demand.
// Does not: check the content's rules (references, languages, limits, pictures, fonts, map):
//           validate.h does, and the kiosk and `check` call it; write (writer.h); know SDL or ImGui.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace bundle {

// The format this code reads and writes (PRAGMA user_version).
constexpr int kFormatVersion = 1;
// PRAGMA application_id: 'MKIB'.
constexpr int kApplicationId = 0x4D4B4942;

// Why a bundle could not be opened. The message is one sentence for a human.
struct OpenError : std::runtime_error {
  enum Kind { Missing, NotABundle, Damaged, TooNew, TooOld, NotAFile };
  Kind kind;
  OpenError(Kind k, const std::string& msg) : std::runtime_error(msg), kind(k) {}
};

// A visitor-facing text in every language of the exhibit: language code -> text.
struct Text {
  std::map<std::string, std::string> by_lang;
  // The exhibit's default language (its first), set by Bundle::open: where a missing
  // translation falls back to. Empty on a Text made by hand.
  std::string fallback;
  // The text in `lang`, else in the default language, else in any language present, else "".
  // Never throws.
  const std::string& in(const std::string& lang) const;
  bool empty() const { return by_lang.empty(); }
};

struct Meta {
  std::string id, version, built, content_hash;
  std::vector<std::string> languages;  // the first is the default
  Text title, subtitle, subject;
  int idle_seconds = 90, warning_seconds = 30;
};

struct Image {
  std::string media;  // media id ('' when the room has no picture)
  Text caption, credit, alt;
};

struct Room {
  std::string id;
  int year_from = 0, year_to = 0;
  Text title, teaser;
  std::map<std::string, std::vector<std::string>> pages;  // lang -> pages (Markdown subset)
  std::vector<std::string> places;
  Image image;
};

struct Place {
  std::string id;
  double lat = 0, lon = 0;
  int priority = 2;
  Text name, text;
};

struct Stay {
  std::string place, from, to, kind;  // dates are ISO: "1929", "1929-02", "1929-02-12"
  Text text;
};

struct Quote {
  std::string id, room;
  int year = 0;
  Text author;  // per language where names differ; empty = the exhibit's subject
  Text text, work, note;
};

struct Question {
  std::string id;
  Text question, answer;
};

struct AttractItem {
  std::string kind, ref;  // kind: title | quote | room | journey
  int seconds = 10;
};

struct MediaInfo {
  std::string id, mime;
  int width = 0, height = 0;
  int64_t bytes = 0;
};

struct MapLayer {
  std::string name;
  int lod = 0;
  int64_t vertex_count = 0, triangle_count = 0;
};

// Everything but the blobs, loaded at open.
struct Exhibit {
  Meta meta;
  std::vector<Room> rooms;
  std::vector<Place> places;
  std::vector<Stay> journey;
  std::vector<Quote> quotes;
  std::vector<Question> questions;
  std::map<std::string, Text> strings;  // UI labels by key, e.g. "home.map"
  std::vector<AttractItem> attract;
  std::vector<MediaInfo> media;
  std::vector<std::string> font_roles;
  std::vector<MapLayer> map;

  const Room* room(const std::string& id) const;
  const Place* place(const std::string& id) const;
  const Quote* quote(const std::string& id) const;
  // A UI label in `lang`; the key itself when missing, so a gap is visible but harmless.
  std::string label(const std::string& key, const std::string& lang) const;
};

class Bundle {
 public:
  // Opens the file and verifies it as a file (see above). Throws OpenError; never blocks on a FIFO.
  static std::unique_ptr<Bundle> open(const std::string& path);
  ~Bundle();

  const Exhibit& exhibit() const { return exhibit_; }
  // The bytes of a picture or font; empty when there is none by that name.
  std::vector<uint8_t> media_bytes(const std::string& id) const;
  std::vector<uint8_t> font_bytes(const std::string& role) const;
  // The raw map geometry of one layer (float x,y pairs; uint32 indices).
  bool map_geometry(const std::string& layer, std::vector<float>& xy, std::vector<uint32_t>& indices) const;
  const std::string& path() const { return path_; }
  int64_t file_size() const { return file_size_; }

 private:
  Bundle() = default;
  struct Db;
  std::unique_ptr<Db> db_;
  std::string path_;
  int64_t file_size_ = 0;
  Exhibit exhibit_;
};

// The hash of everything in the bundle except the hash itself: rows of every table in key order.
// Stored as meta.content_hash by the writer, compared by open() and `kiosk-bundle check`.
// `db` is an open sqlite3* (kept opaque here so this header never names SQLite).
std::string content_hash(void* db);

}  // namespace bundle
