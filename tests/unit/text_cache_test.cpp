// text_cache_test.cpp — the text cache's budget and frames (what a frame draws is never evicted),
// blocks prepared in idle time, the count of blocks rasterised on interactive frames, and the
// banded rasterisation giving exactly the pixels of a block composed whole.
#include <SDL.h>
#include <SDL_ttf.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "content/bundle/richtext.h"
#include "kiosk/ui/text.h"
#include "test_util.h"

namespace {

const char* kNoto = "/usr/share/fonts/truetype/noto/";
const std::pair<ui::Face, const char*> kFaces[] = {{ui::Face::Serif, "NotoSerif-Regular.ttf"},
                                                   {ui::Face::SerifItalic, "NotoSerif-Italic.ttf"},
                                                   {ui::Face::SerifBold, "NotoSerif-Bold.ttf"}};

struct Engine {
  SDL_Surface* surface;
  SDL_Renderer* renderer;
  std::unique_ptr<ui::TextEngine> te;
  explicit Engine(size_t budget, int w = 64, int h = 64) {
    surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    renderer = SDL_CreateSoftwareRenderer(surface);
    te = std::make_unique<ui::TextEngine>(renderer, budget);
    for (auto [face, file] : kFaces) {
      std::string b = testutil::read(std::string(kNoto) + file);
      te->set_font(face, std::vector<uint8_t>(b.begin(), b.end()));
    }
  }
  ~Engine() {
    te.reset();
    SDL_DestroyRenderer(renderer);
    SDL_FreeSurface(surface);
  }
  // A block of about 600×40 px (96 KB): a few fit a small budget.
  ui::Layout block(int i) { return te->layout_plain("Bloque " + std::to_string(i) + " de la casa de Coyoacán", {ui::Face::Serif, 28}, 600); }
};

}  // namespace

TEST_CASE("text cache: the budget follows the panel, with a floor for small ones") {
  CHECK(ui::TextEngine::budget_for(1920, 1080) == (size_t)(1920.0 * 1080 * 4 * ui::TextEngine::kScreensCached));
  CHECK(ui::TextEngine::budget_for(1920, 1080) < (12u << 20));
  CHECK(ui::TextEngine::budget_for(3840, 2160) == 4 * ui::TextEngine::budget_for(1920, 1080));
  CHECK(ui::TextEngine::budget_for(800, 480) == ui::TextEngine::kMinBudget);
  Engine e(ui::TextEngine::budget_for(1280, 800));
  CHECK(e.te->stats().budget == ui::TextEngine::budget_for(1280, 800));
}

TEST_CASE("text cache: what a frame draws is never evicted; the next frame is back within budget") {
  Engine e(250 * 1024);  // two or three blocks
  e.te->begin_frame(false);
  std::vector<ui::Layout> shown;
  std::vector<ui::Texture> textures;
  for (int i = 0; i < 6; ++i) {
    shown.push_back(e.block(i));
    textures.push_back(e.te->texture(shown.back()));
    REQUIRE(textures.back().tex);
  }
  // All six are on this frame's draw list: evicting one would leave a dangling texture.
  for (const auto& l : shown) CHECK(e.te->cached(l));
  CHECK(e.te->stats().bytes > e.te->budget());
  CHECK(e.te->stats().evictions == 0);
  e.te->begin_frame(false);
  CHECK(e.te->stats().bytes <= e.te->budget());
  CHECK(e.te->stats().evictions > 0);
  // An evicted block needed again is rasterised again, never shown blank.
  uint64_t misses = e.te->stats().misses;
  for (const auto& l : shown) CHECK(e.te->texture(l).tex != nullptr);
  CHECK(e.te->stats().misses > misses);
  e.te->begin_frame(false);
  CHECK(e.te->stats().bytes <= e.te->budget());
  CHECK(e.te->stats().peak_bytes >= e.te->stats().bytes);
}

