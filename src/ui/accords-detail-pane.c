/* accords-detail-pane.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-detail-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "accords-annotation-editor.h"
#include "accords-country.h"
#include "accords-detail-pane.h"
#include "accords-figure.h"
#include "accords-format.h"
#include "accords-person.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"
#include "accords-tag-undo.h"
#include "accords-topic.h"

/* A summary of a selection reads at most this many records, to stay
 * responsive when a million are selected; it says so when it stops. */
#define MAX_SUMMARY_RECORDS 10000

/* Entries of each list of the summary before "N more". */
#define MAX_SUMMARY_ROWS 6

/* Every field of the selected record, in boxed sections, or a summary of a
 * selection of several. All of it is user data, so every label gets plain
 * text (gtk_label_set_text), never markup. */
struct _AccordsDetailPane
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;

  GtkLabel       *several_title;
  GtkLabel       *several_span;
  GtkLabel       *several_note;
  GtkWidget      *countries_group;
  GtkListBox     *countries_list;
  GtkWidget      *topics_group;
  GtkListBox     *topics_list;
  GtkWidget      *kinds_group;
  GtkListBox     *kinds_list;
  GtkMenuButton  *add_tag_button;
  GtkEntry       *add_tag_entry;
  GtkMenuButton  *remove_tag_button;
  GtkEntry       *remove_tag_entry;

  GtkLabel       *kind_label;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkLabel       *summary_label;
  GtkWidget      *event_group;
  GtkListBox     *event_list;
  GtkWidget      *people_group;
  GtkListBox     *people_list;
  GtkWidget      *orgs_group;
  GtkListBox     *orgs_list;
  GtkWidget      *figures_group;
  GtkListBox     *figures_list;
  GtkWidget      *sources_group;
  GtkListBox     *sources_list;
  GtkBox         *annotation_box;
  AccordsAnnotationEditor *annotation_editor; /* made in constructed */

  /* owned */
  AccordsSession *session;
  AccordsRecord  *record; /* the full record shown */
  guint           summary_source;
};

G_DEFINE_FINAL_TYPE (AccordsDetailPane, accords_detail_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows --------------------------------------------------------------------- */

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_row (GtkListBox *list,
          GtkWidget  *child)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (child, "detail-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (list, row);

  return row;
}

/* A row with a small caption above its value, and an optional dim line
 * below it. Nothing is added for an empty value. */
static GtkWidget *
add_property (GtkListBox *list,
              const char *caption,
              const char *value,
              const char *detail)
{
  GtkWidget *box;
  GtkWidget *caption_label;
  GtkWidget *value_label;

  if (value == NULL || value[0] == '\0')
    return NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  caption_label = make_label (caption, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (box), caption_label);

  value_label = make_label (value, NULL);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);
  gtk_box_append (GTK_BOX (box), value_label);

  if (detail != NULL && detail[0] != '\0')
    {
      GtkWidget *detail_label = make_label (detail, "dim-label");

      gtk_widget_add_css_class (detail_label, "caption");
      gtk_label_set_selectable (GTK_LABEL (detail_label), TRUE);
      gtk_box_append (GTK_BOX (box), detail_label);
    }

  return make_row (list, box);
}

/* A row with a title and a dim line below it: a person, a source. */
static GtkWidget *
add_entry (GtkListBox *list,
           const char *title,
           const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = make_label (title, NULL);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL && subtitle[0] != '\0')
    {
      label = make_label (subtitle, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }

  make_row (list, box);

  return box;
}

/* A row with a name and a count at the end, for the selection summary. */
static void
add_count (GtkListBox *list,
           const char *name,
           guint       count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = make_label (name, NULL);
  g_autofree char *number = g_strdup_printf ("%'u", count);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (label), FALSE);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  make_row (list, box);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
list_is_empty (GtkListBox *list)
{
  return gtk_widget_get_first_child (GTK_WIDGET (list)) == NULL;
}

/* Text of the fields ------------------------------------------------------- */

static char *
join_countries (const char * const *codes)
{
  return accords_country_join_localized (codes, ", ");
}

