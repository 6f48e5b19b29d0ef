/* accords-bench.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-bench"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "accords-export.h"
#include "accords-facets.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"

#include <gtk/gtk.h>

#include "accords-session.h"
#include "accords-timeline-private.h"

/* accords-bench [--runs N] FILE
 *
 * Times what the application does against a library next to bare SQLite
 * code doing the same work, and prints one line per figure:
 *
 *   NAME app_ms=… sql_ms=… ratio=…
 *
 * then `rss_mb=…`, the peak resident set after the app side has loaded the
 * whole list; then the facet figures (bench_facet_index_load, bench_facets)
 * and the longest main-loop stall while typing (bench_main_loop_stall).
 * Lines starting with '#' are comments. Each side runs once to warm up,
 * then N times (5); the figures are medians. The bare side is what
 * a careful hand-written program would do, following PERF-FLOOR.md: the
 * same SQL for the id list, one IN (…) statement per table for a block of
 * rows, prepared point lookups for single rows, on connections set up like
 * the store's (one thread per connection; memory-mapped reads only on the
 * connection that stays open). Both sides must come to the same ids and
 * fields, or the program stops. */

#define FIRST_ROWS      100
#define RANDOM_GETS     10000
#define RANDOM_SEED     42

#define ID_LIST_SQL "SELECT r.id FROM record r WHERE 1 ORDER BY r.event_date DESC, r.id DESC"

#define ROW_COLUMNS \
  "SELECT r.id, r.uid, r.title, r.kind, r.event_date, r.event_end, r.date_precision, " \
  "r.date_qualifier, coalesce (a.starred, 0) " \
  "FROM record r LEFT JOIN annotation a ON a.record_id = r.id "

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A query of the app side and its hand-written twin. */
typedef struct
{
  const char *name;
  const char *text;    /* search syntax */
  const char *sql;     /* the same ids, same order, values bound in order */
  const char *args[4];
} QueryCase;

/* Free words, country and topic: the main case, then a narrow one (rare
 * word, small country) and a broad one without text. The words were chosen
 * from the generated vocabulary (accords-generate): `cooperation` is in
 * about half of the records, `climate` in a few percent. */
static const QueryCase query_cases[] = {
  {
    "query_change",
    "cooperation country:CN topic:artificial_intelligence",
    "SELECT r.id FROM record_fts f JOIN record r ON r.id = f.rowid "
    "WHERE record_fts MATCH ?"
    " AND EXISTS (SELECT 1 FROM record_country c WHERE c.record_id = r.id"
    " AND c.code = ? AND c.role = 'party')"
    " AND EXISTS (SELECT 1 FROM record_topic t WHERE t.record_id = r.id AND t.topic = ?) "
    "ORDER BY r.event_date DESC, r.id DESC",
    { "cooperation", "CN", "artificial_intelligence", NULL },
  },
  {
    "query_change_narrow",
    "climate country:RS topic:cloud",
    "SELECT r.id FROM record_fts f JOIN record r ON r.id = f.rowid "
    "WHERE record_fts MATCH ?"
    " AND EXISTS (SELECT 1 FROM record_country c WHERE c.record_id = r.id"
    " AND c.code = ? AND c.role = 'party')"
    " AND EXISTS (SELECT 1 FROM record_topic t WHERE t.record_id = r.id AND t.topic = ?) "
    "ORDER BY r.event_date DESC, r.id DESC",
    { "climate", "RS", "cloud", NULL },
  },
  {
    "query_change_broad",
    "country:CN",
    "SELECT r.id FROM record r "
    "WHERE EXISTS (SELECT 1 FROM record_country c WHERE c.record_id = r.id"
    " AND c.code = ? AND c.role = 'party') "
    "ORDER BY r.event_date DESC, r.id DESC",
    { "CN", NULL },
  },
};

/* One list row as a hand-written program keeps it. */
typedef struct
{
  gint64     id;
  char      *uid;
  char      *title;
  char      *kind;
  char      *event_date;
  char      *event_end;
  char      *precision;
  char      *qualifier;
  gboolean   starred;
  GPtrArray *parties;   /* of strings, NULL-terminated; NULL when none */
  GPtrArray *topics;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->uid);
  g_free (row->title);
  g_free (row->kind);
  g_free (row->event_date);
  g_free (row->event_end);
  g_free (row->precision);
  g_free (row->qualifier);
  g_clear_pointer (&row->parties, g_ptr_array_unref);
  g_clear_pointer (&row->topics, g_ptr_array_unref);
  memset (row, 0, sizeof *row);
}

static GPtrArray *
new_string_list (void)
{
  return g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

/* Helpers ------------------------------------------------------------------- */

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
die (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  fprintf (stderr, "%s: ", g_get_prgname ());
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);

  exit (EXIT_FAILURE);
}

