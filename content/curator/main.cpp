// kiosk-bundle — the curator's tool: build an exhibit folder into a bundle, then check, describe
// or dump a bundle. Usage is printed for anything it does not understand.
#include <cstring>
#include <iostream>

#include "content/curator/commands.h"
#include "content/curator/preview.h"

static int usage() {
  std::cerr << "usage:\n"
               "  kiosk-bundle build SOURCE_FOLDER -o FILE   compile an exhibit into one bundle file\n"
               "  kiosk-bundle check FILE                    is the bundle complete and correct?\n"
               "  kiosk-bundle info FILE                     title, languages, counts, sizes, hash\n"
               "  kiosk-bundle dump FILE --json              the whole content as JSON (no pictures)\n"
               "  kiosk-bundle preview SOURCE_FOLDER [--out FILE] [kiosk options]\n"
               "                                             show it in the kiosk, rebuilt on every save\n"
               "      kiosk options: --screen-mm WxH, or headless: --headless --size WxH --tour FILE [--shots DIR]\n";
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
    if (verb == "preview") {
      curator::PreviewOptions o;
      for (int i = 2; i < argc; ++i) {
        if (!strcmp(argv[i], "--out") && i + 1 < argc) o.out = argv[++i];
        else if (!strcmp(argv[i], "--kiosk") && i + 1 < argc) o.kiosk = argv[++i];
        else if (argv[i][0] == '-') o.kiosk_args.push_back(argv[i]);  // the kiosk's own options
        else if (o.src.empty()) o.src = argv[i];
        else o.kiosk_args.push_back(argv[i]);
      }
      if (o.src.empty()) return usage();
      return curator::preview(o, std::cout, std::cerr);
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
