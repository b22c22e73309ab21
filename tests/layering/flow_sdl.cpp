// Layering probe (see CMakeLists.txt here): flow is standard C++ only.
#include <SDL.h>
int layering_probe_flow_sdl = 0;
