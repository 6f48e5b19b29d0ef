/* accords-record.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-record"

#include "config.h"

#include "accords-annotation.h"
#include "accords-enums.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

typedef struct
{
  char *type;
  char *uid;
} Link;

struct _AccordsRecord
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *title;
  char *event_date;
  char *event_end;
  char *date_as_reported;
  char *venue_city;
  char *venue_country;
  char *venue_forum;
  char *summary;
  char *created;
  char *modified;

  AccordsKind kind;
  AccordsDatePrecision date_precision;
  AccordsDateQualifier date_qualifier;
  AccordsOrigin origin;

  guint venue_virtual : 1;
  guint starred : 1;

  /* Never NULL: an empty list is an empty array. */
  char **parties;
  char **mentioned;
  char **topics;
  char **organizations;
  char **tags;          /* a copy of the annotation's, for list rows */

  GListStore *people;
  GListStore *figures;
  GListStore *sources;

  GArray *links;

  AccordsAnnotation *annotation;
};

G_DEFINE_FINAL_TYPE (AccordsRecord, accords_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_TITLE,
  PROP_KIND,
  PROP_EVENT_DATE,
  PROP_EVENT_END,
  PROP_DATE_PRECISION,
  PROP_DATE_QUALIFIER,
  PROP_DATE_AS_REPORTED,
  PROP_VENUE_CITY,
  PROP_VENUE_COUNTRY,
  PROP_VENUE_FORUM,
  PROP_VENUE_VIRTUAL,
  PROP_SUMMARY,
  PROP_ORIGIN,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_STARRED,
  PROP_TAGS,
  PROP_PARTIES,
  PROP_MENTIONED,
  PROP_TOPICS,
  PROP_ORGANIZATIONS,
  PROP_PEOPLE,
  PROP_FIGURES,
  PROP_SOURCES,
  PROP_N_LINKS,
  PROP_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_link (gpointer data)
{
  Link *link = data;

  g_clear_pointer (&link->type, g_free);
  g_clear_pointer (&link->uid, g_free);
}

/* Replaces *@field by a copy of @value and notifies @prop_id, unless they
 * are equal already. */
static void
set_string (AccordsRecord  *self,
            char          **field,
            const char     *value,
            guint           prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_strv (AccordsRecord       *self,
          char              ***field,
          const char * const  *value,
          guint                prop_id)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (g_strv_equal ((const char * const *)*field, value))
    return;

  g_strfreev (*field);
  *field = g_strdupv ((char **)value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
accords_record_dispose (GObject *object)
{
  AccordsRecord *self = (AccordsRecord *)object;

  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (accords_record_parent_class)->dispose (object);
}

static void
accords_record_finalize (GObject *object)
{
  AccordsRecord *self = (AccordsRecord *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->event_date, g_free);
  g_clear_pointer (&self->event_end, g_free);
  g_clear_pointer (&self->date_as_reported, g_free);
  g_clear_pointer (&self->venue_city, g_free);
  g_clear_pointer (&self->venue_country, g_free);
  g_clear_pointer (&self->venue_forum, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->parties, g_strfreev);
  g_clear_pointer (&self->mentioned, g_strfreev);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_pointer (&self->organizations, g_strfreev);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->people);
  g_clear_object (&self->figures);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (accords_record_parent_class)->finalize (object);
}

static void
accords_record_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsRecord *self = ACCORDS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_EVENT_DATE:
      g_value_set_string (value, self->event_date);
      break;

    case PROP_EVENT_END:
      g_value_set_string (value, self->event_end);
      break;

    case PROP_DATE_PRECISION:
      g_value_set_enum (value, self->date_precision);
      break;

    case PROP_DATE_QUALIFIER:
      g_value_set_enum (value, self->date_qualifier);
      break;

    case PROP_DATE_AS_REPORTED:
      g_value_set_string (value, self->date_as_reported);
      break;

    case PROP_VENUE_CITY:
      g_value_set_string (value, self->venue_city);
      break;

    case PROP_VENUE_COUNTRY:
      g_value_set_string (value, self->venue_country);
      break;

    case PROP_VENUE_FORUM:
      g_value_set_string (value, self->venue_forum);
      break;

    case PROP_VENUE_VIRTUAL:
      g_value_set_boolean (value, self->venue_virtual);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_PARTIES:
      g_value_set_boxed (value, self->parties);
      break;

    case PROP_MENTIONED:
      g_value_set_boxed (value, self->mentioned);
      break;

    case PROP_TOPICS:
      g_value_set_boxed (value, self->topics);
      break;

    case PROP_ORGANIZATIONS:
      g_value_set_boxed (value, self->organizations);
      break;

    case PROP_PEOPLE:
      g_value_set_object (value, self->people);
      break;

    case PROP_FIGURES:
      g_value_set_object (value, self->figures);
      break;

    case PROP_SOURCES:
      g_value_set_object (value, self->sources);
      break;

    case PROP_N_LINKS:
      g_value_set_uint (value, self->links->len);
      break;

    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsRecord *self = ACCORDS_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_record_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_UID:
      accords_record_set_uid (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      accords_record_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      accords_record_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_EVENT_DATE:
      accords_record_set_event_date (self, g_value_get_string (value));
      break;

    case PROP_EVENT_END:
      accords_record_set_event_end (self, g_value_get_string (value));
      break;

    case PROP_DATE_PRECISION:
      accords_record_set_date_precision (self, g_value_get_enum (value));
      break;

    case PROP_DATE_QUALIFIER:
      accords_record_set_date_qualifier (self, g_value_get_enum (value));
      break;

    case PROP_DATE_AS_REPORTED:
      accords_record_set_date_as_reported (self, g_value_get_string (value));
      break;

    case PROP_VENUE_CITY:
      accords_record_set_venue_city (self, g_value_get_string (value));
      break;

    case PROP_VENUE_COUNTRY:
      accords_record_set_venue_country (self, g_value_get_string (value));
      break;

    case PROP_VENUE_FORUM:
      accords_record_set_venue_forum (self, g_value_get_string (value));
      break;

    case PROP_VENUE_VIRTUAL:
      accords_record_set_venue_virtual (self, g_value_get_boolean (value));
      break;

    case PROP_SUMMARY:
      accords_record_set_summary (self, g_value_get_string (value));
      break;

    case PROP_ORIGIN:
      accords_record_set_origin (self, g_value_get_enum (value));
      break;

    case PROP_CREATED:
      accords_record_set_created (self, g_value_get_string (value));
      break;

    case PROP_MODIFIED:
      accords_record_set_modified (self, g_value_get_string (value));
      break;

    case PROP_STARRED:
      accords_record_set_starred (self, g_value_get_boolean (value));
      break;

    case PROP_TAGS:
      accords_record_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_PARTIES:
      accords_record_set_parties (self, g_value_get_boxed (value));
      break;

    case PROP_MENTIONED:
      accords_record_set_mentioned (self, g_value_get_boxed (value));
      break;

    case PROP_TOPICS:
      accords_record_set_topics (self, g_value_get_boxed (value));
      break;

    case PROP_ORGANIZATIONS:
      accords_record_set_organizations (self, g_value_get_boxed (value));
      break;

    case PROP_ANNOTATION:
      accords_record_set_annotation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_record_class_init (AccordsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = accords_record_dispose;
  object_class->finalize = accords_record_finalize;
  object_class->get_property = accords_record_get_property;
  object_class->set_property = accords_record_set_property;

  /* The row id in the store; 0 when the record is not stored. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_UID] =
    g_param_spec_string ("uid", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EVENT_DATE] =
    g_param_spec_string ("event-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EVENT_END] =
    g_param_spec_string ("event-end", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE_AS_REPORTED] =
    g_param_spec_string ("date-as-reported", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VENUE_CITY] =
    g_param_spec_string ("venue-city", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VENUE_COUNTRY] =
    g_param_spec_string ("venue-country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VENUE_FORUM] =
    g_param_spec_string ("venue-forum", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       ACCORDS_TYPE_KIND,
                       ACCORDS_KIND_ANNOUNCEMENT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE_PRECISION] =
    g_param_spec_enum ("date-precision", NULL, NULL,
                       ACCORDS_TYPE_DATE_PRECISION,
                       ACCORDS_DATE_PRECISION_DAY,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE_QUALIFIER] =
    g_param_spec_enum ("date-qualifier", NULL, NULL,
                       ACCORDS_TYPE_DATE_QUALIFIER,
                       ACCORDS_DATE_QUALIFIER_EXACT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL,
                       ACCORDS_TYPE_ORIGIN,
                       ACCORDS_ORIGIN_MANUAL,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_VENUE_VIRTUAL] =
    g_param_spec_boolean ("venue-virtual", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* A copy of the annotation's star, filled by the store so that list
   * rows need not load the annotation. */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /* A copy of the annotation's tags, filled by the store for list rows
   * like #AccordsRecord:starred. */
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PARTIES] =
    g_param_spec_boxed ("parties", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_MENTIONED] =
    g_param_spec_boxed ("mentioned", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TOPICS] =
    g_param_spec_boxed ("topics", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_ORGANIZATIONS] =
    g_param_spec_boxed ("organizations", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_PEOPLE] =
    g_param_spec_object ("people", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FIGURES] =
    g_param_spec_object ("figures", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCES] =
    g_param_spec_object ("sources", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_N_LINKS] =
    g_param_spec_uint ("n-links", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL,
                         ACCORDS_TYPE_ANNOTATION,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_record_init (AccordsRecord *self)
{
  self->kind = ACCORDS_KIND_ANNOUNCEMENT;
  self->date_precision = ACCORDS_DATE_PRECISION_DAY;
  self->date_qualifier = ACCORDS_DATE_QUALIFIER_EXACT;
  self->origin = ACCORDS_ORIGIN_MANUAL;

  self->parties = g_new0 (char *, 1);
  self->mentioned = g_new0 (char *, 1);
  self->topics = g_new0 (char *, 1);
  self->organizations = g_new0 (char *, 1);
  self->tags = g_new0 (char *, 1);

  self->people = g_list_store_new (ACCORDS_TYPE_PERSON);
  self->figures = g_list_store_new (ACCORDS_TYPE_FIGURE);
  self->sources = g_list_store_new (ACCORDS_TYPE_SOURCE);

  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (self->links, clear_link);
}

/**
 * accords_record_new:
 *
 * Returns: (transfer full): a new record: an announcement with no title,
 *   no date and empty lists
 */
AccordsRecord *
accords_record_new (void)
{
  return g_object_new (ACCORDS_TYPE_RECORD, NULL);
}

/**
 * accords_record_get_id:
 * @self: a record
 *
 * Returns: the row id in the store, 0 when the record is not stored
 */
gint64
accords_record_get_id (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), 0);

  return self->id;
}

/**
 * accords_record_set_id:
 * @self: a record
 * @id: the row id in the store
 */
void
accords_record_set_id (AccordsRecord *self,
                       gint64         id)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * accords_record_get_uid:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the stable identifier, kept across
 *   export and import
 */
const char *
accords_record_get_uid (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->uid;
}

/**
 * accords_record_set_uid:
 * @self: a record
 * @uid: (nullable): the stable identifier, kept across export and import
 */
void
accords_record_set_uid (AccordsRecord *self,
                        const char    *uid)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->uid, uid, PROP_UID);
}

