/* accords-facets.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

/**
 * AccordsFacet:
 *
 * The dimensions the facet sidebar counts records by.
 */
typedef enum
{
  ACCORDS_FACET_COUNTRY, /*< nick=country >*/ /* party countries, alpha-2 codes */
  ACCORDS_FACET_TOPIC,   /*< nick=topic >*/   /* topic ids */
  ACCORDS_FACET_KIND,    /*< nick=kind >*/    /* kind ids */
  ACCORDS_FACET_YEAR,    /*< nick=year >*/    /* "2025" */
  ACCORDS_FACET_TAG,     /*< nick=tag >*/     /* tag names */
} AccordsFacet;

#define ACCORDS_FACET_N_FACETS (ACCORDS_FACET_TAG + 1)

/* One value of a facet and how many records of the current result have it. */
typedef struct
{
  char  *value;
  guint  count;
} AccordsFacetEntry;

/**
 * AccordsFacetIndex:
 *
 * Compact in-memory columns of a whole library (event year, first and
 * last day, date precision, kind, topic bits, party countries, tags), loaded once off the main thread, from
 * which facet counts under any result set take a few milliseconds
 * (PERF-FLOOR.md §4). Read-only once loaded: any thread may count with it.
 */
#define ACCORDS_TYPE_FACET_INDEX (accords_facet_index_get_type ())
G_DECLARE_FINAL_TYPE (AccordsFacetIndex, accords_facet_index, ACCORDS, FACET_INDEX, GObject)

/**
 * AccordsFacetCounts:
 *
 * The counts of every facet under one result set: for each facet, the
 * entries with a count above zero, most frequent first (ties by value);
 * years newest first.
 */
#define ACCORDS_TYPE_FACET_COUNTS (accords_facet_counts_get_type ())
G_DECLARE_FINAL_TYPE (AccordsFacetCounts, accords_facet_counts, ACCORDS, FACET_COUNTS, GObject)

/**
 * AccordsFacetColumns:
 * @n_records: the number of records, the length of each per-record column
 * @days: per record, the Julian day (1 = 0001-01-01) of its event date,
 *   0 when undated
 * @spans: per record, its last day minus its first day in the low bits
 *   (%ACCORDS_FACET_SPAN_MASK), or %ACCORDS_FACET_SPAN_LONG when that does
 *   not fit, see accords_facet_index_get_long_end(); its
 *   #AccordsDatePrecision in the top two bits
 *   (>> %ACCORDS_FACET_PRECISION_SHIFT). The last day is the end of the
 *   month or year of a vague date, or the event end when later; 0 when
 *   undated
 * @kinds: per record, its #AccordsKind, or %G_MAXUINT8 when unknown
 * @topics: per record, bit i set for the topic @topic_ids[i]; bit
 *   %ACCORDS_FACET_EXTRA_TOPICS set when it has further topics, see
 *   accords_facet_index_get_extra_topics()
 * @party_offsets: @n_records + 1 offsets into @parties
 * @parties: the party countries of record r, as indices into
 *   @country_codes, are parties[party_offsets[r]] up to
 *   parties[party_offsets[r + 1]]
 * @country_codes: (element-type utf8): country codes
 * @topic_ids: (element-type utf8): topic ids
 *
 * Borrowed views of the index's columns, by record index (see
 * accords_facet_index_lookup()), for code that aggregates over a result
 * without SQL, such as the timeline's heat strip. They live as long as the
 * index and never change.
 */
typedef struct
{
  guint          n_records;
  const gint32  *days;
  const guint16 *spans;
  const guint8  *kinds;
  const guint32 *topics;
  const guint32 *party_offsets;
  const guint16 *parties;
  GPtrArray     *country_codes;
  GPtrArray     *topic_ids;
} AccordsFacetColumns;

#define ACCORDS_FACET_EXTRA_TOPICS (1u << 31)

#define ACCORDS_FACET_PRECISION_SHIFT 14
#define ACCORDS_FACET_SPAN_MASK       ((1u << ACCORDS_FACET_PRECISION_SHIFT) - 1)
#define ACCORDS_FACET_SPAN_LONG       ACCORDS_FACET_SPAN_MASK

AccordsFacetIndex       *accords_facet_index_load          (AccordsStore        *store,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
void                     accords_facet_index_load_async    (AccordsStore        *store,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
AccordsFacetIndex       *accords_facet_index_load_finish   (GAsyncResult        *result,
                                                            GError             **error);
guint                    accords_facet_index_get_n_records (AccordsFacetIndex   *self);
gsize                    accords_facet_index_get_size      (AccordsFacetIndex   *self);
void                     accords_facet_index_get_columns   (AccordsFacetIndex   *self,
                                                            AccordsFacetColumns *columns);
guint32                  accords_facet_index_lookup        (AccordsFacetIndex   *self,
                                                            gint64               id);
gint32                   accords_facet_index_get_day       (AccordsFacetIndex   *self,
                                                            gint64               id);
gint32                   accords_facet_index_get_end_day   (AccordsFacetIndex   *self,
                                                            gint64               id);
AccordsDatePrecision     accords_facet_index_get_precision (AccordsFacetIndex   *self,
                                                            gint64               id);
gint32                   accords_facet_index_get_long_end  (AccordsFacetIndex   *self,
                                                            guint32              record);
guint                    accords_facet_index_get_extra_topics (AccordsFacetIndex *self,
                                                            guint32              record,
                                                            guint32             *topics,
                                                            guint                max_topics);

AccordsFacetCounts      *accords_facet_index_count         (AccordsFacetIndex   *self,
                                                            const gint64        *ids,
                                                            guint                n_ids,
                                                            GCancellable        *cancellable);
void                     accords_facet_index_count_async   (AccordsFacetIndex   *self,
                                                            GArray              *ids,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
AccordsFacetCounts      *accords_facet_index_count_finish  (AccordsFacetIndex   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

guint                    accords_facet_counts_get_total    (AccordsFacetCounts  *self);
guint                    accords_facet_counts_get_n_entries (AccordsFacetCounts *self,
                                                            AccordsFacet         facet);
const AccordsFacetEntry *accords_facet_counts_get_entry    (AccordsFacetCounts  *self,
                                                            AccordsFacet         facet,
                                                            guint                position);
guint                    accords_facet_counts_lookup       (AccordsFacetCounts  *self,
                                                            AccordsFacet         facet,
                                                            const char          *value);

G_END_DECLS
