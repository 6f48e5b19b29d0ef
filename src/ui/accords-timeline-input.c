/* accords-timeline-input.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-input"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-country.h"
#include "accords-format.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"
#include "accords-timeline-private.h"
#include "accords-topic.h"

/* Helpers ------------------------------------------------------------------ */

static void
zoom_about (AccordsTimeline *self,
            double           factor,
            double           x)
{
  int width = _accords_timeline_plot_width (self);
  double anchor = accords_timeline_x_to_day (self->start, self->end, width, x);
  double days = CLAMP ((self->end - self->start) * factor, MIN_DAYS, MAX_DAYS);
  double fraction = x / _accords_timeline_plot_width (self);
  double start = anchor - fraction * days;

  accords_timeline_set_range (self, start, start + days);
}

static double
zoom_anchor (AccordsTimeline *self)
{
  if (self->pointer_inside && self->pointer_x >= LABEL_WIDTH)
    return self->pointer_x - LABEL_WIDTH;

  return _accords_timeline_plot_width (self) / 2.0;
}

static void
pan_by_pixels (AccordsTimeline *self,
               double           dx)
{
  double days = dx * (self->end - self->start) / _accords_timeline_plot_width (self);

  accords_timeline_set_range (self, self->start + days, self->end + days);
}

static void
select_id (AccordsTimeline *self,
           gint64           id)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  guint position = accords_record_list_find_id (records, id);

  if (position == G_MAXUINT)
    return;

  gtk_selection_model_select_item (accords_session_get_selection (self->session), position, TRUE);
}

/* The item at @position in time order. */
static const AccordsTimelineItem *
order_item (AccordsTimeline *self,
            guint            position)
{
  return &_accords_timeline_get_items (self)[g_array_index (self->order, guint, position)];
}

/* Moves the keyboard focus @step markers on in time order; FALSE at the ends. */
static gboolean
move_focus (AccordsTimeline *self,
            int              step)
{
  guint position = G_MAXUINT;
  gint64 next;

  if (self->density != NULL)
    {
      guint n = accords_timeline_density_get_n_dated (self->density);

      if (n == 0)
        return FALSE;

      if (self->focus_id != 0)
        position = accords_timeline_density_find (self->density, self->focus_id);

      if (position == G_MAXUINT)
        {
          /* the first marker in view, or the first one at all */
          position = accords_timeline_density_lower_bound (self->density, self->start);
          if (position >= n)
            position = 0;
        }
      else if ((step < 0 && position == 0) || (step > 0 && position + 1 >= n))
        {
          return FALSE;
        }
      else
        {
          position += step;
        }

      _accords_timeline_set_focus_id (self, accords_timeline_density_get_id (self->density, position));

      return TRUE;
    }

  if (self->order->len == 0)
    return FALSE;

  for (guint i = 0; i < self->order->len && self->focus_id != 0; i++)
    {
      if (order_item (self, i)->id == self->focus_id)
        {
          position = i;
          break;
        }
    }

  if (position == G_MAXUINT)
    {
      /* the first marker in view, or the first one at all */
      position = 0;
      for (guint i = 0; i < self->order->len; i++)
        {
          if (order_item (self, i)->day >= self->start)
            {
              position = i;
              break;
            }
        }
      next = order_item (self, position)->id;
    }
  else
    {
      if ((step < 0 && position == 0) || (step > 0 && position + 1 >= self->order->len))
        return FALSE;
      next = order_item (self, position + step)->id;
    }

  _accords_timeline_set_focus_id (self, next);

  return TRUE;
}

/* Pointer and keyboard ------------------------------------------------------ */

void
_accords_timeline_on_motion_cb (AccordsTimeline          *self,
                                double                    x,
                                double                    y,
                                GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

void
_accords_timeline_on_leave_cb (AccordsTimeline *self)
{
  self->pointer_inside = FALSE;
}

static gint64
hit_test (AccordsTimeline *self,
          double           x,
          double           y)
{
  AccordsTimelineLayout layout;

  if (self->heat || x < LABEL_WIDTH || y < AXIS_HEIGHT)
    return 0;

  _accords_timeline_get_layout (self, &layout);
  _accords_timeline_update_layout (self);

  return accords_timeline_hit_test (_accords_timeline_get_items (self),
                                    self->lanes, self->placements, &layout,
                                    x - LABEL_WIDTH, y);
}

/* Scrolls the lanes by @dy pixels; FALSE when they all fit. */
static gboolean
scroll_lanes (AccordsTimeline *self,
              double           dy)
{
  AccordsTimelineLayout layout;
  double content, view, offset;

  _accords_timeline_get_layout (self, &layout);
  layout.top = 0;
  content = accords_timeline_lane_top (self->lanes, &layout, self->lanes->len) + 6;
  view = gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT - LEGEND_HEIGHT;
  if (content <= view)
    {
      self->lane_offset = 0;
      return FALSE;
    }

  offset = CLAMP (self->lane_offset + dy, 0, content - view);
  if (offset != self->lane_offset)
    {
      self->lane_offset = offset;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  return TRUE;
}

gboolean
_accords_timeline_on_scroll_cb (AccordsTimeline          *self,
                                double                    dx,
                                double                    dy,
                                GtkEventControllerScroll *scroll)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  if (state & GDK_CONTROL_MASK)
    {
      zoom_about (self, dy > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, zoom_anchor (self));
      return TRUE;
    }

  /* a wheel scrolls the lanes when they do not fit, Shift+wheel or a
   * sideways scroll pans in time */
  if (dy != 0 && (state & GDK_SHIFT_MASK) == 0 && scroll_lanes (self, dy * 40))
    return TRUE;

  pan_by_pixels (self, (state & GDK_SHIFT_MASK) ? (dx + dy) * 40 : dx * 40);

  return TRUE;
}

void
_accords_timeline_on_zoom_begin_cb (AccordsTimeline *self)
{
  self->zoom_start = self->start;
  self->zoom_end = self->end;
}

void
_accords_timeline_on_zoom_scale_changed_cb (AccordsTimeline *self,
                                            double           scale,
                                            GtkGestureZoom  *gesture)
{
  double x, y;
  double anchor, days, fraction;

  if (scale <= 0)
    return;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    x = LABEL_WIDTH + _accords_timeline_plot_width (self) / 2.0;

  x -= LABEL_WIDTH;
  anchor = accords_timeline_x_to_day (self->zoom_start, self->zoom_end,
                                      _accords_timeline_plot_width (self), x);
  days = (self->zoom_end - self->zoom_start) / scale;
  fraction = x / _accords_timeline_plot_width (self);
  accords_timeline_set_range (self, anchor - fraction * days, anchor - fraction * days + days);
}

void
_accords_timeline_on_drag_begin_cb (AccordsTimeline *self,
                                    double           x,
                                    double           y,
                                    GtkGestureDrag  *drag)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (drag));

  self->drag_start = self->start;
  self->drag_end = self->end;
  self->range_drag = (state & GDK_SHIFT_MASK) != 0 && x >= LABEL_WIDTH;
  self->range_x0 = self->range_x1 = x;
}