/**
 * accords_record_get_title:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
accords_record_get_title (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->title;
}

/**
 * accords_record_set_title:
 * @self: a record
 * @title: (nullable): the title
 */
void
accords_record_set_title (AccordsRecord *self,
                          const char    *title)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * accords_record_get_event_date:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the date of the event, YYYY-MM-DD
 *   (the first day of its month or year when the precision is coarser)
 */
const char *
accords_record_get_event_date (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->event_date;
}

/**
 * accords_record_set_event_date:
 * @self: a record
 * @event_date: (nullable): the date of the event, YYYY-MM-DD (the first day
 *   of its month or year when the precision is coarser)
 */
void
accords_record_set_event_date (AccordsRecord *self,
                               const char    *event_date)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->event_date, event_date, PROP_EVENT_DATE);
}

/**
 * accords_record_get_event_end:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the last day of an event that spans
 *   several days, YYYY-MM-DD
 */
const char *
accords_record_get_event_end (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->event_end;
}

/**
 * accords_record_set_event_end:
 * @self: a record
 * @event_end: (nullable): the last day of an event that spans several days,
 *   YYYY-MM-DD
 */
void
accords_record_set_event_end (AccordsRecord *self,
                              const char    *event_end)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->event_end, event_end, PROP_EVENT_END);
}

