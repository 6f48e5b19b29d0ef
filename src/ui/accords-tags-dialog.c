/* accords-tags-dialog.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-tags-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-store.h"
#include "accords-tag.h"
#include "accords-tags-dialog.h"

/* Manage Tags: rename (onto another tag: merge), recolour and delete the
 * library's tags. Deleting offers Undo, which gives the tag back to the
 * records that had it. */
struct _AccordsTagsDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *group;

  /* owned */
  AccordsSession      *session;
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (AccordsTagsDialog, accords_tags_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  AccordsTagsDialog *self;
  char              *name;
  char              *color;
  GArray            *ids;
} DeletedTag;

static void rebuild (AccordsTagsDialog *self);

static void
deleted_tag_free (DeletedTag *deleted)
{
  g_object_unref (deleted->self);
  g_free (deleted->name);
  g_free (deleted->color);
  g_array_unref (deleted->ids);
  g_free (deleted);
}

static void
show_error (AccordsTagsDialog *self,
            const GError      *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
changed (AccordsTagsDialog *self,
         GArray            *ids)
{
  accords_session_records_changed (self->session, (const gint64 *) (gpointer) ids->data, ids->len);
  rebuild (self);
}

static void
on_entry_apply_cb (AdwEntryRow *row,
                   gpointer     user_data)
{
  AccordsTagsDialog *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (row), "tag-name");
  g_autofree char *new_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GArray) ids = accords_session_dup_tagged_ids (self->session, name);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_strcmp0 (name, new_name) == 0)
    return;

  /* Onto another tag's name: the two become one. */
  ok = accords_store_rename_tag (accords_session_get_store (self->session), name, new_name, &error);
  if (!ok && g_error_matches (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT))
    {
      g_clear_error (&error);
      ok = accords_store_merge_tags (accords_session_get_store (self->session), name, new_name, &error);
    }

  if (!ok)
    {
      show_error (self, error);
      return;
    }

  changed (self, ids);
}

static void
on_color_set_cb (GtkColorButton *button,
                 gpointer        user_data)
{
  AccordsTagsDialog *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (button), "tag-name");
  g_autoptr(GArray) ids = accords_session_dup_tagged_ids (self->session, name);
  g_autoptr(GError) error = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) (rgba.red * 255 + .5),
                           (guint) (rgba.green * 255 + .5),
                           (guint) (rgba.blue * 255 + .5));

  if (!accords_store_set_tag_color (accords_session_get_store (self->session), name, color, &error))
    {
      show_error (self, error);
      return;
    }

  changed (self, ids);
}

static void
on_undo_delete_cb (AdwToast   *toast,
                   DeletedTag *deleted)
{
  AccordsTagsDialog *self = deleted->self;
  AccordsStore *store = accords_session_get_store (self->session);
  g_autoptr(GError) error = NULL;

  if (!accords_session_tag_records (self->session, deleted->ids, deleted->name, TRUE, &error) ||
      (deleted->color != NULL &&
       !accords_store_set_tag_color (store, deleted->name, deleted->color, &error)))
    {
      show_error (self, error);
      return;
    }

  changed (self, deleted->ids);
}

static void
on_delete_clicked_cb (GtkButton *button,
                      gpointer   user_data)
{
  AccordsTagsDialog *self = user_data;
  const char *name = g_object_get_data (G_OBJECT (button), "tag-name");
  DeletedTag *deleted;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  deleted = g_new0 (DeletedTag, 1);
  deleted->self = g_object_ref (self);
  deleted->name = g_strdup (name);
  deleted->color = g_strdup (g_object_get_data (G_OBJECT (button), "tag-color"));
  deleted->ids = accords_session_dup_tagged_ids (self->session, name);

  if (!accords_store_delete_tag (accords_session_get_store (self->session), name, &error))
    {
      show_error (self, error);
      deleted_tag_free (deleted);
      return;
    }

  /* Translators: %s is a tag name */
  title = g_strdup_printf (_("Tag “%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb),
                         deleted, (GClosureNotify) (void (*) (void)) deleted_tag_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  changed (self, deleted->ids);
}

static GtkWidget *
make_row (AccordsTagsDialog *self,
          AccordsTag        *tag)
{
  const char *name = accords_tag_get_name (tag);
  guint n = accords_tag_get_n_records (tag);
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *color = gtk_color_button_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);
  g_autofree char *color_label = g_strdup_printf (_("Colour of %s"), name);
  g_autofree char *delete_label = g_strdup_printf (_("Delete %s"), name);
  GdkRGBA rgba;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), name);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "tag-name", g_strdup (name), g_free);
  g_signal_connect (row, "apply", G_CALLBACK (on_entry_apply_cb), self);

  if (accords_tag_get_color (tag) != NULL && gdk_rgba_parse (&rgba, accords_tag_get_color (tag)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (color), &rgba);
  gtk_color_button_set_modal (GTK_COLOR_BUTTON (color), TRUE);
  gtk_widget_set_valign (color, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (color, color_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (color),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, color_label, -1);
  g_object_set_data_full (G_OBJECT (color), "tag-name", g_strdup (name), g_free);
  g_signal_connect (color, "color-set", G_CALLBACK (on_color_set_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), color);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, delete_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
  g_object_set_data_full (G_OBJECT (delete), "tag-name", g_strdup (name), g_free);
  g_object_set_data_full (G_OBJECT (delete), "tag-color",
                          g_strdup (accords_tag_get_color (tag)), g_free);
  g_signal_connect (delete, "clicked", G_CALLBACK (on_delete_clicked_cb), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), delete);

  return row;
}

static void
rebuild (AccordsTagsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = NULL;
  guint n;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  tags = accords_store_list_tags (accords_session_get_store (self->session), &error);
  if (tags == NULL)
    {
      show_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsTag) tag = g_list_model_get_item (tags, i);
      GtkWidget *row = make_row (self, tag);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "tags" : "empty");
}

static void
accords_tags_dialog_dispose (GObject *object)
{
  AccordsTagsDialog *self = (AccordsTagsDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_TAGS_DIALOG);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (accords_tags_dialog_parent_class)->dispose (object);
}

static void
accords_tags_dialog_class_init (AccordsTagsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_tags_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-tags-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsTagsDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AccordsTagsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsTagsDialog, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_tags_dialog_init (AccordsTagsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

/**
 * accords_tags_dialog_present:
 * @parent: the window it belongs to
 * @session: the window's session
 *
 * Shows the Manage Tags dialog for @session's library.
 */
void
accords_tags_dialog_present (GtkWindow      *parent,
                             AccordsSession *session)
{
  AccordsTagsDialog *self;

  g_return_if_fail (ACCORDS_IS_SESSION (session));

  self = g_object_new (ACCORDS_TYPE_TAGS_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  rebuild (self);

  gtk_window_present (GTK_WINDOW (self));
}
