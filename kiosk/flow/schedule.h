// schedule.h — the museum's opening hours: a week of daily intervals plus dated exceptions
// (holidays, late openings), in the kiosk's local time zone (TZ), daylight saving included.
//
// Does:     answer "open at this instant?" and "when does that next change?" for epoch seconds,
//           parse the curator-friendly text form ("10:00-14:00, 16:00-19:00", "closed").
// Does not: switch the display (the app does, with the configured commands).
// Standard C++ and the C library's local-time functions only.
#pragma once
#include <cstdint>
#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flow {

struct Interval {
  int open = 0, close = 0;  // minutes since local midnight; close may be 1440 (midnight)
};
using DayHours = std::vector<Interval>;  // empty = closed all day

class Schedule {
 public:
  // No hours configured: always open.
  Schedule() = default;

  // "closed", "10:00-17:00" or "10:00-14:00, 16:00-19:30". False (and `why`) on a typo.
  static bool parse_day(const std::string& text, DayHours& out, std::string& why);
  // weekday: 0 = Monday … 6 = Sunday.
  void set_week_day(int weekday, DayHours h);
  // date: "YYYY-MM-DD" in local time.
  void set_exception(const std::string& date, DayHours h);
  bool configured() const { return configured_; }

  bool is_open(int64_t epoch_s) const;
  // The hours of the local day of `epoch_s` (its exception if it has one), and that as text:
  // "10:00-14:00, 16:00-19:00" or "closed" (the staff overlay shows it).
  DayHours hours_on(int64_t epoch_s) const;
  static std::string format(const DayHours& h);
  // The first instant after `epoch_s` where is_open() changes; nullopt when it never does
  // within the next 14 days (always open, or closed for a long time).
  std::optional<int64_t> next_change(int64_t epoch_s) const;

 private:
  const DayHours& hours_for(const std::tm& local_day) const;
  bool configured_ = false;
  DayHours week_[7];
  std::map<std::string, DayHours> exceptions_;
};

}  // namespace flow
