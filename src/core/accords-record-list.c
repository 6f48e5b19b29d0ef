/* accords-record-list.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-record-list"

#include "config.h"

#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"

/* A list row is built from the page cache. Scrolling asks for neighbours,
 * so a miss near the previous one reads a whole page (one IN (…) statement
 * per table); a miss far from it — a jump, or random access — reads just
 * that record, so that it costs no more than a point lookup. */
#define PAGE_SIZE       64
#define CACHE_MAX_ITEMS 2048

/* A refresh of more records than this drops the whole cache and changes
 * every item at once, rather than one signal per record. */
#define MAX_REFRESH_SIGNALS 256

struct _AccordsRecordList
{
  GObject       parent_instance;

  /* owned */
  AccordsStore *store;
  AccordsQuery *query;
  GArray       *ids;         /* gint64: the matching records, in order */
  GHashTable   *cache;       /* position → AccordsRecord */
  GCancellable *cancellable; /* of the running query */
  GError       *error;       /* of the last query, or NULL */

  guint         serial;      /* of the newest query; older results are dropped */
  guint         last_miss;
  guint         loading : 1;
};

typedef struct
{
  AccordsStore *store;
  AccordsQuery *query;
  guint         serial;
} QueryData;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AccordsRecordList, accords_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
query_data_free (QueryData *data)
{
  g_clear_object (&data->store);
  g_clear_object (&data->query);
  g_free (data);
}

/* GListModel ---------------------------------------------------------------- */

static GType
accords_record_list_get_item_type (GListModel *model)
{
  return ACCORDS_TYPE_RECORD;
}

static guint
accords_record_list_get_n_items (GListModel *model)
{
  AccordsRecordList *self = ACCORDS_RECORD_LIST (model);

  return self->ids->len;
}

static void
trim_cache (AccordsRecordList *self,
            guint              around)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->cache) < CACHE_MAX_ITEMS)
    return;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint position = GPOINTER_TO_UINT (key);
      guint distance = position > around ? position - around : around - position;

      if (distance > CACHE_MAX_ITEMS / 4)
        g_hash_table_iter_remove (&iter);
    }
}

static void
fill_cache (AccordsRecordList *self,
            guint              first,
            guint              n)
{
  g_autoptr(GError) error = NULL;
  AccordsRecord *records[PAGE_SIZE];

  g_assert (n <= PAGE_SIZE);
  g_assert (first + n <= self->ids->len);

  if (!accords_store_load_list_records (self->store,
                                        &g_array_index (self->ids, gint64, first),
                                        n, records, &error))
    {
      g_debug ("Could not read records %u–%u: %s", first, first + n, error->message);
      memset (records, 0, sizeof records);
    }

  for (guint i = 0; i < n; i++)
    {
      guint position = first + i;

      /* A record deleted since the query ran still needs an item here
       * until the next query: an empty one with just its id. */
      if (records[i] == NULL)
        {
          records[i] = accords_record_new ();
          accords_record_set_id (records[i], g_array_index (self->ids, gint64, position));
        }

      if (g_hash_table_contains (self->cache, GUINT_TO_POINTER (position)))
        g_object_unref (records[i]);
      else
        g_hash_table_insert (self->cache, GUINT_TO_POINTER (position), records[i]);
    }
}

static gpointer
accords_record_list_get_item (GListModel *model,
                              guint       position)
{
  AccordsRecordList *self = ACCORDS_RECORD_LIST (model);
  AccordsRecord *record;
  guint distance;

  if (position >= self->ids->len)
    return NULL;

  record = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position));
  if (record != NULL)
    return g_object_ref (record);

  trim_cache (self, position);

  distance = position > self->last_miss ? position - self->last_miss : self->last_miss - position;
  self->last_miss = position;

  if (distance <= 2 * PAGE_SIZE)
    {
      guint first = position - position % PAGE_SIZE;

      fill_cache (self, first, MIN (PAGE_SIZE, self->ids->len - first));
    }
  else
    {
      fill_cache (self, position, 1);
    }

  return g_object_ref (g_hash_table_lookup (self->cache, GUINT_TO_POINTER (position)));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = accords_record_list_get_item_type;
  iface->get_n_items = accords_record_list_get_n_items;
  iface->get_item = accords_record_list_get_item;
}

/* Querying ------------------------------------------------------------------ */

static void
set_loading (AccordsRecordList *self,
             gboolean           loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  g_autoptr(AccordsStore) reader = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;

  reader = accords_store_open_reader (data->store, &error);
  if (reader == NULL ||
      !accords_store_query_ids (reader, data->query, ids, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&ids), (GDestroyNotify) g_array_unref);
}

static void
swap_ids (AccordsRecordList *self,
          GArray            *ids)
{
  guint old_n = self->ids->len;

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);
  g_hash_table_remove_all (self->cache);
  self->last_miss = 0;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AccordsRecordList) self = g_weak_ref_get (user_data);
  QueryData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (user_data);
  g_free (user_data);

  ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (self == NULL || data->serial != self->serial)
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (error != NULL)
    {
      g_autoptr(GArray) empty = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_debug ("Query failed: %s", error->message);
      swap_ids (self, empty);
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
    }
  else
    {
      swap_ids (self, ids);
      g_clear_error (&self->error);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
  set_loading (self, FALSE);
}

static void
start_query (AccordsRecordList *self)
{
  g_autoptr(GTask) task = NULL;
  QueryData *data;
  GWeakRef *weak;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (QueryData, 1);
  data->store = g_object_ref (self->store);
  data->query = accords_query_copy (self->query);
  data->serial = ++self->serial;

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);

  task = g_task_new (NULL, self->cancellable, query_done_cb, weak);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_task_run_in_thread (task, query_thread);

  set_loading (self, TRUE);
}

