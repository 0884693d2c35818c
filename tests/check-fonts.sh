#!/bin/sh
# check-fonts.sh WAYMARK SOURCE-ROOT SAMPLE
#
# The painters' font is a dependency, not a wish: an export made where the
# first family of WM_FONT_FAMILY (renderers/wm-draw.h) is missing says so
# once on stderr and names the family fontconfig uses instead, and that is
# the family the PDF embeds; with the font installed, or for an export that
# draws nothing (CSV), nothing is said. A fontconfig configuration that only
# knows DejaVu stands for the machine without the font.
set -eu

waymark=$1
source_root=$2
sample=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
export LC_ALL=C.UTF-8 LANGUAGE=

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

for tool in fc-list fc-match pdffonts; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found; install fontconfig and poppler-utils (build-aux/deps.sh does)"
    exit 77
  fi
done

family=$(sed -n 's/^#define WM_FONT_FAMILY "\([^,"]*\).*/\1/p' "$source_root/renderers/wm-draw.h")
[ -n "$family" ] || { echo "FAIL: no WM_FONT_FAMILY in renderers/wm-draw.h" >&2; exit 1; }
dejavu=$(fc-list -f '%{file}\n' 'DejaVu Sans' | head -n 1)
[ -n "$dejavu" ] || { echo "FAIL: DejaVu Sans is not installed (fonts-dejavu-core)" >&2; exit 1; }

cat >"$tmp/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$(dirname "$dejavu")</dir>
  <cachedir>$tmp/cache</cachedir>
</fontconfig>
EOF

# The message as the command line prints it, typographic quotes included.
# shellcheck disable=SC1111
warning="warning: the font “$family” is not installed; exports use “DejaVu Sans” instead"
warning="$warning and will look different"

echo "# without $family: one warning naming the substitute, which the PDF embeds"
if ! FONTCONFIG_FILE="$tmp/fonts.conf" "$waymark" --export "$tmp/without.pdf" \
       "$sample" >"$tmp/out" 2>"$tmp/err"; then
  fail "the export without $family failed"; cat "$tmp/err" >&2
fi
[ "$(grep -c 'warning: the font' "$tmp/err")" -eq 1 ] || fail "not one font warning:"
grep -qF "waymark: $warning" "$tmp/err" || { fail "not the expected warning:"; cat "$tmp/err" >&2; }
pdffonts "$tmp/without.pdf" | grep -q DejaVuSans || fail "the PDF does not embed DejaVu Sans"
pdffonts "$tmp/without.pdf" | grep -q "$family" && fail "the PDF embeds $family, said missing"

echo "# a drawn diff warns too; a CSV table does not"
FONTCONFIG_FILE="$tmp/fonts.conf" "$waymark" --export "$tmp/diff.svg" --diff "$sample" "$sample" \
  >"$tmp/out" 2>"$tmp/err" || true
grep -qF "$warning" "$tmp/err" || fail "no font warning for --diff --export"
FONTCONFIG_FILE="$tmp/fonts.conf" "$waymark" --export "$tmp/table.csv" "$sample" \
  >"$tmp/out" 2>"$tmp/err" || fail "the CSV export failed"
grep -q 'warning: the font' "$tmp/err" && fail "a font warning for a CSV export"

echo "# with the machine's fonts"
if [ "$(fc-match -f '%{family[0]}' "$family")" != "$family" ]; then
  fail "$family is not installed here; build-aux/deps.sh installs it (fonts-inter)"
else
  "$waymark" --export "$tmp/with.pdf" "$sample" >"$tmp/out" 2>"$tmp/err" ||
    fail "the export with $family failed"
  if grep -q 'warning: the font' "$tmp/err"; then
    fail "a font warning with $family installed"; cat "$tmp/err" >&2
  fi
  pdffonts "$tmp/with.pdf" | grep -q "$family" || fail "the PDF does not embed $family"
fi

[ "$failures" -eq 0 ] && echo "ok: the font warning says when, and only when, $family is missing"
exit "$failures"
