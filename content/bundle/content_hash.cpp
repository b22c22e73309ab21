// content_hash.cpp — a BLAKE2b-256 hash over every row of every table, in key order.
// It lets open() and `check` notice a flipped bit inside a text or picture that SQLite itself
// would happily return, and gives curators one short fingerprint per exhibit.
#include <sodium.h>

#include <cstdio>

#include "content/bundle/bundle.h"
#include "content/bundle/sqlite_util.h"

namespace bundle {

// Tables in a fixed order; each scan follows the primary key, so the hash is stable.
static const char* const kHashedQueries[] = {
    "SELECT key, value FROM meta WHERE key <> 'content_hash' ORDER BY key",
    "SELECT key, lang, value FROM wording ORDER BY key, lang",
    "SELECT id, ord, year_from, year_to, image FROM room ORDER BY id",
    "SELECT room, lang, n, markdown FROM room_page ORDER BY room, lang, n",
    "SELECT room, n, place FROM room_place ORDER BY room, n",
    "SELECT id, lat, lon, priority FROM place ORDER BY id",
    "SELECT n, place, date_from, date_to, kind FROM stay ORDER BY n",
    "SELECT id, ord, room, year, author FROM quote ORDER BY id",
    "SELECT id, ord FROM question ORDER BY id",
    "SELECT n, kind, ref, seconds FROM attract ORDER BY n",
    "SELECT id, mime, width, height, bytes FROM media ORDER BY id",
    "SELECT role, file, bytes FROM font ORDER BY role",
    "SELECT name, lod, vertex_count, triangle_count, vertices, indices FROM map_layer ORDER BY name",
};

std::string content_hash(void* handle) {
  auto* db = static_cast<sqlite3*>(handle);
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  crypto_generichash_state h;
  crypto_generichash_init(&h, nullptr, 0, 32);
  auto feed = [&](const void* p, size_t n) {
    uint64_t len = n;
    crypto_generichash_update(&h, reinterpret_cast<const unsigned char*>(&len), sizeof len);
    if (n) crypto_generichash_update(&h, static_cast<const unsigned char*>(p), n);
  };
  for (const char* q : kHashedQueries) {
    feed(q, std::char_traits<char>::length(q));
    sql::Stmt s(db, q);
    int cols = sqlite3_column_count(s.raw());
    while (s.step()) {
      for (int c = 0; c < cols; ++c) {
        unsigned char type = (unsigned char)sqlite3_column_type(s.raw(), c);
        crypto_generichash_update(&h, &type, 1);
        if (type == SQLITE_INTEGER) {
          int64_t v = s.integer(c);
          feed(&v, sizeof v);
        } else if (type == SQLITE_FLOAT) {
          double v = s.real(c);
          feed(&v, sizeof v);
        } else if (type != SQLITE_NULL) {
          const void* p = sqlite3_column_blob(s.raw(), c);
          feed(p, sqlite3_column_bytes(s.raw(), c));
        }
      }
    }
  }
  unsigned char out[32];
  crypto_generichash_final(&h, out, sizeof out);
  char hex[65];
  for (int i = 0; i < 32; ++i) snprintf(hex + 2 * i, 3, "%02x", out[i]);
  return std::string(hex, 64);
}

}  // namespace bundle
