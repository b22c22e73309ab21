// keys.cpp — see keys.h.
#include "kiosk/app/keys.h"

namespace app {

bool quit_allowed(const SDL_Event& e, bool dev) {
  const bool close = e.type == SDL_QUIT || (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE);
  return close && dev;
}

std::string escape_chord(const SDL_Event& e) {
  if (e.type != SDL_KEYDOWN || e.key.repeat) return "";
  const SDL_Keycode k = e.key.keysym.sym;
  const Uint16 mod = e.key.keysym.mod;
  const bool ctrl = mod & KMOD_CTRL, alt = mod & KMOD_ALT;
  if (k == SDLK_LGUI || k == SDLK_RGUI || (mod & KMOD_GUI)) return "Super";
  if (alt && k == SDLK_F4) return "Alt+F4";
  if (alt && k == SDLK_TAB) return "Alt+Tab";
  if (ctrl && alt && (k == SDLK_DELETE || k == SDLK_BACKSPACE)) return k == SDLK_DELETE ? "Ctrl+Alt+Del" : "Ctrl+Alt+Backspace";
  if (ctrl && alt && k >= SDLK_F1 && k <= SDLK_F12) return "Ctrl+Alt+F" + std::to_string(k - SDLK_F1 + 1);
  if (ctrl && (k == SDLK_c || k == SDLK_q || k == SDLK_w)) return std::string("Ctrl+") + (char)('A' + (k - SDLK_a));
  if (k == SDLK_ESCAPE) return "Escape";
  return "";
}

bool chord_events(const std::string& chord, std::vector<SDL_Event>& out) {
  SDL_Event e{};
  if (chord == "quit" || chord == "close") {
    e.type = chord == "quit" ? SDL_QUIT : SDL_WINDOWEVENT;
    e.window.event = SDL_WINDOWEVENT_CLOSE;
    if (e.type == SDL_QUIT) e.quit.type = SDL_QUIT;
    out.push_back(e);
    return true;
  }
  Uint16 mod = 0;
  std::string rest = chord;
  for (size_t plus; (plus = rest.find('+')) != std::string::npos; rest = rest.substr(plus + 1)) {
    std::string m = rest.substr(0, plus);
    if (m == "ctrl") mod |= KMOD_LCTRL;
    else if (m == "alt") mod |= KMOD_LALT;
    else if (m == "shift") mod |= KMOD_LSHIFT;
    else if (m == "super") mod |= KMOD_LGUI;
    else return false;
  }
  SDL_Keycode k = rest == "super" ? SDLK_LGUI : SDL_GetKeyFromName(rest.c_str());
  if (k == SDLK_UNKNOWN) return false;
  e.key.keysym.sym = k;
  e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
  e.key.keysym.mod = mod;
  e.type = e.key.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  out.push_back(e);
  e.type = e.key.type = SDL_KEYUP;
  e.key.state = SDL_RELEASED;
  out.push_back(e);
  return true;
}

}  // namespace app
