#!/bin/sh
# check-json.sh WAYMARK SCHEMA SAMPLE
#
# waymark --check --format=json as a script reads it: every report, of the
# sample and of a project with problems, is valid JSON that the checked-in
# schema (data/waymark-check.schema.json) accepts, as python3-jsonschema
# validates it; its figures agree with the text report; and its numbers
# stay in the C locale under a German one.
set -eu

waymark=$1
schema=$2
sample=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Debian's python3-jsonschema (build-aux/deps.sh) lives with /usr/bin/python3,
# which another python3 on the PATH may hide.
python=
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import jsonschema' 2>/dev/null; then python=$candidate; break; fi
done
if [ -z "$python" ]; then
  echo "FAIL: no python3 with the jsonschema module (install python3-jsonschema)" >&2
  exit 1
fi

cat >"$tmp/problems.waymark" <<'EOF'
<?xml version="1.0"?>
<waymark-project format="1">
  <diagram id="vsm-1" notation="value-stream-map" name="Line &quot;A&quot;&#9;\ &lt;1&gt;">
    <node id="s" type="supplier" x="0" y="0" w="120" h="90" text="Mill"/>
    <node id="i" type="inventory" x="200" y="0" w="60" h="52" text="Steel" quantity="460"/>
    <node id="p" type="process" x="300" y="0" w="120" h="70" text="Cut" cycle-time="10"/>
    <link id="l1" type="push" source="s" target="i"/>
    <link id="l2" type="push" source="i" target="p"/>
  </diagram>
  <diagram id="bmc-1" notation="business-model-canvas" name="Canvas">
    <node id="note-a" type="note" x="0" y="0" w="120" h="80" text="Web shop" block="channels"
          links="gone-1"/>
  </diagram>
</waymark-project>
EOF

"$waymark" --check --format=json "$sample" >"$tmp/sample.json"
"$waymark" --check "$sample" >"$tmp/sample.txt"
LC_ALL=de_DE.UTF-8 LANGUAGE= "$waymark" --check --format=json "$sample" >"$tmp/sample-de.json"
"$waymark" --check --format=json "$tmp/problems.waymark" >"$tmp/problems.json"
"$waymark" --check --format=text "$tmp/problems.waymark" >"$tmp/problems.txt"

set +e
"$waymark" --check --format=xml "$sample" >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
if [ "$status" -ne 2 ] || ! grep -q "use text or json" "$tmp/err"; then
  echo "FAIL: --check --format=xml: exit $status, $(cat "$tmp/err")" >&2
  exit 1
fi
echo "ok: --format=xml is refused: $(cat "$tmp/err")"

exec "$python" - "$schema" "$tmp" <<'EOF'
import json
import re
import sys

import jsonschema

schema_path, tmp = sys.argv[1], sys.argv[2]
failures = 0


def check(condition, what):
    global failures
    print(("ok: " if condition else "FAIL: ") + what, file=sys.stdout if condition else sys.stderr)
    failures += 0 if condition else 1


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
validator_class = jsonschema.validators.validator_for(schema)
validator_class.check_schema(schema)
validator = validator_class(schema)


def load(name):
    with open(f"{tmp}/{name}", encoding="utf-8") as f:
        report = json.load(f)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        print(f"  {name}: {list(error.path)}: {error.message}", file=sys.stderr)
    check(not errors, f"{name} is valid against the schema")
    return report


def text_of(name):
    with open(f"{tmp}/{name}", encoding="utf-8") as f:
        return f.read()


# The sample: counts that add up, figures as the text report writes them.
sample = load("sample.json")
diagrams = sample["diagrams"]
check(sample["counts"]["diagrams"] == len(diagrams) == 6, "6 diagrams, counted")
check(sample["counts"]["nodes"] == sum(d["nodes"] for d in diagrams), "node count adds up")
check(sample["counts"]["links"] == sum(d["links"] for d in diagrams), "link count adds up")
check(sample["counts"]["problems"] == len(sample["problems"]), "problem count adds up")
text = text_of("sample.txt")
for d in diagrams:
    check(re.search(rf"{re.escape(d['notation'])} +{re.escape(d['id'])} +“{re.escape(d['name'])}”: "
                    rf"{d['nodes']} nodes?, {d['links']} links?", text) is not None,
          f"diagram {d['id']} as in the text report")
maps = [d for d in diagrams if d["metrics"] is not None]
check(len(maps) == 2, "two diagrams with figures (the value stream maps)")
for d in maps:
    for metric in d["metrics"]:
        line = f"  {metric['label']}: {metric['text']}"
        check(line in text, f"{d['id']} {metric['id']} “{metric['text']}” as in the text report")
    stocks = {m["item_id"]: m for m in d["metrics"] if m["id"] == "stock"}
    check(len(d["inventories"]) == len(stocks) > 0, f"{d['id']}: one inventory per stock figure")
    for inventory in d["inventories"]:
        stock = stocks.get(inventory["item_id"])
        check(stock is not None and stock["value"] == inventory["days"]
              and inventory["text"] in stock["label"],
              f"{d['id']}: inventory {inventory['item_id']} “{inventory['text']}”: "
              f"{inventory['days']} days")
    lead = next(m for m in d["metrics"] if m["id"] == "lead-time")
    check(isinstance(lead["value"], float) and lead["unit"] == "days", "lead time in days")

# Numbers are JSON's, not the locale's.
german = load("sample-de.json")
values = [m["value"] for d in maps for m in d["metrics"]]
german_values = [m["value"] for d in german["diagrams"] if d["metrics"] for m in d["metrics"]]
check(values == german_values, "the same numbers under de_DE.UTF-8")
check(any("," in m["text"] for d in german["diagrams"] if d["metrics"] for m in d["metrics"]),
      "the figures' text follows the locale (a decimal comma under de_DE.UTF-8)")

# A project with problems: escaped names, unknown figures, item ids.
problems = load("problems.json")
line = problems["diagrams"][0]
check(line["name"] == 'Line "A"\t\\ <1>', "a name with a quote, a tab, a backslash reads back")
takt = next(m for m in line["metrics"] if m["id"] == "takt")
check(takt["value"] is None and takt["unknown"], "an unknown takt time is null, with why")
check(line["inventories"] == [{"item_id": "i", "text": "Steel", "days": None}],
      "the inventory without a daily demand has null days")
stock = next(m for m in line["metrics"] if m["id"] == "stock")
check(stock["detail"] == {"value": 460, "unit": "pcs", "text": "460 pcs"}, "its pieces")
check(problems["counts"]["warnings"] >= 2, "warnings counted")
broken = [p for p in problems["problems"] if p["item_ids"] == ["note-a"]]
check(len(broken) == 1 and broken[0]["severity"] == "warning"
      and broken[0]["diagram_id"] == "bmc-1" and broken[0]["diagram_name"] == "Canvas"
      and "gone-1" in broken[0]["message"], "the broken link, with its item and diagram")
check(all(p["severity"] in ("warning", "note") for p in problems["problems"]), "severities")

# The text report lists the inventory's days too.
check("  Inventory “Steel”: unknown, the daily demand is not set" in text_of("problems.txt"),
      "the text report lists the inventory's days")

if failures:
    print(f"{failures} JSON checks failed", file=sys.stderr)
    sys.exit(1)
EOF
