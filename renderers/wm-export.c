/* wm-export.c — PNG, PDF and SVG exports of diagrams and whole projects
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every export renders into memory through the same painters as the screen
 * and is then written atomically, so a failed export never leaves a
 * truncated file behind. Exports share the default text cache with the
 * painters' extents, so each label is shaped once; like the screen, they run
 * on the main thread. Their _async forms, at the end of this file, write
 * from a thread of their own.
 */
#define G_LOG_DOMAIN "wm-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-export-private.h"
#include "wm-png.h"
#include "wm-pptx.h"

const WmExportPage _wm_export_pages[] = {
  [WM_PAGE_FIT] = { "fit", 0, 0 },
  [WM_PAGE_A4] = { "a4", 595.28, 841.89 },
  [WM_PAGE_A3] = { "a3", 841.89, 1190.55 },
  [WM_PAGE_LETTER] = { "letter", 612, 792 },
};

static const char *const format_names[] = { "png", "pdf", "svg", "pptx" };

void
wm_export_options_init (WmExportOptions *options)
{
  *options = (WmExportOptions) {
    .format = WM_EXPORT_PDF,
    .scale = 1,
    .page = WM_PAGE_A4,
    .orientation = WM_ORIENTATION_AUTO,
    .margin = 36,
  };
}

gboolean
wm_export_format_from_name (const char     *name,
                            WmExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
wm_export_format_from_path (const char     *path,
                            WmExportFormat *format)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, '/') == NULL && wm_export_format_from_name (dot + 1, format);
}

const char *
wm_export_format_extension (WmExportFormat format)
{
  return format_names[format];
}

gboolean
wm_export_page_from_name (const char *name,
                          WmPageSize *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (_wm_export_pages); i++)
    if (g_ascii_strcasecmp (name, _wm_export_pages[i].name) == 0)
      {
        *page = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
check_status (cairo_status_t status,
              GError       **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Drawing the export failed: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/* The context's status: an error while painting (a matrix that cannot be
 * inverted, memory) stops the drawing there but leaves the surface's status
 * alone, so without this check an export could end as a blank file. */
cairo_status_t
_wm_export_destroy_context (cairo_t *cr)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  return status;
}

void
_wm_export_numeric_c_begin (WmExportNumericC *saved)
{
  locale_t current = duplocale (uselocale ((locale_t) 0));

  saved->c_numeric = current ? newlocale (LC_NUMERIC_MASK, "C", current) : (locale_t) 0;
  if (saved->c_numeric == (locale_t) 0 && current)
    freelocale (current);
  saved->previous = saved->c_numeric ? uselocale (saved->c_numeric) : (locale_t) 0;
}

void
_wm_export_numeric_c_end (WmExportNumericC *saved)
{
  if (saved->c_numeric == (locale_t) 0)
    return;
  uselocale (saved->previous);
  freelocale (saved->c_numeric);
  saved->c_numeric = (locale_t) 0;
}

/* Finishes @surface; the first error of the context or the surface wins.
 * Finishing a PDF writes its last page's links, read in the C locale. */
cairo_status_t
_wm_export_finish_surface (cairo_surface_t *surface,
                cairo_status_t   context_status)
{
  WmExportNumericC numeric;
  cairo_status_t status;

  _wm_export_numeric_c_begin (&numeric);
  cairo_surface_finish (surface);
  _wm_export_numeric_c_end (&numeric);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return context_status != CAIRO_STATUS_SUCCESS ? context_status : status;
}

cairo_status_t
_wm_export_write (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  WmExportSink *sink = closure;

  if (sink->error == NULL)
    g_output_stream_write_all (sink->stream, data, length, NULL, NULL, &sink->error);
  return sink->error == NULL ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* Hands over the sink's error, if writing failed, or cairo's. */
gboolean
_wm_export_finish_sink (WmExportSink           *sink,
             cairo_status_t  status,
             GError        **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, sink->error);
      return FALSE;
    }
  return check_status (status, error);
}


