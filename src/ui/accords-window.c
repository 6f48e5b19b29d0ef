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
#include "accords-export-dialog.h"
#include "accords-facet-sidebar.h"
#include "accords-import-dialog.h"
#include "accords-paths.h"
#include "accords-query.h"
#include "accords-record-list.h"
#include "accords-record-table.h"
#include "accords-search-entry.h"
#include "accords-store.h"
#include "accords-tags-dialog.h"
#include "accords-timeline.h"
#include "accords-window.h"

struct _AccordsWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *back_button;
  GtkToggleButton      *filters_button;
  GtkStack             *stack;
  AdwStatusPage        *error_page;
  AdwToastOverlay      *toast_overlay;
  AccordsSearchEntry   *search_entry;
  AdwLeaflet           *leaflet;
  AdwFlap              *flap;
  AdwBin               *sidebar_bin;
  AdwViewStack         *view_stack;
  GtkStack             *results_stack;
  AdwBin               *table_bin;
  AdwBin               *timeline_bin;
  AdwBin               *detail_bin;
  AdwViewSwitcherBar   *switcher_bar;

  /* owned */
  GSettings            *settings;     /* NULL when the schema is not installed */
  GCancellable         *cancellable;  /* of opening the library */
  AccordsSession       *session;
  char                 *database;
  char                 *initial_query;
  char                **pending_import; /* files to import once the library is open */
  guint                 clear_pointer_source;
  gboolean              sample;
  gboolean              pointer_selecting; /* a click in the list is under way */
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

static gboolean
showing_records (AccordsWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "records") == 0;
}

static gboolean
showing_detail_alone (AccordsWindow *self)
{
  return adw_leaflet_get_folded (self->leaflet) &&
         g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "detail") == 0;
}

static void
update_actions (AccordsWindow *self)
{
  gboolean records = self->session != NULL && showing_records (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 self->session != NULL &&
                                 !accords_store_get_read_only (accords_session_get_store (self->session)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", self->session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.manage-tags", self->session != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-search", records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-search", records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-view", records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-filters",
                                 records);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-list",
                                 records && showing_detail_alone (self));
}

/* What the header bar offers depends on the page: the view switcher and
 * the filters button with the records, a back button when the detail
 * fills a narrow window. */
static void
update_header (AccordsWindow *self)
{
  gboolean records = showing_records (self);
  gboolean detail_alone = records && showing_detail_alone (self);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title,
                                                     records && !detail_alone);
  /* At narrow widths the views are switched at the bottom, except on
   * the detail of a record, which belongs to no view. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    records && !detail_alone &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_set_visible (self->back_button, detail_alone);
  gtk_widget_set_visible (GTK_WIDGET (self->filters_button),
                          records && !detail_alone);

  update_actions (self);
}

static void
on_leaflet_layout_notify_cb (AccordsWindow *self,
                             GParamSpec    *pspec,
                             GObject       *object)
{
  update_header (self);
}

static void
on_stack_visible_child_notify_cb (AccordsWindow *self,
                                  GParamSpec    *pspec,
                                  GtkStack      *stack)
{
  update_header (self);
}

static void
show_detail (AccordsWindow *self)
{
  if (!adw_leaflet_get_folded (self->leaflet))
    return;

  /* The row that has the focus is about to go: give the focus to the way
   * back, rather than let the leaflet put it (and a selection) on the
   * first selectable label of the detail. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  gtk_widget_grab_focus (self->back_button);
}

/* Which page shows the records: the empty library says what to do next,
 * a search without results offers to clear it. While a query runs the
 * page stays as it is, so that typing does not flicker. */
static void
update_results (AccordsWindow *self)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  AccordsQuery *query = accords_session_get_query (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (records));

  if (accords_record_list_get_loading (records))
    return;

  if (n == 0 && accords_query_is_empty (query))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "records");
  gtk_stack_set_visible_child_name (self->results_stack, n == 0 ? "no-match" : "table");
}

static void
on_records_items_changed_cb (AccordsWindow *self,
                             guint          position,
                             guint          removed,
                             guint          added,
                             GListModel    *records)
{
  update_results (self);
}

static void
on_records_loading_notify_cb (AccordsWindow     *self,
                              GParamSpec        *pspec,
                              AccordsRecordList *records)
{
  update_results (self);
}

