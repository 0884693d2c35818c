/* wm-csv.c — diagrams as comma-separated values, out and in
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "wm-csv.h"
#include "wm-trace.h"
#include "wm-error.h"
#include "wm-journey.h"
#include "wm-layout.h"
#include "wm-use-case.h"
#include "wm-vsm.h"

#define VSM_NOTATION     "value-stream-map"
#define JOURNEY_NOTATION "customer-journey"
#define UC_NOTATION      "use-case"

typedef enum
{
  KIND_NONE,
  KIND_VSM,
  KIND_JOURNEY,
  KIND_USE_CASE,
} CsvKind;

/* A column of a table: its header as written, and the property it holds or,
 * for what is no property, a name that starts with ':'. */
typedef struct
{
  const char *header;
  const char *name;
} Column;

#define COL_KIND     ":kind"
#define COL_NAME     ":name"
#define COL_ACTORS   ":actors"
#define COL_INCLUDES ":includes"
#define COL_EXTENDS  ":extends"

static const Column vsm_columns[] = {
  { "Kind", COL_KIND },
  { "Name", COL_NAME },
  { "Cycle time (s)", WM_VSM_CYCLE_TIME },
  { "Changeover (s)", WM_VSM_CHANGEOVER_TIME },
  { "Uptime (%)", WM_VSM_UPTIME },
  { "Operators", WM_VSM_OPERATORS },
  { "Shifts", WM_VSM_SHIFTS },
  { "Batch size (pcs)", WM_VSM_BATCH_SIZE },
  { "Scrap (%)", WM_VSM_SCRAP },
  { "C&A (%)", WM_VSM_COMPLETE_ACCURATE },
  { "Quantity (pcs)", WM_VSM_QUANTITY },
  { "Days of stock (override)", WM_VSM_DAYS },
};

static const Column uc_columns[] = {
  { "Use case", COL_NAME },
  { "Description", WM_UC_DESCRIPTION },
  { "Actors", COL_ACTORS },
  { "Level", WM_UC_LEVEL },
  { "Priority", WM_UC_PRIORITY },
  { "Preconditions", WM_UC_PRECONDITIONS },
  { "Postconditions", WM_UC_POSTCONDITIONS },
  { "Main flow", WM_UC_MAIN_FLOW },
  { "Alternative flows", WM_UC_ALTERNATIVE_FLOWS },
  { "Extension points", WM_UC_EXTENSION_POINTS },
  { "Includes", COL_INCLUDES },
  { "Extends", COL_EXTENDS },
};

/* The item types a value stream table holds. */
static const char *const vsm_types[] = { "process", "inventory" };

#define JOURNEY_CORNER "Lane"
#define KPI_TARGET     " (target "
#define KPI_LOWER      ", lower is better"

/* Writing */

static gboolean
field_needs_quotes (const char *text)
{
  gsize len = strlen (text);

  return len > 0 && (strpbrk (text, ",;\"\r\n") != NULL || text[0] == ' ' ||
                     text[len - 1] == ' ' || text[0] == '\t' || text[len - 1] == '\t');
}

static void
write_field (GString    *out,
             const char *text)
{
  gboolean first = out->len == 0 || out->str[out->len - 1] == '\n';

  if (!first)
    g_string_append_c (out, ',');
  /* An empty first field is written "", or the next field's comma would
   * not know it starts a second one. */
  if (first && *text == '\0')
    {
      g_string_append (out, "\"\"");
      return;
    }
  if (!field_needs_quotes (text))
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
end_record (GString *out)
{
  g_string_append (out, "\r\n");
}

static void
write_header (GString      *out,
              const Column *columns,
              guint         n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    write_field (out, columns[i].header);
  end_record (out);
}

/* @item's property @name in file syntax, as the metrics read it: its
 * default when unset. */
static char *
property_text (const WmItem *item,
               const char   *name)
{
  const WmPropSpec *spec = NULL;
  const WmValue *value;

  if (!wm_item_has_prop (item, name))
    return g_strdup ("");
  value = wm_item_get_value (item, name, &spec);
  return wm_value_to_string (spec, value);
}

static gboolean
is_vsm_type (const WmItem *item)
{
  for (guint i = 0; i < G_N_ELEMENTS (vsm_types); i++)
    if (g_str_equal (item->type->id, vsm_types[i]))
      return TRUE;
  return FALSE;
}

static void
export_vsm_row (GString *out,
                WmItem  *item)
{
  write_field (out, item->type->id);
  write_field (out, item->text);
  for (guint c = 2; c < G_N_ELEMENTS (vsm_columns); c++)
    {
      const char *name = vsm_columns[c].name;
      /* The days an inventory holds are computed unless set by hand:
       * writing the computed ones would set them on the way back. */
      gboolean skip = g_str_equal (name, WM_VSM_DAYS) && !wm_vsm_has_days_override (item);
      g_autofree char *text = skip ? g_strdup ("") : property_text (item, name);

      write_field (out, text);
    }
  end_record (out);
}

/* The rows in the order the material flows, from supplier to customer
 * along the metrics' path, then the items off it in z-order: a table read
 * back joins its rows in their order. */
static void
export_vsm (GString   *out,
            WmDiagram *diagram)
{
  g_autoptr(WmVsmMetrics) metrics = wm_vsm_compute (diagram);
  g_autoptr(GHashTable) written = g_hash_table_new (NULL, NULL);

  write_header (out, vsm_columns, G_N_ELEMENTS (vsm_columns));
  for (guint i = 0; metrics != NULL && metrics->steps != NULL && i < metrics->steps->len; i++)
    {
      WmItem *item = wm_diagram_lookup (diagram,
                                        g_array_index (metrics->steps, WmVsmStep, i).item_id);

      if (item != NULL && is_vsm_type (item) && g_hash_table_add (written, item))
        export_vsm_row (out, item);
    }
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (is_vsm_type (item) && g_hash_table_add (written, item))
        export_vsm_row (out, item);
    }
}

/* The texts of the items at the other end of @item's links of @link_type:
 * where it is the source, or either end when @either. One per line. */
static char *
linked_names (WmDiagram    *diagram,
              const WmItem *item,
              const char   *link_type,
              const char   *other_type,
              gboolean      either)
{
  g_autoptr(GPtrArray) links = wm_diagram_links_of (diagram, item->id);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const WmItem *link = g_ptr_array_index (links, i);
      const char *other_id;
      WmItem *other;

      if (!g_str_equal (link->type->id, link_type) ||
          (!either && g_strcmp0 (link->source, item->id) != 0))
        continue;
      other_id = g_strcmp0 (link->source, item->id) == 0 ? link->target : link->source;
      other = wm_diagram_lookup (diagram, other_id);
      if (other == NULL || !g_str_equal (other->type->id, other_type))
        continue;
      if (names->len > 0)
        g_string_append_c (names, '\n');
      g_string_append (names, other->text);
    }
  return g_strdup (names->str);
}

static void
export_use_cases (GString   *out,
                  WmDiagram *diagram)
{
  write_header (out, uc_columns, G_N_ELEMENTS (uc_columns));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);

      if (!g_str_equal (item->type->id, "use-case"))
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (uc_columns); c++)
        {
          const char *name = uc_columns[c].name;
          g_autofree char *text = NULL;

          if (g_str_equal (name, COL_NAME))
            text = g_strdup (item->text);
          else if (g_str_equal (name, COL_ACTORS))
            text = linked_names (diagram, item, "association", "actor", TRUE);
          else if (g_str_equal (name, COL_INCLUDES))
            text = linked_names (diagram, item, "include", "use-case", FALSE);
          else if (g_str_equal (name, COL_EXTENDS))
            text = linked_names (diagram, item, "extend", "use-case", FALSE);
          else
            text = property_text (item, name);
          write_field (out, text);
        }
      end_record (out);
    }
}

