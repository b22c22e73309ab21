// csv.cpp — see csv.h.
#include "content/curator/csv.h"

#include <algorithm>

namespace curator {

const std::string& CsvRow::operator[](const std::string& col) const {
  static const std::string empty;
  auto it = cells.find(col);
  return it == cells.end() ? empty : it->second;
}

static std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::vector<CsvRow> parse_csv(const std::string& path, const std::string& input,
                              const std::vector<std::string>& required, const std::vector<std::string>& optional,
                              Diagnostics& diag) {
  std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  struct Raw {
    int line;
    std::vector<std::string> fields;
  };
  std::vector<Raw> raws;
  int line = 1;
  size_t i = 0, n = text.size();
  while (i < n) {
    Raw r{line, {}};
    std::string field;
    bool end_row = false;
    while (!end_row) {
      field.clear();
      if (i < n && text[i] == '"') {
        int open_line = line;
        ++i;
        bool closed = false;
        while (i < n) {
          char c = text[i++];
          if (c == '"') {
            if (i < n && text[i] == '"') {
              field += '"';
              ++i;
            } else {
              closed = true;
              break;
            }
          } else {
            if (c == '\n') ++line;
            if (c != '\r') field += c;
          }
        }
        if (!closed) diag.error(path, open_line, "a quoted cell is never closed; add the missing \" at its end");
        while (i < n && text[i] != ',' && text[i] != '\n') {
          if (text[i] != '\r' && text[i] != ' ')
            diag.error(path, line, "text after a closing quote; put the whole cell inside the quotes");
          ++i;
        }
      } else {
        while (i < n && text[i] != ',' && text[i] != '\n') {
          if (text[i] != '\r') field += text[i];
          ++i;
        }
      }
      r.fields.push_back(trim(field));
      if (i >= n) end_row = true;
      else if (text[i] == ',') ++i;
      else {  // newline
        ++i;
        ++line;
        end_row = true;
      }
    }
    bool blank = std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return f.empty(); });
    if (!blank) raws.push_back(std::move(r));
  }

  std::vector<CsvRow> rows;
  if (raws.empty()) {
    diag.error(path, 0, "the file is empty; its first row must name the columns");
    return rows;
  }
  const auto& header = raws[0].fields;
  for (const auto& col : required)
    if (std::find(header.begin(), header.end(), col) == header.end())
      diag.error(path, 1, "missing column \"" + col + "\"; the first row must name it");
  for (const auto& col : header)
    if (std::find(required.begin(), required.end(), col) == required.end() &&
        std::find(optional.begin(), optional.end(), col) == optional.end())
      diag.error(path, 1, "unknown column \"" + col + "\"; check its spelling");
  for (size_t k = 1; k < raws.size(); ++k) {
    const Raw& r = raws[k];
    if (r.fields.size() != header.size()) {
      diag.error(path, r.line,
                 "this row has " + std::to_string(r.fields.size()) + " cells but the header names " +
                     std::to_string(header.size()) + " columns; a comma inside a cell needs quotes around the cell");
      continue;
    }
    CsvRow row;
    row.line = r.line;
    for (size_t c = 0; c < header.size(); ++c) row.cells[header[c]] = r.fields[c];
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace curator
