// unavailable.cpp — the calm screen shown when no exhibit can be opened: a short apology in the
// kiosk's two configured languages (kiosk.toml's unavailable_languages; Spanish and English by
// default), set in the fallback font. The reason goes to the log, never on screen; the app
// keeps trying to open the bundle every few seconds. The sentences live in apologies.cpp.
#include "kiosk/app/apologies.h"
#include "kiosk/app/app.h"
#include "platform/paths.h"

namespace app {

// The fallback font's bytes (platform::fallback_font()), or empty when there is none.
static std::vector<uint8_t> read_fallback_font() {
  std::vector<uint8_t> bytes;
  std::string path = platform::fallback_font();
  if (FILE* f = path.empty() ? nullptr : fopen(path.c_str(), "rb")) {
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    bytes.resize(n > 0 ? (size_t)n : 0);
    if (fread(bytes.data(), 1, bytes.size(), f) != bytes.size()) bytes.clear();
    fclose(f);
  }
  return bytes;
}

// The "exhibit unavailable" screen is set in the fallback font; every face falls back to it.
void App::show_fallback_fonts() {
  std::vector<uint8_t> sans = read_fallback_font();
  text_->set_fonts({{ui::Face::Sans, sans}});
  pictures_->clear();
  label_font_bytes_ = std::move(sans);
  setup_labels();
}

void App::draw_unavailable(ui::Canvas& c) {
  const ui::Theme& th = theme_;
  const auto& p = th.colours;
  int w = std::min(th.width - 2 * th.margin(), th.mm(220.f));
  float x = (th.width - w) / 2.f;
  ui::TextStyle big{ui::Face::Sans, th.heading_px(), p.ink, 1.3f, 0.5f, ui::Align::Centre};
  ui::TextStyle small{ui::Face::Sans, th.body_px(), p.ink_soft, 1.4f, 0.5f, ui::Align::Centre};
  std::vector<std::pair<ui::Layout, ui::Layout>> parts;
  for (const auto& lang : opt_.config.unavailable_languages)
    if (const Apology* a = apology(lang)) parts.emplace_back(text_->layout_plain(a->title, big, w), text_->layout_plain(a->body, small, w));
  if (parts.empty()) parts.emplace_back(text_->layout_plain(apology("en")->title, big, w), text_->layout_plain(apology("en")->body, small, w));
  float total = th.mm(12.f) * (parts.size() - 1);
  for (const auto& [title, body] : parts) total += title.height + th.mm(1.f) + body.height;
  float y = (th.height - total) / 2;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      y += th.mm(6.f);
      c.line(th.width / 2.f - th.mm(12.f), y, th.width / 2.f + th.mm(12.f), y, p.rule, 2.f);
      y += th.mm(6.f);
    }
    c.block(parts[i].first, x, y);
    y += parts[i].first.height + th.mm(1.f);
    c.block(parts[i].second, x, y);
    y += parts[i].second.height;
  }
}

}  // namespace app
