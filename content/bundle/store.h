// store.h — the kiosk's bundle store: where new exhibits arrive, are checked, wait on trial,
// and become (or fail to become) what visitors see. CLI, inbox and USB stick share install().
//
// Does:     copy a bundle into the store (never run from removable media), verify it (signature
//           against trusted keys, then the bundle's own validation), refuse unsigned, foreign,
//           modified, older or previously failed bundles unless the policy allows, keep it by
//           content hash, put it on trial, count kiosk starts against the trial, roll back to the
//           last good bundle after max_trial_starts, fall back to the factory bundle, and keep
//           a refusals log staff can read. Every state change is write-temp → fsync → rename →
//           fsync(dir) under an flock, so a power cut leaves the old or the new state, never half.
// Does not: draw, swap the running kiosk's bundle (kiosk/app watches state_file() and swaps at a
//           safe moment), decide when a trial is healthy (the kiosk calls mark_good()).
//
// Layout of a store directory DIR:
//   DIR/state              the State below, as text (format in store_state.h); what the kiosk watches
//   DIR/state.old          the state before the last change (read when `state` is damaged)
//   DIR/bundles/<hash>.bundle (+ .minisig)   installed bundles, by content hash; never overwritten
//   DIR/incoming/          copies being checked (deleted on success, refusal or next install)
//   DIR/inbox/             drop bundles (+ .minisig) here; scan_inbox() installs and moves them to done/
//   DIR/refusals.log       one line per refusal or rollback: time, file, reason
//   DIR/lock               flock() between the kiosk and `kiosk-bundle install`
//
// State machine (what each call does to it):
//   install:    trial := new bundle, trial_starts := 0            (current, previous unchanged)
//   begin_run:  trial && trial_starts <  max → trial_starts += 1, run the trial
//               trial && trial_starts >= max → failed += trial, trial := none (rolled back), run current
//               no trial                     → run current; current broken → previous → factory
//   mark_good:  previous := current, current := trial, trial := none
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace store {

struct Policy {
  std::vector<std::string> trusted_keys;  // paths of .pub files; any of them may sign
  bool allow_unsigned = false;            // staff override: accept bundles without a valid signature
  bool allow_downgrade = false;           // staff override: accept an older version than current
  std::string factory_bundle;             // installed with the package; the last fallback
  int max_trial_starts = 3;               // starts a trial gets before it is rolled back
};

struct Slot {
  std::string hash;     // the bundle's content hash (meta.content_hash)
  std::string path;     // DIR/bundles/<hash>.bundle
  std::string title;    // in the exhibit's first language
  std::string version;  // meta.version, e.g. "2026.11.1"
  std::string key_id;   // signer's key id (16 hex digits), "" when installed unsigned
  std::string installed;  // UTC time of installation, ISO 8601
  std::string source;     // the file it was installed from
};

struct State {
  std::optional<Slot> current, trial, previous;
  int trial_starts = 0;              // starts counted against the trial
  std::string trial_run;             // which kiosk process counted the last start (see begin_run)
  std::vector<std::string> failed;   // hashes of bundles rolled back; install refuses them
  std::string note;                  // set by read_state when it had to recover; "" normally
};

struct Result {
  bool ok = false;
  std::string message;  // one line: what happened, or what is wrong and what to do
};

// Installs `file` (its signature is `file`.minisig beside it) into the store at `store_dir`,
// creating the store if needed. The bundle goes on trial. CLI, inbox and USB all use this.
Result install(const std::string& store_dir, const std::string& file, const Policy&);

// Never throws: a damaged state file is recovered from state.old, else rebuilt from bundles/
// (note says so). A missing store is an empty State.
State read_state(const std::string& store_dir);

// The file the kiosk watches. It is replaced by rename, so watch its directory
// (inotify IN_MOVED_TO | IN_CLOSE_WRITE on dirname, name == "state"), not the file itself.
std::string state_file(const std::string& store_dir);

// Once per kiosk start (and when the state changes): counts a start against a trial — at most
// once per kiosk process, so calling it again after its own write is harmless —, rolls back after
// max_trial_starts, and returns the path of the bundle to open; the factory bundle as the last
// fallback; "" when there is nothing at all to show. Never throws.
std::string begin_run(const std::string& store_dir, const Policy&);

// The trial ran healthily: it becomes current, the old current becomes previous, and bundles
// that are none of current, trial, previous are deleted. No-op without a trial.
void mark_good(const std::string& store_dir);

// Installs every *.bundle in DIR/inbox (moving each to DIR/inbox/done/ or DIR/inbox/refused/)
// and in <usb>/exhibit/ for each mounted `usb_roots` entry (left in place; a bundle already
// current or on trial is skipped quietly). Returns one line per file handled.
std::vector<std::string> scan_inbox(const std::string& store_dir, const std::vector<std::string>& usb_roots,
                                    const Policy&);

// Checks a bundle file against the policy: signature (when keys are trusted or required), then
// the bundle's validation. ok=false carries the refusal's reason. Used by install and status.
Result verify_bundle(const std::string& file, const Policy&);

// The last `n` lines of DIR/refusals.log, oldest first.
std::vector<std::string> last_refusals(const std::string& store_dir, size_t n);

// For `kiosk-bundle status`: the three slots with titles, versions and keys, the trial's starts,
// the last refusals; `ok` only when the current bundle verifies.
Result status(const std::string& store_dir, const Policy&, std::string& report);

// The trusted comment `kiosk-bundle sign` writes for a bundle, which install checks against the
// bundle itself, so a signature cannot be moved to another bundle or version:
//   "timestamp:<unix>\tfile:<name>\tbundle:<id>\tversion:<v>\thash:<content hash>"
// Throws std::runtime_error when `file` is not a bundle.
std::string trusted_comment_for(const std::string& file);

// Orders two versions ("2026.11.1" < "2026.12"): numeric fields compared as numbers.
int compare_versions(const std::string& a, const std::string& b);

}  // namespace store
