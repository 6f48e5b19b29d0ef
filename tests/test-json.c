/* test-json.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-json"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-json.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"

/* Helpers ----------------------------------------------------------------- */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static GPtrArray *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = accords_json_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

static char *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Writes @records through a writer into memory and returns the text. */
static char *
write_records (GPtrArray  *records,
               const char *query)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsJsonWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  writer = accords_json_writer_new (out, query, &error);
  g_assert_no_error (error);
  g_assert_nonnull (writer);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      accords_json_writer_add_record (writer, g_ptr_array_index (records, i), &error);
      g_assert_no_error (error);
    }

  accords_json_writer_finish (writer, &error);
  g_assert_no_error (error);

  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  data = g_bytes_get_data (bytes, &size);

  g_assert_true (g_utf8_validate_len (data, size, NULL));

  return g_strndup (data, size);
}

static GPtrArray *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = accords_json_read_data (text, -1, "written.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (records);

  return records;
}

/* The text without its "exported" line, which must be an ISO 8601 time
 * in UTC. */
static char *
strip_exported (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) result = g_string_new (NULL);
  guint found = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  \"exported\" : "))
        {
          g_assert_true (g_regex_match_simple ("^  \"exported\" : "
                                               "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",$",
                                               lines[i], 0, 0));
          found++;
          continue;
        }

      g_string_append (result, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (result, '\n');
    }

  g_assert_cmpuint (found, ==, 1);

  return g_string_free (g_steal_pointer (&result), FALSE);
}

static AccordsRecord *
record_at (GPtrArray *records,
           guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return g_ptr_array_index (records, index);
}

static void
assert_strv (const char * const *strv,
             const char         *first,
             ...)
{
  va_list args;
  const char *expected = first;
  guint i = 0;

  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), i++)
    {
      g_assert_nonnull (strv[i]);
      g_assert_cmpstr (strv[i], ==, expected);
    }
  va_end (args);

  g_assert_null (strv[i]);
}

/* Reading ----------------------------------------------------------------- */