/**
 * accords_record_get_date_as_reported:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the words the report used for the date
 */
const char *
accords_record_get_date_as_reported (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->date_as_reported;
}

/**
 * accords_record_set_date_as_reported:
 * @self: a record
 * @date_as_reported: (nullable): the words the report used for the date
 */
void
accords_record_set_date_as_reported (AccordsRecord *self,
                                     const char    *date_as_reported)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->date_as_reported, date_as_reported, PROP_DATE_AS_REPORTED);
}

/**
 * accords_record_get_venue_city:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the city the event took place in
 */
const char *
accords_record_get_venue_city (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->venue_city;
}

/**
 * accords_record_set_venue_city:
 * @self: a record
 * @venue_city: (nullable): the city the event took place in
 */
void
accords_record_set_venue_city (AccordsRecord *self,
                               const char    *venue_city)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->venue_city, venue_city, PROP_VENUE_CITY);
}

/**
 * accords_record_get_venue_country:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the alpha-2 code of the country the
 *   event took place in
 */
const char *
accords_record_get_venue_country (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->venue_country;
}

/**
 * accords_record_set_venue_country:
 * @self: a record
 * @venue_country: (nullable): the alpha-2 code of the country the event took
 *   place in
 */
void
accords_record_set_venue_country (AccordsRecord *self,
                                  const char    *venue_country)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->venue_country, venue_country, PROP_VENUE_COUNTRY);
}

