#!/bin/sh
# check-drawio.sh WAYMARK SAMPLE MODULES-DIR
#
# The draw.io export of SAMPLE, read and drawn by mxGraph, the library
# draw.io is built on (check-drawio.js). draw.io itself is not packaged in
# Debian; mxGraph and jsdom come from npm, installed once into MODULES-DIR
# (in the build directory). The test skips, saying why, only when Node.js
# is missing or npm cannot install them (no network).
set -eu

exe=$1
sample=$2
modules=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

echo "draw.io is not packaged in Debian: the export is read by mxGraph, its drawing library"
if ! command -v node >/dev/null 2>&1; then
  echo "SKIP: Node.js is not installed, so mxGraph cannot read the export"
  exit 77
fi
if [ ! -d "$modules/node_modules/mxgraph" ] || [ ! -d "$modules/node_modules/jsdom" ]; then
  mkdir -p "$modules"
  if ! command -v npm >/dev/null 2>&1 ||
     ! npm install --prefix "$modules" --no-audit --no-fund --no-save \
         mxgraph@4.2.2 jsdom@22.1.0 >"$work/npm.log" 2>&1; then
    cat "$work/npm.log" 2>/dev/null || true
    echo "SKIP: npm could not install mxgraph and jsdom, so nothing can read the export"
    exit 77
  fi
fi

"$exe" --export="$work/sample.drawio" "$sample"
pages=$(grep -c '<diagram ' "$sample")
items=$(grep -cE '<(node|link) ' "$sample")
NODE_PATH="$modules/node_modules" node "$here/check-drawio.js" "$work/sample.drawio" \
  "$pages" "$items"
