// kiosk-bundle — the curator's tool: build an exhibit folder into a bundle, then check, describe
// or dump a bundle. Usage is printed for anything it does not understand.
#include <cstring>
#include <iostream>

#include "content/curator/commands.h"

static int usage() {
  std::cerr << "usage:\n"
               "  kiosk-bundle build SOURCE_FOLDER -o FILE   compile an exhibit into one bundle file\n"
               "  kiosk-bundle check FILE                    is the bundle complete and correct?\n"
               "  kiosk-bundle info FILE                     title, languages, counts, sizes, hash\n"
               "  kiosk-bundle dump FILE --json              the whole content as JSON (no pictures)\n";
  return 2;
}

int main(int argc, char** argv) {
  if (argc < 3) return usage();
  std::string verb = argv[1];
  try {
    if (verb == "build") {
      std::string src, out;
      for (int i = 2; i < argc; ++i) {
        if (!strcmp(argv[i], "-o") && i + 1 < argc) out = argv[++i];
        else if (src.empty()) src = argv[i];
        else return usage();
      }
      if (src.empty() || out.empty()) return usage();
      return curator::build(src, out, std::cout, std::cerr);
    }
    if (verb == "check" && argc == 3) return curator::check(argv[2], std::cout, std::cerr);
    if (verb == "info" && argc == 3) return curator::info(argv[2], std::cout, std::cerr);
    if (verb == "dump" && argc == 4 && !strcmp(argv[3], "--json")) return curator::dump_json(argv[2], std::cout, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << "kiosk-bundle: " << e.what() << "\n";
    return 2;
  }
  return usage();
}
