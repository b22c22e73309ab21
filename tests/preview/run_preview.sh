#!/bin/sh
# run_preview.sh KIOSK_BUNDLE_TOOL SOURCE_DIR TOUR OUT_DIR — the live preview as a curator uses it:
# a copy of the example exhibit, `kiosk-bundle preview` headless with a tour that edits it, then
# checks that each screenshot differs from the one before (the change, the overlay, the fix).
set -eu
tool=$1 src=$2 tour=$3 out=$4
rm -rf "$out" && mkdir -p "$out/shots"
cp -r "$src/content/example" "$out/src"
export PREVIEW_SRC="$out/src"
"$tool" preview "$out/src" --out "$out/preview.bundle" --headless --size 800x480 --screen-mm 154x86 \
  --tour "$tour" --shots "$out/shots"
s=$out/shots
for pair in "1-before 2-changed" "2-changed 3-broken" "3-broken 4-fixed"; do
  set -- $pair
  if cmp -s "$s/$1.png" "$s/$2.png"; then echo "preview: $2.png shows nothing new after $1.png"; exit 1; fi
done
echo "preview: ok"
