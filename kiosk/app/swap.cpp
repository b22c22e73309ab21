// swap.cpp — see swap.h: the safe moment, the cross-fade, and App's side of a swap (adopting a
// newly opened bundle, keeping the visitor's screen for previews).
#include "kiosk/app/swap.h"

#include <malloc.h>

#include <algorithm>

#include "kiosk/app/app.h"

namespace app {

bool safe_to_swap(SwapKind kind, const SwapMoment& m) {
  if (m.unavailable || m.closed) return !m.finger_down;
  if (m.finger_down || m.moving) return false;
  if (kind == SwapKind::Preview) return m.since_touch_ms >= kPreviewQuietMs;
  if (m.screen == flow::Screen::Attract) return true;
  return m.screen == flow::Screen::Home && m.since_touch_ms >= kInstallQuietMs;
}

bool Crossfade::capture(SDL_Renderer* r, int w, int h, const std::function<void()>& draw) {
  drop();  // `draw` renders a normal frame, which must not see a fade of its own
  SDL_Texture* t = SDL_CreateTexture(r, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
  if (!t) return false;
  if (SDL_SetRenderTarget(r, t) != 0) {
    SDL_DestroyTexture(t);
    return false;
  }
  draw();
  SDL_SetRenderTarget(r, nullptr);
  SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
  tex_ = t;
  started_ = false;
  return true;
}

bool Crossfade::draw_over(SDL_Renderer* r, uint64_t now) {
  if (!tex_) return false;
  // The clock starts at the first frame drawn over: opening the new bundle took a while, and the
  // fade must not be half over before anyone saw it.
  if (!started_) t0_ = now, started_ = true;
  uint64_t t = now > t0_ ? now - t0_ : 0;
  if (t >= kFadeMs) {
    drop();
    return false;
  }
  // Ease out: most of the change happens early, the end settles softly.
  float f = 1.f - (float)t / kFadeMs;
  SDL_SetTextureAlphaMod(tex_, (Uint8)std::lround(255.f * f * f));
  SDL_RenderCopy(r, tex_, nullptr, nullptr);
  return true;
}

void Crossfade::drop() {
  if (tex_) SDL_DestroyTexture(tex_);
  tex_ = nullptr;
}

// ---- App's side -------------------------------------------------------------------------------

void App::request_swap(const std::string& path, SwapKind kind) {
  // A newer request replaces an older one; a preview request keeps the screen even if an
  // install asked first (the curator's save is the newer intent).
  pending_swap_ = SwapRequest{path, kind};
}

// When try_swap() should look again: now if it is safe, else when the quiet time is over.
uint64_t App::swap_wake() const {
  if (!pending_swap_) return UINT64_MAX;
  SwapMoment m = moment();
  if (safe_to_swap(pending_swap_->kind, m)) return now_;
  if (m.finger_down || m.moving) return UINT64_MAX;  // the finger's release or the next frame wakes us
  uint64_t quiet = pending_swap_->kind == SwapKind::Preview ? kPreviewQuietMs : kInstallQuietMs;
  if (pending_swap_->kind == SwapKind::Install && m.screen != flow::Screen::Home) return UINT64_MAX;  // attract comes by the flow's timer
  return last_touch_ms_ + quiet;
}

SwapMoment App::moment() const {
  SwapMoment m;
  m.finger_down = gestures_.active() || pressed_.has_value();
  m.moving = memory_.rooms_list.moving() || memory_.room_pages.moving() || memory_.quote_cards.moving() ||
             memory_.question_list.moving() || memory_.answer_scroll.moving() || memory_.map.easing ||
             memory_.map.pinching || memory_.map.scrubbing;
  m.since_touch_ms = now_ - std::min(now_, last_touch_ms_);
  m.screen = flow_ ? flow_->screen() : flow::Screen::Home;
  m.closed = closed_;
  m.unavailable = !bundle_;
  return m;
}

void App::try_swap() {
  if (!pending_swap_ || !safe_to_swap(pending_swap_->kind, moment())) return;
  SwapRequest req = std::move(*pending_swap_);
  pending_swap_.reset();
  const uint64_t t0 = SDL_GetPerformanceCounter();
  LoadedExhibit next;
  std::string why;
  if (!load_exhibit(req.path, next, why)) {
    // The bundle on screen stays. Say why once, not at every identical retry.
    if (last_swap_failure_ != why) SDL_Log("new bundle refused, still showing the last good one: %s", why.c_str());
    last_swap_failure_ = why;
    if (bundle_) return;
    unavailable_reason_ = why;
    next_retry_ = now_ + 10'000;
    return;
  }
  last_swap_failure_.clear();
  // The old frame, drawn once more into a texture, fades out over the new bundle's frames.
  if (opt_.rasterize && imgui_ready_) {
    bool was_dirty = dirty_;
    uint64_t was_redraw = redraw_at_;
    if (!fade_.capture(video_.renderer, video_.width, video_.height, [this] { render(false); }))
      SDL_Log("switching without a cross-fade: %s", SDL_GetError());
    dirty_ = was_dirty;
    redraw_at_ = was_redraw;
  }
  opt_.bundle = req.path;
  adopt(std::move(next), req.kind == SwapKind::Preview);
  ++swaps_;
  last_swap_ms_ = (SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
  SDL_Log("switched to %s in %.0f ms (opening it, the old frame, fonts and labels)", req.path.c_str(), last_swap_ms_);
}

// Installs a freshly opened bundle: fonts, label atlas, map, and a flow that either starts
// anew or (previews) keeps the visitor where they were.
void App::adopt(LoadedExhibit l, bool keep_screen) {
  std::unique_ptr<bundle::Bundle> old = std::move(bundle_);
  bundle_ = std::move(l.bundle);
  map_ = std::move(l.map);
  static const std::pair<const char*, ui::Face> roles[] = {{"serif", ui::Face::Serif},
                                                           {"serif_italic", ui::Face::SerifItalic},
                                                           {"serif_bold", ui::Face::SerifBold},
                                                           {"sans", ui::Face::Sans},
                                                           {"sans_bold", ui::Face::SansBold}};
  // UI labels use the sans face (or whatever the bundle has: the loader refuses one with none).
  auto sans = l.fonts.count("sans") ? l.fonts.find("sans") : l.fonts.begin();
  label_font_bytes_ = sans != l.fonts.end() ? sans->second : std::vector<uint8_t>();
  std::map<ui::Face, std::vector<uint8_t>> faces;
  for (auto [role, face] : roles)
    if (auto it = l.fonts.find(role); it != l.fonts.end()) faces[face] = std::move(it->second);
  text_->set_fonts(std::move(faces));
  pictures_->clear();
  setup_labels();
  unavailable_reason_.clear();
  const auto& meta = bundle_->exhibit().meta;
  if (keep_screen && flow_ && old) {
    keep_spot(old->exhibit());
  } else {
    // The kiosk's own config may override the exhibit's timeouts (a busy site, a quiet one).
    int idle = opt_.config.idle_seconds ? opt_.config.idle_seconds : meta.idle_seconds;
    int warning = opt_.config.warning_seconds ? opt_.config.warning_seconds : meta.warning_seconds;
    flow::Timeouts t = flow::timeouts_from_seconds(idle, warning);
    bool attract = flow_ && flow_->screen() == flow::Screen::Attract;
    flow_ = std::make_unique<flow::Flow>(meta.languages.empty() ? std::string() : meta.languages[0], t);
    flow_->start(now_);
    if (attract) flow_->end_session();  // an install during attract mode stays in attract mode
    // A new flow starts in the exhibit's language and normal text by itself, not by a visitor's
    // choice: no change for render() to draw twice (the first frame would be drawn again at
    // once, 17 ms of a 1080p start here) or for the statistics to record.
    last_lang_ = flow_->lang();
    last_larger_ = flow_->larger_text();
    memory_ = screens::Memory{};
    memory_.attract_started = now_;
  }
  old.reset();
  if (store_) store_->shown(opt_.bundle, now_);
#if defined(__GLIBC__)
  malloc_trim(0);  // the old bundle's pages go back: memory stays flat over many swaps
#endif
  SDL_Log("showing %s (%s, content %s)", opt_.bundle.c_str(), meta.version.c_str(), meta.content_hash.substr(0, 16).c_str());
  dirty_ = true;
}

// A preview reload: the same room (found by id, so reordering rooms keeps it) and its page, the
// same answer, quotation and place card (by id), the map's camera, the language and text size.
// A room or answer that no longer exists goes one level up.
void App::keep_spot(const bundle::Exhibit& was) {
  const auto& ex = bundle_->exhibit();
  auto index_of = [](const auto& list, const std::string& id) {
    for (size_t i = 0; i < list.size(); ++i)
      if (list[i].id == id) return (int)i;
    return -1;
  };
  flow::Spot s = flow_->beneath();
  if (s.screen == flow::Screen::Room || s.screen == flow::Screen::Answer) {
    bool room = s.screen == flow::Screen::Room;
    std::string id = room ? (s.index < (int)was.rooms.size() ? was.rooms[s.index].id : "")
                          : (s.index < (int)was.questions.size() ? was.questions[s.index].id : "");
    int now_at = room ? index_of(ex.rooms, id) : index_of(ex.questions, id);
    if (now_at < 0) flow_->back();
    else flow_->replace({s.screen, now_at});
  }
  // The room's pages were laid out from the old text: lay them out again, on the same page when
  // the visitor is reading that room (room.cpp keeps the page for a key of the same room).
  s = flow_->beneath();
  bool reading = s.screen == flow::Screen::Room && s.index < (int)ex.rooms.size();
  memory_.room_key = reading ? ex.rooms[s.index].id + "|reloaded" : "";
  memory_.room_layouts.clear();
  // The quotation on show and the map's open place card follow their ids too.
  if (!was.quotes.empty() && !ex.quotes.empty() && memory_.quote_cards.pages() > 0) {
    int q = std::min(memory_.quote_cards.page(), (int)was.quotes.size() - 1);
    memory_.quote_cards.jump_to_page(std::max(0, index_of(ex.quotes, was.quotes[q].id)));
  }
  if (memory_.map.card >= 0)
    memory_.map.card = memory_.map.card < (int)was.places.size() ? index_of(ex.places, was.places[memory_.map.card].id) : -1;
  const auto& langs = ex.meta.languages;
  if (!langs.empty() && std::find(langs.begin(), langs.end(), flow_->lang()) == langs.end()) flow_->set_lang(langs[0]);
}

}  // namespace app
