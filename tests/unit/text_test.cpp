// text_test.cpp — line breaking, pagination and the texture cache (hits, eviction, budget),
// on SDL's software renderer drawing into a plain surface: no window needed.
#include <SDL.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include "content/bundle/richtext.h"
#include "kiosk/ui/text.h"
#include "test_util.h"

namespace {

struct Fixture {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  std::unique_ptr<ui::TextEngine> te;
  explicit Fixture(size_t budget = 48u << 20) {
    te = std::make_unique<ui::TextEngine>(renderer, budget);
    for (auto [face, file] : {std::pair{ui::Face::Serif, "NotoSerif-Regular.ttf"}, std::pair{ui::Face::SerifItalic, "NotoSerif-Italic.ttf"},
                              std::pair{ui::Face::SerifBold, "NotoSerif-Bold.ttf"}}) {
      std::string b = testutil::read(std::string("/usr/share/fonts/truetype/noto/") + file);
      te->set_font(face, std::vector<uint8_t>(b.begin(), b.end()));
    }
  }
  ~Fixture() {
    te.reset();
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
};

}  // namespace

TEST_CASE("text: lines never exceed the width, and shaping is measured on whole lines") {
  Fixture f;
  ui::TextStyle st{ui::Face::Serif, 29};
  std::string s =
      "León Trotsky no se llamaba así al nacer. Su nombre era Lev Davídovich Bronstein, y nació el 7 de noviembre de 1879 en "
      "Yánovka — Лев Давидович — Hønefoss, Büyükada, Kadıköy, “comillas”.";
  for (int width : {300, 640, 1156, 1200}) {
    ui::Layout l = f.te->layout_plain(s, st, width);
    REQUIRE(l.lines.size() >= 1);
    for (const auto& line : l.lines) {
      std::string text;
      for (const auto& p : line.pieces) text += p.text;
      CHECK(f.te->measure(ui::Face::Serif, 29, text) <= width);
    }
  }
}

TEST_CASE("text: emphasis becomes italic and bold pieces") {
  Fixture f;
  auto paras = bundle::parse_page("En *Mi vida*, escribió **esto**.\n\nOtro párrafo.");
  REQUIRE(paras.size() == 2);
  ui::Layout l = f.te->layout(paras, {ui::Face::Serif, 28}, 2000);
  REQUIRE(l.lines.size() == 2);
  const auto& pieces = l.lines[0].pieces;
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[0].face == ui::Face::Serif);
  CHECK(pieces[1].face == ui::Face::SerifItalic);
  CHECK(pieces[1].text == " Mi vida");
  CHECK(pieces[3].face == ui::Face::SerifBold);
  CHECK(pieces[1].x > pieces[0].x);
  CHECK(l.lines[1].y > l.lines[0].y + 28);  // paragraph gap
}

TEST_CASE("text: pagination keeps every line and respects the height") {
  Fixture f;
  std::string s;
  for (int i = 0; i < 60; ++i) s += "palabra" + std::to_string(i) + " ";
  ui::Layout l = f.te->layout_plain(s, {ui::Face::Serif, 28}, 300);
  auto pages = f.te->paginate(l, 200);
  size_t lines = 0;
  for (const auto& p : pages) {
    CHECK(p.height <= 200 + 28);
    lines += p.lines.size();
    CHECK(p.key != l.key);
  }
  CHECK(pages.size() > 1);
  CHECK(lines == l.lines.size());
}

TEST_CASE("text: the cache hits, evicts the least recently used, and stays within budget") {
  Fixture f(400 * 1024);  // room for a few blocks only
  ui::TextStyle st{ui::Face::Serif, 28};
  std::vector<ui::Layout> blocks;
  for (int i = 0; i < 12; ++i) blocks.push_back(f.te->layout_plain("Bloque número " + std::to_string(i) + " con algo de texto", st, 600));
  ui::Texture a = f.te->texture(blocks[0]);
  REQUIRE(a.tex);
  CHECK(a.box_w == 600);
  CHECK(a.w == 600);
  f.te->texture(blocks[0]);
  CHECK(f.te->stats().hits == 1);
  CHECK(f.te->stats().misses == 1);
  for (auto& b : blocks) {
    f.te->texture(b);
    CHECK(f.te->stats().bytes <= f.te->budget());
  }
  CHECK(f.te->stats().evictions > 0);
  CHECK_FALSE(f.te->cached(blocks[0]));  // the oldest went first
  CHECK(f.te->cached(blocks[11]));
  uint64_t misses = f.te->stats().misses;
  f.te->texture(blocks[0]);  // evicted blocks come back on demand
  CHECK(f.te->stats().misses == misses + 1);
  CHECK(f.te->cached(blocks[0]));
}

