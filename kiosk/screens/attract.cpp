// attract.cpp — what the kiosk shows when nobody is touching it: the bundle's playlist of
// quotations, room teasers, the title and the journey, cross-faded on a dark ground, with
// "touch to explore" alternating between the exhibit's languages.
//
// Burn-in: everything drifts slowly on a path a few millimetres wide that takes minutes to
// repeat, so no pixel stays lit in the same place for hours. Nothing flashes: fades take 1.2 s.
// Frames: only when something on screen changes. Full rate during a fade; the drift moves in whole
// pixels (a fraction of a pixel is drawn the same by the software renderer and blurred by a GPU's
// filtering) and each step is a frame, every few seconds at its fastest; the invitation's language
// and the next item come at their moments; the journey draws at 30 frames a second while the
// traveller glides to a new place and rests in between until the next stay.
#include <cmath>

#include "kiosk/screens/context.h"

namespace screens {

namespace {

constexpr uint64_t kFadeMs = 1200;
constexpr uint64_t kInviteMs = 5000;  // each language's "touch to explore" stays this long

constexpr float kPi = 3.14159f;
constexpr uint64_t kDriftLookMs = 50;  // the drift's next step is found to within this

struct Slot {
  size_t item;
  uint64_t start, end;
};

// Which playlist item is showing at `t` ms since attract mode began.
Slot slot_at(const std::vector<bundle::AttractItem>& list, uint64_t t) {
  uint64_t total = 0;
  for (const auto& a : list) total += (uint64_t)std::max(3, a.seconds) * 1000;
  uint64_t cycle_start = t - t % total;
  uint64_t in = t % total, acc = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    uint64_t d = (uint64_t)std::max(3, list[i].seconds) * 1000;
    if (in < acc + d) return {i, cycle_start + acc, cycle_start + acc + d};
    acc += d;
  }
  return {0, cycle_start, cycle_start + total};
}

// A slow Lissajous drift: periods of 7 and 11 minutes, a few millimetres each way, in whole pixels.
struct Drift {
  float dx, dy;
  bool operator==(const Drift& o) const { return dx == o.dx && dy == o.dy; }
};

Drift drift_at(const ui::Theme& th, uint64_t t) {
  return {std::round(th.mm(4.f) * std::sin(t / 1000.f * 2 * kPi / 420.f)), std::round(th.mm(3.f) * std::sin(t / 1000.f * 2 * kPi / 660.f))};
}

// When (ms since attract began) the drift next moves a pixel after `t`; `limit` if not before it.
uint64_t next_drift_step(const ui::Theme& th, uint64_t t, uint64_t limit) {
  const Drift now = drift_at(th, t);
  for (uint64_t u = t + kDriftLookMs; u < limit; u += kDriftLookMs)
    if (!(drift_at(th, u) == now)) return u;
  return limit;
}

// `ahead`: the item comes next; its blocks are only wished for (made in idle time, so the frame
// its fade begins rasterises nothing).
void draw_item(Context& ctx, const bundle::AttractItem& a, float alpha, float dx, float dy, bool ahead = false) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  ui::TextEngine& te = c.text();
  const std::string& lang = ctx.lang();
  int w = (int)std::min(th.width - 2.f * th.margin(), (float)th.mm(250.f));
  float x = (th.width - w) / 2.f + dx;
  std::vector<ui::Layout> parts;
  ui::Colour ink = p.on_night, soft{200, 190, 176, 255}, accent{232, 140, 110, 255};
  auto centred = [&](ui::Face f, int px, ui::Colour col, float lh = 1.3f) {
    return ui::TextStyle{f, px, col, lh, 0.5f, ui::Align::Centre};
  };
  // Room for the item: the screen less the invitation at the bottom and the drift.
  const float room_h = th.height - th.mm(25.f) - th.margin() - th.mm(8.f);
  if (a.kind == "quote") {
    if (const bundle::Quote* q = ctx.ex.quote(a.ref)) {
      std::string who = (q->author.empty() ? ctx.ex.meta.subject : q->author).in(lang);
      ui::Layout al = te.layout_plain("\xE2\x80\x94 " + who + ", " + q->work.in(lang) + " (" + std::to_string(q->year) + ")",
                                      centred(ui::Face::Sans, th.label_px(), soft), w);
      // A long quotation steps down in size until it fits the screen.
      ui::Layout ql;
      for (int px = th.quote_px();; px = px * 9 / 10) {
        ql = te.layout_plain(quoted(ctx, q->text.in(lang)), centred(ui::Face::SerifItalic, px, ink, 1.35f), w);
        if (ql.height + al.height + th.mm(10.f) <= room_h || px * 9 / 10 < std::max(th.mm_up(4.5f), th.body_px() * 3 / 4)) break;
      }
      parts.push_back(std::move(ql));
      parts.push_back(std::move(al));
    }
  } else if (a.kind == "room") {
    if (const bundle::Room* r = ctx.ex.room(a.ref)) {
      parts.push_back(te.layout_plain(std::to_string(r->year_from) + "\xE2\x80\x93" + std::to_string(r->year_to),
                                      centred(ui::Face::SansBold, th.label_px(), accent), w));
      parts.push_back(te.layout_plain(r->title.in(lang), centred(ui::Face::SerifBold, th.title_px(), ink, 1.15f), w));
      parts.push_back(te.layout_plain(r->teaser.in(lang), centred(ui::Face::Serif, th.heading_px(), soft), w));
    }
  } else if (a.kind == "journey") {
    std::string line;
    std::string last;
    for (const auto& s : ctx.ex.journey) {
      const bundle::Place* pl = ctx.ex.place(s.place);
      if (!pl || s.place == last) continue;
      last = s.place;
      line += (line.empty() ? "" : "  \xC2\xB7  ") + pl->name.in(lang) + " " + s.from.substr(0, 4);
    }
    parts.push_back(te.layout_plain(line, centred(ui::Face::Serif, th.body_px(), soft, 1.6f), w));
  } else {  // title
    parts.push_back(te.layout_plain(ctx.ex.meta.title.in(lang), centred(ui::Face::SerifBold, th.title_px() * 5 / 4, ink, 1.15f), w));
    if (!ctx.ex.meta.subtitle.empty())
      parts.push_back(te.layout_plain(ctx.ex.meta.subtitle.in(lang), centred(ui::Face::Serif, th.heading_px(), soft), w));
  }
  float total = 0;
  for (auto& l : parts) total += l.height + th.mm(5.f);
  float y = (th.height - th.mm(25.f) - total) / 2 + dy;
  for (auto& l : parts) {
    if (ahead) c.prepare(l);
    else c.block(l, x, y, alpha);
    y += l.height + th.mm(5.f);
  }
}

