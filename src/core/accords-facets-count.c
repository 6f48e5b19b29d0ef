/* accords-facets-count.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-facets-count"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-facets-private.h"
#include "accords-store-private.h"
#include "accords-topic.h"

struct _AccordsFacetCounts
{
  GObject     parent_instance;

  /* owned */
  guint       total;
  GArray     *entries[ACCORDS_FACET_N_FACETS]; /* AccordsFacetEntry, values owned */
  GHashTable *counts[ACCORDS_FACET_N_FACETS];  /* value (borrowed) → count */
};

G_DEFINE_FINAL_TYPE (AccordsFacetCounts, accords_facet_counts, G_TYPE_OBJECT)

/* Counting ----------------------------------------------------------------- */

/* Where the counting goes. Topics are counted by the bytes of their bit
 * masks, one increment per byte and no branch per topic, and spread into
 * per-topic counts at the end; years[0] counts the undated records. */
typedef struct
{
  guint  total;
  guint *countries;
  guint *topics;
  guint *years;           /* years[year - min_year + 1] */
  guint *tags;
  guint  kinds[256];      /* by the kind byte: NO_KIND too */
  guint  topic_bytes[4][256];
} Tally;

/* The columns and where their counts go, copied into a local variable of
 * the counting loop so that the compiler keeps them in registers. */
typedef struct
{
  const gint16  *years;
  const guint8  *kinds;
  const guint32 *topics;
  const guint32 *party_offsets;
  const guint16 *parties;
  const guint32 *tag_offsets;
  const guint32 *tags;
  int            year_base;

  guint         *year_counts;
  guint         *kind_counts;
  guint         *country_counts;
  guint         *tag_counts;
  guint        (*topic_bytes)[256];
} Counter;

static void
counter_init (Counter           *counter,
              AccordsFacetIndex *self,
              Tally             *tally)
{
  counter->years = self->years;
  counter->kinds = self->kinds;
  counter->topics = self->topics;
  counter->party_offsets = self->party_offsets;
  counter->parties = self->parties;
  counter->tag_offsets = self->tag_offsets;
  counter->tags = self->tags;
  counter->year_base = self->min_year - 1;
  counter->year_counts = tally->years;
  counter->kind_counts = tally->kinds;
  counter->country_counts = tally->countries;
  counter->tag_counts = tally->tags;
  counter->topic_bytes = tally->topic_bytes;
}

/* Where @record's topics beyond the first TOPIC_BITS start in the sorted
 * list of extra topics (or where they would be). */
guint
_accords_facet_index_first_extra_topic (AccordsFacetIndex *self,
                                        guint32            record)
{
  guint lo = 0;
  guint hi = self->n_extra_topics;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->extra_topics[mid].record < record)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
count_extra_topics (AccordsFacetIndex *self,
                    guint32            record,
                    Tally             *tally)
{
  guint lo = _accords_facet_index_first_extra_topic (self, record);

  for (; lo < self->n_extra_topics && self->extra_topics[lo].record == record; lo++)
    tally->topics[self->extra_topics[lo].topic]++;
}

/* Counts one record. Most records have two to four parties: the first four
 * are counted without a branch (adding 0 when absent; the party array ends
 * with PARTY_PADDING entries of padding). Returns whether the record has
 * topics beyond the bits, for the caller to count with count_extra_topics(). */
G_ALWAYS_INLINE static inline gboolean
count_record (const Counter *c,
              guint32        record)
{
  guint32 bits = c->topics[record];
  int year = c->years[record];
  guint32 first = c->party_offsets[record];
  guint32 n_parties = c->party_offsets[record + 1] - first;

  c->year_counts[year != 0 ? year - c->year_base : 0]++;
  c->kind_counts[c->kinds[record]]++;

  c->topic_bytes[0][bits & 0xff]++;
  c->topic_bytes[1][(bits >> 8) & 0xff]++;
  c->topic_bytes[2][(bits >> 16) & 0xff]++;
  c->topic_bytes[3][bits >> 24]++;

  c->country_counts[c->parties[first]] += n_parties > 0;
  c->country_counts[c->parties[first + 1]] += n_parties > 1;
  c->country_counts[c->parties[first + 2]] += n_parties > 2;
  c->country_counts[c->parties[first + 3]] += n_parties > 3;
  for (guint32 i = first + PARTY_PADDING; i < first + n_parties; i++)
    c->country_counts[c->parties[i]]++;

  for (guint32 i = c->tag_offsets[record]; i < c->tag_offsets[record + 1]; i++)
    c->tag_counts[c->tags[i]]++;

  return (bits & EXTRA_TOPICS) != 0;
}

