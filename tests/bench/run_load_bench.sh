#!/bin/sh
# run_load_bench.sh BUILD_DIR — the budget "bundle::load is linear": a bundle with 10× the sample's
# rooms (with their pictures), quotations and questions must open (app::load_exhibit: checks,
# load, validation, map, fonts) in at most 12× the instructions of the sample. Instructions are
# counted by callgrind, so the figure repeats whatever else the machine does; the median wall
# time of a few opens is printed beside it. Exits 1 when the budget fails.
set -eu
b=${1:-build}
probe="$b/tests/load_scale"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$probe" make content/exhibit "$dir"
count() {  # instructions inside open_once
  valgrind --tool=callgrind --toggle-collect='open_once*' --callgrind-out-file="$dir/cg.$1" "$probe" open "$dir/$1.bundle" >/dev/null 2>"$dir/vg.$1"
  sed -n 's/^==[0-9]*== Collected : *\([0-9]*\).*/\1/p' "$dir/vg.$1"
}
median() { "$probe" open "$dir/$1.bundle" 5 | sort -n | sed -n 3p; }
i1=$(count 1x)
i10=$(count 10x)
ratio=$(awk -v a="$i10" -v b="$i1" 'BEGIN { printf "%.2f", a / b }')
echo "bundle open: 1x $i1 instructions ($(median 1x) ms), 10x $i10 instructions ($(median 10x) ms): ${ratio}x (budget 12x)"
awk -v r="$ratio" 'BEGIN { exit !(r <= 12) }' || { echo "FAIL: bundle open is not linear"; exit 1; }
