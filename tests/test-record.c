/* test-record.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-record"

#include "config.h"

#include <string.h>

#include "accords-annotation.h"
#include "accords-enums.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* Counts the notifications of each property of an object. */
typedef struct
{
  GHashTable *counts; /* property name (interned) → count */
} NotifyLog;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              NotifyLog  *log)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) g_intern_string (pspec->name),
                       GUINT_TO_POINTER (count + 1));
}

static void
notify_log_init (NotifyLog *log,
                 gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (object, "notify", G_CALLBACK (on_notify_cb), log);
}

static void
notify_log_clear (NotifyLog *log,
                  gpointer   object)
{
  g_signal_handlers_disconnect_by_func (object, on_notify_cb, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static guint
notify_total (NotifyLog *log)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_hash_table_iter_init (&iter, log->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);

  return total;
}

static void
notify_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
}

/* Enums ------------------------------------------------------------------- */

typedef const char *(*ToString)   (int         value);
typedef gboolean    (*FromString) (const char *id,
                                   int        *value);

#define ENUM_WRAPPERS(name, Type)                                          \
  static const char *                                                      \
  name##_to (int value)                                                    \
  {                                                                        \
    return accords_##name##_to_string ((Type) value);                      \
  }                                                                        \
  static gboolean                                                          \
  name##_from (const char *id,                                             \
               int        *value)                                          \
  {                                                                        \
    Type typed;                                                            \
    if (!accords_##name##_from_string (id, &typed))                        \
      return FALSE;                                                        \
    *value = typed;                                                        \
    return TRUE;                                                           \
  }

ENUM_WRAPPERS (kind, AccordsKind)
ENUM_WRAPPERS (date_precision, AccordsDatePrecision)
ENUM_WRAPPERS (date_qualifier, AccordsDateQualifier)
ENUM_WRAPPERS (review, AccordsReview)
ENUM_WRAPPERS (origin, AccordsOrigin)

static void
check_enum (GType       type,
            ToString    to_string,
            FromString  from_string,
            guint       n_expected,
            const char *first_id)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  const char *unknown[] = { "", "unknown", "MEETING", " day", "day ", "exact\n", "Visit" };

  g_assert_cmpuint (klass->n_values, ==, n_expected);
  g_assert_cmpstr (to_string (klass->values[0].value), ==, first_id);

  /* Every value goes to its nick and back. */
  for (guint i = 0; i < klass->n_values; i++)
    {
      const GEnumValue *value = &klass->values[i];
      int back = -1;

      g_assert_cmpstr (to_string (value->value), ==, value->value_nick);
      g_assert_true (from_string (value->value_nick, &back));
      g_assert_cmpint (back, ==, value->value);
    }

  for (guint i = 0; i < G_N_ELEMENTS (unknown); i++)
    {
      int untouched = 12345;

      g_assert_false (from_string (unknown[i], &untouched));
      g_assert_cmpint (untouched, ==, 12345);
    }

  g_assert_false (from_string (NULL, NULL));
}

