// report.cpp — `kiosk-stats export` (CSV) and `kiosk-stats summary`.
#include "kiosk/stats/report.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sstream>
#include <stdexcept>

#include "content/bundle/sqlite_util.h"
#include "kiosk/stats/recorder.h"

namespace stats {

namespace sql = bundle::sql;

namespace {

const char* kUsage =
    "usage: kiosk-stats --db FILE export [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "       kiosk-stats --db FILE summary [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n";

struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
};

void add_distinct(std::vector<std::string>& v, const std::string& s) {
  if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

std::string join(const std::vector<std::string>& v) {
  std::string r;
  for (size_t i = 0; i < v.size(); ++i) r += (i ? ";" : "") + v[i];
  return r;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string r = "\"";
  for (char c : s) r += c == '"' ? std::string("\"\"") : std::string(1, c);
  return r + "\"";
}

int64_t local_midnight_ms(int y, int m, int d) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_isdst = -1;
  return (int64_t)std::mktime(&tm) * 1000;
}

std::string duration_text(int64_t s) {
  std::ostringstream o;
  o << s << " s";
  if (s >= 60) o << " (" << s / 60 << " min " << s % 60 << " s)";
  return o.str();
}

// Top entries of a count map: most first, then by name; at most n.
std::vector<std::pair<std::string, int>> top(const std::map<std::string, int>& counts, size_t n) {
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
  if (v.size() > n) v.resize(n);
  return v;
}

void write_table(std::ostream& out, const std::vector<std::pair<std::string, std::string>>& rows) {
  if (rows.empty()) {
    out << "  (none)\n";
    return;
  }
  size_t w = 0;
  for (auto& r : rows) w = std::max(w, r.first.size());
  for (auto& r : rows) out << "  " << std::left << std::setw((int)w) << r.first << "  " << r.second << "\n";
}

}  // namespace

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool parse_date(const std::string& s, int& y, int& m, int& d) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  y = std::stoi(s.substr(0, 4));
  m = std::stoi(s.substr(5, 2));
  d = std::stoi(s.substr(8, 2));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::string local_time(int64_t ms) {
  std::time_t t = (std::time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
  return buf;
}

std::vector<SessionSummary> load_sessions(const std::string& path, int64_t from_ms, int64_t to_ms) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw std::runtime_error(path + ": no such file");
  Db d;
  if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    throw std::runtime_error(path + ": cannot open: " + (d.db ? sqlite3_errmsg(d.db) : "out of memory"));
  sqlite3_busy_timeout(d.db, 2000);
  try {
    if (sql::pragma_int(d.db, "application_id") != kApplicationId)
      throw std::runtime_error(path + ": not a kiosk statistics file");
    if (sql::pragma_int(d.db, "user_version") > kSchemaVersion)
      throw std::runtime_error(path + ": written by a newer kiosk");
    // One read transaction: a consistent snapshot even while the kiosk writes.
    sql::exec(d.db, "BEGIN");
    std::vector<SessionSummary> out;
    std::map<int64_t, size_t> index;
    {
      sql::Stmt s(d.db,
                  "SELECT id, started_at, ended_at, lang, coalesce(end_reason, '') FROM sessions "
                  "WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id");
      s.bind(1, from_ms).bind(2, to_ms);
      while (s.step()) {
        SessionSummary x;
        x.id = s.integer(0);
        x.started_ms = s.integer(1);
        x.ended_ms = s.is_null(2) ? -1 : s.integer(2);
        x.lang = s.text(3);
        x.end_reason = s.text(4);
        index[x.id] = out.size();
        out.push_back(std::move(x));
      }
    }
    const char* range = " session IN (SELECT id FROM sessions WHERE started_at >= ? AND started_at < ?)";
    {
      sql::Stmt s(d.db, (std::string("SELECT session, screen FROM visits WHERE") + range + " ORDER BY session, seq").c_str());
      s.bind(1, from_ms).bind(2, to_ms);
      while (s.step()) out[index.at(s.integer(0))].screens.push_back(s.text(1));
    }
    {
      sql::Stmt s(d.db, (std::string("SELECT session, kind, ref, page FROM events WHERE") + range + " ORDER BY session, seq").c_str());
      s.bind(1, from_ms).bind(2, to_ms);
      std::map<int64_t, std::vector<std::pair<std::string, int64_t>>> pages;
      while (s.step()) {
        SessionSummary& x = out[index.at(s.integer(0))];
        std::string kind = s.text(1), ref = s.text(2);
        if (kind == "page") {
          add_distinct(x.rooms, ref);
          auto& seen = pages[x.id];
          std::pair<std::string, int64_t> p{ref, s.integer(3)};
          if (std::find(seen.begin(), seen.end(), p) == seen.end()) {
            seen.push_back(p);
            ++x.pages;
          }
        } else if (kind == "quote") {
          add_distinct(x.quotes, ref);
        } else if (kind == "place") {
          add_distinct(x.places, ref);
        } else if (kind == "lang") {
          x.lang = ref;
        }
      }
    }
    sql::exec(d.db, "COMMIT");
    return out;
  } catch (const sql::Error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

void write_csv(const std::vector<SessionSummary>& sessions, std::ostream& out) {
  out << "session,start,end,seconds,language,screens,rooms,pages,quotes,places,end_reason\n";
  for (const auto& s : sessions) {
    bool ended = s.ended_ms >= 0;
    out << s.id << ',' << local_time(s.started_ms) << ',' << (ended ? local_time(s.ended_ms) : "") << ','
        << (ended ? std::to_string((s.ended_ms - s.started_ms + 500) / 1000) : "") << ',' << csv_field(s.lang) << ','
        << csv_field(join(s.screens)) << ',' << csv_field(join(s.rooms)) << ',' << s.pages << ','
        << csv_field(join(s.quotes)) << ',' << csv_field(join(s.places)) << ',' << csv_field(s.end_reason) << '\n';
  }
}

void write_summary(const std::vector<SessionSummary>& sessions, std::ostream& out) {
  out << "sessions: " << sessions.size();
  if (!sessions.empty())
    out << " (" << local_time(sessions.front().started_ms).substr(0, 10) << " to "
        << local_time(sessions.back().started_ms).substr(0, 10) << ")";
  out << "\n";

  std::map<std::string, int> per_day, rooms, places, langs;
  std::vector<double> lengths;
  for (const auto& s : sessions) {
    ++per_day[local_time(s.started_ms).substr(0, 10)];
    for (auto& r : s.rooms) ++rooms[r];
    for (auto& p : s.places) ++places[p];
    ++langs[s.lang];
    if (s.ended_ms >= 0) lengths.push_back((double)(s.ended_ms - s.started_ms) / 1000.0);
  }
  out << "sessions per day:\n";
  std::vector<std::pair<std::string, std::string>> rows;
  for (auto& [day, n] : per_day) rows.emplace_back(day, std::to_string(n));
  write_table(out, rows);

  out << "median session length: ";
  if (lengths.empty())
    out << "-\n";
  else
    out << duration_text((int64_t)std::llround(median(lengths))) << "\n";

  auto counted = [&](const char* title, const std::map<std::string, int>& m) {
    out << title << "\n";
    std::vector<std::pair<std::string, std::string>> r;
    for (auto& [k, n] : top(m, 10)) r.emplace_back(k, std::to_string(n));
    write_table(out, r);
  };
  counted("most visited rooms (sessions that read them):", rooms);
  counted("most opened places (sessions that opened them):", places);

  out << "language share (each session's last language):\n";
  std::vector<std::pair<std::string, std::string>> share;
  for (auto& [k, n] : top(langs, langs.size())) {
    std::ostringstream p;
    p << std::fixed << std::setprecision(1) << 100.0 * n / (double)sessions.size() << "%";
    share.emplace_back(k, p.str());
  }
  write_table(out, share);
}

int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string db, command, from, to;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    if (a == "-h" || a == "--help") {
      out << kUsage;
      return 0;
    } else if (a == "--db") {
      if (!value(db)) return err << "kiosk-stats: --db needs a file\n", 2;
    } else if (a == "--from") {
      if (!value(from)) return err << "kiosk-stats: --from needs a date (YYYY-MM-DD)\n", 2;
    } else if (a == "--to") {
      if (!value(to)) return err << "kiosk-stats: --to needs a date (YYYY-MM-DD)\n", 2;
    } else if ((a == "export" || a == "summary") && command.empty()) {
      command = a;
    } else {
      err << "kiosk-stats: unexpected argument '" << a << "'\n" << kUsage;
      return 2;
    }
  }
  if (db.empty() || command.empty()) {
    err << kUsage;
    return 2;
  }
  int64_t lo = INT64_MIN, hi = INT64_MAX;
  int y, m, d;
  if (!from.empty()) {
    if (!parse_date(from, y, m, d)) return err << "kiosk-stats: bad --from date '" << from << "' (expected YYYY-MM-DD)\n", 2;
    lo = local_midnight_ms(y, m, d);
  }
  if (!to.empty()) {
    if (!parse_date(to, y, m, d)) return err << "kiosk-stats: bad --to date '" << to << "' (expected YYYY-MM-DD)\n", 2;
    hi = local_midnight_ms(y, m, d + 1);  // inclusive: up to the next midnight
  }
  if (!from.empty() && !to.empty() && from > to)
    return err << "kiosk-stats: --from " << from << " is after --to " << to << "\n", 2;
  std::vector<SessionSummary> sessions;
  try {
    sessions = load_sessions(db, lo, hi);
  } catch (const std::exception& e) {
    err << "kiosk-stats: " << e.what() << "\n";
    return 2;
  }
  if (command == "export")
    write_csv(sessions, out);
  else
    write_summary(sessions, out);
  return 0;
}

}  // namespace stats
