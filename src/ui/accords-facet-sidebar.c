/* accords-facet-sidebar.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-facet-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-country.h"
#include "accords-facet-sidebar.h"
#include "accords-facets.h"
#include "accords-query.h"
#include "accords-topic.h"

/* The facet sidebar: for each facet (countries, topics, kinds, years, tags)
 * a heading and a list of the values the current result has, with their
 * counts. Clicking a row toggles its term in the session's query; a
 * country row also toggles "with:" (the other party of a dyad).
 *
 * The rows are rebuilt from the session's facet counts whenever a new
 * result has been counted; when only the query changed, the rows keep
 * their counts and just follow which terms are active. A section shows
 * COLLAPSED_ROWS rows (plus any active ones) until "Show All" is clicked,
 * and never more than EXPANDED_ROWS. */

#define COLLAPSED_ROWS 8
#define EXPANDED_ROWS  300

typedef struct
{
  /* template widgets */
  GtkWidget    *box;
  GtkWidget    *heading;
  GtkListBox   *list;
  GtkButton    *more;

  guint         expanded : 1;
} Section;

struct _AccordsFacetSidebar
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkStack       *stack;
  GtkSpinner     *spinner;
  GtkWidget      *empty_label;
  GtkBox         *with_box;
  Section         sections[ACCORDS_FACET_N_FACETS];

  /* owned */
  AccordsSession *session;
};

/* What a row stands for; set on each GtkListBoxRow. */
typedef struct
{
  AccordsFacet     facet;
  char            *value;
  GtkWidget       *check;  /* borrowed: child of the row */
  GtkToggleButton *with;   /* borrowed: child of the row, country rows only */
} RowData;

#define ROW_DATA_KEY "accords-facet-row"

/* The facets in the order the sidebar shows them (the enum's order), with
 * the query field each one toggles. */
static const AccordsQueryField facet_fields[ACCORDS_FACET_N_FACETS] = {
  [ACCORDS_FACET_COUNTRY] = ACCORDS_QUERY_FIELD_COUNTRY,
  [ACCORDS_FACET_TOPIC]   = ACCORDS_QUERY_FIELD_TOPIC,
  [ACCORDS_FACET_KIND]    = ACCORDS_QUERY_FIELD_KIND,
  [ACCORDS_FACET_YEAR]    = ACCORDS_QUERY_FIELD_YEAR,
  [ACCORDS_FACET_TAG]     = ACCORDS_QUERY_FIELD_TAG,
};

G_DEFINE_FINAL_TYPE (AccordsFacetSidebar, accords_facet_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_data_free (RowData *data)
{
  g_free (data->value);
  g_free (data);
}

static RowData *
get_row_data (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_DATA_KEY);
}

/* The name a facet value is shown by; a new string. */
static char *
dup_value_label (AccordsFacet  facet,
                 const char   *value)
{
  const char *label = NULL;
  AccordsKind kind;

  switch (facet)
    {
    case ACCORDS_FACET_COUNTRY:
      {
        char *name = accords_country_dup_localized_name (value);

        return name != NULL ? name : g_strdup (value);
      }

    case ACCORDS_FACET_TOPIC:
      label = accords_topic_get_label_for (value);
      break;

    case ACCORDS_FACET_KIND:
      if (accords_kind_from_string (value, &kind))
        label = accords_kind_get_label (kind);
      break;

    case ACCORDS_FACET_YEAR:
    case ACCORDS_FACET_TAG:
      break;

    default:
      g_assert_not_reached ();
    }

  return g_strdup (label != NULL ? label : value);
}

/* The values of the query's plain (not negated) terms of @field, in the
 * order they were written. */
static GPtrArray *
dup_active_values (AccordsQuery      *query,
                   AccordsQueryField  field)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  guint n_groups = accords_query_get_n_groups (query);

  for (guint group = 0; group < n_groups; group++)
    {
      guint size = accords_query_get_group_size (query, group);

      for (guint i = 0; i < size; i++)
        {
          const AccordsQueryTerm *term = accords_query_get_term (query, group, i);

          if (term->field == field && !term->negated)
            g_ptr_array_add (values, g_strdup (term->value));
        }
    }

  return values;
}

