// chromium.cpp — see chromium.h.
#include "chromium.h"

#include <sys/stat.h>
#include <unistd.h>

#include "children.h"
#include "equivalent_page.h"
#include "measure.h"
#include "process_tree.h"

namespace bench {

namespace {

const char* const kNotInstalled = "not measured: chromium is not installed; `make bench` installs it";

// Debian's /usr/bin/chromium is a shell script that execs this after sourcing /etc/chromium.d:
// the browser itself, without charging it for the script.
std::string chromium_binary() {
  if (const char* env = getenv("KIOSK_BENCH_CHROMIUM"); env && *env) return access(env, X_OK) == 0 ? env : "";  // another build of it
  return access("/usr/lib/chromium/chromium", X_OK) == 0 ? "/usr/lib/chromium/chromium" : "";
}

// As a web kiosk would start it, sparing it the work such a kiosk turns off (extensions,
// background networking, first-run); no GPU here, as the kiosk's software renderer has none.
// Its sandbox cannot run as root (Chromium refuses to start).
std::vector<std::string> chromium_argv(const std::string& bin, const std::string& dir, const std::string& page, const Setup& s) {
  std::vector<std::string> a{bin, "--headless", "--disable-gpu", "--user-data-dir=" + dir + "/profile",
                             "--window-size=" + std::to_string(s.width) + "," + std::to_string(s.height), "--hide-scrollbars",
                             "--no-first-run", "--disable-extensions", "--disable-background-networking",
                             "--screenshot=" + dir + "/home.png", "file://" + page};
  if (geteuid() == 0) a.insert(a.begin() + 1, "--no-sandbox");
  return a;
}

json unmeasured(const std::string& why) {
  json j;
  for (const char* k : {"chromium_first_screenshot_ms", "chromium_first_screenshot_cpu_ms", "chromium_screenshot_pss_mb",
                        "chromium_screenshot_rss_mb"})
    j[k] = nullptr;
  j["chromium_why"] = why;
  return j;
}

}  // namespace

json chromium_figures(const Setup& s) {
  if (s.quick) return unmeasured("not measured: --quick skips Chromium (`make bench` measures it)");
  const std::string bin = chromium_binary();
  if (bin.empty()) return unmeasured(kNotInstalled);
  const std::string dir = s.work_dir + "/chromium";
  mkdir(dir.c_str(), 0755);
  std::string page, why;
  if (!write_home_page(s.bundle, dir, s.width, s.height, page, why)) return unmeasured("not measured: the equivalent page: " + why);
  const std::vector<std::string> argv = chromium_argv(bin, dir, page, s);
  // One run unmeasured first: its profile is created and its files are in the page cache, as
  // the kiosk's are when the bench starts it.
  std::vector<double> wall, cpu, pss, rss, reaped;
  int processes = 0;
  for (int i = 0; i <= 5; ++i) {
    TreeRun t = run_tree_until_file(argv, dir + "/home.png", dir + "/chromium.log", 60);
    struct stat st{};
    if (!t.wrote || stat((dir + "/home.png").c_str(), &st) != 0 || st.st_size == 0)
      return unmeasured("not measured: chromium wrote no screenshot: " + (t.why.empty() ? "an empty file" : t.why) + " (see " + dir +
                        "/chromium.log)");
    if (i == 0) continue;
    wall.push_back(t.file_ms), cpu.push_back(t.cpu_ms), pss.push_back(t.pss_mb), rss.push_back(t.rss_mb), reaped.push_back(t.reaped_cpu_ms);
    processes = t.processes;
  }
  json j;
  j["chromium_first_screenshot_ms"] = median(wall);
  j["chromium_first_screenshot_cpu_ms"] = median(cpu);
  j["chromium_reaped_cpu_ms"] = median(reaped);  // the cross-check (process_tree.h): >= the figure above
  j["chromium_screenshot_pss_mb"] = median(pss);
  j["chromium_screenshot_rss_mb"] = median(rss);
  j["chromium_processes"] = processes;
  Child v = run({bin, "--version"});
  std::string version = exited_ok(v) ? v.out.substr(0, v.out.find('\n')) : "unknown";
  j["chromium_version"] = version.substr(0, version.find_last_not_of(' ') + 1);
  j["chromium_page"] = page;
  return j;
}

void compare_with_chromium(json& r) {
  auto number = [&](const json& j, const char* k) { return j.contains(k) && j[k].is_number() ? j[k].get<double>() : -1.0; };
  const double kiosk_cpu = number(r, "first_frame_cpu_ms"), chromium_cpu = number(r, "chromium_first_screenshot_cpu_ms");
  const std::string missing = r.contains("chromium_why") ? r["chromium_why"].get<std::string>() : "not measured";
  if (kiosk_cpu >= 0 && chromium_cpu > 0) {
    r["first_frame_vs_chromium"] = kiosk_cpu / chromium_cpu;
  } else {
    r["first_frame_vs_chromium"] = nullptr;
    r["first_frame_vs_chromium_why"] = chromium_cpu > 0 ? "the kiosk's first frame was not measured" : missing;
  }
  const double kiosk_rss = r.contains("peak_rss_mb") ? number(r["peak_rss_mb"], "dummy") : -1,
               chromium_pss = number(r, "chromium_screenshot_pss_mb");
  r["kiosk_rss_vs_chromium_pss"] = kiosk_rss >= 0 && chromium_pss > 0 ? json(kiosk_rss / chromium_pss) : json(nullptr);
}

}  // namespace bench
