/* test-export.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-export"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "accords-annotation.h"
#include "accords-export.h"
#include "accords-export-private.h"
#include "accords-figure.h"
#include "accords-json.h"
#include "accords-person.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"

#define INJECTION "=cmd|' /C calc'!A0"

typedef struct
{
  char *dir;
  char *path;
  AccordsStore *store;
} Fixture;

/* Helpers ----------------------------------------------------------------- */

static AccordsRecord *
make_hostile_record (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(AccordsSource) web = accords_source_new ();
  g_autoptr(AccordsPerson) person = NULL;
  g_autoptr(GString) note = g_string_new ("**Bold** <script>alert('note')</script>\n"
                                          "[bad](javascript:alert(1))\n\n");
  const char *tags[] = { "<b>bold</b>", "a\"b", "عاجل", "🚀 launch", NULL };
  const char *parties[] = { "RS", "IR", NULL };
  const char *organizations[] = { INJECTION, "+SUM(1,2)", "-2+3", "@attack", "\tTabbed", NULL };

  accords_record_set_uid (record, "hostile-uid-1");
  accords_record_set_title (record, "He said \"sign here\", then <script>alert('x')</script>");
  accords_record_set_kind (record, ACCORDS_KIND_MOU_SIGNED);
  accords_record_set_event_date (record, "2024-05-12");
  accords_record_set_event_end (record, "2024-05-14");
  accords_record_set_summary (record, INJECTION "\nLine two, with a comma\r\n"
                                      "שלום עולם \xe2\x80\xae reversed \xe2\x80\xac and emoji 😀🙃");
  accords_record_set_venue_city (record, "الرياض");
  accords_record_set_parties (record, parties);
  accords_record_set_organizations (record, organizations);
  accords_record_set_origin (record, ACCORDS_ORIGIN_MANUAL);

  person = accords_person_new ("محمد \"الثاني\"", "وزير <i>الاتصالات</i>", "SA");
  accords_record_add_person (record, person);

  accords_source_set_title (source, "</script><script>alert(1)</script>");
  accords_source_set_url (source, "javascript:alert(\"x\")");
  accords_source_set_text (source, "hostile source text");
  accords_record_add_source (record, source);

  accords_source_set_title (web, "A report, \"quoted\"");
  accords_source_set_url (web, "https://example.com/report?a=1&b=<2>");
  accords_source_set_text (web, "web source text");
  accords_record_add_source (record, web);

  while (note->len < 10000)
    g_string_append (note, "«note» \"<&>\" ψ 🚀 ");
  g_string_truncate (note, 10000);
  {
    const char *end = NULL;

    /* Cut on a character boundary, then pad to exactly 10,000 bytes. */
    g_utf8_validate (note->str, -1, &end);
    g_string_truncate (note, end - note->str);
    while (note->len < 10000)
      g_string_append_c (note, '.');
  }

  accords_annotation_set_note (annotation, note->str);
  accords_annotation_set_tags (annotation, tags);
  accords_annotation_set_starred (annotation, TRUE);
  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, TRUE);

  return g_steal_pointer (&record);
}