static void
clear_children (GtkWidget *parent,
                gboolean   list_box)
{
  GtkWidget *child;

  /* GTK 4.8 has no gtk_list_box_remove_all (). */
  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (list_box)
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static void
update_row_state (AccordsFacetSidebar *self,
                  GtkWidget           *row)
{
  AccordsQuery *query = accords_session_get_query (self->session);
  RowData *data = get_row_data (row);
  gboolean active;

  active = accords_query_has_term (query, facet_fields[data->facet], data->value);

  gtk_widget_set_opacity (data->check, active ? 1.0 : 0.0);
  if (active)
    gtk_widget_set_state_flags (row, GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (row, GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_SELECTED, active,
                               -1);

  if (data->with != NULL)
    {
      gboolean with = accords_query_has_term (query, ACCORDS_QUERY_FIELD_WITH, data->value);

      gtk_toggle_button_set_active (data->with, with);
    }
}

static void
on_with_clicked_cb (AccordsFacetSidebar *self,
                    GtkToggleButton     *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);
  RowData *data = get_row_data (row);
  g_autofree char *value = g_strdup (data->value);
  g_autoptr(GtkToggleButton) keep = g_object_ref (button);
  gboolean active;

  /* The button toggled itself; the query decides. */
  active = accords_session_toggle_term (self->session, ACCORDS_QUERY_FIELD_WITH, value);
  gtk_toggle_button_set_active (button, active);
}

static GtkWidget *
create_row (AccordsFacetSidebar *self,
            AccordsFacet         facet,
            const char          *value,
            guint                count)
{
  g_autofree char *label = dup_value_label (facet, value);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *row_name = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *name_label;
  GtkWidget *count_label;
  RowData *data;

  data = g_new0 (RowData, 1);
  data->facet = facet;
  data->value = g_strdup (value);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  data->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_box_append (GTK_BOX (box), data->check);

  /* User data: plain text, never markup. */
  name_label = gtk_label_new (label);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_set_tooltip_text (name_label, label);
  gtk_box_append (GTK_BOX (box), name_label);

  count_label = gtk_label_new (count_text);
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), count_label);

  if (facet == ACCORDS_FACET_COUNTRY)
    {
      g_autofree char *with_label = NULL;
      GtkWidget *with;

      /* Translators: %s is a country; the button narrows the records to
       * those that country takes part in together with the country the
       * search already names. */
      with_label = g_strdup_printf (_("Only Together With %s"), label);

      with = gtk_toggle_button_new ();
      gtk_button_set_icon_name (GTK_BUTTON (with), "system-users-symbolic");
      gtk_widget_set_tooltip_text (with, with_label);
      gtk_widget_set_valign (with, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (with, "flat");
      gtk_widget_add_css_class (with, "circular");
      gtk_widget_add_css_class (with, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (with),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, with_label,
                                      -1);
      g_signal_connect_object (with, "clicked",
                               G_CALLBACK (on_with_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), with);
      data->with = GTK_TOGGLE_BUTTON (with);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_DATA_KEY, data, (GDestroyNotify) row_data_free);

  /* Translators: the accessible name of a row of the filter sidebar:
   * "Serbia, 2 records". */
  row_name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s, %u record", "%s, %u records", count),
                              label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_name,
                                  -1);

  update_row_state (self, row);

  return row;
}

static void
update_more_button (Section      *section,
                    AccordsFacet  facet,
                    guint         n_entries)
{
  /* The accessible names say which section the button opens. */
  static const struct {
    const char *show_all;
    const char *show_less;
  } names[ACCORDS_FACET_N_FACETS] = {
    [ACCORDS_FACET_COUNTRY] = { N_("Show All Countries"), N_("Show Fewer Countries") },
    [ACCORDS_FACET_TOPIC]   = { N_("Show All Topics"), N_("Show Fewer Topics") },
    [ACCORDS_FACET_KIND]    = { N_("Show All Kinds"), N_("Show Fewer Kinds") },
    [ACCORDS_FACET_YEAR]    = { N_("Show All Years"), N_("Show Fewer Years") },
    [ACCORDS_FACET_TAG]     = { N_("Show All Tags"), N_("Show Fewer Tags") },
  };
  g_autofree char *text = NULL;

  if (n_entries <= COLLAPSED_ROWS)
    {
      gtk_widget_set_visible (GTK_WIDGET (section->more), FALSE);
      return;
    }

  if (section->expanded)
    text = g_strdup (_("Show Less"));
  else
    /* Translators: %u is how many entries the section has in all. */
    text = g_strdup_printf (_("Show All (%u)"), n_entries);

  gtk_button_set_label (section->more, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->more),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(section->expanded ? names[facet].show_less
                                                      : names[facet].show_all),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (section->more), TRUE);
}

