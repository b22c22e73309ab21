// staff_test.cpp — the staff overlay's way in (issue 9): the corner gesture's triggers and
// near-misses on a fake clock, the PIN's hash, `kiosk --set-pin` rewriting a kiosk.toml, the
// lockout's timing and doubling on a virtual clock, its file, and the [staff] settings.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <chrono>
#include <sstream>

#include "kiosk/app/config.h"
#include "kiosk/app/staff_lock.h"
#include "kiosk/app/staff_pin.h"
#include "kiosk/ui/staff_corner.h"
#include "test_util.h"

namespace {

// A quick tap at (x, y) starting at t; returns the time after it.
uint64_t tap(ui::StaffCorner& c, uint64_t t, float x = 10, float y = 10, uint64_t hold = 80, int64_t id = 0) {
  c.down(id, x, y, t);
  c.up(id, x, y, t + hold);
  return t + hold + 120;
}

// Holds (x, y) from t for `ms`, ticking every 16 ms; true if the gesture fired during it.
bool hold(ui::StaffCorner& c, uint64_t t, uint64_t ms, float x = 10, float y = 10) {
  c.down(7, x, y, t);
  bool fired = false;
  for (uint64_t u = t; u <= t + ms; u += 16) {
    c.tick(u);
    fired = c.take_triggered() || fired;
  }
  c.up(7, x, y, t + ms);
  return fired;
}

uint64_t five_taps(ui::StaffCorner& c, uint64_t t) {
  for (int i = 0; i < 5; ++i) t = tap(c, t);
  return t;
}

}  // namespace

TEST_CASE("staff corner: five quick taps then a 2 s hold open it, once") {
  ui::StaffCorner c;
  uint64_t t = five_taps(c, 1000);
  CHECK(c.taps() == 5);
  CHECK(hold(c, t, 2100));
  CHECK_FALSE(c.take_triggered());  // once
  // Again from the start works too.
  t = five_taps(c, t + 5000);
  CHECK(hold(c, t, 2100));
}

TEST_CASE("staff corner: it fires at 2 s into the hold, and says when to look") {
  ui::StaffCorner c;
  uint64_t t = five_taps(c, 0);
  c.down(1, 10, 10, t);
  CHECK(c.next_deadline() == t + 2000);
  c.tick(t + 1999);
  CHECK_FALSE(c.take_triggered());
  c.tick(t + 2000);
  CHECK(c.take_triggered());
  CHECK(c.up(1, 10, 10, t + 2500));  // the lifting finger is still the corner's
  CHECK(c.next_deadline() == 0);
}

TEST_CASE("staff corner: near-misses do not open it") {
  SUBCASE("four taps and a hold") {
    ui::StaffCorner c;
    uint64_t t = 0;
    for (int i = 0; i < 4; ++i) t = tap(c, t);
    CHECK_FALSE(hold(c, t, 3000));
  }
  SUBCASE("six taps and a hold") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    t = tap(c, t);
    CHECK_FALSE(hold(c, t, 3000));
  }
  SUBCASE("a hold too short") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    CHECK_FALSE(hold(c, t, 1900));
  }
  SUBCASE("the taps spread over more than 3 s") {
    ui::StaffCorner c;
    uint64_t t = 0;
    for (int i = 0; i < 5; ++i) t = tap(c, t) + 600;  // 800 ms a tap: the fifth ends after 3.2 s
    CHECK(c.taps() < 5);
    CHECK_FALSE(hold(c, t - 600, 3000));
  }
  SUBCASE("the hold begins too late after the taps") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    CHECK_FALSE(hold(c, t + 1600, 3000));
  }
  SUBCASE("a slow press among the taps") {
    ui::StaffCorner c;
    uint64_t t = 0;
    for (int i = 0; i < 4; ++i) t = tap(c, t);
    t = tap(c, t, 10, 10, 700);
    CHECK(c.taps() == 0);
    CHECK_FALSE(hold(c, t, 3000));
  }
  SUBCASE("a touch on the exhibit in between") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    CHECK_FALSE(c.down(3, 500, 300, t));  // not the corner's: goes to the visitor
    c.up(3, 500, 300, t + 50);
    CHECK_FALSE(hold(c, t + 100, 3000));
  }
  SUBCASE("taps just outside the corner") {
    ui::StaffCorner c;
    uint64_t t = 0;
    for (int i = 0; i < 5; ++i) t = tap(c, t, 60, 10);
    CHECK(c.taps() == 0);
    CHECK_FALSE(hold(c, t, 3000, 60, 10));
  }
  SUBCASE("the holding finger slides away") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    c.down(1, 10, 10, t);
    c.move(1, 45, 40, t + 500);
    c.tick(t + 2500);
    CHECK_FALSE(c.take_triggered());
  }
  SUBCASE("a second finger during the hold") {
    ui::StaffCorner c;
    uint64_t t = five_taps(c, 0);
    c.down(1, 10, 10, t);
    CHECK_FALSE(c.down(2, 400, 400, t + 300));  // a visitor's hand elsewhere: theirs
    c.tick(t + 2500);
    CHECK_FALSE(c.take_triggered());
  }
}

