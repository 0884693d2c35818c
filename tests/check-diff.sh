#!/bin/sh
# check-diff.sh WAYMARK SAMPLE
#
# waymark --diff, --textconv and the visual diff, as the real binary runs
# them: diff(1)'s exit codes, a readable report, JSON that python3 parses, a
# textconv that is stable and that git uses for a readable `git diff`, and a
# visual diff PDF with a page per changed diagram and the change colours
# on it (read back by poppler), PNG and SVG too (SVG read by librsvg).
set -eu

# git runs the textconv command from the repository: the path must be absolute.
waymark=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0

ok () { echo "ok: $1"; }
fail () { echo "FAIL: $1" >&2; failures=$((failures + 1)); }

# expect NAME CODE COMMAND...: the command exits with CODE, its stdout in $tmp/out.
expect () {
  name=$1 code=$2
  shift 2
  set +e
  "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  if [ "$rc" -eq "$code" ]; then ok "$name"; else fail "$name: exit $rc, not $code"; cat "$tmp/err" >&2; fi
}

contains () {
  if grep -qF -- "$3" "$2"; then ok "$1"; else fail "$1: “$3” not in $2"; cat "$2" >&2; fi
}

# The edits a reviewer would look at, made on the file itself: a renamed
# and re-timed process, a moved note, a removed arrow, a new note and a
# renamed journey.
sed -e '/id="process-78"/s/text="Roasting" cycle-time="27"/text="Roasting beans" cycle-time="31"/' \
    -e 's/<node id="note-2" type="note" x="28" y="48"/<node id="note-2" type="note" x="58" y="88"/' \
    -e '/<link id="push-93" /d' \
    -e 's/name="Subscriber journey"/name="Maya’s journey"/' \
    -e 's|^\(    <node id="note-3" .*\)$|\1\n    <node id="note-x7k2m9qa" type="note" x="28" y="700" w="120" h="80" text="Barista courses" block="key-partners"/>|' \
    "$sample" >"$tmp/new.waymark"
cp "$sample" "$tmp/old.waymark"

# Exit codes, as diff(1).
expect "equal projects: exit 0" 0 "$waymark" --diff="$tmp/old.waymark" "$sample"
if [ -s "$tmp/out" ]; then fail "equal projects print nothing"; else ok "equal projects print nothing"; fi
expect "changed projects: exit 1" 1 "$waymark" --diff "$tmp/old.waymark" "$tmp/new.waymark"
cp "$tmp/out" "$tmp/report"
expect "a missing file: exit 2" 2 "$waymark" --diff="$tmp/old.waymark" "$tmp/nowhere.waymark"
printf '<waymark-project format="1"><diagram' >"$tmp/broken.waymark"
expect "a broken file: exit 2" 2 "$waymark" --diff="$tmp/broken.waymark" "$tmp/new.waymark"
contains "the error names the file" "$tmp/err" "broken.waymark"
expect "two NEW files: exit 2" 2 "$waymark" --diff="$tmp/old.waymark" "$tmp/new.waymark" "$sample"

# The report speaks of diagrams and items by name.
contains "diagram named" "$tmp/report" "Diagram “Fulfilment value stream (current state)”"
contains "text old → new" "$tmp/report" "text: “Roasting” → “Roasting beans”"
contains "property old → new" "$tmp/report" "cycle-time: “27” → “31”"
contains "item named with its type" "$tmp/report" "~ Process “Roasting beans” [process-78]"
contains "a move as a distance" "$tmp/report" "moved 50 (+30, +40)"
contains "removed item" "$tmp/report" "- Push arrow"
contains "added item" "$tmp/report" "+ Sticky note “Barista courses” [note-x7k2m9qa]"
contains "renamed diagram" "$tmp/report" "renamed: “Subscriber journey” → “Maya’s journey”"

# JSON for tools.
expect "--format=json: exit 1" 1 "$waymark" --diff="$tmp/old.waymark" "$tmp/new.waymark" --format=json
if python3 -m json.tool "$tmp/out" >/dev/null; then ok "the JSON parses"; else fail "the JSON parses"; fi
if python3 - "$tmp/out" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["equal"] is False
diagrams = {d["id"]: d for d in report["diagrams"]}
assert set(diagrams) == {"bmc-1", "vsm-73", "cj-111"}, sorted(diagrams)
changes = diagrams["vsm-73"]["changes"]
cycle = [c for c in changes if c.get("property") == "cycle-time"]
assert cycle == [{"scope": "item", "kind": "modified", "diagram": "vsm-73", "id": "process-78",
                  "type": "process", "text": "Roasting beans", "property": "cycle-time",
                  "old": "27", "new": "31"}], cycle
move = [c for c in diagrams["bmc-1"]["changes"] if c["kind"] == "moved"][0]
assert (move["dx"], move["dy"], move["distance"]) == (30, 40, 50), move
assert any(c["kind"] == "removed" and c["id"] == "push-93" for c in changes)
EOF
then ok "the JSON holds the changes"; else fail "the JSON holds the changes"; fi
expect "equal JSON: exit 0" 0 "$waymark" --diff="$tmp/old.waymark" "$sample" --format=json
contains "equal JSON says so" "$tmp/out" '"equal": true'

