/* accords-search-entry.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-search-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-query.h"
#include "accords-search-entry.h"

/* The search entry of a window: what the user types becomes the session's
 * query once it parses, 150 ms after the last key. (GtkSearchEntry's own
 * "search-changed" fires at once for empty text, which typing over a
 * selection passes through: the list would flash every record.) A query that does not parse leaves the session alone:
 * a label under the entry says why and the offending part is underlined.
 * When the query changes elsewhere (a facet is clicked), the entry shows
 * its text. */
struct _AccordsSearchEntry
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkSearchEntry  *entry;
  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;

  /* owned */
  AccordsSession  *session;
  gulong           query_handler;
  guint            apply_source;
};

#define APPLY_DELAY_MS 150

G_DEFINE_FINAL_TYPE (AccordsSearchEntry, accords_search_entry, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkText *
get_text_widget (AccordsSearchEntry *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->entry));

  return GTK_IS_TEXT (delegate) ? GTK_TEXT (delegate) : NULL;
}

static void
clear_error (AccordsSearchEntry *self)
{
  GtkText *text = get_text_widget (self);

  if (text != NULL)
    gtk_text_set_attributes (text, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  /* No stale message for a screen reader to find. */
  gtk_label_set_text (self->error_label, "");
}

static void
show_error (AccordsSearchEntry *self,
            const GError       *error,
            gsize               start,
            gsize               end)
{
  GtkText *text = get_text_widget (self);
  gsize length = strlen (gtk_editable_get_text (GTK_EDITABLE (self->entry)));

  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");

  /* A wavy underline under the part the parser could not read; the
   * selection is left alone, so typing on never eats text. */
  start = MIN (start, length);
  end = MIN (MAX (end, start), length);
  if (text != NULL && end > start)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *attr;

      attr = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_underline_color_new (0xe000, 0x1b00, 0x2400);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);

      gtk_text_set_attributes (text, attrs);
    }
  else if (text != NULL)
    gtk_text_set_attributes (text, NULL);
}

/* Parses the entry's text with the session's sort; NULL on error, which
 * is then shown. */
static AccordsQuery *
parse_text (AccordsSearchEntry *self,
            gboolean            report)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  AccordsQuery *current = accords_session_get_query (self->session);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gsize start = 0;
  gsize end = 0;

  query = accords_query_parse (text, &start, &end, &error);
  if (query == NULL)
    {
      if (report)
        show_error (self, error, start, end);
      return NULL;
    }

  if (current != NULL)
    accords_query_set_sort (query,
                            accords_query_get_sort_key (current),
                            accords_query_get_sort_descending (current));

  return g_steal_pointer (&query);
}

static void
apply_text (AccordsSearchEntry *self)
{
  g_autoptr(AccordsQuery) query = NULL;
  AccordsQuery *current;

  if (self->session == NULL)
    return;

  query = parse_text (self, TRUE);
  if (query == NULL)
    return;

  clear_error (self);

  current = accords_session_get_query (self->session);
  if (current != NULL && accords_query_equal (query, current))
    return;

  accords_session_set_query (self->session, query);
}

static gboolean
apply_text_cb (gpointer user_data)
{
  AccordsSearchEntry *self = user_data;

  self->apply_source = 0;
  apply_text (self);

  return G_SOURCE_REMOVE;
}

static void
apply_text_now (AccordsSearchEntry *self)
{
  g_clear_handle_id (&self->apply_source, g_source_remove);
  apply_text (self);
}

static void
on_entry_changed_cb (AccordsSearchEntry *self,
                     GtkEditable        *entry)
{
  GtkText *text = get_text_widget (self);

  /* The underline's offsets no longer fit the text; the label stays
   * until the next parse says whether the error is gone. */
  if (text != NULL)
    gtk_text_set_attributes (text, NULL);

  g_clear_handle_id (&self->apply_source, g_source_remove);
  self->apply_source = g_timeout_add (APPLY_DELAY_MS, apply_text_cb, self);
}

static void
on_entry_activate_cb (AccordsSearchEntry *self,
                      GtkSearchEntry     *entry)
{
  /* Enter searches at once, without waiting for the delay. */
  apply_text_now (self);
}

