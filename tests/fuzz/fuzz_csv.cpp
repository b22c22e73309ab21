// fuzz_csv.cpp — a spreadsheet's CSV export through the curator's reader (content/curator/csv.h)
// with the columns of quotes.csv.
#include <string>

#include "content/curator/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  curator::Diagnostics diag;
  auto rows = curator::parse_csv("quotes.csv", text, {"id", "room", "year", "text_es", "text_en"}, {"note_es", "note_en"}, diag);
  for (const auto& r : rows) (void)r["id"];
  return 0;
}