static void
check_sqlite (sqlite3    *db,
              int         rc,
              const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    die ("%s: %s", what, db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

static void
print_figure (const char *name,
              double      app_ms,
              double      sql_ms)
{
  printf ("%s app_ms=%.2f sql_ms=%.2f ratio=%.2f\n", name, app_ms, sql_ms, app_ms / sql_ms);
  fflush (stdout);
}

/* The peak resident set of this process, in kB. */
static guint64
read_vm_hwm (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static gboolean
strv_equal_array (const char * const *strv,
                  GPtrArray          *array)
{
  guint n = array != NULL ? array->len : 0;

  if (g_strv_length ((char **) strv) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (strv[i], g_ptr_array_index (array, i)) != 0)
      return FALSE;

  return TRUE;
}

/* The app side's record and the bare side's row carry the same fields. */
static void
check_same_row (AccordsRecord *record,
                const Row     *row)
{
  AccordsDatePrecision precision;
  AccordsDateQualifier qualifier;
  AccordsKind kind;

  if (accords_record_get_id (record) != row->id ||
      g_strcmp0 (accords_record_get_uid (record), row->uid) != 0 ||
      g_strcmp0 (accords_record_get_title (record), row->title) != 0 ||
      g_strcmp0 (accords_record_get_event_date (record), row->event_date) != 0 ||
      g_strcmp0 (accords_record_get_event_end (record), row->event_end) != 0 ||
      !accords_kind_from_string (row->kind, &kind) || accords_record_get_kind (record) != kind ||
      !accords_date_precision_from_string (row->precision, &precision) ||
      accords_record_get_date_precision (record) != precision ||
      !accords_date_qualifier_from_string (row->qualifier, &qualifier) ||
      accords_record_get_date_qualifier (record) != qualifier ||
      accords_record_get_starred (record) != row->starred ||
      !strv_equal_array (accords_record_get_parties (record), row->parties) ||
      !strv_equal_array (accords_record_get_topics (record), row->topics))
    die ("record %" G_GINT64_FORMAT ": the app and the bare side disagree", row->id);
}

/* Bare side --------------------------------------------------------------- */

/* A connection used by one thread, set up as the store sets up the same
 * kind of connection: memory-mapped reads for one that stays open (they
 * pay off once its pages are mapped), plain reads for one opened to run a
 * single query. */
static sqlite3 *
bare_open (const char *path,
           gboolean    stays_open)
{
  sqlite3 *db = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  check_sqlite (db, rc, "open");

  if (stays_open)
    {
      rc = sqlite3_exec (db, "PRAGMA mmap_size = 1073741824", NULL, NULL, NULL);
      check_sqlite (db, rc, "mmap_size");
    }

  return db;
}

static sqlite3_stmt *
bare_prepare (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  check_sqlite (db, rc, sql);

  return stmt;
}

/* Steps @stmt to the end, appending the first column to @ids. */
static void
bare_collect_ids (sqlite3_stmt *stmt,
                  GArray       *ids)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  check_sqlite (sqlite3_db_handle (stmt), rc, "step");
}

static void
bare_fill_row (Row          *row,
               sqlite3_stmt *stmt)
{
  row->id = sqlite3_column_int64 (stmt, 0);
  row->uid = dup_column (stmt, 1);
  row->title = dup_column (stmt, 2);
  row->kind = dup_column (stmt, 3);
  row->event_date = dup_column (stmt, 4);
  row->event_end = dup_column (stmt, 5);
  row->precision = dup_column (stmt, 6);
  row->qualifier = dup_column (stmt, 7);
  row->starred = sqlite3_column_int (stmt, 8) != 0;
}

static char *
in_list_sql (const char *head,
             guint       n,
             const char *tail)
{
  GString *sql = g_string_new (head);

  g_string_append (sql, "(?");
  for (guint i = 1; i < n; i++)
    g_string_append (sql, ",?");
  g_string_append (sql, ")");
  g_string_append (sql, tail);

  return g_string_free (sql, FALSE);
}

/* The list fields of @n ids in one statement per table; @rows[i] gets
 * the row of @ids[i]. */
static void
bare_fetch_block (sqlite3      *db,
                  const gint64 *ids,
                  guint         n,
                  Row          *rows)
{
  static const struct {
    const char *head;
    const char *tail;
    gsize       list;
  } lists[] = {
    { "SELECT record_id, code FROM record_country WHERE record_id IN ",
      " AND role = 'party' ORDER BY record_id, position", G_STRUCT_OFFSET (Row, parties) },
    { "SELECT record_id, topic FROM record_topic WHERE record_id IN ",
      " ORDER BY record_id, position", G_STRUCT_OFFSET (Row, topics) },
  };
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *sql = in_list_sql (ROW_COLUMNS "WHERE r.id IN ", n, "");
  g_autoptr(sqlite3_stmt) stmt = bare_prepare (db, sql);
  int rc;

  for (guint i = 0; i < n; i++)
    {
      g_hash_table_insert (index, (gpointer) &ids[i], &rows[i]);
      sqlite3_bind_int64 (stmt, i + 1, ids[i]);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      Row *row = g_hash_table_lookup (index, &id);

      bare_fill_row (row, stmt);
    }
  check_sqlite (db, rc, "rows");

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_autofree char *list_sql = in_list_sql (lists[l].head, n, lists[l].tail);
      g_autoptr(sqlite3_stmt) list_stmt = bare_prepare (db, list_sql);

      for (guint i = 0; i < n; i++)
        sqlite3_bind_int64 (list_stmt, i + 1, ids[i]);

      while ((rc = sqlite3_step (list_stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (list_stmt, 0);
          Row *row = g_hash_table_lookup (index, &id);
          GPtrArray **list = G_STRUCT_MEMBER_P (row, lists[l].list);

          if (*list == NULL)
            *list = new_string_list ();
          g_ptr_array_add (*list, dup_column (list_stmt, 1));
        }
      check_sqlite (db, rc, "list");
    }
}

/* Prepared once, used for every point lookup. */
typedef struct
{
  sqlite3_stmt *row;
  sqlite3_stmt *parties;
  sqlite3_stmt *topics;
} PointStatements;

static void
bare_fetch_one (PointStatements *statements,
                gint64           id,
                Row             *row)
{
  sqlite3_stmt *lists[] = { statements->parties, statements->topics };
  GPtrArray **targets[] = { &row->parties, &row->topics };
  int rc;

  sqlite3_bind_int64 (statements->row, 1, id);
  rc = sqlite3_step (statements->row);
  if (rc != SQLITE_ROW)
    die ("no record %" G_GINT64_FORMAT, id);
  bare_fill_row (row, statements->row);
  sqlite3_reset (statements->row);

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      sqlite3_bind_int64 (lists[l], 1, id);
      while ((rc = sqlite3_step (lists[l])) == SQLITE_ROW)
        {
          if (*targets[l] == NULL)
            *targets[l] = new_string_list ();
          g_ptr_array_add (*targets[l], dup_column (lists[l], 0));
        }
      check_sqlite (sqlite3_db_handle (lists[l]), rc, "point list");
      sqlite3_reset (lists[l]);
    }
}

/* App side ------------------------------------------------------------------ */

static void
wait_loaded (AccordsRecordList *list)
{
  const GError *error;

  while (accords_record_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);

  if ((error = accords_record_list_get_error (list)) != NULL)
    die ("query failed: %s", error->message);
}

static AccordsStore *
app_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordsStore *store = accords_store_open (path, &error);

  if (store == NULL)
    die ("%s", error->message);

  return store;
}

static AccordsQuery *
parse_query (const char *text)
{
  g_autoptr(GError) error = NULL;
  AccordsQuery *query = accords_query_parse (text, NULL, NULL, &error);

  if (query == NULL)
    die ("cannot parse \"%s\": %s", text, error->message);

  return query;
}

/* Figures ------------------------------------------------------------------- */

typedef struct
{
  const char *path;
  guint       runs;     /* timed runs per side, after one warm-up */
  guint64     rss_kb;   /* VmHWM once the app side has loaded the list */
} Bench;

/* Opening a library and showing its first rows: the whole id list in date
 * order, then the fields of the first FIRST_ROWS rows. */
static void
bench_open_first_rows (Bench *bench)
{
  g_autofree double *app = g_new (double, bench->runs);
  g_autofree double *bare = g_new (double, bench->runs);
  g_autoptr(GArray) app_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) app_items = g_ptr_array_new_with_free_func (g_object_unref);
  guint app_n = 0;

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(AccordsStore) store = NULL;
      g_autoptr(AccordsRecordList) list = NULL;
      gint64 start = g_get_monotonic_time ();

      store = app_open (bench->path);
      list = accords_record_list_new (store);
      wait_loaded (list);

      for (guint i = 0; i < FIRST_ROWS; i++)
        {
          AccordsRecord *record = g_list_model_get_item (G_LIST_MODEL (list), i);

          if (record == NULL)
            die ("the library has fewer than %u records", FIRST_ROWS);
          g_object_unref (record);
        }

      if (run > 0)
        app[run - 1] = ms_since (start);

      /* Kept for the comparison below, outside the timing. */
      app_n = g_list_model_get_n_items (G_LIST_MODEL (list));
      g_array_set_size (app_ids, 0);
      g_ptr_array_set_size (app_items, 0);
      for (guint i = 0; i < FIRST_ROWS; i++)
        {
          gint64 id = accords_record_list_get_id (list, i);

          g_array_append_val (app_ids, id);
          g_ptr_array_add (app_items, g_list_model_get_item (G_LIST_MODEL (list), i));
        }
    }

  bench->rss_kb = read_vm_hwm ();

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(sqlite3_stmt) stmt = NULL;
      Row rows[FIRST_ROWS] = { { 0 } };
      gint64 start = g_get_monotonic_time ();
      sqlite3 *db;

      db = bare_open (bench->path, FALSE);
      stmt = bare_prepare (db, ID_LIST_SQL);
      bare_collect_ids (stmt, ids);
      if (ids->len < FIRST_ROWS)
        die ("the library has fewer than %u records", FIRST_ROWS);
      bare_fetch_block (db, (const gint64 *) ids->data, FIRST_ROWS, rows);

      if (run > 0)
        bare[run - 1] = ms_since (start);

      if (ids->len != app_n)
        die ("open_first_rows: %u ids on the app side, %u on the bare side", app_n, ids->len);
      for (guint i = 0; i < FIRST_ROWS; i++)
        {
          if (g_array_index (ids, gint64, i) != g_array_index (app_ids, gint64, i))
            die ("open_first_rows: row %u differs", i);
          check_same_row (g_ptr_array_index (app_items, i), &rows[i]);
          row_clear (&rows[i]);
        }

      g_clear_pointer (&stmt, sqlite3_finalize);
      sqlite3_close (db);
    }

  print_figure ("open_first_rows", median (app, bench->runs), median (bare, bench->runs));
}

