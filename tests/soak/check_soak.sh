#!/bin/sh
# check_soak.sh KIOSK BUNDLE DURATION — runs the soak, prints every figure it reports (progress
# every 6 virtual hours, then the start/end line), and fails on growth beyond small bounds:
#   heap     +2 MiB, net of the text cache (which fills towards its byte budget by design)
#   RSS      +16 MiB, net of the text cache; not judged under AddressSanitizer (its quarantine
#            holds freed memory), where the heap count is exact instead
#   descriptors  no change at all;  textures  at most +64;  text cache  within its 48 MiB budget
#            plus the 2 MiB of remembered layouts
#   languages    visitors switch among the exhibit's own languages (from the bundle); every
#            switch must take
# `ctest -R kiosk.soak` runs 6 virtual hours under the sanitizers; `make soak` runs 2 and 30 days
# in a Release build.
set -eu
all=$("$1" --bundle "$2" --headless --size 1920x1080 --soak "$3" 2>/dev/null)
echo "$all" | grep '^soak: at ' || true
out=$(echo "$all" | tail -n 1)
echo "$out"
echo "$out" | awk '
  /^soak: virtual=/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    heap = (v["heap_kb_end"] - v["text_cache_kb_end"]) - (v["heap_kb_start"] - v["text_cache_kb_start"])
    rss = (v["rss_kb_end"] - v["text_cache_kb_end"]) - (v["rss_kb_start"] - v["text_cache_kb_start"])
    bad = 0
    printf "soak: growth net of the text cache: heap %+d KiB, RSS %+d KiB%s\n", heap, rss, v["sanitizer"] == "" ? "" : " (RSS not judged under ASan)"
    if (heap > 2048) { print "heap grew by " heap " KiB beyond the text cache"; bad = 1 }
    if (v["sanitizer"] == "" && rss > 16384) { print "RSS grew by " rss " KiB beyond the text cache"; bad = 1 }
    if (v["fds_end"] != v["fds_start"]) { print "file descriptors went from " v["fds_start"] " to " v["fds_end"]; bad = 1 }
    if (v["textures_end"] > v["textures_start"] + 64) { print "textures went from " v["textures_start"] " to " v["textures_end"]; bad = 1 }
    if (v["text_cache_kb_end"] > 50 * 1024) { print "text cache above its budget: " v["text_cache_kb_end"] " KiB"; bad = 1 }
    if (v["frames"] < 1000) { print "too few frames: " v["frames"]; bad = 1 }
    if (v["languages"] > 1 && v["language_switches"] < 1) { print "no visitor changed the language (the exhibit has " v["languages"] ")"; bad = 1 }
    if (v["language_missed"] != 0) { print v["language_missed"] " of " v["language_switches"] " language changes did not happen"; bad = 1 }
    found = 1
    exit bad
  }
  END { if (!found) { print "no soak line"; exit 1 } }'
