#!/usr/bin/env bash
# install-pi.sh — turn a fresh Raspberry Pi OS Lite (bookworm, 64-bit) into an exhibit kiosk.
# Run on the Pi, from a checkout of this repository, as a user with sudo:
#   ./deploy/install-pi.sh path/to/exhibit.bundle [SCREEN_MM] [CURATORS.pub]
# It builds the kiosk, installs it under /opt/museum-kiosk, the bundle under /var/lib/museum-kiosk,
# and a systemd service that starts at boot with no console, cursor or boot messages on screen.
set -euo pipefail
bundle=${1:?usage: install-pi.sh EXHIBIT.bundle [SCREEN_MM]}
screen_mm=${2:-344x194}
curators_pub=${3:-}
here=$(cd "$(dirname "$0")/.." && pwd)

make -C "$here" build
"$here/build/kiosk-bundle" check "$bundle"

sudo useradd --system --no-create-home --groups video,input,render kiosk 2>/dev/null || true
sudo install -d /opt/museum-kiosk /opt/museum-kiosk/assets/fonts /var/lib/museum-kiosk /etc/museum-kiosk
sudo install -m 755 "$here/build/kiosk" "$here/build/kiosk-bundle" /opt/museum-kiosk/
sudo install -m 644 "$here/build/assets/fonts/fallback.ttf" /opt/museum-kiosk/assets/fonts/
# Replace the bundle by rename, never in place: a kiosk reading the old one keeps a whole file.
sudo install -m 644 "$bundle" /var/lib/museum-kiosk/exhibit.bundle.new
sudo mv /var/lib/museum-kiosk/exhibit.bundle.new /var/lib/museum-kiosk/exhibit.bundle
# The bundle store (kiosk.toml [store]): the kiosk writes its trial state there, so it owns it;
# the package's bundle is the factory bundle, the last fallback; curators' public key is trusted.
sudo install -d -o kiosk -g kiosk /var/lib/museum-kiosk/store /var/lib/museum-kiosk/store/inbox
sudo install -d /opt/museum-kiosk/share
sudo install -m 644 "$bundle" /opt/museum-kiosk/share/factory.bundle
[ -z "$curators_pub" ] || sudo install -m 644 "$curators_pub" /etc/museum-kiosk/curators.pub
# The site's settings are kept across reinstalls: only a missing config is created.
if [ ! -f /etc/museum-kiosk/kiosk.toml ]; then
  w=${screen_mm%x*} h=${screen_mm#*x}
  sed "s/^screen_mm = .*/screen_mm = [$w, $h]/" "$here/deploy/kiosk.toml" | sudo tee /etc/museum-kiosk/kiosk.toml >/dev/null
fi
sudo install -m 644 "$here/deploy/museum-kiosk.service" /etc/systemd/system/

# A quiet boot: no rainbow, logo, kernel text or blinking cursor on the exhibit's screen.
cmdline=/boot/firmware/cmdline.txt
[ -f "$cmdline" ] || cmdline=/boot/cmdline.txt
for opt in quiet loglevel=3 logo.nologo vt.global_cursor_default=0 consoleblank=0; do
  grep -qw -- "$opt" "$cmdline" || sudo sed -i "1 s/\$/ $opt/" "$cmdline"
done
config=/boot/firmware/config.txt
[ -f "$config" ] || config=/boot/config.txt
grep -q '^disable_splash=1' "$config" || echo 'disable_splash=1' | sudo tee -a "$config" >/dev/null

sudo systemctl disable --now getty@tty1.service || true
sudo systemctl daemon-reload
sudo systemctl enable --now museum-kiosk.service
echo "Installed. Logs: journalctl -u museum-kiosk -f   Restart: sudo systemctl restart museum-kiosk"
