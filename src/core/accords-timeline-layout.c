/* accords-timeline-layout.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-layout"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-query.h"
#include "accords-timeline-layout.h"

/* Stacked rows per lane; markers beyond share the last row. */
#define MAX_ROWS 8

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

/* floor() and ceil() without libm, which the core does not link. */
static gint64
floor_day (double day)
{
  gint64 whole = (gint64) day;

  return (double) whole > day ? whole - 1 : whole;
}

static gint64
ceil_day (double day)
{
  gint64 whole = (gint64) day;

  return (double) whole < day ? whole + 1 : whole;
}

/* Items -------------------------------------------------------------------- */

static void
clear_item (gpointer data)
{
  AccordsTimelineItem *item = data;

  g_clear_pointer (&item->parties, g_strfreev);
  g_clear_pointer (&item->topics, g_strfreev);
}

/**
 * accords_timeline_item_array_new:
 *
 * Returns: (transfer full): an empty #GArray of #AccordsTimelineItem that
 *   frees the lists of its items
 */
GArray *
accords_timeline_item_array_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (AccordsTimelineItem));

  g_array_set_clear_func (items, clear_item);

  return items;
}

static gboolean
parse_number (const char **text,
              guint        n_digits,
              int         *value)
{
  *value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*text)[i]))
        return FALSE;
      *value = *value * 10 + ((*text)[i] - '0');
    }

  *text += n_digits;

  return TRUE;
}

/**
 * accords_timeline_day_from_iso:
 * @date: "YYYY-MM-DD", "YYYY-MM" or "YYYY"
 *
 * Returns: the Julian day number of the first day of @date, 0 when invalid
 */
gint32
accords_timeline_day_from_iso (const char *date)
{
  int year, month = 1, day = 1;
  GDate gdate;

  if (date == NULL || !parse_number (&date, 4, &year))
    return 0;
  if (*date == '-')
    {
      date++;
      if (!parse_number (&date, 2, &month))
        return 0;
      if (*date == '-')
        {
          date++;
          if (!parse_number (&date, 2, &day))
            return 0;
        }
    }
  if (*date != '\0' && *date != 'T')
    return 0;
  if (!g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&gdate, 1);
  g_date_set_dmy (&gdate, day, month, year);

  return (gint32) g_date_get_julian (&gdate);
}

/**
 * accords_timeline_day_to_iso:
 * @day: a Julian day number
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
accords_timeline_day_to_iso (gint32 day)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (day), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

/**
 * accords_timeline_item_set_dates:
 *
 * Sets @item's day and end_day from a record's dates: a month- or
 * year-precision date covers its whole period.
 *
 * Returns: %FALSE when @event_date is not a date (the item stays undated)
 */
gboolean
accords_timeline_item_set_dates (AccordsTimelineItem  *item,
                                 const char           *event_date,
                                 const char           *event_end,
                                 AccordsDatePrecision  precision)
{
  gint32 day = accords_timeline_day_from_iso (event_date);
  gint32 end = accords_timeline_day_from_iso (event_end);
  GDate date;

  g_return_val_if_fail (item != NULL, FALSE);

  item->precision = precision;
  item->day = day;
  item->end_day = day;

  if (day == 0)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);

  switch (precision)
    {
    case ACCORDS_DATE_PRECISION_MONTH:
      g_date_add_months (&date, 1);
      item->end_day = g_date_get_julian (&date) - 1;
      break;

    case ACCORDS_DATE_PRECISION_YEAR:
      g_date_add_years (&date, 1);
      item->end_day = g_date_get_julian (&date) - 1;
      break;

    case ACCORDS_DATE_PRECISION_DAY:
    default:
      break;
    }

  if (end > item->end_day)
    item->end_day = end;

  return TRUE;
}

/* Time ↔ x ------------------------------------------------------------------ */

double
accords_timeline_day_to_x (double start,
                           double end,
                           int    width,
                           double day)
{
  g_return_val_if_fail (end > start, 0.0);

  return (day - start) * width / (end - start);
}

double
accords_timeline_x_to_day (double start,
                           double end,
                           int    width,
                           double x)
{
  g_return_val_if_fail (end > start, start);
  g_return_val_if_fail (width > 0, start);

  return start + x * (end - start) / width;
}

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

/* Lanes --------------------------------------------------------------------- */

static void
clear_lane (gpointer data)
{
  AccordsTimelineLane *lane = data;

  g_clear_pointer (&lane->key, g_free);
}

