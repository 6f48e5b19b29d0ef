/* accords-format.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-country.h"
#include "accords-format.h"
#include "accords-record.h"

/* Dates shown to the user, in their language: month names come from the
 * locale through g_date_time_format(), the order of the parts from the
 * translation of the format strings below. */

static GDateTime *
parse_iso_date (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  if (!g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static char *
format_span (GDateTime            *start,
             GDateTime            *end,
             AccordsDatePrecision  precision)
{
  if (precision == ACCORDS_DATE_PRECISION_YEAR)
    /* Translators: a date known to the year; see strftime(3) */
    return g_date_time_format (start, _("%Y"));

  if (precision == ACCORDS_DATE_PRECISION_MONTH)
    /* Translators: a date known to the month; see strftime(3) */
    return g_date_time_format (start, _("%B %Y"));

  if (end == NULL || g_date_time_compare (start, end) >= 0)
    /* Translators: a full date, e.g. 27 February 2025; see strftime(3) */
    return g_date_time_format (start, _("%-d %B %Y"));

  if (g_date_time_get_year (start) == g_date_time_get_year (end) &&
      g_date_time_get_month (start) == g_date_time_get_month (end))
    {
      g_autofree char *first = g_date_time_format (start, "%-d");
      /* Translators: the end of a range within one month: 27 February 2025 */
      g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

      /* Translators: a range of days, e.g. 25–27 February 2025 */
      return g_strdup_printf (_("%s–%s"), first, last);
    }

  if (g_date_time_get_year (start) == g_date_time_get_year (end))
    {
      /* Translators: the start of a range within one year: 28 February */
      g_autofree char *first = g_date_time_format (start, _("%-d %B"));
      g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

      /* Translators: a range of dates with spaces, e.g. 28 February – 2 March 2025 */
      return g_strdup_printf (_("%s – %s"), first, last);
    }

  {
    g_autofree char *first = g_date_time_format (start, _("%-d %B %Y"));
    g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

    return g_strdup_printf (_("%s – %s"), first, last);
  }
}

/**
 * accords_format_event_date:
 * @record: a record
 *
 * Formats the event's date as a user reads it: "25–27 February 2025",
 * "May 2023", "about 24 May 2023", or "Date unknown".
 *
 * Returns: (transfer full): the text
 */
char *
accords_format_event_date (AccordsRecord *record)
{
  g_autoptr(GDateTime) start = parse_iso_date (accords_record_get_event_date (record));
  g_autoptr(GDateTime) end = parse_iso_date (accords_record_get_event_end (record));
  g_autofree char *span = NULL;

  if (start == NULL)
    return g_strdup (_("Date unknown"));

  span = format_span (start, end, accords_record_get_date_precision (record));

  switch (accords_record_get_date_qualifier (record))
    {
    case ACCORDS_DATE_QUALIFIER_ABOUT:
      /* Translators: an approximate date */
      return g_strdup_printf (_("about %s"), span);

    case ACCORDS_DATE_QUALIFIER_BEFORE:
      /* Translators: the event happened on or before this date */
      return g_strdup_printf (_("by %s"), span);

    case ACCORDS_DATE_QUALIFIER_AFTER:
      /* Translators: the event happened on or after this date */
      return g_strdup_printf (_("from %s"), span);

    case ACCORDS_DATE_QUALIFIER_EXACT:
    default:
      return g_steal_pointer (&span);
    }
}

/**
 * accords_format_event_date_short:
 * @record: a record
 *
 * Formats the event's start date for a list column: "25 Feb 2025",
 * "May 2023", "2023", or "" when it is unknown.
 *
 * Returns: (transfer full): the text
 */
char *
accords_format_event_date_short (AccordsRecord *record)
{
  g_autoptr(GDateTime) start = parse_iso_date (accords_record_get_event_date (record));

  if (start == NULL)
    return g_strdup ("");

  switch (accords_record_get_date_precision (record))
    {
    case ACCORDS_DATE_PRECISION_YEAR:
      return g_date_time_format (start, "%Y");

    case ACCORDS_DATE_PRECISION_MONTH:
      /* Translators: a short month and year for the list; see strftime(3) */
      return g_date_time_format (start, _("%b %Y"));

    case ACCORDS_DATE_PRECISION_DAY:
    default:
      /* Translators: a short date for the list, e.g. 25 Feb 2025; see strftime(3) */
      return g_date_time_format (start, _("%-d %b %Y"));
    }
}

/**
 * accords_format_iso_date:
 * @iso: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date in the user's words, the
 *   text itself when it is not a date, %NULL for %NULL
 */
char *
accords_format_iso_date (const char *iso)
{
  g_autoptr(GDateTime) date = parse_iso_date (iso);

  if (date == NULL)
    return g_strdup (iso);

  return g_date_time_format (date, _("%-d %B %Y"));
}

/**
 * accords_format_parties:
 * @record: a record
 *
 * Returns: (transfer full): the party countries' names in the user's
 *   language, joined by an en dash: "Iran – Serbia"
 */
char *
accords_format_parties (AccordsRecord *record)
{
  /* Translators: between the names of the countries of a dyad */
  return accords_country_join_localized (accords_record_get_parties (record), _(" – "));
}
