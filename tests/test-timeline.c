/* test-timeline.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accords-query.h"
#include "accords-timeline-layout.h"

static gint32
day (const char *iso)
{
  gint32 result = accords_timeline_day_from_iso (iso);

  g_assert_cmpint (result, >, 0);

  return result;
}

static void
add_item (GArray              *items,
          gint64               id,
          const char          *date,
          const char          *end,
          AccordsDatePrecision precision,
          AccordsKind          kind,
          const char          *parties,
          const char          *topics)
{
  AccordsTimelineItem item = { 0 };

  item.id = id;
  item.kind = kind;
  accords_timeline_item_set_dates (&item, date, end, precision);
  item.parties = parties != NULL ? g_strsplit (parties, ",", -1) : NULL;
  item.topics = topics != NULL ? g_strsplit (topics, ",", -1) : NULL;
  g_array_append_val (items, item);
}

static GPtrArray *
tick_labels (GArray *ticks)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (guint i = 0; i < ticks->len; i++)
    g_ptr_array_add (labels, g_array_index (ticks, AccordsTimelineTick, i).label);
  g_ptr_array_add (labels, NULL);

  return labels;
}

static void
assert_ticks (double                start,
              double                end,
              int                   width,
              AccordsTimelineScale  expected_scale,
              const char           *expected_first_iso,
              const char * const   *expected_labels)
{
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  AccordsTimelineScale scale;

  ticks = accords_timeline_compute_ticks (start, end, width, &scale);
  labels = tick_labels (ticks);

  g_assert_cmpint (scale, ==, expected_scale);
  g_assert_cmpuint (ticks->len, >, 0);
  g_assert_cmpfloat (g_array_index (ticks, AccordsTimelineTick, 0).day, ==, day (expected_first_iso));
  g_assert_cmpstrv ((const char * const *) labels->pdata, expected_labels);

  for (guint i = 0; i < ticks->len; i++)
    {
      const AccordsTimelineTick *tick = &g_array_index (ticks, AccordsTimelineTick, i);

      g_assert_cmpfloat (tick->day, >=, start);
      g_assert_cmpfloat (tick->day, <=, end);
      g_assert_cmpfloat_with_epsilon (tick->x, accords_timeline_day_to_x (start, end, width, tick->day), 1e-9);
    }
}

static void
test_ticks_days_leap (void)
{
  /* 27 Feb – 3 Mar 2024 crosses the leap day */
  const char *labels[] = { "27", "28", "29", "Mar 2024", "2", "3", NULL };

  assert_ticks (day ("2024-02-27"), day ("2024-03-03"), 600,
                ACCORDS_TIMELINE_SCALE_DAY, "2024-02-27", labels);
}

static void
test_ticks_days_no_leap (void)
{
  const char *labels[] = { "27", "28", "Mar 2023", "2", "3", NULL };

  assert_ticks (day ("2023-02-27"), day ("2023-03-03"), 600,
                ACCORDS_TIMELINE_SCALE_DAY, "2023-02-27", labels);
}

static void
test_ticks_days_month_end (void)
{
  const char *labels[] = { "30", "31", "Feb 2025", "2", NULL };

  assert_ticks (day ("2025-01-30") - 0.5, day ("2025-02-02") + 0.5, 400,
                ACCORDS_TIMELINE_SCALE_DAY, "2025-01-30", labels);
}

static void
test_ticks_weeks (void)
{
  /* Mondays; 2024-12-30 is one, and starts the new month label only in Jan */
  const char *labels[] = { "9 Dec", "16", "23", "30", "6 Jan", "13", NULL };

  assert_ticks (day ("2024-12-08"), day ("2025-01-18"), 500,
                ACCORDS_TIMELINE_SCALE_WEEK, "2024-12-09", labels);
}

static void
test_ticks_months (void)
{
  const char *labels[] = { "Nov", "Dec", "2025", "Feb", "Mar", NULL };

  assert_ticks (day ("2024-10-15"), day ("2025-03-31"), 600,
                ACCORDS_TIMELINE_SCALE_MONTH, "2024-11-01", labels);
}