/* A score with its sign, "+1", "0", "-0.5". */
static void
append_signed (GString *out,
               double   value)
{
  if (value > 0)
    g_string_append_c (out, '+');
  wm_format_number (out, value);
}

static char *
journey_entry_text (const WmItem *item)
{
  GString *out = g_string_new (NULL);

  if (g_str_equal (item->type->id, "emotion"))
    {
      g_string_append (out, item->text);
      g_string_append (out, item->text[0] != '\0' ? " (" : "(");
      append_signed (out, wm_item_get_number (item, WM_JOURNEY_SCORE));
      g_string_append_c (out, ')');
    }
  else if (g_str_equal (item->type->id, "kpi"))
    {
      const char *unit = wm_item_get_string (item, WM_JOURNEY_UNIT);

      g_string_append_printf (out, "%s: ", item->text);
      wm_format_number (out, wm_item_get_number (item, WM_JOURNEY_VALUE));
      if (unit != NULL && unit[0] != '\0')
        g_string_append_printf (out, " %s", unit);
      if (wm_item_has_value (item, WM_JOURNEY_TARGET))
        {
          g_string_append (out, KPI_TARGET);
          wm_format_number (out, wm_item_get_number (item, WM_JOURNEY_TARGET));
          if (!wm_item_get_boolean (item, WM_JOURNEY_HIGHER_IS_BETTER))
            g_string_append (out, KPI_LOWER);
          g_string_append_c (out, ')');
        }
    }
  else
    g_string_append (out, item->text);
  return g_string_free (out, FALSE);
}

/* A list's entry ids -> their positions + 1. */
static GHashTable *
index_entries (GPtrArray *entries)
{
  GHashTable *index = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_insert (index, ((WmListEntry *) g_ptr_array_index (entries, i))->id,
                         GUINT_TO_POINTER (i + 1));
  return index;
}

static int
entry_index (GHashTable *index,
             const char *id)
{
  return id != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (index, id)) - 1 : -1;
}

/* The lane an item of the grid sits in: a card's own, the emotion lane for
 * emotion points and the KPI lane for KPIs. */
static const char *
journey_lane_of (const WmItem *item)
{
  if (g_str_equal (item->type->id, "card"))
    return wm_item_get_string (item, WM_JOURNEY_LANE);
  if (g_str_equal (item->type->id, "emotion"))
    return WM_JOURNEY_EMOTION_LANE;
  if (g_str_equal (item->type->id, "kpi"))
    return WM_JOURNEY_KPI_LANE;
  return NULL;
}

/* One cell's entries: one per line, or one per paragraph when an entry
 * spans lines, so that reading splits them where they were joined. */
static char *
join_cell (GPtrArray *texts)
{
  const char *separator = "\n";

  for (guint i = 0; i < texts->len; i++)
    if (strchr (g_ptr_array_index (texts, i), '\n') != NULL)
      separator = "\n\n";
  g_ptr_array_add (texts, NULL);
  return g_strjoinv (separator, (char **) texts->pdata);
}

static void
export_journey (GString   *out,
                WmDiagram *diagram)
{
  GPtrArray *stages = wm_diagram_get_list (diagram, WM_JOURNEY_STAGES);
  GPtrArray *lanes = wm_diagram_get_list (diagram, WM_JOURNEY_LANES);
  guint n_cells = stages->len * lanes->len;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) stage_index = index_entries (stages);
  g_autoptr(GHashTable) lane_index = index_entries (lanes);

  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (cells, g_ptr_array_new_with_free_func (g_free));
  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      const char *lane = journey_lane_of (item);
      int s, l;

      if (lane == NULL)
        continue;
      s = entry_index (stage_index, wm_item_get_string (item, WM_JOURNEY_STAGE));
      l = entry_index (lane_index, lane);
      if (s >= 0 && l >= 0)
        g_ptr_array_add (g_ptr_array_index (cells, (guint) l * stages->len + (guint) s),
                         journey_entry_text (item));
    }

  write_field (out, JOURNEY_CORNER);
  for (guint s = 0; s < stages->len; s++)
    write_field (out, ((WmListEntry *) g_ptr_array_index (stages, s))->label);
  end_record (out);
  for (guint l = 0; l < lanes->len; l++)
    {
      write_field (out, ((WmListEntry *) g_ptr_array_index (lanes, l))->label);
      for (guint s = 0; s < stages->len; s++)
        {
          g_autofree char *text = join_cell (g_ptr_array_index (cells, l * stages->len + s));

          write_field (out, text);
        }
      end_record (out);
    }
}

static CsvKind
kind_of_diagram (WmDiagram *diagram)
{
  const char *notation = wm_diagram_get_notation (diagram)->id;

  if (g_str_equal (notation, VSM_NOTATION))
    return KIND_VSM;
  if (g_str_equal (notation, JOURNEY_NOTATION))
    return KIND_JOURNEY;
  if (g_str_equal (notation, UC_NOTATION))
    return KIND_USE_CASE;
  return KIND_NONE;
}

char *
wm_export_csv (WmProject  *project,
               WmDiagram  *only,
               GError    **error)
{
  WmDiagram *diagram = only;
  GString *out;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);
  g_return_val_if_fail (only == NULL || WM_IS_DIAGRAM (only), NULL);

  for (guint i = 0; diagram == NULL && i < wm_project_get_n_diagrams (project); i++)
    if (kind_of_diagram (wm_project_get_diagram (project, i)) != KIND_NONE)
      diagram = wm_project_get_diagram (project, i);
  if (diagram == NULL || kind_of_diagram (diagram) == KIND_NONE)
    {
      if (only != NULL)
        g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                     _("The diagram “%s” has no table to write as CSV: only value stream maps, "
                       "customer journeys and use-case diagrams do."),
                     wm_diagram_get_name (only));
      else
        g_set_error_literal (error, WM_ERROR, WM_ERROR_NOT_FOUND,
                             _("The project has no value stream map, customer journey or "
                               "use-case diagram to write as CSV."));
      return NULL;
    }

  out = g_string_new (NULL);
  switch (kind_of_diagram (diagram))
    {
    case KIND_VSM:
      export_vsm (out, diagram);
      break;
    case KIND_JOURNEY:
      export_journey (out, diagram);
      break;
    case KIND_USE_CASE:
      export_use_cases (out, diagram);
      break;
    case KIND_NONE:
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}

char *
wm_export_trace_csv (WmProject *project)
{
  g_autoptr(GPtrArray) rows = NULL;
  GString *out = g_string_new (NULL);
  guint n_steps;

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  rows = wm_trace_collect (project);
  n_steps = wm_trace_max_steps (rows);
  write_field (out, _("Source diagram"));
  for (guint k = 1; k <= n_steps; k++)
    {
      g_autofree char *step = g_strdup_printf (_("Step %u"), k);
      g_autofree char *where = g_strdup_printf (_("Step %u diagram"), k);

      write_field (out, step);
      write_field (out, where);
    }
  write_field (out, _("Broken link"));
  end_record (out);
  for (guint r = 0; r < rows->len; r++)
    {
      const WmTraceRow *row = g_ptr_array_index (rows, r);
      gboolean broken = FALSE;

      write_field (out, wm_diagram_get_name (row->source));
      for (guint k = 0; k < n_steps; k++)
        {
          const WmTraceStep *step = k < row->steps->len ? wm_trace_row_get_step (row, k) : NULL;

          write_field (out, step != NULL ? step->text : "");
          write_field (out, step != NULL ? step->diagram_name : "");
          broken |= step != NULL && step->broken;
        }
      /* Translators: whether a chain of links ends at a deleted item, in a CSV cell. */
      write_field (out, broken ? C_("broken link", "yes") : C_("broken link", "no"));
      end_record (out);
    }
  return g_string_free (out, FALSE);
}

