#!/bin/sh
# check-i18n.sh MODE SRCDIR [WAYMARK SAMPLE]
#
# The translation checks, one MODE per test:
#   translations  every language of po/LINGUAS is complete against the strings
#                 of today's sources (none untranslated, none fuzzy) and
#                 passes msgfmt --check;
#   selftest      the translations check on tiny catalogues made here: it
#                 passes a complete one and refuses the incomplete, fuzzy and
#                 broken ones, so that a check that could never fail is caught;
#   potfiles      po/POTFILES.in lists every file with marked strings (C
#                 sources and headers, .ui files with translatable="yes", the
#                 desktop, AppStream and GSettings files of data/) and nothing
#                 that does not exist;
#   sources       no user-visible literal is left unmarked (a scan of the calls
#                 that show text: labels, titles, tooltips, errors, toasts,
#                 painted text, the command line's output) and every
#                 "Translators:" comment sits where xgettext picks it up;
#   locale        WAYMARK --locale switches the messages too: with a catalogue
#                 made here, --check's report and the painted text of a PDF
#                 come out translated, and --locale=C keeps them English.
set -eu

mode=$1
srcdir=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The template of today's sources, made as meson's glib preset makes it.
make_pot() {
  (cd "$srcdir" && xgettext --package-name=waymark -f po/POTFILES.in -o "$1" \
     --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
     --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
     --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
     --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
     --flag=g_strdup_printf:1:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_set_error:4:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format)
}

# check_po PO POT: PO translates every message of POT, none fuzzy, and is
# well-formed. Prints why not and returns 1.
check_po() {
  po=$1
  pot=$2
  if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/msgfmt.err"; then
    echo "$po: msgfmt --check fails:" >&2
    cat "$tmp/msgfmt.err" >&2
    return 1
  fi
  msgmerge --quiet --no-wrap -o "$tmp/merged.po" "$po" "$pot"
  stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
  case $stats in
    *fuzzy* | *untranslated*)
      echo "$po is incomplete against the sources: $stats" >&2
      msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/merged.po" | grep '^msgid' | head -5 >&2 || true
      msgattrib --no-wrap --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid' | head -5 >&2 || true
      return 1 ;;
  esac
  echo "ok: $po: $stats"
}

check_translations() {
  make_pot "$tmp/waymark.pot"
  status=0
  languages=$(sed -e 's/#.*//' "$srcdir/po/LINGUAS" | tr -s ' \t' '\n' | grep -v '^$' || true)
  [ -n "$languages" ] || echo "ok: po/LINGUAS lists no language"
  for lang in $languages; do
    if [ ! -f "$srcdir/po/$lang.po" ]; then
      echo "po/LINGUAS lists $lang, but po/$lang.po does not exist" >&2
      status=1
    elif ! check_po "$srcdir/po/$lang.po" "$tmp/waymark.pot"; then
      status=1
    fi
  done
  [ $status -eq 0 ] || fail "some translations are incomplete or broken"
}

# A tiny template and catalogues for the selftest.
write_po() {
  cat >"$1" <<EOF
msgid ""
msgstr ""
"Project-Id-Version: waymark-test\n"
"PO-Revision-Date: 2026-01-01 00:00+0000\n"
"Last-Translator: check-i18n.sh\n"
"Language-Team: none\n"
"Language: de\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

#, c-format
msgid "%s has no name"
msgstr "$2"

#, c-format
msgid "%u item"
msgid_plural "%u items"
msgstr[0] "$3"
msgstr[1] "$4"
EOF
}

