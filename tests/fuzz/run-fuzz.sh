#!/bin/sh
# run-fuzz.sh FUZZ-LOAD SEED-DIR...
#
# Runs the loader fuzzer for WAYMARK_FUZZ_SECONDS (60 by default) on a
# scratch copy of the seed corpus, so that the source tree is never written.
# A crash fails the test and its input is printed in hex for the log.
set -eu

fuzzer=$1; shift
seconds=${WAYMARK_FUZZ_SECONDS:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

mkdir "$work/corpus" "$work/artifacts"
for dir in "$@"; do
  find "$dir" -maxdepth 1 -type f -name '*.waymark' -exec cp {} "$work/corpus/" \;
done
echo "seeds: $(ls "$work/corpus" | wc -l) files; fuzzing for ${seconds}s"

if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     -artifact_prefix="$work/artifacts/" "$work/corpus"; then
  exit 0
fi
for crash in "$work"/artifacts/*; do
  [ -f "$crash" ] || continue
  echo "== input that failed: $(basename "$crash")"
  od -A d -t x1 "$crash" | head -n 64
done
exit 1
