#!/usr/bin/env bash
# build-package.sh ARCH OUT — builds the museum-kiosk .deb the Debian way (dpkg-buildpackage -b,
# debian/) for ARCH (amd64, or arm64 cross-built), in a clean copy of this tree under OUT/src (so
# dpkg-buildpackage's ../ outputs and debian/ scratch stay out of the checkout), then runs lintian.
# The .deb, .buildinfo, .changes and lintian's report end up in OUT/. Fails on any lintian error
# or warning not overridden (with a reason) in debian/museum-kiosk.lintian-overrides.
set -euo pipefail
arch=${1:?usage: build-package.sh ARCH OUTDIR}
out=${2:?usage: build-package.sh ARCH OUTDIR}
here=$(cd "$(dirname "$0")/.." && pwd)
version=$(dpkg-parsechangelog -l "$here/debian/changelog" -S Version)
mkdir -p "$out"
out=$(cd "$out" && pwd)
src="$out/src/museum-kiosk-$version"
rm -rf "$out/src"
mkdir -p "$src"
# The sources as they are now (committed or not), without build trees.
tar -C "$here" --exclude-vcs --exclude='./build' --exclude='./build-*' --exclude='./obj-*' \
    --exclude='./debian/museum-kiosk' --exclude='./debian/.debhelper' -cf - . | tar -C "$src" -xf -

host=$(dpkg --print-architecture)
args=(-us -uc -b)
[ "$arch" = "$host" ] || args+=(-a "$arch")
# ccache (shared with the developers' trees) when it is there: CMake reads these at configure time.
if command -v ccache >/dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$out/src"
fi
start=$(date +%s)
(cd "$src" && dpkg-buildpackage "${args[@]}") > "$out/build-$arch.log" 2>&1 || {
  tail -40 "$out/build-$arch.log"; echo "dpkg-buildpackage failed: $out/build-$arch.log"; exit 1; }
secs=$(( $(date +%s) - start ))
deb="museum-kiosk_${version}_${arch}.deb"
mv "$out/src/"*_"${version}_${arch}".{deb,ddeb,buildinfo,changes} "$out/" 2>/dev/null || true
rm -rf "$out/src"
echo "built $out/$deb ($(du -k "$out/$deb" | cut -f1) kB) in ${secs}s"
dpkg-deb -I "$out/$deb" | sed -n 's/^ \(Depends\|Installed-Size\):/  \1:/p'

# lintian: errors and warnings fail the build; informational tags are listed for the record.
lintian --info --display-info --fail-on error,warning "$out/museum-kiosk_${version}_${arch}.changes" \
  | tee "$out/lintian-$arch.txt"
echo "lintian: $(grep -c . "$out/lintian-$arch.txt" || true) tag(s) (report in $out/lintian-$arch.txt)"
