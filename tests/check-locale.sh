#!/bin/sh
# check-locale.sh WAYMARK SAMPLE
#
# Numbers in exports follow one rule: the user's locale, or --locale's. The
# sample's presentation PDF, exported under de_DE.UTF-8 and read back with
# pdftotext, writes every decimal figure with a comma, and none with a
# point; decimal points are left only where the analyst typed them (a
# version "1.2", a price "€3.90"). Under C the same figures have points.
set -eu

waymark=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
  echo "FAIL: the de_DE.UTF-8 locale is not generated (build-aux/deps.sh does it)" >&2
  exit 1
fi

# A locale that is not installed is a clear, one-line usage error.
set +e
"$waymark" --locale=xx_YY.UTF-8 --export="$tmp/x.pdf" "$sample" >"$tmp/out" 2>"$tmp/err"
status=$?
set -e
if [ "$status" -ne 2 ] || [ "$(wc -l <"$tmp/err")" -ne 1 ] || ! grep -q "xx_YY" "$tmp/err"; then
  echo "FAIL: --locale=xx_YY.UTF-8: exit $status, $(cat "$tmp/err")" >&2
  exit 1
fi
echo "ok: an unknown locale is refused: $(cat "$tmp/err")"

"$waymark" --locale=de_DE.UTF-8 --export="$tmp/de.pdf" "$sample"
LC_ALL=de_DE.UTF-8 LANGUAGE= "$waymark" --export="$tmp/env.pdf" "$sample"
"$waymark" --locale=C --export="$tmp/c.pdf" "$sample"
"$waymark" --locale=de_DE.UTF-8 --check --format=json "$sample" >"$tmp/de.json"
"$waymark" --locale=C --check --format=json "$sample" >"$tmp/c.json"
for name in de env c; do pdftotext "$tmp/$name.pdf" "$tmp/$name.txt"; done

exec python3 - "$sample" "$tmp" <<'EOF'
import json
import re
import sys
import xml.etree.ElementTree as ET

sample, tmp = sys.argv[1], sys.argv[2]
failures = 0


def check(condition, what):
    global failures
    print(("ok: " if condition else "FAIL: ") + what, file=sys.stdout if condition else sys.stderr)
    failures += 0 if condition else 1


def read(name):
    with open(f"{tmp}/{name}", encoding="utf-8") as f:
        return f.read()


# What the analyst typed as text: every text of the project file and its
# attributes, but not numbers, which the file keeps in the C locale and the
# pages write in the user's (a KPI's value="6.5" is "6,5%" in German). The
# canvas's version is text that looks like a number: "1.2" stays "1.2".
NUMBER = re.compile(r"-?\d+(\.\d+)?")
typed = []
for element in ET.parse(sample).iter():
    typed.extend(value for name, value in element.attrib.items()
                 if name == "version" or not NUMBER.fullmatch(value))
    typed.append(element.text or "")
typed = "\n".join(typed)

# A decimal number: digits, a separator, digits, not part of a longer
# run of dots or commas (dates 2026-11-23, lists "1, 2", ids stay out).
DECIMAL = r"(?<![\d.,])\d+{sep}\d+(?![\d]|[.,]\d)"


def decimals(text, sep):
    return re.findall(DECIMAL.format(sep=re.escape(sep)), text)


def not_typed(numbers):
    return sorted({n for n in numbers if n not in typed})


german = read("de.txt")
points = not_typed(decimals(german, "."))
check(not points, f"no figure with a decimal point under de_DE.UTF-8 {points}")
commas = not_typed(decimals(german, ","))
check(len(commas) >= 5, f"figures with a decimal comma under de_DE.UTF-8: {commas}")
check(read("env.txt") == german, "LC_ALL=de_DE.UTF-8 gives the same text as --locale")

english = read("c.txt")


def figure_texts(name):
    report = json.loads(read(name))
    return [m["text"] for d in report["diagrams"] if d["metrics"] for m in d["metrics"]]


# The figures --check computes: each decimal one that the pages show under
# C, they show under de_DE.UTF-8 as --check writes it there, comma and all.
pairs = {(c, de) for c, de in zip(figure_texts("c.json"), figure_texts("de.json"))
         if re.search(r"\d\.\d", c) and c in english}
check(len(pairs) >= 5, f"{len(pairs)} decimal figures of --check on the pages")
for c, de in sorted(pairs):
    check(de == c.replace(".", ","), f"--check writes “{c}” as “{de}” under de_DE.UTF-8")
    check(de in german, f"the PDF shows “{de}”")
# The journey's KPIs, once written with a point whatever the locale.
check(re.search(r"\d,\d%", german) is not None, "a KPI per cent with a comma (“6,5%”)")

check(not not_typed(decimals(english, ",")), "no figure with a decimal comma under C")
check(len(not_typed(decimals(english, "."))) >= 5, "figures with a decimal point under C")

if failures:
    print(f"{failures} locale checks failed", file=sys.stderr)
    sys.exit(1)
EOF