static void
test_enums (void)
{
  AccordsKind kind = ACCORDS_KIND_MEETING;

  check_enum (ACCORDS_TYPE_KIND, kind_to, kind_from, 7, "mou_signed");
  check_enum (ACCORDS_TYPE_DATE_PRECISION, date_precision_to, date_precision_from, 3, "day");
  check_enum (ACCORDS_TYPE_DATE_QUALIFIER, date_qualifier_to, date_qualifier_from, 4, "exact");
  check_enum (ACCORDS_TYPE_REVIEW, review_to, review_from, 3, "unreviewed");
  check_enum (ACCORDS_TYPE_ORIGIN, origin_to, origin_from, 3, "manual");

  /* The ids the schema names, spelled out once. */
  g_assert_cmpstr (accords_kind_to_string (ACCORDS_KIND_AGREEMENT_SIGNED), ==, "agreement_signed");
  g_assert_cmpstr (accords_kind_to_string (ACCORDS_KIND_ANNOUNCEMENT), ==, "announcement");
  g_assert_cmpstr (accords_date_precision_to_string (ACCORDS_DATE_PRECISION_YEAR), ==, "year");
  g_assert_cmpstr (accords_date_qualifier_to_string (ACCORDS_DATE_QUALIFIER_BEFORE), ==, "before");
  g_assert_cmpstr (accords_review_to_string (ACCORDS_REVIEW_DISPUTED), ==, "disputed");
  g_assert_cmpstr (accords_origin_to_string (ACCORDS_ORIGIN_SAMPLE), ==, "sample");

  /* The out argument is optional. */
  g_assert_true (accords_kind_from_string ("visit", NULL));
  g_assert_true (accords_kind_from_string ("statement", &kind));
  g_assert_cmpint (kind, ==, ACCORDS_KIND_STATEMENT);
}

static void
test_kind_labels (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (ACCORDS_TYPE_KIND);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  /* LC_ALL=C.UTF-8: the labels are the English ones. */
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_MOU_SIGNED), ==, "Memorandum signed");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_AGREEMENT_SIGNED), ==, "Agreement signed");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_MEETING), ==, "Meeting");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_VISIT), ==, "Visit");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_STATEMENT), ==, "Statement");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_OPINION), ==, "Opinion");
  g_assert_cmpstr (accords_kind_get_label (ACCORDS_KIND_ANNOUNCEMENT), ==, "Announcement");

  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *label = accords_kind_get_label (klass->values[i].value);

      g_assert_true (g_hash_table_add (seen, (gpointer) label));
    }
}

static void
test_link_types (void)
{
  const char *valid[] = { "same_trip", "follow_up_of", "implements", "renews", "part_of" };
  const char *invalid[] = { "", "same-trip", "SAME_TRIP", "parent", "renews " };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (accords_link_type_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (accords_link_type_is_valid (invalid[i]));
  g_assert_false (accords_link_type_is_valid (NULL));
}

/* Record ------------------------------------------------------------------ */

static void
test_record_defaults (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();

  g_assert_cmpint (accords_record_get_id (record), ==, 0);
  g_assert_null (accords_record_get_uid (record));
  g_assert_null (accords_record_get_title (record));
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_ANNOUNCEMENT);
  g_assert_null (accords_record_get_event_date (record));
  g_assert_null (accords_record_get_event_end (record));
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_EXACT);
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_MANUAL);
  g_assert_false (accords_record_get_venue_virtual (record));
  g_assert_false (accords_record_get_starred (record));
  g_assert_null (accords_record_get_summary (record));

  g_assert_nonnull (accords_record_get_parties (record));
  g_assert_null (accords_record_get_parties (record)[0]);
  g_assert_null (accords_record_get_mentioned (record)[0]);
  g_assert_null (accords_record_get_topics (record)[0]);
  g_assert_null (accords_record_get_organizations (record)[0]);

  g_assert_true (G_IS_LIST_MODEL (accords_record_get_people (record)));
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_people (record)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_figures (record)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 0);
  g_assert_true (g_list_model_get_item_type (accords_record_get_people (record)) ==
                 ACCORDS_TYPE_PERSON);
  g_assert_true (g_list_model_get_item_type (accords_record_get_figures (record)) ==
                 ACCORDS_TYPE_FIGURE);
  g_assert_true (g_list_model_get_item_type (accords_record_get_sources (record)) ==
                 ACCORDS_TYPE_SOURCE);

  g_assert_cmpuint (accords_record_get_n_links (record), ==, 0);
  g_assert_null (accords_record_get_annotation (record));
}

static const char *string_properties[] = {
  "uid", "title", "event-date", "event-end", "date-as-reported", "venue-city",
  "venue-country", "venue-forum", "summary", "created", "modified",
};