static AccordsRecord *
make_plain_record (const char *uid,
                   const char *date,
                   const char *title)
{
  AccordsRecord *record = accords_record_new ();
  const char *parties[] = { "QA", "RS", NULL };

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, title);
  accords_record_set_kind (record, ACCORDS_KIND_MEETING);
  accords_record_set_event_date (record, date);
  accords_record_set_parties (record, parties);
  accords_record_set_origin (record, ACCORDS_ORIGIN_MANUAL);

  return record;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsRecord) month = NULL;

  fixture->dir = g_dir_make_tmp ("accords-export-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->store = accords_store_open (fixture->path, &error);
  g_assert_no_error (error);

  month = make_plain_record ("month-uid", "2023-02-01", "Known to the month");
  accords_record_set_date_precision (month, ACCORDS_DATE_PRECISION_MONTH);

  g_ptr_array_add (records, make_plain_record ("late-uid", "2025-01-31", "The latest"));
  g_ptr_array_add (records, make_hostile_record ());
  g_ptr_array_add (records, g_steal_pointer (&month));
  accords_store_insert_records (fixture->store, records, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (file), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static char *
export_text (AccordsStore         *store,
             const char           *query_text,
             AccordsExportFormat   format,
             AccordsExportOptions  options,
             guint64              *n_exported)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;

  query = accords_query_parse (query_text, NULL, NULL, &error);
  g_assert_no_error (error);

  accords_export_run (store, query, NULL, 0, format, options, out, n_exported, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* A strict RFC 4180 reader: rows of cells, CRLF between rows. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (cell->len, ==, 0);
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                {
                  g_string_append_c (cell, *p);
                }
            }
        }
      else
        {
          for (; *p != '\0' && *p != ',' && *p != '\r'; p++)
            {
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (cell, *p);
            }
        }

      g_ptr_array_add (row, g_strdup (cell->str));
      g_string_truncate (cell, 0);

      if (*p == ',')
        {
          p++;
        }
      else
        {
          g_assert_cmpint (p[0], ==, '\r');
          g_assert_cmpint (p[1], ==, '\n');
          p += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
    }

  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);

  return rows;
}

static const char *
csv_cell (GPtrArray  *rows,
          guint       row,
          const char *column)
{
  GPtrArray *header = g_ptr_array_index (rows, 0);

  for (guint i = 0; i < header->len; i++)
    {
      if (strcmp (g_ptr_array_index (header, i), column) == 0)
        return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), i);
    }

  g_assert_not_reached ();
}

static guint
csv_row_of (GPtrArray  *rows,
            const char *uid)
{
  for (guint i = 1; i < rows->len; i++)
    {
      if (strcmp (csv_cell (rows, i, "uid"), uid) == 0)
        return i;
    }

  g_assert_not_reached ();
}

/* Tests ------------------------------------------------------------------- */

static void
test_formats (void)
{
  AccordsExportFormat format;
  const char *ids[] = { "csv", "json", "md", "html", "ics", "txt" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_true (accords_export_format_from_string (ids[i], &format));
      g_assert_cmpstr (accords_export_format_to_string (format), ==, ids[i]);
      g_assert_nonnull (accords_export_format_get_label (format));
      g_assert_nonnull (accords_export_format_get_mime_type (format));
    }

  g_assert_false (accords_export_format_from_string ("xls", &format));
  g_assert_false (accords_export_format_from_string ("", &format));
  g_assert_false (accords_export_format_from_string (NULL, &format));
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *note = NULL;
  AccordsAnnotation *annotation;
  g_autoptr(AccordsRecord) hostile = make_hostile_record ();
  guint64 n_exported = 0;
  guint row;

  text = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_CSV,
                      ACCORDS_EXPORT_OPTION_NONE, &n_exported);
  g_assert_cmpuint (n_exported, ==, 3);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==,
                      ((GPtrArray *) g_ptr_array_index (rows, 0))->len);

  row = csv_row_of (rows, "hostile-uid-1");
  g_assert_cmpstr (csv_cell (rows, row, "title"), ==, accords_record_get_title (hostile));
  g_assert_cmpstr (csv_cell (rows, row, "parties"), ==, "RS; IR");
  g_assert_cmpstr (csv_cell (rows, row, "event_end"), ==, "2024-05-14");

  /* Formulas are inert: a leading apostrophe, the rest as it was. */
  g_assert_cmpstr (csv_cell (rows, row, "summary"), ==,
                   "'" INJECTION "\nLine two, with a comma\r\n"
                   "שלום עולם \xe2\x80\xae reversed \xe2\x80\xac and emoji 😀🙃");
  g_assert_cmpstr (csv_cell (rows, row, "organizations"), ==,
                   "'" INJECTION "; +SUM(1,2); -2+3; @attack; \tTabbed");
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < cells->len; c++)
        {
          const char *cell = g_ptr_array_index (cells, c);

          g_assert_true (cell[0] == '\0' || strchr ("=+-@\t\r", cell[0]) == NULL);
        }
    }

  annotation = accords_record_get_annotation (hostile);
  g_assert_cmpstr (csv_cell (rows, row, "note"), ==, accords_annotation_get_note (annotation));
  g_assert_cmpuint (strlen (csv_cell (rows, row, "note")), ==, 10000);
  g_assert_cmpstr (csv_cell (rows, row, "starred"), ==, "true");

  /* The option keeps them. */
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&rows, g_ptr_array_unref);
  text = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_CSV,
                      ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS, NULL);
  rows = parse_csv (text);
  row = csv_row_of (rows, "hostile-uid-1");
  g_assert_true (g_str_has_prefix (csv_cell (rows, row, "summary"), INJECTION "\n"));
}