/* Paints @diagram so that @extent fills the rectangle at (x, y) of size w x h. */
void
wm_export_paint_fitted (cairo_t      *cr,
                        WmDiagram    *diagram,
                        WmTextCache  *text,
                        const WmRect *extent,
                        double        x,
                        double        y,
                        double        w,
                        double        h)
{
  double scale = MIN (w / extent->width, h / extent->height);
  WmRenderOptions options;

  wm_render_options_init (&options);
  options.visible = *extent;
  options.scale = 0; /* vector output: always full detail */
  options.text = text;
  cairo_save (cr);
  cairo_translate (cr, x + (w - extent->width * scale) / 2, y + (h - extent->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -extent->x, -extent->y);
  wm_render_diagram (diagram, cr, &options);
  cairo_restore (cr);
}

/* The PNG export paints bands of rows (wm-png.c), so that a large picture
 * never sits whole in memory; each band paints only what it shows. */

typedef struct
{
  WmDiagram       *diagram;
  WmRect           extent;
  double           scale;
  WmRenderOptions  render;
} PngPainting;

static void
paint_png_band (cairo_t                     *cr,
                const cairo_rectangle_int_t *band,
                gpointer                     user_data)
{
  PngPainting *painting = user_data;
  WmRenderOptions render = painting->render;
  const WmRect *extent = &painting->extent;
  double top = extent->y + band->y / painting->scale;
  double bottom = MIN (extent->y + (band->y + band->height) / painting->scale,
                       extent->y + extent->height);

  /* The band's rows of the extent: the painters cull to them (their bounds
   * hold an item's ink), and the paper they fill ends where the extent
   * does, as in one whole picture. */
  render.visible.y = top;
  render.visible.height = bottom - top;
  cairo_scale (cr, painting->scale, painting->scale);
  cairo_translate (cr, -painting->extent.x, -painting->extent.y);
  wm_render_diagram (painting->diagram, cr, &render);
}

static gboolean
export_png (WmDiagram             *diagram,
            const WmExportOptions *options,
            GOutputStream         *stream,
            GError               **error)
{
  PngPainting painting = { .diagram = diagram, .scale = options->scale };
  WmPngOptions png;
  double width, height;

  wm_render_get_extent (diagram, &painting.extent);
  width = ceil (painting.extent.width * options->scale);
  height = ceil (painting.extent.height * options->scale);
  if (!(options->scale > 0) || !(width <= WM_PNG_MAX_PIXELS && height <= WM_PNG_MAX_PIXELS &&
                                 width * height <= WM_PNG_MAX_AREA))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("At scale %g the image would be %.0f × %.0f pixels; the limit is %d on "
                     "each side and %.0f million pixels. Choose a smaller scale."),
                   options->scale, width, height, WM_PNG_MAX_PIXELS, WM_PNG_MAX_AREA / 1e6);
      return FALSE;
    }

  wm_render_options_init (&painting.render);
  painting.render.visible = painting.extent;
  painting.render.scale = options->scale;
  painting.render.paper = !options->transparent;
  painting.render.text = wm_text_cache_get_default ();
  wm_png_options_init (&png, (int) width, (int) height);
  png.pixels_per_inch = options->scale * 96;
  png.alpha = options->transparent;
  return wm_png_write (stream, &png, paint_png_band, &painting, error);
}

gboolean
wm_export_diagram_to_stream (WmDiagram             *diagram,
                             const WmExportOptions *options,
                             GOutputStream         *stream,
                             GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);

  switch (options->format)
    {
    case WM_EXPORT_PNG: return export_png (diagram, options, stream, error);
    case WM_EXPORT_SVG: return _wm_export_svg_diagram (diagram, options, stream, error);
    case WM_EXPORT_PDF: return _wm_export_pdf_diagram (diagram, options, stream, error);
    /* A deck of the one slide. */
    case WM_EXPORT_PPTX: return wm_export_pptx_to_stream (NULL, diagram, options, stream, error);
    default: g_assert_not_reached ();
    }
}

