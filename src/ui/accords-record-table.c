/* accords-record-table.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-record-table"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-format.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-record-table.h"

/* The list of records: a GtkColumnView over the session's selection, which
 * wraps the lazy AccordsRecordList. Cells are built on bind from the item. */
struct _AccordsRecordTable
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *date_column;
  GtkColumnViewColumn  *parties_column;
  GtkColumnViewColumn  *kind_column;
  GtkColumnViewColumn  *title_column;
  GtkLabel             *status_label;

  /* owned */
  AccordsSession       *session;
};

typedef enum
{
  COLUMN_DATE,
  COLUMN_PARTIES,
  COLUMN_KIND,
  COLUMN_TITLE,
} Column;

G_DEFINE_FINAL_TYPE (AccordsRecordTable, accords_record_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DATE)
    gtk_widget_add_css_class (label, "numeric");

  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AccordsRecord *record = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
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
      break;

    default:
      g_assert_not_reached ();
    }

  /* User text: plain, never markup. */
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
set_factory (GtkColumnViewColumn *column,
             Column               which)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (which));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (which));
  gtk_column_view_column_set_factory (column, factory);
}

static void
update_status (AccordsRecordTable *self)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (records));
  g_autofree char *text = NULL;

  if (accords_record_list_get_loading (records) && n == 0)
    text = g_strdup (_("Loading…"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", n), n);

  gtk_label_set_text (self->status_label, text);
}

static void
on_records_notify_cb (AccordsRecordTable *self,
                      GParamSpec         *pspec,
                      AccordsRecordList  *records)
{
  update_status (self);
}

static void
accords_record_table_constructed (GObject *object)
{
  AccordsRecordTable *self = (AccordsRecordTable *) object;
  AccordsRecordList *records;

  G_OBJECT_CLASS (accords_record_table_parent_class)->constructed (object);

  g_assert (self->session != NULL);

  records = accords_session_get_records (self->session);
  gtk_column_view_set_model (self->column_view, accords_session_get_selection (self->session));

  g_signal_connect_object (records, "notify::n-items",
                           G_CALLBACK (on_records_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (records, "notify::loading",
                           G_CALLBACK (on_records_notify_cb), self, G_CONNECT_SWAPPED);
  update_status (self);
}

static void
accords_record_table_dispose (GObject *object)
{
  AccordsRecordTable *self = (AccordsRecordTable *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_RECORD_TABLE);
  g_clear_object (&self->session);

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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-record-table.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, date_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, parties_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, kind_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, title_column);
  gtk_widget_class_bind_template_child (widget_class, AccordsRecordTable, status_label);
}

static void
accords_record_table_init (AccordsRecordTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  set_factory (self->date_column, COLUMN_DATE);
  set_factory (self->parties_column, COLUMN_PARTIES);
  set_factory (self->kind_column, COLUMN_KIND);
  set_factory (self->title_column, COLUMN_TITLE);
}

GtkWidget *
accords_record_table_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_RECORD_TABLE, "session", session, NULL);
}

AccordsSession *
accords_record_table_get_session (AccordsRecordTable *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_TABLE (self), NULL);

  return self->session;
}