static void
test_record_string_properties (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  NotifyLog log;

  notify_log_init (&log, record);

  for (guint i = 0; i < G_N_ELEMENTS (string_properties); i++)
    {
      const char *name = string_properties[i];
      g_autofree char *value = g_strdup_printf ("value of %s", name);
      g_autofree char *read = NULL;

      notify_reset (&log);

      g_object_set (record, name, value, NULL);
      g_object_get (record, name, &read, NULL);
      g_assert_cmpstr (read, ==, value);
      g_assert_cmpuint (notify_count (&log, name), ==, 1);
      g_assert_cmpuint (notify_total (&log), ==, 1);

      /* The same value again changes nothing. */
      g_object_set (record, name, value, NULL);
      g_assert_cmpuint (notify_total (&log), ==, 1);

      g_object_set (record, name, NULL, NULL);
      g_assert_cmpuint (notify_count (&log, name), ==, 2);
      g_object_set (record, name, NULL, NULL);
      g_assert_cmpuint (notify_count (&log, name), ==, 2);
    }

  notify_log_clear (&log, record);
}

static void
test_record_setters (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  NotifyLog log;

  notify_log_init (&log, record);

  accords_record_set_id (record, 42);
  accords_record_set_id (record, 42);
  g_assert_cmpint (accords_record_get_id (record), ==, 42);
  g_assert_cmpuint (notify_count (&log, "id"), ==, 1);

  accords_record_set_uid (record, "3e1f");
  g_assert_cmpstr (accords_record_get_uid (record), ==, "3e1f");
  accords_record_set_title (record, "Estonia and Kenya talk about digital identity");
  g_assert_cmpstr (accords_record_get_title (record), ==,
                   "Estonia and Kenya talk about digital identity");
  accords_record_set_event_date (record, "2025-04-01");
  g_assert_cmpstr (accords_record_get_event_date (record), ==, "2025-04-01");
  accords_record_set_event_end (record, "2025-04-03");
  g_assert_cmpstr (accords_record_get_event_end (record), ==, "2025-04-03");
  accords_record_set_date_as_reported (record, "early April");
  g_assert_cmpstr (accords_record_get_date_as_reported (record), ==, "early April");
  accords_record_set_venue_city (record, "Nairobi");
  g_assert_cmpstr (accords_record_get_venue_city (record), ==, "Nairobi");
  accords_record_set_venue_country (record, "KE");
  g_assert_cmpstr (accords_record_get_venue_country (record), ==, "KE");
  accords_record_set_venue_forum (record, "Connected Africa Summit");
  g_assert_cmpstr (accords_record_get_venue_forum (record), ==, "Connected Africa Summit");
  accords_record_set_summary (record, "A short meeting.");
  g_assert_cmpstr (accords_record_get_summary (record), ==, "A short meeting.");
  accords_record_set_created (record, "2025-04-05T10:00:00Z");
  g_assert_cmpstr (accords_record_get_created (record), ==, "2025-04-05T10:00:00Z");
  accords_record_set_modified (record, "2025-04-06T10:00:00Z");
  g_assert_cmpstr (accords_record_get_modified (record), ==, "2025-04-06T10:00:00Z");

  notify_reset (&log);

  accords_record_set_kind (record, ACCORDS_KIND_VISIT);
  accords_record_set_kind (record, ACCORDS_KIND_VISIT);
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_VISIT);
  g_assert_cmpuint (notify_count (&log, "kind"), ==, 1);

  accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_MONTH);
  accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_MONTH);
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_MONTH);
  g_assert_cmpuint (notify_count (&log, "date-precision"), ==, 1);

  accords_record_set_date_qualifier (record, ACCORDS_DATE_QUALIFIER_AFTER);
  accords_record_set_date_qualifier (record, ACCORDS_DATE_QUALIFIER_AFTER);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_AFTER);
  g_assert_cmpuint (notify_count (&log, "date-qualifier"), ==, 1);

  accords_record_set_origin (record, ACCORDS_ORIGIN_SAMPLE);
  accords_record_set_origin (record, ACCORDS_ORIGIN_SAMPLE);
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_SAMPLE);
  g_assert_cmpuint (notify_count (&log, "origin"), ==, 1);

  accords_record_set_venue_virtual (record, TRUE);
  accords_record_set_venue_virtual (record, 2);
  g_assert_true (accords_record_get_venue_virtual (record));
  g_assert_cmpuint (notify_count (&log, "venue-virtual"), ==, 1);

  accords_record_set_starred (record, TRUE);
  accords_record_set_starred (record, TRUE);
  g_assert_true (accords_record_get_starred (record));
  g_assert_cmpuint (notify_count (&log, "starred"), ==, 1);

  g_assert_cmpuint (notify_total (&log), ==, 6);

  notify_log_clear (&log, record);
}

