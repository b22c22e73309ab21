// Layering probe (see CMakeLists.txt here): content/bundle knows nothing of the kiosk.
#include "kiosk/flow/flow.h"
int layering_probe_bundle_kiosk = 0;
