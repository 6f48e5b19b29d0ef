/* accords-session.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-session"

#include "config.h"

#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-session.h"
#include "accords-store.h"

/* What every view of a window shares: the library, the one query and the
 * one selection. Views bind to it and never see SQL. */
struct _AccordsSession
{
  GObject             parent_instance;

  AccordsStore       *store;
  AccordsRecordList  *records;
  GtkMultiSelection  *selection;
  AccordsRecord      *selected_record; /* when exactly one is selected */
  guint               n_selected;
};

G_DEFINE_FINAL_TYPE (AccordsSession, accords_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_RECORDS,
  PROP_SELECTION,
  PROP_SELECTED_RECORD,
  PROP_N_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_selected (AccordsSession *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(AccordsRecord) record = NULL;
  guint n;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  n = (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT);

  if (n == 1)
    record = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                    gtk_bitset_get_nth (selected, 0));

  if (n != self->n_selected)
    {
      self->n_selected = n;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SELECTED]);
    }

  if (g_set_object (&self->selected_record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_RECORD]);
}

static void
on_selection_changed_cb (AccordsSession    *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  update_selected (self);
}

static void
on_items_changed_cb (AccordsSession *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  update_selected (self);
}

static void
on_query_notify_cb (AccordsSession    *self,
                    GParamSpec        *pspec,
                    AccordsRecordList *records)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

static void
accords_session_constructed (GObject *object)
{
  AccordsSession *self = (AccordsSession *) object;

  G_OBJECT_CLASS (accords_session_parent_class)->constructed (object);

  g_assert (self->store != NULL);

  self->records = accords_record_list_new (self->store);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->records)));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->records, "notify::query",
                           G_CALLBACK (on_query_notify_cb), self, G_CONNECT_SWAPPED);
}

static void
accords_session_dispose (GObject *object)
{
  AccordsSession *self = (AccordsSession *) object;

  g_clear_object (&self->selected_record);
  g_clear_object (&self->selection);
  g_clear_object (&self->records);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (accords_session_parent_class)->dispose (object);
}

static void
accords_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordsSession *self = ACCORDS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_object (value, accords_session_get_query (self));
      break;

    case PROP_RECORDS:
      g_value_set_object (value, self->records);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_SELECTED_RECORD:
      g_value_set_object (value, self->selected_record);
      break;

    case PROP_N_SELECTED:
      g_value_set_uint (value, self->n_selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AccordsSession *self = ACCORDS_SESSION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      accords_session_set_query (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_session_class_init (AccordsSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = accords_session_constructed;
  object_class->dispose = accords_session_dispose;
  object_class->get_property = accords_session_get_property;
  object_class->set_property = accords_session_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACCORDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         ACCORDS_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_RECORDS] =
    g_param_spec_object ("records", NULL, NULL,
                         ACCORDS_TYPE_RECORD_LIST,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         GTK_TYPE_SELECTION_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTED_RECORD] =
    g_param_spec_object ("selected-record", NULL, NULL,
                         ACCORDS_TYPE_RECORD,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_SELECTED] =
    g_param_spec_uint ("n-selected", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_session_init (AccordsSession *self)
{
}

/**
 * accords_session_new:
 * @store: an open library
 *
 * Returns: (transfer full): a session showing every record of @store
 */
AccordsSession *
accords_session_new (AccordsStore *store)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  return g_object_new (ACCORDS_TYPE_SESSION, "store", store, NULL);
}

AccordsStore *
accords_session_get_store (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * accords_session_get_query:
 *
 * Returns: (transfer none): the current query; do not modify it, set a new one
 */
AccordsQuery *
accords_session_get_query (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return accords_record_list_get_query (self->records);
}

void
accords_session_set_query (AccordsSession *self,
                           AccordsQuery   *query)
{
  g_return_if_fail (ACCORDS_IS_SESSION (self));
  g_return_if_fail (ACCORDS_IS_QUERY (query));

  /* The list notifies "query" when it changes, and so do we. */
  accords_record_list_set_query (self->records, query);
}

AccordsRecordList *
accords_session_get_records (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return self->records;
}

GtkSelectionModel *
accords_session_get_selection (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/**
 * accords_session_get_selected_record:
 *
 * Returns: (nullable) (transfer none): the selected record when exactly one
 *   is selected (as a list item: accords_store_load_record() gives all of it)
 */
AccordsRecord *
accords_session_get_selected_record (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return self->selected_record;
}

guint
accords_session_get_n_selected (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), 0);

  return self->n_selected;
}
