#!/bin/sh
# verify-unit.sh UNIT KIOSK — `systemd-analyze verify` on the kiosk's unit, with ExecStart pointed
# at the kiosk just built (verify insists the program exists). Exit 77 (ctest: skipped) when
# systemd-analyze is not installed.
set -eu
unit=$1 kiosk=$2
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "SKIPPED: systemd-analyze is not installed (package systemd)"
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|^ExecStart=/usr/bin/kiosk |ExecStart=$kiosk |" "$unit" > "$dir/museum-kiosk.service"
grep -q "^ExecStart=$kiosk " "$dir/museum-kiosk.service" || { echo "no ExecStart=/usr/bin/kiosk line in $unit"; exit 1; }
# Warnings count as failures: verify prints them on stderr and still exits 0 for some of them.
out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$dir/museum-kiosk.service" 2>&1) || { echo "$out"; exit 1; }
if [ -n "$out" ]; then
  echo "$out"
  # A build machine without the runtime's users or units is not the unit's fault.
  if echo "$out" | grep -v -e "getty@tty1.service" -e "time-sync.target" -e "User=kiosk" -e "Failed to resolve" | grep -q .; then exit 1; fi
fi
echo "systemd-analyze verify: museum-kiosk.service is clean"
