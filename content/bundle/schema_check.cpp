// schema_check.cpp — what SQLite lets through but the loader must not meet: a schema other than
// schema.sql (a view named `room` could loop forever; a trigger or an extra index has no business
// in a bundle), values of the wrong type (SQLite's columns are only hints), and a damaged index
// (quick_check does not compare indexes with their tables; integrity_check does).
#include <algorithm>
#include <mutex>

#include "content/bundle/bundle.h"
#include "content/bundle/open_checks.h"
#include "content/bundle/sqlite_util.h"
#include "content/bundle/validate.h"
#include "schema_sql.h"

namespace bundle::checks {

std::string one_line(std::string s, size_t max) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() > max) {
    s.resize(max);
    while (!s.empty() && ((unsigned char)s.back() & 0xC0) == 0x80) s.pop_back();  // no half character
    if (!s.empty() && (unsigned char)s.back() >= 0xC0) s.pop_back();
    s += "…";
  }
  return s;
}

namespace {

[[noreturn]] void damaged(const std::string& path, const std::string& what) {
  throw OpenError(OpenError::Damaged, path + " is damaged (" + what + "); install a fresh copy of the bundle.");
}

using Entries = std::vector<std::vector<std::string>>;

Entries schema_of(sqlite3* db) {
  Entries out;
  sql::Stmt s(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
  while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

// schema.sql as SQLite stores it, made once per process in an in-memory database.
const Entries& expected_schema() {
  static Entries e;
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sql::exec(db, kSchemaSql);
    e = schema_of(db);
    sqlite3_close(db);
  });
  return e;
}

// Column -> the storage classes it may hold. NULL only where schema.sql allows it.
struct ColumnRule {
  const char* table;
  const char* column;
  const char* types;  // a SQL list for typeof(): "'text'" or "'text','null'"
};
const ColumnRule kColumns[] = {
    {"meta", "key", "'text'"},          {"meta", "value", "'text'"},
    {"wording", "key", "'text'"},       {"wording", "lang", "'text'"},
    {"wording", "value", "'text'"},     {"room", "id", "'text'"},
    {"room", "ord", "'integer'"},       {"room", "year_from", "'integer'"},
    {"room", "year_to", "'integer'"},   {"room", "image", "'text','null'"},
    {"room_page", "room", "'text'"},    {"room_page", "lang", "'text'"},
    {"room_page", "n", "'integer'"},    {"room_page", "markdown", "'text'"},
    {"room_place", "room", "'text'"},   {"room_place", "n", "'integer'"},
    {"room_place", "place", "'text'"},  {"place", "id", "'text'"},
    {"place", "lat", "'real'"},         {"place", "lon", "'real'"},
    {"place", "priority", "'integer'"}, {"stay", "place", "'text'"},
    {"stay", "date_from", "'text'"},    {"stay", "date_to", "'text'"},
    {"stay", "kind", "'text'"},         {"quote", "id", "'text'"},
    {"quote", "ord", "'integer'"},      {"quote", "room", "'text','null'"},
    {"quote", "year", "'integer'"},     {"quote", "author", "'text'"},
    {"question", "id", "'text'"},       {"question", "ord", "'integer'"},
    {"attract", "kind", "'text'"},      {"attract", "ref", "'text'"},
    {"attract", "seconds", "'integer'"}, {"media", "id", "'text'"},
    {"media", "mime", "'text'"},        {"media", "width", "'integer'"},
    {"media", "height", "'integer'"},   {"media", "bytes", "'blob'"},
    {"font", "role", "'text'"},         {"font", "file", "'text'"},
    {"font", "bytes", "'blob'"},        {"map_layer", "name", "'text'"},
    {"map_layer", "lod", "'integer'"},  {"map_layer", "vertex_count", "'integer'"},
    {"map_layer", "triangle_count", "'integer'"}, {"map_layer", "vertices", "'blob'"},
    {"map_layer", "indices", "'blob'"},
};

}  // namespace