static void
test_ticks_months_end (void)
{
  g_autoptr(GArray) ticks = NULL;
  AccordsTimelineScale scale;

  /* every tick is the first of a month, whatever the month's length */
  ticks = accords_timeline_compute_ticks (day ("2023-01-31"), day ("2024-12-31"), 2000, &scale);
  g_assert_cmpint (scale, ==, ACCORDS_TIMELINE_SCALE_MONTH);
  g_assert_cmpuint (ticks->len, ==, 23);
  for (guint i = 0; i < ticks->len; i++)
    {
      g_autofree char *iso = accords_timeline_day_to_iso (g_array_index (ticks, AccordsTimelineTick, i).day);

      g_assert_true (g_str_has_suffix (iso, "-01"));
    }
  g_assert_cmpfloat (g_array_index (ticks, AccordsTimelineTick, 1).day -
                     g_array_index (ticks, AccordsTimelineTick, 0).day, ==, 28);
  /* February 2024 has 29 days */
  g_assert_cmpfloat (g_array_index (ticks, AccordsTimelineTick, 13).day -
                     g_array_index (ticks, AccordsTimelineTick, 12).day, ==, 29);
}

static void
test_ticks_quarters (void)
{
  const char *labels[] = { "Apr", "Jul", "Oct", "2025", "Apr", "Jul", NULL };

  assert_ticks (day ("2024-02-10"), day ("2025-08-01"), 500,
                ACCORDS_TIMELINE_SCALE_QUARTER, "2024-04-01", labels);
}

static void
test_ticks_years (void)
{
  const char *labels[] = { "2019", "2020", "2021", "2022", "2023", "2024", "2025", NULL };

  assert_ticks (day ("2018-06-01"), day ("2025-06-01"), 500,
                ACCORDS_TIMELINE_SCALE_YEAR, "2019-01-01", labels);
}

static void
test_ticks_decades (void)
{
  const char *labels[] = { "1960", "1970", "1980", "1990", "2000", "2010", "2020", NULL };
  const char *wide_labels[] = { "1800", "1900", "2000", NULL };

  assert_ticks (day ("1955-01-01"), day ("2026-01-01"), 500,
                ACCORDS_TIMELINE_SCALE_DECADE, "1960-01-01", labels);
  /* multiples of decades when even decades do not fit */
  assert_ticks (day ("1750-01-01"), day ("2050-01-01"), 300,
                ACCORDS_TIMELINE_SCALE_DECADE, "1800-01-01", wide_labels);
}

static void
test_scales_all_levels (void)
{
  double start = day ("2024-01-01");

  g_assert_cmpint (accords_timeline_choose_scale (start, start + 10, 1000), ==, ACCORDS_TIMELINE_SCALE_DAY);
  g_assert_cmpint (accords_timeline_choose_scale (start, start + 60, 1000), ==, ACCORDS_TIMELINE_SCALE_WEEK);
  g_assert_cmpint (accords_timeline_choose_scale (start, start + 400, 1000), ==, ACCORDS_TIMELINE_SCALE_MONTH);
  g_assert_cmpint (accords_timeline_choose_scale (start, start + 1000, 1000), ==, ACCORDS_TIMELINE_SCALE_QUARTER);
  g_assert_cmpint (accords_timeline_choose_scale (start, start + 5000, 1000), ==, ACCORDS_TIMELINE_SCALE_YEAR);
  g_assert_cmpint (accords_timeline_choose_scale (start, start + 50000, 1000), ==, ACCORDS_TIMELINE_SCALE_DECADE);
}

static void
test_mapping (void)
{
  double start = day ("2024-01-01");
  double end = start + 366;

  g_assert_cmpfloat (accords_timeline_day_to_x (start, end, 732, start), ==, 0);
  g_assert_cmpfloat (accords_timeline_day_to_x (start, end, 732, end), ==, 732);
  g_assert_cmpfloat (accords_timeline_day_to_x (start, end, 732, day ("2024-03-01")), ==, 2 * 60);
  for (double x = 0; x <= 732; x += 17.5)
    g_assert_cmpfloat_with_epsilon (accords_timeline_day_to_x (start, end, 732,
                                      accords_timeline_x_to_day (start, end, 732, x)), x, 1e-9);
}

