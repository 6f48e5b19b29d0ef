/* accords-format.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-format"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "accords-country.h"
#include "accords-format.h"
#include "accords-record.h"

/* Dates shown to the user, in their language: month names come from the
 * locale through g_date_time_format(), the order of the parts from the
 * translation of the format strings below. */

static GDateTime *
parse_iso_date (const char *iso)
{
  static const char pattern[] = "dddd-dd-dd";
  int year, month, day;

  if (iso == NULL || strlen (iso) != strlen (pattern))
    return NULL;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (iso[i]) : iso[i] != pattern[i])
        return NULL;
    }

  year = (int) g_ascii_strtoll (iso, NULL, 10);
  month = (int) g_ascii_strtoll (iso + 5, NULL, 10);
  day = (int) g_ascii_strtoll (iso + 8, NULL, 10);

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

static gboolean
same_month (GDateTime *a,
            GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_month (a) == g_date_time_get_month (b);
}

static char *
join_range (const char *first,
            const char *last,
            gboolean    spaced)
{
  if (spaced)
    /* Translators: a range of dates whose ends have several words,
     * e.g. "28 February – 2 March 2025" */
    return g_strdup_printf (_("%s – %s"), first, last);

  /* Translators: a range whose start is one word, e.g. "25–27 February 2025" */
  return g_strdup_printf (_("%s–%s"), first, last);
}

static char *
format_span (GDateTime            *start,
             GDateTime            *end,
             AccordsDatePrecision  precision)
{
  /* An end on or before the start is no range. */
  if (end != NULL && g_date_time_compare (start, end) >= 0)
    end = NULL;

  if (precision == ACCORDS_DATE_PRECISION_YEAR)
    {
      if (end != NULL && g_date_time_get_year (start) != g_date_time_get_year (end))
        {
          g_autofree char *first = g_date_time_format (start, "%Y");
          g_autofree char *last = g_date_time_format (end, "%Y");

          return join_range (first, last, FALSE);
        }

      return g_date_time_format (start, "%Y");
    }

  if (precision == ACCORDS_DATE_PRECISION_MONTH)
    {
      if (end != NULL && !same_month (start, end))
        {
          g_autofree char *first = NULL;
          /* Translators: a date known to the month, e.g. "May 2023"; see strftime(3) */
          g_autofree char *last = g_date_time_format (end, _("%B %Y"));

          if (g_date_time_get_year (start) == g_date_time_get_year (end))
            /* Translators: the first month of a range within one year; see strftime(3) */
            first = g_date_time_format (start, C_("month range", "%B"));
          else
            first = g_date_time_format (start, _("%B %Y"));

          return join_range (first, last, TRUE);
        }

      return g_date_time_format (start, _("%B %Y"));
    }

  if (end == NULL)
    /* Translators: a full date, e.g. "27 February 2025"; see strftime(3) */
    return g_date_time_format (start, _("%-d %B %Y"));

  if (same_month (start, end))
    {
      /* Translators: the first day of a range within one month, e.g. the
       * "25" of "25–27 February 2025"; see strftime(3) */
      g_autofree char *first = g_date_time_format (start, C_("day range", "%-d"));
      g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

      return join_range (first, last, FALSE);
    }

  if (g_date_time_get_year (start) == g_date_time_get_year (end))
    {
      /* Translators: the start of a range within one year, e.g. "28 February"; see strftime(3) */
      g_autofree char *first = g_date_time_format (start, _("%-d %B"));
      g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

      return join_range (first, last, TRUE);
    }

  {
    g_autofree char *first = g_date_time_format (start, _("%-d %B %Y"));
    g_autofree char *last = g_date_time_format (end, _("%-d %B %Y"));

    return join_range (first, last, TRUE);
  }
}

/**
 * accords_format_date:
 * @start: (nullable): the first day, as YYYY-MM-DD
 * @end: (nullable): the last day of a range, as YYYY-MM-DD
 * @precision: how much of @start is known
 * @qualifier: how sure the date is
 *
 * Formats a date as a user reads it, in their language: "25–27 February
 * 2025", "May 2023", "about 24 May 2023". A missing start gives "Date
 * unknown"; a start that is no date is returned as it is written.
 *
 * Returns: (transfer full): the text
 */
char *
accords_format_date (const char           *start,
                     const char           *end,
                     AccordsDatePrecision  precision,
                     AccordsDateQualifier  qualifier)
{
  g_autoptr(GDateTime) first = parse_iso_date (start);
  g_autoptr(GDateTime) last = parse_iso_date (end);
  g_autofree char *span = NULL;

  if (start == NULL || start[0] == '\0')
    return g_strdup (_("Date unknown"));

  if (first == NULL)
    return g_strdup (start);

  span = format_span (first, last, precision);

  switch (qualifier)
    {
    case ACCORDS_DATE_QUALIFIER_ABOUT:
      /* Translators: an approximate date, e.g. "about 24 May 2023" */
      return g_strdup_printf (_("about %s"), span);

    case ACCORDS_DATE_QUALIFIER_BEFORE:
      /* Translators: the event happened before this date */
      return g_strdup_printf (_("before %s"), span);

    case ACCORDS_DATE_QUALIFIER_AFTER:
      /* Translators: the event happened after this date */
      return g_strdup_printf (_("after %s"), span);

    case ACCORDS_DATE_QUALIFIER_EXACT:
    default:
      return g_steal_pointer (&span);
    }
}

/**
 * accords_format_event_date:
 * @record: a record
 *
 * Formats the event's date with accords_format_date().
 *
 * Returns: (transfer full): the text
 */
char *
accords_format_event_date (AccordsRecord *record)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (record), NULL);

  return accords_format_date (accords_record_get_event_date (record),
                              accords_record_get_event_end (record),
                              accords_record_get_date_precision (record),
                              accords_record_get_date_qualifier (record));
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

  /* Translators: a full date, e.g. "27 February 2025"; see strftime(3) */
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
