// context.h — what every screen receives for one frame, and the per-session memory of screens
// (scroll positions, laid-out pages) that the session's end wipes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "kiosk/flow/flow.h"
#include "kiosk/ui/canvas.h"
#include "kiosk/ui/gestures.h"
#include "kiosk/ui/map_view.h"
#include "kiosk/ui/pictures.h"
#include "kiosk/ui/scroller.h"

namespace screens {

enum class Axis { Horizontal, Vertical };

// The map's land, loaded from the bundle once: per level of detail, projected x,y pairs and
// triangle indices (see content/map).
struct MapData {
  struct Layer {
    std::vector<float> xy;
    std::vector<uint32_t> indices;
  };
  std::vector<Layer> layers;  // index = level of detail
  std::vector<double> stay_starts;  // each stay's start as a fractional year, for the timeline
  ui::YearSpan years;               // the timeline's extent, from the journey
  bool empty() const { return layers.empty(); }
};

// The map screen's state between frames.
struct MapState {
  ui::Camera cam;
  bool ready = false;
  int card = -1;                  // the place whose card is open, -1 none
  std::vector<int> list;          // a cluster's places listed by name (a cluster zoom cannot split)
  bool cluster_zoomed = false;    // the last move was a cluster's zoom: the next cluster tap lists
  double year = 0;                // the timeline's position (the first stay's start when ready)
  ui::YearSpan years;             // the timeline's extent, copied from MapData for the gestures
  bool playing = false, scrubbing = false, pinching = false;
  uint64_t play_last = 0;
  uint64_t last_tap_ms = 0;
  float last_tap_x = 0, last_tap_y = 0;
  int shown_stay = -1;            // for the gliding marker
  uint64_t stay_changed_ms = 0;
  // The camera eases between views (reset, cluster, double tap).
  bool easing = false;
  uint64_t ease_t0 = 0;
  double from_cx = 0, from_cy = 0, from_s = 1, to_cx = 0, to_cy = 0, to_s = 1;
  ui::Rect view, timeline;        // last frame's map area and timeline bar
};

// Remembered between frames; reset at the end of a session.
struct Memory {
  MapState map;
  ui::Scroller rooms_list, room_pages, quote_cards, question_list, answer_scroll;
  std::string room_key;   // which room/lang/size room_pages was laid out for
  std::vector<ui::Layout> room_layouts;  // the room's screen pages
  uint64_t attract_started = 0;
  int attract_stay = -1;           // attract's journey: the stay shown, and since when
  uint64_t attract_stay_ms = 0;
};

struct Context {
  ui::Canvas& c;
  flow::Flow& flow;
  const bundle::Exhibit& ex;
  ui::Pictures& pictures;
  Memory& mem;
  uint64_t now = 0;
  bool needs_frame = false;             // the screen is animating: draw again soon
  uint64_t redraw_at = UINT64_MAX;      // or: draw again at this time (slow changes)
  ui::Scroller* drag_target = nullptr;  // where one-finger drags go
  Axis drag_axis = Axis::Vertical;

  const MapData* map = nullptr;         // the land, when the bundle has it
  std::function<bool()> on_back;        // set by a screen: handles Back itself when it returns true

  const std::string& lang() const { return flow.lang(); }
  std::string t(const std::string& key) const { return ex.label(key, flow.lang()); }
  const ui::Theme& theme() const { return c.theme(); }
};

// Each screen draws itself and reacts to taps through the canvas. One file each.
// draw_screen draws the one the flow is on (screen.cpp).
void draw_screen(Context& ctx);
void draw_home(Context& ctx);
void draw_rooms(Context& ctx);
void draw_room(Context& ctx);
void draw_quotes(Context& ctx);
void draw_questions(Context& ctx);
void draw_answer(Context& ctx);
void draw_map(Context& ctx);
void draw_warning(Context& ctx);
void draw_attract(Context& ctx);
// The land and the journey up to `year` over `view` (map screen and attract mode); returns where
// the traveller is drawn. `glide` (0..1) animates the newest arc; `night` uses attract's palette.
ImVec2 draw_journey(Context& ctx, const ui::Rect& view, const ui::Camera& cam, double year, float glide, bool night);
// One level of detail of the land over `view` in `col` (land.cpp): only the triangles in view,
// each point written once and indexed.
void draw_land(ui::Canvas& c, const MapData::Layer& layer, const ui::Camera& cam, const ui::Rect& view, ui::Colour col);
// Makes room, once, for the most land a frame can draw (every level at once, all in view), in the
// draw list and in draw_land's own buffers: a zoom's first cross-fade frame then allocates nothing.
void reserve_land(ui::Canvas& c, const MapData& map);
// The camera that shows every place of the journey in `view`.
ui::Camera journey_camera(const Context& ctx, const ui::Rect& view);
// Where the map screen's parts go for a panel and an exhibit (no drawing; the reach test uses it
// too): the map's view, the portrait panel under it (empty in landscape), the timeline strip's
// top, and the grid of a cluster's list of places, which may cover the map and the strip.
struct MapFrame {
  ui::Rect view, panel, list_area;
  float strip_y = 0;
  double camera_half_h = 0;  // how far north and south the camera may go (portrait: past the world)
  int list_rows = 1, list_cols = 1;
  size_t list_capacity() const { return (size_t)list_rows * list_cols; }
};
MapFrame map_frame(const ui::Theme& th, const bundle::Exhibit& ex);
// The map takes its own drags and pinches (pan, zoom, timeline scrubbing).
void map_gesture(MapState& m, const ui::Gesture& g, uint64_t now_ms);

// Shared chrome (chrome.cpp): the top bar with Home/Back, the screen's title and the language
// switch. Returns the area left for the screen's content.
ui::Rect draw_top_bar(Context& ctx, const std::string& title, bool reading_controls = false);
// The top of the area draw_top_bar returns, without drawing; and the bar's own bottom edge.
float top_bar_area_y(const ui::Theme& th);
float top_bar_bottom(const ui::Theme& th);
// "{n}" / "{m}" in a label, with the plural forms of the visitor's language (ICU MessageFormat:
// "{n, plural, one {# second} other {# seconds}}"); a plain "{n}" works too.
std::string fill(const Context& ctx, const std::string& label, int n, int m = 0);
// Words between the quotation marks of the visitor's language (quote.open / quote.close).
std::string quoted(const Context& ctx, const std::string& words);

}  // namespace screens
