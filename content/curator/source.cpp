// source.cpp — see source.h: the order of the pass, and what every file reader shares (reading a
// file as UTF-8, TOML with lines, texts per language, counting missing translations). The readers
// of each kind of file are in source_exhibit.cpp, source_tables.cpp and source_rooms.cpp.
#include "content/curator/source.h"

#include <algorithm>
#include <filesystem>

#include "content/curator/files.h"
#include "content/curator/reader.h"
#include "content/curator/suggest.h"

namespace fs = std::filesystem;

namespace curator {

int line_of(const toml::node* n, int fallback) {
  return n && n->source().begin.line ? (int)n->source().begin.line : fallback;
}

std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

void Reader::keys(const std::string& file, const toml::table& t, const std::vector<std::string>& known,
                  const std::string& where, int line_offset) {
  misspelt = check_keys(file, t, known, where, line_offset, diag);
}

std::string Reader::path(const std::string& rel) const { return (fs::path(dir) / rel).string(); }

std::string Reader::lang_list() const {
  std::string s;
  for (size_t i = 0; i < langs.size(); ++i) s += (i ? (i + 1 == langs.size() ? " and " : ", ") : "") + langs[i];
  return s;
}

std::string Reader::example(const std::string& what) const {
  std::string s = what + " = { ";
  for (size_t i = 0; i < langs.size(); ++i) s += (i ? ", " : "") + langs[i] + " = \"…\"";
  return s + " }";
}

bool Reader::read_source(const std::string& rel, std::string& body, const std::string& what_for, bool required) {
  std::string why, name = fs::path(rel).filename().string();
  switch (read_bytes(path(rel), body, why)) {
    case FileProblem::none: break;
    case FileProblem::missing:
      if (required) diag.error(path(rel), 0, "file not found; " + what_for);
      return false;
    default: diag.error(path(rel), 0, name + " " + why); return false;
  }
  int line = 0;
  if (!check_utf8(name, body, line, why)) {
    diag.error(path(rel), line, why);
    return false;
  }
  return true;
}

std::optional<toml::table> Reader::parse_toml(const std::string& rel, const std::string& body, int line_offset) {
  try {
    return toml::parse(body, rel);
  } catch (const toml::parse_error& e) {
    diag.error(path(rel), (int)e.source().begin.line + line_offset,
               std::string(e.description()) + "; fix the TOML on this line (text goes in \"quotes\")");
    return std::nullopt;
  }
}

std::optional<toml::table> Reader::load_toml(const std::string& rel, bool required) {
  std::string body;
  if (!read_source(rel, body, "every exhibit needs one (see content/README.md)", required)) return std::nullopt;
  return parse_toml(rel, body);
}

std::string Reader::string_at(const std::string& file, const toml::table& t, const char* key, int parent_line, int off,
                              bool required) {
  auto v = t[key].value<std::string>();
  const toml::node* n = t.get(key);
  if (!v && (n || (required && !misspelt.count(key))))
    diag.error(file, (n ? line_of(n, parent_line) : parent_line) + off,
               n ? std::string(key) + " must be text in quotes, like " + key + " = \"…\"" : std::string("missing ") + key + " = \"…\"");
  return v ? *v : std::string();
}

bundle::Text Reader::text(const std::string& file, const toml::node* n, const std::string& what, int parent_line,
                          int line_offset, bool required) {
  bundle::Text t;
  if (!n) {
    if (required && !misspelt.count(what)) diag.error(file, parent_line + line_offset, "missing " + what + "; give one text per language: " + example(what));
    return t;
  }
  int line = line_of(n, parent_line) + line_offset;
  const toml::table* tbl = n->as_table();
  if (!tbl) {
    diag.error(file, line, what + " needs one text per language, like " + example(what));
    return t;
  }
  std::vector<std::string> strays;
  for (auto&& [k, v] : *tbl) {
    std::string lang(k.str());
    int vline = line_of(&v, line - line_offset) + line_offset;
    if (std::find(langs.begin(), langs.end(), lang) == langs.end()) {
      stray_text(file, vline, lang, what);
      strays.push_back(lang);
      continue;
    }
    auto s = v.value<std::string>();
    if (!s) diag.error(file, vline, what + "." + lang + " must be text in quotes");
    else t.by_lang[lang] = trim(*s);
  }
  if (misspelt.count(what)) return t;  // e.g. anwser.es beside answer.en: reported as the misspelling
  auto typo_for = [&](const std::string& l) {  // "enn" beside a missing "en": one mistake, said once
    return std::any_of(strays.begin(), strays.end(), [&](const std::string& s) { return s.size() > l.size() && edit_distance(s, l) == 1; });
  };
  for (const auto& l : langs)
    if ((!t.by_lang.count(l) || t.by_lang[l].empty()) && !typo_for(l)) missing_text(file, line, l, what);
  return t;
}

void Reader::missing_text(const std::string& file, int line, const std::string& lang, const std::string& what,
                          const std::string& message) {
  LangGap& g = missing[file][lang];
  if (g.count++ > 0 && (line == 0 || line >= g.first_line) && g.first_line != 0) return;  // keep the topmost
  g.first_line = line, g.first_what = what;
  g.first_message = message.empty() ? what + " has no \"" + lang + "\" text; every text needs " + lang_list() : message;
}

void Reader::stray_text(const std::string& file, int line, const std::string& lang, const std::string& what) {
  LangGap& g = stray[file][lang];
  if (g.count++ == 0 || (line > 0 && line < g.first_line)) g.first_line = line, g.first_what = what;
}

void Reader::report_language_gaps() {
  // An untranslated language is missing from every room: one line for rooms/, not one per room.
  std::map<std::string, std::vector<std::string>> rooms_lacking;  // lang -> room files
  std::string rooms_prefix = path("rooms/");
  for (auto& [file, by_lang] : missing)
    for (auto& [lang, g] : by_lang)
      if (file.rfind(rooms_prefix, 0) == 0) rooms_lacking[lang].push_back(file);
  auto todo = [](const std::string& lang) { return "; translate them, or remove \"" + lang + "\" from languages in exhibit.toml"; };
  for (auto& [file, by_lang] : missing)
    for (auto& [lang, g] : by_lang) {
      const auto& rooms = rooms_lacking[lang];
      bool grouped = rooms.size() > 3 && file.rfind(rooms_prefix, 0) == 0;
      if (grouped && file != rooms.front()) continue;
      if (grouped) {
        int texts = 0;
        std::string others;
        for (size_t i = 0; i < rooms.size(); ++i) {
          texts += missing[rooms[i]][lang].count;
          if (i > 0 && i <= 2) others += (i > 1 ? ", " : "") + fs::path(rooms[i]).filename().string();
        }
        if (rooms.size() > 3) others += " and " + std::to_string(rooms.size() - 3) + " more";
        diag.error(file, g.first_line, std::to_string(rooms.size()) + " room files have no \"" + lang + "\" text (" + std::to_string(texts) +
                                           " texts; the first is " + g.first_what + " here, then " + others + ")" + todo(lang));
      } else {
        diag.error(file, g.first_line,
                   g.count == 1 ? g.first_message
                                : std::to_string(g.count) + " texts in this file have no \"" + lang + "\" text (the first is " + g.first_what + ")" + todo(lang));
      }
    }
  for (auto& [file, by_lang] : stray)
    for (auto& [lang, g] : by_lang) {
      // "enn" or "esp" is a typo for a listed code; "fr" is a language the exhibit does not list.
      std::string typo_of;
      for (const auto& l : langs)
        if (lang.size() > l.size() && edit_distance(lang, l) == 1) typo_of = l;
      diag.error(file, g.first_line,
                 (g.count == 1 ? g.first_what + " has a text" : std::to_string(g.count) + " texts in this file have a text") +
                     " in \"" + lang + "\", which is not one of the exhibit's languages (" + lang_list() + ")" +
                     (typo_of.empty() ? "; add it to languages in exhibit.toml or remove " + std::string(g.count == 1 ? "it" : "them")
                                      : "; did you mean \"" + typo_of + "\"?"));
    }
}

void Reader::check_attract() {
  std::string f = path("exhibit.toml");
  for (size_t i = 0; i < out.exhibit.attract.size(); ++i) {
    const auto& a = out.exhibit.attract[i];
    int line = attract_lines[i];
    if (a.kind == "quote") {
      if (quotes_usable && !quote_ids.count(a.ref))
        diag.error(f, line, "attract item names quotation \"" + a.ref + "\", which quotes.csv lacks; use a quotation's id");
    } else if (a.kind == "room") {
      if (rooms_usable && !room_ids.count(a.ref))
        diag.error(f, line, "attract item names room \"" + a.ref + "\", which rooms/ lacks; use a room's id");
    } else if (a.kind != "journey" && a.kind != "title") {
      diag.error(f, line, "attract kind \"" + a.kind + "\" is unknown; use quote, room, journey or title");
    }
  }
}

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
  r.check_attract();
  r.report_language_gaps();
  return std::move(r.out);
}

}  // namespace curator
