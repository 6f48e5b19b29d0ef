/* accords-store-read.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store-private.h"

/* Rows fetched for list items go in one IN (…) statement of at most this
 * many ids (PERF-FLOOR.md: blocks beat point lookups 3.5×). */
#define MAX_BLOCK 256


/* Ends a loop over result rows: TRUE when it ran to the end. */
static gboolean
rows_done (AccordsStore  *self,
           sqlite3_stmt  *stmt,
           int            rc,
           const char    *what,
           GError       **error)
{
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;

  _accords_store_set_error (error, _accords_store_get_db (self), rc, what);

  return FALSE;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
set_kind (AccordsRecord *record,
          const char    *id)
{
  AccordsKind kind;

  if (accords_kind_from_string (id, &kind))
    accords_record_set_kind (record, kind);
}

static void
set_dates (AccordsRecord *record,
           sqlite3_stmt  *stmt,
           int            first)
{
  AccordsDatePrecision precision;
  AccordsDateQualifier qualifier;

  accords_record_set_event_date (record, column_text (stmt, first));
  accords_record_set_event_end (record, column_text (stmt, first + 1));
  if (accords_date_precision_from_string (column_text (stmt, first + 2), &precision))
    accords_record_set_date_precision (record, precision);
  if (accords_date_qualifier_from_string (column_text (stmt, first + 3), &qualifier))
    accords_record_set_date_qualifier (record, qualifier);
}

/* The objects of a record's lists, from rows whose columns start at
 * @first; the single-record loaders and the block loader share them. */

static AccordsPerson *
person_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  return accords_person_new (column_text (stmt, first),
                             column_text (stmt, first + 1),
                             column_text (stmt, first + 2));
}

static AccordsFigure *
figure_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  AccordsFigure *figure = accords_figure_new (column_text (stmt, first));
  int type = sqlite3_column_type (stmt, first + 1);

  if (type == SQLITE_INTEGER)
    accords_figure_set_value (figure, (double) sqlite3_column_int64 (stmt, first + 1), TRUE);
  else if (type == SQLITE_FLOAT)
    accords_figure_set_value (figure, sqlite3_column_double (stmt, first + 1), FALSE);
  accords_figure_set_unit (figure, column_text (stmt, first + 2));
  accords_figure_set_year (figure, sqlite3_column_int (stmt, first + 3));
  accords_figure_set_text (figure, column_text (stmt, first + 4));

  return figure;
}

static AccordsSource *
source_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  AccordsSource *source = accords_source_new ();

  accords_source_set_id (source, sqlite3_column_int64 (stmt, first));
  accords_source_set_title (source, column_text (stmt, first + 1));
  accords_source_set_outlet (source, column_text (stmt, first + 2));
  accords_source_set_url (source, column_text (stmt, first + 3));
  accords_source_set_published (source, column_text (stmt, first + 4));
  accords_source_set_language (source, column_text (stmt, first + 5));
  accords_source_set_file (source, column_text (stmt, first + 6));
  accords_source_set_text (source, column_text (stmt, first + 7));

  return source;
}

static AccordsAnnotation *
annotation_from_row (sqlite3_stmt *stmt,
                     int           first)
{
  AccordsAnnotation *annotation = accords_annotation_new ();
  AccordsReview review;

  accords_annotation_set_note (annotation, column_text (stmt, first));
  accords_annotation_set_starred (annotation, sqlite3_column_int (stmt, first + 1) != 0);
  if (accords_review_from_string (column_text (stmt, first + 2), &review))
    accords_annotation_set_review (annotation, review);
  accords_annotation_set_modified (annotation, column_text (stmt, first + 3));

  return annotation;
}

/* What the single-record loader and the block loader do with each row of
 * a child table: add the object whose columns start at @first to @record. */
typedef void (*AddRow) (AccordsRecord *record,
                        sqlite3_stmt  *stmt,
                        int            first);

static void
add_person_row (AccordsRecord *record,
                sqlite3_stmt  *stmt,
                int            first)
{
  g_autoptr(AccordsPerson) person = person_from_row (stmt, first);

  accords_record_add_person (record, person);
}

