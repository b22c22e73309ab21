#!/bin/sh
# check_soak.sh KIOSK BUNDLE DURATION — runs the soak and fails on growth beyond small bounds.
# The text cache fills towards its byte budget by design, so heap and RSS are judged net of it.
# Under AddressSanitizer RSS is not judged (its quarantine holds freed memory); the heap still is.
set -eu
out=$("$1" --bundle "$2" --headless --size 1920x1080 --soak "$3" 2>/dev/null | tail -n 1)
echo "$out"
echo "$out" | awk '
  /^soak: virtual=/ {
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    heap = (v["heap_kb_end"] - v["text_cache_kb_end"]) - (v["heap_kb_start"] - v["text_cache_kb_start"])
    rss = (v["rss_kb_end"] - v["text_cache_kb_end"]) - (v["rss_kb_start"] - v["text_cache_kb_start"])
    bad = 0
    if (heap > 2048) { print "heap grew by " heap " KiB beyond the text cache"; bad = 1 }
    if (v["sanitizer"] == "" && rss > 16384) { print "RSS grew by " rss " KiB beyond the text cache"; bad = 1 }
    if (v["fds_end"] != v["fds_start"]) { print "file descriptors went from " v["fds_start"] " to " v["fds_end"]; bad = 1 }
    if (v["textures_end"] > v["textures_start"] + 64) { print "textures went from " v["textures_start"] " to " v["textures_end"]; bad = 1 }
    if (v["frames"] < 1000) { print "too few frames: " v["frames"]; bad = 1 }
    found = 1
    exit bad
  }
  END { if (!found) { print "no soak line"; exit 1 } }'
