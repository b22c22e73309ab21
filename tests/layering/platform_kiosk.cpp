// Layering probe (see CMakeLists.txt here): platform never includes kiosk/.
#include "kiosk/flow/flow.h"
int layering_probe_platform_kiosk = 0;
