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
  }
  if (w) *w = it->second.w;
  if (h) *h = it->second.h;
  return it->second.tex;
}

void Pictures::clear() {
  for (auto& [id, e] : textures_)
    if (e.tex) SDL_DestroyTexture(e.tex);
  textures_.clear();
}

}  // namespace ui
