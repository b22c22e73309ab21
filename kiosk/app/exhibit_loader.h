// exhibit_loader.h — the kiosk's open path, without SDL: validate a bundle with the call
// `kiosk-bundle check` makes (bundle::validate_file), reading each picture's header rather than
// its pixels (Reading::kiosk_open, validate.h says why), and take from that reading what the
// kiosk keeps per bundle: the map's land and the fonts, so nothing is read twice. All or nothing,
// touching no App state, so a new bundle can be opened beside the one on screen and dropped if
// anything fails (kiosk/app/swap.cpp). App uses it to decide what to show; tests call it
// in-process to prove the kiosk refuses what check refuses — all of it but a picture whose header
// is sound and whose pixels do not decode, which the kiosk shows as missing (pictures.h).
//
// Does:     refuse anything validate_file refuses, with its one-line reason; drop (and say so)
//           any map layer whose geometry would make draw_land read outside its arrays, even
//           though validation already refused such a bundle (defence in depth); a font that
//           cannot be read is a refusal too (the calm fallback, never an exception).
// Does not: draw, hand fonts to the text engine or ImGui, retry (App decides when to try again),
//           decode pictures (ui::Pictures does, when a room shows one).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "kiosk/screens/context.h"

namespace app {

struct LoadedExhibit {
  std::unique_ptr<bundle::Bundle> bundle;
  screens::MapData map;
  std::map<std::string, std::vector<uint8_t>> fonts;  // role (serif, serif_italic, …, sans_bold) -> bytes
};

// True with `out` filled when the bundle at `path` may be shown; false with the reason.
bool load_exhibit(const std::string& path, LoadedExhibit& out, std::string& why);

// What identifies the file at `path` as it is now (device, inode, size, modification time), or
// "missing": a refused file is not read again until this changes.
std::string file_signature(const std::string& path);

}  // namespace app