// The map, dark, with the route drawing itself stay by stay and the current stay's words below.
void draw_journey_item(Context& ctx, uint64_t since, uint64_t duration, float dx, float dy) {
  const ui::Theme& th = ctx.theme();
  const auto& journey = ctx.ex.journey;
  if (journey.empty()) return;
  ui::Rect view{dx, dy + th.mm(6.f), (float)th.width, (float)(th.height - th.mm(46.f))};
  ui::Camera cam = journey_camera(ctx, view);
  double first = ctx.map->stay_starts.front(), last = ctx.map->stay_starts.back() + 0.5;
  // The last fifth of the time rests on the whole route.
  double f = std::min(1.0, since / (duration * 0.8));
  double year = first + f * (last - first);
  int cur = ui::stay_at(ctx.map->stay_starts, year);
  if (cur != ctx.mem.attract_stay) ctx.mem.attract_stay = cur, ctx.mem.attract_stay_ms = ctx.now;
  float glide = std::min(1.f, (ctx.now - ctx.mem.attract_stay_ms) / 900.f);
  ImVec2 at = draw_journey(ctx, view, cam, year, glide, true);
  ctx.c.circle(at.x, at.y, th.mm(3.f), ui::Colour{232, 140, 110, 90});
  ctx.c.circle(at.x, at.y, th.mm(1.6f), ui::Colour{232, 140, 110});
  const bundle::Stay& s = journey[cur];
  const bundle::Place* pl = ctx.ex.place(s.place);
  std::string line = s.from.substr(0, 4) + "  \xC2\xB7  " + (pl ? pl->name.in(ctx.lang()) : s.place);
  int w = (int)std::min(th.width - 2.f * th.margin(), (float)th.mm(250.f));
  ui::Layout l = ctx.c.text().layout_plain(line, {ui::Face::SerifBold, th.heading_px(), th.colours.on_night, 1.2f, 0.5f, ui::Align::Centre}, w);
  ctx.c.block(l, (th.width - w) / 2.f + dx, view.bottom() + th.mm(2.f) + std::round(dy * 0.5f));
  // Smooth but modest: 30 frames a second while the traveller glides to a new place; at rest
  // (or on a stay in the same place) nothing moves until the next stay begins.
  const bool gliding = glide < 1 && cur > 0 && journey[cur].place != journey[cur - 1].place;
  if (gliding) ctx.redraw_at = std::min(ctx.redraw_at, ctx.now + 33);
  if (f < 1 && cur + 1 < (int)ctx.map->stay_starts.size()) {
    double f_next = (ctx.map->stay_starts[cur + 1] - first) / (last - first);
    double at = f_next * duration * 0.8;  // ms into the item when that stay begins
    uint64_t in = at > since ? (uint64_t)std::ceil(at - since) + 1 : 1;
    ctx.redraw_at = std::min(ctx.redraw_at, ctx.now + in);
  }
}

}  // namespace

