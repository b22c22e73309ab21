// watch.cpp — the kiosk's side of live preview (`kiosk --watch`, started by `kiosk-bundle
// preview`): the bundle file is replaced by rename after each good rebuild, the build's errors
// are written beside it (`BUNDLE.errors`, also by rename). A new bundle is switched in at the
// next safe moment keeping the curator's screen; errors show in an overlay over the last good
// bundle, which stays on screen until a build succeeds again.
//
// The watcher (platform/file_watch.h) wakes the real loop through an SDL event pushed from its
// thread (and, where the loop sleeps in IdleWait, wakes that too), so an idle kiosk still sleeps;
// headless tours wait on it directly.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kiosk/app/app.h"

namespace app {

namespace fs = std::filesystem;

static std::string absolute(const std::string& p) { return fs::absolute(p).lexically_normal().string(); }

void App::start_watching() {
  if (store_) {
    if (!watch_) watch_ = std::make_unique<platform::FileWatch>();
    store_->watch(*watch_);
  }
  if (!opt_.watch) return start_notifier();
  watched_bundle_ = absolute(opt_.bundle);
  opt_.errors_file = absolute(opt_.errors_file.empty() ? opt_.bundle + ".errors" : opt_.errors_file);
  if (!watch_) watch_ = std::make_unique<platform::FileWatch>();
  std::string why;
  for (const std::string& dir : {fs::path(watched_bundle_).parent_path().string(), fs::path(opt_.errors_file).parent_path().string()})
    if (!watch_->add(dir, false, why)) SDL_Log("live preview: %s", why.c_str());
  read_errors_file();
  start_notifier();
}

// Real loops sleep in SDL: the watcher's thread pushes one event per batch to wake them.
// Headless tours drive time themselves and call wait_files() instead.
void App::start_notifier() {
  if (opt_.headless || !watch_ || files_event_) return;
  files_event_ = SDL_RegisterEvents(1);
  if (files_event_ == (uint32_t)-1) {
    files_event_ = 0;
    return;
  }
  uint32_t type = files_event_;
  platform::IdleWait* idle = idle_wait_.get();  // outlives the watcher: ~App stops it first
  watch_->notify([type, idle] {
    SDL_Event e{};
    e.type = type;
    SDL_PushEvent(&e);
    if (idle) idle->wake();  // where the loop sleeps in poll(), not in SDL
  });
}

void App::check_files() {
  if (!watch_) return;
  handle_changes(watch_->take());
}

bool App::wait_files(int timeout_ms) {
  if (!watch_) return false;
  auto changed = watch_->wait(timeout_ms);
  if (changed.empty()) return false;
  handle_changes(changed);
  return true;
}

void App::handle_changes(const std::vector<std::string>& changed) {
  for (const auto& p : changed) {
    // A folder itself means its events overflowed: look at everything in it again.
    bool folder = !watched_bundle_.empty() && p == fs::path(watched_bundle_).parent_path().string();
    if (p == watched_bundle_ || folder) {
      if (fs::exists(watched_bundle_)) request_swap(watched_bundle_, SwapKind::Preview);
    }
    if (p == opt_.errors_file || folder) read_errors_file();
  }
  store_changes(changed);
}

void App::read_errors_file() {
  std::ifstream f(opt_.errors_file);
  std::ostringstream s;
  if (f) s << f.rdbuf();
  std::string text = s.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (text == overlay_) return;
  overlay_ = text;
  if (!text.empty()) SDL_Log("live preview: the sources have errors; still showing the last good build");
  dirty_ = true;
}

// A dark band along the bottom: what is wrong (file:line: message), over the last good bundle.
void App::draw_overlay(ui::Canvas& c) {
  const ui::Theme& th = theme_;
  std::vector<std::string> lines;
  std::istringstream in(overlay_);
  for (std::string l; std::getline(in, l);)
    if (!l.empty()) lines.push_back(l);
  const size_t kShown = 4;
  std::string body;
  for (size_t i = 0; i < lines.size() && i < kShown; ++i) body += (i ? "\n\n" : "") + lines[i];
  if (lines.size() > kShown) body += "\n\n… and " + std::to_string(lines.size() - kShown) + " more";
  const int w = th.width - 2 * th.margin();
  ui::TextStyle head{ui::Face::SansBold, th.small_px(), ui::Colour{255, 214, 102, 255}, 1.3f, 0.f, ui::Align::Left};
  ui::TextStyle st{ui::Face::Sans, th.small_px(), ui::Colour{255, 255, 255, 255}, 1.3f, 0.15f, ui::Align::Left};
  ui::Layout title = text_->layout_plain("Preview: the sources have errors; the last good build is shown.", head, w);
  ui::Layout msg = text_->layout_plain(body, st, w);
  float pad = th.mm(4.f);
  float h = title.height + msg.height + 3 * pad;
  float y = th.height - h;
  c.fill({0, y, (float)th.width, h}, ui::Colour{28, 22, 18, 235});
  c.block(title, (float)th.margin(), y + pad);
  c.block(msg, (float)th.margin(), y + 2 * pad + title.height);
}

}  // namespace app