static void
add_figure_row (AccordsRecord *record,
                sqlite3_stmt  *stmt,
                int            first)
{
  g_autoptr(AccordsFigure) figure = figure_from_row (stmt, first);

  accords_record_add_figure (record, figure);
}

static void
add_link_row (AccordsRecord *record,
              sqlite3_stmt  *stmt,
              int            first)
{
  accords_record_add_link (record, column_text (stmt, first), column_text (stmt, first + 1));
}

static void
add_source_row (AccordsRecord *record,
                sqlite3_stmt  *stmt,
                int            first)
{
  g_autoptr(AccordsSource) source = source_from_row (stmt, first);

  accords_record_add_source (record, source);
}

static void
set_annotation_row (AccordsRecord *record,
                    sqlite3_stmt  *stmt,
                    int            first)
{
  g_autoptr(AccordsAnnotation) annotation = annotation_from_row (stmt, first);

  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, accords_annotation_get_starred (annotation));
}

static void
set_annotation_tags (AccordsRecord      *record,
                     const char * const *tags)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);

  /* Tags belong to the annotation: without one there is nowhere to put
   * them. */
  if (annotation != NULL)
    {
      accords_annotation_set_tags (annotation, tags);
      accords_record_set_tags (record, tags);
    }
}

/* The child tables read row by row: the statement for one record, and the
 * head and tail of the one for a block of records, whose rows lead with
 * the record id and come sorted by it. */
static const struct
{
  const char *what;
  const char *one;
  const char *head;
  const char *tail;
  AddRow      add;
} child_tables[] = {
  {
    "people",
    "SELECT p.name, rp.role, p.country FROM record_person rp "
    "JOIN person p ON p.id = rp.person_id "
    "WHERE rp.record_id = ? ORDER BY rp.position",
    "SELECT rp.record_id, p.name, rp.role, p.country "
    "FROM record_person rp JOIN person p ON p.id = rp.person_id "
    "WHERE rp.record_id IN ",
    " ORDER BY rp.record_id, rp.position",
    add_person_row,
  },
  {
    "figures",
    "SELECT what, value, unit, year, text FROM record_figure "
    "WHERE record_id = ? ORDER BY position",
    "SELECT record_id, what, value, unit, year, text "
    "FROM record_figure WHERE record_id IN ",
    " ORDER BY record_id, position",
    add_figure_row,
  },
  {
    "links",
    "SELECT type, uid FROM record_link WHERE record_id = ? "
    "ORDER BY position",
    "SELECT record_id, type, uid FROM record_link WHERE record_id IN ",
    " ORDER BY record_id, position",
    add_link_row,
  },
  {
    "sources",
    "SELECT id, title, outlet, url, published, language, file, text "
    "FROM source WHERE record_id = ? ORDER BY position, id",
    "SELECT record_id, id, title, outlet, url, published, language, "
    "file, text FROM source WHERE record_id IN ",
    " ORDER BY record_id, position, id",
    add_source_row,
  },
};


static GStrv
collect_strings (AccordsStore  *self,
                 const char    *sql,
                 gint64         id,
                 const char    *arg,
                 GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _accords_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 2, arg, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, sql);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gboolean
load_string_lists (AccordsStore   *self,
                   AccordsRecord  *record,
                   gint64          id,
                   GError        **error)
{
  g_auto(GStrv) parties = NULL;
  g_auto(GStrv) mentioned = NULL;
  g_auto(GStrv) topics = NULL;
  g_auto(GStrv) orgs = NULL;

  parties = collect_strings (self,
                             "SELECT code FROM record_country WHERE record_id = ? AND role = ? "
                             "ORDER BY position",
                             id, "party", error);
  if (parties == NULL)
    return FALSE;

  mentioned = collect_strings (self,
                               "SELECT code FROM record_country WHERE record_id = ? AND role = ? "
                               "ORDER BY position",
                               id, "mentioned", error);
  if (mentioned == NULL)
    return FALSE;

  topics = collect_strings (self,
                            "SELECT topic FROM record_topic WHERE record_id = ? ORDER BY position",
                            id, NULL, error);
  if (topics == NULL)
    return FALSE;

  orgs = collect_strings (self,
                          "SELECT name FROM record_org WHERE record_id = ? ORDER BY position",
                          id, NULL, error);
  if (orgs == NULL)
    return FALSE;

  accords_record_set_parties (record, (const char * const *) parties);
  accords_record_set_mentioned (record, (const char * const *) mentioned);
  accords_record_set_topics (record, (const char * const *) topics);
  accords_record_set_organizations (record, (const char * const *) orgs);

  return TRUE;
}

