/* accords-preferences-window.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-preferences-window.h"

/* The application's settings that a user may change: each row is bound to
 * its GSettings key, so a change is saved and honoured at once. Without
 * the installed schema the rows are shown but insensitive. */
struct _AccordsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkWidget            *restore_search_row;
  GtkSwitch            *restore_search_switch;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (AccordsPreferencesWindow, accords_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
accords_preferences_window_dispose (GObject *object)
{
  AccordsPreferencesWindow *self = (AccordsPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (accords_preferences_window_parent_class)->dispose (object);
}

static void
accords_preferences_window_class_init (AccordsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsPreferencesWindow, restore_search_row);
  gtk_widget_class_bind_template_child (widget_class, AccordsPreferencesWindow, restore_search_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_preferences_window_init (AccordsPreferencesWindow *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      gtk_widget_set_sensitive (self->restore_search_row, FALSE);
      return;
    }

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "restore-last-search",
                   self->restore_search_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/**
 * accords_preferences_window_new:
 * @parent: (nullable): the window to be transient for
 *
 * Returns: (transfer floating): a new preferences window
 */
GtkWidget *
accords_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (ACCORDS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
