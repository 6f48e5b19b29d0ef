/* accords-timeline-ticks.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-ticks"

#include "config.h"

#include <string.h>

#include "accords-timeline-layout-private.h"

/* Average length of each scale's unit in days, and the smallest spacing in
 * pixels its labels need. */
static const struct
{
  double days;
  double min_spacing;
} scales[] = {
  [ACCORDS_TIMELINE_SCALE_DAY]     = { 1.0, 56.0 },
  [ACCORDS_TIMELINE_SCALE_WEEK]    = { 7.0, 64.0 },
  [ACCORDS_TIMELINE_SCALE_MONTH]   = { 30.436875, 40.0 },
  [ACCORDS_TIMELINE_SCALE_QUARTER] = { 91.310625, 44.0 },
  [ACCORDS_TIMELINE_SCALE_YEAR]    = { 365.2425, 44.0 },
  [ACCORDS_TIMELINE_SCALE_DECADE]  = { 3652.425, 52.0 },
};

/* Ticks --------------------------------------------------------------------- */

/**
 * accords_timeline_choose_scale:
 *
 * Returns: the finest scale whose labels fit in @width pixels for the
 *   days from @start to @end
 */
AccordsTimelineScale
accords_timeline_choose_scale (double start,
                               double end,
                               int    width)
{
  double pixels_per_day;

  g_return_val_if_fail (end > start, ACCORDS_TIMELINE_SCALE_DECADE);

  pixels_per_day = MAX (width, 1) / (end - start);

  for (guint i = ACCORDS_TIMELINE_SCALE_DAY; i < ACCORDS_TIMELINE_SCALE_DECADE; i++)
    {
      if (scales[i].days * pixels_per_day >= scales[i].min_spacing)
        return i;
    }

  return ACCORDS_TIMELINE_SCALE_DECADE;
}