static void
test_record_enum_properties (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  GObjectClass *klass = G_OBJECT_GET_CLASS (record);
  AccordsKind kind;
  AccordsOrigin origin;

  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "kind")) ==
                 ACCORDS_TYPE_KIND);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "date-precision")) ==
                 ACCORDS_TYPE_DATE_PRECISION);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "date-qualifier")) ==
                 ACCORDS_TYPE_DATE_QUALIFIER);
  g_assert_true (G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (klass, "origin")) ==
                 ACCORDS_TYPE_ORIGIN);

  g_object_set (record,
                "kind", ACCORDS_KIND_OPINION,
                "origin", ACCORDS_ORIGIN_IMPORT,
                NULL);
  g_object_get (record,
                "kind", &kind,
                "origin", &origin,
                NULL);
  g_assert_cmpint (kind, ==, ACCORDS_KIND_OPINION);
  g_assert_cmpint (origin, ==, ACCORDS_ORIGIN_IMPORT);
}

static void
test_record_pspecs (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  /* Every writable property notifies explicitly; names are static; no
   * nick or blurb. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, 28);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];

      if (pspec->flags & G_PARAM_WRITABLE)
        g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_true ((pspec->flags & G_PARAM_STATIC_STRINGS) == G_PARAM_STATIC_STRINGS);
      g_assert_true (g_param_spec_get_nick (pspec) == g_param_spec_get_name (pspec));
      g_assert_null (g_param_spec_get_blurb (pspec));
    }
}

static void
test_record_strv (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  const char *names[] = { "parties", "mentioned", "topics", "organizations", "tags" };
  const char *values[] = { "FR", "EE", NULL };
  const char *same[] = { "FR", "EE", NULL };
  const char *reordered[] = { "EE", "FR", NULL };
  const char *empty[] = { NULL };
  NotifyLog log;

  notify_log_init (&log, record);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) read = NULL;

      notify_reset (&log);

      g_object_set (record, names[i], values, NULL);
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 1);
      g_object_get (record, names[i], &read, NULL);
      g_assert_true (g_strv_equal ((const char * const *) read, values));

      /* Equal contents in another array: nothing changes. */
      g_object_set (record, names[i], same, NULL);
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 1);

      /* Order matters. */
      g_object_set (record, names[i], reordered, NULL);
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 2);

      /* NULL is an empty list, and the getter never returns NULL. */
      g_object_set (record, names[i], NULL, NULL);
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 3);
      g_object_set (record, names[i], empty, NULL);
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 3);
      g_assert_cmpuint (notify_total (&log), ==, 3);
    }

  /* The setters copy. */
  {
    char *mutable[] = { g_strdup ("DE"), NULL };

    accords_record_set_parties (record, (const char * const *) mutable);
    g_free (mutable[0]);
    mutable[0] = NULL;
    g_assert_cmpstr (accords_record_get_parties (record)[0], ==, "DE");
  }

  accords_record_set_topics (record, NULL);
  g_assert_nonnull (accords_record_get_topics (record));
  g_assert_null (accords_record_get_topics (record)[0]);

  notify_log_clear (&log, record);
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *count)
{
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (position, ==, g_list_model_get_n_items (model) - 1);
  (*count)++;
}