/**
 * accords_record_get_venue_forum:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the forum, summit or fair the event
 *   was part of
 */
const char *
accords_record_get_venue_forum (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->venue_forum;
}

/**
 * accords_record_set_venue_forum:
 * @self: a record
 * @venue_forum: (nullable): the forum, summit or fair the event was part of
 */
void
accords_record_set_venue_forum (AccordsRecord *self,
                                const char    *venue_forum)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->venue_forum, venue_forum, PROP_VENUE_FORUM);
}

/**
 * accords_record_get_summary:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): a short summary
 */
const char *
accords_record_get_summary (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->summary;
}

/**
 * accords_record_set_summary:
 * @self: a record
 * @summary: (nullable): a short summary
 */
void
accords_record_set_summary (AccordsRecord *self,
                            const char    *summary)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->summary, summary, PROP_SUMMARY);
}

/**
 * accords_record_get_created:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): when the record was created, ISO 8601
 *   in UTC
 */
const char *
accords_record_get_created (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->created;
}

/**
 * accords_record_set_created:
 * @self: a record
 * @created: (nullable): when the record was created, ISO 8601 in UTC
 */
void
accords_record_set_created (AccordsRecord *self,
                            const char    *created)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->created, created, PROP_CREATED);
}

/**
 * accords_record_get_modified:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): when the record last changed, ISO
 *   8601 in UTC
 */
const char *
accords_record_get_modified (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->modified;
}

/**
 * accords_record_set_modified:
 * @self: a record
 * @modified: (nullable): when the record last changed, ISO 8601 in UTC
 */
