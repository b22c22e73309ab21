// picture_timeline.cpp — the timeline strip of a room picture (picture_parts.h). What a visitor at
// the wall reads, top to bottom: the room's years in red on a bar of the whole life (its first and
// last years at the ends), then those years opened out to the strip's width, with the stays of
// that time as named blocks (overlapping stays on separate lanes).
//
//     1905–1907
//   ━━━━━━━█━━━━━━━━━━━━━━━━━━━━━━━━━━
//   1879  ╱ ╲                     1940
//   [St Petersburg        ][St P…][Berezov]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "content/curator/picture_parts.h"

namespace curator::picture {

namespace {

using mapgeo::Box;
namespace col = mapgeo::colours;

constexpr double kPad = 24, kYearPx = 24, kEndPx = 21, kStayPx = 21;

struct Segment {
  double from, to;
  std::string name;
  int lane = 0;
};

// The stays that touch [from, to), on two lanes. The journey is in order, so each stay on the
// main lane ends where the next begins; a stay inside the one before it (a journey made during a
// residence) goes on the second lane; stays that share an imprecise start ("1916", three times)
// share its time in their order: the strip shows the sequence, the room's text the dates.
std::vector<Segment> stays_between(const bundle::Exhibit& ex, double from, double to, const std::string& lang, int& lanes) {
  std::vector<Segment> all;
  for (const auto& s : ex.journey) {
    const bundle::Place* p = ex.place(s.place);
    Segment seg{year_start(s.from), year_end(s.from, s.to), p ? name_lines(p->name.in(lang))[0] : s.place};
    Segment* main = nullptr;
    for (auto it = all.rbegin(); it != all.rend() && !main; ++it)
      if (it->lane == 0) main = &*it;
    if (main && seg.from >= main->from && seg.to <= main->to && main->to - main->from > seg.to - seg.from && seg.from > main->from) {
      seg.lane = 1;
    } else if (main) {
      if (seg.from <= main->from) seg.from = main->from + (std::min(main->to, seg.to) - main->from) / 2;
      main->to = std::min(main->to, seg.from);
    }
    all.push_back(seg);
  }
  std::vector<Segment> out;
  lanes = 1;
  for (Segment& s : all) {
    if (s.to <= from || s.from >= to) continue;
    s.from = std::max(s.from, from), s.to = std::min(s.to, to);
    lanes = std::max(lanes, s.lane + 1);
    out.push_back(s);
  }
  return out;
}

Box text_at(raster::Image& img, const raster::Font& f, const std::string& t, double x, double baseline, double px, raster::Rgb c) {
  img.draw_mask(f.text(t, x, baseline, px), c);
  return {x, baseline - f.ascent(px), x + f.width(t, px), baseline + f.descent(px)};
}

}  // namespace

double year_start(const std::string& iso) {
  int y = 0, m = 1, d = 1;
  int n = sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d);
  if (n < 1) return 0;
  if (n == 1) return y;
  if (n == 2) return y + (m - 1) / 12.0;
  static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  return y + (before[std::clamp(m, 1, 12) - 1] + d - 1) / 365.25;
}

double year_end(const std::string& from, const std::string& to) {
  double a = year_start(from), b = year_start(to);
  if (to.size() == 10) return b + 1 / 365.25;  // a day: it ends when the day does
  if (b > a) return b;
  return b + (to.size() == 7 ? 1 / 12.0 : 1.0);  // a passage in one month or year: all of it
}

void life_span(const bundle::Exhibit& ex, const bundle::Room& room, double& first, double& last) {
  first = room.year_from, last = room.year_to + 1;
  if (ex.journey.empty()) return;
  first = year_start(ex.journey.front().from);
  last = first;
  for (const auto& s : ex.journey) last = std::max(last, year_end(s.from, s.to));
}

std::string years_text(int a, int b) {
  return a == b ? std::to_string(a) : std::to_string(a) + "\xE2\x80\x93" + std::to_string(b);
}

