/* accords-json-record.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-json-record"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "accords-annotation.h"
#include "accords-enums.h"
#include "accords-figure.h"
#include "accords-json-private.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* Checks one element of "records" against the schema and turns it into
 * an AccordsRecord. The checks stop at the first value that breaks the
 * schema; the Problem says which value, at what path in the record, and
 * what is wrong with it. */

typedef enum
{
  TEXT_OPTIONAL,  /* null, missing or "" all mean none */
  TEXT_REQUIRED,  /* a string that is not empty */
  TEXT_PRESENT,   /* a string, which may be empty */
} TextNeed;

typedef enum
{
  LIST_ANY,
  LIST_COUNTRIES, /* alpha-2 codes, each once */
  LIST_TOPICS,    /* topic ids, each once */
  LIST_TAGS,      /* tag names, not empty, each once ignoring ASCII case */
} ListCheck;

void
_accords_json_problem_clear (Problem *problem)
{
  g_clear_pointer (&problem->field, g_free);
  g_clear_pointer (&problem->message, g_free);
  problem->node = NULL;
}

static gboolean fail (Problem    *problem,
                      JsonNode   *node,
                      const char *field,
                      const char *format,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Problem    *problem,
      JsonNode   *node,
      const char *field,
      const char *format,
      ...)
{
  va_list args;

  g_assert (problem->message == NULL);

  problem->node = node;
  problem->field = g_strdup (field);

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

gboolean
_accords_json_is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

gboolean
_accords_json_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
_accords_json_is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
is_number (JsonNode *node)
{
  return (JSON_NODE_HOLDS_VALUE (node) &&
          (json_node_get_value_type (node) == G_TYPE_INT64 ||
           json_node_get_value_type (node) == G_TYPE_DOUBLE));
}

static gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* What a value is, for messages such as "expected a string but found a number". */
const char *
_accords_json_describe_node (JsonNode *node)
{
  if (_accords_json_is_null (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (_accords_json_is_string (node))
    return _("a string");
  if (_accords_json_is_integer (node))
    return _("a number");
  if (is_number (node))
    return _("a number with a fraction");
  if (is_boolean (node))
    return _("true or false");

  return _("an unknown value");
}

gboolean
_accords_json_fail_type (Problem    *problem,
                         JsonNode   *node,
                         const char *field,
                         const char *expected)
{
  /* Translators: the first %s is what was expected, the second what the
   * file has, such as "a string" and "a number" */
  return fail (problem, node, field, _("expected %s but found %s"),
               expected, _accords_json_describe_node (node));
}

static gboolean
fail_required (Problem    *problem,
               JsonNode   *node,
               const char *field)
{
  return fail (problem, node, field, _("a value is required"));
}

static gboolean
is_country_code (const char *text)
{
  return (g_ascii_isupper (text[0]) &&
          g_ascii_isupper (text[1]) &&
          text[2] == '\0');
}

/* TRUE for an ISO 8601 date and time; one without a zone counts as UTC. */
static gboolean
is_time (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, utc);

  return time != NULL;
}

static char *
join_path (const char *prefix,
           const char *name)
{
  return g_strconcat (prefix, name, NULL);
}

/* Reads the string @name of @object into @value (NULL when there is none). */
static gboolean
read_text (Problem     *problem,
           JsonObject  *object,
           const char  *prefix,
           const char  *name,
           TextNeed     need,
           char       **value)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = join_path (prefix, name);
  const char *text;

  *value = NULL;

  if (_accords_json_is_null (node))
    {
      if (need == TEXT_OPTIONAL)
        return TRUE;

      return fail_required (problem, node, field);
    }

  if (!_accords_json_is_string (node))
    return _accords_json_fail_type (problem, node, field, _("a string"));

  text = json_node_get_string (node);

  if (text[0] == '\0')
    {
      if (need == TEXT_REQUIRED)
        return fail_required (problem, node, field);
      if (need == TEXT_OPTIONAL)
        return TRUE;
    }

  *value = g_strdup (text);

  return TRUE;
}

/* Reads optional text that must pass @valid; @expected says in words what
 * it should have been, for the message. */
static gboolean
read_checked_text (Problem      *problem,
                   JsonObject   *object,
                   const char   *prefix,
                   const char   *name,
                   gboolean    (*valid) (const char *text),
                   const char   *expected,
                   char        **value)
{
  g_autofree char *text = NULL;
  g_autofree char *field = NULL;

  if (!read_text (problem, object, prefix, name, TEXT_OPTIONAL, &text))
    return FALSE;

  if (text != NULL && !valid (text))
    {
      field = join_path (prefix, name);
      /* Translators: the first %s is the value found, the second what it
       * should have been, e.g. "a valid date of the form YYYY-MM-DD" */
      return fail (problem, json_object_get_member (object, name), field,
                   _("“%s” is not %s"), text, expected);
    }

  *value = g_steal_pointer (&text);

  return TRUE;
}

static gboolean
read_date (Problem     *problem,
           JsonObject  *object,
           const char  *prefix,
           const char  *name,
           char       **value)
{
  return read_checked_text (problem, object, prefix, name, _accords_is_iso_date,
                            _("a valid date of the form YYYY-MM-DD"), value);
}

static gboolean
read_time (Problem     *problem,
           JsonObject  *object,
           const char  *prefix,
           const char  *name,
           char       **value)
{
  return read_checked_text (problem, object, prefix, name, is_time,
                            _("an ISO 8601 date and time"), value);
}

static gboolean
read_country (Problem     *problem,
              JsonObject  *object,
              const char  *prefix,
              const char  *name,
              char       **value)
{
  return read_checked_text (problem, object, prefix, name, is_country_code,
                            _("a country code (two upper-case letters)"), value);
}

static gboolean
read_boolean (Problem    *problem,
              JsonObject *object,
              const char *prefix,
              const char *name,
              gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;

  *value = FALSE;

  if (_accords_json_is_null (node))
    return TRUE;

  if (!is_boolean (node))
    {
      field = join_path (prefix, name);
      return _accords_json_fail_type (problem, node, field, _("true or false"));
    }

  *value = json_node_get_boolean (node);

  return TRUE;
}

/* Reads an id among the nicks of @enum_type; @fallback when there is
 * none, unless @required. */
static gboolean
read_enum (Problem    *problem,
           JsonObject *object,
           const char *prefix,
           const char *name,
           GType       enum_type,
           gboolean    required,
           int         fallback,
           int        *value)
{
  g_autofree char *id = NULL;
  g_autofree char *field = NULL;
  g_autofree char *ids = NULL;

  field = join_path (prefix, name);

  if (!read_text (problem, object, prefix, name,
                  required ? TEXT_REQUIRED : TEXT_OPTIONAL, &id))
    return FALSE;

  if (id == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  if (_accords_enum_from_nick (enum_type, id, value, &ids))
    return TRUE;

  /* Translators: the second %s is a list of ids such as "day, month, year" */
  return fail (problem, json_object_get_member (object, name), field,
               _("“%s” is not one of %s"), id, ids);
}

/* The member @name of @object if it holds @type (@expected names that type
 * in an error); NULL and missing give NULL. */
static gboolean
read_member (Problem       *problem,
             JsonObject    *object,
             const char    *prefix,
             const char    *name,
             JsonNodeType   type,
             const char    *expected,
             JsonNode     **member)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;

  *member = NULL;

  if (_accords_json_is_null (node))
    return TRUE;

  if (JSON_NODE_TYPE (node) != type)
    {
      field = join_path (prefix, name);
      return _accords_json_fail_type (problem, node, field, expected);
    }

  *member = node;

  return TRUE;
}

/* Reads the array @name of @object; NULL and missing are an empty array. */
static gboolean
read_array (Problem     *problem,
            JsonObject  *object,
            const char  *prefix,
            const char  *name,
            JsonArray  **array)
{
  JsonNode *node;
  gboolean ok = read_member (problem, object, prefix, name, JSON_NODE_ARRAY, _("an array"),
                             &node);

  *array = node != NULL ? json_node_get_array (node) : NULL;

  return ok;
}

/* Reads an optional object member; NULL and missing give no object. */
static gboolean
read_object (Problem     *problem,
             JsonObject  *object,
             const char  *prefix,
             const char  *name,
             JsonObject **member)
{
  JsonNode *node;
  gboolean ok = read_member (problem, object, prefix, name, JSON_NODE_OBJECT, _("an object"),
                             &node);

  *member = node != NULL ? json_node_get_object (node) : NULL;

  return ok;
}

/* The object at @index of @array, which must be one. */
static gboolean
get_element_object (Problem     *problem,
                    JsonArray   *array,
                    guint        index,
                    const char  *field,
                    JsonObject **object)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _accords_json_fail_type (problem, node, field, _("an object"));

  *object = json_node_get_object (node);

  return TRUE;
}

