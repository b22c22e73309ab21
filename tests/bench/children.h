// children.h — kiosk-bench's figures that only the real programs can give: the `kiosk` binary
// started as a technician starts it (first frame, peak RSS per video driver, its heap, the idle
// real loop) and `kiosk-bundle build`.
//
// Does:     spawn a program with a chosen environment, time it on CLOCK_MONOTONIC, take its
//           rusage (wait4: CPU, context switches), read its output.
// Does not: look inside the kiosk's frames (scenarios.h does that in-process).
#pragma once
#include <sys/resource.h>

#include <string>
#include <vector>

namespace bench {

struct Child {
  int status = -1;        // as from waitpid; -1 when it could not start
  double wall_ms = 0;     // spawn to exit
  double start_mono_ms = 0;
  rusage usage{};
  std::string out, err;   // its stdout and stderr
  long voluntary_switches_window = -1;  // see run_for()
};

// Runs argv with `env` added to (NAME=VALUE) or removed from (NAME=) this environment, until it exits.
Child run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

// Runs argv for `warm_s` seconds, counts its voluntary context switches (every thread's: each is
// one time the process went to sleep and was woken) over the next `window_s` seconds, then sends
// SIGTERM and waits.
Child run_for(const std::vector<std::string>& argv, const std::vector<std::string>& env, double warm_s, double window_s);

bool exited_ok(const Child& c);
double cpu_ms(const rusage& u);

}  // namespace bench
