// canvas.h — what a screen draws with during one frame, immediate-mode style.
//
// Does:     rectangles, reading text (TextEngine textures), UI labels (ImGui's atlas), buttons that
//           register an id and a rectangle (for hit tests, the tour's `tap @id` and `ids`), press
//           feedback, a record of every text on screen (the tour's `expect-text`), and a record of
//           layout problems the tour's `expect-no-overflow` checks: a line wider than its block (a
//           word that does not fit), a block or label partly off screen outside a clip region, and
//           a button label wider than its button.
//           A rehearsal canvas draws nothing that counts: it only collects the blocks a frame
//           would draw, as wishes for idle time.
// Does not: decide what to show (screens do) or read input devices (the app feeds it taps).
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "kiosk/ui/label_font.h"
#include "kiosk/ui/text.h"
#include "kiosk/ui/theme.h"

namespace ui {

struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
  float right() const { return x + w; }
  float bottom() const { return y + h; }
};

struct Item {
  std::string id;
  Rect r;
};

// A text drawn this frame, its em in pixels and where (for the tour's `expect-text-size`, `ids`).
struct TextSeen {
  std::string text;
  float em_px = 0;
  Rect r;
};

struct Point {
  float x, y;
};

enum class ButtonKind { Primary, Quiet, Outline, Plain };

class Canvas {
 public:
  // Labels use `fonts.label_large`/`small_large` while the theme's text_scale is above 1.
  // A rehearsal canvas (`rehearsal`) stands in for a frame that is not drawn: the app lets a screen
  // draw itself in another language or text size while the kiosk is idle, so that a switch finds
  // its texts laid out and its blocks made. There, block() only wishes for its block (prepare),
  // prepare() asks for nothing more, and nothing is recorded or published.
  Canvas(ImDrawList* dl, Theme& theme, TextEngine& text, const LabelFonts& fonts, bool rehearsal = false)
      : dl_(dl), theme_(theme), text_(text), rehearsal_(rehearsal),
        label_(theme.text_scale > 1.f && fonts.label_large ? fonts.label_large : fonts.label),
        small_(theme.text_scale > 1.f && fonts.small_large ? fonts.small_large : fonts.small) {}

  // Input for this frame, set by the app before the screen draws.
  std::optional<Point> tap;      // consumed by the first button that contains it
  std::optional<Point> pressed;  // a finger is down here: buttons under it show feedback

  Theme& theme() { return theme_; }
  TextEngine& text() { return text_; }
  ImDrawList* draw_list() { return dl_; }

  // The colour the whole screen starts from, opaque. The renderer clears to it instead of drawing
  // a screen-sized rectangle: on the software renderer a blended full-screen rectangle costs more
  // than everything else on a frame (~7 ms of ~8 at 1080p), and on a GPU it is a screenful of fill.
  // Set it before drawing anything; the app sets the theme's paper.
  void ground(Colour c) { ground_ = Colour{c.r, c.g, c.b, 255}; }
  Colour ground() const { return ground_; }
  void fill(const Rect& r, Colour c, float rounding = 0);
  // Solid geometry: between begin_solid() and end_solid(), untextured triangles are written over
  // what is there, not blended with it. SDL's software renderer fills each blended triangle
  // through a scratch surface the size of its bounding box (allocated, filled, blended onto the
  // screen, freed: SDL_triangle.c), which for the map's long land triangles was a fifth of a frame
  // (11.8 -> 9.5 ms at 1080p); an opaque one it writes straight into the screen. Only for opaque
  // geometry without anti-aliased fringes (their soft edges need the blend), such as the land.
  void begin_solid();
  void end_solid();
  void stroke(const Rect& r, Colour c, float thickness, float rounding = 0);
  void line(float x1, float y1, float x2, float y2, Colour c, float thickness);
  void circle(float x, float y, float radius, Colour c);
  // A clip region (scrolling lists, pagers): what is drawn inside may be cut off on purpose, so
  // blocks and labels in it are not reported as off screen. Calls nest; pop what you push.
  void push_clip(const Rect& r);
  void pop_clip();

  // Reading text: a laid-out block drawn at (x, y), faded by `alpha`. Records its words.
  void block(const Layout& l, float x, float y, float alpha = 1.f);
  // A block this screen will probably draw soon (the next page, a card just off screen): the app
  // rasterises it in idle time, so it is ready before a finger brings it in. Draws nothing.
  void prepare(const Layout& l);
  // A UI label in ImGui's atlas. Returns its width. `small` uses the smaller label size.
  float label(const std::string& s, float x, float y, Colour c, bool small = false);
  float label_width(const std::string& s, bool small = false) const;
  float label_height(bool small = false) const;
  void label_centred(const std::string& s, const Rect& r, Colour c, bool small = false);

  // A touch target. Draws itself, records `id`, and returns true when this frame's tap lands in it.
  bool button(const std::string& id, const Rect& r, const std::string& text, ButtonKind kind = ButtonKind::Quiet);
  // A touch target whose look the screen draws itself (e.g. a room row). Returns true on tap;
  // `is_pressed` tells whether to show feedback.
  bool hit(const std::string& id, const Rect& r, bool* is_pressed = nullptr);

  const std::vector<Item>& items() const { return items_; }
  const std::vector<std::string>& texts() const { return texts_; }
  void record_text(const std::string& s) { texts_.push_back(s); }
  // Every text of this frame with its size; the last finished frame's, like last_frame_problems().
  const std::vector<TextSeen>& texts_seen() const { return seen_; }
  static const std::vector<TextSeen>& last_frame_texts();
  bool tapped_anything() const { return tap_used_; }

  // Layout problems found while drawing this frame (see above), one sentence each.
  const std::vector<std::string>& problems() const { return problems_; }
  void report(const std::string& problem) { problems_.push_back(problem); }
  // The problems of the most recently finished frame: a canvas publishes its list when it is
  // destroyed at the end of the frame, so the tour player can read it after draw_frame().
  static const std::vector<std::string>& last_frame_problems();
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

 private:
  ImDrawList* dl_;
  Colour ground_{0, 0, 0, 255};
  Theme& theme_;
  TextEngine& text_;
  bool rehearsal_;
  ImFont* label_;
  ImFont* small_;
  std::vector<Item> items_;
  std::vector<std::string> texts_;
  std::vector<TextSeen> seen_;
  bool tap_used_ = false;
  int clip_depth_ = 0;
  std::vector<std::string> problems_;
  static constexpr int kMaxBlockPx = 2048;  // the tallest text texture (GPU limits and budget)
  void tall_block(const Layout& l, float x, float y, float alpha);
  void check_on_screen(const char* what, const std::string& text, float x, float y, float w, float h);
};

}  // namespace ui
