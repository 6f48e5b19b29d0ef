/* accords-facets.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-facets"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-facets.h"
#include "accords-store-private.h"
#include "accords-topic.h"

/* The index keeps, in record id order, a few bytes per record: the event
 * year and day number, the span to the last day with the date precision,
 * the kind, the topics as bits, and the party countries and tags as
 * compressed sparse rows (offsets into one array of small indices). At a
 * million records that is about 25 MB, from which the facets of any result
 * come in a few milliseconds: a small result is looked up record by record,
 * a large one is marked in a bitmap and the columns read in order. */

#define N_KINDS           (ACCORDS_KIND_ANNOUNCEMENT + 1)
#define NO_KIND           G_MAXUINT8
#define NOT_FOUND         G_MAXUINT32

/* Topics get the bits 0–30 in vocabulary order, then in order of first
 * use for ids outside the vocabulary; a record with a topic beyond that
 * has EXTRA_TOPICS set and its further topics in extra_topics. */
#define TOPIC_BITS        31
#define EXTRA_TOPICS      (1u << TOPIC_BITS)

G_STATIC_ASSERT (EXTRA_TOPICS == ACCORDS_FACET_EXTRA_TOPICS);

/* The span to a record's last day and its date precision share 16 bits:
 * 14 bits of days reach 44 years, far beyond nearly every event; the few
 * longer ones are marked SPAN_LONG and kept, by record, in long_spans.
 * Two bytes a record (2 MB at a million) instead of a 4-byte end day. */
#define PRECISION_SHIFT   ACCORDS_FACET_PRECISION_SHIFT
#define SPAN_MASK         ACCORDS_FACET_SPAN_MASK
#define SPAN_LONG         ACCORDS_FACET_SPAN_LONG

G_STATIC_ASSERT (ACCORDS_DATE_PRECISION_YEAR < 4);

/* Parties of a record counted without a loop; see count_record(). */
#define PARTY_PADDING     4

/* The cancellable is checked after this many ids or records. */
#define CANCEL_MASK       0xffff

/* A result with at least n_records / BITMAP_DIVISOR ids is counted by
 * marking it in a bitmap and reading the columns in order: from there on
 * that costs less than looking the ids up in the order they come in. */
#define BITMAP_DIVISOR    16

/* Record ids are mapped through an array of slots when the largest id is
 * below SLOTS_FACTOR × the number of records (+ SLOTS_SLACK). */
#define SLOTS_FACTOR      2
#define SLOTS_SLACK       65536

typedef enum
{
  ID_MAP_OFFSET, /* ids are consecutive: index = id - first_id */
  ID_MAP_SLOTS,  /* index = slots[id] */
  ID_MAP_SEARCH, /* binary search in ids */
} IdMap;

typedef struct
{
  guint32 record;
  guint32 topic;
} ExtraTopic;

typedef struct
{
  guint32 record;
  gint32  end;            /* the last day */
} LongSpan;

struct _AccordsFacetIndex
{
  GObject     parent_instance;

  /* owned; never changed once loaded, so that any thread may count */
  guint       n_records;

  IdMap       id_map;
  gint64      first_id;       /* ID_MAP_OFFSET */
  guint32    *slots;          /* ID_MAP_SLOTS: NOT_FOUND for a gap */
  gsize       n_slots;
  gint64     *ids;            /* ID_MAP_SEARCH: ascending */

  gint16     *years;          /* per record; 0 when undated */
  gint32     *days;           /* per record: Julian day of the event date; 0 when undated */
  guint16    *spans;          /* per record: last day - first day | precision << 14 */
  guint8     *kinds;          /* per record: AccordsKind, or NO_KIND */
  guint32    *topics;         /* per record: bits into topic_ids */
  guint32    *party_offsets;  /* n_records + 1, into parties */
  guint16    *parties;        /* indices into country_codes */
  guint32    *tag_offsets;    /* n_records + 1, into tags */
  guint32    *tags;           /* indices into tag_names */
  ExtraTopic *extra_topics;   /* by record */
  guint       n_extra_topics;
  LongSpan   *long_spans;     /* by record: the spans marked SPAN_LONG */
  guint       n_long_spans;