static void
on_session_selected_record_notify_cb (AccordsWindow  *self,
                                      GParamSpec     *pspec,
                                      AccordsSession *session)
{
  /* A click on a row of a narrow window opens it; arrow keys only move
   * the selection, and Enter opens ("record-activated"). */
  if (!self->pointer_selecting)
    return;

  self->pointer_selecting = FALSE;
  if (accords_session_get_selected_record (session) != NULL)
    show_detail (self);
}

static void
on_table_record_activated_cb (AccordsWindow *self,
                              AccordsRecord *record,
                              GtkWidget     *table)
{
  show_detail (self);
}

static gboolean
clear_pointer_selecting_cb (gpointer user_data)
{
  AccordsWindow *self = user_data;

  self->pointer_selecting = FALSE;
  self->clear_pointer_source = 0;

  return G_SOURCE_REMOVE;
}

static void
on_table_pressed_cb (AccordsWindow *self,
                     int            n_press,
                     double         x,
                     double         y,
                     GtkGesture    *gesture)
{
  g_clear_handle_id (&self->clear_pointer_source, g_source_remove);
  self->pointer_selecting = TRUE;
}

static void
on_table_released_cb (AccordsWindow *self,
                      int            n_press,
                      double         x,
                      double         y,
                      GtkGesture    *gesture)
{
  /* After the list has handled the click. */
  g_clear_handle_id (&self->clear_pointer_source, g_source_remove);
  self->clear_pointer_source = g_idle_add (clear_pointer_selecting_cb, self);
}

static void
restore_state (AccordsWindow *self)
{
  g_autofree char *view = NULL;
  g_autofree char *last_query = NULL;
  const char *query = self->initial_query;

  if (self->settings != NULL)
    {
      view = g_settings_get_string (self->settings, "last-view");
      adw_view_stack_set_visible_child_name (self->view_stack, view);

      if (!adw_flap_get_folded (self->flap))
        adw_flap_set_reveal_flap (self->flap,
                                  g_settings_get_boolean (self->settings, "filters-visible"));

      /* --query wins over the last search. */
      if (query == NULL && g_settings_get_boolean (self->settings, "restore-last-search"))
        {
          last_query = g_settings_get_string (self->settings, "last-query");
          query = last_query;
        }
    }

  /* Through the entry, so that a query that does not parse is shown
   * there with its error, like a typed one. */
  if (query != NULL && *query != '\0')
    accords_search_entry_set_text (self->search_entry, query);
}

static void
save_state (AccordsWindow *self)
{
  if (self->settings == NULL || self->session == NULL)
    return;

  {
    g_autofree char *query = accords_query_to_string (accords_session_get_query (self->session));
    const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

    g_settings_set_string (self->settings, "last-query", query != NULL ? query : "");
    if (view != NULL)
      g_settings_set_string (self->settings, "last-view", view);
    if (!adw_flap_get_folded (self->flap))
      g_settings_set_boolean (self->settings, "filters-visible",
                              adw_flap_get_reveal_flap (self->flap));
  }
}

