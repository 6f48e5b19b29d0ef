/* accords-record-table.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-record-table"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "accords-export.h"
#include "accords-format.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-record-table.h"
#include "accords-tag-undo.h"
#include "accords-store.h"
#include "accords-topic.h"

/* Selections larger than this are not carried across a re-sort record by
 * record (a whole selection is: it is selected again as a whole). */
#define MAX_KEPT_SELECTION 100000

/* The list of records: a GtkColumnView over the session's selection, which
 * wraps the lazy AccordsRecordList. Cells are built on bind from the item.
 *
 * Sorting is done by SQL. GTK 4.8 cannot tell which column the user sorted
 * by, so each sortable column gets a custom sorter that only records that it
 * was asked and answers "smaller": comparing two dummy items with the column
 * view's sorter then reveals the primary column (the first one asked) and
 * the direction (the sign of the answer). */
struct _AccordsRecordTable
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *date_column;
  GtkColumnViewColumn  *parties_column;
  GtkColumnViewColumn  *kind_column;
  GtkColumnViewColumn  *title_column;
  GtkColumnViewColumn  *topics_column;
  GtkColumnViewColumn  *star_column;
  GtkLabel             *status_label;
  GMenuModel           *context_menu;

  /* owned */
  AccordsSession       *session;
  GtkWidget            *popover;
  GObject              *probe_a;
  GObject              *probe_b;
  GArray               *kept_ids;      /* gint64: to select again after a re-sort */

  /* state */
  int                   probed_column; /* set by the probing sorters, -1 for none */
  guint                 syncing_sort : 1;
  guint                 keep_all : 1;
  guint                 has_total : 1;
};

typedef enum
{
  COLUMN_DATE,
  COLUMN_PARTIES,
  COLUMN_KIND,
  COLUMN_TITLE,
  COLUMN_TOPICS,
  COLUMN_STAR,
} Column;

G_DEFINE_FINAL_TYPE (AccordsRecordTable, accords_record_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COMPACT,
  N_PROPS
};

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Cells -------------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *child;

  if (GPOINTER_TO_INT (user_data) == COLUMN_STAR)
    {
      child = gtk_image_new ();
      gtk_widget_add_css_class (child, "star");
    }
  else if (GPOINTER_TO_INT (user_data) == COLUMN_TITLE)
    {
      /* the title, then the record's tags as small chips */
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

      child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      /* the title keeps some room however many chips follow */
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (child), label);
      gtk_box_append (GTK_BOX (child), chips);
      g_object_set_data (G_OBJECT (child), "label", label);
      g_object_set_data (G_OBJECT (child), "chips", chips);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (child), TRUE);
      if (GPOINTER_TO_INT (user_data) == COLUMN_DATE)
        gtk_widget_add_css_class (child, "numeric");
      if (GPOINTER_TO_INT (user_data) == COLUMN_KIND ||
          GPOINTER_TO_INT (user_data) == COLUMN_TOPICS)
        gtk_widget_add_css_class (child, "dim-label");
    }

  /* Lets a click or the menu key find the row's position from a widget. */
  g_object_set_data (G_OBJECT (child), "accords-list-item", item);
  gtk_list_item_set_child (item, child);
}

/* At most this many chips; the rest are counted in a last one. */
#define MAX_CHIPS 2
/* A chip never shrinks: a long name is cut to this many characters. */
#define MAX_CHIP_CHARS 14

