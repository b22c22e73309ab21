// context.h — what every screen receives for one frame, and the per-session memory of screens
// (scroll positions, laid-out pages) that the session's end wipes.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "content/bundle/bundle.h"
#include "kiosk/flow/flow.h"
#include "kiosk/ui/canvas.h"
#include "kiosk/ui/pictures.h"
#include "kiosk/ui/scroller.h"

namespace screens {

enum class Axis { Horizontal, Vertical };

// Remembered between frames; reset at the end of a session.
struct Memory {
  ui::Scroller rooms_list, room_pages, quote_cards, question_list, answer_scroll;
  std::string room_key;   // which room/lang/size room_pages was laid out for
  std::vector<ui::Layout> room_layouts;  // the room's screen pages
  uint64_t attract_started = 0;
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

  const std::string& lang() const { return flow.lang(); }
  std::string t(const std::string& key) const { return ex.label(key, flow.lang()); }
  const ui::Theme& theme() const { return c.theme(); }
};

// Each screen draws itself and reacts to taps through the canvas. One file each.
void draw_home(Context& ctx);
void draw_rooms(Context& ctx);
void draw_room(Context& ctx);
void draw_quotes(Context& ctx);
void draw_questions(Context& ctx);
void draw_answer(Context& ctx);
void draw_map(Context& ctx);
void draw_warning(Context& ctx);
void draw_attract(Context& ctx);

// Shared chrome (chrome.cpp): the top bar with Home/Back, the screen's title and the language
// switch. Returns the area left for the screen's content.
ui::Rect draw_top_bar(Context& ctx, const std::string& title, bool reading_controls = false);
// "{n}" / "{m}" substitution in labels.
std::string fill(std::string s, int n, int m = 0);

}  // namespace screens
