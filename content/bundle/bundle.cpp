// bundle.cpp — opening and loading an exhibit bundle (see bundle.h).
#include "content/bundle/bundle.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include "content/bundle/open_checks.h"
#include "content/bundle/sqlite_util.h"
#include "content/bundle/validate.h"

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
  std::map<std::string, size_t> by_id;  // pages and places find their room without a scan
  for (size_t i = 0; i < ex.rooms.size(); ++i) by_id.emplace(ex.rooms[i].id, i);
  auto room_of = [&](const std::string& id) -> Room* {
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : &ex.rooms[it->second];
  };
  {
    sql::Stmt s(db, "SELECT room, lang, markdown FROM room_page ORDER BY room, lang, n");
    while (s.step())
      if (Room* r = room_of(s.text(0))) r->pages[s.text(1)].push_back(s.text(2));
  }
  {
    sql::Stmt s(db, "SELECT room, place FROM room_place ORDER BY room, n");
    while (s.step())
      if (Room* r = room_of(s.text(0))) r->places.push_back(s.text(1));
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
  int version = 0;
  const int64_t size = checks::file_and_header(path, version);
  std::unique_ptr<Bundle> b(new Bundle());
  b->path_ = path;
  b->file_size_ = size;
  b->db_ = std::make_unique<Db>();
  int rc = sqlite3_open_v2(file_uri(path).c_str(), &b->db_->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  if (rc != SQLITE_OK)
    throw OpenError(OpenError::NotABundle, path + " cannot be opened: " + sqlite3_errstr(rc) + ".");
  sqlite3* db = b->db_->db;
  // A bundle is data, never code: no functions from its schema, no writes through it, and every
  // cell's size checked against its page as it is read.
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, (int)std::min<int64_t>(limits::kFileBytes, INT32_MAX));
  try {
    sql::exec(db, "PRAGMA cell_size_check = ON");
    // The checks below read every page once and the kiosk then reads a picture now and then: a
    // small page cache (256 KiB, not SQLite's 2 MB) costs nothing here and stays small for months.
    sql::exec(db, "PRAGMA cache_size = -256");
    checks::schema(db, path, version);
    checks::integrity(db, path);
    checks::column_types(db, path);
    checks::row_counts(db, path);
    load(db, b->exhibit_);
    std::string hash = content_hash(db);
    if (hash != b->exhibit_.meta.content_hash)
      throw OpenError(OpenError::Damaged, path + " is damaged: its content does not match its hash; install a fresh copy.");
  } catch (const sql::Error& e) {
    // The header was sound, so SQLite's complaint (even "not a database") means damage inside.
    throw OpenError(OpenError::Damaged, path + " is damaged (" + checks::one_line(e.what()) + "); install a fresh copy.");
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
