/* test-facets.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "accords-annotation.h"
#include "accords-facets.h"
#include "accords-record.h"
#include "accords-store.h"
#include "accords-timeline-layout.h"
#include "accords-topic.h"

#define N_RECORDS 600

/* More ids outside the topic vocabulary than the index has spare topic
 * bits, so that some records keep topics in its overflow list. */
#define N_OTHER_TOPICS 14

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct
{
  char         *dir;
  char         *path;
  AccordsStore *store;
  GPtrArray    *records; /* AccordsRecord, as inserted: the expected values */
} Fixture;

static const char *party_codes[] = { "RS", "CN", "FR", "IR", "BR", "KE" };

/* Record @i. Some have no date (every 11th), no parties (every 5th), no
 * topics (every 9th); CN and DE are also merely mentioned, which the
 * country facet must not count; every 10th has tags. */
static AccordsRecord *
make_record (guint i)
{
  g_autoptr(GListModel) vocabulary = accords_topic_list ();
  g_autoptr(GPtrArray) parties = g_ptr_array_new ();
  g_autoptr(GPtrArray) mentioned = g_ptr_array_new ();
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  g_autofree char *uid = g_strdup_printf ("uid-%04u", i);
  g_autofree char *title = g_strdup_printf ("Record %04u", i);
  AccordsRecord *record = accords_record_new ();
  guint n_topics = g_list_model_get_n_items (vocabulary);

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, title);
  accords_record_set_kind (record, i % (ACCORDS_KIND_ANNOUNCEMENT + 1));

  if (i % 11 != 0)
    {
      g_autofree char *date = g_strdup_printf ("%04u-%02u-15", 1995 + (i * 7) % 31, 1 + i % 12);

      accords_record_set_event_date (record, date);
    }

  if (i % 5 != 0)
    {
      g_ptr_array_add (parties, (char *) party_codes[i % G_N_ELEMENTS (party_codes)]);
      if (i % 3 == 0 && (i / 3) % G_N_ELEMENTS (party_codes) != i % G_N_ELEMENTS (party_codes))
        g_ptr_array_add (parties, (char *) party_codes[(i / 3) % G_N_ELEMENTS (party_codes)]);
    }
  if (i % 4 == 0)
    g_ptr_array_add (mentioned, "DE");
  if (i % 2 == 0 && !g_ptr_array_find_with_equal_func (parties, "CN", g_str_equal, NULL))
    g_ptr_array_add (mentioned, "CN");

  if (i % 9 != 0)
    {
      g_autoptr(AccordsTopic) first = g_list_model_get_item (vocabulary, i % n_topics);
      g_autoptr(AccordsTopic) second = g_list_model_get_item (vocabulary, (i * 7 + 3) % n_topics);

      g_ptr_array_add (topics, g_strdup (accords_topic_get_id (first)));
      if (first != second)
        g_ptr_array_add (topics, g_strdup (accords_topic_get_id (second)));
    }
  if (i % 4 == 1)
    g_ptr_array_add (topics, g_strdup_printf ("other_%02u", (i / 4) % N_OTHER_TOPICS));

  g_ptr_array_add (parties, NULL);
  g_ptr_array_add (mentioned, NULL);
  g_ptr_array_add (topics, NULL);
  accords_record_set_parties (record, (const char * const *) parties->pdata);
  accords_record_set_mentioned (record, (const char * const *) mentioned->pdata);
  accords_record_set_topics (record, (const char * const *) topics->pdata);

  if (i % 10 == 0 || i % 30 == 7)
    {
      g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();

      if (i % 10 == 0)
        g_ptr_array_add (tags, "follow-up");
      if (i % 20 == 0)
        g_ptr_array_add (tags, "brief");
      g_ptr_array_add (tags, NULL);
      accords_annotation_set_tags (annotation, (const char * const *) tags->pdata);
      accords_annotation_set_starred (annotation, i % 30 == 7);
      accords_record_set_annotation (record, annotation);
    }

  return record;
}

