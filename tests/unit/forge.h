// forge.h — forged bundles for the validation tests: a copy of a good bundle changed with SQL and
// its content hash recomputed (bundle::content_hash), exactly what an attacker or a buggy tool
// could make. Each forgery breaks one rule the kiosk relies on; validation must refuse it.
#pragma once
#include <sqlite3.h>

#include <string>
#include <vector>

#include "content/bundle/bundle.h"

namespace testutil {

// Applies `sql` to the bundle at `path` in place and stamps the matching content hash.
// Returns false (with SQLite's message in `why`) when the SQL itself fails.
// `stamp` false leaves the old hash (for schemas whose hash cannot even be computed).
inline bool forge(const std::string& path, const std::string& sql, std::string* why = nullptr, bool stamp = true) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
  char* err = nullptr;
  ok = ok && sqlite3_exec(db, "PRAGMA writable_schema = OFF;", nullptr, nullptr, &err) == SQLITE_OK;
  ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK;
  if (ok && stamp) {
    std::string hash = bundle::content_hash(db);
    std::string upd = "UPDATE meta SET value = '" + hash + "' WHERE key = 'content_hash'";
    ok = sqlite3_exec(db, upd.c_str(), nullptr, nullptr, &err) == SQLITE_OK;
  }
  if (!ok && why) *why = err ? err : sqlite3_errmsg(db);
  sqlite3_free(err);
  sqlite3_close(db);
  return ok;
}

struct Forgery {
  const char* name;
  const char* sql;
};

// One rule broken each; all apply to the example exhibit's bundle (content/example).
inline const std::vector<Forgery>& forgeries() {
  static const std::vector<Forgery> f = {
      {"room without pages", "DELETE FROM room_page"},
      {"no fonts", "DELETE FROM font"},
      {"a font that is not a font", "UPDATE font SET bytes = zeroblob(4000) WHERE role = 'serif'"},
      {"a font collection with no fonts", "UPDATE font SET bytes = CAST(CAST('ttcf' AS BLOB) || zeroblob(64) AS BLOB) WHERE role = 'sans'"},
      {"a font cut in half", "UPDATE font SET bytes = substr(bytes, 1, length(bytes) / 2) WHERE role = 'sans_bold'"},
      {"attract names no quotation", "UPDATE attract SET ref = 'nope' WHERE kind = 'quote'"},
      {"attract of an unknown kind", "UPDATE attract SET kind = 'video' WHERE n = (SELECT min(n) FROM attract)"},
      {"attract lasting 0 s", "UPDATE attract SET seconds = 0"},
      {"a room names an unknown place", "INSERT INTO room_place(room, n, place) SELECT id, 99, 'atlantis' FROM room"},
      {"a stay at an unknown place", "UPDATE stay SET place = 'atlantis'"},
      {"a bad date", "UPDATE stay SET date_from = '19x9'"},
      {"a stay ending before it begins", "UPDATE stay SET date_from = '1950', date_to = '1900'"},
      {"no languages", "UPDATE meta SET value = '' WHERE key = 'languages'"},
      {"an untranslated third language", "UPDATE meta SET value = 'es,en,fr' WHERE key = 'languages'"},
      {"a 12 MB room page", "UPDATE room_page SET markdown = replace(hex(zeroblob(6000000)), '0', 'x') WHERE n = 0"},
      {"a 3 KB label", "UPDATE wording SET value = replace(hex(zeroblob(1500)), '0', 'a') WHERE key = 'ui.home.map'"},
      {"a quotation in an unknown room", "UPDATE quote SET room = 'attic'"},
      {"a missing label", "DELETE FROM wording WHERE key = 'ui.home.map'"},
      {"an empty title", "UPDATE wording SET value = '' WHERE key = 'exhibit.title'"},
      {"a title that is not UTF-8", "UPDATE wording SET value = CAST(x'4fc328' AS TEXT) WHERE key = 'exhibit.title'"},
      {"a place off the Earth", "UPDATE place SET lat = 200.0"},
      {"a place of priority 9", "UPDATE place SET priority = 9"},
      {"years backwards", "UPDATE room SET year_from = 2000, year_to = 1000"},
      {"an idle timeout of 0", "UPDATE meta SET value = '0' WHERE key = 'idle_seconds'"},
      {"a warning of 5 s", "UPDATE meta SET value = '5' WHERE key = 'warning_seconds'"},
      {"no rooms", "DELETE FROM room_page; DELETE FROM room_place; UPDATE quote SET room = NULL; DELETE FROM room"},
      {"a picture that is not one", "INSERT INTO media VALUES ('images/x.png', 'image/png', 10, 10, x'89504e470d0a1a0a0000')"},
      {"a picture 5000 px wide",
       "INSERT INTO media VALUES ('images/w.png', 'image/png', 5000, 10, CAST(x'89504e470d0a1a0a0000000d49484452000013880000000a0802000000' || zeroblob(40) AS BLOB))"},
      {"a picture whose type lies", "INSERT INTO media VALUES ('images/y.jpg', 'image/jpeg', 1, 1, x'89504e470d0a1a0a')"},
      {"a room showing a missing picture", "UPDATE room SET image = 'images/none.png'"},
      {"a number stored as text", "UPDATE room SET year_from = 'nineteen hundred'"},
      {"an extra table", "CREATE TABLE extra(x)"},
      {"a view in place of a table",
       "DROP TABLE attract; CREATE VIEW attract(n, kind, ref, seconds) AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3) "
       "SELECT x, 'title', '', 10 FROM c"},
      {"a trigger", "CREATE TRIGGER t AFTER INSERT ON room BEGIN SELECT 1; END"},
      {"a question without its English answer", "DELETE FROM wording WHERE key LIKE 'question.%.answer' AND lang = 'en'"},
      // The map: the example has no land, so these add a layer of their own.
      {"map triangle past its vertices",
       "INSERT OR REPLACE INTO map_layer VALUES ('land', 0, 3, 1, zeroblob(24), x'000000000100000009000000')"},
      {"map with too few vertices",
       "INSERT OR REPLACE INTO map_layer VALUES ('land', 0, 2, 1, zeroblob(16), x'000000000100000001000000')"},
      {"map counts that lie", "INSERT OR REPLACE INTO map_layer VALUES ('land', 0, 30, 10, zeroblob(24), x'000000000100000002000000')"},
      {"map at a negative level of detail",
       "INSERT OR REPLACE INTO map_layer VALUES ('land', -1, 3, 1, zeroblob(24), x'000000000100000002000000')"},
      {"map at level of detail 7 alone",
       "INSERT OR REPLACE INTO map_layer VALUES ('land', 7, 3, 1, zeroblob(24), x'000000000100000002000000')"},
      {"map with a NaN", "INSERT OR REPLACE INTO map_layer VALUES ('land', 0, 3, 1, CAST(x'0000c07f' || zeroblob(20) AS BLOB), x'000000000100000002000000')"},
      {"map with half a vertex", "INSERT OR REPLACE INTO map_layer VALUES ('land', 0, 3, 1, zeroblob(20), x'000000000100000002000000')"},
  };
  return f;
}

}  // namespace testutil
