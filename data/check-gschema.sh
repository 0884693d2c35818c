#!/bin/sh
# Reads the compiled schema the way the editor will: every key exists with
# the default and the range the editor relies on, and out-of-range or unknown
# values are refused. The memory backend keeps the user's settings untouched.
# Usage: check-gschema.sh GSETTINGS SCHEMAS-DIR SCHEMA-ID
set -u
gsettings=$1
export GSETTINGS_SCHEMA_DIR=$2
export GSETTINGS_BACKEND=memory
schema=$3
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect () {  # expect SUBCOMMAND KEY EXPECTED-OUTPUT
  actual=$("$gsettings" "$1" "$schema" "$2" 2>&1)
  [ "$actual" = "$3" ] || fail "gsettings $1 $2: expected '$3', got '$actual'"
}

refuses () {  # refuses KEY VALUE
  if "$gsettings" set "$schema" "$1" "$2" 2>/dev/null; then
    fail "gsettings set $1 $2 was accepted"
  fi
}

expect get grid-size 10
expect range grid-size "range i 2 100"
expect get snap-to-grid true
expect get show-grid true
expect get autosave true
expect get autosave-interval "uint32 60"
expect range autosave-interval "range u 15 3600"
expect get window-width 1200
expect get window-height 800
expect get window-maximized false
expect get recent-export-format "'pdf'"
expect get export-page-size "'a4'"
expect get export-orientation "'auto'"
expect range export-page-size "enum
'a4'
'a3'
'letter'
'fit'"
expect range export-orientation "enum
'auto'
'portrait'
'landscape'"
expect range recent-export-format "enum
'pdf'
'png'
'svg'"

refuses grid-size 1
refuses grid-size 101
refuses autosave-interval 14
refuses export-page-size "'a5'"
refuses export-orientation "'sideways'"
refuses recent-export-format "'jpeg'"

keys=$("$gsettings" list-keys "$schema" | sort | tr '\n' ' ')
expected="autosave autosave-interval export-orientation export-page-size grid-size \
recent-export-format show-grid snap-to-grid window-height window-maximized window-width "
[ "$keys" = "$expected" ] || fail "keys are '$keys', expected '$expected'"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "schema $schema: all keys, defaults and ranges as expected"