static void
fill_chips (GtkWidget          *box,
            const char * const *tags)
{
  GtkWidget *child;
  guint n = tags != NULL ? g_strv_length ((char **) tags) : 0;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);

  for (guint i = 0; i < n && i < MAX_CHIPS + (n == MAX_CHIPS + 1); i++)
    {
      g_autofree char *text = NULL;
      GtkWidget *chip;

      if (g_utf8_strlen (tags[i], -1) > MAX_CHIP_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (tags[i], 0, MAX_CHIP_CHARS - 1);

          text = g_strconcat (cut, "…", NULL);
        }
      else
        text = g_strdup (tags[i]);

      /* a tag name is user text: a plain label */
      chip = gtk_label_new (text);
      gtk_widget_set_tooltip_text (chip, tags[i]);
      gtk_widget_add_css_class (chip, "list-tag-chip");
      gtk_widget_add_css_class (chip, "caption");
      gtk_box_append (GTK_BOX (box), chip);
    }

  if (n > MAX_CHIPS + 1)
    {
      g_autofree char *more = g_strdup_printf (_("+%u"), n - MAX_CHIPS);
      GtkWidget *chip = gtk_label_new (more);

      gtk_widget_add_css_class (chip, "list-tag-chip");
      gtk_widget_add_css_class (chip, "caption");
      gtk_box_append (GTK_BOX (box), chip);
    }

  gtk_widget_set_visible (box, n > 0);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AccordsRecord *record = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_DATE:
      text = accords_format_event_date_short (record);
      break;

    case COLUMN_PARTIES:
      text = accords_format_parties (record);
      break;

    case COLUMN_KIND:
      text = g_strdup (accords_kind_get_label (accords_record_get_kind (record)));
      break;

    case COLUMN_TITLE:
      text = g_strdup (accords_record_get_title (record));
      fill_chips (g_object_get_data (G_OBJECT (child), "chips"), accords_record_get_tags (record));
      child = g_object_get_data (G_OBJECT (child), "label");
      break;

    case COLUMN_TOPICS:
      text = accords_topic_join_labels (accords_record_get_topics (record), ", ");
      break;

    case COLUMN_STAR:
      {
        gboolean starred = accords_record_get_starred (record);

        gtk_image_set_from_icon_name (GTK_IMAGE (child),
                                      starred ? "starred-symbolic" : "non-starred-symbolic");
        gtk_widget_set_opacity (child, starred ? 1.0 : 0.35);
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        starred ? _("Starred") : _("Not starred"),
                                        -1);
        return;
      }

    default:
      g_assert_not_reached ();
    }

  /* User text: plain, never markup. */
  gtk_label_set_text (GTK_LABEL (child), text != NULL ? text : "");
  if (GPOINTER_TO_INT (user_data) == COLUMN_TITLE || GPOINTER_TO_INT (user_data) == COLUMN_TOPICS)
    gtk_widget_set_tooltip_text (child, text != NULL && text[0] != '\0' ? text : NULL);
}

static int
probe_sorter_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AccordsRecordTable *self = g_object_get_data (G_OBJECT (a), "accords-record-table");

  /* Only ever asked by update_sort_from_view() about the two probes. */
  if (self != NULL && self->probed_column < 0)
    self->probed_column = GPOINTER_TO_INT (user_data);

  return GTK_ORDERING_SMALLER;
}

static void
set_factory (AccordsRecordTable  *self,
             GtkColumnViewColumn *column,
             Column               which,
             gboolean             sortable)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);

  if (sortable)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sorter_cb, GINT_TO_POINTER (which), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
    }
}

/* Sorting ------------------------------------------------------------------ */

static const struct {
  Column         column;
  AccordsSortKey key;
} sort_columns[] = {
  { COLUMN_DATE, ACCORDS_SORT_DATE },
  { COLUMN_PARTIES, ACCORDS_SORT_PARTIES },
  { COLUMN_KIND, ACCORDS_SORT_KIND },
  { COLUMN_TITLE, ACCORDS_SORT_TITLE },
  { COLUMN_STAR, ACCORDS_SORT_STARRED },
};

static GtkColumnViewColumn *
get_column (AccordsRecordTable *self,
            Column              which)
{
  switch (which)
    {
    case COLUMN_DATE: return self->date_column;
    case COLUMN_PARTIES: return self->parties_column;
    case COLUMN_KIND: return self->kind_column;
    case COLUMN_TITLE: return self->title_column;
    case COLUMN_TOPICS: return self->topics_column;
    case COLUMN_STAR: return self->star_column;
    default: g_assert_not_reached ();
    }
}