static gboolean
read_strv (Problem      *problem,
           JsonObject   *object,
           const char   *prefix,
           const char   *name,
           ListCheck     check,
           GStrv        *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = NULL;
  JsonArray *array;
  guint length;

  *value = NULL;

  if (!read_array (problem, object, prefix, name, &array))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;

  if (check == LIST_TAGS)
    seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  else if (check != LIST_ANY)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < length; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *field = g_strdup_printf ("%s%s[%u]", prefix, name, i);
      const char *text;

      if (!_accords_json_is_string (node))
        return _accords_json_fail_type (problem, node, field, _("a string"));

      text = json_node_get_string (node);

      switch (check)
        {
        case LIST_COUNTRIES:
          if (!is_country_code (text))
            return fail (problem, node, field,
                         _("“%s” is not a country code (two upper-case letters)"), text);
          if (!g_hash_table_add (seen, (gpointer) text))
            return fail (problem, node, field, _("“%s” is listed twice"), text);
          break;

        case LIST_TOPICS:
          if (!_accords_is_topic_id (text))
            return fail (problem, node, field, _("“%s” is not a topic id"), text);
          if (!g_hash_table_add (seen, (gpointer) text))
            return fail (problem, node, field, _("“%s” is listed twice"), text);
          break;

        case LIST_TAGS:
          if (text[0] == '\0')
            return fail (problem, node, field, _("a tag cannot be empty"));
          if (!g_hash_table_add (seen, g_ascii_strdown (text, -1)))
            return fail (problem, node, field, _("“%s” is listed twice"), text);
          break;

        case LIST_ANY:
        default:
          break;
        }

      g_strv_builder_add (builder, text);
    }

  *value = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
