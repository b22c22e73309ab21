// counts.h — labels that hold a count ("in {n} seconds", "{n} of {m}"), with the plural forms of
// each language, by ICU's MessageFormat: "{n, plural, one {# segundo} other {# segundos}}".
//
// Does:     format a label's {n} and {m} for a language; say why a label is not a valid pattern.
// Does not: hold any language's plural rules itself (ICU's CLDR data does), know SDL or ImGui.
#pragma once
#include <string>

namespace bundle {

// `label` with {n} and {m} filled in for `lang`. A label ICU cannot read is filled in plainly
// ("{n}" replaced by the number), so a visitor never sees a pattern.
std::string format_count(const std::string& label, const std::string& lang, int n, int m = 0);
// "" when `label` is a pattern ICU reads; otherwise why not, for `kiosk-bundle check`.
std::string count_pattern_problem(const std::string& label, const std::string& lang);

}  // namespace bundle
