#!/bin/sh
# Installs the MIME type into a throw-away shared-mime-info database and asks
# GIO, as Files and the file chooser do, what a project is: by its extension,
# and by its content when the extension is gone.
# Usage: check-mime.sh UPDATE-MIME-DATABASE GIO MIME-XML SAMPLE-PROJECT
set -u
update_mime_database=$1
gio=$2
mime_xml=$3
sample=$4
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/share/mime/packages" "$tmp/home"
cp "$mime_xml" "$tmp/share/mime/packages/"

# GIO reads the databases of XDG_DATA_HOME and XDG_DATA_DIRS: ours first, then
# the system's for application/xml itself. update-mime-database wants its
# directory among them too.
export XDG_DATA_HOME="$tmp/home"
export XDG_DATA_DIRS="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

# update-mime-database reports problems in a package on stderr without failing.
if ! "$update_mime_database" "$tmp/share/mime" 2>"$tmp/update.log" || [ -s "$tmp/update.log" ]; then
  cat "$tmp/update.log" >&2
  fail "update-mime-database did not accept $mime_xml"
fi

grep -qx 'application/x-waymark application/xml' "$tmp/share/mime/subclasses" ||
  fail "application/x-waymark is not a subclass of application/xml"
grep -q '<comment>Waymark project</comment>' "$tmp/share/mime/application/x-waymark.xml" ||
  fail "the type has no comment"

content_type () {
  "$gio" info --attributes=standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'
}

expect_type () {  # expect_type FILE TYPE WHY
  actual=$(content_type "$1")
  [ "$actual" = "$2" ] || fail "$3: expected $2, got '$actual'"
}

expect_type "$sample" application/x-waymark "the sample by its .waymark extension"

cp "$sample" "$tmp/untitled"
expect_type "$tmp/untitled" application/x-waymark "the sample without extension, by its content"

printf '<?xml version="1.0"?>\n<waymark-project format="1"/>\n' > "$tmp/minimal"
expect_type "$tmp/minimal" application/x-waymark "a minimal project without extension"

printf '<?xml version="1.0"?>\n<project format="1"/>\n' > "$tmp/other"
expect_type "$tmp/other" application/xml "another XML document without extension"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "application/x-waymark: found by its extension and by its content"
