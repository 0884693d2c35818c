/* wm-print.c — printing diagrams through the same painters as the screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-print"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-draw.h"
#include "wm-export.h"
#include "wm-print.h"

typedef struct
{
  WmProject *project;
  WmDiagram *diagram;  /* or NULL for every diagram */
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->project);
  g_clear_object (&job->diagram);
  g_free (job);
}

static WmDiagram *
page_diagram (PrintJob *job,
              int       page)
{
  return job->diagram ? job->diagram : wm_project_get_diagram (job->project, (guint) page);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, job->diagram
                                                ? 1 : (int) wm_project_get_n_diagrams (job->project));
}

/* The diagram's name at the top of the page, the drawing fitted below. */
static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  WmDiagram *diagram = page_diagram (job, page);
  WmTextStyle title = wm_text_style (14);
  WmRenderOptions options;
  WmRect extent;

  wm_render_options_init (&options);
  options.scale = 0;
  title.weight = PANGO_WEIGHT_BOLD;
  title.wrap = FALSE;
  wm_draw_text (cr, &options, wm_diagram_get_name (diagram),
                &(WmRect) { 0, 0, width, 20 }, &title);
  wm_render_get_extent (diagram, &extent);
  wm_export_paint_fitted (cr, diagram, NULL, &extent, 0, 28, width, height - 28);
}

GtkPrintOperation *
wm_print_operation_new (WmProject *project,
                        WmDiagram *diagram)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

  g_return_val_if_fail (WM_IS_PROJECT (project), NULL);

  job->project = g_object_ref (project);
  job->diagram = diagram ? g_object_ref (diagram) : NULL;
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, *wm_project_get_title (project)
                                                 ? wm_project_get_title (project)
                                                 : _("Untitled Project"));
  g_object_set_data_full (G_OBJECT (operation), "wm-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);
  return operation;
}
