// suggest.h — "did you mean …?" for a misspelt key, column or file name: the closest known name
// by edit distance, when it is close enough to be a likely typo.
#pragma once
#include <toml++/toml.h>

#include <set>
#include <string>
#include <vector>

#include "content/curator/diagnostics.h"

namespace curator {

// Levenshtein distance, case-insensitive (a curator's `Idle` is the same typo as `idel`).
int edit_distance(const std::string& a, const std::string& b);
// The known name nearest to `word` within a third of its length (at least 2 edits), or "".
std::string nearest(const std::string& word, const std::vector<std::string>& known);
// "; did you mean \"idle\"?" or "; the keys here are idle and warning" — the tail of a message.
std::string suggestion(const std::string& word, const std::vector<std::string>& known, const std::string& noun = "keys");

// Reports every key of `t` not in `known`: `file:line: error: unknown key "idel" in [timeouts]; did you mean "idle"?`.
// `where` names the table ("" for the top level); `line_offset` shifts toml lines (front matter).
// Returns the known keys it suggested: the caller then need not also say that one is missing.
std::set<std::string> check_keys(const std::string& file, const toml::table& t, const std::vector<std::string>& known,
                const std::string& where, int line_offset, Diagnostics& diag);

}  // namespace curator
