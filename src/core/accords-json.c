/* accords-json.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-json"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "accords-annotation.h"
#include "accords-enums.h"
#include "accords-figure.h"
#include "accords-json.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* Reading never builds the tree of the whole file: json-glib's tree costs
 * several kilobytes a record, too much for a library of a million. A small
 * scanner walks the top-level object and the "records" array, finding
 * where each value starts and ends; JsonParser parses each value, so one
 * record's tree at a time; the record is checked against the schema and
 * handed on. The first value that breaks the schema stops the read. Only
 * then is that record parsed again, noting the line of every value, so
 * that the error can point at the line without the common case paying for
 * it.
 *
 * Writing streams: the writer prints the envelope itself and hands one
 * record at a time to a JsonGenerator, so that it never holds more than
 * one record's tree. The output is canonical (every key, in the order of
 * the schema; an empty optional text is null, except a source's text and
 * an annotation's note, which are strings, "" when empty; tags sorted), so
 * writing, reading and writing again give the same bytes. */

struct _AccordsJsonWriter
{
  GOutputStream *out;
  JsonGenerator *generator;
  GString *record_text;
  GString *buffer;
  guint64 n_records;
  guint finished : 1;
  guint failed : 1;
};

/* Where a record breaks the schema. */
typedef struct
{
  JsonNode *node;    /* the value at fault, borrowed; NULL when it is missing */
  char *field;       /* its path inside the record, such as "people[1].country" */
  char *message;     /* what is wrong with it */
} Problem;

typedef struct
{
  guint line;
  guint column;
} SyntaxError;

/* A value in the text: where it starts and ends. */
typedef struct
{
  gsize start;
  gsize end;
  guint line;
  guint column;
} Piece;

/* Reads the text from left to right, outside the values it hands to the
 * parser. */
typedef struct
{
  const char *file_name;
  const char *data;
  gsize length;
  gsize pos;
  guint line;          /* the line of data[pos], from 1 */
  gsize line_start;    /* where that line starts */
  JsonParser *parser;  /* reused for every value */
  SyntaxError syntax;  /* where the parser last failed, in the value it parsed */
} Scanner;

/* A member of the top-level object. */
typedef struct
{
  JsonNode *node;
  guint line;
} Member;

typedef struct
{
  Member format;
  Member version;
  Member exported;
  Member query;
  Member records_member; /* "records" when it is not an array */
  Piece records;         /* "records" when it is one */
  gboolean has_records;
} Envelope;

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

G_DEFINE_QUARK (accords-json-error-quark, accords_json_error)

static void
problem_clear (Problem *problem)
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

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
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
static const char *
describe_node (JsonNode *node)
{
  if (is_null (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  if (is_string (node))
    return _("a string");
  if (is_integer (node))
    return _("a number");
  if (is_number (node))
    return _("a number with a fraction");
  if (is_boolean (node))
    return _("true or false");

  return _("an unknown value");
}

static gboolean
fail_type (Problem    *problem,
           JsonNode   *node,
           const char *field,
           const char *expected)
{
  /* Translators: the first %s is what was expected, the second what the
   * file has, such as "a string" and "a number" */
  return fail (problem, node, field, _("expected %s but found %s"),
               expected, describe_node (node));
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

static gboolean
is_topic_id (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    {
      if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '_')
        return FALSE;
    }

  return TRUE;
}

/* TRUE for a calendar date written YYYY-MM-DD that exists. */
static gboolean
is_date (const char *text)
{
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        continue;
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return (year >= 1 &&
          month >= 1 && month <= 12 &&
          day >= 1 &&
          g_date_valid_dmy (day, month, year));
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

  if (is_null (node))
    {
      if (need == TEXT_OPTIONAL)
        return TRUE;

      return fail_required (problem, node, field);
    }

  if (!is_string (node))
    return fail_type (problem, node, field, _("a string"));

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

static gboolean
read_date (Problem     *problem,
           JsonObject  *object,
           const char  *prefix,
           const char  *name,
           char       **value)
{
  g_autofree char *date = NULL;
  g_autofree char *field = NULL;

  if (!read_text (problem, object, prefix, name, TEXT_OPTIONAL, &date))
    return FALSE;

  if (date != NULL && !is_date (date))
    {
      field = join_path (prefix, name);
      return fail (problem, json_object_get_member (object, name), field,
                   _("“%s” is not a valid date of the form YYYY-MM-DD"), date);
    }

  *value = g_steal_pointer (&date);

  return TRUE;
}

static gboolean
read_time (Problem     *problem,
           JsonObject  *object,
           const char  *prefix,
           const char  *name,
           char       **value)
{
  g_autofree char *time = NULL;
  g_autofree char *field = NULL;

  if (!read_text (problem, object, prefix, name, TEXT_OPTIONAL, &time))
    return FALSE;

  if (time != NULL && !is_time (time))
    {
      field = join_path (prefix, name);
      return fail (problem, json_object_get_member (object, name), field,
                   _("“%s” is not an ISO 8601 date and time"), time);
    }

  *value = g_steal_pointer (&time);

  return TRUE;
}

static gboolean
read_country (Problem     *problem,
              JsonObject  *object,
              const char  *prefix,
              const char  *name,
              char       **value)
{
  g_autofree char *code = NULL;
  g_autofree char *field = NULL;

  if (!read_text (problem, object, prefix, name, TEXT_OPTIONAL, &code))
    return FALSE;

  if (code != NULL && !is_country_code (code))
    {
      field = join_path (prefix, name);
      return fail (problem, json_object_get_member (object, name), field,
                   _("“%s” is not a country code (two upper-case letters)"), code);
    }

  *value = g_steal_pointer (&code);

  return TRUE;
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

  if (is_null (node))
    return TRUE;

  if (!is_boolean (node))
    {
      field = join_path (prefix, name);
      return fail_type (problem, node, field, _("true or false"));
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
  g_autoptr(GString) ids = NULL;
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (!read_text (problem, object, prefix, name,
                  required ? TEXT_REQUIRED : TEXT_OPTIONAL, &id))
    return FALSE;

  if (id == NULL)
    {
      *value = fallback;
      return TRUE;
    }

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, id);

  if (enum_value != NULL)
    {
      *value = enum_value->value;
      g_type_class_unref (klass);
      return TRUE;
    }

  ids = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (ids, ", ");
      g_string_append (ids, klass->values[i].value_nick);
    }
  g_type_class_unref (klass);

  field = join_path (prefix, name);

  /* Translators: the second %s is a list of ids such as "day, month, year" */
  return fail (problem, json_object_get_member (object, name), field,
               _("“%s” is not one of %s"), id, ids->str);
}

/* Reads the array @name of @object; NULL and missing are an empty array. */
static gboolean
read_array (Problem     *problem,
            JsonObject  *object,
            const char  *prefix,
            const char  *name,
            JsonArray  **array)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;

  *array = NULL;

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      field = join_path (prefix, name);
      return fail_type (problem, node, field, _("an array"));
    }

  *array = json_node_get_array (node);

  return TRUE;
}