/* Changing the query of a loaded list: from everything to @qc's query,
 * until the new ids are in. */
static void
bench_query_change (Bench           *bench,
                    AccordsStore    *store,
                    sqlite3         *db,
                    const QueryCase *qc)
{
  g_autofree double *app = g_new (double, bench->runs);
  g_autofree double *bare = g_new (double, bench->runs);
  g_autoptr(AccordsRecordList) list = accords_record_list_new (store);
  g_autoptr(AccordsQuery) everything = accords_query_new ();
  g_autoptr(GArray) app_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  wait_loaded (list);

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(AccordsQuery) query = NULL;
      gint64 start;

      accords_record_list_set_query (list, everything);
      wait_loaded (list);

      start = g_get_monotonic_time ();
      query = parse_query (qc->text);
      accords_record_list_set_query (list, query);
      wait_loaded (list);
      if (run > 0)
        app[run - 1] = ms_since (start);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      gint64 id = accords_record_list_get_id (list, i);

      g_array_append_val (app_ids, id);
    }

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gint64 start = g_get_monotonic_time ();

      stmt = bare_prepare (db, qc->sql);
      for (guint i = 0; qc->args[i] != NULL; i++)
        sqlite3_bind_text (stmt, i + 1, qc->args[i], -1, SQLITE_STATIC);
      bare_collect_ids (stmt, ids);

      if (run > 0)
        bare[run - 1] = ms_since (start);

      if (ids->len != app_ids->len)
        die ("%s: %u ids on the app side, %u on the bare side", qc->name, app_ids->len, ids->len);
      if (memcmp (ids->data, app_ids->data, ids->len * sizeof (gint64)) != 0)
        die ("%s: the ids differ", qc->name);
    }

  printf ("# %s: \"%s\", %u records\n", qc->name, qc->text, app_ids->len);
  print_figure (qc->name, median (app, bench->runs), median (bare, bench->runs));
}

