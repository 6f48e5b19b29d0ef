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
#include "accords-import-dialog.h"
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

struct _AccordsImportDialog
{
  AdwWindow             parent_instance;

  AccordsSession       *session;
  AdwToastOverlay      *window_toasts;
  char                **paths;
  GCancellable         *cancellable;
  GPtrArray            *proposals;   /* AccordsImportProposal */
  GPtrArray            *rows;        /* GtkListBoxRow, parallel to proposals */
  AccordsImportProposal *current;
  guint                 rematch_source;
  gboolean              filling;     /* the editor is being filled: not an edit */

  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  GtkProgressBar       *progress;
  GtkListBox           *list;
  GtkStack             *editor_stack;
  GtkLabel             *outcome_label;
  GtkLabel             *notes_label;
  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *parties_row;
  AdwEntryRow          *mentioned_row;
  AdwEntryRow          *topics_row;
  AdwActionRow         *people_row;
  AdwActionRow         *orgs_row;
  GtkTextView          *text_view;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (AccordsImportDialog, accords_import_dialog, ADW_TYPE_WINDOW)

/* Highlight colours for the words each field came from; light enough for
 * dark text, and named in the legend under the article. */
static const struct {
  AccordsExtractField field;
  const char         *tag;
  const char         *color;
} highlights[] = {
  { ACCORDS_EXTRACT_FIELD_PUBLISH_DATE, "date", "#f9f06b" },
  { ACCORDS_EXTRACT_FIELD_EVENT_DATE, "date", "#f9f06b" },
  { ACCORDS_EXTRACT_FIELD_PARTY, "party", "#99c1f1" },
  { ACCORDS_EXTRACT_FIELD_MENTIONED, "mentioned", "#deddda" },
  { ACCORDS_EXTRACT_FIELD_PERSON, "person", "#8ff0a4" },
  { ACCORDS_EXTRACT_FIELD_ORGANIZATION, "organization", "#dc8add" },
  { ACCORDS_EXTRACT_FIELD_VENUE, "venue", "#93e0d8" },
  { ACCORDS_EXTRACT_FIELD_TOPIC, "topic", "#ffa348" },
  { ACCORDS_EXTRACT_FIELD_KIND, "kind", "#f66151" },
};

static const AccordsKind kinds[] = {
  ACCORDS_KIND_MOU_SIGNED, ACCORDS_KIND_AGREEMENT_SIGNED, ACCORDS_KIND_MEETING,
  ACCORDS_KIND_VISIT, ACCORDS_KIND_STATEMENT, ACCORDS_KIND_OPINION,
  ACCORDS_KIND_ANNOUNCEMENT,
};

static gboolean
is_importable (AccordsImportProposal *proposal)
{
  return !proposal->excluded &&
         (proposal->outcome == ACCORDS_IMPORT_NEW || proposal->outcome == ACCORDS_IMPORT_MERGED);
}

/* Reports of one event are one proposal: a file that joins a new record
 * of the same batch is listed under it. The leader of @index is the
 * position of that new record's proposal, or @index itself. */
static guint
group_leader (AccordsImportDialog *self,
              guint                index)
{
  AccordsImportProposal *proposal = g_ptr_array_index (self->proposals, index);

  if (proposal->outcome != ACCORDS_IMPORT_MERGED || proposal->excluded)
    return index;

  for (guint i = 0; i < self->proposals->len; i++)
    {
      AccordsImportProposal *other = g_ptr_array_index (self->proposals, i);

      if (i != index && other->outcome == ACCORDS_IMPORT_NEW && other->record != NULL &&
          g_strcmp0 (accords_record_get_uid (other->record), proposal->target_uid) == 0)
        return i;
    }

  return index;
}

static guint
count_group (AccordsImportDialog *self,
             guint                leader)
{
  guint n = 0;

  for (guint i = 0; i < self->proposals->len; i++)
    n += group_leader (self, i) == leader;

  return n;
}

static char *
describe_outcome (AccordsImportDialog   *self,
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
  g_autofree char *outcome = describe_outcome (self, proposal);
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

static void
update_rows (AccordsImportDialog *self)
{
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
  guint ia = 0, ib = 0;
  guint la, lb;

  g_ptr_array_find (self->proposals, g_object_get_data (G_OBJECT (a), "proposal"), &ia);
  g_ptr_array_find (self->proposals, g_object_get_data (G_OBJECT (b), "proposal"), &ib);
  la = group_leader (self, ia);
  lb = group_leader (self, ib);

  if (la != lb)
    return la < lb ? -1 : 1;
  if ((ia == la) != (ib == lb))
    return ia == la ? -1 : 1;
  return ia < ib ? -1 : (ia > ib);
}

static void show_proposal (AccordsImportDialog *self, AccordsImportProposal *proposal);
static void schedule_rematch (AccordsImportDialog *self);

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
  update_import_button (self);
  /* what the other files join may have changed */
  schedule_rematch (self);
}

static GtkWidget *
make_row (AccordsImportDialog   *self,
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
  show_proposal (self, row != NULL ? g_object_get_data (G_OBJECT (row), "proposal") : NULL);
}

/* Matching again after an edit -------------------------------------------- */

static gboolean
rematch_cb (gpointer user_data)
{
  AccordsImportDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  self->rematch_source = 0;

  /* A narrow indexed lookup per proposal: quick for any batch a person
   * reviews by hand. */
  if (!accords_import_match (accords_session_get_store (self->session), self->proposals, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));

  update_rows (self);
  if (self->current != NULL)
    {
      g_autofree char *outcome = describe_outcome (self, self->current);

      gtk_label_set_text (self->outcome_label, outcome);
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_rematch (AccordsImportDialog *self)
{
  g_clear_handle_id (&self->rematch_source, g_source_remove);
  self->rematch_source = g_timeout_add (300, rematch_cb, self);
}

/* The editor --------------------------------------------------------------- */

static char *
join_strv (const char * const *strv)
{
  return strv != NULL ? g_strjoinv (", ", (char **) strv) : g_strdup ("");
}

/* A topic by its id or its label, in any case. */
static const char *
find_topic (const char *text)
{
  g_autoptr(GListModel) topics = accords_topic_list ();
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordsTopic) topic = g_list_model_get_item (topics, i);
      g_autofree char *label = g_utf8_casefold (accords_topic_get_label (topic), -1);

      if (g_str_equal (wanted, accords_topic_get_id (topic)) || g_str_equal (wanted, label))
        return accords_topic_get_id (topic); /* the vocabulary outlives us */
    }

  return NULL;
}

static const char *
find_value (const char *text,
            gboolean    topics)
{
  AccordsCountry *country;

  if (topics)
    return find_topic (text);

  country = accords_country_lookup (text);
  return country != NULL ? accords_country_get_code (country) : NULL;
}

/* Splits "IR, RS", "ir rs" or "Iran, Serbia" into country codes, or
 * "cloud, Data centres" into topic ids; FALSE if a part is neither. */
static gboolean
parse_list (const char   *text,
            gboolean      topics,
            GStrv        *out)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;]+", text, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      const char *value;

      if (part[0] == '\0')
        continue;

      if ((value = find_value (part, topics)) != NULL)
        {
          g_strv_builder_add (builder, value);
          continue;
        }

      /* "IR RS": codes or ids separated by spaces */
      {
        g_auto(GStrv) words = g_regex_split_simple ("\\s+", part, 0, 0);

        for (guint j = 0; words[j] != NULL; j++)
          {
            if (words[j][0] == '\0')
              continue;
            if ((value = find_value (words[j], topics)) == NULL)
              return FALSE;
            g_strv_builder_add (builder, value);
          }
      }
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
parse_day (const char *text,
           char      **out)
{
  guint y, m, d;
  char rest;

  if (text[0] == '\0')
    {
      *out = NULL;
      return TRUE;
    }

  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &rest) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  *out = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  return TRUE;
}

