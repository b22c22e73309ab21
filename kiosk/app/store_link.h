// store_link.h — the running kiosk's side of the bundle store (content/bundle/store.h).
//
// Does:     choose the bundle at start and whenever the store's state changes (store::begin_run,
//           which counts this start against a trial); say which folders to watch (the store's
//           state, DIR/inbox, each USB stick's exhibit/ folder, and mounts coming and going); run
//           store::scan_inbox on a background thread once copying has been quiet a moment, so a
//           30 MB copy never freezes the screen; tell when a trial has run long enough to be
//           marked good (the app self-tests first) and call store::mark_good.
// Does not: swap bundles (App::request_swap does, at a safe moment), verify or install
//           (the store does), draw.
//
//   start ─► choose() ─► shown(path) ── trial? ──► good_due() = shown + good_after
//   state file replaced ─► choose() again ─► a different path? App swaps to it (Install kind)
//   inbox / stick / mount changed ─► scan_due() = now + kScanQuietMs ─► scan() in a thread
//                                                  └► install writes the state ─► (above)
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

#include "content/bundle/store.h"
#include "kiosk/app/config.h"
#include "platform/file_watch.h"

namespace app {

class StoreLink {
 public:
  static constexpr uint64_t kScanQuietMs = 2000;  // a bundle and its .minisig usually arrive together
  explicit StoreLink(const Config& c);
  ~StoreLink();  // waits for a running scan
  StoreLink(const StoreLink&) = delete;
  StoreLink& operator=(const StoreLink&) = delete;

  const std::string& dir() const { return dir_; }
  // store::begin_run: the bundle to show now, "" when the store has nothing (never throws).
  std::string choose();
  // Watches the state's folder, the inbox, USB sticks and mounts.
  void watch(platform::FileWatch& w);
  // Sorts a batch of changed paths. True when the state changed (choose() again); a change in the
  // inbox or on a stick schedules a scan.
  bool changes(const std::vector<std::string>& paths, uint64_t now);
  uint64_t scan_due() const { return scan_at_; }  // UINT64_MAX: none
  void scan();                                    // starts the scan in the background
  bool scanning() const { return running_; }
  // The app now shows `path`: a trial's healthy time starts counting.
  void shown(const std::string& path, uint64_t now);
  uint64_t good_due() const { return good_at_; }  // UINT64_MAX: not on trial
  // The trial passed: store::mark_good. Or failed its self-test: the path to go back to ("" none).
  void mark_good();
  std::string give_up_trial(const std::string& why);

 private:
  std::vector<std::string> usb_mounts() const;  // usb_roots with wildcards expanded, existing only
  std::string dir_;
  store::Policy policy_;
  std::vector<std::string> usb_roots_;
  uint64_t good_after_ms_;
  platform::FileWatch* watch_ = nullptr;
  uint64_t scan_at_ = UINT64_MAX, good_at_ = UINT64_MAX;
  std::string trial_path_;
  std::thread scan_thread_;
  std::atomic<bool> running_{false}, again_{false};
};

}  // namespace app