void
_accords_timeline_on_drag_update_cb (AccordsTimeline *self,
                                     double           dx,
                                     double           dy,
                                     GtkGestureDrag  *drag)
{
  int width = _accords_timeline_plot_width (self);
  double shift;

  if (self->range_drag)
    {
      self->range_x1 = CLAMP (self->range_x0 + dx, LABEL_WIDTH, LABEL_WIDTH + width);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  if (ABS (dx) < 3)
    return;

  shift = dx * (self->drag_end - self->drag_start) / width;
  accords_timeline_set_range (self, self->drag_start - shift, self->drag_end - shift);
}

void
_accords_timeline_on_drag_end_cb (AccordsTimeline *self,
                                  double           dx,
                                  double           dy,
                                  GtkGestureDrag  *drag)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(GError) error = NULL;
  int width = _accords_timeline_plot_width (self);
  double a, b;

  if (!self->range_drag)
    return;

  self->range_drag = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (ABS (self->range_x1 - self->range_x0) < 3)
    return;

  a = accords_timeline_x_to_day (self->start, self->end, width, self->range_x0 - LABEL_WIDTH);
  b = accords_timeline_x_to_day (self->start, self->end, width, self->range_x1 - LABEL_WIDTH);
  query = accords_query_copy (accords_session_get_query (self->session));
  if (!accords_timeline_apply_range (query, MIN (a, b), MAX (a, b), &error))
    {
      g_debug ("Could not filter by the range: %s", error->message);
      return;
    }

  accords_session_set_query (self->session, query);
}

void
_accords_timeline_on_click_released_cb (AccordsTimeline *self,
                                        int              n_press,
                                        double           x,
                                        double           y,
                                        GtkGestureClick *click)
{
  gint64 id = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (id == 0)
    return;

  _accords_timeline_set_focus_id (self, id);
  select_id (self, id);
}

gboolean
_accords_timeline_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard_mode,
                                 GtkTooltip *tooltip)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);
  g_autoptr(AccordsRecord) record = NULL;
  g_autofree char *date = NULL;
  g_autofree char *parties = NULL;
  g_autofree char *markup = NULL;
  gint64 id = keyboard_mode ? self->focus_id : hit_test (self, x, y);

  if (id == 0)
    return FALSE;

  /* one indexed row, for the one record under the pointer */
  record = accords_store_load_record (accords_session_get_store (self->session), id, NULL);
  if (record == NULL)
    return FALSE;

  date = accords_format_event_date (record);
  parties = accords_format_parties (record);
  markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s", accords_record_get_title (record),
                                    date, parties != NULL ? parties : "");
  gtk_tooltip_set_markup (tooltip, markup);

  return TRUE;
}

gboolean
_accords_timeline_focus (GtkWidget        *widget,
                         GtkDirectionType  direction)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  if (!gtk_widget_has_focus (widget))
    {
      /* the toolbar first, then the markers */
      if (gtk_widget_child_focus (self->toolbar, direction))
        return TRUE;
      gtk_widget_grab_focus (widget);
      if (self->focus_id == 0)
        move_focus (self, 1);
      return TRUE;
    }

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      return move_focus (self, 1);

    case GTK_DIR_TAB_BACKWARD:
      return move_focus (self, -1);

    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      return FALSE;
    }
}

/* Actions ------------------------------------------------------------------- */

void
_accords_timeline_zoom_in_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  zoom_about (self, 1 / ZOOM_STEP, zoom_anchor (self));
}

void
_accords_timeline_zoom_out_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  zoom_about (self, ZOOM_STEP, zoom_anchor (self));
}

void
_accords_timeline_zoom_to_fit_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  accords_timeline_zoom_to_fit (ACCORDS_TIMELINE (widget));
}

void
_accords_timeline_pan_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  pan_by_pixels (self, g_variant_get_int32 (parameter) *
                 _accords_timeline_plot_width (self) / 10.0);
}

void
_accords_timeline_focus_step_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  if (self->order->len == 0 && self->density == NULL)
    pan_by_pixels (self, g_variant_get_int32 (parameter) *
                   _accords_timeline_plot_width (self) / 10.0);
  else
    move_focus (self, g_variant_get_int32 (parameter));
}

void
_accords_timeline_select_focused_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  if (self->focus_id != 0)
    select_id (self, self->focus_id);
}
