#!/bin/sh
# check-editor-exec.sh WAYMARK SAMPLE
#
# `waymark` runs its commands without GTK and becomes waymark-editor for
# windows (app/wm-editor-main.c): an export loads no GTK library; a window
# is asked of the program $WAYMARK_EDITOR names, in the same process, with
# the editor's options and every file, even one that looks like an option;
# and an editor that cannot be run is said, with exit status 1.
set -eu

waymark=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failed=0
fail () { echo "FAIL: $*" >&2; failed=1; }

echo "# an export and --check load no GTK"
LD_DEBUG=libs "$waymark" --export "$tmp/out.svg" "$sample" >/dev/null 2>"$tmp/libs" ||
  fail "the export failed: $(grep -v 'file=\|find library\|search path\|trying file\|calling' "$tmp/libs" | tail -3)"
grep -q 'libcairo.so' "$tmp/libs" || fail "LD_DEBUG=libs listed no library at all"
grep -qE 'libgtk-4|libadwaita' "$tmp/libs" && fail "the export loaded GTK: $(grep -oE 'libgtk-4[^ ]*|libadwaita[^ ]*' "$tmp/libs" | sort -u | tr '\n' ' ')"
LD_DEBUG=libs "$waymark" --check "$sample" >/dev/null 2>"$tmp/libs" || fail "--check failed"
grep -qE 'libgtk-4|libadwaita' "$tmp/libs" && fail "--check loaded GTK"

echo "# a window: the editor, in the same process, with the options and files"
cat >"$tmp/editor" <<'SCRIPT'
#!/bin/sh
echo "$$" >"$EDITOR_LOG.pid"
for arg in "$@"; do printf '%s\n' "$arg"; done >"$EDITOR_LOG"
SCRIPT
chmod +x "$tmp/editor"
EDITOR_LOG=$tmp/argv WAYMARK_EDITOR=$tmp/editor \
  "$waymark" --locale=C.UTF-8 "$sample" -- -dashed.waymark &
pid=$!
wait "$pid" || fail "waymark exited with status $? when the editor did not"
[ -f "$tmp/argv" ] || fail "the editor was not run"
[ "$(cat "$tmp/argv.pid" 2>/dev/null)" = "$pid" ] ||
  fail "the editor ran as process $(cat "$tmp/argv.pid" 2>/dev/null), not as waymark's $pid"
printf '%s\n' --locale=C.UTF-8 -- "$sample" -dashed.waymark >"$tmp/expected"
cmp -s "$tmp/expected" "$tmp/argv" ||
  fail "the editor's arguments: $(tr '\n' ' ' <"$tmp/argv"), expected $(tr '\n' ' ' <"$tmp/expected")"

echo "# D-Bus activation passes --gapplication-service on"
EDITOR_LOG=$tmp/argv WAYMARK_EDITOR=$tmp/editor "$waymark" --gapplication-service ||
  fail "waymark --gapplication-service failed"
printf '%s\n' --gapplication-service -- >"$tmp/expected"
cmp -s "$tmp/expected" "$tmp/argv" || fail "activated, the editor got: $(tr '\n' ' ' <"$tmp/argv")"

echo "# an editor that cannot run is said"
status=0
WAYMARK_EDITOR=$tmp/missing "$waymark" "$sample" 2>"$tmp/err" || status=$?
[ "$status" -eq 1 ] || fail "exit status $status without an editor, expected 1"
grep -q "the editor could not be started ($tmp/missing)" "$tmp/err" ||
  fail "no message naming the missing editor: $(cat "$tmp/err")"

exit "$failed"