/* Which row (and whether its "with" button) has the keyboard focus, so
 * that a rebuild can give it back. */
static char *
dup_focused_value (AccordsFacetSidebar *self,
                   Section             *section,
                   gboolean            *on_with)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus;
  GtkWidget *row;
  RowData *data;

  *on_with = FALSE;

  if (root == NULL)
    return NULL;

  focus = gtk_root_get_focus (root);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (section->list)))
    return NULL;

  if (GTK_IS_LIST_BOX_ROW (focus))
    row = focus;
  else
    row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);
  if (row == NULL || (data = get_row_data (row)) == NULL)
    return NULL;

  *on_with = data->with != NULL && focus == GTK_WIDGET (data->with);

  return g_strdup (data->value);
}

static void
rebuild_section (AccordsFacetSidebar *self,
                 AccordsFacet         facet)
{
  Section *section = &self->sections[facet];
  AccordsFacetCounts *counts = accords_session_get_facet_counts (self->session);
  AccordsQuery *query = accords_session_get_query (self->session);
  g_autoptr(GPtrArray) active = NULL;
  g_autofree char *focused = NULL;
  GtkWidget *focus_row = NULL;
  gboolean focus_on_with;
  guint n_entries;
  guint shown = 0;

  focused = dup_focused_value (self, section, &focus_on_with);
  clear_children (GTK_WIDGET (section->list), TRUE);

  /* Most frequent first; years newest first (the counts' order). */
  n_entries = counts != NULL ? accords_facet_counts_get_n_entries (counts, facet) : 0;

  /* An active term the result has no record of (an OR, or a search that
   * matches nothing) still gets a row, so that it can be clicked away. */
  active = dup_active_values (query, facet_fields[facet]);
  for (guint i = 0; i < active->len; i++)
    {
      const char *value = g_ptr_array_index (active, i);
      GtkWidget *row;

      if (counts != NULL && accords_facet_counts_lookup (counts, facet, value) > 0)
        continue;

      row = create_row (self, facet, value, 0);
      gtk_list_box_append (section->list, row);
      if (focused != NULL && g_strcmp0 (focused, value) == 0)
        focus_row = row;
      shown++;
    }

  for (guint i = 0; i < n_entries; i++)
    {
      const AccordsFacetEntry *entry = accords_facet_counts_get_entry (counts, facet, i);
      guint limit = section->expanded ? EXPANDED_ROWS : COLLAPSED_ROWS;
      GtkWidget *row;

      if (i >= limit && !accords_query_has_term (query, facet_fields[facet], entry->value))
        continue;

      row = create_row (self, facet, entry->value, entry->count);
      gtk_list_box_append (section->list, row);
      if (focused != NULL && g_strcmp0 (focused, entry->value) == 0)
        focus_row = row;
      shown++;
    }

  update_more_button (section, facet, n_entries);
  gtk_widget_set_visible (section->box, shown > 0);

  if (focus_row != NULL)
    {
      RowData *data = get_row_data (focus_row);

      if (focus_on_with && data->with != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (data->with));
      else
        gtk_widget_grab_focus (focus_row);
    }
}

static void
on_with_chip_clicked_cb (AccordsFacetSidebar *self,
                         GtkButton           *chip)
{
  const char *value = g_object_get_data (G_OBJECT (chip), ROW_DATA_KEY);
  g_autofree char *copy = g_strdup (value);

  accords_session_toggle_term (self->session, ACCORDS_QUERY_FIELD_WITH, copy);
}

/* A chip per active with: term, above the countries: it says the dyad is
 * on, and a click takes it off. */
