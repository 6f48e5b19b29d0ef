/* accords-timeline.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-country.h"
#include "accords-format.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"
#include "accords-timeline-private.h"
#include "accords-topic.h"

/* The records of the session's current result on a time axis: one lane per
 * country (dyad, topic, kind), a marker per record, coloured by kind.
 *
 * A small result (up to HEAT_THRESHOLD records) is loaded whole on a worker
 * thread into a compact array of items. A larger one is never loaded: a
 * worker groups and counts it per lane and day from the facet index's
 * in-memory columns (an AccordsTimelineDensity), from which the heat strip
 * of any range comes in microseconds; only when few enough records are in
 * view are those records loaded, again on a worker, to draw their markers.
 * Everything else (ticks, lanes, stacking, hit testing, bins) is the pure
 * code of the core's accords-timeline-layout.c and its neighbours. */

G_DEFINE_FINAL_TYPE (AccordsTimeline, accords_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_GROUP_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers ------------------------------------------------------------------ */

AccordsTimelineGroup
_accords_timeline_get_group (AccordsTimeline *self)
{
  if (g_strcmp0 (self->group_by, "dyad") == 0)
    return ACCORDS_TIMELINE_GROUP_DYAD;
  if (g_strcmp0 (self->group_by, "topic") == 0)
    return ACCORDS_TIMELINE_GROUP_TOPIC;
  if (g_strcmp0 (self->group_by, "kind") == 0)
    return ACCORDS_TIMELINE_GROUP_KIND;

  return ACCORDS_TIMELINE_GROUP_COUNTRY;
}

const AccordsTimelineItem *
_accords_timeline_get_items (AccordsTimeline *self)
{
  return (const AccordsTimelineItem *) self->items->data;
}

int
_accords_timeline_plot_width (AccordsTimeline *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - (int) LABEL_WIDTH);
}

void
_accords_timeline_get_layout (AccordsTimeline       *self,
                              AccordsTimelineLayout *layout)
{
  layout->top = AXIS_HEIGHT + 6 - self->lane_offset;
  layout->row_height = ROW_HEIGHT;
  layout->lane_gap = LANE_GAP;
  layout->slop = 3;
}

double
_accords_timeline_today_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

static char *
dup_lane_name (AccordsTimeline           *self,
               const AccordsTimelineLane *lane)
{
  if (lane->key == NULL)
    return g_strdup_printf (ngettext ("%u more", "%u more", lane->n_folded), lane->n_folded);

  if (lane->key[0] == '\0')
    {
      if (_accords_timeline_get_group (self) == ACCORDS_TIMELINE_GROUP_TOPIC)
        /* Translators: the timeline lane of records without a topic */
        return g_strdup (_("No Topic"));
      /* Translators: the timeline lane of records without a party country */
      return g_strdup (_("No Country"));
    }

  switch (_accords_timeline_get_group (self))
    {
    case ACCORDS_TIMELINE_GROUP_DYAD:
      {
        g_auto(GStrv) codes = g_strsplit (lane->key, "-", 2);
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;

        a = accords_country_dup_localized_name (codes[0]);
        if (codes[1] == NULL)
          return g_steal_pointer (&a);
        b = accords_country_dup_localized_name (codes[1]);
        /* Translators: a pair of countries, as in "Iran–Serbia" */
        return g_strdup_printf (_("%s–%s"), a != NULL ? a : codes[0], b != NULL ? b : codes[1]);
      }

    case ACCORDS_TIMELINE_GROUP_TOPIC:
      return g_strdup (accords_topic_get_label_for (lane->key));

    case ACCORDS_TIMELINE_GROUP_KIND:
      {
        AccordsKind kind;

        if (accords_kind_from_string (lane->key, &kind))
          return g_strdup (accords_kind_get_label (kind));
        return g_strdup (lane->key);
      }

    case ACCORDS_TIMELINE_GROUP_COUNTRY:
    default:
      {
        char *name = accords_country_dup_localized_name (lane->key);

        return name != NULL ? name : g_strdup (lane->key);
      }
    }
}

/* Names the lanes once when they change rather than on every frame, which
 * would look countries up, split dyads and copy strings for each lane. */
