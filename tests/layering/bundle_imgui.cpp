// Layering probe (see CMakeLists.txt here): content/bundle knows no ImGui.
#include <imgui.h>
int layering_probe_bundle_imgui = 0;