void
accords_record_set_modified (AccordsRecord *self,
                             const char    *modified)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_string (self, &self->modified, modified, PROP_MODIFIED);
}

/**
 * accords_record_get_kind:
 * @self: a record
 *
 * Returns: what kind of event the record is
 */
AccordsKind
accords_record_get_kind (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), ACCORDS_KIND_ANNOUNCEMENT);

  return self->kind;
}

/**
 * accords_record_set_kind:
 * @self: a record
 * @kind: what kind of event the record is
 */
void
accords_record_set_kind (AccordsRecord *self,
                         AccordsKind    kind)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail ((guint) kind <= ACCORDS_KIND_ANNOUNCEMENT);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * accords_record_get_date_precision:
 * @self: a record
 *
 * Returns: how precisely the event date is known
 */
AccordsDatePrecision
accords_record_get_date_precision (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), ACCORDS_DATE_PRECISION_DAY);

  return self->date_precision;
}

/**
 * accords_record_set_date_precision:
 * @self: a record
 * @date_precision: how precisely the event date is known
 */
void
accords_record_set_date_precision (AccordsRecord        *self,
                                   AccordsDatePrecision  date_precision)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail ((guint) date_precision <= ACCORDS_DATE_PRECISION_YEAR);

  if (self->date_precision == date_precision)
    return;

  self->date_precision = date_precision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_PRECISION]);
}

/**
 * accords_record_get_date_qualifier:
 * @self: a record
 *
 * Returns: whether the event was on, about, before or after its date
 */
AccordsDateQualifier
accords_record_get_date_qualifier (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), ACCORDS_DATE_QUALIFIER_EXACT);

  return self->date_qualifier;
}

/**
 * accords_record_set_date_qualifier:
 * @self: a record
 * @date_qualifier: whether the event was on, about, before or after its date
 */
void
accords_record_set_date_qualifier (AccordsRecord        *self,
                                   AccordsDateQualifier  date_qualifier)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail ((guint) date_qualifier <= ACCORDS_DATE_QUALIFIER_AFTER);

  if (self->date_qualifier == date_qualifier)
    return;

  self->date_qualifier = date_qualifier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_QUALIFIER]);
}

/**
 * accords_record_get_origin:
 * @self: a record
 *
 * Returns: how the record came into the library
 */
AccordsOrigin
accords_record_get_origin (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), ACCORDS_ORIGIN_MANUAL);

  return self->origin;
}

/**
 * accords_record_set_origin:
 * @self: a record
 * @origin: how the record came into the library
 */
void
accords_record_set_origin (AccordsRecord *self,
                           AccordsOrigin  origin)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail ((guint) origin <= ACCORDS_ORIGIN_IMPORT);

  if (self->origin == origin)
    return;

  self->origin = origin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN]);
}

/**
 * accords_record_get_venue_virtual:
 * @self: a record
 *
 * Returns: whether the event was held online
 */
gboolean
accords_record_get_venue_virtual (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), FALSE);

  return self->venue_virtual;
}

/**
 * accords_record_set_venue_virtual:
 * @self: a record
 * @venue_virtual: whether the event was held online
 */
void
accords_record_set_venue_virtual (AccordsRecord *self,
                                  gboolean       venue_virtual)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  venue_virtual = !!venue_virtual;

  if (self->venue_virtual == venue_virtual)
    return;

  self->venue_virtual = venue_virtual;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VENUE_VIRTUAL]);
}

/**
 * accords_record_get_starred:
 * @self: a record
 *
 * Returns: whether the record is starred (a copy of the annotation's star
 *   that list rows show)
 */
gboolean
accords_record_get_starred (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), FALSE);

  return self->starred;
}

/**
 * accords_record_set_starred:
 * @self: a record
 * @starred: whether the record is starred (a copy of the annotation's star
 *   that list rows show)
 */
void
accords_record_set_starred (AccordsRecord *self,
                            gboolean       starred)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  starred = !!starred;

  if (self->starred == starred)
    return;

  self->starred = starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

