/* accords-json-writer.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-json-writer"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-json.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* Writing streams: the writer prints the envelope itself and hands one
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