/* Collects the lane keys of @item into @keys, each once; "" when it has none. */
static void
collect_keys (const AccordsTimelineItem *item,
              AccordsTimelineGroup       group,
              GPtrArray                 *keys)
{
  g_ptr_array_set_size (keys, 0);

  switch (group)
    {
    case ACCORDS_TIMELINE_GROUP_COUNTRY:
      for (guint i = 0; item->parties != NULL && item->parties[i] != NULL; i++)
        {
          if (!g_ptr_array_find_with_equal_func (keys, item->parties[i], g_str_equal, NULL))
            g_ptr_array_add (keys, g_strdup (item->parties[i]));
        }
      break;

    case ACCORDS_TIMELINE_GROUP_DYAD:
      {
        guint n = item->parties != NULL ? g_strv_length (item->parties) : 0;

        if (n == 1)
          g_ptr_array_add (keys, g_strdup (item->parties[0]));

        for (guint i = 0; i < n; i++)
          for (guint j = i + 1; j < n; j++)
            {
              const char *a = item->parties[i];
              const char *b = item->parties[j];
              char *key;

              if (strcmp (a, b) == 0)
                continue;
              key = strcmp (a, b) < 0 ? g_strconcat (a, "-", b, NULL)
                                      : g_strconcat (b, "-", a, NULL);
              if (g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
                g_free (key);
              else
                g_ptr_array_add (keys, key);
            }
      }
      break;

    case ACCORDS_TIMELINE_GROUP_TOPIC:
      for (guint i = 0; item->topics != NULL && item->topics[i] != NULL; i++)
        {
          if (!g_ptr_array_find_with_equal_func (keys, item->topics[i], g_str_equal, NULL))
            g_ptr_array_add (keys, g_strdup (item->topics[i]));
        }
      break;

    case ACCORDS_TIMELINE_GROUP_KIND:
      g_ptr_array_add (keys, g_strdup (accords_kind_to_string (item->kind)));
      break;

    default:
      g_assert_not_reached ();
    }

  if (keys->len == 0)
    g_ptr_array_add (keys, g_strdup (""));
}

typedef struct
{
  const char *key;
  guint       count;
} KeyCount;

static int
compare_key_counts (gconstpointer a,
                    gconstpointer b)
{
  const KeyCount *ka = a;
  const KeyCount *kb = b;

  if (ka->count != kb->count)
    return ka->count > kb->count ? -1 : 1;

  return strcmp (ka->key, kb->key);
}

static int
compare_placements_r (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const AccordsTimelineItem *items = user_data;
  const AccordsTimelinePlacement *pa = a;
  const AccordsTimelinePlacement *pb = b;

  if (pa->lane != pb->lane)
    return pa->lane < pb->lane ? -1 : 1;
  if (items[pa->item].day != items[pb->item].day)
    return items[pa->item].day < items[pb->item].day ? -1 : 1;
  if (items[pa->item].id != items[pb->item].id)
    return items[pa->item].id < items[pb->item].id ? -1 : 1;

  return 0;
}

/* Places each dated item in the lanes of its keys (once in the "N more"
 * lane for all its folded keys), sorted by lane, day and id. */
static GArray *
place_items (const AccordsTimelineItem *items,
             guint                      n_items,
             AccordsTimelineGroup       group,
             GArray                    *lanes)
{
  g_autoptr(GHashTable) lane_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GArray *result = g_array_new (FALSE, TRUE, sizeof (AccordsTimelinePlacement));
  guint more_lane = G_MAXUINT;

  for (guint l = 0; l < lanes->len; l++)
    {
      AccordsTimelineLane *lane = &g_array_index (lanes, AccordsTimelineLane, l);

      lane->count = 0;
      if (lane->key != NULL)
        g_hash_table_insert (lane_of, lane->key, GUINT_TO_POINTER (l + 1));
      else
        more_lane = l;
    }

  for (guint i = 0; i < n_items; i++)
    {
      gboolean in_more = FALSE;

      if (items[i].day == 0)
        continue;

      collect_keys (&items[i], group, keys);
      for (guint k = 0; k < keys->len; k++)
        {
          AccordsTimelinePlacement placement = { 0 };
          guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of, keys->pdata[k]));

          if (lane == 0)
            {
              /* a key that has no lane of its own (or none at all, when
               * the lanes come from a larger set than these items) */
              if (in_more || more_lane == G_MAXUINT)
                continue;
              in_more = TRUE;
              lane = more_lane;
            }
          else
            {
              lane--;
            }

          placement.item = i;
          placement.lane = lane;
          g_array_index (lanes, AccordsTimelineLane, lane).count++;
          g_array_append_val (result, placement);
        }
    }

  g_array_sort_with_data (result, compare_placements_r, (gpointer) items);

  return result;
}

/* Turns keys and their counts into lanes: most first, then by key; when
 * there are more than @max_lanes, the last lane holds the rest. */
static GArray *
make_lanes (GArray *sorted,
            guint   max_lanes)
{
  GArray *lanes = g_array_new (FALSE, TRUE, sizeof (AccordsTimelineLane));
  guint n_kept;

  g_array_set_clear_func (lanes, clear_lane);
  g_array_sort (sorted, compare_key_counts);

  n_kept = sorted->len <= max_lanes ? sorted->len : max_lanes - 1;

  for (guint i = 0; i < n_kept; i++)
    {
      AccordsTimelineLane lane = { 0 };

      lane.key = g_strdup (g_array_index (sorted, KeyCount, i).key);
      lane.n_rows = 1;
      g_array_append_val (lanes, lane);
    }

  if (n_kept < sorted->len)
    {
      AccordsTimelineLane lane = { 0 };

      lane.n_folded = sorted->len - n_kept;
      lane.n_rows = 1;
      g_array_append_val (lanes, lane);
    }

  return lanes;
}

/**
 * accords_timeline_assign_lanes:
 * @items: (array length=n_items): the records
 * @group: how to group them into lanes
 * @max_lanes: at most this many lanes, the last one "N more" when keys are left
 * @placements: (out) (transfer full): a #GArray of #AccordsTimelinePlacement,
 *   a record once in each of its lanes, sorted by lane then day
 *
 * Lanes are ordered by how many records they hold, then by key. Undated
 * records get no placement.
 *
 * Returns: (transfer full): a #GArray of #AccordsTimelineLane
 */