  gint16      min_year;
  gint16      max_year;       /* min_year > max_year: no dated record */

  GPtrArray  *country_codes;  /* of char * */
  GPtrArray  *topic_ids;
  GPtrArray  *tag_names;
};

G_DEFINE_FINAL_TYPE (AccordsFacetIndex, accords_facet_index, G_TYPE_OBJECT)

struct _AccordsFacetCounts
{
  GObject     parent_instance;

  /* owned */
  guint       total;
  GArray     *entries[ACCORDS_FACET_N_FACETS]; /* AccordsFacetEntry, values owned */
  GHashTable *counts[ACCORDS_FACET_N_FACETS];  /* value (borrowed) → count */
};

G_DEFINE_FINAL_TYPE (AccordsFacetCounts, accords_facet_counts, G_TYPE_OBJECT)

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

/* Counting ----------------------------------------------------------------- */

/* Where the counting goes. Topics are counted by the bytes of their bit
 * masks, one increment per byte and no branch per topic, and spread into
 * per-topic counts at the end; years[0] counts the undated records. */
typedef struct
{
  guint  total;
  guint *countries;
  guint *topics;
  guint *years;           /* years[year - min_year + 1] */
  guint *tags;
  guint  kinds[256];      /* by the kind byte: NO_KIND too */
  guint  topic_bytes[4][256];
} Tally;

/* The columns and where their counts go, copied into a local variable of
 * the counting loop so that the compiler keeps them in registers. */
typedef struct
{
  const gint16  *years;
  const guint8  *kinds;
  const guint32 *topics;
  const guint32 *party_offsets;
  const guint16 *parties;
  const guint32 *tag_offsets;
  const guint32 *tags;
  int            year_base;

  guint         *year_counts;
  guint         *kind_counts;
  guint         *country_counts;
  guint         *tag_counts;
  guint        (*topic_bytes)[256];
} Counter;

static void
counter_init (Counter           *counter,
              AccordsFacetIndex *self,
              Tally             *tally)
{
  counter->years = self->years;
  counter->kinds = self->kinds;
  counter->topics = self->topics;
  counter->party_offsets = self->party_offsets;
  counter->parties = self->parties;
  counter->tag_offsets = self->tag_offsets;
  counter->tags = self->tags;
  counter->year_base = self->min_year - 1;
  counter->year_counts = tally->years;
  counter->kind_counts = tally->kinds;
  counter->country_counts = tally->countries;
  counter->tag_counts = tally->tags;
  counter->topic_bytes = tally->topic_bytes;
}

static inline guint32
lookup_index (AccordsFacetIndex *self,
              gint64             id)
{
  switch (self->id_map)
    {
    case ID_MAP_OFFSET:
      if (id < self->first_id || (guint64) (id - self->first_id) >= self->n_records)
        return NOT_FOUND;
      return (guint32) (id - self->first_id);

    case ID_MAP_SLOTS:
      if (id < 0 || (guint64) id >= self->n_slots)
        return NOT_FOUND;
      return self->slots[id];

    case ID_MAP_SEARCH:
    default:
      {
        guint lo = 0;
        guint hi = self->n_records;

        while (lo < hi)
          {
            guint mid = lo + (hi - lo) / 2;

            if (self->ids[mid] < id)
              lo = mid + 1;
            else
              hi = mid;
          }

        return lo < self->n_records && self->ids[lo] == id ? lo : NOT_FOUND;
      }
    }
}

/* Where @record's topics beyond the first TOPIC_BITS start in the sorted
 * list of extra topics (or where they would be). */
static guint
first_extra_topic (AccordsFacetIndex *self,
                   guint32            record)
{
  guint lo = 0;
  guint hi = self->n_extra_topics;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->extra_topics[mid].record < record)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static void
