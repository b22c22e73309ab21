// store_link.cpp — see store_link.h; and App's side of it (the store's changes, its timers).
#include "kiosk/app/store_link.h"

#include <SDL.h>
#include <glob.h>
#include <sys/stat.h>

#include "kiosk/app/app.h"

namespace app {

static bool is_dir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

StoreLink::StoreLink(const Config& c)
    : dir_(c.store_dir),
      policy_(c.store_policy),
      usb_roots_(c.usb_roots.empty() ? std::vector<std::string>{"/media/*/*"} : c.usb_roots),
      good_after_ms_((uint64_t)std::max(1, c.good_after_minutes) * 60'000) {}

StoreLink::~StoreLink() {
  if (scan_thread_.joinable()) scan_thread_.join();
}

std::string StoreLink::choose() { return store::begin_run(dir_, policy_); }

std::vector<std::string> StoreLink::usb_mounts() const {
  std::vector<std::string> out;
  for (const auto& root : usb_roots_) {
    glob_t g{};
    if (glob(root.c_str(), GLOB_NOSORT | GLOB_ONLYDIR, nullptr, &g) == 0)
      for (size_t i = 0; i < g.gl_pathc; ++i)
        if (is_dir(g.gl_pathv[i])) out.push_back(g.gl_pathv[i]);
    globfree(&g);
  }
  return out;
}

void StoreLink::watch(platform::FileWatch& w) {
  watch_ = &w;
  std::string why;
  mkdir(dir_.c_str(), 0755);
  mkdir((dir_ + "/inbox").c_str(), 0755);
  if (!w.add(dir_, false, why)) SDL_Log("store: %s; a new bundle is noticed at the next start only", why.c_str());
  if (!w.add(dir_ + "/inbox", false, why)) SDL_Log("store: %s", why.c_str());
  if (!w.watch_mounts(why)) SDL_Log("store: USB sticks are not noticed: %s", why.c_str());
  for (const auto& m : usb_mounts())
    if (is_dir(m + "/exhibit")) w.add(m + "/exhibit", false, why);
}

bool StoreLink::changes(const std::vector<std::string>& paths, uint64_t now) {
  bool state = false, scan = false;
  const std::string state_file = store::state_file(dir_), inbox = dir_ + "/inbox";
  for (const auto& p : paths) {
    if (p == state_file || p == dir_) state = true;
    if (p.rfind(inbox + "/", 0) == 0 && p.find('/', inbox.size() + 1) == std::string::npos) {
      // The scan itself moves files on to done/ and refused/: those are not news.
      if (p != inbox + "/done" && p != inbox + "/refused") scan = true;
    }
    if (p == platform::FileWatch::kMountsPath) {
      scan = true;
      std::string why;
      if (watch_)
        for (const auto& m : usb_mounts())
          if (is_dir(m + "/exhibit")) watch_->add(m + "/exhibit", false, why);
    }
    if (p.size() > 8 && p.find("/exhibit/") != std::string::npos && p.rfind(dir_, 0) != 0) scan = true;
  }
  if (scan) scan_at_ = now + kScanQuietMs;  // each new change pushes the scan back: copying is quiet first
  return state;
}

void StoreLink::scan() {
  scan_at_ = UINT64_MAX;
  if (running_) {
    again_ = true;  // the running scan goes round once more
    return;
  }
  if (scan_thread_.joinable()) scan_thread_.join();
  running_ = true;
  std::vector<std::string> mounts = usb_mounts();
  scan_thread_ = std::thread([this, mounts] {
    do {
      again_ = false;
      for (const auto& line : store::scan_inbox(dir_, mounts, policy_)) SDL_Log("store: %s", line.c_str());
    } while (again_);
    running_ = false;
  });
}

void StoreLink::shown(const std::string& path, uint64_t now) {
  store::State st = store::read_state(dir_);
  bool trial = st.trial && st.trial->path == path;
  trial_path_ = trial ? path : "";
  good_at_ = trial ? now + good_after_ms_ : UINT64_MAX;
  if (trial)
    SDL_Log("store: %s (%s) is on trial; marked good after %llu minutes of healthy running", path.c_str(),
            st.trial->version.c_str(), (unsigned long long)(good_after_ms_ / 60'000));
}

void StoreLink::mark_good() {
  good_at_ = UINT64_MAX;
  store::mark_good(dir_);
  SDL_Log("store: %s ran healthily and drew every screen: marked good", trial_path_.c_str());
  trial_path_.clear();
}

std::string StoreLink::give_up_trial(const std::string& why) {
  good_at_ = UINT64_MAX;
  SDL_Log("store: %s failed its self-test (%s); not marked good, back to the last good bundle", trial_path_.c_str(), why.c_str());
  trial_path_.clear();
  store::State st = store::read_state(dir_);
  return st.current ? st.current->path : "";
}

// ---- App's side -------------------------------------------------------------------------------

void App::store_changes(const std::vector<std::string>& changed) {
  if (!store_ || !store_->changes(changed, now_)) return;
  std::string next = store_->choose();
  if (pending_swap_ && pending_swap_->path == next) return;  // begin_run's own write of the same news
  if (!next.empty() && next != opt_.bundle) {
    SDL_Log("store: a new current bundle, %s: switching at the next quiet moment", next.c_str());
    request_swap(next, SwapKind::Install);
  }
}

// The store's timers, from update(): a quiet inbox is scanned; a trial that ran long enough
// draws every screen off-screen, and is marked good only if all of them drew.
void App::store_tick() {
  if (!store_) return;
  if (now_ >= store_->scan_due()) store_->scan();
  if (now_ < store_->good_due() || !self_test_moment()) return;
  std::string why;
  if (self_test(why)) {
    store_->mark_good();
  } else {
    std::string back = store_->give_up_trial(why);
    if (!back.empty() && back != opt_.bundle) request_swap(back, SwapKind::Install);
  }
}

// The self-test takes a moment (every screen drawn once): only when no visitor (and no staff) is there.
bool App::self_test_moment() const {
  return bundle_ && !pending_swap_ && !fade_.active() && !staff_.open && (closed_ || flow_->screen() == flow::Screen::Attract);
}

uint64_t App::store_wake() const {
  if (!store_) return UINT64_MAX;
  uint64_t good = store_->good_due();
  if (good <= now_ && !self_test_moment()) good = UINT64_MAX;  // attract mode comes by the flow's timer
  return std::min(store_->scan_due(), std::max(good, now_));
}

}  // namespace app
