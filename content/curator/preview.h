// preview.h — `kiosk-bundle preview SRC`: the curator edits, the kiosk shows it a moment later.
//
// Does:     build SRC into a scratch bundle, start the `kiosk` program that sits beside this tool
//           with --watch on that bundle, watch SRC (every folder in it, through inotify), and on
//           each save rebuild: a good build replaces the bundle by rename (the kiosk switches to it
//           keeping its screen), a failed one writes its `file:line: error: message` lines to
//           BUNDLE.errors (the kiosk shows them over the last good build). Ends when the kiosk ends,
//           with its exit code (a headless tour's verdict).
// Does not: link SDL or draw (the kiosk does), sign or install (kiosk-bundle sign / install).
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace curator {

struct PreviewOptions {
  std::string src, out;                // out "" = a scratch folder that is removed at the end
  std::string kiosk;                   // the kiosk program; "" = `kiosk` beside this executable
  std::vector<std::string> kiosk_args; // passed on (--headless --size WxH --tour FILE --shots DIR …)
  int quiet_ms = 120;                  // a save is done when the sources are quiet this long
};

int preview(const PreviewOptions& o, std::ostream& out, std::ostream& err);

}  // namespace curator
