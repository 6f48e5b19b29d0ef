/* test-format.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <locale.h>

#include "accords-format.h"
#include "accords-record.h"

/* Run under LC_ALL=C.UTF-8 with no translation, so month names are English. */

static void
assert_date (const char           *start,
             const char           *end,
             AccordsDatePrecision  precision,
             AccordsDateQualifier  qualifier,
             const char           *expected)
{
  g_autofree char *text = accords_format_date (start, end, precision, qualifier);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_precision (void)
{
  assert_date ("2025-02-27", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "27 February 2025");
  assert_date ("2025-02-01", NULL, ACCORDS_DATE_PRECISION_MONTH,
               ACCORDS_DATE_QUALIFIER_EXACT, "February 2025");
  assert_date ("2025-01-01", NULL, ACCORDS_DATE_PRECISION_YEAR,
               ACCORDS_DATE_QUALIFIER_EXACT, "2025");
  assert_date ("0987-03-04", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "4 March 987");
}

static void
test_format_range_same_month (void)
{
  assert_date ("2025-02-25", "2025-02-27", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "25–27 February 2025");
  /* An end equal to or before the start is no range. */
  assert_date ("2025-02-25", "2025-02-25", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "25 February 2025");
  assert_date ("2025-02-25", "2025-02-20", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "25 February 2025");
}

static void
test_format_range_cross_month (void)
{
  assert_date ("2025-02-28", "2025-03-02", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "28 February – 2 March 2025");
  assert_date ("2023-05-01", "2023-06-01", ACCORDS_DATE_PRECISION_MONTH,
               ACCORDS_DATE_QUALIFIER_EXACT, "May – June 2023");
  /* Within one month, a month-precise range is that month. */
  assert_date ("2023-05-01", "2023-05-20", ACCORDS_DATE_PRECISION_MONTH,
               ACCORDS_DATE_QUALIFIER_EXACT, "May 2023");
}

static void
test_format_range_cross_year (void)
{
  assert_date ("2024-12-30", "2025-01-02", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "30 December 2024 – 2 January 2025");
  assert_date ("2024-12-01", "2025-01-01", ACCORDS_DATE_PRECISION_MONTH,
               ACCORDS_DATE_QUALIFIER_EXACT, "December 2024 – January 2025");
  assert_date ("2023-01-01", "2024-01-01", ACCORDS_DATE_PRECISION_YEAR,
               ACCORDS_DATE_QUALIFIER_EXACT, "2023–2024");
}

static void
test_format_qualifiers (void)
{
  assert_date ("2023-05-24", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_ABOUT, "about 24 May 2023");
  assert_date ("2023-05-23", "2023-05-25", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_ABOUT, "about 23–25 May 2023");
  assert_date ("2023-05-01", NULL, ACCORDS_DATE_PRECISION_MONTH,
               ACCORDS_DATE_QUALIFIER_BEFORE, "before May 2023");
  assert_date ("2023-01-01", NULL, ACCORDS_DATE_PRECISION_YEAR,
               ACCORDS_DATE_QUALIFIER_AFTER, "after 2023");
}

static void
test_format_unknown (void)
{
  assert_date (NULL, NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "Date unknown");
  assert_date ("", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_ABOUT, "Date unknown");
}

static void
test_format_invalid (void)
{
  /* Not a date: shown as written, never guessed at. */
  assert_date ("2025-02-30", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "2025-02-30");
  assert_date ("2025-13-01", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "2025-13-01");
  assert_date ("2025-2-3", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "2025-2-3");
  assert_date ("next spring", NULL, ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "next spring");
  /* An invalid end is ignored. */
  assert_date ("2025-02-25", "2025-02-31", ACCORDS_DATE_PRECISION_DAY,
               ACCORDS_DATE_QUALIFIER_EXACT, "25 February 2025");
}

static void
test_format_record (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autofree char *unknown = NULL;
  g_autofree char *range = NULL;
  g_autofree char *short_date = NULL;
  g_autofree char *iso = NULL;

  unknown = accords_format_event_date (record);
  g_assert_cmpstr (unknown, ==, "Date unknown");

  accords_record_set_event_date (record, "2025-02-25");
  accords_record_set_event_end (record, "2025-02-27");
  range = accords_format_event_date (record);
  g_assert_cmpstr (range, ==, "25–27 February 2025");

  short_date = accords_format_event_date_short (record);
  g_assert_cmpstr (short_date, ==, "25 Feb 2025");

  iso = accords_format_iso_date ("2024-11-19");
  g_assert_cmpstr (iso, ==, "19 November 2024");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/format/date/precision", test_format_precision);
  g_test_add_func ("/format/date/range-same-month", test_format_range_same_month);
  g_test_add_func ("/format/date/range-cross-month", test_format_range_cross_month);
  g_test_add_func ("/format/date/range-cross-year", test_format_range_cross_year);
  g_test_add_func ("/format/date/qualifiers", test_format_qualifiers);
  g_test_add_func ("/format/date/unknown", test_format_unknown);
  g_test_add_func ("/format/date/invalid", test_format_invalid);
  g_test_add_func ("/format/date/record", test_format_record);

  return g_test_run ();
}
