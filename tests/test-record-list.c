/* test-record-list.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "accords-query.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"

#define N_RECORDS 700

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  char         *dir;
  char         *path;
  AccordsStore *store;
  GArray       *changes;
} Fixture;

/* Record i is dated 2000-01-01 + i days; every 7th is between FR and JP,
 * the others between QA and RS. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) start = g_date_new_dmy (1, 1, 2000);

  fixture->dir = g_dir_make_tmp ("accords-list-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));

  for (guint i = 0; i < N_RECORDS; i++)
    {
      AccordsRecord *record = accords_record_new ();
      g_autofree char *title = g_strdup_printf ("Record %04u", i);
      g_autofree char *uid = g_strdup_printf ("uid-%04u", i);
      char date[16];
      GDate day = *start;
      const char *qa_rs[] = { "QA", "RS", NULL };
      const char *fr_jp[] = { "FR", "JP", NULL };

      g_date_add_days (&day, i);
      g_date_strftime (date, sizeof date, "%Y-%m-%d", &day);

      accords_record_set_uid (record, uid);
      accords_record_set_title (record, title);
      accords_record_set_kind (record, i % 2 ? ACCORDS_KIND_MEETING : ACCORDS_KIND_VISIT);
      accords_record_set_event_date (record, date);
      accords_record_set_parties (record, i % 7 == 0 ? fr_jp : qa_rs);
      g_ptr_array_add (batch, record);
    }

  g_assert_true (accords_store_insert_records (fixture->store, batch, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  g_array_unref (fixture->changes);

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

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
wait_loaded (AccordsRecordList *list)
{
  while (accords_record_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static AccordsRecordList *
make_list (Fixture *fixture)
{
  AccordsRecordList *list = accords_record_list_new (fixture->store);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), fixture);
  wait_loaded (list);

  return list;
}

static void
assert_change (Fixture *fixture,
               guint    index,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (index, <, fixture->changes->len);
  change = &g_array_index (fixture->changes, Change, index);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static void
set_query (AccordsRecordList *list,
           const char        *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsQuery) query = accords_query_parse (text, NULL, NULL, &error);

  g_assert_no_error (error);
  accords_record_list_set_query (list, query);
  wait_loaded (list);
}

static void
test_count_and_order (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(AccordsRecordList) list = make_list (fixture);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(AccordsRecord) first = NULL;
  g_autoptr(AccordsRecord) last = NULL;
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (model) == ACCORDS_TYPE_RECORD);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_RECORDS);
  g_object_get (list, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, N_RECORDS);

  /* One change for the first load. */
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 0, 0, N_RECORDS);

  /* Newest first. */
  first = g_list_model_get_item (model, 0);
  last = g_list_model_get_item (model, N_RECORDS - 1);
  g_assert_cmpstr (accords_record_get_title (first), ==, "Record 0699");
  g_assert_cmpstr (accords_record_get_title (last), ==, "Record 0000");
  g_assert_cmpstr (accords_record_get_event_date (last), ==, "2000-01-01");
  g_assert_cmpstr (accords_record_get_uid (last), ==, "uid-0000");
  g_assert_cmpstr (accords_record_get_parties (last)[0], ==, "FR");
  g_assert_cmpint (accords_record_get_kind (last), ==, ACCORDS_KIND_VISIT);

  g_assert_null (g_list_model_get_item (model, N_RECORDS));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));

  /* Every position holds the record the order says, in any access order. */
  for (guint step = 0; step < 3; step++)
    for (guint i = 0; i < N_RECORDS; i++)
      {
        guint position = step == 0 ? i : step == 1 ? N_RECORDS - 1 - i : (i * 389) % N_RECORDS;
        g_autoptr(AccordsRecord) record = g_list_model_get_item (model, position);
        g_autofree char *expected = g_strdup_printf ("Record %04u", N_RECORDS - 1 - position);

        g_assert_cmpstr (accords_record_get_title (record), ==, expected);
        g_assert_cmpint (accords_record_get_id (record), ==,
                         accords_record_list_get_id (list, position));
      }

  /* Items seen twice while cached are the same object. */
  {
    g_autoptr(AccordsRecord) a = g_list_model_get_item (model, 10);
    g_autoptr(AccordsRecord) b = g_list_model_get_item (model, 10);

    g_assert_true (a == b);
  }
}

