// store_test.cpp — the bundle store: install and its refusals (flipped bytes, a forged row with a
// recomputed hash, wrong key, unsigned, older), trial and rollback, damaged state, a full and a
// read-only store, the inbox and the USB stick, garbage collection, the kiosk.toml [store] table.
#include <doctest/doctest.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <cstdlib>

#include "content/bundle/bundle.h"
#include "content/bundle/store.h"
#include "content/bundle/store_io.h"
#include "content/bundle/store_state.h"
#include "kiosk/app/config.h"
#include "store_fixture.h"

using namespace storetest;

namespace {

std::string store_in(const testutil::Scratch& s) { return s.path("store"); }

// A store with v1 installed and marked good.
std::string store_with_v1(const testutil::Scratch& s) {
  std::string dir = store_in(s);
  REQUIRE(store::install(dir, kit().v1, kit().policy()).ok);
  store::mark_good(dir);
  REQUIRE(store::read_state(dir).current);
  return dir;
}

// Runs begin_run as a new kiosk process would (each start its own run id).
std::string start_kiosk(const std::string& dir, const store::Policy& p, int n) {
  setenv("KIOSK_STORE_RUN_ID", ("test-start-" + std::to_string(n)).c_str(), 1);
  std::string path = store::begin_run(dir, p);
  unsetenv("KIOSK_STORE_RUN_ID");
  return path;
}

bool refusals_mention(const std::string& dir, const std::string& what) {
  for (const auto& l : store::last_refusals(dir, 50))
    if (l.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("store: a signed bundle installs on trial, by content hash, and becomes current when good") {
  testutil::Scratch s("store-install");
  std::string dir = store_in(s);
  auto r = store::install(dir, kit().v1, kit().policy());
  REQUIRE_MESSAGE(r.ok, r.message);
  store::State st = store::read_state(dir);
  REQUIRE(st.trial);
  CHECK_FALSE(st.current);
  CHECK(st.trial->path == dir + "/bundles/" + hash_of(kit().v1) + ".bundle");
  CHECK(st.trial->version == "1");
  CHECK(st.trial->key_id.size() == 16);
  CHECK(fs::exists(st.trial->path + ".minisig"));
  CHECK(store::begin_run(dir, kit().policy()) == st.trial->path);
  store::mark_good(dir);
  st = store::read_state(dir);
  REQUIRE(st.current);
  CHECK_FALSE(st.trial);
  std::string report;
  CHECK(store::status(dir, kit().policy(), report).ok);
  CHECK(report.find("current: 1") != std::string::npos);
  // Installing it again changes nothing.
  r = store::install(dir, kit().v1, kit().policy());
  CHECK(r.ok);
  CHECK(r.message.find("already showing") != std::string::npos);
}

TEST_CASE("store: every rename is preceded by an fsync of its file and followed by an fsync of its folder") {
  testutil::Scratch s("store-order");
  std::string dir = store_with_v1(s);
  store::io::trace_steps(true);
  REQUIRE(store::install(dir, kit().v2, kit().policy()).ok);
  setenv("KIOSK_STORE_RUN_ID", "order", 1);
  store::begin_run(dir, kit().policy());
  unsetenv("KIOSK_STORE_RUN_ID");
  store::mark_good(dir);
  std::vector<std::string> t = store::io::traced_steps();
  store::io::trace_steps(false);
  int renames = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == "link") {
      // A placed bundle comes from a copy that was fsynced, and its folder is synced before the state names it.
      CHECK(std::find(t.begin(), t.begin() + (long)i, "fsync") != t.begin() + (long)i);
    }
    if (t[i] != "rename") continue;
    ++renames;
    REQUIRE(i > 0);
    CHECK(t[i - 1] == "fsync");
    REQUIRE(i + 1 < t.size());
    CHECK(t[i + 1] == "fsync dir");
  }
  CHECK(renames == 6);  // state.old and state, for install, begin_run and mark_good
}

TEST_CASE("store: a flipped byte anywhere in a signed bundle is refused and the old one kept") {
  testutil::Scratch s("store-flip");
  std::string dir = store_with_v1(s);
  std::string file = copy_signed(kit().v2, s.path("flipped.bundle"));
  size_t size = fs::file_size(file);
  // 197 positions spread over the whole file, plus the first and the last byte: every one is
  // checked the way install checks (verify_bundle), and every tenth goes through install itself.
  // The byte is flipped in place and flipped back, so no test writes 200 copies of the bundle.
  std::vector<size_t> at = {0, size - 1};
  for (size_t i = 1; i <= 197; ++i) at.push_back(size * i / 198);
  int fd = ::open(file.c_str(), O_RDWR);
  REQUIRE(fd >= 0);
  auto flip = [&](size_t pos) {
    unsigned char c;
    REQUIRE(pread(fd, &c, 1, (off_t)pos) == 1);
    c ^= 0x01;
    REQUIRE(pwrite(fd, &c, 1, (off_t)pos) == 1);
  };
  for (size_t n = 0; n < at.size(); ++n) {
    flip(at[n]);
    auto r = n % 10 ? store::verify_bundle(file, kit().policy()) : store::install(dir, file, kit().policy());
    flip(at[n]);
    CHECK_MESSAGE(!r.ok, "byte " << at[n]);
    CHECK(r.message.find("does not match its signature") != std::string::npos);
  }
  ::close(fd);
  CHECK(store::verify_bundle(file, kit().policy()).ok);  // flipped back: the same file is fine
  store::State st = store::read_state(dir);
  CHECK_FALSE(st.trial);
  CHECK(st.current->version == "1");
  CHECK(refusals_mention(dir, "flipped.bundle  refused: it does not match its signature"));
}

TEST_CASE("store: a row edited with sqlite3 and the content hash recomputed is refused by the signature") {
  testutil::Scratch s("store-forge");
  std::string dir = store_with_v1(s);
  std::string forged = copy_signed(kit().v2, s.path("forged.bundle"));
  std::string cmd = "sqlite3 '" + forged + "' \"UPDATE wording SET value = 'Forged' WHERE key = 'exhibit.title' AND lang = 'en'\"";
  REQUIRE(system(cmd.c_str()) == 0);
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(forged.c_str(), &db) == SQLITE_OK);
  std::string hash = bundle::content_hash(db);
  std::string update = "UPDATE meta SET value = '" + hash + "' WHERE key = 'content_hash'";
  REQUIRE(sqlite3_exec(db, update.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  // The forgery is a perfectly good bundle by itself …
  auto b = bundle::Bundle::open(forged);
  CHECK(b->exhibit().meta.title.in("en") == "Forged");
  // … which no kiosk that trusts keys will take.
  auto r = store::install(dir, forged, kit().policy());
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("does not match its signature") != std::string::npos);
  CHECK(store::read_state(dir).current->version == "1");
}

TEST_CASE("store: wrong key, unsigned and older bundles are refused unless staff override") {
  testutil::Scratch s("store-refuse");
  std::string dir = store_with_v1(s);
  store::Policy p = kit().policy();

  std::string foreign = copy_signed(kit().v2, s.path("foreign.bundle"));
  sign(foreign, kit().other_key);
  auto r = store::install(dir, foreign, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("which this kiosk does not trust") != std::string::npos);

  std::string bare = s.path("bare.bundle");
  fs::copy_file(kit().v2, bare);
  r = store::install(dir, bare, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("not signed") != std::string::npos);

  r = store::install(dir, kit().v0, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("older than the one showing (1)") != std::string::npos);

  store::Policy none;  // no trusted keys configured at all
  r = store::install(dir, kit().v2, none);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("no trusted keys") != std::string::npos);

