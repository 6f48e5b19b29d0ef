/* accords-query-parser.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-query-parser"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "accords-country.h"
#include "accords-query-private.h"
#include "accords-topic.h"

/* The search syntax, as a reader of this file needs it:
 *
 *   query  = group { group }                 groups are ANDed
 *   group  = term { "OR" term }              OR binds tighter than AND
 *   term   = [ "-" ] ( word | quoted [ "*" ] | operator ":" value )
 *   value  = bare | quoted
 *   quoted = '"' { any character, '""' for a quote } '"'
 *
 * Terms are separated by white space. Operator names are ASCII letters in
 * any case; OR is written in capitals ("or" is a word in many languages).
 * A quoted text without white space inside is a word, not a phrase, which
 * lets to_string() quote a word that would otherwise read as an operator.
 * Parentheses outside quotes are refused rather than half understood. */

static const struct {
  const char        *name;
  AccordsQueryField  field;
} operators[] = {
  { "country", ACCORDS_QUERY_FIELD_COUNTRY },
  { "with", ACCORDS_QUERY_FIELD_WITH },
  { "topic", ACCORDS_QUERY_FIELD_TOPIC },
  { "kind", ACCORDS_QUERY_FIELD_KIND },
  { "after", ACCORDS_QUERY_FIELD_AFTER },
  { "before", ACCORDS_QUERY_FIELD_BEFORE },
  { "year", ACCORDS_QUERY_FIELD_YEAR },
  { "tag", ACCORDS_QUERY_FIELD_TAG },
  { "is", ACCORDS_QUERY_FIELD_IS },
  { "has", ACCORDS_QUERY_FIELD_HAS },
};

static const char *is_values[] = { "starred", "unreviewed", "verified", "disputed" };

const char *
_accords_query_field_to_operator (AccordsQueryField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      if (operators[i].field == field)
        return operators[i].name;
    }

  return NULL;
}

/* Characters */

/* White space for the syntax: Unicode spaces plus the invisible marks that
 * come along with pasted right-to-left text (bidi marks and controls, zero
 * width space, BOM). Zero-width (non-)joiners are part of words (Persian). */
static gboolean
is_space_char (gunichar ch)
{
  return g_unichar_isspace (ch) ||
         ch == 0x200B || ch == 0x200E || ch == 0x200F || ch == 0x061C ||
         (ch >= 0x202A && ch <= 0x202E) ||
         (ch >= 0x2066 && ch <= 0x2069) ||
         ch == 0xFEFF;
}

static gboolean
is_space_at (const char *text,
             gsize       pos)
{
  return text[pos] != '\0' && is_space_char (g_utf8_get_char (text + pos));
}

static gboolean
is_end_at (const char *text,
           gsize       pos)
{
  return text[pos] == '\0' || is_space_at (text, pos);
}

static gsize
next_char (const char *text,
           gsize       pos)
{
  return g_utf8_next_char (text + pos) - text;
}

gboolean
_accords_query_has_space (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_space_char (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

/* A copy of @text without syntax white space at either end. */
static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && is_space_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!is_space_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return g_strndup (start, end - start);
}

/* Trims and turns every run of white space inside into one space. */
static char *
collapse_spaces (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (is_space_char (ch))
        {
          pending = out->len > 0;
          continue;
        }

      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

/* The length of an operator name at the start of @text ("country" in
 * "country:RS"), or 0 when @text does not start with letters and a colon. */
gsize
_accords_query_operator_length (const char *text)
{
  gsize n = 0;

  while (g_ascii_isalpha (text[n]))
    n++;

  return n > 0 && text[n] == ':' ? n : 0;
}

static gboolean
lookup_operator (const char        *name,
                 gsize              length,
                 AccordsQueryField *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      if (strlen (operators[i].name) == length &&
          g_ascii_strncasecmp (operators[i].name, name, length) == 0)
        {
          *field = operators[i].field;
          return TRUE;
        }
    }

  return FALSE;
}

/* Values */

static gboolean
parse_digits (const char *text,
              gsize       length,
              guint      *value)
{
  guint result = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      result = result * 10 + (text[i] - '0');
    }

  *value = result;

  return TRUE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, and a day that exists. */
static gboolean
is_valid_date (const char *text)
{
  gsize length = strlen (text);
  guint year, month = 1, day = 1;

  if (length != 4 && length != 7 && length != 10)
    return FALSE;

  if (!parse_digits (text, 4, &year) || year < 1)
    return FALSE;

  if (length >= 7 && (text[4] != '-' || !parse_digits (text + 5, 2, &month)))
    return FALSE;

  if (length == 10 && (text[7] != '-' || !parse_digits (text + 8, 2, &day)))
    return FALSE;

  return g_date_valid_dmy (day, month, year);
}

static char *
normalize_id (const char *text)
{
  char *id = g_ascii_strdown (text, -1);

  g_strdelimit (id, "-", '_');

  return id;
}

static char *
normalize_word (const char  *value,
                GError     **error)
{
  g_autofree char *word = trim (value);
  gsize length = strlen (word);
  gsize stem = length;

  if (_accords_query_has_space (word))
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                   _("A word cannot contain spaces; search for a phrase instead"));
      return NULL;
    }

  while (stem > 0 && word[stem - 1] == '*')
    stem--;

  if (stem == 0)
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_SYNTAX,
                   _("“*” must come at the end of a word"));
      return NULL;
    }

  /* Several trailing stars say the same as one. */
  if (stem < length)
    word[stem + 1] = '\0';

  return g_steal_pointer (&word);
}

