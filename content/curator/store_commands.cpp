// store_commands.cpp — see store_commands.h. Each verb prints one line of outcome (stdout when
// it worked, stderr with "kiosk-bundle: " when it did not); status prints the whole store.
#include "content/curator/store_commands.h"

#include <toml++/toml.h>

#include <cstring>
#include <fstream>

#include "content/bundle/signature.h"

namespace curator {

int keygen(const std::string& out_base, std::ostream& out, std::ostream& err) {
  try {
    signature::PublicKey pk = signature::keygen(out_base);
    out << "wrote " << out_base << ".key (secret: keep it on the curator's computer, never on a kiosk) and "
        << out_base << ".pub (copy it to each kiosk's trusted_keys); key id " << signature::key_id_hex(pk.key_id) << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "kiosk-bundle: " << e.what() << "\n";
    return 2;
  }
}

int sign(const std::string& file, const std::string& key_file, std::ostream& out, std::ostream& err) {
  try {
    signature::SecretKey key = signature::load_secret_key(key_file);
    std::string tc = store::trusted_comment_for(file);  // throws when `file` is not a valid bundle
    signature::Signature s = signature::sign_file(file, key, tc);
    std::string sig_path = signature::signature_path(file);
    signature::write_signature_file(sig_path, s);
    out << "signed " << file << " with key " << signature::key_id_hex(key.key_id) << " → " << sig_path << "\n";
    return 0;
  } catch (const std::exception& e) {
    err << "kiosk-bundle: " << e.what() << "\n";
    return 2;
  }
}

int check_signature(const std::string& file, const std::vector<std::string>& keys, std::ostream& out, std::ostream& err) {
  store::Policy p;
  p.trusted_keys = keys;
  store::Result r = store::verify_bundle(file, p);
  if (!r.ok) {
    err << "kiosk-bundle: " << file << " is refused: " << r.message << "\n";
    return 1;
  }
  out << file << ": " << r.message << "\n";
  return 0;
}

int install(const std::string& file, const std::string& store_dir, const store::Policy& p, std::ostream& out, std::ostream& err) {
  store::Result r = store::install(store_dir, file, p);
  if (!r.ok) {
    err << "kiosk-bundle: " << file << " was not installed: " << r.message << "\n";
    return 1;
  }
  out << r.message << "\n";
  return 0;
}

int status(const std::string& store_dir, const store::Policy& p, std::ostream& out, std::ostream& err) {
  std::string report;
  store::Result r = store::status(store_dir, p, report);
  out << report;
  (r.ok ? out : err) << (r.ok ? "" : "kiosk-bundle: ") << r.message << "\n";
  return r.ok ? 0 : 1;
}

int scan(const std::string& store_dir, const std::vector<std::string>& usb, const store::Policy& p, std::ostream& out, std::ostream&) {
  for (const auto& line : store::scan_inbox(store_dir, usb, p)) out << line << "\n";
  return 0;
}

int begin_run(const std::string& store_dir, const store::Policy& p, std::ostream& out, std::ostream& err) {
  std::string path = store::begin_run(store_dir, p);
  if (path.empty()) {
    err << "kiosk-bundle: the store " << store_dir << " has no bundle that verifies, and there is no factory bundle\n";
    return 1;
  }
  out << path << "\n";
  return 0;
}

int mark_good(const std::string& store_dir, std::ostream& out, std::ostream&) {
  store::State before = store::read_state(store_dir);
  store::mark_good(store_dir);
  store::State after = store::read_state(store_dir);
  if (before.trial && after.current && after.current->hash == before.trial->hash)
    out << "the trial " << after.current->version << " is now current\n";
  else
    out << "nothing on trial\n";
  return 0;
}

// The kiosk's own [store] settings, so a technician on the kiosk can type `kiosk-bundle status`.
// The kiosk checks this table strictly (kiosk/app/config.cpp); here a key it lacks stays default.
static bool load_store_config(const std::string& path, StoreArgs& a, std::string* error) {
  toml::table t;
  try {
    t = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    *error = path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description());
    return false;
  }
  const toml::table* st = t["store"].as_table();
  if (!st) return true;
  a.store_dir = (*st)["dir"].value_or(a.store_dir);
  auto list = [&](const char* key, std::vector<std::string>& to) {
    if (const toml::array* arr = (*st)[key].as_array())
      for (auto&& v : *arr)
        if (auto s = v.value<std::string>()) to.push_back(*s);
  };
  list("trusted_keys", a.policy.trusted_keys);
  list("usb_roots", a.usb_roots);
  a.policy.allow_unsigned = (*st)["allow_unsigned"].value_or(false);
  a.policy.allow_downgrade = (*st)["allow_downgrade"].value_or(false);
  a.policy.factory_bundle = (*st)["factory_bundle"].value_or(std::string());
  a.policy.max_trial_starts = (int)(*st)["max_trial_starts"].value_or(int64_t{3});
  return true;
}

bool parse_store_args(int argc, char** argv, int first, StoreArgs& a, std::string* error) {
  // --config first (explicit, else the installed kiosk's), so options given on the line win.
  std::string config = "/etc/museum-kiosk/kiosk.toml";
  bool explicit_config = false;
  for (int i = first; i + 1 < argc; ++i)
    if (!strcmp(argv[i], "--config")) config = argv[i + 1], explicit_config = true;
  if ((explicit_config || std::ifstream(config).good()) && !load_store_config(config, a, error)) return false;
  bool keys_given = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](std::string& to) {
      if (i + 1 >= argc) return false;
      to = argv[++i];
      return true;
    };
    if (arg == "--config") {
      ++i;
    } else if (arg == "--store") {
      if (!value(a.store_dir)) return *error = "--store needs a folder", false;
    } else if (arg == "--factory") {
      if (!value(a.policy.factory_bundle)) return *error = "--factory needs a bundle file", false;
    } else if (arg == "--usb") {
      std::string root;
      if (!value(root)) return *error = "--usb needs a mount point", false;
      a.usb_roots.push_back(root);
    } else if (arg == "--max-trial-starts") {
      std::string n;
      if (!value(n) || atoi(n.c_str()) < 1) return *error = "--max-trial-starts needs a number from 1", false;
      a.policy.max_trial_starts = atoi(n.c_str());
    } else if (arg == "--allow-unsigned") {
      a.policy.allow_unsigned = true;
    } else if (arg == "--allow-downgrade") {
      a.policy.allow_downgrade = true;
    } else if (arg == "--keys") {
      if (!keys_given) a.policy.trusted_keys.clear();  // keys on the line replace the config's
      keys_given = true;
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) a.policy.trusted_keys.push_back(argv[++i]);
      if (a.policy.trusted_keys.empty()) return *error = "--keys needs at least one .pub file", false;
    } else if (arg.compare(0, 2, "--") == 0) {
      return *error = "unknown option " + arg, false;
    } else {
      a.positional.push_back(arg);
    }
  }
  return true;
}

}  // namespace curator