count_extra_topics (AccordsFacetIndex *self,
                    guint32            record,
                    Tally             *tally)
{
  guint lo = first_extra_topic (self, record);

  for (; lo < self->n_extra_topics && self->extra_topics[lo].record == record; lo++)
    tally->topics[self->extra_topics[lo].topic]++;
}

/* Counts one record. Most records have two to four parties: the first four
 * are counted without a branch (adding 0 when absent; the party array ends
 * with PARTY_PADDING entries of padding). Returns whether the record has
 * topics beyond the bits, for the caller to count with count_extra_topics(). */
G_ALWAYS_INLINE static inline gboolean
count_record (const Counter *c,
              guint32        record)
{
  guint32 bits = c->topics[record];
  int year = c->years[record];
  guint32 first = c->party_offsets[record];
  guint32 n_parties = c->party_offsets[record + 1] - first;

  c->year_counts[year != 0 ? year - c->year_base : 0]++;
  c->kind_counts[c->kinds[record]]++;

  c->topic_bytes[0][bits & 0xff]++;
  c->topic_bytes[1][(bits >> 8) & 0xff]++;
  c->topic_bytes[2][(bits >> 16) & 0xff]++;
  c->topic_bytes[3][bits >> 24]++;

  c->country_counts[c->parties[first]] += n_parties > 0;
  c->country_counts[c->parties[first + 1]] += n_parties > 1;
  c->country_counts[c->parties[first + 2]] += n_parties > 2;
  c->country_counts[c->parties[first + 3]] += n_parties > 3;
  for (guint32 i = first + PARTY_PADDING; i < first + n_parties; i++)
    c->country_counts[c->parties[i]]++;

  for (guint32 i = c->tag_offsets[record]; i < c->tag_offsets[record + 1]; i++)
    c->tag_counts[c->tags[i]]++;

  return (bits & EXTRA_TOPICS) != 0;
}

/* Few ids: each record looked up where it is. */
static gboolean
count_each (AccordsFacetIndex *self,
            const gint64      *ids,
            guint              n_ids,
            GCancellable      *cancellable,
            Tally             *tally)
{
  Counter counter;
  guint total = 0;

  counter_init (&counter, self, tally);

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 record;

      if ((i & CANCEL_MASK) == CANCEL_MASK && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if ((record = lookup_index (self, ids[i])) == NOT_FOUND)
        continue;

      total++;
      if (G_UNLIKELY (count_record (&counter, record)))
        count_extra_topics (self, record, tally);
    }

  tally->total = total;

  return TRUE;
}

/* Many ids: marked in a bitmap (which also drops repeated ids), then the
 * columns are read in order, as the memory likes it best. */