TEST_CASE("staff corner: corner touches are claimed, others are the visitor's") {
  ui::StaffCorner c;
  c.set_corner(56);
  CHECK(c.down(1, 55, 55, 0));
  CHECK(c.move(1, 56, 20, 10));  // slid out, but it began in the corner: still the corner's
  CHECK(c.up(1, 56, 20, 20));
  CHECK_FALSE(c.down(2, 56, 10, 100));
  CHECK_FALSE(c.move(2, 10, 10, 110));  // began outside: the visitor's even inside the corner
  CHECK_FALSE(c.up(2, 10, 10, 120));
}

TEST_CASE("staff PIN: 4 to 8 digits, and the hash verifies the PIN and nothing else") {
  std::string why;
  CHECK(app::staff::valid_pin("2468", why));
  CHECK(app::staff::valid_pin("12345678", why));
  CHECK_FALSE(app::staff::valid_pin("123", why));
  CHECK_FALSE(app::staff::valid_pin("123456789", why));
  CHECK_FALSE(app::staff::valid_pin("12a4", why));
  auto t0 = std::chrono::steady_clock::now();
  std::string h = app::staff::hash_pin("2468");
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("Argon2id at 8 MiB x 3 passes: " << ms << " ms");
  CHECK(h.rfind("$argon2id$v=19$m=8192,t=3,p=1$", 0) == 0);
  CHECK(app::staff::hash_pin("2468") != h);  // salted
  CHECK(app::staff::verify_pin(h, "2468"));
  CHECK_FALSE(app::staff::verify_pin(h, "2469"));
  CHECK_FALSE(app::staff::verify_pin(h, ""));
  CHECK_FALSE(app::staff::verify_pin("2468", "2468"));  // a PIN written in clear is not a hash
}

TEST_CASE("staff PIN: a hash asking for more than a kiosk can spend is refused before verifying") {
  std::string why;
  std::string h = app::staff::hash_pin("2468");
  CHECK(app::staff::hash_usable(h, why));
  std::string greedy = h;
  greedy.replace(greedy.find("m=8192"), 6, "m=1048576");  // 1 GiB
  CHECK_FALSE(app::staff::hash_usable(greedy, why));
  CHECK(why.find("m=1048576") != std::string::npos);
  CHECK_FALSE(app::staff::verify_pin(greedy, "2468"));
  CHECK_FALSE(app::staff::hash_usable("$argon2i$v=19$m=8192,t=3,p=1$x$y", why));
}

