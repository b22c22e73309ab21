// Layering probe (see CMakeLists.txt here): screens do not know the app that wires them.
#include "kiosk/app/app.h"
int layering_probe_screens_app = 0;
