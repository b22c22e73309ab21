// csv.h — reads a spreadsheet's CSV export (RFC 4180: quoted fields, doubled quotes, newlines
// inside quotes, CRLF or LF, an optional UTF-8 byte-order mark) and remembers each row's line,
// so an error can name the line a curator sees in a text editor.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "content/curator/diagnostics.h"

namespace curator {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  bool broken = false;  // wrong number of cells (reported once): only its first cells are trustworthy
  std::map<std::string, std::string> cells;  // column name -> value (trimmed)
  const std::string& operator[](const std::string& col) const;
  bool has(const std::string& col) const { return cells.count(col) > 0; }  // false: the header lacks it
};

// Parses `text` (the contents of `path`) whose first row names the columns. Missing `required`
// columns (once, for the header), unknown columns (with a "did you mean"), ragged rows (the first,
// with how many more) and a spreadsheet's ';' or tab separator are reported to `diag`.
// `usable`, when given, becomes false when no row can be trusted: an empty file, the wrong
// separator, or the first required column (the id others refer to) missing.
std::vector<CsvRow> parse_csv(const std::string& path, const std::string& text,
                              const std::vector<std::string>& required, const std::vector<std::string>& optional,
                              Diagnostics& diag, bool* usable = nullptr);

}  // namespace curator