static void
test_read_full (void)
{
  g_autoptr(GPtrArray) records = read_fixture ("library-full.json");
  g_autoptr(AccordsPerson) person = NULL;
  g_autoptr(AccordsFigure) figure = NULL;
  g_autoptr(AccordsSource) source = NULL;
  AccordsAnnotation *annotation;
  AccordsRecord *record;
  const char *type;
  const char *uid;

  g_assert_cmpuint (records->len, ==, 4);

  /* A record with every field filled in. */
  record = record_at (records, 0);
  g_assert_cmpint (accords_record_get_id (record), ==, 0);
  g_assert_cmpstr (accords_record_get_uid (record), ==, "5f0c2e7a-8b1d-4c36-9a51-2d7e4b8c1f03");
  g_assert_cmpstr (accords_record_get_title (record), ==,
                   "Portugal and Cape Verde sign a memorandum on submarine cables "
                   "and data centres");
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_MOU_SIGNED);
  g_assert_true (g_str_has_prefix (accords_record_get_summary (record), "The two governments"));
  g_assert_cmpstr (accords_record_get_event_date (record), ==, "2024-06-12");
  g_assert_null (accords_record_get_event_end (record));
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_EXACT);
  g_assert_cmpstr (accords_record_get_date_as_reported (record), ==, "on Wednesday");
  g_assert_cmpstr (accords_record_get_venue_city (record), ==, "Praia");
  g_assert_cmpstr (accords_record_get_venue_country (record), ==, "CV");
  g_assert_null (accords_record_get_venue_forum (record));
  g_assert_false (accords_record_get_venue_virtual (record));
  assert_strv (accords_record_get_parties (record), "PT", "CV", NULL);
  assert_strv (accords_record_get_mentioned (record), "BR", "SN", NULL);
  assert_strv (accords_record_get_organizations (record),
               "Atlantic Data Exchange", "University of Cape Verde", NULL);
  assert_strv (accords_record_get_topics (record),
               "data_centres", "fibre_infrastructure", "education_exchange", NULL);
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_IMPORT);
  g_assert_cmpstr (accords_record_get_created (record), ==, "2025-01-18T10:00:00Z");
  g_assert_cmpstr (accords_record_get_modified (record), ==, "2025-01-20T14:03:11Z");

  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_people (record)), ==, 3);
  person = g_list_model_get_item (accords_record_get_people (record), 1);
  g_assert_cmpstr (accords_person_get_name (person), ==, "Adilson Tavares");
  g_assert_cmpstr (accords_person_get_role (person), ==, "Minister of Digital Economy");
  g_assert_cmpstr (accords_person_get_country (person), ==, "CV");
  g_clear_object (&person);
  person = g_list_model_get_item (accords_record_get_people (record), 2);
  g_assert_cmpstr (accords_person_get_name (person), ==, "Rui Barbosa Lima");
  g_assert_null (accords_person_get_role (person));
  g_assert_null (accords_person_get_country (person));

  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_figures (record)), ==, 2);
  figure = g_list_model_get_item (accords_record_get_figures (record), 0);
  g_assert_cmpstr (accords_figure_get_what (figure), ==, "engineers to be trained");
  g_assert_true (accords_figure_get_has_value (figure));
  g_assert_true (accords_figure_get_value_is_integer (figure));
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 40.0);
  g_assert_null (accords_figure_get_unit (figure));
  g_assert_cmpint (accords_figure_get_year (figure), ==, 2026);
  g_assert_cmpstr (accords_figure_get_text (figure), ==, "forty engineers by 2026");
  g_clear_object (&figure);
  figure = g_list_model_get_item (accords_record_get_figures (record), 1);
  g_assert_false (accords_figure_get_value_is_integer (figure));
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 2350.5);
  g_assert_cmpstr (accords_figure_get_unit (figure), ==, "km");
  g_assert_cmpint (accords_figure_get_year (figure), ==, 0);
  g_assert_null (accords_figure_get_text (figure));

  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 2);
  source = g_list_model_get_item (accords_record_get_sources (record), 0);
  g_assert_cmpint (accords_source_get_id (source), ==, 0);
  g_assert_cmpstr (accords_source_get_title (source), ==,
                   "Lisbon and Praia agree to link their data networks");
  g_assert_cmpstr (accords_source_get_outlet (source), ==, "Atlantic Tech Wire");
  g_assert_cmpstr (accords_source_get_url (source), ==,
                   "https://example.org/news/2024/06/lisbon-praia-cable");
  g_assert_cmpstr (accords_source_get_published (source), ==, "2024-06-13");
  g_assert_cmpstr (accords_source_get_language (source), ==, "en");
  g_assert_cmpstr (accords_source_get_file (source), ==, "atlantic-cable.txt");
  g_assert_true (strchr (accords_source_get_text (source), '\n') != NULL);
  /* The file says null: the hash is computed from the text. */
  g_assert_cmpuint (strlen (accords_source_get_sha256 (source)), ==, 64);
  g_clear_object (&source);
  source = g_list_model_get_item (accords_record_get_sources (record), 1);
  g_assert_null (accords_source_get_url (source));
  g_assert_null (accords_source_get_file (source));
  g_assert_cmpstr (accords_source_get_language (source), ==, "pt");

  annotation = accords_record_get_annotation (record);
  g_assert_nonnull (annotation);
  g_assert_true (g_str_has_prefix (accords_annotation_get_note (annotation), "Check whether"));
  g_assert_true (accords_annotation_get_starred (annotation));
  g_assert_true (accords_record_get_starred (record));
  g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_VERIFIED);
  assert_strv (accords_annotation_get_tags (annotation), "cables", "follow-up", NULL);
  g_assert_cmpstr (accords_annotation_get_modified (annotation), ==, "2025-01-20T14:03:11Z");

  g_assert_cmpuint (accords_record_get_n_links (record), ==, 1);
  accords_record_get_link (record, 0, &type, &uid);
  g_assert_cmpstr (type, ==, "follow_up_of");
  g_assert_cmpstr (uid, ==, "0b9d6c44-1e2f-4a7b-8c3d-5e6f7a8b9c0d");

  /* A sparse, month-precision, virtual meeting. */
  record = record_at (records, 1);
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_MEETING);
  g_assert_null (accords_record_get_summary (record));
  g_assert_cmpstr (accords_record_get_event_end (record), ==, "2023-11-30");
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_MONTH);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_ABOUT);
  g_assert_null (accords_record_get_venue_city (record));
  g_assert_cmpstr (accords_record_get_venue_forum (record), ==,
                   "Digital Public Infrastructure Week");
  g_assert_true (accords_record_get_venue_virtual (record));
  assert_strv (accords_record_get_mentioned (record), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_people (record)), ==, 0);
  g_assert_null (accords_record_get_annotation (record));
  g_assert_false (accords_record_get_starred (record));
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_MANUAL);

  /* An annotation that says nothing but "disputed". */
  record = record_at (records, 2);
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_AGREEMENT_SIGNED);
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_SAMPLE);
  annotation = accords_record_get_annotation (record);
  g_assert_cmpstr (accords_annotation_get_note (annotation), ==, "");
  g_assert_cmpint (accords_annotation_get_review (annotation), ==, ACCORDS_REVIEW_DISPUTED);
  g_assert_cmpstr (accords_annotation_get_modified (annotation), ==, "2025-03-06T07:50:02Z");
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_figures (record)), ==, 3);

  /* Year precision and two links. */
  record = record_at (records, 3);
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_ANNOUNCEMENT);
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_YEAR);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_BEFORE);
  g_assert_cmpstr (accords_record_get_date_as_reported (record), ==, "desde el año pasado");
  g_assert_cmpuint (accords_record_get_n_links (record), ==, 2);
  accords_record_get_link (record, 1, &type, &uid);
  g_assert_cmpstr (type, ==, "implements");
  g_assert_cmpstr (uid, ==, "41c7b0de-58f2-4e39-8a6d-0c1b2a3d4e5f");
}

static void
test_read_sparse (void)
{
  g_autoptr(GPtrArray) records = read_fixture ("library-sparse.json");
  AccordsRecord *record;

  g_assert_cmpuint (records->len, ==, 3);

  /* Only the two required keys: everything else takes its default. */
  record = record_at (records, 0);
  g_assert_null (accords_record_get_uid (record));
  g_assert_cmpstr (accords_record_get_title (record), ==, "Ghana and Rwanda plan a drone corridor");
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_VISIT);
  g_assert_null (accords_record_get_event_date (record));
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_cmpint (accords_record_get_date_qualifier (record), ==, ACCORDS_DATE_QUALIFIER_EXACT);
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_IMPORT);
  g_assert_null (accords_record_get_venue_city (record));
  g_assert_false (accords_record_get_venue_virtual (record));
  assert_strv (accords_record_get_parties (record), NULL);
  assert_strv (accords_record_get_topics (record), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 0);
  g_assert_null (accords_record_get_annotation (record));
  g_assert_cmpuint (accords_record_get_n_links (record), ==, 0);
  g_assert_null (accords_record_get_created (record));

  /* Keys the schema does not know are skipped; nulls are defaults; empty
   * optional text is no text. */
  record = record_at (records, 1);
  g_assert_cmpstr (accords_record_get_uid (record), ==, "sparse-2");
  g_assert_null (accords_record_get_summary (record));
  g_assert_null (accords_record_get_date_as_reported (record));
  g_assert_cmpint (accords_record_get_date_precision (record), ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_cmpstr (accords_record_get_venue_city (record), ==, "Kigali");
  g_assert_null (accords_record_get_venue_country (record));
  assert_strv (accords_record_get_parties (record), "GH", "RW", NULL);
  assert_strv (accords_record_get_organizations (record), NULL);
  g_assert_nonnull (accords_record_get_annotation (record));
  g_assert_true (accords_annotation_is_empty (accords_record_get_annotation (record)));

  /* An empty title is a title. */
  record = record_at (records, 2);
  g_assert_cmpstr (accords_record_get_title (record), ==, "");
}

