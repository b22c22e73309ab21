// text.cpp — see text.h.
#include "kiosk/ui/text.h"

#include <SDL.h>
#include <SDL_ttf.h>

#include <algorithm>
#include <cstdio>

namespace ui {

TextEngine::TextEngine(SDL_Renderer* r, size_t budget) : renderer_(r), budget_(budget) {
  if (!TTF_WasInit()) TTF_Init();
}

TextEngine::~TextEngine() { close_fonts(); }

// An open TTF_Font reads its bytes lazily for as long as it lives, and a face without bytes of
// its own is opened from another face's: closing only the changed face's fonts would leave
// those fallbacks reading freed memory. So any change closes them all, before the bytes go.
void TextEngine::close_fonts() {
  clear();
  for (auto& [k, f] : open_)
    if (f) TTF_CloseFont(f);
  open_.clear();
  plain_memo_.clear();  // measured with the old fonts
  rich_memo_.clear();
  stats_.layout_bytes = 0;
}

void TextEngine::set_font(Face f, std::vector<uint8_t> bytes) {
  if (bytes.empty()) return;
  close_fonts();
  fonts_[f] = std::move(bytes);
}

void TextEngine::set_fonts(std::map<Face, std::vector<uint8_t>> fonts) {
  close_fonts();
  for (auto it = fonts.begin(); it != fonts.end();) it = it->second.empty() ? fonts.erase(it) : std::next(it);
  fonts_ = std::move(fonts);
}

TTF_Font* TextEngine::font(Face f, int px) {
  auto key = std::make_pair(f, px);
  auto it = open_.find(key);
  if (it != open_.end()) return it->second;
  auto fit = fonts_.find(f);
  if (fit == fonts_.end()) {
    // Fall back within the family first (italic -> regular), then to anything loaded.
    Face base = (f == Face::SerifItalic || f == Face::SerifBold) ? Face::Serif : f == Face::SansBold ? Face::Sans : f;
    fit = fonts_.find(base);
    if (fit == fonts_.end()) fit = fonts_.begin();
    if (fit == fonts_.end()) return nullptr;
  }
  SDL_RWops* rw = SDL_RWFromConstMem(fit->second.data(), (int)fit->second.size());
  TTF_Font* font = TTF_OpenFontRW(rw, 1, px);
  if (font) {
    TTF_SetFontKerning(font, 1);
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
  }
  open_[key] = font;
  return font;
}

int TextEngine::measure(Face f, int px, const std::string& s) {
  TTF_Font* fo = font(f, px);
  int w = 0, h = 0;
  if (fo && !s.empty()) TTF_SizeUTF8(fo, s.c_str(), &w, &h);
  return w;
}

// The first and last code points of a UTF-8 string (0 when empty).
static void ends_of(const std::string& s, Uint32& first, Uint32& last) {
  first = last = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = (unsigned char)s[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    Uint32 cp = n == 1 ? c : c & (0x7F >> n);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = cp << 6 | ((unsigned char)s[i + k] & 0x3F);
    if (!first) first = cp;
    last = cp;
    i += n;
  }
}

// How far a piece's ink reaches beyond its pen on the left (a j's tail, an italic f's foot)
// and on the right (an italic f's hook). SDL_ttf's TTF_SizeUTF8 counts both as width, and its
// surfaces start at the leftmost ink: the pen starts `left` pixels in and ends `right` pixels
// before the surface does.
TextEngine::Overhang TextEngine::overhang(Face f, int px, const std::string& s) {
  Overhang o;
  TTF_Font* fo = font(f, px);
  Uint32 first, last;
  ends_of(s, first, last);
  int minx, maxx, miny, maxy, advance;
  if (fo && first && TTF_GlyphMetrics32(fo, first, &minx, &maxx, &miny, &maxy, &advance) == 0) o.left = std::max(0, -minx);
  if (fo && last && TTF_GlyphMetrics32(fo, last, &minx, &maxx, &miny, &maxy, &advance) == 0) o.right = std::max(0, maxx - advance);
  return o;
}

static Face face_of(Face base, const bundle::Run& r) {
  bool sans = base == Face::Sans || base == Face::SansBold;
  if (sans) return r.bold || base == Face::SansBold ? Face::SansBold : Face::Sans;
  if (r.bold || base == Face::SerifBold) return Face::SerifBold;
  if (r.italic || base == Face::SerifItalic) return Face::SerifItalic;
  return Face::Serif;
}

// The cache key of a layout: its style, width and every run's face and words.
static std::string layout_key(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& st, int width) {
  char head[96];
  snprintf(head, sizeof head, "%d|%d|%d|%.2f|%.2f|%d|%02x%02x%02x%02x|", (int)st.face, st.px, width, st.line_height,
           st.paragraph_gap, (int)st.align, st.colour.r, st.colour.g, st.colour.b, st.colour.a);
  std::string key = head;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    if (pi) key += "\x1e";
    for (const auto& run : paragraphs[pi]) key += std::to_string((int)face_of(st.face, run)) + run.text + "\x1f";
  }
  return key;
}