/**
 * accords_record_get_parties:
 * @self: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the alpha-2 codes of
 *   the countries that are party to the event; never %NULL
 */
const char * const *
accords_record_get_parties (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return (const char * const *)self->parties;
}

/**
 * accords_record_set_parties:
 * @self: a record
 * @parties: (nullable) (array zero-terminated=1): the alpha-2 codes of the
 *   countries that are party to the event; %NULL is the same
 *   as an empty list
 */
void
accords_record_set_parties (AccordsRecord      *self,
                            const char * const *parties)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_strv (self, &self->parties, parties, PROP_PARTIES);
}

/**
 * accords_record_get_mentioned:
 * @self: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the alpha-2 codes of
 *   the countries merely mentioned; never %NULL
 */
const char * const *
accords_record_get_mentioned (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return (const char * const *)self->mentioned;
}

/**
 * accords_record_set_mentioned:
 * @self: a record
 * @mentioned: (nullable) (array zero-terminated=1): the alpha-2 codes of the
 *   countries merely mentioned; %NULL is the same
 *   as an empty list
 */
void
accords_record_set_mentioned (AccordsRecord      *self,
                              const char * const *mentioned)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_strv (self, &self->mentioned, mentioned, PROP_MENTIONED);
}

/**
 * accords_record_get_topics:
 * @self: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the topic ids; never
 *   %NULL
 */
const char * const *
accords_record_get_topics (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return (const char * const *)self->topics;
}

/**
 * accords_record_set_topics:
 * @self: a record
 * @topics: (nullable) (array zero-terminated=1): the topic ids; %NULL is the
 *   same
 *   as an empty list
 */
void
accords_record_set_topics (AccordsRecord      *self,
                           const char * const *topics)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_strv (self, &self->topics, topics, PROP_TOPICS);
}

/**
 * accords_record_get_organizations:
 * @self: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the organisations
 *   named; never %NULL
 */
const char * const *
accords_record_get_organizations (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return (const char * const *)self->organizations;
}

/**
 * accords_record_set_organizations:
 * @self: a record
 * @organizations: (nullable) (array zero-terminated=1): the organisations
 *   named; %NULL is the same
 *   as an empty list
 */
void
accords_record_set_organizations (AccordsRecord      *self,
                                  const char * const *organizations)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_strv (self, &self->organizations, organizations, PROP_ORGANIZATIONS);
}

/**
 * accords_record_get_people:
 * @self: a record
 *
 * Returns: (transfer none): a #GListModel of #AccordsPerson: the people named
 */
GListModel *
accords_record_get_people (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return G_LIST_MODEL (self->people);
}

/**
 * accords_record_add_person:
 * @self: a record
 * @person: a #AccordsPerson; the record takes a reference
 *
 * Appends @person to #AccordsRecord:people.
 */
void
accords_record_add_person (AccordsRecord *self,
                           AccordsPerson *person)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (ACCORDS_IS_PERSON (person));

  g_list_store_append (self->people, person);
}

/**
 * accords_record_get_figures:
 * @self: a record
 *
 * Returns: (transfer none): a #GListModel of #AccordsFigure: the figures the
 *   reports give
 */
GListModel *
accords_record_get_figures (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return G_LIST_MODEL (self->figures);
}

/**
 * accords_record_add_figure:
 * @self: a record
 * @figure: a #AccordsFigure; the record takes a reference
 *
 * Appends @figure to #AccordsRecord:figures.
 */
void
accords_record_add_figure (AccordsRecord *self,
                           AccordsFigure *figure)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (ACCORDS_IS_FIGURE (figure));

  g_list_store_append (self->figures, figure);
}

/**
 * accords_record_get_sources:
 * @self: a record
 *
 * Returns: (transfer none): a #GListModel of #AccordsSource: the reports of
 *   the event
 */
GListModel *
accords_record_get_sources (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return G_LIST_MODEL (self->sources);
}