  CHECK(store::read_state(dir).current->version == "1");
  CHECK_FALSE(store::read_state(dir).trial);
  CHECK(store::last_refusals(dir, 10).size() == 4);

  // The staff overrides: accepted, and logged.
  p.allow_unsigned = true;
  r = store::install(dir, bare, p);
  CHECK_MESSAGE(r.ok, r.message);
  CHECK(store::read_state(dir).trial->key_id.empty());
  CHECK(refusals_mention(dir, "accepted by staff override"));
  p.allow_downgrade = true;
  CHECK(store::install(dir, kit().v0, p).ok);
  CHECK(store::read_state(dir).trial->version == "0.9");
}

TEST_CASE("store: a signature made for another bundle is refused even when the key is trusted") {
  testutil::Scratch s("store-moved");
  std::string dir = store_in(s);
  std::string file = copy_signed(kit().v2, s.path("v2.bundle"));
  auto sk = signature::load_secret_key(kit().key);
  // The curator's key signed these very bytes, but the comment says they are version 1.
  std::string tc = store::trusted_comment_for(kit().v1);
  signature::write_signature_file(file + ".minisig", signature::sign_file(file, sk, tc));
  auto r = store::install(dir, file, kit().policy());
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("made for another bundle") != std::string::npos);
}

TEST_CASE("store: a bundle that crashes the kiosk is rolled back after max_trial_starts starts") {
  testutil::Scratch s("store-rollback");
  std::string dir = store_with_v1(s);
  store::Policy p = kit().policy();
  std::string v1_path = store::read_state(dir).current->path;
  REQUIRE(store::install(dir, kit().v2, p).ok);
  std::string v2_path = store::read_state(dir).trial->path;
  for (int i = 1; i <= p.max_trial_starts; ++i) {
    CHECK(start_kiosk(dir, p, i) == v2_path);  // each start then "crashes": no mark_good
    CHECK(store::read_state(dir).trial_starts == i);
  }
  CHECK(start_kiosk(dir, p, 99) == v1_path);  // start N+1: back to the last good bundle
  store::State st = store::read_state(dir);
  CHECK_FALSE(st.trial);
  CHECK(st.current->version == "1");
  CHECK(st.failed.size() == 1);
  CHECK_FALSE(fs::exists(v2_path));  // collected
  CHECK(refusals_mention(dir, "rolled back: the kiosk started 3 times"));
  // The failed bundle is not taken again (a USB stick left in the kiosk must not loop).
  auto r = store::install(dir, kit().v2, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("failed its trial") != std::string::npos);
}

