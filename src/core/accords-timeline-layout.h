/* accords-timeline-layout.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-facets.h"
#include "accords-types.h"

G_BEGIN_DECLS

/* The pure geometry of the timeline view: ticks, time ↔ x, lanes, stacking,
 * hit testing, bins and the range filter. Time is a day number (GDate's
 * Julian day, 1 = 0001-01-01) as a double, so that a position inside a day
 * is a fraction. No GTK here: the widget only draws what this computes. */

typedef enum
{
  ACCORDS_TIMELINE_SCALE_DAY,
  ACCORDS_TIMELINE_SCALE_WEEK,
  ACCORDS_TIMELINE_SCALE_MONTH,
  ACCORDS_TIMELINE_SCALE_QUARTER,
  ACCORDS_TIMELINE_SCALE_YEAR,
  ACCORDS_TIMELINE_SCALE_DECADE,
} AccordsTimelineScale;

typedef enum
{
  ACCORDS_TIMELINE_GROUP_COUNTRY, /* one lane per party country */
  ACCORDS_TIMELINE_GROUP_DYAD,    /* one lane per pair of party countries */
  ACCORDS_TIMELINE_GROUP_TOPIC,   /* one lane per topic */
  ACCORDS_TIMELINE_GROUP_KIND,    /* one lane per kind */
} AccordsTimelineGroup;

/* A record as the timeline needs it: a few bytes and two borrowed lists. */
typedef struct
{
  gint64               id;
  gint32               day;        /* first day; 0 when undated */
  gint32               end_day;    /* last day, >= day (day precision: event_end or day) */
  AccordsKind          kind;
  AccordsDatePrecision precision;
  GStrv                parties;    /* owned by the item array, may be NULL */
  GStrv                topics;     /* owned by the item array, may be NULL */
} AccordsTimelineItem;

typedef struct
{
  double    day;    /* the tick's day number */
  double    x;      /* its position in pixels */
  char     *label;  /* locale formatted; owned by the array */
  gboolean  major;  /* first tick of the next larger unit */
} AccordsTimelineTick;

typedef struct
{
  char  *key;    /* country code, "IR-RS", topic id, kind id; NULL for "N more" */
  guint  count;  /* placements in the lane */
  guint  n_folded; /* for the "N more" lane: how many keys it holds */
  guint  n_rows; /* after stacking */
} AccordsTimelineLane;

typedef struct
{
  guint  item;   /* index into the item array */
  guint  lane;   /* index into the lanes */
  guint  row;    /* after stacking */
  double x0;     /* after stacking: pixels */
  double x1;
} AccordsTimelinePlacement;

/* The vertical layout of the lanes for hit testing. */
typedef struct
{
  double top;         /* y of the first lane */
  double row_height;  /* height of one stacked row */
  double lane_gap;    /* space between lanes */
  double slop;        /* pixels of tolerance around a marker */
} AccordsTimelineLayout;

GArray               *accords_timeline_item_array_new    (void);
gboolean              accords_timeline_item_set_dates    (AccordsTimelineItem      *item,
                                                          const char               *event_date,
                                                          const char               *event_end,
                                                          AccordsDatePrecision      precision);
gint32                accords_timeline_day_from_iso      (const char               *date);
char                 *accords_timeline_day_to_iso        (gint32                    day);

double                accords_timeline_day_to_x          (double                    start,
                                                          double                    end,
                                                          int                       width,
                                                          double                    day);
double                accords_timeline_x_to_day          (double                    start,
                                                          double                    end,
                                                          int                       width,
                                                          double                    x);
AccordsTimelineScale  accords_timeline_choose_scale      (double                    start,
                                                          double                    end,
                                                          int                       width);
GArray               *accords_timeline_compute_ticks     (double                    start,
                                                          double                    end,
                                                          int                       width,
                                                          AccordsTimelineScale     *scale);

GArray               *accords_timeline_assign_lanes      (const AccordsTimelineItem *items,
                                                          guint                     n_items,
                                                          AccordsTimelineGroup      group,
                                                          guint                     max_lanes,
                                                          GArray                  **placements);
void                  accords_timeline_stack             (const AccordsTimelineItem *items,
                                                          GArray                   *lanes,
                                                          GArray                   *placements,
                                                          double                    start,
                                                          double                    end,
                                                          int                       width,
                                                          double                    marker_width);
double                accords_timeline_lane_top          (GArray                   *lanes,
                                                          const AccordsTimelineLayout *layout,
                                                          guint                     lane);
gint64                accords_timeline_hit_test          (const AccordsTimelineItem *items,
                                                          GArray                   *lanes,
                                                          GArray                   *placements,
                                                          const AccordsTimelineLayout *layout,
                                                          double                    x,
                                                          double                    y);
guint                *accords_timeline_count_bins        (const AccordsTimelineItem *items,
                                                          GArray                   *lanes,
                                                          GArray                   *placements,
                                                          double                    start,
                                                          double                    end,
                                                          guint                     n_bins);
GArray               *accords_timeline_place             (const AccordsTimelineItem *items,
                                                          guint                     n_items,
                                                          AccordsTimelineGroup      group,
                                                          GArray                   *lanes);

/**
 * AccordsTimelineDensity:
 *
 * The records of a result per lane and day, from the facet index's
 * columns: what the timeline draws when too many records are in view for
 * markers. Immutable once made, reference counted, any thread may read it.
 */
typedef struct _AccordsTimelineDensity AccordsTimelineDensity;

AccordsTimelineDensity *accords_timeline_density_new        (AccordsFacetIndex      *index,
                                                             const gint64           *ids,
                                                             guint                   n_ids,
                                                             AccordsTimelineGroup    group,
                                                             guint                   max_lanes,
                                                             GCancellable           *cancellable);
AccordsTimelineDensity *accords_timeline_density_ref        (AccordsTimelineDensity *self);
void                    accords_timeline_density_unref      (AccordsTimelineDensity *self);
GArray                 *accords_timeline_density_get_lanes  (AccordsTimelineDensity *self);
guint                   accords_timeline_density_get_n_dated (AccordsTimelineDensity *self);
guint                   accords_timeline_density_get_kinds  (AccordsTimelineDensity *self);
guint                   accords_timeline_density_get_precisions (AccordsTimelineDensity *self);
gint32                  accords_timeline_density_get_last_day (AccordsTimelineDensity *self);
gint64                  accords_timeline_density_get_id     (AccordsTimelineDensity *self,
                                                             guint                   position);
gint32                  accords_timeline_density_get_day    (AccordsTimelineDensity *self,
                                                             guint                   position);
gint32                  accords_timeline_density_get_end_day (AccordsTimelineDensity *self,
                                                             guint                   position);
guint                   accords_timeline_density_lower_bound (AccordsTimelineDensity *self,
                                                             double                  day);
guint                   accords_timeline_density_find       (AccordsTimelineDensity *self,
                                                             gint64                  id);
guint                   accords_timeline_density_count      (AccordsTimelineDensity *self,
                                                             double                  start,
                                                             double                  end);
guint                  *accords_timeline_density_bins       (AccordsTimelineDensity *self,
                                                             double                  start,
                                                             double                  end,
                                                             guint                   n_bins);
GArray                 *accords_timeline_density_candidates (AccordsTimelineDensity *self,
                                                             double                  start,
                                                             double                  end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsTimelineDensity, accords_timeline_density_unref)

gboolean              accords_timeline_apply_range       (AccordsQuery             *query,
                                                          double                    start,
                                                          double                    end,
                                                          GError                  **error);

G_END_DECLS
