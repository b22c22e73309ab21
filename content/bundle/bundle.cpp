// bundle.cpp — opening and loading an exhibit bundle (see bundle.h).
#include "content/bundle/bundle.h"

#include <sys/stat.h>

#include <cstring>
#include <fstream>

#include "content/bundle/sqlite_util.h"

namespace bundle {

struct Bundle::Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

const std::string& Text::in(const std::string& lang) const {
  static const std::string empty;
  auto it = by_lang.find(lang);
  if (it != by_lang.end()) return it->second;
  if (!fallback.empty() && (it = by_lang.find(fallback)) != by_lang.end()) return it->second;
  return by_lang.empty() ? empty : by_lang.begin()->second;
}

template <class T>
static const T* find_by_id(const std::vector<T>& v, const std::string& id) {
  for (const auto& x : v)
    if (x.id == id) return &x;
  return nullptr;
}
const Room* Exhibit::room(const std::string& id) const { return find_by_id(rooms, id); }
const Place* Exhibit::place(const std::string& id) const { return find_by_id(places, id); }
const Quote* Exhibit::quote(const std::string& id) const { return find_by_id(quotes, id); }

std::string Exhibit::label(const std::string& key, const std::string& lang) const {
  auto it = strings.find(key);
  if (it == strings.end()) return key;
  return it->second.in(lang);
}

// SQLite URIs need '%', '?' and '#' escaped in the path.
static std::string file_uri(const std::string& path) {
  std::string out = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      snprintf(buf, sizeof buf, "%%%02X", (unsigned char)c);
      out += buf;
    } else {
      out += c;
    }
  }
  // immutable: the kiosk never writes, and an installed bundle is replaced by rename, never
  // modified in place — so SQLite needs no locks and creates no journal beside the file.
  return out + "?immutable=1";
}

static void check_header(const std::string& path, int64_t size) {
  std::ifstream f(path, std::ios::binary);
  char magic[16] = {};
  f.read(magic, 16);
  if (size < 100 || !f || memcmp(magic, "SQLite format 3", 16) != 0)
    throw OpenError(OpenError::NotABundle, path + " is not an exhibit bundle (it is not an SQLite file).");
}

// Loads every text into a map keyed by its wording key.
static std::map<std::string, Text> load_wording(sqlite3* db) {
  std::map<std::string, Text> all;
  sql::Stmt s(db, "SELECT key, lang, value FROM wording ORDER BY key, lang");
  while (s.step()) all[s.text(0)].by_lang[s.text(1)] = s.text(2);
  return all;
}

static void load_meta(sqlite3* db, Meta& m) {
  {
    sql::Stmt s(db, "SELECT key, value FROM meta");
    while (s.step()) {
      std::string k = s.text(0), v = s.text(1);
      if (k == "id") m.id = v;
      else if (k == "version") m.version = v;
      else if (k == "built") m.built = v;
      else if (k == "content_hash") m.content_hash = v;
      else if (k == "idle_seconds") m.idle_seconds = std::atoi(v.c_str());
      else if (k == "warning_seconds") m.warning_seconds = std::atoi(v.c_str());
      else if (k == "languages") {
        size_t start = 0;
        while (start <= v.size()) {
          size_t comma = v.find(',', start);
          if (comma == std::string::npos) comma = v.size();
          if (comma > start) m.languages.push_back(v.substr(start, comma - start));
          start = comma + 1;
        }
      }
    }
  }
}

