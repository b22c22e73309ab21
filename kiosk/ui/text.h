// text.h — reading text set with SDL2_ttf: fonts from the bundle, our own line breaking and
// pagination, each laid-out block rasterised once into a texture and kept in an LRU cache.
//
// Does:     faces (serif regular/italic/bold, sans regular/bold) at any pixel size; greedy line
//           breaking of rich paragraphs (italic, bold runs); splitting a layout into pieces that
//           fit a height; a texture cache with a byte budget sized from the panel (evicted blocks
//           are re-rendered on demand; blocks drawn in the current frame are never evicted);
//           rasterising straight into the texture, a band of rows at a time (no second copy of
//           the block); blocks a screen will want next (`prepare`) rasterised one at a time in
//           idle time (`prepare_next`); counting blocks rasterised on interactive frames;
//           remembering layouts (plain and rich, bounded), and counting the layouts and blocks
//           made while a frame is built (begin_frame .. end_frame) apart from idle time's.
// Does not: draw (the caller puts the texture on screen), handle UI labels (ImGui's atlas does),
//           decide when the kiosk is idle or a frame interactive (the app does).
// SDL and SDL2_ttf stay behind this header: their types appear only as opaque handles, so the
// screens that include it can neither call SDL nor need its headers (see CMakeLists.txt's layers).
#pragma once

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/bundle/richtext.h"
#include "kiosk/ui/theme.h"

struct SDL_Renderer;
struct SDL_Texture;
typedef struct _TTF_Font TTF_Font;  // as SDL_ttf.h declares it

namespace ui {

enum class Face { Serif, SerifItalic, SerifBold, Sans, SansBold };
enum class Align { Left, Centre };

struct TextStyle {
  Face face = Face::Serif;  // the family and base weight; runs may switch to italic or bold
  int px = 28;
  Colour colour{31, 27, 22, 255};
  float line_height = 1.45f;  // in multiples of px
  float paragraph_gap = 0.6f; // extra space between paragraphs, in lines
  Align align = Align::Left;
};

struct Piece {
  Face face;
  std::string text;
  int x = 0, w = 0;  // the rendered piece's box: its ink from leftmost to rightmost, or its pen if wider
};
struct Line {
  std::vector<Piece> pieces;
  int y = 0, width = 0;
};
struct Layout {
  std::vector<Line> lines;
  int width = 0, height = 0;  // the box it was laid out for (width) and the height it needs
  TextStyle style;
  std::string key;            // identifies the content + style + width, for the cache
};

struct Texture {
  SDL_Texture* tex = nullptr;
  int w = 0, h = 0;  // its pixels
  int box_w = 0;     // the layout's width it stands for (more than w only past the 4096 px limit)
};

class TextEngine {
 public:
  // The cache's budget for a panel of w×h pixels: kScreensCached whole screens of text at 4 bytes
  // a pixel. Measured over every screen at 1920×1080 (every_screen.tour, `text-stats`), the
  // busiest frame with its neighbours prepared (a room's page and the two beside it) holds 0.73
  // screens of text; the rest keeps some of the screen just left, for Back. 10.4 MB at
  // 1920×1080, 6 MiB at 1280×800 and below. A frame that needs more goes over it until the next.
  static constexpr float kScreensCached = 1.25f;
  // Small panels set text relatively larger: at 1280×800 the rooms' list with the cards a fling
  // brings in needs 1.3 screens, at 800×480 a room's three pages 1.6. Below this floor the budget
  // would not hold them.
  static constexpr size_t kMinBudget = 6u << 20;
  static size_t budget_for(int width, int height);
  explicit TextEngine(SDL_Renderer* r, size_t budget_bytes = 24u << 20);
  SDL_Renderer* renderer() const { return renderer_; }
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  // Font bytes for a face (kept alive here). A face without bytes falls back within its family
  // (italic/bold -> regular), then to the first loaded face. Any change closes every open font
  // (a fallback face may be reading the bytes being replaced) and forgets every measurement.
  void set_font(Face f, std::vector<uint8_t> bytes);
  // Replaces all faces at once (a new bundle): faces absent from `fonts` are dropped, so nothing
  // of the previous bundle's fonts survives.
  void set_fonts(std::map<Face, std::vector<uint8_t>> fonts);
  bool has_fonts() const { return !fonts_.empty(); }

