#!/bin/sh
# check_bench_json.sh KIOSK_BENCH WORK_DIR — ctest's smoke test of kiosk-bench: one quick run,
# then every figure the issue asks for must be in its JSON, with a number (the heap counter and
# the GLES2 figures may be null with a reason: sanitizer builds, machines without EGL). It judges
# no budget: timings on a loaded CI machine are not a test; `make bench` judges them.
set -u
bench=$1 work=$2
mkdir -p "$work"
"$bench" --json --quick --work "$work" > "$work/bench.json" 2> "$work/bench.err"
rc=$?
if [ $rc -ge 2 ]; then echo "kiosk-bench failed (exit $rc):"; cat "$work/bench.err"; exit 1; fi
fail=0
number() {  # KEY [COUNT]: "KEY": <number> appears at least COUNT times
  n=$(grep -cE "^ *\"$1\": -?[0-9]" "$work/bench.json")
  if [ "$n" -lt "${2:-1}" ]; then echo "missing or not a number: $1 (found $n, want ${2:-1})"; fail=1; fi
}
present() {
  grep -qE "^ *\"$1\": " "$work/bench.json" || { echo "missing: $1"; fail=1; }
}
for k in first_frame_ms first_frame_cpu_ms bundle_open_ms bundle_build_s bundle_load_growth_ratio \
         idle_redraws_per_s idle_wakeups_per_s attract_frames_per_min attract_cpu_percent \
         dummy offscreen text_cache_bytes text_cache_hit_rate atlas_px texture_px; do
  number "$k"
done
for k in frame_build_ms_p50 frame_build_ms_p99 frame_submit_ms_p50 frame_submit_ms_p99 frame_total_ms \
         draw_calls vertices fill_ratio rasterised_blocks; do
  number "$k" 7   # home, room swipe, quote swipe, map pan, map pinch, journey play, attract cycle
done
# Chromium's figures are null under --quick (and ctest never installs Chromium): present only.
for k in bundle_load_10x_ratio heap_peak_mb gles2 first_frame_vs_chromium chromium_first_screenshot_cpu_ms budgets pass; do present "$k"; done
for s in home room_swipe quote_swipe map_pan map_pinch journey_play attract_cycle; do present "$s"; done
[ $fail = 0 ] || { echo "--- JSON"; cat "$work/bench.json"; echo "--- stderr"; tail -20 "$work/bench.err"; }
exit $fail
