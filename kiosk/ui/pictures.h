// pictures.h — room pictures decoded from the bundle into textures on first use, the last few
// kept (kKept: the room on show and the ones beside it; a room's picture is about 1 MB at
// 1080p, so keeping all of a large exhibit's would grow with the exhibit). A screen draws one
// picture a frame, so evicting the least recently used other one is safe.
// A picture that fails to decode is remembered as missing, so the room shows without it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

struct SDL_Renderer;  // opaque here: SDL stays in pictures.cpp
struct SDL_Texture;

namespace ui {

class Pictures {
 public:
  using Loader = std::function<std::vector<uint8_t>(const std::string&)>;
  Pictures(SDL_Renderer* r, Loader load) : renderer_(r), load_(std::move(load)) {}
  ~Pictures() { clear(); }
  Pictures(const Pictures&) = delete;
  Pictures& operator=(const Pictures&) = delete;

  // The texture of media `id` (nullptr when it cannot be shown); w/h its size in pixels.
  SDL_Texture* get(const std::string& id, int* w, int* h);
  void clear();
  size_t count() const { return textures_.size(); }
  static constexpr size_t kKept = 3;

 private:
  struct Entry {
    SDL_Texture* tex = nullptr;
    int w = 0, h = 0;
    uint64_t used = 0;
  };
  void evict_beyond(const std::string& keep);
  uint64_t clock_ = 0;
  SDL_Renderer* renderer_;
  Loader load_;
  std::map<std::string, Entry> textures_;
};

}  // namespace ui
