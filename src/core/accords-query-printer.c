/* accords-query-printer.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-query-printer"

#include "config.h"

#include <string.h>

#include "accords-query-private.h"

/* Printing: the inverse of the parser, in canonical form. It relies on the
 * invariants of a parsed or built query (see accords-query-private.h). */

static void
append_quoted (GString    *out,
               const char *value)
{
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Whether @value reads back as itself after an operator's colon. */
static gboolean
is_bare_value (const char *value)
{
  return value[0] != '\0' &&
         value[0] != '"' &&
         strpbrk (value, "\"()") == NULL &&
         !_accords_query_has_space (value);
}

/* Whether @word reads back as the same free word without quotes. */
static gboolean
is_bare_word (const char *word)
{
  return is_bare_value (word) &&
         word[0] != '-' &&
         !g_str_equal (word, "OR") &&
         _accords_query_operator_length (word) == 0;
}

static void
append_term (GString                *out,
             const AccordsQueryTerm *term)
{
  if (term->negated)
    g_string_append_c (out, '-');

  switch (term->field)
    {
    case ACCORDS_QUERY_FIELD_TEXT:
      {
        gsize length = strlen (term->value);
        gboolean prefix = length > 1 && term->value[length - 1] == '*';
        g_autofree char *stem = g_strndup (term->value, prefix ? length - 1 : length);

        if (is_bare_word (stem))
          {
            g_string_append (out, term->value);
          }
        else
          {
            append_quoted (out, stem);
            if (prefix)
              g_string_append_c (out, '*');
          }
      }
      break;

    case ACCORDS_QUERY_FIELD_PHRASE:
      append_quoted (out, term->value);
      break;

    case ACCORDS_QUERY_FIELD_COUNTRY:
    case ACCORDS_QUERY_FIELD_WITH:
    case ACCORDS_QUERY_FIELD_TOPIC:
    case ACCORDS_QUERY_FIELD_KIND:
    case ACCORDS_QUERY_FIELD_AFTER:
    case ACCORDS_QUERY_FIELD_BEFORE:
    case ACCORDS_QUERY_FIELD_YEAR:
    case ACCORDS_QUERY_FIELD_TAG:
    case ACCORDS_QUERY_FIELD_IS:
    case ACCORDS_QUERY_FIELD_HAS:
    default:
      g_string_append (out, _accords_query_field_to_operator (term->field));
      g_string_append_c (out, ':');
      if (is_bare_value (term->value))
        g_string_append (out, term->value);
      else
        append_quoted (out, term->value);
      break;
    }
}

/* Public API */

/**
 * accords_query_to_string:
 * @self: a query
 *
 * Prints @self in the search syntax, in canonical form: what it prints
 * parses back to an equal query (apart from the sort, which is not part of
 * the text) and prints the same again.
 *
 * Returns: (transfer full): the text; "" for an empty query
 */
char *
accords_query_to_string (AccordsQuery *self)
{
  GString *out;

  g_return_val_if_fail (ACCORDS_IS_QUERY (self), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (self->groups, i);

      if (i > 0)
        g_string_append_c (out, ' ');

      for (guint j = 0; j < group->len; j++)
        {
          if (j > 0)
            g_string_append (out, " OR ");
          append_term (out, g_ptr_array_index (group, j));
        }
    }

  return g_string_free (out, FALSE);
}