static void
clear_tick (gpointer data)
{
  AccordsTimelineTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

/* Moves @date back to the start of the unit it is in. */
static void
align_date (GDate                *date,
            AccordsTimelineScale  scale,
            guint                 decades)
{
  guint year = g_date_get_year (date);
  guint month = g_date_get_month (date);

  switch (scale)
    {
    case ACCORDS_TIMELINE_SCALE_DAY:
      break;

    case ACCORDS_TIMELINE_SCALE_WEEK:
      g_date_subtract_days (date, g_date_get_weekday (date) - G_DATE_MONDAY);
      break;

    case ACCORDS_TIMELINE_SCALE_MONTH:
      g_date_set_dmy (date, 1, month, year);
      break;

    case ACCORDS_TIMELINE_SCALE_QUARTER:
      g_date_set_dmy (date, 1, ((month - 1) / 3) * 3 + 1, year);
      break;

    case ACCORDS_TIMELINE_SCALE_YEAR:
      g_date_set_dmy (date, 1, G_DATE_JANUARY, year);
      break;

    case ACCORDS_TIMELINE_SCALE_DECADE:
      year = year - year % (10 * decades);
      g_date_set_dmy (date, 1, G_DATE_JANUARY, MAX (year, 1));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
advance_date (GDate                *date,
              AccordsTimelineScale  scale,
              guint                 decades)
{
  switch (scale)
    {
    case ACCORDS_TIMELINE_SCALE_DAY:
      g_date_add_days (date, 1);
      break;

    case ACCORDS_TIMELINE_SCALE_WEEK:
      g_date_add_days (date, 7);
      break;

    case ACCORDS_TIMELINE_SCALE_MONTH:
      g_date_add_months (date, 1);
      break;

    case ACCORDS_TIMELINE_SCALE_QUARTER:
      g_date_add_months (date, 3);
      break;

    case ACCORDS_TIMELINE_SCALE_YEAR:
      g_date_add_years (date, 1);
      break;

    case ACCORDS_TIMELINE_SCALE_DECADE:
      g_date_add_years (date, 10 * decades);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_major (const GDate          *date,
          const GDate          *previous,
          AccordsTimelineScale  scale)
{
  switch (scale)
    {
    case ACCORDS_TIMELINE_SCALE_DAY:
      return g_date_get_day (date) == 1;

    case ACCORDS_TIMELINE_SCALE_WEEK:
      return previous == NULL || g_date_get_month (previous) != g_date_get_month (date);

    case ACCORDS_TIMELINE_SCALE_MONTH:
    case ACCORDS_TIMELINE_SCALE_QUARTER:
      return g_date_get_month (date) == G_DATE_JANUARY;

    case ACCORDS_TIMELINE_SCALE_YEAR:
      return g_date_get_year (date) % 10 == 0;

    case ACCORDS_TIMELINE_SCALE_DECADE:
      return g_date_get_year (date) % 100 == 0;

    default:
      g_assert_not_reached ();
    }
}

static char *
format_tick (const GDate          *date,
             AccordsTimelineScale  scale,
             gboolean              major)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (date),
                                                   g_date_get_month (date),
                                                   g_date_get_day (date),
                                                   0, 0, 0);
  const char *format;

  switch (scale)
    {
    case ACCORDS_TIMELINE_SCALE_DAY:
      format = major ? "%b %Y" : "%-d";
      break;

    case ACCORDS_TIMELINE_SCALE_WEEK:
      format = major ? "%-d %b" : "%-d";
      break;

    case ACCORDS_TIMELINE_SCALE_MONTH:
    case ACCORDS_TIMELINE_SCALE_QUARTER:
      format = major ? "%Y" : "%b";
      break;

    case ACCORDS_TIMELINE_SCALE_YEAR:
    case ACCORDS_TIMELINE_SCALE_DECADE:
    default:
      format = "%Y";
      break;
    }

  if (time == NULL)
    return g_strdup ("");

  return g_strstrip (g_date_time_format (time, format));
}

/**
 * accords_timeline_compute_ticks:
 * @start: first visible day
 * @end: day at the right edge, > @start
 * @width: pixels from @start to @end
 * @scale: (out) (optional): the scale chosen
 *
 * Computes the ticks of the axis: the start of every day, week (Monday),
 * month, quarter, year or decade from @start to @end, at the finest scale
 * whose labels fit.
 *
 * Returns: (transfer full): a #GArray of #AccordsTimelineTick
 */
GArray *
accords_timeline_compute_ticks (double                start,
                                double                end,
                                int                   width,
                                AccordsTimelineScale *scale)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (AccordsTimelineTick));
  AccordsTimelineScale chosen;
  guint decades = 1;
  GDate date;
  GDate previous;
  gboolean has_previous = FALSE;
  gint64 first;

  g_array_set_clear_func (ticks, clear_tick);

  g_return_val_if_fail (end > start, ticks);

  chosen = accords_timeline_choose_scale (start, end, width);

  if (chosen == ACCORDS_TIMELINE_SCALE_DECADE)
    {
      static const guint steps[] = { 1, 2, 5, 10, 20, 50, 100 };
      double pixels_per_day = MAX (width, 1) / (end - start);

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          decades = steps[i];
          if (scales[chosen].days * decades * pixels_per_day >= scales[chosen].min_spacing)
            break;
        }
    }

  if (scale != NULL)
    *scale = chosen;

  first = CLAMP (floor_day (start), 1, (gint64) G_MAXINT32);
  if (!g_date_valid_julian ((guint32) first))
    return ticks;

  g_date_clear (&date, 1);
  g_date_clear (&previous, 1);
  g_date_set_julian (&date, (guint32) first);
  align_date (&date, chosen, decades);

  while (g_date_valid (&date) && g_date_get_julian (&date) <= end)
    {
      double day = g_date_get_julian (&date);

      if (day >= start)
        {
          AccordsTimelineTick tick;

          tick.day = day;
          tick.x = accords_timeline_day_to_x (start, end, width, day);
          tick.major = is_major (&date, has_previous ? &previous : NULL, chosen);
          tick.label = format_tick (&date, chosen, tick.major);
          g_array_append_val (ticks, tick);

          previous = date;
          has_previous = TRUE;
        }

      if (g_date_get_year (&date) + 10 * decades >= G_MAXUINT16)
        break;
      advance_date (&date, chosen, decades);
    }

  return ticks;
}
