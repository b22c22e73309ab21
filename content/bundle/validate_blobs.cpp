// validate_blobs.cpp — pictures decode and fonts parse (validate.h). stb_image and stb_truetype
// (libstb-dev's headers) are compiled here as private, static copies, so that the sanitizers and
// the fuzzer see inside them, and restricted to what a bundle holds (PNG and JPEG).
//
// stb_truetype trusts every offset in a font ("no range checking", says its header), and Dear
// ImGui's label atlas uses the same code on the bundle's sans font: so the sfnt table directory,
// head, maxp, hhea/hmtx, loca and every cmap subtable are bounds-checked here before stb reads
// them. Not checked: the glyph outlines inside glyf/CFF (see the module's report in validate.h).
#include <climits>
#include <cstring>
#include <map>

#include "content/bundle/validate_parts.h"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 16384
#include <stb_image.h>
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
#pragma GCC diagnostic pop

namespace bundle::rules {

namespace {

// A bounds-checked view of a font file: every read says whether it stayed inside.
struct Bytes {
  const uint8_t* p;
  size_t n;
  bool in(size_t at, size_t len) const { return at <= n && len <= n - at; }
  uint32_t u16(size_t at) const { return in(at, 2) ? (uint32_t)p[at] << 8 | p[at + 1] : 0; }
  uint32_t u32(size_t at) const { return in(at, 4) ? u16(at) << 16 | u16(at + 2) : 0; }
};

struct Table {
  size_t at = 0, len = 0;
  bool found = false;
};

// The table directory of the font at `base`; "" when every table lies inside the file.
std::string tables(const Bytes& b, size_t base, std::map<std::string, Table>& out) {
  uint32_t tag = b.u32(base);
  if (tag != 0x00010000 && tag != 0x74727565 /* true */ && tag != 0x4F54544F /* OTTO */) return "it is not a TrueType or OpenType font";
  size_t count = b.u16(base + 4);
  if (count == 0 || count > 200 || !b.in(base + 12, count * 16)) return "its table directory is cut short";
  for (size_t i = 0; i < count; ++i) {
    size_t rec = base + 12 + 16 * i;
    std::string name(reinterpret_cast<const char*>(b.p + rec), 4);
    Table t{b.u32(rec + 8), b.u32(rec + 12), true};
    if (!b.in(t.at, t.len)) return "its table " + name + " lies outside the file";
    out[name] = t;
  }
  for (const char* need : {"cmap", "head", "hhea", "hmtx", "maxp"})
    if (!out[need].found) return std::string("it has no ") + need + " table";
  if (!(out["glyf"].found && out["loca"].found) && !out["CFF "].found) return "it has no glyph outlines (glyf or CFF)";
  return "";
}

// Every cmap subtable stb_truetype could walk stays inside cmap.
std::string cmap_problem(const Bytes& b, const Table& cmap) {
  size_t end = cmap.at + cmap.len;
  size_t subtables = b.u16(cmap.at + 2);
  if (!b.in(cmap.at + 4, subtables * 8) || cmap.at + 4 + subtables * 8 > end) return "its cmap table is cut short";
  for (size_t i = 0; i < subtables; ++i) {
    size_t st = cmap.at + b.u32(cmap.at + 4 + 8 * i + 4);
    if (st + 4 > end) return "a cmap subtable lies outside cmap";
    uint32_t format = b.u16(st);
    auto fits = [&](size_t len) { return st + len <= end; };
    if (format == 0 && !fits(262)) return "its cmap format 0 is cut short";
    if (format == 6 && !fits(10 + 2 * (size_t)b.u16(st + 8))) return "its cmap format 6 is cut short";
    if ((format == 12 || format == 13) && (!fits(16) || !fits(16 + 12 * (size_t)b.u32(st + 12)))) return "its cmap format 12 is cut short";
    if (format == 4) {
      size_t seg = b.u16(st + 6) / 2;
      if (!fits(16 + 8 * seg)) return "its cmap format 4 is cut short";
      // stb_truetype's binary search trusts these three fields: they must be the spec's values.
      size_t range2 = 2;
      while (range2 * 2 <= 2 * seg) range2 *= 2;
      size_t selector = 0;
      while ((2u << selector) < range2) ++selector;
      if (seg == 0 || b.u16(st + 8) != range2 || b.u16(st + 10) != selector || b.u16(st + 12) != 2 * seg - range2)
        return "its cmap format 4 search fields are wrong";
      for (size_t k = 0; k < seg; ++k) {
        size_t range_at = st + 16 + 6 * seg + 2 * k;
        uint32_t start = b.u16(st + 16 + 2 * seg + 2 * k), stop = b.u16(st + 14 + 2 * k), range = b.u16(range_at);
        if (start > stop) return "its cmap format 4 has a segment that ends before it starts";
        if (range && range_at + range + 2 * (size_t)(stop - start) + 2 > end) return "its cmap format 4 points outside cmap";
      }
    }
  }
  return "";
}

std::string sfnt_problem(const Bytes& b, size_t base) {
  std::map<std::string, Table> t;
  std::string why = tables(b, base, t);
  if (!why.empty()) return why;
  const Table &head = t["head"], &maxp = t["maxp"], &hhea = t["hhea"], &hmtx = t["hmtx"];
  if (head.len < 54 || b.u32(head.at + 12) != 0x5F0F3CF5) return "its head table is not a font header";
  uint32_t upem = b.u16(head.at + 18), loca_format = b.u16(head.at + 50);
  if (upem < 16 || upem > 16384 || loca_format > 1) return "its head table is damaged";
  size_t glyphs = maxp.len >= 6 ? b.u16(maxp.at + 4) : 0;
  if (glyphs == 0) return "it has no glyphs";
  size_t metrics = hhea.len >= 36 ? b.u16(hhea.at + 34) : 0;
  if (metrics == 0 || metrics > glyphs || 4 * metrics > hmtx.len) return "its horizontal metrics are cut short";
  if (t["loca"].found) {
    const Table &loca = t["loca"], &glyf = t["glyf"];
    size_t step = loca_format ? 4 : 2;
    if (loca.len < (glyphs + 1) * step) return "its loca table is cut short";
    size_t prev = 0;
    for (size_t g = 0; g <= glyphs; ++g) {
      size_t off = loca_format ? b.u32(loca.at + 4 * g) : 2 * (size_t)b.u16(loca.at + 2 * g);
      if (off < prev || off > glyf.len) return "its loca table points outside glyf";
      prev = off;
    }
  }
  return cmap_problem(b, t["cmap"]);
}

// stb_image 2.27 (Debian's) trusts a JPEG's Huffman table sizes: counts summing past 256 write
// past its table. Walk the markers ourselves (bounds-checked) and refuse such a table, and any
// frame other than the baseline/extended sequential ones kiosk-bundle writes.
std::string jpeg_problem(const Bytes& b) {
  size_t at = 2;
  bool scanning = false;  // inside entropy-coded data, where 0xFF 0x00 and RSTn are not markers
  while (at + 1 < b.n) {
    if (b.p[at] != 0xFF) {
      if (!scanning) return "its markers are damaged";
      ++at;
      continue;
    }
    uint8_t m = b.p[at + 1];
    if (m == 0xFF || (scanning && (m == 0x00 || (m >= 0xD0 && m <= 0xD7)))) {  // fill byte, stuffing, restart
      at += m == 0xFF ? 1 : 2;
      continue;
    }
    if (m == 0xD9) return "";  // end of image
    if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) {
      at += 2;
      continue;
    }
    size_t len = b.u16(at + 2);
    if (len < 2 || !b.in(at + 2, len)) return "a segment runs past the end of the file";
    if (m >= 0xC2 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC)
      return "it is not a baseline JPEG (save it as baseline, not progressive)";
    if (m == 0xC4) {
      size_t p = at + 4, end = at + 2 + len;
      while (p < end) {
        if (p + 17 > end) return "a Huffman table is cut short";
        size_t sum = 0;
        for (int i = 1; i <= 16; ++i) sum += b.p[p + i];
        if (sum > 256 || p + 17 + sum > end) return "a Huffman table is damaged";
        p += 17 + sum;
      }
    }
    scanning = m == 0xDA;
    at += 2 + len;
  }
  return "it ends before its end marker";
}

}  // namespace