static void
insert_range (Fixture *fixture,
              guint    first,
              guint    n)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (batch, make_record (i));

  accords_store_insert_records (fixture->store, batch, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (fixture->records, g_object_ref (g_ptr_array_index (batch, i)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("accords-facets-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->records = g_ptr_array_new_with_free_func (g_object_unref);

  insert_range (fixture, 0, N_RECORDS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  g_ptr_array_unref (fixture->records);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The store has no way to delete records yet; this does what a future
 * delete (or another program) would, on a connection of its own. */
static void
exec_behind_store (Fixture    *fixture,
                   const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;
  int rc;

  rc = sqlite3_open (fixture->path, &db);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  rc = sqlite3_exec (db, "PRAGMA foreign_keys = ON;", NULL, NULL, &message);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_cmpstr (message, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  sqlite3_close (db);
}

static AccordsFacetIndex *
load_index (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AccordsFacetIndex *index = accords_facet_index_load (fixture->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (index);

  return index;
}

/* The ids of the records whose generator number @keep accepts, in the
 * order a list sorted by date would not give them: from the end. */
static GArray *
collect_ids (Fixture  *fixture,
             gboolean (*keep) (guint i))
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = fixture->records->len; i-- > 0;)
    {
      gint64 id = accords_record_get_id (g_ptr_array_index (fixture->records, i));

      if (id != 0 && (keep == NULL || keep (i)))
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
tally (GHashTable *table,
       const char *value)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (table, value));

  g_hash_table_replace (table, g_strdup (value), GUINT_TO_POINTER (count + 1));
}

/* Counts, from the records as they were made, what the index must say
 * about the records @ids. */
static void
expected_counts (Fixture    *fixture,
                 GArray     *ids,
                 GHashTable *expected[ACCORDS_FACET_N_FACETS])
{
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    expected[f] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, &g_array_index (ids, gint64, i));

  for (guint i = 0; i < fixture->records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (fixture->records, i);
      AccordsAnnotation *annotation = accords_record_get_annotation (record);
      gint64 id = accords_record_get_id (record);
      const char *date = accords_record_get_event_date (record);

      if (!g_hash_table_contains (wanted, &id))
        continue;

      for (const char * const *p = accords_record_get_parties (record); *p != NULL; p++)
        tally (expected[ACCORDS_FACET_COUNTRY], *p);
      for (const char * const *t = accords_record_get_topics (record); *t != NULL; t++)
        tally (expected[ACCORDS_FACET_TOPIC], *t);
      tally (expected[ACCORDS_FACET_KIND],
             accords_kind_to_string (accords_record_get_kind (record)));
      if (date != NULL)
        {
          g_autofree char *year = g_strndup (date, 4);

          tally (expected[ACCORDS_FACET_YEAR], year);
        }
      if (annotation != NULL)
        {
          for (const char * const *t = accords_annotation_get_tags (annotation); *t != NULL; t++)
            tally (expected[ACCORDS_FACET_TAG], *t);
        }
    }
}

static void
assert_counts (Fixture            *fixture,
               AccordsFacetCounts *counts,
               GArray             *ids)
{
  GHashTable *expected[ACCORDS_FACET_N_FACETS];

  expected_counts (fixture, ids, expected);

  g_assert_cmpuint (accords_facet_counts_get_total (counts), ==, ids->len);

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, f), ==,
                        g_hash_table_size (expected[f]));

      for (guint i = 0; i < accords_facet_counts_get_n_entries (counts, f); i++)
        {
          const AccordsFacetEntry *entry = accords_facet_counts_get_entry (counts, f, i);

          g_assert_nonnull (entry);
          g_assert_cmpuint (entry->count, >, 0);
          g_assert_cmpuint (entry->count, ==,
                            GPOINTER_TO_UINT (g_hash_table_lookup (expected[f], entry->value)));
        }

      g_hash_table_iter_init (&iter, expected[f]);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_assert_cmpuint (accords_facet_counts_lookup (counts, f, key), ==,
                          GPOINTER_TO_UINT (value));

      g_hash_table_unref (expected[f]);
    }
}

static gboolean
keep_every_7th (guint i)
{
  return i % 7 == 3;
}

static gboolean
keep_few (guint i)
{
  return i % 41 == 5;
}

static gboolean
keep_bare (guint i)
{
  /* No date, no parties, no topics, no tags. */
  return i % 11 == 0 && i % 5 == 0 && i % 9 == 0 && i % 4 != 1 && i % 10 != 0;
}

static void
test_count_all (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) ids = collect_ids (fixture, NULL);
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(GListModel) vocabulary = accords_topic_list ();

  g_assert_cmpuint (accords_facet_index_get_n_records (index), ==, N_RECORDS);
  g_assert_cmpuint (accords_facet_index_get_size (index), >, N_RECORDS * 7);

  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
  assert_counts (fixture, counts, ids);

  /* Every topic, the ones outside the vocabulary too. */
  g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_TOPIC), ==,
                    g_list_model_get_n_items (vocabulary) + N_OTHER_TOPICS);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_TOPIC, "other_13"), >, 0);

  /* Merely mentioned countries are not counted. */
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_COUNTRY, "DE"), ==, 0);
}

