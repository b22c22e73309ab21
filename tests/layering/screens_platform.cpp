// Layering probe (see CMakeLists.txt here): screens never reach the window or the renderer.
#include "platform/video.h"
int layering_probe_screens_platform = 0;