/* What was between quotes: a phrase, or a word when it has no white space
 * inside. A quoted word is literal, so a star at its end is dropped (the
 * full-text index ignores it anyway). */
static char *
normalize_quoted (const char         *value,
                  AccordsQueryField  *field,
                  GError            **error)
{
  g_autofree char *text = collapse_spaces (value);
  gsize length = strlen (text);

  if (strchr (text, ' ') != NULL)
    {
      *field = ACCORDS_QUERY_FIELD_PHRASE;
      return g_steal_pointer (&text);
    }

  while (length > 0 && text[length - 1] == '*')
    text[--length] = '\0';

  if (length == 0)
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_SYNTAX,
                   _("There is nothing to search for between the quotes"));
      return NULL;
    }

  *field = ACCORDS_QUERY_FIELD_TEXT;

  return g_steal_pointer (&text);
}

/* Checks @value for @field and returns its canonical form; @field may turn
 * from a phrase into a word. The same rules serve the parser and
 * accords_query_add_term(). */
char *
_accords_query_normalize_value (AccordsQueryField  *field,
                                const char         *value,
                                GError            **error)
{
  g_autofree char *trimmed = NULL;

  if (*field == ACCORDS_QUERY_FIELD_TEXT)
    return normalize_word (value, error);

  if (*field == ACCORDS_QUERY_FIELD_PHRASE)
    return normalize_quoted (value, field, error);

  trimmed = trim (value);
  if (trimmed[0] == '\0')
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_SYNTAX,
                   _("“%s:” needs a value"), _accords_query_field_to_operator (*field));
      return NULL;
    }

  switch (*field)
    {
    case ACCORDS_QUERY_FIELD_COUNTRY:
    case ACCORDS_QUERY_FIELD_WITH:
      {
        AccordsCountry *country = accords_country_lookup (trimmed);

        if (country == NULL)
          {
            g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                         _("Unknown country “%s”"), trimmed);
            return NULL;
          }

        return g_strdup (accords_country_get_code (country));
      }

    case ACCORDS_QUERY_FIELD_TOPIC:
      {
        g_autofree char *id = normalize_id (trimmed);

        if (accords_topic_lookup (id) == NULL)
          {
            g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                         _("Unknown topic “%s”"), trimmed);
            return NULL;
          }

        return g_steal_pointer (&id);
      }

    case ACCORDS_QUERY_FIELD_KIND:
      {
        g_autofree char *id = normalize_id (trimmed);
        AccordsKind kind;

        if (!accords_kind_from_string (id, &kind))
          {
            g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                         _("Unknown kind of event “%s”"), trimmed);
            return NULL;
          }

        return g_steal_pointer (&id);
      }

    case ACCORDS_QUERY_FIELD_AFTER:
    case ACCORDS_QUERY_FIELD_BEFORE:
      if (!is_valid_date (trimmed))
        {
          g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                       /* Translators: do not translate YYYY, MM and DD */
                       _("“%s” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"), trimmed);
          return NULL;
        }
      return g_steal_pointer (&trimmed);

    case ACCORDS_QUERY_FIELD_YEAR:
      if (strlen (trimmed) != 4 || !is_valid_date (trimmed))
        {
          g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                       /* Translators: do not translate YYYY */
                       _("“%s” is not a year: write YYYY"), trimmed);
          return NULL;
        }
      return g_steal_pointer (&trimmed);

    case ACCORDS_QUERY_FIELD_TAG:
      return g_steal_pointer (&trimmed);

    case ACCORDS_QUERY_FIELD_IS:
      {
        g_autofree char *state = g_ascii_strdown (trimmed, -1);

        for (guint i = 0; i < G_N_ELEMENTS (is_values); i++)
          {
            if (g_str_equal (state, is_values[i]))
              return g_steal_pointer (&state);
          }

        g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                     /* Translators: do not translate the words after the colon */
                     _("Unknown state “%s”: use starred, unreviewed, verified or disputed"),
                     trimmed);
        return NULL;
      }

    case ACCORDS_QUERY_FIELD_HAS:
      {
        g_autofree char *what = g_ascii_strdown (trimmed, -1);

        if (g_str_equal (what, "note"))
          return g_steal_pointer (&what);

        g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
                     /* Translators: “has:note” is search syntax, do not translate it */
                     _("Unknown value “%s”: the only one is has:note"), trimmed);
        return NULL;
      }

    case ACCORDS_QUERY_FIELD_TEXT:
    case ACCORDS_QUERY_FIELD_PHRASE:
    default:
      break;
    }

  g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR,
               _("Unknown kind of search term"));
  return NULL;
}

