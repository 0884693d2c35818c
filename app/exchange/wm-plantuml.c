/* wm-plantuml.c — use-case diagrams as PlantUML text, in and out
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export writes what PlantUML's use-case syntax can say: actors, use
 * cases, subjects as rectangles, packages, notes and the five kinds of link.
 * What it cannot say (the use cases' details, positions) stays behind.
 *
 * The import reads that syntax as people write it, line by line, and lays
 * each diagram out with Graphviz. Input is untrusted: lines, texts, items,
 * nesting and warnings are all bounded, and nothing recurses on the input.
 */
#define G_LOG_DOMAIN "wm-plantuml"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-error.h"
#include "wm-layout.h"
#include "wm-limits.h"
#include "wm-plantuml-private.h"
#include "wm-use-case.h"

/* The export
 *
 * Every element is named in links by its "reference": a plain word for an
 * actor whose name is one ("Customer"), the name in parentheses for a use
 * case named with letters, digits and spaces ("(Browse coffees)"), and an
 * alias made from the item's id ("use_case_45") for every other name, so
 * that punctuation never meets PlantUML's parser outside quotes. */

#define ZERO_WIDTH_SPACE "\u200b"

/* Words PlantUML reads as commands at the start of a line: an actor named
 * like one gets an alias. */
static const char *const keywords[] = {
  "actor", "usecase", "rectangle", "package", "note", "title", "skinparam", "left", "top",
  "hide", "show", "end", "legend", "header", "footer", "caption", "scale", "together",
  "frame", "folder", "node", "cloud", "database", "component", "as", "of", "on", "link",
};

typedef struct
{
  WmDiagram  *diagram;
  GString    *out;
  GHashTable *refs;      /* item id → its reference in links */
  GHashTable *codes;     /* the codes already taken */
  GHashTable *children;  /* container id → GPtrArray of its nodes, in z-order */
  GHashTable *anchors;   /* note id → GPtrArray of the ids it is anchored to */
  GHashTable *linked;    /* node id → how many written links end at it */
} Writer;

static gboolean
is_type (const WmItem *item,
         const char   *type_id)
{
  return item != NULL && g_str_equal (item->type->id, type_id);
}

static gboolean
is_exported_node (const WmItem *item)
{
  return is_type (item, "actor") || is_type (item, "use-case") || is_type (item, "subject") ||
         is_type (item, "package") || is_type (item, "note");
}

static gboolean
is_keyword (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_ascii_strcasecmp (word, keywords[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @name is a PlantUML identifier that no command takes for its own. */
static gboolean
is_plain_word (const char *name)
{
  if (name[0] == '\0' || g_ascii_isdigit (name[0]) || is_keyword (name))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* Whether @name may stand in parentheses: ASCII letters, digits and single
 * inner spaces. */
static gboolean
is_plain_phrase (const char *name)
{
  if (name[0] == '\0' || name[0] == ' ')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (*p == ' ' && (p[1] == ' ' || p[1] == '\0'))
        return FALSE;
      if (!g_ascii_isalnum (*p) && *p != ' ' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_extension_points (const WmItem *item)
{
  const char *const *points = wm_item_get_strv (item, WM_UC_EXTENSION_POINTS);

  return points != NULL && points[0] != NULL;
}

/* The bare reference of @item when its name allows one and its code is
 * still free, else NULL. */
static char *
bare_reference (Writer *writer,
                WmItem *item)
{
  if (g_hash_table_contains (writer->codes, item->text))
    return NULL;
  if (is_type (item, "actor") && is_plain_word (item->text))
    return g_strdup (item->text);
  if (is_type (item, "use-case") && is_plain_phrase (item->text) && !has_extension_points (item))
    return g_strdup_printf ("(%s)", item->text);
  return NULL;
}

/* An identifier made from @id, unique among the codes taken. */
static char *
make_alias (Writer     *writer,
            const char *id)
{
  GString *alias = g_string_new (NULL);
  g_autofree char *base = NULL;

  if (!g_ascii_isalpha (id[0]))
    g_string_append (alias, "e_");
  for (const char *p = id; *p != '\0'; p++)
    g_string_append_c (alias, g_ascii_isalnum (*p) ? *p : '_');
  base = g_string_free (alias, FALSE);
  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : g_strdup_printf ("%s_%u", base, n);
      if (!g_hash_table_contains (writer->codes, candidate) && !is_keyword (candidate))
        return g_steal_pointer (&candidate);
    }
}

/* Plain names take their codes first, so that no alias can take one of them. */
static void
assign_references (Writer *writer)
{
  guint n = wm_diagram_get_n_items (writer->diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (writer->diagram, i);
      char *ref = is_exported_node (item) ? bare_reference (writer, item) : NULL;

      if (ref == NULL)
        continue;
      g_hash_table_add (writer->codes, g_strdup (item->text));
      g_hash_table_insert (writer->refs, item->id, ref);
    }
  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (writer->diagram, i);
      char *alias;

      if (!is_exported_node (item) || g_hash_table_contains (writer->refs, item->id))
        continue;
      alias = make_alias (writer, item->id);
      g_hash_table_add (writer->codes, g_strdup (alias));
      g_hash_table_insert (writer->refs, item->id, alias);
    }
}

/* @text on one line, line breaks as "\n". PlantUML has no escape for a
 * quote inside quotes, and one quote alone would open a text running on
 * over the next lines, so quotes become typographic ones. */
static void
append_one_line (GString    *out,
                 const char *text)
{
  gboolean open = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          g_string_append (out, open ? "“" : "”");
          open = !open;
        }
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p != '\r')
        g_string_append_c (out, *p);
    }
}

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  append_one_line (out, text);
  g_string_append_c (out, '"');
}

static void
append_stereotype (GString      *out,
                   const WmItem *item)
{
  const char *stereotype = wm_item_has_prop (item, WM_UC_STEREOTYPE)
                           ? wm_item_get_string (item, WM_UC_STEREOTYPE) : NULL;
  const char *kind = is_type (item, "actor") ? wm_item_get_choice (item, WM_UC_KIND) : NULL;

  /* An external system or a clock is a stereotyped actor in UML; a
   * stereotype of the analyst's own says more, so it wins. */
  if (wm_str_is_blank (stereotype) && kind != NULL && !g_str_equal (kind, "human"))
    stereotype = kind;
  if (wm_str_is_blank (stereotype))
    return;
  g_string_append (out, " <<");
  append_one_line (out, stereotype);
  g_string_append (out, ">>");
}

/* A use case's name with its extension points below a separator, as UML
 * draws them in the ellipse. */
static char *
use_case_display (const WmItem *item)
{
  const char *const *points = wm_item_get_strv (item, WM_UC_EXTENSION_POINTS);
  GString *display = g_string_new (item->text);

  if (points == NULL || points[0] == NULL)
    return g_string_free (display, FALSE);
  g_string_append (display, "\n--\nextension points");
  for (guint i = 0; points[i] != NULL; i++)
    g_string_append_printf (display, "\n%s", points[i]);
  return g_string_free (display, FALSE);
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
write_leaf (Writer *writer,
            WmItem *item,
            guint   depth)
{
  const char *ref = g_hash_table_lookup (writer->refs, item->id);
  /* An actor's alias equal to its plain name declares the same as the name alone. */
  gboolean bare = is_type (item, "actor") ? g_str_equal (ref, item->text) : ref[0] == '(';

  indent (writer->out, depth);
  g_string_append (writer->out, is_type (item, "actor") ? "actor " : "usecase ");
  if (bare)
    g_string_append (writer->out, ref);
  else
    {
      g_autofree char *display = is_type (item, "use-case") ? use_case_display (item)
                                                           : g_strdup (item->text);
      append_quoted (writer->out, display);
      g_string_append_printf (writer->out, " as %s", ref);
    }
  append_stereotype (writer->out, item);
  g_string_append_c (writer->out, '\n');
}

static void write_node (Writer *writer,
                        WmItem *item,
                        guint   depth);

static void
write_container (Writer *writer,
                 WmItem *item,
                 guint   depth)
{
  GPtrArray *children = g_hash_table_lookup (writer->children, item->id);

  indent (writer->out, depth);
  g_string_append (writer->out, is_type (item, "subject") ? "rectangle " : "package ");
  append_quoted (writer->out, item->text);
  g_string_append_printf (writer->out, " as %s",
                          (const char *) g_hash_table_lookup (writer->refs, item->id));
  append_stereotype (writer->out, item);
  g_string_append (writer->out, " {\n");
  for (guint i = 0; children != NULL && i < children->len; i++)
    write_node (writer, g_ptr_array_index (children, i), depth + 1);
  indent (writer->out, depth);
  g_string_append (writer->out, "}\n");
}

/* The model keeps containment within WM_LIMIT_CONTAINMENT_DEPTH, which
 * bounds this recursion. Notes are written after every element. */
static void
write_node (Writer *writer,
            WmItem *item,
            guint   depth)
{
  g_assert (depth <= WM_LIMIT_CONTAINMENT_DEPTH + 1);
  if (is_type (item, "subject") || is_type (item, "package"))
    write_container (writer, item, depth);
  else if (is_type (item, "actor") || is_type (item, "use-case"))
    write_leaf (writer, item, depth);
}

/* Which side of @target the note lies on, as the layout of the diagram shows it. */
static const char *
note_side (const WmItem *note,
           const WmItem *target)
{
  double dx = (note->bounds.x + note->bounds.width / 2) -
              (target->bounds.x + target->bounds.width / 2);
  double dy = (note->bounds.y + note->bounds.height / 2) -
              (target->bounds.y + target->bounds.height / 2);

  if (fabs (dx) >= fabs (dy))
    return dx >= 0 ? "right" : "left";
  return dy >= 0 ? "bottom" : "top";
}

/* A note's text, one line per line. */
static void
write_note_body (GString      *out,
                 const WmItem *note)
{
  g_auto(GStrv) lines = g_strsplit (note->text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      g_string_append (out, "  ");
      /* A line that reads as the note's end, a comment or a block's start
       * or end would not stay text. PlantUML trims a line before it reads
       * it; a zero-width space keeps it text and shows nothing. */
      if (g_ascii_strcasecmp (line, "end note") == 0 || g_ascii_strcasecmp (line, "endnote") == 0 ||
          line[0] == '@' || line[0] == '\'')
        g_string_append (out, ZERO_WIDTH_SPACE);
      g_string_append_printf (out, "%s\n", line);
    }
  g_string_append (out, "end note\n");
}

/* The element a note sits beside ("note left of X"), or NULL: a note whose
 * one link is its anchor to an element other than a note. Any other note
 * gets an alias, which its links name: a note beside another note may
 * come before it, and a note that another note is anchored to must be
 * named (a note beside an element has no name). */
static WmItem *
beside (Writer     *writer,
        const char *note_id)
{
  GPtrArray *anchors = g_hash_table_lookup (writer->anchors, note_id);
  WmItem *target;

  if (anchors == NULL || anchors->len != 1 ||
      GPOINTER_TO_UINT (g_hash_table_lookup (writer->linked, note_id)) != 1)
    return NULL;
  target = wm_diagram_lookup (writer->diagram, g_ptr_array_index (anchors, 0));
  return is_type (target, "note") ? NULL : target;
}

static void
write_note (Writer *writer,
            WmItem *note)
{
  WmItem *target = beside (writer, note->id);

  if (target != NULL)
    {
      g_string_append_printf (writer->out, "note %s of %s\n", note_side (note, target),
                              (const char *) g_hash_table_lookup (writer->refs, target->id));
    }
  else
    g_string_append_printf (writer->out, "note as %s\n",
                            (const char *) g_hash_table_lookup (writer->refs, note->id));
  write_note_body (writer->out, note);
}

static void
add_to (GHashTable *table,
        const char *key,
        gpointer    value)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  g_ptr_array_add (list, value);
}

