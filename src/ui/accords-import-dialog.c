/* accords-import-dialog.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-country.h"
#include "accords-import-dialog-private.h"
#include "accords-import.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-topic.h"

/* The import review: files are read (and the extractor run) on a worker
 * thread with a progress bar; then every proposal is listed — a new
 * record, a source added to a record, a duplicate, or a file that cannot
 * be imported — with its fields editable and the words they came from
 * highlighted in the article. Nothing is saved until Import, and then the
 * whole batch is saved in one transaction. */

G_DEFINE_FINAL_TYPE (AccordsImportDialog, accords_import_dialog, ADW_TYPE_WINDOW)

static gboolean
is_importable (AccordsImportProposal *proposal)
{
  return !proposal->excluded &&
         (proposal->outcome == ACCORDS_IMPORT_NEW || proposal->outcome == ACCORDS_IMPORT_MERGED);
}

/* Reports of one event are one proposal: a file that joins a new record
 * of the same batch is listed under it. The leader of a proposal is the
 * position of that new record's proposal, or its own. Worked out once
 * for the whole batch (one pass, a table of the new records' uids), and
 * again after matching or leaving a file out changed it. */
static void
compute_groups (AccordsImportDialog *self)
{
  g_autoptr(GHashTable) new_records = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = self->proposals->len;

  self->leaders = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_clear_pointer (&self->group_sizes, g_array_unref);
  self->group_sizes = g_array_sized_new (FALSE, TRUE, sizeof (guint), n);
  g_array_set_size (self->group_sizes, n);

  for (guint i = 0; i < n; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (self->proposals, i);

      if (proposal->outcome == ACCORDS_IMPORT_NEW && proposal->record != NULL &&
          accords_record_get_uid (proposal->record) != NULL)
        g_hash_table_insert (new_records, (gpointer) accords_record_get_uid (proposal->record),
                             GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (self->proposals, i);
      guint leader = i;

      if (proposal->outcome == ACCORDS_IMPORT_MERGED && !proposal->excluded &&
          proposal->target_uid != NULL)
        {
          guint found = GPOINTER_TO_UINT (g_hash_table_lookup (new_records, proposal->target_uid));

          if (found != 0 && found - 1 != i)
            leader = found - 1;
        }

      g_array_append_val (self->leaders, leader);
      g_array_index (self->group_sizes, guint, leader)++;
    }
}

static guint
group_leader (AccordsImportDialog *self,
              guint                index)
{
  if (self->leaders == NULL)
    compute_groups (self);

  return g_array_index (self->leaders, guint, index);
}

static guint
count_group (AccordsImportDialog *self,
             guint                leader)
{
  if (self->leaders == NULL)
    compute_groups (self);

  return g_array_index (self->group_sizes, guint, leader);
}

char *
_accords_import_dialog_describe_outcome (AccordsImportDialog   *self,
                                         AccordsImportProposal *proposal)
{
  guint index = 0;

  g_ptr_array_find (self->proposals, proposal, &index);

  switch (proposal->outcome)
    {
    case ACCORDS_IMPORT_NEW:
      {
        guint n = count_group (self, index);

        if (n > 1)
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "New record from %u report",
                                               "New record from %u reports", n), n);
        return g_strdup (_("New record"));
      }
    case ACCORDS_IMPORT_MERGED:
      if (group_leader (self, index) != index)
        return g_strdup_printf (_("Another report of “%s”, imported with it"),
                                proposal->target_title ? proposal->target_title : proposal->target_uid);
      return g_strdup_printf (_("Another report of “%s”, in the library: added as a source"),
                              proposal->target_title ? proposal->target_title : proposal->target_uid);
    case ACCORDS_IMPORT_DUPLICATE:
      return g_strdup_printf (_("Already in the library, in “%s”"),
                              proposal->target_title ? proposal->target_title : proposal->target_uid);
    case ACCORDS_IMPORT_FAILED:
    default:
      return g_strdup (proposal->error != NULL ? proposal->error->message : _("Cannot be imported"));
    }
}

static const char *
outcome_icon (AccordsImportProposal *proposal)
{
  switch (proposal->outcome)
    {
    case ACCORDS_IMPORT_NEW:
      return "list-add-symbolic";
    case ACCORDS_IMPORT_MERGED:
      return "mail-attachment-symbolic";
    case ACCORDS_IMPORT_DUPLICATE:
      return "edit-copy-symbolic";
    case ACCORDS_IMPORT_FAILED:
    default:
      return "dialog-warning-symbolic";
    }
}

static void
update_import_button (AccordsImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; self->proposals != NULL && i < self->proposals->len; i++)
    n += is_importable (g_ptr_array_index (self->proposals, i));

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), n > 0);
}

/* Rows ---------------------------------------------------------------- */

