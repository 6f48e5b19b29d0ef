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

/* Writing streams: the writer prints the envelope and then each record as
 * it comes, keeping nothing of it. The output is canonical (every key, in the order of
 * the schema; an empty optional text is null, except a source's text and
 * an annotation's note, which are strings, "" when empty; tags sorted), so
 * writing, reading and writing again give the same bytes. */

struct _AccordsJsonWriter
{
  GOutputStream *out;
  GString *buffer;
  guint64 n_records;
  guint finished : 1;
  guint failed : 1;
};

/* The records are printed here rather than built as JsonNode trees for a
 * JsonGenerator: a tree per record cost as much as loading the record.
 * The text is the one json-glib 1.6 prints (pretty, two-space indent,
 * "key" : value, "[]" for an empty array, the same escapes), so that the
 * files stay byte for byte what earlier versions wrote; the test
 * /export/json/generator-escapes compares the escapes with json-glib's. */

/* Each record sits two levels deep in the document (four spaces); this
 * is the nesting inside it, record object = 0. */
#define MAX_DEPTH 8

typedef struct
{
  GString *buffer;
  guint depth;
  guint n_items[MAX_DEPTH]; /* members or elements so far at each depth */
} Printer;

static void
append_indent (GString *buffer,
               guint    depth)
{
  static const char spaces[] = "                                ";
  gsize n = 4 + 2 * depth;

  g_assert (n < sizeof spaces);
  g_string_append_len (buffer, spaces, n);
}

/* As json-glib 1.6 escapes: quote and backslash, the short escapes, other
 * control characters as \u00xx, except U+001F, which it leaves as it is;
 * every other byte is copied, UTF-8 or not. */
static void
append_escaped (GString    *buffer,
                const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;
      char code[8];

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      if (c == 0x1f)
        continue;

      switch (c)
        {
        case '"': escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        default:
          g_snprintf (code, sizeof code, "\\u00%02x", c);
          escape = code;
          break;
        }

      g_string_append_len (buffer, run, p - run);
      g_string_append (buffer, escape);
      run = p + 1;
    }

  g_string_append_len (buffer, run, p - run);
}

/* Starts a member (with @name) or an element (@name NULL): ends the
 * previous item of the same object or array, then indents. */
static void
begin_item (Printer    *printer,
            const char *name)
{
  GString *buffer = printer->buffer;

  if (printer->n_items[printer->depth]++ > 0)
    g_string_append_c (buffer, ',');
  g_string_append_c (buffer, '\n');
  append_indent (buffer, printer->depth);

  if (name != NULL)
    {
      g_string_append_c (buffer, '"');
      append_escaped (buffer, name);
      g_string_append (buffer, "\" : ");
    }
}

static void
open_container (Printer    *printer,
                const char *name,
                char        bracket)
{
  begin_item (printer, name);
  g_string_append_c (printer->buffer, bracket);
  printer->depth++;
  g_assert (printer->depth < MAX_DEPTH);
  printer->n_items[printer->depth] = 0;
}

static void
close_container (Printer *printer,
                 char     bracket)
{
  if (printer->n_items[printer->depth] > 0)
    {
      g_string_append_c (printer->buffer, '\n');
      append_indent (printer->buffer, printer->depth - 1);
    }
  printer->depth--;
  g_string_append_c (printer->buffer, bracket);
}

static void
print_null (Printer    *printer,
            const char *name)
{
  begin_item (printer, name);
  g_string_append (printer->buffer, "null");
}

/* As json_object_set_string_member(): NULL is null, "" a string. */
static void
print_string (Printer    *printer,
              const char *name,
              const char *value)
{
  if (value == NULL)
    {
      print_null (printer, name);
      return;
    }

  begin_item (printer, name);
  g_string_append_c (printer->buffer, '"');
  append_escaped (printer->buffer, value);
  g_string_append_c (printer->buffer, '"');
}

/* An optional text: null when empty. */
static void
print_text (Printer    *printer,
            const char *name,
            const char *value)
{
  print_string (printer, name, value != NULL && value[0] != '\0' ? value : NULL);
}