read_venue (Problem       *problem,
            JsonObject    *object,
            AccordsRecord *record)
{
  g_autofree char *city = NULL;
  g_autofree char *country = NULL;
  g_autofree char *forum = NULL;
  gboolean virtual = FALSE;
  JsonObject *venue;

  if (!read_object (problem, object, "", "venue", &venue))
    return FALSE;

  if (venue == NULL)
    return TRUE;

  if (!read_text (problem, venue, "venue.", "city", TEXT_OPTIONAL, &city) ||
      !read_country (problem, venue, "venue.", "country", &country) ||
      !read_text (problem, venue, "venue.", "forum", TEXT_OPTIONAL, &forum) ||
      !read_boolean (problem, venue, "venue.", "virtual", &virtual))
    return FALSE;

  accords_record_set_venue_city (record, city);
  accords_record_set_venue_country (record, country);
  accords_record_set_venue_forum (record, forum);
  accords_record_set_venue_virtual (record, virtual);

  return TRUE;
}

static gboolean
read_people (Problem       *problem,
             JsonObject    *object,
             AccordsRecord *record)
{
  JsonArray *array;
  guint length;

  if (!read_array (problem, object, "", "people", &array))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("people[%u].", i);
      g_autofree char *field = g_strdup_printf ("people[%u]", i);
      g_autofree char *name = NULL;
      g_autofree char *role = NULL;
      g_autofree char *country = NULL;
      g_autoptr(AccordsPerson) person = NULL;
      JsonObject *member;

      if (!get_element_object (problem, array, i, field, &member) ||
          !read_text (problem, member, prefix, "name", TEXT_REQUIRED, &name) ||
          !read_text (problem, member, prefix, "role", TEXT_OPTIONAL, &role) ||
          !read_country (problem, member, prefix, "country", &country))
        return FALSE;

      person = accords_person_new (name, role, country);
      accords_record_add_person (record, person);
    }

  return TRUE;
}

