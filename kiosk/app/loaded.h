// loaded.h — a bundle opened with everything the kiosk reads from it once: the exhibit, the
// map's land and the fonts.
//
// Does:     open and read all of it, all or nothing, touching no App state, so a new bundle can
//           be opened beside the one on screen and dropped if anything in it fails; check that
//           every font really is a font (SDL_ttf opens it) before the text engine or ImGui sees it.
// Does not: choose which bundle (the store, the command line), draw, or keep anything open but
//           the bundle itself.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "kiosk/screens/context.h"
#include "kiosk/ui/map_view.h"
#include "kiosk/ui/text.h"

namespace app {

struct LoadedExhibit {
  std::unique_ptr<bundle::Bundle> bundle;
  screens::MapData map;
  std::map<ui::Face, std::vector<uint8_t>> fonts;  // reading faces
  std::vector<uint8_t> label_font;                 // UI labels (the sans face)
};

// Opens `path`. Throws std::exception with one sentence for the log when the bundle, its map or
// any of its fonts cannot be read. SDL_ttf must be initialised (the text engine does it).
LoadedExhibit load_exhibit(const std::string& path);

// The fallback font's bytes (platform::fallback_font()), or empty when there is none.
std::vector<uint8_t> read_fallback_font();

}  // namespace app
