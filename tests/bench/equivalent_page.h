// equivalent_page.h — the kiosk's home screen as a static web page, for kiosk-bench's comparison
// with Chromium (issue 11: the kiosk's first frame costs at most 1/5 of Chromium's start-up CPU
// "on the equivalent page").
//
// Does:     write, from a bundle, the page a web kiosk would show instead: the same title,
//           subtitle, four entries with their hints and language names (in the exhibit's default
//           language, as the kiosk starts), the bundle's own fonts as @font-face, the kiosk's
//           palette and sizes (kiosk/ui/theme.h) at the kiosk's screen size.
// Does not: copy the kiosk's layout to the pixel (that is the screenshot tests' job), run any
//           script, or start Chromium (chromium_figures() in figures.cpp does).
#pragma once
#include <string>
#include <vector>

#include "content/bundle/bundle.h"

namespace bench {

// The page's HTML. `font_roles` are the fonts written beside it, each as "<role>.ttf".
std::string home_page_html(const bundle::Exhibit& ex, const std::vector<std::string>& font_roles, int width, int height);

// Opens `bundle_path`, writes its fonts and `<dir>/home.html`; `page` gets the page's path.
// False with `why` (one line) when the bundle cannot be opened or a file cannot be written.
bool write_home_page(const std::string& bundle_path, const std::string& dir, int width, int height, std::string& page,
                     std::string& why);

}  // namespace bench
