// room.cpp — one room of the biography: its years, title and picture (beside the text on wide
// screens, above it on portrait ones, left out on small landscape panels), and its text set in pages
// that fit the screen. Pages follow the finger, snap, and fling; dots and "Page n of m" say where
// the visitor is; previous/next room buttons walk the timeline.
#include "kiosk/screens/context.h"

namespace screens {

bool short_screen(const ui::Theme& th);  // chrome.cpp

namespace {

// The room's text in the visitor's language, laid out for `width` and cut into screen pages no
// taller than `height`. Curators' page breaks are kept; a long page becomes several. With `pack`
// (a portrait panel, whose page is twice as tall as the landscape page curators write for),
// consecutive curator pages share a screen page while they fit, so the page uses the height.
std::vector<ui::Layout> lay_out_pages(Context& ctx, const bundle::Room& room, int width, int height, bool pack) {
  const ui::Theme& th = ctx.theme();
  ui::TextStyle body{ui::Face::Serif, th.body_px(), th.colours.ink, 1.5f};
  std::vector<ui::Layout> out;
  auto it = room.pages.find(ctx.lang());
  if (it == room.pages.end()) it = room.pages.begin();
  if (it == room.pages.end()) return out;
  ui::TextEngine& te = ctx.c.text();
  std::vector<bundle::Paragraph> held;  // curator pages waiting to share a screen page
  auto flush = [&]() {
    if (held.empty()) return;
    for (auto& piece : te.paginate(te.layout(held, body, width), height)) out.push_back(std::move(piece));
    held.clear();
  };
  for (const auto& md : it->second) {
    std::vector<bundle::Paragraph> page = bundle::parse_page(md);
    if (pack && !held.empty()) {
      std::vector<bundle::Paragraph> both = held;
      both.insert(both.end(), page.begin(), page.end());
      if (te.layout(both, body, width).height <= height) {
        held = std::move(both);
        continue;
      }
    }
    flush();
    held = std::move(page);
  }
  flush();
  return out;
}

// The room's picture with its caption and credit, scaled to fit `box`, never above its own size
// and never below `min_scale` of it (smaller, its names could not be read). When the caption
// leaves too little room the credit goes alone, then the picture alone; when even that is too
// small, nothing is drawn. Returns the y below what was drawn (box.y for nothing).
float draw_picture(Context& ctx, const bundle::Room& room, SDL_Texture* tex, int iw, int ih, ui::Rect box, float min_scale) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  if (iw <= 0 || ih <= 0) return box.y;
  ui::TextStyle cap{ui::Face::Sans, th.small_px(), th.colours.ink_soft, 1.3f};
  std::string caption = room.image.caption.in(ctx.lang());
  std::string credit = ctx.t("image.credit") + " " + room.image.credit.in(ctx.lang());
  for (const std::string& words : {caption + "\n\n" + credit, credit, std::string()}) {
    ui::Layout cl = c.text().layout_plain(words, cap, (int)box.w);
    float max_h = box.h - (words.empty() ? 0.f : cl.height + th.mm(2.f));
    float scale = std::min({box.w / iw, max_h / ih, 1.f});
    if (scale < min_scale) continue;
    float w = iw * scale, h = ih * scale, y = box.y;
    c.draw_list()->AddImage((ImTextureID)tex, {box.x, y}, {box.x + w, y + h});
    c.record_text(room.image.alt.in(ctx.lang()));
    y += h + th.mm(2.f);
    if (words.empty()) return y + th.mm(1.f);
    c.block(cl, box.x, y);
    return y + cl.height + th.mm(3.f);
  }
  return box.y;
}

}  // namespace