/* Files each node under its container and each anchor under its note. */
static void
gather (Writer *writer)
{
  guint n = wm_diagram_get_n_items (writer->diagram);

  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (writer->diagram, i);
      WmItem *parent = wm_item_is_node (item) && item->parent != NULL
                       ? wm_diagram_lookup (writer->diagram, item->parent) : NULL;

      if (is_type (parent, "subject") || is_type (parent, "package"))
        add_to (writer->children, parent->id, item);
      if (!wm_item_is_link (item) || !g_hash_table_contains (writer->refs, item->source) ||
          !g_hash_table_contains (writer->refs, item->target) ||
          g_str_equal (item->source, item->target))
        continue;
      if (is_type (item, "anchor"))
        add_to (writer->anchors, item->source, item->target);
      for (guint end = 0; end < 2; end++)
        {
          const char *id = end == 0 ? item->source : item->target;

          g_hash_table_insert (writer->linked, (gpointer) id,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                 g_hash_table_lookup (writer->linked, id)) + 1));
        }
    }
}

static gboolean
is_top_level (Writer *writer,
              WmItem *item)
{
  WmItem *parent = item->parent != NULL ? wm_diagram_lookup (writer->diagram, item->parent) : NULL;

  return !is_type (parent, "subject") && !is_type (parent, "package");
}

static void
append_multiplicity (GString      *out,
                     const WmItem *link,
                     const char   *name)
{
  const char *value = wm_item_get_string (link, name);

  if (wm_str_is_blank (value))
    return;
  g_string_append_c (out, ' ');
  append_quoted (out, value);
}

static void
write_association (Writer     *writer,
                   WmItem     *link,
                   const char *source,
                   const char *target)
{
  g_string_append (writer->out, source);
  append_multiplicity (writer->out, link, WM_UC_SOURCE_MULTIPLICITY);
  g_string_append (writer->out, wm_item_get_boolean (link, WM_UC_NAVIGABLE) ? " -->" : " --");
  append_multiplicity (writer->out, link, WM_UC_TARGET_MULTIPLICITY);
  g_string_append_printf (writer->out, " %s", target);
  if (link->text[0] != '\0')
    {
      g_string_append (writer->out, " : ");
      append_one_line (writer->out, link->text);
    }
  g_string_append_c (writer->out, '\n');
}

/* "<<extend>>\ncondition: {…}\nextension point: …", then the label. */
static void
write_dependency (Writer     *writer,
                  WmItem     *link,
                  const char *source,
                  const char *target)
{
  gboolean extend = is_type (link, "extend");

  g_string_append_printf (writer->out, "%s ..> %s : <<%s>>", source, target,
                          extend ? "extend" : "include");
  if (extend && !wm_str_is_blank (wm_item_get_string (link, WM_UC_CONDITION)))
    {
      g_string_append (writer->out, "\\ncondition: {");
      append_one_line (writer->out, wm_item_get_string (link, WM_UC_CONDITION));
      g_string_append_c (writer->out, '}');
    }
  if (extend && !wm_str_is_blank (wm_item_get_string (link, WM_UC_EXTENSION_POINT)))
    {
      g_string_append (writer->out, "\\nextension point: ");
      append_one_line (writer->out, wm_item_get_string (link, WM_UC_EXTENSION_POINT));
    }
  if (link->text[0] != '\0')
    {
      g_string_append (writer->out, "\\n");
      append_one_line (writer->out, link->text);
    }
  g_string_append_c (writer->out, '\n');
}

static void
write_link (Writer *writer,
            WmItem *link)
{
  const char *source = g_hash_table_lookup (writer->refs, link->source);
  const char *target = g_hash_table_lookup (writer->refs, link->target);

  if (source == NULL || target == NULL)
    return;
  if (is_type (link, "association"))
    write_association (writer, link, source, target);
  else if (is_type (link, "include") || is_type (link, "extend"))
    write_dependency (writer, link, source, target);
  else if (is_type (link, "generalization"))
    {
      /* UML draws the triangle at the general end, which PlantUML writes first. */
      g_string_append_printf (writer->out, "%s <|-- %s", target, source);
      if (link->text[0] != '\0')
        {
          g_string_append (writer->out, " : ");
          append_one_line (writer->out, link->text);
        }
      g_string_append_c (writer->out, '\n');
    }
  else if (is_type (link, "anchor") && beside (writer, link->source) == NULL &&
           !g_str_equal (link->source, link->target))
    g_string_append_printf (writer->out, "%s .. %s\n", source, target);
}

/* Whether the diagram's nodes span more width than height. */
static gboolean
is_wide (WmDiagram *diagram)
{
  WmRect all = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!is_exported_node (item))
        continue;
      if (any)
        wm_rect_union (&all, &item->bounds, &all);
      else
        all = item->bounds;
      any = TRUE;
    }
  return any && all.width > all.height;
}

static void
write_diagram (GString   *out,
               WmDiagram *diagram)
{
  Writer writer = {
    .diagram = diagram,
    .out = out,
    .refs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free),
    .codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    .children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref),
    .anchors = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref),
    .linked = g_hash_table_new (g_str_hash, g_str_equal),
  };
  guint n = wm_diagram_get_n_items (diagram);

  assign_references (&writer);
  gather (&writer);
  g_string_append (out, "@startuml\n");
  if (!wm_str_is_blank (wm_diagram_get_name (diagram)))
    {
      g_string_append (out, "title ");
      append_one_line (out, wm_diagram_get_name (diagram));
      g_string_append_c (out, '\n');
    }
  if (is_wide (diagram))
    g_string_append (out, "left to right direction\n");
  for (guint i = 0; i < n; i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      if (wm_item_is_node (item) && is_top_level (&writer, item))
        write_node (&writer, item, 0);
    }
  for (guint i = 0; i < n; i++)
    if (is_type (wm_diagram_get_item (diagram, i), "note"))
      write_note (&writer, wm_diagram_get_item (diagram, i));
  for (guint i = 0; i < n; i++)
    if (wm_item_is_link (wm_diagram_get_item (diagram, i)))
      write_link (&writer, wm_diagram_get_item (diagram, i));
  g_string_append (out, "@enduml\n");
  g_hash_table_unref (writer.refs);
  g_hash_table_unref (writer.codes);
  g_hash_table_unref (writer.children);
  g_hash_table_unref (writer.anchors);
  g_hash_table_unref (writer.linked);
}

static gboolean
is_use_case_diagram (WmDiagram *diagram)
{
  return g_str_equal (wm_diagram_get_notation (diagram)->id, "use-case");
}

char *
wm_export_plantuml (WmProject  *project,
                    WmDiagram  *only,
                    GError    **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (only == NULL || WM_IS_DIAGRAM (only), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (only != NULL && !is_use_case_diagram (only))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("The diagram “%s” is not a use-case diagram; PlantUML export takes "
                     "use-case diagrams only."), wm_diagram_get_name (only));
      return NULL;
    }
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);

      if ((only == NULL || diagram == only) && is_use_case_diagram (diagram))
        {
          if (out->len > 0)
            g_string_append_c (out, '\n');
          write_diagram (out, diagram);
        }
    }
  if (out->len == 0)
    {
      g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID,
                           _("The project has no use-case diagram to export as PlantUML."));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The import
 *
 * A parser reads one line at a time and keeps what spans lines (a block
 * comment, a note's body, a skinparam block, the containers open around
 * the line) in its state. Elements are found by their code, as PlantUML
 * finds them: an alias, else the name. */

/* Bounds on what an input may make the importer do. Real diagrams stay far
 * below each: PlantUML itself struggles with a few thousand elements. */
#define MAX_INPUT_BYTES  (64 * 1024 * 1024)
/* A line holds at most one text: a name of WM_LIMIT_TEXT_CHARS characters
 * of four bytes, with its extension points, fits, and so does whatever the
 * export writes, so that what was imported once imports again. */
