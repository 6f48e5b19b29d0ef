/* accords-timeline-density.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-density"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-timeline-layout-private.h"

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
  self->lanes = _accords_timeline_make_lanes (sorted, max_lanes);

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
