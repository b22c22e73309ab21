// source.cpp — see source.h. toml++ gives each value its line, so errors point into the file.
#include "content/curator/source.h"

#include <toml++/toml.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "content/bundle/richtext.h"
#include "content/curator/csv.h"
#include "content/curator/images.h"
#include "content/curator/validate.h"
#include "content/map/exhibit_map.h"  // [map]: the exile map's land layers (content/map)

namespace fs = std::filesystem;

namespace curator {

namespace {

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream f(p, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

int line_of(const toml::node* n, int fallback) {
  return n && n->source().begin.line ? (int)n->source().begin.line : fallback;
}

struct Reader {
  std::string dir;  // as given, for messages
  Diagnostics& diag;
  std::vector<std::string> langs;
  bundle::Contents out;

  std::string path(const std::string& rel) const { return (fs::path(dir) / rel).string(); }

  // A table of one text per language, e.g. { es = "…", en = "…" }.
  bundle::Text text(const std::string& file, const toml::node* n, const std::string& what, int parent_line, int line_offset,
                    bool required = true) {
    bundle::Text t;
    if (!n) {
      if (required) diag.error(file, parent_line + line_offset, "missing " + what + "; give one text per language: " + example(what));
      return t;
    }
    int line = line_of(n, parent_line) + line_offset;
    const toml::table* tbl = n->as_table();
    if (!tbl) {
      diag.error(file, line, what + " needs one text per language, like " + example(what));
      return t;
    }
    for (auto&& [k, v] : *tbl) {
      std::string lang(k.str());
      if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
        diag.error(file, line_of(&v, line - line_offset) + line_offset,
                   what + " has a text in \"" + lang + "\", which is not one of the exhibit's languages");
        continue;
      }
      auto s = v.value<std::string>();
      if (!s) diag.error(file, line_of(&v, line - line_offset) + line_offset, what + "." + lang + " must be text in quotes");
      else t.by_lang[lang] = trim(*s);
    }
    for (const auto& l : langs)
      if (!t.by_lang.count(l) || t.by_lang[l].empty())
        diag.error(file, line, what + " has no \"" + l + "\" text; every text needs " + lang_list());
    return t;
  }

  std::string lang_list() const {
    std::string s;
    for (size_t i = 0; i < langs.size(); ++i) s += (i ? (i + 1 == langs.size() ? " and " : ", ") : "") + langs[i];
    return s;
  }
  std::string example(const std::string& what) const {
    std::string s = what + " = { ";
    for (size_t i = 0; i < langs.size(); ++i) s += (i ? ", " : "") + langs[i] + " = \"…\"";
    return s + " }";
  }
  static std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
  }

  std::optional<toml::table> parse_toml(const std::string& rel, const std::string& body, int line_offset = 0) {
    try {
      return toml::parse(body, rel);
    } catch (const toml::parse_error& e) {
      diag.error(path(rel), (int)e.source().begin.line + line_offset, std::string(e.description()));
      return std::nullopt;
    }
  }

  std::optional<toml::table> load_toml(const std::string& rel, bool required = true) {
    std::string body;
    if (!read_file(path(rel), body)) {
      if (required) diag.error(path(rel), 0, "file not found; every exhibit needs one (see content/README.md)");
      return std::nullopt;
    }
    return parse_toml(rel, body);
  }

  std::string string_at(const std::string& file, const toml::table& t, const char* key, int parent_line, int off,
                        bool required = true) {
    auto v = t[key].value<std::string>();
    if (!v && required) {
      const toml::node* n = t.get(key);
      diag.error(file, (n ? line_of(n, parent_line) : parent_line) + off,
                 n ? std::string(key) + " must be text in quotes" : std::string("missing ") + key);
    }
    return v ? *v : std::string();
  }

