// suggest.cpp — see suggest.h.
#include "content/curator/suggest.h"

#include <algorithm>
#include <cctype>

namespace curator {

int edit_distance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = (int)j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = (int)i;
    for (size_t j = 1; j <= b.size(); ++j) {
      bool same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string nearest(const std::string& word, const std::vector<std::string>& known) {
  std::string best;
  int best_d = std::max(2, (int)word.size() / 3) + 1;
  for (const auto& k : known) {
    int d = edit_distance(word, k);
    if (d < best_d) best_d = d, best = k;
  }
  return best;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& known, const std::string& noun) {
  std::string near = nearest(word, known);
  if (!near.empty()) return "; did you mean \"" + near + "\"?";
  if (known.empty()) return "; remove it";
  if (known.size() > 8) return "; check its spelling (see content/README.md)";
  std::string list;
  for (size_t i = 0; i < known.size(); ++i) list += (i ? (i + 1 == known.size() ? " and " : ", ") : "") + known[i];
  return "; the " + noun + " here are " + list;
}

std::set<std::string> check_keys(const std::string& file, const toml::table& t, const std::vector<std::string>& known,
                                 const std::string& where, int line_offset, Diagnostics& diag) {
  std::set<std::string> suggested;
  for (auto&& [k, v] : t) {
    std::string key(k.str());
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    int line = (int)(v.source().begin.line ? v.source().begin.line : k.source().begin.line);
    diag.error(file, line + line_offset,
               "unknown key \"" + key + "\"" + (where.empty() ? "" : " in " + where) + suggestion(key, known));
    std::string near = nearest(key, known);
    if (!near.empty()) suggested.insert(near);
  }
  return suggested;
}

}  // namespace curator
