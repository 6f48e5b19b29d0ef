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
 * code of the core's accords-timeline-layout.c. */

G_DEFINE_FINAL_TYPE (AccordsTimeline, accords_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_GROUP_BY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A worker's inputs and, once it has run, its results. */
typedef struct
{
  AccordsStore         *store;
  GArray               *ids;
  GArray               *items;      /* in: to regroup without loading; out */
  AccordsTimelineGroup  group;
  AccordsFacetIndex    *index;      /* in: for a large result */
  AccordsTimelineDensity *density;  /* in: for details; out: for a large result */
  double                start;      /* in: the range whose details to load */
  double                end;
  GArray               *lanes;      /* in: for details; out */
  GArray               *placements; /* out */
  GArray               *order;      /* out */
  GHashTable           *item_of_id; /* out */
} LoadData;

/* Helpers ------------------------------------------------------------------ */

static AccordsTimelineGroup
get_group (AccordsTimeline *self)
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

char *
_accords_timeline_dup_lane_name (AccordsTimeline           *self,
                                 const AccordsTimelineLane *lane)
{
  if (lane->key == NULL)
    return g_strdup_printf (ngettext ("%u more", "%u more", lane->n_folded), lane->n_folded);

  if (lane->key[0] == '\0')
    {
      if (get_group (self) == ACCORDS_TIMELINE_GROUP_TOPIC)
        /* Translators: the timeline lane of records without a topic */
        return g_strdup (_("No Topic"));
      /* Translators: the timeline lane of records without a party country */
      return g_strdup (_("No Country"));
    }

  switch (get_group (self))
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

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const AccordsTimelineItem *items = user_data;
  const AccordsTimelineItem *ia = &items[*(const guint *) a];
  const AccordsTimelineItem *ib = &items[*(const guint *) b];

  if (ia->day != ib->day)
    return ia->day < ib->day ? -1 : 1;

  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

static void start_load (AccordsTimeline *self,
                        gboolean         regroup);

static void start_details (AccordsTimeline *self);

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
      start_details (self);
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

static void
set_focus_id (AccordsTimeline *self,
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

      set_focus_id (self, accords_timeline_density_get_id (self->density, position));

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

  set_focus_id (self, next);

  return TRUE;
}

/* Loading ------------------------------------------------------------------ */

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_clear_object (&load->index);
  g_clear_pointer (&load->density, accords_timeline_density_unref);
  g_clear_pointer (&load->ids, g_array_unref);
  g_clear_pointer (&load->items, g_array_unref);
  g_clear_pointer (&load->lanes, g_array_unref);
  g_clear_pointer (&load->placements, g_array_unref);
  g_clear_pointer (&load->order, g_array_unref);
  g_clear_pointer (&load->item_of_id, g_hash_table_unref);
  g_free (load);
}

/* A copy of @lanes that the widget may restack. */
static GArray *
copy_lanes (GArray *lanes)
{
  g_autoptr(GArray) placements = NULL;
  GArray *copy = accords_timeline_assign_lanes (NULL, 0, ACCORDS_TIMELINE_GROUP_COUNTRY, 1,
                                                &placements);

  for (guint l = 0; l < lanes->len; l++)
    {
      AccordsTimelineLane lane = g_array_index (lanes, AccordsTimelineLane, l);

      lane.key = g_strdup (lane.key);
      lane.n_rows = 1;
      g_array_append_val (copy, lane);
    }

  return copy;
}

static gboolean
load_items (GTask    *task,
            LoadData *load)
{
  g_autoptr(AccordsStore) reader = NULL;
  g_autoptr(GArray) items = accords_timeline_item_array_new ();
  GError *error = NULL;
  const gint64 *ids = (const gint64 *) load->ids->data;

  reader = accords_store_open_reader (load->store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return FALSE;
    }

  for (guint offset = 0; offset < load->ids->len; offset += LOAD_BLOCK)
    {
      AccordsRecord *records[LOAD_BLOCK] = { NULL, };
      guint n = MIN (LOAD_BLOCK, load->ids->len - offset);

      if (g_task_return_error_if_cancelled (task))
        return FALSE;

      if (!accords_store_load_list_records (reader, ids + offset, n, records, &error))
        {
          g_task_return_error (task, error);
          return FALSE;
        }

      for (guint i = 0; i < n; i++)
        {
          AccordsTimelineItem item = { 0 };

          if (records[i] == NULL)
            continue;

          item.id = accords_record_get_id (records[i]);
          item.kind = accords_record_get_kind (records[i]);
          accords_timeline_item_set_dates (&item,
                                           accords_record_get_event_date (records[i]),
                                           accords_record_get_event_end (records[i]),
                                           accords_record_get_date_precision (records[i]));
          item.parties = g_strdupv ((char **) accords_record_get_parties (records[i]));
          item.topics = g_strdupv ((char **) accords_record_get_topics (records[i]));
          g_array_append_val (items, item);
          g_object_unref (records[i]);
        }
    }

  load->items = g_steal_pointer (&items);

  return TRUE;
}

/* Indexes the loaded items by id and by time, for keyboard focus. */
static void
index_items (LoadData *load)
{
  const AccordsTimelineItem *items = (const AccordsTimelineItem *) load->items->data;

  load->order = g_array_new (FALSE, FALSE, sizeof (guint));
  load->item_of_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < load->items->len; i++)
    {
      /* the keys point into the items, which no one changes from here on */
      g_hash_table_insert (load->item_of_id, (gpointer) &items[i].id, GUINT_TO_POINTER (i + 1));
      if (items[i].day != 0)
        g_array_append_val (load->order, i);
    }
  g_array_sort_with_data (load->order, compare_order, load->items->data);
}