static void
print_boolean (Printer    *printer,
               const char *name,
               gboolean    value)
{
  begin_item (printer, name);
  g_string_append (printer->buffer, value ? "true" : "false");
}

static void
print_int (Printer    *printer,
           const char *name,
           gint64      value)
{
  begin_item (printer, name);
  g_string_append_printf (printer->buffer, "%" G_GINT64_FORMAT, value);
}

static void append_number_line (GString    *buffer,
                                const char *line,
                                gsize       length);

/* A fraction, as json-glib prints a double (17 digits, ".0" added when
 * there is no point), then shortened by append_number_line(). */
static void
print_double (Printer    *printer,
              const char *name,
              double      value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  GString *buffer = printer->buffer;
  gsize line_start;
  g_autofree char *line = NULL;

  begin_item (printer, name);

  /* The line so far starts after the last newline. */
  line_start = buffer->len;
  while (line_start > 0 && buffer->str[line_start - 1] != '\n')
    line_start--;

  g_ascii_dtostr (number, sizeof number, value);
  line = g_strconcat (buffer->str + line_start, number,
                      strchr (number, '.') == NULL ? ".0" : "", NULL);
  g_string_truncate (buffer, line_start);
  append_number_line (buffer, line, strlen (line));
}

static void
print_strv (Printer            *printer,
            const char         *name,
            const char * const *strv)
{
  open_container (printer, name, '[');
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    print_string (printer, NULL, strv[i]);
  close_container (printer, ']');
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
static void
print_tags (Printer           *printer,
            AccordsAnnotation *annotation)
{
  const char * const *tags = accords_annotation_get_tags (annotation);
  g_autofree const char **sorted = NULL;
  guint n_tags = g_strv_length ((char **) tags);

  sorted = g_memdup2 (tags, sizeof (char *) * (n_tags + 1));
  qsort (sorted, n_tags, sizeof (char *), compare_tags);

  print_strv (printer, "tags", sorted);
}

static void
print_venue (Printer       *printer,
             AccordsRecord *record)
{
  open_container (printer, "venue", '{');
  print_text (printer, "city", accords_record_get_venue_city (record));
  print_text (printer, "country", accords_record_get_venue_country (record));
  print_text (printer, "forum", accords_record_get_venue_forum (record));
  print_boolean (printer, "virtual", accords_record_get_venue_virtual (record));
  close_container (printer, '}');
}

typedef void (*PrintItem) (Printer  *printer,
                           gpointer  item);

/* The array @name, with an object for each item of @items. */
static void
print_objects (Printer    *printer,
               const char *name,
               GListModel *items,
               PrintItem   print_item)
{
  guint n_items = g_list_model_get_n_items (items);

  open_container (printer, name, '[');
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      open_container (printer, NULL, '{');
      print_item (printer, item);
      close_container (printer, '}');
    }
  close_container (printer, ']');
}

static void
print_person (Printer  *printer,
              gpointer  item)
{
  AccordsPerson *person = item;

  print_string (printer, "name", accords_person_get_name (person) ?: "");
  print_text (printer, "role", accords_person_get_role (person));
  print_text (printer, "country", accords_person_get_country (person));
}

static void
print_figure (Printer  *printer,
              gpointer  item)
{
  AccordsFigure *figure = item;

  print_string (printer, "what", accords_figure_get_what (figure) ?: "");

  if (!accords_figure_get_has_value (figure))
    print_null (printer, "value");
  else if (accords_figure_get_value_is_integer (figure))
    print_int (printer, "value", (gint64) accords_figure_get_value (figure));
  else
    print_double (printer, "value", accords_figure_get_value (figure));

  print_text (printer, "unit", accords_figure_get_unit (figure));

  if (accords_figure_get_year (figure) > 0)
    print_int (printer, "year", accords_figure_get_year (figure));
  else
    print_null (printer, "year");

  print_text (printer, "text", accords_figure_get_text (figure));
}

