// loaded.cpp — see loaded.h.
#include "kiosk/app/loaded.h"

#include <SDL_ttf.h>

#include <cstdio>
#include <stdexcept>

#include "platform/paths.h"

namespace app {

namespace {

// SDL_ttf (FreeType) parses the font's tables when it opens it: bytes it cannot open would give
// a screen without text, and ImGui's atlas builder asserts on them.
bool is_font(const std::vector<uint8_t>& bytes) {
  if (bytes.empty()) return false;
  SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), (int)bytes.size());
  TTF_Font* f = rw ? TTF_OpenFontRW(rw, 1, 16) : nullptr;
  if (!f) return false;
  TTF_CloseFont(f);
  return true;
}

}  // namespace

LoadedExhibit load_exhibit(const std::string& path) {
  LoadedExhibit out;
  out.bundle = bundle::Bundle::open(path);
  const auto& ex = out.bundle->exhibit();
  for (const auto& s : ex.journey) out.map.stay_starts.push_back(ui::year_of(s.from));
  for (const auto& layer : ex.map) {
    screens::MapData::Layer l;
    if (!out.bundle->map_geometry(layer.name, l.xy, l.indices)) continue;
    if ((int)out.map.layers.size() <= layer.lod) out.map.layers.resize(layer.lod + 1);
    out.map.layers[layer.lod] = std::move(l);
  }
  static const std::pair<const char*, ui::Face> roles[] = {{"serif", ui::Face::Serif},
                                                           {"serif_italic", ui::Face::SerifItalic},
                                                           {"serif_bold", ui::Face::SerifBold},
                                                           {"sans", ui::Face::Sans},
                                                           {"sans_bold", ui::Face::SansBold}};
  for (auto [role, face] : roles) {
    std::vector<uint8_t> bytes;
    try {
      bytes = out.bundle->font_bytes(role);
    } catch (const std::exception& e) {
      throw std::runtime_error(path + ": its " + role + " font cannot be read (" + e.what() + "); install a fresh copy.");
    }
    if (bytes.empty()) continue;  // the text engine falls back within the family
    if (!is_font(bytes))
      throw std::runtime_error(path + ": its " + std::string(role) + " font is not a font file; rebuild the bundle.");
    out.fonts[face] = std::move(bytes);
  }
  if (!out.fonts.count(ui::Face::Sans) && !out.fonts.count(ui::Face::Serif))
    throw std::runtime_error(path + " has no serif or sans font; rebuild the bundle.");
  auto sans = out.fonts.find(ui::Face::Sans);
  out.label_font = sans != out.fonts.end() ? sans->second : out.fonts.begin()->second;
  return out;
}

std::vector<uint8_t> read_fallback_font() {
  std::vector<uint8_t> bytes;
  std::string path = platform::fallback_font();
  if (FILE* f = path.empty() ? nullptr : fopen(path.c_str(), "rb")) {
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    bytes.resize(n > 0 ? (size_t)n : 0);
    if (fread(bytes.data(), 1, bytes.size(), f) != bytes.size()) bytes.clear();
    fclose(f);
  }
  return bytes;
}

}  // namespace app