TEST_CASE("store: one kiosk process counts one start, however often it asks") {
  testutil::Scratch s("store-once");
  std::string dir = store_with_v1(s);
  REQUIRE(store::install(dir, kit().v2, kit().policy()).ok);
  setenv("KIOSK_STORE_RUN_ID", "same-process", 1);
  for (int i = 0; i < 5; ++i) store::begin_run(dir, kit().policy());  // e.g. after its own state write
  unsetenv("KIOSK_STORE_RUN_ID");
  CHECK(store::read_state(dir).trial_starts == 1);
}

TEST_CASE("store: begin_run falls back from a rotten current bundle to previous, then to the factory bundle") {
  testutil::Scratch s("store-fallback");
  std::string dir = store_with_v1(s);
  store::Policy p = kit().policy();
  p.factory_bundle = kit().v0;
  REQUIRE(store::install(dir, kit().v2, p).ok);
  store::mark_good(dir);
  store::State st = store::read_state(dir);
  REQUIRE(st.previous);
  // Bit rot on the SD card: flip a byte of the current bundle in place.
  {
    std::string t = testutil::read(st.current->path);
    t[t.size() / 2] ^= 0x40;
    testutil::write(st.current->path, t);
  }
  CHECK(store::begin_run(dir, p) == st.previous->path);
  fs::remove(st.previous->path);
  CHECK(store::begin_run(dir, p) == kit().v0);
  p.factory_bundle.clear();
  CHECK(store::begin_run(dir, p).empty());
  std::string report;
  CHECK_FALSE(store::status(dir, p, report).ok);
  // No store at all: the factory bundle.
  p.factory_bundle = kit().v0;
  CHECK(store::begin_run(s.path("nothing-here"), p) == kit().v0);
}

TEST_CASE("store: a damaged state file is recovered from state.old, then from the bundles") {
  testutil::Scratch s("store-damaged");
  std::string dir = store_with_v1(s);
  REQUIRE(store::install(dir, kit().v2, kit().policy()).ok);  // state.old: v1 current, no trial
  std::string text = testutil::read(store::state_file(dir));
  text[text.size() / 2] ^= 0x20;
  testutil::write(store::state_file(dir), text);
  store::State st = store::read_state(dir);
  CHECK(st.note.find("recovered the one before it") != std::string::npos);
  REQUIRE(st.current);
  CHECK(st.current->version == "1");
  testutil::write(dir + "/state.old", "garbage");
  st = store::read_state(dir);
  CHECK(st.note.find("rebuilt from") != std::string::npos);
  REQUIRE(st.current);
  REQUIRE(st.trial);  // which was healthy is unknown: the newest goes on trial again
  CHECK(st.current->version == "1");
  CHECK(st.trial->version == "2");
}

