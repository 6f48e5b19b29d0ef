/* accords-store-columns.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store-columns"

#include "config.h"

#include "accords-store-private.h"

/* The few columns that the facet index keeps for every record, read in
 * streams ordered by record id so that the reader can build its arrays in
 * one pass, without looking anything up. Each statement walks a table or a
 * primary key in order: no sort, no temporary b-tree. */

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

static gboolean
exec_simple (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, db, rc, sql);
      return FALSE;
    }

  return TRUE;
}

/* Hands one row of a stream to the matching callback of @funcs. */
typedef void (*RowFunc) (sqlite3_stmt                  *stmt,
                         const AccordsStoreColumnFuncs *funcs,
                         gpointer                       user_data);

static gboolean
stream_rows (sqlite3                       *db,
             const char                    *sql,
             RowFunc                        row_cb,
             const AccordsStoreColumnFuncs *funcs,
             gpointer                       user_data,
             GCancellable                  *cancellable,
             GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, db, rc, "columns");
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row_cb (stmt, funcs, user_data);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, db, rc, "columns");
      return FALSE;
    }

  return TRUE;
}

static void
size_row (sqlite3_stmt                  *stmt,
          const AccordsStoreColumnFuncs *funcs,
          gpointer                       user_data)
{
  funcs->size (user_data, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
}

static void
record_row (sqlite3_stmt                  *stmt,
            const AccordsStoreColumnFuncs *funcs,
            gpointer                       user_data)
{
  funcs->record (user_data,
                 sqlite3_column_int64 (stmt, 0),
                 (const char *) sqlite3_column_text (stmt, 1),
                 (const char *) sqlite3_column_text (stmt, 2),
                 (const char *) sqlite3_column_text (stmt, 3),
                 (const char *) sqlite3_column_text (stmt, 4));
}

static void
tag_row (sqlite3_stmt                  *stmt,
         const AccordsStoreColumnFuncs *funcs,
         gpointer                       user_data)
{
  funcs->tag (user_data,
              sqlite3_column_int64 (stmt, 0),
              (const char *) sqlite3_column_text (stmt, 1));
}

static void
party_row (sqlite3_stmt                  *stmt,
           const AccordsStoreColumnFuncs *funcs,
           gpointer                       user_data)
{
  funcs->party (user_data,
                sqlite3_column_int64 (stmt, 0),
                (const char *) sqlite3_column_text (stmt, 1));
}

static void
topic_row (sqlite3_stmt                  *stmt,
           const AccordsStoreColumnFuncs *funcs,
           gpointer                       user_data)
{
  funcs->topic (user_data,
                sqlite3_column_int64 (stmt, 0),
                (const char *) sqlite3_column_text (stmt, 1));
}

static void
record_tag_row (sqlite3_stmt                  *stmt,
                const AccordsStoreColumnFuncs *funcs,
                gpointer                       user_data)
{
  funcs->record_tag (user_data, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
}

/**
 * _accords_store_read_columns:
 * @self: a store; a reader of its own (accords_store_open_reader()) when
 *   called on a worker thread
 * @funcs: what to call for each row
 * @cancellable: (nullable): stops the reading
 *
 * Reads, in one read transaction so that the streams agree: the number of
 * records and their largest id (size, once); every record's id, kind,
 * event date, event end and date precision (record, by id); every tag (tag); the party countries
 * (party, by record id); the topics (topic, by record id); the tags of the
 * records (record_tag, by record id). Text passed to a callback is only
 * valid during the call.
 */
gboolean
_accords_store_read_columns (AccordsStore                  *self,
                             const AccordsStoreColumnFuncs *funcs,
                             gpointer                       user_data,
                             GCancellable                  *cancellable,
                             GError                       **error)
{
  static const struct {
    const char *sql;
    RowFunc     row_cb;
  } streams[] = {
    { "SELECT count(*), coalesce (max (id), 0) FROM record", size_row },
    { "SELECT id, kind, event_date, event_end, date_precision FROM record ORDER BY id",
      record_row },
    { "SELECT id, name FROM tag ORDER BY id", tag_row },
    { "SELECT record_id, code FROM record_country WHERE role = 'party' "
      "ORDER BY record_id", party_row },
    { "SELECT record_id, topic FROM record_topic ORDER BY record_id", topic_row },
    { "SELECT record_id, tag_id FROM record_tag ORDER BY record_id", record_tag_row },
  };
  sqlite3 *db;
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (funcs != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = _accords_store_get_db (self);

  if (!exec_simple (db, "BEGIN", error))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);

  for (guint i = 0; ok && i < G_N_ELEMENTS (streams); i++)
    ok = stream_rows (db, streams[i].sql, streams[i].row_cb, funcs, user_data,
                      cancellable, error);

  sqlite3_progress_handler (db, 0, NULL, NULL);

  /* Ending a read transaction cannot fail in a way that matters here. */
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);

  return ok;
}