TEST_CASE("staff set-pin: the pin line is replaced, inserted or added, and nothing else changes") {
  const std::string h1 = "$argon2id$v=19$m=8192,t=3,p=1$AAAA$BBBB", h2 = "$argon2id$v=19$m=8192,t=3,p=1$CCCC$DDDD";
  SUBCASE("an existing line keeps its indentation and comment") {
    std::string in = "# kiosk\nbundle = \"x\"  # the exhibit\n\n[staff]\n  pin = \"old\"   # set with kiosk --set-pin\nallow_exit = false\n\n[hours]\nmonday = \"closed\"\n";
    std::string out = app::staff::with_pin(in, h1);
    CHECK(out == "# kiosk\nbundle = \"x\"  # the exhibit\n\n[staff]\n  pin = \"" + h1 +
                     "\"   # set with kiosk --set-pin\nallow_exit = false\n\n[hours]\nmonday = \"closed\"\n");
    std::string again = app::staff::with_pin(out, h2);
    CHECK(again == "# kiosk\nbundle = \"x\"  # the exhibit\n\n[staff]\n  pin = \"" + h2 +
                       "\"   # set with kiosk --set-pin\nallow_exit = false\n\n[hours]\nmonday = \"closed\"\n");
  }
  SUBCASE("a [staff] table without a pin (a commented one stays a comment)") {
    std::string in = "[staff]   # the overlay\n# pin = \"$argon2id$...\"\nallow_exit = true\n[store]\ndir = \"/s\"\n";
    std::string out = app::staff::with_pin(in, h1);
    CHECK(out == "[staff]   # the overlay\npin = \"" + h1 + "\"\n# pin = \"$argon2id$...\"\nallow_exit = true\n[store]\ndir = \"/s\"\n");
    CHECK(app::staff::with_pin(out, h1) == out);  // idempotent
  }
  SUBCASE("a pin in another table is not touched; no [staff] means one is added") {
    std::string in = "[other]\npin = \"keep\"\n# [staff]\n";
    std::string out = app::staff::with_pin(in, h1);
    CHECK(out.rfind(in, 0) == 0);
    CHECK(out.find("\n[staff]\npin = \"" + h1 + "\"\n") != std::string::npos);
    CHECK(app::staff::with_pin(out, h2).size() == out.size());  // the second run only replaces
  }
  SUBCASE("a file without a final newline, with CRLF line ends") {
    std::string in = "[staff]\r\nallow_exit = true";
    CHECK(app::staff::with_pin(in, h1) == "[staff]\r\npin = \"" + h1 + "\"\r\nallow_exit = true");
  }
}

TEST_CASE("staff set-pin: the file is replaced atomically, keeps its mode and comments, and reads back") {
  testutil::Scratch s("setpin");
  std::string path = s.path("kiosk.toml");
  std::string original = testutil::read(testutil::source_dir() + "/deploy/kiosk.toml");
  testutil::write(path, original);
  chmod(path.c_str(), 0640);
  std::istringstream in("2468\n2468\n");
  std::ostringstream out, err;
  REQUIRE(app::staff::set_pin_command(path, in, out, err) == 0);
  std::string first = testutil::read(path);
  struct stat st{};
  stat(path.c_str(), &st);
  CHECK((st.st_mode & 0777) == 0640);
  // Every line of the original is still there, in order, comments too; one pin line was added
  // right under [staff].
  size_t at = first.find("\n[staff]\npin = \"$argon2id$");
  REQUIRE(at != std::string::npos);
  size_t line = first.find('\n', at + 1), end = first.find('\n', line + 1);
  CHECK(first.substr(0, line + 1) + first.substr(end + 1) == original);
  app::Config c;
  std::vector<std::string> errors;
  app::load_config(path, c, errors);
  CHECK(errors.empty());
  CHECK(app::staff::verify_pin(c.staff.pin, "2468"));
  // Again: the same lines, one hash changed.
  std::istringstream in2("1357\n");
  REQUIRE(app::staff::set_pin_command(path, in2, out, err) == 0);
  std::string second = testutil::read(path);
  CHECK(second.size() == first.size());
  app::Config c2;
  app::load_config(path, c2, errors);
  CHECK(app::staff::verify_pin(c2.staff.pin, "1357"));
  CHECK_FALSE(app::staff::verify_pin(c2.staff.pin, "2468"));
  // Refusals leave the file as it was.
  for (const char* bad : {"12\n", "1234\n4321\n", ""}) {
    std::istringstream in3(bad);
    std::ostringstream err3;
    CHECK(app::staff::set_pin_command(path, in3, out, err3) == 1);
    CHECK(err3.str().find("nothing changed") != std::string::npos);
  }
  CHECK(testutil::read(path) == second);
  // A file this tool cannot edit safely (an inline table) is refused, untouched.
  testutil::write(path, "staff = { allow_exit = true }\n");
  std::istringstream in4("2468\n");
  std::ostringstream err4;
  CHECK(app::staff::set_pin_command(path, in4, out, err4) == 1);
  CHECK(testutil::read(path) == "staff = { allow_exit = true }\n");
  MESSAGE(err4.str());
}