// What a remembered layout costs, about.
static size_t bytes_of_memo(const std::string& memo_key, const Layout& l) {
  size_t n = memo_key.size() + l.key.size() + sizeof(Layout);
  for (const auto& line : l.lines)
    for (const auto& p : line.pieces) n += sizeof(Piece) + p.text.size();
  return n;
}

void TextEngine::remember(std::unordered_map<std::string, Layout>& memo, const std::string& memo_key, const Layout& l) {
  if (stats_.layout_bytes > kLayoutMemoBytes) {  // bounded: months of attract mode stay flat
    plain_memo_.clear();
    rich_memo_.clear();
    stats_.layout_bytes = 0;
  }
  memo[memo_key] = l;
  stats_.layout_bytes += bytes_of_memo(memo_key, l);
}

void TextEngine::counted_layout() {
  ++stats_.laid_out;
  if (in_frame_) ++stats_.laid_out_in_frame;
}

// Screens lay out the same texts every frame, and rehearsals (idle time) lay out what a language
// or text-size switch will need: each (paragraphs, style, width) is set once, then remembered.
Layout TextEngine::layout(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& st, int width) {
  std::string key = layout_key(paragraphs, st, width);
  auto hit = rich_memo_.find(key);
  if (hit != rich_memo_.end()) return hit->second;
  Layout out = set_lines(paragraphs, st, width);
  out.key = std::move(key);
  remember(rich_memo_, out.key, out);
  return out;
}

Layout TextEngine::set_lines(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& st, int width) {
  counted_layout();
  Layout out;
  out.width = width;
  out.style = st;
  const int line_h = (int)std::lround(st.px * st.line_height);
  const int para_gap = (int)std::lround(line_h * st.paragraph_gap);
  int y = 0;
  for (size_t pi = 0; pi < paragraphs.size(); ++pi) {
    if (pi) y += para_gap;
    // Words are runs of non-space characters; a word may change face midway ("*Mi vida*,").
    struct Word {
      std::vector<Piece> parts;
    };
    std::vector<Word> words;
    bool pending_space = false;
    for (const auto& run : paragraphs[pi]) {
      Face f = face_of(st.face, run);
      size_t i = 0;
      while (i < run.text.size()) {
        if (run.text[i] == ' ' || run.text[i] == '\n' || run.text[i] == '\t') {
          pending_space = true;
          ++i;
          continue;
        }
        size_t j = run.text.find_first_of(" \n\t", i);
        if (j == std::string::npos) j = run.text.size();
        if (words.empty() || pending_space) words.push_back({});
        pending_space = false;
        words.back().parts.push_back({f, run.text.substr(i, j - i), 0, 0});
        i = j;
      }
    }
    // Greedy line filling, measured on whole runs of text: shaping and kerning make a line wider
    // than the sum of its words, so words are never measured alone.
    Line line;
    int x = 0;  // width of the line so far
    auto finish = [&]() {
      line.y = y;
      line.width = x;
      if (st.align == Align::Centre)
        for (auto& p : line.pieces) p.x += (width - x) / 2;
      out.lines.push_back(std::move(line));
      line = Line{};
      x = 0;
      y += line_h;
    };
    // Appends `w` to `l` (with a leading space unless the line is empty); returns the new width.
    auto append = [&](Line& l, const Word& w) {
      bool first = true;
      for (const auto& p : w.parts) {
        std::string text = (first && !l.pieces.empty() ? " " : "") + p.text;
        first = false;
        if (!l.pieces.empty() && l.pieces.back().face == p.face) {
          l.pieces.back().text += text;
        } else {
          // Where the face changes, the new piece's pen starts where the last one's stopped (as
          // if the line were set in one go): its surface begins its own left overhang earlier,
          // and the last piece's right overhang reaches into it (the blit blends; see texture()).
          int pen = 0;
          if (!l.pieces.empty()) {
            const Piece& b = l.pieces.back();
            pen = b.x + b.w - overhang(b.face, st.px, b.text).right;
          }
          l.pieces.push_back({p.face, text, pen - (l.pieces.empty() ? 0 : overhang(p.face, st.px, text).left), 0});
        }
        l.pieces.back().w = measure(l.pieces.back().face, st.px, l.pieces.back().text);
      }
      return l.pieces.empty() ? 0 : l.pieces.back().x + l.pieces.back().w;
    };
    for (const auto& w : words) {
      Line trial = line;
      int wide = append(trial, w);
      if (!line.pieces.empty() && wide > width) {
        finish();
        wide = append(line, w);
      } else {
        line = std::move(trial);
      }
      x = wide;
    }
    if (!line.pieces.empty()) finish();
  }
  out.height = out.lines.empty() ? 0 : y - line_h + (int)std::lround(st.px * std::max(1.25f, st.line_height));
  return out;
}

