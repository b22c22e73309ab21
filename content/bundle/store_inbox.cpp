// store_inbox.cpp — the two other ways in (DIR/inbox and a USB stick's exhibit/ folder) and the
// staff's view of the store (status, refusals). Every way in goes through store::install.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <sstream>

#include "content/bundle/signature.h"
#include "content/bundle/store.h"
#include "content/bundle/store_internal.h"

namespace store {

using namespace detail;

namespace {

std::vector<std::string> bundles_in(const std::string& folder) {
  std::vector<std::string> out;
  DIR* d = opendir(folder.c_str());
  if (!d) return out;
  while (dirent* ent = readdir(d)) {
    std::string name = ent->d_name;
    if (name.size() > 7 && name.compare(name.size() - 7, 7, ".bundle") == 0 && name[0] != '.') out.push_back(folder + "/" + name);
  }
  closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

// Moves a handled inbox file (and its signature) aside, so it is not installed again.
void file_away(const std::string& file, const std::string& to_dir) {
  io::make_dir(to_dir, nullptr);
  std::string name = file.substr(file.rfind('/') + 1);
  rename(file.c_str(), (to_dir + "/" + name).c_str());
  rename((file + ".minisig").c_str(), (to_dir + "/" + name + ".minisig").c_str());
}

// The bundle in `file` is already current, on trial or failed: a stick left in the kiosk is not
// reinstalled (nor its refusal logged) at every scan. Only the signature is read from the stick —
// SQLite never parses a file there — and the signed trusted comment names the bundle's hash.
bool already_known(const std::string& file, const State& st, const Policy& p) {
  std::vector<signature::PublicKey> keys;
  for (const auto& k : p.trusted_keys) try {
      keys.push_back(signature::load_public_key(k));
    } catch (...) {
    }
  signature::Verdict v = signature::verify_file(file, keys);
  if (!v.ok) return false;
  std::string hash = signature::trusted_field(v.trusted_comment, "hash");
  if (hash.empty()) return false;
  for (auto* s : {&st.current, &st.trial})
    if (*s && (*s)->hash == hash) return true;
  return std::find(st.failed.begin(), st.failed.end(), hash) != st.failed.end();
}

std::string describe(const char* name, const std::optional<Slot>& s) {
  if (!s) return std::string(name) + ": none\n";
  return std::string(name) + ": " + s->version + "  " + s->title + "  key " + (s->key_id.empty() ? "(unsigned)" : s->key_id) +
         "  " + s->hash.substr(0, 16) + "  installed " + s->installed + "\n";
}

}  // namespace

std::vector<std::string> scan_inbox(const std::string& dir, const std::vector<std::string>& usb_roots, const Policy& p) {
  std::vector<std::string> lines;
  for (const auto& file : bundles_in(inbox_dir(dir))) {
    Result r = install(dir, file, p);
    lines.push_back(file + ": " + r.message);
    file_away(file, inbox_dir(dir) + (r.ok ? "/done" : "/refused"));
  }
  for (const auto& root : usb_roots) {
    // Removable media is only read: install() copies into the store before checking anything.
    for (const auto& file : bundles_in(root + "/exhibit")) {
      if (already_known(file, read_state(dir), p)) continue;
      Result r = install(dir, file, p);
      lines.push_back(file + ": " + r.message);
    }
  }
  return lines;
}

std::vector<std::string> last_refusals(const std::string& dir, size_t n) {
  std::string text;
  std::vector<std::string> lines;
  if (!io::read_file(refusals_file(dir), text, 1 << 20)) return lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  if (lines.size() > n) lines.erase(lines.begin(), lines.end() - (long)n);
  return lines;
}

Result status(const std::string& dir, const Policy& p, std::string& report) {
  State st = read_state(dir);
  std::ostringstream out;
  out << "store: " << dir << "\n";
  if (!st.note.empty()) out << "note: " << st.note << "\n";
  out << describe("current", st.current) << describe("trial", st.trial);
  if (st.trial) out << "  trial starts: " << st.trial_starts << " of " << p.max_trial_starts << "\n";
  out << describe("previous", st.previous);
  Result r{false, ""};
  if (!st.current) r.message = "there is no current bundle; install one with kiosk-bundle install FILE --store " + dir;
  else {
    Result v = verify_bundle(st.current->path, p);
    r.ok = v.ok;
    r.message = v.ok ? "current bundle verifies: " + v.message : "the current bundle does not verify: " + v.message;
  }
  auto refusals = last_refusals(dir, 5);
  if (!refusals.empty()) {
    out << "last refusals and rollbacks:\n";
    for (const auto& l : refusals) out << "  " << l << "\n";
  }
  report = out.str();
  return r;
}

}  // namespace store
