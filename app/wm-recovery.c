/* wm-recovery.c — offering the autosaves a crash left behind
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "wm-recovery"

#include "config.h"

#include <glib/gi18n.h>

#include "wm-recovery.h"

typedef struct
{
  GPtrArray          *orphans;
  WmRecoveryCallback  callback;
  gpointer            user_data;
} Offer;

static void
offer_free (gpointer  data,
            GClosure *closure)
{
  Offer *offer = data;

  g_ptr_array_unref (offer->orphans);
  g_free (offer);
}

/* "Title — 23 Nov 2026, 15:12": what the user recognises the project by. */
static char *
describe (const WmAutosaveEntry *entry)
{
  g_autofree char *name = NULL;
  g_autofree char *time = NULL;

  if (entry->title != NULL && *entry->title != '\0')
    name = g_strdup (entry->title);
  else if (entry->original != NULL)
    name = g_file_get_basename (entry->original);
  else
    name = g_strdup (_("Untitled project"));
  if (entry->time != NULL)
    time = g_date_time_format (entry->time, "%x %X");
  if (time == NULL)
    return g_steal_pointer (&name);
  /* Translators: a project that can be recovered, and when it was last autosaved. */
  return g_strdup_printf (_("%s — %s"), name, time);
}

static guint
count_damaged (GPtrArray *orphans)
{
  guint n = 0;

  for (guint i = 0; i < orphans->len; i++)
    if (((WmAutosaveEntry *) g_ptr_array_index (orphans, i))->damaged)
      n++;
  return n;
}

static void
append_entries (GString   *body,
                GPtrArray *orphans,
                gboolean   damaged)
{
  for (guint i = 0; i < orphans->len; i++)
    {
      WmAutosaveEntry *entry = g_ptr_array_index (orphans, i);
      g_autofree char *line = NULL;

      if (entry->damaged != damaged)
        continue;
      line = describe (entry);
      g_string_append_printf (body, "\n• %s", line);
      if (damaged)
        g_string_append_printf (body, "\n   %s", entry->damage);
    }
}

/* The copies that can be recovered, then those that cannot: a damaged copy
 * is shown as such, so that it can be discarded, and never offered as if
 * it could be recovered. */
static char *
body_for (GPtrArray *orphans)
{
  guint n_damaged = count_damaged (orphans);
  guint n_good = orphans->len - n_damaged;
  GString *body = g_string_new (NULL);

  if (n_good > 0)
    {
      g_string_append (body, ngettext ("Waymark closed before this project was saved. "
                                       "Its changes can be recovered:",
                                       "Waymark closed before these projects were saved. "
                                       "Their changes can be recovered:",
                                       n_good));
      g_string_append_c (body, '\n');
      append_entries (body, orphans, FALSE);
    }
  if (n_damaged > 0)
    {
      if (n_good > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, ngettext ("Waymark closed before this project was saved, but "
                                       "this copy is damaged and cannot be recovered:",
                                       "Waymark closed before these projects were saved, but "
                                       "these copies are damaged and cannot be recovered:",
                                       n_damaged));
      g_string_append_c (body, '\n');
      append_entries (body, orphans, TRUE);
    }
  return g_string_free (body, FALSE);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          data)
{
  Offer *offer = data;
  WmRecoveryChoice choice = WM_RECOVERY_LATER;

  if (g_strcmp0 (response, "recover") == 0)
    choice = WM_RECOVERY_RECOVER;
  else if (g_strcmp0 (response, "discard") == 0)
    choice = WM_RECOVERY_DISCARD;
  if (offer->callback != NULL)
    offer->callback (offer->orphans, choice, offer->user_data);
}

/* Recovering is offered when there is something to recover; damaged
 * copies can only be discarded, or kept to be shown again next time. */
static void
add_responses (AdwMessageDialog *dialog,
               guint             n_good,
               guint             n_damaged)
{
  if (n_good > 0)
    {
      adw_message_dialog_set_heading (dialog, ngettext ("Recover Unsaved Project?",
                                                        "Recover Unsaved Projects?", n_good));
      adw_message_dialog_add_responses (dialog,
                                        "discard", n_damaged > 0 ? _("_Discard All")
                                                                 : _("_Discard"),
                                        "recover", _("_Recover"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "recover");
    }
  else
    {
      adw_message_dialog_set_heading (dialog, ngettext ("Damaged Autosave", "Damaged Autosaves",
                                                        n_damaged));
      adw_message_dialog_add_responses (dialog,
                                        "later", _("_Keep for Now"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_default_response (dialog, "later");
    }
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
}

void
wm_recovery_offer (GtkWindow          *parent,
                   GPtrArray          *orphans,
                   WmRecoveryCallback  callback,
                   gpointer            user_data)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Offer *offer;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (orphans != NULL && orphans->len > 0);

  body = body_for (orphans);
  dialog = adw_message_dialog_new (parent, NULL, body);
  add_responses (ADW_MESSAGE_DIALOG (dialog), orphans->len - count_damaged (orphans),
                 count_damaged (orphans));
  /* Escape decides nothing: the copies stay and are offered again. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");

  offer = g_new0 (Offer, 1);
  offer->orphans = g_ptr_array_ref (orphans);
  offer->callback = callback;
  offer->user_data = user_data;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), offer,
                         offer_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
