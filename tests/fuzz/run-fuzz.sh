#!/bin/sh
# run-fuzz.sh FUZZER [-LIBFUZZER-FLAG=VALUE...] SEED-DIR...
#
# Runs a libFuzzer target for WAYMARK_FUZZ_SECONDS (60 by default) on a
# scratch copy of the seed corpus, so that the source tree is never written.
# Flags after the fuzzer (-max_len, -timeout) go to libFuzzer after the
# defaults, which they override. A crash, a sanitizer report or an input
# slower than -timeout fails the test, and the input is printed in hex for
# the log. The seeds are the directories' files named
# $WAYMARK_FUZZ_SEED_NAME (a find -name pattern, *.waymark by default).
set -eu

fuzzer=$1; shift
seconds=${WAYMARK_FUZZ_SECONDS:-60}
flags=
while [ $# -gt 0 ]; do
  case $1 in
    -*) flags="$flags $1"; shift ;;
    *) break ;;
  esac
done
# A report of UndefinedBehaviorSanitizer stops the run like a crash.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:abort_on_error=1:print_stacktrace=1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

mkdir "$work/corpus" "$work/artifacts"
for dir in "$@"; do
  find "$dir" -maxdepth 1 -type f -name "${WAYMARK_FUZZ_SEED_NAME:-*.waymark}" \
    -exec cp {} "$work/corpus/" \;
done
echo "$(basename "$fuzzer"): seeds: $(ls "$work/corpus" | wc -l) files; fuzzing for ${seconds}s"

# shellcheck disable=SC2086 # the flags are words of their own
if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
     $flags -artifact_prefix="$work/artifacts/" "$work/corpus"; then
  exit 0
fi
for crash in "$work"/artifacts/*; do
  [ -f "$crash" ] || continue
  echo "== input that failed: $(basename "$crash") ($(wc -c < "$crash") bytes)"
  od -A d -t x1 "$crash" | head -n 64
done
exit 1
