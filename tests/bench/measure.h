// measure.h — small helpers kiosk-bench's parts share: clocks, medians and percentiles.
// Does not: decide what to measure (scenarios.h, children.h) or judge it (budgets.h).
#pragma once
#include <algorithm>
#include <cmath>
#include <ctime>
#include <vector>

namespace bench {

inline double clock_ms(clockid_t c) {
  timespec ts{};
  clock_gettime(c, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
inline double mono_ms() { return clock_ms(CLOCK_MONOTONIC); }
inline double thread_cpu_ms() { return clock_ms(CLOCK_THREAD_CPUTIME_ID); }

// The p-th percentile (0..100) by nearest rank; NaN for no samples.
inline double percentile(std::vector<double> v, double p) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  size_t rank = (size_t)std::ceil(p / 100.0 * v.size());
  return v[std::min(v.size() - 1, rank ? rank - 1 : 0)];
}
inline double median(const std::vector<double>& v) { return percentile(v, 50); }

}  // namespace bench
