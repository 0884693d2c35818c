#!/bin/sh
# test-single-instance.sh XVFB-RUN WAYMARK SERVICE-FILE SAMPLE
#
# One Waymark per session, as GNOME expects, on a session bus of its own
# (dbus-run-session) and a virtual display:
# - `waymark A` starts the instance; `waymark B` and `waymark A` from other
#   processes exit at once and hand their file over: B gets a second window,
#   A (named by another path to the same file) is shown again, not opened
#   twice. The windows are counted where GtkApplication exports them on the
#   bus, /io/github/waymark/Waymark/window/N.
# - With no instance running, opening a file by D-Bus, as Files and the shell
#   do for a DBusActivatable application, starts Waymark through the D-Bus
#   service file the build installs.
set -eu

app_id=io.github.waymark.Waymark
object_path=/io/github/waymark/Waymark

if [ "${1:-}" != --inner ]; then
  xvfb_run=$1 service=$3 sample=$4
  # Absolute, since the second processes and the bus start it from elsewhere.
  waymark=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
  for tool in dbus-run-session gdbus; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool not found; install dbus-daemon and libglib2.0-bin (build-aux/deps.sh does)"
      exit 77
    fi
  done
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT INT TERM
  # The bus looks for activatable services in XDG_DATA_DIRS/dbus-1/services:
  # there, the service file the build made, pointed at the built executable.
  mkdir -p "$tmp/share/dbus-1/services"
  sed "s|^Exec=.*/waymark |Exec=$waymark |" "$service" \
    >"$tmp/share/dbus-1/services/$app_id.service"
  XDG_DATA_DIRS="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  export XDG_DATA_DIRS
  # What the bus starts inherits the bus's environment, so this is set here.
  # The instance under test must be unique, whatever the other tests need.
  unset WAYMARK_NON_UNIQUE
  export XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
  # GTK 4.8 loses a GDateTime each time it trims the recent files by age,
  # which LeakSanitizer reports when the application ends; the recent list is
  # not under test, so it is kept whole (as tests/app/test-file-changes.c does).
  mkdir -p "$tmp/config/gtk-4.0"
  printf '[Settings]\ngtk-recent-files-max-age=-1\n' >"$tmp/config/gtk-4.0/settings.ini"
  "$xvfb_run" -a -s "-screen 0 1280x1024x24" \
    dbus-run-session -- "$0" --inner "$tmp" "$waymark" "$service" "$sample"
  exit $?
fi

tmp=$2 waymark=$3 service=$4 sample=$5
failures=0
mkdir -p "$tmp/projects"
cp "$sample" "$tmp/projects/a.waymark"
cp "$sample" "$tmp/projects/b.waymark"

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

has_owner () {
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner "$app_id" 2>/dev/null | grep -q true
}

# Asked only of a running instance: a call to the name would start one.
n_windows () {
  has_owner || { echo 0; return; }
  gdbus introspect --session --dest "$app_id" --object-path "$object_path/window" 2>/dev/null |
    grep -c '^ *node [0-9]' || true
}

wait_for () {  # wait_for SECONDS COMMAND...: until the command succeeds
  tries=$(($1 * 10)); shift
  while ! "$@"; do
    tries=$((tries - 1))
    [ "$tries" -gt 0 ] || return 1
    sleep 0.1
  done
}

windows_are () { [ "$(n_windows)" -eq "$1" ]; }
gone () { ! has_owner; }

quit () {
  gdbus call --session --dest "$app_id" --object-path "$object_path" \
    --method org.freedesktop.Application.ActivateAction quit '[]' '{}' >/dev/null
}

# A second process hands its file over and ends within a few seconds.
hand_over () {  # hand_over WHAT DIR FILE
  what=$1
  start=$(date +%s)
  if ! (cd "$2" && timeout 20 "$waymark" "$3") >"$tmp/out" 2>&1; then
    fail "$what: the second process failed or hung"; cat "$tmp/out" >&2
  fi
  took=$(($(date +%s) - start))
  [ "$took" -le 10 ] || fail "$what: the second process took $took s to hand over"
}

echo "# the first process opens A"
"$waymark" "$tmp/projects/a.waymark" >"$tmp/first.log" 2>&1 &
first=$!
wait_for 30 windows_are 1 || fail "no window of the first instance on the bus"

echo "# a second process opens B in the running instance"
hand_over "waymark B" "$tmp" "$tmp/projects/b.waymark"
wait_for 20 windows_are 2 || fail "B: $(n_windows) windows, expected 2"
kill -0 "$first" 2>/dev/null || fail "the first instance ended"

echo "# a third process names A by a relative path: its window comes forward"
hand_over "waymark A again" "$tmp/projects" "./a.waymark"
sleep 1
windows_are 2 || fail "A again: $(n_windows) windows, expected still 2"

quit
wait_for 20 gone || fail "the instance did not quit"
wait "$first" || fail "the first instance exited with status $?"
[ -s "$tmp/first.log" ] && { echo "# the first instance said:"; sed 's/^/# /' "$tmp/first.log"; }

echo "# with no instance, opening B over D-Bus starts one through the service file"
grep -q "^Name=$app_id\$" "$service" || fail "the service file does not name $app_id"
grep -q '^Exec=.*/waymark --gapplication-service$' "$service" ||
  fail "the service file does not start waymark as a service"
if ! gdbus call --session --dest "$app_id" --object-path "$object_path" \
       --method org.freedesktop.Application.Open "['file://$tmp/projects/b.waymark']" '{}' \
       >"$tmp/out" 2>&1; then
  fail "D-Bus activation failed"; cat "$tmp/out" >&2
fi
wait_for 30 windows_are 1 || fail "activated: $(n_windows) windows, expected 1"
quit
wait_for 20 gone || fail "the activated instance did not quit"

[ "$failures" -eq 0 ] && echo "ok: one instance per session, activatable over D-Bus"
exit "$failures"