static void
test_count_subset (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) many = collect_ids (fixture, keep_every_7th);
  g_autoptr(GArray) few = collect_ids (fixture, keep_few);
  g_autoptr(AccordsFacetCounts) many_counts = NULL;
  g_autoptr(AccordsFacetCounts) few_counts = NULL;

  /* One large enough to be counted through a bitmap, one small enough to
   * be looked up record by record. */
  g_assert_cmpuint (many->len, >, N_RECORDS / 16);
  g_assert_cmpuint (few->len, <, N_RECORDS / 16);

  many_counts = accords_facet_index_count (index, (const gint64 *) many->data, many->len, NULL);
  assert_counts (fixture, many_counts, many);

  few_counts = accords_facet_index_count (index, (const gint64 *) few->data, few->len, NULL);
  assert_counts (fixture, few_counts, few);
}

static void
test_count_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(AccordsFacetCounts) counts = NULL;

  counts = accords_facet_index_count (index, NULL, 0, NULL);
  g_assert_nonnull (counts);
  g_assert_cmpuint (accords_facet_counts_get_total (counts), ==, 0);

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, f), ==, 0);
      g_assert_null (accords_facet_counts_get_entry (counts, f, 0));
    }
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_COUNTRY, "RS"), ==, 0);
}

static void
test_count_bare_records (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) ids = collect_ids (fixture, keep_bare);
  g_autoptr(AccordsFacetCounts) counts = NULL;
  guint n_kinds = 0;

  g_assert_cmpuint (ids->len, >, 0);

  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
  assert_counts (fixture, counts, ids);

  /* Counted in the total and by kind, and nowhere else. */
  g_assert_cmpuint (accords_facet_counts_get_total (counts), ==, ids->len);
  g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_COUNTRY), ==, 0);
  g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_TOPIC), ==, 0);
  g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_YEAR), ==, 0);
  g_assert_cmpuint (accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_TAG), ==, 0);
  for (guint i = 0; i < accords_facet_counts_get_n_entries (counts, ACCORDS_FACET_KIND); i++)
    n_kinds += accords_facet_counts_get_entry (counts, ACCORDS_FACET_KIND, i)->count;
  g_assert_cmpuint (n_kinds, ==, ids->len);
}

static void
test_count_unknown_ids (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) ids = collect_ids (fixture, keep_few);
  g_autoptr(GArray) known = collect_ids (fixture, keep_few);
  g_autoptr(GArray) all = NULL;
  g_autoptr(AccordsFacetCounts) counts = NULL;
  gint64 unknown[] = { 0, -1, N_RECORDS + 1, G_MAXINT64, G_MININT64 };

  g_array_append_vals (ids, unknown, G_N_ELEMENTS (unknown));

  /* Records added after the index was loaded are not in it either. */
  insert_range (fixture, N_RECORDS, 10);
  all = collect_ids (fixture, NULL);
  g_array_append_val (ids, g_array_index (all, gint64, 0));

  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
  assert_counts (fixture, counts, known);
}

