// Layering probe (see CMakeLists.txt here): ui does not know the screens drawn with it.
#include "kiosk/screens/context.h"
int layering_probe_ui_screens = 0;
