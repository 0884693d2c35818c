/* wm-markdown.c — a whole project as one Markdown document
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-markdown"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-board.h"
#include "wm-error.h"
#include "wm-export.h"
#include "wm-journey.h"
#include "wm-markdown.h"
#include "wm-trace.h"
#include "wm-use-case.h"
#include "wm-vsm.h"

/* The writer's state: the document, and which items it has listed so far
 * in the current diagram (every node gets an anchor somewhere). */
typedef struct
{
  GString    *out;
  WmProject  *project;
  GHashTable *listed;  /* item ids of the current diagram */
} Md;

typedef enum
{
  MD_INLINE,   /* a paragraph or a list item: line breaks stay, as hard breaks */
  MD_CELL,     /* a table cell: line breaks become <br> */
  MD_HEADING,  /* a heading or a link's text: one line */
} MdContext;

/* Escaping */

/* Whether @p, at the start of a line, would begin a list item: "1." or "1)". */
static const char *
ordered_marker (const char *p)
{
  const char *q = p;

  while (g_ascii_isdigit (*q))
    q++;
  return q > p && q - p < 10 && (*q == '.' || *q == ')') && g_ascii_isspace (q[1]) ? q : NULL;
}

/* Whether the '&' at @p starts what reads as an entity, "&amp;" or "&#38;". */
static gboolean
starts_entity (const char *p)
{
  const char *q = p + 1;

  while (g_ascii_isalnum (*q) || *q == '#')
    q++;
  return q > p + 1 && *q == ';';
}

/* Appends @text so that Markdown shows it as it is: the characters that
 * mark up are escaped (with a backslash where CommonMark and
 * Python-Markdown both take one, else as HTML entities), and what would
 * start a block at the beginning of a line (a list marker, a heading, a
 * code indent) is defused. */
static void
md_escape (GString    *out,
           const char *text,
           MdContext   context,
           const char *indent)
{
  gboolean line_start = TRUE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      const char *marker;

      if (line_start && (*p == ' ' || *p == '\t'))
        continue;
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          if (context == MD_CELL)
            g_string_append (out, "<br>");
          else if (context == MD_INLINE)
            g_string_append_printf (out, "  \n%s", indent != NULL ? indent : "");
          else
            g_string_append_c (out, ' ');
          line_start = TRUE;
          continue;
        }
      if (line_start && (marker = ordered_marker (p)) != NULL)
        {
          g_string_append_len (out, p, marker - p);
          g_string_append_c (out, '\\');
          g_string_append_c (out, *marker);
          p = marker;
          line_start = FALSE;
          continue;
        }
      if (line_start && (*p == '-' || *p == '+') && (p[1] == '\0' || g_ascii_isspace (p[1])))
        g_string_append_c (out, '\\');
      line_start = FALSE;
      if (strchr ("\\`*_[]#|", *p) != NULL)
        g_string_append_c (out, '\\');
      if (*p == '<')
        g_string_append (out, "&lt;");
      else if (*p == '>')
        g_string_append (out, "&gt;");
      else if (*p == '&' && starts_entity (p))
        g_string_append (out, "&amp;");
      else if (*p == '=' && (p == text || p[-1] == '\n'))
        g_string_append (out, "&#61;");
      else
        g_string_append_c (out, *p);
    }
}

static void
md_anchor (Md         *md,
           const char *prefix,
           const char *id)
{
  g_string_append_printf (md->out, "<a id=\"%s-%s\"></a>", prefix, id);
}

/* What an item is called in links: its text, else its type's name. */
static const char *
item_title (const WmItem *item)
{
  return wm_str_is_blank (item->text) ? _(item->type->label) : item->text;
}