static void
mark_row (AdwEntryRow *row,
          gboolean     valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
on_field_changed_cb (GtkEditable         *editable,
                     AccordsImportDialog *self)
{
  AccordsRecord *record;
  const char *text = gtk_editable_get_text (editable);
  AdwEntryRow *row = ADW_ENTRY_ROW (editable);

  if (self->filling || self->current == NULL || self->current->record == NULL)
    return;

  record = self->current->record;

  if (row == self->title_row)
    {
      accords_record_set_title (record, text);
      update_rows (self);
    }
  else if (row == self->date_row || row == self->end_row)
    {
      g_autofree char *day = NULL;
      gboolean valid = parse_day (text, &day);

      mark_row (row, valid);
      if (valid)
        {
          if (row == self->date_row)
            accords_record_set_event_date (record, day);
          else
            accords_record_set_event_end (record, day);
          schedule_rematch (self);
        }
    }
  else
    {
      g_auto(GStrv) values = NULL;
      gboolean valid = parse_list (text, row == self->topics_row, &values);

      mark_row (row, valid);
      if (valid)
        {
          if (row == self->parties_row)
            {
              accords_record_set_parties (record, (const char * const *) values);
              schedule_rematch (self);
            }
          else if (row == self->mentioned_row)
            accords_record_set_mentioned (record, (const char * const *) values);
          else
            accords_record_set_topics (record, (const char * const *) values);
        }
    }
}

static void
on_kind_selected_cb (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     AccordsImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling || self->current == NULL || self->current->record == NULL ||
      selected >= G_N_ELEMENTS (kinds))
    return;

  accords_record_set_kind (self->current->record, kinds[selected]);
  schedule_rematch (self);
}

