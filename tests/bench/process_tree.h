// process_tree.h — a program that forks helpers (Chromium: zygote, renderer, GPU, utility
// processes), run until it writes a file, with the CPU and memory of its whole process tree.
//
// Why not wait4's rusage alone: it counts a process and the descendants *it waited for*. Chromium's
// helpers outlive the browser process or are never waited for, so /usr/bin/time sees about half of
// its CPU here (0.44 s of 0.9 s). This makes kiosk-bench a child subreaper
// (prctl(PR_SET_CHILD_SUBREAPER)) for the run: every descendant orphaned on the way is re-parented
// to it and reaped by it, so the rusage summed over what it reaps is the tree's CPU, complete.
// Checked against a cpuacct cgroup holding the tree: equal to within 3 ms (README.md, "Performance").
//
// Does:     start argv, wait (inotify) until `file` is closed after writing, stop every process
//           of the tree at that moment (SIGSTOP), read their PSS and RSS, kill them (SIGKILL),
//           reap them all; CPU (user + sys) of the tree from its start to the file.
// Does not: run two at once, or beside other children of this process: it reaps any child
//           (wait4(-1)) while it runs. Not for programs that must shut down cleanly.
#pragma once
#include <string>
#include <vector>

namespace bench {

struct TreeRun {
  bool wrote = false;      // the file appeared (closed after writing) before the timeout
  double file_ms = 0;      // wall: start to the file
  double cpu_ms = 0;       // user + sys of every process of the tree up to the file
  double pss_mb = 0, rss_mb = 0;  // summed over the tree, stopped at the file (RSS counts shared pages once per process)
  // The cross-check: the rusage of everything reaped once killed — by construction the same tree
  // plus what its deaths cost (unmapping its memory), so never below cpu_ms.
  double reaped_cpu_ms = 0;
  int processes = 0;       // processes in the tree then (and earlier ones already gone)
  std::string why;         // when !wrote: what happened instead
};

// stdout and stderr go to `log`. `timeout_s` bounds the wait for the file.
TreeRun run_tree_until_file(const std::vector<std::string>& argv, const std::string& file, const std::string& log,
                            double timeout_s);

}  // namespace bench
