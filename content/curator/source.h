// source.h — reads a curator's exhibit folder (TOML, Markdown, CSV, pictures, fonts) into bundle
// contents, reporting every mistake as `path:line: error: …` in one pass.
#pragma once
#include <string>

#include "content/bundle/writer.h"
#include "content/curator/diagnostics.h"

namespace curator {

// Pictures are scaled at build time to fit in this box: the largest the kiosk ever draws them.
constexpr int kMaxImageSide = 1600;

// Reads `dir`. Errors go to `diag` (paths relative to `dir`'s parent as given); `progress`, when
// set, receives a line for each slow step.
bundle::Contents read_exhibit(const std::string& dir, Diagnostics& diag, void (*progress)(const std::string&) = nullptr);

}  // namespace curator