static void
test_read_no_records (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) empty = NULL;

  missing = accords_json_read_data ("{\"format\": \"accords-library\", \"version\": 1}",
                                    -1, "none.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 0);

  /* With a byte-order mark, too. */
  empty = accords_json_read_data ("\xef\xbb\xbf{\"format\": \"accords-library\", \"version\": 1, "
                                  "\"records\": []}",
                                  -1, "bom.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
  g_clear_pointer (&empty, g_ptr_array_unref);

  /* "records": null is no records, too. */
  empty = accords_json_read_data ("{\"format\": \"accords-library\", \"version\": 1, "
                                  "\"records\": null, \"query\": null}",
                                  -1, "null.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (empty->len, ==, 0);
}

typedef struct
{
  guint calls;
  guint stop_at;     /* fail at this call, G_MAXUINT for never */
  GPtrArray *uids;
} ForeachData;

static gboolean
on_record_cb (AccordsRecord  *record,
              guint           index,
              gpointer        user_data,
              GError        **error)
{
  ForeachData *data = user_data;

  g_assert_true (ACCORDS_IS_RECORD (record));
  g_assert_cmpuint (index, ==, data->calls);
  data->calls++;

  if (index == data->stop_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped at %u", index);
      return FALSE;
    }

  g_ptr_array_add (data->uids, g_strdup (accords_record_get_uid (record)));

  return TRUE;
}

static void
test_read_foreach (void)
{
  g_autofree char *path = fixture_path ("library-full.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ForeachData data = { 0, G_MAXUINT, g_ptr_array_new_with_free_func (g_free) };
  const char *late_error =
    "{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
    "{\"uid\": \"a\", \"title\": \"One\", \"kind\": \"visit\"},\n"
    "{\"uid\": \"b\", \"title\": \"Two\", \"kind\": \"visit\"},\n"
    "{\"uid\": \"c\", \"title\": \"Three\", \"kind\": \"trip\"}\n"
    "]}";
  const char *envelope_last =
    "{\"records\": [{\"uid\": \"a\", \"title\": \"One\", \"kind\": \"visit\"}],\n"
    "\"version\": 1, \"format\": \"accords-library\"}";
  const char *wrong_format_last =
    "{\"records\": [{\"uid\": \"a\", \"title\": \"One\", \"kind\": \"visit\"}],\n"
    "\"version\": 1, \"format\": \"something-else\"}";

  /* Each record in order, with its index. */
  g_assert_true (accords_json_read_file_foreach (file, on_record_cb, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.calls, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (data.uids, 3), ==, "e8b7a6d5-c4b3-4a21-9f8e-7d6c5b4a3928");

  /* The callback can stop the read; its error comes back as it is. */
  data.calls = 0;
  data.stop_at = 1;
  g_assert_false (accords_json_read_file_foreach (file, on_record_cb, &data, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.calls, ==, 2);
  g_clear_error (&error);

  /* A bad record stops the read after the good ones before it. */
  data.calls = 0;
  data.stop_at = G_MAXUINT;
  g_assert_false (accords_json_read_data_foreach (late_error, -1, "late.json",
                                                  on_record_cb, &data, &error));
  g_assert_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_SCHEMA);
  g_assert_cmpuint (data.calls, ==, 2);
  g_assert_true (g_str_has_prefix (error->message, "late.json:4: record 3 (uid “c”)"));
  g_clear_error (&error);

  /* The envelope may come last: it is still checked before any record is
   * handed on. */
  data.calls = 0;
  g_assert_true (accords_json_read_data_foreach (envelope_last, -1, "last.json",
                                                 on_record_cb, &data, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (data.calls, ==, 1);

  data.calls = 0;
  g_assert_false (accords_json_read_data_foreach (wrong_format_last, -1, "other.json",
                                                  on_record_cb, &data, &error));
  g_assert_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY);
  g_assert_cmpuint (data.calls, ==, 0);

  g_ptr_array_unref (data.uids);
}

static void
test_read_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sample",
                                                 "accords-sample.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_body = NULL;
  g_autofree char *second_body = NULL;

  if (!g_file_query_exists (file, NULL))
    {
      g_test_skip ("no sample collection in this tree");
      return;
    }

  /* The application's own sample must read, and survive a round trip. */
  records = accords_json_read_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, >, 0);

  first = write_records (records, NULL);
  again = read_text (first);
  g_assert_cmpuint (again->len, ==, records->len);
  second = write_records (again, NULL);

  first_body = strip_exported (first);
  second_body = strip_exported (second);
  g_assert_cmpstr (first_body, ==, second_body);
}

static void
test_read_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/accords/library.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = accords_json_read_file (file, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (records);
}

/* Writing ----------------------------------------------------------------- */

static void
test_write_fixture (void)
{
  g_autoptr(GPtrArray) records = read_fixture ("library-full.json");
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *fixture = load_fixture ("library-full.json");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first_body = NULL;
  g_autofree char *second_body = NULL;

  /* The fixture is in the writer's own form: writing what was read gives
   * the same document, apart from the time of the export. */
  first = write_records (records, "topic:data_centres year:2024");
  expected = strip_exported (fixture);
  first_body = strip_exported (first);
  g_assert_cmpstr (first_body, ==, expected);

  /* Write, read, write: the same bytes. */
  again = read_text (first);
  second = write_records (again, "topic:data_centres year:2024");
  second_body = strip_exported (second);
  g_assert_cmpstr (second_body, ==, first_body);
}

static void
test_write_layout (void)
{
  g_autoptr(GPtrArray) records = read_fixture ("library-full.json");
  g_autofree char *text = write_records (records, NULL);

  /* Pretty-printed with two spaces; records two levels in. */
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"accords-library\",\n"
                                         "  \"version\" : 1,\n"));
  g_assert_nonnull (strstr (text, "\n  \"query\" : null,\n  \"records\" : [\n    {\n"
                                  "      \"uid\" : \"5f0c2e7a-"));
  g_assert_true (g_str_has_suffix (text, "\n    }\n  ]\n}\n"));

  /* Integers stay integers; fractions stay fractions. */
  g_assert_nonnull (strstr (text, "\"value\" : 40,"));
  g_assert_nonnull (strstr (text, "\"value\" : 2350.5,"));
  g_assert_nonnull (strstr (text, "\"value\" : 6,"));
  /* The shortest form that reads back the same, not 0.59999999999999998. */
  g_assert_nonnull (strstr (text, "\"value\" : 0.6,"));

  /* Every key, even when empty. */
  g_assert_nonnull (strstr (text, "\"annotation\" : null,"));
  g_assert_nonnull (strstr (text, "\"people\" : [],"));
  g_assert_nonnull (strstr (text, "\"summary\" : null,"));
}

static void
test_write_tags (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autofree char *text = NULL;
  const char *tags[] = { "zeta", "Beta", "alpha", "été", NULL };
  AccordsRecord *record = accords_record_new ();

  /* Tags are a set, written in the order the store lists them. */
  accords_record_set_title (record, "Tagged");
  accords_annotation_set_tags (annotation, tags);
  accords_record_set_annotation (record, annotation);
  g_ptr_array_add (records, record);

  text = write_records (records, NULL);
  g_assert_nonnull (strstr (text, "\"tags\" : [\n"
                                  "          \"alpha\",\n"
                                  "          \"Beta\",\n"
                                  "          \"zeta\",\n"
                                  "          \"été\"\n"
                                  "        ],\n"));

  /* The annotation itself is left as it was. */
  g_assert_cmpstr (accords_annotation_get_tags (annotation)[0], ==, "zeta");
}

static void
test_write_empty (void)
{
  g_autofree char *text = write_records (NULL, "kind:visit \"quoted words\" \\ end");
  g_autofree char *body = strip_exported (text);
  g_autoptr(GPtrArray) records = NULL;

  g_assert_cmpstr (body, ==,
                   "{\n"
                   "  \"format\" : \"accords-library\",\n"
                   "  \"version\" : 1,\n"
                   "  \"query\" : \"kind:visit \\\"quoted words\\\" \\\\ end\",\n"
                   "  \"records\" : []\n"
                   "}\n");

  records = read_text (text);
  g_assert_cmpuint (records->len, ==, 0);
}

static AccordsRecord *
make_numbered_record (guint n)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autofree char *uid = g_strdup_printf ("generated-%07u", n);
  g_autofree char *title = g_strdup_printf ("Generated record number %u", n);
  g_autofree char *date = g_strdup_printf ("%04u-%02u-%02u", 2000 + n % 25, 1 + n % 12, 1 + n % 28);
  const char *parties[] = { "FR", "DE", NULL };

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, title);
  accords_record_set_kind (record, n % 7);
  accords_record_set_event_date (record, date);
  accords_record_set_parties (record, parties);
  accords_record_set_created (record, "2026-01-01T00:00:00Z");
  accords_record_set_modified (record, "2026-01-01T00:00:00Z");

  return g_steal_pointer (&record);
}

