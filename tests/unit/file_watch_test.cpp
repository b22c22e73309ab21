// file_watch_test.cpp — platform/file_watch.h on real folders: recursive watching (also of
// folders made later), half-written files not reported until closed, renames in, and the
// notify thread waking its caller. Every wait has a timeout; none is a blind sleep.
#include <doctest/doctest.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "platform/file_watch.h"
#include "test_util.h"

namespace {

namespace fs = std::filesystem;

bool has(const std::vector<std::string>& v, const std::string& p) { return std::find(v.begin(), v.end(), p) != v.end(); }

// Collects changes until `want` shows up or two seconds pass.
bool seen(platform::FileWatch& w, const std::string& want) {
  for (int i = 0; i < 20; ++i)
    if (has(w.wait(100), want)) return true;
  return false;
}

}  // namespace

TEST_CASE("file watch: recursive, new folders too, half-written files only once closed") {
  testutil::Scratch s("watch");
  platform::FileWatch w;
  std::string why;
  REQUIRE(w.add(s.dir.string(), true, why));
  CHECK(!w.add(s.path("missing"), false, why));
  CHECK(why.find("missing") != std::string::npos);

  fs::create_directories(s.path("rooms"));
  CHECK(seen(w, s.path("rooms")));
  testutil::write(s.path("rooms/01.md"), "hola");
  CHECK(seen(w, s.path("rooms/01.md")));  // the new folder is watched too

  FILE* f = fopen(s.path("rooms/02.md").c_str(), "w");
  REQUIRE(f);
  fputs("a half", f);
  fflush(f);
  CHECK(!has(w.wait(200), s.path("rooms/02.md")));  // still being written
  fclose(f);
  CHECK(seen(w, s.path("rooms/02.md")));

  testutil::write(s.path("next.tmp"), "x");
  w.wait(100);
  fs::rename(s.path("next.tmp"), s.path("exhibit.toml"));  // an atomic save
  CHECK(seen(w, s.path("exhibit.toml")));
  CHECK(w.wait(50).empty());  // nothing else happened
}

TEST_CASE("file watch: the notify thread wakes its caller once per batch") {
  testutil::Scratch s("watch-notify");
  platform::FileWatch w;
  std::string why;
  REQUIRE(w.add(s.dir.string(), false, why));
  std::mutex m;
  std::condition_variable cv;
  int calls = 0;
  w.notify([&] {
    std::lock_guard<std::mutex> lock(m);
    ++calls;
    cv.notify_all();
  });
  testutil::write(s.path("state"), "1");
  std::unique_lock<std::mutex> lock(m);
  REQUIRE(cv.wait_for(lock, std::chrono::seconds(2), [&] { return calls > 0; }));
  lock.unlock();
  CHECK(has(w.take(), s.path("state")));
  CHECK(w.take().empty());
}