/* Reads an optional object member; NULL and missing give no object. */
static gboolean
read_object (Problem     *problem,
             JsonObject  *object,
             const char  *prefix,
             const char  *name,
             JsonObject **member)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;

  *member = NULL;

  if (is_null (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      field = join_path (prefix, name);
      return fail_type (problem, node, field, _("an object"));
    }

  *member = json_node_get_object (node);

  return TRUE;
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
    return fail_type (problem, node, field, _("an object"));

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

      if (!is_string (node))
        return fail_type (problem, node, field, _("a string"));

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
          if (!is_topic_id (text))
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
      if (!is_null (node))
        {
          g_autofree char *value_field = join_path (prefix, "value");

          if (is_integer (node))
            accords_figure_set_value (figure, (double) json_node_get_int (node), TRUE);
          else if (is_number (node))
            accords_figure_set_value (figure, json_node_get_double (node), FALSE);
          else
            return fail_type (problem, node, value_field, _("a number"));
        }

      node = json_object_get_member (member, "year");
      if (!is_null (node))
        {
          g_autofree char *year_field = join_path (prefix, "year");
          gint64 year;

          if (!is_integer (node))
            return fail_type (problem, node, year_field, _("a whole number"));

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
static AccordsRecord *
record_from_node (Problem  *problem,
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
      fail_type (problem, node, "", _("an object"));
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

static void
on_parser_error_cb (JsonParser   *parser,
                    const GError *error,
                    SyntaxError  *syntax)
{
  syntax->line = json_parser_get_current_line (parser);
  syntax->column = json_parser_get_current_pos (parser);
}

static void
remember_line (GHashTable *lines,
               JsonParser *parser,
               JsonNode   *node)
{
  if (node != NULL)
    g_hash_table_insert (lines, json_node_ref (node),
                         GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

static void
on_parser_object_member_cb (JsonParser *parser,
                            JsonObject *object,
                            const char *name,
                            GHashTable *lines)
{
  remember_line (lines, parser, json_object_get_member (object, name));
}

static void
on_parser_array_element_cb (JsonParser *parser,
                            JsonArray  *array,
                            int         index,
                            GHashTable *lines)
{
  remember_line (lines, parser, json_array_get_element (array, index));
}

static void
skip_space (Scanner *scanner)
{
  while (scanner->pos < scanner->length)
    {
      char c = scanner->data[scanner->pos];

      if (c == '\n')
        {
          scanner->line++;
          scanner->line_start = scanner->pos + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        {
          break;
        }

      scanner->pos++;
    }
}

static char
peek (Scanner *scanner)
{
  return scanner->pos < scanner->length ? scanner->data[scanner->pos] : '\0';
}

static guint
current_column (Scanner *scanner)
{
  return (guint) (scanner->pos - scanner->line_start) + 1;
}

static gboolean
syntax_error (Scanner     *scanner,
              const char  *what,
              GError     **error)
{
  if (scanner->pos >= scanner->length)
    what = _("the file ends too early");

  g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID,
               _("%s:%u:%u: not valid JSON: %s"),
               scanner->file_name, scanner->line, current_column (scanner), what);

  return FALSE;
}

/* json-glib 1.6 parses nested values by recursion, without a limit: a few
 * hundred thousand brackets overflow the stack. A record of the schema is
 * three levels deep; unknown keys may add a few. */
#define MAX_DEPTH 64

/* Finds where the value at the scanner ends, without parsing it: strings
 * are skipped whole and brackets counted. JsonParser checks the value
 * itself afterwards; this only needs to find its end in valid JSON, to
 * stop, one way or another, in anything else, and to keep values that
 * nest too deeply from the parser. */
static gboolean
scan_value (Scanner  *scanner,
            Piece    *piece,
            GError  **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  piece->start = scanner->pos;
  piece->line = scanner->line;
  piece->column = current_column (scanner);

  for (; scanner->pos < scanner->length; scanner->pos++)
    {
      char c = scanner->data[scanner->pos];

      if (in_string)
        {
          if (c == '\\' && scanner->pos + 1 < scanner->length)
            {
              scanner->pos++;
              c = scanner->data[scanner->pos];
            }
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                {
                  scanner->pos++;
                  break;
                }
            }
        }
      else if (c == '"')
        {
          in_string = TRUE;
        }
      else if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return syntax_error (scanner, _("values are nested too deeply"), error);
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            break;
          if (--depth == 0)
            {
              scanner->pos++;
              break;
            }
        }
      else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n'))
        {
          break;
        }

      if (c == '\n')
        {
          scanner->line++;
          scanner->line_start = scanner->pos + 1;
        }
    }

  piece->end = scanner->pos;

  if (in_string || depth > 0)
    return syntax_error (scanner, NULL, error);

  if (piece->end == piece->start)
    return syntax_error (scanner, _("a value is missing"), error);

  return TRUE;
}

/* Parses the text of @piece with JsonParser; syntax errors give the line
 * and column in the whole file. */
static JsonNode *
parse_piece (Scanner      *scanner,
             const Piece  *piece,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  scanner->syntax.line = 0;
  scanner->syntax.column = 0;

  if (!json_parser_load_from_data (scanner->parser,
                                   scanner->data + piece->start,
                                   piece->end - piece->start,
                                   &local_error))
    {
      g_autofree char *prefix = g_strdup_printf ("<data>:%u:%u: ",
                                                 scanner->syntax.line,
                                                 scanner->syntax.column);
      const char *detail = local_error->message;
      guint line = piece->line;
      guint column = piece->column;

      /* json-glib calls the text "<data>"; the message gets the file's
       * name and the position in the file instead. */
      if (g_str_has_prefix (detail, prefix))
        detail += strlen (prefix);

      if (scanner->syntax.line > 1)
        {
          line += scanner->syntax.line - 1;
          column = scanner->syntax.column;
        }
      else if (scanner->syntax.line == 1)
        {
          column += scanner->syntax.column - 1;
        }

      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID,
                   _("%s:%u:%u: not valid JSON: %s"),
                   scanner->file_name, line, column, detail);
      return NULL;
    }

  root = json_parser_get_root (scanner->parser);
  if (root == NULL)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID,
                   _("%s:%u:%u: not valid JSON: %s"),
                   scanner->file_name, piece->line, piece->column, _("a value is missing"));
      return NULL;
    }

  return json_node_ref (root);
}