/* Few ids: each record looked up where it is. */
static gboolean
count_each (AccordsFacetIndex *self,
            const gint64      *ids,
            guint              n_ids,
            GCancellable      *cancellable,
            Tally             *tally)
{
  Counter counter;
  guint total = 0;

  counter_init (&counter, self, tally);

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 record;

      if ((i & CANCEL_MASK) == CANCEL_MASK && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if ((record = lookup_index (self, ids[i])) == NOT_FOUND)
        continue;

      total++;
      if (G_UNLIKELY (count_record (&counter, record)))
        count_extra_topics (self, record, tally);
    }

  tally->total = total;

  return TRUE;
}

/* Many ids: marked in a bitmap (which also drops repeated ids), then the
 * columns are read in order, as the memory likes it best. */
static gboolean
count_marked (AccordsFacetIndex *self,
              const gint64      *ids,
              guint              n_ids,
              GCancellable      *cancellable,
              Tally             *tally)
{
  guint n_words = (self->n_records + 63) / 64;
  g_autofree guint64 *bitmap = g_new0 (guint64, n_words);
  Counter counter;
  guint total = 0;

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 record;

      if ((i & CANCEL_MASK) == CANCEL_MASK && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if ((record = lookup_index (self, ids[i])) != NOT_FOUND)
        bitmap[record / 64] |= G_GUINT64_CONSTANT (1) << (record % 64);
    }

  counter_init (&counter, self, tally);

  for (guint w = 0; w < n_words; w++)
    {
      guint64 bits = bitmap[w];

      if ((w & (CANCEL_MASK / 64)) == CANCEL_MASK / 64 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      while (bits != 0)
        {
#if defined(__GNUC__)
          guint32 record = w * 64 + __builtin_ctzll (bits);
#else
          guint32 record = w * 64 + g_bit_nth_lsf (bits, -1);
#endif

          total++;
          if (G_UNLIKELY (count_record (&counter, record)))
            count_extra_topics (self, record, tally);
          bits &= bits - 1;
        }
    }

  tally->total = total;

  return TRUE;
}

/* Spreads the counts of topic mask bytes into counts per topic. */
static void
spread_topic_bytes (Tally *tally)
{
  for (guint byte = 0; byte < 4; byte++)
    {
      for (guint value = 1; value < 256; value++)
        {
          guint count = tally->topic_bytes[byte][value];

          if (count == 0)
            continue;

          for (guint bit = 0; bit < 8; bit++)
            {
              if ((value & (1u << bit)) != 0 && byte * 8 + bit < TOPIC_BITS)
                tally->topics[byte * 8 + bit] += count;
            }
        }
    }
}

/* Counts ------------------------------------------------------------------- */

static void
clear_entry (gpointer data)
{
  AccordsFacetEntry *entry = data;

  g_free (entry->value);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const AccordsFacetEntry *x = a;
  const AccordsFacetEntry *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return strcmp (x->value, y->value);
}

static void
add_entry (AccordsFacetCounts *counts,
           AccordsFacet        facet,
           char               *value,
           guint               count)
{
  AccordsFacetEntry entry = { value, count };

  g_array_append_val (counts->entries[facet], entry);
}

static void
add_entries (AccordsFacetCounts *counts,
             AccordsFacet        facet,
             GPtrArray          *values,
             const guint        *tally)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (tally[i] > 0)
        add_entry (counts, facet, g_strdup (g_ptr_array_index (values, i)), tally[i]);
    }
}

static AccordsFacetCounts *
make_counts (AccordsFacetIndex *self,
             const Tally       *tally)
{
  AccordsFacetCounts *counts = g_object_new (ACCORDS_TYPE_FACET_COUNTS, NULL);

  counts->total = tally->total;

  add_entries (counts, ACCORDS_FACET_COUNTRY, self->country_codes, tally->countries);
  add_entries (counts, ACCORDS_FACET_TOPIC, self->topic_ids, tally->topics);
  add_entries (counts, ACCORDS_FACET_TAG, self->tag_names, tally->tags);

  for (guint i = 0; i < N_KINDS; i++)
    {
      if (tally->kinds[i] > 0)
        add_entry (counts, ACCORDS_FACET_KIND, g_strdup (accords_kind_to_string (i)),
                   tally->kinds[i]);
    }

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      if (f != ACCORDS_FACET_YEAR)
        g_array_sort (counts->entries[f], compare_entries);
    }

  /* Years go newest first, as on a time line. */
  for (int year = self->max_year; year >= self->min_year; year--)
    {
      guint count = tally->years[year - self->min_year + 1];

      if (count > 0)
        add_entry (counts, ACCORDS_FACET_YEAR, g_strdup_printf ("%d", year), count);
    }

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      for (guint i = 0; i < counts->entries[f]->len; i++)
        {
          AccordsFacetEntry *entry = &g_array_index (counts->entries[f], AccordsFacetEntry, i);

          g_hash_table_insert (counts->counts[f], entry->value, GUINT_TO_POINTER (entry->count));
        }
    }

  return counts;
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AccordsFacetIndex *self = source_object;
  GArray *ids = task_data;
  AccordsFacetCounts *counts;

  counts = accords_facet_index_count (self, (const gint64 *) ids->data, ids->len, cancellable);
  if (counts == NULL)
    {
      g_task_return_error_if_cancelled (task);
      return;
    }

  g_task_return_pointer (task, counts, g_object_unref);
}