static gboolean
count_marked (AccordsFacetIndex *self,
              const gint64      *ids,
              guint              n_ids,
              GCancellable      *cancellable,
              Tally             *tally)
{
  guint n_words = (self->n_records + 63) / 64;
  g_autofree guint64 *bitmap = g_new0 (guint64, n_words);
  Counter counter;
  guint total = 0;

  for (guint i = 0; i < n_ids; i++)
    {
      guint32 record;

      if ((i & CANCEL_MASK) == CANCEL_MASK && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      if ((record = lookup_index (self, ids[i])) != NOT_FOUND)
        bitmap[record / 64] |= G_GUINT64_CONSTANT (1) << (record % 64);
    }

  counter_init (&counter, self, tally);

  for (guint w = 0; w < n_words; w++)
    {
      guint64 bits = bitmap[w];

      if ((w & (CANCEL_MASK / 64)) == CANCEL_MASK / 64 && g_cancellable_is_cancelled (cancellable))
        return FALSE;

      while (bits != 0)
        {
#if defined(__GNUC__)
          guint32 record = w * 64 + __builtin_ctzll (bits);
#else
          guint32 record = w * 64 + g_bit_nth_lsf (bits, -1);
#endif

          total++;
          if (G_UNLIKELY (count_record (&counter, record)))
            count_extra_topics (self, record, tally);
          bits &= bits - 1;
        }
    }

  tally->total = total;

  return TRUE;
}

/* Spreads the counts of topic mask bytes into counts per topic. */
static void
spread_topic_bytes (Tally *tally)
{
  for (guint byte = 0; byte < 4; byte++)
    {
      for (guint value = 1; value < 256; value++)
        {
          guint count = tally->topic_bytes[byte][value];

          if (count == 0)
            continue;

          for (guint bit = 0; bit < 8; bit++)
            {
              if ((value & (1u << bit)) != 0 && byte * 8 + bit < TOPIC_BITS)
                tally->topics[byte * 8 + bit] += count;
            }
        }
    }
}

/* Counts ------------------------------------------------------------------- */

static void
clear_entry (gpointer data)
{
  AccordsFacetEntry *entry = data;

  g_free (entry->value);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const AccordsFacetEntry *x = a;
  const AccordsFacetEntry *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;

  return strcmp (x->value, y->value);
}

static void
add_entry (AccordsFacetCounts *counts,
           AccordsFacet        facet,
           char               *value,
           guint               count)
{
  AccordsFacetEntry entry = { value, count };

  g_array_append_val (counts->entries[facet], entry);
}

static void
add_entries (AccordsFacetCounts *counts,
             AccordsFacet        facet,
             GPtrArray          *values,
             const guint        *tally)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (tally[i] > 0)
        add_entry (counts, facet, g_strdup (g_ptr_array_index (values, i)), tally[i]);
    }
}

static AccordsFacetCounts *
make_counts (AccordsFacetIndex *self,
             const Tally       *tally)
{
  AccordsFacetCounts *counts = g_object_new (ACCORDS_TYPE_FACET_COUNTS, NULL);

  counts->total = tally->total;

  add_entries (counts, ACCORDS_FACET_COUNTRY, self->country_codes, tally->countries);
  add_entries (counts, ACCORDS_FACET_TOPIC, self->topic_ids, tally->topics);
  add_entries (counts, ACCORDS_FACET_TAG, self->tag_names, tally->tags);

  for (guint i = 0; i < N_KINDS; i++)
    {
      if (tally->kinds[i] > 0)
        add_entry (counts, ACCORDS_FACET_KIND, g_strdup (accords_kind_to_string (i)),
                   tally->kinds[i]);
    }

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      if (f != ACCORDS_FACET_YEAR)
        g_array_sort (counts->entries[f], compare_entries);
    }

  /* Years go newest first, as on a time line. */
  for (int year = self->max_year; year >= self->min_year; year--)
    {
      guint count = tally->years[year - self->min_year + 1];

      if (count > 0)
        add_entry (counts, ACCORDS_FACET_YEAR, g_strdup_printf ("%d", year), count);
    }

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      for (guint i = 0; i < counts->entries[f]->len; i++)
        {
          AccordsFacetEntry *entry = &g_array_index (counts->entries[f], AccordsFacetEntry, i);

          g_hash_table_insert (counts->counts[f], entry->value, GUINT_TO_POINTER (entry->count));
        }
    }

  return counts;
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AccordsFacetIndex *self = source_object;
  GArray *ids = task_data;
  AccordsFacetCounts *counts;

  counts = accords_facet_index_count (self, (const gint64 *) ids->data, ids->len, cancellable);
  if (counts == NULL)
    {
      g_task_return_error_if_cancelled (task);
      return;
    }

  g_task_return_pointer (task, counts, g_object_unref);
}

/* GObject ------------------------------------------------------------------ */

