#!/bin/sh
# check-sample.sh MAKE-SAMPLE CHECKED-IN
#
# Fails when the checked-in sample project is not byte for byte what
# make-sample writes now, that is when the generator, the model or the writer
# changed and nobody regenerated the sample.
set -eu

if [ $# -ne 2 ]; then
  echo "usage: $0 MAKE-SAMPLE CHECKED-IN" >&2
  exit 2
fi
make_sample=$1
checked_in=$2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$make_sample" "$tmp/bean-box.waymark"

if ! cmp -s "$tmp/bean-box.waymark" "$checked_in"; then
  echo "$checked_in differs from what make-sample writes:" >&2
  diff -u "$checked_in" "$tmp/bean-box.waymark" | head -n 40 >&2 || true
  echo "the sample was not regenerated: run make-sample" >&2
  echo "  $make_sample $checked_in" >&2
  exit 1
fi
echo "$checked_in is make-sample's output"