/* Which column and direction the headers show; FALSE when none. */
static gboolean
probe_view_sort (AccordsRecordTable *self,
                 AccordsSortKey     *key,
                 gboolean           *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);

  if (order == GTK_ORDERING_EQUAL || self->probed_column < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      if ((int) sort_columns[i].column == self->probed_column)
        {
          *key = sort_columns[i].key;
          *descending = order == GTK_ORDERING_LARGER;
          return TRUE;
        }
    }

  return FALSE;
}

/* Remembers the selected ids, to select them again when the re-sorted
 * result arrives. Reads ids only: no record is built. */
static void
keep_selection (AccordsRecordTable *self)
{
  GtkSelectionModel *selection = accords_session_get_selection (self->session);
  AccordsRecordList *records = accords_session_get_records (self->session);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  guint64 n_selected = gtk_bitset_get_size (selected);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (records));
  GtkBitsetIter iter;
  guint position;

  g_clear_pointer (&self->kept_ids, g_array_unref);
  self->keep_all = n_items > 0 && n_selected == n_items;

  if (n_selected == 0 || self->keep_all || n_selected > MAX_KEPT_SELECTION)
    return;

  self->kept_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), (guint) n_selected);

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = accords_record_list_get_id (records, position);

      g_array_append_val (self->kept_ids, id);
    }
}

static void
restore_selection (AccordsRecordTable *self)
{
  GtkSelectionModel *selection = accords_session_get_selection (self->session);
  AccordsRecordList *records = accords_session_get_records (self->session);
  g_autoptr(GtkBitset) wanted = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GArray) kept = g_steal_pointer (&self->kept_ids);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (records));

  if (self->keep_all)
    {
      self->keep_all = FALSE;
      gtk_selection_model_select_all (selection);
      return;
    }

  if (kept == NULL || n_items == 0)
    return;

  if (kept->len <= 16)
    {
      /* A few: one lookup each. */
      for (guint i = 0; i < kept->len; i++)
        {
          guint position = accords_record_list_find_id (records, g_array_index (kept, gint64, i));

          if (position != G_MAXUINT)
            gtk_bitset_add (wanted, position);
        }
    }
  else
    {
      /* Many: one pass over the new order. */
      g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
      GArray *order = accords_record_list_get_ids (records);

      for (guint i = 0; i < kept->len; i++)
        g_hash_table_add (ids, &g_array_index (kept, gint64, i));

      for (guint i = 0; i < order->len; i++)
        {
          if (g_hash_table_contains (ids, &g_array_index (order, gint64, i)))
            gtk_bitset_add (wanted, i);
        }
    }

  mask = gtk_bitset_new_range (0, n_items);
  gtk_selection_model_set_selection (selection, wanted, mask);
}

static void
on_sorter_changed_cb (AccordsRecordTable *self,
                      GtkSorterChange     change,
                      GtkSorter          *sorter)
{
  AccordsQuery *current = accords_session_get_query (self->session);
  g_autoptr(AccordsQuery) query = NULL;
  AccordsSortKey key;
  gboolean descending;

  if (self->syncing_sort)
    return;

  if (!probe_view_sort (self, &key, &descending))
    return;

  if (accords_query_get_sort_key (current) == key &&
      accords_query_get_sort_descending (current) == descending)
    return;

  keep_selection (self);

  query = accords_query_copy (current);
  accords_query_set_sort (query, key, descending);
  accords_session_set_query (self->session, query);
}

