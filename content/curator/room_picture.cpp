// room_picture.cpp — see room_picture.h. The words around the picture (alt text, caption,
// credit) come from the exhibit's strings.toml, filled with the room's data:
//   "picture.alt.map"      "Map: {places}."
//   "picture.alt.timeline" "Timeline: {years} within a life of {life}."
//   "picture.caption"      may use {years}, {life} and {places}
//   "picture.credit"       who drew it and from what data
#include "content/curator/room_picture.h"

#include <algorithm>
#include <cmath>

#include "content/curator/picture_parts.h"

namespace curator {

namespace {

std::string replace_all(std::string s, const std::string& key, const std::string& value) {
  for (size_t at = 0; (at = s.find(key, at)) != std::string::npos; at += value.size()) s.replace(at, key.size(), value);
  return s;
}

// A label from strings.toml with the room's {places}, {years} and {life} filled in.
std::string fill(const bundle::Exhibit& ex, const std::string& key, const bundle::Room& room, const std::string& lang) {
  auto it = ex.strings.find(key);
  if (it == ex.strings.end()) return {};
  std::string places;
  for (const auto& id : room.places)
    if (const bundle::Place* p = ex.place(id)) places += (places.empty() ? "" : ", ") + p->name.in(lang);
  std::string s = it->second.in(lang);
  s = replace_all(s, "{places}", places);
  s = replace_all(s, "{years}", picture::years_text(room.year_from, room.year_to));
  s = replace_all(s, "{life}", picture::life_years(ex, room));
  return s;
}

}  // namespace

RoomPicture draw_room_picture(const bundle::Room& room, const bundle::Contents& c) {
  auto font = [&](const char* role) -> const std::vector<uint8_t>& {
    static const std::vector<uint8_t> none;
    auto it = c.fonts.find(role);
    return it == c.fonts.end() ? none : it->second.bytes;
  };
  picture::Fonts fonts{raster::Font(font("sans")), raster::Font(font("sans_bold"))};
  const std::string lang = c.exhibit.meta.languages.empty() ? std::string() : c.exhibit.meta.languages[0];
  raster::Image img(kRoomPictureWidth, kRoomPictureHeight, picture::rgb(mapgeo::colours::kPaper));
  raster::Image map(kRoomPictureWidth, kRoomPictureMapHeight, picture::rgb(mapgeo::colours::kSea));
  picture::MapParts parts = picture::draw_map(map, room, c, fonts, lang);
  img.blit(map, 0, 0);
  RoomPicture out;
  out.map_area = {0, 0, (double)kRoomPictureWidth, (double)kRoomPictureMapHeight};
  out.markers = parts.markers;
  out.marker_radius = parts.marker_radius;
  out.labels = parts.labels;
  out.labels_fit = parts.labels_fit;
  out.unplaced = parts.unplaced;
  out.frame = parts.frame;
  mapgeo::Box strip{0, (double)kRoomPictureMapHeight, (double)kRoomPictureWidth, (double)kRoomPictureHeight};
  for (const auto& b : picture::draw_timeline(img, strip, room, c.exhibit, fonts, lang)) out.labels.push_back(b);
  out.png = img.png();
  return out;
}

std::string room_picture_alt(const bundle::Room& room, const bundle::Exhibit& ex, const std::string& lang) {
  return fill(ex, "picture.alt.map", room, lang) + " " + fill(ex, "picture.alt.timeline", room, lang);
}

void add_room_pictures(bundle::Contents& c, const std::string& exhibit_dir, Diagnostics& diag) {
  bundle::Exhibit& ex = c.exhibit;
  bool needed = std::any_of(ex.rooms.begin(), ex.rooms.end(), [](const bundle::Room& r) { return r.image.media.empty(); });
  if (!needed) return;
  bool keys = true;
  for (const char* k : kPictureKeys)
    if (!ex.strings.count(k)) {
      diag.error(exhibit_dir + "/strings.toml", 0, std::string("\"") + k + "\" is missing; the rooms' drawn pictures need it (see content/README.md)");
      keys = false;
    }
  if (!keys || !c.fonts.count("sans") || !c.fonts.count("sans_bold")) return;
  for (bundle::Room& r : ex.rooms) {
    if (!r.image.media.empty()) continue;  // the curator's picture wins
    std::string id = "generated/" + r.id + ".png";
    if (c.media.count(id)) {
      diag.error(exhibit_dir, 0, "a picture is named " + id + ", the name of room \"" + r.id + "\"'s drawn map; rename the file");
      continue;
    }
    RoomPicture pic;
    try {
      pic = draw_room_picture(r, c);
    } catch (const std::exception& e) {
      return diag.error(exhibit_dir + "/exhibit.toml", 0, std::string("the rooms' pictures cannot be drawn: ") + e.what());
    }
    if (!pic.labels_fit) {
      std::string names;
      for (const auto& n : pic.unplaced) names += (names.empty() ? "" : ", ") + n;
      diag.error(exhibit_dir + "/places.csv", 0, "on room \"" + r.id + "\"'s map the name " + names +
                                                    " finds no place that overlaps nothing; shorten it or give the room fewer places");
    }
    for (const auto& lang : ex.meta.languages) {
      r.image.alt.by_lang[lang] = room_picture_alt(r, ex, lang);
      r.image.caption.by_lang[lang] = fill(ex, "picture.caption", r, lang);
      r.image.credit.by_lang[lang] = fill(ex, "picture.credit", r, lang);
    }
    r.image.media = id;
    ex.media.push_back({id, "image/png", kRoomPictureWidth, kRoomPictureHeight, (int64_t)pic.png.size()});
    c.media[id] = std::move(pic.png);
  }
  std::sort(ex.media.begin(), ex.media.end(), [](auto& a, auto& b) { return a.id < b.id; });
}

}  // namespace curator
