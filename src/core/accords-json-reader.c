/* accords-json-reader.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-json-reader"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "accords-json-private.h"
#include "accords-record.h"

/* Reading never builds the tree of the whole file: json-glib's tree costs
 * several kilobytes a record, too much for a library of a million. A small
 * scanner walks the top-level object and the "records" array, finding
 * where each value starts and ends; JsonParser parses each value, so one
 * record's tree at a time; the record is checked against the schema and
 * handed on. The first value that breaks the schema stops the read. Only
 * then is that record parsed again, noting the line of every value, so
 * that the error can point at the line without the common case paying for
 * it. */

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

G_DEFINE_QUARK (accords-json-error-quark, accords_json_error)

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
  _accords_json_problem_clear (problem);

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
                   scanner->file_name, _accords_json_describe_node (root));
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
  if (node == NULL || !_accords_json_is_string (node) ||
      strcmp (json_node_get_string (node), ACCORDS_JSON_FORMAT) != 0)
    {
      g_set_error (error, ACCORDS_JSON_ERROR, ACCORDS_JSON_ERROR_NOT_A_LIBRARY,
                   _("%s: not an Accords library: “format” is not “%s”"),
                   file_name, ACCORDS_JSON_FORMAT);
      return FALSE;
    }

  node = envelope->version.node;
  if (node == NULL || !_accords_json_is_integer (node))
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
  if (!_accords_json_is_null (node) && !_accords_json_is_string (node))
    {
      _accords_json_fail_type (&problem, node, "exported", _("a string"));
      return set_envelope_error (error, file_name, &envelope->exported, &problem);
    }

  node = envelope->query.node;
  if (!_accords_json_is_null (node) && !_accords_json_is_string (node))
    {
      _accords_json_fail_type (&problem, node, "query", _("a string"));
      return set_envelope_error (error, file_name, &envelope->query, &problem);
    }

  node = envelope->records_member.node;
  if (!_accords_json_is_null (node))
    {
      _accords_json_fail_type (&problem, node, "records", _("an array"));
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
      record = _accords_json_record_from_node (&again, json_parser_get_root (parser));

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

      if (uid_node != NULL && _accords_json_is_string (uid_node) &&
          json_node_get_string (uid_node)[0] != '\0')
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

  _accords_json_problem_clear (&again);
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

      record = _accords_json_record_from_node (&problem, node);
      if (record == NULL)
        {
          set_record_error (error, scanner, &piece, node, index, &problem);
          _accords_json_problem_clear (&problem);
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
