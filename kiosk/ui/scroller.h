// scroller.h — one axis of movement that follows a finger: lists that scroll with inertia, and
// pagers that snap to whole pages (room pages, quotation cards).
//
// The finger moves the content 1:1; on release the content either coasts (lists: velocity decays
// with friction) or eases to the nearest page in the fling's direction (pagers: 250 ms ease-out).
// Past the ends it resists (rubber band) and springs back. Time is passed in.
#pragma once
#include <cstdint>

namespace ui {

class Scroller {
 public:
  // `page` > 0 makes it a pager with pages `page` pixels apart.
  void configure(float content, float viewport, float page = 0);
  void drag_start(uint64_t now_ms);
  void drag(float delta_px);
  void release(float velocity_px_s, uint64_t now_ms);
  // Advances animations to `now`. Returns true while still moving (another frame is needed).
  bool update(uint64_t now_ms);
  void jump_to_page(int page);        // no animation
  void animate_to_page(int page, uint64_t now_ms);

  float offset() const { return offset_; }  // 0 at the start, grows as content moves up/left
  int page() const;                         // the page nearest the current offset
  int pages() const;
  bool moving() const { return dragging_ || anim_ || coasting_; }
  float max_offset() const { return max_ > 0 ? max_ : 0; }

 private:
  float content_ = 0, viewport_ = 0, page_ = 0, max_ = 0;
  float offset_ = 0, velocity_ = 0, raw_ = 0;  // raw_: where the finger alone would put it
  bool dragging_ = false, anim_ = false, coasting_ = false;
  float from_ = 0, to_ = 0;
  uint64_t t0_ = 0, last_ = 0;
  static constexpr uint64_t kSnapMs = 260;
};

}  // namespace ui
