// process_tree.cpp — see process_tree.h.
#include "process_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

#include "children.h"
#include "measure.h"

extern char** environ;

namespace bench {

namespace {

// The children of every thread of `pid` (/proc/PID/task/TID/children).
std::vector<pid_t> children_of(pid_t pid) {
  std::vector<pid_t> out;
  std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    std::ifstream f(dir + "/" + e->d_name + "/children");
    for (pid_t c; f >> c;) out.push_back(c);
  }
  closedir(d);
  return out;
}

std::vector<pid_t> descendants(pid_t root) {
  std::vector<pid_t> all = children_of(root);
  for (size_t i = 0; i < all.size(); ++i)
    for (pid_t c : children_of(all[i])) all.push_back(c);
  return all;
}

// CPU of a (stopped) process in ms: all its threads, live and gone (its process CPU clock, in ns),
// and the children it waited for (cutime + cstime of /proc/PID/stat, in clock ticks).
double stopped_cpu_ms(pid_t pid) {
  double ms = 0;
  clockid_t clock;
  timespec ts{};
  if (clock_getcpuclockid(pid, &clock) == 0 && clock_gettime(clock, &ts) == 0) ms = ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::istringstream rest(stat.substr(std::min(stat.size(), stat.rfind(')') + 2)));
  std::vector<long long> v;
  std::string field;
  while (rest >> field && v.size() < 15) v.push_back(atoll(field.c_str()));
  if (v.size() >= 15) ms += (v[13] + v[14]) * 1000.0 / sysconf(_SC_CLK_TCK);  // fields 16, 17: cutime, cstime
  return ms;
}

// Pss and Rss of a process from /proc/PID/smaps_rollup, in KiB.
std::pair<double, double> pss_rss_kb(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/smaps_rollup");
  double pss = 0, rss = 0;
  for (std::string line; std::getline(f, line);) {
    if (line.rfind("Pss:", 0) == 0) pss = atof(line.c_str() + 4);
    else if (line.rfind("Rss:", 0) == 0) rss = atof(line.c_str() + 4);
  }
  return {pss, rss};
}

pid_t spawn_logged(const std::vector<std::string>& argv, const std::string& log) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = -1;
  if (posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

// Everything this process reaps while it is the tree's subreaper.
struct Reaper {
  pid_t main;
  double cpu_ms = 0;
  int reaped = 0, main_status = -1;
  // Reaps what has exited, without blocking; false once no child is left.
  bool reap() {
    for (;;) {
      rusage u{};
      int st = 0;
      pid_t p = wait4(-1, &st, WNOHANG, &u);
      if (p > 0) {
        cpu_ms += bench::cpu_ms(u), ++reaped;
        if (p == main) main_status = st;
        continue;
      }
      if (p == 0) return true;
      if (errno == EINTR) continue;
      return false;  // ECHILD
    }
  }
};

// True once `name` was closed after writing (or moved) into the watched folder.
bool file_done(int in, const std::string& name) {
  alignas(inotify_event) char buf[4096];
  bool done = false;
  for (ssize_t n; (n = read(in, buf, sizeof buf)) > 0;)
    for (char* p = buf; p < buf + n;) {
      auto* e = reinterpret_cast<inotify_event*>(p);
      done = done || (e->len && name == e->name);
      p += sizeof(inotify_event) + e->len;
    }
  return done;
}

// SIGSTOPs every descendant of this process, again until no new one appears (one may have been
// forking); returns them.
std::set<pid_t> stop_tree() {
  std::set<pid_t> stopped;
  for (bool fresh = true; fresh;) {
    fresh = false;
    for (pid_t p : descendants(getpid()))
      if (stopped.insert(p).second) kill(p, SIGSTOP), fresh = true;
  }
  return stopped;
}

}  // namespace

TreeRun run_tree_until_file(const std::vector<std::string>& argv, const std::string& file, const std::string& log,
                            double timeout_s) {
  TreeRun r;
  const std::string dir = file.substr(0, file.rfind('/')), name = file.substr(file.rfind('/') + 1);
  unlink(file.c_str());
  int in = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
  if (in < 0 || inotify_add_watch(in, dir.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
    r.why = "cannot watch " + dir + ": " + strerror(errno);
    if (in >= 0) close(in);
    return r;
  }
  prctl(PR_SET_CHILD_SUBREAPER, 1);
  const double t0 = mono_ms();
  Reaper reaper{spawn_logged(argv, log)};
  if (reaper.main < 0) r.why = "could not start " + argv[0];
  while (reaper.main >= 0 && !r.wrote) {
    double left = timeout_s * 1000 - (mono_ms() - t0);
    if (left <= 0) {
      r.why = "no " + name + " after " + std::to_string((int)timeout_s) + " s";
      break;
    }
    pollfd pf{in, POLLIN, 0};
    poll(&pf, 1, (int)std::min(left, 50.0));  // 50 ms: also notice a tree that ended without it
    if ((pf.revents & POLLIN) && file_done(in, name)) {
      r.wrote = true, r.file_ms = mono_ms() - t0;
      break;
    }
    reaper.reap();
    if (reaper.main_status != -1) r.why = argv[0] + " exited (status " + std::to_string(reaper.main_status) + ") without writing " + name;
    if (reaper.main_status != -1) break;
  }
  // The tree at the file: stopped, measured, then killed. Everything it lost on the way (exited
  // helpers, waited for or orphaned to us) is already in the reaper's sum or in a parent's cutime.
  std::set<pid_t> stopped = stop_tree();
  reaper.reap();
  double cpu = reaper.cpu_ms;
  r.processes = reaper.reaped;
  for (pid_t p : stopped) {
    if (kill(p, 0) != 0) continue;  // it had exited and is reaped now: in the reaper's sum
    cpu += stopped_cpu_ms(p), ++r.processes;
    auto [pss, rss] = pss_rss_kb(p);
    r.pss_mb += pss / 1024, r.rss_mb += rss / 1024;
  }
  r.cpu_ms = cpu;
  for (pid_t p : stopped) kill(p, SIGKILL);
  // Reap the killed and whatever their deaths orphan to us, killing any late child too.
  for (double give_up = mono_ms() + 10'000; reaper.reap() && mono_ms() < give_up;) {
    for (pid_t p : descendants(getpid())) kill(p, SIGKILL);
    usleep(2000);
  }
  r.reaped_cpu_ms = reaper.cpu_ms;
  prctl(PR_SET_CHILD_SUBREAPER, 0);
  close(in);
  return r;
}

}  // namespace bench