/* Shows the query's sort in the headers, without asking for it again. */
static void
sync_sort_indicator (AccordsRecordTable *self)
{
  AccordsQuery *query = accords_session_get_query (self->session);
  AccordsSortKey key = accords_query_get_sort_key (query);
  gboolean descending = accords_query_get_sort_descending (query);
  AccordsSortKey shown_key;
  gboolean shown_descending;

  if (probe_view_sort (self, &shown_key, &shown_descending) &&
      shown_key == key && shown_descending == descending)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
    {
      if (sort_columns[i].key == key)
        {
          self->syncing_sort = TRUE;
          gtk_column_view_sort_by_column (self->column_view,
                                          get_column (self, sort_columns[i].column),
                                          descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
          self->syncing_sort = FALSE;
          break;
        }
    }
}

/* Status and actions ------------------------------------------------------- */

static guint
get_total_records (AccordsRecordTable *self)
{
  guint total = 0;

  if (self->has_total)
    g_object_get (self->session, "total-records", &total, NULL);

  return total;
}

static void
update_status (AccordsRecordTable *self)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (records));
  guint total = get_total_records (self);
  g_autofree char *text = NULL;

  if (accords_record_list_get_loading (records))
    text = g_strdup (_("Loading…"));
  else if (total > 0 && total != n)
    /* Translators: records matching the search, of all in the library */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u of %'u record", "%'u of %'u records", total),
                            n, total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u record", "%'u records", n), n);

  gtk_label_set_text (self->status_label, text);
}

static void
update_actions (AccordsRecordTable *self)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (records));
  guint n_selected = accords_session_get_n_selected (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.select-all", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.copy", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.show-details", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.star", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.unstar", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.review", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.add-tag", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.remove-tag", n_selected > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "records.merge", n_selected == 2);
}

/* The first selected position, or G_MAXUINT. */
static guint
get_first_selected (AccordsRecordTable *self)
{
  GtkSelectionModel *selection = accords_session_get_selection (self->session);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);

  if (gtk_bitset_is_empty (selected))
    return G_MAXUINT;

  return gtk_bitset_get_minimum (selected);
}

static void
emit_activated (AccordsRecordTable *self,
                guint               position)
{
  GListModel *model = G_LIST_MODEL (accords_session_get_selection (self->session));
  g_autoptr(AccordsRecord) record = g_list_model_get_item (model, position);

  if (record != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, record);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);

  gtk_selection_model_select_all (accords_session_get_selection (self->session));
}

static void
show_details_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  guint position = get_first_selected (self);

  if (position != G_MAXUINT)
    emit_activated (self, position);
}

/* The selected records as @format, or NULL with @error set. */
static GBytes *
export_selected (AccordsRecordTable   *self,
                 GArray               *ids,
                 AccordsExportFormat   format,
                 GError              **error)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (!accords_export_run (accords_session_get_store (self->session), NULL,
                           (const gint64 *) (gpointer) ids->data, ids->len, format,
                           ACCORDS_EXPORT_OPTION_NONE, out, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  GtkSelectionModel *selection = accords_session_get_selection (self->session);
  AccordsRecordList *records = accords_session_get_records (self->session);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) html = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  GdkContentProvider *providers[2];
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = accords_record_list_get_id (records, position);

      if (id > 0)
        g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return;

  /* Plain text and an HTML briefing, both escaped by the exporters: user
   * text never becomes markup. */
  text = export_selected (self, ids, ACCORDS_EXPORT_FORMAT_TEXT, &error);
  if (text != NULL)
    html = export_selected (self, ids, ACCORDS_EXPORT_FORMAT_HTML, &error);
  if (html == NULL)
    {
      g_debug ("Could not copy the selected records: %s", error->message);
      gtk_widget_error_bell (widget);
      return;
    }

  providers[0] = gdk_content_provider_new_for_bytes ("text/html", html);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (widget), provider);
}

/* Annotations of the selection ---------------------------------------------- */

static void
show_annotation_error (AccordsRecordTable *self,
                       const GError       *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = NULL;

  g_debug ("Could not change the selected records: %s", error->message);
  if (overlay == NULL)
    return;

  /* Translators: %s says why, e.g. "database is locked" */
  title = g_strdup_printf (_("Could not change the selected records: %s"), error->message);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  g_autoptr(GError) error = NULL;

  if (!accords_session_star_selection (self->session, g_str_equal (action_name, "records.star"),
                                       &error))
    show_annotation_error (self, error);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  g_autoptr(GError) error = NULL;
  AccordsReview review;

  if (!accords_review_from_string (g_variant_get_string (parameter, NULL), &review))
    return;

  if (!accords_session_review_selection (self->session, review, &error))
    show_annotation_error (self, error);
}