/* A link to item @id, when the document has it; its text otherwise, marked missing. */
static void
md_item_link (Md         *md,
              WmDiagram  *from,
              const char *id)
{
  WmDiagram *diagram = NULL;
  WmItem *item = wm_project_lookup_item (md->project, id, &diagram);

  if (item == NULL || !wm_item_is_node (item))
    {
      WmRemovedItem removed;

      if (wm_project_recall_removed_item (md->project, id, &removed) && removed.text != NULL)
        md_escape (md->out, removed.text, MD_HEADING, NULL);
      else
        md_escape (md->out, id, MD_HEADING, NULL);
      /* Translators: after the name of an item a link leads to that no longer exists. */
      g_string_append_printf (md->out, " *(%s)*", _("missing"));
      return;
    }
  g_string_append_c (md->out, '[');
  md_escape (md->out, item_title (item), MD_HEADING, NULL);
  g_string_append_printf (md->out, "](#item-%s)", item->id);
  if (diagram != from)
    {
      g_string_append (md->out, " *(");
      md_escape (md->out, wm_diagram_get_name (diagram), MD_HEADING, NULL);
      g_string_append (md->out, ")*");
    }
}

/* " → [a](#…), [b](#…)": where the ids of a REFS value lead. */
static void
md_links (Md                *md,
          WmDiagram         *from,
          const char *const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_string_append (md->out, i == 0 ? " → " : ", ");
      md_item_link (md, from, ids[i]);
    }
}

/* Values */

/* A property's value as the reader sees it: numbers with their units,
 * choices by their labels; NULL for what the document does not show. */
static char *
value_text (const WmPropSpec *spec,
            const WmValue    *value)
{
  g_autoptr(GString) number = g_string_new (NULL);
  const char *unit = spec->unit != NULL ? _(spec->unit) : NULL;

  switch (spec->type)
    {
    case WM_PROP_STRING:
    case WM_PROP_TEXT:
      return g_strdup (value->v.string != NULL ? value->v.string : "");
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
      wm_format_number (number, spec->type == WM_PROP_NUMBER ? value->v.number
                                                              : (double) value->v.integer);
      if (unit != NULL)
        g_string_append_printf (number, " %s", unit);
      return g_strdup (number->str);
    case WM_PROP_BOOLEAN:
      /* Translators: the value of a yes/no property in a Markdown table */
      return g_strdup (value->v.boolean ? _("yes") : _("no"));
    case WM_PROP_ENUM:
      return g_strdup (_(spec->choices[value->v.choice].label));
    case WM_PROP_STRING_LIST:
      return value->v.strv != NULL ? g_strjoinv (", ", value->v.strv) : g_strdup ("");
    case WM_PROP_SLOT:
    case WM_PROP_COLOR:
    case WM_PROP_REFS:
    case WM_PROP_IMAGE:
    default:
      return NULL;
    }
}

/* The value of property or field @name of @owner, NULL when unset. */
typedef const WmValue *(*ValueGetter) (gpointer owner, const char *name);

static const WmValue *
item_value (gpointer    owner,
            const char *name)
{
  return wm_item_has_value (owner, name) ? wm_item_get_value (owner, name, NULL) : NULL;
}

static const WmValue *
diagram_value (gpointer    owner,
               const char *name)
{
  return wm_diagram_has_value (owner, name) ? wm_diagram_get_value (owner, name, NULL) : NULL;
}

/* Writes one property of the kind @pass shows (0: one-line values as
 * "**Label:** value" lines, 1: texts as paragraphs, 2: links); TRUE when
 * it wrote something. */
static gboolean
md_property (Md               *md,
             WmDiagram        *diagram,
             const WmPropSpec *spec,
             const WmValue    *value,
             guint             pass)
{
  guint kind = spec->type == WM_PROP_REFS ? 2 : spec->type == WM_PROP_TEXT ? 1 : 0;
  g_autofree char *text = NULL;

  if (kind != pass)
    return FALSE;
  if (spec->type == WM_PROP_REFS)
    {
      if (value->v.strv == NULL || value->v.strv[0] == NULL)
        return FALSE;
      g_string_append_printf (md->out, "**%s**", _(spec->label));
      md_links (md, diagram, (const char *const *) value->v.strv);
      g_string_append (md->out, "\n\n");
      return TRUE;
    }
  if ((text = value_text (spec, value)) == NULL || wm_str_is_blank (text))
    return FALSE;
  g_string_append_printf (md->out, pass == 1 ? "**%s**\n\n" : "**%s:** ", _(spec->label));
  md_escape (md->out, text, MD_INLINE, NULL);
  /* One-line values make one paragraph, a line each. */
  g_string_append (md->out, pass == 1 ? "\n\n" : "  \n");
  return TRUE;
}