static gboolean
set_envelope_error (GError     **error,
                    const char  *file_name,
                    Member      *member,
                    Problem     *problem)
{
  g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_SCHEMA,
               _("%s:%u: field “%s”: %s"),
               file_name, member->line, problem->field, problem->message);
  problem_clear (problem);

  return FALSE;
}

/* Reads the top-level object: keeps the members of the envelope and finds
 * where "records" lies, without parsing the records yet. */
static gboolean
scan_library (Scanner   *scanner,
              Envelope  *envelope,
              GError   **error)
{
  gboolean first = TRUE;

  skip_space (scanner);

  if (scanner->pos >= scanner->length)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID,
                   _("%s: not JSON: the file is empty"), scanner->file_name);
      return FALSE;
    }

  /* Not an object: JSON, but not a library; or not even JSON. */
  if (peek (scanner) != '{')
    {
      g_autoptr(JsonNode) root = NULL;
      Piece whole = {
        .start = scanner->pos,
        .end = scanner->length,
        .line = scanner->line,
        .column = current_column (scanner),
      };
      Piece first_value;

      if (!scan_value (scanner, &first_value, error))
        return FALSE;

      root = parse_piece (scanner, &whole, error);
      if (root == NULL)
        return FALSE;

      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: not an Accords library: the file holds %s, not an object"),
                   scanner->file_name, describe_node (root));
      return FALSE;
    }

  scanner->pos++;

  for (;;)
    {
      g_autoptr(JsonNode) key_node = NULL;
      g_autoptr(JsonNode) value = NULL;
      const char *key;
      Member *member = NULL;
      Piece piece;

      skip_space (scanner);

      if (first && peek (scanner) == '}')
        {
          scanner->pos++;
          break;
        }

      if (peek (scanner) != '"')
        return syntax_error (scanner, _("expected a member name in quotes"), error);

      if (!scan_value (scanner, &piece, error) ||
          !(key_node = parse_piece (scanner, &piece, error)))
        return FALSE;
      key = json_node_get_string (key_node);

      skip_space (scanner);
      if (peek (scanner) != ':')
        return syntax_error (scanner, _("expected “:” after a member name"), error);
      scanner->pos++;
      skip_space (scanner);

      if (!scan_value (scanner, &piece, error))
        return FALSE;

      if (strcmp (key, "records") == 0 && scanner->data[piece.start] == '[')
        {
          envelope->records = piece;
          envelope->has_records = TRUE;
          g_clear_pointer (&envelope->records_member.node, json_node_unref);
        }
      else
        {
          /* Every other value is parsed now, if only to check its syntax. */
          if (!(value = parse_piece (scanner, &piece, error)))
            return FALSE;

          if (strcmp (key, "format") == 0)
            member = &envelope->format;
          else if (strcmp (key, "version") == 0)
            member = &envelope->version;
          else if (strcmp (key, "exported") == 0)
            member = &envelope->exported;
          else if (strcmp (key, "query") == 0)
            member = &envelope->query;
          else if (strcmp (key, "records") == 0)
            {
              member = &envelope->records_member;
              envelope->has_records = FALSE;
            }

          if (member != NULL)
            {
              g_clear_pointer (&member->node, json_node_unref);
              member->node = g_steal_pointer (&value);
              member->line = piece.line;
            }
        }

      skip_space (scanner);
      if (peek (scanner) == ',')
        {
          scanner->pos++;
          first = FALSE;
          continue;
        }
      if (peek (scanner) == '}')
        {
          scanner->pos++;
          break;
        }

      return syntax_error (scanner, _("expected “,” or “}” after a member"), error);
    }

  skip_space (scanner);
  if (scanner->pos < scanner->length)
    return syntax_error (scanner, _("there is more text after the end of the library"), error);

  return TRUE;
}