static void
test_write_many (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsJsonWriter) writer = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const guint n_records = 5000;

  /* Each record is made, written and dropped: the writer keeps none. */
  writer = accords_json_writer_new (out, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(AccordsRecord) record = make_numbered_record (i);

      accords_json_writer_add_record (writer, record, &error);
      g_assert_no_error (error);
      g_assert_cmpint (G_OBJECT (record)->ref_count, ==, 1);
    }

  accords_json_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  records = accords_json_read_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    "many.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, n_records);
  g_assert_cmpstr (accords_record_get_uid (record_at (records, 1234)), ==, "generated-0001234");
  g_assert_cmpstr (accords_record_get_title (record_at (records, n_records - 1)), ==,
                   "Generated record number 4999");
}

static void
test_write_closed_stream (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsJsonWriter) writer = NULL;
  g_autoptr(AccordsRecord) record = make_numbered_record (1);
  g_autoptr(GError) error = NULL;

  writer = accords_json_writer_new (out, NULL, &error);
  g_assert_no_error (error);

  g_output_stream_close (out, NULL, NULL);
  g_assert_false (accords_json_writer_add_record (writer, record, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

static void
test_round_trip_store (void)
{
  g_autoptr(GPtrArray) records = read_fixture ("library-full.json");
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = load_fixture ("library-full.json");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *body = NULL;

  /* DESIGN.md: importing the JSON into an empty library and exporting it
   * again gives the same document, apart from "exported". */
  dir = g_dir_make_tmp ("accords-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "library.db", NULL);

  store = accords_store_open (path, &error);
  g_assert_no_error (error);
  accords_store_insert_records (store, records, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < records->len; i++)
    {
      const char *uid = accords_record_get_uid (record_at (records, i));
      AccordsRecord *record = accords_store_load_record_by_uid (store, uid, &error);

      g_assert_no_error (error);
      g_ptr_array_add (loaded, record);
    }

  text = write_records (loaded, "topic:data_centres year:2024");
  expected = strip_exported (fixture);
  body = strip_exported (text);
  g_assert_cmpstr (body, ==, expected);

  g_clear_object (&store);
  g_ptr_array_set_size (loaded, 0);
  g_ptr_array_set_size (records, 0);

  /* Leave nothing behind: the library and whatever SQLite made next to it. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_assert_cmpint (g_remove (file), ==, 0);
      }
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Hostile content --------------------------------------------------------- */

static AccordsRecord *
make_hostile_record (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(AccordsPerson) person = NULL;
  g_autoptr(AccordsFigure) figure = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  /* In the order the writer puts tags in (ASCII case ignored). */
  const char *tags[] = { "<b>bold</b>", "a\"b", "عاجل", "🚀 launch", NULL };
  const char *organizations[] = {
    "=HYPERLINK(\"http://example.com\")",
    "Robert'); DROP TABLE record;--",
    "\\\\server\\share",
    NULL
  };

  accords_record_set_uid (record, "hostile-\"uid\"");
  accords_record_set_title (record, "He said \"sign here\" \\ then left\t(tab)");
  accords_record_set_kind (record, ACCORDS_KIND_STATEMENT);
  accords_record_set_summary (record, "Line one\nLine two\r\n<script>alert('x')</script>\n"
                                      "\x01\x1f control characters and \xe2\x80\xa8 "
                                      "a line separator");
  accords_record_set_date_as_reported (record, "אתמול בערב \xe2\x80\xae reversed \xe2\x80\xac");
  accords_record_set_venue_city (record, "الرياض");
  accords_record_set_venue_forum (record, "Forum 👩‍💻🇪🇪 with a ZWJ sequence and a flag");
  accords_record_set_organizations (record, organizations);
  accords_record_set_origin (record, ACCORDS_ORIGIN_MANUAL);

  person = accords_person_new ("محمد بن سلمان \"الثاني\"", "وزير <i>الاتصالات</i>", "SA");
  accords_record_add_person (record, person);

  figure = accords_figure_new ("a very large and a very small number");
  accords_figure_set_value (figure, -1.0e-300, FALSE);
  accords_record_add_figure (record, figure);
  g_clear_object (&figure);
  figure = accords_figure_new ("the biggest integer");
  accords_figure_set_value (figure, 9007199254740992.0, TRUE);
  accords_record_add_figure (record, figure);
  g_clear_object (&figure);
  figure = accords_figure_new ("a sum that needs seventeen digits");
  accords_figure_set_value (figure, 0.1 + 0.2, FALSE);
  accords_record_add_figure (record, figure);

  accords_source_set_title (source, "</script><script>alert(1)</script>");
  accords_source_set_url (source, "javascript:alert(\"x\")");
  accords_source_set_text (source, "فارسی: همکاری دیجیتال\nРусский: цифровое сотрудничество\n"
                                   "emoji: 😀🙃\nquote: \" backslash: \\ slash: /");
  accords_record_add_source (record, source);

  for (guint i = 0; note->len < 10000; i++)
    g_string_append_printf (note, "%u: «note» \"%s\"\n", i, i % 2 ? "ψ" : "<&>");
  g_string_truncate (note, 10000);

  accords_annotation_set_note (annotation, note->str);
  accords_annotation_set_tags (annotation, tags);
  accords_annotation_set_starred (annotation, TRUE);
  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, TRUE);

  accords_record_add_link (record, "same_trip", "other \"uid\" \n with a newline");

  return g_steal_pointer (&record);
}

static void
assert_same_string_property (GObject    *a,
                             GObject    *b,
                             const char *name)
{
  g_autofree char *value_a = NULL;
  g_autofree char *value_b = NULL;

  g_object_get (a, name, &value_a, NULL);
  g_object_get (b, name, &value_b, NULL);
  g_assert_cmpstr (value_a, ==, value_b);
}

static void
test_round_trip_hostile (void)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(AccordsPerson) person = NULL;
  g_autoptr(AccordsSource) source_a = NULL;
  g_autoptr(AccordsSource) source_b = NULL;
  g_autoptr(AccordsFigure) figure = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_body = NULL;
  g_autofree char *second_body = NULL;
  const char *strings[] = { "uid", "title", "summary", "date-as-reported", "venue-city",
                            "venue-forum" };
  AccordsRecord *a;
  AccordsRecord *b;
  const char *type;
  const char *uid;

  g_ptr_array_add (records, make_hostile_record ());
  first = write_records (records, "\"<script>\" OR -مرحبا");

  /* Nothing raw that could break the layout or another reader. */
  g_assert_null (strstr (first, "\x01"));
  g_assert_null (strstr (first, "\r"));

  again = read_text (first);
  g_assert_cmpuint (again->len, ==, 1);
  a = record_at (records, 0);
  b = record_at (again, 0);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    assert_same_string_property (G_OBJECT (a), G_OBJECT (b), strings[i]);

  g_assert_true (g_strv_equal (accords_record_get_organizations (a),
                               accords_record_get_organizations (b)));
  g_assert_true (g_strv_equal (accords_annotation_get_tags (accords_record_get_annotation (a)),
                               accords_annotation_get_tags (accords_record_get_annotation (b))));
  g_assert_cmpstr (accords_annotation_get_note (accords_record_get_annotation (b)), ==,
                   accords_annotation_get_note (accords_record_get_annotation (a)));
  g_assert_cmpuint (strlen (accords_annotation_get_note (accords_record_get_annotation (b))),
                    ==, 10000);

  person = g_list_model_get_item (accords_record_get_people (b), 0);
  g_assert_cmpstr (accords_person_get_name (person), ==, "محمد بن سلمان \"الثاني\"");
  g_assert_cmpstr (accords_person_get_role (person), ==, "وزير <i>الاتصالات</i>");

  source_a = g_list_model_get_item (accords_record_get_sources (a), 0);
  source_b = g_list_model_get_item (accords_record_get_sources (b), 0);
  assert_same_string_property (G_OBJECT (source_a), G_OBJECT (source_b), "title");
  assert_same_string_property (G_OBJECT (source_a), G_OBJECT (source_b), "url");
  assert_same_string_property (G_OBJECT (source_a), G_OBJECT (source_b), "text");
  assert_same_string_property (G_OBJECT (source_a), G_OBJECT (source_b), "sha256");

  figure = g_list_model_get_item (accords_record_get_figures (b), 0);
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, -1.0e-300);
  g_assert_false (accords_figure_get_value_is_integer (figure));
  g_clear_object (&figure);
  figure = g_list_model_get_item (accords_record_get_figures (b), 1);
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 9007199254740992.0);
  g_assert_true (accords_figure_get_value_is_integer (figure));
  g_clear_object (&figure);
  figure = g_list_model_get_item (accords_record_get_figures (b), 2);
  g_assert_cmpfloat (accords_figure_get_value (figure), ==, 0.1 + 0.2);
  g_assert_nonnull (strstr (first, "\"value\" : 0.30000000000000004,"));

  accords_record_get_link (b, 0, &type, &uid);
  g_assert_cmpstr (uid, ==, "other \"uid\" \n with a newline");

  second = write_records (again, "\"<script>\" OR -مرحبا");
  first_body = strip_exported (first);
  second_body = strip_exported (second);
  g_assert_cmpstr (first_body, ==, second_body);
}

