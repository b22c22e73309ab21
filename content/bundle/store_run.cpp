// store_run.cpp — the trial's life (see the state machine in store.h): reading the state with
// recovery, counting kiosk starts, rolling back, promoting a healthy trial.
#include <dirent.h>

#include <algorithm>

#include "content/bundle/bundle.h"
#include "content/bundle/store.h"
#include "content/bundle/store_internal.h"
#include "content/bundle/store_state.h"

namespace store {

using namespace detail;

namespace {

std::optional<State> read_one(const std::string& path, std::string* why) {
  std::string text;
  if (!io::read_file(path, text, 1 << 20)) {
    *why = "cannot be read";
    return std::nullopt;
  }
  return parse_state(text, why);
}

// Both state files are damaged: rebuild from the bundles themselves. Which one was healthy is
// lost, so the newest goes on trial (a crashing bundle is still rolled back) over the next newest
// as current. Nothing is trusted here: begin_run verifies whatever it is about to return.
State rebuild(const std::string& dir) {
  State st;
  std::vector<Slot> found;
  if (DIR* d = opendir(bundles_dir(dir).c_str())) {
    while (dirent* ent = readdir(d)) {
      std::string name = ent->d_name;
      if (name.size() != 64 + 7 || name.compare(64, 7, ".bundle") != 0 || !valid_hash(name.substr(0, 64))) continue;
      try {
        auto b = bundle::Bundle::open(bundles_dir(dir) + "/" + name);
        const auto& m = b->exhibit().meta;
        if (m.content_hash != name.substr(0, 64)) continue;
        Slot s;
        s.hash = m.content_hash;
        s.version = m.version;
        s.title = m.title.in(m.languages.empty() ? "" : m.languages.front());
        found.push_back(s);
      } catch (...) {
      }
    }
    closedir(d);
  }
  std::sort(found.begin(), found.end(), [](const Slot& a, const Slot& b) { return compare_versions(a.version, b.version) > 0; });
  if (found.size() == 1) st.current = found[0];
  if (found.size() >= 2) st.trial = found[0], st.current = found[1];
  if (found.size() >= 3) st.previous = found[2];
  return st;
}

// Is this slot's bundle fit to show? Signature (per policy) and validation, as at install.
bool fit(const std::optional<Slot>& s, const Policy& p) { return s && verify_bundle(s->path, p).ok; }

bool factory_fit(const Policy& p) {
  if (p.factory_bundle.empty()) return false;
  try {
    bundle::Bundle::open(p.factory_bundle);  // installed with the package: trusted as the package is
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace

State read_state(const std::string& dir) {
  std::string why, why_old;
  if (auto st = read_one(state_file(dir), &why)) {
    fill_paths(dir, *st);
    return *st;
  }
  std::string probe;
  // No state yet (a first install killed before its state write): nothing was ever put on show.
  // Bundles left in bundles/ are collected by the next install.
  if (!io::read_file(state_file(dir), probe, 1 << 20) && !io::read_file(dir + "/state.old", probe, 1 << 20))
    return State{};
  if (auto st = read_one(dir + "/state.old", &why_old)) {
    st->note = "the state file " + state_file(dir) + " " + why + "; recovered the one before it";
    fill_paths(dir, *st);
    return *st;
  }
  State st = rebuild(dir);
  st.note = "the state file " + state_file(dir) + " " + why + ", and so does state.old; rebuilt from " + bundles_dir(dir);
  fill_paths(dir, st);
  return st;
}

// Returns the trial's path when it may run now (counting this start), "" to run the current.
static std::string try_trial(const std::string& dir, State& st, const Policy& p) {
  if (!st.trial) return "";
  std::string run = io::run_id();
  if (st.trial_run == run) return st.trial->path;  // this kiosk process counted it already
  io::Error e;
  int max = std::max(1, p.max_trial_starts);
  std::string why;
  if (st.trial_starts >= max)
    why = "rolled back: the kiosk started " + std::to_string(st.trial_starts) + " times with it without running healthily";
  else if (!fit(st.trial, p))
    why = "rolled back: it no longer verifies (" + verify_bundle(st.trial->path, p).message + ")";
  if (!why.empty()) {
    log_refusal(dir, st.trial->source.empty() ? st.trial->path : st.trial->source, st.trial->version + " " + why);
    st.failed.push_back(st.trial->hash);
    st.trial.reset();
    st.trial_starts = 0;
    st.trial_run.clear();
    if (write_state(dir, st, &e)) collect_garbage(dir, st);
    return "";
  }
  State next = st;
  next.trial_starts += 1;
  next.trial_run = run;
  // A start that cannot be counted must not run: a trial that crashes would then run for ever.
  if (!write_state(dir, next, &e)) {
    log_refusal(dir, st.trial->path, "trial not started: " + explain(e, dir));
    return "";
  }
  st = next;
  return st.trial->path;
}

std::string begin_run(const std::string& dir, const Policy& p) {
  try {
    Lock lock(dir);
    State st = read_state(dir);
    if (lock.ok()) {
      std::string trial = try_trial(dir, st, p);
      if (!trial.empty()) return trial;
    }
    if (fit(st.current, p)) return st.current->path;
    if (st.current) log_refusal(dir, st.current->path, "current bundle does not verify; showing an older one");
    if (fit(st.previous, p)) return st.previous->path;
    if (factory_fit(p)) return p.factory_bundle;
  } catch (...) {
    // begin_run never throws: the kiosk then shows its "exhibit unavailable" screen.
  }
  return "";
}

void mark_good(const std::string& dir) {
  Lock lock(dir);
  if (!lock.ok()) return;
  State st = read_state(dir);
  if (!st.trial) return;
  if (st.current) st.previous = st.current;
  st.current = st.trial;
  st.trial.reset();
  st.trial_starts = 0;
  st.trial_run.clear();
  st.note.clear();
  io::Error e;
  if (write_state(dir, st, &e)) collect_garbage(dir, st);
}

}  // namespace store
