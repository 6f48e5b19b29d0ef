/* accords-facets-load.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-facets-load"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-facets-private.h"
#include "accords-store-private.h"
#include "accords-topic.h"

/* Loading ------------------------------------------------------------------ */

typedef struct
{
  GArray     *ids;            /* gint64 */
  GArray     *years;          /* gint16 */
  GArray     *days;           /* gint32 */
  GArray     *spans;          /* guint16 */
  GArray     *kinds;          /* guint8 */
  GArray     *topics;         /* guint32 */
  GArray     *party_offsets;  /* guint32 */
  GArray     *parties;        /* guint16 */
  GArray     *tag_offsets;    /* guint32 */
  GArray     *tags;           /* guint32 */
  GArray     *extra_topics;   /* ExtraTopic */
  GArray     *long_spans;     /* LongSpan */
  GArray     *tag_ids;        /* gint64, ascending: tag id → index */

  GPtrArray  *country_codes;
  GPtrArray  *topic_ids;
  GPtrArray  *tag_names;

  guint16     code_slots[26 * 26]; /* "AA"…"ZZ" → index + 1; 0 when not seen */
  GHashTable *other_codes;         /* any other code → index + 1 */
  GHashTable *topic_indices;       /* topic id (borrowed) → index + 1 */
  const char *kind_ids[N_KINDS];

  guint       party_cursor;
  guint       topic_cursor;
  guint       tag_cursor;
  gint16      min_year;
  gint16      max_year;
} Loader;

static GArray *
new_offsets (void)
{
  GArray *offsets = g_array_new (FALSE, TRUE, sizeof (guint32));

  g_array_set_size (offsets, 1);

  return offsets;
}

static void
loader_init (Loader *loader)
{
  g_autoptr(GListModel) vocabulary = accords_topic_list ();

  memset (loader, 0, sizeof *loader);

  loader->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  loader->years = g_array_new (FALSE, FALSE, sizeof (gint16));
  loader->days = g_array_new (FALSE, FALSE, sizeof (gint32));
  loader->spans = g_array_new (FALSE, FALSE, sizeof (guint16));
  loader->kinds = g_array_new (FALSE, FALSE, sizeof (guint8));
  loader->topics = g_array_new (FALSE, FALSE, sizeof (guint32));
  loader->party_offsets = new_offsets ();
  loader->parties = g_array_new (FALSE, TRUE, sizeof (guint16));
  loader->tag_offsets = new_offsets ();
  loader->tags = g_array_new (FALSE, FALSE, sizeof (guint32));
  loader->extra_topics = g_array_new (FALSE, FALSE, sizeof (ExtraTopic));
  loader->long_spans = g_array_new (FALSE, FALSE, sizeof (LongSpan));
  loader->tag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  loader->country_codes = g_ptr_array_new_with_free_func (g_free);
  loader->topic_ids = g_ptr_array_new_with_free_func (g_free);
  loader->tag_names = g_ptr_array_new_with_free_func (g_free);

  loader->other_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader->topic_indices = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (vocabulary); i++)
    {
      g_autoptr(AccordsTopic) topic = g_list_model_get_item (vocabulary, i);
      char *id = g_strdup (accords_topic_get_id (topic));

      g_ptr_array_add (loader->topic_ids, id);
      g_hash_table_insert (loader->topic_indices, id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < N_KINDS; i++)
    loader->kind_ids[i] = accords_kind_to_string (i);

  loader->min_year = G_MAXINT16;
  loader->max_year = 0;
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->ids, g_array_unref);
  g_clear_pointer (&loader->years, g_array_unref);
  g_clear_pointer (&loader->days, g_array_unref);
  g_clear_pointer (&loader->spans, g_array_unref);
  g_clear_pointer (&loader->kinds, g_array_unref);
  g_clear_pointer (&loader->topics, g_array_unref);
  g_clear_pointer (&loader->party_offsets, g_array_unref);
  g_clear_pointer (&loader->parties, g_array_unref);
  g_clear_pointer (&loader->tag_offsets, g_array_unref);
  g_clear_pointer (&loader->tags, g_array_unref);
  g_clear_pointer (&loader->extra_topics, g_array_unref);
  g_clear_pointer (&loader->long_spans, g_array_unref);
  g_clear_pointer (&loader->tag_ids, g_array_unref);
  g_clear_pointer (&loader->topic_indices, g_hash_table_unref);
  g_clear_pointer (&loader->other_codes, g_hash_table_unref);
  g_clear_pointer (&loader->country_codes, g_ptr_array_unref);
  g_clear_pointer (&loader->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&loader->tag_names, g_ptr_array_unref);
}

