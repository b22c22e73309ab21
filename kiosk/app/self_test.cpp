// self_test.cpp — before a trial bundle is marked good, the kiosk draws every screen of it once,
// off-screen, in every language: home, the rooms list, each room, quotations, questions, each
// answer, the map, the timeout warning and attract mode. A screen that throws, or a reading
// screen that draws no text at all, fails the test. The visitor's state is put back afterwards;
// nothing reaches the glass or the statistics.
#include "kiosk/app/app.h"

namespace app {

namespace {

struct Shot {
  flow::Spot spot;
  bool needs_text;
};

std::vector<Shot> every_screen(const bundle::Exhibit& ex) {
  using S = flow::Screen;
  std::vector<Shot> out = {{{S::Home, 0}, true}, {{S::Rooms, 0}, true}, {{S::Quotes, 0}, true}, {{S::Questions, 0}, true},
                           {{S::Map, 0}, false}, {{S::Warning, 0}, true}, {{S::Attract, 0}, false}};
  for (int i = 0; i < (int)ex.rooms.size(); ++i) out.push_back({{S::Room, i}, true});
  for (int i = 0; i < (int)ex.questions.size(); ++i) out.push_back({{S::Answer, i}, true});
  return out;
}

}  // namespace

bool App::self_test(std::string& why) {
  if (!bundle_ || !flow_) {
    why = "no bundle is open";
    return false;
  }
  const uint64_t t0 = SDL_GetPerformanceCounter();
  SDL_Texture* target = SDL_CreateTexture(video_.renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, video_.width, video_.height);
  if (!target || SDL_SetRenderTarget(video_.renderer, target) != 0) {
    if (target) SDL_DestroyTexture(target);
    why = std::string("no off-screen target: ") + SDL_GetError();
    return false;
  }
  std::unique_ptr<flow::Flow> visitor = std::move(flow_);
  screens::Memory memory = std::move(memory_);
  uint64_t was_redraw = redraw_at_;
  std::string was_lang = last_lang_;
  bool was_larger = last_larger_;
  self_testing_ = true;
  const auto& ex = bundle_->exhibit();
  const std::vector<std::string>& langs = ex.meta.languages;  // validation guarantees one at least
  int drawn = 0;
  for (const auto& lang : langs) {
    for (const Shot& shot : every_screen(ex)) {
      auto f = std::make_unique<flow::Flow>(lang, visitor->timeouts());
      f->start(now_);
      if (shot.spot.screen == flow::Screen::Attract) {
        f->end_session();
      } else if (shot.spot.screen == flow::Screen::Warning) {
        f->touch(now_ - std::min(now_, visitor->timeouts().idle_ms));
        f->update(now_);
      } else if (shot.spot.screen != flow::Screen::Home) {
        f->go(shot.spot);
      }
      flow_ = std::move(f);
      memory_ = screens::Memory{};
      memory_.attract_started = now_;
      try {
        render(false);
      } catch (const std::exception& e) {
        why = std::string(flow::name(shot.spot.screen)) + " " + std::to_string(shot.spot.index) + " (" + lang + "): " + e.what();
      }
      if (why.empty() && shot.needs_text && texts_.empty())
        why = std::string(flow::name(shot.spot.screen)) + " " + std::to_string(shot.spot.index) + " (" + lang + ") drew no text";
      if (!why.empty()) break;
      ++drawn;
    }
    if (!why.empty()) break;
  }
  self_testing_ = false;
  SDL_SetRenderTarget(video_.renderer, nullptr);
  SDL_DestroyTexture(target);
  flow_ = std::move(visitor);
  memory_ = std::move(memory);
  pending_tap_.reset();
  last_lang_ = was_lang;  // the test's languages are not the visitor's language change
  last_larger_ = was_larger;
  dirty_ = true;  // the glass shows the visitor's screen again on the next frame
  redraw_at_ = was_redraw;
  double ms = (SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
  SDL_Log("self-test: %d screens drawn in %.0f ms%s%s", drawn, ms, why.empty() ? "" : "; failed: ", why.c_str());
  return why.empty();
}

}  // namespace app
