#!/bin/sh
# check-plantuml.sh EXPORT-PLANTUML PROJECT
#
# Runs the real PlantUML on the PlantUML export of every use-case diagram of
# PROJECT and of a generated diagram holding every construct the export
# writes: a syntax error, or a diagram PlantUML cannot draw as SVG, fails.
# Skips (77) only when PlantUML is not installed.
set -eu

tool=$1
project=$2

if ! command -v plantuml >/dev/null 2>&1; then
  echo "SKIP: plantuml is not installed (Debian package plantuml; build-aux/deps.sh installs it)"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

"$tool" "$project" > "$work/sample.puml"
"$tool" --generate=60 > "$work/generated.puml"

status=0
for file in "$work/sample.puml" "$work/generated.puml"; do
  name=$(basename "$file" .puml)
  blocks=$(grep -c '^@startuml' "$file")
  # -checkonly reads every block and reports the first syntax error.
  if ! plantuml -checkonly -failfast2 -nbthread 1 "$file" > "$work/$name.check" 2>&1; then
    echo "FAIL: PlantUML finds a syntax error in the export of $name:"
    cat "$work/$name.check"
    cat -n "$file"
    status=1
    continue
  fi
  # Drawing shows what -checkonly lets through: an error image is an SVG too,
  # so its text is checked as well.
  mkdir "$work/$name"
  if ! plantuml -tsvg -failfast2 -nbthread 1 -o "$work/$name" "$file" > "$work/$name.draw" 2>&1; then
    echo "FAIL: PlantUML cannot draw the export of $name:"
    cat "$work/$name.draw"
    status=1
    continue
  fi
  drawn=$(find "$work/$name" -name '*.svg' | wc -l)
  if [ "$drawn" -ne "$blocks" ]; then
    echo "FAIL: $name has $blocks diagrams, PlantUML drew $drawn"
    status=1
  fi
  if grep -l -i -E 'Syntax Error|Cannot find|An error has occured' "$work/$name"/*.svg; then
    echo "FAIL: PlantUML drew an error for $name"
    status=1
  fi
  echo "ok: $name: $blocks diagram(s) checked and drawn by $(plantuml -version | head -n 1)"
done
exit $status
