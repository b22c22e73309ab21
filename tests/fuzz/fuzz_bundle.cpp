// fuzz_bundle.cpp — a bundle file as the kiosk meets it: open, validate, and every query the
// screens make. Each input is tried twice: as it is (most mutations die at the header, the
// integrity check or the hash) and forged, with its content hash recomputed as an attacker
// would, so that mutations reach the content rules and the queries behind them.
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "content/bundle/bundle.h"
#include "content/bundle/richtext.h"
#include "content/bundle/validate.h"

namespace {

std::string scratch(const char* name) { return "/tmp/kiosk-fuzz-" + std::to_string(getpid()) + "-" + name; }

bool write_file(const std::string& path, const uint8_t* data, size_t size) {
  FILE* f = fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, size, f) == size;
  return fclose(f) == 0 && ok;
}

// What the screens ask of a bundle they were given.
void screens_read(const bundle::Bundle& b) {
  const bundle::Exhibit& ex = b.exhibit();
  const std::string lang = ex.meta.languages.empty() ? "es" : ex.meta.languages[0];
  size_t sink = ex.meta.title.in(lang).size() + ex.label("home.map", lang).size();
  for (const auto& r : ex.rooms) {
    sink += ex.room(r.id) != nullptr;
    for (const auto& [l, pages] : r.pages)
      for (const auto& p : pages) sink += bundle::parse_page(p).size();
    for (const auto& pl : r.places)
      if (const bundle::Place* p = ex.place(pl)) sink += p->name.in(lang).size();
    if (!r.image.media.empty()) sink += b.media_bytes(r.image.media).size();
  }
  for (const auto& s : ex.journey)
    if (const bundle::Place* p = ex.place(s.place)) sink += p->text.in(lang).size();
  for (const auto& a : ex.attract) sink += a.kind == "quote" && ex.quote(a.ref);
  for (const char* role : bundle::kFontRoles) sink += b.font_bytes(role).size();
  for (const auto& l : ex.map) {
    std::vector<float> xy;
    std::vector<uint32_t> idx;
    if (b.map_geometry(l.name, xy, idx))
      for (uint32_t i : idx) sink += i < xy.size() / 2 ? (size_t)xy[2 * i] : 0;
  }
  if (sink == 42) fputc(' ', stderr);  // keep the reads
}

void try_file(const std::string& path) {
  try {
    auto b = bundle::Bundle::open(path);
    auto problems = bundle::validate(*b);
    screens_read(*b);  // even on a bundle that breaks the rules: none of the reads may crash
  } catch (const std::exception&) {
  }
  auto v = bundle::validate_file(path);
  if (v.ok()) screens_read(*v.bundle);
}

// Recomputes the content hash in place; false when SQLite cannot (the file is too broken).
bool forge_hash(const std::string& path) {
  sqlite3* db = nullptr;
  bool ok = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK;
  try {
    if (ok) {
      std::string sql = "UPDATE meta SET value = '" + bundle::content_hash(db) + "' WHERE key = 'content_hash'";
      ok = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    }
  } catch (const std::exception&) {
    ok = false;
  }
  sqlite3_close(db);
  return ok;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string file = scratch("bundle"), forged = scratch("forged");
  if (!write_file(file, data, size)) return 0;
  try_file(file);
  if (write_file(forged, data, size) && forge_hash(forged)) try_file(forged);
  unlink((forged + "-journal").c_str());
  return 0;
}