static void load(sqlite3* db, Exhibit& ex) {
  Meta& m = ex.meta;
  load_meta(db, m);
  auto words = load_wording(db);
  // Every text falls back to the exhibit's default language, never to whichever code sorts first.
  const std::string def = m.languages.empty() ? std::string() : m.languages[0];
  for (auto& [key, t] : words) t.fallback = def;
  auto text = [&](const std::string& key) {
    auto it = words.find(key);
    Text none;
    none.fallback = def;
    return it == words.end() ? none : it->second;
  };
  m.title = text("exhibit.title");
  m.subtitle = text("exhibit.subtitle");
  m.subject = text("exhibit.subject");

  {
    sql::Stmt s(db, "SELECT id, year_from, year_to, image FROM room ORDER BY ord");
    while (s.step()) {
      Room r;
      r.id = s.text(0);
      r.year_from = (int)s.integer(1);
      r.year_to = (int)s.integer(2);
      std::string k = "room." + r.id + ".";
      r.title = text(k + "title");
      r.teaser = text(k + "teaser");
      if (!s.is_null(3)) {
        r.image.media = s.text(3);
        r.image.caption = text(k + "image.caption");
        r.image.credit = text(k + "image.credit");
        r.image.alt = text(k + "image.alt");
      }
      ex.rooms.push_back(std::move(r));
    }
  }
  {
    sql::Stmt s(db, "SELECT room, lang, markdown FROM room_page ORDER BY room, lang, n");
    while (s.step())
      for (auto& r : ex.rooms)
        if (r.id == s.text(0)) r.pages[s.text(1)].push_back(s.text(2));
  }
  {
    sql::Stmt s(db, "SELECT room, place FROM room_place ORDER BY room, n");
    while (s.step())
      for (auto& r : ex.rooms)
        if (r.id == s.text(0)) r.places.push_back(s.text(1));
  }
  {
    sql::Stmt s(db, "SELECT id, lat, lon, priority FROM place ORDER BY id");
    while (s.step()) {
      Place p;
      p.id = s.text(0);
      p.lat = s.real(1);
      p.lon = s.real(2);
      p.priority = (int)s.integer(3);
      p.name = text("place." + p.id + ".name");
      p.text = text("place." + p.id + ".text");
      ex.places.push_back(std::move(p));
    }
  }
  {
    sql::Stmt s(db, "SELECT n, place, date_from, date_to, kind FROM stay ORDER BY n");
    while (s.step()) {
      Stay st;
      st.place = s.text(1);
      st.from = s.text(2);
      st.to = s.text(3);
      st.kind = s.text(4);
      st.text = text("stay." + std::to_string(s.integer(0)) + ".text");
      ex.journey.push_back(std::move(st));
    }
  }
  {
    sql::Stmt s(db, "SELECT id, room, year, author FROM quote ORDER BY ord");
    while (s.step()) {
      Quote q;
      q.id = s.text(0);
      q.room = s.text(1);
      q.year = (int)s.integer(2);
      q.author = text("quote." + q.id + ".author");
      if (q.author.empty() && !s.text(3).empty())  // a bundle from before per-language authors
        for (const auto& l : m.languages) q.author.by_lang[l] = s.text(3);
      q.text = text("quote." + q.id + ".text");
      q.work = text("quote." + q.id + ".work");
      q.note = text("quote." + q.id + ".note");
      ex.quotes.push_back(std::move(q));
    }
  }
  {
    sql::Stmt s(db, "SELECT id FROM question ORDER BY ord");
    while (s.step()) {
      Question q;
      q.id = s.text(0);
      q.question = text("question." + q.id + ".question");
      q.answer = text("question." + q.id + ".answer");
      ex.questions.push_back(std::move(q));
    }
  }
  for (auto& [key, t] : words)
    if (key.rfind("ui.", 0) == 0) ex.strings[key.substr(3)] = t;
  {
    sql::Stmt s(db, "SELECT kind, ref, seconds FROM attract ORDER BY n");
    while (s.step()) ex.attract.push_back({s.text(0), s.text(1), (int)s.integer(2)});
  }
  {
    sql::Stmt s(db, "SELECT id, mime, width, height, length(bytes) FROM media ORDER BY id");
    while (s.step())
      ex.media.push_back({s.text(0), s.text(1), (int)s.integer(2), (int)s.integer(3), s.integer(4)});
  }
  {
    sql::Stmt s(db, "SELECT role FROM font ORDER BY role");
    while (s.step()) ex.font_roles.push_back(s.text(0));
  }
  {
    sql::Stmt s(db, "SELECT name, lod, vertex_count, triangle_count FROM map_layer ORDER BY lod, name");
    while (s.step()) ex.map.push_back({s.text(0), (int)s.integer(1), s.integer(2), s.integer(3)});
  }
}