static void
set_entry (AccordsImportDialog *self,
           AdwEntryRow         *row,
           const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  mark_row (row, TRUE);
}

static void
highlight_text (AccordsImportDialog   *self,
                AccordsImportProposal *proposal)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text;

  if (proposal->article == NULL)
    {
      AccordsRecord *record = proposal->record;
      GListModel *sources = record != NULL ? accords_record_get_sources (record) : NULL;
      g_autoptr(AccordsSource) source = NULL;

      if (sources != NULL && g_list_model_get_n_items (sources) > 0)
        source = g_list_model_get_item (sources, 0);
      gtk_text_buffer_set_text (buffer, source != NULL && accords_source_get_text (source) != NULL
                                        ? accords_source_get_text (source) : "", -1);
      return;
    }

  text = proposal->article->text;
  gtk_text_buffer_set_text (buffer, text, -1);

  for (guint i = 0; i < proposal->article->spans->len; i++)
    {
      const AccordsExtractSpan *span = &g_array_index (proposal->article->spans, AccordsExtractSpan, i);
      GtkTextIter start, end;

      for (guint j = 0; j < G_N_ELEMENTS (highlights); j++)
        {
          if (highlights[j].field != span->field)
            continue;

          gtk_text_buffer_get_iter_at_offset (buffer, &start, g_utf8_pointer_to_offset (text, text + span->start));
          gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_pointer_to_offset (text, text + span->end));
          gtk_text_buffer_apply_tag_by_name (buffer, highlights[j].tag, &start, &end);
          break;
        }
    }
}

static char *
describe_people (AccordsRecord *record)
{
  GListModel *people = accords_record_get_people (record);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, accords_person_get_name (person));
      if (accords_person_get_role (person) != NULL)
        g_string_append_printf (text, " (%s)", accords_person_get_role (person));
    }

  return g_string_free (text, FALSE);
}