/* The set properties of @specs (an item's or a diagram's fields): one-line
 * ones first, then texts, then links. @get gives a value by name, or NULL
 * when it is unset. */
static void
md_properties (Md               *md,
               WmDiagram        *diagram,
               const WmPropSpec *specs,
               guint             n_specs,
               ValueGetter       get,
               gpointer          owner)
{
  for (guint pass = 0; pass < 3; pass++)
    {
      guint written = 0;

      for (guint i = 0; i < n_specs; i++)
        {
          const WmValue *value = get (owner, specs[i].name);

          /* A board's size is the drawing's business, not the reader's. */
          if (value != NULL && !g_str_equal (specs[i].name, WM_FIELD_WIDTH) &&
              !g_str_equal (specs[i].name, WM_FIELD_HEIGHT))
            written += md_property (md, diagram, &specs[i], value, pass);
        }
      if (pass == 0 && written > 0)
        g_string_append_c (md->out, '\n');
    }
}

/* One list item for @item: an anchor, its text, its choices in brackets
 * and where its links lead; its texts follow on their own lines. */
static void
md_item_line (Md         *md,
              WmDiagram  *diagram,
              WmItem     *item,
              const char *skip)
{
  const WmItemType *type = item->type;
  gboolean first = TRUE;

  g_string_append (md->out, "- ");
  md_anchor (md, "item", item->id);
  md_escape (md->out, item_title (item), MD_INLINE, "  ");
  for (guint i = 0; i < type->n_props; i++)
    {
      const WmPropSpec *spec = &type->props[i];
      g_autofree char *text = NULL;

      if (spec->type != WM_PROP_ENUM || g_strcmp0 (spec->name, skip) == 0 ||
          !wm_item_has_value (item, spec->name))
        continue;
      text = value_text (spec, wm_item_get_value (item, spec->name, NULL));
      g_string_append (md->out, first ? " *(" : ", ");
      md_escape (md->out, text, MD_HEADING, NULL);
      first = FALSE;
    }
  if (!first)
    g_string_append (md->out, ")*");
  if (wm_item_has_prop (item, WM_FIELD_LINKS))
    md_links (md, diagram, wm_item_get_strv (item, WM_FIELD_LINKS));
  for (guint i = 0; i < type->n_props; i++)
    {
      const WmPropSpec *spec = &type->props[i];

      if ((spec->type != WM_PROP_TEXT && spec->type != WM_PROP_STRING) ||
          !wm_item_has_value (item, spec->name) ||
          wm_str_is_blank (wm_item_get_string (item, spec->name)))
        continue;
      g_string_append_printf (md->out, "  \n  *%s:* ", _(spec->label));
      md_escape (md->out, wm_item_get_string (item, spec->name), MD_INLINE, "  ");
    }
  g_string_append_c (md->out, '\n');
  g_hash_table_add (md->listed, item->id);
}

/* Boards: the canvases */

static void
md_board (Md        *md,
          WmDiagram *diagram)
{
  const WmBoard *board = wm_board_get (diagram);

  for (guint a = 0; a < board->n_areas; a++)
    {
      gboolean any = FALSE;

      g_string_append_printf (md->out, "### %s\n\n", _(board->areas[a].label));
      for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
        {
          WmItem *item = wm_diagram_get_item (diagram, i);

          if (!wm_item_is_node (item) || wm_board_area_of (board, item) != a)
            continue;
          md_item_line (md, diagram, item, board->area_prop);
          any = TRUE;
        }
      /* Translators: what an area of a canvas with no notes says. */
      g_string_append (md->out, any ? "\n" : _("*Empty.*\n\n"));
    }
}

