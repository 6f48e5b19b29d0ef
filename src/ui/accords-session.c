/* accords-session.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-session"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-facets.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-session.h"
#include "accords-store.h"

/* What every view of a window shares: the library, the one query and the
 * one selection, and the facet counts of the current result. Views bind to
 * it and never see SQL.
 *
 * The facet index is loaded off the main thread after construction; from
 * then on every new result of the record list is counted on a worker, the
 * previous count cancelled and stale results dropped (by serial). */
struct _AccordsSession
{
  GObject             parent_instance;

  /* owned */
  AccordsStore       *store;
  AccordsRecordList  *records;
  GtkMultiSelection  *selection;
  AccordsRecord      *selected_record; /* when exactly one is selected */
  AccordsFacetIndex  *facet_index;     /* NULL until loaded */
  AccordsFacetCounts *facet_counts;    /* NULL until first counted */
  GCancellable       *index_cancellable;
  GCancellable       *count_cancellable;

  guint               n_selected;
  guint               total_records;
  guint               index_serial;    /* of the newest index load */
  guint               count_serial;    /* of the newest count */
  guint               reindex_source;  /* coalesces reloads after edits */
  guint               facets_loading : 1;
  guint               refreshing : 1;  /* items replaced in place */
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
  PROP_TOTAL_RECORDS,
  PROP_FACET_COUNTS,
  PROP_FACETS_LOADING,
  PROP_FACET_INDEX,
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

typedef struct
{
  GWeakRef session;
  guint    serial;
} Request;

static Request *
request_new (AccordsSession *self,
             guint           serial)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->session, self);
  request->serial = serial;

  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->session);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
set_facets_loading (AccordsSession *self,
                    gboolean        loading)
{
  loading = !!loading;

  if (self->facets_loading == loading)
    return;

  self->facets_loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACETS_LOADING]);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(AccordsSession) self = g_weak_ref_get (&request->session);
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = accords_facet_index_count_finish (ACCORDS_FACET_INDEX (object), result, &error);

  if (self == NULL || request->serial != self->count_serial)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->count_cancellable);

  if (error != NULL)
    {
      g_debug ("Counting facets failed: %s", error->message);
      set_facets_loading (self, FALSE);
      return;
    }

  if (g_set_object (&self->facet_counts, counts))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACET_COUNTS]);

  set_facets_loading (self, FALSE);
}

static void
start_count (AccordsSession *self)
{
  g_assert (self->facet_index != NULL);

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  accords_facet_index_count_async (self->facet_index,
                                   accords_record_list_get_ids (self->records),
                                   self->count_cancellable,
                                   count_done_cb,
                                   request_new (self, ++self->count_serial));
}

static void
index_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Request) request = user_data;
  g_autoptr(AccordsSession) self = g_weak_ref_get (&request->session);
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(GError) error = NULL;
  guint total;

  index = accords_facet_index_load_finish (result, &error);

  if (self == NULL || request->serial != self->index_serial)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->index_cancellable);

  if (error != NULL)
    {
      g_debug ("Loading the facet index failed: %s", error->message);
      set_facets_loading (self, FALSE);
      return;
    }

  g_set_object (&self->facet_index, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FACET_INDEX]);

  total = accords_facet_index_get_n_records (index);
  if (total != self->total_records)
    {
      self->total_records = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_RECORDS]);
    }

  /* While the list is still running a query, its items-changed will
   * start the count; counting the old ids now would only flash. */
  if (!accords_record_list_get_loading (self->records))
    start_count (self);
}

static void
load_facet_index (AccordsSession *self)
{
  g_cancellable_cancel (self->index_cancellable);
  g_clear_object (&self->index_cancellable);
  self->index_cancellable = g_cancellable_new ();

  /* Counts from the old index could name records it does not know. */
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_serial++;
  g_clear_object (&self->facet_index);

  set_facets_loading (self, TRUE);
  accords_facet_index_load_async (self->store,
                                  self->index_cancellable,
                                  index_loaded_cb,
                                  request_new (self, ++self->index_serial));
}

static gboolean
reindex_cb (gpointer user_data)
{
  AccordsSession *self = user_data;

  self->reindex_source = 0;
  load_facet_index (self);

  return G_SOURCE_REMOVE;
}

static void
on_selection_changed_cb (AccordsSession    *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *selection)
{
  if (!self->refreshing)
    update_selected (self);
}

static void
on_items_changed_cb (AccordsSession *self,
                     guint           position,
                     guint           removed,
                     guint           added,
                     GListModel     *model)
{
  if (!self->refreshing)
    update_selected (self);
}

static void
on_records_items_changed_cb (AccordsSession *self,
                             guint           position,
                             guint           removed,
                             guint           added,
                             GListModel     *model)
{
  /* A new result: count it, once the index is there. A refresh keeps the
   * result; the index reload that follows it counts again. */
  if (self->facet_index != NULL && !self->refreshing)
    start_count (self);
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
  g_signal_connect_object (self->records, "items-changed",
                           G_CALLBACK (on_records_items_changed_cb), self, G_CONNECT_SWAPPED);

  load_facet_index (self);
}

