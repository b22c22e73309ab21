// Layering probe (see CMakeLists.txt here): the control: what screens may include compiles.
#include "kiosk/screens/context.h"
int layering_probe_screens_ok = 0;