/* Writes through the safe-save routine: the output goes to a temporary file
 * that replaces the old one only when everything is written and on disk. A
 * failed export drops the stream, which removes the temporary file. */
static gboolean
export_to_file (GFile         *file,
                gboolean     (*export) (gpointer, const WmExportOptions *, GOutputStream *, GError **),
                gpointer       what,
                const WmExportOptions *options,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(WmSafeStream) stream = wm_safe_stream_new (file, WM_SAFE_SAVE_NONE, NULL, error);

  if (stream == NULL)
    return FALSE;
  return export (what, options, G_OUTPUT_STREAM (stream), error) &&
         wm_safe_stream_commit (stream, cancellable, error);
}

static gboolean
export_diagram_as (gpointer               diagram,
                   const WmExportOptions *options,
                   GOutputStream         *stream,
                   GError               **error)
{
  return wm_export_diagram_to_stream (diagram, options, stream, error);
}

static gboolean
export_presentation_as (gpointer               project,
                        const WmExportOptions *options,
                        GOutputStream         *stream,
                        GError               **error)
{
  /* The presentation in PowerPoint is the deck; in any other format, the PDF. */
  if (options->format == WM_EXPORT_PPTX)
    return wm_export_pptx_to_stream (project, NULL, options, stream, error);
  return wm_export_presentation_to_stream (project, options, stream, error);
}

gboolean
wm_export_diagram_to_file (WmDiagram             *diagram,
                           const WmExportOptions *options,
                           GFile                 *file,
                           GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), FALSE);
  return export_to_file (file, export_diagram_as, diagram, options, NULL, error);
}

gboolean
wm_export_presentation_to_file (WmProject             *project,
                                const WmExportOptions *options,
                                GFile                 *file,
                                GError               **error)
{
  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  return export_to_file (file, export_presentation_as, project, options, NULL, error);
}