/* Parsing */

typedef struct
{
  const char *text;
  gsize       pos;
  gsize       error_start;
  gsize       error_end;
} Parser;

static gboolean
parser_fail (Parser             *parser,
             GError            **error,
             gsize               start,
             gsize               end,
             AccordsQueryError   code,
             const char         *format,
             ...) G_GNUC_PRINTF (6, 7);

static gboolean
parser_fail (Parser             *parser,
             GError            **error,
             gsize               start,
             gsize               end,
             AccordsQueryError   code,
             const char         *format,
             ...)
{
  va_list args;

  parser->error_start = start;
  parser->error_end = end;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (ACCORDS_QUERY_ERROR, code, format, args));
  va_end (args);

  return FALSE;
}

/* Puts a normalisation error on the span of the value it came from. */
static gboolean
parser_fail_with (Parser  *parser,
                  GError **error,
                  gsize    start,
                  gsize    end,
                  GError  *local_error)
{
  parser->error_start = start;
  parser->error_end = end;
  g_propagate_error (error, local_error);

  return FALSE;
}

static gboolean
fail_on_parenthesis (Parser  *parser,
                     gsize    pos,
                     GError **error)
{
  return parser_fail (parser, error, pos, pos + 1, ACCORDS_QUERY_ERROR_SYNTAX,
                      _("Parentheses cannot group terms: OR applies to the terms on "
                        "either side of it. To search for a parenthesis, put it in quotes"));
}

/* Reads a quoted text starting at the opening quote at parser->pos and
 * leaves parser->pos after the closing quote. */
static char *
read_quoted (Parser  *parser,
             GError **error)
{
  const char *text = parser->text;
  gsize start = parser->pos;
  gsize i = start + 1;
  GString *content = g_string_new (NULL);

  g_assert (text[start] == '"');

  for (;;)
    {
      if (text[i] == '\0')
        {
          g_string_free (content, TRUE);
          parser_fail (parser, error, start, i, ACCORDS_QUERY_ERROR_SYNTAX,
                       _("Missing closing quote"));
          return NULL;
        }

      if (text[i] == '"')
        {
          if (text[i + 1] != '"')
            break;
          g_string_append_c (content, '"');
          i += 2;
          continue;
        }

      g_string_append_c (content, text[i]);
      i++;
    }

  parser->pos = i + 1;

  return g_string_free (content, FALSE);
}

/* After a closing quote comes white space or the end. */
static gboolean
expect_term_end (Parser  *parser,
                 GError **error)
{
  const char *text = parser->text;
  gsize pos = parser->pos;

  if (is_end_at (text, pos))
    return TRUE;

  if (text[pos] == '(' || text[pos] == ')')
    return fail_on_parenthesis (parser, pos, error);

  return parser_fail (parser, error, pos, next_char (text, pos), ACCORDS_QUERY_ERROR_SYNTAX,
                      _("Leave a space after the closing quote"));
}

