/* accords-import-dialog-editor.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import-dialog-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-country.h"
#include "accords-import-dialog-private.h"
#include "accords-import.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-topic.h"

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

  _accords_import_dialog_update_rows (self);
  if (self->current != NULL)
    {
      g_autofree char *outcome = _accords_import_dialog_describe_outcome (self, self->current);

      gtk_label_set_text (self->outcome_label, outcome);
    }

  return G_SOURCE_REMOVE;
}

void
_accords_import_dialog_schedule_rematch (AccordsImportDialog *self)
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
  GDate date;

  if (text[0] == '\0')
    {
      *out = NULL;
      return TRUE;
    }

  if (_accords_date_scan (text, &date) != strlen (text))
    return FALSE;

  *out = _accords_date_to_iso (&date);
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
      _accords_import_dialog_update_rows (self);
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
          _accords_import_dialog_schedule_rematch (self);
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
              _accords_import_dialog_schedule_rematch (self);
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
  _accords_import_dialog_schedule_rematch (self);
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

void
_accords_import_dialog_show_proposal (AccordsImportDialog   *self,
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
      g_autofree char *message = _accords_import_dialog_describe_outcome (self, proposal);

      gtk_label_set_text (self->error_label, message);
      gtk_stack_set_visible_child_name (self->editor_stack, "error");
      return;
    }

  record = proposal->record;
  self->filling = TRUE;

  outcome = _accords_import_dialog_describe_outcome (self, proposal);
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

GtkWidget *
_accords_import_dialog_build_editor (AccordsImportDialog *self)
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

void
_accords_import_dialog_load_legend_css (void)
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
