// fonts.h — is a file a font the kiosk can draw with? Checked before stb_truetype sees it, since
// stb_truetype trusts its input: a web page saved as .ttf must be an error, never a crash.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace curator {

// "" for a TrueType/OpenType font whose table directory lies inside the file and names the tables
// text drawing needs; otherwise what the file is, e.g. "is not a font file (it starts with <html>)".
std::string font_problem(const std::vector<uint8_t>& bytes);

}  // namespace curator
