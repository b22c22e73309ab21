// signals.h — how the kiosk is asked to stop.
//
// Does:     SIGTERM (systemd stopping the unit) asks for a clean stop; SIGINT (Ctrl+C on the
//           console) does the same only in windowed dev mode and is ignored on the wall, where a
//           visitor's keyboard must not end the exhibit. SDL's own handlers are switched off
//           (SDL_HINT_NO_SIGNAL_HANDLERS in video_sdl.cpp), so SDL_QUIT never means a signal.
//           A stop also makes stop_fd() readable, so a loop asleep in poll(2) (idle_wait.h) wakes
//           at once, whichever thread the signal was delivered to.
// Does not: stop anything itself: the main loop looks at stop_requested() after every wake.
#pragma once

namespace platform {

void install_stop_signals(bool interrupt_stops);
bool stop_requested();
void request_stop();  // tests, and a second way in for the app
// Readable once a stop is requested (and stays so); -1 before install_stop_signals().
int stop_fd();

}  // namespace platform
