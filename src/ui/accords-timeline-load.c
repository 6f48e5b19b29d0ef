/* accords-timeline-load.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-load"

#include "config.h"

#include <glib/gi18n.h>

#include "accords-country.h"
#include "accords-format.h"
#include "accords-record.h"
#include "accords-record-list.h"
#include "accords-store.h"
#include "accords-timeline-private.h"
#include "accords-topic.h"

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
  _accords_timeline_name_lanes (self);
  summarize_items (self);
}

/* The data of the finished load @result; NULL when it failed (logged
 * unless cancelled), with @what naming what it was loading. */
static LoadData *
finish_load (GAsyncResult *result,
             const char   *what)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not load %s: %s", what, error->message);
      return NULL;
    }

  return g_task_get_task_data (G_TASK (result));
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (object);
  LoadData *load = finish_load (result, "the timeline");

  if (load == NULL)
    return;

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
    _accords_timeline_set_focus_id (self, 0);

  if (self->fit_on_load)
    accords_timeline_zoom_to_fit (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Loads the current result, or with @regroup only regroups the items. */
void
_accords_timeline_start_load (AccordsTimeline *self,
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
  load->group = _accords_timeline_get_group (self);

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
  g_task_set_source_tag (task, _accords_timeline_start_load);
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
  LoadData *load = finish_load (result, "the timeline's markers");

  /* failed, or a newer result made this one stale */
  if (load == NULL || load->density != self->density)
    return;

  g_clear_object (&self->detail_cancellable);
  self->detail_start = load->start;
  self->detail_end = load->end;
  replace_items (self, load);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_accords_timeline_start_details (AccordsTimeline *self)
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
  load->group = _accords_timeline_get_group (self);
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
  g_task_set_source_tag (task, _accords_timeline_start_details);
  g_task_set_task_data (task, load, load_data_free);
  g_task_run_in_thread (task, details_thread);
}