GArray *
accords_timeline_assign_lanes (const AccordsTimelineItem *items,
                               guint                      n_items,
                               AccordsTimelineGroup       group,
                               guint                      max_lanes,
                               GArray                   **placements)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
  GHashTableIter iter;
  gpointer key, value;
  GArray *lanes;

  g_assert (placements != NULL);

  if (max_lanes < 1)
    {
      *placements = g_array_new (FALSE, TRUE, sizeof (AccordsTimelinePlacement));
      lanes = g_array_new (FALSE, TRUE, sizeof (AccordsTimelineLane));
      g_array_set_clear_func (lanes, clear_lane);
      g_return_val_if_fail (max_lanes >= 1, lanes);
    }

  for (guint i = 0; i < n_items; i++)
    {
      if (items[i].day == 0)
        continue;

      collect_keys (&items[i], group, keys);
      for (guint k = 0; k < keys->len; k++)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys->pdata[k]));

          if (count == 0)
            g_hash_table_insert (counts, g_strdup (keys->pdata[k]), GUINT_TO_POINTER (1));
          else
            g_hash_table_insert (counts, g_steal_pointer (&keys->pdata[k]),
                                 GUINT_TO_POINTER (count + 1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KeyCount kc = { key, GPOINTER_TO_UINT (value) };

      g_array_append_val (sorted, kc);
    }

  lanes = make_lanes (sorted, max_lanes);
  *placements = place_items (items, n_items, group, lanes);

  return lanes;
}

/**
 * accords_timeline_place:
 * @items: (array length=n_items): the records
 * @group: how they were grouped into @lanes
 * @lanes: lanes made for these records or a larger set (such as the
 *   whole result, by accords_timeline_density_new()); their counts are
 *   set to the placements made here
 *
 * Places @items in existing lanes, as accords_timeline_assign_lanes()
 * would have; a key without a lane goes to the "N more" lane if there is
 * one, else nowhere.
 *
 * Returns: (transfer full): a #GArray of #AccordsTimelinePlacement, sorted
 *   by lane then day
 */
GArray *
accords_timeline_place (const AccordsTimelineItem *items,
                        guint                      n_items,
                        AccordsTimelineGroup       group,
                        GArray                    *lanes)
{
  g_return_val_if_fail (items != NULL || n_items == 0, NULL);
  g_return_val_if_fail (lanes != NULL, NULL);

  return place_items (items, n_items, group, lanes);
}

/**
 * accords_timeline_stack:
 *
 * Computes the pixel extent of each placement (a point marker
 * @marker_width wide centred on its day, a span from its first day to
 * the end of its last day) and gives overlapping markers of a lane
 * successive rows; sets each lane's n_rows.
 */
void
accords_timeline_stack (const AccordsTimelineItem *items,
                        GArray                    *lanes,
                        GArray                    *placements,
                        double                     start,
                        double                     end,
                        int                        width,
                        double                     marker_width)
{
  double row_end[MAX_ROWS];
  guint current_lane = G_MAXUINT;

  g_return_if_fail (end > start);

  for (guint l = 0; l < lanes->len; l++)
    g_array_index (lanes, AccordsTimelineLane, l).n_rows = 1;

  for (guint i = 0; i < placements->len; i++)
    {
      AccordsTimelinePlacement *p = &g_array_index (placements, AccordsTimelinePlacement, i);
      const AccordsTimelineItem *item = &items[p->item];
      AccordsTimelineLane *lane = &g_array_index (lanes, AccordsTimelineLane, p->lane);
      guint row;

      if (p->lane != current_lane)
        {
          current_lane = p->lane;
          for (guint r = 0; r < MAX_ROWS; r++)
            row_end[r] = -G_MAXDOUBLE;
        }

      if (item->end_day > item->day || item->precision != ACCORDS_DATE_PRECISION_DAY)
        {
          p->x0 = accords_timeline_day_to_x (start, end, width, item->day);
          p->x1 = accords_timeline_day_to_x (start, end, width, item->end_day + 1);
          if (p->x1 - p->x0 < marker_width)
            {
              double middle = (p->x0 + p->x1) / 2;

              p->x0 = middle - marker_width / 2;
              p->x1 = middle + marker_width / 2;
            }
        }
      else
        {
          double middle = accords_timeline_day_to_x (start, end, width, item->day + 0.5);

          p->x0 = middle - marker_width / 2;
          p->x1 = middle + marker_width / 2;
        }

      for (row = 0; row < MAX_ROWS - 1; row++)
        {
          if (row_end[row] < p->x0)
            break;
        }

      p->row = row;
      row_end[row] = MAX (row_end[row], p->x1 + 1);
      lane->n_rows = MAX (lane->n_rows, row + 1);
    }
}

/**
 * accords_timeline_lane_top:
 *
 * Returns: the y of @lane's first row
 */
double
accords_timeline_lane_top (GArray                      *lanes,
                           const AccordsTimelineLayout *layout,
                           guint                        lane)
{
  double y = layout->top;

  g_return_val_if_fail (lane <= lanes->len, y);

  for (guint l = 0; l < lane; l++)
    y += g_array_index (lanes, AccordsTimelineLane, l).n_rows * layout->row_height +
         layout->lane_gap;

  return y;
}