void
_accords_timeline_name_lanes (AccordsTimeline *self)
{
  g_clear_pointer (&self->lane_names, g_ptr_array_unref);
  self->lane_names = g_ptr_array_new_full (self->lanes->len, g_free);

  for (guint l = 0; l < self->lanes->len; l++)
    g_ptr_array_add (self->lane_names,
                     dup_lane_name (self, &g_array_index (self->lanes, AccordsTimelineLane, l)));
}

/* Whether the loaded items are all the records that may show in view. */
static gboolean
details_cover_view (AccordsTimeline *self)
{
  return self->density == NULL ||
         (self->detail_start <= self->start && self->detail_end >= self->end);
}

/* Stacks or bins the placements for the current range and width. */
void
_accords_timeline_update_layout (AccordsTimeline *self)
{
  int width = _accords_timeline_plot_width (self);
  guint n_visible = 0;

  if (self->stacked_width == width &&
      self->stacked_start == self->start &&
      self->stacked_end == self->end)
    return;

  self->stacked_width = width;
  self->stacked_start = self->start;
  self->stacked_end = self->end;

  if (self->density != NULL)
    {
      /* records starting in view: two binary searches */
      n_visible = accords_timeline_density_count (self->density, self->start, self->end);
    }
  else
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          const AccordsTimelineItem *item = &_accords_timeline_get_items (self)[i];

          if (item->day != 0 && item->end_day + 1 >= self->start && item->day <= self->end)
            n_visible++;
        }
    }

  self->heat = n_visible > HEAT_THRESHOLD;
  g_clear_pointer (&self->bins, g_free);

  /* few enough in view, but not loaded yet: counts until they are */
  if (!self->heat && !details_cover_view (self))
    {
      _accords_timeline_start_details (self);
      self->heat = self->items->len == 0;
    }

  if (self->heat)
    {
      self->n_bins = MAX (1, (guint) (width / BIN_WIDTH));
      if (self->density != NULL)
        self->bins = accords_timeline_density_bins (self->density, self->start, self->end,
                                                    self->n_bins);
      else
        self->bins = accords_timeline_count_bins (_accords_timeline_get_items (self),
                                                  self->lanes, self->placements,
                                                  self->start, self->end, self->n_bins);
      for (guint l = 0; l < self->lanes->len; l++)
        g_array_index (self->lanes, AccordsTimelineLane, l).n_rows = 1;
    }
  else
    {
      accords_timeline_stack (_accords_timeline_get_items (self), self->lanes, self->placements,
                              self->start, self->end, width, MARKER_WIDTH);
    }
}

static void
update_description (AccordsTimeline *self)
{
  g_autoptr(AccordsRecord) record = NULL;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  if (self->focus_id != 0)
    record = accords_store_load_record (accords_session_get_store (self->session),
                                        self->focus_id, NULL);

  if (record == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  date = accords_format_event_date (record);
  /* Translators: the accessible description of the focused timeline marker: date, title */
  description = g_strdup_printf (_("%s: %s"), date, accords_record_get_title (record));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

void
accords_timeline_set_range (AccordsTimeline *self,
                            double           start,
                            double           end)
{
  double days;

  g_return_if_fail (ACCORDS_IS_TIMELINE (self));

  days = CLAMP (end - start, MIN_DAYS, MAX_DAYS);
  start = (start + end) / 2 - days / 2;
  start = CLAMP (start, 1.0, 3000000.0);

  self->start = start;
  self->end = start + days;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
bring_into_view (AccordsTimeline *self,
                 gint64           id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_of_id, &id));
  double days = self->end - self->start;
  double first, last;

  if (index != 0)
    {
      const AccordsTimelineItem *item = &_accords_timeline_get_items (self)[index - 1];

      first = item->day;
      last = item->end_day;
    }
  else if (self->density != NULL)
    {
      guint position = accords_timeline_density_find (self->density, id);

      if (position == G_MAXUINT)
        return;
      first = accords_timeline_density_get_day (self->density, position);
      last = accords_timeline_density_get_end_day (self->density, position);
    }
  else
    {
      return;
    }

  if (first == 0)
    return;
  if (first >= self->start && last + 1 <= self->end)
    return;

  if (last + 1 - first > days * 0.9)
    days = (last + 1 - first) / 0.8;

  accords_timeline_set_range (self,
                              (first + last + 1) / 2.0 - days / 2,
                              (first + last + 1) / 2.0 + days / 2);
}

void
_accords_timeline_set_focus_id (AccordsTimeline *self,
                                gint64           id)
{
  if (self->focus_id == id)
    return;

  self->focus_id = id;
  if (id != 0)
    bring_into_view (self, id);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
/* Geometry ------------------------------------------------------------------ */

static void
accords_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);
  int child_min = 0, child_nat = 0;

  gtk_widget_measure (self->toolbar, orientation, -1, &child_min, &child_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (child_min, (int) LABEL_WIDTH + 200);
      *natural = MAX (*minimum, 800);
    }
  else
    {
      *minimum = (int) (AXIS_HEIGHT + LEGEND_HEIGHT + 4 * ROW_HEIGHT);
      *natural = 400;
    }
}

