/* accords-timeline-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-timeline.h"
#include "accords-timeline-layout.h"

G_BEGIN_DECLS

/* The timeline's state, shared by accords-timeline.c (lifecycle, layout),
 * accords-timeline-load.c (loading), accords-timeline-input.c (pointer,
 * gestures, keyboard, actions) and accords-timeline-draw.c (drawing and
 * picture export). */

#define LABEL_WIDTH     160.0  /* lane headers */
#define AXIS_HEIGHT     44.0
#define LEGEND_HEIGHT   32.0
#define ROW_HEIGHT      16.0
#define MARKER_HEIGHT   12.0
#define MARKER_WIDTH    10.0
#define LANE_GAP        10.0
#define MAX_LANES       30
#define HEAT_THRESHOLD  2000   /* markers in view above which lanes show counts */
#define BIN_WIDTH       4.0    /* pixels per heat bin */
#define LOAD_BLOCK      256
#define ZOOM_STEP       1.25
#define MIN_DAYS        3.0
#define MAX_DAYS        (365.2425 * 400)

struct _AccordsTimeline
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkWidget      *toolbar;

  /* owned */
  AccordsSession *session;
  GCancellable   *cancellable;
  AccordsTimelineDensity *density; /* large results only: counts per lane and day */
  GCancellable   *detail_cancellable;
  GArray         *items;       /* AccordsTimelineItem: the whole result, or with a
                                * density the records near the view */
  GHashTable     *item_of_id;  /* id → index + 1 */
  GArray         *order;       /* guint item indices by day, for keyboard focus */
  GArray         *lanes;       /* AccordsTimelineLane */
  GPtrArray      *lane_names;  /* char *: the header of each lane */
  GArray         *placements;  /* AccordsTimelinePlacement */
  guint          *bins;        /* lanes × n_bins, in heat mode */
  guint           n_bins;
  char           *group_by;
  guint           kinds;       /* bit k: a record of kind k is shown */
  gboolean        any_vague;   /* a month- or year-precision record is shown */
  double          detail_start; /* with a density: the range the items cover */
  double          detail_end;

  double          start;       /* visible days */
  double          end;
  int             stacked_width;
  double          stacked_start;
  double          stacked_end;
  gboolean        heat;        /* too many markers in view: counts per bin */
  gboolean        fit_on_load;

  double          lane_offset; /* pixels the lanes are scrolled up */

  double          pointer_x;
  double          pointer_y;
  gboolean        pointer_inside;

  gint64          selected_id;
  gint64          focus_id;

  /* dragging */
  gboolean        range_drag;
  double          drag_start;  /* visible start when a pan began */
  double          drag_end;
  double          range_x0;
  double          range_x1;

  double          zoom_start;  /* visible range when a pinch began */
  double          zoom_end;
};

const AccordsTimelineItem *_accords_timeline_get_items           (AccordsTimeline           *self);
int                        _accords_timeline_plot_width          (AccordsTimeline           *self);
void                       _accords_timeline_get_layout          (AccordsTimeline           *self,
                                                                  AccordsTimelineLayout     *layout);
void                       _accords_timeline_update_layout       (AccordsTimeline           *self);
double                     _accords_timeline_today_day           (void);
void                       _accords_timeline_name_lanes          (AccordsTimeline           *self);

void                       _accords_timeline_snapshot            (GtkWidget                 *widget,
                                                                  GtkSnapshot               *snapshot);
void                       _accords_timeline_export_image_action (GtkWidget                 *widget,
                                                                  const char                *action_name,
                                                                  GVariant                  *parameter);

/* accords-timeline.c, for accords-timeline-load.c and accords-timeline-input.c */
AccordsTimelineGroup       _accords_timeline_get_group (AccordsTimeline *self);
void                       _accords_timeline_set_focus_id (AccordsTimeline *self,
                                                           gint64           id);

/* accords-timeline-load.c: loading the result on workers */
void                       _accords_timeline_start_load (AccordsTimeline *self,
                                                         gboolean         regroup);
void                       _accords_timeline_start_details (AccordsTimeline *self);

/* accords-timeline-input.c: pointer, gestures, keyboard and actions */
gboolean                   _accords_timeline_query_tooltip (GtkWidget  *widget,
                                                            int         x,
                                                            int         y,
                                                            gboolean    keyboard_mode,
                                                            GtkTooltip *tooltip);
gboolean                   _accords_timeline_focus (GtkWidget        *widget,
                                                    GtkDirectionType  direction);
void                       _accords_timeline_on_motion_cb (AccordsTimeline          *self,
                                                           double                    x,
                                                           double                    y,
                                                           GtkEventControllerMotion *motion);
void                       _accords_timeline_on_leave_cb (AccordsTimeline *self);
gboolean                   _accords_timeline_on_scroll_cb (AccordsTimeline          *self,
                                                           double                    dx,
                                                           double                    dy,
                                                           GtkEventControllerScroll *scroll);
void                       _accords_timeline_on_zoom_begin_cb (AccordsTimeline *self);
void                       _accords_timeline_on_zoom_scale_changed_cb (AccordsTimeline *self,
                                                                       double           scale,
                                                                       GtkGestureZoom  *gesture);
void                       _accords_timeline_on_drag_begin_cb (AccordsTimeline *self,
                                                               double           x,
                                                               double           y,
                                                               GtkGestureDrag  *drag);
void                       _accords_timeline_on_drag_update_cb (AccordsTimeline *self,
                                                                double           dx,
                                                                double           dy,
                                                                GtkGestureDrag  *drag);
void                       _accords_timeline_on_drag_end_cb (AccordsTimeline *self,
                                                             double           dx,
                                                             double           dy,
                                                             GtkGestureDrag  *drag);
void                       _accords_timeline_on_click_released_cb (AccordsTimeline *self,
                                                                   int              n_press,
                                                                   double           x,
                                                                   double           y,
                                                                   GtkGestureClick *click);
void                       _accords_timeline_zoom_in_action (GtkWidget  *widget,
                                                             const char *action_name,
                                                             GVariant   *parameter);
void                       _accords_timeline_zoom_out_action (GtkWidget  *widget,
                                                              const char *action_name,
                                                              GVariant   *parameter);
void                       _accords_timeline_zoom_to_fit_action (GtkWidget  *widget,
                                                                 const char *action_name,
                                                                 GVariant   *parameter);
void                       _accords_timeline_pan_action (GtkWidget  *widget,
                                                         const char *action_name,
                                                         GVariant   *parameter);
void                       _accords_timeline_focus_step_action (GtkWidget  *widget,
                                                                const char *action_name,
                                                                GVariant   *parameter);
void                       _accords_timeline_select_focused_action (GtkWidget  *widget,
                                                                    const char *action_name,
                                                                    GVariant   *parameter);

G_END_DECLS
