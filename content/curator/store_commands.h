// store_commands.h — the signing and store verbs of `kiosk-bundle`, callable from tests:
// keygen, sign, check --keys, install, status, scan, begin-run, mark-good. Exit codes: 0 done,
// 1 refused or not verified (the reason on one line), 2 a file or folder that cannot be used.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "content/bundle/store.h"

namespace curator {

int keygen(const std::string& out_base, std::ostream& out, std::ostream& err);
int sign(const std::string& file, const std::string& key_file, std::ostream& out, std::ostream& err);
int check_signature(const std::string& file, const std::vector<std::string>& keys, std::ostream& out, std::ostream& err);
int install(const std::string& file, const std::string& store_dir, const store::Policy&, std::ostream& out, std::ostream& err);
int status(const std::string& store_dir, const store::Policy&, std::ostream& out, std::ostream& err);
int scan(const std::string& store_dir, const std::vector<std::string>& usb_roots, const store::Policy&, std::ostream& out,
         std::ostream& err);
int begin_run(const std::string& store_dir, const store::Policy&, std::ostream& out, std::ostream& err);
int mark_good(const std::string& store_dir, std::ostream& out, std::ostream& err);

// Parses the store options shared by the verbs: --config kiosk.toml (default: the installed
// /etc/museum-kiosk/kiosk.toml when present; its [store] table), then --store DIR, --keys A.pub
// [B.pub …], --factory FILE, --allow-unsigned, --allow-downgrade, --max-trial-starts N, --usb ROOT,
// which override it. Returns false with *error naming the unknown argument.
struct StoreArgs {
  std::string store_dir;
  std::vector<std::string> positional, usb_roots;
  store::Policy policy;
};
bool parse_store_args(int argc, char** argv, int first, StoreArgs& out, std::string* error);

}  // namespace curator
