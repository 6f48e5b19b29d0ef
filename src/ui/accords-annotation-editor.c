/* accords-annotation-editor.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-annotation-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-annotation.h"
#include "accords-annotation-editor.h"
#include "accords-record.h"
#include "accords-store.h"
#include "accords-tag.h"

/* The note is written this long after the last keystroke. */
#define NOTE_SAVE_DELAY_MS 1000

/* The user's own work on one record: star, review state, tags and note.
 * Everything but the note is written at once; the note a second after
 * typing stops, and at once when the record changes, the text view loses
 * focus, the window closes or the editor goes away. Each write is one
 * store call, so one transaction. */
struct _AccordsAnnotationEditor
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkToggleButton    *star_button;
  GtkDropDown        *review_dropdown;
  GtkMenuButton      *history_button;
  GtkPopover         *history_popover;
  GtkListBox         *history_list;
  GtkFlowBox         *tags_box;
  GtkEntry           *tag_entry;
  GtkTextView        *note_view;

  /* owned */
  AccordsSession     *session;
  AccordsStore       *store;        /* kept to flush after the session went */
  AccordsRecord      *record;       /* the full record shown */
  GtkEntryCompletion *completion;
  GtkListStore       *tag_names;
  GHashTable         *tag_colors;   /* name → CSS colour */
  char               *saved_note;   /* the note as stored */
  GArray             *changed_ids;  /* gint64, to show in the list */

  gint64              record_id;
  guint               note_source;
  guint               changed_source;
  guint               note_dirty : 1;
  guint               loading : 1;  /* controls follow the record: no saves */
};