TEST_CASE("text cache: prepared blocks are made one per idle slice and then hit") {
  Engine e(8u << 20);
  ui::Layout now = e.block(0), next = e.block(1), after = e.block(2);
  e.te->begin_frame(false);
  e.te->texture(now);
  e.te->prepare(next);
  e.te->prepare(after);
  e.te->prepare(next);  // asked twice, made once
  e.te->prepare(now);   // already cached: nothing to do
  CHECK(e.te->preparing());
  CHECK_FALSE(e.te->cached(next));  // prepare() itself does nothing now
  CHECK(e.te->prepare_next());      // one block, then more to come
  CHECK(e.te->cached(next));
  CHECK_FALSE(e.te->cached(after));
  CHECK_FALSE(e.te->prepare_next());
  CHECK(e.te->cached(after));
  CHECK_FALSE(e.te->preparing());
  CHECK(e.te->stats().prepared == 2);
  CHECK(e.te->stats().rasterised == 3);

  // The visitor swipes: the frame is interactive, and the next page is already there.
  e.te->begin_frame(true);
  uint64_t misses = e.te->stats().misses;
  e.te->texture(next);
  CHECK(e.te->stats().misses == misses);
  CHECK(e.te->stats().rasterised_interactive == 0);
  // A block nobody prepared, under a finger: counted.
  e.te->texture(e.block(3));
  CHECK(e.te->stats().rasterised_interactive == 1);
  // A new frame forgets the old wishes.
  e.te->prepare(e.block(4));
  e.te->begin_frame(false);
  CHECK_FALSE(e.te->preparing());
}

TEST_CASE("text cache: a wish that fits only by evicting what is on screen is given up") {
  Engine e(250 * 1024);
  e.te->begin_frame(false);
  ui::Layout a = e.block(0), b = e.block(1), wish = e.block(2), wish2 = e.block(3);
  e.te->texture(a);
  e.te->texture(b);
  e.te->prepare(wish);
  e.te->prepare(wish2);
  // a and b (on screen) plus one wish may fit; the second would need a or b to go.
  while (e.te->prepare_next()) {
  }
  CHECK(e.te->cached(a));
  CHECK(e.te->cached(b));
  CHECK(e.te->stats().bytes <= e.te->budget());
  CHECK_FALSE(e.te->preparing());  // given up, not retried in a busy loop
}

TEST_CASE("text cache: a wish given up evicts nothing for it") {
  Engine e(250 * 1024);
  e.te->begin_frame(false);
  ui::Layout old = e.block(0), shown = e.block(1);
  e.te->texture(old);  // from the frame before: evictable
  e.te->begin_frame(false);
  e.te->texture(shown);
  // Wider than the whole budget: no eviction could make it fit.
  ui::Layout huge = e.te->layout_plain(std::string(400, 'x'), {ui::Face::Serif, 28}, 1200);
  e.te->prepare(huge);
  while (e.te->prepare_next()) {
  }
  CHECK_FALSE(e.te->cached(huge));
  CHECK(e.te->cached(old));  // before: every evictable block went first, for nothing
  CHECK(e.te->stats().evictions == 0);
}

TEST_CASE("text cache: a wished-for block already made is kept for the frame, like one drawn") {
  Engine e(250 * 1024);
  e.te->begin_frame(false);
  ui::Layout kept = e.block(0), other = e.block(1);
  e.te->texture(kept);
  e.te->texture(other);
  e.te->begin_frame(false);
  e.te->prepare(kept);  // wished for again (a rehearsal): not made again, kept
  for (int i = 2; i < 4; ++i) e.te->texture(e.block(i));  // room for them: the oldest unkept goes
  CHECK(e.te->cached(kept));
  CHECK_FALSE(e.te->cached(other));
}

TEST_CASE("text: layouts are remembered; those set while a frame is built are counted apart") {
  Engine e(8u << 20);
  const ui::TextStyle st{ui::Face::Serif, 28};
  auto paras = bundle::parse_page("Una *casa* en Coyoacán, con **muros** altos.");
  e.te->layout(paras, st, 500);  // outside a frame: idle time, a tool
  CHECK(e.te->stats().laid_out == 1);
  CHECK(e.te->stats().laid_out_in_frame == 0);
  ui::Layout again = e.te->layout(paras, st, 500);
  CHECK(e.te->stats().laid_out == 1);  // remembered
  CHECK(again.key == e.te->layout(paras, st, 500).key);
  e.te->begin_frame(false);
  e.te->layout(paras, st, 400);  // another width: set anew, on a frame
  e.te->layout_plain("Citas", st, 400);
  e.te->layout_plain("Citas", st, 400);
  CHECK(e.te->stats().laid_out == 3);
  CHECK(e.te->stats().laid_out_in_frame == 2);
  e.te->texture(again);
  CHECK(e.te->stats().rasterised_in_frame == 1);
  e.te->end_frame();
  e.te->layout_plain("Preguntas", st, 400);
  e.te->prepare(e.te->layout_plain("Preguntas", st, 400));
  while (e.te->prepare_next()) {
  }
  CHECK(e.te->stats().laid_out_in_frame == 2);  // idle time's work is not the frame's
  CHECK(e.te->stats().rasterised_in_frame == 1);
  CHECK(e.te->stats().prepared == 1);
}