static gboolean
read_figures (Problem       *problem,
              JsonObject    *object,
              AccordsRecord *record)
{
  JsonArray *array;
  guint length;

  if (!read_array (problem, object, "", "figures", &array))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("figures[%u].", i);
      g_autofree char *field = g_strdup_printf ("figures[%u]", i);
      g_autofree char *what = NULL;
      g_autofree char *unit = NULL;
      g_autofree char *text = NULL;
      g_autoptr(AccordsFigure) figure = NULL;
      JsonObject *member;
      JsonNode *node;

      if (!get_element_object (problem, array, i, field, &member) ||
          !read_text (problem, member, prefix, "what", TEXT_REQUIRED, &what) ||
          !read_text (problem, member, prefix, "unit", TEXT_OPTIONAL, &unit) ||
          !read_text (problem, member, prefix, "text", TEXT_OPTIONAL, &text))
        return FALSE;

      figure = accords_figure_new (what);
      accords_figure_set_unit (figure, unit);
      accords_figure_set_text (figure, text);

      node = json_object_get_member (member, "value");
      if (!_accords_json_is_null (node))
        {
          g_autofree char *value_field = join_path (prefix, "value");

          if (_accords_json_is_integer (node))
            accords_figure_set_value (figure, (double) json_node_get_int (node), TRUE);
          else if (is_number (node))
            accords_figure_set_value (figure, json_node_get_double (node), FALSE);
          else
            return _accords_json_fail_type (problem, node, value_field, _("a number"));
        }

      node = json_object_get_member (member, "year");
      if (!_accords_json_is_null (node))
        {
          g_autofree char *year_field = join_path (prefix, "year");
          gint64 year;

          if (!_accords_json_is_integer (node))
            return _accords_json_fail_type (problem, node, year_field, _("a whole number"));

          year = json_node_get_int (node);
          if (year < 1 || year > 9999)
            {
              g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, year);

              return fail (problem, node, year_field,
                           _("%s is not a year between 1 and 9999"), number);
            }

          accords_figure_set_year (figure, (int) year);
        }

      accords_record_add_figure (record, figure);
    }

  return TRUE;
}

static gboolean
read_sources (Problem       *problem,
              JsonObject    *object,
              AccordsRecord *record)
{
  JsonArray *array;
  guint length;

  if (!read_array (problem, object, "", "sources", &array))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("sources[%u].", i);
      g_autofree char *field = g_strdup_printf ("sources[%u]", i);
      g_autofree char *title = NULL;
      g_autofree char *outlet = NULL;
      g_autofree char *url = NULL;
      g_autofree char *published = NULL;
      g_autofree char *language = NULL;
      g_autofree char *file = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *text = NULL;
      g_autoptr(AccordsSource) source = NULL;
      JsonObject *member;

      /* "sha256" is derived from the text, so its value is only checked
       * for its type: a text corrected by hand gets its hash again. */
      if (!get_element_object (problem, array, i, field, &member) ||
          !read_text (problem, member, prefix, "title", TEXT_OPTIONAL, &title) ||
          !read_text (problem, member, prefix, "outlet", TEXT_OPTIONAL, &outlet) ||
          !read_text (problem, member, prefix, "url", TEXT_OPTIONAL, &url) ||
          !read_date (problem, member, prefix, "published", &published) ||
          !read_text (problem, member, prefix, "language", TEXT_OPTIONAL, &language) ||
          !read_text (problem, member, prefix, "file", TEXT_OPTIONAL, &file) ||
          !read_text (problem, member, prefix, "sha256", TEXT_OPTIONAL, &sha256) ||
          !read_text (problem, member, prefix, "text", TEXT_OPTIONAL, &text))
        return FALSE;

      source = accords_source_new ();
      accords_source_set_title (source, title);
      accords_source_set_outlet (source, outlet);
      accords_source_set_url (source, url);
      accords_source_set_published (source, published);
      accords_source_set_language (source, language);
      accords_source_set_file (source, file);
      accords_source_set_text (source, text);
      accords_record_add_source (record, source);
    }

  return TRUE;
}