static char *
describe_venue (AccordsRecord *record)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *country = accords_record_get_venue_country (record);

  if (accords_record_get_venue_forum (record) != NULL)
    g_ptr_array_add (parts, g_strdup (accords_record_get_venue_forum (record)));
  if (accords_record_get_venue_city (record) != NULL)
    g_ptr_array_add (parts, g_strdup (accords_record_get_venue_city (record)));
  if (country != NULL)
    g_ptr_array_add (parts, accords_country_dup_localized_name (country));
  if (accords_record_get_venue_virtual (record))
    g_ptr_array_add (parts, g_strdup (_("by video conference")));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
describe_figure_value (AccordsFigure *figure)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (accords_figure_get_text (figure) != NULL)
    g_string_append (text, accords_figure_get_text (figure));
  else if (accords_figure_get_has_value (figure))
    {
      if (accords_figure_get_value_is_integer (figure))
        g_string_append_printf (text, "%'.0f", accords_figure_get_value (figure));
      else
        g_string_append_printf (text, "%'g", accords_figure_get_value (figure));

      if (accords_figure_get_unit (figure) != NULL)
        g_string_append_printf (text, " %s", accords_figure_get_unit (figure));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sections of a record ----------------------------------------------------- */

static void
fill_event (AccordsDetailPane *self,
            AccordsRecord     *record)
{
  g_autofree char *date = accords_format_event_date (record);
  g_autofree char *as_reported = NULL;
  g_autofree char *venue = describe_venue (record);
  g_autofree char *parties = join_countries (accords_record_get_parties (record));
  g_autofree char *mentioned = join_countries (accords_record_get_mentioned (record));
  g_autofree char *topics = accords_topic_join_labels (accords_record_get_topics (record), ", ");
  const char *reported = accords_record_get_date_as_reported (record);

  if (reported != NULL && reported[0] != '\0')
    /* Translators: the words a report used for the date, e.g. “on Tuesday” */
    as_reported = g_strdup_printf (_("Reported as “%s”"), reported);

  clear_list (self->event_list);
  add_property (self->event_list, _("Date"), date, as_reported);
  add_property (self->event_list, _("Venue"), venue, NULL);
  add_property (self->event_list, _("Parties"), parties, NULL);
  add_property (self->event_list, _("Also mentioned"), mentioned, NULL);
  add_property (self->event_list, _("Topics"), topics, NULL);

  gtk_widget_set_visible (self->event_group, !list_is_empty (self->event_list));
}

static void
fill_people (AccordsDetailPane *self,
             AccordsRecord     *record)
{
  GListModel *people = accords_record_get_people (record);
  guint n = g_list_model_get_n_items (people);

  clear_list (self->people_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      const char *role = accords_person_get_role (person);
      const char *code = accords_person_get_country (person);
      g_autofree char *country = code != NULL ? accords_country_dup_localized_name (code) : NULL;
      g_autofree char *detail = NULL;

      if (role != NULL && role[0] != '\0' && country != NULL)
        /* Translators: a person's title, then the country they represent */
        detail = g_strdup_printf (_("%s · %s"), role, country);
      else if (role != NULL && role[0] != '\0')
        detail = g_strdup (role);
      else
        detail = g_steal_pointer (&country);

      add_entry (self->people_list, accords_person_get_name (person), detail);
    }

  gtk_widget_set_visible (self->people_group, n > 0);
}

static void
fill_organizations (AccordsDetailPane *self,
                    AccordsRecord     *record)
{
  const char * const *orgs = accords_record_get_organizations (record);

  clear_list (self->orgs_list);

  for (guint i = 0; orgs[i] != NULL; i++)
    add_entry (self->orgs_list, orgs[i], NULL);

  gtk_widget_set_visible (self->orgs_group, orgs[0] != NULL);
}

static void
fill_figures (AccordsDetailPane *self,
              AccordsRecord     *record)
{
  GListModel *figures = accords_record_get_figures (record);
  guint n = g_list_model_get_n_items (figures);

  clear_list (self->figures_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsFigure) figure = g_list_model_get_item (figures, i);
      g_autofree char *value = describe_figure_value (figure);
      g_autofree char *year = NULL;

      if (accords_figure_get_year (figure) != 0)
        /* Translators: the year a figure refers to */
        year = g_strdup_printf (_("In %d"), accords_figure_get_year (figure));

      if (value[0] == '\0')
        add_entry (self->figures_list, accords_figure_get_what (figure), year);
      else
        add_property (self->figures_list, accords_figure_get_what (figure), value, year);
    }

  gtk_widget_set_visible (self->figures_group, n > 0);
}