static void
accords_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);
  int child_width, child_height;
  double y;

  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &child_width, NULL, NULL);
  gtk_widget_measure (self->toolbar, GTK_ORIENTATION_VERTICAL, child_width, NULL, &child_height,
                      NULL, NULL);
  y = (AXIS_HEIGHT - child_height) / 2;
  gtk_widget_allocate (self->toolbar, child_width, child_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (6, y)));
}

/* Signal callbacks ---------------------------------------------------------- */

static void
on_records_items_changed_cb (AccordsTimeline *self)
{
  self->fit_on_load = TRUE;
  _accords_timeline_start_load (self, FALSE);
}

static void
on_session_facet_index_notify_cb (AccordsTimeline *self)
{
  /* a large result waits for the index; a new index knows new records */
  if (accords_record_list_get_ids (accords_session_get_records (self->session))->len >
      HEAT_THRESHOLD)
    _accords_timeline_start_load (self, FALSE);
}

static void
on_session_selected_record_notify_cb (AccordsTimeline *self)
{
  AccordsRecord *record = accords_session_get_selected_record (self->session);
  gint64 id = record != NULL ? accords_record_get_id (record) : 0;

  if (id == self->selected_id)
    return;

  self->selected_id = id;
  if (id != 0)
    bring_into_view (self, id);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
/* GObject ------------------------------------------------------------------- */

static void
accords_timeline_constructed (GObject *object)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);
  AccordsRecordList *records;

  G_OBJECT_CLASS (accords_timeline_parent_class)->constructed (object);

  g_assert (self->session != NULL);
  records = accords_session_get_records (self->session);

  g_signal_connect_object (records, "items-changed",
                           G_CALLBACK (on_records_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::facet-index",
                           G_CALLBACK (on_session_facet_index_notify_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::selected-record",
                           G_CALLBACK (on_session_selected_record_notify_cb), self,
                           G_CONNECT_SWAPPED);

  self->fit_on_load = TRUE;
  _accords_timeline_start_load (self, FALSE);
}

static void
accords_timeline_dispose (GObject *object)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACCORDS_TYPE_TIMELINE);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (accords_timeline_parent_class)->dispose (object);
}

static void
accords_timeline_finalize (GObject *object)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);

  g_clear_pointer (&self->item_of_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->density, accords_timeline_density_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->lane_names, g_ptr_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->bins, g_free);
  g_clear_pointer (&self->group_by, g_free);

  G_OBJECT_CLASS (accords_timeline_parent_class)->finalize (object);
}