void schema(sqlite3* db, const std::string& path, int version) {
  const Entries& want = expected_schema();
  Entries got = schema_of(db);
  if (version > kFormatVersion) {
    if (got == want) damaged(path, "its header's format version has flipped bits");
    throw OpenError(OpenError::TooNew, path + " uses bundle format " + std::to_string(version) + ", but this kiosk reads format " +
                                           std::to_string(kFormatVersion) +
                                           " at most: update the kiosk software, or build the bundle with a matching kiosk-bundle.");
  }
  if (got == want) return;
  // Name the first difference, so a developer can see what was changed.
  auto same_name = [](const std::vector<std::string>& a, const std::vector<std::string>& b) { return a[0] == b[0] && a[1] == b[1]; };
  auto find = [&](const Entries& in, const std::vector<std::string>& e) {
    return std::find_if(in.begin(), in.end(), [&](const auto& x) { return same_name(x, e); });
  };
  for (const auto& g : got)
    if (find(want, g) == want.end()) damaged(path, "it has " + g[0] + " \"" + one_line(g[1], 60) + "\", which bundle format 1 does not");
  for (const auto& w : want) {
    auto g = find(got, w);
    if (g == got.end()) damaged(path, "its " + w[0] + " \"" + w[1] + "\" is missing");
    if (*g != w) damaged(path, "its " + w[0] + " \"" + w[1] + "\" differs from bundle format 1");
  }
  damaged(path, "its tables differ from bundle format 1");
}

void column_types(sqlite3* db, const std::string& path) {
  for (const auto& c : kColumns) {
    std::string q = std::string("SELECT count(*) FROM ") + c.table + " WHERE typeof(" + c.column + ") NOT IN (" + c.types + ")";
    sql::Stmt s(db, q.c_str());
    if (s.step() && s.integer(0) > 0)
      damaged(path, std::to_string(s.integer(0)) + " value(s) in " + c.table + "." + c.column + " have the wrong type");
  }
  // Geometry is whole float pairs and whole uint32 triangles.
  sql::Stmt s(db, "SELECT name FROM map_layer WHERE length(vertices) % 8 <> 0 OR length(indices) % 12 <> 0 LIMIT 1");
  if (s.step()) damaged(path, "map layer \"" + one_line(s.text(0), 60) + "\" holds a partial vertex or triangle");
}

void row_counts(sqlite3* db, const std::string& path) {
  for (const auto& e : expected_schema()) {
    if (e[0] != "table") continue;
    std::string q = "SELECT count(*) FROM " + e[1];
    sql::Stmt s(db, q.c_str());
    if (s.step() && s.integer(0) > (int64_t)limits::kRowsPerTable)
      throw OpenError(OpenError::NotABundle, path + " holds " + std::to_string(s.integer(0)) + " rows in " + e[1] + ", more than a bundle may (" +
                                                 std::to_string(limits::kRowsPerTable) + "); rebuild it with kiosk-bundle.");
  }
}

void integrity(sqlite3* db, const std::string& path) {
  // Up to 100 problems, each a row (older SQLite versions join them with newlines in one row).
  std::vector<std::string> lines;
  sql::Stmt s(db, "PRAGMA integrity_check");
  while (s.step()) {
    std::string t = s.text(0);
    size_t a = 0;
    while (a <= t.size()) {
      size_t b = t.find('\n', a);
      if (b == std::string::npos) b = t.size();
      if (b > a) lines.push_back(t.substr(a, b - a));
      a = b + 1;
    }
  }
  if (lines.size() == 1 && lines[0] == "ok") return;
  std::string first = lines.empty() ? "no answer" : one_line(lines[0], 160);
  std::string more = lines.size() > 1 ? " and " + std::to_string(lines.size() - 1) + " more" : "";
  damaged(path, "SQLite's integrity check: " + first + more);
}

}  // namespace bundle::checks