/* GObject ----------------------------------------------------------------- */

static void
accords_record_list_dispose (GObject *object)
{
  AccordsRecordList *self = (AccordsRecordList *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->cache);

  G_OBJECT_CLASS (accords_record_list_parent_class)->dispose (object);
}

static void
accords_record_list_finalize (GObject *object)
{
  AccordsRecordList *self = (AccordsRecordList *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->query);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (accords_record_list_parent_class)->finalize (object);
}

static void
accords_record_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AccordsRecordList *self = ACCORDS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AccordsRecordList *self = ACCORDS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_QUERY:
      accords_record_list_set_query (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_list_class_init (AccordsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_record_list_dispose;
  object_class->finalize = accords_record_list_finalize;
  object_class->get_property = accords_record_list_get_property;
  object_class->set_property = accords_record_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACCORDS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * AccordsRecordList:query:
   *
   * What the list shows. Setting it starts a query on a worker thread; the
   * items change once, when it is done.
   */
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL,
                         ACCORDS_TYPE_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_record_list_init (AccordsRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->query = accords_query_new ();
}

/* Public ------------------------------------------------------------------ */

/**
 * accords_record_list_new:
 * @store: the library
 *
 * Creates a list of every record of @store, newest first. It is empty
 * until the first query has run (see #AccordsRecordList:loading).
 *
 * Returns: (transfer full): a new list
 */
AccordsRecordList *
accords_record_list_new (AccordsStore *store)
{
  AccordsRecordList *self;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);

  self = g_object_new (ACCORDS_TYPE_RECORD_LIST, "store", store, NULL);
  start_query (self);

  return self;
}

AccordsStore *
accords_record_list_get_store (AccordsRecordList *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), NULL);

  return self->store;
}

/**
 * accords_record_list_get_query:
 *
 * Returns: (transfer none): the query the list shows; do not modify it
 */
AccordsQuery *
accords_record_list_get_query (AccordsRecordList *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), NULL);

  return self->query;
}

/**
 * accords_record_list_set_query:
 * @self: a record list
 * @query: the new query; the list keeps a copy
 *
 * Runs @query on a worker thread. A query still running is cancelled and
 * its result never shown.
 */
void
accords_record_list_set_query (AccordsRecordList *self,
                               AccordsQuery      *query)
{
  g_return_if_fail (ACCORDS_IS_RECORD_LIST (self));
  g_return_if_fail (ACCORDS_IS_QUERY (query));

  if (accords_query_equal (self->query, query))
    return;

  g_clear_object (&self->query);
  self->query = accords_query_copy (query);

  if (self->store != NULL)
    start_query (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * accords_record_list_reload:
 *
 * Runs the query again, after the library changed.
 */
void
accords_record_list_reload (AccordsRecordList *self)
{
  g_return_if_fail (ACCORDS_IS_RECORD_LIST (self));

  start_query (self);
}

gboolean
accords_record_list_get_loading (AccordsRecordList *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), FALSE);

  return self->loading;
}

/**
 * accords_record_list_get_error:
 *
 * Returns: (nullable) (transfer none): why the last query failed, or %NULL
 */
const GError *
accords_record_list_get_error (AccordsRecordList *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), NULL);

  return self->error;
}

/**
 * accords_record_list_get_ids:
 *
 * The ids of the records shown, in order. The array is never changed: a
 * new query replaces it, so a worker may keep a reference (g_array_ref).
 *
 * Returns: (transfer none) (element-type gint64): the ids
 */
GArray *
accords_record_list_get_ids (AccordsRecordList *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), NULL);

  return self->ids;
}

/**
 * accords_record_list_get_id:
 *
 * Returns: the id of the record at @position, without building an item;
 *   0 past the end
 */
gint64
accords_record_list_get_id (AccordsRecordList *self,
                            guint              position)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}

/**
 * accords_record_list_find_id:
 *
 * Returns: the position of the record with @id, or %G_MAXUINT
 */
guint
accords_record_list_find_id (AccordsRecordList *self,
                             gint64             id)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * accords_record_list_refresh:
 * @self: a record list
 * @ids: (array length=n_ids): records whose fields changed (annotations)
 * @n_ids: how many
 *
 * Drops the cached items of @ids, so that the next get_item() reads them
 * again, and emits items-changed (position, 1, 1) for each of them that the
 * list shows. Positions stay; run the query again (accords_record_list_reload())
 * when the change could move a record in or out of the result. More than
 * a few hundred records change every item at once.
 */
void
accords_record_list_refresh (AccordsRecordList *self,
                             const gint64      *ids,
                             guint              n_ids)
{
  g_autoptr(GHashTable) wanted = NULL;
  g_autoptr(GArray) positions = NULL;

  g_return_if_fail (ACCORDS_IS_RECORD_LIST (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  if (n_ids == 0 || self->ids->len == 0)
    return;

  if (n_ids > MAX_REFRESH_SIGNALS)
    {
      g_hash_table_remove_all (self->cache);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, self->ids->len, self->ids->len);
      return;
    }

  wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer) &ids[i]);

  positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->ids->len && positions->len < n_ids; i++)
    {
      if (g_hash_table_contains (wanted, &g_array_index (self->ids, gint64, i)))
        g_array_append_val (positions, i);
    }

  /* State first, signals second. */
  for (guint i = 0; i < positions->len; i++)
    g_hash_table_remove (self->cache, GUINT_TO_POINTER (g_array_index (positions, guint, i)));

  for (guint i = 0; i < positions->len; i++)
    g_list_model_items_changed (G_LIST_MODEL (self), g_array_index (positions, guint, i), 1, 1);
}
