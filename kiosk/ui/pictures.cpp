// pictures.cpp — see pictures.h.
#include "kiosk/ui/pictures.h"

#include <SDL_image.h>

namespace ui {

SDL_Texture* Pictures::get(const std::string& id, int* w, int* h) {
  auto it = textures_.find(id);
  if (it == textures_.end()) {
    Entry e;
    std::vector<uint8_t> bytes = load_(id);
    if (!bytes.empty()) {
      SDL_RWops* rw = SDL_RWFromConstMem(bytes.data(), (int)bytes.size());
      e.tex = IMG_LoadTexture_RW(renderer_, rw, 1);
      if (e.tex) SDL_QueryTexture(e.tex, nullptr, nullptr, &e.w, &e.h);
      else SDL_Log("picture %s cannot be decoded: %s", id.c_str(), IMG_GetError());
    }
    it = textures_.emplace(id, e).first;
    evict_beyond(id);
  }
  it->second.used = ++clock_;
  if (w) *w = it->second.w;
  if (h) *h = it->second.h;
  return it->second.tex;
}

// Missing pictures stay remembered (they cost nothing); decoded ones beyond kKept go, oldest first.
void Pictures::evict_beyond(const std::string& keep) {
  for (;;) {
    size_t decoded = 0;
    auto oldest = textures_.end();
    for (auto it = textures_.begin(); it != textures_.end(); ++it) {
      if (!it->second.tex) continue;
      ++decoded;
      if (it->first != keep && (oldest == textures_.end() || it->second.used < oldest->second.used)) oldest = it;
    }
    if (decoded <= kKept || oldest == textures_.end()) return;
    SDL_DestroyTexture(oldest->second.tex);
    textures_.erase(oldest);
  }
}

void Pictures::clear() {
  for (auto& [id, e] : textures_)
    if (e.tex) SDL_DestroyTexture(e.tex);
  textures_.clear();
}

}  // namespace ui
