// open_checks.h — the checks Bundle::open makes before it trusts SQLite with a file, and before
// it loads a row: the file is a regular file, its SQLite header is sound, its schema is exactly
// schema.sql with the column types the loader expects, and PRAGMA integrity_check passes.
// Internal to content/bundle; every failure is a bundle::OpenError with one line for a human.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace bundle::checks {

// Opens `path` without blocking (a FIFO or device never hangs us), refuses anything but a
// regular file, and checks the 100-byte SQLite header. Returns the file's size and, in
// `version`, its format (which may be above kFormatVersion: see schema()).
int64_t file_and_header(const std::string& path, int& version);

// The file's tables, indexes and types are exactly those schema.sql creates; no views or triggers.
// A `version` above ours with our schema is damage; with another schema, a newer format (TooNew).
void schema(sqlite3* db, const std::string& path, int version);
// Every stored value has the type its column promises (SQLite itself does not enforce it).
void column_types(sqlite3* db, const std::string& path);
// No table holds more rows than limits::kRowsPerTable, so loading is bounded.
void row_counts(sqlite3* db, const std::string& path);
// PRAGMA integrity_check (indexes against tables, every page), reported on one line.
void integrity(sqlite3* db, const std::string& path);

// Makes an SQLite message fit on one line, at most `max` bytes.
std::string one_line(std::string s, size_t max = 200);

}  // namespace bundle::checks
