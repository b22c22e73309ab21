// tour.h — plays a tour script against the app on a virtual clock: how tests, CI and reviewers
// see what a visitor sees. One command a line:
//   tap X Y | tap @id | press X Y MS | press @id MS | swipe X1 Y1 X2 Y2 MS | pinch X Y SCALE | wait MS | idle SECONDS | lang CODE
//   shot NAME | expect-screen NAME | expect-lang CODE | expect-text "…" | ids | mark | expect-frames N
//   expect-targets MM | expect-no-overflow | expect-text-size MM | expect-reach | frame-stats [LABEL]
//   wait-reload [S] | wait-overlay [S] | expect-overlay "…" | expect-no-overlay | swap FILE | sh "…"
//   self-test | key CHORD | clock-jump SECONDS | clocks | text-stats | expect-rasterised N
//   expect-text-cache | expect-peak-rss MIB | steady-figures | expect-exit none|restart|console
//   expect-frame-text N
//   # comment
// Coordinates are pixels, or fractions of the screen when written with a decimal point.
// `wait-reload` waits (real time, default 10 s) until a new bundle has been switched in and its
// fade has ended (live preview: `kiosk --watch`); `wait-overlay` until build errors show.
// `swap FILE` asks for an install-style switch and waits (virtual time) for its safe moment.
// `self-test` draws every screen off-screen in every language, as before a trial is marked good.
// `sh "…"` runs a shell command (tests edit a previewed source with it).
// `key alt+f4` (or ctrl+alt+f2, super, ctrl+c, quit, close…) puts the key presses or close request
// on SDL's queue and handles them as the real loop does; fails if they would end the kiosk.
// `clock-jump -3600` steps the virtual wall clock, as an NTP sync or a date command would.
// `clocks` draws the frame due (if any) and prints the monotonic clock and the process's CPU time
// in ns (kiosk-bench: process start to first frame).
// `steady-figures`: the staff overlay shows fixed sample figures for what varies from run to run
// (RSS, text cache, frame times), so its screenshots compare. `expect-exit restart` checks that
// the overlay's Restart (or `console`: Exit) asked the loop to end with its code, and clears it.
// `frame-stats` draws one frame and prints its CPU cost (build, queue, submit; on OpenGL ES also the
// GPU's time, waited for), vertices, triangles and draw calls.
// `mark` / `expect-frames N` count the frames drawn in between (N, or "<=N").
// `expect-frame-text N` (or "<=N") counts the texts laid out and blocks rasterised while frames
// were built since `mark` (any frame, a tap's too; idle time's work is not counted): after a
// language or text-size switch that idle time prepared, 0.
// `expect-rasterised N` (or "<=N") counts the text blocks rasterised on interactive frames (a
// finger on the glass, a swipe or fling moving) since start; `expect-text-cache` fails when the
// text cache is, or ever was, over its budget; `text-stats` prints the cache's figures;
// `expect-peak-rss MIB` fails when the process's peak resident memory so far is above MIB.
// `expect-targets MM` fails, naming each item and its size, when any touch target on the current
// screen is narrower or shorter than MM millimetres on the physical screen (--screen-mm).
// `expect-text-size MM` fails, quoting each, when any text drawn on the current screen (labels and
// reading text) has an em under MM millimetres on the physical screen. `ids` prints, per target,
// "id x y w h w_mm h_mm text EM_MM" (the smallest text inside it, "-" when none).
// `expect-reach` fails when a touch target starts above the reach line (kiosk.toml reach = "low").
// `expect-no-overflow` fails when the current frame drew text that does not fit: a line wider than
// its block (a word too long for the measure), a block or label partly off screen outside a
// scrolling/clipped region, or a button label wider than its button (see ui::Canvas::problems()).
#pragma once
#include <iosfwd>
#include <string>

namespace app {

class App;

// Runs the script in `path`. Returns 0, or 1 after printing "tour:LINE: what failed".
int play_tour(App& app, const std::string& path, const std::string& shots_dir, std::ostream& out, std::ostream& err);

}  // namespace app
