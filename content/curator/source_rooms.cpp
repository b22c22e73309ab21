// source_rooms.cpp — rooms/: which files are rooms, each room's +++ front matter, its sections per
// language and pages, and the pictures rooms name (kept inside the exhibit folder).
#include <algorithm>
#include <filesystem>
#include <sstream>

#include "content/bundle/richtext.h"
#include "content/curator/files.h"
#include "content/curator/images.h"
#include "content/curator/reader.h"
#include "content/curator/source.h"
#include "content/curator/suggest.h"
#include "content/curator/validate.h"

namespace fs = std::filesystem;

namespace curator {

namespace {

// "01-childhood.md" -> "childhood": what a room probably is when its file cannot be read, so that
// quotations naming it are not reported as well.
std::string id_from_filename(const std::string& name) {
  std::string stem = fs::path(name).stem().string();
  size_t dash = stem.find('-');
  bool numbered = dash != std::string::npos && dash > 0 && std::all_of(stem.begin(), stem.begin() + dash, ::isdigit);
  return numbered ? stem.substr(dash + 1) : stem;
}

std::vector<std::string> split_lines(const std::string& body) {
  std::vector<std::string> lines;
  std::istringstream ss(body);
  for (std::string l; std::getline(ss, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  return lines;
}

// Markdown reads a line indented by a tab or four spaces after a blank line as a code block.
bool indented(const std::string& l) { return !l.empty() && (l[0] == '\t' || l.rfind("    ", 0) == 0) && !trim(l).empty(); }

// Language names curators write instead of the code.
std::string code_for(const std::string& heading) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"español", "es"}, {"espanol", "es"}, {"spanish", "es"}, {"castellano", "es"}, {"english", "en"}, {"inglés", "en"},
      {"ingles", "en"},  {"français", "fr"}, {"francais", "fr"}, {"french", "fr"},  {"deutsch", "de"}, {"german", "de"}};
  std::string l = heading;
  for (char& c : l) c = (char)tolower((unsigned char)c);
  for (auto& [name, code] : kNames)
    if (l == name) return code;
  return l;
}

}  // namespace