# --textconv: stable, and the same for a file written again by Waymark.
"$waymark" --textconv "$sample" >"$tmp/t1"
"$waymark" --textconv "$sample" >"$tmp/t2"
if cmp -s "$tmp/t1" "$tmp/t2"; then ok "textconv stable across runs"; else fail "textconv stable"; fi
"$waymark" --export="$tmp/resaved.waymark" "$sample"
"$waymark" --textconv "$tmp/resaved.waymark" >"$tmp/t3"
if cmp -s "$tmp/t1" "$tmp/t3"; then ok "textconv of a re-saved file"; else fail "textconv of a re-saved file"; fi
items=$(grep -c '<node \|<link ' "$sample")
lines=$(awk '$2 == "node" || $2 == "link"' "$tmp/t1" | wc -l)
if [ "$items" -eq "$lines" ]; then ok "one line per item ($lines)"; else fail "$lines lines for $items items"; fi
expect "textconv of a broken file: exit 2" 2 "$waymark" --textconv "$tmp/broken.waymark"

# git diff through the textconv driver.
if command -v git >/dev/null; then
  repo=$tmp/repo
  mkdir "$repo"
  git -C "$repo" init -q
  git -C "$repo" config user.email test@example.org
  git -C "$repo" config user.name Test
  git -C "$repo" config diff.waymark.textconv "$waymark --textconv"
  echo '*.waymark diff=waymark' >"$repo/.gitattributes"
  cp "$tmp/old.waymark" "$repo/project.waymark"
  git -C "$repo" add .gitattributes project.waymark
  git -C "$repo" commit -q -m base
  cp "$tmp/new.waymark" "$repo/project.waymark"
  git -C "$repo" diff >"$tmp/gitdiff"
  contains "git diff: the old line" "$tmp/gitdiff" "-vsm-73 node process-78 process text=Roasting at="
  contains "git diff: the new line" "$tmp/gitdiff" "+vsm-73 node process-78 process text=\"Roasting beans\" at="
  contains "git diff: the added note" "$tmp/gitdiff" "+bmc-1 node note-x7k2m9qa note text=\"Barista courses\""
  contains "git diff: the removed arrow" "$tmp/gitdiff" "-vsm-73 link push-93 push"
  changed=$(grep -c '^[-+][^-+]' "$tmp/gitdiff")
  # 2 items changed and 1 diagram renamed (a line out, a line in each), 1 added, 1 removed.
  if [ "$changed" -eq 8 ]; then ok "git diff: only the changed lines ($changed)"; else
    fail "git diff: $changed changed lines, not 8"; cat "$tmp/gitdiff" >&2; fi
  git -C "$repo" commit -q -am edit
  git -C "$repo" log -p -1 >"$tmp/gitlog"
  contains "git log -p uses it too" "$tmp/gitlog" "+vsm-73 node process-78"
else
  fail "git is not installed (build-aux/deps.sh installs it)"
fi

# The visual diff: a PDF page per changed diagram, PNG, SVG.
expect "visual diff PDF: exit 1" 1 "$waymark" --export="$tmp/diff.pdf" --diff="$tmp/old.waymark" "$tmp/new.waymark"
pages=$(pdfinfo "$tmp/diff.pdf" | sed -n 's/^Pages: *//p')
if [ "$pages" = 3 ]; then ok "a page per changed diagram"; else fail "$pages pages, not 3"; fi
pdftotext "$tmp/diff.pdf" "$tmp/diff.txt"
contains "the legend counts" "$tmp/diff.txt" "Added: 1"
contains "the legend counts removals" "$tmp/diff.txt" "Removed: 1"
# Page 1 (the canvas) has the added note in green and the moved one in
# amber; page 2 (the value stream) the removed arrow in red.
pdftoppm -r 40 "$tmp/diff.pdf" "$tmp/page"
if python3 - "$tmp"/page-1.ppm "$tmp"/page-2.ppm <<'EOF'
import sys

def pixels(path):
    data = open(path, "rb").read()
    fields, at = [], 0
    while len(fields) < 4:
        while data[at:at + 1].isspace():
            at += 1
        end = at
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[at:end])
        at = end
    body = data[at + 1:]
    return [tuple(body[i:i + 3]) for i in range(0, len(body), 3)]

def has(path, colour):
    r0, g0, b0 = colour
    return any(abs(r - r0) < 30 and abs(g - g0) < 30 and abs(b - b0) < 30 for r, g, b in pixels(path))

green, red, amber = (41, 158, 69), (214, 46, 33), (245, 158, 0)
assert has(sys.argv[1], green), "no green on page 1"
assert has(sys.argv[1], amber), "no amber on page 1"
assert has(sys.argv[2], red), "no red on page 2"
EOF
then ok "the change colours are drawn"; else fail "the change colours are drawn"; fi
expect "visual diff PNG" 1 "$waymark" --export="$tmp/diff.png" --diff="$tmp/old.waymark" "$tmp/new.waymark" --diagram=vsm-73
if [ "$(head -c 8 "$tmp/diff.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; then
  ok "a PNG"; else fail "a PNG"; fi
expect "visual diff SVG" 1 "$waymark" --export="$tmp/diff.svg" --diff="$tmp/old.waymark" "$tmp/new.waymark"
if rsvg-convert -o "$tmp/svg.png" "$tmp/diff.svg"; then ok "librsvg reads the SVG"; else fail "librsvg reads the SVG"; fi
expect "no visual diff of equal projects: exit 0" 0 "$waymark" --export="$tmp/same.pdf" --diff="$tmp/old.waymark" "$sample"
if [ -e "$tmp/same.pdf" ]; then fail "nothing written when nothing changed"; else ok "nothing written when nothing changed"; fi

[ "$failures" -eq 0 ]