/* A small result: loads its items (unless regrouping), then groups them
 * into lanes and indexes them. A large one: counts it per lane and day
 * from the facet index. All off the main thread. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  const AccordsTimelineItem *items;

  if (load->index != NULL)
    {
      load->density = accords_timeline_density_new (load->index,
                                                    (const gint64 *) load->ids->data,
                                                    load->ids->len, load->group, MAX_LANES,
                                                    cancellable);
      if (load->density == NULL)
        {
          g_task_return_error_if_cancelled (task);
          return;
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (load->items == NULL && !load_items (task, load))
    return;

  items = (const AccordsTimelineItem *) load->items->data;
  load->lanes = accords_timeline_assign_lanes (items, load->items->len, load->group, MAX_LANES,
                                               &load->placements);

  if (g_task_return_error_if_cancelled (task))
    return;

  index_items (load);

  g_task_return_boolean (task, TRUE);
}

/* Kinds and vague dates of the items, for the legend; with a density,
 * of the whole result, so that the legend does not wait for markers. */
static void
summarize_items (AccordsTimeline *self)
{
  self->any_vague = FALSE;
  if (self->density == NULL)
    self->kinds = 0;
  else
    self->any_vague = (accords_timeline_density_get_precisions (self->density) &
                       ~(1u << ACCORDS_DATE_PRECISION_DAY)) != 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      const AccordsTimelineItem *item = &_accords_timeline_get_items (self)[i];

      if ((guint) item->kind < 32)
        self->kinds |= 1u << item->kind;
      if (item->precision != ACCORDS_DATE_PRECISION_DAY)
        self->any_vague = TRUE;
    }
}

static void
replace_items (AccordsTimeline *self,
               LoadData        *load)
{
  /* the index's keys point into the old items: drop it first */
  g_clear_pointer (&self->item_of_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  self->items = g_steal_pointer (&load->items);
  self->item_of_id = g_steal_pointer (&load->item_of_id);
  self->order = g_steal_pointer (&load->order);
  self->lanes = g_steal_pointer (&load->lanes);
  self->placements = g_steal_pointer (&load->placements);
  self->stacked_width = 0;
  summarize_items (self);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load the timeline: %s", error->message);
      return;
    }

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_pointer (&self->density, accords_timeline_density_unref);

  if (load->density != NULL)
    {
      /* no items until a range with few enough records is in view */
      self->density = g_steal_pointer (&load->density);
      self->kinds = accords_timeline_density_get_kinds (self->density);
      self->detail_start = self->detail_end = 0;
      load->items = accords_timeline_item_array_new ();
      load->lanes = copy_lanes (accords_timeline_density_get_lanes (self->density));
      load->placements = g_array_new (FALSE, TRUE, sizeof (AccordsTimelinePlacement));
      load->order = g_array_new (FALSE, FALSE, sizeof (guint));
      load->item_of_id = g_hash_table_new (g_int64_hash, g_int64_equal);
    }

  replace_items (self, load);

  if (self->focus_id != 0 && !g_hash_table_contains (self->item_of_id, &self->focus_id) &&
      (self->density == NULL ||
       accords_timeline_density_find (self->density, self->focus_id) == G_MAXUINT))
    set_focus_id (self, 0);

  if (self->fit_on_load)
    accords_timeline_zoom_to_fit (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Loads the current result, or with @regroup only regroups the items. */
static void
start_load (AccordsTimeline *self,
            gboolean         regroup)
{
  AccordsRecordList *records = accords_session_get_records (self->session);
  AccordsFacetIndex *index = accords_session_get_facet_index (self->session);
  GArray *ids = accords_record_list_get_ids (records);
  g_autoptr(GTask) task = NULL;
  LoadData *load;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (accords_session_get_store (self->session));
  load->ids = g_array_ref (ids);
  load->group = get_group (self);

  if (ids->len > HEAT_THRESHOLD)
    {
      /* too large to load: wait for the columns (notify::facet-index) */
      if (index == NULL)
        {
          load_data_free (load);
          return;
        }
      load->index = g_object_ref (index);
    }
  else if (regroup && self->density == NULL)
    {
      load->items = g_array_ref (self->items);
    }

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Loads the records of a large result that may show near the view. */
static void
details_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  LoadData *load = task_data;

  load->ids = accords_timeline_density_candidates (load->density, load->start, load->end);
  if (!load_items (task, load))
    return;

  load->placements = accords_timeline_place ((const AccordsTimelineItem *) load->items->data,
                                             load->items->len, load->group, load->lanes);
  index_items (load);

  g_task_return_boolean (task, TRUE);
}

static void
details_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);
  LoadData *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load the timeline's markers: %s", error->message);
      return;
    }

  /* a newer result made this one stale */
  if (load->density != self->density)
    return;

  g_clear_object (&self->detail_cancellable);
  self->detail_start = load->start;
  self->detail_end = load->end;
  replace_items (self, load);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
