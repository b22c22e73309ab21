#!/bin/sh
# check_startup_log.sh KIOSK BUNDLE TOUR [KIOSK OPTIONS…] — starts the kiosk headless for a frame
# and checks that its log has the four start-up phases, once each, in order, their times rising:
#   start +N ms (cpu M ms): video opened | bundle opened | fonts ready | first frame presented
set -u
kiosk=$1 bundle=$2 tour=$3
shift 3
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$kiosk" --bundle "$bundle" --headless --size 800x480 --screen-mm 154x86 --tour "$tour" "$@" > /dev/null 2> "$err"
rc=$?
grep 'start +' "$err"
[ $rc = 0 ] || { echo "FAIL: the kiosk exited $rc"; cat "$err"; exit 1; }
awk '
  /start \+[0-9]+ ms \(cpu [0-9]+ ms\): / {
    ms = $0; sub(/.*start \+/, "", ms); sub(/ ms.*/, "", ms)
    for (i = 1; i <= 4; ++i) if (index($0, "): " want[i])) { n[i]++; at[i] = NR; t[i] = ms + 0 }
  }
  BEGIN { want[1] = "video opened: driver "; want[2] = "bundle opened: "; want[3] = "fonts ready: "; want[4] = "first frame presented" }
  END {
    bad = 0
    for (i = 1; i <= 4; ++i) if (n[i] != 1) { printf "FAIL: \"%s\" logged %d times, not once\n", want[i], n[i]; bad = 1 }
    for (i = 2; i <= 4 && !bad; ++i)
      if (at[i] < at[i - 1] || t[i] < t[i - 1]) { printf "FAIL: \"%s\" comes before \"%s\"\n", want[i], want[i - 1]; bad = 1 }
    if (!bad) print "ok: the four start-up phases, in order"
    exit bad
  }' "$err"
