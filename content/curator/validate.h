// validate.h — the rules every bundle must satisfy, shared by `build` (before writing) and
// `check` (on a finished file): references resolve, every text exists in every language,
// dates are ISO, coordinates are on Earth, pictures decode, fonts cover every character.
#pragma once
#include <string>
#include <vector>

#include "content/bundle/writer.h"

namespace curator {

// "1929", "1929-02" or "1929-02-12" with a real month and day.
bool is_iso_date(const std::string& s);
// The id rule for rooms, places, quotes, questions: lower-case letters, digits and '-'.
bool is_id(const std::string& s);
// Words in a text (runs of non-space), for length budgets.
int count_words(const std::string& s);

// Every problem found, one human sentence each (no file:line: these are checks of the whole).
std::vector<std::string> validate(const bundle::Contents& c);

}  // namespace curator
