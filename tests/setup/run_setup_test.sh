#!/usr/bin/env bash
# run_setup_test.sh DEB — deploy/rpi/setup.sh in a Debian bookworm chroot made with debootstrap
# (cached: $KIOSK_CHROOT_CACHE, default /var/cache/museum-kiosk-test/bookworm; the first run needs
# the network and ~3 minutes). A fresh copy of the chroot gets a Raspberry Pi's /boot/firmware
# files, then setup.sh runs twice with ROOT=; the test checks what the first run wrote and that
# the second changed nothing (every file's path, mode, link target and checksum compared).
# The chroot has the host's architecture (amd64) and the amd64 package: it tests setup.sh's work
# on the file system, not the arm64 binaries (make test-arm64 does that under qemu).
# raspi-config is not in Debian: a stand-in script does what `raspi-config nonint do_overlayfs 0`
# does to cmdline.txt (adds overlayroot=tmpfs) and records that it was called.
set -euo pipefail
deb=$(realpath "${1:?usage: run_setup_test.sh museum-kiosk_VERSION_ARCH.deb}")
here=$(cd "$(dirname "$0")/../.." && pwd)
cache=${KIOSK_CHROOT_CACHE:-/var/cache/museum-kiosk-test}
base=$cache/bookworm
work=$cache/work
[ "$(id -u)" = 0 ] || { echo "run_setup_test.sh: needs root (chroot)"; exit 1; }
command -v debootstrap >/dev/null || { echo "run_setup_test.sh: needs debootstrap (apt-get install debootstrap)"; exit 1; }

if [ ! -d "$base" ]; then
  echo "Making the bookworm chroot once (cached in $base) …"
  rm -rf "$base.tmp" && mkdir -p "$cache"
  debootstrap --variant=minbase bookworm "$base.tmp" http://deb.debian.org/debian > "$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log"; exit 1; }
  mv "$base.tmp" "$base"
fi
cleanup() { umount -l "$work/proc" 2>/dev/null || true; }
trap cleanup EXIT
cleanup
rm -rf "$work" && cp -a "$base" "$work"
cp /etc/resolv.conf "$work/etc/resolv.conf"
mount -t proc proc "$work/proc"

# What a fresh Raspberry Pi OS Lite has on its boot partition.
mkdir -p "$work/boot/firmware"
echo "console=serial0,115200 console=tty1 root=PARTUUID=4e639091-02 rootfstype=ext4 fsck.repair=yes rootwait" > "$work/boot/firmware/cmdline.txt"
printf '[all]\ndtoverlay=vc4-kms-v3d\nmax_framebuffers=2\n' > "$work/boot/firmware/config.txt"
cat > "$work/usr/bin/raspi-config" <<'STUB'
#!/bin/sh
# Test stand-in for raspi-config's "nonint do_overlayfs 0" (its effect on cmdline.txt only).
[ "$*" = "nonint do_overlayfs 0" ] || { echo "stand-in raspi-config: unexpected: $*" >&2; exit 1; }
echo "$*" >> /var/log/raspi-config-calls
grep -qw 'overlayroot=tmpfs' /boot/firmware/cmdline.txt || sed -i '1 s/^/overlayroot=tmpfs /' /boot/firmware/cmdline.txt
STUB
chmod 755 "$work/usr/bin/raspi-config"

args=(--deb "$deb" --screen-mm 154x86 --data LABEL=KIOSKDATA --read-only-root)
snapshot() {  # every file of the target but the kernel's and apt's scratch: path, type, mode, target or checksum
  (cd "$work" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./run -o -path ./var/cache/apt \
     -o -path ./var/lib/apt/lists -o -path ./var/log/apt \) -prune -o -printf '%p %y %m %l\n' | sort) > "$1.list"
  (cd "$work" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./tmp -o -path ./run -o -path ./var/cache/apt \
     -o -path ./var/lib/apt/lists -o -path ./var/log/apt \) -prune -o -type f -print0 | sort -z | xargs -0 sha256sum) > "$1.sums"
}
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }

