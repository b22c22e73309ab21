// kiosk-bundle — the curator's tool: build an exhibit folder into a bundle, then check, describe
// or dump a bundle. Usage is printed for anything it does not understand.
#include <algorithm>
#include <cstring>
#include <iostream>

#include "content/curator/commands.h"
#include "content/curator/store_commands.h"

static int usage() {
  std::cerr << "usage:\n"
               "  kiosk-bundle build SOURCE_FOLDER -o FILE   compile an exhibit into one bundle file\n"
               "  kiosk-bundle check FILE                    is the bundle complete and correct?\n"
               "  kiosk-bundle info FILE                     title, languages, counts, sizes, hash\n"
               "  kiosk-bundle dump FILE --json              the whole content as JSON (no pictures)\n"
               "  kiosk-bundle keygen --out NAME             a signing key pair: NAME.key (secret) and NAME.pub\n"
               "  kiosk-bundle sign FILE --key NAME.key      sign a bundle: writes FILE.minisig\n"
               "  kiosk-bundle check FILE --keys A.pub [B.pub …]   also check its signature against trusted keys\n"
               "  kiosk-bundle install FILE --store DIR [--keys …] [--allow-unsigned] [--allow-downgrade]\n"
               "  kiosk-bundle status --store DIR [--keys …] current, trial and previous; exit 0 only when current verifies\n"
               "  kiosk-bundle scan --store DIR [--usb ROOT …] [--keys …]    install from DIR/inbox and ROOT/exhibit/\n"
               "  kiosk-bundle begin-run|mark-good --store DIR [--keys …] [--factory FILE]   the kiosk's trial steps\n"
               "  (store verbs read [store] from --config FILE, default /etc/museum-kiosk/kiosk.toml; options win)\n";
  return 2;
}

// The signing and store verbs; -1 when `verb` is none of them.
static int store_verb(const std::string& verb, int argc, char** argv) {
  if (verb == "keygen") {
    if (argc != 4 || strcmp(argv[2], "--out")) return usage();
    return curator::keygen(argv[3], std::cout, std::cerr);
  }
  if (verb == "sign") {
    if (argc != 5 || strcmp(argv[3], "--key")) return usage();
    return curator::sign(argv[2], argv[4], std::cout, std::cerr);
  }
  bool check_keys = verb == "check" && argc > 3 && !strcmp(argv[3], "--keys");
  static const char* const verbs[] = {"install", "status", "scan", "begin-run", "mark-good"};
  if (!check_keys && std::find(std::begin(verbs), std::end(verbs), verb) == std::end(verbs)) return -1;
  curator::StoreArgs a;
  std::string why;
  if (!curator::parse_store_args(argc, argv, 2, a, &why)) {
    std::cerr << "kiosk-bundle: " << why << "\n";
    return usage();
  }
  if (check_keys) {
    if (a.positional.size() != 1) return usage();
    int rc = curator::check_signature(a.positional[0], a.policy.trusted_keys, std::cout, std::cerr);
    return rc ? rc : curator::check(a.positional[0], std::cout, std::cerr);
  }
  if (a.store_dir.empty()) {
    std::cerr << "kiosk-bundle: which store? give --store DIR (or --config kiosk.toml with a [store] table)\n";
    return 2;
  }
  if (a.positional.size() != (verb == "install" ? 1u : 0u)) return usage();
  if (verb == "install") return curator::install(a.positional[0], a.store_dir, a.policy, std::cout, std::cerr);
  if (verb == "status") return curator::status(a.store_dir, a.policy, std::cout, std::cerr);
  if (verb == "scan") return curator::scan(a.store_dir, a.usb_roots, a.policy, std::cout, std::cerr);
  if (verb == "begin-run") return curator::begin_run(a.store_dir, a.policy, std::cout, std::cerr);
  return curator::mark_good(a.store_dir, std::cout, std::cerr);
}

int main(int argc, char** argv) {
  if (argc < 2) return usage();
  std::string verb = argv[1];
  try {
    if (int rc = store_verb(verb, argc, argv); rc >= 0) return rc;
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