TEST_CASE("staff lockout: five wrong tries lock for 60 s, each further lockout twice as long") {
  app::staff::Lockout l;
  int64_t t = 1'700'000'000'000;
  for (int i = 0; i < 4; ++i) CHECK_FALSE(l.wrong(t += 1000));
  CHECK(l.tries_left(t) == 1);
  CHECK(l.wrong(t += 1000));
  CHECK(l.locked(t));
  CHECK(l.remaining_ms(t) == 60'000);
  CHECK_FALSE(l.wrong(t + 1000));  // ignored while locked: it does not lengthen the lock
  CHECK(l.remaining_ms(t + 1000) == 59'000);
  CHECK(l.locked(t + 59'999));
  CHECK_FALSE(l.locked(t + 60'000));
  t += 60'000;
  CHECK(l.tries_left(t) == 5);
  int64_t expect = 120'000;
  for (int round = 2; round <= 5; ++round, expect *= 2) {
    for (int i = 0; i < 4; ++i) CHECK_FALSE(l.wrong(t += 10));
    CHECK(l.wrong(t += 10));
    CHECK(l.remaining_ms(t) == expect);  // 2, 4, 8, 16 minutes
    t += expect;
  }
  CHECK(l.lockouts() == 5);
  // The right PIN forgives everything: the next lockout is 60 s again.
  l.right();
  for (int i = 0; i < 5; ++i) l.wrong(t += 10);
  CHECK(l.remaining_ms(t) == 60'000);
}

TEST_CASE("staff lockout: at most a day, and a wall clock stepped back does not lengthen it") {
  app::staff::Lockout l;
  int64_t t = 1'700'000'000'000;
  for (int round = 0; round < 30; ++round) {
    for (int i = 0; i < 5; ++i) l.wrong(t += 10);
    CHECK(l.remaining_ms(t) <= app::staff::Lockout::kMaxLockMs);
    t += l.remaining_ms(t);
  }
  l.right();
  for (int i = 0; i < 5; ++i) l.wrong(t += 10);
  CHECK(l.remaining_ms(t - 3'600'000) == 60'000);  // NTP stepped the clock back an hour
}

TEST_CASE("staff lockout: the count survives a restart through its file") {
  testutil::Scratch s("lockout");
  std::string path = s.path("staff-lockout"), why;
  int64_t t = 1'700'000'000'000;
  {
    app::staff::Lockout l;
    REQUIRE(l.load_file(path, why));  // none yet: open
    for (int i = 0; i < 5; ++i) l.wrong(t += 10);
    REQUIRE(l.save_file(path, why));
  }
  app::staff::Lockout after;
  REQUIRE(after.load_file(path, why));
  CHECK(after.locked(t + 30'000));
  CHECK(after.remaining_ms(t) == 60'000);
  CHECK(after.lockouts() == 1);
  // A damaged file is not a way to reset the count.
  testutil::write(path, "staff-lockout 1\nwrong x\n");
  app::staff::Lockout damaged;
  CHECK_FALSE(damaged.load_file(path, why));
  for (int i = 0; i < 5; ++i) damaged.wrong(t += 10);
  CHECK(damaged.remaining_ms(t) == 120'000);
}

TEST_CASE("staff config: [staff] settings, and their mistakes at their lines") {
  testutil::Scratch s("staffconfig");
  std::string path = s.path("kiosk.toml");
  testutil::write(path, "[staff]\npin = \"$argon2id$v=19$m=8192,t=3,p=1$AAAA$BBBB\"\nallow_exit = true\nidle_seconds = 300\n");
  app::Config c;
  std::vector<std::string> errors;
  CHECK(app::load_config(path, c, errors));
  CHECK(c.staff.allow_exit);
  CHECK(c.staff.idle_seconds == 300);
  CHECK_FALSE(c.staff.open_without_pin);
  testutil::write(path, "[staff]\npin = \"2468\"\nallow_exitt = true\nidle_seconds = 5\n");
  app::Config d;
  errors.clear();
  CHECK_FALSE(app::load_config(path, d, errors));
  REQUIRE(errors.size() == 3);
  std::string all = errors[0] + "\n" + errors[1] + "\n" + errors[2];
  CHECK(all.find("kiosk.toml:2: error: pin must be the hash kiosk --set-pin writes") != std::string::npos);
  CHECK(all.find("kiosk.toml:3: error: unknown key \"allow_exitt\" in [staff]; did you mean \"allow_exit\"?") != std::string::npos);
  CHECK(all.find("kiosk.toml:4: error: idle_seconds must be") != std::string::npos);
  CHECK(d.staff.pin.empty());  // refused: the overlay stays shut
  CHECK_FALSE(d.staff.allow_exit);
  CHECK(d.staff.idle_seconds == 120);
}
