#!/bin/sh
# check-git-merge.sh WAYMARK MERGE-EDIT SAMPLE UNRELATED — Waymark as git's
# merge driver.
#
# First, hostile inputs to waymark --merge (an invalid file, a newer format,
# an unrelated project UNRELATED) must fail with exit 2 and one line, and
# leave OURS byte-identical.
#
# Sets up a temporary repository with the .gitattributes and git config lines
# of the README ("Working as a team"), makes two branches with edits made
# through the model API (merge-edit), and runs real git merges: one whose
# edits do not overlap (clean, both sides' edits in the result) and one
# where both sides renamed the same step (a conflict recorded in the file,
# reported by --check, the merge stopped by git).
#
# Copyright 2026 The Waymark authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

waymark=$(realpath "$1")
edit=$(realpath "$2")
sample=$(realpath "$3")
unrelated=$(realpath "$4")

if ! command -v git >/dev/null 2>&1; then
  echo "git is not installed (build-aux/deps.sh installs it)"
  exit 77
fi

fail () {
  echo "FAIL: $*" >&2
  exit 1
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/repo

# 0. Hostile inputs leave OURS as it was.
expect_refused () {
  cp "$sample" "$tmp/ours.waymark"
  set +e
  "$waymark" --merge "$1" "$tmp/ours.waymark" "$2" 2>"$tmp/err"
  status=$?
  set -e
  [ "$status" -eq 2 ] || fail "$3: exit $status, not 2"
  [ "$(wc -l <"$tmp/err")" -ge 1 ] || fail "$3: no message"
  head -n 1 "$tmp/err" | grep -q '^waymark: ' || fail "$3: the message is not one line"
  cmp -s "$sample" "$tmp/ours.waymark" || fail "$3: OURS changed"
}
printf '<waymark-project format="1"><diagram' > "$tmp/broken.waymark"
sed 's/format="1"/format="99"/' "$sample" > "$tmp/newer.waymark"
expect_refused "$sample" "$tmp/broken.waymark" "an invalid file"
expect_refused "$sample" "$tmp/newer.waymark" "a newer format"
expect_refused "$tmp/newer.waymark" "$sample" "a newer base"
expect_refused "$sample" "$unrelated" "an unrelated project"
grep -q 'no diagram in common' "$tmp/err" || fail "unrelated projects are not named as such"
git init -q "$repo"
cd "$repo"
git config user.email test@example.com
git config user.name "Merge test"
git config commit.gpgsign false
# The lines the README gives, pointing at the built binary.
printf '*.waymark merge=waymark diff=waymark\n' > .gitattributes
git config merge.waymark.name "Waymark three-way merge"
git config merge.waymark.driver "\"$waymark\" --merge %O %A %B"

cp "$sample" bean-box.waymark
git add .gitattributes bean-box.waymark
git commit -q -m base
git branch -M main

# 1. Edits that do not overlap merge cleanly.
git checkout -q -b theirs-clean
"$edit" bean-box.waymark move process-77 30 0
theirs_node=$("$edit" bean-box.waymark add-node vsm-73 process "Their new step")
git commit -q -am "theirs: move sorting, add a step"
git checkout -q main
"$edit" bean-box.waymark text process-79 "Packing and weighing"
ours_node=$("$edit" bean-box.waymark add-node vsm-73 process "Our new step")
git commit -q -am "ours: rename packing, add a step"
git merge -q --no-edit theirs-clean || fail "a merge without overlapping edits stopped"
grep -q 'id="process-77" type="process" x="210"' bean-box.waymark || fail "their move is lost"
grep -q "id=\"$theirs_node\"" bean-box.waymark || fail "their new step is lost"
grep -q "id=\"$ours_node\"" bean-box.waymark || fail "our new step is lost"
grep -q 'text="Packing and weighing"' bean-box.waymark || fail "our rename is lost"
! grep -q '<conflict' bean-box.waymark || fail "a clean merge recorded a conflict"
"$waymark" --check bean-box.waymark >/dev/null || fail "the merged file does not load"

# 2. Both rename the same step: git stops, the file keeps ours and records theirs.
git checkout -q -b theirs-conflict
"$edit" bean-box.waymark text process-78 "Roasting (theirs)"
"$edit" bean-box.waymark text process-80 "Dispatch"
git commit -q -am "theirs: rename roasting and dispatch"
git checkout -q main
"$edit" bean-box.waymark text process-78 "Roasting (ours)"
git commit -q -am "ours: rename roasting"
if git merge -q --no-edit theirs-conflict >/dev/null 2>&1; then
  fail "a merge with a conflict succeeded"
fi
git status --porcelain | grep -q '^UU bean-box.waymark' || fail "git does not see the conflict"
grep -q 'text="Roasting (ours)"' bean-box.waymark || fail "ours is not kept"
grep -q 'text="Dispatch"' bean-box.waymark || fail "their other edit is lost"
grep -q '<conflict diagram="vsm-73" item="process-78" property="text">' bean-box.waymark ||
  fail "the conflict is not recorded"
grep -q '<theirs>Roasting (theirs)</theirs>' bean-box.waymark || fail "their value is not recorded"
out=$("$waymark" --check bean-box.waymark) || fail "the merged file does not load"
echo "$out" | grep -q 'error: .*Merge conflict' || fail "--check does not report the conflict"
if "$waymark" --check --strict bean-box.waymark >/dev/null; then
  fail "--check --strict passes a file with a conflict"
fi
echo "ok: git merges with waymark --merge"
