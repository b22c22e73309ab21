// sqlite_util.cpp — RAII statements; every SQLite failure becomes a sql::Error with its message.
#include "content/bundle/sqlite_util.h"

namespace bundle::sql {

static void check(sqlite3* db, int rc) {
  if (rc != SQLITE_OK) throw Error(rc, sqlite3_errmsg(db));
}

Stmt::Stmt(sqlite3* db, const char* sql) : db_(db) {
  check(db, sqlite3_prepare_v2(db, sql, -1, &st_, nullptr));
}
Stmt::~Stmt() { sqlite3_finalize(st_); }

Stmt& Stmt::bind(int i, const std::string& v) {
  check(db_, sqlite3_bind_text(st_, i, v.data(), (int)v.size(), SQLITE_TRANSIENT));
  return *this;
}
Stmt& Stmt::bind(int i, int64_t v) {
  check(db_, sqlite3_bind_int64(st_, i, v));
  return *this;
}
Stmt& Stmt::bind(int i, double v) {
  check(db_, sqlite3_bind_double(st_, i, v));
  return *this;
}
Stmt& Stmt::bind_blob(int i, const void* p, size_t n) {
  check(db_, sqlite3_bind_blob64(st_, i, p, n, SQLITE_TRANSIENT));
  return *this;
}
Stmt& Stmt::bind_null(int i) {
  check(db_, sqlite3_bind_null(st_, i));
  return *this;
}
bool Stmt::step() {
  int rc = sqlite3_step(st_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw Error(rc, sqlite3_errmsg(db_));
}
void Stmt::run() {
  step();
  reset();
}
void Stmt::reset() {
  sqlite3_reset(st_);
  sqlite3_clear_bindings(st_);
}
std::string Stmt::text(int col) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(st_, col));
  return p ? std::string(p, sqlite3_column_bytes(st_, col)) : std::string();
}
int64_t Stmt::integer(int col) const { return sqlite3_column_int64(st_, col); }
double Stmt::real(int col) const { return sqlite3_column_double(st_, col); }
std::vector<uint8_t> Stmt::blob(int col) const {
  auto p = static_cast<const uint8_t*>(sqlite3_column_blob(st_, col));
  int n = sqlite3_column_bytes(st_, col);
  return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
}
bool Stmt::is_null(int col) const { return sqlite3_column_type(st_, col) == SQLITE_NULL; }

void exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string m = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw Error(rc, m);
  }
}

int64_t pragma_int(sqlite3* db, const char* pragma) {
  Stmt s(db, (std::string("PRAGMA ") + pragma).c_str());
  return s.step() ? s.integer(0) : 0;
}

}  // namespace bundle::sql
