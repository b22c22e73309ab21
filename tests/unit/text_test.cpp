// text_test.cpp — line breaking, pagination and the texture cache (hits, eviction, budget),
// on SDL's software renderer drawing into a plain surface: no window needed.
#include <SDL.h>
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