/* GObject ------------------------------------------------------------------ */

static void
accords_facet_counts_finalize (GObject *object)
{
  AccordsFacetCounts *self = (AccordsFacetCounts *) object;

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      g_clear_pointer (&self->counts[f], g_hash_table_unref);
      g_clear_pointer (&self->entries[f], g_array_unref);
    }

  G_OBJECT_CLASS (accords_facet_counts_parent_class)->finalize (object);
}

static void
accords_facet_counts_class_init (AccordsFacetCountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_facet_counts_finalize;
}

static void
accords_facet_counts_init (AccordsFacetCounts *self)
{
  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      self->entries[f] = g_array_new (FALSE, FALSE, sizeof (AccordsFacetEntry));
      g_array_set_clear_func (self->entries[f], clear_entry);
      self->counts[f] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* Public: counting --------------------------------------------------------- */

/**
 * accords_facet_index_count:
 * @self: an index
 * @ids: (array length=n_ids): record ids, each at most once; ids the index
 *   does not know (records added since it was loaded) are left out
 * @n_ids: the number of @ids
 * @cancellable: (nullable): stops the counting
 *
 * Counts the facets of the records @ids, on the calling thread: a few
 * milliseconds at a million ids.
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL when cancelled
 */
AccordsFacetCounts *
accords_facet_index_count (AccordsFacetIndex *self,
                           const gint64      *ids,
                           guint              n_ids,
                           GCancellable      *cancellable)
{
  g_autofree guint *buffer = NULL;
  g_autofree Tally *tally = NULL;
  guint n_countries;
  guint n_years;
  gboolean done;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  n_years = self->max_year >= self->min_year ? self->max_year - self->min_year + 1 : 0;
  n_countries = MAX (self->country_codes->len, 1);
  buffer = g_new0 (guint, n_countries + self->topic_ids->len + self->tag_names->len + n_years + 1);
  tally = g_new0 (Tally, 1);
  tally->countries = buffer;
  tally->topics = tally->countries + n_countries;
  tally->tags = tally->topics + self->topic_ids->len;
  tally->years = tally->tags + self->tag_names->len;

  if (self->n_records > 0 && n_ids >= self->n_records / BITMAP_DIVISOR)
    done = count_marked (self, ids, n_ids, cancellable, tally);
  else
    done = count_each (self, ids, n_ids, cancellable, tally);

  if (!done || g_cancellable_is_cancelled (cancellable))
    return NULL;

  spread_topic_bytes (tally);

  return make_counts (self, tally);
}

/**
 * accords_facet_index_count_async:
 * @self: an index
 * @ids: (element-type gint64): the record ids; the array is kept (by
 *   reference) until the count is done and must not change meanwhile, as
 *   the array of accords_record_list_get_ids() never does
 * @cancellable: (nullable): stops the counting
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Counts the facets of @ids on a worker thread.
 */
void
accords_facet_index_count_async (AccordsFacetIndex   *self,
                                 GArray              *ids,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_FACET_INDEX (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (gint64));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_facet_index_count_async);
  g_task_set_task_data (task, g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, count_thread);
}

/**
 * accords_facet_index_count_finish:
 *
 * Returns: (transfer full): the counts, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
AccordsFacetCounts *
accords_facet_index_count_finish (AccordsFacetIndex  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        accords_facet_index_count_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Public: the counts ------------------------------------------------------- */

/**
 * accords_facet_counts_get_total:
 *
 * Returns: the number of records counted
 */
guint
accords_facet_counts_get_total (AccordsFacetCounts *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);

  return self->total;
}

guint
accords_facet_counts_get_n_entries (AccordsFacetCounts *self,
                                    AccordsFacet        facet)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, 0);

  return self->entries[facet]->len;
}

/**
 * accords_facet_counts_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry at @position, or %NULL
 *   past the end; it lives as long as @self
 */
const AccordsFacetEntry *
accords_facet_counts_get_entry (AccordsFacetCounts *self,
                                AccordsFacet        facet,
                                guint               position)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), NULL);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, NULL);

  if (position >= self->entries[facet]->len)
    return NULL;

  return &g_array_index (self->entries[facet], AccordsFacetEntry, position);
}

/**
 * accords_facet_counts_lookup:
 * @value: a country code, topic id, kind id, year ("2025") or tag name
 *
 * Returns: how many of the records counted have @value; 0 when none
 */
guint
accords_facet_counts_lookup (AccordsFacetCounts *self,
                             AccordsFacet        facet,
                             const char         *value)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, 0);
  g_return_val_if_fail (value != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts[facet], value));
}
