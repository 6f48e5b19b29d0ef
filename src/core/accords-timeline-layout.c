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
#include "accords-timeline-layout-private.h"

/* Stacked rows per lane; markers beyond share the last row. */
#define MAX_ROWS 8

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
GArray *
_accords_timeline_make_lanes (GArray *sorted,
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

  lanes = _accords_timeline_make_lanes (sorted, max_lanes);
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