static void
accords_facet_index_finalize (GObject *object)
{
  AccordsFacetIndex *self = (AccordsFacetIndex *) object;

  g_free (self->slots);
  g_free (self->ids);
  g_free (self->years);
  g_free (self->days);
  g_free (self->spans);
  g_free (self->kinds);
  g_free (self->topics);
  g_free (self->party_offsets);
  g_free (self->parties);
  g_free (self->tag_offsets);
  g_free (self->tags);
  g_free (self->extra_topics);
  g_free (self->long_spans);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->topic_ids, g_ptr_array_unref);
  g_clear_pointer (&self->tag_names, g_ptr_array_unref);

  G_OBJECT_CLASS (accords_facet_index_parent_class)->finalize (object);
}

static void
accords_facet_index_class_init (AccordsFacetIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_facet_index_finalize;
}

static void
accords_facet_index_init (AccordsFacetIndex *self)
{
}

static void
accords_facet_counts_finalize (GObject *object)
{
  AccordsFacetCounts *self = (AccordsFacetCounts *) object;

  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      g_clear_pointer (&self->counts[f], g_hash_table_unref);
      g_clear_pointer (&self->entries[f], g_array_unref);
    }

  G_OBJECT_CLASS (accords_facet_counts_parent_class)->finalize (object);
}

static void
accords_facet_counts_class_init (AccordsFacetCountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_facet_counts_finalize;
}

static void
accords_facet_counts_init (AccordsFacetCounts *self)
{
  for (guint f = 0; f < ACCORDS_FACET_N_FACETS; f++)
    {
      self->entries[f] = g_array_new (FALSE, FALSE, sizeof (AccordsFacetEntry));
      g_array_set_clear_func (self->entries[f], clear_entry);
      self->counts[f] = g_hash_table_new (g_str_hash, g_str_equal);
    }
}

/* Public: the index -------------------------------------------------------- */

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

/**
 * accords_facet_index_get_n_records:
 *
 * Returns: the number of records of the library when the index was loaded
 */
guint
accords_facet_index_get_n_records (AccordsFacetIndex *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  return self->n_records;
}

/**
 * accords_facet_index_get_size:
 *
 * Returns: the bytes the index keeps in memory (its columns and tables)
 */
gsize
accords_facet_index_get_size (AccordsFacetIndex *self)
{
  gsize size = 0;
  GPtrArray *tables[3];

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  tables[0] = self->country_codes;
  tables[1] = self->topic_ids;
  tables[2] = self->tag_names;

  size += self->n_slots * sizeof (guint32);
  size += self->id_map == ID_MAP_SEARCH ? self->n_records * sizeof (gint64) : 0;
  size += self->n_records * (sizeof (gint16) + sizeof (gint32) + sizeof (guint16) +
                             sizeof (guint8) + sizeof (guint32));
  size += 2 * (self->n_records + 1) * sizeof (guint32);
  size += self->party_offsets[self->n_records] * sizeof (guint16);
  size += self->tag_offsets[self->n_records] * sizeof (guint32);
  size += self->n_extra_topics * sizeof (ExtraTopic);
  size += self->n_long_spans * sizeof (LongSpan);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      for (guint i = 0; i < tables[t]->len; i++)
        size += sizeof (gpointer) + strlen (g_ptr_array_index (tables[t], i)) + 1;
    }

  return size;
}

/**
 * accords_facet_index_get_columns:
 * @self: an index
 * @columns: (out caller-allocates): where to put the views
 *
 * Fills @columns with borrowed views of the index's columns, valid as
 * long as @self; any thread may read them.
 */
void
accords_facet_index_get_columns (AccordsFacetIndex   *self,
                                 AccordsFacetColumns *columns)
{
  g_return_if_fail (ACCORDS_IS_FACET_INDEX (self));
  g_return_if_fail (columns != NULL);

  columns->n_records = self->n_records;
  columns->days = self->days;
  columns->spans = self->spans;
  columns->kinds = self->kinds;
  columns->topics = self->topics;
  columns->party_offsets = self->party_offsets;
  columns->parties = self->parties;
  columns->country_codes = self->country_codes;
  columns->topic_ids = self->topic_ids;
}

/**
 * accords_facet_index_lookup:
 * @id: a record id
 *
 * Returns: the record index of @id in the columns, %G_MAXUINT32 when the
 *   index does not know it (added since it was loaded)
 */