G_DEFINE_FINAL_TYPE (AccordsAnnotationEditor, accords_annotation_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_controls (AccordsAnnotationEditor *self);

/* Helpers ------------------------------------------------------------------ */

static void
show_toast (AccordsAnnotationEditor *self,
            AdwToast                *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static void
show_error (AccordsAnnotationEditor *self,
            const char              *what,
            const GError            *error)
{
  g_autofree char *title = NULL;

  g_debug ("%s: %s", what, error->message);
  /* Translators: the first %s says what failed, the second why */
  title = g_strdup_printf (_("%s: %s"), what, error->message);
  show_toast (self, adw_toast_new (title));
}

static gboolean
changed_cb (gpointer user_data)
{
  AccordsAnnotationEditor *self = user_data;
  g_autoptr(GArray) ids = g_steal_pointer (&self->changed_ids);

  self->changed_source = 0;
  self->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->session != NULL && ids->len > 0)
    accords_session_records_changed (self->session, (const gint64 *) ids->data, ids->len);

  return G_SOURCE_REMOVE;
}

/* Tells the list and the facets, from an idle: a save can happen while the
 * detail pane is switching records, and refreshing the list changes the
 * session's selected record. */
static void
record_changed (AccordsAnnotationEditor *self,
                gint64                   id)
{
  g_array_append_val (self->changed_ids, id);
  if (self->changed_source == 0)
    self->changed_source = g_idle_add (changed_cb, self);
}

static void
reload_record (AccordsAnnotationEditor *self)
{
  g_autoptr(AccordsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = accords_store_load_record (self->store, self->record_id, &error);
  if (record == NULL)
    {
      g_debug ("Could not reload record %" G_GINT64_FORMAT ": %s", self->record_id, error->message);
      return;
    }

  g_set_object (&self->record, record);
  update_controls (self);
}

static void
load_tag_names (AccordsAnnotationEditor *self)
{
  g_autoptr(GListModel) tags = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  gtk_list_store_clear (self->tag_names);
  g_hash_table_remove_all (self->tag_colors);

  tags = accords_store_list_tags (self->store, &error);
  if (tags == NULL)
    {
      g_debug ("Could not list tags: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (tags);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsTag) tag = g_list_model_get_item (tags, i);
      const char *color = accords_tag_get_color (tag);

      gtk_list_store_insert_with_values (self->tag_names, NULL, -1,
                                         0, accords_tag_get_name (tag),
                                         -1);
      if (color != NULL)
        g_hash_table_replace (self->tag_colors,
                              g_strdup (accords_tag_get_name (tag)), g_strdup (color));
    }
}

/* Note --------------------------------------------------------------------- */

static char *
dup_note_text (AccordsAnnotationEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
load_note (AccordsAnnotationEditor *self,
           const char              *note)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  /* Showing a record's note is not something to undo. */
  self->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->loading = FALSE;

  g_free (self->saved_note);
  self->saved_note = g_strdup (note != NULL ? note : "");
  self->note_dirty = FALSE;
  g_clear_handle_id (&self->note_source, g_source_remove);
}

typedef struct
{
  AccordsAnnotationEditor *self; /* weak */
  gint64                   record_id;
  char                    *note;
} NoteUndo;

static void
note_undo_free (gpointer data)
{
  NoteUndo *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_free (undo->note);
  g_free (undo);
}

static void save_note (AccordsAnnotationEditor *self);

static void
on_clear_toast_button_clicked_cb (AdwToast *toast,
                                  NoteUndo *undo)
{
  AccordsAnnotationEditor *self = undo->self;
  g_autoptr(GError) error = NULL;

  if (self == NULL || self->store == NULL)
    return;

  if (undo->record_id == self->record_id)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_set_text (buffer, undo->note, -1);
      gtk_text_buffer_end_user_action (buffer);
      save_note (self);
    }
  else if (accords_store_set_note (self->store, undo->record_id, undo->note, &error))
    {
      record_changed (self, undo->record_id);
    }
  else
    {
      show_error (self, _("Could not restore the note"), error);
    }
}

/* Writes the note when it changed since the last write. */
static void
save_note (AccordsAnnotationEditor *self)
{
  g_autofree char *text = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->note_source, g_source_remove);

  if (!self->note_dirty || self->record_id == 0 || self->store == NULL)
    return;

  text = dup_note_text (self);
  self->note_dirty = FALSE;

  if (g_strcmp0 (text, self->saved_note) == 0)
    return;

  if (!accords_store_set_note (self->store, self->record_id, text, &error))
    {
      /* Keep it pending: the next change or flush tries again. */
      self->note_dirty = TRUE;
      show_error (self, _("Could not save the note"), error);
      return;
    }

  old = g_steal_pointer (&self->saved_note);
  self->saved_note = g_strdup (text);
  record_changed (self, self->record_id);

  if (text[0] == '\0' && old != NULL && old[0] != '\0')
    {
      AdwToast *toast = adw_toast_new (_("Note cleared"));
      NoteUndo *undo = g_new0 (NoteUndo, 1);

      g_set_weak_pointer (&undo->self, self);
      undo->record_id = self->record_id;
      undo->note = g_steal_pointer (&old);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked",
                             G_CALLBACK (on_clear_toast_button_clicked_cb),
                             undo, (GClosureNotify) (void (*) (void)) note_undo_free, 0);
      show_toast (self, toast);
    }
}

static gboolean
note_timeout_cb (gpointer user_data)
{
  AccordsAnnotationEditor *self = user_data;

  self->note_source = 0;
  save_note (self);

  return G_SOURCE_REMOVE;
}

static void
on_note_buffer_changed_cb (AccordsAnnotationEditor *self,
                           GtkTextBuffer           *buffer)
{
  if (self->loading || self->record_id == 0)
    return;

  self->note_dirty = TRUE;
  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static void
on_note_focus_leave_cb (AccordsAnnotationEditor  *self,
                        GtkEventControllerFocus  *controller)
{
  save_note (self);
}

static gboolean
on_window_close_request_cb (AccordsAnnotationEditor *self,
                            GtkWindow               *window)
{
  save_note (self);

  return GDK_EVENT_PROPAGATE;
}

/* Tags --------------------------------------------------------------------- */

static void
on_remove_tag_clicked_cb (GtkButton               *button,
                          AccordsAnnotationEditor *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "tag");
  g_autoptr(GError) error = NULL;

  if (self->record_id == 0)
    return;

  if (!accords_store_remove_tag (self->store, &self->record_id, 1, name, &error))
    {
      show_error (self, _("Could not remove the tag"), error);
      return;
    }

  record_changed (self, self->record_id);
  reload_record (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->tag_entry));
}

