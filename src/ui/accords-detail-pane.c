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

#include "accords-country.h"
#include "accords-detail-pane.h"
#include "accords-figure.h"
#include "accords-format.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"
#include "accords-topic.h"

/* Every field of the selected record. All of it is user data, so every
 * label gets plain text (gtk_label_set_text), never markup. */
struct _AccordsDetailPane
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  AdwStatusPage  *several_page;
  GtkLabel       *title_label;
  GtkLabel       *subtitle_label;
  GtkGrid        *facts_grid;
  GtkLabel       *summary_label;
  GtkLabel       *sources_heading;
  GtkListBox     *sources_list;

  /* owned */
  AccordsSession *session;
  AccordsRecord  *record; /* the full record shown */
};

G_DEFINE_FINAL_TYPE (AccordsDetailPane, accords_detail_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

static void
add_fact (AccordsDetailPane *self,
          int               *row,
          const char        *caption,
          const char        *value)
{
  GtkWidget *caption_label;
  GtkWidget *value_label;

  if (value == NULL || value[0] == '\0')
    return;

  caption_label = gtk_label_new (caption);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 1);
  gtk_label_set_yalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "dim-label");

  value_label = make_value_label (value);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption_label, NULL,
                                  -1);

  gtk_grid_attach (self->facts_grid, caption_label, 0, *row, 1, 1);
  gtk_grid_attach (self->facts_grid, value_label, 1, *row, 1, 1);
  (*row)++;
}

static char *
join_countries (const char * const *codes)
{
  return accords_country_join_localized (codes, ", ");
}

static char *
describe_people (AccordsRecord *record)
{
  GListModel *people = accords_record_get_people (record);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      const char *role = accords_person_get_role (person);
      const char *country = accords_person_get_country (person);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      g_string_append (text, accords_person_get_name (person));

      if (role != NULL && country != NULL)
        {
          g_autofree char *name = accords_country_dup_localized_name (country);

          /* Translators: a person's title and the country they represent */
          g_string_append_printf (text, _(", %s (%s)"), role, name);
        }
      else if (role != NULL)
        g_string_append_printf (text, ", %s", role);
      else if (country != NULL)
        {
          g_autofree char *name = accords_country_dup_localized_name (country);

          g_string_append_printf (text, " (%s)", name);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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
describe_figures (AccordsRecord *record)
{
  GListModel *figures = accords_record_get_figures (record);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsFigure) figure = g_list_model_get_item (figures, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');

      g_string_append (text, accords_figure_get_what (figure));
      g_string_append (text, ": ");

      if (accords_figure_get_text (figure) != NULL)
        g_string_append (text, accords_figure_get_text (figure));
      else if (accords_figure_get_has_value (figure))
        {
          g_string_append_printf (text, "%'g", accords_figure_get_value (figure));
          if (accords_figure_get_unit (figure) != NULL)
            g_string_append_printf (text, " %s", accords_figure_get_unit (figure));
        }

      if (accords_figure_get_year (figure) != 0)
        g_string_append_printf (text, " (%d)", accords_figure_get_year (figure));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
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

  return g_strcmp0 (scheme, "https") == 0 || g_strcmp0 (scheme, "http") == 0;
}

static GtkWidget *
make_source_row (AccordsSource *source)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autoptr(GString) heading = g_string_new (NULL);
  g_autofree char *published = accords_format_iso_date (accords_source_get_published (source));
  const char *url = accords_source_get_url (source);
  const char *text = accords_source_get_text (source);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  g_string_append (heading, accords_source_get_outlet (source) ?: _("Unknown outlet"));
  if (published != NULL)
    g_string_append_printf (heading, " · %s", published);

  label = make_value_label (heading->str);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);

  if (accords_source_get_title (source) != NULL)
    gtk_box_append (GTK_BOX (box), make_value_label (accords_source_get_title (source)));

  if (accords_source_get_file (source) != NULL)
    {
      g_autofree char *file = g_strdup_printf (_("Imported from %s"), accords_source_get_file (source));

      label = make_value_label (file);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  if (is_web_link (url))
    {
      GtkWidget *button = gtk_button_new_with_label (_("Open Report"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, url);
      g_object_set_data_full (G_OBJECT (button), "url", g_strdup (url), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_open_link_clicked_cb), NULL);
      gtk_box_append (GTK_BOX (box), button);
    }

  if (text != NULL && text[0] != '\0')
    {
      GtkWidget *expander = gtk_expander_new (_("Article Text"));

      label = make_value_label (text);
      gtk_widget_set_margin_top (label, 6);
      gtk_expander_set_child (GTK_EXPANDER (expander), label);
      gtk_box_append (GTK_BOX (box), expander);
    }

  return row;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
    }
}