/* Items at random positions of the full list: what jumping around costs. */
static void
bench_get_item_random (Bench        *bench,
                       AccordsStore *store,
                       sqlite3      *db)
{
  g_autofree double *app = g_new (double, bench->runs);
  g_autofree double *bare = g_new (double, bench->runs);
  g_autofree guint *positions = g_new (guint, RANDOM_GETS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (RANDOM_SEED);
  g_autoptr(AccordsRecordList) list = NULL;
  g_autoptr(sqlite3_stmt) row_stmt = NULL;
  g_autoptr(sqlite3_stmt) parties_stmt = NULL;
  g_autoptr(sqlite3_stmt) topics_stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PointStatements statements;
  guint n;

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 start;

      /* A new list each time, so that every run starts with a cold cache. */
      g_clear_object (&list);
      list = accords_record_list_new (store);
      wait_loaded (list);

      if (run == 0)
        {
          n = g_list_model_get_n_items (G_LIST_MODEL (list));
          for (guint i = 0; i < RANDOM_GETS; i++)
            positions[i] = g_rand_int_range (rand, 0, n);
        }

      start = g_get_monotonic_time ();
      for (guint i = 0; i < RANDOM_GETS; i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), positions[i]));
      if (run > 0)
        app[run - 1] = ms_since (start);
    }

  /* The bare side maps positions to ids through the same array the app
   * side uses: the id list is not what is measured here. */
  for (guint i = 0; i < n; i++)
    {
      gint64 id = accords_record_list_get_id (list, i);

      g_array_append_val (ids, id);
    }

  row_stmt = bare_prepare (db, ROW_COLUMNS "WHERE r.id = ?");
  parties_stmt = bare_prepare (db, "SELECT code FROM record_country "
                                   "WHERE record_id = ? AND role = 'party' ORDER BY position");
  topics_stmt = bare_prepare (db, "SELECT topic FROM record_topic "
                                  "WHERE record_id = ? ORDER BY position");
  statements = (PointStatements) { row_stmt, parties_stmt, topics_stmt };

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < RANDOM_GETS; i++)
        {
          Row row = { 0 };

          bare_fetch_one (&statements, g_array_index (ids, gint64, positions[i]), &row);
          row_clear (&row);
        }

      if (run > 0)
        bare[run - 1] = ms_since (start);
    }

  /* Same fields on both sides, checked outside the timing. */
  for (guint i = 0; i < RANDOM_GETS; i += 50)
    {
      g_autoptr(AccordsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
      Row row = { 0 };

      bare_fetch_one (&statements, g_array_index (ids, gint64, positions[i]), &row);
      check_same_row (record, &row);
      row_clear (&row);
    }

  print_figure ("get_item_random", median (app, bench->runs), median (bare, bench->runs));
}

/* Facets ------------------------------------------------------------------- */

/* A filter for the facet figures: the app side counts the ids of the list
 * of @text with the facet index; the bare side runs one GROUP BY per facet
 * (countries, topics, kinds, years) driven from the country junction index,
 * as PERF-FLOOR.md §2e does. */
typedef struct
{
  const char *name;
  const char *text;
  const char *filter; /* more conditions on r, after c0.code = ?1 */
  const char *args[3];
} FacetCase;

static const FacetCase facet_cases[] = {
  {
    "facets_narrow",
    "country:RS topic:cloud",
    " AND EXISTS (SELECT 1 FROM record_topic t0 WHERE t0.record_id = r.id AND t0.topic = ?2)",
    { "RS", "cloud", NULL },
  },
  {
    "facets_broad",
    "country:CN",
    "",
    { "CN", NULL },
  },
};

static const struct {
  AccordsFacet  facet;
  const char   *select;
  const char   *join;
  const char   *where;
} facet_sql[] = {
  { ACCORDS_FACET_COUNTRY, "SELECT c.code, count(*) ",
    " JOIN record_country c ON c.record_id = r.id AND c.role = 'party'", "" },
  { ACCORDS_FACET_TOPIC, "SELECT t.topic, count(*) ",
    " JOIN record_topic t ON t.record_id = r.id", "" },
  { ACCORDS_FACET_KIND, "SELECT r.kind, count(*) ", "", "" },
  { ACCORDS_FACET_YEAR, "SELECT substr (r.event_date, 1, 4), count(*) ", "",
    " AND r.event_date IS NOT NULL" },
};

/* Loads the index of the whole library: the median of the runs, and its
 * size. Returns the last one loaded. */
static AccordsFacetIndex *
bench_facet_index_load (Bench        *bench,
                        AccordsStore *store)
{
  g_autofree double *app = g_new (double, bench->runs);
  AccordsFacetIndex *index = NULL;

  for (guint run = 0; run <= bench->runs; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&index);
      index = accords_facet_index_load (store, NULL, &error);
      if (index == NULL)
        die ("facet index: %s", error->message);
      if (run > 0)
        app[run - 1] = ms_since (start);
    }

  printf ("# facet index: %u records\n", accords_facet_index_get_n_records (index));
  printf ("facet_index_load_ms=%.1f\n", median (app, bench->runs));
  printf ("facet_index_mb=%.1f\n", accords_facet_index_get_size (index) / (1024.0 * 1024.0));
  fflush (stdout);

  return index;
}