static gboolean
read_annotation (Problem       *problem,
                 JsonObject    *object,
                 AccordsRecord *record)
{
  g_autoptr(AccordsAnnotation) annotation = NULL;
  g_autofree char *note = NULL;
  g_autofree char *modified = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean starred = FALSE;
  int review = ACCORDS_REVIEW_UNREVIEWED;
  JsonObject *member;

  if (!read_object (problem, object, "", "annotation", &member))
    return FALSE;

  if (member == NULL)
    return TRUE;

  if (!read_text (problem, member, "annotation.", "note", TEXT_OPTIONAL, &note) ||
      !read_boolean (problem, member, "annotation.", "starred", &starred) ||
      !read_enum (problem, member, "annotation.", "review", ACCORDS_TYPE_REVIEW,
                  FALSE, ACCORDS_REVIEW_UNREVIEWED, &review) ||
      !read_strv (problem, member, "annotation.", "tags", LIST_TAGS, &tags) ||
      !read_time (problem, member, "annotation.", "modified", &modified))
    return FALSE;

  annotation = accords_annotation_new ();
  accords_annotation_set_note (annotation, note);
  accords_annotation_set_starred (annotation, starred);
  accords_annotation_set_review (annotation, review);
  accords_annotation_set_tags (annotation, (const char * const *) tags);
  accords_annotation_set_modified (annotation, modified);

  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, starred);

  return TRUE;
}

static gboolean
read_links (Problem       *problem,
            JsonObject    *object,
            AccordsRecord *record)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *array;
  guint length;

  if (!read_array (problem, object, "", "links", &array))
    return FALSE;

  length = array != NULL ? json_array_get_length (array) : 0;

  for (guint i = 0; i < length; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("links[%u].", i);
      g_autofree char *field = g_strdup_printf ("links[%u]", i);
      g_autofree char *type = NULL;
      g_autofree char *uid = NULL;
      JsonObject *member;

      if (!get_element_object (problem, array, i, field, &member) ||
          !read_text (problem, member, prefix, "type", TEXT_REQUIRED, &type) ||
          !read_text (problem, member, prefix, "uid", TEXT_REQUIRED, &uid))
        return FALSE;

      if (!accords_link_type_is_valid (type))
        {
          g_autofree char *type_field = join_path (prefix, "type");

          return fail (problem, json_object_get_member (member, "type"), type_field,
                       _("“%s” is not one of %s"), type,
                       "same_trip, follow_up_of, implements, renews, part_of");
        }

      if (!g_hash_table_add (seen, g_strconcat (type, " ", uid, NULL)))
        return fail (problem, json_array_get_element (array, i), field,
                     _("the link to “%s” is listed twice"), uid);

      accords_record_add_link (record, type, uid);
    }

  return TRUE;
}

