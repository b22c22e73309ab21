// Layering probe (see CMakeLists.txt here): flow is standard C++ only: not even ui.
#include "kiosk/ui/theme.h"
int layering_probe_flow_ui = 0;
