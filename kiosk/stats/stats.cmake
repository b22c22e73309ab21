# kiosk/stats: visitor statistics (std + SQLite only) and the kiosk-stats tool.
# Included by the top CMakeLists.txt before the tests; links itself into kiosk_app so the app and
# the unit tests (tests/unit/stats_*_test.cpp) get it. A writer thread of its own does the writes.
add_library(kiosk_stats STATIC
  ${CMAKE_SOURCE_DIR}/kiosk/stats/recorder.cpp
  ${CMAKE_SOURCE_DIR}/kiosk/stats/report.cpp)
kiosk_layer(kiosk_stats kiosk/stats)
target_link_libraries(kiosk_stats PUBLIC bundle PkgConfig::SQLITE3 PRIVATE Threads::Threads)
target_link_libraries(kiosk_app PUBLIC kiosk_stats)

add_executable(kiosk-stats ${CMAKE_SOURCE_DIR}/kiosk/stats/tool_main.cpp)
target_link_libraries(kiosk-stats PRIVATE kiosk_stats)
