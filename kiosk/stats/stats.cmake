# kiosk/stats: visitor statistics (std + SQLite only) and the kiosk-stats tool.
# Included by the top CMakeLists.txt before the tests; links itself into kiosk_core so the app and
# the unit tests (tests/unit/stats_*_test.cpp) get it.
add_library(kiosk_stats STATIC
  ${CMAKE_SOURCE_DIR}/kiosk/stats/recorder.cpp
  ${CMAKE_SOURCE_DIR}/kiosk/stats/report.cpp)
target_include_directories(kiosk_stats PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(kiosk_stats PUBLIC bundle PkgConfig::SQLITE3)
target_link_libraries(kiosk_core PUBLIC kiosk_stats)

add_executable(kiosk-stats ${CMAKE_SOURCE_DIR}/kiosk/stats/tool_main.cpp)
target_link_libraries(kiosk-stats PRIVATE kiosk_stats)