/* The bare side's counts of @fc, checked against the app side's @counts. */
static void
bare_facets (sqlite3            *db,
             const FacetCase    *fc,
             AccordsFacetCounts *counts)
{
  for (guint f = 0; f < G_N_ELEMENTS (facet_sql); f++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint n_rows = 0;
      int rc;

      sql = g_strconcat (facet_sql[f].select,
                         "FROM record_country c0 JOIN record r ON r.id = c0.record_id",
                         facet_sql[f].join,
                         " WHERE c0.code = ?1 AND c0.role = 'party'",
                         fc->filter, facet_sql[f].where, " GROUP BY 1", NULL);
      stmt = bare_prepare (db, sql);
      for (guint i = 0; fc->args[i] != NULL; i++)
        sqlite3_bind_text (stmt, i + 1, fc->args[i], -1, SQLITE_STATIC);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, 0);
          guint count = sqlite3_column_int (stmt, 1);

          n_rows++;
          if (counts != NULL &&
              accords_facet_counts_lookup (counts, facet_sql[f].facet, value) != count)
            die ("%s: %s has %u records on the bare side, %u on the app side", fc->name,
                 value, count, accords_facet_counts_lookup (counts, facet_sql[f].facet, value));
        }
      check_sqlite (db, rc, "facets");

      if (counts != NULL &&
          accords_facet_counts_get_n_entries (counts, facet_sql[f].facet) != n_rows)
        die ("%s: %u values on the bare side, %u on the app side", fc->name, n_rows,
             accords_facet_counts_get_n_entries (counts, facet_sql[f].facet));
    }
}

/* The facets of a result: accords_facet_index_count() over the ids of the
 * list of @fc, and the bare side's GROUP BY for the same filter. */
static void
bench_facets (Bench             *bench,
              AccordsStore      *store,
              sqlite3           *db,
              AccordsFacetIndex *index,
              const FacetCase   *fc)
{
  g_autofree double *app = g_new (double, bench->runs);
  g_autofree double *bare = g_new (double, bench->runs);
  g_autoptr(AccordsRecordList) list = accords_record_list_new (store);
  g_autoptr(AccordsQuery) query = parse_query (fc->text);
  g_autoptr(AccordsFacetCounts) counts = NULL;
  GArray *ids;

  wait_loaded (list);
  accords_record_list_set_query (list, query);
  wait_loaded (list);
  ids = accords_record_list_get_ids (list);

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      g_clear_object (&counts);
      counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
      if (run > 0)
        app[run - 1] = ms_since (start);
    }

  for (guint run = 0; run <= bench->runs; run++)
    {
      gint64 start = g_get_monotonic_time ();

      bare_facets (db, fc, NULL);
      if (run > 0)
        bare[run - 1] = ms_since (start);
    }

  /* Both sides agree, checked outside the timing. */
  bare_facets (db, fc, counts);

  printf ("# %s: \"%s\", %u records\n", fc->name, fc->text, ids->len);
  printf ("%s_ms=%.2f\n", fc->name, median (app, bench->runs));
  print_figure (fc->name, median (app, bench->runs), median (bare, bench->runs));
}

/* The main loop while a user types ----------------------------------------- */

#define KEY_MIN_MS    100
#define KEY_MAX_MS    200
#define DEBOUNCE_MS   150
#define STALL_WAIT_S  120

/* What a user types into the search entry, one step at a time; some steps
 * do not parse (and change nothing), as when typing for real. */
static const char *typed[] = {
  "c", "co", "coo", "cooperation", "cooperation c", "cooperation country:",
  "cooperation country:C", "cooperation country:CN", "country:CN", "country:CN t",
  "country:CN topic:", "country:CN topic:c", "country:CN topic:cloud",
  "country:RS topic:cloud", "country:RS", "", "year:2020", "kind:visit",
  "kind:visit year:2021", "",
};

typedef struct
{
  AccordsRecordList  *list;
  AccordsFacetIndex  *index;
  GCancellable       *facets_cancellable; /* of the running count, or NULL */
  AccordsFacetCounts *counts;
  GMainLoop          *loop;
  GRand              *rand;

  const char         *text;               /* typed, not yet applied */
  guint               next_key;
  guint               key_id;
  guint               debounce_id;
  guint               beat_id;

  gint64              last_beat;
  gint64              worst_gap;
  gint64              worst_handler;
  const char         *worst_handler_name;
  guint               n_queries;
  guint               n_counts;
} Typing;

static void
note_handler (Typing     *typing,
              const char *name,
              gint64      start)
{
  gint64 spent = g_get_monotonic_time () - start;

  if (spent > typing->worst_handler)
    {
      typing->worst_handler = spent;
      typing->worst_handler_name = name;
    }
}

static void
check_finished (Typing *typing)
{
  if (typing->next_key == G_N_ELEMENTS (typed) &&
      typing->debounce_id == 0 &&
      typing->facets_cancellable == NULL &&
      !accords_record_list_get_loading (typing->list))
    g_main_loop_quit (typing->loop);
}

static gboolean
on_beat_cb (gpointer user_data)
{
  Typing *typing = user_data;
  gint64 now = g_get_monotonic_time ();

  typing->worst_gap = MAX (typing->worst_gap, now - typing->last_beat);
  typing->last_beat = now;

  return G_SOURCE_CONTINUE;
}

static gboolean
on_debounce_cb (gpointer user_data)
{
  Typing *typing = user_data;
  g_autoptr(AccordsQuery) query = NULL;
  gint64 start = g_get_monotonic_time ();

  typing->debounce_id = 0;

  query = accords_query_parse (typing->text, NULL, NULL, NULL);
  if (query != NULL)
    {
      typing->n_queries++;
      accords_record_list_set_query (typing->list, query);
    }

  note_handler (typing, "debounce + set_query", start);
  check_finished (typing);

  return G_SOURCE_REMOVE;
}