/* Checks the envelope: format, version, exported, query, records. */
static gboolean
check_envelope (Envelope    *envelope,
                const char  *file_name,
                GError     **error)
{
  g_autofree char *version_text = NULL;
  Problem problem = { 0, };
  JsonNode *node;
  gint64 version;

  node = envelope->format.node;
  if (node == NULL || !is_string (node) ||
      strcmp (json_node_get_string (node), ACCORDS_JSON_FORMAT) != 0)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: not an Accords library: “format” is not “%s”"),
                   file_name, ACCORDS_JSON_FORMAT);
      return FALSE;
    }

  node = envelope->version.node;
  if (node == NULL || !is_integer (node))
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: not an Accords library: “version” is not a whole number"),
                   file_name);
      return FALSE;
    }

  version = json_node_get_int (node);
  version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  if (version > ACCORDS_JSON_VERSION)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: the library is in version %s of the format, made by a newer "
                     "Accords; this one reads version %d"),
                   file_name, version_text, ACCORDS_JSON_VERSION);
      return FALSE;
    }
  if (version < ACCORDS_JSON_VERSION)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: not an Accords library: there is no version %s of the format"),
                   file_name, version_text);
      return FALSE;
    }

  node = envelope->exported.node;
  if (!is_null (node) && !is_string (node))
    {
      fail_type (&problem, node, "exported", _("a string"));
      return set_envelope_error (error, file_name, &envelope->exported, &problem);
    }

  node = envelope->query.node;
  if (!is_null (node) && !is_string (node))
    {
      fail_type (&problem, node, "query", _("a string"));
      return set_envelope_error (error, file_name, &envelope->query, &problem);
    }

  node = envelope->records_member.node;
  if (!is_null (node))
    {
      fail_type (&problem, node, "records", _("an array"));
      return set_envelope_error (error, file_name, &envelope->records_member, &problem);
    }

  return TRUE;
}

static void
envelope_clear (Envelope *envelope)
{
  g_clear_pointer (&envelope->format.node, json_node_unref);
  g_clear_pointer (&envelope->version.node, json_node_unref);
  g_clear_pointer (&envelope->exported.node, json_node_unref);
  g_clear_pointer (&envelope->query.node, json_node_unref);
  g_clear_pointer (&envelope->records_member.node, json_node_unref);
}

/* Makes the error for @problem, found in the record at @index whose text
 * is @piece. The record's text is parsed again, noting the line of every
 * value, and checked again: the checks stop at the same value, now with
 * a line to show. */
static void
set_record_error (GError     **error,
                  Scanner     *scanner,
                  const Piece *piece,
                  JsonNode    *node,
                  guint        index,
                  Problem     *problem)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) lines = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(AccordsRecord) record = NULL;
  Problem again = { 0, };
  const char *uid = NULL;
  guint line = piece->line;

  lines = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) json_node_unref, NULL);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_parser_object_member_cb), lines);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_parser_array_element_cb), lines);

  if (json_parser_load_from_data (parser, scanner->data + piece->start,
                                  piece->end - piece->start, NULL) &&
      json_parser_get_root (parser) != NULL)
    {
      record = record_from_node (&again, json_parser_get_root (parser));

      if (record == NULL && again.node != NULL && g_strcmp0 (again.field, problem->field) == 0)
        {
          guint relative = GPOINTER_TO_UINT (g_hash_table_lookup (lines, again.node));

          if (relative > 0)
            line = piece->line + relative - 1;
        }
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *uid_node = json_object_get_member (json_node_get_object (node), "uid");

      if (uid_node != NULL && is_string (uid_node) && json_node_get_string (uid_node)[0] != '\0')
        uid = json_node_get_string (uid_node);
    }

  local_error = g_error_new_literal (ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_SCHEMA,
                                     problem->message);

  if (problem->field != NULL && problem->field[0] != '\0')
    g_prefix_error (&local_error, _("field “%s”: "), problem->field);

  if (uid != NULL)
    g_prefix_error (&local_error, _("record %u (uid “%s”): "), index + 1, uid);
  else
    g_prefix_error (&local_error, _("record %u: "), index + 1);

  g_prefix_error (&local_error, "%s:%u: ", scanner->file_name, line);

  g_propagate_error (error, g_steal_pointer (&local_error));

  problem_clear (&again);
}

