// tool_main.cpp — kiosk-stats: read the kiosk's visitor statistics (see kiosk/stats/README.md).
#include <iostream>

#include "kiosk/stats/report.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return stats::run_cli(args, std::cout, std::cerr);
}