static void
test_html (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;

  text = export_text (fixture->store, "\"<script>\" OR kind:meeting", ACCORDS_EXPORT_FORMAT_HTML,
                      ACCORDS_EXPORT_OPTION_NONE, NULL);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  lower = g_ascii_strdown (text, -1);

  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (text, "<style>"));
  g_assert_null (strstr (lower, "<script"));
  g_assert_null (strstr (lower, "<link"));
  g_assert_null (strstr (lower, "src="));
  g_assert_null (strstr (lower, "href=\"javascript"));
  g_assert_nonnull (strstr (text, "&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (text, "He said &quot;sign here&quot;"));
  g_assert_nonnull (strstr (text, "<a href=\"https://example.com/report?a=1&amp;b=&lt;2&gt;\">"));
  /* The query, escaped. */
  g_assert_nonnull (strstr (text, "<code>&lt;script&gt; OR kind:meeting</code>"));
  /* The note went through cmark, safely. */
  g_assert_nonnull (strstr (text, "<strong>Bold</strong>"));
  g_assert_nonnull (strstr (text, "raw HTML omitted"));
  g_assert_nonnull (strstr (text, "שלום עולם"));
  g_assert_nonnull (strstr (text, "😀🙃"));
  g_assert_nonnull (strstr (text, "Serbia"));

  /* Records by date: month (2023), hostile (2024), latest (2025). */
  g_assert_true (strstr (text, "Known to the month") < strstr (text, "He said"));
  g_assert_true (strstr (text, "He said") < strstr (text, "The latest"));
  g_assert_true (g_str_has_suffix (text, "</html>\n"));
}

static void
test_markdown (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *text = NULL;

  text = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_MARKDOWN,
                      ACCORDS_EXPORT_OPTION_NONE, NULL);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "# "));
  g_assert_nonnull (strstr (text, "\\<script\\>"));
  g_assert_null (strstr (text, "<script>alert('x')"));
  /* The note is written as it is. */
  g_assert_nonnull (strstr (text, "**Bold** <script>alert('note')</script>"));
  g_assert_nonnull (strstr (text, "(<https://example.com/report?a=1&b=%3C2%3E>)"));
  g_assert_null (strstr (text, "(<javascript"));
  g_assert_true (strstr (text, "Known to the month") < strstr (text, "The latest"));
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *text = NULL;

  text = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_TEXT,
                      ACCORDS_EXPORT_OPTION_NONE, NULL);
  g_assert_true (g_str_has_prefix (text, "2023-02 — Known to the month\n"));
  g_assert_nonnull (strstr (text, "He said \"sign here\", then <script>alert('x')</script>"));
  g_assert_nonnull (strstr (text, "A report, \"quoted\" <https://example.com/report?a=1&b=<2>>"));
  g_assert_null (strstr (text, "\\<"));
  g_assert_null (strstr (text, "- **"));
}

