// store.cpp — installing a bundle into the store (see store.h): copy, verify, place by hash,
// put on trial. The trial's life after that is in store_run.cpp; inbox and status in store_inbox.cpp.
#include "content/bundle/store.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <dirent.h>

#include "content/bundle/bundle.h"
#include "content/bundle/signature.h"
#include "content/bundle/store_internal.h"
#include "content/bundle/store_state.h"

namespace store {

namespace detail {

std::string bundles_dir(const std::string& dir) { return dir + "/bundles"; }
std::string incoming_dir(const std::string& dir) { return dir + "/incoming"; }
std::string inbox_dir(const std::string& dir) { return dir + "/inbox"; }
std::string refusals_file(const std::string& dir) { return dir + "/refusals.log"; }
std::string bundle_path(const std::string& dir, const std::string& hash) { return bundles_dir(dir) + "/" + hash + ".bundle"; }

Lock::Lock(const std::string& dir) {
  std::string path = dir + "/lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // a read-only store still locks
  if (fd_ < 0) {
    err_ = {errno, "cannot open " + path + ": " + io::errno_text(errno)};
    return;
  }
  while (flock(fd_, LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    err_ = {errno, "cannot lock " + path + ": " + io::errno_text(errno)};
    ::close(fd_);
    fd_ = -1;
    return;
  }
}

Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);
}

bool make_store(const std::string& dir, io::Error* e) {
  return io::make_dir(dir, e) && io::make_dir(bundles_dir(dir), e) && io::make_dir(incoming_dir(dir), e);
}

bool write_state(const std::string& dir, const State& st, io::Error* e) {
  std::string old;
  if (io::read_file(state_file(dir), old, 1 << 20) && !io::write_file_atomically(dir + "/state.old", old, e)) return false;
  return io::write_file_atomically(state_file(dir), format_state(st), e);
}

std::string now_utc() {
  time_t t = time(nullptr);
  struct tm tm;
  gmtime_r(&t, &tm);
  char buf[32];
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void log_refusal(const std::string& dir, const std::string& file, const std::string& reason) {
  std::string path = refusals_file(dir);
  struct stat st;
  if (stat(path.c_str(), &st) == 0 && st.st_size > 256 * 1024) rename(path.c_str(), (path + ".1").c_str());
  std::string line = now_utc() + "  " + file + "  " + reason;
  for (char& c : line)
    if (c == '\n' || c == '\r') c = ' ';
  io::append_line(path, line, nullptr);
}

void fill_paths(const std::string& dir, State& st) {
  for (auto* s : {&st.current, &st.trial, &st.previous})
    if (*s) (*s)->path = bundle_path(dir, (*s)->hash);
}

std::string explain(const io::Error& e, const std::string& dir) {
  if (e.err == ENOSPC || e.err == EDQUOT)
    return "the store " + dir + " is full (" + e.what + "); free some space there and install again";
  if (e.err == EROFS || e.err == EACCES || e.err == EPERM)
    return "the store " + dir + " cannot be written (" + e.what + "); mount it read-write or check its permissions";
  return e.what;
}

void collect_garbage(const std::string& dir, const State& st) {
  DIR* d = opendir(bundles_dir(dir).c_str());
  if (!d) return;
  std::vector<std::string> doomed;
  while (dirent* ent = readdir(d)) {
    std::string name = ent->d_name;
    if (name == "." || name == "..") continue;
    std::string hash = name.substr(0, name.find('.'));
    bool keep = false;
    for (auto* s : {&st.current, &st.trial, &st.previous})
      if (*s && (*s)->hash == hash) keep = true;
    if (!keep) doomed.push_back(bundles_dir(dir) + "/" + name);
  }
  closedir(d);
  // Unlinking is safe even when a kiosk still has the file open: its descriptor keeps the data.
  for (const auto& p : doomed) io::remove_file(p, nullptr);
}

}  // namespace detail

using namespace detail;

std::string state_file(const std::string& store_dir) { return store_dir + "/state"; }

int compare_versions(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    bool da = i < a.size() && isdigit((unsigned char)a[i]), db = j < b.size() && isdigit((unsigned char)b[j]);
    if (da && db) {
      while (i < a.size() && a[i] == '0') ++i;
      while (j < b.size() && b[j] == '0') ++j;
      size_t si = i, sj = j;
      while (i < a.size() && isdigit((unsigned char)a[i])) ++i;
      while (j < b.size() && isdigit((unsigned char)b[j])) ++j;
      if (i - si != j - sj) return i - si < j - sj ? -1 : 1;
      int c = a.compare(si, i - si, b, sj, j - sj);
      if (c) return c < 0 ? -1 : 1;
      continue;
    }
    // A missing part is older than any part ("2026.11" < "2026.11.1").
    if (i >= a.size()) return -1;
    if (j >= b.size()) return 1;
    if (a[i] != b[j]) return (unsigned char)a[i] < (unsigned char)b[j] ? -1 : 1;
    ++i, ++j;
  }
  return 0;
}