static void
accords_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_GROUP_BY:
      g_value_set_string (value, self->group_by);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    case PROP_GROUP_BY:
      {
        const char *group_by = g_value_get_string (value);

        if (group_by == NULL)
          group_by = "country";
        if (g_strcmp0 (self->group_by, group_by) == 0)
          return;

        g_free (self->group_by);
        self->group_by = g_strdup (group_by);
        if (self->session != NULL)
          _accords_timeline_start_load (self, TRUE);
        g_object_notify_by_pspec (object, properties[PROP_GROUP_BY]);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_timeline_class_init (AccordsTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = accords_timeline_constructed;
  object_class->dispose = accords_timeline_dispose;
  object_class->finalize = accords_timeline_finalize;
  object_class->get_property = accords_timeline_get_property;
  object_class->set_property = accords_timeline_set_property;

  widget_class->snapshot = _accords_timeline_snapshot;
  widget_class->measure = accords_timeline_measure;
  widget_class->size_allocate = accords_timeline_size_allocate;
  widget_class->query_tooltip = _accords_timeline_query_tooltip;
  widget_class->focus = _accords_timeline_focus;

  /**
   * AccordsTimeline:session:
   *
   * The session whose result the timeline shows and whose selection it shares.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ACCORDS_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsTimeline:group-by:
   *
   * How records are grouped into lanes: "country", "dyad", "topic" or "kind".
   */
  properties[PROP_GROUP_BY] =
    g_param_spec_string ("group-by", NULL, NULL,
                         "country",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accords/Accords/ui/accords-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, AccordsTimeline, toolbar);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "timeline");

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, _accords_timeline_zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, _accords_timeline_zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-fit", NULL, _accords_timeline_zoom_to_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "i", _accords_timeline_pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-step", "i", _accords_timeline_focus_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-focused", NULL,
                                   _accords_timeline_select_focused_action);
  gtk_widget_class_install_action (widget_class, "timeline.export-image", NULL,
                                   _accords_timeline_export_image_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.group-by", "group-by");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "timeline.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "timeline.zoom-to-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "timeline.pan", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "timeline.pan", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "timeline.pan", "i", -5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "timeline.pan", "i", 5);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0,
                                       "timeline.focus-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0,
                                       "timeline.focus-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "timeline.focus-step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0,
                                       "timeline.focus-step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0,
                                       "timeline.select-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0,
                                       "timeline.select-focused", NULL);
}

static void
accords_timeline_init (AccordsTimeline *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;
  double today = _accords_timeline_today_day ();

  /* before the template: its menu reads the group-by action's state */
  self->group_by = g_strdup ("country");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = accords_timeline_item_array_new ();
  self->item_of_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->lanes = accords_timeline_assign_lanes (NULL, 0, ACCORDS_TIMELINE_GROUP_COUNTRY, MAX_LANES,
                                               &self->placements);
  _accords_timeline_name_lanes (self);
  self->start = today - 365;
  self->end = today + 30;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (_accords_timeline_on_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (_accords_timeline_on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (_accords_timeline_on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (_accords_timeline_on_zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (_accords_timeline_on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (_accords_timeline_on_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (_accords_timeline_on_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (_accords_timeline_on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (_accords_timeline_on_click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

/**
 * accords_timeline_new:
 * @session: the session to show
 *
 * Returns: (transfer floating): a new timeline
 */
GtkWidget *
accords_timeline_new (AccordsSession *session)
{
  g_return_val_if_fail (ACCORDS_IS_SESSION (session), NULL);

  return g_object_new (ACCORDS_TYPE_TIMELINE, "session", session, NULL);
}

/**
 * accords_timeline_get_session:
 *
 * Returns: (transfer none): the session
 */
AccordsSession *
accords_timeline_get_session (AccordsTimeline *self)
{
  g_return_val_if_fail (ACCORDS_IS_TIMELINE (self), NULL);

  return self->session;
}

/**
 * accords_timeline_zoom_to_fit:
 *
 * Shows the whole time span of the dated records of the result, with a
 * margin; the last year when none is dated.
 */
void
accords_timeline_zoom_to_fit (AccordsTimeline *self)
{
  double first = G_MAXDOUBLE;
  double last = -G_MAXDOUBLE;
  double margin;

  g_return_if_fail (ACCORDS_IS_TIMELINE (self));

  self->fit_on_load = FALSE;

  if (self->density != NULL && accords_timeline_density_get_n_dated (self->density) > 0)
    {
      /* the last record to start may not be the last to end */
      first = accords_timeline_density_get_day (self->density, 0);
      last = accords_timeline_density_get_last_day (self->density) + 1;
    }

  for (guint i = 0; self->density == NULL && i < self->items->len; i++)
    {
      const AccordsTimelineItem *item = &_accords_timeline_get_items (self)[i];

      if (item->day == 0)
        continue;
      first = MIN (first, item->day);
      last = MAX (last, item->end_day + 1);
    }

  if (first > last)
    {
      double today = _accords_timeline_today_day ();

      accords_timeline_set_range (self, today - 365, today + 30);
      return;
    }

  margin = MAX ((last - first) * 0.05, 15);
  accords_timeline_set_range (self, first - margin, last + margin);
}