Layout TextEngine::layout_plain(const std::string& text, const TextStyle& style, int width) {
  // Screens ask for the same labels every frame: measure each (text, style, width) once.
  char head[96];
  snprintf(head, sizeof head, "%d|%d|%d|%.2f|%d|%02x%02x%02x%02x|", (int)style.face, style.px, width, style.line_height,
           (int)style.align, style.colour.r, style.colour.g, style.colour.b, style.colour.a);
  std::string memo_key = head + text;
  auto hit = plain_memo_.find(memo_key);
  if (hit != plain_memo_.end()) return hit->second;
  std::vector<bundle::Paragraph> paras;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find("\n\n", start);
    if (end == std::string::npos) end = text.size();
    std::string p = text.substr(start, end - start);
    if (!p.empty()) paras.push_back({bundle::Run{p, false, false}});
    start = end + 2;
  }
  Layout l = set_lines(paras, style, width);
  l.key = layout_key(paras, style, width);
  remember(plain_memo_, memo_key, l);
  return l;
}

std::vector<Layout> TextEngine::paginate(const Layout& l, int max_height) {
  std::vector<Layout> pages;
  const int line_h = (int)std::lround(l.style.px * l.style.line_height);
  size_t i = 0;
  while (i < l.lines.size()) {
    Layout p;
    p.width = l.width;
    p.style = l.style;
    int top = l.lines[i].y;
    size_t j = i;
    while (j < l.lines.size() && (j == i || l.lines[j].y - top + line_h <= max_height)) {
      Line line = l.lines[j];
      line.y -= top;
      p.lines.push_back(std::move(line));
      ++j;
    }
    p.height = p.lines.back().y + line_h;
    p.key = l.key + "#" + std::to_string(i) + "-" + std::to_string(j);
    pages.push_back(std::move(p));
    i = j;
  }
  if (pages.empty()) pages.push_back(l);
  return pages;
}

// Puts a rendered piece into the band of the block that starts at row `band_y`. Every piece has
// the block's one colour, so only coverage composes: alpha = a + b·(1 − a). A plain copy
// (SDL_BLENDMODE_NONE) would let the transparent pixels of a piece's box wipe the previous
// piece's overhang (an italic f's hook) where the face changes inside a line; SDL's blended blit
// would nudge the colour by rounding. Pieces that do not touch come out exactly as rendered.
static void add_coverage(SDL_Surface* band, int band_y, SDL_Surface* src, int x0, int y0) {
  y0 -= band_y;
  for (int y = std::max(0, -y0); y < src->h && y0 + y < band->h; ++y) {
    const Uint32* from = (const Uint32*)((const Uint8*)src->pixels + (size_t)y * src->pitch);
    Uint32* to = (Uint32*)((Uint8*)band->pixels + (size_t)(y0 + y) * band->pitch);
    for (int x = std::max(0, -x0); x < src->w && x0 + x < band->w; ++x) {
      Uint32 a = from[x] >> 24, b = to[x0 + x] >> 24;
      Uint32 out = a + (b * (255 - a) + 127) / 255;
      to[x0 + x] = (to[x0 + x] & 0x00FFFFFFu) | out << 24;
    }
  }
}

