#!/bin/sh
# check_catches.sh KIOSK KIOSK_BUNDLE COMPARE_CATCHES SOURCE_DIR OUT_DIR — plays catches.tour on
# the sample exhibit and on a copy with one word of the first room changed ("Su nombre era" ->
# "Su nombre fue"), then runs compare_catches on the two sets of shots.
set -eu
kiosk=$1 tool=$2 catches=$3 src=$4 out=$5
rm -rf "$out" && mkdir -p "$out/orig" "$out/variant"
mkdir -p "$out/content" && cp -r "$src/content/exhibit" "$out/content/exhibit"
ln -s "$src/assets" "$out/assets"  # the exhibit names its land files relative to itself
room="$out/content/exhibit/rooms/01-childhood.md"
grep -q "Su nombre era Lev" "$room" || { echo "the word to change is gone from $room"; exit 1; }
sed -i 's/Su nombre era Lev/Su nombre fue Lev/' "$room"
"$tool" build "$src/content/exhibit" -o "$out/orig.bundle" >/dev/null
"$tool" build "$out/content/exhibit" -o "$out/variant.bundle" >/dev/null
tour="$src/tests/screens/catches.tour"
"$kiosk" --bundle "$out/orig.bundle" --headless --size 1920x1080 --screen-mm 344x194 --tour "$tour" --shots "$out/orig" > "$out/ids.txt"
"$kiosk" --bundle "$out/variant.bundle" --headless --size 1920x1080 --screen-mm 344x194 --tour "$tour" --shots "$out/variant" >/dev/null
"$catches" "$out/orig" "$out/variant" "$out/ids.txt"