/* Makes room for @n elements without changing the length. */
static void
reserve (GArray *array,
         guint   n)
{
  guint len = array->len;

  g_array_set_size (array, n);
  g_array_set_size (array, len);
}

static void
on_size_cb (gpointer user_data,
            gint64   n_records,
            gint64   max_id)
{
  Loader *loader = user_data;
  guint n = (guint) CLAMP (n_records, 0, G_MAXUINT32 - 1);

  /* Allocated once; the streams then append in place. */
  reserve (loader->ids, n);
  reserve (loader->years, n);
  reserve (loader->days, n);
  reserve (loader->spans, n);
  reserve (loader->kinds, n);
  reserve (loader->topics, n);
  reserve (loader->party_offsets, n + 1);
  reserve (loader->tag_offsets, n + 1);
}

static gint16
parse_year (const char *date)
{
  int year = 0;

  if (date == NULL)
    return 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (date[i]))
        return 0;
      year = year * 10 + (date[i] - '0');
    }

  return (gint16) year;
}

/* GDate's Julian day (1 = 0001-01-01) of a valid date, without a GDate:
 * a million of them are converted while the index loads. March is month 0
 * so that the leap day ends the year. */
static gint32
civil_to_julian (int year,
                 int month,
                 int day)
{
  int a = (14 - month) / 12;
  int y = year - a;
  int m = month + 12 * a - 3;

  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 306;
}

/* Year, month and day of "YYYY-MM-DD…" ("YYYY-MM" and "YYYY" mean their
 * first day) in @value; FALSE when it is not a date. */
static gboolean
parse_date (const char *date,
            int         value[3])
{
  const guint lengths[3] = { 4, 2, 2 };
  guint part = 0;

  value[0] = 0;
  value[1] = value[2] = 1;

  if (date == NULL)
    return FALSE;

  for (; part < 3; part++)
    {
      if (part > 0)
        {
          if (*date != '-')
            break;
          date++;
        }

      value[part] = 0;
      for (guint i = 0; i < lengths[part]; i++)
        {
          if (!g_ascii_isdigit (date[i]))
            return FALSE;
          value[part] = value[part] * 10 + (date[i] - '0');
        }
      date += lengths[part];
    }

  return (*date == '\0' || *date == 'T') && g_date_valid_dmy (value[2], value[1], value[0]);
}

/* The Julian day of a date as parse_date() reads it, 0 when it is not a
 * date; the same as the timeline's accords_timeline_day_from_iso(), which
 * the core's facets do not link. */
static gint32
parse_day (const char *date)
{
  int value[3];

  if (!parse_date (date, value))
    return 0;

  return civil_to_julian (value[0], value[1], value[2]);
}

/* The Julian day @months months and @years years after the date @ymd, the
 * day of the month kept unless the month is shorter (as g_date_add_months()
 * and g_date_add_years() do). */
static gint32
julian_after (const int ymd[3],
              int       years,
              int       months)
{
  int month0 = ymd[1] - 1 + months;
  int year = ymd[0] + years + month0 / 12;
  int month = month0 % 12 + 1;
  int day = MIN (ymd[2], g_date_get_days_in_month (month, year));

  return civil_to_julian (year, month, day);
}

static AccordsDatePrecision
parse_precision (const char *precision)
{
  if (g_strcmp0 (precision, "month") == 0)
    return ACCORDS_DATE_PRECISION_MONTH;
  if (g_strcmp0 (precision, "year") == 0)
    return ACCORDS_DATE_PRECISION_YEAR;

  return ACCORDS_DATE_PRECISION_DAY;
}

