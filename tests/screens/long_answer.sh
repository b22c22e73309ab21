#!/bin/sh
# long_answer.sh KIOSK KIOSK_BUNDLE SOURCE_DIR OUT_DIR — issue 12: a long answer read in larger
# text on the 7" panel is taller than one texture may be; every line must still be drawn (the
# block is split into bands), and expect-no-overflow reports any block drawn clipped.
set -eu
kiosk=$1 tool=$2 src=$3 out=$4
rm -rf "$out/long-src" && mkdir -p "$out" && cp -r "$src/content/example" "$out/long-src"
sentence="The house kept its doors open to visitors, its garden to the hens and its study to the work of every morning."
long=""
i=0
while [ $i -lt 60 ]; do long="$long $sentence"; i=$((i + 1)); done
long="$long The last line of the long answer."
sed -i "s|^answer.en = .*|answer.en = \"${long# }\"|" "$out/long-src/questions.toml"
"$tool" build "$out/long-src" -o "$out/long.bundle" >/dev/null
exec "$kiosk" --bundle "$out/long.bundle" --headless --size 800x480 --screen-mm 154x86 --tour "$src/tests/screens/long_answer.tour" --shots "$out"