std::string font_problem(const std::vector<uint8_t>& bytes) {
  if (bytes.empty()) return "it is empty";
  if ((int64_t)bytes.size() > limits::kFontBytes) return "it is larger than " + std::to_string(limits::kFontBytes >> 20) + " MB";
  Bytes b{bytes.data(), bytes.size()};
  size_t base = 0;
  if (b.u32(0) == 0x74746366 /* ttcf */) {
    if (b.u32(8) == 0) return "it is an empty font collection";
    base = b.u32(12);
  }
  std::string why = sfnt_problem(b, base);
  if (!why.empty()) return why;
  int offset = stbtt_GetFontOffsetForIndex(bytes.data(), 0);
  stbtt_fontinfo info;
  if (offset < 0 || (size_t)offset != base || !stbtt_InitFont(&info, bytes.data(), offset)) return "stb_truetype cannot read it";
  return "";
}

std::string picture_problem(const std::vector<uint8_t>& bytes, const std::string& mime, int w, int h, bool decode) {
  if (bytes.empty()) return "it is empty";
  if ((int64_t)bytes.size() > limits::kPictureBytes) return "it is larger than " + std::to_string(limits::kPictureBytes >> 20) + " MB";
  static const uint8_t kPng[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  bool png = bytes.size() >= 8 && !memcmp(bytes.data(), kPng, 8);
  bool jpeg = bytes.size() >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
  if (!((mime == "image/png" && png) || (mime == "image/jpeg" && jpeg))) return "it is not the " + mime + " it claims to be (use PNG or JPEG)";
  if (jpeg) {
    std::string why = jpeg_problem(Bytes{bytes.data(), bytes.size()});
    if (!why.empty()) return why;
  }
  int iw = 0, ih = 0, n = 0;
  if (bytes.size() > INT32_MAX || !stbi_info_from_memory(bytes.data(), (int)bytes.size(), &iw, &ih, &n)) return "it does not decode";
  if (iw > limits::kPictureSide || ih > limits::kPictureSide)
    return "it is " + std::to_string(iw) + "×" + std::to_string(ih) + " pixels, over the GPU's limit of " + std::to_string(limits::kPictureSide);
  if (iw != w || ih != h) return "its size does not match the bundle's record of it";
  if (!decode) return "";
  unsigned char* px = stbi_load_from_memory(bytes.data(), (int)bytes.size(), &iw, &ih, &n, 4);
  if (!px) return std::string("it does not decode (") + stbi_failure_reason() + ")";
  stbi_image_free(px);
  return "";
}

void pictures(const Source& s, Problems& p) {
  if (s.ex.media.size() > limits::kMedia) add(p, "the bundle has " + std::to_string(s.ex.media.size()) + " pictures, more than " + std::to_string(limits::kMedia));
  for (const auto& m : s.ex.media) {
    if (m.id.empty() || m.id.size() > 256 || !valid_utf8(m.id)) {
      add(p, "a picture has an empty, overlong or non-UTF-8 name; rebuild the bundle");
      continue;
    }
    std::string why = picture_problem(s.media(m.id), m.mime, m.width, m.height, s.decode_pictures);
    if (!why.empty()) add(p, "picture " + m.id + ": " + why + "; replace the picture and rebuild");
  }
}

void fonts(const Source& s, Problems& p) {
  for (const char* role : kFontRoles) {
    const std::vector<uint8_t>& bytes = s.font(role);
    if (bytes.empty()) {
      add(p, std::string("the bundle has no ") + role + " font; name one in exhibit.toml's [fonts] and rebuild");
      continue;
    }
    std::string why = font_problem(bytes);
    if (!why.empty()) add(p, std::string("the ") + role + " font is not a usable font (" + why + "); choose another font file and rebuild");
  }
}

}  // namespace bundle::rules