/* Reads an unquoted word or value up to white space. */
static char *
read_bare (Parser  *parser,
           GError **error)
{
  const char *text = parser->text;
  gsize start = parser->pos;
  gsize i = start;

  while (!is_end_at (text, i))
    {
      if (text[i] == '"')
        {
          parser_fail (parser, error, i, i + 1, ACCORDS_QUERY_ERROR_SYNTAX,
                       _("A quote can only start a word, phrase or value. To search "
                         "for a quote, double it inside quotes"));
          return NULL;
        }

      if (text[i] == '(' || text[i] == ')')
        {
          fail_on_parenthesis (parser, i, error);
          return NULL;
        }

      i = next_char (text, i);
    }

  parser->pos = i;

  return g_strndup (text + start, i - start);
}

static AccordsQueryTerm *
parse_quoted_term (Parser    *parser,
                   gboolean   negated,
                   GError   **error)
{
  g_autofree char *content = NULL;
  g_autofree char *value = NULL;
  AccordsQueryField field = ACCORDS_QUERY_FIELD_PHRASE;
  GError *local_error = NULL;
  gsize start = parser->pos;
  gboolean prefix = FALSE;

  if ((content = read_quoted (parser, error)) == NULL)
    return NULL;

  /* "word"* is the prefix form of a word that needs quoting. */
  while (parser->text[parser->pos] == '*')
    {
      prefix = TRUE;
      parser->pos++;
    }

  if (!expect_term_end (parser, error))
    return NULL;

  if ((value = _accords_query_normalize_value (&field, content, &local_error)) == NULL)
    {
      parser_fail_with (parser, error, start, parser->pos, local_error);
      return NULL;
    }

  if (prefix)
    {
      g_autofree char *stem = g_steal_pointer (&value);

      if (field == ACCORDS_QUERY_FIELD_PHRASE)
        {
          parser_fail (parser, error, start, parser->pos, ACCORDS_QUERY_ERROR_SYNTAX,
                       _("Only a single word can end in “*”"));
          return NULL;
        }

      value = g_strconcat (stem, "*", NULL);
    }

  return _accords_query_term_new (field, g_steal_pointer (&value), negated);
}

static AccordsQueryTerm *
parse_operator_term (Parser    *parser,
                     gsize      name_length,
                     gboolean   negated,
                     GError   **error)
{
  const char *text = parser->text;
  g_autofree char *raw = NULL;
  g_autofree char *value = NULL;
  GError *local_error = NULL;
  AccordsQueryField field;
  gsize start = parser->pos;
  gsize value_start = start + name_length + 1;

  if (!lookup_operator (text + start, name_length, &field))
    {
      g_autofree char *name = g_strndup (text + start, name_length);

      parser_fail (parser, error, start, value_start, ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR,
                   _("Unknown operator “%s:”"), name);
      return NULL;
    }

  parser->pos = value_start;

  if (is_end_at (text, value_start))
    {
      parser_fail (parser, error, start, value_start, ACCORDS_QUERY_ERROR_SYNTAX,
                   _("“%s:” needs a value"), _accords_query_field_to_operator (field));
      return NULL;
    }

  if (text[value_start] == '"')
    {
      if ((raw = read_quoted (parser, error)) == NULL || !expect_term_end (parser, error))
        return NULL;
    }
  else
    {
      if ((raw = read_bare (parser, error)) == NULL)
        return NULL;
    }

  if ((value = _accords_query_normalize_value (&field, raw, &local_error)) == NULL)
    {
      /* An empty value is the operator's fault, anything else the value's. */
      if (g_error_matches (local_error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_SYNTAX))
        parser_fail_with (parser, error, start, parser->pos, local_error);
      else
        parser_fail_with (parser, error, value_start, parser->pos, local_error);
      return NULL;
    }

  return _accords_query_term_new (field, g_steal_pointer (&value), negated);
}

static AccordsQueryTerm *
parse_word_term (Parser    *parser,
                 gboolean   negated,
                 GError   **error)
{
  g_autofree char *raw = NULL;
  g_autofree char *value = NULL;
  AccordsQueryField field = ACCORDS_QUERY_FIELD_TEXT;
  GError *local_error = NULL;
  gsize start = parser->pos;

  if ((raw = read_bare (parser, error)) == NULL)
    return NULL;

  if ((value = _accords_query_normalize_value (&field, raw, &local_error)) == NULL)
    {
      parser_fail_with (parser, error, start, parser->pos, local_error);
      return NULL;
    }

  return _accords_query_term_new (field, g_steal_pointer (&value), negated);
}

