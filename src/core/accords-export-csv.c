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

/* The lists are joined in one scratch string that lives as long as the
 * export (ctx->data), rather than in a new string per cell and record. */
static const char *
join_strv (GString            *scratch,
           const char * const *strv)
{
  g_string_truncate (scratch, 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (scratch, LIST_SEPARATOR);
      g_string_append (scratch, strv[i]);
    }

  return scratch->str;
}

static const char *
join_people (GString       *scratch,
             AccordsRecord *record)
{
  GListModel *people = accords_record_get_people (record);
  guint n_items = g_list_model_get_n_items (people);

  g_string_truncate (scratch, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      const char *role = accords_person_get_role (person);
      const char *country = accords_person_get_country (person);

      if (i > 0)
        g_string_append (scratch, LIST_SEPARATOR);
      g_string_append (scratch, accords_person_get_name (person));
      if (role != NULL && role[0] != '\0')
        g_string_append_printf (scratch, " (%s)", role);
      if (country != NULL && country[0] != '\0')
        g_string_append_printf (scratch, " [%s]", country);
    }

  return scratch->str;
}

static const char *
join_sources (GString       *scratch,
              AccordsRecord *record,
              gboolean       urls)
{
  GListModel *sources = accords_record_get_sources (record);
  guint n_items = g_list_model_get_n_items (sources);

  g_string_truncate (scratch, 0);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
      const char *value = urls ? accords_source_get_url (source)
                               : accords_source_get_title (source);

      if (i > 0)
        g_string_append (scratch, LIST_SEPARATOR);
      g_string_append (scratch, value != NULL ? value : "");
    }

  return scratch->str;
}

static gboolean
csv_begin (AccordsExportContext  *ctx,
           GError               **error)
{
  ctx->data = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (ctx, columns[i], i == 0);
  g_string_append (ctx->buffer, "\r\n");

  return TRUE;
}

/* The cells in the order of columns[]. */
static gboolean
csv_record (AccordsExportContext  *ctx,
            AccordsRecord         *record,
            gboolean              *skipped,
            GError               **error)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  const char * const *parties = accords_record_get_parties (record);
  g_autofree char *party_names = accords_country_join_localized (parties, LIST_SEPARATOR);
  GString *scratch = ctx->data;
  AccordsReview review;

  append_cell (ctx, accords_record_get_uid (record), TRUE);
  append_cell (ctx, accords_record_get_event_date (record), FALSE);
  append_cell (ctx, accords_record_get_event_end (record), FALSE);
  append_cell (ctx, accords_date_precision_to_string (accords_record_get_date_precision (record)),
               FALSE);
  append_cell (ctx, accords_date_qualifier_to_string (accords_record_get_date_qualifier (record)),
               FALSE);
  append_cell (ctx, accords_record_get_date_as_reported (record), FALSE);
  append_cell (ctx, accords_kind_to_string (accords_record_get_kind (record)), FALSE);
  append_cell (ctx, accords_record_get_title (record), FALSE);
  append_cell (ctx, join_strv (scratch, parties), FALSE);
  append_cell (ctx, party_names, FALSE);
  append_cell (ctx, join_strv (scratch, accords_record_get_mentioned (record)), FALSE);
  append_cell (ctx, accords_record_get_venue_city (record), FALSE);
  append_cell (ctx, accords_record_get_venue_country (record), FALSE);
  append_cell (ctx, accords_record_get_venue_forum (record), FALSE);
  append_cell (ctx, accords_record_get_venue_virtual (record) ? "true" : "false", FALSE);
  append_cell (ctx, join_people (scratch, record), FALSE);
  append_cell (ctx, join_strv (scratch, accords_record_get_organizations (record)), FALSE);
  append_cell (ctx, join_strv (scratch, accords_record_get_topics (record)), FALSE);
  append_cell (ctx, accords_record_get_summary (record), FALSE);
  append_cell (ctx, join_sources (scratch, record, FALSE), FALSE);
  append_cell (ctx, join_sources (scratch, record, TRUE), FALSE);
  append_cell (ctx, accords_record_get_starred (record) ? "true" : "false", FALSE);
  review = annotation != NULL ? accords_annotation_get_review (annotation)
                              : ACCORDS_REVIEW_UNREVIEWED;
  append_cell (ctx, accords_review_to_string (review), FALSE);
  if (annotation != NULL)
    {
      append_cell (ctx, join_strv (scratch, accords_annotation_get_tags (annotation)), FALSE);
      append_cell (ctx, accords_annotation_get_note (annotation), FALSE);
    }
  else
    {
      append_cell (ctx, NULL, FALSE);
      append_cell (ctx, NULL, FALSE);
    }
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
  if (ctx->data != NULL)
    g_string_free (ctx->data, TRUE);
  ctx->data = NULL;
}

const AccordsExportWriter _accords_export_csv_writer = {
  csv_begin, csv_record, csv_finish, csv_clear,
};