std::string trusted_comment_for(const std::string& file) {
  auto b = bundle::Bundle::open(file);
  const auto& m = b->exhibit().meta;
  std::string name = file.substr(file.rfind('/') + 1);
  for (char& c : name)
    if (c == '\t' || c == '\n') c = '_';
  return "timestamp:" + std::to_string((long long)time(nullptr)) + "\tfile:" + name + "\tbundle:" + m.id +
         "\tversion:" + m.version + "\thash:" + m.content_hash;
}

// The bundle's own checks: THE one place the store validates a bundle. The lead wires this to
// bundle::validate_file (content/bundle/validate.h, the shared validation of the bad-input issue)
// at merge; until then Bundle::open checks the format and the content hash.
static Result validate_bundle(const std::string& file, bundle::Meta* meta) {
  try {
    auto b = bundle::Bundle::open(file);
    if (meta) *meta = b->exhibit().meta;
    return {true, "valid bundle"};
  } catch (const std::exception& e) {
    return {false, e.what()};
  }
}

// The trusted keys that can be read; *why says what was wrong with the others.
static std::vector<signature::PublicKey> trusted_keys(const Policy& p, std::string* why) {
  std::vector<signature::PublicKey> keys;
  for (const auto& path : p.trusted_keys) try {
      keys.push_back(signature::load_public_key(path));
    } catch (const std::exception& e) {
      *why = e.what();
    }
  return keys;
}

// Fields minisign users may leave out are optional; those present must describe this bundle,
// so a signature made for one bundle or version cannot vouch for another.
static Result check_trusted_comment(const std::string& tc, const bundle::Meta& m) {
  const std::pair<const char*, const std::string*> fields[] = {
      {"bundle", &m.id}, {"version", &m.version}, {"hash", &m.content_hash}};
  for (const auto& [key, want] : fields) {
    std::string got = signature::trusted_field(tc, key);
    if (!got.empty() && got != *want)
      return {false, std::string("its signature was made for another bundle (") + key + " " + got + ", but this one has " + *want + ")"};
  }
  return {true, ""};
}

// Signature first, then the bundle's validation, then the trusted comment against the bundle.
static Result verify_with_sig(const std::string& file, const std::string& sig_path, const Policy& p,
                              bundle::Meta* meta, std::string* key_id) {
  std::string key_trouble;
  std::vector<signature::PublicKey> keys = trusted_keys(p, &key_trouble);
  if (keys.empty() && !p.allow_unsigned)
    return {false, key_trouble.empty() ? "this kiosk has no trusted keys; add trusted_keys to [store] in kiosk.toml (or, on site, allow_unsigned)"
                                       : "no trusted key can be read: " + key_trouble};
  signature::Verdict v = signature::verify_file(file, keys, sig_path);
  if (!v.ok && !p.allow_unsigned) return {false, v.message};
  bundle::Meta m;
  Result r = validate_bundle(file, &m);
  if (!r.ok) return r;
  if (v.ok) {
    r = check_trusted_comment(v.trusted_comment, m);
    if (!r.ok) return r;
  }
  if (meta) *meta = m;
  if (key_id) *key_id = v.ok ? v.key_id : "";
  return {true, v.ok ? v.message : v.message + " (accepted: allow_unsigned is set)"};
}

Result verify_bundle(const std::string& file, const Policy& p) { return verify_with_sig(file, "", p, nullptr, nullptr); }

// Copies `file` and its signature into DIR/incoming under this process's name.
static bool take_copy(const std::string& dir, const std::string& file, std::string& copy, io::Error* e) {
  copy = incoming_dir(dir) + "/" + std::to_string(getpid()) + ".bundle";
  io::remove_file(copy, nullptr);
  io::remove_file(copy + ".minisig", nullptr);
  if (!io::copy_file(file, copy, e)) return false;
  std::string sig = signature::signature_path(file);
  if (access(sig.c_str(), F_OK) == 0 && !io::copy_file(sig, copy + ".minisig", e)) {
    io::remove_file(copy, nullptr);
    return false;
  }
  return true;
}

// Removes copies left by installs that were killed (their pid no longer runs).
static void sweep_incoming(const std::string& dir) {
  DIR* d = opendir(incoming_dir(dir).c_str());
  if (!d) return;
  std::vector<std::string> doomed;
  while (dirent* ent = readdir(d)) {
    std::string name = ent->d_name;
    if (name == "." || name == "..") continue;
    long pid = atol(name.c_str());
    if (pid <= 0 || pid == getpid() || (kill((pid_t)pid, 0) != 0 && errno == ESRCH)) doomed.push_back(incoming_dir(dir) + "/" + name);
  }
  closedir(d);
  for (const auto& p : doomed) io::remove_file(p, nullptr);
}