static AccordsQueryTerm *
parse_term (Parser    *parser,
            GError   **error)
{
  const char *text = parser->text;
  gboolean negated = FALSE;
  gsize name_length;

  if (text[parser->pos] == '-')
    {
      gsize dash = parser->pos;

      if (is_end_at (text, dash + 1))
        {
          parser_fail (parser, error, dash, dash + 1, ACCORDS_QUERY_ERROR_SYNTAX,
                       _("“-” must be followed, without a space, by the term to leave out"));
          return NULL;
        }

      if (text[dash + 1] == '-')
        {
          gsize end = dash + 1;

          while (text[end] == '-')
            end++;

          parser_fail (parser, error, dash, end, ACCORDS_QUERY_ERROR_SYNTAX,
                       _("A term can be left out with one “-” only"));
          return NULL;
        }

      negated = TRUE;
      parser->pos++;
    }

  if (text[parser->pos] == '"')
    return parse_quoted_term (parser, negated, error);

  if ((name_length = _accords_query_operator_length (text + parser->pos)) > 0)
    return parse_operator_term (parser, name_length, negated, error);

  return parse_word_term (parser, negated, error);
}

static gboolean
is_or_at (const char *text,
          gsize       pos)
{
  return text[pos] == 'O' && text[pos + 1] == 'R' && is_end_at (text, pos + 2);
}

static gboolean
parse_into (Parser        *parser,
            AccordsQuery  *query,
            GError       **error)
{
  const char *text = parser->text;
  const char *invalid = NULL;
  gboolean pending_or = FALSE;
  gsize or_start = 0;

  if (!g_utf8_validate (text, -1, &invalid))
    {
      gsize at = invalid - text;

      return parser_fail (parser, error, at, at + 1, ACCORDS_QUERY_ERROR_SYNTAX,
                          _("The text contains bytes that are not UTF-8"));
    }

  for (;;)
    {
      AccordsQueryTerm *term;

      while (is_space_at (text, parser->pos))
        parser->pos = next_char (text, parser->pos);

      if (text[parser->pos] == '\0')
        break;

      if (text[parser->pos] == '(' || text[parser->pos] == ')')
        return fail_on_parenthesis (parser, parser->pos, error);

      if (is_or_at (text, parser->pos))
        {
          if (pending_or || query->groups->len == 0)
            return parser_fail (parser, error, parser->pos, parser->pos + 2,
                                ACCORDS_QUERY_ERROR_SYNTAX,
                                _("“OR” needs a term on both sides"));

          pending_or = TRUE;
          or_start = parser->pos;
          parser->pos += 2;
          continue;
        }

      if ((term = parse_term (parser, error)) == NULL)
        return FALSE;

      if (pending_or)
        {
          GPtrArray *last = g_ptr_array_index (query->groups, query->groups->len - 1);

          g_ptr_array_add (last, term);
          pending_or = FALSE;
        }
      else
        {
          GPtrArray *group = _accords_query_group_new ();

          g_ptr_array_add (group, term);
          g_ptr_array_add (query->groups, group);
        }
    }

  if (pending_or)
    return parser_fail (parser, error, or_start, or_start + 2, ACCORDS_QUERY_ERROR_SYNTAX,
                        _("“OR” needs a term on both sides"));

  return TRUE;
}

/* Public API */

/**
 * accords_query_parse:
 * @text: a query in the search syntax
 * @error_start: (out) (optional): where the offending part of @text starts,
 *   in bytes, when parsing fails; 0 on success
 * @error_end: (out) (optional): the byte just after the offending part
 * @error: return location for an error in %ACCORDS_QUERY_ERROR
 *
 * Parses @text. Values are checked and normalised: country names become
 * alpha-2 codes, topic and kind ids lower case. Empty text (or white space
 * only) gives an empty query.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL on error
 */
AccordsQuery *
accords_query_parse (const char  *text,
                     gsize       *error_start,
                     gsize       *error_end,
                     GError     **error)
{
  g_autoptr(AccordsQuery) query = NULL;
  Parser parser = { text, 0, 0, 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query = accords_query_new ();

  if (!parse_into (&parser, query, error))
    {
      if (error_start != NULL)
        *error_start = parser.error_start;
      if (error_end != NULL)
        *error_end = parser.error_end;
      return NULL;
    }

  if (error_start != NULL)
    *error_start = 0;
  if (error_end != NULL)
    *error_end = 0;

  return g_steal_pointer (&query);
}
