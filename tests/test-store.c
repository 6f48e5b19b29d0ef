/* test-store.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("accords-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Runs SQL on a file directly, as another program would. */
static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gint64
sql_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static AccordsRecord *
make_record (const char *title,
             const char *date,
             const char *party_a,
             const char *party_b)
{
  AccordsRecord *record = accords_record_new ();
  const char *parties[] = { party_a, party_b, NULL };
  const char *topics[] = { "cloud", "cybersecurity", NULL };

  accords_record_set_title (record, title);
  accords_record_set_kind (record, ACCORDS_KIND_MOU_SIGNED);
  accords_record_set_event_date (record, date);
  accords_record_set_parties (record, parties);
  accords_record_set_topics (record, topics);

  return record;
}

static AccordsRecord *
make_full_record (void)
{
  AccordsRecord *record = make_record ("Atlantis–Lemuria: memorandum on data centres",
                                       "2025-02-25", "IR", "RS");
  const char *mentioned[] = { "CU", "VE", NULL };
  const char *orgs[] = { "Ministry of Digital Affairs", "National Data Agency", NULL };
  g_autoptr(AccordsPerson) person = accords_person_new ("Ana Example", "Minister of Digital Affairs", "RS");
  g_autoptr(AccordsFigure) figure = accords_figure_new ("trade volume");
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(AccordsSource) bare_source = accords_source_new ();
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  const char *tags[] = { "follow-up", "priority", NULL };

  accords_record_set_event_end (record, "2025-02-27");
  accords_record_set_date_qualifier (record, ACCORDS_DATE_QUALIFIER_ABOUT);
  accords_record_set_date_as_reported (record, "on February 25-27");
  accords_record_set_venue_city (record, "Belgrade");
  accords_record_set_venue_country (record, "RS");
  accords_record_set_venue_forum (record, "Palace of Serbia");
  accords_record_set_summary (record, "Two ministers signed a memorandum on cloud and data centres.");
  accords_record_set_origin (record, ACCORDS_ORIGIN_IMPORT);
  accords_record_set_mentioned (record, mentioned);
  accords_record_set_organizations (record, orgs);
  accords_record_add_person (record, person);
  accords_figure_set_value (figure, 120000000, TRUE);
  accords_figure_set_unit (figure, "EUR");
  accords_figure_set_year (figure, 2024);
  accords_record_add_figure (record, figure);
  accords_record_add_link (record, "follow_up_of", "0b5e2a4c-1111-4222-8333-944455556666");

  accords_source_set_title (source, "Ministers meet in the capital");
  accords_source_set_outlet (source, "Example Times");
  accords_source_set_url (source, "https://example.org/news/1");
  accords_source_set_published (source, "2025-02-28");
  accords_source_set_language (source, "en");
  accords_source_set_file (source, "report-1.txt");
  accords_source_set_text (source, "The zephyrine memorandum covers quantum cloud services.");
  accords_record_add_source (record, source);

  accords_source_set_outlet (bare_source, "Second Outlet");
  accords_record_add_source (record, bare_source);

  accords_annotation_set_note (annotation, "Check the *annex* later.");
  accords_annotation_set_starred (annotation, TRUE);
  accords_annotation_set_review (annotation, ACCORDS_REVIEW_VERIFIED);
  accords_annotation_set_tags (annotation, tags);
  accords_record_set_annotation (record, annotation);

  return record;
}

static void
assert_strv (const char * const *actual,
             const char * const *expected)
{
  g_assert_cmpstrv (actual, expected);
}

static void
test_open_create (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;

  store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (accords_store_count_records (store, &error), ==, 0);
  g_assert_false (accords_store_get_read_only (store));
  g_clear_object (&store);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, ACCORDS_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), !=, 0);
  g_assert_cmpint (sql_int (fixture->path,
                            "SELECT count(*) FROM sqlite_schema WHERE name = 'record_fts'"), ==, 1);

  {
    g_autofree char *mode = NULL;
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    sqlite3_open (fixture->path, &db);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_cmpstr (mode, ==, "wal");
  }

  /* A brand-new library needs no backup. */
  {
    g_autofree char *backup = g_strconcat (fixture->path, ".v0.bak", NULL);

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }
}