/* Use cases */

/* "**Label:** [a](#…), [b](#…)": the items at the other end of @item's
 * links of @link_type, leaving it (@outgoing) or arriving. */
static void
md_related (Md         *md,
            WmDiagram  *diagram,
            WmItem     *item,
            const char *link_type,
            gboolean    outgoing,
            gboolean    either,
            const char *label)
{
  g_autoptr(GPtrArray) links = wm_diagram_links_of (diagram, item->id);
  guint n = 0;

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      WmItem *link = g_ptr_array_index (links, i);
      gboolean leaves = g_strcmp0 (link->source, item->id) == 0;

      if (!g_str_equal (link->type->id, link_type) || (!either && leaves != outgoing))
        continue;
      g_string_append_printf (md->out, n++ == 0 ? "**%s:** " : ", ", label);
      md_item_link (md, diagram, leaves ? link->target : link->source);
      if (wm_item_has_prop (link, WM_UC_CONDITION) && wm_item_has_value (link, WM_UC_CONDITION))
        {
          g_string_append (md->out, " (");
          md_escape (md->out, wm_item_get_string (link, WM_UC_CONDITION), MD_HEADING, NULL);
          g_string_append_c (md->out, ')');
        }
    }
  if (n > 0)
    g_string_append (md->out, "\n\n");
}

static void
md_use_cases (Md        *md,
              WmDiagram *diagram)
{
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "actor"))
        continue;
      if (!any)
        g_string_append_printf (md->out, "### %s\n\n", _("Actors"));
      md_item_line (md, diagram, item, NULL);
      any = TRUE;
    }
  if (any)
    g_string_append_c (md->out, '\n');
  any = FALSE;
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "use-case"))
        continue;
      if (!any)
        g_string_append_printf (md->out, "### %s\n\n", _("Use cases"));
      any = TRUE;
      g_string_append (md->out, "#### ");
      md_anchor (md, "item", item->id);
      md_escape (md->out, item_title (item), MD_HEADING, NULL);
      g_string_append (md->out, "\n\n");
      md_related (md, diagram, item, "association", TRUE, TRUE, _("Actors"));
      md_related (md, diagram, item, "include", TRUE, FALSE, _("Includes"));
      md_related (md, diagram, item, "extend", TRUE, FALSE, _("Extends"));
      md_related (md, diagram, item, "include", FALSE, FALSE, _("Included by"));
      md_related (md, diagram, item, "extend", FALSE, FALSE, _("Extended by"));
      md_properties (md, diagram, item->type->props, item->type->n_props, item_value, item);
      g_hash_table_add (md->listed, item->id);
    }
}

/* Value stream maps */

static void
md_cell (Md         *md,
         const char *text)
{
  g_string_append_c (md->out, ' ');
  md_escape (md->out, text, MD_CELL, NULL);
  g_string_append (md->out, " |");
}

static void
md_figure_cell (Md           *md,
                WmFigureKind  kind,
                double        value)
{
  g_autofree char *text = wm_figure_format_as (kind, value);

  md_cell (md, text);
}

/* A table's header row and its rule. */
static void
md_table_head (Md                *md,
               const char *const *headers)
{
  g_string_append_c (md->out, '|');
  for (guint i = 0; headers[i] != NULL; i++)
    md_cell (md, headers[i]);
  g_string_append (md->out, "\n|");
  for (guint i = 0; headers[i] != NULL; i++)
    g_string_append (md->out, i == 0 ? " --- |" : " ---: |");
  g_string_append_c (md->out, '\n');
}

