// Layering probe (see CMakeLists.txt here): the control: platform's own headers compile.
#include "platform/video.h"
int layering_probe_platform_ok = 0;