// A face without bytes of its own (here italic) is opened from another face's bytes. Replacing
// those bytes must close that fallback too: before the fix it kept reading the freed vector
// (AddressSanitizer: heap-use-after-free) and kept measuring with the old font.
TEST_CASE("text: replacing a font also closes the faces that fell back to it") {
  SDL_Surface* surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* renderer = SDL_CreateSoftwareRenderer(surface);
  {
    ui::TextEngine te(renderer);
    auto bytes = [](const char* path) {
      std::string b = testutil::read(path);
      REQUIRE(!b.empty());
      return std::vector<uint8_t>(b.begin(), b.end());
    };
    const std::string s = "Coyoacán, la casa de la calle Viena";
    te.set_font(ui::Face::Serif, bytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
    int dejavu = te.measure(ui::Face::SerifItalic, 30, s);  // italic falls back to the serif's bytes
    ui::Layout before = te.layout_plain(s, {ui::Face::SerifItalic, 30}, 2000);
    te.texture(before);
    te.set_font(ui::Face::Serif, bytes("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf"));
    int noto = te.measure(ui::Face::Serif, 30, s);
    CHECK(noto != dejavu);
    CHECK(te.measure(ui::Face::SerifItalic, 30, s) == noto);
    ui::Layout after = te.layout_plain(s, {ui::Face::SerifItalic, 30}, 2000);
    CHECK(after.lines[0].width == noto);  // not the remembered DejaVu measurement
    CHECK(te.texture(after).tex != nullptr);
    CHECK(te.stats().misses == 2);  // rasterised again with the new font, not taken from the cache

    // A whole new set (a new bundle) drops faces it does not have.
    te.set_fonts({{ui::Face::Sans, bytes("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")}});
    CHECK(te.measure(ui::Face::Serif, 30, s) == dejavu);
  }
  SDL_DestroyRenderer(renderer);
  SDL_FreeSurface(surface);
}

namespace {

// What a visitor sees of one laid-out block: its texture drawn on white by the software renderer,
// as the ink (255 - red) of every pixel.
struct Ink {
  int w = 0, h = 0;
  std::vector<int> v;
  int at(int x, int y) const { return v[(size_t)y * w + x]; }
  // The leftmost column from x0 with any ink, or -1.
  int first_column(int x0) const {
    for (int x = x0; x < w; ++x)
      for (int y = 0; y < h; ++y)
        if (at(x, y) > 40) return x;
    return -1;
  }
};

Ink draw(const std::vector<bundle::Paragraph>& paras, const ui::TextStyle& st, int width) {
  SDL_Surface* s = SDL_CreateRGBSurfaceWithFormat(0, width, 200, 32, SDL_PIXELFORMAT_ARGB8888);
  SDL_Renderer* r = SDL_CreateSoftwareRenderer(s);
  Ink ink;
  {
    ui::TextEngine te(r);
    for (auto [face, file] : {std::pair{ui::Face::Serif, "NotoSerif-Regular.ttf"}, std::pair{ui::Face::SerifItalic, "NotoSerif-Italic.ttf"}}) {
      std::string b = testutil::read(std::string("/usr/share/fonts/truetype/noto/") + file);
      te.set_font(face, std::vector<uint8_t>(b.begin(), b.end()));
    }
    ui::Layout l = te.layout(paras, st, width);
    ui::Texture t = te.texture(l);
    SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
    SDL_RenderClear(r);
    SDL_Rect dst{0, 0, t.w, t.h};
    SDL_RenderCopy(r, t.tex, nullptr, &dst);
    SDL_RenderPresent(r);
    ink.w = std::min(t.box_w, width);  // the texture may stop at the ink; the rest is paper
    ink.h = std::min(t.h, 200);
    ink.v.resize((size_t)ink.w * ink.h);
    SDL_LockSurface(s);
    for (int y = 0; y < ink.h; ++y)
      for (int x = 0; x < ink.w; ++x) {
        Uint32 px = ((Uint32*)((Uint8*)s->pixels + (size_t)y * s->pitch))[x];
        ink.v[(size_t)y * ink.w + x] = 255 - (int)((px >> 16) & 0xff);
      }
    SDL_UnlockSurface(s);
  }
  SDL_DestroyRenderer(r);
  SDL_FreeSurface(s);
  return ink;
}

bundle::Run run(const std::string& text, bool italic) { return bundle::Run{text, italic, false}; }

// The glyph metrics of one character of a face, as SDL_ttf reports them.
struct Metrics {
  int minx, maxx, advance;
};
Metrics metrics(const char* file, int px, Uint32 ch) {
  if (!TTF_WasInit()) TTF_Init();
  std::string path = std::string("/usr/share/fonts/truetype/noto/") + file;
  TTF_Font* f = TTF_OpenFont(path.c_str(), px);
  REQUIRE(f);
  TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
  Metrics m{};
  int miny, maxy;
  TTF_GlyphMetrics32(f, ch, &m.minx, &m.maxx, &miny, &maxy, &m.advance);
  TTF_CloseFont(f);
  return m;
}

}  // namespace

// "*Mi vida*," — where the face changes inside a line, the next piece starts where the pen of the
// italic one stopped, as if the line were set in one go: an italic f hangs over its advance (into
// the next piece's box) and that overhang must neither push the next piece away (a gap the width
// of the overhang) nor be wiped by the next piece's transparent pixels (a clipped hook).
TEST_CASE("text: an italic overhang where the face changes is kept, and adds no gap") {
  const int px = 60;
  ui::TextStyle st{ui::Face::Serif, px};
  Metrics f = metrics("NotoSerif-Italic.ttf", px, 'f'), space = metrics("NotoSerif-Regular.ttf", px, ' '),
          x = metrics("NotoSerif-Regular.ttf", px, 'x');
  CAPTURE(f.minx);
  CAPTURE(f.maxx);
  CAPTURE(f.advance);
  REQUIRE(f.maxx > f.advance);  // the italic f does overhang its advance: the case under test
  REQUIRE(f.minx < 0);

  SUBCASE("the next piece starts at the pen, not after the overhang") {
    // Italic "f", then " x" in roman. The line starts at the f's ink (its left overhang is kept
    // inside the block), so the f's pen starts at -minx, and the x's ink at
    // -minx + advance(f) + advance(space) + minx(x).
    Ink ink = draw({{run("f", true), run(" x", false)}}, st, 600);
    int x_ink = ink.first_column(-f.minx + f.maxx + 1);  // the first ink right of the f
    int expected = -f.minx + f.advance + space.advance + std::max(0, x.minx);
    CAPTURE(x_ink);
    CAPTURE(expected);
    CHECK(std::abs(x_ink - expected) <= 1);
  }
  SUBCASE("the overhang's pixels survive the next piece") {
    // Italic "f" followed by roman "x" in the same word: the x's box covers the f's hook.
    Ink alone = draw({{run("f", true)}}, st, 600);
    Ink both = draw({{run("f", true), run("x", false)}}, st, 600);
    int pen = -f.minx + f.advance;  // where the f's advance ends, in the block
    long lost = 0, overhang = 0;
    for (int y = 0; y < std::min(alone.h, both.h); ++y)
      for (int c = pen; c < alone.w; ++c) {
        overhang += alone.at(c, y);
        lost += std::max(0, alone.at(c, y) - both.at(c, y));
      }
    CAPTURE(overhang);
    REQUIRE(overhang > 500);  // there is ink beyond the advance to lose
    CHECK(lost < overhang / 50);
  }
}
