#!/bin/sh
# check-exports.sh WAYMARK SAMPLE
#
# The command-line exports as a stakeholder receives them: the presentation
# PDF's pages, metadata, embedded fonts and text (guillemets and non-ASCII
# names included, figures as --check prints them), page sizes, SVG and PNG
# files, --diagram=all, and clean one-line errors for bad requests.
set -eu

waymark=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

expect () {  # expect WHAT COMMAND...: the command must succeed
  what=$1; shift
  if "$@" >"$tmp/out" 2>"$tmp/err"; then echo "ok: $what"; else fail "$what"; cat "$tmp/err" >&2; fi
}

expect_status () {  # expect_status STATUS WHAT COMMAND...: exit STATUS with a one-line message
  status=$1 what=$2; shift 2
  set +e; "$@" >"$tmp/out" 2>"$tmp/err"; got=$?; set -e
  if [ "$got" -ne "$status" ]; then fail "$what: exit $got, expected $status"; return; fi
  if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then fail "$what: expected one line of error"; cat "$tmp/err" >&2; return; fi
  echo "ok: $what ($(cat "$tmp/err"))"
}

# The presentation of all diagrams.
expect "presentation PDF" "$waymark" --export="$tmp/deck.pdf" "$sample"
pages=$(pdfinfo "$tmp/deck.pdf" | awk '/^Pages:/ { print $2 }')
# 13 pages: the title page, the 6 diagrams, the comparison of the current
# and future value streams after the later of them, 3 pages of traceability
# and 2 appendix pages for the details of the use cases Subscribe to a plan,
# Pause subscription and Pay.
[ "$pages" = 13 ] && echo "ok: 13 pages" || fail "the presentation has $pages pages, not 13"
pdfinfo "$tmp/deck.pdf" | grep -q "^Title: *Bean Box — coffee subscription$" \
  && echo "ok: title metadata" || fail "no title metadata"
pdfinfo "$tmp/deck.pdf" | grep -q "^Author: *Waymark sample$" \
  && echo "ok: author metadata" || fail "no author metadata"
pdffonts "$tmp/deck.pdf" | tail -n +3 >"$tmp/fonts"
[ -s "$tmp/fonts" ] || fail "no fonts in the PDF"
if awk '{ if ($(NF-4) != "yes") bad = 1 } END { exit bad }' "$tmp/fonts"; then
  echo "ok: every font embedded"
else
  fail "a font is not embedded"; cat "$tmp/fonts" >&2
fi
pdftotext "$tmp/deck.pdf" "$tmp/deck.txt"
for text in "Bean Box — coffee subscription" "Subscriber journey" "«include»" "«extend»" \
            "Founders’ strategy day" "Page 3 of 13" "Home brewers value proposition" \
            "Pain Relievers" "Customer Profile" "Current and future state" "Traceability"; do
  grep -qF "$text" "$tmp/deck.txt" && echo "ok: text “$text”" || fail "the PDF text lacks “$text”"
done

# The appendix of use-case details: listed in the contents, labelled blocks,
# flows line by line, numbered over the whole presentation.
for text in "Appendix: use-case details" "Main flow" "Alternative flows" "Extension points" \
            "3. The payment provider authorises the amount, with 3-D Secure when the bank asks." \
            "Page 13 of 13"; do
  grep -qF "$text" "$tmp/deck.txt" && echo "ok: text “$text”" || fail "the PDF text lacks “$text”"
done
[ "$(grep -cF "Appendix: use-case details" "$tmp/deck.txt")" -ge 2 ] \
  && echo "ok: appendix in the contents" || fail "the contents do not list the appendix"

# The value stream maps' figures read in the PDF as --check prints them: one
# formatter writes both (wm_figure_format).
"$waymark" --check "$sample" >"$tmp/check.txt"
for figure in "Production lead time" "Processing time" "Takt time"; do
  sed -n "s/^  $figure: //p" "$tmp/check.txt" | sort -u >"$tmp/values"
  [ -s "$tmp/values" ] || fail "--check prints no “$figure”"
  while read -r value; do
    grep -qF "$value" "$tmp/deck.txt" && echo "ok: $figure “$value” as in --check" \
      || fail "the PDF does not show the $figure “$value” that --check prints"
  done <"$tmp/values"
done

# One diagram, page sizes and orientation.
expect "A3 portrait PDF" "$waymark" --export="$tmp/uc.pdf" --diagram="Ordering and subscription" \
  --page=a3 --orientation=portrait "$sample"
pdfinfo "$tmp/uc.pdf" | grep -q "^Page size: *841.89 x 1190.55 pts" \
  && echo "ok: A3 portrait" || fail "not an A3 portrait page: $(pdfinfo "$tmp/uc.pdf" | grep 'Page size')"
expect "letter landscape PDF" "$waymark" --export="$tmp/l.pdf" --diagram=uc-41 --page=letter \
  --orientation=landscape "$sample"
pdfinfo "$tmp/l.pdf" | grep -q "^Page size: *792 x 612 pts" \
  && echo "ok: letter landscape" || fail "not a landscape letter page"
expect "fit PDF" "$waymark" --export="$tmp/fit.pdf" --diagram=uc-41 --page=fit "$sample"

# SVG and PNG.
expect "SVG" "$waymark" --export="$tmp/j.svg" --diagram="Subscriber journey" "$sample"
expect "SVG is well-formed XML" xmllint --noout --nonet "$tmp/j.svg"
expect "PNG at 144 dpi" "$waymark" --export="$tmp/v.png" --dpi=144 --background=transparent \
  --diagram="Fulfilment value stream (current state)" "$sample"
