#!/bin/sh
# run_gles_tour.sh KIOSK COMPARE_SHOTS BUNDLE TOUR SHOTS_DIR REF_DIR SIZE MM [KIOSK OPTIONS…] -- [COMPARE OPTIONS…]
# Plays TOUR headless on the GPU path (`--renderer opengles2`: SDL's offscreen driver, EGL on
# Mesa) and compares its shots with the software renderer's in REF_DIR (the committed references,
# or a software run's shots) under the compare options given (the GPU rule, tests/screens/README.md). Exits 77 (ctest's SKIP) where no OpenGL ES renderer
# can be had — no EGL, no GLES driver — and 1 when the tour or a comparison fails.
set -u
kiosk=$1 compare=$2 bundle=$3 tour=$4 shots=$5 refs=$6 size=$7 mm=$8
shift 8
extra=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do extra="$extra $1"; shift; done
[ $# -gt 0 ] && shift  # the --
mkdir -p "$shots"
log="$shots/$(basename "$tour" .tour).log"
# Mesa's GL driver leaks a few KB when SDL unloads it at exit (strdup'd names in a module already
# gone, so LeakSanitizer cannot even name it): leaks are checked on the software tours of the same
# screens, which run the same code but for the renderer.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
"$kiosk" --bundle "$bundle" --headless --renderer opengles2 --size "$size" --screen-mm "$mm" \
  --tour "$tour" --shots "$shots" $extra > "$log.out" 2> "$log"
rc=$?
grep -E 'warning: no OpenGL ES|video: ' "$log"
if grep -q 'warning: no OpenGL ES' "$log"; then
  echo "SKIP: no OpenGL ES renderer here (no EGL/GLES for SDL's offscreen driver); the GPU path is not tested"
  exit 77
fi
if ! grep -q 'video: driver offscreen, renderer opengles2' "$log"; then
  echo "FAIL: the kiosk did not say it draws with opengles2"
  cat "$log"
  exit 1
fi
if [ $rc != 0 ]; then
  echo "FAIL: the tour failed on the GPU path (exit $rc)"
  cat "$log.out" "$log"
  exit 1
fi
exec "$compare" "$@" "$tour" "$shots" "$refs"