static void
accords_session_dispose (GObject *object)
{
  AccordsSession *self = (AccordsSession *) object;

  g_clear_handle_id (&self->reindex_source, g_source_remove);
  g_cancellable_cancel (self->index_cancellable);
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->index_cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->facet_counts);
  g_clear_object (&self->facet_index);
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

    case PROP_TOTAL_RECORDS:
      g_value_set_uint (value, self->total_records);
      break;

    case PROP_FACET_COUNTS:
      g_value_set_object (value, self->facet_counts);
      break;

    case PROP_FACETS_LOADING:
      g_value_set_boolean (value, self->facets_loading);
      break;

    case PROP_FACET_INDEX:
      g_value_set_object (value, self->facet_index);
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

  /**
   * AccordsSession:total-records:
   *
   * How many records the library holds (for "N of M"); 0 until the facet
   * index has loaded.
   */
  properties[PROP_TOTAL_RECORDS] =
    g_param_spec_uint ("total-records", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsSession:facet-counts:
   *
   * The facet counts of the records the list shows; %NULL until first
   * counted. Replaced, never changed, when a new result has been counted.
   */
  properties[PROP_FACET_COUNTS] =
    g_param_spec_object ("facet-counts", NULL, NULL,
                         ACCORDS_TYPE_FACET_COUNTS,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsSession:facets-loading:
   *
   * %TRUE while the facet index loads or the first counts are being
   * computed; %FALSE again when that failed (facet-counts stays %NULL).
   */
  properties[PROP_FACETS_LOADING] =
    g_param_spec_boolean ("facets-loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsSession:facet-index:
   *
   * The in-memory columns of the whole library, for views that aggregate
   * a large result without SQL (the timeline's heat strip); %NULL until
   * loaded, replaced after edits.
   */
  properties[PROP_FACET_INDEX] =
    g_param_spec_object ("facet-index", NULL, NULL,
                         ACCORDS_TYPE_FACET_INDEX,
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

/**
 * accords_session_dup_selected_ids:
 *
 * The ids of the selected records, in list order, read without building
 * list items.
 *
 * Returns: (transfer full) (element-type gint64): a new array
 */
GArray *
accords_session_dup_selected_ids (AccordsSession *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  GArray *ids;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                           (guint) MIN (gtk_bitset_get_size (selected), G_MAXUINT));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = accords_record_list_get_id (self->records, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

/**
 * accords_session_toggle_term:
 * @self: a session
 * @field: what the term constrains
 * @value: its value, as accords_query_add_term() takes it
 *
 * Removes the term from the query when the query has it, adds it when
 * not, and shows the result.
 *
 * Returns: whether the query now has the term
 */
gboolean
accords_session_toggle_term (AccordsSession    *self,
                             AccordsQueryField  field,
                             const char        *value)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  gboolean present;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  query = accords_query_copy (accords_session_get_query (self));

  if (accords_query_has_term (query, field, value))
    {
      accords_query_remove_term (query, field, value);
      present = FALSE;
    }
  else if (accords_query_add_term (query, field, value, FALSE, &error))
    {
      present = TRUE;
    }
  else
    {
      /* A facet value the query does not take (say, from a newer
       * library): nothing changes. */
      g_debug ("Cannot add %s to the query: %s", value, error->message);
      return FALSE;
    }

  accords_session_set_query (self, query);

  return present;
}

/**
 * accords_session_reload:
 * @self: a session
 *
 * Runs the query again and reloads the facet index, after the library
 * changed (an import, say).
 */
void
accords_session_reload (AccordsSession *self)
{
  g_return_if_fail (ACCORDS_IS_SESSION (self));

  load_facet_index (self);
  accords_record_list_reload (self->records);
}

/**
 * accords_session_records_changed:
 * @self: a session
 * @ids: (array length=n_ids): records whose annotations were just saved
 * @n_ids: how many
 *
 * Shows the new state of @ids: their list items are read again (the
 * selection stays as it was) and the facet index is reloaded in the
 * background, since tag counts may have changed. Call it after every
 * successful annotation save.
 */
void
accords_session_records_changed (AccordsSession *self,
                                 const gint64   *ids,
                                 guint           n_ids)
{
  GtkSelectionModel *selection;
  g_autoptr(GtkBitset) selected = NULL;

  g_return_if_fail (ACCORDS_IS_SESSION (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (n_ids == 0)
    return;

  /* Replacing an item unselects it in GtkMultiSelection: put the
   * selection back before anyone looks at it. */
  selection = GTK_SELECTION_MODEL (self->selection);
  {
    g_autoptr(GtkBitset) current = gtk_selection_model_get_selection (selection);

    /* A copy: the model may hand out its own set, which the refresh edits. */
    selected = gtk_bitset_copy (current);
  }

  self->refreshing = TRUE;
  accords_record_list_refresh (self->records, ids, n_ids);
  if (!gtk_bitset_is_empty (selected))
    gtk_selection_model_set_selection (selection, selected, selected);
  self->refreshing = FALSE;

  update_selected (self);

  /* Once for a burst of saves (typing, bulk edits). */
  g_clear_handle_id (&self->reindex_source, g_source_remove);
  self->reindex_source = g_timeout_add (250, reindex_cb, self);
}

/**
 * accords_session_get_total_records:
 *
 * Returns: how many records the library holds; 0 until the facet index
 *   has loaded
 */
guint
accords_session_get_total_records (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), 0);

  return self->total_records;
}

/**
 * accords_session_get_facet_counts:
 *
 * Returns: (nullable) (transfer none): the facet counts of the current
 *   result, or %NULL before the first count
 */
AccordsFacetCounts *
accords_session_get_facet_counts (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return self->facet_counts;
}

gboolean
accords_session_get_facets_loading (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);

  return self->facets_loading;
}

/* Bulk annotation edits -------------------------------------------------- */

/* The ids in @ids as the gint64 array the store's bulk calls take. */
static const gint64 *
id_data (GArray *ids)
{
  return (const gint64 *) (gpointer) ids->data;
}

/* Ends a bulk edit of @ids whose store call returned @ok: on success the
 * records' new state is shown everywhere. Returns @ok, so each edit is one
 * store call passed through here. */
static gboolean
finish_bulk_edit (AccordsSession *self,
                  GArray         *ids,
                  gboolean        ok)
{
  if (ok)
    accords_session_records_changed (self, id_data (ids), ids->len);

  return ok;
}

/**
 * accords_session_star_selection:
 *
 * Stars or unstars every selected record in one transaction, then shows
 * the new state everywhere.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_session_star_selection (AccordsSession  *self,
                                gboolean         starred,
                                GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);

  ids = accords_session_dup_selected_ids (self);

  return finish_bulk_edit (self, ids,
                           accords_store_set_starred (self->store, id_data (ids), ids->len,
                                                      starred, error));
}

/**
 * accords_session_review_selection:
 *
 * Sets the review state of every selected record in one transaction.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_session_review_selection (AccordsSession  *self,
                                  AccordsReview    review,
                                  GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);

  ids = accords_session_dup_selected_ids (self);

  return finish_bulk_edit (self, ids,
                           accords_store_set_review (self->store, id_data (ids), ids->len,
                                                     review, error));
}

/**
 * accords_session_tag_records:
 * @ids: (element-type gint64): the records
 * @add: add the tag, or take it off
 *
 * Adds or removes the tag @name on @ids in one transaction, then shows the
 * new state everywhere.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_session_tag_records (AccordsSession  *self,
                             GArray          *ids,
                             const char      *name,
                             gboolean         add,
                             GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);
  g_return_val_if_fail (ids != NULL && name != NULL, FALSE);

  if (add)
    ok = accords_store_add_tag (self->store, id_data (ids), ids->len, name, error);
  else
    ok = accords_store_remove_tag (self->store, id_data (ids), ids->len, name, error);

  return finish_bulk_edit (self, ids, ok);
}

/**
 * accords_session_tag_selection:
 *
 * accords_session_tag_records() on the selected records.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_session_tag_selection (AccordsSession  *self,
                               const char      *name,
                               gboolean         add,
                               GError         **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);

  ids = accords_session_dup_selected_ids (self);

  return accords_session_tag_records (self, ids, name, add, error);
}

/**
 * accords_session_dup_tagged_ids:
 *
 * Returns: (transfer full) (element-type gint64): the ids of every record
 *   that carries the tag @name (empty when none, or on error)
 */
GArray *
accords_session_dup_tagged_ids (AccordsSession *self,
                                const char     *name)
{
  g_autoptr(AccordsQuery) query = accords_query_new ();
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), ids);

  if (!accords_query_add_term (query, ACCORDS_QUERY_FIELD_TAG, name, FALSE, &error) ||
      !accords_store_query_ids (self->store, query, ids, NULL, &error))
    g_debug ("Could not find the records tagged %s: %s", name, error->message);

  return ids;
}

/**
 * accords_session_get_facet_index:
 *
 * Returns: (transfer none) (nullable): the facet index, %NULL until loaded
 */
AccordsFacetIndex *
accords_session_get_facet_index (AccordsSession *self)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (self), NULL);

  return self->facet_index;
}

/**
 * accords_session_merge_selection:
 *
 * Merges the two selected records into the older one (the lower id), in
 * one transaction, then shows the library as it is now.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_session_merge_selection (AccordsSession  *self,
                                 GError         **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 keep, other;

  g_return_val_if_fail (ACCORDS_IS_SESSION (self), FALSE);

  ids = accords_session_dup_selected_ids (self);
  if (ids->len != 2)
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID,
                           _("Select exactly two records to merge"));
      return FALSE;
    }

  keep = MIN (g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1));
  other = MAX (g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1));
  if (!accords_store_merge_records (self->store, keep, other, error))
    return FALSE;

  accords_session_reload (self);

  return TRUE;
}
