// scroller.cpp — see scroller.h.
#include "kiosk/ui/scroller.h"

#include <algorithm>
#include <cmath>

namespace ui {

void Scroller::configure(float content, float viewport, float page) {
  content_ = content;
  viewport_ = viewport;
  page_ = page;
  max_ = page > 0 ? page * (std::max(1, (int)std::lround(content / page)) - 1) : std::max(0.f, content - viewport);
  if (!dragging_ && !anim_ && !coasting_) offset_ = std::clamp(offset_, 0.f, max_offset());
}

void Scroller::drag_start(uint64_t now_ms) {
  dragging_ = true;
  anim_ = coasting_ = false;
  last_ = now_ms;
  raw_ = offset_;
}

void Scroller::drag(float delta_px) {
  if (!dragging_) return;
  // Content follows the finger: a finger moving left (negative delta) advances the offset.
  raw_ -= delta_px;
  // Past an end the content moves a third as far as the finger (rubber band).
  if (raw_ < 0) offset_ = raw_ * 0.35f;
  else if (raw_ > max_offset()) offset_ = max_offset() + (raw_ - max_offset()) * 0.35f;
  else offset_ = raw_;
}

void Scroller::release(float v, uint64_t now_ms) {
  dragging_ = false;
  if (page_ > 0) {
    int target = page();
    float pos = offset_ / page_;
    // A fling turns the page in its direction even when short; a slow drag snaps to the nearest.
    if (v < -300) target = (int)std::floor(pos) + 1;
    else if (v > 300) target = (int)std::ceil(pos) - 1;
    animate_to_page(std::clamp(target, 0, pages() - 1), now_ms);
    return;
  }
  velocity_ = -v;
  coasting_ = true;
  last_ = now_ms;
}

int Scroller::pages() const { return page_ > 0 ? (int)std::lround(max_offset() / page_) + 1 : 1; }
int Scroller::page() const {
  return page_ > 0 ? std::clamp((int)std::lround(offset_ / page_), 0, pages() - 1) : 0;
}

void Scroller::jump_to_page(int p) {
  anim_ = coasting_ = dragging_ = false;
  offset_ = page_ > 0 ? std::clamp(p, 0, pages() - 1) * page_ : 0;
}

void Scroller::animate_to_page(int p, uint64_t now_ms) {
  from_ = offset_;
  to_ = std::clamp(p, 0, pages() - 1) * page_;
  t0_ = now_ms;
  anim_ = true;
}

bool Scroller::update(uint64_t now_ms) {
  if (anim_) {
    float t = std::min(1.f, (now_ms - t0_) / (float)kSnapMs);
    float e = 1 - std::pow(1 - t, 3.f);  // ease-out cubic
    offset_ = from_ + (to_ - from_) * e;
    if (t >= 1) anim_ = false;
    return true;
  }
  if (coasting_) {
    float dt = std::min(0.1f, (now_ms - last_) / 1000.f);
    last_ = now_ms;
    offset_ += velocity_ * dt;
    velocity_ *= std::pow(0.05f, dt);  // loses 95% of its speed per second
    if (offset_ < 0 || offset_ > max_offset()) {
      // Past an end: stop coasting and ease back inside.
      from_ = offset_;
      to_ = std::clamp(offset_, 0.f, max_offset());
      t0_ = now_ms;
      coasting_ = false;
      anim_ = true;
      return true;
    }
    if (std::fabs(velocity_) < 20) coasting_ = false;
    return true;
  }
  return dragging_;
}

}  // namespace ui