echo "--- first run"
t0=$(date +%s)
ROOT=$work "$here/deploy/rpi/setup.sh" "${args[@]}" | tee "$cache/run1.txt"
echo "(first run: $(( $(date +%s) - t0 )) s)"
snapshot "$cache/after1"
echo "--- second run"
ROOT=$work "$here/deploy/rpi/setup.sh" "${args[@]}" | tee "$cache/run2.txt"
snapshot "$cache/after2"

c=$work/boot/firmware/cmdline.txt
check "the first run changed things" "! grep -q '^setup.sh: 0 change' '$cache/run1.txt'"
check "the second run reports no change" "grep -q '^setup.sh: 0 change(s)' '$cache/run2.txt' && ! grep -q '^changed' '$cache/run2.txt'"
check "the second run left every file as it was" "diff '$cache/after1.list' '$cache/after2.list' && diff '$cache/after1.sums' '$cache/after2.sums'"
check "the package is installed" "chroot '$work' dpkg-query -W -f='\${Status}' museum-kiosk | grep -q 'install ok installed'"
check "the kiosk user is in video, input and render" \
  "for g in video input render; do chroot '$work' id -nG kiosk | tr ' ' '\n' | grep -qx \$g || exit 1; done"
check "cmdline.txt is still one line" "[ \$(wc -l < '$c') = 1 ]"
check "cmdline.txt: consoleblank=0 once" "[ \$(grep -ow 'consoleblank=0' '$c' | wc -l) = 1 ]"
check "cmdline.txt keeps the Pi's own options" "grep -q 'root=PARTUUID=4e639091-02 rootfstype=ext4' '$c'"
check "cmdline.txt: overlayroot=tmpfs:recurse=0, once" "[ \$(grep -o 'overlayroot=[^ ]*' '$c') = overlayroot=tmpfs:recurse=0 ]"
check "raspi-config's overlay was asked for once" "[ \$(wc -l < '$work/var/log/raspi-config-calls') = 1 ]"
check "config.txt: disable_splash=1 once" "[ \$(grep -c '^disable_splash=1' '$work/boot/firmware/config.txt') = 1 ]"
check "getty@tty1 is masked" "[ \$(readlink '$work/etc/systemd/system/getty@tty1.service') = /dev/null ]"
check "ctrl-alt-del.target is masked" "[ \$(readlink '$work/etc/systemd/system/ctrl-alt-del.target') = /dev/null ]"
check "kernel.sysrq = 0" "grep -qx 'kernel.sysrq = 0' '$work/etc/sysctl.d/90-museum-kiosk.conf'"
check "hardware watchdog at 15 s" "grep -qx 'RuntimeWatchdogSec=15s' '$work/etc/systemd/system.conf.d/museum-kiosk-watchdog.conf'"
check "kiosk.toml: screen_mm = [154, 86]" "grep -qx 'screen_mm = \[154, 86\]' '$work/etc/museum-kiosk/kiosk.toml'"
check "fstab: the data partition on /var/lib/museum-kiosk, once" "[ \$(grep -c '^LABEL=KIOSKDATA /var/lib/museum-kiosk ' '$work/etc/fstab') = 1 ]"
check "the service is enabled" "[ -L '$work/etc/systemd/system/multi-user.target.wants/museum-kiosk.service' ]"
check "the factory exhibit is in place" "cmp -s '$work/usr/share/museum-kiosk/factory.bundle' '$work/var/lib/museum-kiosk/exhibit.bundle'"
check "the fallback font resolves" "[ -f '$work/usr/share/museum-kiosk/fallback.ttf' ] || chroot '$work' test -f /usr/share/museum-kiosk/fallback.ttf"
check "the installed kiosk-bundle accepts the factory exhibit" "chroot '$work' kiosk-bundle check /var/lib/museum-kiosk/exhibit.bundle >/dev/null"
check "the installed unit passes systemd-analyze verify" \
  "chroot '$work' sh -c 'command -v systemd-analyze >/dev/null || exit 0; systemd-analyze verify --man=no museum-kiosk.service'"
[ $fail = 0 ] && echo "setup.sh: all checks passed" || { echo "setup.sh: some checks FAILED"; exit 1; }