static void
on_open_link_clicked_cb (GtkButton *button,
                         gpointer   user_data)
{
  const char *url = g_object_get_data (G_OBJECT (button), "url");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, url, GDK_CURRENT_TIME);
}

static gboolean
is_web_link (const char *url)
{
  g_autofree char *scheme = NULL;

  if (url == NULL)
    return FALSE;

  scheme = g_uri_parse_scheme (url);

  return g_ascii_strcasecmp (scheme ?: "", "https") == 0 ||
         g_ascii_strcasecmp (scheme ?: "", "http") == 0;
}

static void
add_source (GtkListBox    *list,
            AccordsSource *source)
{
  g_autofree char *published = NULL;
  g_autoptr(GString) heading = g_string_new (NULL);
  const char *outlet = accords_source_get_outlet (source);
  const char *title = accords_source_get_title (source);
  const char *url = accords_source_get_url (source);
  const char *text = accords_source_get_text (source);
  const char *file = accords_source_get_file (source);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  published = accords_format_iso_date (accords_source_get_published (source));

  g_string_append (heading, outlet != NULL && outlet[0] != '\0' ? outlet : _("Unknown outlet"));
  if (published != NULL && published[0] != '\0')
    g_string_append_printf (heading, " · %s", published);

  label = make_label (heading->str, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (texts), label);

  if (title != NULL && title[0] != '\0')
    {
      label = make_label (title, NULL);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (texts), label);
    }

  if (file != NULL)
    {
      g_autofree char *imported = g_strdup_printf (_("Imported from %s"), file);

      label = make_label (imported, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (top), texts);

  if (is_web_link (url))
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "adw-external-link-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Open Report"));
      gtk_button_set_child (GTK_BUTTON (button), content);
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, url);
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_link_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (top), button);
    }

  gtk_box_append (GTK_BOX (box), top);

  if (text != NULL && text[0] != '\0')
    {
      GtkWidget *expander = gtk_expander_new (_("Article Text"));

      label = make_label (text, "article-text");
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_set_margin_top (label, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), label);
      gtk_widget_set_margin_top (expander, 4);
      gtk_box_append (GTK_BOX (box), expander);
    }

  make_row (list, box);
}

static void
fill_sources (AccordsDetailPane *self,
              AccordsRecord     *record)
{
  GListModel *sources = accords_record_get_sources (record);
  guint n = g_list_model_get_n_items (sources);

  clear_list (self->sources_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);

      add_source (self->sources_list, source);
    }

  gtk_widget_set_visible (self->sources_group, n > 0);
}

static void
show_record (AccordsDetailPane *self)
{
  AccordsRecord *record = self->record;
  g_autofree char *date = accords_format_event_date (record);
  g_autofree char *parties = accords_format_parties (record);
  g_autofree char *subtitle = NULL;
  const char *summary = accords_record_get_summary (record);

  gtk_label_set_text (self->kind_label, accords_kind_get_label (accords_record_get_kind (record)));
  gtk_label_set_text (self->title_label, accords_record_get_title (record));

  if (parties[0] != '\0')
    /* Translators: the date of an event and its parties, e.g.
     * "25–27 February 2025 · Iran – Serbia" */
    subtitle = g_strdup_printf (_("%s · %s"), date, parties);
  else
    subtitle = g_steal_pointer (&date);
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');

  fill_event (self, record);
  fill_people (self, record);
  fill_organizations (self, record);
  fill_figures (self, record);
  fill_sources (self, record);
  accords_annotation_editor_set_record (self->annotation_editor, record);

  gtk_stack_set_visible_child_name (self->stack, "record");
}

/* The summary of a selection ----------------------------------------------- */

typedef struct
{
  const char *key;
  guint       count;
} Tally;

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const Tally *ta = a;
  const Tally *tb = b;

  if (ta->count != tb->count)
    return ta->count > tb->count ? -1 : 1;

  return g_strcmp0 (ta->key, tb->key);
}

