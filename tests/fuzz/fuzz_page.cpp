// fuzz_page.cpp — a room page's Markdown as the kiosk lays it out (bundle::parse_page, cmark),
// with the curator's list of problems, and its plain text.
#include <string>

#include "content/bundle/richtext.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string md(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<int, std::string>> problems;
  auto page = bundle::parse_page(md, &problems);
  (void)bundle::plain_text(page);
  return 0;
}
