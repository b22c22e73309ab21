// report.h — reading the statistics back: the `kiosk-stats` commands (CSV export and summary),
// as functions so tests can call them in-process. Times are shown in local time (TZ honoured).
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace stats {

// One session as the reports see it.
struct SessionSummary {
  int64_t id = 0;
  int64_t started_ms = 0, ended_ms = -1;  // ended_ms -1: still in progress
  std::string lang;                       // the last language chosen (the start language if none)
  std::string end_reason;
  std::vector<std::string> screens;       // in order, repeats kept
  std::vector<std::string> rooms;         // rooms with a page seen, distinct, in first-seen order
  int pages = 0;                          // distinct (room, page) pairs seen
  std::vector<std::string> quotes, places;  // distinct, in first-opened order
};

// The median of `v` (mean of the two middle values for an even count); 0 for none.
double median(std::vector<double> v);

// "YYYY-MM-DD" with a real day of a real month → true, and y/m/d set.
bool parse_date(const std::string& s, int& y, int& m, int& d);

// "YYYY-MM-DD HH:MM:SS" in local time.
std::string local_time(int64_t ms);

// Reads sessions started in [from_ms, to_ms) from an open read-only file. Throws on SQL errors.
std::vector<SessionSummary> load_sessions(const std::string& path, int64_t from_ms, int64_t to_ms);

void write_csv(const std::vector<SessionSummary>& sessions, std::ostream& out);
void write_summary(const std::vector<SessionSummary>& sessions, std::ostream& out);

// The whole command line (without the program name): 0 success, 2 usage or file error (one line
// on `err`).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace stats
