/* accords-window.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-detail-pane.h"
#include "accords-paths.h"
#include "accords-query.h"
#include "accords-record-list.h"
#include "accords-record-table.h"
#include "accords-store.h"
#include "accords-window.h"

struct _AccordsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkPaned             *paned;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;

  /* owned */
  GSettings            *settings;     /* NULL when the schema is not installed */
  GCancellable         *cancellable;  /* of opening the library */
  AccordsSession       *session;
  char                 *database;
  char                 *initial_query;
  gboolean              sample;
};

typedef struct
{
  char         *database;
  gboolean      sample;
  char         *path;
  AccordsStore *store;
  gint64        n_records;
} OpenData;

G_DEFINE_FINAL_TYPE (AccordsWindow, accords_window, ADW_TYPE_APPLICATION_WINDOW)

static void
open_data_free (OpenData *data)
{
  g_free (data->database);
  g_free (data->path);
  g_clear_object (&data->store);
  g_free (data);
}

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed: window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new (APP_ID);
}

/* Opening the library (a quick_check of the whole file, maybe a copy of the
 * sample collection) runs in a thread; the window shows a spinner. */
static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;

  if (data->sample)
    data->path = accords_paths_dup_sample_library (&error);
  else if (data->database != NULL)
    data->path = g_strdup (data->database);
  else
    {
      g_autofree char *dir = NULL;

      data->path = accords_paths_dup_default_library ();
      dir = g_path_get_dirname (data->path);
      g_mkdir_with_parents (dir, 0700);
    }

  if (data->path == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->store = accords_store_open (data->path, &error);
  if (data->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->n_records = accords_store_count_records (data->store, &error);
  if (data->n_records < 0)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_records_items_changed_cb (AccordsWindow *self,
                             guint          position,
                             guint          removed,
                             guint          added,
                             GListModel    *records)
{
  AccordsQuery *query = accords_session_get_query (self->session);

  /* An empty library gets the page that says what to do next; an empty
   * result of a search keeps the list, whose status line says 0. */
  if (g_list_model_get_n_items (records) == 0 && accords_query_is_empty (query))
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "records");
}

static void
apply_initial_query (AccordsWindow *self)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  if (self->initial_query == NULL)
    return;

  query = accords_query_parse (self->initial_query, NULL, NULL, &error);
  if (query == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The search was not understood: %s"),
                                                  error->message);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  accords_session_set_query (self->session, query);
}

static void
show_session (AccordsWindow *self,
              OpenData      *data)
{
  GtkWidget *table;
  GtkWidget *detail;
  AccordsRecordList *records;

  self->session = accords_session_new (data->store);
  records = accords_session_get_records (self->session);

  table = accords_record_table_new (self->session);
  detail = accords_detail_pane_new (self->session);
  gtk_widget_set_size_request (table, 360, -1);
  gtk_widget_set_size_request (detail, 320, -1);
  gtk_paned_set_start_child (self->paned, table);
  gtk_paned_set_end_child (self->paned, detail);

  if (self->settings != NULL)
    g_settings_bind (self->settings, "pane-position", self->paned, "position",
                     G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (records, "items-changed",
                           G_CALLBACK (on_records_items_changed_cb), self, G_CONNECT_SWAPPED);

  apply_initial_query (self);

  gtk_stack_set_visible_child_name (self->stack, data->n_records > 0 ? "records" : "empty");
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AccordsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *basename = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Words for the user, not a dialog: the page says what happened. */
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (data->sample)
    adw_window_title_set_subtitle (self->window_title, _("Sample Collection"));
  else
    {
      basename = g_filename_display_basename (data->path);
      adw_window_title_set_subtitle (self->window_title, basename);
    }

  show_session (self, data);
}

static void
start_open (AccordsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data = g_new0 (OpenData, 1);

  data->database = g_strdup (self->database);
  data->sample = self->sample;

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, open_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_open);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);

  gtk_stack_set_visible_child_name (self->stack, "loading");
}

static gboolean
accords_window_close_request (GtkWindow *window)
{
  AccordsWindow *self = ACCORDS_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (accords_window_parent_class)->close_request (window);
}

static void
accords_window_dispose (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_WINDOW);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accords_window_parent_class)->dispose (object);
}

static void
accords_window_finalize (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->initial_query, g_free);

  G_OBJECT_CLASS (accords_window_parent_class)->finalize (object);
}

static void
accords_window_class_init (AccordsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = accords_window_dispose;
  object_class->finalize = accords_window_finalize;
  window_class->close_request = accords_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, toast_overlay);
}

static void
accords_window_init (AccordsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
}

/**
 * accords_window_new:
 * @application: the application
 * @database: (nullable): the library file, or %NULL for the user's own
 * @sample: open the sample collection instead
 * @query: (nullable): the search to start with
 *
 * Creates a window and starts opening its library in the background.
 *
 * Returns: (transfer none): the window, owned by @application
 */
AccordsWindow *
accords_window_new (AccordsApplication *application,
                    const char         *database,
                    gboolean            sample,
                    const char         *query)
{
  AccordsWindow *self;

  g_return_val_if_fail (ACCORDS_IS_APPLICATION (application), NULL);

  self = g_object_new (ACCORDS_TYPE_WINDOW, "application", application, NULL);
  self->database = g_strdup (database);
  self->sample = sample;
  self->initial_query = g_strdup (query);

  start_open (self);

  return self;
}

/**
 * accords_window_get_session:
 *
 * Returns: (nullable) (transfer none): the session, once the library is open
 */
AccordsSession *
accords_window_get_session (AccordsWindow *self)
{
  g_return_val_if_fail (ACCORDS_IS_WINDOW (self), NULL);

  return self->session;
}
