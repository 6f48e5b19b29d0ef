/* accords-timeline.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_TIMELINE (accords_timeline_get_type ())
G_DECLARE_FINAL_TYPE (AccordsTimeline, accords_timeline, ACCORDS, TIMELINE, GtkWidget)

GtkWidget      *accords_timeline_new          (AccordsSession  *session);
AccordsSession *accords_timeline_get_session  (AccordsTimeline *self);
void            accords_timeline_zoom_to_fit  (AccordsTimeline *self);
void            accords_timeline_set_range    (AccordsTimeline *self,
                                               double           start,
                                               double           end);
gboolean        accords_timeline_export_image (AccordsTimeline *self,
                                               GFile           *file,
                                               GError         **error);

G_END_DECLS
