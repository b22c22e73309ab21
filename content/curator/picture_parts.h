// picture_parts.h — the two halves of a room picture (room_picture.h), drawn into one canvas:
// the locator map (picture_map.cpp) and the timeline strip (picture_timeline.cpp). Internal to
// content/curator.
#pragma once
#include <string>
#include <vector>

#include "content/bundle/writer.h"
#include "content/curator/raster.h"
#include "content/map/locator.h"
#include "content/map/palette.h"

namespace curator::picture {

inline raster::Rgb rgb(mapgeo::colours::Rgb c) { return {c.r, c.g, c.b}; }

struct Fonts {
  raster::Font regular, bold;
};

// What the map part reports back for the tests (see RoomPicture).
struct MapParts {
  std::vector<mapgeo::XY> markers;
  double marker_radius = 0;
  std::vector<mapgeo::Box> labels;
  bool labels_fit = true;
  std::vector<std::string> unplaced;  // names whose label found no free place
  mapgeo::Box frame;
};

// Draws `room`'s places onto `img` (the map's own canvas: its edges clip), names in `lang`.
MapParts draw_map(raster::Image& img, const bundle::Room& room, const bundle::Contents& c, const Fonts& fonts,
                  const std::string& lang);

// Draws the strip within `area`; returns the boxes of the texts it drew.
std::vector<mapgeo::Box> draw_timeline(raster::Image& img, const mapgeo::Box& area, const bundle::Room& room,
                                       const bundle::Exhibit& ex, const Fonts& fonts, const std::string& lang);

// A stay's or the life's extent in fractional years. An ISO date's start is the start of its
// period; an end is the start of its period too ("1888 to 1896" ends as 1896 begins), unless
// that would not come after the start (a stay "1898 to 1898" lasts the year) or it is a day.
double year_start(const std::string& iso);
double year_end(const std::string& from, const std::string& to);

// The life the timeline measures against: the first stay's start to the last stay's end (the
// room's own years when the journey is empty).
void life_span(const bundle::Exhibit& ex, const bundle::Room& room, double& first, double& last);
// The same as the years a visitor reads: "1879–1940" (the first stay's year, the last one's).
std::string life_years(const bundle::Exhibit& ex, const bundle::Room& room);
std::string years_text(int from, int to);  // "1905–1907", or "1917" for one year

// A place's name cut for a label: "Coyoacán (Ciudad de México)" -> "Coyoacán", "(Ciudad de México)".
std::vector<std::string> name_lines(const std::string& name);

}  // namespace curator::picture
