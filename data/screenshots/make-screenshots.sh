#!/bin/sh
# Remakes the screenshots of the AppStream metainfo: each editor as it first
# opens on the sample, in a 1280 x 800 window, saved by the warnings test
# (tests/app/test-warnings.c) as GTK draws it, in the light style, in the
# dark style and at GDK_SCALE=2: NOTATION.png, NOTATION-dark.png and
# NOTATION-2x.png for each of the five notations. The sample is opened
# from a copy in "/tmp/Bean Box", so that the window's subtitle shows no
# build path. optipng, when installed, makes the files smaller.
# Usage: data/screenshots/make-screenshots.sh BUILD-DIR
#   (after `ninja -C BUILD-DIR tests/app/test-warnings data/gschemas.compiled`)
set -eu
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
source_root=$(cd "$here/../.." && pwd)
project_dir="/tmp/Bean Box"
work=$(mktemp -d)
trap 'rm -rf "$work" "$project_dir"' EXIT

mkdir -p "$project_dir"
cp "$source_root/data/samples/bean-box.waymark" "$project_dir/"

shoot () {  # shoot OUT-DIR SCREEN [VAR=VALUE...]: the editors, into OUT-DIR
  out=$1 screen=$2
  shift 2
  mkdir -p "$out" "$work/state" "$work/data"
  env GTK_A11Y=none GSK_RENDERER=cairo GDK_DEBUG=gl-disable NO_AT_BRIDGE=1 \
    G_DEBUG=fatal-warnings LC_ALL=C.UTF-8 \
    GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
    XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data" \
    WAYMARK_SAMPLES_DIR="$project_dir" WAYMARK_SCREENSHOT_DIR="$out" "$@" \
    xvfb-run -a -s "-screen 0 ${screen}x24" \
    "$build/tests/app/test-warnings" -p /warnings/main-window >"$work/log" 2>&1 ||
    { cat "$work/log" >&2; exit 1; }
}

shoot "$work/light" 1280x1024
shoot "$work/dark" 1280x1024 ADW_DEBUG_COLOR_SCHEME=prefer-dark
shoot "$work/scale2" 2560x2048 GDK_SCALE=2

rm -f "$here"/*.png
for notation in business-model-canvas use-case value-stream-map customer-journey \
                value-proposition-canvas; do
  cp "$work/light/editor-$notation.png" "$here/$notation.png"
  cp "$work/dark/editor-$notation.png" "$here/$notation-dark.png"
  cp "$work/scale2/editor-$notation.png" "$here/$notation-2x.png"
done

if command -v optipng >/dev/null 2>&1; then
  optipng -quiet -o2 -strip all "$here"/*.png
else
  echo "note: optipng not found (Debian package optipng); the PNGs are not optimised" >&2
fi
ls -l "$here"/*.png