#define MAX_LINE_BYTES   (16 * 1024 * 1024)
#define MAX_WARNINGS     1000
#define MAX_ITEMS        100000
#define MAX_DIAGRAMS     1000
#define MAX_OPEN_BLOCKS  1024

typedef enum
{
  MODE_STATEMENTS,
  MODE_NOTE,      /* a note's body, until "end note" */
  MODE_SKIP_END,  /* a legend, header or the like, until its end word */
  MODE_SKIP_BRACES, /* a skinparam block, until its braces balance */
} Mode;

/* A "{" the parser is inside: the container it opened, or none for a
 * grouping ("together {") or a level past the nesting limit. */
typedef struct
{
  char     *container;   /* item id, or NULL */
  char     *parent;      /* the container its contents go into (borrowed from a frame below) */
  guint     depth;       /* real containers around its contents */
} Frame;

typedef struct
{
  WmProject   *project;
  WmImportLog *log;
  char        *base_name;     /* the file name without its folder and extension */
  guint        line;
  guint        n_warnings;
  guint        n_items;        /* nodes and links made, across the input */
  guint        n_diagrams;
  gboolean     in_comment;     /* inside /' … '/ */
  gboolean     in_block;       /* between @startuml and @enduml */
  gboolean     strict;         /* the input has @startuml: text outside blocks is ignored */
  gboolean     warned_items;
  gboolean     warned_depth;
  WmPlantumlLayout layout;

  /* The block being read. */
  WmDiagram   *diagram;
  GHashTable  *codes;          /* code → item id (owned) */
  GArray      *frames;         /* Frame */
  guint        n_ignored_frames; /* "{" past MAX_OPEN_BLOCKS */
  char        *last_element;   /* the element a "note left : …" goes beside */
  guint        block_items;

  /* What spans lines. */
  Mode         mode;
  guint        mode_line;
  GString     *note_text;
  char        *note_anchor;    /* item id the note is attached to, or NULL */
  char        *note_code;      /* its alias, or NULL */
  const char  *skip_end;       /* MODE_SKIP_END: the word that ends it */
  const char  *skip_end_spaced; /* … and its spelling with a space */
  guint        skip_depth;     /* MODE_SKIP_BRACES */
  GString     *pending;        /* a declaration whose quoted name goes on past its line */
  guint        pending_line;
} Parser;

