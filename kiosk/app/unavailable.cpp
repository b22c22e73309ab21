// unavailable.cpp — the calm screen shown when no exhibit can be opened: a short apology in
// Spanish and English, set in the fallback font. The reason goes to the log, never on screen;
// the app keeps trying to open the bundle every few seconds.
//
// These two sentences are the only visitor text compiled into the program: without a bundle
// there is nowhere else to read them from.
#include <cstdio>

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
  ui::Layout es = text_->layout_plain("Esta exhibici\xC3\xB3n no est\xC3\xA1 disponible por el momento.", big, w);
  ui::Layout es2 = text_->layout_plain("Vuelva a intentarlo en unos minutos.", small, w);
  ui::Layout en = text_->layout_plain("This exhibit is not available right now.", big, w);
  ui::Layout en2 = text_->layout_plain("Please try again in a few minutes.", small, w);
  float total = es.height + es2.height + en.height + en2.height + th.mm(14.f);
  float y = (th.height - total) / 2;
  c.block(es, x, y);
  y += es.height + th.mm(1.f);
  c.block(es2, x, y);
  y += es2.height + th.mm(6.f);
  c.line(th.width / 2.f - th.mm(12.f), y, th.width / 2.f + th.mm(12.f), y, p.rule, 2.f);
  y += th.mm(6.f);
  c.block(en, x, y);
  y += en.height + th.mm(1.f);
  c.block(en2, x, y);
}

}  // namespace app