TEST_CASE("store: a full store (injected ENOSPC at every step) says so and keeps the old bundle") {
  testutil::Scratch s("store-enospc");
  std::string dir = store_with_v1(s);
  store::io::set_faults(0, 0, 0);
  store::install(dir, kit().v2, kit().policy());
  int steps = store::io::steps_taken();
  store::mark_good(dir);  // v2 is current now; v1 previous — install a fresh copy of v1? use v0 with downgrade
  store::Policy p = kit().policy();
  p.allow_downgrade = true;
  for (int n = 1; n <= steps; ++n) {
    store::io::set_faults(0, n, ENOSPC);
    auto r = store::install(dir, kit().v0, p);
    store::io::set_faults(0, 0, 0);
    if (r.ok) continue;  // failures after the state was written (e.g. collecting garbage) do not matter
    CHECK_MESSAGE(r.message.find("is full") != std::string::npos, "step " << n << ": " << r.message);
    CHECK(r.message.find("kept") != std::string::npos);
    store::State st = store::read_state(dir);
    REQUIRE(st.current);
    CHECK(st.current->version == "2");
    CHECK(store::verify_bundle(st.current->path, p).ok);
  }
}

// A real tmpfs (needs root, as the Pi's installer has): too small for a second bundle, then read-only.
TEST_CASE("store: a real full tmpfs and a read-only remount give a clear message and keep the bundle") {
  testutil::Scratch s("store-tmpfs");
  std::string mnt = s.path("mnt");
  fs::create_directories(mnt);
  size_t size = fs::file_size(kit().v1) * 3 / 2;
  std::string opts = "size=" + std::to_string(size);
  if (mount("tmpfs", mnt.c_str(), "tmpfs", 0, opts.c_str()) != 0) {
    MESSAGE("cannot mount a tmpfs here (" << strerror(errno) << "): covered by the injected faults only");
    return;
  }
  std::string dir = mnt + "/store";
  store::Policy p = kit().policy();
  REQUIRE(store::install(dir, kit().v1, p).ok);
  store::mark_good(dir);
  auto r = store::install(dir, kit().v2, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("is full") != std::string::npos);
  CHECK(store::read_state(dir).current->version == "1");
  CHECK(fs::is_empty(dir + "/incoming"));  // the partial copy is gone
  CHECK(store::begin_run(dir, p) == store::read_state(dir).current->path);

  REQUIRE(mount(nullptr, mnt.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0);
  r = store::install(dir, kit().v0, p);
  CHECK_FALSE(r.ok);
  CHECK(r.message.find("cannot be written") != std::string::npos);
  CHECK(store::begin_run(dir, p) == store::read_state(dir).current->path);
  std::string report;
  CHECK(store::status(dir, p, report).ok);
  umount(mnt.c_str());
}

TEST_CASE("store: a trial on a read-only store is not started (its starts could not be counted)") {
  testutil::Scratch s("store-ro-trial");
  std::string dir = store_with_v1(s);
  REQUIRE(store::install(dir, kit().v2, kit().policy()).ok);
  store::io::set_faults(0, 1, EROFS);
  std::string path = store::begin_run(dir, kit().policy());
  store::io::set_faults(0, 0, 0);
  CHECK(path == store::read_state(dir).current->path);
}

TEST_CASE("store: the inbox and a USB stick's exhibit/ folder install through the same path") {
  testutil::Scratch s("store-inbox");
  std::string dir = store_with_v1(s);
  fs::create_directories(dir + "/inbox");
  copy_signed(kit().v2, dir + "/inbox/new.bundle");
  fs::copy_file(kit().v2, dir + "/inbox/unsigned.bundle");
  auto lines = store::scan_inbox(dir, {}, kit().policy());
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("installed 2") != std::string::npos);
  CHECK(lines[1].find("not signed") != std::string::npos);
  CHECK(fs::exists(dir + "/inbox/done/new.bundle"));
  CHECK(fs::exists(dir + "/inbox/done/new.bundle.minisig"));
  CHECK(fs::exists(dir + "/inbox/refused/unsigned.bundle"));
  CHECK(store::read_state(dir).trial->version == "2");

  std::string usb = s.path("usb");
  fs::create_directories(usb + "/exhibit");
  copy_signed(kit().v2, usb + "/exhibit/trotsky.bundle");
  CHECK(store::scan_inbox(dir, {usb, s.path("not-mounted")}, kit().policy()).empty());  // already on trial
  store::mark_good(dir);
  fs::remove(usb + "/exhibit/trotsky.bundle");
  fs::remove(usb + "/exhibit/trotsky.bundle.minisig");
  // An older stick is refused once per scan and left where it is.
  copy_signed(kit().v0, usb + "/exhibit/old.bundle");
  lines = store::scan_inbox(dir, {usb}, kit().policy());
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("older") != std::string::npos);
  CHECK(fs::exists(usb + "/exhibit/old.bundle"));
}