static void G_GNUC_PRINTF (3, 4)
warn (Parser     *parser,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  parser->n_warnings++;
  if (parser->log == NULL || parser->n_warnings > MAX_WARNINGS + 1)
    return;
  if (parser->n_warnings == MAX_WARNINGS + 1)
    {
      wm_import_log_warn (parser->log, 0,
                          ngettext ("More than %u warning; the rest are not shown.",
                                    "More than %u warnings; the rest are not shown.",
                                    MAX_WARNINGS), MAX_WARNINGS);
      return;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  wm_import_log_warn (parser->log, line, "%s", message);
}

/* The start of @text for a message: at most 40 characters. */
static char *
excerpt (const char *text)
{
  const char *end = text;
  guint n = 0;

  while (*end != '\0' && n < 40)
    {
      end = g_utf8_next_char (end);
      n++;
    }
  if (*end == '\0')
    return g_strdup (text);
  return g_strdup_printf ("%.*s…", (int) (end - text), text);
}

/* Tokens */

typedef enum
{
  TOKEN_NONE,
  TOKEN_WORD,     /* Customer */
  TOKEN_QUOTED,   /* "Gift buyer" */
  TOKEN_ACTOR,    /* :Gift buyer: */
  TOKEN_USE_CASE, /* (Browse coffees) */
} TokenKind;

typedef struct
{
  TokenKind  kind;
  char      *text;
} Token;

static void
token_clear (Token *token)
{
  g_clear_pointer (&token->text, g_free);
  token->kind = TOKEN_NONE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Token, token_clear)

static const char *
skip_space (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  /* A replaced byte of a badly encoded name stays part of the name. */
  return c == '_' || c == 0xfffd || g_unichar_isalnum (c);
}

/* Whether @p starts with the keyword @word (any case) followed by a space,
 * the end of the line, or one of @also. */
static gboolean
starts_with_word (const char *p,
                  const char *word,
                  const char *also)
{
  gsize n = strlen (word);

  if (g_ascii_strncasecmp (p, word, n) != 0)
    return FALSE;
  return p[n] == '\0' || p[n] == ' ' || p[n] == '\t' || (also != NULL && strchr (also, p[n]));
}

static gboolean
read_delimited (const char **p,
                char         close,
                Token       *token,
                TokenKind    kind)
{
  const char *end = strchr (*p + 1, close);

  if (end == NULL)
    return FALSE;
  token->kind = kind;
  token->text = g_strndup (*p + 1, end - (*p + 1));
  *p = end + 1;
  return TRUE;
}

/* Reads a name at @p: a word, "quoted", :actor: or (use case). */
static gboolean
read_token (const char **p,
            Token       *token)
{
  const char *q = *p;

  switch (*q)
    {
    case '"':
      return read_delimited (p, '"', token, TOKEN_QUOTED);
    case ':':
      return read_delimited (p, ':', token, TOKEN_ACTOR);
    case '(':
      return read_delimited (p, ')', token, TOKEN_USE_CASE);
    default:
      break;
    }
  while (*q != '\0' && is_word_char (q))
    q = g_utf8_next_char (q);
  if (q == *p)
    return FALSE;
  token->kind = TOKEN_WORD;
  token->text = g_strndup (*p, q - *p);
  *p = q;
  return TRUE;
}

/* Reads "<<…>>" or "«…»" at @p. */
static gboolean
read_stereotype (const char **p,
                 char       **text)
{
  const char *open = g_str_has_prefix (*p, "<<") ? "<<" : g_str_has_prefix (*p, "«") ? "«" : NULL;
  const char *close = open == NULL ? NULL : open[0] == '<' ? ">>" : "»";
  const char *end;

  if (open == NULL || (end = strstr (*p + strlen (open), close)) == NULL)
    return FALSE;
  *text = g_strstrip (g_strndup (*p + strlen (open), end - (*p + strlen (open))));
  *p = end + strlen (close);
  return TRUE;
}

/* PlantUML's "\n" in a display text is a line break. */
static char *
unescape_breaks (const char *text,
                 const char *with)
{
  g_auto(GStrv) parts = g_strsplit (text, "\\n", -1);

  return g_strjoinv (with, parts);
}

/* Arrows */

typedef struct
{
  gboolean head_left;      /* <-- */
  gboolean head_right;     /* --> */
  gboolean triangle_left;  /* <|-- */
  gboolean triangle_right; /* --|> */
  gboolean dashed;         /* ..> */
} Arrow;

static const char *const directions[] = {
  "left", "right", "up", "down", "le", "ri", "do", "l", "r", "u", "d",
};

/* Skips a direction word inside an arrow's body ("-up->"), if @p holds one. */
static gboolean
skip_direction (const char **p)
{
  const char *q = *p;

  while (g_ascii_isalpha (*q))
    q++;
  if (*q != '-' && *q != '.' && *q != '[')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    if (strlen (directions[i]) == (gsize) (q - *p) &&
        g_ascii_strncasecmp (*p, directions[i], q - *p) == 0)
      {
        *p = q;
        return TRUE;
      }
  return FALSE;
}

/* Reads an arrow at @p: an optional head, a body of "-" or "." (with
 * directions and [styles] inside), an optional head. */
static gboolean
read_arrow (const char **p,
            Arrow       *arrow)
{
  const char *q = *p;
  guint body = 0;

  memset (arrow, 0, sizeof *arrow);
  arrow->triangle_left = q[0] == '<' && q[1] == '|';
  arrow->head_left = q[0] == '<' && q[1] != '<' && q[1] != '|';
  q += arrow->triangle_left ? 2 : arrow->head_left ? 1 : 0;
  for (;;)
    {
      if (*q == '-' || *q == '.')
        {
          arrow->dashed |= *q == '.';
          body++;
          q++;
        }
      else if (*q == '[' && body > 0 && strchr (q, ']') != NULL)
        q = strchr (q, ']') + 1;
      else if (body == 0 || !g_ascii_isalpha (*q) || !skip_direction (&q))
        break;
    }
  if (body == 0)
    return FALSE;
  arrow->triangle_right = q[0] == '|' && q[1] == '>';
  arrow->head_right = q[0] == '>';
  q += arrow->triangle_right ? 2 : arrow->head_right ? 1 : 0;
  *p = q;
  return TRUE;
}

/* Elements */

static const Frame *
current_frame (Parser *parser)
{
  return parser->frames->len > 0
         ? &g_array_index (parser->frames, Frame, parser->frames->len - 1) : NULL;
}

static const char *
current_container (Parser *parser)
{
  const Frame *frame = current_frame (parser);

  return frame != NULL ? frame->parent : NULL;
}

/* Whether one more item may be made; warns once when the input has too many. */
static gboolean
may_add_item (Parser *parser)
{
  if (parser->n_items < MAX_ITEMS)
    return TRUE;
  if (!parser->warned_items)
    warn (parser, parser->line,
          ngettext ("More than %u element and link; the rest of the input is skipped.",
                    "More than %u elements and links; the rest of the input is skipped.",
                    MAX_ITEMS), MAX_ITEMS);
  parser->warned_items = TRUE;
  return FALSE;
}

/* A new node's size: a use case grows with its name, a note with its text. */
static WmRect
initial_bounds (const WmItemType *type,
                const char       *text)
{
  WmRect bounds = { 0, 0, type->width, type->height };
  glong chars = g_utf8_strlen (text, MIN (strlen (text), 2000));

  if (g_str_equal (type->id, "use-case"))
    bounds.width = CLAMP (chars * 7.0 + 40, type->width, 320);
  else if (g_str_equal (type->id, "note"))
    {
      guint lines = 1;
      for (const char *p = text; *p != '\0'; p++)
        lines += *p == '\n';
      bounds.width = CLAMP (chars * 7.0 / lines + 24, type->width, 320);
      bounds.height = CLAMP (lines * 18.0 + 24, type->height, 2000);
    }
  return bounds;
}

/* Adds a node of @type_id in the current container and files it under
 * @code (when not NULL). */
static WmItem *
add_node (Parser     *parser,
          const char *type_id,
          const char *text,
          const char *code)
{
  const WmItemType *type = wm_notation_lookup_type (wm_diagram_get_notation (parser->diagram),
                                                    type_id);
  WmRect bounds = initial_bounds (type, text);
  const char *parent = current_container (parser);
  g_autoptr(GError) error = NULL;
  WmItem *item;

  if (!may_add_item (parser))
    return NULL;
  item = wm_diagram_add_node (parser->diagram, type_id, &bounds, text, &error);
  if (item == NULL)
    {
      warn (parser, parser->line, _("The element is skipped: %s"), error->message);
      return NULL;
    }
  parser->n_items++;
  parser->block_items++;
  if (parent != NULL && !wm_diagram_set_parent (parser->diagram, item->id, parent, &error))
    warn (parser, parser->line, _("The element is placed outside its container: %s"),
          error->message);
  if (code != NULL)
    g_hash_table_insert (parser->codes, g_strdup (code), g_strdup (item->id));
  if (!g_str_equal (type_id, "note"))
    {
      g_free (parser->last_element);
      parser->last_element = g_strdup (item->id);
    }
  return item;
}

static void
set_property (Parser     *parser,
              WmItem     *item,
              const char *name,
              const char *value)
{
  g_autoptr(GError) error = NULL;

  if (!wm_diagram_set_property (parser->diagram, item->id, name, value, &error))
    {
      g_autofree char *shown = excerpt (value);
      warn (parser, parser->line, _("The value “%s” is skipped: %s"), shown, error->message);
    }
}

/* An actor's stereotype: «human», «system» and «time» say what kind of
 * actor it is. */
static void
set_actor_stereotype (Parser     *parser,
                      WmItem     *item,
                      const char *stereotype)
{
  if (g_ascii_strcasecmp (stereotype, "human") == 0)
    set_property (parser, item, WM_UC_KIND, "human");
  else if (g_ascii_strcasecmp (stereotype, "system") == 0)
    set_property (parser, item, WM_UC_KIND, "system");
  else if (g_ascii_strcasecmp (stereotype, "time") == 0)
    set_property (parser, item, WM_UC_KIND, "time");
  else
    set_property (parser, item, WM_UC_STEREOTYPE, stereotype);
}

static gboolean
is_separator (const char *line)
{
  return g_str_equal (line, "--") || g_str_equal (line, "==") || g_str_equal (line, "..") ||
         g_str_equal (line, "__");
}

static gboolean
is_extension_points_title (const char *line)
{
  g_autofree char *lower = g_ascii_strdown (line, -1);

  g_strstrip (g_strdelimit (lower, ":", ' '));
  return g_str_equal (lower, "extension points") || g_str_equal (lower, "extension point");
}

/* A use case's display text: its name, then after a separator line either
 * its extension points (as the export writes them) or a description. */
static void
set_use_case_body (Parser     *parser,
                   WmItem     *item,
                   char      **lines)
{
  g_autoptr(GString) value = g_string_new (NULL);
  gboolean points = lines[0] != NULL && is_extension_points_title (lines[0]);

  for (guint i = points ? 1 : 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (line[0] == '\0' || (points && is_separator (line)))
        continue;
      if (value->len > 0)
        g_string_append_c (value, '\n');
      g_string_append (value, line);
    }
  if (value->len > 0)
    set_property (parser, item, points ? WM_UC_EXTENSION_POINTS : WM_UC_DESCRIPTION, value->str);
}

/* The name of a use case displayed as @display, which may hold "\n" and
 * a separator; the lines past the separator go to @body. */
static char *
split_display (const char *display,
               char     ***body)
{
  g_auto(GStrv) lines = g_strsplit (display, "\\n", -1);
  g_autoptr(GString) name = g_string_new (NULL);
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (is_separator (line))
        break;
      if (line[0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, line);
    }
  *body = lines[i] != NULL ? g_strdupv (lines + i + 1) : NULL;
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static WmItem *
add_element (Parser     *parser,
             const char *type_id,
             const char *display,
             const char *code)
{
  g_auto(GStrv) body = NULL;
  g_autofree char *name = NULL;
  WmItem *item;

  if (g_str_equal (type_id, "use-case"))
    name = split_display (display, &body);
  else
    name = g_strstrip (unescape_breaks (display, " "));
  item = add_node (parser, type_id, name, code);
  if (item != NULL && body != NULL)
    set_use_case_body (parser, item, body);
  return item;
}

/* The element a link names by @token, made on first use as PlantUML does. */
static WmItem *
resolve (Parser      *parser,
         const Token *token)
{
  const char *id = g_hash_table_lookup (parser->codes, token->text);

  if (id != NULL)
    return wm_diagram_lookup (parser->diagram, id);
  switch (token->kind)
    {
    case TOKEN_ACTOR:
      return add_element (parser, "actor", token->text, token->text);
    case TOKEN_USE_CASE:
      return add_element (parser, "use-case", token->text, token->text);
    case TOKEN_WORD:
      warn (parser, parser->line, _("“%s” is not declared; it is read as an actor."), token->text);
      return add_element (parser, "actor", token->text, token->text);
    default:
      return NULL;
    }
}

/* Declarations: "actor "Gift buyer" as G <<human>> #pink {" and their kin. */

typedef struct
{
  Token     name;
  Token     alias;          /* after "as" */
  char     *stereotype;     /* the first; later ones are warned about */
  gboolean  more_stereotypes;
  gboolean  colored;
  gboolean  opens;          /* ends with "{" */
  char     *rest;           /* what could not be read, or NULL */
} Declaration;

static void
declaration_clear (Declaration *declaration)
{
  token_clear (&declaration->name);
  token_clear (&declaration->alias);
  g_free (declaration->stereotype);
  g_free (declaration->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Declaration, declaration_clear)

/* Reads one of what may follow a declaration's name; FALSE at what is none. */
static gboolean
read_declaration_part (const char  **p,
                       Declaration  *declaration)
{
  char *stereotype = NULL;

  if (starts_with_word (*p, "as", "\"(:"))
    {
      const char *q = skip_space (*p + 2);

      if (declaration->alias.kind != TOKEN_NONE || !read_token (&q, &declaration->alias))
        return FALSE;
      *p = q;
      return TRUE;
    }
  if (read_stereotype (p, &stereotype))
    {
      if (declaration->stereotype == NULL)
        declaration->stereotype = stereotype;
      else
        {
          declaration->more_stereotypes = TRUE;
          g_free (stereotype);
        }
      return TRUE;
    }
  if (**p == '#')
    {
      while (**p != '\0' && **p != ' ' && **p != '\t' && **p != '{')
        (*p)++;
      declaration->colored = TRUE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_declaration (const char  *p,
                   Declaration *declaration)
{
  p = skip_space (p);
  if (!read_token (&p, &declaration->name))
    return FALSE;
  /* "actor Customer/" is a business actor: an actor all the same. */
  if (*p == '/')
    p++;
  for (p = skip_space (p); *p != '\0'; p = skip_space (p))
    {
      if (*p == '{' && *skip_space (p + 1) == '\0')
        {
          declaration->opens = TRUE;
          break;
        }
      if (!read_declaration_part (&p, declaration))
        {
          declaration->rest = g_strdup (p);
          break;
        }
    }
  return TRUE;
}

/* What the element shows and the code links find it by. "actor A as "X""
 * names A the code and X the display; "actor "X" as A" says the same. */
static void
declaration_names (const Declaration *declaration,
                   const char       **display,
                   const char       **code)
{
  const Token *name = &declaration->name, *alias = &declaration->alias;

  *display = *code = name->text;
  if (alias->kind == TOKEN_NONE)
    return;
  if (name->kind == TOKEN_WORD && alias->kind != TOKEN_WORD)
    *display = alias->text;
  else
    *code = alias->text;
}

/* Warns about what a declaration says that Waymark does not keep. */
static void
warn_declaration_rest (Parser            *parser,
                       const Declaration *declaration)
{
  if (declaration->colored)
    warn (parser, parser->line, _("Colours are not imported."));
  if (declaration->more_stereotypes)
    warn (parser, parser->line, _("Only the first stereotype is imported."));
  if (declaration->rest != NULL)
    {
      g_autofree char *rest = excerpt (declaration->rest);
      warn (parser, parser->line, _("“%s” is not understood and is skipped."), rest);
    }
}

/* The element of @type_id declared as @declaration, or the one its code
 * already names. */
static WmItem *
declare (Parser            *parser,
         const char        *type_id,
         const Declaration *declaration)
{
  const char *display, *code, *id;
  WmItem *item;

  declaration_names (declaration, &display, &code);
  warn_declaration_rest (parser, declaration);
  id = g_hash_table_lookup (parser->codes, code);
  if (id != NULL)
    {
      item = wm_diagram_lookup (parser->diagram, id);
      if (g_str_equal (item->type->id, type_id))
        return item;
      warn (parser, parser->line, _("“%s” is declared already as another kind of element."),
            code);
      return NULL;
    }
  item = add_element (parser, type_id, display, code);
  if (item == NULL || declaration->stereotype == NULL)
    return item;
  if (g_str_equal (type_id, "actor"))
    set_actor_stereotype (parser, item, declaration->stereotype);
  else if (wm_item_has_prop (item, WM_UC_STEREOTYPE))
    set_property (parser, item, WM_UC_STEREOTYPE, declaration->stereotype);
  else
    warn (parser, parser->line, _("Use cases have no stereotype in Waymark; «%s» is skipped."),
          declaration->stereotype);
  return item;
}

/* "actor X", "usecase (X)", and the shorthands ":X:" and "(X)". */
static void
parse_leaf (Parser     *parser,
            const char *type_id,
            const char *rest)
{
  g_auto(Declaration) declaration = { 0 };

  if (!parse_declaration (rest, &declaration))
    {
      warn (parser, parser->line, _("The declaration has no name and is skipped."));
      return;
    }
  if (declaration.opens)
    warn (parser, parser->line, _("Only rectangles and packages hold elements; “{” is skipped."));
  declare (parser, type_id, &declaration);
}

/* How many containers hold @id in the diagram. A container declared
 * again ("rectangle S {" a second time) opens where it is, not where the
 * braces are. The model bounds the walk. */
static guint
containers_around (Parser     *parser,
                   const char *id)
{
  WmItem *item = wm_diagram_lookup (parser->diagram, id);
  guint n = 0;

  while (item != NULL && item->parent != NULL && n <= WM_LIMIT_CONTAINMENT_DEPTH)
    {
      item = wm_diagram_lookup (parser->diagram, item->parent);
      n++;
    }
  return n;
}

static void
push_frame (Parser     *parser,
            const char *container)
{
  const Frame *below = current_frame (parser);
  Frame frame = {
    .container = g_strdup (container),
    .parent = (char *) (below != NULL ? below->parent : NULL),
    .depth = below != NULL ? below->depth : 0,
  };

  if (parser->frames->len >= MAX_OPEN_BLOCKS)
    {
      g_free (frame.container);
      parser->n_ignored_frames++;
      return;
    }
  if (container != NULL)
    {
      frame.parent = frame.container;
      frame.depth = containers_around (parser, container) + 1;
    }
  g_array_append_val (parser->frames, frame);
}

static gboolean
may_nest (Parser *parser)
{
  const Frame *frame = current_frame (parser);

  if ((frame == NULL || frame->depth + 1 < WM_LIMIT_CONTAINMENT_DEPTH) &&
      parser->frames->len < MAX_OPEN_BLOCKS)
    return TRUE;
  if (!parser->warned_depth)
    warn (parser, parser->line,
          ngettext ("Containers nest more than %d level deep; the deeper ones are left out "
                    "and their elements go into the enclosing container.",
                    "Containers nest more than %d levels deep; the deeper ones are left out "
                    "and their elements go into the enclosing container.",
                    WM_LIMIT_CONTAINMENT_DEPTH - 1), WM_LIMIT_CONTAINMENT_DEPTH - 1);
  parser->warned_depth = TRUE;
  return FALSE;
}

/* "rectangle "System" as S {", "package P {" … and the shapes drawn as packages. */
static void
parse_container (Parser     *parser,
                 const char *keyword,
                 const char *type_id,
                 const char *rest)
{
  g_auto(Declaration) declaration = { 0 };
  WmItem *item = NULL;

  if (!parse_declaration (rest, &declaration))
    {
      warn (parser, parser->line, _("The declaration has no name and is skipped."));
      return;
    }
  if (!g_str_equal (keyword, "rectangle") && !g_str_equal (keyword, "package"))
    /* Translators: %s is the PlantUML keyword that declares a container, "frame" */
    warn (parser, parser->line, _("“%s” is imported as a package."), keyword);
  /* Even without braces, a container is one more level. */
  if (may_nest (parser))
    item = declare (parser, type_id, &declaration);
  else
    warn_declaration_rest (parser, &declaration);
  if (declaration.opens)
    push_frame (parser, item != NULL ? item->id : NULL);
}

static void
close_frame (Parser *parser)
{
  if (parser->n_ignored_frames > 0)
    {
      parser->n_ignored_frames--;
      return;
    }
  if (parser->frames->len == 0)
    {
      warn (parser, parser->line, _("This “}” closes nothing and is skipped."));
      return;
    }
  g_free (g_array_index (parser->frames, Frame, parser->frames->len - 1).container);
  g_array_set_size (parser->frames, parser->frames->len - 1);
}

/* Notes */

static void
add_anchor (Parser *parser,
            WmItem *note,
            WmItem *target)
{
  g_autoptr(GError) error = NULL;

  if (note == target)
    {
      warn (parser, parser->line, _("A note cannot be anchored to itself; the link is skipped."));
      return;
    }
  if (!may_add_item (parser))
    return;
  if (wm_diagram_add_link (parser->diagram, "anchor", note->id, target->id, &error) == NULL)
    {
      warn (parser, parser->line, _("The note’s link is skipped: %s"), error->message);
      return;
    }
  parser->n_items++;
}

static void
make_note (Parser     *parser,
           const char *text,
           const char *code,
           const char *anchor)
{
  WmItem *note = add_node (parser, "note", text, code);
  WmItem *target = anchor != NULL ? wm_diagram_lookup (parser->diagram, anchor) : NULL;

  if (note != NULL && target != NULL)
    add_anchor (parser, note, target);
}

static void
begin_note_body (Parser     *parser,
                 const char *code,
                 const char *anchor)
{
  parser->mode = MODE_NOTE;
  parser->mode_line = parser->line;
  g_string_truncate (parser->note_text, 0);
  g_free (parser->note_code);
  parser->note_code = g_strdup (code);
  g_free (parser->note_anchor);
  parser->note_anchor = g_strdup (anchor);
}

static void
add_note_line (Parser     *parser,
               const char *line)
{
  if (parser->note_text->len + strlen (line) + 1 > WM_LIMIT_TEXT_CHARS)
    {
      if (parser->note_text->len <= WM_LIMIT_TEXT_CHARS)
        warn (parser, parser->line, _("The note is too long; the rest of it is skipped."));
      parser->note_text->len = WM_LIMIT_TEXT_CHARS + 1;
      parser->note_text->str[parser->note_text->len] = '\0';
      return;
    }
  if (parser->note_text->len > 0)
    g_string_append_c (parser->note_text, '\n');
  /* The export keeps a line reading "end note" in the note so. */
  g_string_append (parser->note_text, g_str_has_prefix (line, ZERO_WIDTH_SPACE)
                                      ? line + strlen (ZERO_WIDTH_SPACE) : line);
}

static void
end_note_body (Parser *parser)
{
  if (parser->note_text->len > WM_LIMIT_TEXT_CHARS)
    g_string_truncate (parser->note_text, WM_LIMIT_TEXT_CHARS / 2);
  parser->mode = MODE_STATEMENTS;
  make_note (parser, parser->note_text->str, parser->note_code, parser->note_anchor);
  g_clear_pointer (&parser->note_code, g_free);
  g_clear_pointer (&parser->note_anchor, g_free);
}

static gboolean
is_note_end (const char *line)
{
  return g_ascii_strcasecmp (line, "end note") == 0 || g_ascii_strcasecmp (line, "endnote") == 0;
}

/* The text after " : ", or a body on the lines below. */
static void
note_text_or_body (Parser     *parser,
                   const char *p,
                   const char *code,
                   const char *anchor)
{
  p = skip_space (p);
  while (*p == '#')
    {
      while (*p != '\0' && *p != ' ' && *p != '\t' && *p != ':')
        p++;
      p = skip_space (p);
      warn (parser, parser->line, _("Colours are not imported."));
    }
  if (*p == ':')
    {
      g_autofree char *text = unescape_breaks (skip_space (p + 1), "\n");
      make_note (parser, g_strstrip (text), code, anchor);
    }
  else if (*p == '\0')
    begin_note_body (parser, code, anchor);
  else
    warn (parser, parser->line, _("The note is not understood and is skipped."));
}

static const char *const sides[] = { "left", "right", "top", "bottom" };

/* "note left of X : …", "note right : …" (beside the last element), or their bodies. */
static void
parse_side_note (Parser     *parser,
                 const char *p)
{
  g_auto(Token) target = { 0 };
  const char *anchor = parser->last_element;

  while (g_ascii_isalpha (*p))
    p++;
  p = skip_space (p);
  if (starts_with_word (p, "of", NULL))
    {
      WmItem *item;

      p = skip_space (p + 2);
      if (!read_token (&p, &target) || (item = resolve (parser, &target)) == NULL)
        {
          warn (parser, parser->line, _("The note’s element is not understood; it is skipped."));
          return;
        }
      anchor = item->id;
    }
  note_text_or_body (parser, p, NULL, anchor);
}

/* "note "text" as N", "note as N" with a body, "note "text"". */
static void
parse_free_note (Parser     *parser,
                 const char *p)
{
  g_auto(Token) text = { 0 };
  g_auto(Token) code = { 0 };

  if (*p == '"' && !read_token (&p, &text))
    {
      warn (parser, parser->line, _("The note’s text has no closing quote; it is skipped."));
      return;
    }
  p = skip_space (p);
  if (starts_with_word (p, "as", NULL))
    {
      p = skip_space (p + 2);
      read_token (&p, &code);
      p = skip_space (p);
    }
  if (text.kind == TOKEN_NONE)
    {
      note_text_or_body (parser, p, code.text, NULL);
      return;
    }
  if (*p != '\0')
    {
      g_autofree char *rest = excerpt (p);
      warn (parser, parser->line, _("“%s” is not understood and is skipped."), rest);
    }
  {
    g_autofree char *body = unescape_breaks (text.text, "\n");
    make_note (parser, body, code.text, NULL);
  }
}

static void
skip_until (Parser     *parser,
            const char *end,
            const char *end_spaced)
{
  parser->mode = MODE_SKIP_END;
  parser->mode_line = parser->line;
  parser->skip_end = end;
  parser->skip_end_spaced = end_spaced;
}

static void
parse_note (Parser     *parser,
            const char *p)
{
  p = skip_space (p);
  if (starts_with_word (p, "on", NULL))
    {
      warn (parser, parser->line, _("Notes on links are not imported."));
      if (strchr (p, ':') == NULL)
        skip_until (parser, "endnote", "end note");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    if (starts_with_word (p, sides[i], ":#"))
      {
        parse_side_note (parser, p);
        return;
      }
  parse_free_note (parser, p);
}

/* Links */

typedef enum
{
  STEREOTYPE_NONE,
  STEREOTYPE_INCLUDE,
  STEREOTYPE_EXTEND,
} LinkStereotype;

/* What the first line of a link's label says: "<<include>>", "«extend»",
 * "include"; @rest receives what follows a stereotype on that line. */
static LinkStereotype
classify_label (const char  *line,
                const char **rest)
{
  g_autofree char *word = NULL;
  const char *p = skip_space (line);

  if (read_stereotype (&p, &word))
    *rest = skip_space (p);
  else
    {
      /* The whole label is the word: nothing is left of it. */
      word = g_strstrip (g_strdup (line));
      *rest = line + strlen (line);
    }
  if (g_ascii_strcasecmp (word, "include") == 0 || g_ascii_strcasecmp (word, "includes") == 0 ||
      g_ascii_strcasecmp (word, "uses") == 0)
    return STEREOTYPE_INCLUDE;
  if (g_ascii_strcasecmp (word, "extend") == 0 || g_ascii_strcasecmp (word, "extends") == 0)
    return STEREOTYPE_EXTEND;
  *rest = line;
  return STEREOTYPE_NONE;
}

/* The prefixes of an extend's label lines, and the properties they set. */
static const struct
{
  const char *prefix;
  const char *name;
} extend_lines[] = {
  { "condition:", WM_UC_CONDITION },
  { "extension point:", WM_UC_EXTENSION_POINT },
  { "extension points:", WM_UC_EXTENSION_POINT },
};

/* "condition: {…}" or "[…]", and "extension point: …". */
static gboolean
read_extend_line (Parser     *parser,
                  WmItem     *link,
                  const char *line)
{
  g_autofree char *value = NULL;
  const char *name = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (extend_lines) && name == NULL; i++)
    if (g_ascii_strncasecmp (line, extend_lines[i].prefix, strlen (extend_lines[i].prefix)) == 0)
      {
        name = extend_lines[i].name;
        value = g_strdup (line + strlen (extend_lines[i].prefix));
      }
  if (name == NULL && line[0] == '[' && g_str_has_suffix (line, "]"))
    {
      name = WM_UC_CONDITION;
      value = g_strndup (line + 1, strlen (line) - 2);
    }
  if (name == NULL)
    return FALSE;
  g_strstrip (value);
  /* UML writes the condition in braces. */
  if (g_str_equal (name, WM_UC_CONDITION) && value[0] == '{' && g_str_has_suffix (value, "}"))
    {
      value[strlen (value) - 1] = '\0';
      memmove (value, value + 1, strlen (value));
      g_strstrip (value);
    }
  set_property (parser, link, name, value);
  return TRUE;
}

/* The label's lines after the stereotype: an extend's condition and
 * extension point, and the rest as the link's text. */
static void
set_link_label (Parser     *parser,
                WmItem     *link,
                const char *first,
                char      **lines)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i == 0 || (lines != NULL && lines[i - 1] != NULL); i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (i == 0 ? first : lines[i - 1]));

      if (line[0] == '\0' || (is_type (link, "extend") && read_extend_line (parser, link, line)))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, line);
    }
  if (text->len > 0 && !wm_diagram_set_text (parser->diagram, link->id, text->str))
    warn (parser, parser->line, _("The link’s label is skipped."));
}

typedef struct
{
  WmItem     *left;
  WmItem     *right;
  const char *left_multiplicity;
  const char *right_multiplicity;
  Arrow       arrow;
  const char *label;            /* after ":", or NULL */
} LinkStatement;

/* The link's type, and whether it runs from right to left. */
static const char *
link_type (Parser              *parser,
           const LinkStatement *statement,
           LinkStereotype       stereotype,
           gboolean            *reversed)
{
  const Arrow *arrow = &statement->arrow;
  gboolean left_note = is_type (statement->left, "note");

  *reversed = (arrow->head_left || arrow->triangle_left) &&
              !(arrow->head_right || arrow->triangle_right);
  if (arrow->triangle_left || arrow->triangle_right)
    return "generalization";
  if (stereotype == STEREOTYPE_INCLUDE)
    return "include";
  if (stereotype == STEREOTYPE_EXTEND)
    return "extend";
  if (left_note || is_type (statement->right, "note"))
    {
      *reversed = !left_note;
      return "anchor";
    }
  if (arrow->dashed)
    {
      warn (parser, parser->line,
            _("A dashed arrow without «include» or «extend» has no meaning in a use-case "
              "diagram; it is skipped."));
      return NULL;
    }
  return "association";
}

static void
set_association (Parser              *parser,
                 WmItem              *link,
                 const LinkStatement *statement,
                 gboolean             reversed)
{
  const char *source_multiplicity = reversed ? statement->right_multiplicity
                                             : statement->left_multiplicity;
  const char *target_multiplicity = reversed ? statement->left_multiplicity
                                             : statement->right_multiplicity;

  if (source_multiplicity != NULL)
    set_property (parser, link, WM_UC_SOURCE_MULTIPLICITY, source_multiplicity);
  if (target_multiplicity != NULL)
    set_property (parser, link, WM_UC_TARGET_MULTIPLICITY, target_multiplicity);
  if (statement->arrow.head_left != statement->arrow.head_right)
    set_property (parser, link, WM_UC_NAVIGABLE, "true");
}

static void
add_link_statement (Parser              *parser,
                    const LinkStatement *statement)
{
  g_auto(GStrv) lines = statement->label != NULL ? g_strsplit (statement->label, "\\n", -1)
                                                 : NULL;
  const char *rest = NULL;
  LinkStereotype stereotype = lines != NULL && lines[0] != NULL
                              ? classify_label (lines[0], &rest) : STEREOTYPE_NONE;
  gboolean reversed = FALSE;
  const char *type = link_type (parser, statement, stereotype, &reversed);
  WmItem *source = reversed ? statement->right : statement->left;
  WmItem *target = reversed ? statement->left : statement->right;
  g_autoptr(GError) error = NULL;
  WmItem *link;

  if (type != NULL && g_str_equal (type, "anchor"))
    {
      add_anchor (parser, source, target);
      return;
    }
  if (type == NULL || !may_add_item (parser))
    return;
  link = wm_diagram_add_link (parser->diagram, type, source->id, target->id, &error);
  if (link == NULL)
    {
      warn (parser, parser->line, _("The link is skipped: %s"), error->message);
      return;
    }
  parser->n_items++;
  if (g_str_equal (type, "association"))
    set_association (parser, link, statement, reversed);
  else if (statement->left_multiplicity != NULL || statement->right_multiplicity != NULL)
    warn (parser, parser->line, _("Only associations have multiplicities; they are skipped."));
  if (lines != NULL && lines[0] != NULL)
    set_link_label (parser, link, rest, lines + 1);
}

/* "A "1" --> "*" (B) : label"; FALSE when the line is no link. */
static gboolean
parse_link (Parser     *parser,
            const char *line)
{
  g_auto(Token) left = { 0 };
  g_auto(Token) right = { 0 };
  g_auto(Token) left_multiplicity = { 0 };
  g_auto(Token) right_multiplicity = { 0 };
  LinkStatement statement = { 0 };
  const char *p = line;

  if (!read_token (&p, &left) || left.kind == TOKEN_QUOTED)
    return FALSE;
  p = skip_space (p);
  if (*p == '"' && !read_token (&p, &left_multiplicity))
    return FALSE;
  p = skip_space (p);
  if (!read_arrow (&p, &statement.arrow))
    return FALSE;
  p = skip_space (p);
  if (*p == '"' && !read_token (&p, &right_multiplicity))
    return FALSE;
  p = skip_space (p);
  if (!read_token (&p, &right) || right.kind == TOKEN_QUOTED)
    return FALSE;
  p = skip_space (p);
  if (*p == ':')
    statement.label = skip_space (p + 1);
  else if (*p != '\0')
    return FALSE;
  statement.left = resolve (parser, &left);
  statement.right = resolve (parser, &right);
  statement.left_multiplicity = left_multiplicity.text;
  statement.right_multiplicity = right_multiplicity.text;
  if (statement.left != NULL && statement.right != NULL)
    add_link_statement (parser, &statement);
  return TRUE;
}

/* The grid: where the nodes go when Graphviz cannot lay them out. Each
 * container holds its nodes in a square grid and grows to fit them. */

#define GRID_GAP 40.0
#define GRID_HEADER 50.0

typedef struct
{
  WmDiagram  *diagram;
  GHashTable *children;   /* container id (or "" for the diagram) → GPtrArray of WmItem */
  GHashTable *sizes;      /* container id → WmRect with its measured size */
} Grid;

/* The node's size once its contents are placed: depth is bounded by the
 * model's containment limit. */
static WmRect
grid_measure (Grid   *grid,
              WmItem *item)
{
  GPtrArray *children = g_hash_table_lookup (grid->children, item->id);
  WmRect size = { 0, 0, item->bounds.width, item->bounds.height }, cell = { 0 };
  guint columns;

  if (children == NULL)
    return size;
  columns = (guint) ceil (sqrt (children->len));
  for (guint i = 0; i < children->len; i++)
    {
      WmRect child = grid_measure (grid, g_ptr_array_index (children, i));
      cell.width = MAX (cell.width, child.width);
      cell.height = MAX (cell.height, child.height);
    }
  size.width = MAX (size.width, columns * (cell.width + GRID_GAP) + GRID_GAP);
  size.height = MAX (size.height, GRID_HEADER + ((children->len + columns - 1) / columns) *
                                  (cell.height + GRID_GAP));
  g_hash_table_insert (grid->sizes, item->id, g_memdup2 (&cell, sizeof cell));
  return size;
}

static void grid_place (Grid      *grid,
                        GPtrArray *items,
                        double     x,
                        double     y,
                        WmRect     cell);

static void
grid_place_item (Grid   *grid,
                 WmItem *item,
                 double  x,
                 double  y)
{
  WmRect bounds = grid_measure (grid, item);
  GPtrArray *children = g_hash_table_lookup (grid->children, item->id);

  bounds.x = x;
  bounds.y = y;
  wm_diagram_set_bounds (grid->diagram, item->id, &bounds);
  if (children != NULL)
    grid_place (grid, children, x + GRID_GAP, y + GRID_HEADER,
                *(WmRect *) g_hash_table_lookup (grid->sizes, item->id));
}

static void
grid_place (Grid      *grid,
            GPtrArray *items,
            double     x,
            double     y,
            WmRect     cell)
{
  guint columns = (guint) ceil (sqrt (items->len));

  for (guint i = 0; i < items->len; i++)
    grid_place_item (grid, g_ptr_array_index (items, i),
                     x + (i % columns) * (cell.width + GRID_GAP),
                     y + (i / columns) * (cell.height + GRID_GAP));
}

/* Actors in a column on the left, everything else in a grid beside them. */
static void
place_on_grid (WmDiagram *diagram)
{
  Grid grid = {
    .diagram = diagram,
    .children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref),
    .sizes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free),
  };
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  WmRect cell = { 0 };
  double y = 0;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!wm_item_is_node (item))
        continue;
      if (item->parent != NULL)
        add_to (grid.children, item->parent, item);
      else if (is_type (item, "actor"))
        {
          wm_diagram_set_bounds (diagram, item->id,
                                 &(WmRect) { 0, y, item->bounds.width, item->bounds.height });
          y += item->bounds.height + GRID_GAP;
        }
      else
        g_ptr_array_add (others, item);
    }
  for (guint i = 0; i < others->len; i++)
    {
      WmRect size = grid_measure (&grid, g_ptr_array_index (others, i));
      cell.width = MAX (cell.width, size.width);
      cell.height = MAX (cell.height, size.height);
    }
  grid_place (&grid, others, 60 + 2 * GRID_GAP, 0, cell);
  g_hash_table_unref (grid.children);
  g_hash_table_unref (grid.sizes);
}