static void
md_metrics (Md        *md,
            WmDiagram *diagram)
{
  g_autoptr(GArray) metrics = wm_notation_compute_metrics (diagram);
  /* Translators: column headings of a Markdown table: a figure's name (lead time...) and its
   * value, nouns */
  const char *headers[] = { _("Figure"), _("Value"), NULL };

  if (metrics == NULL || metrics->len == 0)
    return;
  g_string_append_printf (md->out, "### %s\n\n", _("Figures"));
  md_table_head (md, headers);
  for (guint m = 0; m < metrics->len; m++)
    {
      const WmMetric *metric = &g_array_index (metrics, WmMetric, m);
      g_autofree char *value = wm_metric_format (metric);

      g_string_append_c (md->out, '|');
      md_cell (md, metric->label);
      md_cell (md, value);
      g_string_append_c (md->out, '\n');
    }
  g_string_append_c (md->out, '\n');
}

/* The name cell of a table row: an anchor and the item's text. */
static void
md_name_cell (Md     *md,
              WmItem *item)
{
  g_string_append (md->out, "| ");
  md_anchor (md, "item", item->id);
  md_escape (md->out, item_title (item), MD_CELL, NULL);
  g_string_append (md->out, " |");
  g_hash_table_add (md->listed, item->id);
}

static void
md_processes (Md        *md,
              WmDiagram *diagram)
{
  const char *headers[] = { _("Process"), _("Cycle time"), _("Changeover"), _("Uptime"),
                            _("Operators"), _("Shifts"), _("Batch size"), _("Scrap"),
                            _("Complete and accurate"), NULL };
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "process"))
        continue;
      if (!any)
        {
          g_string_append_printf (md->out, "### %s\n\n", _("Processes"));
          md_table_head (md, headers);
        }
      any = TRUE;
      md_name_cell (md, item);
      md_figure_cell (md, WM_FIGURE_SECONDS, wm_item_get_number (item, WM_VSM_CYCLE_TIME));
      md_figure_cell (md, WM_FIGURE_DURATION, wm_item_get_number (item, WM_VSM_CHANGEOVER_TIME));
      md_figure_cell (md, WM_FIGURE_PERCENT, wm_item_get_number (item, WM_VSM_UPTIME));
      md_figure_cell (md, WM_FIGURE_COUNT, wm_item_get_integer (item, WM_VSM_OPERATORS));
      md_figure_cell (md, WM_FIGURE_COUNT, wm_item_get_integer (item, WM_VSM_SHIFTS));
      md_figure_cell (md, WM_FIGURE_PIECES, wm_item_get_integer (item, WM_VSM_BATCH_SIZE));
      md_figure_cell (md, WM_FIGURE_PERCENT, wm_item_get_number (item, WM_VSM_SCRAP));
      md_figure_cell (md, WM_FIGURE_PERCENT, wm_item_get_number (item, WM_VSM_COMPLETE_ACCURATE));
      g_string_append_c (md->out, '\n');
    }
  if (any)
    g_string_append_c (md->out, '\n');
}

static void
md_inventories (Md        *md,
                WmDiagram *diagram)
{
  const char *headers[] = { _("Inventory"), _("Quantity"), _("Days of stock"), NULL };
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "inventory"))
        continue;
      if (!any)
        {
          g_string_append_printf (md->out, "### %s\n\n", _("Inventories"));
          md_table_head (md, headers);
        }
      any = TRUE;
      md_name_cell (md, item);
      md_figure_cell (md, WM_FIGURE_PIECES, wm_item_get_number (item, WM_VSM_QUANTITY));
      md_figure_cell (md, WM_FIGURE_DAYS, wm_vsm_inventory_days (diagram, item));
      g_string_append_c (md->out, '\n');
    }
  if (any)
    g_string_append_c (md->out, '\n');
}

static void
md_value_stream (Md        *md,
                 WmDiagram *diagram)
{
  md_metrics (md, diagram);
  md_processes (md, diagram);
  md_inventories (md, diagram);
}

/* Customer journeys */