TEST_CASE("store: only current, trial and previous are kept") {
  testutil::Scratch s("store-gc");
  std::string dir = store_in(s);
  store::Policy p = kit().policy();
  p.allow_downgrade = true;
  for (const auto* f : {&kit().v0, &kit().v1, &kit().v2}) {
    REQUIRE(store::install(dir, *f, p).ok);
    store::mark_good(dir);
  }
  REQUIRE(store::install(dir, kit().v0, p).ok);  // trial again, over v2 current and v1 previous
  size_t n = 0;
  for (auto& e : fs::directory_iterator(dir + "/bundles"))
    if (e.path().extension() == ".bundle") ++n;
  CHECK(n == 3);
  CHECK(fs::is_empty(dir + "/incoming"));
}

TEST_CASE("store: state text round-trips and refuses what it does not know") {
  store::State st;
  st.current = store::Slot{std::string(64, 'a'), "", "Una casa\tcon\nsaltos \\ y más", "1", "ABCDEF0123456789", "2026-12-01T00:00:00Z", "/media/usb0/x.bundle"};
  st.trial = store::Slot{std::string(64, 'b'), "", "t", "2", "", "", ""};
  st.trial_starts = 2;
  st.trial_run = "boot/12/345";
  st.failed = {std::string(64, 'c')};
  std::string text = store::format_state(st);
  std::string why;
  auto back = store::parse_state(text, &why);
  REQUIRE_MESSAGE(back, why);
  CHECK(back->current->title == st.current->title);
  CHECK(back->trial->hash == st.trial->hash);
  CHECK(back->trial_starts == 2);
  CHECK(back->failed == st.failed);
  CHECK(store::format_state(*back) == text);

  CHECK_FALSE(store::parse_state(text.substr(0, text.size() - 10), &why));
  CHECK_FALSE(store::parse_state("", &why));
  std::string other = text;
  other.replace(0, 20, "museum-kiosk-store 2");
  CHECK_FALSE(store::parse_state(other, &why));  // check line no longer matches either
}

TEST_CASE("store: versions compare by their numbers") {
  CHECK(store::compare_versions("2026.11.1", "2026.12") < 0);
  CHECK(store::compare_versions("2026.10", "2026.9") > 0);
  CHECK(store::compare_versions("1", "1") == 0);
  CHECK(store::compare_versions("2026.11", "2026.11.1") < 0);
  CHECK(store::compare_versions("0.9", "1") < 0);
  CHECK(store::compare_versions("01", "1") == 0);
}

TEST_CASE("config: the [store] table of deploy/kiosk.toml, and a misspelt override is a mistake") {
  app::Config c;
  std::vector<std::string> errors;
  bool loaded = app::load_config(testutil::source_dir() + "/deploy/kiosk.toml", c, errors);
  REQUIRE_MESSAGE(loaded, (errors.empty() ? std::string() : errors[0]));
  CHECK(c.store_dir == "/var/lib/museum-kiosk/store");
  CHECK(c.store_policy.trusted_keys == std::vector<std::string>{"/etc/museum-kiosk/curators.pub"});
  CHECK(c.store_policy.max_trial_starts == 3);
  CHECK_FALSE(c.store_policy.allow_unsigned);
  testutil::Scratch s("store-config");
  testutil::write(s.path("k.toml"), "[store]\ndir = \"/x\"\nallow_unsinged = true\n");
  app::Config bad;
  errors.clear();
  CHECK_FALSE(app::load_config(s.path("k.toml"), bad, errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("k.toml:3: error: unknown key \"allow_unsinged\" in [store]") != std::string::npos);
}