static gboolean
load_children (AccordsStore   *self,
               AccordsRecord  *record,
               gint64          id,
               GError        **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    {
      sqlite3_stmt *stmt = _accords_store_prepare_cached (self, child_tables[i].one, error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        child_tables[i].add (record, stmt, 0);
      if (!rows_done (self, stmt, rc, child_tables[i].what, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_annotation (AccordsStore   *self,
                 AccordsRecord  *record,
                 gint64          id,
                 GError        **error)
{
  g_auto(GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT note, starred, review, modified FROM annotation "
                                        "WHERE record_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    set_annotation_row (record, stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "annotation");
      return FALSE;
    }

  if (rc == SQLITE_DONE)
    return TRUE;

  tags = collect_strings (self,
                          "SELECT t.name FROM record_tag rt JOIN tag t ON t.id = rt.tag_id "
                          "WHERE rt.record_id = ? ORDER BY t.name COLLATE NOCASE",
                          id, NULL, error);
  if (tags == NULL)
    return FALSE;

  set_annotation_tags (record, (const char * const *) tags);

  return TRUE;
}

/* The columns a list row and a full record both start with: id, uid,
 * title, kind and the four date columns. */
static void
set_heading (AccordsRecord *record,
             sqlite3_stmt  *stmt)
{
  accords_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  accords_record_set_uid (record, column_text (stmt, 1));
  accords_record_set_title (record, column_text (stmt, 2));
  set_kind (record, column_text (stmt, 3));
  set_dates (record, stmt, 4);
}

/* A record from a row of RECORD_COLUMNS. */
static AccordsRecord *
record_from_row (sqlite3_stmt *stmt)
{
  AccordsRecord *record = accords_record_new ();
  AccordsOrigin origin;

  set_heading (record, stmt);
  accords_record_set_date_as_reported (record, column_text (stmt, 8));
  accords_record_set_venue_city (record, column_text (stmt, 9));
  accords_record_set_venue_country (record, column_text (stmt, 10));
  accords_record_set_venue_forum (record, column_text (stmt, 11));
  accords_record_set_venue_virtual (record, sqlite3_column_int (stmt, 12) != 0);
  accords_record_set_summary (record, column_text (stmt, 13));
  if (accords_origin_from_string (column_text (stmt, 14), &origin))
    accords_record_set_origin (record, origin);
  accords_record_set_created (record, column_text (stmt, 15));
  accords_record_set_modified (record, column_text (stmt, 16));

  return record;
}

static AccordsRecord *
load_record (AccordsStore  *self,
             const char    *sql,
             gint64         id,
             const char    *uid,
             GError       **error)
{
  g_autoptr(AccordsRecord) record = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                     _("There is no record %s in the library"), uid != NULL ? uid : "");
      else
        _accords_store_set_error (error, _accords_store_get_db (self), rc, "record");
      sqlite3_reset (stmt);
      return NULL;
    }

  record = record_from_row (stmt);
  id = accords_record_get_id (record);
  sqlite3_reset (stmt);

  if (!load_string_lists (self, record, id, error) ||
      !load_children (self, record, id, error) ||
      !load_annotation (self, record, id, error))
    return NULL;

  return g_steal_pointer (&record);
}

#define RECORD_COLUMNS \
  "SELECT id, uid, title, kind, event_date, event_end, date_precision, date_qualifier, " \
  "date_as_reported, venue_city, venue_country, venue_forum, venue_virtual, summary, origin, " \
  "created, modified FROM record "

/**
 * accords_store_load_record:
 * @self: a store
 * @id: the record's id
 *
 * Loads every field of a record, with its sources and annotation.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
AccordsRecord *
accords_store_load_record (AccordsStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return load_record (self, RECORD_COLUMNS "WHERE id = ?", id, NULL, error);
}

/**
 * accords_store_load_record_by_uid:
 * @self: a store
 * @uid: the record's uid
 *
 * Like accords_store_load_record(), by uid.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
AccordsRecord *
accords_store_load_record_by_uid (AccordsStore  *self,
                                  const char    *uid,
                                  GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return load_record (self, RECORD_COLUMNS "WHERE uid = ?", 0, uid, error);
}

/**
 * accords_store_count_records:
 * @self: a store
 *
 * Returns: the number of records in the library, or -1 with @error set
 */
gint64
accords_store_count_records (AccordsStore  *self,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 count;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), -1);

  stmt = _accords_store_prepare_cached (self, "SELECT count(*) FROM record", error);
  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    _accords_store_set_error (error, _accords_store_get_db (self), rc, "count");

  return count;
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

/**
 * accords_store_query_ids:
 * @self: a store
 * @query: what to look for
 * @ids: (element-type gint64): receives the ids of the matching records, in
 *   the query's sort order
 * @cancellable: (nullable): cancels a long query
 *
 * Runs @query. The sorting is done by SQL. Meant for a worker thread with
 * its own connection (accords_store_open_reader()).
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_query_ids (AccordsStore   *self,
                         AccordsQuery   *query,
                         GArray         *ids,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 block[MAX_BLOCK];
  gboolean done = FALSE;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_QUERY (query), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  stmt = _accords_store_prepare_query_ids (self, query, error);
  if (stmt == NULL)
    return FALSE;

  while (!done)
    {
      int n = _accords_store_step_ids (self, stmt, block, G_N_ELEMENTS (block), &done,
                                       cancellable, error);

      if (n < 0)
        return FALSE;

      g_array_append_vals (ids, block, n);
    }

  return TRUE;
}

/**
 * _accords_store_prepare_query_ids:
 * @self: a store
 * @query: what to look for
 *
 * Compiles @query into a statement whose rows are the ids of the records
 * that match, in the query's order: accords_store_query_ids() in steps,
 * for a caller that streams them (an export).
 *
 * Returns: (transfer full): the statement, to finalize; %NULL with @error
 *   set on failure
 */
sqlite3_stmt *
_accords_store_prepare_query_ids (AccordsStore  *self,
                                  AccordsQuery  *query,
                                  GError       **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (ACCORDS_IS_QUERY (query), NULL);

  if (!_accords_store_compile_query (query, where, params, error))
    return NULL;

  sql = g_strdup_printf ("SELECT r.id FROM record r WHERE %s ORDER BY %s",
                         where->str,
                         _accords_store_sort_sql (accords_query_get_sort_key (query),
                                                  accords_query_get_sort_descending (query)));

  rc = sqlite3_prepare_v2 (_accords_store_get_db (self), sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "query");
      return NULL;
    }

  if (!_accords_store_bind_params (stmt, 1, params, error))
    return NULL;

  return g_steal_pointer (&stmt);
}

/**
 * _accords_store_step_ids:
 * @self: a store
 * @stmt: a statement from _accords_store_prepare_query_ids()
 * @ids: (out caller-allocates) (array length=max_ids): receives the next ids
 * @max_ids: room in @ids
 * @done: (out): set when the last id has been read; @stmt must not be
 *   stepped again then (SQLite would run it anew)
 * @cancellable: (nullable): cancels a long step
 *
 * Returns: the number of ids read, or -1 with @error set
 */
int
_accords_store_step_ids (AccordsStore  *self,
                         sqlite3_stmt  *stmt,
                         gint64        *ids,
                         guint          max_ids,
                         gboolean      *done,
                         GCancellable  *cancellable,
                         GError       **error)
{
  sqlite3 *db = _accords_store_get_db (self);
  guint n = 0;
  int rc = SQLITE_ROW;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), -1);
  g_return_val_if_fail (done != NULL && !*done, -1);

  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);

  while (n < max_ids && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);

  sqlite3_progress_handler (db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, db, rc, "query");
      return -1;
    }

  *done = rc == SQLITE_DONE;

  return (int) n;
}

