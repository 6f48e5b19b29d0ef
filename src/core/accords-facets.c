/* accords-facets.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-facets"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-facets-private.h"
#include "accords-store-private.h"
#include "accords-topic.h"

G_DEFINE_FINAL_TYPE (AccordsFacetIndex, accords_facet_index, G_TYPE_OBJECT)

/* GObject ------------------------------------------------------------------ */

static void
accords_facet_index_finalize (GObject *object)
{
  AccordsFacetIndex *self = (AccordsFacetIndex *) object;

  g_free (self->slots);
  g_free (self->ids);
  g_free (self->years);
  g_free (self->days);
  g_free (self->spans);
  g_free (self->kinds);
  g_free (self->topics);
  g_free (self->party_offsets);
  g_free (self->parties);
  g_free (self->tag_offsets);
  g_free (self->tags);
  g_free (self->extra_topics);
  g_free (self->long_spans);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tag_names, g_ptr_array_unref);

  G_OBJECT_CLASS (accords_facet_index_parent_class)->finalize (object);
}

static void
accords_facet_index_class_init (AccordsFacetIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_facet_index_finalize;
}

static void
accords_facet_index_init (AccordsFacetIndex *self)
{
}


/* Public: the index -------------------------------------------------------- */

/**
 * accords_facet_index_get_n_records:
 *
 * Returns: the number of records of the library when the index was loaded
 */
guint
accords_facet_index_get_n_records (AccordsFacetIndex *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  return self->n_records;
}

/**
 * accords_facet_index_get_size:
 *
 * Returns: the bytes the index keeps in memory (its columns and tables)
 */
gsize
accords_facet_index_get_size (AccordsFacetIndex *self)
{
  gsize size = 0;
  GPtrArray *tables[3];

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  tables[0] = self->country_codes;
  tables[1] = self->topic_ids;
  tables[2] = self->tag_names;

  size += self->n_slots * sizeof (guint32);
  size += self->id_map == ID_MAP_SEARCH ? self->n_records * sizeof (gint64) : 0;
  size += self->n_records * (sizeof (gint16) + sizeof (gint32) + sizeof (guint16) +
                             sizeof (guint8) + sizeof (guint32));
  size += 2 * (self->n_records + 1) * sizeof (guint32);
  size += self->party_offsets[self->n_records] * sizeof (guint16);
  size += self->tag_offsets[self->n_records] * sizeof (guint32);
  size += self->n_extra_topics * sizeof (ExtraTopic);
  size += self->n_long_spans * sizeof (LongSpan);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (guint i = 0; i < tables[t]->len; i++)
        size += sizeof (gpointer) + strlen (g_ptr_array_index (tables[t], i)) + 1;
    }

  return size;
}

/**
 * accords_facet_index_get_columns:
 * @self: an index
 * @columns: (out caller-allocates): where to put the views
 *
 * Fills @columns with borrowed views of the index's columns, valid as
 * long as @self; any thread may read them.
 */
void
accords_facet_index_get_columns (AccordsFacetIndex   *self,
                                 AccordsFacetColumns *columns)
{
  g_return_if_fail (ACCORDS_IS_FACET_INDEX (self));
  g_return_if_fail (columns != NULL);

  columns->n_records = self->n_records;
  columns->days = self->days;
  columns->spans = self->spans;
  columns->kinds = self->kinds;
  columns->topics = self->topics;
  columns->party_offsets = self->party_offsets;
  columns->parties = self->parties;
  columns->country_codes = self->country_codes;
  columns->topic_ids = self->topic_ids;
}

/**
 * accords_facet_index_lookup:
 * @id: a record id
 *
 * Returns: the record index of @id in the columns, %G_MAXUINT32 when the
 *   index does not know it (added since it was loaded)
 */
guint32
accords_facet_index_lookup (AccordsFacetIndex *self,
                            gint64             id)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NOT_FOUND);

  return lookup_index (self, id);
}

/**
 * accords_facet_index_get_day:
 * @id: a record id
 *
 * Returns: the Julian day of the event date of @id; 0 when undated or
 *   unknown to the index
 */
gint32
accords_facet_index_get_day (AccordsFacetIndex *self,
                             gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  record = lookup_index (self, id);

  return record != NOT_FOUND ? self->days[record] : 0;
}

/* The last day of the dated record @record. */
static gint32
record_end_day (AccordsFacetIndex *self,
                guint32            record)
{
  guint span = self->spans[record] & SPAN_MASK;
  guint lo = 0;
  guint hi = self->n_long_spans;

  if (span != SPAN_LONG)
    return self->days[record] + span;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->long_spans[mid].record < record)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_assert (lo < self->n_long_spans && self->long_spans[lo].record == record);

  return self->long_spans[lo].end;
}

/**
 * accords_facet_index_get_end_day:
 * @id: a record id
 *
 * Returns: the last day of the event of @id as the timeline draws it: the
 *   event end, the end of the month or year of a vague date, or else its
 *   first day; 0 when undated or unknown to the index
 */
gint32
accords_facet_index_get_end_day (AccordsFacetIndex *self,
                                 gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  record = lookup_index (self, id);
  if (record == NOT_FOUND || self->days[record] == 0)
    return 0;

  return record_end_day (self, record);
}

/**
 * accords_facet_index_get_precision:
 * @id: a record id
 *
 * Returns: the date precision of @id; %ACCORDS_DATE_PRECISION_DAY when
 *   unknown to the index
 */
AccordsDatePrecision
accords_facet_index_get_precision (AccordsFacetIndex *self,
                                   gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), ACCORDS_DATE_PRECISION_DAY);

  record = lookup_index (self, id);
  if (record == NOT_FOUND)
    return ACCORDS_DATE_PRECISION_DAY;

  return self->spans[record] >> PRECISION_SHIFT;
}

/**
 * accords_facet_index_get_long_end:
 * @record: a record index whose span in the columns is
 *   %ACCORDS_FACET_SPAN_LONG
 *
 * Returns: the last day of @record, for the rare events longer than the
 *   span column holds
 */
gint32
accords_facet_index_get_long_end (AccordsFacetIndex *self,
                                  guint32            record)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);
  g_return_val_if_fail (record < self->n_records, 0);
  g_return_val_if_fail ((self->spans[record] & SPAN_MASK) == SPAN_LONG, 0);

  return record_end_day (self, record);
}

/**
 * accords_facet_index_get_extra_topics:
 * @record: a record index
 * @topics: (out) (array length=max_topics): indices into the topic ids
 * @max_topics: room in @topics
 *
 * The topics of @record beyond the bits of its topic column, in the rare
 * libraries with more than 31 topic ids.
 *
 * Returns: how many were written to @topics
 */
guint
accords_facet_index_get_extra_topics (AccordsFacetIndex *self,
                                      guint32            record,
                                      guint32           *topics,
                                      guint              max_topics)
{
  guint lo;
  guint n = 0;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  lo = _accords_facet_index_first_extra_topic (self, record);

  for (; lo < self->n_extra_topics && self->extra_topics[lo].record == record; lo++)
    {
      if (n < max_topics)
        topics[n++] = self->extra_topics[lo].topic;
    }

  return n;
}