static void
test_dates (void)
{
  AccordsTimelineItem item = { 0 };

  g_assert_cmpint (accords_timeline_day_from_iso ("2024-02-30"), ==, 0);
  g_assert_cmpint (accords_timeline_day_from_iso ("20x4"), ==, 0);
  g_assert_cmpint (accords_timeline_day_from_iso (NULL), ==, 0);
  g_assert_cmpint (accords_timeline_day_from_iso ("2024-03"), ==, day ("2024-03-01"));

  g_assert_true (accords_timeline_item_set_dates (&item, "2024-02-01", NULL, ACCORDS_DATE_PRECISION_MONTH));
  g_assert_cmpint (item.end_day, ==, day ("2024-02-29"));
  g_assert_true (accords_timeline_item_set_dates (&item, "2023-02-01", NULL, ACCORDS_DATE_PRECISION_MONTH));
  g_assert_cmpint (item.end_day, ==, day ("2023-02-28"));
  g_assert_true (accords_timeline_item_set_dates (&item, "2024-01-01", NULL, ACCORDS_DATE_PRECISION_YEAR));
  g_assert_cmpint (item.end_day - item.day, ==, 365);
  g_assert_true (accords_timeline_item_set_dates (&item, "2025-02-10", "2025-02-12", ACCORDS_DATE_PRECISION_DAY));
  g_assert_cmpint (item.end_day - item.day, ==, 2);
  g_assert_false (accords_timeline_item_set_dates (&item, "soon", NULL, ACCORDS_DATE_PRECISION_DAY));
  g_assert_cmpint (item.day, ==, 0);
}

static GArray *
sample_items (void)
{
  GArray *items = accords_timeline_item_array_new ();

  add_item (items, 1, "2023-05-10", NULL, ACCORDS_DATE_PRECISION_DAY,
            ACCORDS_KIND_MOU_SIGNED, "RS,CN", "trade");
  add_item (items, 2, "2024-09-01", NULL, ACCORDS_DATE_PRECISION_MONTH,
            ACCORDS_KIND_STATEMENT, "IR", NULL);
  add_item (items, 3, "2025-02-10", "2025-02-12", ACCORDS_DATE_PRECISION_DAY,
            ACCORDS_KIND_VISIT, "IR,RS", "energy,trade");
  add_item (items, 4, "2025-02-11", NULL, ACCORDS_DATE_PRECISION_DAY,
            ACCORDS_KIND_MEETING, "RS,HU", "energy");
  add_item (items, 5, NULL, NULL, ACCORDS_DATE_PRECISION_DAY,
            ACCORDS_KIND_MEETING, "RS", NULL);

  return items;
}

static void
test_lanes (void)
{
  g_autoptr(GArray) items = sample_items ();
  g_autoptr(GArray) lanes = NULL;
  g_autoptr(GArray) placements = NULL;
  const AccordsTimelineItem *data = (const AccordsTimelineItem *) items->data;

  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_COUNTRY, 30, &placements);
  g_assert_cmpuint (lanes->len, ==, 4);
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 0).key, ==, "RS");
  g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, 0).count, ==, 3);
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 1).key, ==, "IR");
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 2).key, ==, "CN");
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 3).key, ==, "HU");
  g_assert_cmpuint (placements->len, ==, 7); /* the undated record has none */
  g_clear_pointer (&lanes, g_array_unref);
  g_clear_pointer (&placements, g_array_unref);

  /* folding: RS, then "2 more" holding CN and HU; IR kept */
  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_COUNTRY, 3, &placements);
  g_assert_cmpuint (lanes->len, ==, 3);
  g_assert_null (g_array_index (lanes, AccordsTimelineLane, 2).key);
  g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, 2).n_folded, ==, 2);
  g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, 2).count, ==, 2);
  g_clear_pointer (&lanes, g_array_unref);
  g_clear_pointer (&placements, g_array_unref);

  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_DYAD, 30, &placements);
  g_assert_cmpuint (lanes->len, ==, 4);
  for (guint i = 0; i < lanes->len; i++)
    g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, i).count, ==, 1);
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 0).key, ==, "CN-RS");
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 3).key, ==, "IR-RS");
  g_clear_pointer (&lanes, g_array_unref);
  g_clear_pointer (&placements, g_array_unref);

  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_TOPIC, 30, &placements);
  g_assert_cmpuint (lanes->len, ==, 3);
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 0).key, ==, "energy");
  g_assert_cmpstr (g_array_index (lanes, AccordsTimelineLane, 2).key, ==, ""); /* no topic */
  g_clear_pointer (&lanes, g_array_unref);
  g_clear_pointer (&placements, g_array_unref);

  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_KIND, 30, &placements);
  g_assert_cmpuint (lanes->len, ==, 4);
  g_assert_cmpuint (placements->len, ==, 4);
}