/* Parses the records one by one and hands each to @func. */
static gboolean
scan_records (Scanner                *scanner,
              const Envelope         *envelope,
              AccordsJsonRecordFunc   func,
              gpointer                user_data,
              GError                **error)
{
  guint index = 0;

  if (!envelope->has_records)
    return TRUE;

  scanner->pos = envelope->records.start + 1;
  scanner->line = envelope->records.line;
  scanner->line_start = envelope->records.start - (envelope->records.column - 1);

  for (;;)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(AccordsRecord) record = NULL;
      Problem problem = { 0, };
      Piece piece;

      skip_space (scanner);

      if (index == 0 && peek (scanner) == ']')
        break;

      if (!scan_value (scanner, &piece, error) ||
          !(node = parse_piece (scanner, &piece, error)))
        return FALSE;

      record = record_from_node (&problem, node);
      if (record == NULL)
        {
          set_record_error (error, scanner, &piece, node, index, &problem);
          problem_clear (&problem);
          return FALSE;
        }

      /* The tree of one record is all that is held at any time. */
      g_clear_pointer (&node, json_node_unref);

      if (!func (record, index, user_data, error))
        return FALSE;

      index++;

      skip_space (scanner);
      if (peek (scanner) == ',')
        {
          scanner->pos++;
          continue;
        }
      if (peek (scanner) == ']')
        break;

      return syntax_error (scanner, _("expected “,” or “]” after a record"), error);
    }

  return TRUE;
}

/* The line of the first byte that is not UTF-8. */
static guint
line_of_invalid_utf8 (const char *data,
                      gsize       length)
{
  const char *end = NULL;
  guint line = 1;

  g_utf8_validate_len (data, length, &end);

  for (const char *c = data; c < end; c++)
    {
      if (*c == '\n')
        line++;
    }

  return line;
}

/**
 * accords_json_read_data_foreach:
 * @data: the text of a library JSON file
 * @length: the length of @data in bytes, or -1 when it ends with a nul
 * @file_name: (nullable): a name for @data in error messages
 * @func: (scope call): called with each record, in the order of the file
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Reads records in the library JSON schema one at a time: only one
 * record's JSON tree exists at any time, and each record is handed to
 * @func as soon as it is read, so a file of a million records can be read
 * in bounded memory. The envelope ("format", "version", …) is checked
 * before @func is first called. A record that breaks the schema, or a
 * syntax error after the first record, stops the read after @func has
 * seen the records before it: a caller that must take all or nothing
 * (an import) undoes what it did with them.
 *
 * Keys that a record lacks are taken as null or []; keys the schema does
 * not know are skipped. A record keeps the uid of the file (%NULL when it
 * has none: the store gives it one) and comes with its people, figures,
 * sources, links and annotation.
 *
 * Returns: %TRUE when every record was read and @func accepted it; %FALSE
 *   with @error set in %ACCORDS_JSON_ERROR, or as @func set it
 */
