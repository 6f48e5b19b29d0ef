/* test-store-annotations.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "accords-annotation.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-store.h"
#include "accords-tag.h"

#define N_RECORDS 5

typedef struct
{
  char         *dir;
  char         *path;
  AccordsStore *store;
  gint64        ids[N_RECORDS];
  char         *uids[N_RECORDS];
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->dir = g_dir_make_tmp ("accords-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_RECORDS; i++)
    {
      AccordsRecord *record = accords_record_new ();
      g_autofree char *title = g_strdup_printf ("Meeting number %u", i);
      const char *parties[] = { "QA", "RS", NULL };

      accords_record_set_title (record, title);
      accords_record_set_event_date (record, "2024-05-01");
      accords_record_set_parties (record, parties);
      g_ptr_array_add (batch, record);
    }

  g_assert_true (accords_store_insert_records (fixture->store, batch, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < N_RECORDS; i++)
    {
      fixture->ids[i] = accords_record_get_id (g_ptr_array_index (batch, i));
      fixture->uids[i] = g_strdup (accords_record_get_uid (g_ptr_array_index (batch, i)));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  for (guint i = 0; i < N_RECORDS; i++)
    g_free (fixture->uids[i]);

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

/* Reopens the library, as the next start of the application would. */
static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  fixture->store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static AccordsAnnotation *
load_annotation (Fixture *fixture,
                 guint    i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsRecord) record = accords_store_load_record (fixture->store, fixture->ids[i], &error);
  AccordsAnnotation *annotation;

  g_assert_no_error (error);
  annotation = accords_record_get_annotation (record);

  return annotation != NULL ? g_object_ref (annotation) : NULL;
}

static guint
count_matches (Fixture    *fixture,
               const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsQuery) query = accords_query_parse (text, NULL, NULL, &error);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  g_assert_true (accords_store_query_ids (fixture->store, query, ids, NULL, &error));
  g_assert_no_error (error);

  return ids->len;
}

static void
test_note_saved_and_history (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsAnnotation) annotation = NULL;
  g_autoptr(GPtrArray) history = NULL;
  AccordsChange *change;

  g_assert_true (accords_store_set_note (fixture->store, fixture->ids[1], "First *draft*", &error));
  g_assert_no_error (error);
  g_assert_true (accords_store_set_note (fixture->store, fixture->ids[1], "Second version", &error));
  /* The same text again changes nothing and adds no history. */
  g_assert_true (accords_store_set_note (fixture->store, fixture->ids[1], "Second version", &error));
  g_assert_no_error (error);

  reopen (fixture);

  annotation = load_annotation (fixture, 1);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "Second version");
  g_assert_nonnull (accords_annotation_get_modified (annotation));

  history = accords_store_load_history (fixture->store, fixture->uids[1], "note", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  change = g_ptr_array_index (history, 0);
  g_assert_cmpstr (change->what, ==, "note");
  g_assert_cmpstr (change->old_value, ==, "First *draft*");
  g_assert_cmpstr (change->new_value, ==, "Second version");
  change = g_ptr_array_index (history, 1);
  g_assert_cmpstr (change->old_value, ==, "");
  g_assert_cmpstr (change->new_value, ==, "First *draft*");

  /* Restoring an earlier version is saving it again. */
  g_assert_true (accords_store_set_note (fixture->store, fixture->ids[1], change->new_value, &error));
  g_clear_object (&annotation);
  annotation = load_annotation (fixture, 1);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "First *draft*");

  /* Notes are in the full-text search, and has:note finds them. */
  g_assert_cmpuint (count_matches (fixture, "draft"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "has:note"), ==, 1);

  /* Clearing the note. */
  g_assert_true (accords_store_set_note (fixture->store, fixture->ids[1], "", &error));
  g_assert_cmpuint (count_matches (fixture, "has:note"), ==, 0);
  g_assert_cmpuint (count_matches (fixture, "draft"), ==, 0);

  /* Other records have no annotation at all. */
  g_assert_null (load_annotation (fixture, 0));
}

static void
test_bulk_star_and_review (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 three[] = { fixture->ids[0], fixture->ids[2], fixture->ids[4] };

  g_assert_true (accords_store_set_starred (fixture->store, three, 3, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (fixture, "is:starred"), ==, 3);

  g_assert_true (accords_store_set_review (fixture->store, three, 2, ACCORDS_REVIEW_DISPUTED, &error));
  g_assert_cmpuint (count_matches (fixture, "is:disputed"), ==, 2);
  g_assert_cmpuint (count_matches (fixture, "is:unreviewed"), ==, 3);

  reopen (fixture);
  {
    g_autoptr(AccordsAnnotation) annotation = load_annotation (fixture, 2);

    g_assert_true (accords_annotation_get_starred (annotation));
    g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_DISPUTED);
  }

  history = accords_store_load_history (fixture->store, fixture->uids[0], NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 0))->what, ==, "review");
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 1))->what, ==, "starred");
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 1))->new_value, ==, "1");

  /* One record that is not in the library: nothing of the batch happens. */
  {
    gint64 with_missing[] = { fixture->ids[1], fixture->ids[3], 987654 };

    g_assert_false (accords_store_set_starred (fixture->store, with_missing, 3, TRUE, &error));
    g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND);
    g_assert_cmpuint (count_matches (fixture, "is:starred"), ==, 3);
  }
}