/* Reading: the records */

typedef struct
{
  guint      line;   /* where the record starts, from 1 */
  GPtrArray *cells;  /* char *, never fewer than one */
} CsvRow;

static void
csv_row_free (CsvRow *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

typedef struct
{
  const char *name;       /* the file's name, for messages */
  char        separator;
  GPtrArray  *rows;       /* CsvRow */
  /* While reading. */
  GString    *field;
  GPtrArray  *cells;
  guint       line;
  guint       row_line;
} CsvTable;

static void
csv_table_clear (CsvTable *table)
{
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->cells, g_ptr_array_unref);
  if (table->field != NULL)
    g_string_free (g_steal_pointer (&table->field), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CsvTable, csv_table_clear)

static const char *
display_name (const char *filename)
{
  return filename != NULL ? filename : "CSV";
}

static void G_GNUC_PRINTF (5, 6)
set_line_error (GError    **error,
                int         code,
                const char *name,
                guint       line,
                const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, WM_ERROR, code, "%s:%u: %s", display_name (name), MAX (line, 1), message);
}

/* The header's separator: a semicolon when it has more of them than commas. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static gboolean
end_field (CsvTable  *table,
           GError   **error)
{
  if (table->cells->len >= WM_CSV_MAX_COLUMNS)
    {
      set_line_error (error, WM_ERROR_INVALID, table->name, table->row_line,
                      ngettext ("the row has more than %d column, the most Waymark reads",
                                "the row has more than %d columns, the most Waymark reads",
                                WM_CSV_MAX_COLUMNS), WM_CSV_MAX_COLUMNS);
      return FALSE;
    }
  g_ptr_array_add (table->cells, g_strndup (table->field->str, table->field->len));
  g_string_truncate (table->field, 0);
  return TRUE;
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    if (!wm_str_is_blank (g_ptr_array_index (cells, i)))
      return FALSE;
  return TRUE;
}

/* Keeps the record unless every cell is empty (a trailing line break). */
static gboolean
end_row (CsvTable  *table,
         GError   **error)
{
  CsvRow *row;

  if (!end_field (table, error))
    return FALSE;
  if (row_is_blank (table->cells))
    {
      g_ptr_array_set_size (table->cells, 0);
      return TRUE;
    }
  if (table->rows->len >= WM_CSV_MAX_ROWS)
    {
      set_line_error (error, WM_ERROR_INVALID, table->name, table->row_line,
                      ngettext ("the table has more than %d row, the most Waymark reads",
                                "the table has more than %d rows, the most Waymark reads",
                                WM_CSV_MAX_ROWS), WM_CSV_MAX_ROWS);
      return FALSE;
    }
  row = g_new (CsvRow, 1);
  row->line = table->row_line;
  row->cells = g_steal_pointer (&table->cells);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (table->rows, row);
  return TRUE;
}

static gboolean
check_encoding (const char  *data,
                gsize        size,
                const char  *name,
                GError     **error)
{
  const char *bad = NULL;
  guint line = 1;

  if (size > WM_CSV_MAX_BYTES)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID,
                   _("%s: the file is larger than %d MB, the most Waymark reads as CSV"),
                   display_name (name), WM_CSV_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (g_utf8_validate_len (data, size, &bad))
    return TRUE;
  for (const char *p = data; p < bad; p++)
    line += *p == '\n';
  set_line_error (error, WM_ERROR_MALFORMED, name, line,
                  _("the text is not valid UTF-8; save the table as UTF-8 and try again"));
  return FALSE;
}

/* Splits @data into records by RFC 4180, leniently: a quote inside an
 * unquoted field, or after a closing quote, is taken as it is. */
static gboolean
parse_records (CsvTable    *table,
               const char  *data,
               gsize        size,
               GError     **error)
{
  const char *p = data, *end = data + size, *row_start;
  gboolean quoted = FALSE;
  guint quote_line = 0;

  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  table->separator = detect_separator (p, end);
  table->line = table->row_line = 1;
  for (row_start = p; p < end; p++)
    {
      char c = *p;

      if ((gsize) (p - row_start) > WM_CSV_MAX_RECORD_BYTES)
        {
          set_line_error (error, WM_ERROR_INVALID, table->name, table->row_line,
                          _("the row is longer than %d MB, the most Waymark reads"),
                          WM_CSV_MAX_RECORD_BYTES / (1024 * 1024));
          return FALSE;
        }
      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (table->field, *++p);
          else if (c == '"')
            quoted = FALSE;
          else if (c != '\r' || p + 1 >= end || p[1] != '\n')
            {
              table->line += c == '\n';
              g_string_append_c (table->field, c);
            }
        }
      else if (c == '"' && table->field->len == 0)
        {
          quoted = TRUE;
          quote_line = table->line;
        }
      else if (c == table->separator)
        {
          if (!end_field (table, error))
            return FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (!end_row (table, error))
            return FALSE;
          table->row_line = ++table->line;
          row_start = p + 1;
        }
      else
        g_string_append_c (table->field, c);
    }
  if (quoted)
    {
      set_line_error (error, WM_ERROR_MALFORMED, table->name, quote_line,
                      _("the quoted field that starts here is never closed"));
      return FALSE;
    }
  return end_row (table, error);
}

static gboolean
read_table (CsvTable    *table,
            const char  *data,
            gsize        size,
            const char  *name,
            GError     **error)
{
  table->name = name;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) csv_row_free);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  table->field = g_string_new (NULL);
  if (data == NULL)
    {
      data = "";
      size = 0;
    }
  if (!check_encoding (data, size, name, error) || !parse_records (table, data, size, error))
    return FALSE;
  if (table->rows->len == 0)
    {
      g_set_error (error, WM_ERROR, WM_ERROR_INVALID, _("%s: the table is empty"),
                   display_name (name));
      return FALSE;
    }
  return TRUE;
}

static CsvRow *
table_row (const CsvTable *table,
           guint           index)
{
  return g_ptr_array_index (table->rows, index);
}

/* Cell @index of @row, or "" past its end. */
static const char *
row_cell (const CsvRow *row,
          int           index)
{
  return index >= 0 && (guint) index < row->cells->len ? g_ptr_array_index (row->cells, index) : "";
}

/* Reading: the header */

static gboolean
header_is (const char *cell,
           const char *header)
{
  g_autofree char *copy = g_strstrip (g_strdup (cell));

  return g_ascii_strcasecmp (copy, header) == 0;
}

static int
find_column (const Column *columns,
             guint         n_columns,
             const char   *cell)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const char *name = columns[i].name;

      if (header_is (cell, columns[i].header) ||
          header_is (cell, name[0] == ':' ? name + 1 : name))
        return (int) i;
    }
  return -1;
}

