#!/bin/sh
# cli_store.sh — the curator's and technician's path through kiosk-bundle: keygen, sign, check,
# install, status, begin-run, mark-good; interop with Debian's minisign both ways (when installed);
# a self-kill at a fixed step (KIOSK_STORE_KILL_AT) leaves the store showing the old bundle.
# usage: cli_store.sh KIOSK_BUNDLE EXAMPLE_SOURCE_DIR
set -u
K=$1 SRC=$2
# The tool, under the cross build's emulator when there is one (make test-arm64: qemu-user).
kb() { ${KIOSK_RUNNER:-} "$K" "$@"; }
T=$(mktemp -d /tmp/kiosk-cli-store.XXXXXX)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$T" || exit 1

cp -r "$SRC" v1 && cp -r "$SRC" v2
sed -i 's/^version = "1"/version = "2"/' v2/exhibit.toml
kb build v1 -o v1.bundle >/dev/null 2>&1 || fail "build v1"
kb build v2 -o v2.bundle >/dev/null 2>&1 || fail "build v2"

kb keygen --out curator >/dev/null || fail keygen
[ "$(stat -c %a curator.key)" = 600 ] || fail "curator.key is not mode 0600"
kb keygen --out curator 2>/dev/null && fail "keygen overwrote a key"
kb keygen --out stranger >/dev/null || fail keygen
kb sign v1.bundle --key curator.key >/dev/null || fail sign
kb sign v2.bundle --key curator.key >/dev/null || fail sign
kb check v1.bundle --keys stranger.pub curator.pub >/dev/null || fail "check with a rotated key list"
kb check v1.bundle --keys stranger.pub 2>/dev/null && fail "check trusted a stranger's key"

if command -v minisign >/dev/null; then
  minisign -Vm v1.bundle -p curator.pub -q || fail "minisign -V does not verify our signature"
  cp v2.bundle ms.bundle
  minisign -S -s curator.key -m ms.bundle -t "signed with minisign" </dev/null >/dev/null || fail "minisign cannot use our key"
  kb check ms.bundle --keys curator.pub >/dev/null || fail "minisign's signature is not accepted"
  minisign -G -W -p ms.pub -s ms.key </dev/null >/dev/null || fail "minisign -G -W"
  cp v1.bundle ms2.bundle
  kb sign ms2.bundle --key ms.key >/dev/null || fail "a minisign key (no password) does not sign"
  minisign -Vm ms2.bundle -p ms.pub -q || fail "minisign -V with its own key"
  echo "minisign interop: both ways"
else
  echo "minisign not installed: interop not tested (apt-get install minisign)"
fi

kb install v1.bundle --store S --keys curator.pub >/dev/null || fail install
kb status --store S --keys curator.pub >/dev/null 2>&1 && fail "status is 0 with only a trial"
kb begin-run --store S --keys curator.pub >/dev/null || fail begin-run
kb mark-good --store S >/dev/null || fail mark-good
kb status --store S --keys curator.pub >/dev/null || fail "status after mark-good"

# Killed at its 7th file step (mid-copy): exit by SIGKILL, store still showing v1.
KIOSK_STORE_KILL_AT=7 kb install v2.bundle --store S --keys curator.pub >/dev/null 2>&1
rc=$?
[ $rc = 137 ] || fail "install was not killed (exit $rc)"
kb status --store S --keys curator.pub > status.txt || fail "status after kill"
grep -q '^current: 1 ' status.txt || fail "current is not v1 after the kill"

# A full disk at the first write: one clear line, exit 1, v1 kept.
KIOSK_STORE_FAIL_AT=3 kb install v2.bundle --store S --keys curator.pub 2> full.txt && fail "install on a full store succeeded"
[ "$(wc -l < full.txt)" = 1 ] || fail "more than one line: $(cat full.txt)"
grep -q "is full" full.txt || fail "no 'is full' in: $(cat full.txt)"

kb install v2.bundle --store S --keys curator.pub >/dev/null || fail "install v2"
kb mark-good --store S >/dev/null
kb install v1.bundle --store S --keys curator.pub 2>/dev/null && fail "a downgrade was accepted"
kb status --store S --keys curator.pub > status.txt || fail "final status"
grep -q '^current: 2 ' status.txt && grep -q '^previous: 1 ' status.txt || fail "$(cat status.txt)"
grep -q "older than the one showing" status.txt || fail "status shows no refusal: $(cat status.txt)"
# A technician on the kiosk: the store and keys come from kiosk.toml's [store].
printf '[store]\ndir = "%s/S"\ntrusted_keys = ["%s/curator.pub"]\n' "$T" "$T" > kiosk.toml
kb status --config kiosk.toml > status.txt || fail "status from kiosk.toml: $(cat status.txt)"
kb status --config kiosk.toml --keys stranger.pub >/dev/null 2>&1 && fail "--keys did not replace the config's keys"
echo "cli store: ok"
