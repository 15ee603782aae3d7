#!/bin/sh
# Install Debian's Chromium (and Noto fonts) for the browser tests, as `make browser` does.
# Another apt/dpkg run holding the lock is waited for (up to LOCK_WAIT seconds), not reported as
# "needs root + apt". Whatever the outcome, one line says it, and the reason tests will be skipped is
# written to NOTE (test_browser.py shows it), so a skip is never mislabelled.
# Usage: install-chromium.sh NOTE_FILE LOG_FILE
NOTE=$1
LOG=$2
LOCK_WAIT=${LOCK_WAIT:-600}
LOCK_POLL=${LOCK_POLL:-10}

if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  rm -f "$NOTE"; exit 0
fi
skip() { echo "warning: $1: browser tests will be skipped"; echo "$1" > "$NOTE"; exit 0; }
[ "$(id -u)" = 0 ] || skip "Chromium is not installed, and installing it needs root (you are $(id -un))"
command -v apt-get >/dev/null 2>&1 || skip "Chromium is not installed, and this system has no apt-get to install it"

# $1...: an apt-get command; retried while another process holds apt's lock, for up to LOCK_WAIT s.
apt_run() {
  waited=0
  while :; do
    if apt-get -o DPkg::Lock::Timeout=60 "$@" >>"$LOG" 2>&1; then return 0; fi
    grep -q "Could not get lock" "$LOG" || return 1
    [ "$waited" -lt "$LOCK_WAIT" ] || return 2
    [ "$waited" = 0 ] && echo "apt is busy (another install holds its lock): waiting up to ${LOCK_WAIT} s..."
    : >"$LOG"
    sleep "$LOCK_POLL"; waited=$((waited + LOCK_POLL))
  done
}

echo "installing chromium for the browser tests..."
: >"$LOG"
apt_run update -qq && apt_run install -y -qq chromium fonts-noto-core
status=$?
if [ "$status" = 0 ]; then rm -f "$NOTE"; exit 0; fi
if [ "$status" = 2 ]; then
  skip "Chromium could not be installed: apt stayed locked by another process for ${LOCK_WAIT} s (log: $LOG)"
fi
reason=$(grep -m1 '^E:' "$LOG" || tail -n1 "$LOG")
skip "Chromium could not be installed: apt-get said: ${reason:-nothing} (log: $LOG)"
