// store_state_fuzz.cpp — libFuzzer target for the store's state file (content/bundle/store_state.h):
// whatever the bytes, parse_state returns or refuses without crashing, and what it accepts
// formats back to text that parses to the same state (so a rewrite never changes meaning).
// Seeds: tests/fuzz/corpus/store_state/ (real states from a store's life, damaged ones, '!' bodies).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "content/bundle/store_state.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // Inputs starting with '!' get a correct check line appended, so the fuzzer also explores the
  // field parser behind the checksum (which it could never forge by mutation).
  if (!text.empty() && text[0] == '!') text = text.substr(1) + store::check_line(text.substr(1));
  std::string why;
  auto st = store::parse_state(text, &why);
  if (!st) {
    if (why.empty()) abort();  // a refusal always says why
    return 0;
  }
  std::string again = store::format_state(*st);
  auto back = store::parse_state(again, &why);
  if (!back || store::format_state(*back) != again) abort();
  return 0;
}
