// csv.cpp — see csv.h.
#include "content/curator/csv.h"

#include <algorithm>

#include "content/curator/suggest.h"

namespace curator {

const std::string& CsvRow::operator[](const std::string& col) const {
  static const std::string empty;
  auto it = cells.find(col);
  return it == cells.end() ? empty : it->second;
}

namespace {

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

struct Raw {
  int line;
  std::vector<std::string> fields;
};

// RFC 4180 split into rows of fields; blank rows are dropped. Quote mistakes go to `diag`.
std::vector<Raw> split_rows(const std::string& path, const std::string& text, Diagnostics& diag) {
  std::vector<Raw> raws;
  int line = 1;
  size_t i = 0, n = text.size();
  while (i < n) {
    Raw r{line, {}};
    bool end_row = false;
    while (!end_row) {
      std::string field;
      if (i < n && text[i] == '"') {
        int open_line = line;
        bool closed = false;
        for (++i; i < n;) {
          char c = text[i++];
          if (c == '"' && i < n && text[i] == '"') field += '"', ++i;
          else if (c == '"') {
            closed = true;
            break;
          } else {
            if (c == '\n') ++line;
            if (c != '\r') field += c;
          }
        }
        if (!closed) diag.error(path, open_line, "a quoted cell is never closed; add the missing \" at its end");
        bool stray = false;
        for (; i < n && text[i] != ',' && text[i] != '\n'; ++i) stray |= text[i] != '\r' && text[i] != ' ';
        if (stray) diag.error(path, line, "text after a closing quote; put the whole cell inside the quotes");
      } else {
        for (; i < n && text[i] != ',' && text[i] != '\n'; ++i)
          if (text[i] != '\r') field += text[i];
      }
      r.fields.push_back(trim(field));
      if (i >= n) end_row = true;
      else if (text[i++] == '\n') ++line, end_row = true;
    }
    bool blank = std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return f.empty(); });
    if (!blank) raws.push_back(std::move(r));
  }
  return raws;
}

// A spreadsheet set to a European locale separates columns with ';' (or tabs for "text" export).
char wrong_separator(const std::string& text) {
  std::string first = text.substr(0, text.find('\n'));
  size_t commas = std::count(first.begin(), first.end(), ','), semis = std::count(first.begin(), first.end(), ';'),
         tabs = std::count(first.begin(), first.end(), '\t');
  if (semis > commas && semis >= tabs) return ';';
  if (tabs > commas) return '\t';
  return 0;
}

std::string quoted_list(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? (i + 1 == v.size() ? " and " : ", ") : "") + ("\"" + v[i] + "\"");
  return s;
}

void check_header(const std::string& path, const std::vector<std::string>& header, const std::vector<std::string>& required,
                  const std::vector<std::string>& optional, Diagnostics& diag) {
  std::vector<std::string> missing, known = required;
  known.insert(known.end(), optional.begin(), optional.end());
  for (const auto& col : required)
    if (std::find(header.begin(), header.end(), col) == header.end()) missing.push_back(col);
  bool unnamed = false;
  for (const auto& col : header) {
    if (std::find(known.begin(), known.end(), col) != known.end()) continue;
    if (col.empty()) {
      unnamed = true;
      continue;
    }
    // "name_sp" for "name_es" is one mistake: the unknown column, not also the missing one.
    std::string near = nearest(col, missing);
    if (!near.empty()) missing.erase(std::find(missing.begin(), missing.end(), near));
    diag.error(path, 1, "unknown column \"" + col + "\"" + (near.empty() ? suggestion(col, known, "columns") : "; did you mean \"" + near + "\"?"));
  }
  if (!missing.empty())
    diag.error(path, 1, (missing.size() == 1 ? "missing column " : "missing columns ") + quoted_list(missing) + "; add " +
                            (missing.size() == 1 ? "it" : "them") + " to the first row");
  else if (unnamed)
    diag.error(path, 1, "a column has no name; name it in the first row or delete it");
}

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& path, const std::string& input,
                              const std::vector<std::string>& required, const std::vector<std::string>& optional,
                              Diagnostics& diag, bool* usable) {
  std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  std::string name = path.substr(path.find_last_of('/') + 1);
  std::vector<CsvRow> rows;
  if (usable) *usable = false;
  if (char sep = wrong_separator(text)) {
    diag.error(path, 1, name + " uses " + (sep == ';' ? "';'" : "tabs") + " between columns; use ',' (save as \"CSV, comma-separated\")");
    return rows;
  }
  std::vector<Raw> raws = split_rows(path, text, diag);
  if (raws.empty()) {
    diag.error(path, 0, "the file is empty; its first row must name the columns");
    return rows;
  }
  std::vector<std::string> header = raws[0].fields;
  // A spreadsheet's export often carries empty columns at the right: harmless, so dropped.
  while (!header.empty() && header.back().empty()) header.pop_back();
  check_header(path, header, required, optional, diag);
  int ragged = 0, first_ragged = -1;
  for (size_t k = 1; k < raws.size(); ++k) {
    const Raw& r = raws[k];
    bool extra_empty = r.fields.size() > header.size() &&
                       std::all_of(r.fields.begin() + header.size(), r.fields.end(), [](const std::string& f) { return f.empty(); });
    CsvRow row;
    row.line = r.line;
    if (r.fields.size() != header.size() && !extra_empty) {
      if (ragged++ == 0) first_ragged = (int)k;
      row.broken = true;
    }
    for (size_t c = 0; c < header.size() && c < r.fields.size(); ++c)
      if (!header[c].empty()) row.cells[header[c]] = r.fields[c];
    rows.push_back(std::move(row));
  }
  if (ragged) {
    const Raw& r = raws[first_ragged];
    diag.error(path, r.line,
               "this row has " + std::to_string(r.fields.size()) + " cells but the header names " + std::to_string(header.size()) +
                   " columns; a comma inside a cell needs quotes around the cell" +
                   (ragged > 1 ? " (" + std::to_string(ragged - 1) + " more rows like this)" : ""));
  }
  if (usable) *usable = required.empty() || std::find(header.begin(), header.end(), required[0]) != header.end();
  return rows;
}

}  // namespace curator