/**
 * accords_timeline_hit_test:
 *
 * Returns: the id of the record whose marker is at (@x, @y), the nearest
 *   one within the layout's slop; 0 when none
 */
gint64
accords_timeline_hit_test (const AccordsTimelineItem   *items,
                           GArray                      *lanes,
                           GArray                      *placements,
                           const AccordsTimelineLayout *layout,
                           double                       x,
                           double                       y)
{
  double top = layout->top;
  guint lane = G_MAXUINT;
  guint row;
  gint64 best_id = 0;
  double best_distance = G_MAXDOUBLE;
  guint lo = 0, hi = placements->len;

  for (guint l = 0; l < lanes->len; l++)
    {
      double height = g_array_index (lanes, AccordsTimelineLane, l).n_rows * layout->row_height;

      if (y >= top && y < top + height)
        {
          lane = l;
          break;
        }
      top += height + layout->lane_gap;
    }

  if (lane == G_MAXUINT)
    return 0;

  row = (guint) ((y - top) / layout->row_height);

  /* first placement of the lane */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (placements, AccordsTimelinePlacement, mid).lane < lane)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < placements->len; i++)
    {
      const AccordsTimelinePlacement *p = &g_array_index (placements, AccordsTimelinePlacement, i);
      double distance;

      if (p->lane != lane)
        break;
      if (p->row != row || x < p->x0 - layout->slop || x > p->x1 + layout->slop)
        continue;

      if (x >= p->x0 && x <= p->x1)
        distance = 0;
      else
        distance = MIN (ABS (x - p->x0), ABS (x - p->x1));

      if (distance < best_distance)
        {
          best_distance = distance;
          best_id = items[p->item].id;
        }
    }

  return best_id;
}

/* Bins ---------------------------------------------------------------------- */

/**
 * accords_timeline_count_bins:
 *
 * Counts the placements of each lane in @n_bins equal bins from @start to
 * @end, by the first day of each record.
 *
 * Returns: (transfer full): lanes->len × @n_bins counts, lane by lane
 */
guint *
accords_timeline_count_bins (const AccordsTimelineItem *items,
                             GArray                    *lanes,
                             GArray                    *placements,
                             double                     start,
                             double                     end,
                             guint                      n_bins)
{
  guint *counts;
  double bins_per_day;

  g_return_val_if_fail (end > start, NULL);
  g_return_val_if_fail (n_bins > 0, NULL);

  counts = g_new0 (guint, (gsize) lanes->len * n_bins);
  bins_per_day = n_bins / (end - start);

  for (guint i = 0; i < placements->len; i++)
    {
      const AccordsTimelinePlacement *p = &g_array_index (placements, AccordsTimelinePlacement, i);
      double day = items[p->item].day;
      guint bin;

      if (day < start || day >= end)
        continue;

      bin = MIN ((guint) ((day - start) * bins_per_day), n_bins - 1);
      counts[(gsize) p->lane * n_bins + bin]++;
    }

  return counts;
}

/* Range filter -------------------------------------------------------------- */

/**
 * accords_timeline_apply_range:
 * @query: the query to change
 * @start: first day of the range
 * @end: day after the range
 *
 * Replaces the after: and before: terms of @query by the whole days
 * touched by [@start, @end): after: the first, before: the day after the
 * last.
 *
 * Returns: %FALSE with @error set when a term cannot be added
 */
gboolean
accords_timeline_apply_range (AccordsQuery  *query,
                              double         start,
                              double         end,
                              GError       **error)
{
  g_autoptr(GPtrArray) old = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (AccordsQueryField));
  g_autofree char *after = NULL;
  g_autofree char *before = NULL;
  gint64 first, last;

  g_return_val_if_fail (ACCORDS_IS_QUERY (query), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (end < start)
    {
      double swap = start;

      start = end;
      end = swap;
    }

  first = floor_day (start);
  last = ceil_day (end);
  if (last <= first)
    last = first + 1;

  if (!g_date_valid_julian (CLAMP (first, 1, G_MAXINT32)) || first < 1 ||
      !g_date_valid_julian (CLAMP (last, 1, G_MAXINT32)) || last > G_MAXINT32)
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                   "Range out of the calendar");
      return FALSE;
    }

  for (guint g = 0; g < accords_query_get_n_groups (query); g++)
    for (guint t = 0; t < accords_query_get_group_size (query, g); t++)
      {
        const AccordsQueryTerm *term = accords_query_get_term (query, g, t);

        if (term->field == ACCORDS_QUERY_FIELD_AFTER || term->field == ACCORDS_QUERY_FIELD_BEFORE)
          {
            g_ptr_array_add (old, g_strdup (term->value));
            g_array_append_val (fields, term->field);
          }
      }

  for (guint i = 0; i < old->len; i++)
    accords_query_remove_term (query, g_array_index (fields, AccordsQueryField, i), old->pdata[i]);

  after = accords_timeline_day_to_iso ((gint32) first);
  before = accords_timeline_day_to_iso ((gint32) last);

  return accords_query_add_term (query, ACCORDS_QUERY_FIELD_AFTER, after, FALSE, error) &&
         accords_query_add_term (query, ACCORDS_QUERY_FIELD_BEFORE, before, FALSE, error);
}

/* Density ------------------------------------------------------------------- */