static void
test_ics (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  guint64 n_exported = 0;
  guint n_events = 0;

  text = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_ICS,
                      ACCORDS_EXPORT_OPTION_NONE, &n_exported);
  g_assert_cmpuint (n_exported, ==, 3);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20240512\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20240515\r\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      g_autofree char *start_text = g_strdup_printf ("%04d-%02d-%02d",
                                                     start.year, start.month, start.day);
      g_autofree char *end_text = g_strdup_printf ("%04d-%02d-%02d",
                                                   end.year, end.month, end.day);

      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      n_events++;

      if (strcmp (uid, "hostile-uid-1") == 0)
        {
          g_assert_cmpstr (start_text, ==, "2024-05-12");
          g_assert_cmpstr (end_text, ==, "2024-05-15");
          g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                           "He said \"sign here\", then <script>alert('x')</script>");
          g_assert_true (g_str_has_prefix (icalcomponent_get_description (event),
                                           INJECTION "\nLine two, with a comma"));
          g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (event,
                                                                                   ICAL_URL_PROPERTY)),
                           ==, "https://example.com/report?a=1&b=<2>");
        }
      else if (strcmp (uid, "late-uid") == 0)
        {
          g_assert_cmpstr (start_text, ==, "2025-01-31");
          g_assert_cmpstr (end_text, ==, "2025-02-01");
        }
      else if (strcmp (uid, "month-uid") == 0)
        {
          g_assert_cmpstr (start_text, ==, "2023-02-01");
          g_assert_cmpstr (end_text, ==, "2023-03-01");
        }
      else
        {
          g_assert_not_reached ();
        }
    }

  g_assert_cmpuint (n_events, ==, 3);
  icalcomponent_free (calendar);
}

static char *
strip_exported (const char *text)
{
  g_autoptr(GRegex) regex = g_regex_new ("^  \"exported\" : \"[^\"]*\",\n", G_REGEX_MULTILINE,
                                         0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(AccordsStore) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsRecord) a = NULL;
  g_autoptr(AccordsRecord) b = NULL;
  g_autoptr(AccordsSource) source_a = NULL;
  g_autoptr(AccordsSource) source_b = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *first_body = NULL;
  g_autofree char *second_body = NULL;
  const char *strings[] = { "uid", "title", "summary", "event-date", "event-end",
                            "venue-city", "date-as-reported", "created", "modified" };
  guint n_sources;

  first = export_text (fixture->store, "", ACCORDS_EXPORT_FORMAT_JSON,
                       ACCORDS_EXPORT_OPTION_NONE, NULL);
  records = accords_json_read_data (first, -1, "export.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);

  empty = accords_store_open (path, &error);
  g_assert_no_error (error);
  accords_store_insert_records (empty, records, &error);
  g_assert_no_error (error);

  second = export_text (empty, "", ACCORDS_EXPORT_FORMAT_JSON, ACCORDS_EXPORT_OPTION_NONE, NULL);
  first_body = strip_exported (first);
  second_body = strip_exported (second);
  g_assert_cmpstr (first_body, !=, first);
  g_assert_cmpstr (first_body, ==, second_body);

  /* Field by field, on the hostile record. */
  a = accords_store_load_record_by_uid (fixture->store, "hostile-uid-1", &error);
  g_assert_no_error (error);
  b = accords_store_load_record_by_uid (empty, "hostile-uid-1", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *value_a = NULL;
      g_autofree char *value_b = NULL;

      g_object_get (a, strings[i], &value_a, NULL);
      g_object_get (b, strings[i], &value_b, NULL);
      g_assert_cmpstr (value_a, ==, value_b);
    }

  g_assert_cmpint (accords_record_get_kind (a), ==, accords_record_get_kind (b));
  g_assert_cmpint (accords_record_get_date_precision (a), ==, accords_record_get_date_precision (b));
  g_assert_true (g_strv_equal (accords_record_get_parties (a), accords_record_get_parties (b)));
  g_assert_true (g_strv_equal (accords_record_get_organizations (a),
                               accords_record_get_organizations (b)));
  g_assert_true (g_strv_equal (accords_record_get_topics (a), accords_record_get_topics (b)));
  g_assert_true (g_strv_equal (accords_annotation_get_tags (accords_record_get_annotation (a)),
                               accords_annotation_get_tags (accords_record_get_annotation (b))));
  g_assert_cmpstr (accords_annotation_get_note (accords_record_get_annotation (a)), ==,
                   accords_annotation_get_note (accords_record_get_annotation (b)));
  g_assert_cmpint (accords_annotation_get_starred (accords_record_get_annotation (a)), ==,
                   accords_annotation_get_starred (accords_record_get_annotation (b)));

  n_sources = g_list_model_get_n_items (accords_record_get_sources (a));
  g_assert_cmpuint (n_sources, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (b)), ==, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      g_clear_object (&source_a);
      g_clear_object (&source_b);
      source_a = g_list_model_get_item (accords_record_get_sources (a), i);
      source_b = g_list_model_get_item (accords_record_get_sources (b), i);
      g_assert_cmpstr (accords_source_get_title (source_a), ==, accords_source_get_title (source_b));
      g_assert_cmpstr (accords_source_get_url (source_a), ==, accords_source_get_url (source_b));
      g_assert_cmpstr (accords_source_get_text (source_a), ==, accords_source_get_text (source_b));
      g_assert_cmpstr (accords_source_get_sha256 (source_a), ==,
                       accords_source_get_sha256 (source_b));
    }

  g_clear_object (&empty);
}

