// store_link.cpp — placeholder until the store's implementation lands (see store.h).
#include "kiosk/app/app.h"

namespace app {
void App::store_changes(const std::vector<std::string>&) {}
}  // namespace app
