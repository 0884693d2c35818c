#!/bin/sh
# Generates a 300-item project of every notation, and of all of them at once,
# and checks that `waymark --check --strict` accepts each one.
#
# Usage: generate-check.sh WM-BENCH WAYMARK
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 WM-BENCH WAYMARK" >&2
  exit 2
fi
bench=$1
waymark=$2

dir=$(mktemp -d "${TMPDIR:-/tmp}/wm-bench-check-XXXXXX")
trap 'rm -rf "$dir"' EXIT

status=0
for notation in business-model-canvas use-case value-stream-map customer-journey all; do
  out="$dir/$notation.waymark"
  if ! "$bench" generate --notation="$notation" --items=300 "$out"; then
    echo "FAIL: wm-bench generate --notation=$notation" >&2
    status=1
    continue
  fi
  if "$waymark" --check --strict "$out" >"$dir/check.log" 2>&1; then
    echo "ok: $notation"
  else
    echo "FAIL: waymark --check --strict rejects the generated $notation project:" >&2
    cat "$dir/check.log" >&2
    status=1
  fi
done
exit $status