size_t TextEngine::budget_for(int width, int height) {
  double screen = (double)std::max(1, width) * std::max(1, height) * 4;
  return std::max(kMinBudget, (size_t)(screen * kScreensCached));
}

// The block goes straight into its texture a band of kBandRows rows at a time, so making it never
// holds a second copy of it (before: a whole-block surface, then the texture made from it). Each
// piece is rendered once, when the first band reaches its top, and composed into every band it
// reaches, pieces in layout order: each pixel sees the same pieces in the same order as when the
// block was composed whole, so the result is identical to the last bit.
SDL_Texture* TextEngine::rasterise(const Layout& l, int w, int h) {
  constexpr int kBandRows = 64;
  SDL_Texture* tex = SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_STATIC, w, h);
  if (!tex) return nullptr;
  SDL_Surface* band = SDL_CreateRGBSurfaceWithFormat(0, w, std::min(h, kBandRows), 32, SDL_PIXELFORMAT_ARGB8888);
  if (!band) {
    SDL_DestroyTexture(tex);
    return nullptr;
  }
  const Colour& c = l.style.colour;
  const Uint32 clear = SDL_MapRGBA(band->format, c.r, c.g, c.b, 0);
  const int line_h = (int)std::lround(l.style.px * l.style.line_height);
  struct Ink {
    const Piece* piece;
    TTF_Font* font;
    int top;                        // the piece's first row in the block
    SDL_Surface* s = nullptr;       // rendered when the first band reaches `top`
    bool done = false;              // every band it reaches has had it
  };
  std::vector<Ink> inks;
  for (const auto& line : l.lines)
    for (const auto& p : line.pieces) {
      TTF_Font* f = font(p.face, l.style.px);
      // Centre the font's line box in our (taller) line so the leading is shared above and below.
      if (f && !p.text.empty()) inks.push_back({&p, f, line.y + (line_h - TTF_FontHeight(f)) / 2});
    }
  for (int y0 = 0; y0 < h; y0 += band->h) {
    const int rows = std::min(band->h, h - y0);
    SDL_FillRect(band, nullptr, clear);
    for (Ink& ink : inks) {
      if (ink.done || ink.top >= y0 + rows) continue;
      if (!ink.s) {
        SDL_Surface* s = TTF_RenderUTF8_Blended(ink.font, ink.piece->text.c_str(), SDL_Color{c.r, c.g, c.b, c.a});
        if (s && s->format->format != SDL_PIXELFORMAT_ARGB8888) {
          SDL_Surface* argb = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
          SDL_FreeSurface(s);
          s = argb;
        }
        if (!s) {
          ink.done = true;
          continue;
        }
        ink.s = s;
      }
      add_coverage(band, y0, ink.s, ink.piece->x, ink.top);
      if (ink.top + ink.s->h <= y0 + rows) {
        SDL_FreeSurface(ink.s);
        ink.s = nullptr;
        ink.done = true;
      }
    }
    SDL_Rect r{0, y0, w, rows};
    SDL_UpdateTexture(tex, &r, band->pixels, band->pitch);
  }
  for (Ink& ink : inks)
    if (ink.s) SDL_FreeSurface(ink.s);
  SDL_FreeSurface(band);
  SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
  return tex;
}

// The texture's size: the layout's box, within the 4096 px a GPU may take. (Cropping it to the
// ink's right edge was tried: a block drawn at a fractional x then samples its texels a pixel
// apart in places, so the screens' pixels would change; it saved little, since the cache fills
// to its budget either way.)
static void texture_size(const Layout& l, int& w, int& h, int& box_w) {
  box_w = std::max(1, std::min(l.width, 4096));
  w = box_w;
  h = std::max(1, std::min(l.height, 4096));
}

