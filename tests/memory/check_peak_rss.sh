#!/bin/sh
# check_peak_rss.sh KIOSK BUNDLE TOUR MIB — plays TOUR at 1920×1080 on SDL's dummy video driver
# (the app's own memory, no Mesa) and fails when the kiosk's peak RSS is then above MIB mebibytes
# (the tour command expect-peak-rss). Meaningful only without the sanitizers.
set -eu
kiosk=$1 bundle=$2 tour=$3 limit=$4
t=$(mktemp --suffix=.tour)
trap 'rm -f "$t"' EXIT
cat "$tour" > "$t"
echo "expect-peak-rss $limit" >> "$t"
SDL_VIDEODRIVER=dummy "$kiosk" --bundle "$bundle" --headless --size 1920x1080 --screen-mm 344x194 --tour "$t"