static void
test_stack_and_hit (void)
{
  g_autoptr(GArray) items = sample_items ();
  g_autoptr(GArray) lanes = NULL;
  g_autoptr(GArray) placements = NULL;
  const AccordsTimelineItem *data = (const AccordsTimelineItem *) items->data;
  AccordsTimelineLayout layout = { 20, 10, 4, 2 };
  double start = day ("2025-02-01");
  double end = day ("2025-03-01");
  double x, y;

  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_COUNTRY, 30, &placements);
  accords_timeline_stack (data, lanes, placements, start, end, 280, 8);

  /* RS lane: the visit (10–12 Feb, 30 px) and the meeting on the 11th overlap */
  g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, 0).n_rows, ==, 2);
  g_assert_cmpuint (g_array_index (lanes, AccordsTimelineLane, 1).n_rows, ==, 1);

  /* the visit spans 10 px per day from day 9 */
  x = 95;
  y = accords_timeline_lane_top (lanes, &layout, 0) + 5;
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, x, y), ==, 3);
  y += 10;
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 105, y), ==, 4);
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 200, y), ==, 0);

  /* IR lane, below the two rows of RS */
  y = accords_timeline_lane_top (lanes, &layout, 1);
  g_assert_cmpfloat (y, ==, 20 + 2 * 10 + 4);
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 119, y + 1), ==, 3);
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 121, y + 1), ==, 3); /* slop */
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 150, y + 1), ==, 0);
  g_assert_cmpint (accords_timeline_hit_test (data, lanes, placements, &layout, 95, 5), ==, 0);
}

