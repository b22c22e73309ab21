// signals.h — how the kiosk is asked to stop.
//
// Does:     SIGTERM (systemd stopping the unit) asks for a clean stop; SIGINT (Ctrl+C on the
//           console) does the same only in windowed dev mode and is ignored on the wall, where a
//           visitor's keyboard must not end the exhibit. SDL's own handlers are switched off
//           (SDL_HINT_NO_SIGNAL_HANDLERS in video_sdl.cpp), so SDL_QUIT never means a signal.
// Does not: stop anything itself: the main loop polls stop_requested() at least once a second.
#pragma once

namespace platform {

void install_stop_signals(bool interrupt_stops);
bool stop_requested();
void request_stop();  // tests, and a second way in for the app

}  // namespace platform
