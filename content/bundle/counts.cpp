// counts.cpp — plural-aware counts in labels through ICU (see counts.h).
#include "content/bundle/counts.h"

#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <memory>

namespace bundle {

namespace {

std::unique_ptr<icu::MessageFormat> compile(const std::string& label, const std::string& lang, UErrorCode& err,
                                            UParseError& where) {
  auto fmt = std::make_unique<icu::MessageFormat>(icu::UnicodeString::fromUTF8(label), icu::Locale(lang.c_str()), where, err);
  return U_SUCCESS(err) ? std::move(fmt) : nullptr;
}

std::string plain(std::string s, int n, int m) {
  for (auto [tag, v] : {std::pair{"{n}", n}, std::pair{"{m}", m}}) {
    size_t at = s.find(tag);
    if (at != std::string::npos) s.replace(at, 3, std::to_string(v));
  }
  return s;
}

}  // namespace

std::string format_count(const std::string& label, const std::string& lang, int n, int m) {
  UErrorCode err = U_ZERO_ERROR;
  UParseError where{};
  auto fmt = compile(label, lang, err, where);
  if (!fmt) return plain(label, n, m);
  const icu::UnicodeString names[] = {"n", "m"};
  const icu::Formattable args[] = {(int32_t)n, (int32_t)m};
  icu::UnicodeString out;
  fmt->format(names, args, 2, out, err);
  if (U_FAILURE(err)) return plain(label, n, m);
  std::string s;
  return out.toUTF8String(s);
}

std::string count_pattern_problem(const std::string& label, const std::string& lang) {
  UErrorCode err = U_ZERO_ERROR;
  UParseError where{};
  if (compile(label, lang, err, where)) return "";
  return std::string("is not a valid count pattern (") + u_errorName(err) + " at character " + std::to_string(where.offset + 1) +
         "); write it like \"{n, plural, one {# second} other {# seconds}}\"";
}

}  // namespace bundle
