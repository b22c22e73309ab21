// equivalent_page.cpp — see equivalent_page.h.
#include "equivalent_page.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "kiosk/ui/theme.h"

namespace bench {

namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string css(ui::Colour c) {
  char buf[16];
  snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

// "serif_bold" -> family "exhibit-serif", weight 700; "serif_italic" -> style italic.
std::string font_face(const std::string& role) {
  std::string family = "exhibit-" + role.substr(0, role.find('_'));
  bool bold = role.find("bold") != std::string::npos, italic = role.find("italic") != std::string::npos;
  return "@font-face{font-family:\"" + family + "\";src:url(\"" + role + ".ttf\");font-weight:" + (bold ? "700" : "400") +
         ";font-style:" + (italic ? "italic" : "normal") + "}\n";
}

// The sizes and colours of kiosk/screens/home.cpp and chrome.cpp's top bar, in CSS.
std::string style(const ui::Theme& th) {
  const ui::Palette& p = th.colours;
  const int pad = th.mm(2.5f), target = th.target(), bar = target + 2 * pad, m = th.margin();
  std::ostringstream s;
  s << "html,body{margin:0;width:" << th.width << "px;height:" << th.height << "px;overflow:hidden;background:" << css(p.paper)
    << ";color:" << css(p.ink) << "}\n"
    << ".bar{height:" << bar << "px;background:" << css(p.panel) << ";border-bottom:1px solid " << css(p.rule)
    << ";display:flex;justify-content:flex-end;align-items:center;gap:" << th.mm(2.f) << "px;padding:0 " << m << "px}\n"
    << ".bar button{font:" << th.label_px() << "px exhibit-sans;min-width:" << target << "px;height:" << target << "px;padding:0 "
    << th.mm(4.5f) << "px;border:0;border-radius:" << th.mm(2.f) << "px;background:none;color:" << css(p.ink) << "}\n"
    << ".bar button.current{background:" << css(p.accent) << ";color:" << css(p.on_accent) << "}\n"
    << "main{margin:" << th.mm(4.f) << "px " << m << "px 0}\n"
    << "h1{margin:0 0 " << th.mm(2.f) << "px;font:700 " << th.title_px() << "px/1.15 exhibit-serif}\n"
    << ".sub{margin:0 0 " << th.mm(6.f) << "px;font:" << th.title_px() * 3 / 5 << "px/1.3 exhibit-serif;color:" << css(p.ink_soft)
    << "}\n"
    << ".cards{display:grid;grid-template-columns:" << (th.portrait() ? "1fr" : "1fr 1fr") << ";gap:" << th.gap() << "px}\n"
    << ".card{height:" << th.mm(56.f) << "px;box-sizing:border-box;background:" << css(p.panel) << ";border-radius:" << th.mm(2.f)
    << "px;border-left:" << th.mm(1.6f) << "px solid " << css(p.accent)
    << ";display:flex;flex-direction:column;justify-content:center;padding:0 " << th.mm(6.f) << "px}\n"
    << ".card h2{margin:0;font:700 " << th.heading_px() << "px/1.2 exhibit-sans}\n"
    << ".card p{margin:" << th.mm(1.5f) << "px 0 0;font:" << th.small_px() + 2 << "px/1.3 exhibit-serif;color:" << css(p.ink_soft)
    << "}\n";
  return s.str();
}

}  // namespace

std::string home_page_html(const bundle::Exhibit& ex, const std::vector<std::string>& font_roles, int width, int height) {
  ui::Theme th;
  th.width = width, th.height = height;
  const std::string lang = ex.meta.languages.empty() ? "" : ex.meta.languages.front();
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"" << escape(lang) << "\"><head><meta charset=\"utf-8\">\n<title>"
    << escape(ex.meta.title.in(lang)) << "</title>\n<style>\n";
  for (const auto& role : font_roles) h << font_face(role);
  h << style(th) << "</style></head>\n<body>\n<div class=\"bar\">";
  for (const auto& code : ex.meta.languages)
    h << "<button" << (code == lang ? " class=\"current\"" : "") << ">" << escape(ex.label("lang." + code, code)) << "</button>";
  h << "</div>\n<main>\n<h1>" << escape(ex.meta.title.in(lang)) << "</h1>\n";
  if (!ex.meta.subtitle.in(lang).empty()) h << "<p class=\"sub\">" << escape(ex.meta.subtitle.in(lang)) << "</p>\n";
  h << "<div class=\"cards\">\n";
  for (const char* id : {"home.rooms", "home.map", "home.quotes", "home.questions"}) {
    const std::string hint = std::string(id) + ".hint";
    h << "<a class=\"card\"><h2>" << escape(ex.label(id, lang)) << "</h2>";
    if (ex.strings.count(hint)) h << "<p>" << escape(ex.label(hint, lang)) << "</p>";
    h << "</a>\n";
  }
  h << "</div>\n</main>\n</body></html>\n";
  return h.str();
}

bool write_home_page(const std::string& bundle_path, const std::string& dir, int width, int height, std::string& page,
                     std::string& why) {
  std::unique_ptr<bundle::Bundle> b;
  try {
    b = bundle::Bundle::open(bundle_path);
  } catch (const bundle::OpenError& e) {
    why = e.what();
    return false;
  }
  std::vector<std::string> written;
  for (const auto& role : b->exhibit().font_roles) {
    std::vector<uint8_t> bytes = b->font_bytes(role);
    std::ofstream f(dir + "/" + role + ".ttf", std::ios::binary | std::ios::trunc);
    if (bytes.empty() || !f.write((const char*)bytes.data(), (std::streamsize)bytes.size())) {
      why = "could not write the font " + role + " into " + dir;
      return false;
    }
    written.push_back(role);
  }
  page = dir + "/home.html";
  std::ofstream f(page, std::ios::trunc);
  if (!(f << home_page_html(b->exhibit(), written, width, height))) {
    why = "could not write " + page;
    return false;
  }
  return true;
}

}  // namespace bench