static void
on_merge_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      AccordsRecordTable *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "merge") && !accords_session_merge_selection (self->session, &error))
    show_annotation_error (self, error);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  GtkWidget *dialog;

  if (accords_session_get_n_selected (self->session) != 2)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Merge Into One Record?"),
                                   _("The two selected records become one, with the sources, "
                                     "countries, people, notes and tags of both. The older "
                                     "record keeps its title and dates."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_tag_dialog_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           AccordsRecordTable *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gboolean add = g_object_get_data (G_OBJECT (dialog), "remove") == NULL;

  if (!g_str_equal (response, "apply") || name[0] == '\0')
    return;

  if (add)
    {
      if (!accords_session_tag_selection (self->session, name, TRUE, &error))
        show_annotation_error (self, error);
    }
  else
    {
      AdwToast *toast = accords_untag_selection (self->session, name, &error);
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (error != NULL)
        show_annotation_error (self, error);
      else if (toast != NULL && overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      else
        g_clear_object (&toast);
    }
}

/* Asks for the name of a tag to add to (or remove from) the selection. */
static void
tag_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  gboolean remove = g_str_equal (action_name, "records.remove-tag");
  guint n = accords_session_get_n_selected (self->session);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (remove)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The tag is removed from the selected record.",
                                         "The tag is removed from the %'u selected records.",
                                         n), n);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The tag is added to the selected record.",
                                         "The tag is added to the %'u selected records.",
                                         n), n);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   remove ? _("Remove Tag") : _("Add Tag"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "apply", remove ? _("_Remove") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              remove ? ADW_RESPONSE_DESTRUCTIVE
                                                     : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Tag name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag name"),
                                  -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  if (remove)
    g_object_set_data (G_OBJECT (dialog), "remove", GINT_TO_POINTER (1));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_tag_dialog_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Context menu ------------------------------------------------------------- */

/* The list item whose cell holds @widget, looking a little way around it:
 * the row holds cells, a cell holds our child. */
static GtkListItem *
find_list_item (GtkWidget *widget)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      GtkWidget *grandchild = child != NULL ? gtk_widget_get_first_child (child) : NULL;
      GtkWidget *candidates[] = { w, child, grandchild };

      if (GTK_IS_COLUMN_VIEW (w))
        return NULL;

      for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
        {
          GtkListItem *item;

          if (candidates[i] == NULL)
            continue;

          item = g_object_get_data (G_OBJECT (candidates[i]), "accords-list-item");
          if (item != NULL)
            return item;
        }
    }

  return NULL;
}

static void
popup_menu_at (AccordsRecordTable *self,
               double              x,
               double              y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  update_actions (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
on_right_click_pressed_cb (AccordsRecordTable *self,
                           int                 n_press,
                           double              x,
                           double              y,
                           GtkGestureClick    *gesture)
{
  GtkWidget *picked;
  GtkListItem *item;
  double table_x, table_y;

  picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  item = picked != NULL ? find_list_item (picked) : NULL;

  if (item == NULL)
    return;

  /* A click outside the selection selects that row, as in a file manager. */
  if (!gtk_list_item_get_selected (item))
    gtk_selection_model_select_item (accords_session_get_selection (self->session),
                                     gtk_list_item_get_position (item), TRUE);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                         x, y, &table_x, &table_y))
    table_x = x, table_y = y;

  popup_menu_at (self, table_x, table_y);
}

static void
popup_menu_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListItem *item = focus != NULL ? find_list_item (focus) : NULL;
  GtkWidget *row = focus;
  graphene_rect_t bounds;

  /* The focused row when it is a selected one; else the top of the list. */
  if (item != NULL && gtk_list_item_get_selected (item) && row != NULL &&
      gtk_widget_compute_bounds (row, widget, &bounds))
    {
      popup_menu_at (self,
                     bounds.origin.x + MIN (bounds.size.width / 2, 160),
                     bounds.origin.y + bounds.size.height / 2);
      return;
    }

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->column_view), widget, &bounds))
    popup_menu_at (self, bounds.origin.x + 160, bounds.origin.y + 48);
}