static void
test_bins_brute_force (void)
{
  g_autoptr(GArray) items = accords_timeline_item_array_new ();
  g_autoptr(GArray) lanes = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autofree guint *counts = NULL;
  const char *countries[] = { "RS", "IR", "CN", "HU", "FR", "DE" };
  GRand *rand = g_rand_new_with_seed (42);
  double start = day ("2020-01-01");
  double end = start + 1460; /* 73 bins of 20 days */
  guint n_bins = 73;
  const AccordsTimelineItem *data;

  for (guint i = 0; i < 5000; i++)
    {
      AccordsTimelineItem item = { 0 };
      GStrvBuilder *builder = g_strv_builder_new ();
      guint n = g_rand_int_range (rand, 1, 4);

      item.id = i + 1;
      item.day = day ("2019-06-01") + g_rand_int_range (rand, 0, 2400);
      item.end_day = item.day;
      item.kind = g_rand_int_range (rand, 0, ACCORDS_KIND_ANNOUNCEMENT + 1);
      for (guint k = 0; k < n; k++)
        g_strv_builder_add (builder, countries[g_rand_int_range (rand, 0, G_N_ELEMENTS (countries))]);
      item.parties = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
      g_array_append_val (items, item);
    }
  g_rand_free (rand);

  data = (const AccordsTimelineItem *) items->data;
  lanes = accords_timeline_assign_lanes (data, items->len, ACCORDS_TIMELINE_GROUP_COUNTRY, 4, &placements);
  counts = accords_timeline_count_bins (data, lanes, placements, start, end, n_bins);

  for (guint l = 0; l < lanes->len; l++)
    {
      const AccordsTimelineLane *lane = &g_array_index (lanes, AccordsTimelineLane, l);

      for (guint b = 0; b < n_bins; b++)
        {
          double b0 = start + b * 20;
          double b1 = b0 + 20;
          guint expected = 0;

          for (guint i = 0; i < items->len; i++)
            {
              const AccordsTimelineItem *item = &data[i];
              gboolean in_lane = FALSE;
              gboolean in_kept = FALSE;

              if (item->day < b0 || item->day >= b1)
                continue;

              for (guint k = 0; item->parties[k] != NULL; k++)
                {
                  for (guint m = 0; m < lanes->len; m++)
                    {
                      const char *key = g_array_index (lanes, AccordsTimelineLane, m).key;

                      if (key != NULL && strcmp (key, item->parties[k]) == 0)
                        in_kept = TRUE;
                    }
                  if (lane->key != NULL && strcmp (lane->key, item->parties[k]) == 0)
                    in_lane = TRUE;
                }

              if (lane->key == NULL)
                {
                  /* folded: some party not in a kept lane */
                  for (guint k = 0; item->parties[k] != NULL; k++)
                    {
                      gboolean kept = FALSE;

                      for (guint m = 0; m < lanes->len; m++)
                        {
                          const char *key = g_array_index (lanes, AccordsTimelineLane, m).key;

                          if (key != NULL && strcmp (key, item->parties[k]) == 0)
                            kept = TRUE;
                        }
                      if (!kept)
                        in_lane = TRUE;
                    }
                }
              (void) in_kept;

              if (in_lane)
                expected++;
            }

          g_assert_cmpuint (counts[l * n_bins + b], ==, expected);
        }
    }
}

static void
assert_range (const char *initial,
              double      start,
              double      end,
              const char *expected)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  query = accords_query_parse (initial, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (accords_timeline_apply_range (query, start, end, &error));
  g_assert_no_error (error);
  text = accords_query_to_string (query);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_range_query (void)
{
  assert_range ("", day ("2025-02-01") + 0.3, day ("2025-03-01") - 0.2,
                "after:2025-02-01 before:2025-03-01");
  /* a backwards drag, and a drag inside one day */
  assert_range ("", day ("2024-03-01"), day ("2024-02-28"),
                "after:2024-02-28 before:2024-03-01");
  assert_range ("", day ("2024-02-29") + 0.1, day ("2024-02-29") + 0.4,
                "after:2024-02-29 before:2024-03-01");
  /* replaces earlier dates and keeps the other terms */
  assert_range ("country:RS after:2020-01-01 before:2021", day ("2025-01-01"), day ("2025-02-01"),
                "country:RS after:2025-01-01 before:2025-02-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timeline/ticks/days-leap", test_ticks_days_leap);
  g_test_add_func ("/timeline/ticks/days-no-leap", test_ticks_days_no_leap);
  g_test_add_func ("/timeline/ticks/days-month-end", test_ticks_days_month_end);
  g_test_add_func ("/timeline/ticks/weeks", test_ticks_weeks);
  g_test_add_func ("/timeline/ticks/months", test_ticks_months);
  g_test_add_func ("/timeline/ticks/months-end", test_ticks_months_end);
  g_test_add_func ("/timeline/ticks/quarters", test_ticks_quarters);
  g_test_add_func ("/timeline/ticks/years", test_ticks_years);
  g_test_add_func ("/timeline/ticks/decades", test_ticks_decades);
  g_test_add_func ("/timeline/ticks/scales", test_scales_all_levels);
  g_test_add_func ("/timeline/mapping", test_mapping);
  g_test_add_func ("/timeline/dates", test_dates);
  g_test_add_func ("/timeline/lanes", test_lanes);
  g_test_add_func ("/timeline/stack-and-hit", test_stack_and_hit);
  g_test_add_func ("/timeline/bins/brute-force", test_bins_brute_force);
  g_test_add_func ("/timeline/range-query", test_range_query);

  return g_test_run ();
}
