#!/bin/sh
# bench-open.sh WM-BENCH BENCH-OPEN [ITEMS]
#
# Generates a project of ITEMS items (100 000 by default) of each notation
# and prints, for each, the median of three runs of the time from process
# start to the first frame that shows it (tests/app/bench-open.c), on a
# virtual display. The target is 1.5 s.
set -eu

wm_bench=$1
bench_open=$2
items=${3:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for notation in business-model-canvas use-case value-stream-map customer-journey; do
  "$wm_bench" generate --notation="$notation" --items="$items" "$tmp/$notation.waymark" >/dev/null
  times=""
  for run in 1 2 3; do
    t=$(xvfb-run -a -s "-screen 0 1280x800x24" "$bench_open" "$tmp/$notation.waymark" 2>/dev/null |
        sed -n 's/.*: \([0-9.]*\) s after process start/\1/p')
    times="$times $t"
  done
  median=$(printf '%s\n' $times | sort -n | sed -n 2p)
  echo "$notation ($items items): first frame ${median} s (runs:$times)"
done