/**
 * accords_record_add_source:
 * @self: a record
 * @source: a #AccordsSource; the record takes a reference
 *
 * Appends @source to #AccordsRecord:sources.
 */
void
accords_record_add_source (AccordsRecord *self,
                           AccordsSource *source)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (ACCORDS_IS_SOURCE (source));

  g_list_store_append (self->sources, source);
}

/**
 * accords_record_get_n_links:
 * @self: a record
 *
 * Returns: the number of links to other records
 */
guint
accords_record_get_n_links (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), 0);

  return self->links->len;
}

/**
 * accords_record_get_link:
 * @self: a record
 * @position: the index of a link, less than accords_record_get_n_links()
 * @type: (out) (optional) (transfer none): the type of the link
 * @uid: (out) (optional) (transfer none): the uid of the other record
 */
void
accords_record_get_link (AccordsRecord  *self,
                         guint           position,
                         const char    **type,
                         const char    **uid)
{
  const Link *link;

  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (position < self->links->len);

  link = &g_array_index (self->links, Link, position);

  if (type != NULL)
    *type = link->type;
  if (uid != NULL)
    *uid = link->uid;
}

/**
 * accords_record_add_link:
 * @self: a record
 * @type: a link type (see accords_link_type_is_valid())
 * @uid: the uid of the other record, which need not be in the library
 *
 * Appends a typed link to another record.
 */
void
accords_record_add_link (AccordsRecord *self,
                         const char    *type,
                         const char    *uid)
{
  Link link;

  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (accords_link_type_is_valid (type));
  g_return_if_fail (uid != NULL && uid[0] != '\0');

  link.type = g_strdup (type);
  link.uid = g_strdup (uid);
  g_array_append_val (self->links, link);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINKS]);
}

/**
 * accords_record_get_annotation:
 * @self: a record
 *
 * Returns: (transfer none) (nullable): the user's annotation, %NULL when
 *   there is none or it was not loaded
 */
AccordsAnnotation *
accords_record_get_annotation (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return self->annotation;
}

/**
 * accords_record_set_annotation:
 * @self: a record
 * @annotation: (nullable): an annotation; the record takes a reference
 *
 * Sets the annotation. #AccordsRecord:starred is left as it is: the store
 * keeps the two in step.
 */
void
accords_record_set_annotation (AccordsRecord     *self,
                               AccordsAnnotation *annotation)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));
  g_return_if_fail (annotation == NULL || ACCORDS_IS_ANNOTATION (annotation));

  if (g_set_object (&self->annotation, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

/**
 * accords_record_get_known_date:
 * @self: a record
 *
 * The day the record can be placed on: its event date, or when its
 * reports gave none, the publish date of its first source that has one.
 *
 * Returns: (nullable): a date written YYYY-MM-DD, owned by @self
 */
const char *
accords_record_get_known_date (AccordsRecord *self)
{
  guint n;

  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  if (self->event_date != NULL)
    return self->event_date;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      /* the record keeps its sources, and so their strings, alive */
      if (accords_source_get_published (source) != NULL)
        return accords_source_get_published (source);
    }

  return NULL;
}

/**
 * accords_record_get_tags:
 * @self: a record
 *
 * Returns: (transfer none) (array zero-terminated=1): the names of the
 *   record's tags (a copy of the annotation's, for list rows); never %NULL
 */
const char * const *
accords_record_get_tags (AccordsRecord *self)
{
  g_return_val_if_fail (ACCORDS_IS_RECORD (self), NULL);

  return (const char * const *) self->tags;
}

/**
 * accords_record_set_tags:
 * @self: a record
 * @tags: (nullable) (array zero-terminated=1): tag names; %NULL is the
 *   same as an empty list
 */
void
accords_record_set_tags (AccordsRecord      *self,
                         const char * const *tags)
{
  g_return_if_fail (ACCORDS_IS_RECORD (self));

  set_strv (self, &self->tags, tags, PROP_TAGS);
}