static gboolean
on_key_cb (gpointer user_data)
{
  Typing *typing = user_data;

  typing->key_id = 0;
  typing->text = typed[typing->next_key++];

  g_clear_handle_id (&typing->debounce_id, g_source_remove);
  typing->debounce_id = g_timeout_add (DEBOUNCE_MS, on_debounce_cb, typing);

  if (typing->next_key < G_N_ELEMENTS (typed))
    typing->key_id = g_timeout_add (g_rand_int_range (typing->rand, KEY_MIN_MS, KEY_MAX_MS + 1),
                                    on_key_cb, typing);

  return G_SOURCE_REMOVE;
}

static void
on_facets_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Typing *typing = user_data;
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  counts = accords_facet_index_count_finish (ACCORDS_FACET_INDEX (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (counts == NULL)
    die ("facets: %s", error->message);

  g_clear_object (&typing->facets_cancellable);
  g_clear_object (&typing->counts);
  typing->counts = g_steal_pointer (&counts);
  typing->n_counts++;

  note_handler (typing, "facets done", start);
  check_finished (typing);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Typing     *typing)
{
  gint64 start = g_get_monotonic_time ();

  g_cancellable_cancel (typing->facets_cancellable);
  g_clear_object (&typing->facets_cancellable);
  typing->facets_cancellable = g_cancellable_new ();

  accords_facet_index_count_async (typing->index, accords_record_list_get_ids (typing->list),
                                   typing->facets_cancellable, on_facets_done_cb, typing);

  note_handler (typing, "items-changed", start);
}

static gboolean
on_too_long_cb (gpointer user_data)
{
  die ("main_loop_stall: not done after %u s", STALL_WAIT_S);
}

/* Twenty steps typed into the search entry over a million-record list, a
 * query per debounced step and a facet count per result, all through a
 * running main loop; the figure is the longest the loop went without
 * dispatching its 1 ms heartbeat. */
static void
bench_main_loop_stall (AccordsStore      *store,
                       AccordsFacetIndex *index)
{
  Typing typing = { 0 };
  guint too_long_id;

  typing.list = accords_record_list_new (store);
  typing.index = index;
  typing.loop = g_main_loop_new (NULL, FALSE);
  typing.rand = g_rand_new_with_seed (RANDOM_SEED);

  wait_loaded (typing.list);
  g_signal_connect (typing.list, "items-changed", G_CALLBACK (on_items_changed_cb), &typing);

  typing.last_beat = g_get_monotonic_time ();
  typing.beat_id = g_timeout_add (1, on_beat_cb, &typing);
  typing.key_id = g_timeout_add (KEY_MIN_MS, on_key_cb, &typing);
  too_long_id = g_timeout_add_seconds (STALL_WAIT_S, on_too_long_cb, NULL);

  g_main_loop_run (typing.loop);

  g_source_remove (too_long_id);
  g_clear_handle_id (&typing.beat_id, g_source_remove);

  printf ("# main_loop: %u steps typed, %u queries, %u facet counts; "
          "longest handler %.1f ms (%s)\n",
          (guint) G_N_ELEMENTS (typed), typing.n_queries, typing.n_counts,
          typing.worst_handler / 1000.0,
          typing.worst_handler_name != NULL ? typing.worst_handler_name : "none");
  printf ("main_loop_stall_ms=%.1f\n", typing.worst_gap / 1000.0);
  fflush (stdout);

  g_signal_handlers_disconnect_by_data (typing.list, &typing);
  g_clear_object (&typing.counts);
  g_clear_object (&typing.facets_cancellable);
  g_clear_object (&typing.list);
  g_main_loop_unref (typing.loop);
  g_rand_free (typing.rand);
}

/* Export ------------------------------------------------------------------- */

/* The bare side of the export figures: one statement that yields every
 * record's row with its lists joined by SQLite, written as CSV (quoted
 * when needed, as sqlite3 -csv does) or as one JSON object per record. */

#define BARE_CSV_SQL \
  "SELECT r.uid, r.event_date, r.event_end, r.date_precision, r.date_qualifier, " \
  "r.date_as_reported, r.kind, r.title, " \
  "(SELECT group_concat (code, '; ') FROM record_country c " \
  " WHERE c.record_id = r.id AND c.role = 'party'), " \
  "(SELECT group_concat (code, '; ') FROM record_country c " \
  " WHERE c.record_id = r.id AND c.role = 'mentioned'), " \
  "r.venue_city, " \
  "(SELECT group_concat (name, '; ') FROM record_org o WHERE o.record_id = r.id), " \
  "(SELECT group_concat (topic, '; ') FROM record_topic t WHERE t.record_id = r.id), " \
  "r.summary, " \
  "(SELECT group_concat (title, '; ') FROM source s WHERE s.record_id = r.id), " \
  "(SELECT group_concat (url, '; ') FROM source s WHERE s.record_id = r.id), " \
  "(SELECT note FROM annotation a WHERE a.record_id = r.id) " \
  "FROM record r ORDER BY r.event_date DESC, r.id DESC"

#define BARE_JSON_SQL \
  "SELECT json_object ('uid', r.uid, 'title', r.title, 'kind', r.kind, 'summary', r.summary, " \
  "'event_date', r.event_date, 'event_end', r.event_end, " \
  "'parties', (SELECT json_group_array (code) FROM record_country c " \
  "  WHERE c.record_id = r.id AND c.role = 'party'), " \
  "'topics', (SELECT json_group_array (topic) FROM record_topic t WHERE t.record_id = r.id), " \
  "'organizations', (SELECT json_group_array (name) FROM record_org o WHERE o.record_id = r.id), " \
  "'sources', (SELECT json_group_array (json_object ('title', s.title, 'url', s.url, " \
  "  'outlet', s.outlet, 'text', s.text)) FROM source s WHERE s.record_id = r.id), " \
  "'annotation', (SELECT json_object ('note', a.note) FROM annotation a " \
  "  WHERE a.record_id = r.id)) " \
  "FROM record r ORDER BY r.event_date DESC, r.id DESC"

static double
bare_export (sqlite3    *db,
             const char *sql,
             gboolean    csv)
{
  g_autoptr(sqlite3_stmt) stmt = bare_prepare (db, sql);
  FILE *out = fopen ("/dev/null", "w");
  gint64 start = g_get_monotonic_time ();
  int n_columns = sqlite3_column_count (stmt);
  int rc;

  if (out == NULL)
    die ("/dev/null: %s", g_strerror (errno));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < n_columns; i++)
        {
          const char *value = (const char *) sqlite3_column_text (stmt, i);

          if (!csv)
            {
              fputs (value != NULL ? value : "null", out);
              continue;
            }

          if (i > 0)
            fputc (',', out);
          if (value != NULL && value[strcspn (value, "\",\r\n")] != '\0')
            {
              fputc ('"', out);
              for (const char *p = value; *p != '\0'; p++)
                {
                  if (*p == '"')
                    fputc ('"', out);
                  fputc (*p, out);
                }
              fputc ('"', out);
            }
          else if (value != NULL)
            {
              fputs (value, out);
            }
        }
      fputs (csv ? "\r\n" : ",\n", out);
    }
  check_sqlite (db, rc, "bare export");
  fclose (out);

  return ms_since (start);
}