static CsvKind
detect_kind (const CsvRow *header)
{
  const char *first = row_cell (header, 0);

  if (header_is (first, "Kind"))
    return KIND_VSM;
  if (header_is (first, JOURNEY_CORNER))
    return KIND_JOURNEY;
  if (header_is (first, "Use case"))
    return KIND_USE_CASE;
  /* A list of processes without a Kind column. */
  for (guint i = 0; i < header->cells->len; i++)
    if (find_column (vsm_columns, G_N_ELEMENTS (vsm_columns), row_cell (header, (int) i)) == 2)
      return KIND_VSM;
  return KIND_NONE;
}

static gboolean
table_kind (const CsvTable  *table,
            CsvKind         *kind,
            GError         **error)
{
  CsvRow *header = table_row (table, 0);

  *kind = detect_kind (header);
  if (*kind != KIND_NONE)
    return TRUE;
  set_line_error (error, WM_ERROR_INVALID, table->name, header->line,
                  _("the first row is not a header Waymark knows: its first cell should be "
                    "“Kind” (a value stream), “Lane” (a customer journey) or “Use case”"));
  return FALSE;
}

/* Reading: into a diagram */

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

typedef struct
{
  WmDiagram   *diagram;
  WmImportLog *log;
  CsvTable    *table;
  gboolean     fresh;     /* a new diagram, whose items the table makes */
  int         *columns;   /* per header cell: an index into the kind's Column table, or -1 */
  /* "type\x1fname" -> the first item of that type and name, so that
   * matching rows by name costs the same for any size of table. */
  GHashTable  *names;
  guint        n_actors;  /* made so far, in a new use-case diagram */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->columns, g_free);
  g_clear_pointer (&import->names, g_hash_table_unref);
}

static char *
name_key (const char *type_id,
          const char *name)
{
  g_autofree char *text = stripped (name);

  return g_strdup_printf ("%s\x1f%s", type_id, text);
}

/* Lets find_named() find @item, unless an earlier item has its name. */
static void
remember_name (Import *import,
               WmItem *item)
{
  char *key = name_key (item->type->id, item->text);

  if (g_hash_table_contains (import->names, key))
    g_free (key);
  else
    g_hash_table_insert (import->names, key, item);
}

static void
index_names (Import *import)
{
  import->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < wm_diagram_get_n_items (import->diagram); i++)
    remember_name (import, wm_diagram_get_item (import->diagram, i));
}

/* The first item of @type_id whose text is @name, or NULL. */
static WmItem *
find_named (Import     *import,
            const char *type_id,
            const char *name)
{
  g_autofree char *key = name_key (type_id, name);

  return g_hash_table_lookup (import->names, key);
}

