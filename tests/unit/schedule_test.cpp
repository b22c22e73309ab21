// schedule_test.cpp — opening hours at their edges: midnight, daylight-saving changes, holidays.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "kiosk/flow/schedule.h"
#include "scoped_zone.h"

namespace {

using Zone = testutil::ScopedZone;

int64_t local(int y, int mo, int d, int h, int mi) {
  std::tm t{};
  t.tm_year = y - 1900;
  t.tm_mon = mo - 1;
  t.tm_mday = d;
  t.tm_hour = h;
  t.tm_min = mi;
  t.tm_isdst = -1;
  return (int64_t)mktime(&t);
}

flow::DayHours hours(const char* s) {
  flow::DayHours h;
  std::string why;
  REQUIRE_MESSAGE(flow::Schedule::parse_day(s, h, why), why);
  return h;
}

// Tuesday–Sunday 10:00–17:00, closed on Mondays (the museum's own week).
flow::Schedule museum() {
  flow::Schedule s;
  s.set_week_day(0, hours("closed"));
  for (int d = 1; d < 7; ++d) s.set_week_day(d, hours("10:00-17:00"));
  return s;
}

}  // namespace

TEST_CASE("schedule: parsing and its errors") {
  flow::DayHours h;
  std::string why;
  CHECK(flow::Schedule::parse_day("10:00-14:00, 16:00-19:30", h, why));
  REQUIRE(h.size() == 2);
  CHECK(h[1].open == 16 * 60);
  CHECK(h[1].close == 19 * 60 + 30);
  CHECK(flow::Schedule::parse_day("18:00-24:00", h, why));
  CHECK_FALSE(flow::Schedule::parse_day("10-17", h, why));
  CHECK(why.find("10:00-17:30") != std::string::npos);
  CHECK_FALSE(flow::Schedule::parse_day("17:00-10:00", h, why));
  CHECK_FALSE(flow::Schedule::parse_day("10:00-14:00, 13:00-15:00", h, why));
  CHECK_FALSE(flow::Schedule::parse_day("25:00-26:00", h, why));
}

TEST_CASE("schedule: nothing configured means always open") {
  flow::Schedule s;
  CHECK(s.is_open(0));
  CHECK_FALSE(s.next_change(0));
}

TEST_CASE("schedule: a week with a closed Monday, at midnight") {
  Zone z("America/Mexico_City");
  flow::Schedule s = museum();
  // Sunday 22 Nov 2026.
  CHECK_FALSE(s.is_open(local(2026, 11, 22, 9, 59)));
  CHECK(s.is_open(local(2026, 11, 22, 10, 0)));
  CHECK(s.is_open(local(2026, 11, 22, 16, 59)));
  CHECK_FALSE(s.is_open(local(2026, 11, 22, 17, 0)));
  // From Sunday evening the next opening is Tuesday 10:00 (Monday closed).
  CHECK(*s.next_change(local(2026, 11, 22, 17, 0)) == local(2026, 11, 24, 10, 0));
  CHECK(*s.next_change(local(2026, 11, 22, 12, 0)) == local(2026, 11, 22, 17, 0));
}

TEST_CASE("schedule: hours across midnight") {
  Zone z("America/Mexico_City");
  flow::Schedule s;
  for (int d = 0; d < 7; ++d) s.set_week_day(d, hours("00:00-02:00, 18:00-24:00"));
  CHECK(s.is_open(local(2026, 11, 22, 23, 59)));
  CHECK(s.is_open(local(2026, 11, 23, 0, 0)));
  CHECK(s.is_open(local(2026, 11, 23, 1, 59)));
  CHECK_FALSE(s.is_open(local(2026, 11, 23, 2, 0)));
  // Open from 18:00 straight through midnight: the next change is 02:00, not 24:00.
  CHECK(*s.next_change(local(2026, 11, 22, 20, 0)) == local(2026, 11, 23, 2, 0));
}

TEST_CASE("schedule: a holiday and a late opening override the week") {
  Zone z("America/Mexico_City");
  flow::Schedule s = museum();
  s.set_exception("2026-12-25", hours("closed"));
  s.set_exception("2026-12-24", hours("10:00-14:00"));
  CHECK_FALSE(s.is_open(local(2026, 12, 25, 12, 0)));  // a Friday, but Christmas
  CHECK(s.is_open(local(2026, 12, 24, 13, 0)));
  CHECK_FALSE(s.is_open(local(2026, 12, 24, 15, 0)));
  CHECK(*s.next_change(local(2026, 12, 24, 15, 0)) == local(2026, 12, 26, 10, 0));
}

TEST_CASE("schedule: daylight saving changes") {
  Zone z("Europe/Madrid");
  // Clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October 2026.
  flow::Schedule s;
  for (int d = 0; d < 7; ++d) s.set_week_day(d, hours("01:00-02:30, 10:00-17:00"));
  int64_t spring_open = local(2026, 3, 29, 1, 0);
  // 02:30 does not exist that night: the C library moves a time inside the gap forward by the
  // gap (to 03:30 CEST), so the kiosk closes 90 real minutes after opening, never before 02:30's
  // intended wall-clock position.
  int64_t spring_close = *s.next_change(spring_open);
  CHECK(spring_close - spring_open == 5400);
  CHECK(s.is_open(spring_open + 5399));
  CHECK_FALSE(s.is_open(spring_close));
  // In autumn 10:00–17:00 is 7 hours of real time on the day the clocks go back, as on any day.
  int64_t autumn_open = local(2026, 10, 25, 10, 0);
  CHECK(s.is_open(autumn_open));
  CHECK(*s.next_change(autumn_open) - autumn_open == 7 * 3600);
  // And the night's boundaries still come in order across the change.
  int64_t before = local(2026, 10, 24, 18, 0);
  CHECK(*s.next_change(before) == local(2026, 10, 25, 1, 0));
}