check_selftest() {
  write_po "$tmp/t.pot" "" "" ""
  write_po "$tmp/complete.po" "%s hat keinen Namen" "%u Element" "%u Elemente"
  check_po "$tmp/complete.po" "$tmp/t.pot" >/dev/null || fail "a complete catalogue is refused"
  write_po "$tmp/untranslated.po" "" "%u Element" "%u Elemente"
  write_po "$tmp/plural.po" "%s hat keinen Namen" "%u Element" ""
  write_po "$tmp/format.po" "%d hat keinen Namen" "%u Element" "%u Elemente"
  write_po "$tmp/fuzzy.po" "%s hat keinen Namen" "%u Element" "%u Elemente"
  sed -i 's/^#, c-format$/#, fuzzy, c-format/' "$tmp/fuzzy.po"
  # A catalogue made from an older template misses the newer messages.
  head -n 15 "$tmp/complete.po" >"$tmp/old.po"
  # Each is refused, and for its own fault.
  for case in untranslated:untranslated plural:'msgstr\[1\]' format:format fuzzy:fuzzy \
              old:untranslated; do
    bad=${case%%:*}
    why=${case#*:}
    if check_po "$tmp/$bad.po" "$tmp/t.pot" 2>"$tmp/why"; then
      fail "the $bad catalogue passes the translations check"
    fi
    grep -q "$why" "$tmp/why" || fail "the $bad catalogue is refused, but not as $why: $(cat "$tmp/why")"
    echo "ok: the $bad catalogue is refused: $(head -n 1 "$tmp/why")"
  done
}

check_potfiles() {
  cd "$srcdir"
  status=0
  {
    grep -rlE '(^|[^A-Za-z0-9_])((N?_|C_|NC_) ?\("|(ngettext|g_dngettext) ?\()' \
      --include='*.c' --include='*.h' app widgets renderers 2>/dev/null || true
    grep -rl 'translatable="yes"' --include='*.ui' resources 2>/dev/null || true
    # The data files xgettext reads: desktop entries, AppStream and GSettings.
    ls data/*.desktop.in data/*.xml.in data/*.gschema.xml 2>/dev/null || true
  } | sort -u >"$tmp/marked"
  while read -r f; do
    if ! grep -qx "$f" po/POTFILES.in; then
      echo "$f has translatable strings but is not in po/POTFILES.in" >&2
      status=1
    fi
  done <"$tmp/marked"
  for f in $(grep -v '^#' po/POTFILES.in | grep -v '^$'); do
    if [ ! -f "$f" ]; then
      echo "po/POTFILES.in lists $f, which does not exist" >&2
      status=1
    fi
  done
  [ $status -eq 0 ] || fail "po/POTFILES.in is out of date"
  echo "ok: po/POTFILES.in lists the $(wc -l <"$tmp/marked") files with marked strings"
}

check_sources() {
  # The template itself is valid: singular and plural take the same
  # arguments, and no string is a broken format.
  make_pot "$tmp/waymark.pot"
  sed -e 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/' \
      -e 's/charset=CHARSET/charset=UTF-8/' "$tmp/waymark.pot" >"$tmp/template.po"
  if ! msgfmt --check-format --check-domain -o /dev/null "$tmp/template.po"; then
    fail "msgfmt refuses the template of today's sources"
  fi
  echo "ok: msgfmt accepts the template ($(grep -c '^msgid ' "$tmp/waymark.pot") messages)"
  exec python3 - "$srcdir" <<'EOF'
import os
import re
import sys

root = sys.argv[1]
os.chdir(root)

# Literals the scan finds in a sink that are not words for a reader. Keep it
# short: a user-visible string belongs in _() instead. File, then the literal.
ALLOW = {
    # Samples that measure a line's height, never shown.
    ("renderers/wm-paint-journey.c", "Ag"),
    ("renderers/wm-paint-vpc.c", "Ag"),
    ("renderers/wm-paint-vsm.c", "Ag"),
    # PowerPoint's own name of the slide format in docProps/app.xml, not text on a slide.
    ("renderers/wm-pptx.c", "Widescreen"),
    # --textconv writes a fixed, machine-read line format for git diff.
    ("app/wm-cli-team.c", "%s diagram %s"),
    ("app/wm-cli-team.c", "%s list %s %s"),
    ("app/wm-cli-team.c", "node"),
    ("app/wm-cli-team.c", "link"),
}

# The calls that show text, and which of their arguments (0-based) do.
SINKS = {
    "gtk_label_new": [0], "gtk_label_new_with_mnemonic": [0], "gtk_label_set_text": [1],
    "gtk_label_set_markup": [1], "gtk_label_set_label": [1],
    "gtk_label_set_text_with_mnemonic": [1], "gtk_label_set_markup_with_mnemonic": [1],
    "gtk_button_set_label": [1], "gtk_button_new_with_label": [0],
    "gtk_button_new_with_mnemonic": [0], "gtk_check_button_new_with_label": [0],
    "gtk_check_button_set_label": [1], "gtk_menu_button_set_label": [1],
    "gtk_widget_set_tooltip_text": [1], "gtk_widget_set_tooltip_markup": [1],
    "g_menu_item_new": [0], "g_menu_append": [1], "g_menu_prepend": [1], "g_menu_insert": [2],
    "g_menu_append_section": [1], "g_menu_append_submenu": [1],
    "gtk_window_set_title": [1], "gtk_file_dialog_set_title": [1],
    "gtk_file_chooser_native_new": [0, 3, 4], "gtk_file_filter_set_name": [1],
    "gtk_entry_set_placeholder_text": [1], "gtk_text_set_placeholder_text": [1],
    "gtk_search_entry_set_placeholder_text": [1],
    "adw_toast_new": [0], "adw_toast_set_title": [1], "adw_toast_set_button_label": [1],
    "adw_message_dialog_new": [1, 2], "adw_message_dialog_set_heading": [1],
    "adw_message_dialog_set_body": [1], "adw_message_dialog_add_response": [2],
    "adw_message_dialog_format_heading": [1], "adw_message_dialog_format_body": [1],
    "adw_status_page_set_title": [1], "adw_status_page_set_description": [1],
    "adw_window_title_new": [0, 1], "adw_window_title_set_title": [1],
    "adw_window_title_set_subtitle": [1], "adw_preferences_group_set_title": [1],
    "adw_preferences_group_set_description": [1], "adw_preferences_page_set_title": [1],
    "adw_preferences_row_set_title": [1], "adw_action_row_set_subtitle": [1],
    "adw_expander_row_set_subtitle": [1], "adw_banner_new": [0], "adw_banner_set_title": [1],
    "adw_banner_set_button_label": [1],
    "g_set_error": [3], "g_set_error_literal": [3], "g_error_new": [2],
    "g_error_new_literal": [2], "g_task_return_new_error": [3], "g_prefix_error": [1],
    "g_propagate_prefixed_error": [2],
    "gtk_accessible_update_property": "accessible",
    # Painting (renderers/wm-draw.h); the renderers' own text helpers are added below.
    "wm_draw_text": [2], "wm_draw_label": [2], "wm_measure_text": [1],
    "wm_draw_sticky_note": [4], "pango_layout_set_text": [1], "pango_layout_set_markup": [1],
    "cairo_show_text": [1],
}
# The command line's output.
CLI_SINKS = {"g_print": [0], "g_printerr": [0], "g_string_append_printf": [1],
             "g_string_append": [1], "printf": [0], "fprintf": [1], "puts": [0]}
# Sinks whose shown argument is a format: the arguments after it are shown too.
PRINTF_LIKE = {"g_set_error", "g_error_new", "g_task_return_new_error", "g_prefix_error",
               "g_propagate_prefixed_error", "adw_message_dialog_format_heading",
               "adw_message_dialog_format_body", "g_print", "g_printerr",
               "g_string_append_printf", "printf", "fprintf"}
CLI_FILES = re.compile(r"app/(main|wm-cli[-a-z]*)\.c$")
# A renderer function that takes one of these parameters paints (or measures) it.
TEXT_PARAM = re.compile(r"const\s+char\s*\*\s*(text|label|caption|title|heading|word|message|"
                        r"subtitle|tooltip|kind|note)$")
MARKERS = re.compile(r"^(N?_|C_|NC_|Q_|ngettext|g_dngettext|g_dgettext|g_dpgettext2|dgettext)\s*\(")


def blank_comments(src):
    """@src with its comments blanked, keeping string literals and line numbers."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j]))
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
        elif src[i] in "\"'":
            j = i + 1
            while j < n and src[j] != src[i]:
                j += 2 if src[j] == "\\" else 1
            j += 1
            out.append(src[i:j])
        else:
            j = i + 1
            out.append(src[i])
        i = j
    return "".join(out)


def arguments(src, i):
    """The top-level arguments of the call whose "(" is at @i."""
    depth, args, cur, j, n = 0, [], [], i, len(src)
    while j < n:
        c = src[j]
        if c in "\"'":
            k = j + 1
            while k < n and src[k] != c:
                k += 2 if src[k] == "\\" else 1
            cur.append(src[j:k + 1])
            j = k + 1
            continue
        if c in "([{":
            depth += 1
            if depth == 1:
                j += 1
                continue
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return args
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
            j += 1
            continue
        cur.append(c)
        j += 1
    return args


LITERAL = re.compile(r'^(?:\s*"(?:[^"\\]|\\.)*"\s*)+$')


def literals(arg):
    """The texts of @arg's bare string literals: the whole argument, or the
    branches of a ?: ; a marked string (_("…")) is no bare literal."""
    arg = arg.strip()
    while arg.startswith("(") and arg.endswith(")"):
        arg = arg[1:-1].strip()
    parts = re.split(r"\?|:(?![^\"]*\"\s*$)", arg) if "?" in arg else [arg]
    texts = []
    for part in parts:
        part = part.strip()
        if LITERAL.match(part) and not MARKERS.match(part):
            texts.append("".join(re.findall(r'"((?:[^"\\]|\\.)*)"', part)))
    return texts


def readable(text):
    """Whether @text has words for a reader once format directives, escapes,
    G_*_FORMAT macros and the program's own name are gone."""
    t = re.sub(r"%[-+ #0-9.*$]*(?:hh|h|ll|l|z|j|t)?[a-zA-Z%]", "", text)
    t = re.sub(r"\\.", "", t)
    t = re.sub(r"\bwaymark\b", "", t)
    return re.search(r"[^\W\d_]{2,}", t) is not None


def sources():
    for top in ("app", "widgets", "renderers"):
        for dirpath, _dirs, files in os.walk(top):
            for name in sorted(files):
                if name.endswith((".c", ".h")):
                    yield os.path.join(dirpath, name)


texts = {path: blank_comments(open(path, encoding="utf-8").read()) for path in sources()}

helpers = {}
for path, src in texts.items():
    if not path.startswith("renderers/"):
        continue
    for m in re.finditer(r"^([a-z_][a-z0-9_]*)\s*\(([^;{]*?)\)\s*\{", src, re.M):
        params = [p.strip() for p in m.group(2).split(",")]
        which = [k for k, p in enumerate(params) if TEXT_PARAM.search(p)]
        if which:
            helpers[m.group(1)] = which

hits = []
for path, src in sorted(texts.items()):
    sinks = dict(SINKS)
    if path.startswith("renderers/"):
        sinks.update(helpers)
    if CLI_FILES.match(path):
        sinks.update(CLI_SINKS)
    for m in re.finditer(r"\b([a-z_][a-z0-9_]*)\s*\(", src):
        name = m.group(1)
        # A call, not the definition at the start of a line.
        if name not in sinks or src.rfind("\n", 0, m.start()) + 1 == m.start():
            continue
        args = arguments(src, m.end() - 1)
        which = sinks[name]
        if name in PRINTF_LIKE and which:
            which = list(range(which[0], len(args)))
        if which == "accessible":
            which = [k + 1 for k, a in enumerate(args[:-1])
                     if a in ("GTK_ACCESSIBLE_PROPERTY_LABEL", "GTK_ACCESSIBLE_PROPERTY_DESCRIPTION",
                              "GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER")]
        for k in which:
            for text in literals(args[k]) if k < len(args) else []:
                if readable(text) and (path, text) not in ALLOW:
                    line = src.count("\n", 0, m.start()) + 1
                    hits.append(f'{path}:{line}: {name} (…"{text}"…) shows a string not marked '
                                "for translation: wrap it in _() or N_()")

# A "Translators:" comment reaches the template only when the line after it
# (or the rest of its own line) has the marked string.
marked = re.compile(r"\b(N?_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(")
for path in sorted(texts):
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if re.search(r"/\*\s*(Translators|TRANSLATORS)\s*:", lines[i]):
            j = i
            while "*/" not in lines[j]:
                j += 1
            after = lines[j][lines[j].index("*/") + 2:]
            following = lines[j + 1] if j + 1 < len(lines) else ""
            if not (marked.search(after) or marked.search(following)):
                hits.append(f"{path}:{i + 1}: this translator comment is not right before the "
                            "line of a marked string, so xgettext drops it")
            i = j
        i += 1

for hit in hits:
    print(hit, file=sys.stderr)
if hits:
    print(f"FAIL: {len(hits)} problems", file=sys.stderr)
    sys.exit(1)
print(f"ok: no unmarked literal in {len(texts)} files ({len(helpers)} renderer text helpers)")
EOF
}

# A catalogue for the locale test, in Waymark's domain: a message of --check,
# a data-box label a value stream map paints and the title page's date
# format, made to stand out.
check_locale() {
  waymark=$3
  sample=$4
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    fail "the de_DE.UTF-8 locale is not generated (build-aux/deps.sh does it)"
  fi
  mkdir -p "$tmp/locale/de/LC_MESSAGES"
  cat >"$tmp/de.po" <<'EOF'
msgid ""
msgstr ""
"Project-Id-Version: waymark-test\n"
"PO-Revision-Date: 2026-01-01 00:00+0000\n"
"Last-Translator: check-i18n.sh\n"
"Language-Team: none\n"
"Language: de\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Uptime"
msgstr "QQVerfuegbarkeitQQ"

msgid "%u problem"
msgid_plural "%u problems"
msgstr[0] "%u QQProblemQQ"
msgstr[1] "%u QQProblemeQQ"

msgid "No problems found."
msgstr "QQKeine ProblemeQQ"

msgid "%-d %B %Y"
msgstr "%Y QQ%BQQ"
EOF
  msgfmt --check -o "$tmp/locale/de/LC_MESSAGES/waymark.mo" "$tmp/de.po"
  export WAYMARK_LOCALEDIR="$tmp/locale"
  # LANGUAGE set by the caller must not win over --locale.
  LANGUAGE=fr "$waymark" --locale=de_DE.UTF-8 --check "$sample" >"$tmp/de.txt"
  LANGUAGE=de "$waymark" --locale=C --check "$sample" >"$tmp/c.txt"
  grep -q 'QQ.*Probleme\?QQ' "$tmp/de.txt" || fail "--locale=de_DE.UTF-8 --check is not translated: $(head -c 300 "$tmp/de.txt")"
  ! grep -q 'QQ' "$tmp/c.txt" || fail "--locale=C --check is translated"
  echo "ok: --check's report follows --locale"
  LANGUAGE=fr "$waymark" --locale=de_DE.UTF-8 --export="$tmp/de.pdf" "$sample"
  "$waymark" --locale=C --export="$tmp/c.pdf" "$sample"
  pdftotext "$tmp/de.pdf" "$tmp/de-pdf.txt"
  pdftotext "$tmp/c.pdf" "$tmp/c-pdf.txt"
  grep -q 'QQVerfuegbarkeitQQ' "$tmp/de-pdf.txt" || fail "the PDF's painted data-box labels do not follow --locale"
  # The title page's date: the translated format, with the month's name in German.
  month=$(LC_ALL=de_DE.UTF-8 date +%B)
  grep -q "QQ${month}QQ" "$tmp/de-pdf.txt" || fail "the title page's date is not “QQ${month}QQ”: $(grep QQ "$tmp/de-pdf.txt" | head -3)"
  grep -q 'Uptime' "$tmp/c-pdf.txt" || fail "the C locale PDF has no “Uptime” label"
  ! grep -q 'QQ' "$tmp/c-pdf.txt" || fail "--locale=C paints translated text"
  echo "ok: the PDF's painted text follows --locale"
}

case $mode in
  translations) check_translations ;;
  selftest) check_selftest ;;
  potfiles) check_potfiles ;;
  sources) check_sources ;;
  locale) check_locale "$@" ;;
  *) fail "unknown mode $mode" ;;
esac