static void
update_with_chips (AccordsFacetSidebar *self)
{
  AccordsQuery *query = accords_session_get_query (self->session);
  g_autoptr(GPtrArray) values = dup_active_values (query, ACCORDS_QUERY_FIELD_WITH);
  Section *countries = &self->sections[ACCORDS_FACET_COUNTRY];
  gboolean has_rows;

  clear_children (GTK_WIDGET (self->with_box), FALSE);

  for (guint i = 0; i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autofree char *name = dup_value_label (ACCORDS_FACET_COUNTRY, value);
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *chip;
      GtkWidget *box;
      GtkWidget *label;

      text = g_strdup_printf (_("Only Together With %s"), name);
      /* Translators: the accessible name of the button that turns the
       * filter off; %s is "Only Together With Serbia". */
      accessible = g_strdup_printf (_("Remove Filter “%s”"), text);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("system-users-symbolic"));
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));

      chip = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (chip), box);
      gtk_widget_set_tooltip_text (chip, accessible);
      gtk_widget_add_css_class (chip, "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (chip), ROW_DATA_KEY, g_strdup (value), g_free);
      g_signal_connect_object (chip, "clicked",
                               G_CALLBACK (on_with_chip_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->with_box, chip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->with_box), values->len > 0);
  has_rows = gtk_widget_get_first_child (GTK_WIDGET (countries->list)) != NULL;
  gtk_widget_set_visible (countries->box, values->len > 0 || has_rows);
}

static void
update_empty (AccordsFacetSidebar *self)
{
  gboolean any = FALSE;

  for (guint facet = 0; facet < ACCORDS_FACET_N_FACETS; facet++)
    any |= gtk_widget_get_visible (self->sections[facet].box);
  gtk_widget_set_visible (self->empty_label, !any);
}

static void
update_page (AccordsFacetSidebar *self)
{
  AccordsFacetCounts *counts = accords_session_get_facet_counts (self->session);
  gboolean loading = accords_session_get_facets_loading (self->session);
  const char *page;

  if (counts != NULL)
    page = "facets";
  else if (loading)
    page = "loading";
  else
    page = "unavailable";

  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
rebuild (AccordsFacetSidebar *self)
{
  for (guint facet = 0; facet < ACCORDS_FACET_N_FACETS; facet++)
    rebuild_section (self, facet);

  update_with_chips (self);
  update_empty (self);
  update_page (self);
}

static void
on_session_facet_counts_notify_cb (AccordsFacetSidebar *self,
                                   GParamSpec          *pspec,
                                   AccordsSession      *session)
{
  rebuild (self);
}

static void
on_session_facets_loading_notify_cb (AccordsFacetSidebar *self,
                                     GParamSpec          *pspec,
                                     AccordsSession      *session)
{
  update_page (self);
}

static void
on_session_query_notify_cb (AccordsFacetSidebar *self,
                            GParamSpec          *pspec,
                            AccordsSession      *session)
{
  gboolean missing = FALSE;

  /* The counts follow with the new result; until then the rows keep
   * theirs and only show which terms are on. A newly active term without
   * a row (typed into the search) needs a rebuild to get one. */
  for (guint facet = 0; facet < ACCORDS_FACET_N_FACETS; facet++)
    {
      g_autoptr(GPtrArray) active = NULL;
      GtkWidget *child;

      for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sections[facet].list));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (get_row_data (child) != NULL)
            update_row_state (self, child);
        }

      active = dup_active_values (accords_session_get_query (session), facet_fields[facet]);
      for (guint i = 0; i < active->len && !missing; i++)
        {
          gboolean found = FALSE;

          for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sections[facet].list));
               child != NULL && !found;
               child = gtk_widget_get_next_sibling (child))
            {
              RowData *data = get_row_data (child);

              found = data != NULL && g_strcmp0 (data->value, g_ptr_array_index (active, i)) == 0;
            }

          missing = !found;
        }
    }

  if (missing)
    {
      rebuild (self);
    }
  else
    {
      update_with_chips (self);
      update_empty (self);
    }
}

