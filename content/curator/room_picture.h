// room_picture.h — the picture kiosk-bundle draws for every room that has none: a locator map of
// the room's places on the exhibit's own land layers, over a timeline strip of the room's years
// against the whole life with the stays of that time. Made at build time, byte for byte the same
// on every build of the same sources; no network, no photographs.
//
// Does:     frame and draw the map (land, graticule, markers, names in the exhibit's first
//           language, labels that never overlap), draw the strip, encode a PNG, and write the
//           picture's alt text (every language), caption and credit from strings.toml's
//           "picture.*" labels, so nothing about one exhibit is compiled in.
// Does not: replace a picture the curator gave ([image] in the room's front matter wins), or
//           draw land when the exhibit has no [map] (then the map is sea, graticule and markers).
#pragma once
#include <string>
#include <vector>

#include "content/bundle/writer.h"
#include "content/curator/diagnostics.h"
#include "content/map/locator.h"

namespace curator {

// The picture's size in pixels: the size the kiosk's side column shows it at on a 1080p panel,
// so it is drawn close to 1:1 there (the kiosk's textures stay far below the Pi's 4096 limit).
constexpr int kRoomPictureWidth = 640, kRoomPictureMapHeight = 390, kRoomPictureHeight = 530;

// The strings.toml labels a drawn picture's texts are made from (strings.toml's reader knows them).
inline constexpr const char* kPictureKeys[] = {"picture.alt.map", "picture.alt.timeline", "picture.caption",
                                               "picture.credit"};

// One drawn picture and where its parts went (pixels, y down), for the tests.
struct RoomPicture {
  std::vector<uint8_t> png;
  mapgeo::Box map_area;                 // the map's part of the picture
  std::vector<mapgeo::XY> markers;      // one per place of the room, in the room's order
  double marker_radius = 0;
  std::vector<mapgeo::Box> labels;      // every text box drawn on the map and on the strip
  bool labels_fit = true;               // false: some label found no free place…
  std::vector<std::string> unplaced;    // …these names' (the label is then left out)
  mapgeo::Box frame;                    // the map's frame in projected units
};

// Draws `room`'s picture. Throws std::runtime_error when the sans fonts cannot be read.
RoomPicture draw_room_picture(const bundle::Room& room, const bundle::Contents& contents);

// The picture's alt text in `lang`, e.g. "Map: Coyoacán, Tampico. Timeline: 1937–1940 …".
std::string room_picture_alt(const bundle::Room& room, const bundle::Exhibit& ex, const std::string& lang);

// Gives every room without a picture its drawn one (media "generated/<room>.png"), with alt
// text, caption and credit in every language. Problems (a missing "picture.*" label, a label
// that found no place) go to `diag`; `exhibit_dir` names the files in those messages.
void add_room_pictures(bundle::Contents& contents, const std::string& exhibit_dir, Diagnostics& diag);

}  // namespace curator