static double
app_export (AccordsStore        *store,
            AccordsExportFormat  format)
{
  g_autoptr(GFile) null_file = g_file_new_for_path ("/dev/null");
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(AccordsQuery) query = accords_query_new ();
  g_autoptr(GError) error = NULL;
  gint64 start;

  out = g_file_append_to (null_file, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL)
    die ("/dev/null: %s", error->message);
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (out), 64 * 1024);

  accords_query_set_sort (query, ACCORDS_SORT_DATE, TRUE);

  start = g_get_monotonic_time ();
  if (!accords_export_run (store, query, NULL, 0, format, ACCORDS_EXPORT_OPTION_NONE,
                           buffered, NULL, NULL, &error) ||
      !g_output_stream_close (buffered, NULL, &error))
    die ("export: %s", error->message);

  return ms_since (start);
}

/* A line of /proc/self/status, in kB. */
static guint64
read_status_kb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, key)) == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen (key), NULL, 10);
}

/* Exporting every record: one timed run a side (a million records take
 * a while). The memory figure is the anonymous resident memory (the
 * heap) after the app's export, which must not grow with the number of
 * records; the pages of the file that SQLite maps (mmap_size) are
 * resident too, and shared with the page cache: they are printed apart. */
static void
bench_export (Bench        *bench,
              AccordsStore *store)
{
  sqlite3 *db = bare_open (bench->path, TRUE);
  guint64 anon_before = read_status_kb ("RssAnon:");
  double app_ms;
  double sql_ms;

  app_ms = app_export (store, ACCORDS_EXPORT_FORMAT_CSV);
  printf ("# export: anonymous RSS %.1f MB before, %.1f MB after; file pages mapped %.1f MB\n",
          anon_before / 1024.0, read_status_kb ("RssAnon:") / 1024.0,
          read_status_kb ("RssFile:") / 1024.0);
  printf ("export_rss_mb=%.1f\n", read_status_kb ("RssAnon:") / 1024.0);
  sql_ms = bare_export (db, BARE_CSV_SQL, TRUE);
  print_figure ("export_csv", app_ms, sql_ms);

  app_ms = app_export (store, ACCORDS_EXPORT_FORMAT_JSON);
  sql_ms = bare_export (db, BARE_JSON_SQL, FALSE);
  print_figure ("export_json", app_ms, sql_ms);

  sqlite3_close (db);
}

/* Timeline ------------------------------------------------------------------ */

#define TIMELINE_FRAMES 30

/* The UI's resources, which the application registers by hand. */
extern void accords_register_resource (void);

/* One frame as the screen would get it: what the widget computes and
 * draws (the snapshot vfunc: lanes, bins or markers, text), then the
 * render node rasterised by the window's renderer. */
static double
timeline_frame (AccordsTimeline *timeline,
                GskRenderer     *renderer,
                double           start,
                double           end,
                double          *snapshot_ms)
{
  GtkWidget *widget = GTK_WIDGET (timeline);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 t0 = g_get_monotonic_time ();

  accords_timeline_set_range (timeline, start, end);
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (snapshot_ms != NULL)
    *snapshot_ms = ms_since (t0);
  if (node != NULL)
    texture = gsk_renderer_render_texture (renderer, node,
                                           &GRAPHENE_RECT_INIT (0, 0,
                                                                gtk_widget_get_width (widget),
                                                                gtk_widget_get_height (widget)));

  return ms_since (t0);
}

/* The timeline over the whole library, offscreen (an unmanaged window
 * under Xvfb, cairo renderer): the median frame of a zoom-out from a
 * month to everything, and of a pan at a two-year zoom, each frame
 * including the computing of what to draw. Skipped without a display. */