static void
show_proposal (AccordsImportDialog   *self,
               AccordsImportProposal *proposal)
{
  AccordsRecord *record;
  g_autofree char *outcome = NULL;
  g_autofree char *parties = NULL;
  g_autofree char *mentioned = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *people = NULL;
  g_autofree char *orgs = NULL;
  GString *notes;

  self->current = proposal;

  if (proposal == NULL)
    {
      gtk_stack_set_visible_child_name (self->editor_stack, "none");
      return;
    }

  if (proposal->outcome == ACCORDS_IMPORT_FAILED || proposal->record == NULL)
    {
      g_autofree char *message = describe_outcome (self, proposal);

      gtk_label_set_text (self->error_label, message);
      gtk_stack_set_visible_child_name (self->editor_stack, "error");
      return;
    }

  record = proposal->record;
  self->filling = TRUE;

  outcome = describe_outcome (self, proposal);
  gtk_label_set_text (self->outcome_label, outcome);

  notes = g_string_new (NULL);
  for (guint i = 0; proposal->notes != NULL && i < proposal->notes->len; i++)
    g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "", (char *) g_ptr_array_index (proposal->notes, i));
  for (guint i = 0; proposal->article != NULL && i < proposal->article->warnings->len; i++)
    g_string_append_printf (notes, "%s%s", notes->len ? "\n" : "",
                            (char *) g_ptr_array_index (proposal->article->warnings, i));
  gtk_label_set_text (self->notes_label, notes->str);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes->len > 0);
  g_string_free (notes, TRUE);

  set_entry (self, self->title_row, accords_record_get_title (record));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == accords_record_get_kind (record))
      adw_combo_row_set_selected (self->kind_row, i);
  set_entry (self, self->date_row, accords_record_get_event_date (record));
  set_entry (self, self->end_row, accords_record_get_event_end (record));
  parties = join_strv (accords_record_get_parties (record));
  set_entry (self, self->parties_row, parties);
  mentioned = join_strv (accords_record_get_mentioned (record));
  set_entry (self, self->mentioned_row, mentioned);
  topics = accords_topic_join_labels (accords_record_get_topics (record), ", ");
  set_entry (self, self->topics_row, topics);

  people = describe_people (record);
  adw_action_row_set_subtitle (self->people_row, *people ? people : _("None found"));
  orgs = join_strv (accords_record_get_organizations (record));
  adw_action_row_set_subtitle (self->orgs_row, *orgs ? orgs : _("None found"));

  highlight_text (self, proposal);

  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->editor_stack, "editor");
}

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  char         **paths;
  AccordsStore  *reader;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_strfreev (data->paths);
  g_clear_object (&data->reader);
  g_free (data);
}

typedef struct
{
  AccordsImportDialog *self;
  guint                done;
  guint                total;
} Progress;

static gboolean
progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u files"), progress->done, progress->total);

  /* the dialog may have been closed while the files were read */
  if (g_cancellable_is_cancelled (progress->self->cancellable))
    {
      g_object_unref (progress->self);
      g_free (progress);
      return G_SOURCE_REMOVE;
    }

  gtk_progress_bar_set_fraction (progress->self->progress, (double) progress->done / progress->total);
  gtk_progress_bar_set_text (progress->self->progress, text);

  g_object_unref (progress->self);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
read_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->total = total;
  g_idle_add (progress_cb, progress);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GPtrArray) proposals = NULL;
  GError *error = NULL;

  proposals = accords_import_read ((const char * const *) data->paths, cancellable,
                                   read_progress, source_object);
  if (proposals == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  if (!accords_import_match (data->reader, proposals, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&proposals), (GDestroyNotify) g_ptr_array_unref);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AccordsImportDialog *self = ACCORDS_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals;
  proposals = g_task_propagate_pointer (G_TASK (result), &error);

  /* closed meanwhile: its widgets are gone */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&proposals, g_ptr_array_unref);
      return;
    }

  if (proposals == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_stack_set_visible_child_name (self->stack, "review");
          gtk_stack_set_visible_child_name (self->editor_stack, "error");
        }
      return;
    }

  self->proposals = proposals;
  for (guint i = 0; i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);
      GtkWidget *row = make_row (self, proposal);

      /* a file that cannot be imported is left out of the batch, which
       * saves the rest */
      if (proposal->outcome == ACCORDS_IMPORT_FAILED)
        proposal->excluded = TRUE;
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  update_rows (self);


  gtk_stack_set_visible_child_name (self->stack, "review");
  if (self->rows->len > 0)
    gtk_list_box_select_row (self->list, g_ptr_array_index (self->rows, 0));
}