/* At a million records the timeline cannot hold an object, or even a list
 * of parties, per record: it draws counts per lane and time bin, and
 * markers only for the few records in view. Those counts would be an SQL
 * aggregate (GROUP BY day and lane under the current filter), but at that
 * size such an aggregate takes 30–900 ms under a broad filter
 * (PERF-FLOOR.md §2f and §4): too slow to follow a pan. The facet index
 * already holds the columns it would read (day, kind, topic bits, parties)
 * in memory, so the same aggregate is computed from them, on a worker,
 * once per result and grouping: records per lane and distinct day, as
 * running sums. The counts of any bin are then the difference of two sums,
 * and a whole heat strip costs lanes × bins lookups, a few microseconds per
 * frame whatever the zoom. */

#define NO_KEY      G_MAXUINT32
#define MAX_KEYS    256      /* lane keys of one record; more are dropped */

/* Records near a view are found from their last days: a record shows when
 * it starts before the view ends and ends after it starts. Those that
 * start in view are a range of the time order; those that start before it
 * could be anywhere earlier, since one span may last decades. A fixed look
 * back misses the long ones and a look back by the longest span makes one
 * long record cost a scan of the whole result, so the time order is cut
 * into blocks of END_BLOCK records that each keep their latest last day:
 * blocks that all end before the view are skipped with one comparison,
 * about 16,000 of them at a million records (some microseconds), and only
 * blocks holding a record that reaches the view are read record by record,
 * their last days looked up in the index (no copy: 4 MB at a million). */
#define END_BLOCK   64

struct _AccordsTimelineDensity
{
  AccordsFacetIndex *index;

  /* the result's dated records, by day then id */
  guint              n;
  gint32            *days;
  gint64            *ids;
  gint32            *block_ends;  /* the latest last day of each END_BLOCK records */
  gint32             last_day;    /* the latest of all; 0 when none */

  /* running sums: sums[d * n_lanes + l] is the number of placements in
   * lane l of the records before the distinct day uniq_days[d] */
  guint              n_uniq;
  gint32            *uniq_days;
  guint32           *sums;

  GArray            *lanes;  /* AccordsTimelineLane */
  guint              kinds;  /* bit k: a record of kind k is in the result */
  guint              precisions; /* bit p: a record of precision p is in it */
};

typedef struct
{
  AccordsFacetColumns   columns;
  AccordsFacetIndex    *index;
  AccordsTimelineGroup  group;
  guint                *code_rank; /* by code index: its rank in strcmp order */
} KeySource;

typedef struct
{
  gint32  day;
  guint32 record;
  gint64  id;
} DatedRecord;