static void
bench_timeline (Bench        *bench,
                AccordsStore *store)
{
  g_autoptr(AccordsSession) session = NULL;
  AccordsTimeline *timeline;
  GtkWidget *window;
  GskRenderer *renderer;
  double zoom[TIMELINE_FRAMES];
  double pan[TIMELINE_FRAMES];
  double drawn[TIMELINE_FRAMES];
  double first, last, days, middle, factor;
  gint64 t0;

  if (g_getenv ("GSK_RENDERER") == NULL)
    g_setenv ("GSK_RENDERER", "cairo", TRUE);

  if (!gtk_init_check ())
    {
      printf ("# timeline: skipped, GTK cannot open a display (run under xvfb-run)\n");
      printf ("timeline_zoom_out_ms=skipped\n");
      printf ("timeline_pan_ms=skipped\n");
      fflush (stdout);
      return;
    }

  accords_register_resource ();

  t0 = g_get_monotonic_time ();
  session = accords_session_new (store);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 600);
  timeline = ACCORDS_TIMELINE (accords_timeline_new (session));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (timeline));
  gtk_window_present (GTK_WINDOW (window));

  /* the list's query, the facet index, then the lanes and day counts */
  while (timeline->density == NULL || gtk_widget_get_width (GTK_WIDGET (timeline)) == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (ms_since (t0) > 120000)
        die ("the timeline did not load within two minutes");
    }
  printf ("# timeline: %u dated records, %u lanes, shown %.0f ms after the session was made; "
          "%d×%d pixels, renderer %s\n",
          accords_timeline_density_get_n_dated (timeline->density), timeline->lanes->len,
          ms_since (t0), gtk_widget_get_width (GTK_WIDGET (timeline)),
          gtk_widget_get_height (GTK_WIDGET (timeline)), g_getenv ("GSK_RENDERER"));

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  /* the whole span, as Zoom to Fit shows it */
  accords_timeline_zoom_to_fit (timeline);
  first = timeline->start;
  last = timeline->end;

  /* a warm-up frame, then a month around the middle of the last year out
   * to everything */
  middle = last - 365;
  timeline_frame (timeline, renderer, middle - 15, middle + 15, NULL);
  factor = pow ((last - first) / 30.0, 1.0 / (TIMELINE_FRAMES - 1));
  days = 30;
  for (guint i = 0; i < TIMELINE_FRAMES; i++)
    {
      double centre = middle + ((first + last) / 2 - middle) * i / (TIMELINE_FRAMES - 1);

      zoom[i] = timeline_frame (timeline, renderer, centre - days / 2, centre + days / 2, NULL);
      days *= factor;
    }

  /* two years, panned a tenth of the width a frame, as Ctrl+Right does */
  days = 730;
  for (guint i = 0; i < TIMELINE_FRAMES; i++)
    {
      double start = last - 12 * 365 + i * days / 10;

      pan[i] = timeline_frame (timeline, renderer, start, start + days, &drawn[i]);
    }

  printf ("# timeline: heat strip %s at two years; of a pan frame, %.2f ms computing and "
          "snapshotting, the rest rasterising\n",
          timeline->heat ? "shown" : "not shown", median (drawn, TIMELINE_FRAMES));
  /* zoomed in far enough for markers: their records load on a worker */
  t0 = g_get_monotonic_time ();
  middle = accords_timeline_density_get_day (timeline->density, 0) + 400;
  timeline_frame (timeline, renderer, middle, middle + 3, NULL);
  while (timeline->detail_end == 0)
    {
      g_main_context_iteration (NULL, TRUE);
      if (ms_since (t0) > 60000)
        die ("the timeline's markers did not load within a minute");
    }
  timeline_frame (timeline, renderer, middle, middle + 3, NULL);
  printf ("# timeline: markers at three days: %u records near the view loaded in %.0f ms, "
          "%u placed\n",
          timeline->items->len, ms_since (t0), timeline->placements->len);

  printf ("timeline_zoom_out_ms=%.2f\n", median (zoom, TIMELINE_FRAMES));
  printf ("timeline_pan_ms=%.2f\n", median (pan, TIMELINE_FRAMES));
  printf ("timeline_rss_mb=%.1f\n", read_status_kb ("VmRSS:") / 1024.0);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autofree char *date = NULL;
  gint runs = 5;
  gboolean timeline_only = FALSE;
  Bench bench = { 0 };
  sqlite3 *db;
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs per figure and side (5)", "N" },
    { "timeline-only", 0, 0, G_OPTION_ARG_NONE, &timeline_only, "Time the timeline only", NULL },
    { NULL }
  };

  context = g_option_context_new ("FILE");
  g_option_context_set_summary (context,
                                "Times the app's code path against bare SQLite on a library.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("%s", error->message);
  if (argc != 2 || runs < 1)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      fputs (help, stderr);
      return 2;
    }
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    die ("%s: no such library", argv[1]);

  bench.path = argv[1];
  bench.runs = runs;

  /* A connection of its own, closed before anything is measured. */
  db = bare_open (bench.path, FALSE);
  {
    g_autoptr(sqlite3_stmt) stmt = bare_prepare (db, "SELECT count(*) FROM record");

    check_sqlite (db, sqlite3_step (stmt), "count");
    date = g_date_time_format (now, "%Y-%m-%d %H:%M");
    printf ("# %s: %" G_GINT64_FORMAT " records, %s, medians of %u warm runs after one warm-up\n",
            bench.path, (gint64) sqlite3_column_int64 (stmt, 0), date, bench.runs);
    fflush (stdout);
  }
  sqlite3_close (db);

  if (timeline_only)
    {
      store = app_open (bench.path);
      bench_timeline (&bench, store);
      return 0;
    }

  bench_open_first_rows (&bench);

  store = app_open (bench.path);
  db = bare_open (bench.path, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (query_cases); i++)
    bench_query_change (&bench, store, db, &query_cases[i]);

  bench_get_item_random (&bench, store, db);

  sqlite3_close (db);

  printf ("rss_mb=%.1f\n", bench.rss_kb / 1024.0);
  fflush (stdout);

  db = bare_open (bench.path, TRUE);
  index = bench_facet_index_load (&bench, store);
  for (guint i = 0; i < G_N_ELEMENTS (facet_cases); i++)
    bench_facets (&bench, store, db, index, &facet_cases[i]);
  sqlite3_close (db);

  bench_main_loop_stall (store, index);

  bench_export (&bench, store);

  bench_timeline (&bench, store);

  return 0;
}