static void
test_record_lists (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsPerson) person = accords_person_new ("Kadri Tamm", "Ambassador", "EE");
  g_autoptr(AccordsFigure) figure = accords_figure_new ("visitors");
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(GListModel) people = NULL;
  g_autoptr(AccordsPerson) first = NULL;
  GListModel *figures;
  guint count = 0;
  NotifyLog log;

  notify_log_init (&log, record);
  g_signal_connect (accords_record_get_people (record), "items-changed",
                    G_CALLBACK (on_items_changed_cb), &count);

  accords_record_add_person (record, person);
  accords_record_add_person (record, person);
  g_assert_cmpuint (count, ==, 2);

  /* The property is the same, read-only model. */
  g_object_get (record, "people", &people, NULL);
  g_assert_true (people == accords_record_get_people (record));
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);
  first = g_list_model_get_item (people, 0);
  g_assert_true (first == person);
  g_assert_false (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "people")->flags &
                  G_PARAM_WRITABLE);

  accords_record_add_figure (record, figure);
  g_object_get (record, "figures", &figures, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 1);
  g_object_unref (figures);

  accords_record_add_source (record, source);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 1);

  /* Adding to a list changes its contents, not the property. */
  g_assert_cmpuint (notify_total (&log), ==, 0);

  g_signal_handlers_disconnect_by_func (accords_record_get_people (record),
                                        on_items_changed_cb, &count);
  notify_log_clear (&log, record);
}

static void
test_record_links (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  const char *type = NULL;
  const char *uid = NULL;
  guint n_links = 0;
  NotifyLog log;

  notify_log_init (&log, record);

  accords_record_add_link (record, "same_trip", "a-1");
  accords_record_add_link (record, "renews", "b-2");

  g_assert_cmpuint (accords_record_get_n_links (record), ==, 2);
  g_object_get (record, "n-links", &n_links, NULL);
  g_assert_cmpuint (n_links, ==, 2);
  g_assert_cmpuint (notify_count (&log, "n-links"), ==, 2);

  accords_record_get_link (record, 0, &type, &uid);
  g_assert_cmpstr (type, ==, "same_trip");
  g_assert_cmpstr (uid, ==, "a-1");
  accords_record_get_link (record, 1, NULL, &uid);
  g_assert_cmpstr (uid, ==, "b-2");
  accords_record_get_link (record, 1, &type, NULL);
  g_assert_cmpstr (type, ==, "renews");

  notify_log_clear (&log, record);
}

static void
test_record_annotation (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autoptr(AccordsAnnotation) read = NULL;
  NotifyLog log;

  notify_log_init (&log, record);

  accords_annotation_set_starred (annotation, TRUE);
  accords_record_set_annotation (record, annotation);
  accords_record_set_annotation (record, annotation);
  g_assert_true (accords_record_get_annotation (record) == annotation);
  g_assert_cmpuint (notify_count (&log, "annotation"), ==, 1);

  /* The record's own star is a plain property, not tied to the annotation. */
  g_assert_false (accords_record_get_starred (record));

  g_object_get (record, "annotation", &read, NULL);
  g_assert_true (read == annotation);

  accords_record_set_annotation (record, NULL);
  g_assert_null (accords_record_get_annotation (record));
  g_assert_cmpuint (notify_count (&log, "annotation"), ==, 2);

  /* The record holds a reference of its own. */
  accords_record_set_annotation (record, annotation);
  g_clear_object (&read);
  g_assert_cmpint (G_OBJECT (annotation)->ref_count, ==, 2);

  notify_log_clear (&log, record);
}

/* Person, figure, source -------------------------------------------------- */