static void
test_read_escapes (void)
{
  /* \u escapes, surrogate pairs and "\/" read as the characters they
   * stand for; written back, they are plain UTF-8. */
  const char *text =
    "{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
    "{\"title\": \"\\u0041\\u00e9\\u062a \\ud83d\\ude00 \\/ \\\"\", \"kind\": \"opinion\"}\n"
    "]}";
  g_autoptr(GPtrArray) records = read_text (text);
  g_autofree char *written = NULL;
  g_autoptr(GPtrArray) again = NULL;

  g_assert_cmpstr (accords_record_get_title (record_at (records, 0)), ==, "Aéت 😀 / \"");

  written = write_records (records, NULL);
  g_assert_nonnull (strstr (written, "\"title\" : \"Aéت 😀 / \\\"\","));
  again = read_text (written);
  g_assert_cmpstr (accords_record_get_title (record_at (again, 0)), ==, "Aéت 😀 / \"");
}

/* Malformed input --------------------------------------------------------- */

static void
assert_read_error (const char *text,
                   const char *file_name,
                   int         code,
                   const char *first,
                   ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  va_list args;

  records = accords_json_read_data (text, -1, file_name, &error);
  g_assert_null (records);
  g_assert_error (error, ACCORDS_JSON_ERROR, code);

  if (g_test_verbose ())
    g_test_message ("%s", error->message);

  g_assert_nonnull (strstr (error->message, file_name));

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      if (strstr (error->message, part) == NULL)
        g_error ("“%s” lacks “%s”", error->message, part);
    }
  va_end (args);
}

