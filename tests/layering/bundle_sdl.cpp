// Layering probe (see CMakeLists.txt here): content/bundle knows no SDL.
#include <SDL.h>
int layering_probe_bundle_sdl = 0;