static void G_GNUC_PRINTF (3, 4)
warn (Import     *import,
      guint       line,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (import->log == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  wm_import_log_warn (import->log, line, "%s", message);
}

/* Maps the header cells to @columns; unknown and repeated ones are skipped
 * with a warning. FALSE when the column @required is missing. */
static gboolean
map_columns (Import        *import,
             const Column  *columns,
             guint          n_columns,
             const char    *required,
             GError       **error)
{
  CsvRow *header = table_row (import->table, 0);
  gboolean found = FALSE;
  g_autofree gboolean *seen = g_new0 (gboolean, n_columns);

  import->columns = g_new (int, header->cells->len);
  for (guint i = 0; i < header->cells->len; i++)
    {
      const char *cell = row_cell (header, (int) i);
      int c = find_column (columns, n_columns, cell);

      if (c >= 0 && seen[c])
        warn (import, header->line, _("the column “%s” is given twice; the second was skipped"),
              cell);
      else if (c < 0 && !wm_str_is_blank (cell))
        warn (import, header->line, _("the column “%s” is not one Waymark knows; it was skipped"),
              cell);
      if (c >= 0 && seen[c])
        c = -1;
      if (c >= 0)
        seen[c] = TRUE;
      found |= c >= 0 && g_str_equal (columns[c].name, required);
      import->columns[i] = c;
    }
  for (guint c = 0; !found && c < n_columns; c++)
    if (g_str_equal (columns[c].name, required))
      {
        set_line_error (error, WM_ERROR_INVALID, import->table->name, header->line,
                        _("the header has no “%s” column"), columns[c].header);
        break;
      }
  return found;
}

/* The cell of @row in the column named @name, or NULL when the table has
 * no such column. */
static const char *
named_cell (Import       *import,
            const CsvRow *row,
            const Column *columns,
            const char   *name)
{
  CsvRow *header = table_row (import->table, 0);

  for (guint i = 0; i < header->cells->len; i++)
    if (import->columns[i] >= 0 && g_str_equal (columns[import->columns[i]].name, name))
      return row_cell (row, (int) i);
  return NULL;
}

/* The choice id for @text: an id, or a label in English or translated. */
static const char *
choice_id (const WmPropSpec *spec,
           const char       *text)
{
  for (const WmChoice *choice = spec->choices; choice != NULL && choice->id != NULL; choice++)
    if (g_ascii_strcasecmp (text, choice->id) == 0 || g_ascii_strcasecmp (text, choice->label) == 0 ||
        g_utf8_collate (text, _(choice->label)) == 0)
      return choice->id;
  return text;
}

/* @text in the syntax of @spec: numbers stripped, with a decimal comma read
 * as a point in a semicolon-separated table, and choices as their ids. */
static char *
normalize_value (Import           *import,
                 const WmPropSpec *spec,
                 const char       *text)
{
  char *value;

  switch (spec->type)
    {
    case WM_PROP_NUMBER:
    case WM_PROP_INTEGER:
    case WM_PROP_BOOLEAN:
      value = stripped (text);
      if (import->table->separator == ';' && strchr (value, '.') == NULL)
        g_strdelimit (value, ",", '.');
      return value;
    case WM_PROP_ENUM:
      {
        g_autofree char *choice = stripped (text);

        return g_strdup (choice_id (spec, choice));
      }
    case WM_PROP_STRING:
    case WM_PROP_TEXT:
    case WM_PROP_COLOR:
    case WM_PROP_SLOT:
    case WM_PROP_STRING_LIST:
    case WM_PROP_REFS:
    case WM_PROP_IMAGE:
    default:
      return g_strdup (text);
    }
}

/* Sets @item's property @name from a cell, unless it holds that already;
 * an empty cell resets it. A value the property refuses is a warning. */
static void
apply_cell (Import     *import,
            WmItem     *item,
            const char *name,
            const char *cell,
            guint       line)
{
  const WmPropSpec *spec = NULL;
  const WmValue *current;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  WmValue parsed = { 0, };
  gboolean same;

  if (!wm_item_has_prop (item, name))
    {
      if (!wm_str_is_blank (cell))
        /* Translators: 1st %s is an item type, "Process"; 2nd %s a column, "cycle-time";
         * 3rd %s the cell's text */
        warn (import, line, _("an item of type “%s” has no “%s”; the value “%s” was skipped"),
              _(item->type->label), name, cell);
      return;
    }
  current = wm_item_get_value (item, name, &spec);
  text = normalize_value (import, spec, cell);
  if (wm_str_is_blank (text))
    {
      if (wm_item_has_value (item, name))
        wm_diagram_set_property (import->diagram, item->id, name, NULL, NULL);
      return;
    }
  if (!wm_value_parse (spec, text, &parsed, &error))
    {
      /* Translators: 1st %s is the cell's text; 2nd %s a property, "Cycle time"; 3rd %s the
       * item's name; 4th %s says what is wrong */
      warn (import, line, _("“%s” is not a valid value for “%s” of “%s”: %s"), cell,
            _(spec->label), item->text, error->message);
      return;
    }
  same = wm_item_has_value (item, name) && wm_value_equal (spec, current, &parsed);
  wm_value_clear (spec, &parsed);
  if (!same && !wm_diagram_set_property (import->diagram, item->id, name, text, &error))
    warn (import, line, _("“%s” could not be set on “%s”: %s"), _(spec->label), item->text,
          error != NULL ? error->message : _("the value was refused"));
}

/* A name from a cell: one line, as the types' names are. */
static char *
cell_name (Import     *import,
           const char *cell,
           guint       line)
{
  char *name = stripped (cell);

  if (strpbrk (name, "\r\n") != NULL)
    {
      g_strdelimit (name, "\r\n", ' ');
      warn (import, line, _("the name “%s” spans lines; they were joined"), name);
    }
  return name;
}

static void
set_text (Import     *import,
          WmItem     *item,
          const char *text,
          guint       line)
{
  if (g_str_equal (item->text, text))
    return;
  if (!wm_diagram_set_text (import->diagram, item->id, text))
    warn (import, line, _("the text of “%s” could not be set; it is longer than Waymark allows"),
          item->text);
}

static WmItem *
add_node (Import     *import,
          const char *type_id,
          double      x,
          double      y,
          const char *text,
          guint       line)
{
  const WmItemType *type = wm_notation_lookup_type (wm_diagram_get_notation (import->diagram),
                                                    type_id);
  WmRect bounds = { x, y, type->width, type->height };
  g_autoptr(GError) error = NULL;
  WmItem *item = wm_diagram_add_node (import->diagram, type_id, &bounds, text, &error);

  if (item == NULL)
    /* Translators: the first %s is an item type, "Process"; the second says why */
    warn (import, line, _("an item of type “%s” could not be added: %s"), _(type->label),
          error->message);
  else if (import->names != NULL)
    remember_name (import, item);
  return item;
}

static WmItem *
add_link (Import     *import,
          const char *type_id,
          WmItem     *source,
          WmItem     *target,
          guint       line)
{
  g_autoptr(GError) error = NULL;
  WmItem *link = wm_diagram_add_link (import->diagram, type_id, source->id, target->id, &error);

  if (link == NULL)
    warn (import, line, _("“%s” could not be linked to “%s”: %s"), source->text, target->text,
          error->message);
  return link;
}

/* Reading: value stream maps */

static const char *
vsm_type_of (Import       *import,
             const CsvRow *row)
{
  const char *cell = named_cell (import, row, vsm_columns, COL_KIND);
  g_autofree char *kind = stripped (cell);
  const WmNotation *notation = wm_notation_lookup (VSM_NOTATION);

  if (kind[0] == '\0')
    return "process";
  for (guint i = 0; i < G_N_ELEMENTS (vsm_types); i++)
    {
      const WmItemType *type = wm_notation_lookup_type (notation, vsm_types[i]);

      if (g_ascii_strcasecmp (kind, type->id) == 0 || g_ascii_strcasecmp (kind, type->label) == 0 ||
          g_utf8_collate (kind, _(type->label)) == 0)
        return type->id;
    }
  warn (import, row->line, _("“%s” is not a kind of row Waymark knows (“process” or "
                             "“inventory”); the row was skipped"), kind);
  return NULL;
}

static void
apply_vsm_row (Import       *import,
               WmItem       *item,
               const CsvRow *row)
{
  CsvRow *header = table_row (import->table, 0);

  for (guint i = 0; i < header->cells->len; i++)
    {
      int c = import->columns[i];

      if (c >= 0 && vsm_columns[c].name[0] != ':')
        apply_cell (import, item, vsm_columns[c].name, row_cell (row, (int) i), row->line);
    }
}

static void
import_vsm (Import *import)
{
  WmItem *previous = NULL;
  guint placed = 0;
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint r = 1; r < import->table->rows->len; r++)
    {
      CsvRow *row = table_row (import->table, r);
      const char *type = vsm_type_of (import, row);
      g_autofree char *name = NULL;
      WmItem *item;

      if (type == NULL)
        continue;
      name = cell_name (import, named_cell (import, row, vsm_columns, COL_NAME), row->line);
      if (import->fresh)
        {
          gboolean process = g_str_equal (type, "process");

          item = add_node (import, type, 40 + 180.0 * placed++, process ? 200 : 210, name,
                           row->line);
          if (item == NULL)
            continue;
          /* The table has no flows: the rows' order is the likeliest one. */
          if (previous != NULL)
            add_link (import, "push", previous, item, row->line);
          previous = item;
        }
      else if ((item = find_named (import, type, name)) == NULL)
        {
          warn (import, row->line,
                /* Translators: the first %s is an item type, "Process"; the second a name */
                _("the diagram has no item of type “%s” named “%s”; the row was skipped"),
                _(wm_notation_lookup_type (wm_diagram_get_notation (import->diagram),
                                           type)->label), name);
          continue;
        }
      else if (!g_hash_table_add (matched, item))
        warn (import, row->line, _("“%s” was already updated by an earlier row"), name);
      apply_vsm_row (import, item, row);
    }
  if (import->fresh && placed > 1)
    warn (import, 0, _("the table has no material flow; push arrows now join its rows in order"));
}

/* Reading: use cases */