/* The last day of a record as accords_timeline_item_set_dates() makes it:
 * a month or year after a vague date, less a day, or the event end when
 * that is later. */
static gint32
last_day (const int            ymd[3],
          gint32               day,
          const char          *event_end,
          AccordsDatePrecision precision)
{
  gint32 last = day;
  gint32 end = parse_day (event_end);

  if (precision == ACCORDS_DATE_PRECISION_MONTH)
    last = julian_after (ymd, 0, 1) - 1;
  else if (precision == ACCORDS_DATE_PRECISION_YEAR)
    last = julian_after (ymd, 1, 0) - 1;

  return MAX (last, end);
}

static void
on_record_cb (gpointer    user_data,
              gint64      id,
              const char *kind,
              const char *event_date,
              const char *event_end,
              const char *date_precision)
{
  Loader *loader = user_data;
  guint8 kind_index = NO_KIND;
  guint32 zero = 0;
  gint16 year = parse_year (event_date);
  AccordsDatePrecision precision = parse_precision (date_precision);
  guint16 span = (guint16) (precision << PRECISION_SHIFT);
  int ymd[3];
  gint32 day = 0;

  if (parse_date (event_date, ymd))
    {
      gint32 length;

      day = civil_to_julian (ymd[0], ymd[1], ymd[2]);
      length = last_day (ymd, day, event_end, precision) - day;

      if (length < (gint32) SPAN_LONG)
        {
          span |= length;
        }
      else
        {
          LongSpan long_span = { loader->ids->len, day + length };

          span |= SPAN_LONG;
          g_array_append_val (loader->long_spans, long_span);
        }
    }

  for (guint i = 0; i < N_KINDS; i++)
    {
      if (g_strcmp0 (kind, loader->kind_ids[i]) == 0)
        {
          kind_index = i;
          break;
        }
    }

  if (year != 0)
    {
      loader->min_year = MIN (loader->min_year, year);
      loader->max_year = MAX (loader->max_year, year);
    }

  g_array_append_val (loader->ids, id);
  g_array_append_val (loader->years, year);
  g_array_append_val (loader->days, day);
  g_array_append_val (loader->spans, span);
  g_array_append_val (loader->kinds, kind_index);
  g_array_append_val (loader->topics, zero);
  g_array_append_val (loader->party_offsets, zero);
  g_array_append_val (loader->tag_offsets, zero);
}

static void
on_tag_cb (gpointer    user_data,
           gint64      tag_id,
           const char *name)
{
  Loader *loader = user_data;

  g_array_append_val (loader->tag_ids, tag_id);
  g_ptr_array_add (loader->tag_names, g_strdup (name != NULL ? name : ""));
}

/* Moves *@cursor to the record @record_id, closing the rows of the records
 * it passes in @offsets (when not NULL) at @n_values. Returns whether the
 * record exists; the streams are ordered by record id, so the cursor only
 * moves forward. */
static gboolean
seek_record (Loader  *loader,
             guint   *cursor,
             GArray  *offsets,
             guint    n_values,
             gint64   record_id)
{
  const gint64 *ids = (const gint64 *) loader->ids->data;
  guint n = loader->ids->len;

  while (*cursor < n && ids[*cursor] < record_id)
    {
      if (offsets != NULL)
        g_array_index (offsets, guint32, *cursor + 1) = n_values;
      (*cursor)++;
    }

  return *cursor < n && ids[*cursor] == record_id;
}

