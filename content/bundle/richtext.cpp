// richtext.cpp — see richtext.h. cmark gives us CommonMark's exact rules for emphasis
// (`*a*b*`, intraword underscores, escapes) instead of a hand-written approximation.
#include "content/bundle/richtext.h"

#include <cmark.h>

namespace bundle {

namespace {

struct Walker {
  std::vector<Paragraph> out;
  std::vector<std::pair<int, std::string>>* problems;
  int italic = 0, bold = 0;

  void problem(cmark_node* n, const std::string& what) {
    if (problems) problems->push_back({cmark_node_get_start_line(n), what});
  }
  void add(const std::string& s) {
    if (s.empty()) return;
    if (out.empty()) out.emplace_back();
    Paragraph& p = out.back();
    bool it = italic > 0, bo = bold > 0;
    if (!p.empty() && p.back().italic == it && p.back().bold == bo) p.back().text += s;
    else p.push_back({s, it, bo});
  }
  void inlines(cmark_node* n) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_TEXT: add(cmark_node_get_literal(c)); break;
        case CMARK_NODE_SOFTBREAK: add(" "); break;
        case CMARK_NODE_LINEBREAK: add(" "); break;
        case CMARK_NODE_EMPH: ++italic; inlines(c); --italic; break;
        case CMARK_NODE_STRONG: ++bold; inlines(c); --bold; break;
        case CMARK_NODE_CODE:
          problem(c, "`code` is not shown as code on the kiosk; remove the backticks");
          add(cmark_node_get_literal(c));
          break;
        case CMARK_NODE_LINK:
          problem(c, "links cannot be followed on the kiosk; write the text without [ ]( )");
          inlines(c);
          break;
        case CMARK_NODE_IMAGE: problem(c, "pictures go in the room's [image] block, not in the text"); break;
        case CMARK_NODE_HTML_INLINE: problem(c, "HTML is not allowed in room text"); break;
        default: inlines(c); break;
      }
    }
  }
  void blocks(cmark_node* n) {
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
      switch (cmark_node_get_type(c)) {
        case CMARK_NODE_PARAGRAPH:
          out.emplace_back();
          inlines(c);
          break;
        case CMARK_NODE_HEADING:
          problem(c, "headings are not allowed inside a page; the room's title comes from [title]");
          out.emplace_back();
          inlines(c);
          break;
        case CMARK_NODE_THEMATIC_BREAK: break;  // page breaks are split off before parsing
        case CMARK_NODE_LIST:
          problem(c, "lists are not allowed in room text; write paragraphs");
          blocks(c);
          break;
        case CMARK_NODE_ITEM:
        case CMARK_NODE_BLOCK_QUOTE: blocks(c); break;
        default:
          problem(c, "only paragraphs, *italic* and **bold** are allowed in room text");
          break;
      }
    }
  }
};

}  // namespace

std::vector<Paragraph> parse_page(const std::string& markdown, std::vector<std::pair<int, std::string>>* problems) {
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  Walker w{{}, problems};
  w.blocks(doc);
  cmark_node_free(doc);
  std::vector<Paragraph> out;
  for (auto& p : w.out)
    if (!p.empty()) out.push_back(std::move(p));
  return out;
}

std::string plain_text(const std::vector<Paragraph>& page) {
  std::string s;
  for (size_t i = 0; i < page.size(); ++i) {
    if (i) s += "\n\n";
    for (const auto& r : page[i]) s += r.text;
  }
  return s;
}

}  // namespace bundle