guint32
accords_facet_index_lookup (AccordsFacetIndex *self,
                            gint64             id)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NOT_FOUND);

  return lookup_index (self, id);
}

/**
 * accords_facet_index_get_day:
 * @id: a record id
 *
 * Returns: the Julian day of the event date of @id; 0 when undated or
 *   unknown to the index
 */
gint32
accords_facet_index_get_day (AccordsFacetIndex *self,
                             gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  record = lookup_index (self, id);

  return record != NOT_FOUND ? self->days[record] : 0;
}

/* The last day of the dated record @record. */
static gint32
record_end_day (AccordsFacetIndex *self,
                guint32            record)
{
  guint span = self->spans[record] & SPAN_MASK;
  guint lo = 0;
  guint hi = self->n_long_spans;

  if (span != SPAN_LONG)
    return self->days[record] + span;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->long_spans[mid].record < record)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_assert (lo < self->n_long_spans && self->long_spans[lo].record == record);

  return self->long_spans[lo].end;
}

/**
 * accords_facet_index_get_end_day:
 * @id: a record id
 *
 * Returns: the last day of the event of @id as the timeline draws it: the
 *   event end, the end of the month or year of a vague date, or else its
 *   first day; 0 when undated or unknown to the index
 */
gint32
accords_facet_index_get_end_day (AccordsFacetIndex *self,
                                 gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  record = lookup_index (self, id);
  if (record == NOT_FOUND || self->days[record] == 0)
    return 0;

  return record_end_day (self, record);
}

/**
 * accords_facet_index_get_precision:
 * @id: a record id
 *
 * Returns: the date precision of @id; %ACCORDS_DATE_PRECISION_DAY when
 *   unknown to the index
 */
AccordsDatePrecision
accords_facet_index_get_precision (AccordsFacetIndex *self,
                                   gint64             id)
{
  guint32 record;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), ACCORDS_DATE_PRECISION_DAY);

  record = lookup_index (self, id);
  if (record == NOT_FOUND)
    return ACCORDS_DATE_PRECISION_DAY;

  return self->spans[record] >> PRECISION_SHIFT;
}

/**
 * accords_facet_index_get_long_end:
 * @record: a record index whose span in the columns is
 *   %ACCORDS_FACET_SPAN_LONG
 *
 * Returns: the last day of @record, for the rare events longer than the
 *   span column holds
 */
gint32
accords_facet_index_get_long_end (AccordsFacetIndex *self,
                                  guint32            record)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);
  g_return_val_if_fail (record < self->n_records, 0);
  g_return_val_if_fail ((self->spans[record] & SPAN_MASK) == SPAN_LONG, 0);

  return record_end_day (self, record);
}

/**
 * accords_facet_index_get_extra_topics:
 * @record: a record index
 * @topics: (out) (array length=max_topics): indices into the topic ids
 * @max_topics: room in @topics
 *
 * The topics of @record beyond the bits of its topic column, in the rare
 * libraries with more than 31 topic ids.
 *
 * Returns: how many were written to @topics
 */
guint
accords_facet_index_get_extra_topics (AccordsFacetIndex *self,
                                      guint32            record,
                                      guint32           *topics,
                                      guint              max_topics)
{
  guint lo;
  guint n = 0;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), 0);

  lo = first_extra_topic (self, record);

  for (; lo < self->n_extra_topics && self->extra_topics[lo].record == record; lo++)
    {
      if (n < max_topics)
        topics[n++] = self->extra_topics[lo].topic;
    }

  return n;
}

/**
 * accords_facet_index_count:
 * @self: an index
 * @ids: (array length=n_ids): record ids, each at most once; ids the index
 *   does not know (records added since it was loaded) are left out
 * @n_ids: the number of @ids
 * @cancellable: (nullable): stops the counting
 *
 * Counts the facets of the records @ids, on the calling thread: a few
 * milliseconds at a million ids.
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL when cancelled
 */