static int
compare_dated (const void *a,
               const void *b)
{
  const DatedRecord *x = a;
  const DatedRecord *y = b;

  if (x->day != y->day)
    return x->day < y->day ? -1 : 1;

  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
add_key (guint32 *keys,
         guint   *n_keys,
         guint32  key)
{
  for (guint i = 0; i < *n_keys; i++)
    {
      if (keys[i] == key)
        return TRUE;
    }

  if (*n_keys >= MAX_KEYS)
    return FALSE;

  keys[(*n_keys)++] = key;

  return TRUE;
}

/* The lane keys of @record as numbers, each once, NO_KEY when it has none:
 * the same keys as collect_keys() gives an item, without making strings. */
static guint
record_keys (const KeySource *source,
             guint32          record,
             guint32         *keys)
{
  const AccordsFacetColumns *c = &source->columns;
  guint n_keys = 0;

  switch (source->group)
    {
    case ACCORDS_TIMELINE_GROUP_COUNTRY:
      for (guint32 i = c->party_offsets[record]; i < c->party_offsets[record + 1]; i++)
        add_key (keys, &n_keys, c->parties[i]);
      break;

    case ACCORDS_TIMELINE_GROUP_DYAD:
      {
        guint32 first = c->party_offsets[record];
        guint32 n = c->party_offsets[record + 1] - first;

        /* a pair is (lower code, higher code) << 16 | …; a lone party is
         * (code, 0xffff) */
        if (n == 1)
          add_key (keys, &n_keys, ((guint32) c->parties[first] << 16) | 0xffff);

        for (guint32 i = 0; i < n; i++)
          for (guint32 j = i + 1; j < n; j++)
            {
              guint32 a = c->parties[first + i];
              guint32 b = c->parties[first + j];

              if (a == b)
                continue;
              if (source->code_rank[a] > source->code_rank[b])
                {
                  guint32 swap = a;

                  a = b;
                  b = swap;
                }
              add_key (keys, &n_keys, (a << 16) | b);
            }
      }
      break;

    case ACCORDS_TIMELINE_GROUP_TOPIC:
      {
        guint32 bits = c->topics[record];

        for (guint b = 0; b < 31; b++)
          {
            if (bits & (1u << b))
              add_key (keys, &n_keys, b);
          }

        if (bits & ACCORDS_FACET_EXTRA_TOPICS)
          {
            guint32 extra[MAX_KEYS];
            guint n = accords_facet_index_get_extra_topics (source->index, record,
                                                           extra, G_N_ELEMENTS (extra));

            for (guint i = 0; i < n; i++)
              add_key (keys, &n_keys, extra[i]);
          }
      }
      break;

    case ACCORDS_TIMELINE_GROUP_KIND:
      add_key (keys, &n_keys, c->kinds[record] < G_MAXUINT8 ? c->kinds[record] : NO_KEY);
      break;

    default:
      g_assert_not_reached ();
    }

  if (n_keys == 0)
    keys[n_keys++] = NO_KEY;

  return n_keys;
}

/* The key as its lane names it: "RS", "IR-RS", a topic id, a kind id, or
 * "" for none. */
static char *
key_to_string (const KeySource *source,
               guint32          key)
{
  GPtrArray *codes = source->columns.country_codes;

  if (key == NO_KEY)
    return g_strdup ("");

  switch (source->group)
    {
    case ACCORDS_TIMELINE_GROUP_COUNTRY:
      return g_strdup (g_ptr_array_index (codes, key));

    case ACCORDS_TIMELINE_GROUP_DYAD:
      if ((key & 0xffff) == 0xffff)
        return g_strdup (g_ptr_array_index (codes, key >> 16));
      return g_strconcat (g_ptr_array_index (codes, key >> 16), "-",
                          g_ptr_array_index (codes, key & 0xffff), NULL);

    case ACCORDS_TIMELINE_GROUP_TOPIC:
      return g_strdup (g_ptr_array_index (source->columns.topic_ids, key));

    case ACCORDS_TIMELINE_GROUP_KIND:
      return g_strdup (accords_kind_to_string (key));

    default:
      g_assert_not_reached ();
    }
}

static int
compare_codes (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GPtrArray *codes = user_data;

  return strcmp (g_ptr_array_index (codes, *(const guint *) a),
                 g_ptr_array_index (codes, *(const guint *) b));
}

static void
density_free (gpointer data)
{
  AccordsTimelineDensity *self = data;

  g_clear_object (&self->index);
  g_free (self->days);
  g_free (self->ids);
  g_free (self->block_ends);
  g_free (self->uniq_days);
  g_free (self->sums);
  g_clear_pointer (&self->lanes, g_array_unref);
}

/**
 * accords_timeline_density_new:
 * @index: the facet index of the library
 * @ids: (array length=n_ids): the result's record ids, each once; ids the
 *   index does not know are left out
 * @group: how to group the records into lanes
 * @max_lanes: at most this many lanes, the last one "N more" when keys are left
 * @cancellable: (nullable): stops the work
 *
 * Groups the result into lanes and counts it per lane and day, from the
 * columns of @index: the aggregate behind the heat strip. Takes a few
 * hundred milliseconds at a million ids: call it on a worker.
 *
 * Returns: (transfer full) (nullable): the density, %NULL when cancelled
 */
AccordsTimelineDensity *
accords_timeline_density_new (AccordsFacetIndex    *index,
                              const gint64         *ids,
                              guint                 n_ids,
                              AccordsTimelineGroup  group,
                              guint                 max_lanes,
                              GCancellable         *cancellable)
{
  g_autofree DatedRecord *dated = NULL;
  g_autofree guint *code_order = NULL;
  g_autofree guint *code_rank = NULL;
  g_autofree guint32 *lane_of_key = NULL;
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (KeyCount));
  g_autoptr(GPtrArray) key_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lane_of = NULL;
  AccordsTimelineDensity *self;
  KeySource source = { 0 };
  guint32 keys[MAX_KEYS];
  guint n_codes;
  guint n = 0;
  guint more_lane = G_MAXUINT;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (index), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (max_lanes >= 1, NULL);

  accords_facet_index_get_columns (index, &source.columns);
  source.index = index;
  source.group = group;

  /* dyads put the codes of a pair in text order, as collect_keys() does */
  n_codes = source.columns.country_codes->len;
  code_order = g_new (guint, MAX (n_codes, 1));
  code_rank = g_new (guint, MAX (n_codes, 1));
  for (guint i = 0; i < n_codes; i++)
    code_order[i] = i;
  g_qsort_with_data (code_order, n_codes, sizeof (guint), compare_codes,
                     source.columns.country_codes);
  for (guint i = 0; i < n_codes; i++)
    code_rank[code_order[i]] = i;
  source.code_rank = code_rank;

  /* the dated records of the result, in time order, and their keys counted */
  dated = g_new (DatedRecord, MAX (n_ids, 1));
  counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 record = accords_facet_index_lookup (index, ids[i]);
      guint n_keys;

      if ((i & 0xffff) == 0xffff && g_cancellable_is_cancelled (cancellable))
        return NULL;

      if (record == G_MAXUINT32 || source.columns.days[record] == 0)
        continue;

      dated[n].day = source.columns.days[record];
      dated[n].record = record;
      dated[n].id = ids[i];
      n++;

      n_keys = record_keys (&source, record, keys);
      for (guint k = 0; k < n_keys; k++)
        {
          gpointer slot = GUINT_TO_POINTER (keys[k]);

          g_hash_table_insert (counts, slot,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts,
                                                                                        slot)) + 1));
        }
    }

  qsort (dated, n, sizeof (DatedRecord), compare_dated);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;

  /* lanes, ordered as accords_timeline_assign_lanes() orders them */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *name = key_to_string (&source, GPOINTER_TO_UINT (key));
      KeyCount kc = { name, GPOINTER_TO_UINT (value) };

      g_ptr_array_add (key_names, name);
      g_array_append_val (sorted, kc);
    }

  self = g_atomic_rc_box_new0 (AccordsTimelineDensity);
  self->index = g_object_ref (index);
  self->lanes = make_lanes (sorted, max_lanes);

  lane_of = g_hash_table_new (NULL, NULL);
  for (guint l = 0; l < self->lanes->len; l++)
    {
      if (g_array_index (self->lanes, AccordsTimelineLane, l).key == NULL)
        more_lane = l;
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *name = key_to_string (&source, GPOINTER_TO_UINT (key));
      guint lane = more_lane;

      for (guint l = 0; l < self->lanes->len; l++)
        {
          const char *lane_key = g_array_index (self->lanes, AccordsTimelineLane, l).key;

          if (lane_key != NULL && strcmp (lane_key, name) == 0)
            {
              lane = l;
              break;
            }
        }
      g_hash_table_insert (lane_of, key, GUINT_TO_POINTER (lane + 1));
    }

  /* running sums per distinct day; last days and precisions */
  self->n = n;
  self->days = g_new (gint32, MAX (n, 1));
  self->ids = g_new (gint64, MAX (n, 1));
  self->block_ends = g_new0 (gint32, n / END_BLOCK + 1);
  self->uniq_days = g_new (gint32, MAX (n, 1));
  self->n_uniq = 0;
  for (guint i = 0; i < n; i++)
    {
      guint16 span = source.columns.spans[dated[i].record];
      gint32 end;

      if ((span & ACCORDS_FACET_SPAN_MASK) == ACCORDS_FACET_SPAN_LONG)
        end = accords_facet_index_get_long_end (index, dated[i].record);
      else
        end = dated[i].day + (span & ACCORDS_FACET_SPAN_MASK);

      self->days[i] = dated[i].day;
      self->ids[i] = dated[i].id;
      self->block_ends[i / END_BLOCK] = MAX (self->block_ends[i / END_BLOCK], end);
      self->last_day = MAX (self->last_day, end);
      self->precisions |= 1u << (span >> ACCORDS_FACET_PRECISION_SHIFT);
      if (i == 0 || dated[i].day != dated[i - 1].day)
        self->uniq_days[self->n_uniq++] = dated[i].day;
    }

  {
    guint n_lanes = self->lanes->len;
    guint d = 0;
    g_autofree guint32 *row = g_new0 (guint32, MAX (n_lanes, 1));

    self->sums = g_new0 (guint32, (gsize) (self->n_uniq + 1) * MAX (n_lanes, 1));

    for (guint i = 0; i < n; i++)
      {
        guint n_keys;
        gboolean in_more = FALSE;

        if ((i & 0xffff) == 0xffff && g_cancellable_is_cancelled (cancellable))
          {
            accords_timeline_density_unref (self);
            return NULL;
          }

        if (i > 0 && dated[i].day != dated[i - 1].day)
          {
            /* close the previous day: the sums before the next one */
            d++;
            memcpy (&self->sums[(gsize) d * n_lanes], row, n_lanes * sizeof (guint32));
          }

        self->kinds |= source.columns.kinds[dated[i].record] < 32
                       ? 1u << source.columns.kinds[dated[i].record] : 0;

        n_keys = record_keys (&source, dated[i].record, keys);
        for (guint k = 0; k < n_keys; k++)
          {
            guint lane = GPOINTER_TO_UINT (g_hash_table_lookup (lane_of,
                                                                GUINT_TO_POINTER (keys[k]))) - 1;

            if (lane == more_lane)
              {
                if (in_more)
                  continue;
                in_more = TRUE;
              }
            row[lane]++;
            g_array_index (self->lanes, AccordsTimelineLane, lane).count++;
          }
      }

    if (n > 0)
      memcpy (&self->sums[(gsize) self->n_uniq * n_lanes], row, n_lanes * sizeof (guint32));
  }

  return self;
}