static void
count_key (GHashTable *table,
           const char *key)
{
  gpointer count = g_hash_table_lookup (table, key);

  g_hash_table_replace (table, g_strdup (key), GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

/* Fills @list with the most frequent keys of @table, named by @name_func,
 * and hides @group when there are none. Returns how many were left out. */
static guint
fill_tallies (GtkListBox  *list,
              GtkWidget   *group,
              GHashTable  *table,
              char      *(*name_func) (const char *key))
{
  g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (Tally));
  GHashTableIter iter;
  gpointer key, value;

  clear_list (list);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally tally = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (tallies, tally);
    }

  g_array_sort (tallies, compare_tallies);

  for (guint i = 0; i < MIN (tallies->len, MAX_SUMMARY_ROWS); i++)
    {
      const Tally *tally = &g_array_index (tallies, Tally, i);
      g_autofree char *name = name_func (tally->key);

      add_count (list, name, tally->count);
    }

  gtk_widget_set_visible (group, tallies->len > 0);

  return tallies->len > MAX_SUMMARY_ROWS ? tallies->len - MAX_SUMMARY_ROWS : 0;
}

static void
add_more (GtkListBox *list,
          char       *text)
{
  g_autofree char *owned = text;
  GtkWidget *box;

  if (owned == NULL)
    return;

  box = add_entry (list, owned, NULL);
  gtk_widget_add_css_class (gtk_widget_get_first_child (box), "dim-label");
}

static char *
country_name (const char *code)
{
  return accords_country_dup_localized_name (code);
}

static char *
topic_name (const char *id)
{
  const char *label = accords_topic_get_label_for (id);

  return g_strdup (label != NULL ? label : id);
}

static char *
kind_name (const char *id)
{
  AccordsKind kind;

  if (!accords_kind_from_string (id, &kind))
    return g_strdup (id);

  return g_strdup (accords_kind_get_label (kind));
}

static char *
format_day (const char           *iso,
            AccordsDatePrecision  precision)
{
  return accords_format_date (iso, NULL, precision, ACCORDS_DATE_QUALIFIER_EXACT);
}

static void
show_summary (AccordsDetailPane *self)
{
  GtkSelectionModel *selection = accords_session_get_selection (self->session);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
  g_autoptr(GHashTable) countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) topics = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *title = NULL;
  AccordsDatePrecision first_precision = ACCORDS_DATE_PRECISION_DAY;
  AccordsDatePrecision last_precision = ACCORDS_DATE_PRECISION_DAY;
  guint64 n_selected = gtk_bitset_get_size (selected);
  guint n_read = 0;
  guint rest;
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok && n_read < MAX_SUMMARY_RECORDS;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(AccordsRecord) record = g_list_model_get_item (G_LIST_MODEL (selection), position);
      const char * const *parties;
      const char * const *record_topics;
      const char *start;
      const char *end;

      if (record == NULL)
        continue;

      n_read++;

      parties = accords_record_get_parties (record);
      for (guint i = 0; parties[i] != NULL; i++)
        count_key (countries, parties[i]);

      record_topics = accords_record_get_topics (record);
      for (guint i = 0; record_topics[i] != NULL; i++)
        count_key (topics, record_topics[i]);

      count_key (kinds, accords_kind_to_string (accords_record_get_kind (record)));

      /* ISO dates compare as strings. */
      start = accords_record_get_event_date (record);
      end = accords_record_get_event_end (record);
      if (end == NULL || g_strcmp0 (end, start) < 0)
        end = start;

      if (start != NULL && (first == NULL || strcmp (start, first) < 0))
        {
          g_free (first);
          first = g_strdup (start);
          first_precision = accords_record_get_date_precision (record);
        }

      if (end != NULL && (last == NULL || strcmp (end, last) > 0))
        {
          g_free (last);
          last = g_strdup (end);
          last_precision = end == start ? accords_record_get_date_precision (record)
                                        : ACCORDS_DATE_PRECISION_DAY;
        }
    }

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%'u Record Selected", "%'u Records Selected",
                                        (gulong) MIN (n_selected, G_MAXUINT)),
                           (guint) MIN (n_selected, G_MAXUINT));
  gtk_label_set_text (self->several_title, title);

  if (first != NULL)
    {
      g_autofree char *from = format_day (first, first_precision);
      g_autofree char *to = format_day (last, last_precision);
      g_autofree char *span = NULL;

      if (g_strcmp0 (from, to) == 0)
        span = g_steal_pointer (&from);
      else
        /* Translators: the earliest and the latest date of the selected records */
        span = g_strdup_printf (_("%s – %s"), from, to);

      gtk_label_set_text (self->several_span, span);
    }
  else
    {
      gtk_label_set_text (self->several_span, _("No dates known"));
    }

  if (n_read < n_selected)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Figures for the first %'u record",
                                                            "Figures for the first %'u records",
                                                            n_read),
                                               n_read);

      gtk_label_set_text (self->several_note, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->several_note), n_read < n_selected);

  rest = fill_tallies (self->countries_list, self->countries_group, countries, country_name);
  if (rest > 0)
    /* Translators: the last row of the list of countries of a selection */
    add_more (self->countries_list,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u more country", "%'u more countries", rest),
                               rest));

  rest = fill_tallies (self->topics_list, self->topics_group, topics, topic_name);
  if (rest > 0)
    /* Translators: the last row of the list of topics of a selection */
    add_more (self->topics_list,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u more topic", "%'u more topics", rest),
                               rest));

  rest = fill_tallies (self->kinds_list, self->kinds_group, kinds, kind_name);
  if (rest > 0)
    /* Translators: the last row of the list of kinds of a selection */
    add_more (self->kinds_list,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%'u more kind", "%'u more kinds", rest),
                               rest));

  gtk_stack_set_visible_child_name (self->stack, "several");
}

