// keys.h — what a visitor's keyboard and a close request may do: on the wall, nothing.
//
// Does:     decide whether an event ends the program (SDL_QUIT, a window closed: only in windowed
//           dev mode; on the wall the kiosk stops on SIGTERM alone, see platform/signals.h), and
//           name the key chords that would escape a desktop kiosk (Alt+F4, Alt+Tab, Ctrl+C,
//           Ctrl+Alt+Del, Ctrl+Alt+Fn, the Super key) for one log line each.
// Does not: stop the kernel's VT keys under KMSDRM (Ctrl+Alt+Fn, Ctrl+Alt+Del): they never reach
//           SDL as commands; deploy/rpi/setup.sh masks ctrl-alt-del.target and the getty on tty1
//           and sets kernel.sysrq=0. The exhibit itself takes no keys: everything is by touch.
//           Edge swipes and multi-finger gestures belong to a compositor, and there is none under
//           KMSDRM; SDL's own SDL_MULTIGESTURE / SDL_DOLLARGESTURE events are ignored, so touches
//           do only what the exhibit's gesture layer (kiosk/ui/gestures.h) makes of fingers.
#pragma once
#include <SDL.h>

#include <string>
#include <vector>

namespace app {

// True when `e` should end the program: SDL_QUIT or a window close, and only when `dev`.
bool quit_allowed(const SDL_Event& e, bool dev);
// "Alt+F4", "Ctrl+Alt+F2", "Super"… for a key press that would escape; "" for anything else.
std::string escape_chord(const SDL_Event& e);
// Tours and tests: the events a chord makes ("alt+f4", "ctrl+alt+f2", "super", "ctrl+c"), or
// "quit" (SDL_QUIT) and "close" (the window's close button). False for a name SDL does not know.
bool chord_events(const std::string& chord, std::vector<SDL_Event>& out);

}  // namespace app
