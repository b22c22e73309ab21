// source_tables.cpp — the spreadsheet files: places.csv, journey.csv, quotes.csv. A column missing
// from the header is reported there once, so its cells are not checked row by row; a reference to
// a file that could not be read at all (places.csv, rooms/) is not reported on every row either.
#include <algorithm>
#include <set>

#include "content/curator/reader.h"
#include "content/curator/validate.h"

namespace curator {

namespace {

bool number(const std::string& s, double& v) {
  if (s.empty()) return false;
  char* end = nullptr;
  v = strtod(s.c_str(), &end);
  return end && *end == 0;
}

// "19,35" from a spreadsheet in a Spanish or German locale: say so rather than "not a number".
std::string decimal_hint(const std::string& s) {
  std::string dot = s;
  std::replace(dot.begin(), dot.end(), ',', '.');
  double v;
  return s.find(',') != std::string::npos && number(dot, v) ? "; it uses a decimal comma: write " + dot : "";
}

}  // namespace

bool Reader::read_csv(const std::string& rel, const std::vector<std::string>& req, const std::vector<std::string>& opt,
                      const std::string& what_for, std::vector<CsvRow>& rows) {
  std::string body;
  if (!read_source(rel, body, what_for)) return false;
  bool usable = false;
  rows = parse_csv(path(rel), body, req, opt, diag, &usable);
  return usable;
}

bundle::Text Reader::row_text(const std::string& rel, const CsvRow& row, const std::string& col) {
  bundle::Text t;
  for (const auto& l : langs) {
    std::string c = col + "_" + l;
    if (!row.has(c)) continue;  // reported once, for the header
    if (!row[c].empty()) t.by_lang[l] = row[c];
    else missing_text(path(rel), row.line, l, c, c + " is empty; every text needs " + lang_list());
  }
  return t;
}

void Reader::places_csv() {
  std::string rel = "places.csv", f = path(rel);
  std::vector<std::string> req = {"id", "lat", "lon", "priority"};
  for (const auto& l : langs) req.push_back("name_" + l), req.push_back("text_" + l);
  std::vector<CsvRow> rows;
  places_usable = read_csv(rel, req, {}, "the map needs its places", rows);
  for (const auto& row : rows) {
    if (row.broken) {  // reported once by parse_csv; keep its id so references to it stay quiet
      place_lines.emplace(row["id"], row.line);
      continue;
    }
    bundle::Place p;
    p.id = row["id"];
    if (row.has("id") && !is_id(p.id)) diag.error(f, row.line, "id \"" + p.id + "\" must use lower-case letters, digits and '-'");
    if (row.has("lat") && (!number(row["lat"], p.lat) || p.lat < -90 || p.lat > 90))
      diag.error(f, row.line, "lat \"" + row["lat"] + "\" must be a latitude in degrees, -90 to 90 (north positive)" + decimal_hint(row["lat"]));
    if (row.has("lon") && (!number(row["lon"], p.lon) || p.lon < -180 || p.lon > 180))
      diag.error(f, row.line, "lon \"" + row["lon"] + "\" must be a longitude in degrees, -180 to 180 (east positive)" + decimal_hint(row["lon"]));
    double pr = 0;
    if (row.has("priority") && (!number(row["priority"], pr) || (pr != 1 && pr != 2 && pr != 3)))
      diag.error(f, row.line, "priority \"" + row["priority"] + "\" must be 1, 2 or 3 (1 is always labelled)");
    p.priority = (int)pr;
    p.name = row_text(rel, row, "name");
    p.text = row_text(rel, row, "text");
    if (!place_lines.emplace(p.id, row.line).second)
      diag.error(f, row.line, "place \"" + p.id + "\" is already defined on line " + std::to_string(place_lines[p.id]) + "; give each place its own id");
    else
      out.exhibit.places.push_back(std::move(p));
  }
  std::sort(out.exhibit.places.begin(), out.exhibit.places.end(), [](auto& a, auto& b) { return a.id < b.id; });
}

void Reader::journey_csv() {
  std::string rel = "journey.csv", f = path(rel);
  std::vector<std::string> req = {"place", "from", "to", "kind"};
  for (const auto& l : langs) req.push_back("text_" + l);
  static const std::set<std::string> kinds = {"birth", "study", "prison", "exile", "emigration",
                                              "deportation", "travel", "residence", "death"};
  std::vector<CsvRow> rows;
  read_csv(rel, req, {}, "the map needs the journey", rows);
  std::string prev;
  for (const auto& row : rows) {
    if (row.broken) continue;
    bundle::Stay s;
    s.place = row["place"];
    s.from = row["from"];
    s.to = row["to"];
    s.kind = row["kind"];
    if (places_usable && row.has("place") && !place_lines.count(s.place))
      diag.error(f, row.line, "place \"" + s.place + "\" is not in places.csv; add it there or fix the spelling");
    for (auto [name, d] : {std::pair{"from", &s.from}, std::pair{"to", &s.to}})
      if (row.has(name) && !is_iso_date(*d))
        diag.error(f, row.line, std::string(name) + " \"" + *d + "\" is not a date; write 1929, 1929-02 or 1929-02-12");
    if (is_iso_date(s.from) && is_iso_date(s.to) && s.to.substr(0, s.from.size()) < s.from.substr(0, s.to.size()))
      diag.error(f, row.line, "the stay ends (" + s.to + ") before it begins (" + s.from + "); swap from and to");
    if (is_iso_date(s.from) && !prev.empty() && s.from.substr(0, std::min(prev.size(), s.from.size())) < prev.substr(0, std::min(prev.size(), s.from.size())))
      diag.error(f, row.line, "this stay begins (" + s.from + ") before the one above it (" + prev + "); keep the journey in order");
    if (is_iso_date(s.from)) prev = s.from;
    if (row.has("kind") && !kinds.count(s.kind))
      diag.error(f, row.line, "kind \"" + s.kind + "\" is unknown; use birth, study, prison, exile, emigration, deportation, travel, residence or death");
    s.text = row_text(rel, row, "text");
    out.exhibit.journey.push_back(std::move(s));
  }
}

// The author: `author` for every language, `author_<lang>` where the name differs
// ("Pierre et Marie Curie" / "Pierre and Marie Curie"); all empty = the exhibit's subject.
void Reader::quote_author(const std::string& f, const CsvRow& row, bundle::Quote& q) {
  std::string common = row["author"];
  bool any = !common.empty();
  for (const auto& l : langs) any = any || !row["author_" + l].empty();
  if (!any) return;
  for (const auto& l : langs) {
    std::string name = row["author_" + l].empty() ? common : row["author_" + l];
    if (name.empty())
      diag.error(f, row.line, "the author has a name in some languages but not in \"" + l + "\"; fill author_" + l + " or the author column");
    q.author.by_lang[l] = name;
  }
}

void Reader::quotes_csv() {
  std::string rel = "quotes.csv", f = path(rel);
  std::vector<std::string> req = {"id", "room", "year"}, opt = {"author"};
  for (const auto& l : langs)
    req.push_back("text_" + l), req.push_back("work_" + l), opt.push_back("note_" + l), opt.push_back("author_" + l);
  std::map<std::string, int> seen;
  std::vector<CsvRow> rows;
  quotes_usable = read_csv(rel, req, opt, "every exhibit needs its quotations", rows);
  for (const auto& row : rows) {
    if (row.broken) {
      quote_ids.insert(row["id"]);
      continue;
    }
    bundle::Quote q;
    q.id = row["id"];
    q.room = row["room"];
    quote_author(f, row, q);
    if (row.has("id") && !is_id(q.id)) diag.error(f, row.line, "id \"" + q.id + "\" must use lower-case letters, digits and '-'");
    if (!seen.emplace(q.id, row.line).second)
      diag.error(f, row.line, "quotation \"" + q.id + "\" is already defined on line " + std::to_string(seen[q.id]) + "; give each quotation its own id");
    quote_ids.insert(q.id);
    if (rooms_usable && !q.room.empty() && !room_ids.count(q.room))
      diag.error(f, row.line, "room \"" + q.room + "\" does not exist; use the id of a file in rooms/");
    double y = 0;
    if (row.has("year") && (!number(row["year"], y) || y < 1000 || y > 2100 || y != (int)y))
      diag.error(f, row.line, "year \"" + row["year"] + "\" must be a year such as 1930");
    q.year = (int)y;
    q.text = row_text(rel, row, "text");
    q.work = row_text(rel, row, "work");
    // A note may concern one language only (e.g. "translated by the museum" on the Spanish side).
    for (const auto& l : langs)
      if (!row["note_" + l].empty()) q.note.by_lang[l] = row["note_" + l];
    out.exhibit.quotes.push_back(std::move(q));
  }
}

}  // namespace curator
