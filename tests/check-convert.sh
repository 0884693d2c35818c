#!/bin/sh
# check-convert.sh WAYMARK SAMPLE
#
# Import is conversion: the command line reads PlantUML, draw.io and CSV as
# projects (told apart by content), chains any importer with any exporter,
# writes import warnings as FILE:LINE: warning: …, updates a diagram from a
# CSV table, and exits 0 when something was imported, 1 when the input could
# not be read and 2 on usage. The PDF converted from PlantUML is read back
# with pdfinfo and pdftotext.
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
  if [ "$got" -ne "$status" ]; then fail "$what: exit $got, expected $status"; cat "$tmp/err" >&2; return; fi
  if [ "$(wc -l <"$tmp/err")" -ne 1 ]; then fail "$what: expected one line of error"; cat "$tmp/err" >&2; return; fi
  echo "ok: $what ($(cat "$tmp/err"))"
}

contains () {  # contains WHAT FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok: $1"; else fail "$1: “$3” not in $2"; cat "$2" >&2; fi
}

# Sample → PlantUML → Waymark → PDF, and PlantUML → PDF directly.
expect "export PlantUML" "$waymark" --export="$tmp/model.puml" "$sample"
contains "PlantUML text" "$tmp/model.puml" "@startuml"
expect "PlantUML to Waymark" "$waymark" --export="$tmp/model.waymark" "$tmp/model.puml"
[ -s "$tmp/err" ] && { fail "warnings importing our own PlantUML"; cat "$tmp/err" >&2; }
expect "check the converted project" "$waymark" --check "$tmp/model.waymark"
contains "a Waymark project" "$tmp/out" "a valid Waymark project"
contains "its use cases" "$tmp/out" "use-case"
contains "titled after the file" "$tmp/out" "Title: model"
expect "Waymark to PDF" "$waymark" --export="$tmp/model.pdf" "$tmp/model.waymark"
expect "PlantUML straight to PDF" "$waymark" --export="$tmp/direct.pdf" "$tmp/model.puml"
pages=$(pdfinfo "$tmp/direct.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 2 ] && echo "ok: $pages pages" || fail "the PDF has ${pages:-no} pages"
pdftotext "$tmp/direct.pdf" "$tmp/direct.txt"
for text in "Ordering and subscription" "Subscribe to a plan" "«include»"; do
  contains "the PDF shows “$text”" "$tmp/direct.txt" "$text"
done
expect "--check reads PlantUML" "$waymark" --check "$tmp/model.puml"
contains "--check says it imported" "$tmp/out" "imported as a Waymark project"

# The content decides, not the extension.
cp "$tmp/model.puml" "$tmp/notes.txt"
expect "PlantUML named .txt" "$waymark" --export="$tmp/notes.waymark" "$tmp/notes.txt"
"$waymark" --check "$tmp/notes.waymark" >"$tmp/out"
contains "a .txt read as PlantUML" "$tmp/out" "1 diagram:"

# draw.io → Waymark keeps every diagram; the same file as .xml too.
expect "export draw.io" "$waymark" --export="$tmp/all.drawio" "$sample"
expect "draw.io to Waymark" "$waymark" --export="$tmp/all.waymark" "$tmp/all.drawio"
"$waymark" --check "$tmp/all.waymark" >"$tmp/out"
contains "six diagrams back" "$tmp/out" "6 diagrams:"
cp "$tmp/all.drawio" "$tmp/all.xml"
expect "draw.io named .xml" "$waymark" --export="$tmp/xml.pdf" "$tmp/all.xml"

# PlantUML warnings name the file and the line; exit 0 since something came in.
printf '@startuml\nskinparam monochrome true\nactor Clerk\nClerk --> (File a claim)\n@enduml\n' \
  >"$tmp/warn.puml"
expect "PlantUML with a skinparam" "$waymark" --export="$tmp/warn.waymark" "$tmp/warn.puml"
contains "warning with FILE:LINE" "$tmp/err" "$tmp/warn.puml:2: warning:"

# A CSV table updates the diagram --diagram names; an unmatched row is reported.
vsm="Fulfilment value stream (current state)"
expect "export CSV" "$waymark" --export="$tmp/vsm.csv" --diagram="$vsm" "$sample"
sed 's/^process,Roasting,27,/process,Roasting,31,/' "$tmp/vsm.csv" >"$tmp/in.csv"
printf 'process,Grinding,12,,,,,,,,,\r\n' >>"$tmp/in.csv"
line=$(wc -l <"$tmp/in.csv")
expect "CSV update of a diagram" "$waymark" --export="$tmp/updated.waymark" --import="$tmp/in.csv" \
  --diagram="$vsm" "$sample"
contains "unmatched row reported" "$tmp/err" "$tmp/in.csv:$line: warning:"
contains "the row named" "$tmp/err" "Grinding"
expect "export the updated table" "$waymark" --export="$tmp/after.csv" --diagram="$vsm" \
  "$tmp/updated.waymark"
contains "the cycle time updated" "$tmp/after.csv" "process,Roasting,31,"
if grep -q Grinding "$tmp/after.csv"; then fail "the unmatched row was added"; else echo "ok: unmatched row skipped"; fi
"$waymark" --check "$tmp/updated.waymark" >"$tmp/out"
contains "no diagram added by the update" "$tmp/out" "6 diagrams:"
# Without --diagram the table comes in as a diagram of its own.
expect "CSV added as a diagram" "$waymark" --export="$tmp/added.waymark" --import="$tmp/in.csv" \
  "$sample"
"$waymark" --check "$tmp/added.waymark" >"$tmp/out"
contains "a seventh diagram" "$tmp/out" "7 diagrams:"
# --diagram naming no diagram of the project: the table makes it, under that name.
expect "CSV makes the diagram named" "$waymark" --export="$tmp/made.csv" --import="$tmp/in.csv" \
  --diagram="Roastery" "$sample"
contains "the new diagram's table" "$tmp/made.csv" "process,Roasting,31,"
# A CSV on its own is a project too.
expect "CSV to PDF" "$waymark" --export="$tmp/table.pdf" "$tmp/vsm.csv"

# Markdown with its pictures beside it.
expect "Markdown with SVGs" "$waymark" --export="$tmp/doc.md" --markdown-svgs "$sample"
[ -s "$tmp/doc-subscriber-journey.svg" ] && echo "ok: SVG beside the document" \
  || fail "no doc-subscriber-journey.svg"
contains "the document shows it" "$tmp/doc.md" "doc-subscriber-journey.svg"

# What cannot be read: exit 1 with one line.
expect_status 1 "missing input" "$waymark" --export="$tmp/x.waymark" "$tmp/missing.puml"
printf 'just some words\n' >"$tmp/junk.bin"
expect_status 1 "unknown input" "$waymark" --export="$tmp/x.waymark" "$tmp/junk.bin"
printf '<mxfile><diagram>not base64 at all %%%%</diagram>' >"$tmp/bad.drawio"
set +e; "$waymark" --export="$tmp/x.waymark" "$tmp/bad.drawio" >/dev/null 2>"$tmp/err"; got=$?; set -e
[ "$got" -eq 1 ] && echo "ok: broken draw.io exits 1" || fail "broken draw.io: exit $got"
[ -e "$tmp/x.waymark" ] && fail "a failed conversion wrote its output" || echo "ok: nothing written"
expect_status 1 "unknown diagram" "$waymark" --export="$tmp/x.puml" --diagram=nope "$sample"

# Usage: exit 2 with one line.
expect_status 2 "unknown option" "$waymark" --export="$tmp/x.puml" --bogus "$sample"
expect_status 2 "unknown extension" "$waymark" --export="$tmp/x.docx" "$sample"
contains "the message lists every format" "$tmp/err" ".puml, .drawio, .csv, .md"
expect_status 2 "unknown --format" "$waymark" --export="$tmp/x" --format=docx "$sample"
expect_status 2 "--import without --export" "$waymark" --import="$tmp/in.csv" "$sample"
expect_status 2 "--markdown-svgs without Markdown" "$waymark" --export="$tmp/x.pdf" --markdown-svgs \
  "$sample"
"$waymark" --help >"$tmp/help"
for word in PlantUML draw.io CSV Markdown --import; do
  contains "--help names $word" "$tmp/help" "$word"
done

# The traceability chains as CSV, read back by Python's csv module as a
# spreadsheet would: every row as wide as the header, the last cell yes/no.
expect "traceability CSV" "$waymark" --export="$tmp/trace.csv" --traceability "$sample"
if python3 - "$tmp/trace.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0][0] == 'Source diagram' and rows[0][-1] == 'Broken link', rows[0]
assert len(rows) > 1
for row in rows[1:]:
    assert len(row) == len(rows[0]) and row[-1] in ('yes', 'no'), row
PY
then echo "ok: the traceability CSV reads as a table"; else fail "the traceability CSV"; fi
expect_status 2 "--traceability without CSV" "$waymark" --export="$tmp/x.md" --traceability \
  "$sample"

if [ "$failures" -ne 0 ]; then
  echo "$failures failures" >&2
  exit 1
fi