static void
on_list_row_activated_cb (AccordsFacetSidebar *self,
                          GtkListBoxRow       *row,
                          GtkListBox          *list)
{
  RowData *data = get_row_data (GTK_WIDGET (row));
  g_autofree char *value = NULL;

  if (data == NULL)
    return;

  /* Toggling may rebuild the rows, and free data with them. */
  value = g_strdup (data->value);
  accords_session_toggle_term (self->session, facet_fields[data->facet], value);
}

static void
on_more_clicked_cb (AccordsFacetSidebar *self,
                    GtkButton           *button)
{
  for (guint facet = 0; facet < ACCORDS_FACET_N_FACETS; facet++)
    {
      Section *section = &self->sections[facet];

      if (section->more != button)
        continue;

      section->expanded = !section->expanded;
      rebuild_section (self, facet);
      gtk_widget_grab_focus (GTK_WIDGET (button));
      break;
    }
}

static void
accords_facet_sidebar_constructed (GObject *object)
{
  AccordsFacetSidebar *self = (AccordsFacetSidebar *) object;

  G_OBJECT_CLASS (accords_facet_sidebar_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  g_signal_connect_object (self->session, "notify::facet-counts",
                           G_CALLBACK (on_session_facet_counts_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::facets-loading",
                           G_CALLBACK (on_session_facets_loading_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::query",
                           G_CALLBACK (on_session_query_notify_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
accords_facet_sidebar_dispose (GObject *object)
{
  AccordsFacetSidebar *self = (AccordsFacetSidebar *) object;

  /* Nothing may call back into a sidebar whose children are gone. */
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_FACET_SIDEBAR);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (accords_facet_sidebar_parent_class)->dispose (object);
}

static void
accords_facet_sidebar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AccordsFacetSidebar *self = ACCORDS_FACET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_facet_sidebar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AccordsFacetSidebar *self = ACCORDS_FACET_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_SECTION(name, facet)                                                   \
  G_STMT_START {                                                                    \
    gtk_widget_class_bind_template_child_full (widget_class, name "_section", FALSE, \
      G_STRUCT_OFFSET (AccordsFacetSidebar, sections[facet].box));                  \
    gtk_widget_class_bind_template_child_full (widget_class, name "_heading", FALSE, \
      G_STRUCT_OFFSET (AccordsFacetSidebar, sections[facet].heading));              \
    gtk_widget_class_bind_template_child_full (widget_class, name "_list", FALSE,    \
      G_STRUCT_OFFSET (AccordsFacetSidebar, sections[facet].list));                 \
    gtk_widget_class_bind_template_child_full (widget_class, name "_more", FALSE,    \
      G_STRUCT_OFFSET (AccordsFacetSidebar, sections[facet].more));                 \
  } G_STMT_END

static void
accords_facet_sidebar_class_init (AccordsFacetSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_facet_sidebar_constructed;
  object_class->dispose = accords_facet_sidebar_dispose;
  object_class->get_property = accords_facet_sidebar_get_property;
  object_class->set_property = accords_facet_sidebar_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-facet-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsFacetSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AccordsFacetSidebar, spinner);
  gtk_widget_class_bind_template_child (widget_class, AccordsFacetSidebar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AccordsFacetSidebar, with_box);
  BIND_SECTION ("countries", ACCORDS_FACET_COUNTRY);
  BIND_SECTION ("topics", ACCORDS_FACET_TOPIC);
  BIND_SECTION ("kinds", ACCORDS_FACET_KIND);
  BIND_SECTION ("years", ACCORDS_FACET_YEAR);
  BIND_SECTION ("tags", ACCORDS_FACET_TAG);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked_cb);
}

static void
accords_facet_sidebar_init (AccordsFacetSidebar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * accords_facet_sidebar_new:
 * @session: the window's session
 *
 * Returns: (transfer full): a new sidebar of facets under @session's query
 */
GtkWidget *
accords_facet_sidebar_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_FACET_SIDEBAR, "session", session, NULL);
}

/**
 * accords_facet_sidebar_get_session:
 *
 * Returns: (transfer none): the session the sidebar filters
 */
AccordsSession *
accords_facet_sidebar_get_session (AccordsFacetSidebar *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_SIDEBAR (self), NULL);

  return self->session;
}