static void
show_session (AccordsWindow *self,
              OpenData      *data)
{
  GtkWidget *table;
  GtkWidget *detail;
  GtkGesture *click;
  AccordsRecordList *records;

  self->session = accords_session_new (data->store);
  records = accords_session_get_records (self->session);

  table = accords_record_table_new (self->session);
  detail = accords_detail_pane_new (self->session);
  /* A narrow window keeps only date, parties and title; the table
   * scrolls sideways inside itself when even those do not fit. */
  gtk_widget_set_size_request (table, 300, -1);
  gtk_widget_set_hexpand (table, TRUE);
  gtk_widget_set_vexpand (table, TRUE);
  g_object_bind_property (self->leaflet, "folded", table, "compact", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->table_bin, table);
  adw_bin_set_child (self->timeline_bin, accords_timeline_new (self->session));
  adw_bin_set_child (self->detail_bin, detail);
  adw_bin_set_child (self->sidebar_bin, accords_facet_sidebar_new (self->session));

  /* Enter or a double click opens the record at narrow widths; so does a
   * single click, seen here before the list handles it. */
  if (g_signal_lookup ("record-activated", G_OBJECT_TYPE (table)) != 0)
    g_signal_connect_object (table, "record-activated",
                             G_CALLBACK (on_table_record_activated_cb), self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_table_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_table_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (table, GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (self->session, "notify::selected-record",
                           G_CALLBACK (on_session_selected_record_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (records, "items-changed",
                           G_CALLBACK (on_records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (records, "notify::loading",
                           G_CALLBACK (on_records_loading_notify_cb), self, G_CONNECT_SWAPPED);

  accords_search_entry_set_session (self->search_entry, self->session);
  restore_state (self);

  gtk_stack_set_visible_child_name (self->stack, data->n_records > 0 ? "records" : "empty");
  update_header (self);

  if (self->pending_import != NULL)
    {
      g_auto(GStrv) paths = g_steal_pointer (&self->pending_import);

      accords_window_import_files (self, (const char * const *) paths);
    }
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
    adw_view_switcher_title_set_subtitle (self->switcher_title, _("Sample Collection"));
  else
    {
      basename = g_filename_display_basename (data->path);
      adw_view_switcher_title_set_subtitle (self->switcher_title, basename);
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

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               AccordsWindow   *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      if (paths[0] != NULL)
        accords_window_import_files (self, (const char * const *) paths);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (self->session == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Articles, CSV and JSON"), "text/plain", NULL);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Articles (plain text)"), "text/plain", "*.txt");
  add_filter (GTK_FILE_CHOOSER (chooser), _("CSV"), "text/csv", "*.csv");
  add_filter (GTK_FILE_CHOOSER (chooser), _("JSON"), "application/json", "*.json");
  add_filter (GTK_FILE_CHOOSER (chooser), _("All Files"), NULL, "*");

  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            AccordsWindow *self)
{
  GSList *files;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  paths = g_strv_builder_end (builder);
  if (paths[0] == NULL)
    return FALSE;

  accords_window_import_files (self, (const char * const *) paths);
  return TRUE;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (self->session != NULL)
    accords_export_dialog_present (GTK_WINDOW (self), self->session, self->toast_overlay);
}

static void
manage_tags_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (self->session != NULL)
    accords_tags_dialog_present (GTK_WINDOW (self), self->session);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  accords_search_entry_clear (self->search_entry);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  if (showing_detail_alone (self))
    adw_leaflet_set_visible_child_name (self->leaflet, "browse");
}

static void
toggle_filters_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  if (showing_detail_alone (self))
    adw_leaflet_set_visible_child_name (self->leaflet, "browse");
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AccordsWindow *self = ACCORDS_WINDOW (widget);

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  adw_leaflet_set_visible_child_name (self->leaflet, "browse");
  /* Back where the user was: the list. */
  gtk_widget_child_focus (GTK_WIDGET (self->table_bin), GTK_DIR_TAB_FORWARD);
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
      save_state (self);
    }

  return GTK_WINDOW_CLASS (accords_window_parent_class)->close_request (window);
}

static void
accords_window_dispose (GObject *object)
{
  AccordsWindow *self = (AccordsWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->clear_pointer_source, g_source_remove);

  /* Nothing may call back into a window whose children are gone. */
  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      g_signal_handlers_disconnect_by_data (accords_session_get_records (self->session), self);
    }

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
  g_clear_pointer (&self->pending_import, g_strfreev);

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

  g_type_ensure (ACCORDS_TYPE_SEARCH_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, filters_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, sidebar_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, table_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, timeline_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, detail_bin);
  gtk_widget_class_bind_template_child (widget_class, AccordsWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_layout_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_notify_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.manage-tags", NULL, manage_tags_action);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);

  gtk_widget_class_install_action (widget_class, "win.clear-search", NULL, clear_search_action);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "timeline");

  gtk_widget_class_install_action (widget_class, "win.toggle-filters", NULL,
                                   toggle_filters_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.toggle-filters", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-list", NULL, show_list_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-list", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0,
                                       "win.show-list", NULL);
}

static void
accords_window_init (AccordsWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Files dropped anywhere on the window are imported, after review. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_object_bind_property (self->flap, "reveal-flap", self->filters_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      gtk_widget_set_size_request (GTK_WIDGET (self->sidebar_bin),
                                   g_settings_get_int (self->settings, "sidebar-width"), -1);
    }

  update_header (self);
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

/**
 * accords_window_import_files:
 * @self: a window
 * @paths: articles, CSV or JSON files
 *
 * Reads @paths and shows the import review; waits for the library to be
 * open first.
 */
void
accords_window_import_files (AccordsWindow      *self,
                             const char * const *paths)
{
  g_return_if_fail (ACCORDS_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  if (self->session == NULL)
    {
      g_strfreev (self->pending_import);
      self->pending_import = g_strdupv ((char **) paths);
      return;
    }

  accords_import_dialog_present (GTK_WINDOW (self), self->session, self->toast_overlay, paths);
}
