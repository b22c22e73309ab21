// source_exhibit.cpp — the TOML files: exhibit.toml (languages, titles, fonts, timeouts, limits,
// the attract playlist), strings.toml (the kiosk's labels) and questions.toml. Unknown keys are
// errors with a "did you mean", since a misspelt setting silently ignored is worse than none.
#include <algorithm>
#include <ctime>
#include <filesystem>
#include <set>

#include "content/bundle/ui_keys.h"
#include "content/curator/files.h"
#include "content/curator/fonts.h"
#include "content/curator/reader.h"
#include "content/curator/room_picture.h"
#include "content/curator/suggest.h"
#include "content/curator/validate.h"
#include "content/map/exhibit_map.h"  // [map]: the exile map's land layers (content/map)

namespace fs = std::filesystem;

namespace curator {

namespace {

const std::vector<std::string> kExhibitKeys = {"id",    "version", "languages", "subject", "title",  "subtitle",
                                               "fonts", "timeouts", "limits",   "map",     "attract"};
const std::vector<std::string> kFontRoles = {"serif", "serif_italic", "serif_bold", "sans", "sans_bold"};
// Labels the kiosk reads when present, beyond bundle::kRequiredUiKeys (see kiosk/screens/).
const std::vector<std::string> kOptionalUiKeys = {
    "app.title_short",   "home.rooms.hint",  "home.map.hint", "home.quotes.hint", "home.questions.hint",
    "room.swipe_hint",   "quotes.swipe_hint", "quotes.count", "questions.subtitle", "map.reset",
    "map.play",          "map.pause",        "map.go_to_room", "map.stays",       "map.timeline",
    "image.credit",      "quote.translation", "quote.next",   "quote.prev"};

// A whole number at `key` (default when absent); a text such as "90" is an error, not a default.
int int_at(Diagnostics& diag, const std::string& f, const toml::table& t, const char* key, int fallback, int parent_line) {
  const toml::node* n = t.get(key);
  if (!n) return fallback;
  if (auto v = n->value_exact<int64_t>()) return (int)std::clamp<int64_t>(*v, -1000000, 1000000);
  diag.error(f, line_of(n, parent_line), std::string(key) + " must be a whole number without quotes, like " + key + " = " +
                                             std::to_string(fallback));
  return fallback;
}

}  // namespace

void Reader::exhibit_languages(const std::string& f, const toml::table& t) {
  const toml::node* n = t.get("languages");
  const toml::array* arr = n ? n->as_array() : nullptr;
  if (!arr || arr->empty()) {
    if (misspelt.count("languages")) return;
    return diag.error(f, line_of(n, 1), "missing languages = [\"es\", \"en\"] (the first is the default)");
  }
  bool valid = true;
  for (auto&& v : *arr) {
    auto s = v.value<std::string>();
    int line = line_of(&v, line_of(n, 1));
    if (!s || s->size() < 2 || s->size() > 3 || !std::all_of(s->begin(), s->end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      valid = false, diag.error(f, line, "\"" + (s ? *s : std::string("?")) + "\" is not a language code; write two lower-case letters (ISO 639-1), like \"es\"");
    else if (std::find(langs.begin(), langs.end(), *s) != langs.end())
      diag.error(f, line, "language \"" + *s + "\" is listed twice; list each language once");
    else
      langs.push_back(*s);
  }
  // Every text is read per language: with a wrong code, each one would be an error too.
  if (!valid) langs.clear();
}

void Reader::exhibit_timeouts(const std::string& f, const toml::table* to) {
  bundle::Meta& m = out.exhibit.meta;
  if (!to) return;
  int line = line_of(to, 1);
  keys(f, *to, {"idle", "warning"}, "[timeouts]", 0);
  m.idle_seconds = int_at(diag, f, *to, "idle", 90, line);
  m.warning_seconds = int_at(diag, f, *to, "warning", 30, line);
  if (m.idle_seconds < 15) diag.error(f, line_of(to->get("idle"), line), "idle must be at least 15 seconds");
  if (m.warning_seconds < 20)
    diag.error(f, line_of(to->get("warning"), line), "warning must be at least 20 seconds, so everyone has time to answer");
}

void Reader::exhibit_limits(const std::string& f, const toml::table* lim) {
  if (!lim) return;
  keys(f, *lim, {"room_words", "room_pages"}, "[limits]", 0);
  auto pair = [&](const char* key, int& lo, int& hi) {
    const toml::node* n = lim->get(key);
    if (!n) return;
    auto* a = n->as_array();
    if (!a || a->size() != 2 || !(*a)[0].is_integer() || !(*a)[1].is_integer() || *(*a)[0].value<int>() > *(*a)[1].value<int>()) {
      lo = 0, hi = 1 << 30;  // no budget rather than the default: one message, not one per room
      return diag.error(f, line_of(n, 1), std::string(key) + " must be two whole numbers, smallest first, like [250, 600]");
    }
    lo = *(*a)[0].value<int>();
    hi = *(*a)[1].value<int>();
  };
  pair("room_words", min_words, max_words);
  pair("room_pages", min_pages, max_pages);
}

void Reader::exhibit_attract(const std::string& f, const toml::node* n) {
  if (!n) return;
  auto* arr = n->as_array();
  if (!arr) return diag.error(f, line_of(n, 1), "attract is a list of [[attract]] entries (two brackets on each side)");
  for (auto&& v : *arr) {
    auto* a = v.as_table();
    if (!a) continue;
    int line = line_of(a, 1);
    keys(f, *a, {"kind", "id", "seconds"}, "[[attract]]", 0);
    bundle::AttractItem item;
    item.kind = string_at(f, *a, "kind", line, 0);
    item.ref = string_at(f, *a, "id", line, 0, item.kind == "quote" || item.kind == "room");
    item.seconds = int_at(diag, f, *a, "seconds", 10, line);
    if (item.seconds < 3 || item.seconds > 600)
      diag.error(f, line_of(a->get("seconds"), line), "seconds must be between 3 and 600");
    out.exhibit.attract.push_back(item);
    attract_lines.push_back(line_of(a->get("id"), line));  // point at the id when there is one
  }
}

void Reader::exhibit_toml() {
  auto t = load_toml("exhibit.toml");
  if (!t) return;
  std::string f = path("exhibit.toml");
  keys(f, *t, kExhibitKeys, "", 0);
  exhibit_languages(f, *t);
  bundle::Meta& m = out.exhibit.meta;
  m.languages = langs;
  if (langs.empty()) return;
  m.id = string_at(f, *t, "id", 1, 0);
  if (!m.id.empty() && !is_id(m.id)) diag.error(f, line_of(t->get("id"), 1), "id must use lower-case letters, digits and '-'");
  m.version = string_at(f, *t, "version", 1, 0);
  m.title = text(f, t->get("title"), "title", 1, 0);
  m.subtitle = text(f, t->get("subtitle"), "subtitle", 1, 0, false);
  m.subject = text(f, t->get("subject"), "subject", 1, 0, false);
  exhibit_timeouts(f, (*t)["timeouts"].as_table());
  if (const char* epoch = getenv("SOURCE_DATE_EPOCH")) {
    time_t ts = (time_t)strtoll(epoch, nullptr, 10);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", gmtime(&ts));
    m.built = buf;
  }
  exhibit_limits(f, (*t)["limits"].as_table());
  fonts_table(f, (*t)["fonts"].as_table());
  // [map] (optional): land files triangulated into the bundle's map layers — see content/map/.
  mapgeo::read_map_table(dir, f, t->get("map"), diag, out);
  exhibit_attract(f, t->get("attract"));
}

static fs::path find_font(const std::string& dir, const std::string& name) {
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

void Reader::fonts_table(const std::string& f, const toml::table* t) {
  if (!t) return diag.error(f, 0, "missing [fonts]: name the serif, serif_italic, serif_bold, sans and sans_bold font files");
  keys(f, *t, kFontRoles, "[fonts]", 0);
  for (const std::string& role : kFontRoles) {
    int line = line_of(t->get(role), line_of(t, 1));
    std::string name = string_at(f, *t, role.c_str(), line_of(t, 1), 0);
    if (name.empty()) continue;
    fs::path found = find_font(dir, name);
    if (found.empty()) {
      diag.error(f, line, "font \"" + name + "\" is neither in fonts/ nor in /usr/share/fonts; copy it into fonts/ or install the package that has it (the sample uses fonts-noto-core)");
      continue;
    }
    std::string bytes, why;
    if (read_bytes(found.string(), bytes, why) != FileProblem::none) {
      diag.error(f, line, "font " + found.string() + " " + why);
      continue;
    }
    bundle::FontFile ff;
    ff.file = name;
    ff.bytes.assign(bytes.begin(), bytes.end());
    std::string problem = font_problem(ff.bytes);
    if (!problem.empty()) {
      diag.error(f, line, "font " + found.string() + " " + problem);
      continue;
    }
    out.fonts[role] = std::move(ff);
  }
}

void Reader::strings_toml() {
  auto t = load_toml("strings.toml");
  if (!t) return;
  std::string f = path("strings.toml");
  std::vector<std::string> known = bundle::required_ui_keys(langs);
  known.insert(known.end(), kOptionalUiKeys.begin(), kOptionalUiKeys.end());
  known.insert(known.end(), std::begin(kPictureKeys), std::end(kPictureKeys));
  keys(f, *t, known, "", 0);
  for (auto&& [k, v] : *t) {
    std::string key(k.str());
    out.exhibit.strings[key] = text(f, &v, "\"" + key + "\"", line_of(&v, 1), 0);
  }
}

void Reader::questions_toml() {
  auto t = load_toml("questions.toml");
  if (!t) return;
  std::string f = path("questions.toml");
  keys(f, *t, {"question"}, "", 0);
  auto* arr = (*t)["question"].as_array();
  if (!arr) {
    if (t->empty()) diag.error(f, 1, "no [[question]] entries; see content/README.md");
    return;
  }
  std::set<std::string> ids;
  for (auto&& v : *arr) {
    auto* q = v.as_table();
    if (!q) continue;
    int line = line_of(q, 1);
    keys(f, *q, {"id", "question", "answer"}, "[[question]]", 0);
    bundle::Question out_q;
    out_q.id = string_at(f, *q, "id", line, 0);
    if (!out_q.id.empty() && !is_id(out_q.id))
      diag.error(f, line_of(q->get("id"), line), "id \"" + out_q.id + "\" must use lower-case letters, digits and '-'");
    if (!out_q.id.empty() && !ids.insert(out_q.id).second) diag.error(f, line, "question \"" + out_q.id + "\" is defined twice; give each question its own id");
    out_q.question = text(f, q->get("question"), "question", line, 0);
    out_q.answer = text(f, q->get("answer"), "answer", line, 0);
    out.exhibit.questions.push_back(std::move(out_q));
  }
}

}  // namespace curator