  void exhibit_toml() {
    auto t = load_toml("exhibit.toml");
    if (!t) return;
    std::string f = path("exhibit.toml");
    bundle::Meta& m = out.exhibit.meta;
    if (auto* arr = (*t)["languages"].as_array()) {
      for (auto&& v : *arr)
        if (auto s = v.value<std::string>()) langs.push_back(*s);
    }
    if (langs.empty()) diag.error(f, 1, "missing languages = [\"es\", \"en\"] (the first is the default)");
    m.languages = langs;
    m.id = string_at(f, *t, "id", 1, 0);
    if (!m.id.empty() && !is_id(m.id)) diag.error(f, line_of(t->get("id"), 1), "id must use lower-case letters, digits and '-'");
    m.version = string_at(f, *t, "version", 1, 0);
    m.title = text(f, t->get("title"), "title", 1, 0);
    m.subtitle = text(f, t->get("subtitle"), "subtitle", 1, 0, false);
    m.subject = text(f, t->get("subject"), "subject", 1, 0, false);
    if (auto* to = (*t)["timeouts"].as_table()) {
      m.idle_seconds = (*to)["idle"].value_or(90);
      m.warning_seconds = (*to)["warning"].value_or(30);
      if (m.idle_seconds < 15) diag.error(f, line_of(to->get("idle"), 1), "idle must be at least 15 seconds");
      if (m.warning_seconds < 20)
        diag.error(f, line_of(to->get("warning"), 1), "warning must be at least 20 seconds, so everyone has time to answer");
    }
    if (const char* epoch = getenv("SOURCE_DATE_EPOCH")) {
      time_t ts = (time_t)strtoll(epoch, nullptr, 10);
      char buf[32];
      strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&ts));
      m.built = buf;
    }
    if (auto* lim = (*t)["limits"].as_table()) {
      auto pair = [&](const char* key, int& lo, int& hi) {
        auto* a = (*lim)[key].as_array();
        if (!a) return;
        if (a->size() != 2 || !(*a)[0].is_integer() || !(*a)[1].is_integer() || *(*a)[0].value<int>() > *(*a)[1].value<int>())
          return diag.error(f, line_of(a, 1), std::string(key) + " must be two whole numbers, smallest first, like [250, 600]");
        lo = *(*a)[0].value<int>();
        hi = *(*a)[1].value<int>();
      };
      pair("room_words", min_words, max_words);
      pair("room_pages", min_pages, max_pages);
    }
    fonts_table(f, (*t)["fonts"].as_table());
    // [map] (optional): land files triangulated into the bundle's map layers — see content/map/.
    mapgeo::read_map_table(dir, f, t->get("map"), diag, out);
    if (auto* arr = (*t)["attract"].as_array()) {
      for (auto&& v : *arr) {
        auto* a = v.as_table();
        if (!a) continue;
        int line = line_of(a, 1);
        bundle::AttractItem item;
        item.kind = string_at(f, *a, "kind", line, 0);
        item.ref = string_at(f, *a, "id", line, 0, item.kind == "quote" || item.kind == "room");
        item.seconds = (*a)["seconds"].value_or(10);
        out.exhibit.attract.push_back(item);
        attract_lines.push_back(line_of(a->get("id"), line));  // point at the id when there is one
      }
    }
  }
  std::vector<int> attract_lines;
  // A room's length budget per language; exhibit.toml's [limits] may change it.
  int min_words = 250, max_words = 600, min_pages = 2, max_pages = 5;

  void fonts_table(const std::string& f, const toml::table* t) {
    static const char* const kRoles[] = {"serif", "serif_italic", "serif_bold", "sans", "sans_bold"};
    if (!t) {
      diag.error(f, 0, "missing [fonts]: name the serif, serif_italic, serif_bold, sans and sans_bold font files");
      return;
    }
    for (const char* role : kRoles) {
      int line = line_of(t->get(role), line_of(t, 1));
      std::string name = string_at(f, *t, role, line_of(t, 1), 0);
      if (name.empty()) continue;
      fs::path found = find_font(name);
      bundle::FontFile ff;
      if (found.empty()) {
        diag.error(f, line, "font \"" + name + "\" is neither in fonts/ nor in /usr/share/fonts; copy it into fonts/ or install the package that has it (the sample uses fonts-noto-core)");
        continue;
      }
      std::string bytes;
      read_file(found, bytes);
      ff.file = name;
      ff.bytes.assign(bytes.begin(), bytes.end());
      out.fonts[role] = std::move(ff);
    }
  }

  fs::path find_font(const std::string& name) {
    for (fs::path p : {fs::path(dir) / "fonts" / name, fs::path(dir) / name})
      if (fs::is_regular_file(p)) return p;
    std::error_code ec;
    for (const char* root : {"/usr/share/fonts", "/usr/local/share/fonts"}) {
      if (!fs::is_directory(root, ec)) continue;
      // Sorted walk, so the same name always resolves to the same file.
      std::vector<fs::path> hits;
      for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->path().filename() == name) hits.push_back(it->path());
      std::sort(hits.begin(), hits.end());
      if (!hits.empty()) return hits.front();
    }
    return {};
  }

  void strings_toml() {
    auto t = load_toml("strings.toml");
    if (!t) return;
    std::string f = path("strings.toml");
    for (auto&& [k, v] : *t) {
      std::string key(k.str());
      out.exhibit.strings[key] = text(f, &v, "\"" + key + "\"", line_of(&v, 1), 0);
    }
  }

  void places_csv() {
    std::string body, rel = "places.csv";
    if (!read_file(path(rel), body)) return diag.error(path(rel), 0, "file not found; the map needs its places");
    std::vector<std::string> req = {"id", "lat", "lon", "priority"};
    for (const auto& l : langs) req.push_back("name_" + l), req.push_back("text_" + l);
    for (const auto& row : parse_csv(path(rel), body, req, {}, diag)) {
      bundle::Place p;
      p.id = row["id"];
      if (!is_id(p.id)) diag.error(path(rel), row.line, "id \"" + p.id + "\" must use lower-case letters, digits and '-'");
      if (!number(row["lat"], p.lat) || p.lat < -90 || p.lat > 90)
        diag.error(path(rel), row.line, "lat \"" + row["lat"] + "\" must be a latitude in degrees, -90 to 90 (north positive)");
      if (!number(row["lon"], p.lon) || p.lon < -180 || p.lon > 180)
        diag.error(path(rel), row.line, "lon \"" + row["lon"] + "\" must be a longitude in degrees, -180 to 180 (east positive)");
      double pr = 0;
      if (!number(row["priority"], pr) || (pr != 1 && pr != 2 && pr != 3))
        diag.error(path(rel), row.line, "priority must be 1, 2 or 3");
      p.priority = (int)pr;
      p.name = row_text(rel, row, "name");
      p.text = row_text(rel, row, "text");
      if (!place_lines.emplace(p.id, row.line).second)
        diag.error(path(rel), row.line, "place \"" + p.id + "\" is already defined on line " + std::to_string(place_lines[p.id]));
      else
        out.exhibit.places.push_back(std::move(p));
    }
    std::sort(out.exhibit.places.begin(), out.exhibit.places.end(), [](auto& a, auto& b) { return a.id < b.id; });
  }
  std::map<std::string, int> place_lines;

  static bool number(const std::string& s, double& v) {
    if (s.empty()) return false;
    char* end = nullptr;
    v = strtod(s.c_str(), &end);
    return end && *end == 0;
  }

  bundle::Text row_text(const std::string& rel, const CsvRow& row, const std::string& col, bool optional = false) {
    bundle::Text t;
    for (const auto& l : langs)
      if (!row[col + "_" + l].empty()) t.by_lang[l] = row[col + "_" + l];
    if (optional && t.empty()) return t;
    for (const auto& l : langs)
      if (!t.by_lang.count(l)) diag.error(path(rel), row.line, col + "_" + l + " is empty; every text needs " + lang_list());
    return t;
  }

  void journey_csv() {
    std::string body, rel = "journey.csv";
    if (!read_file(path(rel), body)) return diag.error(path(rel), 0, "file not found; the map needs the journey");
    std::vector<std::string> req = {"place", "from", "to", "kind"};
    for (const auto& l : langs) req.push_back("text_" + l);
    static const std::set<std::string> kinds = {"birth", "study", "prison", "exile", "emigration",
                                                "deportation", "travel", "residence", "death"};
    std::string prev;
    for (const auto& row : parse_csv(path(rel), body, req, {}, diag)) {
      bundle::Stay s;
      s.place = row["place"];
      s.from = row["from"];
      s.to = row["to"];
      s.kind = row["kind"];
      if (!place_lines.count(s.place))
        diag.error(path(rel), row.line, "place \"" + s.place + "\" is not in places.csv; add it there or fix the spelling");
      for (auto [name, d] : {std::pair{"from", &s.from}, std::pair{"to", &s.to}})
        if (!is_iso_date(*d))
          diag.error(path(rel), row.line, std::string(name) + " \"" + *d + "\" is not a date; write 1929, 1929-02 or 1929-02-12");
      if (is_iso_date(s.from) && is_iso_date(s.to) && s.to.substr(0, s.from.size()) < s.from.substr(0, s.to.size()))
        diag.error(path(rel), row.line, "the stay ends (" + s.to + ") before it begins (" + s.from + ")");
      if (is_iso_date(s.from) && !prev.empty() && s.from.substr(0, std::min(prev.size(), s.from.size())) < prev.substr(0, std::min(prev.size(), s.from.size())))
        diag.error(path(rel), row.line, "this stay begins (" + s.from + ") before the one above it (" + prev + "); keep the journey in order");
      if (is_iso_date(s.from)) prev = s.from;
      if (!kinds.count(s.kind))
        diag.error(path(rel), row.line, "kind \"" + s.kind + "\" is unknown; use birth, study, prison, exile, emigration, deportation, travel, residence or death");
      s.text = row_text(rel, row, "text");
      out.exhibit.journey.push_back(std::move(s));
    }
  }

  void quotes_csv() {
    std::string body, rel = "quotes.csv";
    if (!read_file(path(rel), body)) return diag.error(path(rel), 0, "file not found; every exhibit needs its quotations");
    std::vector<std::string> req = {"id", "room", "year", "author"}, opt;
    for (const auto& l : langs) req.push_back("text_" + l), req.push_back("work_" + l), opt.push_back("note_" + l);
    std::map<std::string, int> seen;
    for (const auto& row : parse_csv(path(rel), body, req, opt, diag)) {
      bundle::Quote q;
      q.id = row["id"];
      q.room = row["room"];
      q.author = row["author"];
      if (!is_id(q.id)) diag.error(path(rel), row.line, "id \"" + q.id + "\" must use lower-case letters, digits and '-'");
      if (!seen.emplace(q.id, row.line).second)
        diag.error(path(rel), row.line, "quotation \"" + q.id + "\" is already defined on line " + std::to_string(seen[q.id]));
      if (!q.room.empty() && !room_ids.count(q.room))
        diag.error(path(rel), row.line, "room \"" + q.room + "\" does not exist; use the id of a file in rooms/");
      double y = 0;
      if (!number(row["year"], y) || y < 1000 || y > 2100 || y != (int)y)
        diag.error(path(rel), row.line, "year \"" + row["year"] + "\" must be a year such as 1930");
      q.year = (int)y;
      q.text = row_text(rel, row, "text");
      q.work = row_text(rel, row, "work");
      // A note may concern one language only (e.g. "translated by the museum" on the Spanish side).
      for (const auto& l : langs)
        if (!row["note_" + l].empty()) q.note.by_lang[l] = row["note_" + l];
      out.exhibit.quotes.push_back(std::move(q));
    }
  }

  void questions_toml() {
    auto t = load_toml("questions.toml");
    if (!t) return;
    std::string f = path("questions.toml");
    auto* arr = (*t)["question"].as_array();
    if (!arr) return diag.error(f, 1, "no [[question]] entries");
    std::set<std::string> ids;
    for (auto&& v : *arr) {
      auto* q = v.as_table();
      if (!q) continue;
      int line = line_of(q, 1);
      bundle::Question out_q;
      out_q.id = string_at(f, *q, "id", line, 0);
      if (!out_q.id.empty() && !ids.insert(out_q.id).second) diag.error(f, line, "question \"" + out_q.id + "\" is defined twice");
      out_q.question = text(f, q->get("question"), "question", line, 0);
      out_q.answer = text(f, q->get("answer"), "answer", line, 0);
      out.exhibit.questions.push_back(std::move(out_q));
    }
  }

  std::set<std::string> room_ids;

  void rooms_dir() {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(fs::path(dir) / "rooms", ec))
      if (e.path().extension() == ".md") files.push_back(e.path());
    if (ec) return diag.error(path("rooms"), 0, "folder not found; the rooms of the exhibit live there");
    std::sort(files.begin(), files.end());
    for (const auto& p : files) room_file("rooms/" + p.filename().string());
  }

  void room_file(const std::string& rel) {
    std::string f = path(rel), body;
    read_file(path(rel), body);
    std::vector<std::string> lines;
    {
      std::istringstream ss(body);
      std::string l;
      while (std::getline(ss, l)) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(l);
      }
    }
    if (lines.empty() || trim(lines[0]) != "+++")
      return diag.error(f, 1, "a room starts with a +++ line, then its id, years, title and teaser, then another +++ line");
    size_t close = 1;
    while (close < lines.size() && trim(lines[close]) != "+++") ++close;
    if (close == lines.size()) return diag.error(f, 1, "the block opened by +++ on line 1 is never closed by another +++ line");
    std::string front;
    for (size_t i = 1; i < close; ++i) front += lines[i] + "\n";
    auto t = parse_toml(rel, front, 1);
    if (!t) return;
    const int off = 1;  // front matter line 1 is file line 2
    bundle::Room r;
    r.id = string_at(f, *t, "id", 0, off);
    if (!r.id.empty() && !is_id(r.id)) diag.error(f, line_of(t->get("id"), 0) + off, "id must use lower-case letters, digits and '-'");
    if (!r.id.empty() && !room_ids.insert(r.id).second) diag.error(f, line_of(t->get("id"), 0) + off, "another room already has id \"" + r.id + "\"");
    auto* years = (*t)["years"].as_array();
    if (!years || years->size() != 2 || !(*years)[0].is_integer() || !(*years)[1].is_integer()) {
      diag.error(f, line_of(t->get("years"), 0) + off, "years must be two years, like years = [1879, 1896]");
    } else {
      r.year_from = (int)*(*years)[0].value<int64_t>();
      r.year_to = (int)*(*years)[1].value<int64_t>();
      if (r.year_from > r.year_to) diag.error(f, line_of(years, 0) + off, "the first year must not come after the second");
    }
    if (auto* pl = (*t)["places"].as_array())
      for (auto&& v : *pl) {
        auto s = v.value<std::string>();
        if (!s || !place_lines.count(*s))
          diag.error(f, line_of(&v, 0) + off, "place \"" + (s ? *s : std::string("?")) + "\" is not in places.csv");
        else
          r.places.push_back(*s);
      }
    r.title = text(f, t->get("title"), "title", 0, off);
    r.teaser = text(f, t->get("teaser"), "teaser", 0, off);
    if (auto* img = (*t)["image"].as_table()) {
      int line = line_of(img, 0) + off;
      std::string file = string_at(f, *img, "file", line - off, off);
      if (!file.empty()) {
        if (add_image(file, f, line_of(img->get("file"), line - off) + off)) r.image.media = file;
        r.image.caption = text(f, img->get("caption"), "image caption", line - off, off);
        r.image.credit = text(f, img->get("credit"), "image credit", line - off, off);
        r.image.alt = text(f, img->get("alt"), "image alt", line - off, off);
      }
    }
    room_body(f, lines, close + 1, r);
    out.exhibit.rooms.push_back(std::move(r));
  }

  void room_body(const std::string& f, const std::vector<std::string>& lines, size_t start, bundle::Room& r) {
    std::string lang;
    std::vector<std::pair<int, std::string>> pages;  // first line, text
    auto flush = [&]() {
      if (lang.empty()) return;
      int words = 0;
      for (auto& [first, pg] : pages) {
        std::vector<std::pair<int, std::string>> problems;
        auto parsed = bundle::parse_page(pg, &problems);
        for (auto& [l, what] : problems) diag.error(f, first + l - 1, what);
        if (parsed.empty()) diag.error(f, first, "this page is empty; remove the extra --- line");
        words += count_words(bundle::plain_text(parsed));
        r.pages[lang].push_back(trim(pg));
      }
      int n = (int)pages.size();
      auto range = [](int a, int b) { return std::to_string(a) + " to " + std::to_string(b); };
      if (n < min_pages || n > max_pages)
        diag.error(f, section_line, "the \"" + lang + "\" text has " + std::to_string(n) + " pages; a room has " + range(min_pages, max_pages) +
                                        " (separate pages with a --- line)");
      if (words < min_words || words > max_words)
        diag.error(f, section_line, "the \"" + lang + "\" text has " + std::to_string(words) + " words; a room has " +
                                        range(min_words, max_words) + " (see [limits] in exhibit.toml)");
    };
    for (size_t i = start; i < lines.size(); ++i) {
      const std::string& l = lines[i];
      int lineno = (int)i + 1;
      std::string tl = trim(l);
      if (tl.size() > 2 && tl[0] == '#' && tl[1] == ' ' && std::find(langs.begin(), langs.end(), trim(tl.substr(2))) != langs.end()) {
        flush();
        lang = trim(tl.substr(2));
        if (r.pages.count(lang)) diag.error(f, lineno, "a second \"# " + lang + "\" section; each language has one");
        section_line = lineno;
        pages.assign(1, {lineno + 1, ""});
        continue;
      }
      if (lang.empty()) {
        if (!tl.empty()) diag.error(f, lineno, "text before the first language heading; start with a line \"# " + (langs.empty() ? std::string("es") : langs[0]) + "\"");
        continue;
      }
      if (tl.size() >= 3 && tl.find_first_not_of('-') == std::string::npos) {
        pages.push_back({lineno + 1, ""});
        continue;
      }
      pages.back().second += l + "\n";
    }
    flush();
    for (const auto& l : langs)
      if (!r.pages.count(l)) diag.error(f, 0, "no \"# " + l + "\" section; every room is written in " + lang_list());
  }
  int section_line = 0;

  bool add_image(const std::string& rel, const std::string& from_file, int line) {
    if (out.media.count(rel)) return true;
    std::string bytes;
    if (!read_file(path(rel), bytes)) {
      diag.error(from_file, line, "picture " + rel + " not found in the exhibit folder");
      return false;
    }
    std::string why;
    PreparedImage img;
    if (!prepare_image(bytes, kMaxImageSide, img, why)) {
      diag.error(from_file, line, "picture " + rel + " " + why);
      return false;
    }
    out.media[rel] = std::move(img.bytes);
    out.exhibit.media.push_back({rel, img.mime, img.width, img.height, (int64_t)out.media[rel].size()});
    std::sort(out.exhibit.media.begin(), out.exhibit.media.end(), [](auto& a, auto& b) { return a.id < b.id; });
    return true;
  }
};

}  // namespace

