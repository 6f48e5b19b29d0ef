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
 * Compact in-memory columns of a whole library (event year, kind, topic
 * bits, party countries, tags), loaded once off the main thread, from
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