static sqlite3_stmt *
prepare_block (AccordsStore  *self,
               const char    *head,
               const char    *tail,
               guint          n_ids,
               GError       **error)
{
  g_autoptr(GString) sql = g_string_new (head);

  g_string_append (sql, "(?");
  for (guint i = 1; i < n_ids; i++)
    g_string_append (sql, ",?");
  g_string_append_c (sql, ')');
  g_string_append (sql, tail);

  return _accords_store_prepare_cached (self, sql->str, error);
}

/* Full records for a block of ids (exports): one IN (…) statement per
 * table instead of a dozen point lookups per record. Child rows come
 * sorted by record id, so the rows of one record are consecutive; each
 * run of rows is handed to the record it belongs to. */

typedef struct
{
  const gint64   *ids;
  guint           n_ids;
  GHashTable     *positions; /* id → its first position in ids */
  AccordsRecord **records;
  gboolean        annotated; /* bind only the ids of annotated records */
} Block;

typedef void (*SetStrings) (AccordsRecord      *record,
                            const char * const *strings);

static sqlite3_stmt *
prepare_bound_block (AccordsStore  *self,
                     Block         *block,
                     const char    *head,
                     const char    *tail,
                     GError       **error)
{
  sqlite3_stmt *stmt = prepare_block (self, head, tail, block->n_ids, error);

  if (stmt == NULL)
    return NULL;

  /* The statement has as many places as the block has ids, so that it is
   * prepared once for every full block; the places of the ids left out
   * stay NULL, which IN (…) never matches. */
  sqlite3_clear_bindings (stmt);
  for (guint i = 0; i < block->n_ids; i++)
    {
      if (block->annotated && (block->records[i] == NULL ||
                               accords_record_get_annotation (block->records[i]) == NULL))
        continue;

      sqlite3_bind_int64 (stmt, i + 1, block->ids[i]);
    }

  return stmt;
}