std::unique_ptr<Bundle> Bundle::open(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0)
    throw OpenError(OpenError::Missing, "There is no exhibit bundle at " + path + ".");
  check_header(path, st.st_size);

  std::unique_ptr<Bundle> b(new Bundle());
  b->path_ = path;
  b->file_size_ = st.st_size;
  b->db_ = std::make_unique<Db>();
  int rc = sqlite3_open_v2(file_uri(path).c_str(), &b->db_->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  if (rc != SQLITE_OK)
    throw OpenError(OpenError::NotABundle, path + " cannot be opened: " + sqlite3_errstr(rc) + ".");
  sqlite3* db = b->db_->db;
  try {
    int64_t app = sql::pragma_int(db, "application_id");
    if (app != kApplicationId)
      throw OpenError(OpenError::NotABundle, path + " is an SQLite file but not an exhibit bundle.");
    int64_t version = sql::pragma_int(db, "user_version");
    if (version > kFormatVersion)
      throw OpenError(OpenError::TooNew, path + " uses bundle format " + std::to_string(version) +
                                             ", but this kiosk reads format " + std::to_string(kFormatVersion) +
                                             " at most: update the kiosk software, or build the bundle with a matching kiosk-bundle.");
    if (version < 1)
      throw OpenError(OpenError::TooOld, path + " has no bundle format version; rebuild it with kiosk-bundle.");
    {
      sql::Stmt s(db, "PRAGMA quick_check");
      if (!s.step() || s.text(0) != "ok")
        throw OpenError(OpenError::Damaged, path + " is damaged (SQLite reports: " + s.text(0) + "); install a fresh copy.");
    }
    load(db, b->exhibit_);
    std::string hash = content_hash(db);
    if (hash != b->exhibit_.meta.content_hash)
      throw OpenError(OpenError::Damaged, path + " is damaged: its content does not match its hash; install a fresh copy.");
  } catch (const sql::Error& e) {
    if (e.code == SQLITE_NOTADB)
      throw OpenError(OpenError::NotABundle, path + " is not an exhibit bundle (" + e.what() + ").");
    throw OpenError(OpenError::Damaged, path + " is damaged (" + e.what() + "); install a fresh copy.");
  }
  return b;
}

Bundle::~Bundle() = default;

std::vector<uint8_t> Bundle::media_bytes(const std::string& id) const {
  sql::Stmt s(db_->db, "SELECT bytes FROM media WHERE id = ?");
  s.bind(1, id);
  return s.step() ? s.blob(0) : std::vector<uint8_t>();
}

std::vector<uint8_t> Bundle::font_bytes(const std::string& role) const {
  sql::Stmt s(db_->db, "SELECT bytes FROM font WHERE role = ?");
  s.bind(1, role);
  return s.step() ? s.blob(0) : std::vector<uint8_t>();
}

bool Bundle::map_geometry(const std::string& layer, std::vector<float>& xy, std::vector<uint32_t>& indices) const {
  sql::Stmt s(db_->db, "SELECT vertices, indices FROM map_layer WHERE name = ?");
  s.bind(1, layer);
  if (!s.step()) return false;
  auto v = s.blob(0), i = s.blob(1);
  xy.resize(v.size() / sizeof(float));
  indices.resize(i.size() / sizeof(uint32_t));
  if (!v.empty()) memcpy(xy.data(), v.data(), xy.size() * sizeof(float));
  if (!i.empty()) memcpy(indices.data(), i.data(), indices.size() * sizeof(uint32_t));
  return true;
}

}  // namespace bundle
