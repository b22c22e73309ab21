// scroller_test.cpp — lists that coast and pagers that snap, on a fake clock.
#include <doctest/doctest.h>

#include "kiosk/ui/scroller.h"

TEST_CASE("scroller: a pager follows the finger and snaps to the nearest page") {
  ui::Scroller s;
  s.configure(3000, 1000, 1000);
  CHECK(s.pages() == 3);
  s.drag_start(0);
  s.drag(-300);  // finger moves left: content advances
  CHECK(s.offset() == doctest::Approx(300));
  s.release(0, 100);
  uint64_t t = 100;
  while (s.update(t)) t += 16;
  CHECK(s.page() == 0);  // a short slow drag snaps back
  CHECK(s.offset() == doctest::Approx(0));
  CHECK(t - 100 <= 300);  // the snap eases within 300 ms
}

TEST_CASE("scroller: a fling turns the page even when the drag was short") {
  ui::Scroller s;
  s.configure(3000, 1000, 1000);
  s.drag_start(0);
  s.drag(-120);
  s.release(-900, 50);
  uint64_t t = 50;
  while (s.update(t)) t += 16;
  CHECK(s.page() == 1);
  CHECK(s.offset() == doctest::Approx(1000));
  // And never past the last page.
  s.jump_to_page(2);
  s.drag_start(t);
  s.drag(-200);
  s.release(-2000, t);
  while (s.update(t)) t += 16;
  CHECK(s.page() == 2);
}

TEST_CASE("scroller: a list coasts with friction and springs back inside its ends") {
  ui::Scroller s;
  s.configure(5000, 1000);
  s.drag_start(0);
  s.drag(-100);
  s.release(-2000, 10);
  uint64_t t = 10;
  float last = s.offset();
  int steps = 0;
  while (s.update(t) && steps++ < 1000) {
    t += 16;
    CHECK(s.offset() >= last - 0.01f);  // keeps going the same way
    last = s.offset();
  }
  CHECK(s.offset() > 600);   // it travelled well beyond the drag
  CHECK(s.offset() <= 4000);
  // Pulled past the start: resists, then returns to 0.
  s.drag_start(t);
  s.drag(s.offset() + 400);  // far beyond the top
  CHECK(s.offset() < 0);
  s.release(0, t);
  while (s.update(t) && steps++ < 2000) t += 16;
  CHECK(s.offset() == doctest::Approx(0));
}