static void
test_reopen_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsRecord) record = make_full_record ();
  g_autoptr(AccordsRecord) loaded = NULL;
  g_autoptr(AccordsPerson) person = NULL;
  g_autoptr(AccordsFigure) figure = NULL;
  g_autoptr(AccordsSource) source = NULL;
  g_autoptr(AccordsSource) bare_source = NULL;
  AccordsAnnotation *annotation;
  g_autofree char *uid = NULL;
  const char *type, *link_uid;

  store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_insert_record (store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (accords_record_get_id (record), >, 0);
  g_assert_nonnull (accords_record_get_uid (record));
  uid = g_strdup (accords_record_get_uid (record));
  g_clear_object (&store);

  store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  loaded = accords_store_load_record_by_uid (store, uid, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (accords_record_get_title (loaded), ==, accords_record_get_title (record));
  g_assert_cmpint (accords_record_get_kind (loaded), ==, ACCORDS_KIND_MOU_SIGNED);
  g_assert_cmpstr (accords_record_get_event_date (loaded), ==, "2025-02-25");
  g_assert_cmpstr (accords_record_get_event_end (loaded), ==, "2025-02-27");
  g_assert_cmpint (accords_record_get_date_qualifier (loaded), ==, ACCORDS_DATE_QUALIFIER_ABOUT);
  g_assert_cmpint (accords_record_get_date_precision (loaded), ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_cmpstr (accords_record_get_date_as_reported (loaded), ==, "on February 25-27");
  g_assert_cmpstr (accords_record_get_venue_city (loaded), ==, "Belgrade");
  g_assert_cmpstr (accords_record_get_venue_country (loaded), ==, "RS");
  g_assert_cmpstr (accords_record_get_venue_forum (loaded), ==, "Palace of Serbia");
  g_assert_false (accords_record_get_venue_virtual (loaded));
  g_assert_cmpstr (accords_record_get_summary (loaded), ==, accords_record_get_summary (record));
  g_assert_cmpint (accords_record_get_origin (loaded), ==, ACCORDS_ORIGIN_IMPORT);
  g_assert_nonnull (accords_record_get_created (loaded));
  g_assert_nonnull (accords_record_get_modified (loaded));

  assert_strv (accords_record_get_parties (loaded), (const char *[]) { "IR", "RS", NULL });
  assert_strv (accords_record_get_mentioned (loaded), (const char *[]) { "CU", "VE", NULL });
  assert_strv (accords_record_get_topics (loaded), (const char *[]) { "cloud", "cybersecurity", NULL });
  assert_strv (accords_record_get_organizations (loaded),
               (const char *[]) { "Ministry of Digital Affairs", "National Data Agency", NULL });

  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_people (loaded)), ==, 1);
  person = g_list_model_get_item (accords_record_get_people (loaded), 0);
  g_assert_cmpstr (accords_person_get_name (person), ==, "Ana Example");
  g_assert_cmpstr (accords_person_get_role (person), ==, "Minister of Digital Affairs");
  g_assert_cmpstr (accords_person_get_country (person), ==, "RS");

  figure = g_list_model_get_item (accords_record_get_figures (loaded), 0);
  g_assert_cmpstr (accords_figure_get_what (figure), ==, "trade volume");
  g_assert_true (accords_figure_get_has_value (figure));
  g_assert_true (accords_figure_get_value_is_integer (figure));
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 120000000);
  g_assert_cmpstr (accords_figure_get_unit (figure), ==, "EUR");
  g_assert_cmpint (accords_figure_get_year (figure), ==, 2024);

  g_assert_cmpuint (accords_record_get_n_links (loaded), ==, 1);
  accords_record_get_link (loaded, 0, &type, &link_uid);
  g_assert_cmpstr (type, ==, "follow_up_of");
  g_assert_cmpstr (link_uid, ==, "0b5e2a4c-1111-4222-8333-944455556666");

  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (loaded)), ==, 2);
  source = g_list_model_get_item (accords_record_get_sources (loaded), 0);
  g_assert_cmpstr (accords_source_get_outlet (source), ==, "Example Times");
  g_assert_cmpstr (accords_source_get_url (source), ==, "https://example.org/news/1");
  g_assert_cmpstr (accords_source_get_published (source), ==, "2025-02-28");
  g_assert_cmpstr (accords_source_get_language (source), ==, "en");
  g_assert_cmpstr (accords_source_get_file (source), ==, "report-1.txt");
  g_assert_cmpstr (accords_source_get_text (source), ==,
                   "The zephyrine memorandum covers quantum cloud services.");
  g_assert_nonnull (accords_source_get_sha256 (source));
  bare_source = g_list_model_get_item (accords_record_get_sources (loaded), 1);
  g_assert_cmpstr (accords_source_get_outlet (bare_source), ==, "Second Outlet");
  g_assert_null (accords_source_get_sha256 (bare_source));

  annotation = accords_record_get_annotation (loaded);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "Check the *annex* later.");
  g_assert_true (accords_annotation_get_starred (annotation));
  g_assert_true (accords_record_get_starred (loaded));
  g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_VERIFIED);
  assert_strv (accords_annotation_get_tags (annotation),
               (const char *[]) { "follow-up", "priority", NULL });

  /* And by id, the same record. */
  g_clear_object (&loaded);
  loaded = accords_store_load_record (store, accords_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (accords_record_get_uid (loaded), ==, uid);

  g_clear_object (&loaded);
  loaded = accords_store_load_record_by_uid (store, "no-such-uid", &error);
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_full_text (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open (fixture->path, &error);
  g_autoptr(AccordsRecord) full = make_full_record ();
  g_autoptr(AccordsRecord) other = make_record ("Plain meeting", "2020-01-01", "FR", "DE");
  const char *words[] = { "zephyrine", "annex", "memorandum", "centres", NULL };
  guint expected[] = { 1, 1, 1, 1 };

  g_assert_no_error (error);
  g_assert_true (accords_store_insert_record (store, full, &error));
  g_assert_true (accords_store_insert_record (store, other, &error));
  g_assert_no_error (error);

  /* Title, summary, source text and note are all searched. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(AccordsQuery) query = accords_query_parse (words[i], NULL, NULL, &error);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      g_assert_no_error (error);
      g_assert_true (accords_store_query_ids (store, query, ids, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, expected[i]);
      g_assert_cmpint (g_array_index (ids, gint64, 0), ==, accords_record_get_id (full));
    }

  /* The index agrees with its tables. */
  run_sql (fixture->path, "INSERT INTO record_fts (record_fts) VALUES ('integrity-check')");
}

static void
test_insert_all_or_nothing (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  AccordsRecord *first;
  AccordsRecord *second;

  g_assert_no_error (error);

  first = make_record ("First", "2024-01-01", "QA", "RS");
  second = make_record ("Second", "2024-01-02", "QA", "PK");
  accords_record_set_uid (first, "same-uid");
  accords_record_set_uid (second, "same-uid");
  g_ptr_array_add (batch, first);
  g_ptr_array_add (batch, second);

  g_assert_false (accords_store_insert_records (store, batch, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Second"));
  g_clear_error (&error);

  /* Nothing of the batch is in the library, not even the first record. */
  g_assert_cmpint (accords_store_count_records (store, &error), ==, 0);
  g_assert_cmpint (accords_record_get_id (first), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM record_country"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM record_fts"), ==, 0);

  /* A record without a title breaks the schema's rules. */
  accords_record_set_uid (second, "other-uid");
  accords_record_set_title (second, "");
  g_assert_false (accords_store_insert_record (store, second, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID);
}

static void
test_source_conflict (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open (fixture->path, &error);
  g_autoptr(AccordsRecord) a = make_record ("One", "2024-01-01", "QA", "RS");
  g_autoptr(AccordsRecord) b = make_record ("Two", "2024-01-01", "QA", "RS");
  g_autoptr(AccordsSource) source_a = accords_source_new ();
  g_autoptr(AccordsSource) source_b = accords_source_new ();

  accords_source_set_text (source_a, "The same article, word for word.");
  accords_source_set_text (source_b, "The same article, word for word.");
  accords_record_add_source (a, source_a);
  accords_record_add_source (b, source_b);

  g_assert_true (accords_store_insert_record (store, a, &error));
  g_assert_no_error (error);
  g_assert_false (accords_store_insert_record (store, b, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (accords_store_count_records (store, &error), ==, 1);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsRecord) record = make_record ("One", "2024-01-01", "QA", "RS");

  store = accords_store_open_read_only (fixture->path, &error);
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN);
  g_assert_null (store);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = accords_store_open_read_only (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (accords_store_get_read_only (store));
  g_assert_false (accords_store_insert_record (store, record, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN);
}

/* A library as it is before migration 1: marked as ours, schema version 0. */
static void
make_v0_fixture (const char *path)
{
  run_sql (path, "PRAGMA application_id = 1097036388; PRAGMA user_version = 0; VACUUM;");
}

static void
test_migrate_v0 (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) backup_bytes = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, ".v0.bak", NULL);

  make_v0_fixture (fixture->path);
  before = read_bytes (fixture->path);
  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, 0);

  store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accords_store_count_records (store, &error), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, ACCORDS_STORE_SCHEMA_VERSION);

  /* The backup is the library as it was, at version 0. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (sql_int (backup, "PRAGMA application_id"), ==, 1097036388);
  g_assert_cmpint (sql_int (backup, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  backup_bytes = read_bytes (backup);
  g_assert_cmpuint (g_bytes_get_size (backup_bytes), ==, g_bytes_get_size (before));
}

static void
test_migrate_fails_cleanly (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* A v0 library in which a table of migration 1 already exists: the
   * migration fails half-way and must leave no trace. */
  make_v0_fixture (fixture->path);
  run_sql (fixture->path, "CREATE TABLE saved_search (x)");
  before = read_bytes (fixture->path);

  store = accords_store_open (fixture->path, &error);
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_MIGRATION);
  g_assert_null (store);

  after = read_bytes (fixture->path);
  g_assert_true (g_bytes_equal (before, after));

  g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  store = accords_store_open (path, &error);
  g_assert_error (error, ACCORDS_STORE_ERROR, code);
  g_assert_null (store);
  g_test_message ("refused with: %s", error->message);

  /* The message names the file. */
  {
    g_autofree char *base = g_path_get_basename (path);

    g_assert_nonnull (strstr (error->message, base));
  }

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_not_sqlite (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "This is a plain text file, not a library.\n");

  g_file_set_contents (fixture->path, text->str, text->len, &error);
  g_assert_no_error (error);

  assert_refused (fixture->path, ACCORDS_STORE_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_foreign_sqlite (Fixture       *fixture,
                            gconstpointer  user_data)
{
  run_sql (fixture->path,
           "PRAGMA journal_mode = DELETE;"
           "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('someone');");

  assert_refused (fixture->path, ACCORDS_STORE_ERROR_NOT_A_LIBRARY);
}

static void
test_refuse_newer (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open (fixture->path, &error);
  g_autoptr(AccordsRecord) record = make_record ("One", "2024-01-01", "QA", "RS");

  g_assert_no_error (error);
  g_assert_true (accords_store_insert_record (store, record, &error));
  g_clear_object (&store);

  run_sql (fixture->path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 7;");

  assert_refused (fixture->path, ACCORDS_STORE_ERROR_NEWER_VERSION);
}

static void
test_refuse_damaged (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = accords_store_open (fixture->path, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *contents = NULL;
  gsize length;
  gint64 page_size;
  gint64 root;

  g_assert_no_error (error);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("Record number %u about cloud cooperation", i);

      g_ptr_array_add (batch, make_record (title, "2024-03-01", "QA", "RS"));
    }
  g_assert_true (accords_store_insert_records (store, batch, &error));
  g_clear_object (&store);
  run_sql (fixture->path, "PRAGMA journal_mode = DELETE");

  /* Scribble over the root page of the record table's date index. */
  page_size = sql_int (fixture->path, "PRAGMA page_size");
  root = sql_int (fixture->path, "SELECT rootpage FROM sqlite_schema WHERE name = 'record_event_date'");
  g_file_get_contents (fixture->path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((root - 1) * page_size + 200, <, length);
  memset (contents + (root - 1) * page_size + 8, 0x5a, 192);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  assert_refused (fixture->path, ACCORDS_STORE_ERROR_DAMAGED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open/create", test_open_create);
  ADD ("/store/open/reopen-round-trip", test_reopen_round_trip);
  ADD ("/store/open/read-only", test_read_only);
  ADD ("/store/open/refuse-not-sqlite", test_refuse_not_sqlite);
  ADD ("/store/open/refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("/store/open/refuse-newer-version", test_refuse_newer);
  ADD ("/store/open/refuse-damaged", test_refuse_damaged);
  ADD ("/store/migrate/v0", test_migrate_v0);
  ADD ("/store/migrate/fails-cleanly", test_migrate_fails_cleanly);
  ADD ("/store/insert/all-or-nothing", test_insert_all_or_nothing);
  ADD ("/store/insert/source-conflict", test_source_conflict);
  ADD ("/store/fts/columns", test_full_text);

#undef ADD

  return g_test_run ();
}