static void
test_requery (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(AccordsRecordList) list = make_list (fixture);
  GListModel *model = G_LIST_MODEL (list);
  guint expected = (N_RECORDS + 6) / 7;
  g_autoptr(AccordsRecord) item = NULL;

  set_query (list, "country:JP");

  /* One change that swaps the whole content. */
  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, 0, N_RECORDS, expected);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(AccordsRecord) record = g_list_model_get_item (model, i);

      g_assert_cmpstr (accords_record_get_parties (record)[1], ==, "JP");
    }

  /* Sorting is done by SQL: ascending by date. */
  {
    g_autoptr(AccordsQuery) query = accords_query_copy (accords_record_list_get_query (list));

    accords_query_set_sort (query, ACCORDS_SORT_DATE, FALSE);
    accords_record_list_set_query (list, query);
    wait_loaded (list);
    item = g_list_model_get_item (model, 0);
    g_assert_cmpstr (accords_record_get_title (item), ==, "Record 0000");
    assert_change (fixture, 2, 0, expected, expected);
  }

  /* The same query again changes nothing. */
  {
    g_autoptr(AccordsQuery) same = accords_query_copy (accords_record_list_get_query (list));

    accords_record_list_set_query (list, same);
    g_assert_false (accords_record_list_get_loading (list));
    g_assert_cmpuint (fixture->changes->len, ==, 3);
  }

  /* Nothing matches. */
  set_query (list, "country:JP country:QA");
  assert_change (fixture, 3, 0, expected, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_null (g_list_model_get_item (model, 0));

  /* Back to everything. */
  set_query (list, "");
  assert_change (fixture, 4, 0, 0, N_RECORDS);
  g_assert_null (accords_record_list_get_error (list));
}

static void
test_stale_results_dropped (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(AccordsRecordList) list = make_list (fixture);
  g_autoptr(GError) error = NULL;
  const char *queries[] = { "country:QA", "kind:visit", "country:FR", "year:2001", "country:JP" };

  /* Typed in quick succession: only the last one is ever shown. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(AccordsQuery) query = accords_query_parse (queries[i], NULL, NULL, &error);

      g_assert_no_error (error);
      accords_record_list_set_query (list, query);
    }

  wait_loaded (list);

  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 1, 0, N_RECORDS, (N_RECORDS + 6) / 7);
}

static void
test_reload_sees_new_records (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(AccordsRecordList) list = make_list (fixture);
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsRecord) first = NULL;
  g_autoptr(GError) error = NULL;

  accords_record_set_title (record, "Newest of all");
  accords_record_set_event_date (record, "2030-01-01");
  g_assert_true (accords_store_insert_record (fixture->store, record, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECORDS);
  accords_record_list_reload (list);
  wait_loaded (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECORDS + 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (accords_record_get_title (first), ==, "Newest of all");
  g_assert_cmpuint (accords_record_list_find_id (list, accords_record_get_id (record)), ==, 0);
  g_assert_cmpuint (accords_record_list_find_id (list, -5), ==, G_MAXUINT);
}

static void
test_refresh (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(AccordsRecordList) list = make_list (fixture);
  g_autoptr(AccordsRecord) before = NULL;
  g_autoptr(AccordsRecord) after = NULL;
  g_autoptr(AccordsRecord) other = NULL;
  g_autoptr(GArray) many = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  /* Two shown records (given out of order) and one that is not there. */
  ids[0] = accords_record_list_get_id (list, 10);
  ids[1] = accords_record_list_get_id (list, 3);
  ids[2] = -42;

  before = g_list_model_get_item (G_LIST_MODEL (list), 3);
  other = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_false (accords_record_get_starred (before));

  g_assert_true (accords_store_set_starred (fixture->store, ids, 2, TRUE, &error));
  g_assert_no_error (error);

  g_array_set_size (fixture->changes, 0);
  accords_record_list_refresh (list, ids, G_N_ELEMENTS (ids));

  g_assert_cmpuint (fixture->changes->len, ==, 2);
  assert_change (fixture, 0, 3, 1, 1);
  assert_change (fixture, 1, 10, 1, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECORDS);

  after = g_list_model_get_item (G_LIST_MODEL (list), 3);
  g_assert_true (after != before);
  g_assert_true (accords_record_get_starred (after));
  g_assert_cmpint (accords_record_get_id (after), ==, ids[1]);
  g_clear_object (&after);
  after = g_list_model_get_item (G_LIST_MODEL (list), 10);
  g_assert_true (accords_record_get_starred (after));

  /* Untouched items stay as they were. */
  g_clear_object (&after);
  after = g_list_model_get_item (G_LIST_MODEL (list), 4);
  g_assert_true (after == other);

  /* Nothing to refresh: no signal. */
  g_array_set_size (fixture->changes, 0);
  accords_record_list_refresh (list, &ids[2], 1);
  accords_record_list_refresh (list, NULL, 0);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Many at once: one signal over the whole list. */
  for (guint i = 0; i < 300; i++)
    {
      gint64 id = accords_record_list_get_id (list, i * 2);

      g_array_append_val (many, id);
    }
  accords_record_list_refresh (list, (const gint64 *) many->data, many->len);
  g_assert_cmpuint (fixture->changes->len, ==, 1);
  assert_change (fixture, 0, 0, N_RECORDS, N_RECORDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-list/count-and-order", test_count_and_order);
  ADD ("/record-list/requery", test_requery);
  ADD ("/record-list/stale-results-dropped", test_stale_results_dropped);
  ADD ("/record-list/reload", test_reload_sees_new_records);
  ADD ("/record-list/refresh", test_refresh);

#undef ADD

  return g_test_run ();
}
