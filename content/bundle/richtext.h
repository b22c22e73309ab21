// richtext.h — the Markdown subset of room pages: paragraphs of plain, *italic* and **bold** runs.
//
// Does:     parse a page with cmark (CommonMark), report anything outside the subset.
// Does not: lay out or draw text (kiosk/ui does).
#pragma once
#include <string>
#include <vector>

namespace bundle {

struct Run {
  std::string text;
  bool italic = false, bold = false;
};
using Paragraph = std::vector<Run>;

// Parses `markdown` into paragraphs. Elements outside the subset (headings, lists, links…)
// keep their text as plain runs; each is described once in `problems` (with its 1-based line)
// when problems is given, so the curator's check can say what to change.
std::vector<Paragraph> parse_page(const std::string& markdown, std::vector<std::pair<int, std::string>>* problems = nullptr);

// The page as plain text, paragraphs separated by blank lines (for word counts and search).
std::string plain_text(const std::vector<Paragraph>& page);

}  // namespace bundle