/* Blocks */

static void
clear_block (Parser *parser)
{
  for (guint i = 0; i < parser->frames->len; i++)
    g_free (g_array_index (parser->frames, Frame, i).container);
  g_array_set_size (parser->frames, 0);
  g_hash_table_remove_all (parser->codes);
  g_clear_pointer (&parser->last_element, g_free);
  parser->n_ignored_frames = 0;
  g_string_truncate (parser->pending, 0);
  parser->diagram = NULL;
  parser->in_block = FALSE;
  parser->warned_depth = FALSE;
}

static void
begin_block (Parser *parser)
{
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  parser->in_block = TRUE;
  if (parser->n_diagrams >= MAX_DIAGRAMS)
    {
      if (parser->n_diagrams == MAX_DIAGRAMS)
        warn (parser, parser->line,
              ngettext ("More than %u diagram; the rest are skipped.",
                        "More than %u diagrams; the rest are skipped.", MAX_DIAGRAMS),
              MAX_DIAGRAMS);
      parser->n_diagrams++;
      return;
    }
  parser->n_diagrams++;
  name = parser->n_diagrams == 1 ? g_strdup (parser->base_name)
                                 : g_strdup_printf ("%s %u", parser->base_name, parser->n_diagrams);
  parser->diagram = wm_project_add_diagram (parser->project, "use-case", name, &error);
  g_assert_no_error (error);
  parser->block_items = 0;
}