static void
on_entry_stop_search_cb (AccordsSearchEntry *self,
                         GtkSearchEntry     *entry)
{
  accords_search_entry_clear (self);
}

static void
on_session_query_notify_cb (AccordsSearchEntry *self,
                            GParamSpec         *pspec,
                            AccordsSession     *session)
{
  g_autoptr(AccordsQuery) shown = NULL;
  g_autofree char *text = NULL;
  AccordsQuery *query = accords_session_get_query (session);

  if (query == NULL)
    return;

  /* The entry already says this (the user typed it, or only the sort
   * changed): keep the user's spelling and cursor. */
  shown = parse_text (self, FALSE);
  if (shown != NULL && accords_query_equal (shown, query))
    return;

  text = accords_query_to_string (query);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  g_clear_handle_id (&self->apply_source, g_source_remove);
  clear_error (self);
}

static gboolean
accords_search_entry_grab_focus (GtkWidget *widget)
{
  AccordsSearchEntry *self = ACCORDS_SEARCH_ENTRY (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static void
accords_search_entry_dispose (GObject *object)
{
  AccordsSearchEntry *self = (AccordsSearchEntry *) object;

  g_clear_handle_id (&self->apply_source, g_source_remove);
  if (self->session != NULL)
    g_clear_signal_handler (&self->query_handler, self->session);
  g_clear_object (&self->session);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_SEARCH_ENTRY);

  G_OBJECT_CLASS (accords_search_entry_parent_class)->dispose (object);
}

static void
accords_search_entry_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AccordsSearchEntry *self = ACCORDS_SEARCH_ENTRY (object);

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
accords_search_entry_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AccordsSearchEntry *self = ACCORDS_SEARCH_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      accords_search_entry_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_search_entry_class_init (AccordsSearchEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = accords_search_entry_dispose;
  object_class->get_property = accords_search_entry_get_property;
  object_class->set_property = accords_search_entry_set_property;

  widget_class->grab_focus = accords_search_entry_grab_focus;

  /**
   * AccordsSearchEntry:session:
   *
   * The session whose query the entry shows and sets; %NULL until the
   * window's library is open.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-search-entry.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchEntry, entry);
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchEntry, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, AccordsSearchEntry, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "accords-search-entry");
}

static void
accords_search_entry_init (AccordsSearchEntry *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
accords_search_entry_new (void)
{
  return g_object_new (ACCORDS_TYPE_SEARCH_ENTRY, NULL);
}

/**
 * accords_search_entry_get_session:
 *
 * Returns: (nullable) (transfer none): the session
 */
AccordsSession *
accords_search_entry_get_session (AccordsSearchEntry *self)
{
  g_return_val_if_fail (ACCORDS_IS_SEARCH_ENTRY (self), NULL);

  return self->session;
}

/**
 * accords_search_entry_set_session:
 * @session: (nullable): the session to follow
 *
 * Shows @session's query and sets it from now on. The entry keeps its own
 * reference.
 */
void
accords_search_entry_set_session (AccordsSearchEntry *self,
                                  AccordsSession     *session)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_ENTRY (self));
  g_return_if_fail (session == NULL || ACCORDS_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_clear_signal_handler (&self->query_handler, self->session);
  g_set_object (&self->session, session);

  if (session != NULL)
    {
      self->query_handler = g_signal_connect_object (session, "notify::query",
                                                     G_CALLBACK (on_session_query_notify_cb),
                                                     self, G_CONNECT_SWAPPED);
      on_session_query_notify_cb (self, NULL, session);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * accords_search_entry_set_text:
 * @text: a query in the search syntax
 *
 * Puts @text in the entry as if typed: it becomes the session's query if
 * it parses, else the error is shown.
 */
void
accords_search_entry_set_text (AccordsSearchEntry *self,
                               const char         *text)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_ENTRY (self));

  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  apply_text_now (self);
}

/**
 * accords_search_entry_clear:
 *
 * Empties the entry and shows every record.
 */
void
accords_search_entry_clear (AccordsSearchEntry *self)
{
  g_return_if_fail (ACCORDS_IS_SEARCH_ENTRY (self));

  accords_search_entry_set_text (self, "");
}