static void
update_row (AccordsImportDialog *self,
            guint                index)
{
  AccordsImportProposal *proposal = g_ptr_array_index (self->proposals, index);
  GtkWidget *row = g_ptr_array_index (self->rows, index);
  GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "icon");
  GtkWidget *title = g_object_get_data (G_OBJECT (row), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (row), "subtitle");
  g_autofree char *outcome = _accords_import_dialog_describe_outcome (self, proposal);
  g_autofree char *line = NULL;
  const char *record_title = proposal->record ? accords_record_get_title (proposal->record) : NULL;

  gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)),
                               group_leader (self, index) != index ? 30 : 6);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), is_importable (proposal));
  gtk_widget_set_sensitive (check, proposal->outcome == ACCORDS_IMPORT_NEW ||
                                   proposal->outcome == ACCORDS_IMPORT_MERGED);
  gtk_image_set_from_icon_name (GTK_IMAGE (icon), outcome_icon (proposal));
  gtk_label_set_text (GTK_LABEL (title),
                      record_title != NULL && *record_title != '\0' ? record_title : proposal->file);
  line = g_strdup_printf ("%s — %s", proposal->file, outcome);
  gtk_label_set_text (GTK_LABEL (subtitle), line);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (title)),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, line,
                                  -1);
}

/* "3 new records, 1 report added to a record in the library, 2
 * duplicates": only what there is. */
static void
update_subtitle (AccordsImportDialog *self)
{
  guint counts[ACCORDS_IMPORT_FAILED + 1] = { 0, };
  guint to_library = 0;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < self->proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (self->proposals, i);

      if (proposal->excluded && proposal->outcome != ACCORDS_IMPORT_FAILED)
        continue;
      counts[proposal->outcome]++;
      if (proposal->outcome == ACCORDS_IMPORT_MERGED && group_leader (self, i) == i)
        to_library++;
    }

  if (counts[ACCORDS_IMPORT_NEW] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new record",
                                                          "%u new records",
                                                          counts[ACCORDS_IMPORT_NEW]),
                                             counts[ACCORDS_IMPORT_NEW]));
  if (to_library > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u report of a record in the library",
                                                          "%u reports of records in the library",
                                                          to_library), to_library));
  if (counts[ACCORDS_IMPORT_DUPLICATE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u duplicate",
                                                          "%u duplicates",
                                                          counts[ACCORDS_IMPORT_DUPLICATE]),
                                             counts[ACCORDS_IMPORT_DUPLICATE]));
  if (counts[ACCORDS_IMPORT_FAILED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u file cannot be imported",
                                                          "%u files cannot be imported",
                                                          counts[ACCORDS_IMPORT_FAILED]),
                                             counts[ACCORDS_IMPORT_FAILED]));
  g_ptr_array_add (parts, NULL);

  subtitle = g_strjoinv (", ", (char **) parts->pdata);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

void
_accords_import_dialog_update_rows (AccordsImportDialog *self)
{
  g_clear_pointer (&self->leaders, g_array_unref);
  update_subtitle (self);
  for (guint i = 0; i < self->rows->len; i++)
    update_row (self, i);
  gtk_list_box_invalidate_sort (self->list);
  update_import_button (self);
}

/* Files in the order given, each file that joins a new record of the
 * batch right after that record's. */
static int
sort_rows_cb (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  AccordsImportDialog *self = user_data;
  guint ia = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), "index"));
  guint ib = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "index"));
  guint la, lb;

  la = group_leader (self, ia);
  lb = group_leader (self, ib);

  if (la != lb)
    return la < lb ? -1 : 1;
  if ((ia == la) != (ib == lb))
    return ia == la ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

static void
on_check_toggled_cb (GtkCheckButton      *check,
                     AccordsImportDialog *self)
{
  AccordsImportProposal *proposal = g_object_get_data (G_OBJECT (check), "proposal");
  gboolean active = gtk_check_button_get_active (check);

  if (proposal->outcome != ACCORDS_IMPORT_NEW && proposal->outcome != ACCORDS_IMPORT_MERGED)
    return;
  if (proposal->excluded == !active)
    return;

  proposal->excluded = !active;
  g_clear_pointer (&self->leaders, g_array_unref);
  update_import_button (self);
  /* what the other files join may have changed */
  _accords_import_dialog_schedule_rematch (self);
}

GtkWidget *
_accords_import_dialog_make_row (AccordsImportDialog   *self,
                                 AccordsImportProposal *proposal)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  g_autofree char *check_name = g_strdup_printf (_("Import %s"), proposal->file);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_name, -1);
  g_object_set_data (G_OBJECT (check), "proposal", proposal);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (labels, TRUE);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "proposal", proposal);
  /* rows are made in the order of the proposals */
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (self->rows->len));
  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data (G_OBJECT (row), "icon", icon);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "subtitle", subtitle);

  return row;
}

