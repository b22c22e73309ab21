// fonts.cpp — see fonts.h. Reads only the sfnt header and table directory (OpenType spec,
// "Organization of an OpenType Font"); stb_truetype does the rest once these hold.
#include "content/curator/fonts.h"

#include <cctype>
#include <map>

namespace curator {

static uint32_t be32(const std::vector<uint8_t>& b, size_t at) {
  return (uint32_t)b[at] << 24 | (uint32_t)b[at + 1] << 16 | (uint32_t)b[at + 2] << 8 | b[at + 3];
}

static std::string first_bytes(const std::vector<uint8_t>& b) {
  std::string s;
  for (size_t i = 0; i < b.size() && s.size() < 12; ++i) s += isprint(b[i]) ? (char)b[i] : '.';
  return s;
}

std::string font_problem(const std::vector<uint8_t>& b) {
  if (b.empty()) return "is empty (0 bytes), not a font; copy the font file again";
  uint32_t tag = b.size() >= 4 ? be32(b, 0) : 0;
  if (tag == 0x774F4646 || tag == 0x774F4632) return "is a web font (WOFF); use the .ttf or .otf file of the same font";
  if (tag == 0x74746366) return "is a font collection (.ttc); use a single .ttf or .otf font";
  if (tag != 0x00010000 && tag != 0x4F54544F && tag != 0x74727565)
    return "is not a font file (it starts with \"" + first_bytes(b) + "\"); use a .ttf or .otf font";
  if (b.size() < 12) return "is cut short; copy the font file again";
  size_t tables = (size_t)b[4] << 8 | b[5];
  if (12 + tables * 16 > b.size()) return "is cut short (its table directory runs past the end); copy the font file again";
  std::map<std::string, std::pair<uint64_t, uint64_t>> have;  // tag -> offset, length
  for (size_t i = 0; i < tables; ++i) {
    size_t rec = 12 + i * 16;
    uint64_t off = be32(b, rec + 8), len = be32(b, rec + 12);
    if (off + len > b.size()) return "is cut short (a table runs past the end); copy the font file again";
    have[std::string(b.begin() + rec, b.begin() + rec + 4)] = {off, len};
  }
  // The fields stb_truetype reads without checking: head's index format, hhea's metrics, cmap's records.
  auto too_short = [&](const char* tag, uint64_t need) { return have.count(tag) && have[tag].second < need; };
  if (too_short("head", 54) || too_short("hhea", 36) || too_short("cmap", 4))
    return "is damaged (a table is too short); copy the font file again";
  if (have.count("cmap")) {
    auto [off, len] = have["cmap"];
    uint64_t n = (uint64_t)b[off + 2] << 8 | b[off + 3];
    if (4 + 8 * n > len) return "is damaged (its character map is cut short); copy the font file again";
    for (uint64_t i = 0; i < n; ++i)
      if (be32(b, off + 4 + 8 * i + 4) + 4 > len) return "is damaged (its character map points outside it); copy the font file again";
  }
  for (const char* t : {"cmap", "head", "hhea", "hmtx"})
    if (!have.count(t)) return std::string("is damaged (it has no ") + t + " table); copy the font file again";
  if (!have.count("glyf") && !have.count("CFF ")) return "is damaged (it has no glyphs); copy the font file again";
  if (have.count("glyf") && !have.count("loca")) return "is damaged (it has no loca table); copy the font file again";
  return "";
}

}  // namespace curator
