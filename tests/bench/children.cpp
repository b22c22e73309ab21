// children.cpp — see children.h.
#include "children.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "measure.h"

extern char** environ;

namespace bench {

namespace {

std::string slurp_and_remove(const std::string& path) {
  std::ifstream f(path);
  std::stringstream s;
  s << f.rdbuf();
  unlink(path.c_str());
  return s.str();
}

std::string temp_file() {
  char name[] = "/tmp/kiosk-bench-XXXXXX";
  int fd = mkstemp(name);
  if (fd >= 0) close(fd);
  return name;
}

// posix_spawn (a vfork, no copy of this process's memory map): the child's CPU clock and
// memory start from nothing of ours.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& env, const std::string& out,
            const std::string& err) {
  std::vector<std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string v = *e, name = v.substr(0, v.find('='));
    bool replaced = false;
    for (const auto& x : env) replaced = replaced || x.substr(0, x.find('=')) == name;
    if (!replaced) vars.push_back(v);
  }
  for (const auto& x : env)
    if (x.find('=') + 1 != x.size()) vars.push_back(x);  // NAME= removes NAME
  std::vector<char*> envp, args;
  for (auto& v : vars) envp.push_back(v.data());
  envp.push_back(nullptr);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_TRUNC, 0);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_TRUNC, 0);
  pid_t pid = -1;
  if (posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), envp.data()) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&fa);
  return pid;
}

// Voluntary context switches of every thread of `pid` so far.
long voluntary_switches(pid_t pid) {
  std::string dir = "/proc/" + std::to_string(pid) + "/task";
  DIR* d = opendir(dir.c_str());
  if (!d) return -1;
  long total = 0;
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    std::ifstream st(dir + "/" + e->d_name + "/status");
    std::string line;
    while (std::getline(st, line))
      if (line.rfind("voluntary_ctxt_switches:", 0) == 0) total += atol(line.c_str() + 24);
  }
  closedir(d);
  return total;
}

void sleep_ms(double ms) {
  timespec ts{(time_t)(ms / 1000), (long)(std::fmod(ms, 1000.0) * 1e6)};
  while (nanosleep(&ts, &ts) != 0) {
  }
}

Child finish(pid_t pid, Child c, const std::string& out, const std::string& err) {
  wait4(pid, &c.status, 0, &c.usage);
  c.wall_ms = mono_ms() - c.start_mono_ms;
  c.out = slurp_and_remove(out), c.err = slurp_and_remove(err);
  return c;
}

}  // namespace

Child run(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  Child c;
  std::string out = temp_file(), err = temp_file();
  c.start_mono_ms = mono_ms();
  pid_t pid = spawn(argv, env, out, err);
  if (pid < 0) return c;
  return finish(pid, c, out, err);
}

Child run_for(const std::vector<std::string>& argv, const std::vector<std::string>& env, double warm_s, double window_s) {
  Child c;
  std::string out = temp_file(), err = temp_file();
  c.start_mono_ms = mono_ms();
  pid_t pid = spawn(argv, env, out, err);
  if (pid < 0) return c;
  sleep_ms(warm_s * 1000);
  long before = voluntary_switches(pid);
  sleep_ms(window_s * 1000);
  long after = voluntary_switches(pid);
  if (before >= 0 && after >= 0) c.voluntary_switches_window = after - before;
  kill(pid, SIGTERM);
  return finish(pid, c, out, err);
}

bool exited_ok(const Child& c) { return c.status >= 0 && WIFEXITED(c.status) && WEXITSTATUS(c.status) == 0; }

double cpu_ms(const rusage& u) {
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

}  // namespace bench