static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsRecord) late = NULL;
  g_autoptr(AccordsRecord) month = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 ids[2];
  guint64 n_exported = 0;

  late = accords_store_load_record_by_uid (fixture->store, "late-uid", &error);
  g_assert_no_error (error);
  month = accords_store_load_record_by_uid (fixture->store, "month-uid", &error);
  g_assert_no_error (error);
  ids[0] = accords_record_get_id (late);
  ids[1] = accords_record_get_id (month);

  accords_export_run (fixture->store, NULL, ids, 2, ACCORDS_EXPORT_FORMAT_MARKDOWN,
                      ACCORDS_EXPORT_OPTION_NONE, out, &n_exported, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  g_assert_cmpuint (n_exported, ==, 2);
  g_assert_null (strstr (text, "He said"));
  g_assert_nonnull (strstr (text, "The latest"));
  /* By date, whatever the order of the selection. */
  g_assert_true (strstr (text, "Known to the month") < strstr (text, "The latest"));
}


/* Exports load their records in blocks of 256; these check them against
 * the same writer fed one accords_store_load_record() at a time. */

#define N_BLOCK_RECORDS 600

static AccordsRecord *
make_varied_record (guint i)
{
  AccordsRecord *record = accords_record_new ();
  g_autofree char *uid = g_strdup_printf ("varied-%04u", i);
  g_autofree char *title = g_strdup_printf ("Record %u \"quoted\", with a comma", i);
  g_autofree char *date = g_strdup_printf ("20%02u-%02u-%02u", 10 + i % 15, 1 + i % 12,
                                           1 + i % 28);
  const char *countries[] = { "FR", "DE", "CN", "US", "BR", "IN", "JP", NULL };
  const char *topics[] = { "cloud_computing", "telecom_5g", "data_centres", NULL };
  const char *parties[4] = { NULL };
  const char *mentioned[3] = { NULL };
  const char *orgs[3] = { NULL };

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, title);
  accords_record_set_kind (record, i % 3 == 0 ? ACCORDS_KIND_MEETING : ACCORDS_KIND_VISIT);
  if (i % 10 != 0)
    accords_record_set_event_date (record, date);
  accords_record_set_summary (record, i % 2 == 0 ? "Line one\nline two" : "");
  accords_record_set_origin (record, ACCORDS_ORIGIN_IMPORT);

  /* Countries in an order that is not the alphabetical one. */
  for (guint k = 0; k < i % 4; k++)
    parties[k] = countries[(i + 3 * k) % 7];
  accords_record_set_parties (record, parties);
  if (i % 5 == 0)
    {
      mentioned[0] = countries[(i + 1) % 7] == parties[0] ? "ZA" : countries[(i + 1) % 7];
      accords_record_set_mentioned (record, mentioned);
    }
  if (i % 2 == 1)
    accords_record_set_topics (record, (const char *[]) { topics[(i / 2) % 3], topics[0] ==
                                                          topics[(i / 2) % 3] ? NULL : topics[0],
                                                          NULL });
  if (i % 3 == 1)
    {
      orgs[0] = "Ministry of Works";
      orgs[1] = i % 2 == 0 ? "=Formula Org" : NULL;
      accords_record_set_organizations (record, orgs);
    }

  for (guint k = 0; k < i % 3; k++)
    {
      g_autoptr(AccordsPerson) person = accords_person_new (k == 0 ? "Ana Souza" : "Li Wei",
                                                            k == 0 ? "Minister" : NULL,
                                                            k == 0 ? "BR" : NULL);

      accords_record_add_person (record, person);
    }

  if (i % 7 == 0)
    {
      g_autoptr(AccordsFigure) whole = accords_figure_new ("investment");
      g_autoptr(AccordsFigure) fraction = accords_figure_new ("share");
      g_autoptr(AccordsFigure) none = accords_figure_new ("sites");

      accords_figure_set_value (whole, 1500000000, TRUE);
      accords_figure_set_unit (whole, "USD");
      accords_figure_set_year (whole, 2023);
      accords_figure_set_value (fraction, i % 2 == 0 ? 0.6 : 1e22, FALSE);
      accords_figure_set_text (fraction, "about 60 %");
      accords_record_add_figure (record, whole);
      accords_record_add_figure (record, fraction);
      accords_record_add_figure (record, none);
    }

  for (guint k = 0; k < i % 3; k++)
    {
      g_autoptr(AccordsSource) source = accords_source_new ();
      g_autofree char *url = g_strdup_printf ("https://example.com/%u/%u", i, k);

      accords_source_set_title (source, k == 0 ? "First report" : NULL);
      accords_source_set_url (source, url);
      accords_source_set_outlet (source, "Example News");
      /* Texts are unique in a library: empty, or naming their record. */
      accords_source_set_text (source, k == 0 ? url : "");
      accords_record_add_source (record, source);
    }

  if (i % 11 == 3)
    {
      g_autofree char *other = g_strdup_printf ("varied-%04u", i - 1);

      accords_record_add_link (record, "follow_up_of", other);
      accords_record_add_link (record, "same_trip", "elsewhere-uid");
    }

  if (i % 4 == 2)
    {
      g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();

      accords_annotation_set_note (annotation, i % 8 == 2 ? "A *note*" : "");
      accords_annotation_set_starred (annotation, i % 8 == 2);
      accords_annotation_set_review (annotation, ACCORDS_REVIEW_VERIFIED);
      accords_annotation_set_tags (annotation,
                                   (const char *[]) { "zeta", "Alpha", i % 3 ? "beta" : NULL,
                                                      NULL });
      accords_record_set_annotation (record, annotation);
      accords_record_set_starred (record, i % 8 == 2);
    }

  return record;
}