static void
print_source (Printer  *printer,
              gpointer  item)
{
  AccordsSource *source = item;

  print_text (printer, "title", accords_source_get_title (source));
  print_text (printer, "outlet", accords_source_get_outlet (source));
  print_text (printer, "url", accords_source_get_url (source));
  print_text (printer, "published", accords_source_get_published (source));
  print_text (printer, "language", accords_source_get_language (source));
  print_text (printer, "file", accords_source_get_file (source));
  print_text (printer, "sha256", accords_source_get_sha256 (source));
  print_string (printer, "text", accords_source_get_text (source));
}

static void
print_annotation (Printer       *printer,
                  AccordsRecord *record)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  AccordsReview review;

  if (annotation == NULL)
    {
      print_null (printer, "annotation");
      return;
    }

  open_container (printer, "annotation", '{');
  print_string (printer, "note", accords_annotation_get_note (annotation));
  print_boolean (printer, "starred", accords_annotation_get_starred (annotation));
  review = accords_annotation_get_review (annotation);
  print_string (printer, "review", accords_review_to_string (review));
  print_tags (printer, annotation);
  print_text (printer, "modified", accords_annotation_get_modified (annotation));
  close_container (printer, '}');
}

static void
print_links (Printer       *printer,
             AccordsRecord *record)
{
  guint n_links = accords_record_get_n_links (record);

  open_container (printer, "links", '[');
  for (guint i = 0; i < n_links; i++)
    {
      const char *type;
      const char *uid;

      accords_record_get_link (record, i, &type, &uid);
      open_container (printer, NULL, '{');
      print_string (printer, "type", type);
      print_string (printer, "uid", uid);
      close_container (printer, '}');
    }
  close_container (printer, ']');
}

/* The record, with every key of the schema in its order, as an element of
 * "records": its opening brace follows what @buffer holds. */
static void
print_record (GString       *buffer,
              AccordsRecord *record)
{
  Printer printer = { buffer, 0, { 0 } };
  AccordsDatePrecision precision;
  AccordsDateQualifier qualifier;

  append_indent (buffer, 0);
  g_string_append_c (buffer, '{');
  printer.depth = 1;

  print_text (&printer, "uid", accords_record_get_uid (record));
  print_string (&printer, "title", accords_record_get_title (record) ?: "");
  print_string (&printer, "kind", accords_kind_to_string (accords_record_get_kind (record)));
  print_text (&printer, "summary", accords_record_get_summary (record));
  print_text (&printer, "event_date", accords_record_get_event_date (record));
  print_text (&printer, "event_end", accords_record_get_event_end (record));
  precision = accords_record_get_date_precision (record);
  print_string (&printer, "date_precision", accords_date_precision_to_string (precision));
  qualifier = accords_record_get_date_qualifier (record);
  print_string (&printer, "date_qualifier", accords_date_qualifier_to_string (qualifier));
  print_text (&printer, "date_as_reported", accords_record_get_date_as_reported (record));
  print_venue (&printer, record);
  print_strv (&printer, "parties", accords_record_get_parties (record));
  print_strv (&printer, "mentioned", accords_record_get_mentioned (record));
  print_objects (&printer, "people", accords_record_get_people (record), print_person);
  print_strv (&printer, "organizations", accords_record_get_organizations (record));
  print_strv (&printer, "topics", accords_record_get_topics (record));
  print_objects (&printer, "figures", accords_record_get_figures (record), print_figure);
  print_objects (&printer, "sources", accords_record_get_sources (record), print_source);
  print_annotation (&printer, record);
  print_links (&printer, record);
  print_string (&printer, "origin", accords_origin_to_string (accords_record_get_origin (record)));
  print_text (&printer, "created", accords_record_get_created (record));
  print_text (&printer, "modified", accords_record_get_modified (record));

  close_container (&printer, '}');
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
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) query_node = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *query_text = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  writer = g_new0 (AccordsJsonWriter, 1);
  writer->out = g_object_ref (out);
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
  generator = json_generator_new ();
  json_generator_set_root (generator, query_node);
  query_text = json_generator_to_data (generator, NULL);

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
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->finished, FALSE);
  g_return_val_if_fail (!writer->failed, FALSE);
  g_return_val_if_fail (ACCORDS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append (writer->buffer, writer->n_records > 0 ? ",\n" : "\n");
  print_record (writer->buffer, record);

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
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}