static void
test_order (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) ids = collect_ids (fixture, NULL);
  g_autoptr(AccordsFacetCounts) counts = NULL;

  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      guint n = accords_facet_counts_get_n_entries (counts, f);

      g_assert_cmpuint (n, >, 1);

      for (guint i = 1; i < n; i++)
        {
          const AccordsFacetEntry *a = accords_facet_counts_get_entry (counts, f, i - 1);
          const AccordsFacetEntry *b = accords_facet_counts_get_entry (counts, f, i);

          if (f == ACCORDS_FACET_YEAR)
            {
              /* Newest first, whatever the counts. */
              g_assert_cmpint (atoi (a->value), >, atoi (b->value));
            }
          else
            {
              g_assert_cmpuint (a->count, >=, b->count);
              if (a->count == b->count)
                g_assert_cmpstr (a->value, <, b->value);
            }
        }
    }

  /* Ties exist here, so the order by value was checked. */
  g_assert_cmpuint (accords_facet_counts_get_entry (counts, ACCORDS_FACET_KIND, 0)->count, ==,
                    accords_facet_counts_get_entry (counts, ACCORDS_FACET_KIND, 1)->count);
}

static void
test_lookup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) ids = collect_ids (fixture, NULL);
  g_autoptr(AccordsFacetCounts) counts = NULL;

  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      guint n = accords_facet_counts_get_n_entries (counts, f);

      for (guint i = 0; i < n; i++)
        {
          const AccordsFacetEntry *entry = accords_facet_counts_get_entry (counts, f, i);

          g_assert_cmpuint (accords_facet_counts_lookup (counts, f, entry->value), ==,
                            entry->count);
        }
      g_assert_null (accords_facet_counts_get_entry (counts, f, n));
    }

  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_COUNTRY, "ZZ"), ==, 0);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_COUNTRY, "rs"), ==, 0);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_YEAR, "1990"), ==, 0);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_TAG, "nothing"), ==, 0);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_KIND, "visit"), >, 0);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_TAG, "follow-up"), ==, 60);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_TAG, "brief"), ==, 30);
}

/* Ids with gaps: every third record deleted. */
static void
test_sparse_gaps (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) subset = NULL;
  g_autoptr(GArray) few = NULL;
  g_autoptr(GArray) with_deleted = NULL;
  g_autoptr(AccordsFacetCounts) counts = NULL;

  with_deleted = collect_ids (fixture, keep_few);
  exec_behind_store (fixture, "DELETE FROM record WHERE id % 3 = 0");
  for (guint i = 0; i < fixture->records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (fixture->records, i);

      if (accords_record_get_id (record) % 3 == 0)
        accords_record_set_id (record, 0);
    }

  index = load_index (fixture);
  g_assert_cmpuint (accords_facet_index_get_n_records (index), ==, N_RECORDS - N_RECORDS / 3);

  ids = collect_ids (fixture, NULL);
  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
  assert_counts (fixture, counts, ids);
  g_clear_object (&counts);

  subset = collect_ids (fixture, keep_every_7th);
  counts = accords_facet_index_count (index, (const gint64 *) subset->data, subset->len, NULL);
  assert_counts (fixture, counts, subset);
  g_clear_object (&counts);

  /* Deleted ids among them are left out. */
  few = collect_ids (fixture, keep_few);
  counts = accords_facet_index_count (index, (const gint64 *) with_deleted->data,
                                      with_deleted->len, NULL);
  assert_counts (fixture, counts, few);
}

/* Ids far apart: a record with a large id, then more after it. */
static void
test_sparse_far (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) few = NULL;
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(AccordsRecord) far = accords_record_new ();
  gint64 far_id = G_GINT64_CONSTANT (5000000000);

  /* As the store would write a record with just a uid and a title. */
  exec_behind_store (fixture,
                     "INSERT INTO record (id, uid, title, created, modified) VALUES "
                     "(5000000000, 'far', 'Far', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')");
  accords_record_set_id (far, far_id);
  accords_record_set_kind (far, ACCORDS_KIND_ANNOUNCEMENT);
  g_ptr_array_add (fixture->records, g_object_ref (far));
  insert_range (fixture, N_RECORDS, 100);
  g_assert_cmpint (accords_record_get_id (g_ptr_array_index (fixture->records, N_RECORDS + 1)),
                   >, far_id);

  index = load_index (fixture);
  g_assert_cmpuint (accords_facet_index_get_n_records (index), ==, N_RECORDS + 101);

  ids = collect_ids (fixture, NULL);
  counts = accords_facet_index_count (index, (const gint64 *) ids->data, ids->len, NULL);
  assert_counts (fixture, counts, ids);
  g_assert_cmpuint (accords_facet_counts_lookup (counts, ACCORDS_FACET_KIND, "announcement"),
                    >, 0);
  g_clear_object (&counts);

  few = collect_ids (fixture, keep_few);
  g_array_append_val (few, far_id);
  counts = accords_facet_index_count (index, (const gint64 *) few->data, few->len, NULL);
  assert_counts (fixture, counts, few);
}

