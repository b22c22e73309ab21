// validate_parts.h — the pieces of validate.cpp, internal to content/bundle: what the rules read
// (an opened bundle or contents about to be written look the same through Source), and the
// checks of blobs (pictures, fonts) and of the map's geometry, each in its own file.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "content/bundle/validate.h"

namespace bundle::rules {

struct Source {
  const Exhibit& ex;
  std::function<std::vector<uint8_t>(const std::string&)> media;        // id -> bytes ('' when absent)
  std::function<const std::vector<uint8_t>&(const std::string&)> font;  // role -> bytes (empty when absent)
  std::function<const MapGeometry*(const std::string&)> map;            // layer name -> geometry, or null
  bool decode_pictures = true;  // false: pictures are judged by their headers (validate.h)
};

using Problems = std::vector<Problem>;
inline void add(Problems& p, std::string m) { p.push_back({Problem::Invalid, std::move(m)}); }

void texts_and_references(const Source& s, Problems& p);  // validate.cpp
void pictures(const Source& s, Problems& p);              // validate_blobs.cpp
void fonts(const Source& s, Problems& p);                 // validate_blobs.cpp
void map(const Source& s, Problems& p);                   // validate_map.cpp

// Why `bytes` is not a font the kiosk can use ("" when it is one). Bounds-checks the sfnt tables
// before stb_truetype (which trusts every offset) reads them.
std::string font_problem(const std::vector<uint8_t>& bytes);
// Why `bytes` is not a picture of `mime` and w×h within the limits ("" when it is one). With
// `decode` false, from its header alone (type, JPEG markers, size): every pixel is not decoded.
std::string picture_problem(const std::vector<uint8_t>& bytes, const std::string& mime, int w, int h, bool decode = true);

bool valid_utf8(const std::string& s);
bool is_id(const std::string& s);
bool is_iso_date(const std::string& s);

}  // namespace bundle::rules