static size_t bytes_of(const Layout& l) {
  int w, h, box_w;
  texture_size(l, w, h, box_w);
  return (size_t)w * h * 4;
}

bool TextEngine::make_room(size_t incoming, bool or_nothing) {
  // A wish that would not fit even then is given up without evicting anything for it.
  if (or_nothing) {
    size_t evictable = 0;
    for (const auto& [k, e] : cache_)
      if (!framed_ || e.frame < frame_) evictable += e.bytes;
    if (stats_.bytes - evictable + incoming > budget_) return false;
  }
  auto it = lru_.end();
  while (stats_.bytes + incoming > budget_ && it != lru_.begin()) {
    --it;
    auto victim = cache_.find(*it);
    if (framed_ && victim->second.frame >= frame_) continue;  // on screen now, or wished for by this frame
    SDL_DestroyTexture(victim->second.t.tex);
    stats_.bytes -= victim->second.bytes;
    cache_.erase(victim);
    it = lru_.erase(it);
    ++stats_.evictions;
  }
  stats_.entries = cache_.size();
  return stats_.bytes + incoming <= budget_;
}

Texture TextEngine::insert(const Layout& l) {
  int w, h, box_w;
  texture_size(l, w, h, box_w);
  Texture t{rasterise(l, w, h), w, h, box_w};
  if (!t.tex) return {};
  ++stats_.rasterised;
  size_t bytes = (size_t)w * h * 4;
  lru_.push_front(l.key);
  cache_[l.key] = {t, bytes, frame_, lru_.begin()};
  stats_.bytes += bytes;
  stats_.peak_bytes = std::max(stats_.peak_bytes, stats_.bytes);
  stats_.entries = cache_.size();
  return t;
}

Texture TextEngine::texture(const Layout& l) {
  auto it = cache_.find(l.key);
  if (it != cache_.end()) {
    ++stats_.hits;
    it->second.frame = frame_;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second.t;
  }
  ++stats_.misses;
  if (interactive_) ++stats_.rasterised_interactive;
  if (in_frame_) ++stats_.rasterised_in_frame;
  // Make room first, so the budget is kept while the block is made too. A frame that shows more
  // than the budget goes over it until the next frame: what is on screen is never evicted.
  make_room(bytes_of(l));
  return insert(l);
}

void TextEngine::begin_frame(bool interactive) {
  size_t kept = 0;  // what the frame ending now drew and prepared
  for (const auto& [k, e] : cache_)
    if (e.frame == frame_) kept += e.bytes;
  stats_.frame_peak_bytes = std::max(stats_.frame_peak_bytes, kept);
  ++frame_;
  framed_ = true;
  interactive_ = interactive;
  in_frame_ = true;
  wishes_.clear();
  next_wish_ = 0;
  make_room(0);  // a frame that went over the budget: back within it
}

void TextEngine::end_frame() { in_frame_ = false; }

void TextEngine::prepare(const Layout& l) {
  if (l.lines.empty()) return;
  auto it = cache_.find(l.key);
  if (it != cache_.end()) {  // made already: kept like what the frame draws, so no later wish evicts it
    if (framed_) it->second.frame = frame_;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  for (const auto& w : wishes_)
    if (w.key == l.key) return;
  wishes_.push_back(l);
}

bool TextEngine::preparing() const {
  for (size_t i = next_wish_; i < wishes_.size(); ++i)
    if (!cached(wishes_[i])) return true;
  return false;
}

bool TextEngine::prepare_next() {
  while (next_wish_ < wishes_.size()) {
    const Layout& l = wishes_[next_wish_++];
    if (cached(l)) continue;
    if (!make_room(bytes_of(l), true)) continue;
    if (insert(l).tex) ++stats_.prepared;
    break;
  }
  return preparing();
}

TextEngine::Stats TextEngine::stats() const {
  Stats s = stats_;
  s.budget = budget_;
  return s;
}

void TextEngine::clear() {
  for (auto& [k, e] : cache_) SDL_DestroyTexture(e.t.tex);
  cache_.clear();
  lru_.clear();
  stats_.bytes = 0;
  stats_.entries = 0;
}

}  // namespace ui