/* Turns one element of "records" into a record, or says what is wrong. */
AccordsRecord *
_accords_json_record_from_node (Problem  *problem,
                                JsonNode *node)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autofree char *uid = NULL;
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *event_date = NULL;
  g_autofree char *event_end = NULL;
  g_autofree char *date_as_reported = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_auto(GStrv) parties = NULL;
  g_auto(GStrv) mentioned = NULL;
  g_auto(GStrv) organizations = NULL;
  g_auto(GStrv) topics = NULL;
  int kind = ACCORDS_KIND_ANNOUNCEMENT;
  int precision = ACCORDS_DATE_PRECISION_DAY;
  int qualifier = ACCORDS_DATE_QUALIFIER_EXACT;
  int origin = ACCORDS_ORIGIN_IMPORT;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _accords_json_fail_type (problem, node, "", _("an object"));
      return NULL;
    }

  object = json_node_get_object (node);

  /* A record without an origin came from another program: an import. */
  if (!read_text (problem, object, "", "uid", TEXT_OPTIONAL, &uid) ||
      !read_text (problem, object, "", "title", TEXT_PRESENT, &title) ||
      !read_enum (problem, object, "", "kind", ACCORDS_TYPE_KIND,
                  TRUE, ACCORDS_KIND_ANNOUNCEMENT, &kind) ||
      !read_text (problem, object, "", "summary", TEXT_OPTIONAL, &summary) ||
      !read_date (problem, object, "", "event_date", &event_date) ||
      !read_date (problem, object, "", "event_end", &event_end) ||
      !read_enum (problem, object, "", "date_precision", ACCORDS_TYPE_DATE_PRECISION,
                  FALSE, ACCORDS_DATE_PRECISION_DAY, &precision) ||
      !read_enum (problem, object, "", "date_qualifier", ACCORDS_TYPE_DATE_QUALIFIER,
                  FALSE, ACCORDS_DATE_QUALIFIER_EXACT, &qualifier) ||
      !read_text (problem, object, "", "date_as_reported", TEXT_OPTIONAL, &date_as_reported) ||
      !read_venue (problem, object, record) ||
      !read_strv (problem, object, "", "parties", LIST_COUNTRIES, &parties) ||
      !read_strv (problem, object, "", "mentioned", LIST_COUNTRIES, &mentioned) ||
      !read_people (problem, object, record) ||
      !read_strv (problem, object, "", "organizations", LIST_ANY, &organizations) ||
      !read_strv (problem, object, "", "topics", LIST_TOPICS, &topics) ||
      !read_figures (problem, object, record) ||
      !read_sources (problem, object, record) ||
      !read_annotation (problem, object, record) ||
      !read_links (problem, object, record) ||
      !read_enum (problem, object, "", "origin", ACCORDS_TYPE_ORIGIN,
                  FALSE, ACCORDS_ORIGIN_IMPORT, &origin) ||
      !read_time (problem, object, "", "created", &created) ||
      !read_time (problem, object, "", "modified", &modified))
    return NULL;

  if (event_date != NULL && event_end != NULL && strcmp (event_end, event_date) < 0)
    {
      fail (problem, json_object_get_member (object, "event_end"), "event_end",
            _("the event ends (%s) before it starts (%s)"), event_end, event_date);
      return NULL;
    }

  /* A country is either a party or mentioned, not both. */
  for (guint i = 0; mentioned[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *) parties, mentioned[i]))
        {
          g_autofree char *field = g_strdup_printf ("mentioned[%u]", i);
          JsonArray *array = json_object_get_array_member (object, "mentioned");

          fail (problem, json_array_get_element (array, i), field,
                _("“%s” is already one of the parties"), mentioned[i]);
          return NULL;
        }
    }

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, title);
  accords_record_set_kind (record, kind);
  accords_record_set_summary (record, summary);
  accords_record_set_event_date (record, event_date);
  accords_record_set_event_end (record, event_end);
  accords_record_set_date_precision (record, precision);
  accords_record_set_date_qualifier (record, qualifier);
  accords_record_set_date_as_reported (record, date_as_reported);
  accords_record_set_parties (record, (const char * const *) parties);
  accords_record_set_mentioned (record, (const char * const *) mentioned);
  accords_record_set_organizations (record, (const char * const *) organizations);
  accords_record_set_topics (record, (const char * const *) topics);
  accords_record_set_origin (record, origin);
  accords_record_set_created (record, created);
  accords_record_set_modified (record, modified);

  return g_steal_pointer (&record);
}