/* Writes @ids (in the order given) with @format's writer, one record
 * loaded at a time. */
static char *
export_one_by_one (AccordsStore        *store,
                   GArray              *ids,
                   AccordsExportFormat  format)
{
  const AccordsExportWriter *writer = format == ACCORDS_EXPORT_FORMAT_CSV
                                        ? &_accords_export_csv_writer
                                        : &_accords_export_json_writer;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  AccordsExportContext ctx = { 0 };

  ctx.out = out;
  ctx.exported = now;
  ctx.n_records = ids->len;
  ctx.buffer = buffer;

  g_assert_true (writer->begin (&ctx, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AccordsRecord) record = NULL;
      gboolean skipped = FALSE;

      record = accords_store_load_record (store, g_array_index (ids, gint64, i), &error);
      g_assert_no_error (error);
      g_assert_true (writer->record (&ctx, record, &skipped, &error));
      g_assert_no_error (error);
    }
  g_assert_true (writer->finish (&ctx, &error));
  g_assert_no_error (error);
  writer->clear (&ctx);

  g_output_stream_write_all (out, buffer->str, buffer->len, NULL, NULL, &error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_ids (AccordsStore        *store,
            GArray              *ids,
            AccordsExportFormat  format)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  guint64 n_exported = 0;

  accords_export_run (store, NULL, (const gint64 *) ids->data, ids->len, format,
                      ACCORDS_EXPORT_OPTION_NONE, out, &n_exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, ids->len);
  g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_blocks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(AccordsQuery) query = accords_query_new ();
  g_autoptr(GError) error = NULL;
  AccordsExportFormat formats[] = { ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_FORMAT_JSON };

  for (guint i = 0; i < N_BLOCK_RECORDS; i++)
    g_ptr_array_add (records, make_varied_record (i));
  accords_store_insert_records (fixture->store, records, &error);
  g_assert_no_error (error);

  accords_query_set_sort (query, ACCORDS_SORT_DATE, TRUE);
  accords_store_query_ids (fixture->store, query, ids, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, N_BLOCK_RECORDS + 3);

  /* A query: its ids are streamed, a block at a time. */
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autofree char *expected = export_one_by_one (fixture->store, ids, formats[f]);
      g_autofree char *streamed = NULL;
      g_autofree char *expected_body = NULL;
      g_autofree char *streamed_body = NULL;
      guint64 n_exported = 0;

      accords_export_run (fixture->store, query, NULL, 0, formats[f], ACCORDS_EXPORT_OPTION_NONE,
                          out, &n_exported, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (n_exported, ==, ids->len);
      g_output_stream_write_all (out, "", 1, NULL, NULL, &error);
      g_output_stream_close (out, NULL, &error);
      g_assert_no_error (error);
      streamed = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

      expected_body = strip_exported (expected);
      streamed_body = strip_exported (streamed);
      g_assert_cmpstr (streamed_body, ==, expected_body);
    }

  /* The same record twice, once across a block boundary. */
  g_array_insert_val (ids, 5, g_array_index (ids, gint64, 2));
  g_array_insert_val (ids, 300, g_array_index (ids, gint64, 7));

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *expected = export_one_by_one (fixture->store, ids, formats[f]);
      g_autofree char *blocks = export_ids (fixture->store, ids, formats[f]);
      g_autofree char *expected_body = strip_exported (expected);
      g_autofree char *blocks_body = strip_exported (blocks);

      g_assert_cmpstr (blocks_body, ==, expected_body);
    }

  /* A fraction prints in its shortest form, as a fraction. */
  {
    g_autofree char *json = export_ids (fixture->store, ids, ACCORDS_EXPORT_FORMAT_JSON);

    g_assert_nonnull (strstr (json, "\n          \"value\" : 0.6,\n"));
    g_assert_nonnull (strstr (json, "\n          \"value\" : 1e+22,\n"));
    g_assert_nonnull (strstr (json, "\n          \"value\" : 1500000000,\n"));
  }
}

