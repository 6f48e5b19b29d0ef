/* accords-timeline-layout-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-timeline-layout.h"

G_BEGIN_DECLS

/* What accords-timeline-layout.c shares with accords-timeline-ticks.c and
 * accords-timeline-density.c. */

/* floor() and ceil() without libm, which the core does not link. */
static inline gint64
floor_day (double day)
{
  gint64 whole = (gint64) day;

  return (double) whole > day ? whole - 1 : whole;
}

static inline gint64
ceil_day (double day)
{
  gint64 whole = (gint64) day;

  return (double) whole < day ? whole + 1 : whole;
}

typedef struct
{
  const char *key;
  guint       count;
} KeyCount;

GArray *_accords_timeline_make_lanes (GArray *sorted,
                                      guint   max_lanes);

G_END_DECLS
