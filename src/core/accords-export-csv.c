/* accords-export-csv.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-export-csv"

#include "config.h"

#include <string.h>

#include "accords-annotation.h"
#include "accords-country.h"
#include "accords-export-private.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* CSV as RFC 4180 has it: UTF-8, CRLF between rows, a header row, a field
 * in double quotes when it holds a quote, a comma or a line break, quotes
 * doubled. Lists are joined with "; ". A cell that a spreadsheet would
 * read as a formula (it starts with =, +, -, @, tab or carriage return)
 * gets a leading apostrophe, unless the caller asked to keep formulas. */

#define LIST_SEPARATOR "; "

static const char * const columns[] = {
  "uid",
  "event_date",
  "event_end",
  "date_precision",
  "date_qualifier",
  "date_as_reported",
  "kind",
  "title",
  "parties",
  "party_names",
  "mentioned",
  "venue_city",
  "venue_country",
  "venue_forum",
  "venue_virtual",
  "people",
  "organizations",
  "topics",
  "summary",
  "source_titles",
  "source_urls",
  "starred",
  "review",
  "tags",
  "note",
};

static void
append_cell (AccordsExportContext *ctx,
             const char           *value,
             gboolean              first)
{
  GString *buffer = ctx->buffer;

  if (!first)
    g_string_append_c (buffer, ',');

  if (value == NULL)
    value = "";

  if ((ctx->options & ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS) == 0 &&
      value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL)
    {
      g_string_append (buffer, "\"'");
    }
  else if (value[strcspn (value, "\",\r\n")] != '\0')
    {
      g_string_append_c (buffer, '"');
    }
  else
    {
      g_string_append (buffer, value);
      return;
    }

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }

  g_string_append_c (buffer, '"');
}

static char *
join_strv (const char * const *strv)
{
  return g_strjoinv (LIST_SEPARATOR, (char **) strv);
}

static char *
join_people (AccordsRecord *record)
{
  GListModel *people = accords_record_get_people (record);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (people);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      const char *role = accords_person_get_role (person);
      const char *country = accords_person_get_country (person);

      if (i > 0)
        g_string_append (text, LIST_SEPARATOR);
      g_string_append (text, accords_person_get_name (person));
      if (role != NULL && role[0] != '\0')
        g_string_append_printf (text, " (%s)", role);
      if (country != NULL && country[0] != '\0')
        g_string_append_printf (text, " [%s]", country);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_sources (AccordsRecord *record,
              gboolean       urls)
{
  GListModel *sources = accords_record_get_sources (record);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_items = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
      const char *value = urls ? accords_source_get_url (source)
                               : accords_source_get_title (source);

      if (i > 0)
        g_string_append (text, LIST_SEPARATOR);
      g_string_append (text, value != NULL ? value : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
csv_begin (AccordsExportContext  *ctx,
           GError               **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (ctx, columns[i], i == 0);
  g_string_append (ctx->buffer, "\r\n");

  return TRUE;
}

static gboolean
csv_record (AccordsExportContext  *ctx,
            AccordsRecord         *record,
            gboolean              *skipped,
            GError               **error)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  const char * const *parties = accords_record_get_parties (record);
  g_autofree char *party_codes = join_strv (parties);
  g_autofree char *party_names = accords_country_join_localized (parties, LIST_SEPARATOR);
  g_autofree char *mentioned = join_strv (accords_record_get_mentioned (record));
  g_autofree char *people = join_people (record);
  g_autofree char *orgs = join_strv (accords_record_get_organizations (record));
  g_autofree char *topics = join_strv (accords_record_get_topics (record));
  g_autofree char *source_titles = join_sources (record, FALSE);
  g_autofree char *source_urls = join_sources (record, TRUE);
  g_autofree char *tags = NULL;
  const char *values[G_N_ELEMENTS (columns)];
  guint n = 0;

  if (annotation != NULL)
    tags = join_strv (accords_annotation_get_tags (annotation));

  values[n++] = accords_record_get_uid (record);
  values[n++] = accords_record_get_event_date (record);
  values[n++] = accords_record_get_event_end (record);
  values[n++] = accords_date_precision_to_string (accords_record_get_date_precision (record));
  values[n++] = accords_date_qualifier_to_string (accords_record_get_date_qualifier (record));
  values[n++] = accords_record_get_date_as_reported (record);
  values[n++] = accords_kind_to_string (accords_record_get_kind (record));
  values[n++] = accords_record_get_title (record);
  values[n++] = party_codes;
  values[n++] = party_names;
  values[n++] = mentioned;
  values[n++] = accords_record_get_venue_city (record);
  values[n++] = accords_record_get_venue_country (record);
  values[n++] = accords_record_get_venue_forum (record);
  values[n++] = accords_record_get_venue_virtual (record) ? "true" : "false";
  values[n++] = people;
  values[n++] = orgs;
  values[n++] = topics;
  values[n++] = accords_record_get_summary (record);
  values[n++] = source_titles;
  values[n++] = source_urls;
  values[n++] = accords_record_get_starred (record) ? "true" : "false";
  values[n++] = annotation != NULL
                  ? accords_review_to_string (accords_annotation_get_review (annotation))
                  : accords_review_to_string (ACCORDS_REVIEW_UNREVIEWED);
  values[n++] = tags;
  values[n++] = annotation != NULL ? accords_annotation_get_note (annotation) : NULL;
  g_assert (n == G_N_ELEMENTS (columns));

  for (guint i = 0; i < n; i++)
    append_cell (ctx, values[i], i == 0);
  g_string_append (ctx->buffer, "\r\n");

  return TRUE;
}

static gboolean
csv_finish (AccordsExportContext  *ctx,
            GError               **error)
{
  return TRUE;
}

static void
csv_clear (AccordsExportContext *ctx)
{
}

const AccordsExportWriter _accords_export_csv_writer = {
  csv_begin, csv_record, csv_finish, csv_clear,
};