static GtkWidget *
make_chip (AccordsAnnotationEditor *self,
           const char              *name)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");
  const char *color = g_hash_table_lookup (self->tag_colors, name);
  g_autofree char *remove = NULL;
  GdkRGBA rgba;

  gtk_widget_add_css_class (chip, "tag-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (chip), label);

  /* Translators: the accessible name of the × on a tag chip */
  remove = g_strdup_printf (_("Remove tag %s"), name);
  gtk_widget_set_tooltip_text (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  g_object_set_data_full (G_OBJECT (button), "tag", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_tag_clicked_cb), self);
  gtk_box_append (GTK_BOX (chip), button);

  /* The colour is user data: only a parsed colour reaches the CSS. */
  if (color != NULL && gdk_rgba_parse (&rgba, color))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      g_autofree char *rgb = NULL;
      g_autofree char *css = NULL;

      rgba.alpha = 0.25;
      rgb = gdk_rgba_to_string (&rgba);
      css = g_strdup_printf (".tag-chip { background-color: %s; }", rgb);
      gtk_css_provider_load_from_data (provider, css, -1);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (chip),
                                      GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  return chip;
}

static void
fill_tags (AccordsAnnotationEditor *self,
           const char * const      *tags)
{
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  for (; tags != NULL && tags[n] != NULL; n++)
    gtk_flow_box_append (self->tags_box, make_chip (self, tags[n]));

  gtk_widget_set_visible (GTK_WIDGET (self->tags_box), n > 0);
}

static void
on_tag_entry_activate_cb (AccordsAnnotationEditor *self,
                          GtkEntry                *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0' || self->record_id == 0)
    return;

  if (!accords_store_add_tag (self->store, &self->record_id, 1, name, &error))
    {
      show_error (self, _("Could not add the tag"), error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  load_tag_names (self);
  record_changed (self, self->record_id);
  reload_record (self);
}

/* Star and review ---------------------------------------------------------- */

static void
update_star_icon (AccordsAnnotationEditor *self)
{
  gboolean starred = gtk_toggle_button_get_active (self->star_button);

  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->star_button),
                               starred ? _("Unstar") : _("Star"));
}

static void
on_star_button_toggled_cb (AccordsAnnotationEditor *self,
                           GtkToggleButton         *button)
{
  gboolean starred = gtk_toggle_button_get_active (button);
  g_autoptr(GError) error = NULL;

  update_star_icon (self);

  if (self->loading || self->record_id == 0)
    return;

  if (!accords_store_set_starred (self->store, &self->record_id, 1, starred, &error))
    {
      show_error (self, _("Could not star the record"), error);
      return;
    }

  record_changed (self, self->record_id);
}

static void
on_review_dropdown_selected_cb (AccordsAnnotationEditor *self,
                                GParamSpec              *pspec,
                                GtkDropDown             *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;

  if (self->loading || self->record_id == 0 || selected > ACCORDS_REVIEW_DISPUTED)
    return;

  if (!accords_store_set_review (self->store, &self->record_id, 1, (AccordsReview) selected,
                                 &error))
    {
      show_error (self, _("Could not set the review state"), error);
      return;
    }

  record_changed (self, self->record_id);
}

/* History ------------------------------------------------------------------ */

static char *
format_changed (const char *iso)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);

  /* Translators: when a version of a note was replaced; strftime format */
  return g_date_time_format (local, _("%e %B %Y, %H:%M"));
}