namespace {

// The block as it was made before the cache drew in bands: every piece composed into one
// surface of the whole block (alpha = a + b·(1 − a)), in layout order.
std::vector<Uint32> composed_whole(const ui::Layout& l, int w, int h) {
  std::map<ui::Face, TTF_Font*> fonts;
  std::map<ui::Face, std::string> bytes;
  for (auto [face, file] : kFaces) {
    bytes[face] = testutil::read(std::string(kNoto) + file);
    TTF_Font* f = TTF_OpenFontRW(SDL_RWFromConstMem(bytes[face].data(), (int)bytes[face].size()), 1, l.style.px);
    TTF_SetFontKerning(f, 1);
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    fonts[face] = f;
  }
  const ui::Colour& c = l.style.colour;
  const Uint32 clear = (Uint32)c.r << 16 | (Uint32)c.g << 8 | c.b;
  std::vector<Uint32> px((size_t)w * h, clear);
  const int line_h = (int)std::lround(l.style.px * l.style.line_height);
  for (const auto& line : l.lines)
    for (const auto& p : line.pieces) {
      TTF_Font* f = fonts[p.face];
      SDL_Surface* s = TTF_RenderUTF8_Blended(f, p.text.c_str(), SDL_Color{c.r, c.g, c.b, c.a});
      REQUIRE(s);
      REQUIRE(s->format->format == SDL_PIXELFORMAT_ARGB8888);
      int x0 = p.x, y0 = line.y + (line_h - TTF_FontHeight(f)) / 2;
      for (int y = std::max(0, -y0); y < s->h && y0 + y < h; ++y)
        for (int x = std::max(0, -x0); x < s->w && x0 + x < w; ++x) {
          Uint32 from = ((const Uint32*)((const Uint8*)s->pixels + (size_t)y * s->pitch))[x];
          Uint32& to = px[(size_t)(y0 + y) * w + x0 + x];
          Uint32 a = from >> 24, b = to >> 24;
          to = (to & 0x00FFFFFFu) | (a + (b * (255 - a) + 127) / 255) << 24;
        }
      SDL_FreeSurface(s);
    }
  for (auto& [face, f] : fonts) TTF_CloseFont(f);
  return px;
}

}  // namespace

TEST_CASE("text cache: a block made in bands has exactly the pixels of the block made whole") {
  // Lines closer than the font's line box (1.0) overlap: a piece reaches into the band below its
  // line's. Italic and bold pieces meet inside lines (the f's hook over the next piece's box).
  const int width = 700;
  Engine e(32u << 20, width, 1400);
  std::string md;
  for (int i = 0; i < 14; ++i) md += "Una *frase fuerte* de **León** — Coyoacán, *f*ájate, número " + std::to_string(i) + ". ";
  for (float line_height : {1.0f, 1.5f}) {
    CAPTURE(line_height);
    ui::TextStyle st{ui::Face::Serif, 31, {31, 27, 22, 255}, line_height};
    ui::Layout l = e.te->layout(bundle::parse_page(md), st, width);
    REQUIRE(l.height > 3 * 64);  // several bands
    REQUIRE(l.height <= 1400);
    ui::Texture t = e.te->texture(l);
    REQUIRE(t.tex);
    CHECK(t.box_w == width);
    CHECK(t.h == l.height);
    // Copy the texels out unblended, then compare with the whole-block composition.
    SDL_SetTextureBlendMode(t.tex, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(e.renderer, 0, 0, 0, 0);
    SDL_RenderClear(e.renderer);
    SDL_Rect dst{0, 0, t.w, t.h};
    SDL_RenderCopy(e.renderer, t.tex, nullptr, &dst);
    SDL_RenderPresent(e.renderer);
    SDL_SetTextureBlendMode(t.tex, SDL_BLENDMODE_BLEND);
    std::vector<Uint32> want = composed_whole(l, width, l.height);
    long differ = 0, ink = 0, cut_ink = 0;
    for (int y = 0; y < l.height; ++y)
      for (int x = 0; x < width; ++x) {
        Uint32 w = want[(size_t)y * width + x];
        if (w >> 24) ++ink;
        if (x >= t.w) {
          if (w >> 24) ++cut_ink;  // columns the texture left out would have to hold no ink
          continue;
        }
        Uint32 got = ((const Uint32*)((const Uint8*)e.surface->pixels + (size_t)y * e.surface->pitch))[x];
        if (got != w) ++differ;
      }
    REQUIRE(ink > 10000);
    CHECK(differ == 0);
    CHECK(cut_ink == 0);
  }
}