static void
test_error_not_json (void)
{
  assert_read_error ("this is not JSON", "words.json", ACCORDS_JSON_ERROR_INVALID,
                     "words.json:1:", NULL);
  assert_read_error ("{\n  \"format\": \"accords-library\",\n  \"version\": 1,\n"
                     "  \"records\": [,]\n}",
                     "comma.json", ACCORDS_JSON_ERROR_INVALID, "comma.json:4:", NULL);
  assert_read_error ("", "empty.json", ACCORDS_JSON_ERROR_INVALID, "empty.json:", NULL);
  assert_read_error ("  \n\n ", "blank.json", ACCORDS_JSON_ERROR_INVALID, "blank.json:", NULL);
  assert_read_error ("{\"format\": \"accords-library\",\n\"version\": 1,\n\"title\": \"\xff\xfe\"}",
                     "latin.json", ACCORDS_JSON_ERROR_INVALID, "latin.json:3:", "UTF-8", NULL);

  /* Broken between the values, where no JSON parser looks. */
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                     "  {\"title\": \"One\", \"kind\": \"visit\"}\n"
                     "  {\"title\": \"Two\", \"kind\": \"visit\"}\n"
                     "]}",
                     "nocomma.json", ACCORDS_JSON_ERROR_INVALID, "nocomma.json:3:3:", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                     "  {\"title\": \"One\", \"kind\": \"visit\"},\n"
                     "]}",
                     "trailing.json", ACCORDS_JSON_ERROR_INVALID, "trailing.json:3:1:", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": []}\n"
                     "{\"format\": \"accords-library\"}",
                     "twice.json", ACCORDS_JSON_ERROR_INVALID, "twice.json:2:1:", NULL);
  assert_read_error ("{format: \"accords-library\"}",
                     "bare-key.json", ACCORDS_JSON_ERROR_INVALID, "bare-key.json:1:2:", NULL);
  assert_read_error ("{\"format\" \"accords-library\"}",
                     "colon.json", ACCORDS_JSON_ERROR_INVALID, "colon.json:1:11:", NULL);
  assert_read_error ("{\"format\": \"accords-library\",}",
                     "comma-end.json", ACCORDS_JSON_ERROR_INVALID, "comma-end.json:1:30:", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                     "  {\"title\": \"One\",\n"
                     "   \"kind\": visit}\n"
                     "]}",
                     "inner.json", ACCORDS_JSON_ERROR_INVALID, "inner.json:3:", NULL);
  /* Nesting that would overflow json-glib's stack. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"format\": \"accords-library\", \"version\": 1, "
                                            "\"records\": [{\"title\": \"T\", \"kind\": \"visit\", "
                                            "\"extra\": ");
    g_autoptr(GString) deep_root = g_string_new (NULL);

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, ']');
    g_string_append (deep, "}]}");
    assert_read_error (deep->str, "deep.json", ACCORDS_JSON_ERROR_INVALID, "deep.json:1:", NULL);

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep_root, '[');
    assert_read_error (deep_root->str, "deep-root.json", ACCORDS_JSON_ERROR_INVALID,
                       "deep-root.json:1:", NULL);
  }

  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                     "  {\"title\": \"unterminated}\n"
                     "]}\n",
                     "string.json", ACCORDS_JSON_ERROR_INVALID, "string.json:", NULL);
}

static void
test_error_truncated (void)
{
  g_autofree char *path = fixture_path ("broken-truncated.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *whole = NULL;
  g_autoptr(GPtrArray) good = NULL;

  records = accords_json_read_file (file, &error);
  g_assert_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID);
  g_assert_null (records);
  g_assert_true (g_str_has_prefix (error->message, "broken-truncated.json:"));

  /* A good file cut anywhere is an error, never a crash or a partial read. */
  whole = load_fixture ("library-full.json");
  good = read_text (whole);
  g_assert_cmpuint (good->len, ==, 4);

  for (gsize cut = 0; cut < strlen (whole) - 2; cut += 97)
    {
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(GPtrArray) cut_records = NULL;

      cut_records = accords_json_read_data (whole, cut, "cut.json", &cut_error);
      g_assert_null (cut_records);
      g_assert_error (cut_error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID);
    }
}