head -c 8 "$tmp/v.png" | od -c | grep -q "P   N   G" && echo "ok: PNG signature" || fail "not a PNG"
expect "format from --format" "$waymark" --export="$tmp/noext" --format=svg "$sample"
grep -q "<svg" "$tmp/noext" && echo "ok: --format=svg" || fail "--format=svg did not write SVG"

# --diagram=all writes one file per diagram next to OUT.
expect "--diagram=all" "$waymark" --export="$tmp/all.png" --diagram=all --scale=0.5 "$sample"
count=$(ls "$tmp"/all-*.png | wc -l)
[ "$count" = 6 ] && echo "ok: 6 PNG files" || fail "--diagram=all wrote $count files"

# The waymark executable writes cairo's numbers with its own formatter
# (app/wm-libc-numbers.c): the files must be those glibc's formatting makes,
# byte for byte (a PDF but for its creation date).
if nm -D --defined-only "$waymark" | grep -q ' T __snprintf_chk$'; then
  echo "ok: waymark formats cairo's numbers"
else
  fail "waymark does not define __snprintf_chk, so cairo's numbers go to glibc"
fi
undated () { LC_ALL=C sed -E 's/CreationDate \(D:[0-9]+Z\)/CreationDate/' "$1"; }
mkdir "$tmp/fast" "$tmp/libc"
for dir in fast libc; do
  [ "$dir" = libc ] && export WAYMARK_LIBC_NUMBERS=1
  "$waymark" --export="$tmp/$dir/deck.pdf" "$sample"
  "$waymark" --export="$tmp/$dir/d.svg" --diagram=all "$sample"
  "$waymark" --export="$tmp/$dir/t.svg" --diagram=all --svg-text=text "$sample"
  unset WAYMARK_LIBC_NUMBERS
done
same=0 differ=0
for file in "$tmp"/fast/*; do
  name=$(basename "$file")
  if [ "${name%.pdf}" != "$name" ]; then
    undated "$file" >"$tmp/a"; undated "$tmp/libc/$name" >"$tmp/b"
  else
    cp "$file" "$tmp/a"; cp "$tmp/libc/$name" "$tmp/b"
  fi
  if cmp -s "$tmp/a" "$tmp/b"; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $name" >&2; fi
done
[ "$same" = 13 ] && [ "$differ" = 0 ] && echo "ok: 13 files as glibc formats them" \
  || fail "$differ of $((same + differ)) files differ from glibc's formatting (13 expected the same)"

# The waymark executable opens cairo's PDF streams with a shorter zlib search
# (app/wm-libc-deflate.c): the presentation must pass qpdf's check and hold,
# decompressed, exactly what zlib's level 6 makes of it, in other bytes.
if nm -D --defined-only "$waymark" | grep -q ' T deflateInit_$'; then
  echo "ok: waymark opens cairo's zlib streams"
else
  fail "waymark does not define deflateInit_, so cairo's PDF streams take zlib's level 6"
fi
mkdir "$tmp/zlib"
WAYMARK_ZLIB_DEFAULT=1 "$waymark" --export="$tmp/zlib/deck.pdf" "$sample"
for file in "$tmp/fast/deck.pdf" "$tmp/zlib/deck.pdf"; do
  qpdf --check "$file" >"$tmp/out" 2>&1 && echo "ok: qpdf --check $(basename "$(dirname "$file")")/deck.pdf" \
    || { fail "qpdf finds errors in $file"; cat "$tmp/out" >&2; }
  qpdf --qdf --object-streams=disable --deterministic-id "$file" "$file.qdf"
done
# qpdf's deterministic /ID hashes the content, creation date included.
undated "$tmp/fast/deck.pdf.qdf" | grep -av '^ */ID \[' >"$tmp/a"
undated "$tmp/zlib/deck.pdf.qdf" | grep -av '^ */ID \[' >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && echo "ok: the same PDF decompressed as at zlib's level 6" \
  || fail "the PDF decompressed differs from the one compressed at zlib's level 6"
undated "$tmp/fast/deck.pdf" >"$tmp/a"; undated "$tmp/zlib/deck.pdf" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" && fail "the PDF's streams are compressed as at zlib's level 6" \
  || echo "ok: the PDF's streams compressed otherwise than at level 6 \
($(wc -c <"$tmp/fast/deck.pdf") bytes, level 6 $(wc -c <"$tmp/zlib/deck.pdf"))"

# Errors: a one-line message and a non-zero status, and no file left behind.
expect_status 1 "unknown diagram" "$waymark" --export="$tmp/x.pdf" --diagram=nope "$sample"
expect_status 2 "unknown page size" "$waymark" --export="$tmp/x.pdf" --page=a5 "$sample"
expect_status 2 "unknown extension" "$waymark" --export="$tmp/x.doc" "$sample"
expect_status 2 "scale and dpi together" "$waymark" --export="$tmp/x.png" --scale=2 --dpi=96 "$sample"
expect_status 2 "a scale that is not a number" "$waymark" --export="$tmp/x.png" --scale=nan "$sample"
expect_status 1 "missing project" "$waymark" --export="$tmp/x.pdf" "$tmp/none.waymark"
expect_status 1 "unwritable folder" "$waymark" --export="$tmp/no/such/dir/x.pdf" "$sample"
expect_status 1 "absurd scale" "$waymark" --export="$tmp/x.png" --scale=19 "$sample"
[ ! -e "$tmp/x.pdf" ] && [ ! -e "$tmp/x.png" ] && echo "ok: nothing written on errors" \
  || fail "a failed export left a file"

[ "$failures" -eq 0 ] || { echo "$failures export checks failed" >&2; exit 1; }