/* The record a child row (record id in column 0) belongs to, or NULL. */
static AccordsRecord *
block_record (Block        *block,
              sqlite3_stmt *stmt)
{
  gint64 id = sqlite3_column_int64 (stmt, 0);
  gpointer position;

  if (!g_hash_table_lookup_extended (block->positions, &id, NULL, &position))
    return NULL;

  return block->records[GPOINTER_TO_UINT (position)];
}

static void
flush_strings (AccordsRecord    *record,
               GPtrArray       **lists,
               const SetStrings *setters,
               guint             n_lists)
{
  for (guint i = 0; i < n_lists; i++)
    {
      if (lists[i]->len == 0)
        continue;

      if (record != NULL)
        setters[i] (record, (const char * const *) lists[i]->pdata);
      g_ptr_array_set_size (lists[i], 0);
    }
}

/* Rows of (record id, which list, text), into up to two string lists. */
static gboolean
load_block_strings (AccordsStore      *self,
                    Block             *block,
                    const char        *head,
                    const char        *tail,
                    const SetStrings  *setters,
                    guint              n_lists,
                    GError           **error)
{
  g_autoptr(GPtrArray) first = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  g_autoptr(GPtrArray) second = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  GPtrArray *lists[2] = { first, second };
  AccordsRecord *current = NULL;
  gint64 current_id = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_assert (n_lists <= G_N_ELEMENTS (lists));

  stmt = prepare_bound_block (self, block, head, tail, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint which = (guint) sqlite3_column_int (stmt, 1);

      if (current == NULL || id != current_id)
        {
          flush_strings (current, lists, setters, n_lists);
          current = block_record (block, stmt);
          current_id = id;
        }

      if (which < n_lists)
        g_ptr_array_add (lists[which], g_strdup (column_text (stmt, 2)));
    }
  flush_strings (current, lists, setters, n_lists);

  return rows_done (self, stmt, rc, head, error);
}