gboolean
accords_json_read_data_foreach (const char             *data,
                                gssize                  length,
                                const char             *file_name,
                                AccordsJsonRecordFunc   func,
                                gpointer                user_data,
                                GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  Envelope envelope = { 0, };
  Scanner scanner = { 0, };
  gboolean ret;

  g_return_val_if_fail (data != NULL || length <= 0, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (data == NULL)
    data = "";
  if (length < 0)
    length = strlen (data);
  if (file_name == NULL)
    file_name = "<data>";

  /* A byte-order mark is allowed and skipped. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_INVALID,
                   _("%s:%u: not JSON: the text is not UTF-8"),
                   file_name, line_of_invalid_utf8 (data, length));
      return FALSE;
    }

  parser = json_parser_new ();
  g_signal_connect (parser, "error", G_CALLBACK (on_parser_error_cb), &scanner.syntax);

  scanner.file_name = file_name;
  scanner.data = data;
  scanner.length = length;
  scanner.line = 1;
  scanner.parser = parser;

  ret = (scan_library (&scanner, &envelope, error) &&
         check_envelope (&envelope, file_name, error) &&
         scan_records (&scanner, &envelope, func, user_data, error));

  envelope_clear (&envelope);

  return ret;
}

static gboolean
collect_record (AccordsRecord  *record,
                guint           index,
                gpointer        user_data,
                GError        **error)
{
  g_ptr_array_add (user_data, g_object_ref (record));

  return TRUE;
}

/**
 * accords_json_read_data:
 * @data: the text of a library JSON file
 * @length: the length of @data in bytes, or -1 when it ends with a nul
 * @file_name: (nullable): a name for @data in error messages
 * @error: return location for a #GError
 *
 * Reads all the records of @data; see accords_json_read_data_foreach().
 *
 * Returns: (transfer full) (element-type AccordsRecord): the records, in
 *   the order of the file, or %NULL with @error set in %ACCORDS_JSON_ERROR
 */
GPtrArray *
accords_json_read_data (const char  *data,
                        gssize       length,
                        const char  *file_name,
                        GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!accords_json_read_data_foreach (data, length, file_name, collect_record, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

/**
 * accords_json_read_file_foreach:
 * @file: a file in the library JSON schema
 * @func: (scope call): called with each record, in the order of the file
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Reads @file with accords_json_read_data_foreach(). A local file is
 * mapped into memory rather than copied. Error messages name the file by
 * its base name.
 *
 * Returns: %TRUE when every record was read and @func accepted it; %FALSE
 *   with @error set (in %G_IO_ERROR when the file cannot be read)
 */
gboolean
accords_json_read_file_foreach (GFile                  *file,
                                AccordsJsonRecordFunc   func,
                                gpointer                user_data,
                                GError                **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *parse_name = NULL;
  g_autofree char *name = NULL;
  const char *path;
  const char *data;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_peek_path (file);
  if (path != NULL)
    mapped = g_mapped_file_new (path, FALSE, NULL);

  if (mapped != NULL)
    {
      data = g_mapped_file_get_contents (mapped);
      length = g_mapped_file_get_length (mapped);
    }
  else
    {
      /* Not local, or not mappable: GIO reads it and says why it cannot. */
      if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
        return FALSE;
      data = contents;
    }

  parse_name = g_file_get_parse_name (file);
  name = g_path_get_basename (parse_name);

  return accords_json_read_data_foreach (length > 0 ? data : "", length, name,
                                         func, user_data, error);
}

/**
 * accords_json_read_file:
 * @file: a file in the library JSON schema
 * @error: return location for a #GError
 *
 * Reads all the records of @file; see accords_json_read_file_foreach().
 *
 * Returns: (transfer full) (element-type AccordsRecord): the records, or
 *   %NULL with @error set (in %G_IO_ERROR when the file cannot be read)
 */
GPtrArray *
accords_json_read_file (GFile   *file,
                        GError **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!accords_json_read_file_foreach (file, collect_record, records, error))
    return NULL;

  return g_steal_pointer (&records);
}

/* Writing */

static void
set_text_member (JsonObject *object,
                 const char *name,
                 const char *value)
{
  if (value == NULL || value[0] == '\0')
    json_object_set_null_member (object, name);
  else
    json_object_set_string_member (object, name, value);
}

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return array;
}

static int
compare_tags (gconstpointer a,
              gconstpointer b)
{
  const char *tag_a = *(const char * const *) a;
  const char *tag_b = *(const char * const *) b;
  int result = g_ascii_strcasecmp (tag_a, tag_b);

  return result != 0 ? result : strcmp (tag_a, tag_b);
}

/* Tags are a set: the store keeps no order for them and lists them by
 * name, ignoring ASCII case (SQLite's NOCASE). They are written in that
 * order, whatever order the annotation has them in. */
static JsonArray *
tags_to_array (AccordsAnnotation *annotation)
{
  const char * const *tags = accords_annotation_get_tags (annotation);
  g_autofree const char **sorted = NULL;
  guint n_tags = g_strv_length ((char **) tags);

  sorted = g_memdup2 (tags, sizeof (char *) * (n_tags + 1));
  qsort (sorted, n_tags, sizeof (char *), compare_tags);

  return strv_to_array (sorted);
}

static JsonObject *
venue_to_object (AccordsRecord *record)
{
  JsonObject *object = json_object_new ();

  set_text_member (object, "city", accords_record_get_venue_city (record));
  set_text_member (object, "country", accords_record_get_venue_country (record));
  set_text_member (object, "forum", accords_record_get_venue_forum (record));
  json_object_set_boolean_member (object, "virtual", accords_record_get_venue_virtual (record));

  return object;
}

static JsonArray *
people_to_array (AccordsRecord *record)
{
  GListModel *people = accords_record_get_people (record);
  JsonArray *array = json_array_new ();
  guint n_items = g_list_model_get_n_items (people);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", accords_person_get_name (person) ?: "");
      set_text_member (object, "role", accords_person_get_role (person));
      set_text_member (object, "country", accords_person_get_country (person));
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonArray *
figures_to_array (AccordsRecord *record)
{
  GListModel *figures = accords_record_get_figures (record);
  JsonArray *array = json_array_new ();
  guint n_items = g_list_model_get_n_items (figures);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsFigure) figure = g_list_model_get_item (figures, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "what", accords_figure_get_what (figure) ?: "");

      if (!accords_figure_get_has_value (figure))
        json_object_set_null_member (object, "value");
      else if (accords_figure_get_value_is_integer (figure))
        json_object_set_int_member (object, "value", (gint64) accords_figure_get_value (figure));
      else
        json_object_set_double_member (object, "value", accords_figure_get_value (figure));

      set_text_member (object, "unit", accords_figure_get_unit (figure));

      if (accords_figure_get_year (figure) > 0)
        json_object_set_int_member (object, "year", accords_figure_get_year (figure));
      else
        json_object_set_null_member (object, "year");

      set_text_member (object, "text", accords_figure_get_text (figure));
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonArray *
sources_to_array (AccordsRecord *record)
{
  GListModel *sources = accords_record_get_sources (record);
  JsonArray *array = json_array_new ();
  guint n_items = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
      JsonObject *object = json_object_new ();

      set_text_member (object, "title", accords_source_get_title (source));
      set_text_member (object, "outlet", accords_source_get_outlet (source));
      set_text_member (object, "url", accords_source_get_url (source));
      set_text_member (object, "published", accords_source_get_published (source));
      set_text_member (object, "language", accords_source_get_language (source));
      set_text_member (object, "file", accords_source_get_file (source));
      set_text_member (object, "sha256", accords_source_get_sha256 (source));
      json_object_set_string_member (object, "text", accords_source_get_text (source));
      json_array_add_object_element (array, object);
    }

  return array;
}

static JsonNode *
annotation_to_node (AccordsRecord *record)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  AccordsReview review;
  JsonObject *object;
  JsonNode *node;

  if (annotation == NULL)
    return json_node_new (JSON_NODE_NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "note", accords_annotation_get_note (annotation));
  json_object_set_boolean_member (object, "starred", accords_annotation_get_starred (annotation));
  review = accords_annotation_get_review (annotation);
  json_object_set_string_member (object, "review", accords_review_to_string (review));
  json_object_set_array_member (object, "tags", tags_to_array (annotation));
  set_text_member (object, "modified", accords_annotation_get_modified (annotation));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

static JsonArray *
links_to_array (AccordsRecord *record)
{
  JsonArray *array = json_array_new ();
  guint n_links = accords_record_get_n_links (record);

  for (guint i = 0; i < n_links; i++)
    {
      JsonObject *object = json_object_new ();
      const char *type;
      const char *uid;

      accords_record_get_link (record, i, &type, &uid);
      json_object_set_string_member (object, "type", type);
      json_object_set_string_member (object, "uid", uid);
      json_array_add_object_element (array, object);
    }

  return array;
}

/* The record as a tree, with every key of the schema in its order. */
static JsonNode *
record_to_node (AccordsRecord *record)
{
  JsonObject *object = json_object_new ();
  AccordsDatePrecision precision;
  AccordsDateQualifier qualifier;
  JsonNode *node;

  set_text_member (object, "uid", accords_record_get_uid (record));
  json_object_set_string_member (object, "title", accords_record_get_title (record) ?: "");
  json_object_set_string_member (object, "kind",
                                 accords_kind_to_string (accords_record_get_kind (record)));
  set_text_member (object, "summary", accords_record_get_summary (record));
  set_text_member (object, "event_date", accords_record_get_event_date (record));
  set_text_member (object, "event_end", accords_record_get_event_end (record));
  precision = accords_record_get_date_precision (record);
  json_object_set_string_member (object, "date_precision",
                                 accords_date_precision_to_string (precision));
  qualifier = accords_record_get_date_qualifier (record);
  json_object_set_string_member (object, "date_qualifier",
                                 accords_date_qualifier_to_string (qualifier));
  set_text_member (object, "date_as_reported", accords_record_get_date_as_reported (record));
  json_object_set_object_member (object, "venue", venue_to_object (record));
  json_object_set_array_member (object, "parties",
                                strv_to_array (accords_record_get_parties (record)));
  json_object_set_array_member (object, "mentioned",
                                strv_to_array (accords_record_get_mentioned (record)));
  json_object_set_array_member (object, "people", people_to_array (record));
  json_object_set_array_member (object, "organizations",
                                strv_to_array (accords_record_get_organizations (record)));
  json_object_set_array_member (object, "topics",
                                strv_to_array (accords_record_get_topics (record)));
  json_object_set_array_member (object, "figures", figures_to_array (record));
  json_object_set_array_member (object, "sources", sources_to_array (record));
  json_object_set_member (object, "annotation", annotation_to_node (record));
  json_object_set_array_member (object, "links", links_to_array (record));
  json_object_set_string_member (object, "origin",
                                 accords_origin_to_string (accords_record_get_origin (record)));
  set_text_member (object, "created", accords_record_get_created (record));
  set_text_member (object, "modified", accords_record_get_modified (record));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

/* json-glib 1.6 prints every double with 17 significant digits, so 0.6
 * comes out as 0.59999999999999998. Figure values are the only fractional
 * numbers of the schema: their lines get the shortest form that reads back
 * as the same double, still with a point or an exponent so that it stays
 * a fraction. */
static void
append_number_line (GString    *buffer,
                    const char *line,
                    gsize       length)
{
  static const char key[] = "\"value\" : ";
  char shortest[G_ASCII_DTOSTR_BUF_SIZE];
  const char *start = line;
  const char *end = line + length;
  g_autofree char *number = NULL;
  gboolean comma;
  double value;

  while (start < end && *start == ' ')
    start++;

  comma = length > 0 && end[-1] == ',';
  if (comma)
    end--;

  if ((gsize) (end - start) <= strlen (key) || strncmp (start, key, strlen (key)) != 0)
    goto verbatim;

  start += strlen (key);
  if (strspn (start, "0123456789+-.eE") < (gsize) (end - start) ||
      strcspn (start, ".eE") >= (gsize) (end - start))
    goto verbatim;

  number = g_strndup (start, end - start);
  value = g_ascii_strtod (number, NULL);

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (shortest, sizeof shortest, format, value);
      if (g_ascii_strtod (shortest, NULL) == value)
        break;
    }

  g_string_append_len (buffer, line, start - line);
  g_string_append (buffer, shortest);
  if (strpbrk (shortest, ".eE") == NULL)
    g_string_append (buffer, ".0");
  if (comma)
    g_string_append_c (buffer, ',');
  return;

verbatim:
  g_string_append_len (buffer, line, length);
}

static gboolean
write_buffer (AccordsJsonWriter  *writer,
              GError            **error)
{
  if (!g_output_stream_write_all (writer->out, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error))
    {
      writer->failed = TRUE;
      return FALSE;
    }

  g_string_truncate (writer->buffer, 0);

  return TRUE;
}

/**
 * accords_json_writer_new:
 * @out: the stream to write to; the writer takes a reference and never
 *   closes it
 * @query: (nullable): the query the records match, for the "query" key
 * @error: return location for a #GError
 *
 * Starts a library JSON document on @out: writes the envelope up to the
 * opening of "records", with "exported" set to the current time in UTC.
 * Add the records with accords_json_writer_add_record() and close the
 * document with accords_json_writer_finish().
 *
 * Returns: (transfer full): a new writer, or %NULL with @error set when
 *   @out cannot be written to
 */
AccordsJsonWriter *
accords_json_writer_new (GOutputStream  *out,
                         const char     *query,
                         GError        **error)
{
  g_autoptr(AccordsJsonWriter) writer = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(JsonNode) query_node = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *query_text = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer = g_new0 (AccordsJsonWriter, 1);
  writer->out = g_object_ref (out);
  writer->generator = json_generator_new ();
  json_generator_set_pretty (writer->generator, TRUE);
  json_generator_set_indent (writer->generator, 2);
  json_generator_set_indent_char (writer->generator, ' ');
  writer->record_text = g_string_new (NULL);
  writer->buffer = g_string_new (NULL);

  now = g_date_time_new_now_utc ();
  exported = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  /* The generator does the escaping of the user's query. */
  if (query != NULL && query[0] != '\0')
    {
      query_node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (query_node, query);
    }
  else
    {
      query_node = json_node_new (JSON_NODE_NULL);
    }
  json_generator_set_root (writer->generator, query_node);
  query_text = json_generator_to_data (writer->generator, NULL);
  json_generator_set_root (writer->generator, NULL);

  g_string_append_printf (writer->buffer,
                          "{\n"
                          "  \"format\" : \"%s\",\n"
                          "  \"version\" : %d,\n"
                          "  \"exported\" : \"%s\",\n"
                          "  \"query\" : %s,\n"
                          "  \"records\" : [",
                          ACCORDS_JSON_FORMAT, ACCORDS_JSON_VERSION, exported, query_text);

  if (!write_buffer (writer, error))
    return NULL;

  return g_steal_pointer (&writer);
}

/**
 * accords_json_writer_add_record:
 * @writer: a writer
 * @record: a fully loaded record (see accords_store_load_record())
 * @error: return location for a #GError
 *
 * Writes @record at once; the writer keeps nothing of it.
 *
 * Returns: %TRUE on success, %FALSE with @error set if writing failed
 */
gboolean
accords_json_writer_add_record (AccordsJsonWriter  *writer,
                                AccordsRecord      *record,
                                GError            **error)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);
  g_return_val_if_fail (!writer->failed, FALSE);
  g_return_val_if_fail (ACCORDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  node = record_to_node (record);
  json_generator_set_root (writer->generator, node);
  g_string_truncate (writer->record_text, 0);
  json_generator_to_gstring (writer->generator, writer->record_text);
  json_generator_set_root (writer->generator, NULL);

  /* Each record sits two levels deep: indent its lines by four spaces.
   * Strings never hold a raw newline (JSON escapes it), so every newline
   * of the generated text is one between lines. */
  g_string_append (writer->buffer, writer->n_records > 0 ? ",\n" : "\n");
  for (const char *line = writer->record_text->str; *line != '\0'; )
    {
      const char *newline = strchr (line, '\n');
      gsize length = newline != NULL ? (gsize) (newline - line) : strlen (line);

      g_string_append (writer->buffer, "    ");
      append_number_line (writer->buffer, line, length);

      line += length;
      if (*line == '\n')
        {
          g_string_append_c (writer->buffer, '\n');
          line++;
        }
    }

  writer->n_records++;

  return write_buffer (writer, error);
}

/**
 * accords_json_writer_finish:
 * @writer: a writer
 * @error: return location for a #GError
 *
 * Closes the document and flushes @out, which stays open.
 *
 * Returns: %TRUE on success, %FALSE with @error set if writing failed
 */
gboolean
accords_json_writer_finish (AccordsJsonWriter  *writer,
                            GError            **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);
  g_return_val_if_fail (!writer->failed, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer->finished = TRUE;

  g_string_append (writer->buffer, writer->n_records > 0 ? "\n  ]\n}\n" : "]\n}\n");

  if (!write_buffer (writer, error))
    return FALSE;

  if (!g_output_stream_flush (writer->out, NULL, error))
    {
      writer->failed = TRUE;
      return FALSE;
    }

  return TRUE;
}

/**
 * accords_json_writer_free:
 * @writer: (transfer full): a writer
 *
 * Frees @writer. A document that was not finished stays unfinished.
 */
void
accords_json_writer_free (AccordsJsonWriter *writer)
{
  if (writer == NULL)
    return;

  g_clear_object (&writer->out);
  g_clear_object (&writer->generator);
  g_string_free (writer->record_text, TRUE);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