/* Signal callbacks --------------------------------------------------------- */

static void
on_column_view_activate_cb (AccordsRecordTable *self,
                            guint               position,
                            GtkColumnView      *column_view)
{
  emit_activated (self, position);
}

static void
on_records_notify_cb (AccordsRecordTable *self,
                      GParamSpec         *pspec,
                      AccordsRecordList  *records)
{
  update_status (self);
  update_actions (self);
}

static void
on_total_notify_cb (AccordsRecordTable *self,
                    GParamSpec         *pspec,
                    AccordsSession     *session)
{
  update_status (self);
}

static void
on_n_selected_notify_cb (AccordsRecordTable *self,
                         GParamSpec         *pspec,
                         AccordsSession     *session)
{
  update_actions (self);
}

static void
on_query_notify_cb (AccordsRecordTable *self,
                    GParamSpec         *pspec,
                    AccordsSession     *session)
{
  sync_sort_indicator (self);
}

static void
on_selection_items_changed_cb (AccordsRecordTable *self,
                               guint               position,
                               guint               removed,
                               guint               added,
                               GListModel         *model)
{
  /* The selection model has dropped its selection with the old items by
   * now; a new result of a re-sort gets its selection back. */
  if (self->kept_ids != NULL || self->keep_all)
    restore_selection (self);

  update_actions (self);
}

/* GObject ------------------------------------------------------------------ */