static gboolean
show_summary_cb (gpointer user_data)
{
  AccordsDetailPane *self = user_data;

  self->summary_source = 0;

  if (self->record == NULL && accords_session_get_n_selected (self->session) > 1)
    show_summary (self);

  return G_SOURCE_REMOVE;
}

static void
update (AccordsDetailPane *self)
{
  AccordsRecord *selected = accords_session_get_selected_record (self->session);
  guint n_selected = accords_session_get_n_selected (self->session);
  g_autoptr(AccordsRecord) record = NULL;

  if (selected != NULL)
    {
      g_autoptr(GError) error = NULL;

      /* One indexed record with its children: well under a millisecond. */
      record = accords_store_load_record (accords_session_get_store (self->session),
                                          accords_record_get_id (selected), &error);
      if (record == NULL)
        g_debug ("Could not load record: %s", error->message);
    }

  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);

  /* Leaving a record writes its pending note. */
  if (self->record == NULL)
    accords_annotation_editor_set_record (self->annotation_editor, NULL);

  if (self->record != NULL)
    {
      g_clear_handle_id (&self->summary_source, g_source_remove);
      show_record (self);
    }
  else if (n_selected > 1)
    {
      /* Once for a burst of changes (Shift+arrows, a re-sort). */
      if (self->summary_source == 0)
        self->summary_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_summary_cb,
                                                self, NULL);
    }
  else
    {
      g_clear_handle_id (&self->summary_source, g_source_remove);
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

/* Changes to the whole selection ------------------------------------------- */

static void
show_toast (AccordsDetailPane *self,
            AdwToast          *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
}

static void
show_error (AccordsDetailPane *self,
            const GError      *error)
{
  g_autofree char *title = NULL;

  /* Translators: %s says why, e.g. "database is locked" */
  title = g_strdup_printf (_("Could not change the selected records: %s"), error->message);
  show_toast (self, adw_toast_new (title));
}

static void
star_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AccordsDetailPane *self = ACCORDS_DETAIL_PANE (widget);
  g_autoptr(GError) error = NULL;

  if (!accords_session_star_selection (self->session, g_str_equal (action_name, "selection.star"),
                                       &error))
    show_error (self, error);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AccordsDetailPane *self = ACCORDS_DETAIL_PANE (widget);
  g_autoptr(GError) error = NULL;
  AccordsReview review;

  if (!accords_review_from_string (g_variant_get_string (parameter, NULL), &review))
    return;

  if (!accords_session_review_selection (self->session, review, &error))
    show_error (self, error);
}

static void
on_tag_popover_show_cb (AccordsDetailPane *self,
                        GtkPopover        *popover)
{
  gtk_widget_grab_focus (gtk_popover_get_child (popover));
}

static char *
take_tag_name (GtkEntry *entry)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");

  return name[0] != '\0' ? g_steal_pointer (&name) : NULL;
}