static void
test_blocks_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(AccordsRecord) late = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[2];

  late = accords_store_load_record_by_uid (fixture->store, "late-uid", &error);
  g_assert_no_error (error);
  ids[0] = accords_record_get_id (late);
  ids[1] = 987654;

  g_assert_false (accords_export_run (fixture->store, NULL, ids, 2, ACCORDS_EXPORT_FORMAT_CSV,
                                      ACCORDS_EXPORT_OPTION_NONE, out, NULL, NULL, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND);
}

/* The JSON writer prints records itself; its strings must come out as
 * json-glib's generator prints them, byte for byte. */
static void
test_json_escapes (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GString) title = g_string_new ("all: ");
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;
  g_autofree char *json = NULL;

  for (int c = 1; c < 0x80; c++)
    g_string_append_c (title, (char) c);
  g_string_append (title, " «ψ» 🚀 \xe2\x80\xa8 end");

  g_ptr_array_add (records, make_plain_record ("escape-uid", "2020-01-01", title->str));
  accords_store_insert_records (fixture->store, records, &error);
  g_assert_no_error (error);

  json_node_set_string (node, title->str);
  json_generator_set_root (generator, node);
  escaped = json_generator_to_data (generator, NULL);
  line = g_strdup_printf ("\n      \"title\" : %s,\n", escaped);

  json = export_text (fixture->store, "year:2020", ACCORDS_EXPORT_FORMAT_JSON,
                      ACCORDS_EXPORT_OPTION_NONE, NULL);
  g_assert_nonnull (strstr (json, line));
}