static void
test_person (void)
{
  g_autoptr(AccordsPerson) person = accords_person_new ("Ana Lucía Pérez", "Vice-minister", "CL");
  g_autoptr(AccordsPerson) anonymous = accords_person_new ("Unnamed official", NULL, NULL);
  g_autofree char *name = NULL;
  g_autofree char *role = NULL;
  g_autofree char *country = NULL;

  g_assert_cmpstr (accords_person_get_name (person), ==, "Ana Lucía Pérez");
  g_assert_cmpstr (accords_person_get_role (person), ==, "Vice-minister");
  g_assert_cmpstr (accords_person_get_country (person), ==, "CL");

  g_object_get (person, "name", &name, "role", &role, "country", &country, NULL);
  g_assert_cmpstr (name, ==, "Ana Lucía Pérez");
  g_assert_cmpstr (role, ==, "Vice-minister");
  g_assert_cmpstr (country, ==, "CL");

  g_assert_null (accords_person_get_role (anonymous));
  g_assert_null (accords_person_get_country (anonymous));
}

static void
test_figure (void)
{
  g_autoptr(AccordsFigure) figure = accords_figure_new ("investment announced");
  double value = 0;
  gboolean has_value = TRUE;
  NotifyLog log;

  notify_log_init (&log, figure);

  g_assert_cmpstr (accords_figure_get_what (figure), ==, "investment announced");
  g_assert_false (accords_figure_get_has_value (figure));
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 0.0);
  g_assert_false (accords_figure_get_value_is_integer (figure));
  g_assert_null (accords_figure_get_unit (figure));
  g_assert_cmpint (accords_figure_get_year (figure), ==, 0);
  g_assert_null (accords_figure_get_text (figure));

  g_object_get (figure, "has-value", &has_value, NULL);
  g_assert_false (has_value);

  accords_figure_set_value (figure, 300, TRUE);
  g_assert_true (accords_figure_get_has_value (figure));
  g_assert_true (accords_figure_get_value_is_integer (figure));
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 300.0);
  g_assert_cmpuint (notify_count (&log, "has-value"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "value"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "value-is-integer"), ==, 1);

  /* Same value: no notification. */
  accords_figure_set_value (figure, 300, TRUE);
  g_assert_cmpuint (notify_total (&log), ==, 3);

  /* Same number, now as a fraction. */
  accords_figure_set_value (figure, 300, FALSE);
  g_assert_false (accords_figure_get_value_is_integer (figure));
  g_assert_cmpuint (notify_count (&log, "value"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "value-is-integer"), ==, 2);

  /* A fraction cannot be an integer. */
  accords_figure_set_value (figure, 1.25, TRUE);
  g_assert_false (accords_figure_get_value_is_integer (figure));
  g_object_get (figure, "value", &value, NULL);
  g_assert_cmpfloat (value, ==, 1.25);

  notify_reset (&log);
  accords_figure_set_unit (figure, "million USD");
  accords_figure_set_unit (figure, "million USD");
  accords_figure_set_year (figure, 2030);
  accords_figure_set_year (figure, 2030);
  accords_figure_set_text (figure, "1.25 million dollars by 2030");
  accords_figure_set_text (figure, "1.25 million dollars by 2030");
  g_assert_cmpstr (accords_figure_get_unit (figure), ==, "million USD");
  g_assert_cmpint (accords_figure_get_year (figure), ==, 2030);
  g_assert_cmpstr (accords_figure_get_text (figure), ==, "1.25 million dollars by 2030");
  g_assert_cmpuint (notify_count (&log, "unit"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "year"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "text"), ==, 1);
  g_assert_cmpuint (notify_total (&log), ==, 3);

  g_object_set (figure, "unit", NULL, "year", 0, NULL);
  g_assert_null (accords_figure_get_unit (figure));
  g_assert_cmpint (accords_figure_get_year (figure), ==, 0);

  notify_log_clear (&log, figure);
}