static guint
intern_code (Loader     *loader,
             const char *code)
{
  gboolean alpha2 = (code[0] >= 'A' && code[0] <= 'Z' &&
                     code[1] >= 'A' && code[1] <= 'Z' &&
                     code[2] == '\0');
  guint slot = alpha2 ? (code[0] - 'A') * 26 + (code[1] - 'A') : 0;
  guint index;

  if (alpha2 && loader->code_slots[slot] != 0)
    return loader->code_slots[slot] - 1;

  if (!alpha2 && (index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->other_codes, code))) != 0)
    return index - 1;

  if (loader->country_codes->len >= G_MAXUINT16)
    return NOT_FOUND;

  index = loader->country_codes->len;
  g_ptr_array_add (loader->country_codes, g_strdup (code));
  if (alpha2)
    loader->code_slots[slot] = index + 1;
  else
    g_hash_table_insert (loader->other_codes, g_strdup (code), GUINT_TO_POINTER (index + 1));

  return index;
}

static void
on_party_cb (gpointer    user_data,
             gint64      record_id,
             const char *code)
{
  Loader *loader = user_data;
  guint index;
  guint16 value;

  if (code == NULL ||
      !seek_record (loader, &loader->party_cursor, loader->party_offsets,
                    loader->parties->len, record_id))
    return;

  if ((index = intern_code (loader, code)) == NOT_FOUND)
    return;

  value = index;
  g_array_append_val (loader->parties, value);
}

static void
on_topic_cb (gpointer    user_data,
             gint64      record_id,
             const char *topic)
{
  Loader *loader = user_data;
  guint index;

  if (topic == NULL || !seek_record (loader, &loader->topic_cursor, NULL, 0, record_id))
    return;

  index = GPOINTER_TO_UINT (g_hash_table_lookup (loader->topic_indices, topic));
  if (index == 0)
    {
      char *id = g_strdup (topic);

      g_ptr_array_add (loader->topic_ids, id);
      index = loader->topic_ids->len;
      g_hash_table_insert (loader->topic_indices, id, GUINT_TO_POINTER (index));
    }
  index--;

  if (index < TOPIC_BITS)
    {
      g_array_index (loader->topics, guint32, loader->topic_cursor) |= 1u << index;
    }
  else
    {
      ExtraTopic extra = { loader->topic_cursor, index };

      g_array_index (loader->topics, guint32, loader->topic_cursor) |= EXTRA_TOPICS;
      g_array_append_val (loader->extra_topics, extra);
    }
}

