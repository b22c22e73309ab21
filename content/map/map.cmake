# content/map: the exile map's land layers — projection (header-only, content/map/projection.h),
# land files, antimeridian cutting, simplification, triangulation with GLU's tessellator.
# Included OPTIONALly by the top-level CMakeLists.txt after the curator target exists.
pkg_check_modules(GLU REQUIRED IMPORTED_TARGET glu)   # Debian: libglu1-mesa-dev
file(GLOB MAP_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/content/map/*.cpp)
add_library(kiosk_map STATIC ${MAP_SOURCES})
kiosk_layer(kiosk_map content/map)
# The map's checks report through the curator's diagnostics (content/curator/diagnostics.h).
target_include_directories(kiosk_map PRIVATE ${CMAKE_BINARY_DIR}/layers/curator)
target_link_libraries(kiosk_map PUBLIC bundle PkgConfig::TOMLPP PRIVATE PkgConfig::GLU)
# Bare land names in exhibit.toml's [map] fall back to this checkout's assets/map.
target_compile_definitions(kiosk_map PRIVATE KIOSK_MAP_ASSETS_DIR="${CMAKE_SOURCE_DIR}/assets/map")
# kiosk-bundle reads [map] (source.cpp) and checks the layers (validate.cpp).
target_link_libraries(curator PUBLIC kiosk_map)
# The land files beside the program too (build/assets/map/), where an installed kiosk-bundle looks.
file(GLOB MAP_ASSETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/map/*.rings)
foreach(f ${MAP_ASSETS})
  get_filename_component(n ${f} NAME)
  configure_file(${f} ${CMAKE_BINARY_DIR}/assets/map/${n} COPYONLY)
endforeach()
