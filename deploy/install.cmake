# deploy/install.cmake — the installed layout (`cmake --install`, and so the Debian package):
#   /usr/bin/kiosk, kiosk-bundle, kiosk-stats
#   /usr/share/museum-kiosk/factory.bundle     the sample exhibit (-DKIOSK_FACTORY_BUNDLE=ON)
#   /usr/share/museum-kiosk/fallback.ttf       -> DejaVu Sans, where platform::fallback_font() looks
#   /usr/share/museum-kiosk/map/*.rings        land files, where an installed kiosk-bundle looks
#   /etc/museum-kiosk/kiosk.toml               the site's settings (a conffile in the package)
#   /lib/systemd/system/museum-kiosk.service   the unit (deploy/museum-kiosk.service)
#   /usr/share/man/man1/kiosk*.1               manual pages (deploy/man/)
# The kiosk user (sysusers) and the state directory /var/lib/museum-kiosk belong to debian/.
include(GNUInstallDirs)
set(KIOSK_SYSTEMD_UNIT_DIR /lib/systemd/system CACHE PATH "where the systemd unit is installed (bookworm: /lib)")
set(KIOSK_DATA_DIR ${CMAKE_INSTALL_DATADIR}/museum-kiosk)

install(TARGETS kiosk kiosk-bundle kiosk-stats RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${CMAKE_SOURCE_DIR}/deploy/kiosk.toml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/museum-kiosk)
install(FILES ${CMAKE_SOURCE_DIR}/deploy/museum-kiosk.service DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
file(GLOB KIOSK_MAP_RINGS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/map/*.rings)
install(FILES ${KIOSK_MAP_RINGS} DESTINATION ${KIOSK_DATA_DIR}/map)
# A link, not a copy: the font stays Debian's (fonts-dejavu-core), updated with it.
install(CODE "
  file(MAKE_DIRECTORY \"\$ENV{DESTDIR}${CMAKE_INSTALL_FULL_DATADIR}/museum-kiosk\")
  file(CREATE_LINK /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
       \"\$ENV{DESTDIR}${CMAKE_INSTALL_FULL_DATADIR}/museum-kiosk/fallback.ttf\" SYMBOLIC)")

if(KIOSK_FACTORY_BUNDLE)
  # The sample exhibit, compiled by the kiosk-bundle just built, so it is exactly what that
  # architecture's kiosk-bundle makes. When cross-compiling CMake runs it through
  # CMAKE_CROSSCOMPILING_EMULATOR (qemu-aarch64-static). Reproducible per architecture
  # (SOURCE_DATE_EPOCH comes from debian/changelog); the arm64 and amd64 bundles differ only in the
  # map's vertices and triangles (floating-point differences between the two architectures).
  file(GLOB_RECURSE KIOSK_EXHIBIT_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/content/exhibit/*)
  add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/factory.bundle
    COMMAND kiosk-bundle build ${CMAKE_SOURCE_DIR}/content/exhibit -o ${CMAKE_BINARY_DIR}/factory.bundle
    DEPENDS kiosk-bundle ${KIOSK_EXHIBIT_SOURCES} ${KIOSK_MAP_RINGS}
    COMMENT "Compiling the sample exhibit into factory.bundle" VERBATIM)
  add_custom_target(factory-bundle ALL DEPENDS ${CMAKE_BINARY_DIR}/factory.bundle)
  install(FILES ${CMAKE_BINARY_DIR}/factory.bundle DESTINATION ${KIOSK_DATA_DIR})
endif()
install(FILES ${CMAKE_SOURCE_DIR}/deploy/man/kiosk.1 ${CMAKE_SOURCE_DIR}/deploy/man/kiosk-bundle.1
              ${CMAKE_SOURCE_DIR}/deploy/man/kiosk-stats.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
