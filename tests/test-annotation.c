/* test-annotation.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-annotation"

#include "config.h"

#include "accords-annotation.h"
#include "accords-enums.h"

typedef struct
{
  guint note;
  guint starred;
  guint review;
  guint tags;
  guint modified;
  guint total;
} Notifications;

static void
on_notify_cb (GObject       *object,
              GParamSpec    *pspec,
              Notifications *seen)
{
  if (g_str_equal (pspec->name, "note"))
    seen->note++;
  else if (g_str_equal (pspec->name, "starred"))
    seen->starred++;
  else if (g_str_equal (pspec->name, "review"))
    seen->review++;
  else if (g_str_equal (pspec->name, "tags"))
    seen->tags++;
  else if (g_str_equal (pspec->name, "modified"))
    seen->modified++;
  else
    g_assert_not_reached ();

  seen->total++;
}

static void
test_defaults (void)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_auto(GStrv) tags = NULL;
  g_autofree char *note = NULL;
  AccordsReview review = ACCORDS_REVIEW_DISPUTED;
  GObjectClass *klass;

  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "");
  g_assert_false (accords_annotation_get_starred (annotation));
  g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_UNREVIEWED);
  g_assert_nonnull (accords_annotation_get_tags (annotation));
  g_assert_null (accords_annotation_get_tags (annotation)[0]);
  g_assert_null (accords_annotation_get_modified (annotation));
  g_assert_true (accords_annotation_is_empty (annotation));

  g_object_get (annotation,
                "note", &note,
                "tags", &tags,
                "review", &review,
                NULL);
  g_assert_cmpstr (note, ==, "");
  g_assert_nonnull (tags);
  g_assert_null (tags[0]);
  g_assert_cmpint (review, ==, ACCORDS_REVIEW_UNREVIEWED);

  klass = G_OBJECT_GET_CLASS (annotation);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "review")) ==
                 ACCORDS_TYPE_REVIEW);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "tags")) ==
                 G_TYPE_STRV);
}

static void
test_is_empty (void)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  const char *tags[] = { "to-check", NULL };

  /* Each field alone makes it not empty; clearing it makes it empty again. */
  accords_annotation_set_note (annotation, "Ask the embassy.");
  g_assert_false (accords_annotation_is_empty (annotation));
  accords_annotation_set_note (annotation, NULL);
  g_assert_true (accords_annotation_is_empty (annotation));

  accords_annotation_set_starred (annotation, TRUE);
  g_assert_false (accords_annotation_is_empty (annotation));
  accords_annotation_set_starred (annotation, FALSE);
  g_assert_true (accords_annotation_is_empty (annotation));

  accords_annotation_set_review (annotation, ACCORDS_REVIEW_VERIFIED);
  g_assert_false (accords_annotation_is_empty (annotation));
  accords_annotation_set_review (annotation, ACCORDS_REVIEW_DISPUTED);
  g_assert_false (accords_annotation_is_empty (annotation));
  accords_annotation_set_review (annotation, ACCORDS_REVIEW_UNREVIEWED);
  g_assert_true (accords_annotation_is_empty (annotation));

  accords_annotation_set_tags (annotation, tags);
  g_assert_false (accords_annotation_is_empty (annotation));
  accords_annotation_set_tags (annotation, NULL);
  g_assert_true (accords_annotation_is_empty (annotation));

  /* The time of the last change is not content. */
  accords_annotation_set_modified (annotation, "2025-06-01T12:00:00Z");
  g_assert_true (accords_annotation_is_empty (annotation));
}

