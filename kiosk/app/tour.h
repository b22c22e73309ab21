// tour.h — plays a tour script against the app on a virtual clock: how tests, CI and reviewers
// see what a visitor sees. One command a line:
//   tap X Y | tap @id | swipe X1 Y1 X2 Y2 MS | pinch X Y SCALE | wait MS | idle SECONDS | lang CODE
//   shot NAME | expect-screen NAME | expect-lang CODE | expect-text "…" | ids | mark | expect-frames N
//   # comment
// Coordinates are pixels, or fractions of the screen when written with a decimal point.
// `mark` / `expect-frames N` count the frames drawn in between (N, or "<=N").
#pragma once
#include <iosfwd>
#include <string>

namespace app {

class App;

// Runs the script in `path`. Returns 0, or 1 after printing "tour:LINE: what failed".
int play_tour(App& app, const std::string& path, const std::string& shots_dir, std::ostream& out, std::ostream& err);

}  // namespace app