static void
test_error_not_a_library (void)
{
  assert_read_error ("[1, 2, 3]", "array.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, NULL);
  assert_read_error ("\"accords-library\"", "string.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, NULL);
  assert_read_error ("{\"records\": []}", "bare.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                     "format", NULL);
  assert_read_error ("{\"format\": \"zotero-library\", \"version\": 1, \"records\": []}",
                     "zotero.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, "format", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"records\": []}",
                     "noversion.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, "version", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": \"1\", \"records\": []}",
                     "textversion.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, "version", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 2, \"records\": []}",
                     "future.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, "version 2", "newer", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 0, \"records\": []}",
                     "zero.json", ACCORDS_JSON_ERROR_NOT_A_LIBRARY, "version 0", NULL);
}

static void
test_error_envelope (void)
{
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1,\n\"records\": {}}",
                     "records.json", ACCORDS_JSON_ERROR_SCHEMA,
                     "records.json:2:", "“records”", "an array", NULL);
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1,\n\n\"query\": 5}",
                     "query.json", ACCORDS_JSON_ERROR_SCHEMA, "query.json:3:", "“query”", NULL);
}

/* Each case: one record on the third line of a document whose second line
 * holds a good record, so the bad one is record 2 on line 3. */
typedef struct
{
  const char *record;
  const char *field;
  const char *detail;
} SchemaCase;

static const SchemaCase schema_cases[] = {
  /* required values */
  { "{\"uid\": \"u-2\", \"kind\": \"visit\"}", "title", "required" },
  { "{\"uid\": \"u-2\", \"title\": null, \"kind\": \"visit\"}", "title", "required" },
  { "{\"uid\": \"u-2\", \"title\": \"No kind\"}", "kind", "required" },
  /* unknown ids */
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"treaty\"}", "kind", "“treaty”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"Meeting\"}", "kind", "mou_signed" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"date_precision\": \"week\"}",
    "date_precision", "“week”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"date_qualifier\": \"circa\"}",
    "date_qualifier", "“circa”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"origin\": \"scraped\"}",
    "origin", "“scraped”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"annotation\": {\"review\": \"ok\"}}",
    "annotation.review", "“ok”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"links\": [{\"type\": \"cousin_of\", \"uid\": \"x\"}]}",
    "links[0].type", "“cousin_of”" },
  /* dates and times */
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"event_date\": \"2025-02-30\"}",
    "event_date", "“2025-02-30”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"event_date\": \"2025-13-01\"}",
    "event_date", "“2025-13-01”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"event_date\": \"12/03/2025\"}",
    "event_date", "YYYY-MM-DD" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"event_date\": \"2025-3-1\"}",
    "event_date", "“2025-3-1”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"event_date\": \"2025-03-10\", \"event_end\": \"2025-03-09\"}",
    "event_end", "before it starts" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"sources\": [{\"published\": \"2023-02-29\"}]}",
    "sources[0].published", "“2023-02-29”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"created\": \"yesterday\"}",
    "created", "“yesterday”" },
  /* country codes */
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"parties\": [\"FR\", \"fr\"]}",
    "parties[1]", "“fr”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"parties\": [\"FRA\"]}",
    "parties[0]", "two upper-case letters" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"parties\": [\"France\"]}",
    "parties[0]", "“France”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"parties\": [\"FR\", \"FR\"]}",
    "parties[1]", "twice" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"parties\": [\"FR\"], \"mentioned\": [\"DE\", \"FR\"]}",
    "mentioned[1]", "parties" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"venue\": {\"country\": \"Fr\"}}",
    "venue.country", "“Fr”" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"people\": [{\"name\": \"A\", \"country\": \"GBR\"}]}",
    "people[0].country", "“GBR”" },
  /* wrong types */
  { "{\"uid\": \"u-2\", \"title\": 42, \"kind\": \"visit\"}", "title", "a number" },
  { "{\"uid\": \"u-2\", \"title\": [\"T\"], \"kind\": \"visit\"}", "title", "an array" },
  { "{\"uid\": 7, \"title\": \"T\", \"kind\": \"visit\"}", "uid", "a string" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"parties\": \"FR\"}",
    "parties", "an array" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"topics\": [\"cloud\", 3]}",
    "topics[1]", "a number" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"topics\": [\"Cloud Computing\"]}",
    "topics[0]", "topic" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"venue\": [\"Paris\"]}",
    "venue", "an object" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"venue\": {\"virtual\": \"yes\"}}",
    "venue.virtual", "a string" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"people\": [\"A. Person\"]}",
    "people[0]", "an object" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"people\": [{\"role\": \"envoy\"}]}",
    "people[0].name", "required" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"figures\": [{\"what\": \"sum\", \"value\": \"4 million\"}]}",
    "figures[0].value", "a string" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"figures\": [{\"what\": \"sum\", \"year\": 2024.5}]}",
    "figures[0].year", "a number" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"figures\": [{\"what\": \"sum\", \"year\": 20240}]}",
    "figures[0].year", "20240" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"figures\": [{\"value\": 3}]}",
    "figures[0].what", "required" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"sources\": [{\"text\": false}]}",
    "sources[0].text", "true or false" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"annotation\": \"starred\"}",
    "annotation", "a string" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", \"annotation\": {\"starred\": 1}}",
    "annotation.starred", "a number" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"annotation\": {\"tags\": [\"a\", null]}}",
    "annotation.tags[1]", "null" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"annotation\": {\"tags\": [\"Follow-up\", \"follow-up\"]}}",
    "annotation.tags[1]", "twice" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"links\": [{\"type\": \"renews\"}]}",
    "links[0].uid", "required" },
  { "{\"uid\": \"u-2\", \"title\": \"T\", \"kind\": \"visit\", "
    "\"links\": [{\"type\": \"renews\", \"uid\": \"a\"}, {\"type\": \"renews\", \"uid\": \"a\"}]}",
    "links[1]", "twice" },
};

