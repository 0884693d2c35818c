#!/bin/sh
# Checks the application icons against what the icon theme and GNOME expect:
# well-formed SVG, the 128 px app icon and the 16 px symbolic icon, a
# symbolic icon in #2e3436 only (GTK recolours exactly that), and a desktop
# entry naming the icon that is installed. Renders both with rsvg-convert when
# it is there, as GTK's loader would.
# Usage: check-icons.sh XMLLINT APP-ICON SYMBOLIC-ICON DESKTOP-FILE
set -u
xmllint=$1
app_icon=$2
symbolic_icon=$3
desktop_file=$4
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

svg_attr () {  # svg_attr FILE ATTRIBUTE
  "$xmllint" --xpath "string(/*[local-name()='svg']/@$2)" "$1"
}

check_svg () {  # check_svg FILE SIZE
  "$xmllint" --noout "$1" || { fail "$1 is not well-formed XML"; return; }
  for attr in width height; do
    [ "$(svg_attr "$1" $attr)" = "$2" ] || fail "$1: $attr is not $2"
  done
  [ "$(svg_attr "$1" viewBox)" = "0 0 $2 $2" ] || fail "$1: viewBox is not 0 0 $2 $2"
  ! grep -q -e '<text' -e '<image' -e 'href="http' "$1" || fail "$1 has text, a bitmap or a link"
}

check_svg "$app_icon" 128
check_svg "$symbolic_icon" 16

colours=$(grep -o -i '#[0-9a-f]\{3,6\}\b' "$symbolic_icon" | tr 'A-F' 'a-f' | sort -u | tr '\n' ' ')
[ "$colours" = "#2e3436 " ] || fail "$symbolic_icon uses colours other than #2e3436: $colours"

icon_name=$(sed -n 's/^Icon=//p' "$desktop_file")
[ "$(basename "$app_icon" .svg)" = "$icon_name" ] ||
  fail "the desktop entry names the icon '$icon_name', the app icon is $(basename "$app_icon")"
[ "$(basename "$symbolic_icon" .svg)" = "$icon_name-symbolic" ] ||
  fail "the symbolic icon is not named $icon_name-symbolic.svg"

if command -v rsvg-convert >/dev/null 2>&1; then
  for icon in "$app_icon" "$symbolic_icon"; do
    rsvg-convert "$icon" >/dev/null || fail "rsvg-convert cannot render $icon"
  done
else
  echo "note: rsvg-convert not found (librsvg2-bin), icons not rendered"
fi

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "icons: well-formed, sized, named as the desktop entry says"
