// commands.cpp — see commands.h. Errors leave here as one sentence each: typed exceptions inside
// (bundle::OpenError) become a single line on stderr, never a stack trace.
#include "content/curator/commands.h"

#include <nlohmann/json.hpp>

#include <iostream>

#include "content/bundle/bundle.h"
#include "content/bundle/validate.h"
#include "content/bundle/writer.h"
#include "content/curator/files.h"
#include "content/curator/room_picture.h"
#include "content/curator/source.h"
#include "content/curator/validate.h"

namespace curator {

using json = nlohmann::ordered_json;

static void progress(const std::string& what) { std::cerr << "kiosk-bundle: " << what << "…\n"; }

int build(const std::string& src_dir, const std::string& out_file, std::ostream& out, std::ostream& err) {
  Diagnostics diag;
  bundle::Contents c = read_exhibit(src_dir, diag, &err == &std::cerr ? progress : nullptr);
  if (diag.ok()) {
    if (&err == &std::cerr) progress("drawing the rooms' pictures");
    add_room_pictures(c, src_dir, diag);  // room_picture.h: a room without [image] gets its map
  }
  if (diag.ok())
    for (const auto& p : curator::validate(c)) diag.error(src_dir, 0, p);
  // The kiosk's own rules (limits, fonts, pictures, map): never write a bundle the kiosk refuses.
  if (diag.ok())
    for (const auto& p : bundle::validate(c)) diag.error(src_dir, 0, p.message);
  // Where it goes, before any work is lost: the folder and the system's reason, not SQLite's.
  std::string out_problem = output_problem(out_file);
  if (!out_problem.empty()) diag.errors.push_back("kiosk-bundle: error: " + out_problem);
  if (!diag.ok()) {
    for (const auto& e : diag.errors) err << e << "\n";
    err << diag.errors.size() << (diag.errors.size() == 1 ? " error" : " errors") << "; nothing was written.\n";
    return 1;
  }
  try {
    bundle::write(c, out_file);
    auto b = bundle::Bundle::open(out_file);  // read back: what we wrote must open cleanly
    out << "built " << out_file << ": " << c.exhibit.rooms.size() << " rooms, " << c.exhibit.places.size() << " places, "
        << c.exhibit.journey.size() << " stays, " << c.exhibit.quotes.size() << " quotations, " << c.exhibit.questions.size()
        << " questions, " << b->file_size() / 1024 << " KiB, hash " << b->exhibit().meta.content_hash.substr(0, 16) << "\n";
  } catch (const std::exception& e) {
    err << "kiosk-bundle: " << e.what() << "\n";
    return 1;
  }
  return 0;
}

static std::string c_hash(const bundle::Validation& v) { return v.bundle->exhibit().meta.content_hash.substr(0, 16); }

// Opens `file` or prints the one-line reason and returns nullptr.
static std::unique_ptr<bundle::Bundle> open_or_say(const std::string& file, std::ostream& err) {
  try {
    return bundle::Bundle::open(file);
  } catch (const bundle::OpenError& e) {
    err << "kiosk-bundle: " << e.what() << "\n";
  } catch (const std::exception& e) {
    err << "kiosk-bundle: " << file << " cannot be read: " << e.what() << "\n";
  }
  return nullptr;
}

// The kiosk's own verdict (bundle::validate_file, the same call the kiosk makes at open), then
// the curator's wording rules (glyph coverage, dates, word budgets) on the loaded content.
int check(const std::string& file, std::ostream& out, std::ostream& err) {
  bundle::Validation v = bundle::validate_file(file);
  if (v.file_refused()) {
    err << "kiosk-bundle: " << v.problems.front().message << "\n";
    return 2;
  }
  std::vector<std::string> problems;
  for (const auto& p : v.problems) problems.push_back(p.message);
  if (v.ok()) {
    bundle::Contents c;
    c.exhibit = v.bundle->exhibit();
    try {
      for (const auto& m : c.exhibit.media) c.media[m.id] = v.bundle->media_bytes(m.id);
      for (const auto& role : c.exhibit.font_roles) c.fonts[role] = {role, v.bundle->font_bytes(role)};
    } catch (const std::exception& e) {
      err << "kiosk-bundle: " << file << " is damaged: " << e.what() << "\n";
      return 2;
    }
    problems = curator::validate(c);
  }
  for (const auto& p : problems) err << file << ": error: " << p << "\n";
  if (!problems.empty()) {
    err << problems.size() << (problems.size() == 1 ? " problem" : " problems") << " found.\n";
    return 1;
  }
  out << file << ": ok (format " << bundle::kFormatVersion << ", content hash " << c_hash(v) << ")\n";
  return 0;
}

int info(const std::string& file, std::ostream& out, std::ostream& err) {
  auto b = open_or_say(file, err);
  if (!b) return 2;
  const auto& ex = b->exhibit();
  const auto& m = ex.meta;
  std::string langs;
  for (const auto& l : m.languages) langs += (langs.empty() ? "" : ", ") + l;
  int64_t media_bytes = 0;
  for (const auto& md : ex.media) media_bytes += md.bytes;
  out << "title:        " << m.title.in(m.languages.empty() ? "" : m.languages[0]) << "\n"
      << "id:           " << m.id << "\n"
      << "version:      " << m.version << "\n"
      << "built:        " << (m.built.empty() ? "(no date: SOURCE_DATE_EPOCH was not set)" : m.built) << "\n"
      << "languages:    " << langs << " (default " << (m.languages.empty() ? "?" : m.languages[0]) << ")\n"
      << "format:       " << bundle::kFormatVersion << "\n"
      << "rooms:        " << ex.rooms.size() << "\n"
      << "places:       " << ex.places.size() << "\n"
      << "stays:        " << ex.journey.size() << "\n"
      << "quotations:   " << ex.quotes.size() << "\n"
      << "questions:    " << ex.questions.size() << "\n"
      << "labels:       " << ex.strings.size() << "\n"
      << "attract:      " << ex.attract.size() << " items\n"
      << "pictures:     " << ex.media.size() << " (" << media_bytes / 1024 << " KiB)\n"
      << "fonts:        " << ex.font_roles.size() << "\n"
      << "map layers:   " << ex.map.size() << "\n"
      << "file size:    " << b->file_size() / 1024 << " KiB\n"
      << "content hash: " << m.content_hash << "\n";
  return 0;
}

static json text(const bundle::Text& t) {
  json j = json::object();
  for (const auto& [l, v] : t.by_lang) j[l] = v;
  return j;
}

int dump_json(const std::string& file, std::ostream& out, std::ostream& err) {
  auto b = open_or_say(file, err);
  if (!b) return 2;
  const auto& ex = b->exhibit();
  json j;
  j["meta"] = {{"id", ex.meta.id},
               {"version", ex.meta.version},
               {"format", bundle::kFormatVersion},
               {"languages", ex.meta.languages},
               {"title", text(ex.meta.title)},
               {"subtitle", text(ex.meta.subtitle)},
               {"subject", text(ex.meta.subject)},
               {"built", ex.meta.built},
               {"content_hash", ex.meta.content_hash},
               {"idle_seconds", ex.meta.idle_seconds},
               {"warning_seconds", ex.meta.warning_seconds},
               {"fonts", ex.font_roles}};
  j["rooms"] = json::array();
  for (const auto& r : ex.rooms) {
    json pages = json::object();
    for (const auto& [l, p] : r.pages) pages[l] = p;
    json room = {{"id", r.id}, {"years", {r.year_from, r.year_to}}, {"title", text(r.title)}, {"teaser", text(r.teaser)},
                 {"pages", pages}, {"places", r.places}};
    if (!r.image.media.empty())
      room["image"] = {{"media", r.image.media}, {"caption", text(r.image.caption)}, {"credit", text(r.image.credit)},
                       {"alt", text(r.image.alt)}};
    j["rooms"].push_back(room);
  }
  j["places"] = json::array();
  for (const auto& p : ex.places)
    j["places"].push_back({{"id", p.id}, {"name", text(p.name)}, {"lat", p.lat}, {"lon", p.lon}, {"priority", p.priority},
                           {"text", text(p.text)}});
  j["journey"] = json::array();
  for (const auto& s : ex.journey)
    j["journey"].push_back({{"place", s.place}, {"from", s.from}, {"to", s.to}, {"kind", s.kind}, {"text", text(s.text)}});
  j["quotes"] = json::array();
  for (const auto& q : ex.quotes) {
    json qj = {{"id", q.id}, {"room", q.room}, {"year", q.year}, {"author", text(q.author.empty() ? ex.meta.subject : q.author)},
               {"text", text(q.text)}, {"source", text(q.work)}};
    if (!q.note.empty()) qj["note"] = text(q.note);
    j["quotes"].push_back(qj);
  }
  j["questions"] = json::array();
  for (const auto& q : ex.questions)
    j["questions"].push_back({{"id", q.id}, {"question", text(q.question)}, {"answer", text(q.answer)}});
  j["strings"] = json::object();
  for (const auto& [k, t] : ex.strings) j["strings"][k] = text(t);
  j["attract"] = json::array();
  for (const auto& a : ex.attract) j["attract"].push_back({{"kind", a.kind}, {"ref", a.ref}, {"seconds", a.seconds}});
  j["media"] = json::array();
  for (const auto& m : ex.media)
    j["media"].push_back({{"id", m.id}, {"mime", m.mime}, {"width", m.width}, {"height", m.height}, {"bytes", m.bytes}});
  json layers = json::array();
  for (const auto& l : ex.map)
    layers.push_back({{"name", l.name}, {"lod", l.lod}, {"vertices", l.vertex_count}, {"triangles", l.triangle_count}});
  j["map"] = {{"layers", layers}};
  out << j.dump(2) << "\n";
  return 0;
}

}  // namespace curator