static void
test_file_atomic (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "out.csv", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint64 n_exported = 0;

  /* A folder that does not exist: an error, and nothing written. */
  g_assert_false (accords_export_to_file (fixture->store, NULL, NULL, 0,
                                          ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_OPTION_NONE,
                                          missing_file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A failed export into a new file leaves no file. */
  g_cancellable_cancel (cancellable);
  g_assert_false (accords_export_to_file (fixture->store, NULL, NULL, 0,
                                          ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_OPTION_NONE,
                                          file, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (accords_export_to_file (fixture->store, NULL, NULL, 0,
                                         ACCORDS_EXPORT_FORMAT_JSON, ACCORDS_EXPORT_OPTION_NONE,
                                         file, &n_exported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 3);

  /* A failed export over an existing file leaves it as it was. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(AccordsQuery) query = accords_query_parse ("kind:meeting", NULL, NULL, NULL);
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();
    g_autofree char *after = NULL;

    g_cancellable_cancel (cancelled);
    g_assert_false (accords_export_to_file (fixture->store, query, NULL, 0,
                                            ACCORDS_EXPORT_FORMAT_CSV, ACCORDS_EXPORT_OPTION_NONE,
                                            file, NULL, cancelled, &error));
    g_clear_error (&error);
    g_file_get_contents (path, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (after, ==, contents);
  }

  g_assert_cmpint (g_remove (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/formats", test_formats);
  g_test_add ("/export/csv/hostile", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/export/html/hostile", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/export/markdown/hostile", Fixture, NULL,
              fixture_set_up, test_markdown, fixture_tear_down);
  g_test_add ("/export/text/hostile", Fixture, NULL, fixture_set_up, test_text, fixture_tear_down);
  g_test_add ("/export/ics/hostile", Fixture, NULL, fixture_set_up, test_ics, fixture_tear_down);
  g_test_add ("/export/json/round-trip", Fixture, NULL,
              fixture_set_up, test_json_round_trip, fixture_tear_down);
  g_test_add ("/export/selection", Fixture, NULL,
              fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/export/blocks", Fixture, NULL, fixture_set_up, test_blocks, fixture_tear_down);
  g_test_add ("/export/blocks/missing", Fixture, NULL,
              fixture_set_up, test_blocks_missing, fixture_tear_down);
  g_test_add ("/export/json/generator-escapes", Fixture, NULL,
              fixture_set_up, test_json_escapes, fixture_tear_down);
  g_test_add ("/export/file/atomic", Fixture, NULL,
              fixture_set_up, test_file_atomic, fixture_tear_down);

  return g_test_run ();
}
