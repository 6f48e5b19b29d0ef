/* accords-facets-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-facets.h"

G_BEGIN_DECLS

/* The index and what accords-facets.c (the object and its columns),
 * accords-facets-load.c (loading) and accords-facets-count.c (counting) share. */

/* The index keeps, in record id order, a few bytes per record: the event
 * year and day number, the span to the last day with the date precision,
 * the kind, the topics as bits, and the party countries and tags as
 * compressed sparse rows (offsets into one array of small indices). At a
 * million records that is about 25 MB, from which the facets of any result
 * come in a few milliseconds: a small result is looked up record by record,
 * a large one is marked in a bitmap and the columns read in order. */

#define N_KINDS           (ACCORDS_KIND_ANNOUNCEMENT + 1)
#define NO_KIND           G_MAXUINT8
#define NOT_FOUND         G_MAXUINT32

/* Topics get the bits 0–30 in vocabulary order, then in order of first
 * use for ids outside the vocabulary; a record with a topic beyond that
 * has EXTRA_TOPICS set and its further topics in extra_topics. */
#define TOPIC_BITS        31
#define EXTRA_TOPICS      (1u << TOPIC_BITS)

G_STATIC_ASSERT (EXTRA_TOPICS == ACCORDS_FACET_EXTRA_TOPICS);

/* The span to a record's last day and its date precision share 16 bits:
 * 14 bits of days reach 44 years, far beyond nearly every event; the few
 * longer ones are marked SPAN_LONG and kept, by record, in long_spans.
 * Two bytes a record (2 MB at a million) instead of a 4-byte end day. */
#define PRECISION_SHIFT   ACCORDS_FACET_PRECISION_SHIFT
#define SPAN_MASK         ACCORDS_FACET_SPAN_MASK
#define SPAN_LONG         ACCORDS_FACET_SPAN_LONG

G_STATIC_ASSERT (ACCORDS_DATE_PRECISION_YEAR < 4);

/* Parties of a record counted without a loop; see count_record(). */
#define PARTY_PADDING     4

/* The cancellable is checked after this many ids or records. */
#define CANCEL_MASK       0xffff

/* A result with at least n_records / BITMAP_DIVISOR ids is counted by
 * marking it in a bitmap and reading the columns in order: from there on
 * that costs less than looking the ids up in the order they come in. */
#define BITMAP_DIVISOR    16

/* Record ids are mapped through an array of slots when the largest id is
 * below SLOTS_FACTOR × the number of records (+ SLOTS_SLACK). */
#define SLOTS_FACTOR      2
#define SLOTS_SLACK       65536

typedef enum
{
  ID_MAP_OFFSET, /* ids are consecutive: index = id - first_id */
  ID_MAP_SLOTS,  /* index = slots[id] */
  ID_MAP_SEARCH, /* binary search in ids */
} IdMap;

typedef struct
{
  guint32 record;
  guint32 topic;
} ExtraTopic;

typedef struct
{
  guint32 record;
  gint32  end;            /* the last day */
} LongSpan;

struct _AccordsFacetIndex
{
  GObject     parent_instance;

  /* owned; never changed once loaded, so that any thread may count */
  guint       n_records;

  IdMap       id_map;
  gint64      first_id;       /* ID_MAP_OFFSET */
  guint32    *slots;          /* ID_MAP_SLOTS: NOT_FOUND for a gap */
  gsize       n_slots;
  gint64     *ids;            /* ID_MAP_SEARCH: ascending */

  gint16     *years;          /* per record; 0 when undated */
  gint32     *days;           /* per record: Julian day of the event date; 0 when undated */
  guint16    *spans;          /* per record: last day - first day | precision << 14 */
  guint8     *kinds;          /* per record: AccordsKind, or NO_KIND */
  guint32    *topics;         /* per record: bits into topic_ids */
  guint32    *party_offsets;  /* n_records + 1, into parties */
  guint16    *parties;        /* indices into country_codes */
  guint32    *tag_offsets;    /* n_records + 1, into tags */
  guint32    *tags;           /* indices into tag_names */
  ExtraTopic *extra_topics;   /* by record */
  guint       n_extra_topics;
  LongSpan   *long_spans;     /* by record: the spans marked SPAN_LONG */
  guint       n_long_spans;

  gint16      min_year;
  gint16      max_year;       /* min_year > max_year: no dated record */

  GPtrArray  *country_codes;  /* of char * */
  GPtrArray  *topic_ids;
  GPtrArray  *tag_names;
};

/* The index of the record @id, or NOT_FOUND; here, not in a .c file, so
 * that the counting loops of accords-facets-count.c can inline it. */
static inline guint32
lookup_index (AccordsFacetIndex *self,
              gint64             id)
{
  switch (self->id_map)
    {
    case ID_MAP_OFFSET:
      if (id < self->first_id || (guint64) (id - self->first_id) >= self->n_records)
        return NOT_FOUND;
      return (guint32) (id - self->first_id);

    case ID_MAP_SLOTS:
      if (id < 0 || (guint64) id >= self->n_slots)
        return NOT_FOUND;
      return self->slots[id];

    case ID_MAP_SEARCH:
    default:
      {
        guint lo = 0;
        guint hi = self->n_records;

        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if (self->ids[mid] < id)
              lo = mid + 1;
            else
              hi = mid;
          }

        return lo < self->n_records && self->ids[lo] == id ? lo : NOT_FOUND;
      }
    }
}

guint _accords_facet_index_first_extra_topic (AccordsFacetIndex *self,
                                             guint32            record);

G_END_DECLS
