// store_link_test.cpp — the running kiosk and the bundle store: begin_run chooses at start, an
// install replaces the state file and the kiosk switches at attract mode, a trial that ran its
// healthy minutes and drew every screen is marked good, and a bundle dropped into the inbox is
// installed by the kiosk's own scan. Real files, real inotify; virtual time for the kiosk.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>

#include "content/bundle/bundle.h"
#include "content/bundle/store.h"
#include "kiosk/app/app.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;
using testutil::Scratch;

std::string build_variant(const Scratch& s, const std::string& name, const std::string& version) {
  std::string src = testutil::copy_example(s, name);
  REQUIRE(testutil::edit(src + "/exhibit.toml", "version = \"1\"", "version = \"" + version + "\""));
  REQUIRE(testutil::edit(src + "/rooms/01-garden.md", "El jardín tiene", "El jardín " + name + " tiene"));
  std::string file = s.path(name + ".bundle");
  REQUIRE(testutil::build(src, file).code == 0);
  return file;
}

std::string hash_of(const std::string& file) { return bundle::Bundle::open(file)->exhibit().meta.content_hash; }

bool marked_good(const std::string& store_dir, const std::string& file) {
  store::State st = store::read_state(store_dir);
  return !st.trial && st.current && st.current->hash == hash_of(file);
}

// Real time for the watcher and the scan thread, virtual time for the kiosk in between.
bool wait_for(app::App& a, const std::function<bool()>& done, int seconds) {
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    if (!a.swap_pending()) a.wait_files(5);  // news from the store (a pending swap needs only virtual time)
    a.advance(500);
  }
  return true;
}

}  // namespace

TEST_CASE("store: the kiosk shows the trial, switches to a new install at attract mode, marks good") {
  Scratch s("storelink");
  std::string store_dir = s.path("store");
  store::Policy p;
  p.allow_unsigned = true;
  std::string one = build_variant(s, "uno", "2026.1"), two = build_variant(s, "dos", "2026.2"),
              three = build_variant(s, "tres", "2026.3");
  REQUIRE(store::install(store_dir, one, p).ok);

  app::Options o;
  o.headless = true;
  o.width = 640, o.height = 400;
  o.config.store_dir = store_dir;
  o.config.store_policy = p;
  o.config.good_after_minutes = 1;
  o.config.usb_roots = {s.path("usb") + "/*"};
  app::App a(o);
  std::string why;
  REQUIRE(a.start(why));
  a.advance(100);
  CHECK(a.screen_name() == "home");
  REQUIRE(store::read_state(store_dir).trial);
  CHECK(store::read_state(store_dir).trial->hash == hash_of(one));
  CHECK(store::read_state(store_dir).trial_starts == 1);

  // A minute of healthy running, then attract mode: every screen drawn off-screen, marked good.
  a.advance(50'000);
  CHECK(store::read_state(store_dir).trial);  // not yet: under a minute
  REQUIRE(wait_for(a, [&] { return marked_good(store_dir, one); }, 20));
  CHECK(a.now() >= 60'000);
  CHECK(a.screen_name() == "attract");
  store::State st;

  // A visitor is browsing when the curator installs: the kiosk waits for attract mode.
  a.finger(SDL_FINGERDOWN, 0, 320, 200);
  a.advance(80);
  a.finger(SDL_FINGERUP, 0, 320, 200);
  const uint64_t touched = a.now();
  a.advance(1000);
  REQUIRE(a.screen_name() == "home");
  REQUIRE(store::install(store_dir, two, p).ok);
  REQUIRE(wait_for(a, [&] { return a.swap_pending(); }, 10));
  CHECK(a.swaps() == 0);
  REQUIRE(wait_for(a, [&] { return a.swaps() == 1; }, 10));
  // Not before the home screen had been left alone for the install's quiet time.
  CHECK(a.now() - touched >= app::kInstallQuietMs);
  CHECK((a.screen_name() == "home" || a.screen_name() == "attract"));
  REQUIRE(wait_for(a, [&] { return marked_good(store_dir, two); }, 20));
  st = store::read_state(store_dir);
  REQUIRE(st.current);
  CHECK(st.current->hash == hash_of(two));
  REQUIRE(st.previous);
  CHECK(st.previous->hash == hash_of(one));

  // Dropped into the inbox (as a technician would copy it): the kiosk's scan installs it.
  fs::copy_file(three, store_dir + "/inbox/tres.bundle");
  REQUIRE(wait_for(a, [&] { return a.swaps() == 2; }, 20));
  CHECK(fs::exists(store_dir + "/inbox/done/tres.bundle"));
  CHECK(wait_for(a, [&] { return marked_good(store_dir, three); }, 20));
}