static void life_ends(const bundle::Exhibit& ex, const bundle::Room& room, int& a, int& b) {
  a = room.year_from, b = room.year_to;
  if (ex.journey.empty()) return;
  a = atoi(ex.journey.front().from.c_str()), b = a;
  for (const auto& s : ex.journey) b = std::max(b, atoi(s.to.c_str()));
}

std::string life_years(const bundle::Exhibit& ex, const bundle::Room& room) {
  int a, b;
  life_ends(ex, room, a, b);
  return years_text(a, b);
}

std::vector<Box> draw_timeline(raster::Image& img, const Box& area, const bundle::Room& room, const bundle::Exhibit& ex,
                               const Fonts& f, const std::string& lang) {
  std::vector<Box> texts;
  double life0, life1;
  life_span(ex, room, life0, life1);
  const double win0 = room.year_from, win1 = room.year_to + 1;
  const double axis0 = std::min(life0, win0), axis1 = std::max(life1, win1);
  const double x0 = area.x0 + kPad, x1 = area.x1 - kPad, top = area.y0;
  auto at = [&](double year) { return x0 + (year - axis0) / (axis1 - axis0) * (x1 - x0); };

  // The life, and the room's years on it.
  img.fill_rect(at(axis0), top + 42, at(axis1), top + 43, rgb(col::kRule));
  img.fill_rect(at(life0), top + 38, at(life1), top + 46, rgb(col::kRule));
  double w0 = at(win0), w1 = std::max(at(win1), w0 + 4);
  img.fill_rect(w0, top + 33, w1, top + 51, rgb(col::kAccent));
  std::string yrs = years_text(room.year_from, room.year_to);
  double yw = f.bold.width(yrs, kYearPx);
  double yx = std::clamp((w0 + w1) / 2 - yw / 2, x0, x1 - yw);
  texts.push_back(text_at(img, f.bold, yrs, yx, top + 26, kYearPx, rgb(col::kAccent)));
  int first_year, last_year;
  life_ends(ex, room, first_year, last_year);
  std::string a = std::to_string(first_year), b = std::to_string(last_year);
  texts.push_back(text_at(img, f.regular, a, at(life0), top + 70, kEndPx, rgb(col::kInkSoft)));
  texts.push_back(text_at(img, f.regular, b, at(life1) - f.regular.width(b, kEndPx), top + 70, kEndPx, rgb(col::kInkSoft)));

  // The room's years opened out: a funnel from the red mark to the strip below it.
  const double row0 = top + 80, row1 = area.y1 - 8;
  std::vector<double> funnel = {w0, top + 51, w1, top + 51, x1, row0 - 3, x0, row0 - 3};
  raster::Mask m = raster::fill_triangles(funnel, {0, 1, 2, 0, 2, 3}, img.width(), img.height());
  img.draw_mask(m, rgb(col::kAccent), 0.12);
  int lanes = 1;
  std::vector<Segment> segs = stays_between(ex, win0, win1, lang, lanes);
  const double lane_h = std::min(30.0, (row1 - row0) / lanes);
  auto zx = [&](double year) { return x0 + (year - win0) / (win1 - win0) * (x1 - x0); };
  for (const Segment& s : segs) {
    double sx0 = zx(s.from), sx1 = std::max(zx(s.to), sx0 + 4), sy0 = row0 + s.lane * lane_h;
    img.fill_rect(sx0 + 1, sy0, sx1 - 1, sy0 + lane_h - 3, rgb(col::kLand));
    double tw = f.regular.width(s.name, kStayPx);
    if (lane_h >= kStayPx + 4 && tw + 10 <= sx1 - sx0)
      texts.push_back(text_at(img, f.regular, s.name, sx0 + 5, sy0 + (lane_h - 3) / 2 + kStayPx * 0.36, kStayPx, rgb(col::kInk)));
  }
  return texts;
}

}  // namespace curator::picture