static void
lay_out (Parser    *parser,
         WmDiagram *diagram)
{
  g_autoptr(GError) error = NULL;

  if (parser->layout == WM_PLANTUML_LAYOUT_GRID)
    {
      place_on_grid (diagram);
      return;
    }
  if (wm_layout_diagram (diagram, NULL, &error))
    return;
  warn (parser, 0, _("The automatic layout failed (%s); the diagram is laid out on a grid."),
        error != NULL ? error->message : "");
  place_on_grid (diagram);
}

/* Ends the block: what is still open is closed, and a block that made no
 * element is dropped (it may be a diagram of another kind). */
static void
end_block (Parser *parser)
{
  if (parser->mode == MODE_NOTE)
    {
      warn (parser, parser->mode_line, _("The note has no “end note”; it ends here."));
      end_note_body (parser);
    }
  else if (parser->mode != MODE_STATEMENTS)
    warn (parser, parser->mode_line, _("This block is not closed; it is skipped to here."));
  parser->mode = MODE_STATEMENTS;
  if (parser->pending->len > 0)
    warn (parser, parser->pending_line, _("The quote opened here is not closed; the "
                                          "declaration is skipped."));
  if (parser->frames->len + parser->n_ignored_frames > 0)
    {
      guint n = parser->frames->len + parser->n_ignored_frames;

      warn (parser, parser->line, ngettext ("%u “{” is not closed.", "%u “{” are not closed.", n),
            n);
    }
  if (parser->diagram != NULL && parser->block_items == 0)
    {
      warn (parser, parser->line, _("The diagram has no actor, use case or note; it is skipped."));
      wm_project_remove_diagram (parser->project, parser->diagram);
    }
  else if (parser->diagram != NULL)
    lay_out (parser, parser->diagram);
  clear_block (parser);
}