/* An entry of a journey cell: an anchor, the text, and what it adds. */
static void
md_journey_entry (Md        *md,
                  WmDiagram *diagram,
                  WmItem    *item)
{
  g_autoptr(GString) text = g_string_new (item->text);

  if (g_str_equal (item->type->id, "emotion"))
    {
      double score = wm_item_get_number (item, WM_JOURNEY_SCORE);

      g_string_append (text, text->len > 0 ? " (" : "(");
      if (score > 0)
        g_string_append_c (text, '+');
      wm_format_number (text, score);
      g_string_append_c (text, ')');
    }
  else if (g_str_equal (item->type->id, "kpi"))
    {
      g_autofree char *value = wm_figure_format_as (WM_FIGURE_AMOUNT,
                                                    wm_item_get_number (item, WM_JOURNEY_VALUE));
      const char *unit = wm_item_get_string (item, WM_JOURNEY_UNIT);

      if (unit == NULL)
        unit = "";
      g_string_append_printf (text, ": %s%s%s", value, unit[0] != '\0' ? " " : "", unit);
      if (wm_item_has_value (item, WM_JOURNEY_TARGET))
        {
          g_autofree char *target = wm_figure_format_as (WM_FIGURE_AMOUNT,
                                                         wm_item_get_number (item, WM_JOURNEY_TARGET));
          g_autofree char *aim = unit[0] != '\0' ? g_strdup_printf ("%s %s", target, unit)
                                                 : g_strdup (target);

          g_string_append_c (text, ' ');
          /* Translators: after a KPI's value, the value it aims at with its unit, "8 %" */
          g_string_append_printf (text, _("(target %s)"), aim);
        }
    }
  md_anchor (md, "item", item->id);
  md_escape (md->out, text->str, MD_CELL, NULL);
  if (wm_item_has_prop (item, WM_FIELD_LINKS))
    md_links (md, diagram, wm_item_get_strv (item, WM_FIELD_LINKS));
  g_hash_table_add (md->listed, item->id);
}

static void
md_journey (Md        *md,
            WmDiagram *diagram)
{
  g_autoptr(WmJourneyLayout) layout = wm_journey_layout_new (diagram);
  guint n_cells = layout->n_stages * layout->n_lanes;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (layout->n_stages == 0 || layout->n_lanes == 0)
    return;
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (cells, g_ptr_array_new ());
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      int stage, lane;

      if (wm_item_is_node (item) && wm_journey_layout_item_cell (layout, item, &stage, &lane) &&
          stage >= 0 && lane >= 0)
        g_ptr_array_add (g_ptr_array_index (cells, (guint) lane * layout->n_stages + stage), item);
    }

  /* Translators: a heading of a Markdown export: a customer journey (a noun) */
  g_string_append_printf (md->out, "### %s\n\n| %s |", _("Journey"), _("Lane"));
  for (guint s = 0; s < layout->n_stages; s++)
    md_cell (md, layout->stages[s].label);
  g_string_append (md->out, "\n| --- |");
  for (guint s = 0; s < layout->n_stages; s++)
    g_string_append (md->out, " --- |");
  g_string_append_c (md->out, '\n');
  for (guint l = 0; l < layout->n_lanes; l++)
    {
      g_string_append (md->out, "| **");
      md_escape (md->out, layout->lanes[l].label, MD_HEADING, NULL);
      g_string_append (md->out, "** |");
      for (guint s = 0; s < layout->n_stages; s++)
        {
          GPtrArray *items = g_ptr_array_index (cells, l * layout->n_stages + s);

          g_string_append_c (md->out, ' ');
          for (guint i = 0; i < items->len; i++)
            {
              if (i > 0)
                g_string_append (md->out, "<br>");
              md_journey_entry (md, diagram, g_ptr_array_index (items, i));
            }
          g_string_append (md->out, " |");
        }
      g_string_append_c (md->out, '\n');
    }
  g_string_append_c (md->out, '\n');
}

/* Every diagram */

/* The nodes no section above listed, so that every item has its anchor. */
static void
md_other_items (Md        *md,
                WmDiagram *diagram)
{
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!wm_item_is_node (item) || g_hash_table_contains (md->listed, item->id))
        continue;
      if (!any)
        g_string_append_printf (md->out, "### %s\n\n", _("Other items"));
      any = TRUE;
      md_item_line (md, diagram, item, NULL);
    }
  if (any)
    g_string_append_c (md->out, '\n');
}

