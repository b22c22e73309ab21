// schedule.cpp — see schedule.h. Local days come from localtime_r and local boundaries go back
// to instants through mktime with tm_isdst = -1, so the C library handles daylight saving: a
// boundary inside a skipped hour moves forward by the gap (02:30 → 03:30), one inside a repeated
// hour takes the first of the two.
#include "kiosk/flow/schedule.h"

#include <cstdio>
#include <sstream>

namespace flow {

static bool parse_hhmm(const std::string& s, int& minutes) {
  int h = -1, m = -1;
  char tail;
  if (sscanf(s.c_str(), "%d:%d%c", &h, &m, &tail) != 2 || h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0))
    return false;
  minutes = h * 60 + m;
  return true;
}

static std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

bool Schedule::parse_day(const std::string& text, DayHours& out, std::string& why) {
  out.clear();
  std::string t = trim(text);
  if (t == "closed" || t == "cerrado") return true;
  std::stringstream ss(t);
  for (std::string part; std::getline(ss, part, ',');) {
    part = trim(part);
    size_t dash = part.find('-');
    Interval iv;
    if (dash == std::string::npos || !parse_hhmm(trim(part.substr(0, dash)), iv.open) ||
        !parse_hhmm(trim(part.substr(dash + 1)), iv.close)) {
      why = "\"" + part + "\" is not a time range; write it like 10:00-17:30, or \"closed\"";
      return false;
    }
    if (iv.close <= iv.open) {
      why = "\"" + part + "\" closes before it opens";
      return false;
    }
    if (!out.empty() && iv.open < out.back().close) {
      why = "\"" + part + "\" overlaps or precedes the range before it";
      return false;
    }
    out.push_back(iv);
  }
  if (out.empty()) {
    why = "no opening hours given; write 10:00-17:00 or \"closed\"";
    return false;
  }
  return true;
}

void Schedule::set_week_day(int weekday, DayHours h) {
  week_[weekday % 7] = std::move(h);
  configured_ = true;
}

void Schedule::set_exception(const std::string& date, DayHours h) {
  exceptions_[date] = std::move(h);
  configured_ = true;
}

const DayHours& Schedule::hours_for(const std::tm& d) const {
  char key[16];
  snprintf(key, sizeof key, "%04d-%02d-%02d", d.tm_year + 1900, d.tm_mon + 1, d.tm_mday);
  auto it = exceptions_.find(key);
  if (it != exceptions_.end()) return it->second;
  return week_[(d.tm_wday + 6) % 7];  // tm_wday: 0 = Sunday
}

// The instant of `minutes` after local midnight on the local day of `day`.
static int64_t at(const std::tm& day, int minutes) {
  std::tm t = day;
  t.tm_hour = minutes / 60;
  t.tm_min = minutes % 60;
  t.tm_sec = 0;
  t.tm_isdst = -1;
  return (int64_t)mktime(&t);
}

DayHours Schedule::hours_on(int64_t epoch_s) const {
  time_t tt = (time_t)epoch_s;
  std::tm local;
  localtime_r(&tt, &local);
  return hours_for(local);
}

std::string Schedule::format(const DayHours& h) {
  if (h.empty()) return "closed";
  std::string out;
  char buf[64];
  for (const Interval& iv : h) {
    snprintf(buf, sizeof buf, "%s%02d:%02d-%02d:%02d", out.empty() ? "" : ", ", iv.open / 60, iv.open % 60, iv.close / 60, iv.close % 60);
    out += buf;
  }
  return out;
}

bool Schedule::is_open(int64_t epoch_s) const {
  if (!configured_) return true;
  time_t tt = (time_t)epoch_s;
  std::tm local;
  localtime_r(&tt, &local);
  for (const Interval& iv : hours_for(local))
    if (epoch_s >= at(local, iv.open) && epoch_s < at(local, iv.close)) return true;
  return false;
}

std::optional<int64_t> Schedule::next_change(int64_t epoch_s) const {
  if (!configured_) return std::nullopt;
  bool open_now = is_open(epoch_s);
  time_t tt = (time_t)epoch_s;
  std::tm day;
  localtime_r(&tt, &day);
  // Walk the boundaries of today and the next two weeks, in order; the first that flips the
  // state is the answer. Checking the state just after a boundary (rather than trusting the
  // interval list) keeps back-to-back days like 18:00-24:00 / 00:00-02:00 correct.
  for (int d = 0; d < 15; ++d) {
    std::tm cur = day;
    cur.tm_mday += d;
    cur.tm_hour = 12;  // noon never falls in a DST gap
    cur.tm_isdst = -1;
    mktime(&cur);
    for (const Interval& iv : hours_for(cur))
      for (int m : {iv.open, iv.close}) {
        int64_t b = at(cur, m);
        if (b > epoch_s && is_open(b) != open_now) return b;
      }
  }
  return std::nullopt;
}

}  // namespace flow