/* Splits a cell of names, one per line, dropping blank ones. */
static GStrv
split_names (const char *cell)
{
  g_auto(GStrv) lines = g_strsplit (cell != NULL ? cell : "", "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
has_link (WmDiagram  *diagram,
          const char *type,
          WmItem     *a,
          WmItem     *b,
          gboolean    either)
{
  g_autoptr(GPtrArray) links = wm_diagram_links_of (diagram, a->id);

  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const WmItem *link = g_ptr_array_index (links, i);

      if (g_str_equal (link->type->id, type) &&
          ((g_strcmp0 (link->source, a->id) == 0 && g_strcmp0 (link->target, b->id) == 0) ||
           (either && g_strcmp0 (link->source, b->id) == 0 && g_strcmp0 (link->target, a->id) == 0)))
        return TRUE;
    }
  return FALSE;
}

/* An actor of a fresh diagram, made the first time it is named. */
static WmItem *
fresh_actor (Import     *import,
             const char *name,
             guint       line)
{
  WmItem *actor = find_named (import, "actor", name);

  if (actor != NULL)
    return actor;
  return add_node (import, "actor", 60, 40 + 150.0 * import->n_actors++, name, line);
}

/* Links @item to the items a cell names, as the table lists them. */
static void
link_named (Import       *import,
            WmItem       *item,
            const CsvRow *row,
            const char   *column,
            const char   *link_type)
{
  g_auto(GStrv) names = split_names (named_cell (import, row, uc_columns, column));
  gboolean actors = g_str_equal (link_type, "association");

  for (guint i = 0; names[i] != NULL; i++)
    {
      WmItem *other = actors ? find_named (import, "actor", names[i])
                             : find_named (import, "use-case", names[i]);

      if (other == NULL && actors && import->fresh)
        other = fresh_actor (import, names[i], row->line);
      if (other == NULL)
        {
          warn (import, row->line, actors ? _("the diagram has no actor named “%s”; it was not "
                                              "linked to “%s”")
                                          : _("the diagram has no use case named “%s”; it was "
                                              "not linked to “%s”"),
                names[i], item->text);
          continue;
        }
      if (actors && !has_link (import->diagram, link_type, other, item, TRUE))
        add_link (import, link_type, other, item, row->line);
      else if (!actors && !has_link (import->diagram, link_type, item, other, FALSE))
        add_link (import, link_type, item, other, row->line);
    }
}

static void
import_use_cases (Import *import)
{
  CsvRow *header = table_row (import->table, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);

  for (guint r = 1; r < import->table->rows->len; r++)
    {
      CsvRow *row = table_row (import->table, r);
      g_autofree char *name = cell_name (import, named_cell (import, row, uc_columns, COL_NAME),
                                         row->line);
      WmItem *item;

      if (import->fresh)
        item = add_node (import, "use-case", 300, 40 + 100.0 * (r - 1), name, row->line);
      else if ((item = find_named (import, "use-case", name)) == NULL)
        warn (import, row->line, _("the diagram has no use case named “%s”; the row was skipped"),
              name);
      else if (!g_hash_table_add (matched, item))
        warn (import, row->line, _("“%s” was already updated by an earlier row"), name);
      g_ptr_array_add (items, item);
      for (guint i = 0; item != NULL && i < header->cells->len; i++)
        if (import->columns[i] >= 0 && uc_columns[import->columns[i]].name[0] != ':')
          apply_cell (import, item, uc_columns[import->columns[i]].name, row_cell (row, (int) i),
                      row->line);
    }
  /* Links once every use case exists, so that a row may name a later one. */
  for (guint r = 1; r < import->table->rows->len; r++)
    {
      CsvRow *row = table_row (import->table, r);
      WmItem *item = g_ptr_array_index (items, r - 1);

      if (item == NULL)
        continue;
      link_named (import, item, row, COL_ACTORS, "association");
      link_named (import, item, row, COL_INCLUDES, "include");
      link_named (import, item, row, COL_EXTENDS, "extend");
    }
}

/* Reading: customer journeys */

typedef struct
{
  char   *text;
  double  number;      /* an emotion's score, a KPI's value */
  double  target;
  gboolean has_number;
  gboolean has_target;
  gboolean lower_is_better;
  char   *unit;
} JourneyEntry;

static void
journey_entry_free (JourneyEntry *entry)
{
  g_free (entry->text);
  g_free (entry->unit);
  g_free (entry);
}

static gboolean
parse_number_cell (Import     *import,
                   const char *text,
                   double     *number)
{
  g_autofree char *copy = stripped (text);

  if (import->table->separator == ';' && strchr (copy, '.') == NULL)
    g_strdelimit (copy, ",", '.');
  return wm_parse_number (copy, number);
}

/* "Curious (+1)": the text and the score in brackets at the end. */
static void
parse_emotion (Import       *import,
               JourneyEntry *entry,
               guint         line)
{
  char *open = g_str_has_suffix (entry->text, ")") ? strrchr (entry->text, '(') : NULL;
  g_autofree char *score = open != NULL ? g_strndup (open + 1, strlen (open + 1) - 1) : NULL;

  if (score != NULL && parse_number_cell (import, score, &entry->number))
    {
      entry->has_number = TRUE;
      *open = '\0';
      g_strchomp (entry->text);
      return;
    }
  warn (import, line, _("the emotion “%s” has no score in brackets, such as “(+1)”; it was "
                        "taken as neutral"), entry->text);
}

/* "Referral conversion: 6.5 % (target 8)", the target with ", lower is
 * better" when lower is. */
static void
parse_kpi (Import       *import,
           JourneyEntry *entry,
           guint         line)
{
  char *target = g_str_has_suffix (entry->text, ")") ? g_strrstr (entry->text, KPI_TARGET) : NULL;
  char *colon, *space;

  if (target != NULL)
    {
      g_autofree char *inner = g_strndup (target + strlen (KPI_TARGET),
                                          strlen (target + strlen (KPI_TARGET)) - 1);

      entry->lower_is_better = g_str_has_suffix (inner, KPI_LOWER);
      if (entry->lower_is_better)
        inner[strlen (inner) - strlen (KPI_LOWER)] = '\0';
      if ((entry->has_target = parse_number_cell (import, inner, &entry->target)))
        *target = '\0';
    }
  colon = g_strrstr (entry->text, ": ");
  if (colon != NULL)
    {
      g_autofree char *figure = g_strstrip (g_strdup (colon + 2));

      space = strchr (figure, ' ');
      if (space != NULL)
        *space = '\0';
      entry->has_number = parse_number_cell (import, figure, &entry->number);
      if (entry->has_number && space != NULL)
        entry->unit = g_strstrip (g_strdup (space + 1));
      if (entry->has_number)
        *colon = '\0';
    }
  if (!entry->has_number)
    warn (import, line, _("the KPI “%s” has no value after a colon, such as “: 6.5 %%”"),
          entry->text);
}

/* The entries of one cell: cards one per line (or per paragraph when the
 * cell has a blank line), emotion points and KPIs one per line. */
static GPtrArray *
parse_cell (Import     *import,
            const char *cell,
            const char *lane,
            guint       line)
{
  gboolean cards = g_strcmp0 (lane, WM_JOURNEY_EMOTION_LANE) != 0 &&
                   g_strcmp0 (lane, WM_JOURNEY_KPI_LANE) != 0;
  const char *separator = cards && strstr (cell, "\n\n") != NULL ? "\n\n" : "\n";
  g_auto(GStrv) parts = g_strsplit (cell, separator, -1);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) journey_entry_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      JourneyEntry *entry;

      if (wm_str_is_blank (parts[i]))
        continue;
      entry = g_new0 (JourneyEntry, 1);
      entry->text = g_strdup (parts[i]);
      if (!cards)
        g_strstrip (entry->text);
      if (g_strcmp0 (lane, WM_JOURNEY_EMOTION_LANE) == 0)
        parse_emotion (import, entry, line);
      else if (g_strcmp0 (lane, WM_JOURNEY_KPI_LANE) == 0)
        parse_kpi (import, entry, line);
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static void
set_number (Import     *import,
            WmItem     *item,
            const char *name,
            gboolean    has,
            double      number,
            guint       line)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (has)
    wm_format_number (text, number);
  apply_cell (import, item, name, text->str, line);
}

/* Makes @item what @entry says, in the cell of @stage and @lane. */
static void
apply_entry (Import             *import,
             WmItem             *item,
             const JourneyEntry *entry,
             const char         *stage,
             const char         *lane,
             guint               line)
{
  set_text (import, item, entry->text, line);
  apply_cell (import, item, WM_JOURNEY_STAGE, stage, line);
  if (g_str_equal (item->type->id, "card"))
    apply_cell (import, item, WM_JOURNEY_LANE, lane, line);
  else if (g_str_equal (item->type->id, "emotion"))
    set_number (import, item, WM_JOURNEY_SCORE, entry->has_number, entry->number, line);
  else
    {
      set_number (import, item, WM_JOURNEY_VALUE, entry->has_number, entry->number, line);
      set_number (import, item, WM_JOURNEY_TARGET, entry->has_target, entry->target, line);
      apply_cell (import, item, WM_JOURNEY_UNIT, entry->unit != NULL ? entry->unit : "", line);
      apply_cell (import, item, WM_JOURNEY_HIGHER_IS_BETTER,
                  entry->lower_is_better ? "false" : "", line);
    }
}

static const char *
journey_type_for_lane (const char *lane)
{
  if (g_str_equal (lane, WM_JOURNEY_EMOTION_LANE))
    return "emotion";
  if (g_str_equal (lane, WM_JOURNEY_KPI_LANE))
    return "kpi";
  return "card";
}

