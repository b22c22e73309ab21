// staff_facts.cpp — what the staff overlay's pages show, gathered from the app: the bundle and
// its place in the store, the screen, memory, uptime, today's visitors and the opening hours.
#include <cmath>
#include <cstdio>
#include <ctime>

#include "content/bundle/store.h"
#include "kiosk/app/app.h"
#include "kiosk/stats/report.h"
#include "platform/process.h"

namespace app {

namespace {

std::string mb(size_t bytes) {
  char buf[32];
  snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  return buf;
}

std::string since(uint64_t ms) {
  unsigned long long s = ms / 1000;
  char buf[48];
  if (s >= 86400) snprintf(buf, sizeof buf, "%llu d %llu h", s / 86400, s % 86400 / 3600);
  else if (s >= 3600) snprintf(buf, sizeof buf, "%llu h %02llu min", s / 3600, s % 3600 / 60);
  else snprintf(buf, sizeof buf, "%llu min %02llu s", s / 60, s % 60);
  return buf;
}

std::string clock_time(int64_t epoch_s) {
  time_t t = (time_t)epoch_s;
  std::tm lt;
  localtime_r(&t, &lt);
  char buf[16];
  strftime(buf, sizeof buf, "%H:%M", &lt);
  return buf;
}

}  // namespace

// Today's visits from the statistics file (read on the loop's thread, once per visit to the
// status page: staff time, not a visitor's frame). Rows still queued for the writer thread show
// up at the next look.
void App::staff_read_visitors() {
  if (opt_.config.stats.empty()) {
    staff_.visitors = "not recorded (no stats file in kiosk.toml)";
    return;
  }
  time_t now = (time_t)wall_now();
  std::tm lt;
  localtime_r(&now, &lt);
  lt.tm_hour = lt.tm_min = lt.tm_sec = 0;
  lt.tm_isdst = -1;
  int64_t midnight_ms = (int64_t)mktime(&lt) * 1000;
  try {
    auto sessions = stats::load_sessions(opt_.config.stats, midnight_ms, wall_ms() + 1);
    std::vector<double> minutes;
    for (const auto& s : sessions)
      if (s.ended_ms >= s.started_ms) minutes.push_back((s.ended_ms - s.started_ms) / 60000.0);
    char buf[96];
    double med = stats::median(minutes);
    snprintf(buf, sizeof buf, "%zu %s, median stay %d min %02d s", sessions.size(), sessions.size() == 1 ? "visit" : "visits", (int)med,
             (int)std::lround((med - (int)med) * 60) % 60);
    staff_.visitors = buf;
  } catch (const std::exception& e) {
    staff_.visitors = std::string("cannot be read: ") + e.what();
  }
}

// The store's state as the status page shows it (read with the visitors, once per visit to the
// page: the state file is read and its check line verified, which is no work for every frame).
void App::staff_read_store() {
  if (!store_) return;
  store::State st = store::read_state(store_->dir());
  const store::Slot* shown = nullptr;
  for (const auto* s : {&st.trial, &st.current, &st.previous})
    if (*s && (*s)->path == opt_.bundle) shown = &**s;
  std::string v = !shown ? "not in the store's state" : shown->key_id.empty() ? "unsigned" : "key " + shown->key_id;
  if (!st.trial) v += "; no trial";
  else if (st.trial->path == opt_.bundle) v += "; on trial, start " + std::to_string(st.trial_starts);
  else v += "; trial " + st.trial->version + " waiting";
  if (st.previous) v += "; previous " + st.previous->version;
  staff_.store = v;
}

void App::staff_bundle_facts(std::vector<screens::StaffFact>& f) {
  if (!bundle_) {
    f.push_back({"Exhibit", "none: " + unavailable_reason_});
    return;
  }
  const auto& meta = bundle_->exhibit().meta;
  f.push_back({"Exhibit", meta.title.in(meta.languages.empty() ? "" : meta.languages[0])});
  // Tours: a fixed sample hash, since the map's floating-point geometry (and so the content hash)
  // differs between compilers' optimisation levels and architectures.
  const std::string hash = staff_.steady ? std::string("0123456789ab") : meta.content_hash.substr(0, 12);
  f.push_back({"Bundle", "version " + meta.version + ", " + hash + ", " +
                             opt_.bundle.substr(opt_.bundle.rfind('/') + 1)});
  if (!store_) {
    f.push_back({"Store", "none: signature not checked ([store] in kiosk.toml)"});
    return;
  }
  f.push_back({"Store", staff_.store});
}

std::vector<screens::StaffFact> App::staff_facts() {
  std::vector<screens::StaffFact> f;
  staff_bundle_facts(f);
  std::string screen = video_.driver + ", " + video_.renderer_name + ", " + video_.mode;
  if (video_.rotation) screen += ", turned " + std::to_string(video_.rotation);
  f.push_back({"Screen", screen});
  auto ts = text_->stats();
  size_t rss = platform::resident_bytes(), text_bytes = ts.bytes;
  // Tours: fixed samples (half the budget for the cache, which follows the panel), so screenshots compare.
  if (staff_.steady) rss = 40u << 20, text_bytes = text_->budget() / 2;
  f.push_back({"Memory", mb(rss) + " resident; text cache " + mb(text_bytes) + " of " + mb(text_->budget())});
  f.push_back({"Running", since(now_) + (stats_.in_session() ? "; a visit is in progress" : "")});
  f.push_back({"Visitors today", staff_.visitors});
  const flow::Schedule& h = opt_.config.hours;
  int64_t t = wall_now();
  std::string hours = !h.configured() ? "always open (no [hours])"
                                      : "today " + flow::Schedule::format(h.hours_on(t)) + (h.is_open(t) ? "; open now" : "; closed now");
  if (h.configured())
    if (auto next = h.next_change(t)) hours += (h.is_open(t) ? ", closes " : ", opens ") + clock_time(*next);
  f.push_back({"Hours", hours});
  return f;
}

screens::StaffView App::staff_view() {
  screens::StaffView v;
  v.page = staff_.page;
  v.digits = staff_.digits.size();
  int64_t left = staff_.lock.remaining_ms(wall_ms());
  v.locked = left > 0;
  v.pin_note = v.locked ? "Locked: " + std::to_string(staff::Lockout::kTries) + " wrong PINs.\nTry again in " +
                              std::to_string((left + 999) / 1000) + " s"
                        : staff_.pin_note;
  if (v.page == screens::StaffPage::Status) {
    v.facts = staff_facts();
    v.frame_ms.assign(staff_.frame_ms.begin(), staff_.frame_ms.end());
    if (staff_.steady) {  // tours: a fixed sample with a few slow frames, so screenshots compare
      v.frame_ms.clear();
      for (size_t i = 0; i < StaffDesk::kFrames; ++i) v.frame_ms.push_back(i % 37 == 5 ? 21.f : 3.f + (float)(i * 7 % 11));
    }
  }
  v.high_contrast = theme_.high_contrast;
  v.allow_exit = opt_.config.staff.allow_exit;
  v.tools_note = staff_.tools_note;
  char note[96];
  snprintf(note, sizeof note, "%d x %d px, %.0f x %.0f mm", video_.width, video_.height, opt_.screen_w_mm, opt_.screen_h_mm);
  v.screen_note = note;
  v.trails = staff_.trails;
  return v;
}

}  // namespace app