/**
 * accords_timeline_density_ref:
 *
 * Returns: (transfer full): @self
 */
AccordsTimelineDensity *
accords_timeline_density_ref (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
accords_timeline_density_unref (AccordsTimelineDensity *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, density_free);
}

/**
 * accords_timeline_density_get_lanes:
 *
 * Returns: (transfer none): the lanes of the whole result, with the
 *   number of placements of each; do not change them
 */
GArray *
accords_timeline_density_get_lanes (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->lanes;
}

/**
 * accords_timeline_density_get_n_dated:
 *
 * Returns: the number of dated records, the length of the time order
 */
guint
accords_timeline_density_get_n_dated (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n;
}

/**
 * accords_timeline_density_get_kinds:
 *
 * Returns: a bit mask of the kinds of the dated records: bit k for kind k
 */
guint
accords_timeline_density_get_kinds (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->kinds;
}

/**
 * accords_timeline_density_get_precisions:
 *
 * Returns: a bit mask of the date precisions of the dated records: bit p
 *   for #AccordsDatePrecision p
 */
guint
accords_timeline_density_get_precisions (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->precisions;
}

/**
 * accords_timeline_density_get_last_day:
 *
 * Returns: the latest last day of the dated records, spans and vague
 *   dates included; 0 when none is dated
 */
gint32
accords_timeline_density_get_last_day (AccordsTimelineDensity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_day;
}

/**
 * accords_timeline_density_get_id:
 * @position: a position in time order, below the number of dated records
 *
 * Returns: the id of the record at @position
 */
