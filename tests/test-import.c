/* test-import.c — import batches: one record per event, duplicates,
 * all-or-nothing, and what a merge keeps.
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "accords-annotation.h"
#include "accords-export.h"
#include "accords-import.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"

/* Short reports written for these tests: two of one signing, one of
 * another event between the same countries a month later. */
static const char first_report[] =
  " date 2024-05-15 Chile and Peru signed a memorandum of understanding on "
  "cybersecurity in Lima on Tuesday. The Chilean minister of science and the "
  "Peruvian minister of transport and communications put their names to the "
  "document, which covers incident response and the training of experts.\n";

static const char second_report[] =
  " date 2024-05-16 Peru and Chile have agreed to work together on cyber "
  "defence: a memorandum of understanding was signed in Lima on Tuesday by "
  "ministers of the two countries, the Peruvian government said.\n";

static const char later_report[] =
  " date 2024-06-20 Chile and Peru signed an agreement on satellite data in "
  "Santiago on Wednesday, a month after their cybersecurity memorandum.\n";

typedef struct
{
  char         *dir;
  AccordsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("accords-import-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = accords_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static GPtrArray *
read_and_match (Fixture            *fixture,
                const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals = accords_import_read (paths, NULL, NULL, NULL);

  g_assert_nonnull (proposals);
  g_assert_true (accords_import_match (fixture->store, proposals, &error));
  g_assert_no_error (error);

  return proposals;
}

static AccordsImportProposal *
proposal_at (GPtrArray *proposals,
             guint      index)
{
  g_assert_cmpuint (index, <, proposals->len);
  return g_ptr_array_index (proposals, index);
}

static guint
count_records (Fixture    *fixture,
               const char *query_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsQuery) query = accords_query_parse (query_text, NULL, NULL, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  g_assert_true (accords_store_query_ids (fixture->store, query, ids, NULL, &error));
  g_assert_no_error (error);

  return ids->len;
}

static guint
count_sources (Fixture    *fixture,
               const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsRecord) record = accords_store_load_record_by_uid (fixture->store, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);

  return g_list_model_get_n_items (accords_record_get_sources (record));
}

static void
test_same_event (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (fixture, "first.txt", first_report);
  g_autofree char *b = write_file (fixture, "second.txt", second_report);
  g_autofree char *c = write_file (fixture, "later.txt", later_report);
  const char *paths[] = { a, b, c, NULL };
  g_autoptr(GPtrArray) proposals = read_and_match (fixture, paths);
  g_autoptr(GPtrArray) again = NULL;
  const char *uid;
  guint n_new = 0, n_merged = 0;

  g_assert_cmpuint (proposals->len, ==, 3);
  g_assert_cmpint (proposal_at (proposals, 0)->outcome, ==, ACCORDS_IMPORT_NEW);
  uid = accords_record_get_uid (proposal_at (proposals, 0)->record);
  g_assert_nonnull (uid);

  /* the second report of the signing joins the first, in the same batch */
  g_assert_cmpint (proposal_at (proposals, 1)->outcome, ==, ACCORDS_IMPORT_MERGED);
  g_assert_cmpstr (proposal_at (proposals, 1)->target_uid, ==, uid);

  /* a different signing between the same countries is another event */
  g_assert_cmpint (proposal_at (proposals, 2)->outcome, ==, ACCORDS_IMPORT_NEW);

  g_assert_true (accords_import_save (fixture->store, proposals, &n_new, &n_merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 2);
  g_assert_cmpuint (n_merged, ==, 1);
  g_assert_cmpuint (count_records (fixture, ""), ==, 2);
  g_assert_cmpuint (count_sources (fixture, uid), ==, 2);

  /* each source keeps the name of its file */
  {
    g_autoptr(AccordsRecord) record = accords_store_load_record_by_uid (fixture->store, uid, NULL);
    g_autoptr(AccordsSource) source = g_list_model_get_item (accords_record_get_sources (record), 1);

    g_assert_cmpstr (accords_source_get_file (source), ==, "second.txt");
  }

  /* importing the same files again adds nothing */
  again = read_and_match (fixture, paths);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (proposal_at (again, i)->outcome, ==, ACCORDS_IMPORT_DUPLICATE);
  g_assert_true (accords_import_save (fixture->store, again, &n_new, &n_merged, &error));
  g_assert_cmpuint (n_new + n_merged, ==, 0);
  g_assert_cmpuint (count_records (fixture, ""), ==, 2);
  g_assert_cmpuint (count_sources (fixture, uid), ==, 2);
}

static void
test_later_import_merges (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (fixture, "first.txt", first_report);
  g_autofree char *b = write_file (fixture, "second.txt", second_report);
  const char *first[] = { a, NULL };
  const char *second[] = { b, NULL };
  g_autoptr(GPtrArray) proposals = read_and_match (fixture, first);
  g_autoptr(GPtrArray) later = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(AccordsRecord) record = NULL;
  AccordsAnnotation *annotation;

  g_assert_true (accords_import_save (fixture->store, proposals, NULL, NULL, &error));
  g_assert_no_error (error);
  uid = g_strdup (accords_record_get_uid (proposal_at (proposals, 0)->record));

  /* the user's note on the record */
  g_assert_true (accords_store_set_note (fixture->store,
                                         accords_record_get_id (proposal_at (proposals, 0)->record),
                                         "Check the annex.", &error));
  g_assert_no_error (error);

  later = read_and_match (fixture, second);
  g_assert_cmpint (proposal_at (later, 0)->outcome, ==, ACCORDS_IMPORT_MERGED);
  g_assert_cmpstr (proposal_at (later, 0)->target_uid, ==, uid);
  g_assert_true (accords_import_save (fixture->store, later, NULL, NULL, &error));
  g_assert_no_error (error);

  /* the record gained a source and kept the user's work */
  record = accords_store_load_record_by_uid (fixture->store, uid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 2);
  annotation = accords_record_get_annotation (record);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "Check the annex.");
  g_assert_cmpuint (count_records (fixture, ""), ==, 1);
}

static void
test_all_or_nothing (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *good = write_file (fixture, "good.txt", first_report);
  g_autofree char *empty = write_file (fixture, "empty.txt", "  \n\n ");
  const char *paths[] = { good, empty, NULL };
  g_autoptr(GPtrArray) proposals = read_and_match (fixture, paths);
  AccordsImportProposal *failed;

  g_assert_cmpuint (proposals->len, ==, 2);
  g_assert_cmpint (proposal_at (proposals, 0)->outcome, ==, ACCORDS_IMPORT_NEW);
  failed = proposal_at (proposals, 1);
  g_assert_cmpint (failed->outcome, ==, ACCORDS_IMPORT_FAILED);
  g_assert_nonnull (failed->error);
  g_assert_nonnull (strstr (failed->error->message, "empty.txt"));

  /* a batch with a file that cannot be imported saves nothing… */
  g_assert_false (accords_import_save (fixture->store, proposals, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "empty.txt"));
  g_clear_error (&error);
  g_assert_cmpuint (count_records (fixture, ""), ==, 0);

  /* …unless the review leaves that file out */
  failed->excluded = TRUE;
  g_assert_true (accords_import_save (fixture->store, proposals, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_records (fixture, ""), ==, 1);
}

static void
test_excluded (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (fixture, "first.txt", first_report);
  g_autofree char *c = write_file (fixture, "later.txt", later_report);
  const char *paths[] = { a, c, NULL };
  g_autoptr(GPtrArray) proposals = read_and_match (fixture, paths);
  guint n_new = 0;

  proposal_at (proposals, 1)->excluded = TRUE;
  g_assert_true (accords_import_save (fixture->store, proposals, &n_new, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpuint (count_records (fixture, ""), ==, 1);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = write_file (fixture, "first.txt", first_report);
  g_autofree char *c = write_file (fixture, "later.txt", later_report);
  g_autofree char *json = g_build_filename (fixture->dir, "export.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json);
  const char *paths[] = { a, c, NULL };
  const char *json_paths[] = { json, NULL };
  g_autoptr(GPtrArray) proposals = read_and_match (fixture, paths);
  g_autoptr(GPtrArray) from_json = NULL;
  g_autoptr(AccordsStore) other = NULL;
  g_autoptr(AccordsQuery) everything = accords_query_parse ("", NULL, NULL, NULL);
  guint64 n_exported = 0;

  g_assert_true (accords_import_save (fixture->store, proposals, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (accords_export_to_file (fixture->store, everything, NULL, 0,
                                         ACCORDS_EXPORT_FORMAT_JSON, ACCORDS_EXPORT_OPTION_NONE,
                                         json_file, &n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 2);

  /* into the same library: every record is already there */
  from_json = read_and_match (fixture, json_paths);
  g_assert_cmpuint (from_json->len, ==, 2);
  for (guint i = 0; i < from_json->len; i++)
    g_assert_cmpint (proposal_at (from_json, i)->outcome, ==, ACCORDS_IMPORT_DUPLICATE);
  g_clear_pointer (&from_json, g_ptr_array_unref);

  /* into an empty one: both, with their uids */
  other = accords_store_open (other_path, &error);
  g_assert_no_error (error);
  from_json = accords_import_read (json_paths, NULL, NULL, NULL);
  g_assert_true (accords_import_match (other, from_json, &error));
  for (guint i = 0; i < from_json->len; i++)
    g_assert_cmpint (proposal_at (from_json, i)->outcome, ==, ACCORDS_IMPORT_NEW);
  g_assert_true (accords_import_save (other, from_json, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < proposals->len; i++)
    {
      const char *uid = accords_record_get_uid (proposal_at (proposals, i)->record);
      g_autoptr(AccordsRecord) copy = accords_store_load_record_by_uid (other, uid, &error);

      g_assert_no_error (error);
      g_assert_nonnull (copy);
    }
}

static void
test_same_event_rule (void)
{
  g_autoptr(AccordsRecord) a = accords_record_new ();
  g_autoptr(AccordsRecord) b = accords_record_new ();
  const char *chile_peru[] = { "CL", "PE", NULL };
  const char *peru_chile[] = { "PE", "CL", NULL };
  const char *chile_brazil[] = { "CL", "BR", NULL };

  accords_record_set_parties (a, chile_peru);
  accords_record_set_parties (b, peru_chile);
  accords_record_set_kind (a, ACCORDS_KIND_VISIT);
  accords_record_set_kind (b, ACCORDS_KIND_MEETING);
  accords_record_set_event_date (a, "2024-02-28");
  accords_record_set_event_date (b, "2024-03-01");
  g_assert_true (accords_records_same_event (a, b)); /* across a leap day */

  accords_record_set_event_date (b, "2024-03-06");
  g_assert_false (accords_records_same_event (a, b));

  /* a visit covers the days it lasts */
  accords_record_set_event_end (a, "2024-03-08");
  g_assert_true (accords_records_same_event (a, b));
  accords_record_set_event_end (a, NULL);

  /* two signings a few days apart are two documents */
  accords_record_set_kind (a, ACCORDS_KIND_MOU_SIGNED);
  accords_record_set_kind (b, ACCORDS_KIND_AGREEMENT_SIGNED);
  accords_record_set_event_date (b, "2024-03-02");
  g_assert_false (accords_records_same_event (a, b));
  accords_record_set_event_date (b, "2024-02-29");
  g_assert_true (accords_records_same_event (a, b));

  /* other parties, other event */
  accords_record_set_parties (b, chile_brazil);
  g_assert_false (accords_records_same_event (a, b));
}

static AccordsRecord *
make_record (const char *title,
             const char *date,
             const char *party,
             const char *topic,
             const char *text)
{
  AccordsRecord *record = accords_record_new ();
  g_autoptr(AccordsSource) source = accords_source_new ();
  const char *parties[] = { "CL", party, NULL };
  const char *topics[] = { topic, NULL };

  accords_record_set_title (record, title);
  accords_record_set_event_date (record, date);
  accords_record_set_parties (record, parties);
  accords_record_set_topics (record, topics);
  accords_source_set_text (source, text);
  accords_record_add_source (record, source);

  return record;
}

/* Two records the user finds to be one event: the first keeps both notes,
 * every source and tag, the star, and the other's history. */
static void
test_merge_records (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AccordsRecord) merged = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *other_uid = NULL;
  AccordsAnnotation *annotation;
  gint64 keep, other;
  const char * const *tags;

  g_ptr_array_add (batch, make_record ("Talks in Lima", "2024-05-14", "PE", "cloud", "First report."));
  g_ptr_array_add (batch, make_record ("Memorandum signed", "2024-05-15", "PE", "cybersecurity", "Second report."));
  g_assert_true (accords_store_insert_records (fixture->store, batch, &error));
  g_assert_no_error (error);
  keep = accords_record_get_id (g_ptr_array_index (batch, 0));
  other = accords_record_get_id (g_ptr_array_index (batch, 1));
  other_uid = g_strdup (accords_record_get_uid (g_ptr_array_index (batch, 1)));

  g_assert_true (accords_store_set_note (fixture->store, keep, "Mine.", &error));
  g_assert_true (accords_store_set_note (fixture->store, other, "Also mine.", &error));
  g_assert_true (accords_store_set_starred (fixture->store, &other, 1, TRUE, &error));
  g_assert_true (accords_store_add_tag (fixture->store, &keep, 1, "lima", &error));
  g_assert_true (accords_store_add_tag (fixture->store, &other, 1, "cyber", &error));
  g_assert_no_error (error);

  g_assert_false (accords_store_merge_records (fixture->store, keep, keep, &error));
  g_clear_error (&error);

  g_assert_true (accords_store_merge_records (fixture->store, keep, other, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_records (fixture, ""), ==, 1);
  merged = accords_store_load_record (fixture->store, keep, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (merged)), ==, 2);
  g_assert_true (g_strv_contains (accords_record_get_topics (merged), "cloud"));
  g_assert_true (g_strv_contains (accords_record_get_topics (merged), "cybersecurity"));

  annotation = accords_record_get_annotation (merged);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "Mine.\n\nAlso mine.");
  g_assert_true (accords_annotation_get_starred (annotation));
  tags = accords_annotation_get_tags (annotation);
  g_assert_true (g_strv_contains (tags, "lima"));
  g_assert_true (g_strv_contains (tags, "cyber"));

  /* both reports stay searchable, under the one record */
  g_assert_cmpuint (count_records (fixture, "\"Second report\""), ==, 1);
  g_assert_cmpuint (count_records (fixture, "has:note tag:cyber"), ==, 1);

  /* the other record's note history now belongs to the merged record */
  history = accords_store_load_history (fixture->store, accords_record_get_uid (merged), "note", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >=, 3);

  g_assert_null (accords_store_load_record_by_uid (fixture->store, other_uid, NULL));
}

/* The product's promise: the five seed reports make three records, the
 * Iran–Serbia visit with three sources; importing them again adds nothing. */
static void
test_seeds (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *shared = g_getenv ("ACCORDS_SHARED_DIR");
  g_autofree char *seeds = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GHashTable) sources = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) counts = NULL;
  const char *name;
  guint n_new = 0, n_merged = 0;

  seeds = g_build_filename (shared != NULL ? shared : "../shared", "corpus", "seeds", NULL);
  dir = g_dir_open (seeds, 0, NULL);
  if (dir == NULL)
    {
      g_test_skip ("the seed reports are not here");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (paths, g_build_filename (seeds, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (paths, NULL);
  g_assert_cmpuint (paths->len, ==, 6);

  proposals = read_and_match (fixture, (const char * const *) paths->pdata);
  g_assert_true (accords_import_save (fixture->store, proposals, &n_new, &n_merged, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 3);
  g_assert_cmpuint (n_merged, ==, 2);
  g_assert_cmpuint (count_records (fixture, ""), ==, 3);

  for (guint i = 0; i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = proposal_at (proposals, i);
      const char *uid = proposal->outcome == ACCORDS_IMPORT_NEW
                        ? accords_record_get_uid (proposal->record) : proposal->target_uid;

      g_hash_table_insert (sources, (gpointer) uid,
                           GUINT_TO_POINTER (count_sources (fixture, uid)));
    }
  counts = g_hash_table_get_values (sources);
  {
    guint found[4] = { 0, };

    for (const GList *l = counts; l != NULL; l = l->next)
      found[MIN (GPOINTER_TO_UINT (l->data), 3)]++;
    g_assert_cmpuint (found[1], ==, 2);
    g_assert_cmpuint (found[3], ==, 1);
  }
  g_assert_cmpuint (count_records (fixture, "country:IR country:RS"), ==, 1);

  again = read_and_match (fixture, (const char * const *) paths->pdata);
  for (guint i = 0; i < again->len; i++)
    g_assert_cmpint (proposal_at (again, i)->outcome, ==, ACCORDS_IMPORT_DUPLICATE);
  g_assert_true (accords_import_save (fixture->store, again, &n_new, &n_merged, &error));
  g_assert_cmpuint (n_new + n_merged, ==, 0);
  g_assert_cmpuint (count_records (fixture, ""), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/same-event-rule", test_same_event_rule);
  g_test_add ("/import/same-event", Fixture, NULL, fixture_set_up, test_same_event, fixture_tear_down);
  g_test_add ("/import/later-import-merges", Fixture, NULL, fixture_set_up,
              test_later_import_merges, fixture_tear_down);
  g_test_add ("/import/all-or-nothing", Fixture, NULL, fixture_set_up,
              test_all_or_nothing, fixture_tear_down);
  g_test_add ("/import/excluded", Fixture, NULL, fixture_set_up, test_excluded, fixture_tear_down);
  g_test_add ("/import/json-round-trip", Fixture, NULL, fixture_set_up,
              test_json_round_trip, fixture_tear_down);
  g_test_add ("/import/merge-records", Fixture, NULL, fixture_set_up,
              test_merge_records, fixture_tear_down);
  g_test_add ("/import/seeds", Fixture, NULL, fixture_set_up, test_seeds, fixture_tear_down);

  return g_test_run ();
}
