// validate.cpp — see validate.h.
#include "content/curator/validate.h"

#include <stb_image.h>
#include <stb_truetype.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>

#include "content/bundle/richtext.h"
#include "content/bundle/counts.h"
#include "content/bundle/ui_keys.h"
#include "content/curator/fonts.h"
#include "content/curator/raster.h"  // codepoints(): UTF-8 with U+FFFD for bad bytes
#include "content/map/exhibit_map.h"  // map layer geometry checks (content/map)

namespace curator {

bool is_iso_date(const std::string& s) {
  int y = 0, m = 0, d = 0;
  char tail;
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= s.size() || !isdigit((unsigned char)s[i])) return false;
    return true;
  };
  if (s.size() == 4 && digits(0, 4)) return true;
  if (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) {
    sscanf(s.c_str(), "%4d-%2d", &y, &m);
    return m >= 1 && m <= 12;
  }
  if (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) &&
      sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m - 1] - (m == 2 && !leap ? 1 : 0);
    return d <= max;
  }
  return false;
}

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  for (char c : s)
    if (!(islower((unsigned char)c) || isdigit((unsigned char)c) || c == '-')) return false;
  return true;
}

int count_words(const std::string& s) {
  int n = 0;
  bool in = false;
  for (unsigned char c : s) {
    bool space = isspace(c);
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

// One line per character the fonts lack (naming every font that lacks it), at most kMaxGlyphLines:
// text pasted in another script is one mistake, not a line per character and font.
static void glyph_problems(const std::map<uint32_t, std::string>& seen,
                           std::vector<std::pair<std::string, stbtt_fontinfo>>& fonts, std::vector<std::string>& p) {
  constexpr int kMaxGlyphLines = 8;
  int lines = 0, more = 0;
  for (const auto& [cp, where] : seen) {
    if (cp == 0xFFFD) {
      p.push_back(where + " is not valid UTF-8; save the file as UTF-8");
      continue;
    }
    std::string lacking;
    for (auto& [role, info] : fonts)
      if (!stbtt_FindGlyphIndex(&info, (int)cp)) lacking += (lacking.empty() ? "" : ", ") + role;
    if (lacking.empty()) continue;
    if (lines++ >= kMaxGlyphLines) {
      ++more;
      continue;
    }
    char buf[16];
    snprintf(buf, sizeof buf, "U+%04X", cp);
    p.push_back(where + " uses " + buf + ", which the " + lacking + (lacking.find(',') != std::string::npos ? " fonts lack" : " font lacks") +
                "; choose fonts that have it, or remove the character");
  }
  if (more) p.push_back(std::to_string(more) + " more characters are missing from the fonts; is some text in another script or encoding?");
}

std::vector<std::string> validate(const bundle::Contents& c) {
  std::vector<std::string> p;
  const bundle::Exhibit& ex = c.exhibit;
  const auto& langs = ex.meta.languages;
  if (langs.empty()) p.push_back("the exhibit names no languages");

  // Every text in every language.
  // optional: may be absent; partial: may exist in some languages only (notes on a translation).
  auto text = [&](const std::string& what, const bundle::Text& t, bool optional = false, bool partial = false) {
    if (optional && t.empty()) return;
    for (const auto& l : langs) {
      if (partial) break;
      auto it = t.by_lang.find(l);
      if (it == t.by_lang.end() || it->second.empty()) p.push_back(what + " has no text in \"" + l + "\"");
    }
    for (const auto& [l, v] : t.by_lang)
      if (std::find(langs.begin(), langs.end(), l) == langs.end())
        p.push_back(what + " has a text in \"" + l + "\", which is not a language of the exhibit");
  };
  text("the exhibit's title", ex.meta.title);
  text("the exhibit's subtitle", ex.meta.subtitle, true);
  text("the exhibit's subject", ex.meta.subject, true);

  std::set<std::string> places, rooms, quotes, media;
  for (const auto& m : ex.media) media.insert(m.id);
  for (const auto& pl : ex.places) {
    if (!places.insert(pl.id).second) p.push_back("place \"" + pl.id + "\" is defined twice");
    if (!is_id(pl.id)) p.push_back("place id \"" + pl.id + "\" must use lower-case letters, digits and '-'");
    if (!(pl.lat >= -90 && pl.lat <= 90 && pl.lon >= -180 && pl.lon <= 180))
      p.push_back("place \"" + pl.id + "\" has coordinates off the Earth (lat -90..90, lon -180..180)");
    if (pl.priority < 1 || pl.priority > 3) p.push_back("place \"" + pl.id + "\" needs a priority of 1, 2 or 3");
    text("place \"" + pl.id + "\" name", pl.name);
    text("place \"" + pl.id + "\" text", pl.text);
  }
  for (const auto& r : ex.rooms) {
    if (!rooms.insert(r.id).second) p.push_back("room \"" + r.id + "\" is defined twice");
    text("room \"" + r.id + "\" title", r.title);
    text("room \"" + r.id + "\" teaser", r.teaser);
    if (r.year_from > r.year_to) p.push_back("room \"" + r.id + "\" ends before it begins");
    for (const auto& l : langs) {
      auto it = r.pages.find(l);
      if (it == r.pages.end() || it->second.empty()) p.push_back("room \"" + r.id + "\" has no pages in \"" + l + "\"");
    }
    for (const auto& pl : r.places)
      if (!places.count(pl)) p.push_back("room \"" + r.id + "\" names place \"" + pl + "\", which places.csv lacks");
    if (!r.image.media.empty()) {
      if (!media.count(r.image.media)) p.push_back("room \"" + r.id + "\" shows " + r.image.media + ", which is not in the bundle");
      text("room \"" + r.id + "\" image caption", r.image.caption);
      text("room \"" + r.id + "\" image credit", r.image.credit);
      text("room \"" + r.id + "\" image alt text", r.image.alt);
    }
  }
  std::string prev_from;
  for (size_t i = 0; i < ex.journey.size(); ++i) {
    const auto& s = ex.journey[i];
    std::string what = "stay " + std::to_string(i + 1) + " (" + s.place + ")";
    if (!places.count(s.place)) p.push_back(what + " names a place that places.csv lacks");
    if (!is_iso_date(s.from)) p.push_back(what + " has a malformed start date \"" + s.from + "\"");
    if (!is_iso_date(s.to)) p.push_back(what + " has a malformed end date \"" + s.to + "\"");
    if (is_iso_date(s.from) && is_iso_date(s.to) && s.to.substr(0, s.from.size()) < s.from.substr(0, s.to.size()))
      p.push_back(what + " ends (" + s.to + ") before it begins (" + s.from + ")");
    if (!prev_from.empty() && s.from.substr(0, 4) < prev_from.substr(0, 4))
      p.push_back(what + " starts before the stay listed above it; keep the journey in order");
    prev_from = s.from;
    text(what + " text", s.text);
  }
  for (const auto& q : ex.quotes) {
    if (!quotes.insert(q.id).second) p.push_back("quotation \"" + q.id + "\" is defined twice");
    if (!q.room.empty() && !rooms.count(q.room)) p.push_back("quotation \"" + q.id + "\" names room \"" + q.room + "\", which does not exist");
    if (q.year < 1000 || q.year > 2100) p.push_back("quotation \"" + q.id + "\" needs a year");
    text("quotation \"" + q.id + "\" text", q.text);
    text("quotation \"" + q.id + "\" work", q.work);
    text("quotation \"" + q.id + "\" note", q.note, true, true);
    text("quotation \"" + q.id + "\" author", q.author, true);
  }
  std::set<std::string> questions;
  for (const auto& q : ex.questions) {
    if (!questions.insert(q.id).second) p.push_back("question \"" + q.id + "\" is defined twice");
    text("question \"" + q.id + "\"", q.question);
    text("answer to \"" + q.id + "\"", q.answer);
  }
  for (const std::string& key : bundle::required_ui_keys(langs))
    if (!ex.strings.count(key)) p.push_back("strings.toml lacks \"" + key + "\", which the kiosk shows; add \"" + key + "\" = { " +
                  (langs.empty() ? std::string("xx") : langs[0]) + " = \"…\", … }");
  for (const auto& [key, t] : ex.strings) text("label \"" + key + "\"", t);
  // Labels with a count are ICU patterns (plural forms per language): each must parse.
  for (const char* key : {"room.page", "quotes.count", "warning.body"}) {
    auto it = ex.strings.find(key);
    if (it == ex.strings.end()) continue;
    for (const auto& [l, v] : it->second.by_lang) {
      std::string problem = bundle::count_pattern_problem(v, l);
      if (!problem.empty()) p.push_back("label \"" + std::string(key) + "\" in \"" + l + "\" " + problem);
    }
  }
  for (size_t i = 0; i < ex.attract.size(); ++i) {
    const auto& a = ex.attract[i];
    std::string what = "attract item " + std::to_string(i + 1);
    if (a.kind == "quote" && !quotes.count(a.ref)) p.push_back(what + " names quotation \"" + a.ref + "\", which does not exist");
    else if (a.kind == "room" && !rooms.count(a.ref)) p.push_back(what + " names room \"" + a.ref + "\", which does not exist");
    else if (a.kind != "quote" && a.kind != "room" && a.kind != "journey" && a.kind != "title")
      p.push_back(what + " has kind \"" + a.kind + "\"; use quote, room, journey or title");
    if (a.seconds < 3 || a.seconds > 600) p.push_back(what + " should last 3 to 600 seconds");
  }
  if (ex.meta.warning_seconds < 20) p.push_back("the timeout warning must last at least 20 seconds (WCAG 2.2.1)");
  // Map layers (when their geometry is at hand): whole triangles, indices in range, on the map.
  for (auto& m : mapgeo::validate_map(c.map)) p.push_back(m);

  // Pictures decode.
  for (const auto& m : ex.media) {
    auto it = c.media.find(m.id);
    int w = 0, h = 0, n = 0;
    if (it == c.media.end() || !stbi_info_from_memory(it->second.data(), (int)it->second.size(), &w, &h, &n))
      p.push_back("picture " + m.id + " does not decode");
    else if (w > 4096 || h > 4096)
      p.push_back("picture " + m.id + " is larger than 4096 pixels, the GPU's limit");
  }

  // Every character of every text is in the fonts.
  static const char* const kRoles[] = {"serif", "serif_italic", "serif_bold", "sans", "sans_bold"};
  std::vector<std::pair<std::string, stbtt_fontinfo>> fonts;
  for (const char* role : kRoles) {
    auto it = c.fonts.find(role);
    if (it == c.fonts.end()) {
      p.push_back(std::string("the bundle has no ") + role + " font");
      continue;
    }
    stbtt_fontinfo info;
    const auto& b = it->second.bytes;
    // font_problem first: stb_truetype trusts its input (offset -1 for a non-font was a crash).
    std::string problem = font_problem(b);
    int offset = problem.empty() ? stbtt_GetFontOffsetForIndex(b.data(), 0) : -1;
    if (!problem.empty() || offset < 0 || !stbtt_InitFont(&info, b.data(), offset)) {
      p.push_back("the " + std::string(role) + " font " + it->second.file + " " + (problem.empty() ? "is not a font file" : problem));
      continue;
    }
    fonts.push_back({role, info});
  }
  std::map<uint32_t, std::string> seen;  // codepoint -> first text using it
  auto collect = [&](const std::string& where, const std::string& s) {
    for (uint32_t cp : raster::codepoints(s))
      if (cp >= 0x20 && !seen.count(cp)) seen[cp] = where;
  };
  auto collect_text = [&](const std::string& where, const bundle::Text& t) {
    for (const auto& [l, v] : t.by_lang) collect(where + " (" + l + ")", v);
  };
  collect_text("the title", ex.meta.title);
  collect_text("the subtitle", ex.meta.subtitle);
  for (const auto& r : ex.rooms) {
    collect_text("room " + r.id + " title", r.title);
    collect_text("room " + r.id + " teaser", r.teaser);
    for (const auto& [l, pages] : r.pages)
      for (const auto& pg : pages) collect("room " + r.id + " (" + l + ")", pg);
  }
  for (const auto& pl : ex.places) collect_text("place " + pl.id, pl.name), collect_text("place " + pl.id, pl.text);
  for (size_t i = 0; i < ex.journey.size(); ++i) collect_text("stay " + std::to_string(i + 1), ex.journey[i].text);
  for (const auto& q : ex.quotes) collect_text("quotation " + q.id, q.text), collect_text("quotation " + q.id, q.work);
  for (const auto& q : ex.questions) collect_text("question " + q.id, q.question), collect_text("question " + q.id, q.answer);
  for (const auto& [k, t] : ex.strings) collect_text("label " + k, t);
  glyph_problems(seen, fonts, p);
  return p;
}

}  // namespace curator
