/* accords-store-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "accords-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The connection of a store; only the thread that owns the store uses it. */
sqlite3      *_accords_store_get_db         (AccordsStore  *self);

/* Transactions: every write of the store goes through these. begin waits
 * for the background check of a large library (a damaged file is never
 * written to); end commits when @ok, and rolls back otherwise. */
gboolean      _accords_store_begin          (AccordsStore  *self,
                                             GError       **error);
gboolean      _accords_store_end            (AccordsStore  *self,
                                             gboolean       ok,
                                             GError       **error);

/* A read transaction around many reads (accords-store-snapshot.c). */
gboolean      _accords_store_begin_snapshot (AccordsStore  *self,
                                             GError       **error);
void          _accords_store_end_snapshot   (AccordsStore  *self);

/* Parts of a write, for use inside _accords_store_begin/_end: a new record
 * with everything it carries (accords-store-write.c); sources added to a
 * record at @first_position on; one line of a record's history
 * (accords-store-annotations.c; nothing when the values are equal). */
gboolean      _accords_store_insert_one     (AccordsStore  *self,
                                             AccordsRecord *record,
                                             const char    *now,
                                             GError       **error);
gboolean      _accords_store_insert_sources (AccordsStore  *self,
                                             gint64         record_id,
                                             AccordsRecord *record,
                                             guint          first_position,
                                             GError       **error);
gboolean      _accords_store_add_history    (AccordsStore  *self,
                                             const char    *uid,
                                             const char    *what,
                                             const char    *old_value,
                                             const char    *new_value,
                                             const char    *now,
                                             GError       **error);

/* Whole records for up to 256 ids, one statement per table, as
 * accords_store_load_record() loads them one by one (exports). */
gboolean      _accords_store_load_records   (AccordsStore   *self,
                                             const gint64   *ids,
                                             guint           n_ids,
                                             AccordsRecord **records,
                                             GError        **error);

/* What another record (or report) of the same event adds to a record
 * (accords-store-merge.c). */
gboolean      _accords_store_merge_into     (AccordsStore  *self,
                                             AccordsRecord *target,
                                             AccordsRecord *from,
                                             gboolean       with_sources,
                                             const char    *now,
                                             GError       **error);

/* accords_store_query_ids() a block at a time, for a caller that streams
 * the ids rather than holding them all. */
sqlite3_stmt *_accords_store_prepare_query_ids (AccordsStore  *self,
                                                AccordsQuery  *query,
                                                GError       **error);
int           _accords_store_step_ids          (AccordsStore  *self,
                                                sqlite3_stmt  *stmt,
                                                gint64        *ids,
                                                guint          max_ids,
                                                gboolean      *done,
                                                GCancellable  *cancellable,
                                                GError       **error);

/* Now, as ISO 8601 in UTC to the second. */
char         *_accords_store_now_iso        (void);

/* Turns the last SQLite error of @db into a GError in ACCORDS_STORE_ERROR. */
void          _accords_store_set_error      (GError       **error,
                                             sqlite3       *db,
                                             int            rc,
                                             const char    *what);

/* A statement prepared once per connection and reset when handed out again. */
sqlite3_stmt *_accords_store_prepare_cached (AccordsStore  *self,
                                             const char    *sql,
                                             GError       **error);

/**
 * _accords_store_compile_query:
 * @query: the parsed query
 * @where: (out): receives an SQL boolean expression over the table `record`
 *   aliased `r`; "1" when the query is empty
 * @params: (element-type GVariant): receives one value per `?` in @where,
 *   in order: strings as "s", integers as "x"
 *
 * Turns @query into SQL. No user text ever ends up in @where: every value
 * is a bound parameter.
 */
gboolean      _accords_store_compile_query  (AccordsQuery  *query,
                                             GString       *where,
                                             GPtrArray     *params,
                                             GError       **error);

/* The ORDER BY expression (without the keywords) for a sort; fixed text
 * chosen from a table, ties broken by r.id in the same direction. */
const char   *_accords_store_sort_sql       (AccordsSortKey key,
                                             gboolean       descending);

/* Binds @params (GVariant "s" or "x") to @stmt starting at index @first. */
gboolean      _accords_store_bind_params    (sqlite3_stmt  *stmt,
                                             int            first,
                                             GPtrArray     *params,
                                             GError       **error);

/* After a bulk import: ANALYZE, merge the full-text index, checkpoint the
 * WAL (accords-store-bulk.c). */
gboolean      _accords_store_optimize       (AccordsStore  *self,
                                             GError       **error);

G_END_DECLS

G_BEGIN_DECLS

/* The columns of the facet index (accords-store-columns.c), streamed to
 * callbacks in one read transaction; text is valid during the call only. */
typedef struct
{
  /* once, first: the number of records and their largest id */
  void (*size)       (gpointer    user_data,
                      gint64      n_records,
                      gint64      max_id);
  /* every record, by id; @event_date and @event_end may be NULL,
   * @date_precision is "day", "month" or "year" */
  void (*record)     (gpointer    user_data,
                      gint64      id,
                      const char *kind,
                      const char *event_date,
                      const char *event_end,
                      const char *date_precision);
  /* every tag, by id */
  void (*tag)        (gpointer    user_data,
                      gint64      tag_id,
                      const char *name);
  /* the party countries of the records, by record id */
  void (*party)      (gpointer    user_data,
                      gint64      record_id,
                      const char *code);
  /* the topics of the records, by record id */
  void (*topic)      (gpointer    user_data,
                      gint64      record_id,
                      const char *topic);
  /* the tags of the records, by record id */
  void (*record_tag) (gpointer    user_data,
                      gint64      record_id,
                      gint64      tag_id);
} AccordsStoreColumnFuncs;

gboolean      _accords_store_read_columns   (AccordsStore                  *self,
                                             const AccordsStoreColumnFuncs *funcs,
                                             gpointer                       user_data,
                                             GCancellable                  *cancellable,
                                             GError                       **error);

G_END_DECLS