/* Statements */

/* Commands that draw nothing Waymark keeps, and the words that end those
 * that span lines. */
static const struct
{
  const char *keyword;
  const char *end;          /* the line that ends its block, or NULL */
  const char *end_spaced;
  gboolean    always;       /* a block even with words after the keyword ("legend right") */
} ignored_commands[] = {
  { "legend", "endlegend", "end legend", TRUE },
  { "header", "endheader", "end header", FALSE },
  { "footer", "endfooter", "end footer", FALSE },
  { "title", "endtitle", "end title", FALSE },
  { "<style>", "</style>", "</style>", TRUE },
  { "caption", NULL, NULL, FALSE },
  { "hide", NULL, NULL, FALSE },
  { "show", NULL, NULL, FALSE },
  { "scale", NULL, NULL, FALSE },
  { "skin", NULL, NULL, FALSE },
  { "sprite", NULL, NULL, FALSE },
  { "allowmixing", NULL, NULL, FALSE },
  { "allow_mixing", NULL, NULL, FALSE },
  { "newpage", NULL, NULL, FALSE },
  { "mainframe", NULL, NULL, FALSE },
};

/* Shapes that hold elements: subjects, packages, and the package-like shapes. */
static const struct
{
  const char *keyword;
  const char *type_id;
} container_keywords[] = {
  { "rectangle", "subject" },
  { "package", "package" },
  { "frame", "package" },
  { "folder", "package" },
  { "node", "package" },
  { "cloud", "package" },
  { "database", "package" },
  { "namespace", "package" },
};

static void
parse_title (Parser     *parser,
             const char *p)
{
  g_autofree char *name = NULL;

  p = skip_space (p);
  name = g_strstrip (unescape_breaks (p, " "));
  if (parser->diagram != NULL && !wm_diagram_rename (parser->diagram, name))
    warn (parser, parser->line, _("The title is skipped."));
}

static void
skip_braces (Parser *parser)
{
  parser->mode = MODE_SKIP_BRACES;
  parser->mode_line = parser->line;
  parser->skip_depth = 1;
}

/* "skinparam …", "hide …", "legend" … "endlegend" and the like. */
static gboolean
parse_ignored (Parser     *parser,
               const char *line)
{
  gboolean opens = line[strlen (line) - 1] == '{';

  if (starts_with_word (line, "skinparam", NULL))
    {
      warn (parser, parser->line, _("skinparam is not imported: Waymark draws in its own style."));
      if (opens)
        skip_braces (parser);
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ignored_commands); i++)
    {
      const char *keyword = ignored_commands[i].keyword;
      gboolean alone;

      if (!starts_with_word (line, keyword, NULL))
        continue;
      alone = *skip_space (line + strlen (keyword)) == '\0';
      warn (parser, parser->line, _("“%s” is not imported."), keyword);
      if (opens)
        skip_braces (parser);
      else if (ignored_commands[i].end != NULL && (alone || ignored_commands[i].always))
        skip_until (parser, ignored_commands[i].end, ignored_commands[i].end_spaced);
      return TRUE;
    }
  return FALSE;
}

/* The declarations by keyword; FALSE when the line starts with none. */
static gboolean
parse_keyword (Parser     *parser,
               const char *line)
{
  if (starts_with_word (line, "actor", "/"))
    parse_leaf (parser, "actor", line + 5 + (line[5] == '/'));
  else if (starts_with_word (line, "usecase", "/"))
    parse_leaf (parser, "use-case", line + 7 + (line[7] == '/'));
  else if (starts_with_word (line, "note", NULL))
    parse_note (parser, line + 4);
  else if (starts_with_word (line, "title", NULL) && *skip_space (line + 5) != '\0')
    parse_title (parser, line + 5);
  else if (starts_with_word (line, "together", "{"))
    push_frame (parser, NULL);
  else if (g_ascii_strcasecmp (line, "left to right direction") == 0 ||
           g_ascii_strcasecmp (line, "top to bottom direction") == 0)
    return TRUE;  /* the layout chooses its own direction */
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (container_keywords); i++)
        if (starts_with_word (line, container_keywords[i].keyword, NULL))
          {
            parse_container (parser, container_keywords[i].keyword, container_keywords[i].type_id,
                             line + strlen (container_keywords[i].keyword));
            return TRUE;
          }
      return FALSE;
    }
  return TRUE;
}