void draw_room(Context& ctx) {
  ui::Canvas& c = ctx.c;
  const ui::Theme& th = ctx.theme();
  const auto& p = th.colours;
  const auto& rooms = ctx.ex.rooms;
  if (rooms.empty()) return ctx.flow.back();
  int index = std::clamp(ctx.flow.here().index, 0, (int)rooms.size() - 1);
  const bundle::Room& room = rooms[index];
  ui::Rect area = draw_top_bar(ctx, ctx.t("rooms.title"), true);
  ui::TextEngine& te = c.text();

  const float target = (float)th.target();
  const float bottom_h = target + th.mm(short_screen(th) ? 2.f : 3.f);
  ui::Rect content{area.x, area.y, area.w, area.h - bottom_h};
  bool wide = !th.portrait() && th.width >= 1100;
  ui::Rect side = content, body = content;
  if (wide) {
    side.w = content.w * 0.34f;
    body.x = side.right() + th.mm(8.f);
    body.w = content.right() - body.x;
  }

  // Title block.
  std::string yrs = room.year_from == room.year_to ? std::to_string(room.year_from)
                                                    : std::to_string(room.year_from) + "\xE2\x80\x93" + std::to_string(room.year_to);
  ui::Layout yl = te.layout_plain(yrs, {ui::Face::SansBold, th.label_px(), p.accent, 1.2f}, (int)side.w);
  ui::Layout tl = te.layout_plain(room.title.in(ctx.lang()), {ui::Face::SerifBold, wide ? th.title_px() * 4 / 5 : th.heading_px(), p.ink, 1.15f},
                                  (int)side.w);
  float y = side.y;
  float years_w = yl.lines.empty() ? 0.f : (float)yl.lines[0].width;
  if (!wide && short_screen(th) && yl.lines.size() == 1) {
    // A short screen: the years sit on the title's line, so the page keeps a line more.
    float tx = side.x + years_w + th.mm(4.f);
    ui::Layout one = te.layout_plain(room.title.in(ctx.lang()), tl.style, (int)(side.right() - tx));
    float title_line = tl.style.px * tl.style.line_height, years_line = yl.style.px * yl.style.line_height;
    c.block(yl, side.x, y + (title_line - years_line) * 0.6f);
    c.block(one, tx, y);
    y += one.height + th.mm(2.f);
  } else {
    c.block(yl, side.x, y);
    y += yl.height;
    c.block(tl, side.x, y);
    y += tl.height + th.mm(3.f);
  }
  if (wide) {
    // Picture with its caption and credit, when the room has one and it decodes.
    int iw = 0, ih = 0;
    SDL_Texture* tex = room.image.media.empty() ? nullptr : ctx.pictures.get(room.image.media, &iw, &ih);
    float below = tex ? draw_picture(ctx, room, tex, iw, ih, {side.x, y, side.w, side.bottom() - y}, 0.55f) : y;
    if (below == y) {
      // No picture (or none that fits): the side column carries the room's teaser and the places it visits.
      // Each part only when it fits the column whole: nothing runs into the bottom bar.
      ui::Layout tz = te.layout_plain(room.teaser.in(ctx.lang()), {ui::Face::SerifItalic, th.body_px(), p.ink_soft, 1.4f}, (int)side.w);
      if (y + tz.height <= side.bottom()) {
        c.block(tz, side.x, y);
        y += tz.height + th.mm(5.f);
      }
      std::string names;
      for (const auto& id : room.places)
        if (const bundle::Place* pl = ctx.ex.place(id)) names += (names.empty() ? "" : "  \xC2\xB7  ") + pl->name.in(ctx.lang());
      ui::Layout nl = te.layout_plain(names, {ui::Face::Sans, th.small_px() + 2, p.ink_soft, 1.5f}, (int)side.w);
      if (!names.empty() && y + th.mm(3.f) + nl.height <= side.bottom()) {
        c.line(side.x, y, side.x + th.mm(12.f), y, p.accent, 2.f);
        y += th.mm(3.f);
        c.block(nl, side.x, y);
      }
    }
  } else {
    if (th.portrait()) {
      // A tall screen has room for the picture above the text: at most two fifths of the page.
      int iw = 0, ih = 0;
      SDL_Texture* tex = room.image.media.empty() ? nullptr : ctx.pictures.get(room.image.media, &iw, &ih);
      if (tex) y = draw_picture(ctx, room, tex, iw, ih, {side.x, y, side.w, (content.bottom() - y) * 0.42f}, 0.55f);
    }
    body.y = y;
    body.h = content.bottom() - y;
  }

  // Body pages: laid out once per room, language, size and text scale.
  std::string key = room.id + "|" + ctx.lang() + "|" + std::to_string((int)body.w) + "x" + std::to_string((int)body.h) + "|" +
                    std::to_string(th.text_scale);
  Memory& mem = ctx.mem;
  if (mem.room_key != key) {
    int keep_page = mem.room_key.rfind(room.id + "|", 0) == 0 ? mem.room_pages.page() : 0;
    mem.room_layouts = lay_out_pages(ctx, room, (int)body.w, (int)body.h, th.portrait());
    mem.room_key = key;
    float stride = body.w + th.mm(8.f);
    mem.room_pages.configure(stride * mem.room_layouts.size(), stride, stride);
    // After "larger text" the same words need more pages: stay near the same place in the text.
    mem.room_pages.jump_to_page(std::min(keep_page, (int)mem.room_layouts.size() - 1));
  }
  ui::Scroller& pager = mem.room_pages;
  float stride = body.w + th.mm(8.f);
  pager.configure(stride * mem.room_layouts.size(), stride, stride);
  if (pager.update(ctx.now)) ctx.needs_frame = true;
  ctx.drag_target = &pager;
  ctx.drag_axis = Axis::Horizontal;

  c.push_clip(body);
  for (size_t i = 0; i < mem.room_layouts.size(); ++i) {
    float x = body.x + i * stride - pager.offset();
    if (x + body.w < body.x || x > body.right()) continue;
    c.block(mem.room_layouts[i], x, body.y);
  }
  c.pop_clip();
  // The neighbouring pages are made in idle time, before a finger moves: no text is set mid-swipe.
  // The next page first: visitors read forwards.
  for (int n : {pager.page() + 1, pager.page() - 1})
    if (n >= 0 && n < (int)mem.room_layouts.size()) c.prepare(mem.room_layouts[n]);

  // Bottom bar: previous room, page position, next room.
  float by = area.bottom() - bottom_h + th.mm(1.5f);
  c.line(area.x, by - th.mm(1.5f), area.right(), by - th.mm(1.5f), p.rule, 1.f);
  auto go_room = [&](int to) {
    ctx.flow.replace({flow::Screen::Room, to});
    mem.room_pages.jump_to_page(0);
    mem.room_key.clear();
  };
  std::string prev = "\xE2\x80\xB9 " + ctx.t("room.prev"), next = ctx.t("room.next") + " \xE2\x80\xBA";
  float pw = std::max(target, c.label_width(prev) + th.mm(9.f)), nw = std::max(target, c.label_width(next) + th.mm(9.f));
  if (index > 0 && c.button("room.prev", {area.x, by, pw, target}, prev, ui::ButtonKind::Outline)) go_room(index - 1);
  if (index + 1 < (int)rooms.size() &&
      c.button("room.next", {area.right() - nw, by, nw, target}, next, ui::ButtonKind::Primary))
    go_room(index + 1);
  int n = pager.page() + 1, m = (int)mem.room_layouts.size();
  std::string pos = fill(ctx, ctx.t("room.page"), n, m);
  float dots_w = m * th.mm(4.f);
  float mid = area.x + area.w / 2;
  float space = area.w - pw - nw - th.mm(8.f);
  if (c.label_width(pos, true) + dots_w + th.mm(4.f) < space) {
    float x0 = mid - (dots_w + th.mm(3.f) + c.label_width(pos, true)) / 2;
    for (int i = 0; i < m; ++i)
      c.circle(x0 + i * th.mm(4.f) + th.mm(1.5f), by + target / 2, th.mm(i + 1 == n ? 1.3f : 0.8f),
               i + 1 == n ? p.accent : p.ink_soft);
    c.label(pos, x0 + dots_w + th.mm(3.f), by + (target - c.label_height(true)) / 2, p.ink_soft, true);
  } else if (c.label_width(pos, true) < space) {
    c.label(pos, mid - c.label_width(pos, true) / 2, by + (target - c.label_height(true)) / 2, p.ink_soft, true);
  }
}

}  // namespace screens
