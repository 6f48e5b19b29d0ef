/* accords-tag-undo.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-tag-undo"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-tag-undo.h"

/* Removing a tag from many records at once is easy to regret: the toast
 * that says it was done puts the tag back on exactly the records that
 * had it. */

typedef struct
{
  AccordsSession *session;
  char           *name;
  GArray         *ids; /* the records that had the tag */
} TagUndo;

static void
tag_undo_free (gpointer data)
{
  TagUndo *undo = data;

  g_clear_object (&undo->session);
  g_free (undo->name);
  g_array_unref (undo->ids);
  g_free (undo);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    TagUndo  *undo)
{
  g_autoptr(GError) error = NULL;

  if (!accords_session_tag_records (undo->session, undo->ids, undo->name, TRUE, &error))
    g_warning ("Could not put tag %s back: %s", undo->name, error->message);
}

/* The selected records that carry @name. */
static GArray *
dup_tagged_selection (AccordsSession *session,
                      GArray         *ids,
                      const char     *name)
{
  g_autoptr(GArray) tagged = accords_session_dup_tagged_ids (session, name);
  g_autoptr(GHashTable) set = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *result = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < tagged->len; i++)
    g_hash_table_add (set, &g_array_index (tagged, gint64, i));

  for (guint i = 0; i < ids->len; i++)
    if (g_hash_table_contains (set, &g_array_index (ids, gint64, i)))
      g_array_append_val (result, g_array_index (ids, gint64, i));

  return result;
}

/**
 * accords_untag_selection:
 * @session: a session
 * @name: a tag
 * @error: where to put a failure
 *
 * Removes @name from every selected record, in one transaction.
 *
 * Returns: (transfer full) (nullable): a toast offering Undo, to show;
 *   %NULL when no selected record had the tag, or on failure
 */
AdwToast *
accords_untag_selection (AccordsSession  *session,
                         const char      *name,
                         GError         **error)
{
  g_autoptr(GArray) ids = accords_session_dup_selected_ids (session);
  g_autoptr(GArray) tagged = dup_tagged_selection (session, ids, name);
  g_autofree char *title = NULL;
  AdwToast *toast;
  TagUndo *undo;

  if (!accords_session_tag_records (session, ids, name, FALSE, error))
    return NULL;

  if (tagged->len == 0)
    return NULL;

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Removed “%s” from %'u record",
                                        "Removed “%s” from %'u records",
                                        tagged->len),
                           name, tagged->len);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));

  undo = g_new0 (TagUndo, 1);
  undo->session = g_object_ref (session);
  undo->name = g_strdup (name);
  undo->ids = g_steal_pointer (&tagged);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         undo, (GClosureNotify) (void (*) (void)) tag_undo_free, 0);

  return toast;
}