static void
md_relationships (Md        *md,
                  WmDiagram *diagram)
{
  gboolean any = FALSE;

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *link = wm_diagram_get_item (diagram, i);

      if (!wm_item_is_link (link))
        continue;
      if (!any)
        g_string_append_printf (md->out, "### %s\n\n", _("Relationships"));
      any = TRUE;
      g_string_append (md->out, "- ");
      md_item_link (md, diagram, link->source);
      g_string_append (md->out, " → ");
      md_item_link (md, diagram, link->target);
      g_string_append_printf (md->out, " *(%s)*", _(link->type->label));
      if (!wm_str_is_blank (link->text))
        {
          g_string_append (md->out, ": ");
          md_escape (md->out, link->text, MD_HEADING, NULL);
        }
      g_string_append_c (md->out, '\n');
    }
  if (any)
    g_string_append_c (md->out, '\n');
}

static void
md_picture (Md         *md,
            WmDiagram  *diagram,
            const char *path,
            const char *href)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *escaped = g_uri_escape_string (base, NULL, FALSE);

  g_string_append (md->out, "![");
  md_escape (md->out, wm_diagram_get_name (diagram), MD_HEADING, NULL);
  g_string_append_printf (md->out, "](%s%s)\n\n", href != NULL ? href : "", escaped);
}

static void
md_diagram (Md         *md,
            WmDiagram  *diagram,
            const char *picture,
            const char *href)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  g_hash_table_remove_all (md->listed);
  md_anchor (md, "diagram", wm_diagram_get_id (diagram));
  g_string_append (md->out, "\n\n## ");
  md_escape (md->out, wm_diagram_get_name (diagram), MD_HEADING, NULL);
  g_string_append_printf (md->out, "\n\n*%s*\n\n", _(notation->label));
  if (picture != NULL)
    md_picture (md, diagram, picture, href);
  md_properties (md, diagram, notation->props, notation->n_props, diagram_value, diagram);

  if (wm_board_get (diagram) != NULL)
    md_board (md, diagram);
  else if (g_str_equal (notation->id, "use-case"))
    md_use_cases (md, diagram);
  else if (g_str_equal (notation->id, "value-stream-map"))
    md_value_stream (md, diagram);
  else if (g_str_equal (notation->id, "customer-journey"))
    md_journey (md, diagram);
  md_other_items (md, diagram);
  md_relationships (md, diagram);
}

/* Traceability */

static void
md_trace_step (Md                *md,
               const WmTraceStep *step)
{
  g_autofree char *label = wm_trace_step_label (step);

  if (step->broken || step->item == NULL || !wm_item_is_node (step->item))
    {
      md_escape (md->out, label, MD_HEADING, NULL);
      g_string_append_printf (md->out, " **(%s)**", _("broken link"));
      return;
    }
  g_string_append_c (md->out, '[');
  md_escape (md->out, label, MD_HEADING, NULL);
  g_string_append_printf (md->out, "](#item-%s)", step->item->id);
  if (step->cycle)
    g_string_append_printf (md->out, " *(%s)*", _("back to an earlier step"));
}

static void
md_traceability (Md *md)
{
  g_autoptr(GPtrArray) rows = wm_trace_collect (md->project);
  WmDiagram *group = NULL;

  g_string_append (md->out, "<a id=\"traceability\"></a>\n\n");
  g_string_append_printf (md->out, "## %s\n\n", _("Traceability"));
  if (rows->len == 0)
    g_string_append_printf (md->out, "*%s*\n\n", _("No item links to another."));
  for (guint r = 0; r < rows->len; r++)
    {
      const WmTraceRow *row = g_ptr_array_index (rows, r);

      if (row->source != group)
        {
          if (group != NULL)
            g_string_append_c (md->out, '\n');
          group = row->source;
          /* Translators: a heading over the chains of links that start in a diagram. */
          g_string_append_printf (md->out, "### %s ", _("From"));
          md_escape (md->out, wm_diagram_get_name (group), MD_HEADING, NULL);
          g_string_append (md->out, "\n\n");
        }
      g_string_append (md->out, "- ");
      for (guint s = 0; s < row->steps->len; s++)
        {
          if (s > 0)
            g_string_append (md->out, " → ");
          md_trace_step (md, wm_trace_row_get_step (row, s));
        }
      g_string_append_c (md->out, '\n');
    }
  if (rows->len > 0)
    g_string_append_c (md->out, '\n');
}

