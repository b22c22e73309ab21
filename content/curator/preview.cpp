// preview.cpp — see preview.h. One process watches and builds (no SDL here), the kiosk shows;
// they talk through two files replaced by rename: the bundle and its .errors sidecar.
#include "content/curator/preview.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/curator/commands.h"
#include "platform/file_watch.h"

extern char** environ;

namespace curator {

namespace fs = std::filesystem;

namespace {

// Written beside, then renamed over: the kiosk never reads half a file.
bool write_atomic(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << text;
    if (!f) return false;
  }
  return rename(tmp.c_str(), path.c_str()) == 0;
}

// Editors' swap and backup files are not sources: saving them must not rebuild.
bool is_source(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  if (name.empty()) return true;  // a folder's overflow: look again
  if (name[0] == '.' || name.back() == '~' || name[0] == '#') return false;
  std::string ext = fs::path(name).extension().string();
  return ext != ".swp" && ext != ".swx" && ext != ".tmp" && name != "4913";  // vim's write test
}

struct Builder {
  std::string src, out, errors;
  std::ostream& log;

  // Builds into out.new; on success clears the errors, then renames the bundle into place.
  void build() {
    auto t0 = std::chrono::steady_clock::now();
    std::ostringstream o, e;
    std::string next = out + ".new";
    int rc = curator::build(src, next, o, e);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    if (rc == 0) {
      write_atomic(errors, "");
      if (rename(next.c_str(), out.c_str()) != 0) {
        log << "preview: cannot replace " << out << ": " << strerror(errno) << "\n";
        return;
      }
      log << "preview: rebuilt in " << ms << " ms\n";
      return;
    }
    unlink(next.c_str());
    // Only the `file:line: error: …` lines, with paths relative to the exhibit's folder.
    std::string lines, prefix = src + "/";
    std::istringstream in(e.str());
    for (std::string l; std::getline(in, l);) {
      if (l.find(": error: ") == std::string::npos) continue;
      if (l.rfind(prefix, 0) == 0) l = l.substr(prefix.size());
      lines += l + "\n";
    }
    if (lines.empty()) lines = e.str();
    write_atomic(errors, lines);
    log << lines << "preview: the last good build stays on screen until this is fixed\n";
  }
};

std::string beside_me(const std::string& name) {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return name;
  buf[n] = 0;
  return (fs::path(buf).parent_path() / name).string();
}

// Starts the kiosk on `bundle` with --watch (windowed unless the options say headless).
bool spawn_kiosk(const PreviewOptions& o, const std::string& bundle, pid_t& pid, std::ostream& err) {
  std::string kiosk = o.kiosk.empty() ? beside_me("kiosk") : o.kiosk;
  std::vector<std::string> args = {kiosk, "--bundle", bundle, "--watch"};
  bool headless = false;
  for (const auto& a : o.kiosk_args) headless = headless || a == "--headless";
  if (!headless) args.push_back("--windowed");
  args.insert(args.end(), o.kiosk_args.begin(), o.kiosk_args.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  if (int e = posix_spawn(&pid, kiosk.c_str(), nullptr, nullptr, argv.data(), environ)) {
    err << "kiosk-bundle: cannot start " << kiosk << ": " << strerror(e) << "\n";
    return false;
  }
  return true;
}

}  // namespace

int preview(const PreviewOptions& o, std::ostream& out, std::ostream& err) {
  std::string src = fs::absolute(o.src).lexically_normal().string();
  while (src.size() > 1 && src.back() == '/') src.pop_back();
  if (!fs::is_directory(src)) {
    err << "kiosk-bundle: " << o.src << " is not an exhibit folder\n";
    return 2;
  }
  fs::path scratch;
  std::string bundle = o.out;
  if (bundle.empty()) {
    const char* run = getenv("XDG_RUNTIME_DIR");
    scratch = fs::path(run && *run ? run : fs::temp_directory_path().c_str()) / ("kiosk-preview-" + std::to_string(getpid()));
    fs::create_directories(scratch);
    bundle = (scratch / "preview.bundle").string();
  }
  bundle = fs::absolute(bundle).string();
  Builder b{src, bundle, bundle + ".errors", err};

  platform::FileWatch watch;
  std::string why;
  if (!watch.add(src, true, why)) {
    err << "kiosk-bundle: " << why << "\n";
    return 2;
  }
  write_atomic(b.errors, "");
  b.build();

  pid_t pid;
  if (!spawn_kiosk(o, bundle, pid, err)) return 2;
  out << "preview: showing " << src << " (save a file to see it in the kiosk; close the kiosk to stop)\n";

  // Wait on two things at once: the sources changing, and the kiosk ending (a pidfd).
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  int status = 0;
  for (;;) {
    pollfd p[2] = {{watch.fd(), POLLIN, 0}, {pidfd, POLLIN, 0}};
    int n = poll(p, pidfd >= 0 ? 2 : 1, pidfd >= 0 ? -1 : 500);
    if (n < 0 && errno != EINTR) break;
    if (pidfd < 0 || p[1].revents) {
      if (waitpid(pid, &status, pidfd < 0 ? WNOHANG : 0) == pid) break;
    }
    if (n > 0 && p[0].revents) {
      // A save is often several events (write, rename, chmod): wait for the sources to be quiet.
      bool relevant = false;
      for (auto changed = watch.take(); !changed.empty(); changed = watch.wait(o.quiet_ms))
        for (const auto& c : changed) relevant = relevant || is_source(c);
      if (relevant) b.build();
    }
  }
  if (pidfd >= 0) close(pidfd);
  if (!scratch.empty()) fs::remove_all(scratch);
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 1;
}

}  // namespace curator