AccordsFacetCounts *
accords_facet_index_count (AccordsFacetIndex *self,
                           const gint64      *ids,
                           guint              n_ids,
                           GCancellable      *cancellable)
{
  g_autofree guint *buffer = NULL;
  g_autofree Tally *tally = NULL;
  guint n_countries;
  guint n_years;
  gboolean done;

  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  n_years = self->max_year >= self->min_year ? self->max_year - self->min_year + 1 : 0;
  n_countries = MAX (self->country_codes->len, 1);
  buffer = g_new0 (guint, n_countries + self->topic_ids->len + self->tag_names->len + n_years + 1);
  tally = g_new0 (Tally, 1);
  tally->countries = buffer;
  tally->topics = tally->countries + n_countries;
  tally->tags = tally->topics + self->topic_ids->len;
  tally->years = tally->tags + self->tag_names->len;

  if (self->n_records > 0 && n_ids >= self->n_records / BITMAP_DIVISOR)
    done = count_marked (self, ids, n_ids, cancellable, tally);
  else
    done = count_each (self, ids, n_ids, cancellable, tally);

  if (!done || g_cancellable_is_cancelled (cancellable))
    return NULL;

  spread_topic_bytes (tally);

  return make_counts (self, tally);
}

/**
 * accords_facet_index_count_async:
 * @self: an index
 * @ids: (element-type gint64): the record ids; the array is kept (by
 *   reference) until the count is done and must not change meanwhile, as
 *   the array of accords_record_list_get_ids() never does
 * @cancellable: (nullable): stops the counting
 * @callback: called on the thread-default main context when done
 * @user_data: for @callback
 *
 * Counts the facets of @ids on a worker thread.
 */
void
accords_facet_index_count_async (AccordsFacetIndex   *self,
                                 GArray              *ids,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ACCORDS_IS_FACET_INDEX (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (gint64));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, accords_facet_index_count_async);
  g_task_set_task_data (task, g_array_ref (ids), (GDestroyNotify) g_array_unref);
  g_task_run_in_thread (task, count_thread);
}

/**
 * accords_facet_index_count_finish:
 *
 * Returns: (transfer full): the counts, or %NULL with @error set
 *   (%G_IO_ERROR_CANCELLED when cancelled)
 */
AccordsFacetCounts *
accords_facet_index_count_finish (AccordsFacetIndex  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_INDEX (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        accords_facet_index_count_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Public: the counts ------------------------------------------------------- */

/**
 * accords_facet_counts_get_total:
 *
 * Returns: the number of records counted
 */
guint
accords_facet_counts_get_total (AccordsFacetCounts *self)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);

  return self->total;
}

guint
accords_facet_counts_get_n_entries (AccordsFacetCounts *self,
                                    AccordsFacet        facet)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, 0);

  return self->entries[facet]->len;
}

/**
 * accords_facet_counts_get_entry:
 *
 * Returns: (transfer none) (nullable): the entry at @position, or %NULL
 *   past the end; it lives as long as @self
 */
const AccordsFacetEntry *
accords_facet_counts_get_entry (AccordsFacetCounts *self,
                                AccordsFacet        facet,
                                guint               position)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), NULL);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, NULL);

  if (position >= self->entries[facet]->len)
    return NULL;

  return &g_array_index (self->entries[facet], AccordsFacetEntry, position);
}

/**
 * accords_facet_counts_lookup:
 * @value: a country code, topic id, kind id, year ("2025") or tag name
 *
 * Returns: how many of the records counted have @value; 0 when none
 */
guint
accords_facet_counts_lookup (AccordsFacetCounts *self,
                             AccordsFacet        facet,
                             const char         *value)
{
  g_return_val_if_fail (ACCORDS_IS_FACET_COUNTS (self), 0);
  g_return_val_if_fail ((guint) facet < ACCORDS_FACET_N_FACETS, 0);
  g_return_val_if_fail (value != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts[facet], value));
}
