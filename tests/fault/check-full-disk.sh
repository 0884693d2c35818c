#!/bin/sh
# check-full-disk.sh WAYMARK SAMPLE
#
# The command line's exports on a real file system that fills up, and on one
# mounted read-only: each export fails with a message naming the file and
# the cause, the file that was there stays byte-identical, and no temporary
# file stays behind. Also --diagram=all: distinct, short names, and one
# failure does not stop the others.
#
# The small file systems are tmpfs mounts in a mount namespace of this
# process alone (unshare -m); where that is not allowed the script says so
# and exits 77, which meson reports as skipped.
set -eu

waymark=$1
sample=$2

if [ "${WM_IN_NAMESPACE:-}" != 1 ]; then
  if ! unshare -m true 2>/dev/null; then
    echo "SKIP: cannot make a mount namespace here (unshare -m needs CAP_SYS_ADMIN)"
    exit 77
  fi
  WM_IN_NAMESPACE=1 exec unshare -m sh "$0" "$@"
fi

tmp=$(mktemp -d)
cleanup () {
  status=$?
  umount "$tmp/small" 2>/dev/null || true
  umount "$tmp/ro" 2>/dev/null || true
  rm -rf "$tmp"
  exit "$status"
}
trap cleanup EXIT INT TERM
failures=0
fail () { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass () { echo "ok: $*"; }

mkdir "$tmp/small" "$tmp/ro"
if ! mount -t tmpfs -o size=128k tmpfs "$tmp/small" 2>"$tmp/err"; then
  echo "SKIP: cannot mount a tmpfs here: $(cat "$tmp/err")"
  exit 77
fi

# no_temporary DIR: no ".NAME.wm-save-XXXXXX" stays behind.
no_temporary () {
  if ls -A "$1" | grep -q '\.wm-save-'; then fail "a temporary file stayed in $1"; ls -A "$1" >&2; fi
}

# expect_failure WHAT FILE CAUSE COMMAND...: exits 1, names FILE and CAUSE, leaves FILE as it was.
expect_failure () {
  what=$1 file=$2 cause=$3; shift 3
  cp "$file" "$tmp/before"
  set +e; "$@" >"$tmp/stdout" 2>"$tmp/err"; status=$?; set -e
  if [ "$status" -ne 1 ]; then fail "$what: exit $status, expected 1"; cat "$tmp/err" >&2; return; fi
  if ! grep -q "$(basename "$file")" "$tmp/err" || ! grep -q "$cause" "$tmp/err"; then
    fail "$what: the message does not name the file and \"$cause\": $(cat "$tmp/err")"
  elif ! cmp -s "$file" "$tmp/before"; then
    fail "$what: the old file changed"
  else
    pass "$what ($(head -n 1 "$tmp/err"))"
  fi
}

# A full disk: old exports of 10 kB each, and 16 kB left for a new one that needs more.
head -c 10240 /dev/urandom >"$tmp/small/deck.pdf"
for format in pdf svg png; do
  cp "$tmp/small/deck.pdf" "$tmp/small/old.$format"
done
cat /dev/zero >"$tmp/small/filler" 2>/dev/null || true
truncate -s -16K "$tmp/small/filler"
expect_failure "presentation PDF on a full disk" "$tmp/small/deck.pdf" "No space left on device" \
  "$waymark" --export="$tmp/small/deck.pdf" "$sample"
for format in pdf svg png; do
  expect_failure "$format export on a full disk" "$tmp/small/old.$format" "No space left on device" \
    "$waymark" --export="$tmp/small/old.$format" --diagram=vsm-73 --scale=4 "$sample"
done
no_temporary "$tmp/small"

# A read-only file system: nothing can be written beside the file.
cp "$tmp/small/deck.pdf" "$tmp/deck.pdf"
umount "$tmp/small"
mount -t tmpfs -o size=1m tmpfs "$tmp/ro"
cp "$tmp/deck.pdf" "$tmp/ro/deck.pdf"
mount -o remount,ro "$tmp/ro"
expect_failure "export on a read-only file system" "$tmp/ro/deck.pdf" "read-only" \
  "$waymark" --export="$tmp/ro/deck.pdf" "$sample"
no_temporary "$tmp/ro"

# --diagram=all: names that map to the same file get distinct names, a long
# one is shortened, and a diagram that cannot be written does not stop the rest.
long=$(printf 'Very long diagram name %.0s' 1 2 3 4 5 6 7 8 9 10 11 12)
cat >"$tmp/names.waymark" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<waymark-project format="1">
  <diagram id="uc-1" notation="use-case" name="Ordering"/>
  <diagram id="uc-2" notation="use-case" name="ordering!"/>
  <diagram id="uc-3" notation="use-case" name="$long"/>
  <diagram id="uc-4" notation="use-case" name="Blocked"/>
  <diagram id="uc-5" notation="use-case" name="Last"/>
</waymark-project>
EOF
mkdir "$tmp/all" "$tmp/all/all-blocked.svg"
set +e; "$waymark" --export="$tmp/all/all.svg" --diagram=all "$tmp/names.waymark" \
  >"$tmp/written" 2>"$tmp/err"; status=$?; set -e
[ "$status" -eq 1 ] && pass "--diagram=all exits 1 when one diagram fails" ||
  fail "--diagram=all exited $status, expected 1"
grep -q "all-blocked.svg" "$tmp/err" && pass "the failure names the file ($(cat "$tmp/err"))" ||
  fail "the failure does not name all-blocked.svg"
for name in all-ordering.svg all-ordering-2.svg all-last.svg; do
  [ -s "$tmp/all/$name" ] && pass "$name written" || fail "$name not written"
done
written=$(wc -l <"$tmp/written")
[ "$written" -eq 4 ] && pass "four files listed" || fail "$written files listed, expected 4"
longest=$(ls "$tmp/all" | awk '{ print length }' | sort -n | tail -n 1)
[ "$longest" -le 200 ] && pass "the longest name has $longest characters" ||
  fail "a name of $longest characters"

[ "$failures" -eq 0 ] || { echo "$failures failed"; exit 1; }
