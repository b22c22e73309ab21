// apologies.h — the "exhibit unavailable" screen's two sentences in the languages a kiosk may
// be set to show them in (kiosk.toml's unavailable_languages). The only visitor text compiled
// into the program: without a bundle there is nowhere else to read it from.
#pragma once
#include <string>

namespace app {

struct Apology {
  const char* lang;
  const char* title;  // the exhibit is not available
  const char* body;   // try again in a few minutes
};

// The apology in `lang`, or nullptr when the program has none in that language.
const Apology* apology(const std::string& lang);
// The codes the program has, "de, en, …", for a config error message.
std::string apology_languages();

}  // namespace app