static void
start_reading (AccordsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReadData *data = g_new0 (ReadData, 1);

  data->paths = g_strdupv (self->paths);
  data->reader = accords_store_open_reader (accords_session_get_store (self->session), &error);
  if (data->reader == NULL)
    {
      read_data_free (data);
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "review");
      gtk_stack_set_visible_child_name (self->editor_stack, "error");
      return;
    }

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, start_reading);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
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

  /* The review may have changed what matches what. */
  if (!accords_import_match (accords_session_get_store (self->session), self->proposals, &error) ||
      !accords_import_save (accords_session_get_store (self->session), self->proposals,
                            &n_new, &n_merged, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      update_rows (self);
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

/* Building ----------------------------------------------------------------- */

static AdwEntryRow *
add_entry_row (AccordsImportDialog *self,
               GtkWidget           *group,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect (row, "changed", G_CALLBACK (on_field_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return ADW_ENTRY_ROW (row);
}

static GtkWidget *
build_editor (AccordsImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *details = adw_preferences_group_new ();
  GtkWidget *article = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *legend = gtk_flow_box_new ();
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  GtkTextBuffer *buffer;
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  const struct { const char *tag; const char *label; } legend_items[] = {
    { "date", N_("Dates") }, { "party", N_("Parties") }, { "mentioned", N_("Mentioned") },
    { "person", N_("People") }, { "organization", N_("Organisations") },
    { "venue", N_("Venue") }, { "topic", N_("Topics") }, { "kind", N_("Kind") },
  };

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  self->outcome_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->outcome_label, TRUE);
  gtk_label_set_xalign (self->outcome_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->outcome_label));

  self->notes_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->notes_label, TRUE);
  gtk_label_set_xalign (self->notes_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->notes_label), "warning");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->notes_label));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Record"));
  self->title_row = add_entry_row (self, group, _("Title"));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, accords_kind_get_label (kinds[i]));
  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("Kind"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  g_signal_connect (self->kind_row, "notify::selected", G_CALLBACK (on_kind_selected_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));

  self->date_row = add_entry_row (self, group, _("Event Date (YYYY-MM-DD)"));
  self->end_row = add_entry_row (self, group, _("Last Day (YYYY-MM-DD)"));
  self->parties_row = add_entry_row (self, group, _("Parties (countries or codes)"));
  self->mentioned_row = add_entry_row (self, group, _("Also Mentioned (countries or codes)"));
  self->topics_row = add_entry_row (self, group, _("Topics"));
  gtk_box_append (GTK_BOX (box), group);

  self->people_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->people_row), _("People"));
  adw_action_row_set_subtitle_lines (self->people_row, 0);
  self->orgs_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->orgs_row), _("Organisations"));
  adw_action_row_set_subtitle_lines (self->orgs_row, 0);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->people_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->orgs_row));
  gtk_box_append (GTK_BOX (box), details);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (article), _("Article"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (article),
                                         _("The words each field was read from are highlighted."));
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (self->text_view, 12);
  gtk_text_view_set_right_margin (self->text_view, 12);
  gtk_text_view_set_top_margin (self->text_view, 12);
  gtk_text_view_set_bottom_margin (self->text_view, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article text"), -1);
  buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (legend), 8);
  for (guint i = 0; i < G_N_ELEMENTS (highlights); i++)
    if (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), highlights[i].tag) == NULL)
      gtk_text_buffer_create_tag (buffer, highlights[i].tag,
                                  "background", highlights[i].color,
                                  "foreground", "#000000", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (legend_items); i++)
    {
      GtkWidget *label = gtk_label_new (_(legend_items[i].label));
      g_autofree char *css_class = g_strconcat ("highlight-", legend_items[i].tag, NULL);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, css_class);
      gtk_flow_box_append (GTK_FLOW_BOX (legend), label);
    }

  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->text_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (article), legend);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (article), frame);
  gtk_box_append (GTK_BOX (box), article);

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  return scrolled;
}

static void
load_legend_css (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
      GString *css = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (highlights); i++)
        g_string_append_printf (css,
                                ".highlight-%s { background-color: %s; color: #000000; "
                                "border-radius: 4px; padding: 0 6px; }\n",
                                highlights[i].tag, highlights[i].color);
      gtk_css_provider_load_from_data (provider, css->str, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_string_free (css, TRUE);
      g_once_init_leave (&loaded, 1);
    }
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

  load_legend_css ();

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
  gtk_stack_add_named (self->editor_stack, build_editor (self), "editor");
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

  start_reading (self);
  gtk_window_present (GTK_WINDOW (self));
}
