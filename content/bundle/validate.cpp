// validate.cpp — see validate.h. The entry points, and the rules about texts and references:
// everything a screen looks up by id exists, every text exists in every language and fits.
#include "content/bundle/validate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

#include "content/bundle/ui_keys.h"
#include "content/bundle/validate_parts.h"
#include "content/bundle/writer.h"

namespace bundle {

namespace rules {

bool valid_utf8(const std::string& s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned c = p[i];
    if (c < 0x80) {
      if (c == 0) return false;  // a NUL would cut the text short in every C API below us
      ++i;
      continue;
    }
    int len = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (!len || i + len > n) return false;
    uint32_t cp = c & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = cp << 6 | (p[i + k] & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool is_id(const std::string& s) {
  if (s.empty() || s.size() > 64 || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

bool is_iso_date(const std::string& s) {
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (!(s.size() == 4 || s.size() == 7 || s.size() == 10) || !digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(5, 2)) return false;
  int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2));
  if (m < 1 || m > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(8, 2)) return false;
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int d = std::stoi(s.substr(8, 2));
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d >= 1 && d <= days[m - 1] - (m == 2 && !leap ? 1 : 0);
}

namespace {

std::string q(const std::string& s) {
  std::string t = s.size() > 60 ? s.substr(0, 60) + "…" : s;
  return "\"" + (valid_utf8(t) ? t : std::string("(not UTF-8)")) + "\"";
}

// The rules for one text: present and non-empty in every language (unless optional, or partial:
// a translator's note may exist in some languages only), no other language, UTF-8, within `max`.
struct TextRules {
  const std::vector<std::string>& langs;
  Problems& p;
  void operator()(const std::string& what, const Text& t, size_t max, bool optional = false, bool partial = false) const {
    if (optional && t.empty()) return;
    if (!partial)
      for (const auto& l : langs) {
        auto it = t.by_lang.find(l);
        if (it == t.by_lang.end() || it->second.empty()) add(p, what + " has no text in " + q(l) + "; rebuild with every text translated");
      }
    for (const auto& [l, v] : t.by_lang) {
      if (std::find(langs.begin(), langs.end(), l) == langs.end())
        add(p, what + " has a text in " + q(l) + ", which is not a language of the exhibit; rebuild the bundle");
      else if (!valid_utf8(v))
        add(p, what + " (" + l + ") is not valid UTF-8; save the source as UTF-8 and rebuild");
      else if (v.size() > max)
        add(p, what + " (" + l + ") is " + std::to_string(v.size()) + " bytes, over the limit of " + std::to_string(max) + "; shorten it");
    }
  }
};

void count(Problems& p, const char* what, size_t n, size_t max) {
  if (n > max) add(p, std::string("the bundle has ") + std::to_string(n) + " " + what + ", more than the " + std::to_string(max) + " a kiosk shows; split the exhibit");
}

void meta(const Exhibit& ex, const TextRules& text, Problems& p) {
  const Meta& m = ex.meta;
  if (m.languages.empty() || m.languages.size() > limits::kLanguages)
    add(p, "the exhibit names " + std::to_string(m.languages.size()) + " languages; it needs 1 to " + std::to_string(limits::kLanguages));
  std::set<std::string> seen;
  for (const auto& l : m.languages)
    if (l.size() < 2 || l.size() > 8 || !is_id(l) || !seen.insert(l).second)
      add(p, "the exhibit's language " + q(l) + " is not a language code like \"es\" (or is given twice)");
  if (m.id.empty() || m.version.empty()) add(p, "the bundle has no exhibit id or version; rebuild it with kiosk-bundle");
  if (m.idle_seconds < limits::kIdleMin || m.idle_seconds > limits::kIdleMax)
    add(p, "the idle timeout is " + std::to_string(m.idle_seconds) + " s; use " + std::to_string(limits::kIdleMin) + " to " + std::to_string(limits::kIdleMax));
  if (m.warning_seconds < limits::kWarningMin || m.warning_seconds > limits::kWarningMax)
    add(p, "the timeout warning lasts " + std::to_string(m.warning_seconds) + " s; use " + std::to_string(limits::kWarningMin) + " to " +
               std::to_string(limits::kWarningMax) + " (WCAG 2.2.1 wants at least 20)");
  text("the exhibit's title", m.title, limits::kLabelBytes);
  text("the exhibit's subtitle", m.subtitle, limits::kShortTextBytes, true);
  text("the exhibit's subject", m.subject, limits::kLabelBytes, true);
}

void rooms(const Exhibit& ex, const TextRules& text, const std::set<std::string>& places, const std::set<std::string>& media,
           Problems& p) {
  if (ex.rooms.empty()) add(p, "the exhibit has no rooms; add room files and rebuild");
  count(p, "rooms", ex.rooms.size(), limits::kRooms);
  std::set<std::string> ids;
  for (const auto& r : ex.rooms) {
    std::string what = "room " + q(r.id);
    if (!is_id(r.id) || !ids.insert(r.id).second) add(p, what + " has a bad or repeated id; rebuild the bundle");
    if (r.year_from < limits::kYearMin || r.year_to > limits::kYearMax || r.year_from > r.year_to)
      add(p, what + " has years " + std::to_string(r.year_from) + "–" + std::to_string(r.year_to) + "; give a start no later than its end");
    text(what + " title", r.title, limits::kLabelBytes);
    text(what + " teaser", r.teaser, limits::kShortTextBytes);
    for (const auto& l : ex.meta.languages) {
      auto it = r.pages.find(l);
      size_t n = it == r.pages.end() ? 0 : it->second.size();
      if (n == 0 || n > limits::kPagesPerRoom)
        add(p, what + " has " + std::to_string(n) + " pages in " + q(l) + "; a room has 1 to " + std::to_string(limits::kPagesPerRoom));
    }
    for (const auto& [l, pages] : r.pages) {
      if (std::find(ex.meta.languages.begin(), ex.meta.languages.end(), l) == ex.meta.languages.end())
        add(p, what + " has pages in " + q(l) + ", which is not a language of the exhibit; rebuild the bundle");
      for (size_t i = 0; i < pages.size() && i < limits::kPagesPerRoom; ++i) {
        std::string page = what + " page " + std::to_string(i + 1) + " (" + l + ")";
        if (pages[i].empty()) add(p, page + " is empty; remove the empty page");
        else if (!valid_utf8(pages[i])) add(p, page + " is not valid UTF-8; save the source as UTF-8 and rebuild");
        else if (pages[i].size() > limits::kLongTextBytes)
          add(p, page + " is " + std::to_string(pages[i].size()) + " bytes, over the limit of " + std::to_string(limits::kLongTextBytes) + "; split it into pages");
      }
    }
    if (r.places.size() > 100) add(p, what + " names " + std::to_string(r.places.size()) + " places; a room names at most 100");
    for (const auto& pl : r.places)
      if (!places.count(pl)) add(p, what + " names place " + q(pl) + ", which the bundle lacks; add it to places.csv");
    if (!r.image.media.empty()) {
      if (!media.count(r.image.media)) add(p, what + " shows picture " + q(r.image.media) + ", which the bundle lacks; rebuild it");
      text(what + " image caption", r.image.caption, limits::kShortTextBytes);
      text(what + " image credit", r.image.credit, limits::kLabelBytes);
      text(what + " image alt text", r.image.alt, limits::kShortTextBytes);
    }
  }
}

void places_and_journey(const Exhibit& ex, const TextRules& text, Problems& p) {
  count(p, "places", ex.places.size(), limits::kPlaces);
  count(p, "stays", ex.journey.size(), limits::kStays);
  std::set<std::string> ids;
  for (const auto& pl : ex.places) {
    std::string what = "place " + q(pl.id);
    if (!is_id(pl.id) || !ids.insert(pl.id).second) add(p, what + " has a bad or repeated id; rebuild the bundle");
    if (!(std::isfinite(pl.lat) && std::isfinite(pl.lon) && pl.lat >= -90 && pl.lat <= 90 && pl.lon >= -180 && pl.lon <= 180))
      add(p, what + " has coordinates off the Earth; use lat -90…90 and lon -180…180");
    if (pl.priority < 1 || pl.priority > 3) add(p, what + " has priority " + std::to_string(pl.priority) + "; use 1, 2 or 3");
    text(what + " name", pl.name, limits::kLabelBytes);
    text(what + " text", pl.text, limits::kLongTextBytes);
  }
  for (size_t i = 0; i < ex.journey.size(); ++i) {
    const Stay& s = ex.journey[i];
    std::string what = "stay " + std::to_string(i + 1) + " (" + q(s.place) + ")";
    if (!ids.count(s.place)) add(p, what + " names a place the bundle lacks; add it to places.csv");
    if (!is_iso_date(s.from) || !is_iso_date(s.to))
      add(p, what + " has a date that is not like 1929, 1929-02 or 1929-02-12; correct journey.csv");
    else if (s.to.substr(0, s.from.size()) < s.from.substr(0, s.to.size()))
      add(p, what + " ends before it begins; correct journey.csv");
    if (s.kind.empty() || s.kind.size() > 32 || !is_id(s.kind)) add(p, what + " has an unknown kind " + q(s.kind) + "; correct journey.csv");
    text(what + " text", s.text, limits::kLongTextBytes);
  }
}

void quotes_and_questions(const Exhibit& ex, const TextRules& text, const std::set<std::string>& rooms, Problems& p) {
  count(p, "quotations", ex.quotes.size(), limits::kQuotes);
  count(p, "questions", ex.questions.size(), limits::kQuestions);
  std::set<std::string> ids;
  for (const auto& qu : ex.quotes) {
    std::string what = "quotation " + q(qu.id);
    if (!is_id(qu.id) || !ids.insert(qu.id).second) add(p, what + " has a bad or repeated id; rebuild the bundle");
    if (!qu.room.empty() && !rooms.count(qu.room)) add(p, what + " names room " + q(qu.room) + ", which does not exist; correct quotes.csv");
    if (qu.year < limits::kYearMin || qu.year > limits::kYearMax) add(p, what + " has year " + std::to_string(qu.year) + "; give the year it was said");
    text(what + " author", qu.author, limits::kLabelBytes, true, true);  // "" = the exhibit's subject
    text(what + " text", qu.text, limits::kLongTextBytes);
    text(what + " work", qu.work, limits::kLabelBytes);
    text(what + " note", qu.note, limits::kShortTextBytes, true, true);
  }
  ids.clear();
  for (const auto& qu : ex.questions) {
    std::string what = "question " + q(qu.id);
    if (!is_id(qu.id) || !ids.insert(qu.id).second) add(p, what + " has a bad or repeated id; rebuild the bundle");
    text(what, qu.question, limits::kShortTextBytes);
    text("the answer to " + what, qu.answer, limits::kLongTextBytes);
  }
}

void labels_and_attract(const Exhibit& ex, const TextRules& text, const std::set<std::string>& rooms,
                        const std::set<std::string>& quotes, Problems& p) {
  count(p, "labels", ex.strings.size(), limits::kLabels);
  for (const std::string& key : required_ui_keys(ex.meta.languages))
    if (!ex.strings.count(key)) add(p, "the label \"" + key + "\", which the kiosk shows, is missing; add it to strings.toml");
  for (const auto& [key, t] : ex.strings) text("label " + q(key), t, limits::kLabelBytes);
  count(p, "attract items", ex.attract.size(), limits::kAttract);
  for (size_t i = 0; i < ex.attract.size(); ++i) {
    const AttractItem& a = ex.attract[i];
    std::string what = "attract item " + std::to_string(i + 1);
    if (a.kind == "quote") {
      if (!quotes.count(a.ref)) add(p, what + " names quotation " + q(a.ref) + ", which does not exist; correct exhibit.toml");
    } else if (a.kind == "room") {
      if (!rooms.count(a.ref)) add(p, what + " names room " + q(a.ref) + ", which does not exist; correct exhibit.toml");
    } else if (a.kind == "journey") {
      if (ex.journey.empty()) add(p, what + " shows the journey, but the bundle has no stays; add journey.csv or remove the item");
    } else if (a.kind != "title") {
      add(p, what + " has kind " + q(a.kind) + "; use quote, room, journey or title");
    }
    if (a.seconds < limits::kAttractMin || a.seconds > limits::kAttractMax)
      add(p, what + " lasts " + std::to_string(a.seconds) + " s; use " + std::to_string(limits::kAttractMin) + " to " + std::to_string(limits::kAttractMax));
  }
}

}  // namespace

void texts_and_references(const Source& s, Problems& p) {
  const Exhibit& ex = s.ex;
  TextRules text{ex.meta.languages, p};
  meta(ex, text, p);
  // Every reference is looked up in a set: checking stays linear in the size of the exhibit.
  std::set<std::string> places, rooms, media, quotes;
  for (const auto& x : ex.places) places.insert(x.id);
  for (const auto& x : ex.quotes) quotes.insert(x.id);
  for (const auto& x : ex.rooms) rooms.insert(x.id);
  for (const auto& x : ex.media) media.insert(x.id);
  ::bundle::rules::rooms(ex, text, places, media, p);
  places_and_journey(ex, text, p);
  quotes_and_questions(ex, text, rooms, p);
  labels_and_attract(ex, text, rooms, quotes, p);
}

}  // namespace rules

static std::vector<Problem> run(const rules::Source& s) {
  rules::Problems p;
  rules::texts_and_references(s, p);
  rules::pictures(s, p);
  rules::fonts(s, p);
  rules::map(s, p);
  return p;
}

namespace {

// The blobs a validation reads, each once. Pictures are read one at a time and let go; fonts and
// land are kept for the caller when it asks (`all`), otherwise only the one being judged, so
// check and the store hold one blob at a time (up to 32 MB each), not a bundle's worth.
struct Blobs {
  std::map<std::string, std::vector<uint8_t>>& fonts;
  std::map<std::string, MapGeometry>& map;
  bool all;
};

std::vector<Problem> validate_bundle(const Bundle& b, bool decode_pictures, Blobs kept) {
  rules::Source s{b.exhibit(),
                  [&](const std::string& id) { return b.media_bytes(id); },
                  [&](const std::string& role) -> const std::vector<uint8_t>& {
                    if (!kept.all) kept.fonts.clear();
                    auto it = kept.fonts.find(role);
                    if (it == kept.fonts.end()) it = kept.fonts.emplace(role, b.font_bytes(role)).first;
                    return it->second;
                  },
                  [&](const std::string& name) -> const MapGeometry* {
                    if (!kept.all) kept.map.clear();
                    MapGeometry g;
                    if (!b.map_geometry(name, g.xy, g.indices)) return nullptr;
                    for (const auto& l : b.exhibit().map)
                      if (l.name == name) g.lod = l.lod;
                    return &(kept.map[name] = std::move(g));
                  },
                  decode_pictures};
  std::vector<Problem> p = run(s);
  for (auto it = kept.fonts.begin(); it != kept.fonts.end();)  // a role the bundle lacks is no font
    it = it->second.empty() ? kept.fonts.erase(it) : std::next(it);
  return p;
}

}  // namespace

std::vector<Problem> validate(const Bundle& b) {
  std::map<std::string, std::vector<uint8_t>> fonts;
  std::map<std::string, MapGeometry> map;
  return validate_bundle(b, true, {fonts, map, false});
}

std::vector<Problem> validate(const Contents& c) {
  static const std::vector<uint8_t> kNone;
  auto find = [](const auto& m, const std::string& k) { return m.count(k) ? m.at(k) : decltype(m.begin()->second){}; };
  rules::Source s{c.exhibit,
                  [&](const std::string& id) { return find(c.media, id); },
                  [&](const std::string& role) -> const std::vector<uint8_t>& {
                    auto it = c.fonts.find(role);
                    return it == c.fonts.end() ? kNone : it->second.bytes;
                  },
                  [&](const std::string& name) -> const MapGeometry* {
                    auto it = c.map.find(name);
                    return it == c.map.end() ? nullptr : &it->second;
                  }};
  return run(s);
}

Validation validate_file(const std::string& path, const Reading& how) {
  Validation v;
  try {
    v.bundle = Bundle::open(path);
    v.problems = validate_bundle(*v.bundle, how.decode_pictures, {v.fonts, v.map, how.keep_blobs});
  } catch (const OpenError& e) {
    v.problems.push_back({(Problem::Kind)e.kind, e.what()});
  } catch (const std::bad_alloc&) {
    v.problems.push_back({Problem::Damaged, path + " needs more memory to read than this machine has; it is damaged or not a bundle."});
  } catch (const std::exception& e) {
    // Reading a blob can still fail on a file that changed under us.
    v.problems.push_back({Problem::Damaged, path + " cannot be read (" + std::string(e.what()) + "); install a fresh copy."});
  }
  if (!v.ok()) v.bundle.reset();
  if (!v.ok() || !how.keep_blobs) v.fonts.clear(), v.map.clear();  // kept only for a bundle to show
  return v;
}

std::string Validation::summary() const {
  if (problems.empty()) return "ok";
  std::string s = problems.front().message;
  if (problems.size() > 1) s += " (and " + std::to_string(problems.size() - 1) + " more problems: run kiosk-bundle check)";
  return s;
}

}  // namespace bundle