static void
parse_statement (Parser     *parser,
                 const char *line)
{
  g_autofree char *shown = NULL;

  if (line[0] == '}' && *skip_space (line + 1) == '\0')
    {
      close_frame (parser);
      return;
    }
  /* A link first: "Actor --> (Pay)" names an element like a keyword. */
  if (parse_link (parser, line) || parse_keyword (parser, line) || parse_ignored (parser, line))
    return;
  if (line[0] == ':' || line[0] == '(')
    {
      parse_leaf (parser, line[0] == ':' ? "actor" : "use-case", line);
      return;
    }
  shown = excerpt (line);
  if (line[0] == '!')
    warn (parser, parser->line, _("Preprocessor directives are not run; “%s” is skipped."),
          shown);
  else if (line[strlen (line) - 1] == '{')
    {
      /* Its contents are read, as if the grouping were not there. */
      warn (parser, parser->line, _("“%s” is not understood; its contents are read without it."),
            shown);
      push_frame (parser, NULL);
    }
  else
    warn (parser, parser->line, _("“%s” is not understood and is skipped."), shown);
}

static gboolean
has_odd_quotes (const char *line)
{
  guint n = 0;

  for (const char *p = line; *p != '\0'; p++)
    n += *p == '"';
  return n % 2 == 1;
}

/* Whether @line declares an element whose quoted name goes on below:
 * PlantUML lets a use case's text span lines. Only a declaration by its
 * keyword does, so that a stray quote in a link's label loses nothing. */
static gboolean
opens_quote (const char *line)
{
  return (starts_with_word (line, "usecase", "/") || starts_with_word (line, "actor", "/") ||
          starts_with_word (line, "note", NULL)) && has_odd_quotes (line);
}

/* Adds @line to the pending declaration, which ends at the line that
 * closes its quote; line breaks join as PlantUML's "\n". */
static void
continue_quote (Parser     *parser,
                const char *line)
{
  guint line_number = parser->line;

  if (parser->pending->len + strlen (line) + 2 > MAX_LINE_BYTES)
    {
      warn (parser, parser->pending_line, _("The quote opened here is not closed; the "
                                            "declaration is skipped."));
      g_string_truncate (parser->pending, 0);
      return;
    }
  g_string_append_printf (parser->pending, "\\n%s", line);
  if (!has_odd_quotes (line))
    return;
  /* Its warnings name the line it starts on. */
  parser->line = parser->pending_line;
  parse_statement (parser, parser->pending->str);
  parser->line = line_number;
  g_string_truncate (parser->pending, 0);
}

/* A line inside a skipped block, a note's body, or a statement. */
static void
parse_block_line (Parser     *parser,
                  const char *line)
{
  switch (parser->mode)
    {
    case MODE_NOTE:
      if (is_note_end (line))
        end_note_body (parser);
      else
        add_note_line (parser, line);
      return;
    case MODE_SKIP_END:
      if (g_ascii_strcasecmp (line, parser->skip_end) == 0 ||
          g_ascii_strcasecmp (line, parser->skip_end_spaced) == 0)
        parser->mode = MODE_STATEMENTS;
      return;
    case MODE_SKIP_BRACES:
      for (const char *p = line; *p != '\0'; p++)
        parser->skip_depth += (*p == '{') - (*p == '}');
      if (parser->skip_depth == 0 || parser->skip_depth > G_MAXUINT / 2)
        parser->mode = MODE_STATEMENTS;
      return;
    case MODE_STATEMENTS:
    default:
      if (parser->pending->len > 0)
        continue_quote (parser, line);
      else if (opens_quote (line))
        {
          g_string_assign (parser->pending, line);
          parser->pending_line = parser->line;
        }
      else if (line[0] != '\0' && line[0] != '\'')
        parse_statement (parser, line);
      return;
    }
}

/* Lines */

/* Takes block comments out of @line (in place), following them across
 * lines; one pass, whatever the number of comments. */
static void
strip_block_comments (Parser *parser,
                      char   *line)
{
  char *out = line;
  const char *in = line;

  while (*in != '\0')
    {
      if (parser->in_comment)
        {
          const char *end = strstr (in, "'/");

          if (end == NULL)
            break;
          in = end + 2;
          parser->in_comment = FALSE;
        }
      else
        {
          const char *start = strstr (in, "/'");
          gsize n = start != NULL ? (gsize) (start - in) : strlen (in);

          memmove (out, in, n);
          out += n;
          if (start == NULL)
            break;
          in = start + 2;
          parser->in_comment = TRUE;
        }
    }
  *out = '\0';
}

static void
parse_line (Parser *parser,
            char   *line)
{
  strip_block_comments (parser, line);
  g_strstrip (line);
  if (!parser->in_block)
    {
      if (starts_with_word (line, "@startuml", NULL))
        begin_block (parser);
      else if (!parser->strict && line[0] != '\0' && line[0] != '\'')
        {
          begin_block (parser);
          parse_block_line (parser, line);
        }
      return;
    }
  if (starts_with_word (line, "@startuml", NULL))
    {
      warn (parser, parser->line, _("@startuml before @enduml; the diagram before ends here."));
      end_block (parser);
      begin_block (parser);
    }
  else if (starts_with_word (line, "@enduml", NULL))
    end_block (parser);
  else if (parser->diagram != NULL)
    parse_block_line (parser, line);
}

/* One line, bounded and made valid UTF-8, to parse_line(). */
static void
read_line (Parser     *parser,
           const char *start,
           gsize       length)
{
  g_autofree char *line = NULL;

  if (length > MAX_LINE_BYTES)
    {
      warn (parser, parser->line,
            ngettext ("The line is longer than %u byte and is skipped.",
                      "The line is longer than %u bytes and is skipped.", MAX_LINE_BYTES),
            MAX_LINE_BYTES);
      return;
    }
  if (length > 0 && start[length - 1] == '\r')
    length--;
  if (g_utf8_validate_len (start, length, NULL))
    line = g_strndup (start, length);
  else
    {
      warn (parser, parser->line, _("The line is not valid UTF-8; its bad bytes are replaced."));
      line = g_utf8_make_valid (start, length);
    }
  parse_line (parser, line);
}

static void
read_lines (Parser     *parser,
            const char *data,
            gsize       size)
{
  const char *p = data, *end = data + size;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < end)
    {
      const char *newline = memchr (p, '\n', end - p);
      const char *line_end = newline != NULL ? newline : end;

      parser->line++;
      read_line (parser, p, line_end - p);
      p = line_end + 1;
    }
}

/* Whether a line of @data starts with @startuml: then only the blocks count. */
static gboolean
has_start (const char *data,
           gsize       size)
{
  static const char marker[] = "@startuml";
  const char *p = data, *end = data + size;

  while (p != NULL && (gsize) (end - p) >= sizeof marker - 1)
    {
      if (memcmp (p, marker, sizeof marker - 1) == 0)
        return TRUE;
      p = memchr (p + 1, '@', end - p - 1);
    }
  return FALSE;
}

static char *
base_name_of (const char *filename)
{
  g_autofree char *base = NULL;
  char *dot;

  if (filename == NULL)
    return g_strdup (_("Use cases"));
  base = g_path_get_basename (filename);
  dot = strrchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  if (!g_utf8_validate (base, -1, NULL) || wm_str_is_blank (base))
    return g_strdup (_("Use cases"));
  return g_steal_pointer (&base);
}

static void
parser_init (Parser      *parser,
             const char  *filename,
             WmImportLog *log)
{
  *parser = (Parser) {
    .project = wm_project_new (),
    .log = log,
    .base_name = base_name_of (filename),
    .codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    .frames = g_array_new (FALSE, FALSE, sizeof (Frame)),
    .note_text = g_string_new (NULL),
    .pending = g_string_new (NULL),
  };
}

static void
parser_clear (Parser *parser)
{
  clear_block (parser);
  g_clear_object (&parser->project);
  g_free (parser->base_name);
  g_hash_table_unref (parser->codes);
  g_array_unref (parser->frames);
  g_string_free (parser->note_text, TRUE);
  g_string_free (parser->pending, TRUE);
  g_free (parser->note_code);
  g_free (parser->note_anchor);
}

static void
set_nothing_error (GError    **error,
                   const char *filename)
{
  g_autofree char *name = filename != NULL ? g_path_get_basename (filename) : NULL;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                 _("“%s” holds no PlantUML use-case diagram: no actor, use case or note could "
                   "be read."), name);
  else
    g_set_error_literal (error, WM_ERROR, WM_ERROR_INVALID,
                         _("The text holds no PlantUML use-case diagram: no actor, use case or "
                           "note could be read."));
}

WmProject *
wm_import_plantuml (const char  *data,
                    gsize        size,
                    const char  *filename,
                    WmImportLog *log,
                    GError     **error)
{
  return _wm_import_plantuml_with_layout (data, size, filename, log,
                                          WM_PLANTUML_LAYOUT_GRAPHVIZ, error);
}

WmProject *
_wm_import_plantuml_with_layout (const char       *data,
                                 gsize             size,
                                 const char       *filename,
                                 WmImportLog      *log,
                                 WmPlantumlLayout  layout,
                                 GError          **error)
{
  Parser parser;
  WmProject *project;

  g_return_val_if_fail (data != NULL || size == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (size > MAX_INPUT_BYTES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("The PlantUML file is larger than %u MB; Waymark does not read it."),
                   MAX_INPUT_BYTES / (1024 * 1024));
      return NULL;
    }
  parser_init (&parser, filename, log);
  parser.layout = layout;
  parser.strict = has_start (data, size);
  if (!parser.strict && size > 0)
    warn (&parser, 0, _("There is no @startuml; the whole file is read as one diagram."));
  read_lines (&parser, data, size);
  if (parser.in_block)
    {
      warn (&parser, parser.line, _("There is no @enduml at the end."));
      end_block (&parser);
    }
  if (wm_project_get_n_diagrams (parser.project) == 0)
    {
      set_nothing_error (error, filename);
      parser_clear (&parser);
      return NULL;
    }
  wm_project_set_title (parser.project, parser.base_name);
  wm_project_clear_history (parser.project);
  project = g_steal_pointer (&parser.project);
  parser_clear (&parser);
  return project;
}
