// ui_keys.h — the UI labels every exhibit must provide in strings.toml.
// The kiosk asks for these keys; `kiosk-bundle check` refuses a bundle that lacks one. Beside
// them, each of the exhibit's own languages needs its name on the language switch, lang.<code>,
// and no other language's name is demanded.
#pragma once
#include <string>
#include <vector>

namespace bundle {

inline constexpr const char* kRequiredUiKeys[] = {
    "home.rooms",     "home.map",       "home.quotes",    "home.questions", "nav.home",
    "nav.back",       "room.prev",      "room.next",      "room.page",      "text.larger",
    "text.smaller",   "rooms.title",    "quotes.title",   "questions.title", "answer.back",
    "map.title",      "map.unavailable", "warning.title", "warning.body",   "warning.continue",
    "attract.touch",  "quote.open",     "quote.close",  // quotation marks: “…”, „…”, « … »
};

// Exactly what the kiosk shows for an exhibit in `languages`: the keys above and lang.<code>.
inline std::vector<std::string> required_ui_keys(const std::vector<std::string>& languages) {
  std::vector<std::string> keys(std::begin(kRequiredUiKeys), std::end(kRequiredUiKeys));
  for (const auto& l : languages) keys.push_back("lang." + l);
  return keys;
}

}  // namespace bundle