void draw_attract(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  c.ground(th.colours.night);
  uint64_t t = ctx.now - ctx.mem.attract_started;
  const Drift drift = drift_at(th, t);
  const float dx = drift.dx, dy = drift.dy;
  const auto& list = ctx.ex.attract;
  static const std::vector<bundle::AttractItem> title_only{{"title", "", 30}};
  const auto& playlist = list.empty() ? title_only : list;
  Slot s = slot_at(playlist, t);
  uint64_t abs_start = ctx.mem.attract_started + s.start;
  uint64_t since = ctx.now - abs_start;
  float alpha = 1.f;
  if (since < kFadeMs && t >= kFadeMs) {
    // Cross-fade: the previous item fades out while this one fades in.
    float f = since / (float)kFadeMs;
    size_t prev = (s.item + playlist.size() - 1) % playlist.size();
    draw_item(ctx, playlist[prev], 1.f - f, dx, dy);
    alpha = f;
    ctx.needs_frame = true;
  }
  if (playlist[s.item].kind == "journey" && ctx.map && !ctx.map->empty()) {
    // The journey on the map, from Yanovka to Coyoacán over the item's time, under the fade.
    draw_journey_item(ctx, since, s.end - s.start, dx, dy);
    if (alpha < 1) {
      size_t prev = (s.item + playlist.size() - 1) % playlist.size();
      draw_item(ctx, playlist[prev], 1.f - alpha, dx, dy);
    }
  } else {
    draw_item(ctx, playlist[s.item], alpha, dx, dy);
  }

  // "Touch to explore", in each language in turn.
  const auto& langs = ctx.ex.meta.languages;
  if (!langs.empty()) {
    size_t li = (t / kInviteMs) % langs.size();
    std::string invite = ctx.ex.label("attract.touch", langs[li]);
    ui::TextStyle st{ui::Face::SansBold, th.heading_px(), {232, 140, 110, 255}, 1.2f, 0.5f, ui::Align::Centre};
    int w = th.width - 2 * th.margin();
    ui::Layout l = c.text().layout_plain(invite, st, w);
    c.block(l, th.margin() + dx, th.height - th.margin() - l.height + std::round(dy * 0.5f));
  }
  if (ctx.needs_frame) return;
  // At rest: the next item and the invitation's next language are made ready in idle time (the
  // journey's words too: they are what fades out as the next item fades in).
  const auto& next_item = playlist[(s.item + 1) % playlist.size()];
  if (next_item.kind != "journey") draw_item(ctx, next_item, 1.f, dx, dy, true);
  if (playlist[s.item].kind == "journey") draw_item(ctx, playlist[s.item], 1.f, dx, dy, true);
  if (langs.size() > 1) {
    ui::TextStyle st{ui::Face::SansBold, th.heading_px(), {232, 140, 110, 255}, 1.2f, 0.5f, ui::Align::Centre};
    c.prepare(c.text().layout_plain(ctx.ex.label("attract.touch", langs[(t / kInviteMs + 1) % langs.size()]), st, th.width - 2 * th.margin()));
  }
  // At rest: the next frame comes with the next change: a drift step, the invitation's next
  // language, the next item's fade.
  uint64_t next = s.end;  // the item's end (ms since attract began, like t)
  if (langs.size() > 1) next = std::min(next, t - t % kInviteMs + kInviteMs);
  next = next_drift_step(th, t, next);
  ctx.redraw_at = std::min(ctx.redraw_at, ctx.now + (next - t));
}

}  // namespace screens
