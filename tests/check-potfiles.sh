#!/bin/sh
# Every file with a translatable string is listed in po/POTFILES.in, and
# every listed file exists: check-i18n.sh's potfiles check.
exec "$(dirname "$0")/check-i18n.sh" potfiles "$1"
