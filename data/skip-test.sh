#!/bin/sh
# Stands in for a test whose tool is missing: says why and exits with 77,
# which meson reports as SKIP.
# Usage: skip-test.sh TOOL DEBIAN-PACKAGES
echo "SKIP: $1 not found; install $2 (build-aux/deps.sh does)" >&2
exit 77
