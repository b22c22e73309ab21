// sqlite_util.h — small RAII helpers over SQLite shared by the bundle reader and writer.
// Shared by content/bundle and kiosk/stats (both SQLite users); never part of bundle.h.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace bundle::sql {

struct Error : std::runtime_error {
  int code;
  Error(int c, const std::string& m) : std::runtime_error(m), code(c) {}
};

// A prepared statement; step() returns true while there is a row.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt& bind(int i, const std::string& v);
  Stmt& bind(int i, int64_t v);
  Stmt& bind(int i, double v);
  Stmt& bind_blob(int i, const void* p, size_t n);
  Stmt& bind_null(int i);
  bool step();
  void run();    // step once, expecting no row
  void reset();  // ready for new bindings
  std::string text(int col) const;
  int64_t integer(int col) const;
  double real(int col) const;
  std::vector<uint8_t> blob(int col) const;
  bool is_null(int col) const;
  sqlite3_stmt* raw() const { return st_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* st_ = nullptr;
};

void exec(sqlite3* db, const char* sql);
int64_t pragma_int(sqlite3* db, const char* pragma);

}  // namespace bundle::sql