static int
compare_int64 (const void *a,
               const void *b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
on_record_tag_cb (gpointer user_data,
                  gint64   record_id,
                  gint64   tag_id)
{
  Loader *loader = user_data;
  const gint64 *found;
  guint32 index;

  if (!seek_record (loader, &loader->tag_cursor, loader->tag_offsets,
                    loader->tags->len, record_id))
    return;

  found = bsearch (&tag_id, loader->tag_ids->data, loader->tag_ids->len,
                   sizeof (gint64), compare_int64);
  if (found == NULL)
    return;

  index = found - (const gint64 *) loader->tag_ids->data;
  g_array_append_val (loader->tags, index);
}

/* The data of @array, which is then freed, trimmed to its length. */
static gpointer
steal_data (GArray **array)
{
  gsize len = 0;
  guint element_size = g_array_get_element_size (*array);
  gpointer data = g_array_steal (*array, &len);

  g_clear_pointer (array, g_array_unref);

  return g_realloc (data, MAX (len, 1) * element_size);
}

static void
set_id_map (AccordsFacetIndex *self,
            GArray            *ids)
{
  const gint64 *values = (const gint64 *) ids->data;
  guint n = ids->len;

  if (n == 0 || values[n - 1] - values[0] == (gint64) n - 1)
    {
      self->id_map = ID_MAP_OFFSET;
      self->first_id = n > 0 ? values[0] : 0;
    }
  else if (values[0] >= 0 && values[n - 1] < (gint64) n * SLOTS_FACTOR + SLOTS_SLACK)
    {
      self->id_map = ID_MAP_SLOTS;
      self->n_slots = values[n - 1] + 1;
      self->slots = g_new (guint32, self->n_slots);
      memset (self->slots, 0xff, self->n_slots * sizeof (guint32));
      for (guint i = 0; i < n; i++)
        self->slots[values[i]] = i;
    }
  else
    {
      self->id_map = ID_MAP_SEARCH;
      self->ids = g_memdup2 (values, MAX (n, 1) * sizeof (gint64));
    }
}

static AccordsFacetIndex *
build_index (Loader *loader)
{
  AccordsFacetIndex *self = g_object_new (ACCORDS_TYPE_FACET_INDEX, NULL);

  /* Close the rows of the records after the last party and tag. */
  seek_record (loader, &loader->party_cursor, loader->party_offsets,
               loader->parties->len, G_MAXINT64);
  seek_record (loader, &loader->tag_cursor, loader->tag_offsets,
               loader->tags->len, G_MAXINT64);

  /* Room for count_record() to read a few parties past the last one. */
  g_array_set_size (loader->parties, loader->parties->len + PARTY_PADDING);

  self->n_records = loader->ids->len;
  set_id_map (self, loader->ids);

  self->years = steal_data (&loader->years);
  self->days = steal_data (&loader->days);
  self->spans = steal_data (&loader->spans);
  self->kinds = steal_data (&loader->kinds);
  self->topics = steal_data (&loader->topics);
  self->party_offsets = steal_data (&loader->party_offsets);
  self->parties = steal_data (&loader->parties);
  self->tag_offsets = steal_data (&loader->tag_offsets);
  self->tags = steal_data (&loader->tags);
  self->n_extra_topics = loader->extra_topics->len;
  self->extra_topics = steal_data (&loader->extra_topics);
  self->n_long_spans = loader->long_spans->len;
  self->long_spans = steal_data (&loader->long_spans);

  self->min_year = loader->min_year;
  self->max_year = loader->max_year;

  self->country_codes = g_steal_pointer (&loader->country_codes);
  self->topic_ids = g_steal_pointer (&loader->topic_ids);
  self->tag_names = g_steal_pointer (&loader->tag_names);

  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AccordsStore *store = task_data;
  AccordsFacetIndex *index;
  GError *error = NULL;

  index = accords_facet_index_load (store, cancellable, &error);
  if (index == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, g_object_unref);
}

/* Public: loading ---------------------------------------------------------- */

/**
 * accords_facet_index_load:
 * @store: the library
 * @cancellable: (nullable): stops the loading
 * @error: return location for an error
 *
 * Reads the facet columns of every record of @store through a reader
 * connection of its own (accords_store_open_reader()), so it may run on
 * any thread while @store is alive. Takes about a second at a million
 * records: call it from a worker, see accords_facet_index_load_async().
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 */
AccordsFacetIndex *
accords_facet_index_load (AccordsStore  *store,
                          GCancellable  *cancellable,
                          GError       **error)
{
  static const AccordsStoreColumnFuncs funcs = {
    .size = on_size_cb,
    .record = on_record_cb,
    .tag = on_tag_cb,
    .party = on_party_cb,
    .topic = on_topic_cb,
    .record_tag = on_record_tag_cb,
  };
  g_autoptr(AccordsStore) reader = NULL;
  AccordsFacetIndex *self;
  Loader loader;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((reader = accords_store_open_reader (store, error)) == NULL)
    return NULL;

  loader_init (&loader);

  if (!_accords_store_read_columns (reader, &funcs, &loader, cancellable, error))
    {
      loader_clear (&loader);
      return NULL;
    }

  self = build_index (&loader);
  loader_clear (&loader);

  g_debug ("Facet index: %u records, %u parties, %u tags, %.1f MB",
           self->n_records, self->party_offsets[self->n_records],
           self->tag_offsets[self->n_records],
           accords_facet_index_get_size (self) / (1024.0 * 1024.0));

  return self;
}

/**
 * accords_facet_index_load_async:
 * @store: the library
 * @cancellable: (nullable): stops the loading
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Loads the index of @store on a worker thread.
 */
void
accords_facet_index_load_async (AccordsStore        *store,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_facet_index_load_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * accords_facet_index_load_finish:
 *
 * Returns: (transfer full): the index, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
AccordsFacetIndex *
accords_facet_index_load_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        accords_facet_index_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