static void
test_tags (void)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  const char *tags[] = { "follow-up", "ministry", "مهم", NULL };
  const char *same[] = { "follow-up", "ministry", "مهم", NULL };
  const char *other_order[] = { "ministry", "follow-up", "مهم", NULL };
  const char *empty[] = { NULL };
  g_auto(GStrv) read = NULL;
  char *mutable[] = { g_strdup ("draft"), NULL };
  Notifications seen = { 0, };

  g_signal_connect (annotation, "notify", G_CALLBACK (on_notify_cb), &seen);

  accords_annotation_set_tags (annotation, tags);
  g_assert_true (g_strv_equal (accords_annotation_get_tags (annotation), tags));
  g_assert_cmpuint (seen.tags, ==, 1);

  accords_annotation_set_tags (annotation, same);
  g_assert_cmpuint (seen.tags, ==, 1);

  accords_annotation_set_tags (annotation, other_order);
  g_assert_cmpuint (seen.tags, ==, 2);
  g_assert_cmpstr (accords_annotation_get_tags (annotation)[0], ==, "ministry");

  g_object_get (annotation, "tags", &read, NULL);
  g_assert_true (g_strv_equal ((const char * const *) read, other_order));

  g_object_set (annotation, "tags", tags, NULL);
  g_assert_cmpuint (seen.tags, ==, 3);

  /* The annotation keeps its own copy. */
  accords_annotation_set_tags (annotation, (const char * const *) mutable);
  g_free (mutable[0]);
  mutable[0] = NULL;
  g_assert_cmpstr (accords_annotation_get_tags (annotation)[0], ==, "draft");
  g_assert_cmpuint (seen.tags, ==, 4);

  /* NULL and an empty array are the same: an empty list, never NULL. */
  accords_annotation_set_tags (annotation, NULL);
  g_assert_nonnull (accords_annotation_get_tags (annotation));
  g_assert_null (accords_annotation_get_tags (annotation)[0]);
  g_assert_cmpuint (seen.tags, ==, 5);
  accords_annotation_set_tags (annotation, empty);
  g_assert_cmpuint (seen.tags, ==, 5);

  g_assert_cmpuint (seen.total, ==, 5);

  g_signal_handlers_disconnect_by_func (annotation, on_notify_cb, &seen);
}

static void
test_notify (void)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  Notifications seen = { 0, };
  g_autofree char *note = NULL;
  gboolean starred = FALSE;

  g_signal_connect (annotation, "notify", G_CALLBACK (on_notify_cb), &seen);

  accords_annotation_set_note (annotation, "First *draft*.");
  accords_annotation_set_note (annotation, "First *draft*.");
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "First *draft*.");
  g_assert_cmpuint (seen.note, ==, 1);

  /* NULL is "": from "" to NULL changes nothing. */
  accords_annotation_set_note (annotation, "");
  accords_annotation_set_note (annotation, NULL);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "");
  g_assert_cmpuint (seen.note, ==, 2);

  accords_annotation_set_starred (annotation, TRUE);
  accords_annotation_set_starred (annotation, 5);
  g_assert_true (accords_annotation_get_starred (annotation));
  g_assert_cmpuint (seen.starred, ==, 1);

  accords_annotation_set_review (annotation, ACCORDS_REVIEW_DISPUTED);
  accords_annotation_set_review (annotation, ACCORDS_REVIEW_DISPUTED);
  g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_DISPUTED);
  g_assert_cmpuint (seen.review, ==, 1);

  accords_annotation_set_modified (annotation, "2025-06-01T12:00:00Z");
  accords_annotation_set_modified (annotation, "2025-06-01T12:00:00Z");
  g_assert_cmpstr (accords_annotation_get_modified (annotation), ==, "2025-06-01T12:00:00Z");
  g_assert_cmpuint (seen.modified, ==, 1);
  accords_annotation_set_modified (annotation, NULL);
  g_assert_null (accords_annotation_get_modified (annotation));
  g_assert_cmpuint (seen.modified, ==, 2);

  g_assert_cmpuint (seen.total, ==, 6);

  /* Through properties too. */
  g_object_set (annotation,
                "note", "Second thoughts",
                "starred", FALSE,
                "review", ACCORDS_REVIEW_VERIFIED,
                NULL);
  g_assert_cmpuint (seen.total, ==, 9);
  g_object_set (annotation, "note", "Second thoughts", "starred", FALSE, NULL);
  g_assert_cmpuint (seen.total, ==, 9);

  g_object_get (annotation, "note", &note, "starred", &starred, NULL);
  g_assert_cmpstr (note, ==, "Second thoughts");
  g_assert_false (starred);

  g_signal_handlers_disconnect_by_func (annotation, on_notify_cb, &seen);
}

static void
test_long_note (void)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autofree char *note = g_strnfill (100000, 'n');

  accords_annotation_set_note (annotation, note);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, note);
  g_assert_false (accords_annotation_is_empty (annotation));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/annotation/defaults", test_defaults);
  g_test_add_func ("/annotation/is-empty", test_is_empty);
  g_test_add_func ("/annotation/tags", test_tags);
  g_test_add_func ("/annotation/notify", test_notify);
  g_test_add_func ("/annotation/long-note", test_long_note);

  return g_test_run ();
}