  Layout layout(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& style, int width);
  Layout layout_plain(const std::string& text, const TextStyle& style, int width);
  // Splits `l` into consecutive layouts no taller than `max_height` (at least one line each).
  std::vector<Layout> paginate(const Layout& l, int max_height);

  // The texture of a layout: from the cache, or rasterised now (and counted as a miss).
  Texture texture(const Layout& l);
  bool cached(const Layout& l) const { return cache_.count(l.key) > 0; }
  // Frees every texture (e.g. the renderer was reset); they come back on demand.
  void clear();

  // --- frames and idle time (the app calls these; screens call prepare through the canvas) ---
  // A frame begins: blocks it draws are kept until the next one; `interactive` (a finger on the
  // glass, a swipe or fling still moving) says that a block rasterised now is one too many.
  // Forgets the previous frame's wishes: each frame says again what it will want next.
  void begin_frame(bool interactive);
  // The frame is built: layouts and blocks made from now on are idle time's (rehearsals, wishes).
  void end_frame();
  // `l` will probably be drawn soon (the next page, the next quotation): rasterise it when idle.
  // Earlier wishes go first. Nothing happens now; a block already made is kept for this frame.
  void prepare(const Layout& l);
  // Wished-for blocks not yet in the cache.
  bool preparing() const;
  // Rasterises the first wished-for block not yet cached: one block, one idle slice. A block that
  // would only fit by evicting what the current frame shows (or an earlier wish) is given up.
  // Returns preparing().
  bool prepare_next();

  struct Stats {
    size_t bytes = 0, peak_bytes = 0, budget = 0;  // texture bytes now, at most since start, allowed
    uint64_t hits = 0, misses = 0;                 // texture() found the block, or had to rasterise it
    uint64_t rasterised = 0;                       // blocks rendered since start (misses + prepared)
    uint64_t rasterised_interactive = 0;           // of which on interactive frames (should stay 0)
    uint64_t prepared = 0;                         // of which ahead of need, in idle time
    uint64_t rasterised_in_frame = 0;              // blocks rasterised while a frame was built (any frame)
    uint64_t laid_out = 0;                         // layouts set (not remembered ones)
    uint64_t laid_out_in_frame = 0;                // of which while a frame was built
    uint64_t evictions = 0;
    size_t frame_peak_bytes = 0;  // the most one frame drew and wished for: what a screen needs
    size_t entries = 0;       // textures
    size_t layout_bytes = 0;  // remembered layouts (about, not exactly)
  };
  static constexpr size_t kLayoutMemoBytes = 2u << 20;
  Stats stats() const;
  size_t budget() const { return budget_; }
  int measure(Face f, int px, const std::string& s);

 private:
  TTF_Font* font(Face f, int px);
  void close_fonts();  // every open TTF_Font, and everything measured or rasterised with them
  struct Overhang {
    int left = 0, right = 0;
  };
  Overhang overhang(Face f, int px, const std::string& s);
  struct Entry {
    Texture t;
    size_t bytes;
    uint64_t frame;  // the last frame that drew it (or wished for it): kept until the next
    std::list<std::string>::iterator lru;
  };
  SDL_Texture* rasterise(const Layout& l, int w, int h);
  Texture insert(const Layout& l);
  // Evicts least recently used blocks not kept by the current frame until `incoming` more bytes
  // fit the budget; false when they cannot (and then, `or_nothing`, without evicting any).
  bool make_room(size_t incoming, bool or_nothing = false);
  SDL_Renderer* renderer_;
  size_t budget_;
  std::map<Face, std::vector<uint8_t>> fonts_;
  std::map<std::pair<Face, int>, TTF_Font*> open_;
  std::unordered_map<std::string, Entry> cache_;
  std::list<std::string> lru_;  // front = most recently used
  std::unordered_map<std::string, Layout> plain_memo_, rich_memo_;  // remembered layouts, by text and style
  Layout set_lines(const std::vector<bundle::Paragraph>& paragraphs, const TextStyle& style, int width);
  void remember(std::unordered_map<std::string, Layout>& memo, const std::string& memo_key, const Layout& l);
  void counted_layout();
  bool in_frame_ = false;  // between begin_frame() and end_frame()
  Stats stats_;
  uint64_t frame_ = 1;
  bool framed_ = false;  // begin_frame() was called: without frames (tools, tests) nothing is kept
  bool interactive_ = false;
  std::vector<Layout> wishes_;  // this frame's prepare() calls, in order
  size_t next_wish_ = 0;        // wishes before it are cached or given up
};

}  // namespace ui