static void
on_restore_clicked_cb (GtkButton               *button,
                       AccordsAnnotationEditor *self)
{
  const char *note = g_object_get_data (G_OBJECT (button), "note");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  gtk_popover_popdown (self->history_popover);

  /* A user action: Ctrl+Z takes the restore back. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_set_text (buffer, note, -1);
  gtk_text_buffer_end_user_action (buffer);
  save_note (self);
}

static void
add_version (AccordsAnnotationEditor *self,
             const char              *note,
             const char              *changed)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  GtkWidget *button;
  g_autofree char *when = format_changed (changed);
  g_autofree char *restore = NULL;

  gtk_widget_add_css_class (row, "detail-row");

  label = gtk_label_new (when);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (note);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (row), texts);

  button = gtk_button_new_with_label (_("Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of "Restore" beside a version of a note */
  restore = g_strdup_printf (_("Restore the version of %s"), when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, restore,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "note", g_strdup (note), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_restore_clicked_cb), self);
  gtk_box_append (GTK_BOX (row), button);

  gtk_list_box_append (self->history_list, row);
}

static void
on_history_popover_show_cb (AccordsAnnotationEditor *self,
                            GtkPopover              *popover)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n = 0;

  save_note (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  if (self->record != NULL && accords_record_get_uid (self->record) != NULL)
    changes = accords_store_load_history (self->store, accords_record_get_uid (self->record),
                                          "note", &error);
  if (error != NULL)
    g_debug ("Could not load the history: %s", error->message);

  /* Newest first: each change replaced its old value, an earlier version. */
  if (self->saved_note != NULL)
    g_hash_table_add (seen, self->saved_note);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      AccordsChange *change = g_ptr_array_index (changes, i);

      if (change->old_value == NULL || change->old_value[0] == '\0' ||
          g_hash_table_contains (seen, change->old_value))
        continue;

      g_hash_table_add (seen, change->old_value);
      add_version (self, change->old_value, change->changed);
      n++;
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No earlier versions"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "detail-row");
      gtk_list_box_append (self->history_list, label);
    }
}

/* State -------------------------------------------------------------------- */

static void
update_controls (AccordsAnnotationEditor *self)
{
  AccordsAnnotation *annotation = self->record ? accords_record_get_annotation (self->record) : NULL;

  self->loading = TRUE;
  gtk_toggle_button_set_active (self->star_button,
                                annotation != NULL && accords_annotation_get_starred (annotation));
  update_star_icon (self);
  gtk_drop_down_set_selected (self->review_dropdown,
                              annotation != NULL ? accords_annotation_get_review (annotation)
                                                 : ACCORDS_REVIEW_UNREVIEWED);
  fill_tags (self, annotation != NULL ? accords_annotation_get_tags (annotation) : NULL);
  self->loading = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->record != NULL);
}

/* GObject ------------------------------------------------------------------ */

static void
accords_annotation_editor_root (GtkWidget *widget)
{
  AccordsAnnotationEditor *self = ACCORDS_ANNOTATION_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (accords_annotation_editor_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request",
                             G_CALLBACK (on_window_close_request_cb), self, G_CONNECT_SWAPPED);
}

static void
accords_annotation_editor_unroot (GtkWidget *widget)
{
  AccordsAnnotationEditor *self = ACCORDS_ANNOTATION_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  save_note (self);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, on_window_close_request_cb, self);

  GTK_WIDGET_CLASS (accords_annotation_editor_parent_class)->unroot (widget);
}

