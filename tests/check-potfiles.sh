#!/bin/sh
# Every source file with a translatable string is listed in po/POTFILES.in,
# and every listed file exists.
set -eu
cd "$1"
status=0
for f in $(grep -rlE '(^|[^A-Za-z0-9_])N?_\("' --include='*.c' --include='*.h' app widgets renderers 2>/dev/null | sort); do
  if ! grep -qx "$f" po/POTFILES.in; then
    echo "$f has translatable strings but is not in po/POTFILES.in"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done
exit $status