static void
on_async_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GAsyncResult) count_result = NULL;
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(GArray) ids = collect_ids (fixture, keep_every_7th);
  g_autoptr(GError) error = NULL;

  accords_facet_index_load_async (fixture->store, NULL, on_async_done_cb, &load_result);
  index = accords_facet_index_load_finish (wait_result (&load_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accords_facet_index_get_n_records (index), ==, N_RECORDS);

  accords_facet_index_count_async (index, ids, NULL, on_async_done_cb, &count_result);
  counts = accords_facet_index_count_finish (index, wait_result (&count_result), &error);
  g_assert_no_error (error);
  assert_counts (fixture, counts, ids);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) load_result = NULL;
  g_autoptr(GAsyncResult) count_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(AccordsFacetIndex) no_index = NULL;
  g_autoptr(AccordsFacetCounts) counts = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) ids = collect_ids (fixture, NULL);
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_null (accords_facet_index_load (fixture->store, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_null (accords_facet_index_count (index, (const gint64 *) ids->data, ids->len,
                                            cancellable));

  accords_facet_index_load_async (fixture->store, cancellable, on_async_done_cb, &load_result);
  no_index = accords_facet_index_load_finish (wait_result (&load_result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (no_index);
  g_clear_error (&error);

  accords_facet_index_count_async (index, ids, cancellable, on_async_done_cb, &count_result);
  counts = accords_facet_index_count_finish (index, wait_result (&count_result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (counts);
  g_clear_error (&error);

  /* A count started after a cancelled one is not disturbed by it. */
  accords_facet_index_count_async (index, ids, NULL, on_async_done_cb, &second_result);
  counts = accords_facet_index_count_finish (index, wait_result (&second_result), &error);
  g_assert_no_error (error);
  assert_counts (fixture, counts, ids);
}

/* The timeline's density, made from the columns, groups and counts the
 * records exactly as the timeline's item code does from loaded records. */
static void
test_timeline_density (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = load_index (fixture);
  g_autoptr(GArray) items = accords_timeline_item_array_new ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  const guint max_lanes[] = { 30, 4 };

  /* a fresh library numbers its records from 1 in insertion order */
  for (guint i = 0; i < fixture->records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (fixture->records, i);
      AccordsTimelineItem item = { 0 };
      gint64 id = i + 1;

      item.id = id;
      item.kind = accords_record_get_kind (record);
      accords_timeline_item_set_dates (&item, accords_record_get_event_date (record), NULL,
                                       ACCORDS_DATE_PRECISION_DAY);
      item.parties = g_strdupv ((char **) accords_record_get_parties (record));
      item.topics = g_strdupv ((char **) accords_record_get_topics (record));
      g_array_append_val (items, item);
      g_array_append_val (ids, id);

      g_assert_cmpint (accords_facet_index_get_day (index, id), ==, item.day);
    }

  for (AccordsTimelineGroup group = ACCORDS_TIMELINE_GROUP_COUNTRY;
       group <= ACCORDS_TIMELINE_GROUP_KIND;
       group++)
    for (guint m = 0; m < G_N_ELEMENTS (max_lanes); m++)
      {
        g_autoptr(AccordsTimelineDensity) density = NULL;
        g_autoptr(GArray) placements = NULL;
        g_autoptr(GArray) lanes = NULL;
        g_autoptr(GArray) candidates = NULL;
        g_autofree guint *expected = NULL;
        g_autofree guint *bins = NULL;
        const AccordsTimelineItem *data = (const AccordsTimelineItem *) items->data;
        GArray *density_lanes;
        double start = accords_timeline_day_from_iso ("2001-03-10");
        double end = accords_timeline_day_from_iso ("2019-07-01") + 0.5;
        guint n_dated = 0;
        guint n_in_view = 0;

        lanes = accords_timeline_assign_lanes (data, items->len, group, max_lanes[m],
                                               &placements);
        density = accords_timeline_density_new (index, (const gint64 *) ids->data, ids->len,
                                                group, max_lanes[m], NULL);
        g_assert_nonnull (density);
        density_lanes = accords_timeline_density_get_lanes (density);

        g_assert_cmpuint (density_lanes->len, ==, lanes->len);
        for (guint l = 0; l < lanes->len; l++)
          {
            const AccordsTimelineLane *a = &g_array_index (lanes, AccordsTimelineLane, l);
            const AccordsTimelineLane *b = &g_array_index (density_lanes, AccordsTimelineLane, l);

            g_assert_cmpstr (a->key, ==, b->key);
            g_assert_cmpuint (a->count, ==, b->count);
            g_assert_cmpuint (a->n_folded, ==, b->n_folded);
          }

        for (guint i = 0; i < items->len; i++)
          {
            if (data[i].day == 0)
              continue;
            n_dated++;
            if (data[i].day >= start && data[i].day < end)
              n_in_view++;
          }
        g_assert_cmpuint (accords_timeline_density_get_n_dated (density), ==, n_dated);
        g_assert_cmpuint (accords_timeline_density_count (density, start, end), ==, n_in_view);

        for (guint n_bins = 1; n_bins < 400; n_bins = n_bins * 3 + 1)
          {
            g_clear_pointer (&expected, g_free);
            g_clear_pointer (&bins, g_free);
            expected = accords_timeline_count_bins (data, lanes, placements, start, end, n_bins);
            bins = accords_timeline_density_bins (density, start, end, n_bins);
            g_assert_cmpmem (bins, lanes->len * n_bins * sizeof (guint),
                             expected, lanes->len * n_bins * sizeof (guint));
          }

        /* time order, and every record starting in view is a candidate */
        for (guint p = 1; p < n_dated; p++)
          g_assert_cmpint (accords_timeline_density_get_day (density, p - 1), <=,
                           accords_timeline_density_get_day (density, p));
        candidates = accords_timeline_density_candidates (density, start, end);
        g_assert_cmpuint (candidates->len, >=, n_in_view);
        for (guint i = 0; i < items->len; i++)
          {
            gboolean found = FALSE;

            if (data[i].day == 0)
              {
                g_assert_cmpuint (accords_timeline_density_find (density, data[i].id), ==,
                                  G_MAXUINT);
                continue;
              }
            g_assert_cmpint (accords_timeline_density_get_id (density,
                                                              accords_timeline_density_find (density, data[i].id)),
                             ==, data[i].id);
            if (data[i].day < start || data[i].day >= end)
              continue;
            for (guint c = 0; c < candidates->len && !found; c++)
              found = g_array_index (candidates, gint64, c) == data[i].id;
            g_assert_true (found);
          }
      }
}

/* Records with spans and vague dates, added after the generated ones:
 * their ids follow N_RECORDS. */
static const struct {
  const char           *date;
  const char           *end;
  AccordsDatePrecision  precision;
} span_records[] = {
  { "2010-05-03", "2010-06-20", ACCORDS_DATE_PRECISION_DAY },   /* 48 days, into the view */
  { "2010-05-20", "2010-05-30", ACCORDS_DATE_PRECISION_DAY },   /* ends two days before it */
  { "2010-05-01", NULL, ACCORDS_DATE_PRECISION_MONTH },         /* May only */
  { "2010-01-01", NULL, ACCORDS_DATE_PRECISION_YEAR },          /* the whole of 2010 */
  { "2012-01-31", NULL, ACCORDS_DATE_PRECISION_MONTH },         /* not on the 1st */
  { "2012-02-29", NULL, ACCORDS_DATE_PRECISION_YEAR },          /* leap day */
  { "1950-01-01", "2020-12-31", ACCORDS_DATE_PRECISION_DAY },   /* longer than 44 years */
  { "2011-03-04", "2011-03-01", ACCORDS_DATE_PRECISION_DAY },   /* end before start */
  { NULL, NULL, ACCORDS_DATE_PRECISION_YEAR },                  /* undated */
  { "2030-03-01", "2031-06-30", ACCORDS_DATE_PRECISION_DAY },   /* the last to start and end */
  { "2029-01-01", NULL, ACCORDS_DATE_PRECISION_YEAR },
};

static void
insert_span_records (Fixture *fixture)
{
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (span_records); i++)
    {
      g_autofree char *uid = g_strdup_printf ("span-%02u", i);
      AccordsRecord *record = accords_record_new ();

      accords_record_set_uid (record, uid);
      accords_record_set_title (record, uid);
      accords_record_set_event_date (record, span_records[i].date);
      accords_record_set_event_end (record, span_records[i].end);
      accords_record_set_date_precision (record, span_records[i].precision);
      g_ptr_array_add (batch, record);
    }

  accords_store_insert_records (fixture->store, batch, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (fixture->records, g_object_ref (g_ptr_array_index (batch, i)));
}

/* The timeline items of all the records, with their ids (1 up, in
 * insertion order in a fresh library) in @ids. */
static GArray *
make_items (Fixture *fixture,
            GArray  *ids)
{
  GArray *items = accords_timeline_item_array_new ();

  for (guint i = 0; i < fixture->records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (fixture->records, i);
      AccordsTimelineItem item = { 0 };
      gint64 id = i + 1;

      item.id = id;
      item.kind = accords_record_get_kind (record);
      accords_timeline_item_set_dates (&item, accords_record_get_event_date (record),
                                       accords_record_get_event_end (record),
                                       accords_record_get_date_precision (record));
      g_array_append_val (items, item);
      g_array_append_val (ids, id);
    }

  return items;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The index keeps each record's last day and precision, as the timeline
 * makes them from the record. */
static void
test_spans (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(AccordsFacetIndex) plain = load_index (fixture);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) items = NULL;
  AccordsFacetColumns columns;
  guint n_long = 0;

  insert_span_records (fixture);
  index = load_index (fixture);
  items = make_items (fixture, ids);
  accords_facet_index_get_columns (index, &columns);

  for (guint i = 0; i < items->len; i++)
    {
      const AccordsTimelineItem *item = &g_array_index (items, AccordsTimelineItem, i);
      guint32 record = accords_facet_index_lookup (index, item->id);

      g_assert_cmpint (accords_facet_index_get_day (index, item->id), ==, item->day);
      g_assert_cmpint (accords_facet_index_get_end_day (index, item->id), ==,
                       item->day != 0 ? item->end_day : 0);
      g_assert_cmpint (accords_facet_index_get_precision (index, item->id), ==,
                       item->precision);
      g_assert_cmpint (columns.spans[record] >> ACCORDS_FACET_PRECISION_SHIFT, ==,
                       item->precision);
      if ((columns.spans[record] & ACCORDS_FACET_SPAN_MASK) == ACCORDS_FACET_SPAN_LONG)
        {
          g_assert_cmpint (accords_facet_index_get_long_end (index, record), ==, item->end_day);
          n_long++;
        }
      else if (item->day != 0)
        {
          g_assert_cmpint (item->day + (columns.spans[record] & ACCORDS_FACET_SPAN_MASK), ==,
                           item->end_day);
        }
    }

  /* only the 71-year span needs the overflow list */
  g_assert_cmpuint (n_long, ==, 1);
  g_assert_cmpint (accords_facet_index_get_end_day (index, N_RECORDS + 7), ==,
                   accords_timeline_day_from_iso ("2020-12-31"));
  g_assert_cmpint (accords_facet_index_get_end_day (index, N_RECORDS + 6), ==,
                   accords_timeline_day_from_iso ("2013-02-27"));
  g_assert_cmpint (accords_facet_index_get_end_day (index, N_RECORDS + 9), ==, 0);
  g_assert_cmpint (accords_facet_index_get_precision (index, N_RECORDS + 9), ==,
                   ACCORDS_DATE_PRECISION_YEAR);
  g_assert_cmpint (accords_facet_index_get_end_day (index, 100000), ==, 0);

  /* two bytes a record, and the one long span */
  g_assert_cmpuint (accords_facet_index_get_size (index) -
                    accords_facet_index_get_size (plain), <,
                    G_N_ELEMENTS (span_records) * 64);
}

/* A large result's candidates near a view are exactly the records that
 * start before its end and last into it, whenever they started; fitting
 * the view to the result reaches the last day of the last span. */
static void
test_timeline_spans (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(AccordsFacetIndex) index = NULL;
  g_autoptr(AccordsTimelineDensity) density = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) items = NULL;
  const AccordsTimelineItem *data;
  const char *views[][2] = {
    { "2010-06-01", "2010-06-10" },
    { "2010-05-31", "2010-06-01" },
    { "2012-06-01", "2012-06-02" },
    { "1940-01-01", "1950-01-01" },
    { "2031-06-30", "2040-01-01" },
    { "1995-01-01", "2040-01-01" },
  };
  gint32 last = 0;
  guint n_dated = 0;

  insert_span_records (fixture);
  index = load_index (fixture);
  items = make_items (fixture, ids);
  data = (const AccordsTimelineItem *) items->data;
  density = accords_timeline_density_new (index, (const gint64 *) ids->data, ids->len,
                                          ACCORDS_TIMELINE_GROUP_COUNTRY, 30, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      guint position;

      if (data[i].day == 0)
        continue;
      n_dated++;
      last = MAX (last, data[i].end_day);
      position = accords_timeline_density_find (density, data[i].id);
      g_assert_cmpint (accords_timeline_density_get_end_day (density, position), ==,
                       data[i].end_day);
    }
  g_assert_cmpuint (accords_timeline_density_get_n_dated (density), ==, n_dated);
  g_assert_cmpint (accords_timeline_density_get_last_day (density), ==, last);
  g_assert_cmpint (last, ==, accords_timeline_day_from_iso ("2031-06-30"));
  g_assert_cmpuint (accords_timeline_density_get_precisions (density), ==,
                    (1u << ACCORDS_DATE_PRECISION_DAY) | (1u << ACCORDS_DATE_PRECISION_MONTH) |
                    (1u << ACCORDS_DATE_PRECISION_YEAR));

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GArray) candidates = NULL;
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (gint64));
      double start = accords_timeline_day_from_iso (views[v][0]);
      double end = accords_timeline_day_from_iso (views[v][1]);

      for (guint i = 0; i < items->len; i++)
        {
          if (data[i].day != 0 && data[i].day < end && data[i].end_day + 1 >= start)
            g_array_append_val (expected, data[i].id);
        }

      candidates = accords_timeline_density_candidates (density, start, end);
      for (guint c = 1; c < candidates->len; c++)
        {
          guint a = accords_timeline_density_find (density, g_array_index (candidates, gint64,
                                                                           c - 1));
          guint b = accords_timeline_density_find (density, g_array_index (candidates, gint64, c));

          g_assert_cmpuint (a, <, b);
        }
      g_array_sort (candidates, compare_ids);
      g_assert_cmpmem (candidates->data, candidates->len * sizeof (gint64),
                       expected->data, expected->len * sizeof (gint64));
    }

  /* the 48-day span that starts before the first view */
  {
    g_autoptr(GArray) candidates = NULL;
    gint64 span_id = N_RECORDS + 1;
    gint64 ended_id = N_RECORDS + 2;
    gboolean has_span = FALSE;
    gboolean has_ended = FALSE;

    candidates = accords_timeline_density_candidates (density,
                                                      accords_timeline_day_from_iso ("2010-06-01"),
                                                      accords_timeline_day_from_iso ("2010-06-10"));
    for (guint c = 0; c < candidates->len; c++)
      {
        has_span |= g_array_index (candidates, gint64, c) == span_id;
        has_ended |= g_array_index (candidates, gint64, c) == ended_id;
      }
    g_assert_true (has_span);
    g_assert_false (has_ended);
  }
}

static void
add_test (const char *name,
          void (*func) (Fixture *, gconstpointer))
{
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/facets/count/all", test_count_all);
  add_test ("/facets/count/subset", test_count_subset);
  add_test ("/facets/count/empty", test_count_empty);
  add_test ("/facets/count/bare-records", test_count_bare_records);
  add_test ("/facets/count/unknown-ids", test_count_unknown_ids);
  add_test ("/facets/order", test_order);
  add_test ("/facets/lookup", test_lookup);
  add_test ("/facets/sparse/gaps", test_sparse_gaps);
  add_test ("/facets/sparse/far", test_sparse_far);
  add_test ("/facets/async", test_async);
  add_test ("/facets/cancel", test_cancel);
  add_test ("/facets/timeline-density", test_timeline_density);
  add_test ("/facets/spans", test_spans);
  add_test ("/facets/timeline-spans", test_timeline_spans);

  return g_test_run ();
}