static void
test_error_schema (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (schema_cases); i++)
    {
      const SchemaCase *c = &schema_cases[i];
      g_autofree char *text = NULL;
      g_autofree char *field = g_strdup_printf ("field “%s”:", c->field);
      g_autofree char *file_name = g_strdup_printf ("case-%u.json", i);
      g_autofree char *location = g_strdup_printf ("case-%u.json:3: record 2", i);

      text = g_strdup_printf ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                              "{\"uid\": \"u-1\", \"title\": \"Fine\", \"kind\": \"meeting\"},\n"
                              "%s\n"
                              "]}\n",
                              c->record);

      assert_read_error (text, file_name, ACCORDS_JSON_ERROR_SCHEMA,
                         location, field, c->detail, NULL);
    }
}

static void
test_error_not_an_object (void)
{
  assert_read_error ("{\"format\": \"accords-library\", \"version\": 1, \"records\": [\n"
                     "{\"title\": \"Fine\", \"kind\": \"meeting\"},\n"
                     "\"just a string\"\n"
                     "]}",
                     "element.json", ACCORDS_JSON_ERROR_SCHEMA,
                     "element.json:3: record 2: expected an object but found a string", NULL);
}

static void
test_error_line (void)
{
  /* The line is the one of the value at fault, not of its record. */
  const char *text =
    "{\n"                                              /* 1 */
    "  \"format\": \"accords-library\",\n"             /* 2 */
    "  \"version\": 1,\n"                              /* 3 */
    "  \"records\": [\n"                               /* 4 */
    "    {\n"                                          /* 5 */
    "      \"uid\": \"first\",\n"                      /* 6 */
    "      \"title\": \"Fine\",\n"                     /* 7 */
    "      \"kind\": \"visit\",\n"                     /* 8 */
    "      \"parties\": [\"FR\", \"DE\"]\n"            /* 9 */
    "    },\n"                                         /* 10 */
    "    {\n"                                          /* 11 */
    "      \"uid\": \"second\",\n"                     /* 12 */
    "      \"title\": \"Broken\",\n"                   /* 13 */
    "      \"kind\": \"visit\",\n"                     /* 14 */
    "      \"parties\": [\n"                           /* 15 */
    "        \"FR\",\n"                                /* 16 */
    "        \"de\"\n"                                 /* 17 */
    "      ],\n"                                       /* 18 */
    "      \"people\": [{\"name\": \"A\"}]\n"          /* 19 */
    "    }\n"                                          /* 20 */
    "  ]\n"                                            /* 21 */
    "}\n";
  const char *missing =
    "{\n"
    "  \"format\": \"accords-library\",\n"
    "  \"version\": 1,\n"
    "  \"records\": [\n"
    "    { \"title\": \"One\", \"kind\": \"visit\" },\n"
    "    { \"title\": \"Two\", \"kind\": \"visit\" },\n"
    "    {\n"                                          /* 7 */
    "      \"uid\": \"third\",\n"
    "      \"kind\": \"visit\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

  assert_read_error (text, "lines.json", ACCORDS_JSON_ERROR_SCHEMA,
                     "lines.json:17: record 2 (uid “second”): field “parties[1]”: “de”", NULL);

  /* A value that is missing has no line of its own: its record's is given. */
  assert_read_error (missing, "missing.json", ACCORDS_JSON_ERROR_SCHEMA,
                     "missing.json:7: record 3 (uid “third”): field “title”:", NULL);
}

static void
test_error_file (void)
{
  g_autofree char *path = fixture_path ("broken-record.json");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = accords_json_read_file (file, &error);
  g_assert_null (records);
  g_assert_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_SCHEMA);
  g_assert_cmpstr (error->message, ==,
                   "broken-record.json:22: record 2 (uid “b2c4e6a8-0000-4000-8000-000000000002”): "
                   "field “event_date”: “2025-02-30” is not a valid date of the form YYYY-MM-DD");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/json/read/full", test_read_full);
  g_test_add_func ("/json/read/sparse", test_read_sparse);
  g_test_add_func ("/json/read/no-records", test_read_no_records);
  g_test_add_func ("/json/read/foreach", test_read_foreach);
  g_test_add_func ("/json/read/sample", test_read_sample);
  g_test_add_func ("/json/read/escapes", test_read_escapes);
  g_test_add_func ("/json/read/file-missing", test_read_file_missing);
  g_test_add_func ("/json/write/fixture", test_write_fixture);
  g_test_add_func ("/json/write/layout", test_write_layout);
  g_test_add_func ("/json/write/tags", test_write_tags);
  g_test_add_func ("/json/write/empty", test_write_empty);
  g_test_add_func ("/json/write/many", test_write_many);
  g_test_add_func ("/json/write/closed-stream", test_write_closed_stream);
  g_test_add_func ("/json/round-trip/store", test_round_trip_store);
  g_test_add_func ("/json/round-trip/hostile", test_round_trip_hostile);
  g_test_add_func ("/json/error/not-json", test_error_not_json);
  g_test_add_func ("/json/error/truncated", test_error_truncated);
  g_test_add_func ("/json/error/not-a-library", test_error_not_a_library);
  g_test_add_func ("/json/error/envelope", test_error_envelope);
  g_test_add_func ("/json/error/schema", test_error_schema);
  g_test_add_func ("/json/error/not-an-object", test_error_not_an_object);
  g_test_add_func ("/json/error/line", test_error_line);
  g_test_add_func ("/json/error/file", test_error_file);

  return g_test_run ();
}
