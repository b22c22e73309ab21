#!/bin/sh
# run_map_bench.sh BUILD_DIR — the map's frame cost at 1920x1080: wall-clock figures from a
# Release build, then instructions under callgrind (repeatable whatever else the machine does).
set -eu
b=${1:-build}
"$b/kiosk-bundle" build content/exhibit -o "$b/bench.bundle" 2>/dev/null
for i in 1 2 3; do
  "$b/kiosk" --bundle "$b/bench.bundle" --headless --size 1920x1080 --tour tests/bench/map.tour 2>/dev/null | grep '^frame'
done
if command -v valgrind >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file=/tmp/kiosk-map.callgrind \
    "$b/kiosk" --bundle "$b/bench.bundle" --headless --size 1920x1080 --tour tests/bench/map.tour 2>&1 | grep -E '^==.*Collected'
fi