static void
on_row_selected_cb (GtkListBox          *list,
                    GtkListBoxRow       *row,
                    AccordsImportDialog *self)
{
  _accords_import_dialog_show_proposal (self, row != NULL ? g_object_get_data (G_OBJECT (row), "proposal") : NULL);
}

/* Saving ------------------------------------------------------------------- */

static void
on_import_clicked_cb (AccordsImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n_new = 0, n_merged = 0;
  g_autofree char *message = NULL;
  g_autofree char *records = NULL;
  g_autofree char *sources = NULL;

  g_clear_handle_id (&self->rematch_source, g_source_remove);

  /* Matched once more, against the library as it is now: it may have
   * changed while the review was open (the first match ran on a worker's
   * own connection), and an edit's re-match may still be waiting. */
  if (!accords_import_match (accords_session_get_store (self->session), self->proposals, &error) ||
      !accords_import_save (accords_session_get_store (self->session), self->proposals,
                            &n_new, &n_merged, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      _accords_import_dialog_update_rows (self);
      return;
    }

  accords_session_reload (self->session);

  records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new record", "%u new records", n_new), n_new);
  sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source added to a record",
                                          "%u sources added to records", n_merged), n_merged);
  /* Translators: "Imported 3 new records and 2 sources added to records" */
  message = g_strdup_printf (_("Imported %s and %s"), records, sources);
  if (self->window_toasts != NULL)
    adw_toast_overlay_add_toast (self->window_toasts, adw_toast_new (message));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (AccordsImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
accords_import_dialog_dispose (GObject *object)
{
  AccordsImportDialog *self = ACCORDS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rematch_source, g_source_remove);

  G_OBJECT_CLASS (accords_import_dialog_parent_class)->dispose (object);
}

static void
accords_import_dialog_finalize (GObject *object)
{
  AccordsImportDialog *self = ACCORDS_IMPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->window_toasts);
  g_clear_object (&self->cancellable);
  g_strfreev (self->paths);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->leaders, g_array_unref);
  g_clear_pointer (&self->group_sizes, g_array_unref);

  G_OBJECT_CLASS (accords_import_dialog_parent_class)->finalize (object);
}

static void
accords_import_dialog_class_init (AccordsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_import_dialog_dispose;
  object_class->finalize = accords_import_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
accords_import_dialog_init (AccordsImportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *reading = adw_status_page_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *list_scroll = gtk_scrolled_window_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *error_page = adw_status_page_new ();

  _accords_import_dialog_load_legend_css ();

  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Import"));
  gtk_window_set_default_size (GTK_WINDOW (self), 960, 680);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Import"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  /* GTK 4.8 names a button with a mnemonic "_Cancel Cancel": say it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel"), -1);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (on_cancel_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Import")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->import_button));
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  /* reading */
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (self->progress, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading progress"), -1);
  adw_status_page_set_title (ADW_STATUS_PAGE (reading), _("Reading Articles…"));
  adw_status_page_set_description (ADW_STATUS_PAGE (reading),
                                   _("Nothing is saved until you review what was found."));
  adw_status_page_set_child (ADW_STATUS_PAGE (reading), GTK_WIDGET (self->progress));
  gtk_stack_add_named (self->stack, reading, "reading");

  /* review */
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proposals"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected_cb), self);
  gtk_list_box_set_sort_func (self->list, sort_rows_cb, self, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroll), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (list_scroll, 260, -1);

  self->editor_stack = GTK_STACK (gtk_stack_new ());
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("Nothing Selected"));
  gtk_stack_add_named (self->editor_stack, none, "none");
  gtk_stack_add_named (self->editor_stack, _accords_import_dialog_build_editor (self), "editor");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (error_page), _("Cannot Be Imported"));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_selectable (self->error_label, TRUE);
  adw_status_page_set_child (ADW_STATUS_PAGE (error_page), GTK_WIDGET (self->error_label));
  gtk_stack_add_named (self->editor_stack, error_page, "error");

  gtk_paned_set_start_child (GTK_PANED (paned), list_scroll);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->editor_stack));
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 320);
  gtk_stack_add_named (self->stack, paned, "review");

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));

  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * accords_import_dialog_present:
 * @parent: the window
 * @session: the library to import into
 * @toasts: (nullable): where to say what was imported
 * @paths: the files
 *
 * Reads @paths and shows what importing them would do, for review.
 */
void
accords_import_dialog_present (GtkWindow          *parent,
                               AccordsSession     *session,
                               AdwToastOverlay    *toasts,
                               const char * const *paths)
{
  AccordsImportDialog *self;

  g_return_if_fail (ACCORDS_IS_SESSION (session));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  self = g_object_new (ACCORDS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->window_toasts = toasts != NULL ? g_object_ref (toasts) : NULL;
  self->paths = g_strdupv ((char **) paths);

  _accords_import_dialog_start_reading (self);
  gtk_window_present (GTK_WINDOW (self));
}