static GBytes *
export_to_bytes (gboolean (*export) (gpointer, const WmExportOptions *, GOutputStream *, GError **),
                 gpointer               what,
                 const WmExportOptions *options,
                 GError               **error)
{
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  if (!export (what, options, memory, error) || !g_output_stream_close (memory, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

GBytes *
wm_export_diagram (WmDiagram             *diagram,
                   const WmExportOptions *options,
                   GError               **error)
{
  g_return_val_if_fail (WM_IS_DIAGRAM (diagram), NULL);
  return export_to_bytes (export_diagram_as, diagram, options, error);
}

/* The diagram's name as a file-name part: lower case, punctuation and
 * spaces as single dashes, letters of any script kept, at most
 * @max_bytes long (cut between characters); the id when nothing is left. */
static char *
diagram_slug (WmDiagram *diagram,
              gsize      max_bytes)
{
  g_autofree char *lower = g_utf8_strdown (wm_diagram_get_name (diagram), -1);
  GString *slug = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean keep = g_ascii_isalnum (*p) || ((guchar) *p & 0x80);
      const char *next = g_utf8_next_char (p);

      if (!keep && (slug->len == 0 || slug->str[slug->len - 1] == '-'))
        continue;
      if (slug->len + (gsize) (next - p) > max_bytes)
        break;
      if (keep)
        g_string_append_len (slug, p, next - p);
      else
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, wm_diagram_get_id (diagram));
  return g_string_free (slug, FALSE);
}

/* File names stay under the 255 bytes most file systems allow, with room
 * for a counter and the safe-save routine's temporary name around them. */
#define MAX_NAME_BYTES 200
#define MAX_SLUG_BYTES 80

GStrv
wm_export_paths_for_diagrams (const char     *output,
                              WmProject      *project,
                              WmExportFormat  format)
{
  const char *dot = strrchr (output, '.');
  const char *slash = strrchr (output, '/');
  g_autofree char *stem = dot && (!slash || dot > slash) ? g_strndup (output, dot - output)
                                                         : g_strdup (output);
  g_autofree char *base = g_path_get_basename (stem);
  gsize room = MAX_NAME_BYTES > strlen (base) + 1 ? MAX_NAME_BYTES - strlen (base) - 1 : 1;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();

  for (guint i = 0; i < wm_project_get_n_diagrams (project); i++)
    {
      g_autofree char *slug = diagram_slug (wm_project_get_diagram (project, i),
                                            MIN (room, MAX_SLUG_BYTES));
      char *name = g_strdup (slug);
      g_autofree char *path = NULL;

      /* Two names that give the same slug get a counter: nothing is overwritten. */
      for (guint n = 2; g_hash_table_contains (taken, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u", slug, n);
        }
      g_hash_table_add (taken, name);
      path = g_strdup_printf ("%s-%s.%s", stem, name, wm_export_format_extension (format));
      g_strv_builder_add (paths, path);
    }
  return g_strv_builder_end (paths);
}

/* wm_export_each_diagram(), stopping before the next diagram once
 * @cancellable is cancelled. */
static gboolean
export_each (WmProject             *project,
             const WmExportOptions *options,
             const char            *output,
             GCancellable          *cancellable,
             WmExportEachFunc       done,
             gpointer               user_data,
             GError               **error)
{
  g_auto(GStrv) paths = wm_export_paths_for_diagrams (output, project, options->format);
  g_autoptr(GError) first = NULL;
  g_autofree char *summary = NULL;
  guint failed = 0;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      WmDiagram *diagram = wm_project_get_diagram (project, i);
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!export_to_file (file, export_diagram_as, diagram, options, cancellable, &local_error))
        failed++;
      if (done != NULL)
        done (diagram, paths[i], local_error, user_data);
      if (local_error != NULL && first == NULL)
        first = g_steal_pointer (&local_error);
    }
  if (failed == 0)
    return TRUE;
  summary = g_strdup_printf (ngettext ("%u of %u diagrams could not be exported",
                                       "%u of %u diagrams could not be exported", failed),
                             failed, wm_project_get_n_diagrams (project));
  /* "1 of 4 diagrams could not be exported: Could not save “…”: No space left…" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", summary, first->message);
  return FALSE;
}

gboolean
wm_export_each_diagram (WmProject             *project,
                        const WmExportOptions *options,
                        const char            *output,
                        WmExportEachFunc       done,
                        gpointer               user_data,
                        GError               **error)
{
  g_return_val_if_fail (WM_IS_PROJECT (project), FALSE);
  return export_each (project, options, output, NULL, done, user_data, error);
}

/* Exporting off the calling thread
 *
 * The thread works on a copy of the project, serialised where the export
 * starts and read back in the thread, so the model, which is not
 * thread-safe, is never shared; edits made meanwhile do not reach the file.
 * Painting there is safe because every thread measures text in a cache of
 * its own (wm_text_cache_get_default()), and the painters' per-diagram
 * caches belong to the copy. The thread runs the same exports as the
 * synchronous functions, streaming into the safe-save routine; a cancelled
 * export stops before the next file and before any rename, so the old file
 * stays as it was. */

typedef enum
{
  JOB_DIAGRAM,       /* one diagram to one file */
  JOB_PRESENTATION,  /* the presentation to one file */
  JOB_EACH,          /* every diagram to a file of its own */
} JobKind;

typedef struct
{
  JobKind          kind;
  WmExportOptions  options;
  GBytes          *snapshot;   /* the project, serialised */
  guint            position;   /* JOB_DIAGRAM: the diagram's position in the project */
  GFile           *file;       /* JOB_DIAGRAM, JOB_PRESENTATION */
  char            *output;     /* JOB_EACH: the name the files are named after */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->snapshot);
  g_clear_object (&job->file);
  g_free (job->output);
  g_free (job);
}

static gboolean
run_job (ExportJob    *job,
         WmProject    *project,
         GCancellable *cancellable,
         GError      **error)
{
  switch (job->kind)
    {
    case JOB_DIAGRAM:
      return export_to_file (job->file, export_diagram_as,
                             wm_project_get_diagram (project, job->position), &job->options,
                             cancellable, error);
    case JOB_PRESENTATION:
      return export_to_file (job->file, export_presentation_as, project, &job->options,
                             cancellable, error);
    case JOB_EACH:
    default:
      return export_each (project, &job->options, job->output, cancellable, NULL, NULL, error);
    }
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->snapshot, &length);
  g_autoptr(WmProject) project = wm_project_load_from_data (data, length, "export", &error);

  if (project == NULL || !run_job (job, project, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The source tag of a task: the function that started it. */
#define EXPORT_TAG(function) ((gpointer) (guintptr) (function))

/* Takes the copy of @project and starts the thread. */
static void
start_export (GTask                 *task,
              gpointer               source_tag,
              WmProject             *project,
              ExportJob             *job,
              const WmExportOptions *options)
{
  job->options = *options;
  job->snapshot = wm_project_serialize (project);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  /* What happened on disk is the result, even if cancelled too late to stop it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, export_in_thread);
}

static gboolean
finish_export (gpointer       source_object,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static ExportJob *
export_job_new (JobKind  kind,
                GFile   *file)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->kind = kind;
  job->file = file != NULL ? g_object_ref (file) : NULL;
  return job;
}

static guint
diagram_position (WmProject *project,
                  WmDiagram *diagram)
{
  guint i = 0;

  while (wm_project_get_diagram (project, i) != diagram)
    i++;
  return i;
}

void
wm_export_diagram_to_file_async (WmDiagram             *diagram,
                                 const WmExportOptions *options,
                                 GFile                 *file,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  WmProject *project;
  ExportJob *job;

  g_return_if_fail (WM_IS_DIAGRAM (diagram));
  g_return_if_fail (WM_IS_PROJECT (wm_diagram_get_project (diagram)));
  g_return_if_fail (G_IS_FILE (file));

  project = wm_diagram_get_project (diagram);
  task = g_task_new (diagram, cancellable, callback, user_data);
  job = export_job_new (JOB_DIAGRAM, file);
  job->position = diagram_position (project, diagram);
  start_export (task, EXPORT_TAG (wm_export_diagram_to_file_async), project, job, options);
}

gboolean
wm_export_diagram_to_file_finish (WmDiagram     *diagram,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_export (diagram, result, EXPORT_TAG (wm_export_diagram_to_file_async), error);
}

void
wm_export_presentation_to_file_async (WmProject             *project,
                                      const WmExportOptions *options,
                                      GFile                 *file,
                                      GCancellable          *cancellable,
                                      GAsyncReadyCallback    callback,
                                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WM_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (project, cancellable, callback, user_data);
  start_export (task, EXPORT_TAG (wm_export_presentation_to_file_async), project,
                export_job_new (JOB_PRESENTATION, file), options);
}

gboolean
wm_export_presentation_to_file_finish (WmProject     *project,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_export (project, result, EXPORT_TAG (wm_export_presentation_to_file_async), error);
}

void
wm_export_each_diagram_async (WmProject             *project,
                              const WmExportOptions *options,
                              const char            *output,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (WM_IS_PROJECT (project));
  g_return_if_fail (output != NULL);

  task = g_task_new (project, cancellable, callback, user_data);
  job = export_job_new (JOB_EACH, NULL);
  job->output = g_strdup (output);
  start_export (task, EXPORT_TAG (wm_export_each_diagram_async), project, job, options);
}

gboolean
wm_export_each_diagram_finish (WmProject     *project,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_export (project, result, EXPORT_TAG (wm_export_each_diagram_async), error);
}