static char *
cell_key (const char *stage,
          const char *lane)
{
  return g_strdup_printf ("%s\x1f%s", stage, lane);
}

/* The grid's items by cell ("stage\x1flane" -> GPtrArray of items in
 * z-order), each of the type its lane holds. */
static GHashTable *
index_cells (WmDiagram *diagram)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < wm_diagram_get_n_items (diagram); i++)
    {
      WmItem *item = wm_diagram_get_item (diagram, i);
      const char *lane = journey_lane_of (item);
      char *key;
      GPtrArray *items;

      if (lane == NULL || !g_str_equal (item->type->id, journey_type_for_lane (lane)))
        continue;
      key = cell_key (wm_item_get_string (item, WM_JOURNEY_STAGE), lane);
      if ((items = g_hash_table_lookup (cells, key)) == NULL)
        g_hash_table_insert (cells, key, (items = g_ptr_array_new ()));
      else
        g_free (key);
      g_ptr_array_add (items, item);
    }
  return cells;
}

/* Makes the cell of @stage and @lane hold @entries: its @items in z-order
 * take the entries in order, extra items go, missing ones are added. */
static void
sync_cell (Import     *import,
           GPtrArray  *entries,
           GPtrArray  *items,
           const char *stage,
           const char *lane,
           guint       line,
           GPtrArray  *doomed)
{
  const char *type = journey_type_for_lane (lane);
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      WmItem *item = items != NULL && i < items->len ? g_ptr_array_index (items, i) : NULL;

      if (item == NULL && (item = add_node (import, type, 0, 0, NULL, line)) != NULL &&
          g_str_equal (type, "card") && wm_journey_lane_card_color (lane) != NULL)
        /* As the canvas makes them: a pain point starts red, an opportunity green. */
        apply_cell (import, item, WM_FIELD_COLOR, wm_journey_lane_card_color (lane), line);
      if (item != NULL)
        apply_entry (import, item, g_ptr_array_index (entries, i), stage, lane, line);
    }
  for (; items != NULL && i < items->len; i++)
    g_ptr_array_add (doomed, g_strdup (((WmItem *) g_ptr_array_index (items, i))->id));
}

/* The entry of @list whose id or label (in English or translated, for the
 * default entries) is @text, or NULL. */
static const WmListEntry *
match_entry (WmDiagram  *diagram,
             const char *list,
             const char *text)
{
  GPtrArray *entries = wm_diagram_get_list (diagram, list);
  g_autofree char *name = stripped (text);

  for (guint i = 0; i < entries->len; i++)
    {
      const WmListEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *label = stripped (entry->label);

      if (g_utf8_collate (label, name) == 0 || g_ascii_strcasecmp (entry->id, name) == 0)
        return entry;
    }
  return NULL;
}

static const WmListSpec *
find_list_spec (WmDiagram  *diagram,
                const char *list)
{
  const WmNotation *notation = wm_diagram_get_notation (diagram);

  for (guint i = 0; i < notation->n_lists; i++)
    if (g_str_equal (notation->lists[i].name, list))
      return &notation->lists[i];
  g_assert_not_reached ();
}

/* An entry id for @label: a default entry's when the label is its (so that
 * the emotion and KPI lanes keep their meaning), else a slug of the label,
 * made unique in @list. */
static char *
entry_id_for (WmDiagram  *diagram,
              const char *list,
              const char *label,
              guint       index,
              GHashTable *used)
{
  const WmListSpec *spec = find_list_spec (diagram, list);
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *base = NULL;

  for (const WmChoice *choice = spec->defaults; choice != NULL && choice->id != NULL; choice++)
    if (g_ascii_strcasecmp (label, choice->id) == 0 || g_ascii_strcasecmp (label, choice->label) == 0 ||
        g_utf8_collate (label, _(choice->label)) == 0)
      {
        if (!g_hash_table_contains (used, choice->id))
          return g_strdup (choice->id);
      }
  for (const char *p = label; *p != '\0' && slug->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
    else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
      g_string_append_c (slug, '-');
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  base = slug->len > 0 && g_ascii_isalpha (slug->str[0]) ? g_strdup (slug->str)
                                                          : g_strdup_printf ("%s-%u", list, index + 1);
  for (guint n = 2; g_hash_table_contains (used, base); n++)
    {
      g_autofree char *next = g_strdup_printf ("%s-%u", slug->len > 0 ? slug->str : list, n);

      g_free (base);
      base = g_steal_pointer (&next);
    }
  return g_steal_pointer (&base);
}

/* Replaces the entries a new diagram starts with by the table's. */
static void
fresh_list (Import      *import,
            const char  *list,
            GPtrArray   *labels,
            GPtrArray   *ids)
{
  GPtrArray *entries = wm_diagram_get_list (import->diagram, list);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint line = table_row (import->table, 0)->line;

  while (entries->len > 0)
    wm_diagram_list_remove (import->diagram, list,
                            ((WmListEntry *) g_ptr_array_index (entries, 0))->id);
  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      char *id = entry_id_for (import->diagram, list, label, i, used);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (list, WM_JOURNEY_LANES))
        line = table_row (import->table, i + 1)->line;
      /* A journey's stages and lanes have names: a nameless one would
       * not come back from the next export either. */
      if (*label == '\0')
        {
          warn (import, line, "%s", _("a stage or lane without a name was skipped"));
          g_free (id);
          g_ptr_array_add (ids, NULL);
          continue;
        }
      g_hash_table_add (used, id);
      if (!wm_diagram_list_insert (import->diagram, list, entries->len, id, label, &error))
        {
          warn (import, line, _("“%s” could not be made a stage or lane: %s"), label,
                error->message);
          id = NULL;
        }
      g_ptr_array_add (ids, g_strdup (id));
    }
}

/* The ids of the table's stages (by column) and lanes (by row): a new
 * diagram's made from the labels, an existing one's matched, NULL for those
 * that match nothing. */
static void
journey_axes (Import    *import,
              GPtrArray *stage_ids,
              GPtrArray *lane_ids)
{
  CsvRow *header = table_row (import->table, 0);
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; i < header->cells->len; i++)
    g_ptr_array_add (stages, stripped (row_cell (header, (int) i)));
  for (guint r = 1; r < import->table->rows->len; r++)
    g_ptr_array_add (lanes, stripped (row_cell (table_row (import->table, r), 0)));
  if (import->fresh)
    {
      fresh_list (import, WM_JOURNEY_STAGES, stages, stage_ids);
      fresh_list (import, WM_JOURNEY_LANES, lanes, lane_ids);
      return;
    }
  for (guint i = 0; i < stages->len; i++)
    {
      const WmListEntry *entry = match_entry (import->diagram, WM_JOURNEY_STAGES,
                                              g_ptr_array_index (stages, i));

      if (entry == NULL)
        warn (import, header->line, _("the diagram has no stage “%s”; its column was skipped"),
              (char *) g_ptr_array_index (stages, i));
      g_ptr_array_add (stage_ids, entry != NULL ? g_strdup (entry->id) : NULL);
    }
  for (guint i = 0; i < lanes->len; i++)
    {
      const WmListEntry *entry = match_entry (import->diagram, WM_JOURNEY_LANES,
                                              g_ptr_array_index (lanes, i));

      if (entry == NULL)
        warn (import, table_row (import->table, i + 1)->line,
              _("the diagram has no lane “%s”; the row was skipped"),
              (char *) g_ptr_array_index (lanes, i));
      g_ptr_array_add (lane_ids, entry != NULL ? g_strdup (entry->id) : NULL);
    }
}