// Under the lock: the checks that need the state, then the bundle placed and the state written.
static Result place(const std::string& dir, const std::string& file, const std::string& copy, const Policy& p,
                    const bundle::Meta& m, const std::string& key_id) {
  Lock lock(dir);
  if (!lock.ok()) return {false, explain(lock.error(), dir)};
  State st = read_state(dir);
  for (const auto& h : st.failed)
    if (h == m.content_hash)
      return {false, "this bundle failed its trial here before (the kiosk did not start healthily with it); fix it and build a new one"};
  if (st.current && st.current->hash == m.content_hash) return {true, "already showing: " + m.version};
  if (st.trial && st.trial->hash == m.content_hash) return {true, "already on trial: " + m.version};
  if (st.current && compare_versions(m.version, st.current->version) < 0 && !p.allow_downgrade)
    return {false, "its version " + m.version + " is older than the one showing (" + st.current->version +
                       "); build it with a newer version, or set allow_downgrade on site"};
  if (st.current && compare_versions(m.version, st.current->version) < 0)
    log_refusal(dir, file, "accepted by staff override: version " + m.version + " is older than " + st.current->version);
  std::string target = bundle_path(dir, m.content_hash);
  io::Error e;
  bool existed = false, sig_existed = false;
  // link(2), never rename: a bundle already in place (perhaps open in the kiosk) is never replaced.
  if (!io::link_new(copy, target, &existed, &e)) return {false, explain(e, dir)};
  if (existed && !verify_bundle(target, p).ok) {
    // Left by an install killed between placing the bundle and its signature, or rotten: it is
    // neither current nor trial (checked above), so it is replaced (unlinked, never overwritten).
    if (!io::remove_file(target, &e) || !io::remove_file(target + ".minisig", &e) || !io::link_new(copy, target, &existed, &e))
      return {false, explain(e, dir)};
  }
  if (!existed && access((copy + ".minisig").c_str(), F_OK) == 0) {
    io::remove_file(target + ".minisig", nullptr);
    if (!io::link_new(copy + ".minisig", target + ".minisig", &sig_existed, &e)) return {false, explain(e, dir)};
  }
  if (!io::fsync_dir(bundles_dir(dir), &e)) return {false, explain(e, dir)};
  Slot s;
  s.hash = m.content_hash;
  s.title = m.title.in(m.languages.empty() ? "" : m.languages.front());
  s.version = m.version;
  s.key_id = key_id;
  s.installed = now_utc();
  char* real = realpath(file.c_str(), nullptr);
  s.source = real ? real : file;
  free(real);
  st.trial = s;
  st.trial_starts = 0;
  st.trial_run.clear();
  st.note.clear();
  if (!write_state(dir, st, &e)) return {false, explain(e, dir)};
  collect_garbage(dir, st);
  return {true, "installed " + m.version + " (" + s.title + ") on trial" + (key_id.empty() ? ", unsigned" : ", signed by " + key_id)};
}

Result install(const std::string& dir, const std::string& file, const Policy& p) {
  io::Error e;
  struct stat fst;
  if (stat(file.c_str(), &fst) != 0 || !S_ISREG(fst.st_mode)) return {false, "there is no bundle file at " + file};
  if (!make_store(dir, &e)) return {false, explain(e, dir)};
  sweep_incoming(dir);
  std::string copy;
  // Verify the copy, never the original: a USB stick's file may change after it was checked.
  if (!take_copy(dir, file, copy, &e)) {
    std::string why = explain(e, dir);
    log_refusal(dir, file, "not installed: " + why);
    return {false, why + "; the bundle showing is kept"};
  }
  bundle::Meta m;
  std::string key_id;
  Result r = verify_with_sig(copy, copy + ".minisig", p, &m, &key_id);
  std::string override_note = r.ok && key_id.empty() ? r.message : "";
  if (r.ok) r = place(dir, file, copy, p, m, key_id);
  if (r.ok && !override_note.empty()) log_refusal(dir, file, "accepted by staff override: " + override_note);
  io::remove_file(copy, nullptr);
  io::remove_file(copy + ".minisig", nullptr);
  if (!r.ok) {
    // The copy's name means nothing to staff: say which file was refused.
    size_t at;
    while ((at = r.message.find(copy)) != std::string::npos) r.message.replace(at, copy.size(), file);
    log_refusal(dir, file, "refused: " + r.message);
    r.message += "; the bundle showing is kept";
  }
  return r;
}

}  // namespace store
