#!/bin/sh
# check-pptx.sh WAYMARK SAMPLE
#
# The PowerPoint deck as other programs read it: unzip tests the package,
# then LibreOffice Impress, where it is installed, opens it headless and
# converts it to PDF, whose pages must be the deck's slides: the project's
# title, each diagram's name over its picture, the appendix, and no text
# spilling off a slide. What to expect comes from `waymark --check` and the
# package's own slide list.
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

ok () {
  echo "ok: $*"
}

finish () {
  [ "$failures" -eq 0 ] || { echo "$failures failure(s)" >&2; exit 1; }
  exit "${1:-0}"
}

"$waymark" --check "$sample" >"$tmp/check"
title=$(sed -n 's/^Title: //p' "$tmp/check")
# The diagrams' names, in order, as --check lists them: ... “NAME”: n nodes, n links
sed -n 's/^  [a-z-]* .*“\(.*\)”: [0-9]* nodes\{0,1\}, [0-9]* links\{0,1\}$/\1/p' "$tmp/check" \
  >"$tmp/names"
n_diagrams=$(wc -l <"$tmp/names")
[ "$n_diagrams" -gt 0 ] || fail "no diagrams in --check's output"

# The whole deck, its format from the extension.
if "$waymark" --export="$tmp/deck.pptx" "$sample" 2>"$tmp/err"; then
  ok "exported the deck"
else
  fail "export: $(cat "$tmp/err")"; finish
fi
unzip -tq "$tmp/deck.pptx" >"$tmp/unzip" 2>&1 && ok "unzip -t: $(cat "$tmp/unzip")" \
  || { fail "unzip -t"; cat "$tmp/unzip" >&2; }
first=$(unzip -Z1 "$tmp/deck.pptx" | head -n 1)
[ "$first" = "[Content_Types].xml" ] && ok "content types first" \
  || fail "the first part is $first"
n_slides=$(unzip -Z1 "$tmp/deck.pptx" | grep -c '^ppt/slides/slide[0-9]*\.xml$' || true)
[ "$n_slides" -gt $((n_diagrams + 1)) ] \
  && ok "$n_slides slides: title, $n_diagrams diagrams, appendix" \
  || fail "$n_slides slides for $n_diagrams diagrams and an appendix"

# One diagram, the format named: a deck of one slide.
one=$(sed -n 2p "$tmp/names")
if "$waymark" --export="$tmp/one.out" --format=pptx --diagram="$one" "$sample" 2>"$tmp/err"; then
  unzip -tq "$tmp/one.out" >/dev/null && ok "--diagram deck passes unzip -t" \
    || fail "--diagram deck fails unzip -t"
  count=$(unzip -Z1 "$tmp/one.out" | grep -c '^ppt/slides/slide[0-9]*\.xml$' || true)
  [ "$count" = 1 ] && ok "--diagram gives one slide" || fail "--diagram gives $count slides"
else
  fail "--diagram export: $(cat "$tmp/err")"
fi

# With SOURCE_DATE_EPOCH, the same project makes the same file, dated then.
for run in 1 2; do
  SOURCE_DATE_EPOCH=1700000000 "$waymark" --export="$tmp/again$run.pptx" --diagram="$one" \
    "$sample"
  [ "$run" = 2 ] || sleep 1
done
cmp -s "$tmp/again1.pptx" "$tmp/again2.pptx" && ok "SOURCE_DATE_EPOCH: the same bytes twice" \
  || fail "SOURCE_DATE_EPOCH: two exports differ"
unzip -p "$tmp/again1.pptx" docProps/core.xml | grep -q '>2023-11-14T22:13:20Z<' \
  && ok "SOURCE_DATE_EPOCH: dated then" || fail "SOURCE_DATE_EPOCH: not the date given"

if ! command -v soffice >/dev/null 2>&1; then
  echo "SKIP: LibreOffice (soffice, Debian package libreoffice-impress-nogui) is not installed;" \
       "the package checks above passed"
  finish 77
fi

# A private profile, so that neither a running LibreOffice nor the user's
# settings get in the way.
if timeout 180 soffice -env:UserInstallation="file://$tmp/profile" --headless \
     --convert-to pdf --outdir "$tmp" "$tmp/deck.pptx" >"$tmp/soffice" 2>&1 \
   && [ -s "$tmp/deck.pdf" ]; then
  ok "LibreOffice converted the deck"
else
  fail "LibreOffice could not convert the deck"; cat "$tmp/soffice" >&2; finish
fi

pages=$(pdfinfo "$tmp/deck.pdf" | awk '/^Pages:/ { print $2 }')
[ "$pages" = "$n_slides" ] && ok "$pages pages, one per slide" \
  || fail "LibreOffice made $pages pages of $n_slides slides"

page_text () {
  pdftotext -f "$1" -l "$1" "$tmp/deck.pdf" - | tr '\n' ' '
}

page_text 1 | grep -qF "$title" && ok "title slide: $title" || fail "the title slide lacks $title"
page=2
while IFS= read -r name; do
  page_text "$page" | grep -qF "$name" && ok "slide $page: $name" \
    || fail "slide $page does not say “$name”"
  # The diagram is a picture: LibreOffice read the PNG or the SVG.
  images=$(pdfimages -list -f "$page" -l "$page" "$tmp/deck.pdf" | tail -n +3 | wc -l)
  paths=$(pdftocairo -f "$page" -l "$page" -svg "$tmp/deck.pdf" - | grep -c '<path' || true)
  [ "$images" -gt 0 ] || [ "$paths" -gt 50 ] && ok "slide $page has its picture" \
    || fail "slide $page has no picture"
  page=$((page + 1))
done <"$tmp/names"
while [ "$page" -le "$pages" ]; do
  page_text "$page" | grep -q "Appendix" && ok "slide $page is the appendix" \
    || fail "slide $page is not the appendix"
  page=$((page + 1))
done

# No word lies below the slide's bottom margin (a quarter inch): the
# appendix's columns were cut where LibreOffice's lines end too.
height=$(pdfinfo "$tmp/deck.pdf" | awk '/^Page size:/ { print $5 }')
pdftotext -bbox "$tmp/deck.pdf" "$tmp/words.html"
lowest=$(sed -n 's/.*yMax="\([0-9.]*\)".*/\1/p' "$tmp/words.html" | sort -g | tail -n 1)
if awk -v low="$lowest" -v h="$height" 'BEGIN { exit !(low <= h - 18) }'; then
  ok "all text within the slides (lowest word at $lowest of $height pt)"
else
  fail "text reaches $lowest pt on a $height pt slide"
fi
finish