void Reader::rooms_dir() {
  std::vector<std::string> files;
  std::error_code ec;
  fs::path rooms = fs::path(dir) / "rooms";
  for (auto it = fs::directory_iterator(rooms, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string(), why;
    switch (classify_room_entry(name, why)) {
      case RoomEntry::room: files.push_back(name); break;
      case RoomEntry::skipped: break;
      case RoomEntry::misnamed:
        if (!fs::is_directory(it->path(), ec)) diag.error(path("rooms/" + name), 0, why);
        break;
    }
  }
  if (!fs::is_directory(rooms, ec)) {
    rooms_usable = false;
    return diag.error(path("rooms"), 0, "folder not found; the rooms of the exhibit live there, one NN-id.md file each");
  }
  if (files.empty()) {
    rooms_usable = false;
    return diag.error(path("rooms"), 0, "rooms/ has no room files; add one NN-id.md file per room (see content/README.md)");
  }
  std::sort(files.begin(), files.end());
  for (const auto& name : files) room_file("rooms/" + name);
}

void Reader::room_file(const std::string& rel) {
  std::string f = path(rel), body;
  room_ids.insert(id_from_filename(rel));  // until the file says otherwise (see id_from_filename)
  if (!read_source(rel, body, "")) return;
  std::vector<std::string> lines = split_lines(body);
  if (lines.empty()) return diag.error(f, 0, "the file is empty; a room starts with a +++ line (see content/README.md)");
  if (trim(lines[0]) != "+++")
    return diag.error(f, 1, "a room starts with a +++ line, then its id, years, title and teaser, then another +++ line");
  size_t close = 1;
  while (close < lines.size() && trim(lines[close]) != "+++") ++close;
  if (close == lines.size()) return diag.error(f, 1, "the block opened by +++ on line 1 is never closed by another +++ line");
  std::string front;
  for (size_t i = 1; i < close; ++i) front += lines[i] + "\n";
  auto t = parse_toml(rel, front, 1);
  if (!t) return;
  room_ids.erase(id_from_filename(rel));
  bundle::Room r;
  room_front(f, *t, r);
  room_body(f, lines, close + 1, r);
  out.exhibit.rooms.push_back(std::move(r));
}

void Reader::room_front(const std::string& f, const toml::table& t, bundle::Room& r) {
  const int off = 1;  // front matter line 1 is file line 2
  keys(f, t, {"id", "years", "places", "title", "teaser", "image"}, "the front matter", off);
  r.id = string_at(f, t, "id", 0, off);
  if (!r.id.empty() && !is_id(r.id)) diag.error(f, line_of(t.get("id"), 0) + off, "id must use lower-case letters, digits and '-'");
  if (!r.id.empty() && !room_ids.insert(r.id).second) diag.error(f, line_of(t.get("id"), 0) + off, "another room already has id \"" + r.id + "\"; give each room its own id");
  auto* years = t["years"].as_array();
  if (!years && misspelt.count("years")) {
    // reported as a misspelt key
  } else if (!years || years->size() != 2 || !(*years)[0].is_integer() || !(*years)[1].is_integer()) {
    diag.error(f, line_of(t.get("years"), 0) + off, "years must be two years, like years = [1879, 1896]");
  } else {
    r.year_from = (int)*(*years)[0].value<int64_t>();
    r.year_to = (int)*(*years)[1].value<int64_t>();
    if (r.year_from > r.year_to) diag.error(f, line_of(years, 0) + off, "the first year must not come after the second");
  }
  if (auto* pl = t["places"].as_array())
    for (auto&& v : *pl) {
      auto s = v.value<std::string>();
      if (!s || (places_usable && !place_lines.count(*s)))
        diag.error(f, line_of(&v, 0) + off, "place \"" + (s ? *s : std::string("?")) + "\" is not in places.csv; add it there or fix the spelling");
      else if (place_lines.count(*s))
        r.places.push_back(*s);
    }
  r.title = text(f, t.get("title"), "title", 0, off);
  r.teaser = text(f, t.get("teaser"), "teaser", 0, off);
  if (auto* img = t["image"].as_table()) room_image(f, *img, r);
}

void Reader::room_image(const std::string& f, const toml::table& img, bundle::Room& r) {
  const int off = 1;
  int line = line_of(&img, 0) + off;
  keys(f, img, {"file", "caption", "credit", "alt"}, "[image]", off);
  std::string file = string_at(f, img, "file", line - off, off);
  if (file.empty()) return;
  if (add_image(file, f, line_of(img.get("file"), line - off) + off)) r.image.media = file;
  r.image.caption = text(f, img.get("caption"), "image caption", line - off, off, !misspelt.count("caption"));
  r.image.credit = text(f, img.get("credit"), "image credit", line - off, off, !misspelt.count("credit"));
  r.image.alt = text(f, img.get("alt"), "image alt", line - off, off, !misspelt.count("alt"));
}

void Reader::room_section(const std::string& f, const std::string& lang, int section_line,
                          const std::vector<std::pair<int, std::string>>& pages, bundle::Room& r) {
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
}

void Reader::room_body(const std::string& f, const std::vector<std::string>& lines, size_t start, bundle::Room& r) {
  std::string lang;
  int section_line = 0, indents = 0, first_indent = 0;
  bool second = false;  // a second section in the same language: reported, not counted
  std::vector<std::pair<int, std::string>> pages;  // first line, text
  for (size_t i = start; i < lines.size(); ++i) {
    std::string l = lines[i], tl = trim(l);
    int lineno = (int)i + 1;
    bool after_blank = trim(lines[i - 1]).empty() || pages.empty() || pages.back().second.empty();
    if (tl.size() > 2 && tl[0] == '#' && tl[1] == ' ') {
      std::string head = trim(tl.substr(2)), code = code_for(head);
      bool known = std::find(langs.begin(), langs.end(), code) != langs.end();
      if (known && code != head)
        diag.error(f, lineno, "\"# " + head + "\" is not a language heading; write \"# " + code + "\" (the languages are " + lang_list() + ")");
      if (known) {
        if (!lang.empty() && !second) room_section(f, lang, section_line, pages, r);
        lang = code;
        second = r.pages.count(lang) > 0;
        if (second) diag.error(f, lineno, "a second \"# " + lang + "\" section; each language has one");
        section_line = lineno;
        pages.assign(1, {lineno + 1, ""});
        continue;
      }
    }
    if (lang.empty()) {
      if (!tl.empty()) diag.error(f, lineno, "text before the first language heading; start with a line \"# " + langs[0] + "\"");
      continue;
    }
    if (tl.size() >= 3 && tl.find_first_not_of('-') == std::string::npos) {
      pages.push_back({lineno + 1, ""});
      continue;
    }
    if (after_blank && indented(l)) {
      if (indents++ == 0) first_indent = lineno;
      l = tl;  // reported once below; read as the paragraph it was meant to be
    }
    pages.back().second += l + "\n";
  }
  if (!lang.empty() && !second) room_section(f, lang, section_line, pages, r);
  if (indents)
    diag.error(f, first_indent, "this paragraph is indented (a tab or 4 spaces), which Markdown reads as a code block; remove the indentation" +
                                    (indents > 1 ? " (" + std::to_string(indents - 1) + (indents == 2 ? " more paragraph" : " more paragraphs") + " in this file)" : std::string()));
  for (const auto& l : langs)
    if (!r.pages.count(l)) missing_text(f, 0, l, "the \"# " + l + "\" section", "no \"# " + l + "\" section; every room is written in " + lang_list());
}

bool Reader::add_image(const std::string& rel, const std::string& from_file, int line) {
  if (out.media.count(rel)) return true;
  fs::path p(rel);
  std::string name = rel.substr(rel.find_last_of("/\\") + 1);
  if (rel.find('\\') != std::string::npos)
    return diag.error(from_file, line, "picture path " + rel + " uses '\\'; write paths with '/', like \"images/" + name + "\""), false;
  if (p.is_absolute() || p.lexically_normal().string().rfind("..", 0) == 0)
    return diag.error(from_file, line, "picture " + rel + " is outside the exhibit folder; copy it into images/ and write file = \"images/" + name + "\""), false;
  std::string bytes, why;
  switch (read_bytes(path(rel), bytes, why)) {
    case FileProblem::none: break;
    case FileProblem::missing: {
      std::vector<std::string> near;
      std::error_code ec;
      for (auto& e : fs::directory_iterator(fs::path(path(rel)).parent_path(), ec))
        near.push_back((p.parent_path() / e.path().filename()).string());
      std::string hint = nearest(rel, near);
      return diag.error(from_file, line, "picture " + rel + " not found in the exhibit folder" +
                                             (hint.empty() ? "; put it there or fix the name" : "; did you mean \"" + hint + "\"?")), false;
    }
    default: return diag.error(from_file, line, "picture " + rel + " " + why), false;
  }
  PreparedImage img;
  if (!prepare_image(bytes, kMaxImageSide, img, why)) return diag.error(from_file, line, "picture " + rel + " " + why), false;
  out.media[rel] = std::move(img.bytes);
  out.exhibit.media.push_back({rel, img.mime, img.width, img.height, (int64_t)out.media[rel].size()});
  std::sort(out.exhibit.media.begin(), out.exhibit.media.end(), [](auto& a, auto& b) { return a.id < b.id; });
  return true;
}

}  // namespace curator