static void
show_record (AccordsDetailPane *self)
{
  AccordsRecord *record = self->record;
  GListModel *sources = accords_record_get_sources (record);
  g_autofree char *date = accords_format_event_date (record);
  g_autofree char *subtitle = NULL;
  g_autofree char *parties = join_countries (accords_record_get_parties (record));
  g_autofree char *mentioned = join_countries (accords_record_get_mentioned (record));
  g_autofree char *people = describe_people (record);
  g_autofree char *orgs = g_strjoinv (", ", (char **) accords_record_get_organizations (record));
  g_autofree char *venue = describe_venue (record);
  g_autofree char *topics = accords_topic_join_labels (accords_record_get_topics (record), ", ");
  g_autofree char *figures = describe_figures (record);
  const char *summary = accords_record_get_summary (record);
  guint n_sources = g_list_model_get_n_items (sources);
  int row = 0;

  gtk_label_set_text (self->title_label, accords_record_get_title (record));

  /* Translators: the kind of event and its date, e.g. "Visit · 25–27 February 2025" */
  subtitle = g_strdup_printf (_("%s · %s"),
                              accords_kind_get_label (accords_record_get_kind (record)),
                              date);
  gtk_label_set_text (self->subtitle_label, subtitle);

  clear_container (GTK_WIDGET (self->facts_grid));
  add_fact (self, &row, _("Parties"), parties);
  add_fact (self, &row, _("Date"), date);
  add_fact (self, &row, _("As reported"), accords_record_get_date_as_reported (record));
  add_fact (self, &row, _("Venue"), venue);
  add_fact (self, &row, _("People"), people);
  add_fact (self, &row, _("Organisations"), orgs);
  add_fact (self, &row, _("Topics"), topics);
  add_fact (self, &row, _("Also mentioned"), mentioned);
  add_fact (self, &row, _("Figures"), figures);

  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && summary[0] != '\0');

  clear_container (GTK_WIDGET (self->sources_list));
  for (guint i = 0; i < n_sources; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);

      gtk_list_box_append (self->sources_list, make_source_row (source));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sources_heading), n_sources > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sources_list), n_sources > 0);

  gtk_stack_set_visible_child_name (self->stack, "record");
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

  if (self->record != NULL)
    {
      show_record (self);
    }
  else if (n_selected > 1)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%u Record Selected",
                                                             "%u Records Selected",
                                                             n_selected),
                                                n_selected);

      adw_status_page_set_title (self->several_page, title);
      gtk_stack_set_visible_child_name (self->stack, "several");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
    }
}

static void
on_selection_notify_cb (AccordsDetailPane *self,
                        GParamSpec        *pspec,
                        AccordsSession    *session)
{
  update (self);
}

static void
accords_detail_pane_constructed (GObject *object)
{
  AccordsDetailPane *self = (AccordsDetailPane *) object;

  G_OBJECT_CLASS (accords_detail_pane_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  g_signal_connect_object (self->session, "notify::selected-record",
                           G_CALLBACK (on_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::n-selected",
                           G_CALLBACK (on_selection_notify_cb), self, G_CONNECT_SWAPPED);
  update (self);
}

static void
accords_detail_pane_dispose (GObject *object)
{
  AccordsDetailPane *self = (AccordsDetailPane *) object;

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
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, several_page);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, facts_grid);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, AccordsDetailPane, sources_list);
}

static void
accords_detail_pane_init (AccordsDetailPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

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