start_details (AccordsTimeline *self)
{
  g_autoptr(GTask) task = NULL;
  double days = self->end - self->start;
  LoadData *load;

  g_assert (self->density != NULL);

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();

  load = g_new0 (LoadData, 1);
  load->store = g_object_ref (accords_session_get_store (self->session));
  load->density = accords_timeline_density_ref (self->density);
  load->group = get_group (self);
  load->lanes = copy_lanes (accords_timeline_density_get_lanes (self->density));

  /* half a view either side, so that a short pan needs no new load, as
   * long as that keeps the load small */
  load->start = self->start - days / 2;
  load->end = self->end + days / 2;
  if (accords_timeline_density_count (self->density, load->start, load->end) > 2 * HEAT_THRESHOLD)
    {
      load->start = self->start;
      load->end = self->end;
    }

  task = g_task_new (self, self->detail_cancellable, details_done_cb, NULL);
  g_task_set_source_tag (task, start_details);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, details_thread);
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
  start_load (self, FALSE);
}

static void
on_session_facet_index_notify_cb (AccordsTimeline *self)
{
  /* a large result waits for the index; a new index knows new records */
  if (accords_record_list_get_ids (accords_session_get_records (self->session))->len >
      HEAT_THRESHOLD)
    start_load (self, FALSE);
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

static void
on_motion_cb (AccordsTimeline          *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static void
on_leave_cb (AccordsTimeline *self)
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

static gboolean
on_scroll_cb (AccordsTimeline          *self,
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

static void
on_zoom_begin_cb (AccordsTimeline *self)
{
  self->zoom_start = self->start;
  self->zoom_end = self->end;
}

static void
on_zoom_scale_changed_cb (AccordsTimeline *self,
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

static void
on_drag_begin_cb (AccordsTimeline *self,
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

static void
on_drag_update_cb (AccordsTimeline *self,
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

static void
on_drag_end_cb (AccordsTimeline *self,
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

static void
on_click_released_cb (AccordsTimeline *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *click)
{
  gint64 id = hit_test (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (id == 0)
    return;

  set_focus_id (self, id);
  select_id (self, id);
}

static gboolean
accords_timeline_query_tooltip (GtkWidget  *widget,
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

static gboolean
accords_timeline_focus (GtkWidget        *widget,
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

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  zoom_about (self, 1 / ZOOM_STEP, zoom_anchor (self));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  zoom_about (self, ZOOM_STEP, zoom_anchor (self));
}

static void
zoom_to_fit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accords_timeline_zoom_to_fit (ACCORDS_TIMELINE (widget));
}

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  pan_by_pixels (self, g_variant_get_int32 (parameter) *
                 _accords_timeline_plot_width (self) / 10.0);
}

static void
focus_step_action (GtkWidget  *widget,
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

static void
select_focused_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  if (self->focus_id != 0)
    select_id (self, self->focus_id);
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
  start_load (self, FALSE);
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
          start_load (self, TRUE);
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
  widget_class->query_tooltip = accords_timeline_query_tooltip;
  widget_class->focus = accords_timeline_focus;

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

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-to-fit", NULL, zoom_to_fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.pan", "i", pan_action);
  gtk_widget_class_install_action (widget_class, "timeline.focus-step", "i", focus_step_action);
  gtk_widget_class_install_action (widget_class, "timeline.select-focused", NULL,
                                   select_focused_action);
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
  self->start = today - 365;
  self->end = today + 30;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (on_click_released_cb), self);
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