static void
import_journey (Import *import)
{
  g_autoptr(GPtrArray) stage_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lane_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) cells = NULL;

  journey_axes (import, stage_ids, lane_ids);
  cells = index_cells (import->diagram);
  for (guint r = 1; r < import->table->rows->len; r++)
    {
      CsvRow *row = table_row (import->table, r);
      const char *lane = g_ptr_array_index (lane_ids, r - 1);

      if (row->cells->len > stage_ids->len + 1)
        warn (import, row->line, _("the row has more cells than the header has stages; the "
                                   "last %u were skipped"), row->cells->len - stage_ids->len - 1);
      for (guint s = 0; lane != NULL && s < stage_ids->len; s++)
        {
          const char *stage = g_ptr_array_index (stage_ids, s);
          g_autoptr(GPtrArray) entries = NULL;
          g_autofree char *key = NULL;

          if (stage == NULL)
            continue;
          key = cell_key (stage, lane);
          entries = parse_cell (import, row_cell (row, (int) s + 1), lane, row->line);
          sync_cell (import, entries, g_hash_table_lookup (cells, key), stage, lane, row->line,
                     doomed);
        }
    }
  if (doomed->len > 0)
    {
      g_ptr_array_add (doomed, NULL);
      wm_diagram_remove_items (import->diagram, (const char *const *) doomed->pdata);
    }
}

/* Reading: the entry points */

static void
run_import (Import  *import,
            CsvKind  kind)
{
  index_names (import);
  switch (kind)
    {
    case KIND_VSM:
      import_vsm (import);
      break;
    case KIND_JOURNEY:
      import_journey (import);
      break;
    case KIND_USE_CASE:
      import_use_cases (import);
      break;
    case KIND_NONE:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
prepare_import (Import   *import,
                CsvKind   kind,
                GError  **error)
{
  switch (kind)
    {
    case KIND_VSM:
      return map_columns (import, vsm_columns, G_N_ELEMENTS (vsm_columns), COL_NAME, error);
    case KIND_USE_CASE:
      return map_columns (import, uc_columns, G_N_ELEMENTS (uc_columns), COL_NAME, error);
    case KIND_JOURNEY:
      /* Past this, a table is not a journey anyone reads, and matching
       * its lanes would take long. */
      if (import->table->rows->len > WM_CSV_MAX_LANES + 1)
        {
          set_line_error (error, WM_ERROR_INVALID, import->table->name,
                          table_row (import->table, WM_CSV_MAX_LANES + 1)->line,
                          ngettext ("a customer journey has at most %d lane",
                                    "a customer journey has at most %d lanes", WM_CSV_MAX_LANES),
                          WM_CSV_MAX_LANES);
          return FALSE;
        }
      return TRUE;
    case KIND_NONE:
    default:
      return TRUE;
    }
}

static const char *
kind_notation (CsvKind kind)
{
  switch (kind)
    {
    case KIND_VSM:
      return VSM_NOTATION;
    case KIND_JOURNEY:
      return JOURNEY_NOTATION;
    case KIND_USE_CASE:
      return UC_NOTATION;
    case KIND_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Past this many nodes, Graphviz would take longer than the analyst waits. */
#define LAYOUT_MAX_NODES 2000

/* Lays out what a table made, when Graphviz can: the rows' grid stays
 * otherwise. */
static void
lay_out (Import *import)
{
  g_autoptr(GError) error = NULL;
  guint n = wm_diagram_get_n_nodes (import->diagram);

  if (!wm_layout_supported (import->diagram) || n == 0)
    return;
  if (n > LAYOUT_MAX_NODES)
    warn (import, 0, ngettext ("the diagram has more than %d item, so they were put in rows "
                               "and columns instead of laid out",
                               "the diagram has more than %d items, so they were put in rows "
                               "and columns instead of laid out", LAYOUT_MAX_NODES),
          LAYOUT_MAX_NODES);
  else if (!wm_layout_diagram (import->diagram, NULL, &error))
    warn (import, 0, _("the automatic layout failed (%s); the items were put in rows and "
                       "columns"), error->message);
}

static char *
diagram_name_for (const char *filename)
{
  g_autofree char *base = filename != NULL ? g_path_get_basename (filename) : NULL;
  char *dot;

  if (base == NULL || base[0] == '\0' || g_str_equal (base, ".") || g_str_equal (base, "/"))
    return g_strdup (_("Imported table"));
  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

WmProject *
wm_import_csv (const char  *data,
               gsize        size,
               const char  *filename,
               WmImportLog *log,
               GError     **error)
{
  g_auto(CsvTable) table = { 0, };
  g_autoptr(WmProject) project = NULL;
  g_autofree char *name = diagram_name_for (filename);
  Import import = { .log = log, .table = &table, .fresh = TRUE };
  CsvKind kind;

  if (!read_table (&table, data, size, filename, error) || !table_kind (&table, &kind, error) ||
      !prepare_import (&import, kind, error))
    {
      import_clear (&import);
      return NULL;
    }
  project = wm_project_new ();
  import.diagram = wm_project_add_diagram (project, kind_notation (kind), name, error);
  if (import.diagram != NULL)
    {
      wm_project_set_title (project, name);
      wm_project_begin_group (project, _("Import CSV"));
      run_import (&import, kind);
      lay_out (&import);
      wm_project_end_group (project);
      /* The import is where the project starts, not a step to undo. */
      wm_project_clear_history (project);
    }
  import_clear (&import);
  return import.diagram != NULL ? g_steal_pointer (&project) : NULL;
}

gboolean
wm_import_csv_into (WmDiagram   *diagram,
                    const char  *data,
                    gsize        size,
                    WmImportLog *log,
                    GError     **error)
{
  g_auto(CsvTable) table = { 0, };
  WmProject *project;
  Import import = { .diagram = diagram, .log = log, .table = &table };
  CsvKind kind;

  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  project = wm_diagram_get_project (diagram);
  if (!read_table (&table, data, size, wm_diagram_get_name (diagram), error) ||
      !table_kind (&table, &kind, error))
    return FALSE;
  if (!g_str_equal (kind_notation (kind), wm_diagram_get_notation (diagram)->id))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_NOT_ALLOWED,
                   /* Translators: 1st %s is the table's kind of diagram, "Value stream map";
                    * 2nd %s the name of the diagram to update, 3rd %s its kind. Reorder
                    * them with %1$s %2$s %3$s if your language needs to. */
                   _("The table holds a diagram of type “%s”, so it cannot update “%s”, "
                     "a diagram of type “%s”."),
                   _(wm_notation_lookup (kind_notation (kind))->label),
                   wm_diagram_get_name (diagram), _(wm_diagram_get_notation (diagram)->label));
      return FALSE;
    }
  if (project != NULL && wm_project_get_read_only (project))
    {
      g_set_error (error, WM_ERROR, WM_ERROR_READ_ONLY,
                   _("The project is read-only, so “%s” cannot be updated."),
                   wm_diagram_get_name (diagram));
      return FALSE;
    }
  if (!prepare_import (&import, kind, error))
    {
      import_clear (&import);
      return FALSE;
    }
  if (project != NULL)
    wm_project_begin_group (project, _("Import CSV"));
  run_import (&import, kind);
  if (project != NULL)
    wm_project_end_group (project);
  import_clear (&import);
  return TRUE;
}
