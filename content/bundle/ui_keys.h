// ui_keys.h — the UI labels every exhibit must provide in strings.toml.
// The kiosk asks for these keys; `kiosk-bundle check` refuses a bundle that lacks one.
#pragma once

namespace bundle {

inline constexpr const char* kRequiredUiKeys[] = {
    "home.rooms",     "home.map",       "home.quotes",    "home.questions", "lang.es",
    "lang.en",        "nav.home",       "nav.back",       "room.prev",      "room.next",
    "room.page",      "text.larger",    "text.smaller",   "rooms.title",    "quotes.title",
    "questions.title", "answer.back",   "map.title",      "map.unavailable", "warning.title",
    "warning.body",   "warning.continue", "attract.touch",
};

}  // namespace bundle