static void
on_add_tag_entry_activate_cb (AccordsDetailPane *self,
                              GtkEntry          *entry)
{
  g_autofree char *name = take_tag_name (entry);
  g_autoptr(GError) error = NULL;

  gtk_menu_button_popdown (self->add_tag_button);

  if (name != NULL && !accords_session_tag_selection (self->session, name, TRUE, &error))
    show_error (self, error);
}

static void
on_remove_tag_entry_activate_cb (AccordsDetailPane *self,
                                 GtkEntry          *entry)
{
  g_autofree char *name = take_tag_name (entry);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  gtk_menu_button_popdown (self->remove_tag_button);

  if (name == NULL)
    return;

  toast = accords_untag_selection (self->session, name, &error);
  if (error != NULL)
    show_error (self, error);
  else if (toast != NULL)
    show_toast (self, toast);
}

/* Signal callbacks --------------------------------------------------------- */

static void
on_selection_notify_cb (AccordsDetailPane *self,
                        GParamSpec        *pspec,
                        AccordsSession    *session)
{
  update (self);
}

static void
on_selection_changed_cb (AccordsDetailPane *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  /* Several selected and still several: the summary changes. */
  if (self->record == NULL && accords_session_get_n_selected (self->session) > 1)
    update (self);
}

/* GObject ------------------------------------------------------------------ */

static void
accords_detail_pane_constructed (GObject *object)
{
  AccordsDetailPane *self = (AccordsDetailPane *) object;

  G_OBJECT_CLASS (accords_detail_pane_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  self->annotation_editor = ACCORDS_ANNOTATION_EDITOR (accords_annotation_editor_new (self->session));
  gtk_box_append (self->annotation_box, GTK_WIDGET (self->annotation_editor));

  g_signal_connect_object (self->session, "notify::selected-record",
                           G_CALLBACK (on_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::n-selected",
                           G_CALLBACK (on_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (accords_session_get_selection (self->session), "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
accords_detail_pane_dispose (GObject *object)
{
  AccordsDetailPane *self = (AccordsDetailPane *) object;

  g_clear_handle_id (&self->summary_source, g_source_remove);

  /* Nothing may call back into a pane whose children are gone. */
  if (self->session != NULL)
    {
      GObject *selection = G_OBJECT (accords_session_get_selection (self->session));

      g_signal_handlers_disconnect_by_data (self->session, self);
      if (selection != NULL)
        g_signal_handlers_disconnect_by_data (selection, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_DETAIL_PANE);
  g_clear_object (&self->record);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (accords_detail_pane_parent_class)->dispose (object);
}

static void
accords_detail_pane_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsDetailPane *self = ACCORDS_DETAIL_PANE (object);

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
accords_detail_pane_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsDetailPane *self = ACCORDS_DETAIL_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_detail_pane_class_init (AccordsDetailPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_detail_pane_constructed;
  object_class->dispose = accords_detail_pane_dispose;
  object_class->get_property = accords_detail_pane_get_property;
  object_class->set_property = accords_detail_pane_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsDetailPane:record:
   *
   * The record shown, with every field loaded; %NULL when none or several
   * are selected.
   */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL,
                         ACCORDS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-detail-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, several_title);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, several_span);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, several_note);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, countries_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, countries_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, topics_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, topics_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, kinds_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, kinds_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, add_tag_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, add_tag_entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, remove_tag_button);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, remove_tag_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_add_tag_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tag_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_tag_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "selection.star", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "selection.unstar", NULL, star_action);
  gtk_widget_class_install_action (widget_class, "selection.review", "s", review_action);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, event_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, event_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, people_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, people_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, orgs_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, orgs_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, figures_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, figures_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, sources_group);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, sources_list);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, annotation_box);
}

static void
accords_detail_pane_init (AccordsDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * accords_detail_pane_new:
 * @session: the window's session
 *
 * Returns: (transfer floating): a new pane showing the session's selection
 */
GtkWidget *
accords_detail_pane_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_DETAIL_PANE, "session", session, NULL);
}

/**
 * accords_detail_pane_get_record:
 *
 * Returns: (nullable) (transfer none): the record shown
 */
AccordsRecord *
accords_detail_pane_get_record (AccordsDetailPane *self)
{
  g_return_val_if_fail (ACCORDS_IS_DETAIL_PANE (self), NULL);

  return self->record;
}