static void
test_source (void)
{
  g_autoptr(AccordsSource) source = accords_source_new ();
  const char *names[] = { "title", "outlet", "url", "published", "language", "file" };
  g_autofree char *e_acute_sha256 = NULL;
  NotifyLog log;

  notify_log_init (&log, source);

  g_assert_cmpint (accords_source_get_id (source), ==, 0);
  g_assert_cmpstr (accords_source_get_text (source), ==, "");
  g_assert_null (accords_source_get_sha256 (source));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *read = NULL;

      notify_reset (&log);
      g_object_set (source, names[i], "x", NULL);
      g_object_set (source, names[i], "x", NULL);
      g_object_get (source, names[i], &read, NULL);
      g_assert_cmpstr (read, ==, "x");
      g_assert_cmpuint (notify_count (&log, names[i]), ==, 1);
      g_assert_cmpuint (notify_total (&log), ==, 1);
    }

  accords_source_set_title (source, "Ministers meet in Tallinn");
  g_assert_cmpstr (accords_source_get_title (source), ==, "Ministers meet in Tallinn");
  accords_source_set_outlet (source, "Baltic Wire");
  g_assert_cmpstr (accords_source_get_outlet (source), ==, "Baltic Wire");
  accords_source_set_url (source, "https://example.net/a");
  g_assert_cmpstr (accords_source_get_url (source), ==, "https://example.net/a");
  accords_source_set_published (source, "2025-05-06");
  g_assert_cmpstr (accords_source_get_published (source), ==, "2025-05-06");
  accords_source_set_language (source, "et");
  g_assert_cmpstr (accords_source_get_language (source), ==, "et");
  accords_source_set_file (source, "tallinn.txt");
  g_assert_cmpstr (accords_source_get_file (source), ==, "tallinn.txt");
  accords_source_set_id (source, 7);
  g_assert_cmpint (accords_source_get_id (source), ==, 7);

  /* The hash follows the text. */
  notify_reset (&log);
  accords_source_set_text (source, "abc");
  g_assert_cmpstr (accords_source_get_sha256 (source), ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpuint (notify_count (&log, "text"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "sha256"), ==, 1);

  accords_source_set_text (source, "abc");
  g_assert_cmpuint (notify_total (&log), ==, 2);

  /* UTF-8 text is hashed as its bytes. */
  accords_source_set_text (source, "é");
  e_acute_sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) "\xc3\xa9", 2);
  g_assert_cmpstr (accords_source_get_sha256 (source), ==, e_acute_sha256);
  g_assert_cmpuint (notify_count (&log, "sha256"), ==, 2);

  /* No text, no hash; NULL is "". */
  accords_source_set_text (source, NULL);
  g_assert_cmpstr (accords_source_get_text (source), ==, "");
  g_assert_null (accords_source_get_sha256 (source));
  g_assert_cmpuint (notify_count (&log, "sha256"), ==, 3);
  accords_source_set_text (source, "");
  g_assert_cmpuint (notify_count (&log, "text"), ==, 3);

  notify_log_clear (&log, source);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/types/enums", test_enums);
  g_test_add_func ("/types/kind-labels", test_kind_labels);
  g_test_add_func ("/types/link-types", test_link_types);
  g_test_add_func ("/record/defaults", test_record_defaults);
  g_test_add_func ("/record/string-properties", test_record_string_properties);
  g_test_add_func ("/record/setters", test_record_setters);
  g_test_add_func ("/record/enum-properties", test_record_enum_properties);
  g_test_add_func ("/record/pspecs", test_record_pspecs);
  g_test_add_func ("/record/strv", test_record_strv);
  g_test_add_func ("/record/lists", test_record_lists);
  g_test_add_func ("/record/links", test_record_links);
  g_test_add_func ("/record/annotation", test_record_annotation);
  g_test_add_func ("/person/properties", test_person);
  g_test_add_func ("/figure/properties", test_figure);
  g_test_add_func ("/source/properties", test_source);

  return g_test_run ();
}
