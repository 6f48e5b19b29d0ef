/* accords-export-dialog.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-export.h"
#include "accords-export-dialog.h"
#include "accords-query.h"
#include "accords-record-list.h"
#include "accords-store.h"

/* Export…: a GtkFileChooserNative (the portal's where there is one) with
 * two choices, the format and which records (the selection or all that
 * match the query), then the export in a worker thread on its own
 * connection, written atomically, and a toast with an action to open the
 * file. */

static const AccordsExportFormat dialog_formats[] = {
  ACCORDS_EXPORT_FORMAT_CSV,
  ACCORDS_EXPORT_FORMAT_JSON,
  ACCORDS_EXPORT_FORMAT_MARKDOWN,
  ACCORDS_EXPORT_FORMAT_HTML,
  ACCORDS_EXPORT_FORMAT_ICS,
};

typedef struct
{
  AccordsSession *session;
  AdwToastOverlay *toasts;   /* weak */
  GArray *selected_ids;
  guint n_matching;
} DialogData;

typedef struct
{
  AccordsStore *reader;
  AccordsQuery *query;
  GArray *ids;               /* NULL: all that match the query */
  AccordsExportFormat format;
  GFile *file;
} ExportData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->session);
  g_clear_weak_pointer (&data->toasts);
  g_clear_pointer (&data->selected_ids, g_array_unref);
  g_free (data);
}

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->reader);
  g_clear_object (&data->query);
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  guint64 n_exported = 0;

  if (!accords_export_to_file (data->reader, data->query,
                               data->ids != NULL ? (const gint64 *) (gpointer) data->ids->data : NULL,
                               data->ids != NULL ? data->ids->len : 0,
                               data->format, ACCORDS_EXPORT_OPTION_NONE, data->file,
                               &n_exported, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, (gssize) MIN (n_exported, G_MAXSSIZE));
}

static void
on_toast_button_clicked_cb (AdwToast *toast,
                            GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
}

static void
unref_file (gpointer  file,
            GClosure *closure)
{
  g_object_unref (file);
}

static void
export_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AdwToastOverlay) toasts = user_data;
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  gssize n;

  n = g_task_propagate_int (G_TASK (result), &error);

  if (n < 0)
    {
      g_autofree char *name = g_file_get_parse_name (data->file);

      title = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'zd record",
                                            "Exported %'zd records", n), n);
      toast = adw_toast_new (title);
      adw_toast_set_button_label (toast, _("_Open"));
      g_signal_connect_data (toast, "button-clicked",
                             G_CALLBACK (on_toast_button_clicked_cb),
                             g_object_ref (data->file), unref_file, 0);
    }

  adw_toast_overlay_add_toast (toasts, toast);
}

static AccordsExportFormat
format_for (GtkFileChooser *chooser,
            GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  const char *choice = gtk_file_chooser_get_choice (chooser, "format");
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;
  AccordsExportFormat format = ACCORDS_EXPORT_FORMAT_CSV;

  /* A known extension the user typed wins over the choice. */
  if (dot != NULL && accords_export_format_from_string (dot + 1, &format) &&
      format != ACCORDS_EXPORT_FORMAT_TEXT)
    return format;

  if (!accords_export_format_from_string (choice, &format))
    format = ACCORDS_EXPORT_FORMAT_CSV;

  return format;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        DialogData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportData *export;
  const char *records;

  if (response != GTK_RESPONSE_ACCEPT || data->toasts == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    goto out;

  export = g_new0 (ExportData, 1);
  export->reader = accords_store_open_reader (accords_session_get_store (data->session), &error);
  export->query = accords_query_copy (accords_session_get_query (data->session));
  export->format = format_for (GTK_FILE_CHOOSER (chooser), file);
  export->file = g_object_ref (file);

  records = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "records");
  if (g_strcmp0 (records, "selection") == 0 && data->selected_ids->len > 0)
    export->ids = g_array_ref (data->selected_ids);

  task = g_task_new (NULL, NULL, export_done, g_object_ref (data->toasts));
  g_task_set_source_tag (task, on_chooser_response_cb);
  g_task_set_task_data (task, export, (GDestroyNotify) export_data_free);

  if (export->reader == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, export_thread);

out:
  g_object_set_data (G_OBJECT (chooser), "accords-dialog-data", NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * accords_export_dialog_present:
 * @parent: the window the dialog belongs to
 * @session: the session whose records are exported
 * @toasts: where the result is told
 *
 * Asks where and how to export the selected records, or every record that
 * matches the current query, and exports them.
 */
void
accords_export_dialog_present (GtkWindow       *parent,
                               AccordsSession  *session,
                               AdwToastOverlay *toasts)
{
  GtkSelectionModel *selection = accords_session_get_selection (session);
  AccordsRecordList *records = accords_session_get_records (session);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autofree char *all_label = NULL;
  g_autofree char *selection_label = NULL;
  g_autofree char *name = NULL;
  const char *format_ids[G_N_ELEMENTS (dialog_formats) + 1] = { NULL };
  const char *format_labels[G_N_ELEMENTS (dialog_formats) + 1] = { NULL };
  GtkFileChooserNative *chooser;
  DialogData *data;
  GtkBitsetIter iter;
  guint position;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (ACCORDS_IS_SESSION (session));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toasts));

  data = g_new0 (DialogData, 1);
  data->session = g_object_ref (session);
  g_set_weak_pointer (&data->toasts, toasts);
  data->selected_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->n_matching = g_list_model_get_n_items (G_LIST_MODEL (records));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = accords_record_list_get_id (records, position);

      if (id > 0)
        g_array_append_val (data->selected_ids, id);
    }

  chooser = gtk_file_chooser_native_new (_("Export Records"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (dialog_formats); i++)
    {
      format_ids[i] = accords_export_format_to_string (dialog_formats[i]);
      format_labels[i] = accords_export_format_get_label (dialog_formats[i]);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"),
                               format_ids, format_labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "csv");

  /* The dialog says how many records each choice exports. */
  all_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "All %'u record that matches the search",
                                            "All %'u records that match the search",
                                            data->n_matching),
                               data->n_matching);
  if (data->selected_ids->len > 0)
    {
      const char *scope_ids[] = { "selection", "all", NULL };
      const char *scope_labels[] = { NULL, all_label, NULL };

      selection_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      "The %'u selected record",
                                                      "The %'u selected records",
                                                      data->selected_ids->len),
                                         data->selected_ids->len);
      scope_labels[0] = selection_label;
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "records", _("Records"),
                                   scope_ids, scope_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "records",
                                   data->selected_ids->len > 1 ? "selection" : "all");
    }
  else
    {
      const char *scope_ids[] = { "all", NULL };
      const char *scope_labels[] = { all_label, NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "records", _("Records"),
                                   scope_ids, scope_labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "records", "all");
    }

  /* Translators: the file name an export is offered under, without extension. */
  name = g_strdup_printf ("%s.csv", _("accords-export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data_full (G_OBJECT (chooser), "accords-dialog-data", data,
                          (GDestroyNotify) dialog_data_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