static void
accords_record_table_constructed (GObject *object)
{
  AccordsRecordTable *self = (AccordsRecordTable *) object;
  AccordsRecordList *records;
  GtkSelectionModel *selection;

  G_OBJECT_CLASS (accords_record_table_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  records = accords_session_get_records (self->session);
  selection = accords_session_get_selection (self->session);
  gtk_column_view_set_model (self->column_view, selection);

  /* "total-records" arrives with the facet work; follow it once it exists. */
  self->has_total = g_object_class_find_property (G_OBJECT_GET_CLASS (self->session),
                                                  "total-records") != NULL;
  if (self->has_total)
    g_signal_connect_object (self->session, "notify::total-records",
                             G_CALLBACK (on_total_notify_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (records, "notify::n-items",
                           G_CALLBACK (on_records_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (records, "notify::loading",
                           G_CALLBACK (on_records_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed",
                           G_CALLBACK (on_selection_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::n-selected",
                           G_CALLBACK (on_n_selected_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::query",
                           G_CALLBACK (on_query_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  sync_sort_indicator (self);
  update_status (self);
  update_actions (self);
}

static void
accords_record_table_dispose (GObject *object)
{
  AccordsRecordTable *self = (AccordsRecordTable *) object;
  GtkWidget *child;

  /* Nothing may call back into a table whose children are gone. */
  if (self->session != NULL)
    {
      GObject *records = G_OBJECT (accords_session_get_records (self->session));
      GObject *selection = G_OBJECT (accords_session_get_selection (self->session));

      g_signal_handlers_disconnect_by_data (self->session, self);
      if (records != NULL)
        g_signal_handlers_disconnect_by_data (records, self);
      if (selection != NULL)
        g_signal_handlers_disconnect_by_data (selection, self);
    }
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);

  g_clear_pointer (&self->popover, gtk_widget_unparent);

  /* Columns taken out for a narrow window are held by us alone. */
  if (self->kind_column != NULL && accords_record_table_get_compact (self))
    {
      g_object_unref (self->kind_column);
      g_object_unref (self->topics_column);
      g_object_unref (self->star_column);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_RECORD_TABLE);

  /* Template children without a bound field are ours to drop too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_pointer (&self->kept_ids, g_array_unref);

  G_OBJECT_CLASS (accords_record_table_parent_class)->dispose (object);
}

static void
accords_record_table_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, accords_record_table_get_compact (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_table_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AccordsRecordTable *self = ACCORDS_RECORD_TABLE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_COMPACT:
      accords_record_table_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_table_class_init (AccordsRecordTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_record_table_constructed;
  object_class->dispose = accords_record_table_dispose;
  object_class->get_property = accords_record_table_get_property;
  object_class->set_property = accords_record_table_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsRecordTable:compact:
   *
   * Shows only the date, parties and title, for narrow windows.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AccordsRecordTable::record-activated:
   * @self: the table
   * @record: the record (a list item: load it for every field)
   *
   * Emitted when the user opens a record: Enter, a double click, or
   * "Show Details" in the context menu.
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ACCORDS_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, date_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, parties_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, kind_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, title_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, topics_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, star_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, status_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, context_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_right_click_pressed_cb);

  gtk_widget_class_install_action (widget_class, "records.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "records.star", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "records.unstar", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "records.review", "s", review_action);
  gtk_widget_class_install_action (widget_class, "records.add-tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "records.remove-tag", NULL, tag_action);
  gtk_widget_class_install_action (widget_class, "records.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "records.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "records.show-details", NULL, show_details_action);
  gtk_widget_class_install_action (widget_class, "records.popup-menu", NULL, popup_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "records.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "records.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "records.popup-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "records.popup-menu", NULL);
}

static void
accords_record_table_init (AccordsRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->probed_column = -1;
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (self->probe_a, "accords-record-table", self);
  g_object_set_data (self->probe_b, "accords-record-table", self);

  set_factory (self, self->date_column, COLUMN_DATE, TRUE);
  set_factory (self, self->parties_column, COLUMN_PARTIES, TRUE);
  set_factory (self, self->kind_column, COLUMN_KIND, TRUE);
  set_factory (self, self->title_column, COLUMN_TITLE, TRUE);
  set_factory (self, self->topics_column, COLUMN_TOPICS, FALSE);
  set_factory (self, self->star_column, COLUMN_STAR, TRUE);

  self->popover = gtk_popover_menu_new_from_model (self->context_menu);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
}

/**
 * accords_record_table_new:
 * @session: the window's session
 *
 * Returns: (transfer floating): a new list of the session's records
 */
GtkWidget *
accords_record_table_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_RECORD_TABLE, "session", session, NULL);
}

/**
 * accords_record_table_get_session:
 *
 * Returns: (transfer none): the session the table shows
 */
AccordsSession *
accords_record_table_get_session (AccordsRecordTable *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_TABLE (self), NULL);

  return self->session;
}

gboolean
accords_record_table_get_compact (AccordsRecordTable *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_TABLE (self), FALSE);

  return gtk_column_view_column_get_column_view (self->kind_column) == NULL;
}

/**
 * accords_record_table_set_compact:
 * @self: a record table
 * @compact: whether the window is narrow
 *
 * Takes the kind, topics and star columns out, so that the title stays
 * readable in a narrow window. (Merely hiding them leaves GTK 4.8's
 * column view at its old width.)
 */
void
accords_record_table_set_compact (AccordsRecordTable *self,
                                  gboolean            compact)
{
  GtkColumnViewColumn *wide_only[] = { self->kind_column, self->topics_column, self->star_column };

  g_return_if_fail (ACCORDS_IS_RECORD_TABLE (self));

  compact = !!compact;
  if (compact == accords_record_table_get_compact (self))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (wide_only); i++)
    {
      if (compact)
        {
          g_object_ref (wide_only[i]);
          gtk_column_view_remove_column (self->column_view, wide_only[i]);
        }
      else
        {
          gtk_column_view_append_column (self->column_view, wide_only[i]);
          g_object_unref (wide_only[i]);
        }
    }

  /* Title goes back between kind and topics. */
  if (!compact)
    gtk_column_view_insert_column (self->column_view, 3, self->title_column);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}