gint64
accords_timeline_density_get_id (AccordsTimelineDensity *self,
                                 guint                   position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->n, 0);

  return self->ids[position];
}

/**
 * accords_timeline_density_get_day:
 * @position: a position in time order, below the number of dated records
 *
 * Returns: the first day of the record at @position
 */
gint32
accords_timeline_density_get_day (AccordsTimelineDensity *self,
                                  guint                   position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->n, 0);

  return self->days[position];
}

/**
 * accords_timeline_density_get_end_day:
 * @position: a position in time order, below the number of dated records
 *
 * Returns: the last day of the record at @position, as
 *   accords_timeline_item_set_dates() sets an item's end_day
 */
gint32
accords_timeline_density_get_end_day (AccordsTimelineDensity *self,
                                      guint                   position)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (position < self->n, 0);

  return accords_facet_index_get_end_day (self->index, self->ids[position]);
}

/**
 * accords_timeline_density_lower_bound:
 *
 * Returns: the first position in time order whose day is at least @day;
 *   the number of dated records when there is none
 */
guint
accords_timeline_density_lower_bound (AccordsTimelineDensity *self,
                                      double                  day)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (self != NULL, 0);

  hi = self->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * accords_timeline_density_find:
 * @id: a record id
 *
 * Returns: the position of @id in time order, %G_MAXUINT when it is not a
 *   dated record of the result
 */
guint
accords_timeline_density_find (AccordsTimelineDensity *self,
                               gint64                  id)
{
  gint32 day;

  g_return_val_if_fail (self != NULL, G_MAXUINT);

  if ((day = accords_facet_index_get_day (self->index, id)) == 0)
    return G_MAXUINT;

  for (guint i = accords_timeline_density_lower_bound (self, day);
       i < self->n && self->days[i] == day;
       i++)
    {
      if (self->ids[i] == id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * accords_timeline_density_count:
 *
 * Returns: how many dated records start in [@start, @end)
 */
guint
accords_timeline_density_count (AccordsTimelineDensity *self,
                                double                  start,
                                double                  end)
{
  g_return_val_if_fail (self != NULL, 0);

  if (end <= start)
    return 0;

  return accords_timeline_density_lower_bound (self, end) -
         accords_timeline_density_lower_bound (self, start);
}

/* The index of the first distinct day at least @day. */
static guint
uniq_lower_bound (AccordsTimelineDensity *self,
                  double                  day)
{
  guint lo = 0;
  guint hi = self->n_uniq;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->uniq_days[mid] < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * accords_timeline_density_bins:
 *
 * Counts the placements of each lane in @n_bins equal bins from @start to
 * @end by the first day of each record, as accords_timeline_count_bins()
 * does for items: from the running sums, without visiting the records.
 *
 * Returns: (transfer full): lanes->len × @n_bins counts, lane by lane
 */
guint *
accords_timeline_density_bins (AccordsTimelineDensity *self,
                               double                  start,
                               double                  end,
                               guint                   n_bins)
{
  guint n_lanes;
  guint *counts;
  guint previous;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (end > start, NULL);
  g_return_val_if_fail (n_bins > 0, NULL);

  n_lanes = self->lanes->len;
  counts = g_new0 (guint, (gsize) n_lanes * n_bins);
  previous = uniq_lower_bound (self, start);

  for (guint b = 0; b < n_bins; b++)
    {
      /* day d is in bin b when start + b·w <= d < start + (b + 1)·w */
      double edge = b + 1 == n_bins ? end : start + (end - start) * (b + 1) / n_bins;
      guint next = uniq_lower_bound (self, edge);
      const guint32 *low = &self->sums[(gsize) previous * n_lanes];
      const guint32 *high = &self->sums[(gsize) next * n_lanes];

      if (next != previous)
        {
          for (guint l = 0; l < n_lanes; l++)
            counts[(gsize) l * n_bins + b] = high[l] - low[l];
        }
      previous = next;
    }

  return counts;
}

/**
 * accords_timeline_density_candidates:
 * @start: first visible day
 * @end: day at the right edge
 *
 * The records whose markers may show from @start to @end: those that
 * start before @end and whose last day reaches @start (the test
 * accords_timeline_stack() and the widget make), however long ago they
 * started; see END_BLOCK for how.
 *
 * Returns: (transfer full): a #GArray of gint64 ids, in time order
 */
GArray *
accords_timeline_density_candidates (AccordsTimelineDensity *self,
                                     double                  start,
                                     double                  end)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint in_view;
  guint last;

  g_return_val_if_fail (self != NULL, ids);

  in_view = accords_timeline_density_lower_bound (self, start);
  last = accords_timeline_density_lower_bound (self, end);

  /* before the view: only the blocks that reach into it */
  for (guint b = 0; b * END_BLOCK < in_view; b++)
    {
      guint stop = MIN (in_view, (b + 1) * END_BLOCK);

      if (self->block_ends[b] + 1 < start)
        continue;

      for (guint i = b * END_BLOCK; i < stop; i++)
        {
          if (accords_facet_index_get_end_day (self->index, self->ids[i]) + 1 >= start)
            g_array_append_val (ids, self->ids[i]);
        }
    }

  /* in view: all */
  if (last > in_view)
    g_array_append_vals (ids, &self->ids[in_view], last - in_view);

  return ids;
}