/* Rows of (record id, the object's columns) through @add into the records
 * of @block. */
static gboolean
load_block_rows (AccordsStore  *self,
                 Block         *block,
                 const char    *head,
                 const char    *tail,
                 const char    *what,
                 AddRow         add,
                 GError       **error)
{
  sqlite3_stmt *stmt = prepare_bound_block (self, block, head, tail, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsRecord *record = block_record (block, stmt);

      if (record != NULL)
        add (record, stmt, 1);
    }

  return rows_done (self, stmt, rc, what, error);
}

/**
 * accords_store_load_list_records:
 * @self: a store
 * @ids: (array length=n_ids): record ids
 * @n_ids: how many, at most 256
 * @records: (out caller-allocates) (array length=n_ids): receives a new
 *   record for each id, %NULL for an id that is not in the library
 *
 * Loads the fields a list row shows (uid, title, kind, dates, parties,
 * topics, starred, tags) for a block of records with four statements.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_load_list_records (AccordsStore    *self,
                                 const gint64    *ids,
                                 guint            n_ids,
                                 AccordsRecord  **records,
                                 GError         **error)
{
  static const SetStrings party_setters[] = { accords_record_set_parties };
  static const SetStrings topic_setters[] = { accords_record_set_topics };
  static const SetStrings tag_setters[] = { accords_record_set_tags };
  g_autoptr(GHashTable) positions = NULL;
  Block block = { ids, n_ids, NULL, records, FALSE };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_ids <= MAX_BLOCK, FALSE);

  memset (records, 0, sizeof (AccordsRecord *) * n_ids);
  if (n_ids == 0)
    return TRUE;

  /* An id that comes twice is loaded at its last position only. */
  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i));
  block.positions = positions;

  stmt = prepare_bound_block (self, &block,
                              "SELECT r.id, r.uid, r.title, r.kind, r.event_date, r.event_end, "
                              "r.date_precision, r.date_qualifier, coalesce (a.starred, 0) "
                              "FROM record r LEFT JOIN annotation a ON a.record_id = r.id "
                              "WHERE r.id IN ",
                              "", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      AccordsRecord *record;
      gpointer position;

      if (!g_hash_table_lookup_extended (positions, &id, NULL, &position))
        continue;

      record = accords_record_new ();
      set_heading (record, stmt);
      accords_record_set_starred (record, sqlite3_column_int (stmt, 8) != 0);
      records[GPOINTER_TO_UINT (position)] = record;
    }

  if (rows_done (self, stmt, rc, "records", error) &&
      load_block_strings (self, &block,
                          "SELECT record_id, 0, code FROM record_country WHERE record_id IN ",
                          " AND role = 'party' ORDER BY record_id, position",
                          party_setters, G_N_ELEMENTS (party_setters), error) &&
      load_block_strings (self, &block,
                          "SELECT record_id, 0, topic FROM record_topic WHERE record_id IN ",
                          " ORDER BY record_id, position",
                          topic_setters, G_N_ELEMENTS (topic_setters), error) &&
      load_block_strings (self, &block,
                          "SELECT rt.record_id, 0, t.name FROM record_tag rt "
                          "JOIN tag t ON t.id = rt.tag_id WHERE rt.record_id IN ",
                          " ORDER BY rt.record_id, t.name COLLATE NOCASE",
                          tag_setters, G_N_ELEMENTS (tag_setters), error))
    return TRUE;

  for (guint i = 0; i < n_ids; i++)
    g_clear_object (&records[i]);

  return FALSE;
}

/**
 * _accords_store_load_records:
 * @self: a store
 * @ids: (array length=n_ids): record ids; the same id may come twice
 * @n_ids: how many, at most 256
 * @records: (out caller-allocates) (array length=n_ids): receives a new
 *   reference to each record, loaded in full as accords_store_load_record()
 *   does
 *
 * Loads a block of whole records with one statement per table.
 *
 * Returns: %TRUE on success; %FALSE with @error set (and @records all
 *   %NULL) on failure, or when an id is not in the library
 */
