// writer.cpp — see writer.h.
#include "content/bundle/writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

#include "content/bundle/sqlite_util.h"
#include "schema_sql.h"

namespace bundle {

namespace {

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

void put_text(sqlite3* db, const std::string& key, const Text& t) {
  sql::Stmt s(db, "INSERT INTO wording(key, lang, value) VALUES (?, ?, ?)");
  for (const auto& [lang, value] : t.by_lang) {
    s.bind(1, key).bind(2, lang).bind(3, value);
    s.run();
  }
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

void fill(sqlite3* db, const Contents& c) {
  const Exhibit& ex = c.exhibit;
  {
    sql::Stmt s(db, "INSERT INTO meta(key, value) VALUES (?, ?)");
    auto meta = [&](const char* k, const std::string& v) {
      s.bind(1, std::string(k)).bind(2, v);
      s.run();
    };
    meta("id", ex.meta.id);
    meta("version", ex.meta.version);
    meta("languages", join(ex.meta.languages));
    meta("idle_seconds", std::to_string(ex.meta.idle_seconds));
    meta("warning_seconds", std::to_string(ex.meta.warning_seconds));
    if (!ex.meta.built.empty()) meta("built", ex.meta.built);
  }
  put_text(db, "exhibit.title", ex.meta.title);
  put_text(db, "exhibit.subtitle", ex.meta.subtitle);
  put_text(db, "exhibit.subject", ex.meta.subject);

  std::map<std::string, const MediaInfo*> described;  // a lookup per picture, not a scan
  for (const auto& m : ex.media) described.emplace(m.id, &m);
  for (const auto& [id, bytes] : c.media) {
    auto found = described.find(id);
    const MediaInfo* info = found == described.end() ? nullptr : found->second;
    if (!info) throw std::runtime_error("internal: media " + id + " has no description");
    sql::Stmt s(db, "INSERT INTO media(id, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, id).bind(2, info->mime).bind(3, (int64_t)info->width).bind(4, (int64_t)info->height);
    s.bind_blob(5, bytes.data(), bytes.size());
    s.run();
  }
  {
    sql::Stmt room(db, "INSERT INTO room(id, ord, year_from, year_to, image) VALUES (?, ?, ?, ?, ?)");
    sql::Stmt page(db, "INSERT INTO room_page(room, lang, n, markdown) VALUES (?, ?, ?, ?)");
    sql::Stmt place(db, "INSERT INTO room_place(room, n, place) VALUES (?, ?, ?)");
    int64_t ord = 0;
    for (const auto& r : ex.rooms) {
      room.bind(1, r.id).bind(2, ord++).bind(3, (int64_t)r.year_from).bind(4, (int64_t)r.year_to);
      if (r.image.media.empty()) room.bind_null(5);
      else room.bind(5, r.image.media);
      room.run();
      std::string k = "room." + r.id + ".";
      put_text(db, k + "title", r.title);
      put_text(db, k + "teaser", r.teaser);
      if (!r.image.media.empty()) {
        put_text(db, k + "image.caption", r.image.caption);
        put_text(db, k + "image.credit", r.image.credit);
        put_text(db, k + "image.alt", r.image.alt);
      }
      for (const auto& [lang, pages] : r.pages)
        for (size_t n = 0; n < pages.size(); ++n) {
          page.bind(1, r.id).bind(2, lang).bind(3, (int64_t)n).bind(4, pages[n]);
          page.run();
        }
      for (size_t n = 0; n < r.places.size(); ++n) {
        place.bind(1, r.id).bind(2, (int64_t)n).bind(3, r.places[n]);
        place.run();
      }
    }
  }
  {
    sql::Stmt s(db, "INSERT INTO place(id, lat, lon, priority) VALUES (?, ?, ?, ?)");
    for (const auto& p : ex.places) {
      s.bind(1, p.id).bind(2, p.lat).bind(3, p.lon).bind(4, (int64_t)p.priority);
      s.run();
      put_text(db, "place." + p.id + ".name", p.name);
      put_text(db, "place." + p.id + ".text", p.text);
    }
  }
  {
    sql::Stmt s(db, "INSERT INTO stay(n, place, date_from, date_to, kind) VALUES (?, ?, ?, ?, ?)");
    for (size_t n = 0; n < ex.journey.size(); ++n) {
      const Stay& st = ex.journey[n];
      s.bind(1, (int64_t)n).bind(2, st.place).bind(3, st.from).bind(4, st.to).bind(5, st.kind);
      s.run();
      put_text(db, "stay." + std::to_string(n) + ".text", st.text);
    }
  }
  {
    sql::Stmt s(db, "INSERT INTO quote(id, ord, room, year, author) VALUES (?, ?, ?, ?, ?)");
    int64_t ord = 0;
    for (const auto& q : ex.quotes) {
      s.bind(1, q.id).bind(2, ord++);
      if (q.room.empty()) s.bind_null(3);
      else s.bind(3, q.room);
      // The column keeps the default language's name, for readers that predate per-language
      // authors; the wording holds every language's.
      const std::string def = ex.meta.languages.empty() ? std::string() : ex.meta.languages[0];
      s.bind(4, (int64_t)q.year).bind(5, q.author.empty() ? std::string() : q.author.in(def));
      s.run();
      put_text(db, "quote." + q.id + ".author", q.author);
      put_text(db, "quote." + q.id + ".text", q.text);
      put_text(db, "quote." + q.id + ".work", q.work);
      put_text(db, "quote." + q.id + ".note", q.note);
    }
  }
  {
    sql::Stmt s(db, "INSERT INTO question(id, ord) VALUES (?, ?)");
    int64_t ord = 0;
    for (const auto& q : ex.questions) {
      s.bind(1, q.id).bind(2, ord++);
      s.run();
      put_text(db, "question." + q.id + ".question", q.question);
      put_text(db, "question." + q.id + ".answer", q.answer);
    }
  }
  for (const auto& [key, t] : ex.strings) put_text(db, "ui." + key, t);
  {
    sql::Stmt s(db, "INSERT INTO attract(n, kind, ref, seconds) VALUES (?, ?, ?, ?)");
    for (size_t n = 0; n < ex.attract.size(); ++n) {
      const auto& a = ex.attract[n];
      s.bind(1, (int64_t)n).bind(2, a.kind).bind(3, a.ref).bind(4, (int64_t)a.seconds);
      s.run();
    }
  }
  {
    sql::Stmt s(db, "INSERT INTO font(role, file, bytes) VALUES (?, ?, ?)");
    for (const auto& [role, f] : c.fonts) {
      s.bind(1, role).bind(2, f.file).bind_blob(3, f.bytes.data(), f.bytes.size());
      s.run();
    }
  }
  {
    sql::Stmt s(db,
                "INSERT INTO map_layer(name, lod, vertex_count, triangle_count, vertices, indices) "
                "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& [name, g] : c.map) {
      s.bind(1, name).bind(2, (int64_t)g.lod).bind(3, (int64_t)(g.xy.size() / 2)).bind(4, (int64_t)(g.indices.size() / 3));
      s.bind_blob(5, g.xy.data(), g.xy.size() * sizeof(float));
      s.bind_blob(6, g.indices.data(), g.indices.size() * sizeof(uint32_t));
      s.run();
    }
  }
  std::string hash = content_hash(db);
  sql::Stmt s(db, "INSERT INTO meta(key, value) VALUES ('content_hash', ?)");
  s.bind(1, hash);
  s.run();
}

}  // namespace

void write(const Contents& contents, const std::string& path) {
  std::string tmp = path + ".partial";
  unlink(tmp.c_str());
  try {
    {
      Db d;
      if (sqlite3_open_v2(tmp.c_str(), &d.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot create " + tmp + ": " + sqlite3_errmsg(d.db));
      // A bundle is shipped in rollback-journal mode so a reader never looks for a WAL beside it.
      sql::exec(d.db, "PRAGMA journal_mode=DELETE; PRAGMA page_size=4096;");
      sql::exec(d.db, "BEGIN");
      sql::exec(d.db, kSchemaSql);
      fill(d.db, contents);
      sql::exec(d.db, "COMMIT");
      sql::exec(d.db, "VACUUM");  // compact pages: the same content always gives the same bytes
    }
    int fd = ::open(tmp.c_str(), O_RDONLY);
    if (fd >= 0) {
      fsync(fd);
      close(fd);
    }
    if (rename(tmp.c_str(), path.c_str()) != 0)
      throw std::runtime_error("cannot move the finished bundle to " + path);
  } catch (const sql::Error& e) {
    unlink(tmp.c_str());
    throw std::runtime_error(std::string("writing the bundle failed: ") + e.what());
  } catch (...) {
    unlink(tmp.c_str());
    throw;
  }
}

}  // namespace bundle