bundle::Contents read_exhibit(const std::string& dir, Diagnostics& diag, void (*progress)(const std::string&)) {
  Reader r{dir, diag, {}, {}};
  if (!fs::is_directory(dir)) {
    diag.error(dir, 0, "not a folder; give the exhibit's source folder (the one with exhibit.toml)");
    return {};
  }
  auto step = [&](const char* what) {
    if (progress) progress(what);
  };
  step("reading exhibit.toml and fonts");
  r.exhibit_toml();
  if (r.langs.empty()) return std::move(r.out);
  r.strings_toml();
  r.places_csv();
  // Room ids first, so quotations can refer to rooms in any file order.
  step("reading rooms and pictures");
  r.rooms_dir();
  r.journey_csv();
  r.quotes_csv();
  r.questions_toml();
  // Attract items refer to rooms and quotes: check them now that both are known.
  std::set<std::string> quotes;
  for (auto& q : r.out.exhibit.quotes) quotes.insert(q.id);
  for (size_t i = 0; i < r.out.exhibit.attract.size(); ++i) {
    const auto& a = r.out.exhibit.attract[i];
    std::string f = r.path("exhibit.toml");
    int line = r.attract_lines[i];
    if (a.kind == "quote" && !quotes.count(a.ref)) diag.error(f, line, "attract item names quotation \"" + a.ref + "\", which quotes.csv lacks");
    else if (a.kind == "room" && !r.room_ids.count(a.ref)) diag.error(f, line, "attract item names room \"" + a.ref + "\", which rooms/ lacks");
    else if (a.kind != "quote" && a.kind != "room" && a.kind != "journey" && a.kind != "title")
      diag.error(f, line, "attract kind \"" + a.kind + "\" is unknown; use quote, room, journey or title");
    if (a.seconds < 3 || a.seconds > 600) diag.error(f, line, "seconds must be between 3 and 600");
  }
  return std::move(r.out);
}

}  // namespace curator
