#!/bin/sh
# bench-edit.sh WM-BENCH BENCH-EDIT BENCH-OPEN SAMPLE [ITEMS]
#
# Generates a project of ITEMS items (100 000 by default) of each notation,
# runs tests/app/bench-edit.c on it on a virtual display and prints a table:
# the time to the first frame, the frame that selects 100 nodes, the frames
# of their drag (median and longest), of the drop and of a zoom to fit, and the memory per item above
# an empty window. Then the time from start to the first frame of SAMPLE
# (median of three runs of bench-open). Targets: open < 1.5 s, frames
# < 16 ms, < 2 KB an item, the sample < 300 ms.
set -eu

wm_bench=$1
bench_edit=$2
bench_open=$3
sample=$4
items=${5:-100000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

run() {
  xvfb-run -a -s "-screen 0 1280x800x24" "$@" 2>/dev/null
}

empty=$(run "$bench_edit" | sed -n 's/^rss: \([0-9]*\) KB/\1/p')
printf '%-26s %8s %8s %12s %10s %8s %8s %10s\n' notation open select "drag median" "drag max" \
  drop fit "KB/item"
for notation in business-model-canvas use-case value-stream-map customer-journey value-proposition-canvas; do
  "$wm_bench" generate --notation="$notation" --items="$items" "$tmp/$notation.waymark" >/dev/null
  out=$(run "$bench_edit" "$tmp/$notation.waymark")
  open=$(printf '%s\n' "$out" | sed -n 's/^open: \([0-9.]*\) s/\1/p')
  select=$(printf '%s\n' "$out" | sed -n 's/^select: \([0-9.]*\) ms/\1/p')
  median=$(printf '%s\n' "$out" | sed -n 's/^drag: median \([0-9.]*\) ms.*/\1/p')
  max=$(printf '%s\n' "$out" | sed -n 's/^drag: .* max \([0-9.]*\) ms.*/\1/p')
  drop=$(printf '%s\n' "$out" | sed -n 's/^drop: \([0-9.]*\) ms/\1/p')
  fit=$(printf '%s\n' "$out" | sed -n 's/^fit: \([0-9.]*\) ms/\1/p')
  rss=$(printf '%s\n' "$out" | sed -n 's/^rss: \([0-9]*\) KB/\1/p')
  per_item=$(awk -v r="${rss:-0}" -v e="${empty:-0}" -v n="$items" 'BEGIN { printf "%.2f", (r - e) / n }')
  printf '%-26s %7ss %6sms %10sms %8sms %6sms %6sms %10s\n' "$notation" "${open:-?}" \
    "${select:-?}" "${median:-?}" \
    "${max:-?}" "${drop:-?}" "${fit:-?}" "$per_item"
done
times=""
for run in 1 2 3; do
  t=$(run "$bench_open" "$sample" | sed -n 's/.*: \([0-9.]*\) s after process start/\1/p')
  times="$times $t"
done
median=$(printf '%s\n' $times | sort -n | sed -n 2p)
echo "sample $(basename "$sample"): first frame ${median} s (runs:$times)"