static void
accords_annotation_editor_dispose (GObject *object)
{
  AccordsAnnotationEditor *self = (AccordsAnnotationEditor *) object;
  GtkWidget *child;

  /* The last chance to keep what was typed. */
  save_note (self);
  g_clear_handle_id (&self->note_source, g_source_remove);
  g_clear_handle_id (&self->changed_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_ANNOTATION_EDITOR);

  /* Template children without a bound field are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->completion);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->record);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_annotation_editor_parent_class)->dispose (object);
}

static void
accords_annotation_editor_finalize (GObject *object)
{
  AccordsAnnotationEditor *self = (AccordsAnnotationEditor *) object;

  g_clear_pointer (&self->tag_colors, g_hash_table_unref);
  g_clear_pointer (&self->changed_ids, g_array_unref);
  g_clear_pointer (&self->saved_note, g_free);

  G_OBJECT_CLASS (accords_annotation_editor_parent_class)->finalize (object);
}

static void
accords_annotation_editor_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AccordsAnnotationEditor *self = ACCORDS_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_annotation_editor_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AccordsAnnotationEditor *self = ACCORDS_ANNOTATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      if (self->session != NULL)
        self->store = g_object_ref (accords_session_get_store (self->session));
      break;

    case PROP_RECORD:
      accords_annotation_editor_set_record (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_annotation_editor_class_init (AccordsAnnotationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_annotation_editor_dispose;
  object_class->finalize = accords_annotation_editor_finalize;
  object_class->get_property = accords_annotation_editor_get_property;
  object_class->set_property = accords_annotation_editor_set_property;

  widget_class->root = accords_annotation_editor_root;
  widget_class->unroot = accords_annotation_editor_unroot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsAnnotationEditor:record:
   *
   * The record whose annotation is edited, fully loaded
   * (accords_store_load_record()); %NULL for none. Setting another record
   * first writes a pending note.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         ACCORDS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-annotation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, star_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, review_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, history_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, history_popover);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsAnnotationEditor, note_view);
  gtk_widget_class_bind_template_callback (widget_class, on_star_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_review_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_history_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_entry_activate_cb);
}

static void
accords_annotation_editor_init (AccordsAnnotationEditor *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tag_colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->changed_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_set_enable_undo (buffer, TRUE);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (on_note_buffer_changed_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave",
                           G_CALLBACK (on_note_focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);

  /* GtkEntryCompletion is what GTK 4.8 has for this. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  self->tag_names = gtk_list_store_new (1, G_TYPE_STRING);
  self->completion = gtk_entry_completion_new ();
  gtk_entry_completion_set_model (self->completion, GTK_TREE_MODEL (self->tag_names));
  gtk_entry_completion_set_text_column (self->completion, 0);
  gtk_entry_completion_set_inline_completion (self->completion, TRUE);
  gtk_entry_completion_set_popup_single_match (self->completion, FALSE);
  gtk_entry_set_completion (self->tag_entry, self->completion);
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

/**
 * accords_annotation_editor_new:
 * @session: the window's session
 *
 * Returns: (transfer floating): a new editor, showing no record
 */
GtkWidget *
accords_annotation_editor_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_ANNOTATION_EDITOR, "session", session, NULL);
}

/**
 * accords_annotation_editor_get_record:
 *
 * Returns: (nullable) (transfer none): the record edited
 */
AccordsRecord *
accords_annotation_editor_get_record (AccordsAnnotationEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION_EDITOR (self), NULL);

  return self->record;
}

/**
 * accords_annotation_editor_set_record:
 * @self: an editor
 * @record: (nullable): a fully loaded record
 *
 * Shows the annotation of @record. A newer copy of the record shown keeps
 * the note as it is being typed and updates the rest; another record first
 * writes the pending note of this one.
 */
void
accords_annotation_editor_set_record (AccordsAnnotationEditor *self,
                                      AccordsRecord           *record)
{
  AccordsAnnotation *annotation;

  g_return_if_fail (ACCORDS_IS_ANNOTATION_EDITOR (self));
  g_return_if_fail (record == NULL || ACCORDS_IS_RECORD (record));

  if (record == self->record)
    return;

  if (record != NULL && self->record != NULL &&
      accords_record_get_id (record) == self->record_id)
    {
      g_set_object (&self->record, record);
      update_controls (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
      return;
    }

  save_note (self);

  g_set_object (&self->record, record);
  self->record_id = record != NULL ? accords_record_get_id (record) : 0;

  annotation = record != NULL ? accords_record_get_annotation (record) : NULL;
  load_note (self, annotation != NULL ? accords_annotation_get_note (annotation) : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->tag_entry), "");
  if (record != NULL)
    load_tag_names (self);
  update_controls (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

/**
 * accords_annotation_editor_flush:
 *
 * Writes the note now when it has changed.
 *
 * Returns: %FALSE when that failed (the editor said so in a toast)
 */
gboolean
accords_annotation_editor_flush (AccordsAnnotationEditor *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION_EDITOR (self), FALSE);

  save_note (self);

  return !self->note_dirty;
}