static guint
tag_count (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = accords_store_list_tags (fixture->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(AccordsTag) tag = g_list_model_get_item (tags, i);

      if (g_ascii_strcasecmp (accords_tag_get_name (tag), name) == 0)
        return accords_tag_get_n_records (tag);
    }

  return G_MAXUINT;
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 three[] = { fixture->ids[0], fixture->ids[1], fixture->ids[2] };

  g_assert_true (accords_store_add_tag (fixture->store, three, 3, "follow-up", &error));
  g_assert_no_error (error);
  g_assert_true (accords_store_add_tag (fixture->store, &fixture->ids[3], 1, "Priority", &error));
  /* Tags compare without regard to case: no second tag is made. */
  g_assert_true (accords_store_add_tag (fixture->store, &fixture->ids[0], 1, "FOLLOW-UP", &error));
  g_assert_no_error (error);

  g_assert_cmpuint (tag_count (fixture, "follow-up"), ==, 3);
  g_assert_cmpuint (tag_count (fixture, "priority"), ==, 1);
  g_assert_cmpuint (count_matches (fixture, "tag:follow-up"), ==, 3);

  g_assert_true (accords_store_remove_tag (fixture->store, &fixture->ids[1], 1, "follow-up", &error));
  g_assert_cmpuint (tag_count (fixture, "follow-up"), ==, 2);

  history = accords_store_load_history (fixture->store, fixture->uids[1], "tags", &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 0))->old_value, ==, "follow-up");
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 0))->new_value, ==, "");

  /* Bad names. */
  g_assert_false (accords_store_add_tag (fixture->store, three, 3, "  ", &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Rename, onto another tag refused, then merge, then delete. */
  g_assert_true (accords_store_rename_tag (fixture->store, "follow-up", "to check", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (fixture, "tag:\"to check\""), ==, 2);
  g_assert_cmpuint (count_matches (fixture, "tag:follow-up"), ==, 0);

  g_assert_false (accords_store_rename_tag (fixture->store, "to check", "priority", &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (accords_store_merge_tags (fixture->store, "to check", "Priority", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tag_count (fixture, "to check"), ==, G_MAXUINT);
  g_assert_cmpuint (tag_count (fixture, "priority"), ==, 3);

  g_assert_true (accords_store_set_tag_color (fixture->store, "Priority", "#e01b24", &error));
  g_assert_no_error (error);

  /* List rows carry the tags too, for their chips. */
  {
    AccordsRecord *rows[2] = { NULL, };
    gint64 ids[2] = { fixture->ids[0], fixture->ids[4] };

    g_assert_true (accords_store_load_list_records (fixture->store, ids, 2, rows, &error));
    g_assert_no_error (error);
    g_assert_cmpstrv (accords_record_get_tags (rows[0]), ((const char *[]) { "Priority", NULL }));
    g_assert_cmpstrv (accords_record_get_tags (rows[1]), ((const char *[]) { NULL }));
    g_clear_object (&rows[0]);
    g_clear_object (&rows[1]);
  }

  reopen (fixture);
  {
    g_autoptr(AccordsAnnotation) annotation = load_annotation (fixture, 0);

    g_assert_cmpstrv (accords_annotation_get_tags (annotation), ((const char *[]) { "Priority", NULL }));
  }

  g_assert_true (accords_store_delete_tag (fixture->store, "priority", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (fixture, "tag:priority"), ==, 0);
  g_assert_cmpuint (tag_count (fixture, "priority"), ==, G_MAXUINT);

  /* Every step is in the record's history. */
  g_clear_pointer (&history, g_ptr_array_unref);
  history = accords_store_load_history (fixture->store, fixture->uids[0], "tags", &error);
  g_assert_cmpuint (history->len, ==, 4);
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 0))->old_value, ==, "Priority");
  g_assert_cmpstr (((AccordsChange *) g_ptr_array_index (history, 0))->new_value, ==, "");

  g_assert_false (accords_store_delete_tag (fixture->store, "no such tag", &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/annotations/note-and-history", test_note_saved_and_history);
  ADD ("/store/annotations/bulk-star-and-review", test_bulk_star_and_review);
  ADD ("/store/annotations/tags", test_tags);

#undef ADD

  return g_test_run ();
}
