// Layering probe (see CMakeLists.txt here): screens never call SDL: SDL's headers are not on their include path.
#include <SDL.h>
int layering_probe_screens_sdl = 0;