/* The document */

static void
md_title (Md                      *md,
          const WmMarkdownOptions *options)
{
  const char *title = wm_project_get_title (md->project);
  const char *author = wm_project_get_author (md->project);
  const char *description = wm_project_get_description (md->project);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  g_string_append (md->out, "# ");
  md_escape (md->out, !wm_str_is_blank (title) ? title : _("Untitled project"), MD_HEADING, NULL);
  g_string_append (md->out, "\n\n");
  if (!wm_str_is_blank (author))
    {
      g_string_append_printf (md->out, "**%s:** ", _("Author"));
      md_escape (md->out, author, MD_INLINE, NULL);
      g_string_append (md->out, "  \n");
    }
  g_string_append_printf (md->out, "**%s:** ", _("Date"));
  md_escape (md->out, options->date != NULL ? options->date : today, MD_INLINE, NULL);
  g_string_append (md->out, "\n\n");
  if (!wm_str_is_blank (description))
    {
      md_escape (md->out, description, MD_INLINE, NULL);
      g_string_append (md->out, "\n\n");
    }
}

static void
md_contents (Md *md)
{
  g_string_append_printf (md->out, "## %s\n\n", _("Contents"));
  for (guint i = 0; i < wm_project_get_n_diagrams (md->project); i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (md->project, i);

      g_string_append (md->out, "- [");
      md_escape (md->out, wm_diagram_get_name (diagram), MD_HEADING, NULL);
      g_string_append_printf (md->out, "](#diagram-%s) *(%s)*\n", wm_diagram_get_id (diagram),
                              _(wm_diagram_get_notation (diagram)->label));
    }
  g_string_append_printf (md->out, "- [%s](#traceability)\n\n", _("Traceability"));
}

/* Writes every diagram's SVG into options->svg_dir; the paths, or NULL. */
static GStrv
write_pictures (WmProject               *project,
                const WmMarkdownOptions *options,
                GError                 **error)
{
  g_autofree char *name = g_strdup_printf ("%s.svg",
                                           options->svg_stem != NULL ? options->svg_stem
                                                                     : "diagram");
  g_autofree char *output = g_build_filename (options->svg_dir, name, NULL);
  g_auto(GStrv) paths = wm_export_paths_for_diagrams (output, project, WM_EXPORT_SVG);
  WmExportOptions export;

  wm_export_options_init (&export);
  export.format = WM_EXPORT_SVG;
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      if (!wm_export_diagram_to_file (wm_project_get_diagram (project, i), &export, file, error))
        return NULL;
    }
  return g_steal_pointer (&paths);
}

char *
wm_export_markdown (WmProject               *project,
                    const WmMarkdownOptions *options,
                    GError                 **error)
{
  static const WmMarkdownOptions defaults = { 0, };
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) pictures = NULL;
  Md md = { .project = project, .listed = listed };

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  if (options == NULL)
    options = &defaults;
  if (options->svg_dir != NULL && (pictures = write_pictures (project, options, error)) == NULL)
    return NULL;

  md.out = g_string_new (NULL);
  md_title (&md, options);
  md_contents (&md);
  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    md_diagram (&md, wm_project_get_diagram (project, i), pictures != NULL ? pictures[i] : NULL,
                options->svg_href);
  md_traceability (&md);
  return g_string_free (md.out, FALSE);
}
