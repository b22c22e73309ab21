#!/usr/bin/env bash
# setup.sh — turns a fresh Raspberry Pi OS Lite (bookworm, 64-bit) into a museum kiosk. Run as root
# on the Pi (deploy/README.md walks a technician through it):
#   sudo ./setup.sh --deb museum-kiosk_0.1.0_arm64.deb [--screen-mm 154x86]
#                   [--data LABEL=KIOSKDATA] [--read-only-root]
# Idempotent: a second run changes nothing, and every step says "ok" (already so) or "changed".
#   --deb FILE        the package to install (skipped when that version is already installed)
#   --screen-mm WxH   the glass's visible size in mm, written into /etc/museum-kiosk/kiosk.toml
#   --data SPEC       a writable filesystem (fstab SPEC, e.g. LABEL=KIOSKDATA) mounted on
#                     /var/lib/museum-kiosk: the exhibit and the statistics survive a read-only root
#   --read-only-root  root becomes an overlay in RAM (overlayroot, through raspi-config exactly as
#                     its menu does), so power cuts cannot damage the SD card; needs a reboot
# ROOT=/path works on a mounted image or chroot instead of / (tests: tests/setup/run_setup_test.sh);
# then nothing running is touched (no sysctl, no mount, no daemon-reload, no reboot).
set -euo pipefail

ROOT=${ROOT:-}
deb="" screen_mm="" data="" read_only=0
while [ $# -gt 0 ]; do
  case $1 in
    --deb) deb=${2:?--deb FILE}; shift 2 ;;
    --screen-mm) screen_mm=${2:?--screen-mm WxH}; shift 2 ;;
    --data) data=${2:?--data LABEL=NAME}; shift 2 ;;
    --read-only-root) read_only=1; shift ;;
    *) sed -n '2,16s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "setup.sh: run as root (sudo ./setup.sh …)" >&2; exit 2; }
if [ -n "$screen_mm" ] && ! [[ $screen_mm =~ ^[0-9]+x[0-9]+$ ]]; then
  echo "setup.sh: --screen-mm wants WIDTHxHEIGHT in millimetres, e.g. 154x86 (got '$screen_mm')" >&2; exit 2
fi

changed=0
say() { printf '%-8s %s\n' "$1" "$2"; [ "$1" != changed ] || changed=$((changed + 1)); }
# Runs a command on the target system: itself, or inside ROOT.
on_target() { if [ -n "$ROOT" ]; then chroot "$ROOT" "$@"; else "$@"; fi; }
# Writes FILE (a path on the target) with the text on stdin, only when it differs.
put() {
  local file=$ROOT$1 mode=${2:-0644} text
  text=$(cat)
  if [ -f "$file" ] && [ "$(cat "$file")" = "$text" ]; then say ok "$1"; return; fi
  mkdir -p "$(dirname "$file")"
  printf '%s\n' "$text" > "$file.new" && chmod "$mode" "$file.new" && mv "$file.new" "$file"
  say changed "$1"
}

install_package() {
  if [ -z "$deb" ]; then
    dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Status}' museum-kiosk 2>/dev/null | grep -q 'install ok installed' ||
      { echo "setup.sh: museum-kiosk is not installed yet: give --deb FILE" >&2; exit 2; }
    say ok "museum-kiosk is installed"; return
  fi
  [ -f "$deb" ] || { echo "setup.sh: $deb: no such file" >&2; exit 2; }
  local want have
  want=$(dpkg-deb -f "$deb" Version)
  have=$(dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Version}' museum-kiosk 2>/dev/null || true)
  if [ "$want" = "$have" ] && dpkg-query --admindir="$ROOT/var/lib/dpkg" -W -f='${Status}' museum-kiosk | grep -q 'install ok installed'; then
    say ok "museum-kiosk $have is installed"; return
  fi
  local tmp=/tmp/museum-kiosk-setup.deb
  cp "$deb" "$ROOT$tmp"
  # apt resolves the libraries it needs (a fresh image has no package lists yet); the site's
  # kiosk.toml is kept (--force-confold).
  on_target apt-get update -q >/dev/null
  on_target env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confold -o Dpkg::Options::=--force-confdef "$tmp" >/dev/null
  rm -f "$ROOT$tmp"
  say changed "museum-kiosk ${have:-(none)} -> $want installed"
}

# Boot options on the kernel's single command line: a quiet boot, and the console never blanks.
kernel_cmdline() {
  local file
  for file in /boot/firmware/cmdline.txt /boot/cmdline.txt ""; do [ -z "$file" ] || [ -f "$ROOT$file" ] && break; done
  [ -n "$file" ] || { say skipped "no cmdline.txt under $ROOT/boot (not a Raspberry Pi image)"; return; }
  local line new opt
  line=$(head -n1 "$ROOT$file")
  new=$line
  for opt in consoleblank=0 quiet loglevel=3 logo.nologo vt.global_cursor_default=0 "$@"; do
    grep -qw -- "$opt" <<<"$new" || new="$new $opt"
  done
  if [ "$new" = "$line" ]; then say ok "$file"; return; fi
  printf '%s\n' "$new" > "$ROOT$file.new" && mv "$ROOT$file.new" "$ROOT$file"
  say changed "$file"
}