gboolean
_accords_store_load_records (AccordsStore    *self,
                             const gint64    *ids,
                             guint            n_ids,
                             AccordsRecord  **records,
                             GError         **error)
{
  static const SetStrings country_setters[] = {
    accords_record_set_parties, accords_record_set_mentioned,
  };
  static const SetStrings topic_setters[] = { accords_record_set_topics };
  static const SetStrings org_setters[] = { accords_record_set_organizations };
  static const SetStrings tag_setters[] = { set_annotation_tags };
  g_autoptr(GHashTable) positions = NULL;
  Block block = { ids, n_ids, NULL, records, FALSE };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_ids <= MAX_BLOCK, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  memset (records, 0, sizeof (AccordsRecord *) * n_ids);
  if (n_ids == 0)
    return TRUE;

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    if (!g_hash_table_contains (positions, &ids[i]))
      g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i));
  block.positions = positions;

  stmt = prepare_bound_block (self, &block, RECORD_COLUMNS "WHERE id IN ", "", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gpointer position;

      if (g_hash_table_lookup_extended (positions, &id, NULL, &position))
        records[GPOINTER_TO_UINT (position)] = record_from_row (stmt);
    }
  if (!rows_done (self, stmt, rc, "records", error))
    goto out;

  for (guint i = 0; i < n_ids; i++)
    {
      if (records[GPOINTER_TO_UINT (g_hash_table_lookup (positions, &ids[i]))] == NULL)
        {
          g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                       _("There is no record %s in the library"), "");
          goto out;
        }
    }

  /* Kept in the order of positions, the same as the single-record
   * queries; the last key only breaks ties between equal positions. */
  if (!load_block_strings (self, &block,
                           "SELECT record_id, role = 'mentioned', code FROM record_country "
                           "WHERE record_id IN ",
                           " ORDER BY record_id, position, code",
                           country_setters, G_N_ELEMENTS (country_setters), error) ||
      !load_block_strings (self, &block,
                           "SELECT record_id, 0, topic FROM record_topic WHERE record_id IN ",
                           " ORDER BY record_id, position, topic",
                           topic_setters, G_N_ELEMENTS (topic_setters), error) ||
      !load_block_strings (self, &block,
                           "SELECT record_id, 0, name FROM record_org WHERE record_id IN ",
                           " ORDER BY record_id, position",
                           org_setters, G_N_ELEMENTS (org_setters), error))
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    if (!load_block_rows (self, &block, child_tables[i].head, child_tables[i].tail,
                          child_tables[i].what, child_tables[i].add, error))
      goto out;

  if (!load_block_rows (self, &block,
                        "SELECT record_id, note, starred, review, modified "
                        "FROM annotation WHERE record_id IN ",
                        "", "annotations", set_annotation_row, error))
    goto out;

  /* Only annotations have tags: a few records in a large library. */
  for (guint i = 0; i < n_ids && !block.annotated; i++)
    block.annotated = records[i] != NULL && accords_record_get_annotation (records[i]) != NULL;

  if (block.annotated &&
      !load_block_strings (self, &block,
                           "SELECT rt.record_id, 0, t.name FROM record_tag rt "
                           "JOIN tag t ON t.id = rt.tag_id WHERE rt.record_id IN ",
                           " ORDER BY rt.record_id, t.name COLLATE NOCASE",
                           tag_setters, G_N_ELEMENTS (tag_setters), error))
    goto out;

  /* An id that comes twice shares the record of its first position. */
  for (guint i = 0; i < n_ids; i++)
    {
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &ids[i]));

      if (first != i)
        records[i] = g_object_ref (records[first]);
    }

  ok = TRUE;

out:
  if (!ok)
    for (guint i = 0; i < n_ids; i++)
      g_clear_object (&records[i]);

  return ok;
}