firmware_config() {
  local file
  for file in /boot/firmware/config.txt /boot/config.txt ""; do [ -z "$file" ] || [ -f "$ROOT$file" ] && break; done
  [ -n "$file" ] || { say skipped "no config.txt under $ROOT/boot"; return; }
  if grep -q '^disable_splash=1' "$ROOT$file"; then say ok "$file"; return; fi
  printf '\n# museum-kiosk: no rainbow square at boot\ndisable_splash=1\n' >> "$ROOT$file"
  say changed "$file"
}

mask() {
  local unit=$1 link=$ROOT/etc/systemd/system/$1
  if [ "$(readlink "$link" 2>/dev/null)" = /dev/null ]; then say ok "$unit masked"; return; fi
  systemctl ${ROOT:+--root="$ROOT"} mask "$unit" >/dev/null 2>&1
  say changed "$unit masked"
}

enable_kiosk() {
  if [ -L "$ROOT/etc/systemd/system/multi-user.target.wants/museum-kiosk.service" ]; then say ok "museum-kiosk.service enabled"; return; fi
  systemctl ${ROOT:+--root="$ROOT"} enable museum-kiosk.service >/dev/null 2>&1
  say changed "museum-kiosk.service enabled"
}

screen_size() {
  [ -n "$screen_mm" ] || return 0
  local file=$ROOT/etc/museum-kiosk/kiosk.toml want="screen_mm = [${screen_mm%x*}, ${screen_mm#*x}]"
  if grep -qxF "$want" "$file"; then say ok "kiosk.toml: $want"; return; fi
  grep -q '^screen_mm = ' "$file" || { echo "setup.sh: no 'screen_mm = ' line in $file" >&2; exit 1; }
  sed "s/^screen_mm = .*/$want/" "$file" > "$file.new" && mv "$file.new" "$file"
  say changed "kiosk.toml: $want"
}

data_partition() {
  [ -n "$data" ] || return 0
  local line="$data /var/lib/museum-kiosk ext4 defaults,noatime,nofail,x-systemd.device-timeout=10s 0 2"
  if grep -qxF "$line" "$ROOT/etc/fstab"; then say ok "/etc/fstab: $data on /var/lib/museum-kiosk"; return; fi
  if grep -q '[[:space:]]/var/lib/museum-kiosk[[:space:]]' "$ROOT/etc/fstab"; then
    echo "setup.sh: /etc/fstab already mounts something else on /var/lib/museum-kiosk; fix it by hand" >&2; exit 1
  fi
  printf '# museum-kiosk: the exhibit and the statistics, writable under a read-only root\n%s\n' "$line" >> "$ROOT/etc/fstab"
  say changed "/etc/fstab: $data on /var/lib/museum-kiosk"
  if [ -z "$ROOT" ]; then
    # Bring what the package put there onto the new filesystem once, then mount it for good.
    local m; m=$(mktemp -d)
    mount "$data" "$m" && cp -an /var/lib/museum-kiosk/. "$m/" && umount "$m"
    rmdir "$m"
    mount /var/lib/museum-kiosk
  fi
}

read_only_root() {
  [ "$read_only" = 1 ] || return 0
  local file
  for file in /boot/firmware/cmdline.txt /boot/cmdline.txt; do [ -f "$ROOT$file" ] && break; done
  if grep -qw 'overlayroot=tmpfs:recurse=0' "$ROOT$file" 2>/dev/null; then say ok "read-only root (overlayroot)"; return; fi
  [ -x "$ROOT/usr/bin/raspi-config" ] || { echo "setup.sh: --read-only-root needs raspi-config (Raspberry Pi OS)" >&2; exit 1; }
  # raspi-config installs overlayroot, builds the initramfs and adds overlayroot=tmpfs; recurse=0
  # keeps the data partition (another mount) writable.
  on_target raspi-config nonint do_overlayfs 0 >/dev/null
  sed -i '1 s/overlayroot=tmpfs\( \|$\)/overlayroot=tmpfs:recurse=0\1/' "$ROOT$file"
  grep -qw 'overlayroot=tmpfs:recurse=0' "$ROOT$file" || sed -i '1 s/$/ overlayroot=tmpfs:recurse=0/' "$ROOT$file"
  say changed "read-only root (overlayroot) from the next boot"
}

install_package
kernel_cmdline
firmware_config
mask getty@tty1.service        # the exhibit's console shows no login prompt
mask ctrl-alt-del.target       # a visitor's keyboard cannot reboot the Pi
put /etc/sysctl.d/90-museum-kiosk.conf <<'CONF'
# museum-kiosk: no magic SysRq keys from a visitor's keyboard.
kernel.sysrq = 0
CONF
put /etc/systemd/system.conf.d/museum-kiosk-watchdog.conf <<'CONF'
# museum-kiosk: systemd feeds the Pi's hardware watchdog; if the whole system hangs, the board
# resets itself. 15 s is the longest the BCM2835 watchdog allows.
[Manager]
RuntimeWatchdogSec=15s
CONF
screen_size
enable_kiosk
data_partition
read_only_root

if [ -z "$ROOT" ] && [ "$changed" -gt 0 ]; then
  sysctl -q -p /etc/sysctl.d/90-museum-kiosk.conf || true
  systemctl daemon-reload
  systemctl daemon-reexec   # picks up RuntimeWatchdogSec
fi
echo "setup.sh: $changed change(s).${ROOT:+ (in $ROOT)}"
[ -n "$ROOT" ] || [ "$changed" = 0 ] || echo "Reboot to start the exhibit: sudo reboot"
