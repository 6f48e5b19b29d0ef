/* accords-store-query.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store-query"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "accords-query.h"
#include "accords-store-private.h"

/* How a query becomes SQL. Every fragment below is fixed text; every
 * value from the query is a `?` bound later. The fragments follow
 * PERF-FLOOR.md: junction tables through EXISTS (never IN (subquery)),
 * full text through one MATCH where the terms allow it.
 *
 * Full-text terms become FTS5 expressions built from string literals only
 * ("word", "word" * for a prefix, "a b c" for a phrase), so nothing a user
 * types can act as FTS5 syntax (NEAR, column filters, ^, *). */

#define PARTY_SQL \
  "EXISTS (SELECT 1 FROM record_country c" \
  " WHERE c.record_id = r.id AND c.code = ? AND c.role = 'party')"
#define OTHER_PARTY_SQL \
  "EXISTS (SELECT 1 FROM record_country c" \
  " WHERE c.record_id = r.id AND c.role = 'party' AND c.code <> ?)"
#define TOPIC_SQL \
  "EXISTS (SELECT 1 FROM record_topic t WHERE t.record_id = r.id AND t.topic = ?)"
#define TAG_SQL \
  "EXISTS (SELECT 1 FROM record_tag rt JOIN tag g ON g.id = rt.tag_id" \
  " WHERE rt.record_id = r.id AND g.name = ?)"
#define MATCH_SQL \
  "r.id IN (SELECT rowid FROM record_fts WHERE record_fts MATCH ?)"
#define ANNOTATION_SQL(condition) \
  "EXISTS (SELECT 1 FROM annotation a WHERE a.record_id = r.id AND " condition ")"

/* One piece of the WHERE clause with the values for its placeholders. */
typedef struct
{
  GString   *sql;
  GPtrArray *params;
} Fragment;

static Fragment *
fragment_new (void)
{
  Fragment *fragment = g_new0 (Fragment, 1);

  fragment->sql = g_string_new (NULL);
  fragment->params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  return fragment;
}

static void
fragment_free (gpointer data)
{
  Fragment *fragment = data;

  g_string_free (fragment->sql, TRUE);
  g_ptr_array_unref (fragment->params);
  g_free (fragment);
}

static void
fragment_add_string (Fragment   *fragment,
                     const char *value)
{
  g_ptr_array_add (fragment->params, g_variant_ref_sink (g_variant_new_string (value)));
}

/* An FTS5 string literal: the text in double quotes, quotes doubled. */
static void
append_fts_string (GString    *out,
                   const char *text,
                   gssize      length)
{
  g_string_append_c (out, '"');
  for (gssize i = 0; length < 0 ? text[i] != '\0' : i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, text[i]);
    }
  g_string_append_c (out, '"');
}

static void
append_fts_term (GString                *out,
                 const AccordsQueryTerm *term)
{
  gsize length = strlen (term->value);

  if (term->field == ACCORDS_QUERY_FIELD_TEXT && length > 1 && term->value[length - 1] == '*')
    {
      append_fts_string (out, term->value, length - 1);
      g_string_append (out, " *");
    }
  else
    {
      append_fts_string (out, term->value, -1);
    }
}

static gboolean
is_text_term (const AccordsQueryTerm *term)
{
  return term->field == ACCORDS_QUERY_FIELD_TEXT || term->field == ACCORDS_QUERY_FIELD_PHRASE;
}

/* Whether every term of @group is full text and none is negated: such a
 * group joins the one MATCH of the query. */
static gboolean
is_text_group (AccordsQuery *query,
               guint         group)
{
  guint size = accords_query_get_group_size (query, group);

  for (guint i = 0; i < size; i++)
    {
      const AccordsQueryTerm *term = accords_query_get_term (query, group, i);

      if (!is_text_term (term) || term->negated)
        return FALSE;
    }

  return TRUE;
}

/* The first day of the period @date names: 2024 → 2024-01-01,
 * 2024-03 → 2024-03-01. @next moves to the first day of the next period.
 * Returns NULL for anything else, or past year 9999. */
static char *
period_start (const char *date,
              gboolean    next)
{
  gsize length = strlen (date);
  guint year, month = 1, day = 1;
  g_autoptr(GDate) start = NULL;
  char buffer[16];

  if (length != 4 && length != 7 && length != 10)
    return NULL;

  for (gsize i = 0; i < length; i++)
    {
      gboolean dash = i == 4 || i == 7;

      if (dash ? date[i] != '-' : !g_ascii_isdigit (date[i]))
        return NULL;
    }

  year = (guint) g_ascii_strtoull (date, NULL, 10);
  if (length >= 7)
    month = (guint) g_ascii_strtoull (date + 5, NULL, 10);
  if (length == 10)
    day = (guint) g_ascii_strtoull (date + 8, NULL, 10);

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  start = g_date_new_dmy (day, month, year);

  if (next)
    {
      if (length == 4)
        {
          if (year == 9999)
            return NULL;
          g_date_add_years (start, 1);
        }
      else if (length == 7)
        {
          if (year == 9999 && month == 12)
            return NULL;
          g_date_add_months (start, 1);
        }
      else
        {
          if (year == 9999 && month == 12 && day == 31)
            return NULL;
          g_date_add_days (start, 1);
        }
    }

  g_snprintf (buffer, sizeof buffer, "%04u-%02u-%02u",
              (guint) g_date_get_year (start),
              (guint) g_date_get_month (start),
              (guint) g_date_get_day (start));

  return g_strdup (buffer);
}

static gboolean
invalid_term (const AccordsQueryTerm  *term,
              GError                 **error)
{
  g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_INVALID_VALUE,
               _("Cannot search for “%s”"), term->value);
  return FALSE;
}

/* The SQL for one term, without its negation. @country_codes holds the
 * codes of the query's plain country: terms, which turn with: into a
 * second party rather than "someone else's partner". */
static gboolean
compile_term (const AccordsQueryTerm  *term,
              GHashTable              *country_codes,
              Fragment                *out,
              GError                 **error)
{
  const char *value = term->value;

  switch (term->field)
    {
    case ACCORDS_QUERY_FIELD_TEXT:
    case ACCORDS_QUERY_FIELD_PHRASE:
      {
        g_autoptr(GString) match = g_string_new (NULL);

        append_fts_term (match, term);
        g_string_append (out->sql, MATCH_SQL);
        fragment_add_string (out, match->str);
      }
      return TRUE;

    case ACCORDS_QUERY_FIELD_COUNTRY:
      g_string_append (out->sql, PARTY_SQL);
      fragment_add_string (out, value);
      return TRUE;

    case ACCORDS_QUERY_FIELD_WITH:
      {
        GHashTableIter iter;
        gpointer code;
        gboolean has_partner = FALSE;

        g_hash_table_iter_init (&iter, country_codes);
        while (!has_partner && g_hash_table_iter_next (&iter, &code, NULL))
          has_partner = !g_str_equal (code, value);

        if (has_partner)
          {
            g_string_append (out->sql, PARTY_SQL);
            fragment_add_string (out, value);
          }
        else
          {
            g_string_append (out->sql, "(" PARTY_SQL " AND " OTHER_PARTY_SQL ")");
            fragment_add_string (out, value);
            fragment_add_string (out, value);
          }
      }
      return TRUE;

    case ACCORDS_QUERY_FIELD_TOPIC:
      g_string_append (out->sql, TOPIC_SQL);
      fragment_add_string (out, value);
      return TRUE;

    case ACCORDS_QUERY_FIELD_KIND:
      g_string_append (out->sql, "r.kind = ?");
      fragment_add_string (out, value);
      return TRUE;

    case ACCORDS_QUERY_FIELD_AFTER:
    case ACCORDS_QUERY_FIELD_BEFORE:
      {
        g_autofree char *start = period_start (value, FALSE);

        if (start == NULL)
          return invalid_term (term, error);

        if (term->field == ACCORDS_QUERY_FIELD_AFTER)
          g_string_append (out->sql, "r.event_date >= ?");
        else
          g_string_append (out->sql, "r.event_date < ?");
        fragment_add_string (out, start);
      }
      return TRUE;

    case ACCORDS_QUERY_FIELD_YEAR:
      {
        g_autofree char *start = NULL;
        g_autofree char *end = NULL;

        if (strlen (value) != 4 || (start = period_start (value, FALSE)) == NULL)
          return invalid_term (term, error);

        end = period_start (value, TRUE);
        if (end != NULL)
          {
            g_string_append (out->sql, "(r.event_date >= ? AND r.event_date < ?)");
            fragment_add_string (out, start);
            fragment_add_string (out, end);
          }
        else
          {
            g_string_append (out->sql, "r.event_date >= ?");
            fragment_add_string (out, start);
          }
      }
      return TRUE;

    case ACCORDS_QUERY_FIELD_TAG:
      g_string_append (out->sql, TAG_SQL);
      fragment_add_string (out, value);
      return TRUE;

    case ACCORDS_QUERY_FIELD_IS:
      if (g_str_equal (value, "starred"))
        g_string_append (out->sql, ANNOTATION_SQL ("a.starred = 1"));
      else if (g_str_equal (value, "unreviewed"))
        /* A record without an annotation has not been reviewed either. */
        g_string_append (out->sql, "NOT " ANNOTATION_SQL ("a.review <> 'unreviewed'"));
      else if (g_str_equal (value, "verified"))
        g_string_append (out->sql, ANNOTATION_SQL ("a.review = 'verified'"));
      else if (g_str_equal (value, "disputed"))
        g_string_append (out->sql, ANNOTATION_SQL ("a.review = 'disputed'"));
      else
        return invalid_term (term, error);
      return TRUE;

    case ACCORDS_QUERY_FIELD_HAS:
      if (!g_str_equal (value, "note"))
        return invalid_term (term, error);
      g_string_append (out->sql, ANNOTATION_SQL ("a.note <> ''"));
      return TRUE;

    default:
      return invalid_term (term, error);
    }
}

static Fragment *
compile_negatable_term (const AccordsQueryTerm  *term,
                        GHashTable              *country_codes,
                        GError                 **error)
{
  Fragment *fragment = fragment_new ();

  if (term->negated)
    g_string_append (fragment->sql, "NOT (");

  if (!compile_term (term, country_codes, fragment, error))
    {
      fragment_free (fragment);
      return NULL;
    }

  if (term->negated)
    g_string_append_c (fragment->sql, ')');

  return fragment;
}

/* Writes fragments [@first, @last) joined by @op as a balanced tree of
 * parentheses: SQLite limits the depth of an expression (1000), and a
 * flat chain of a thousand terms would be that deep. */
static void
append_joined (GString    *where,
               GPtrArray  *params,
               GPtrArray  *fragments,
               guint       first,
               guint       last,
               const char *op)
{
  guint middle;

  if (last - first == 1)
    {
      Fragment *fragment = g_ptr_array_index (fragments, first);

      g_string_append_len (where, fragment->sql->str, fragment->sql->len);
      for (guint i = 0; i < fragment->params->len; i++)
        g_ptr_array_add (params, g_variant_ref (g_ptr_array_index (fragment->params, i)));
      return;
    }

  middle = first + (last - first) / 2;

  g_string_append_c (where, '(');
  append_joined (where, params, fragments, first, middle, op);
  g_string_append (where, op);
  append_joined (where, params, fragments, middle, last, op);
  g_string_append_c (where, ')');
}

/* Moves the SQL of @fragments, joined by @op, into one new fragment. */
static Fragment *
join_fragments (GPtrArray  *fragments,
                const char *op)
{
  Fragment *joined = fragment_new ();

  g_assert (fragments->len > 0);

  append_joined (joined->sql, joined->params, fragments, 0, fragments->len, op);

  return joined;
}

/* The one MATCH expression for all full-text-only groups, and for the
 * negated single words and phrases when there is something positive to
 * subtract them from: (a AND (b OR c)) NOT (d OR e). */
static Fragment *
compile_fts (AccordsQuery *query,
             gboolean     *used)
{
  g_autoptr(GString) positive = g_string_new (NULL);
  g_autoptr(GString) negative = g_string_new (NULL);
  guint n_groups = accords_query_get_n_groups (query);
  Fragment *fragment;

  for (guint i = 0; i < n_groups; i++)
    {
      guint size = accords_query_get_group_size (query, i);

      if (!is_text_group (query, i))
        continue;

      used[i] = TRUE;

      if (positive->len > 0)
        g_string_append (positive, " AND ");
      if (size > 1)
        g_string_append_c (positive, '(');
      for (guint j = 0; j < size; j++)
        {
          if (j > 0)
            g_string_append (positive, " OR ");
          append_fts_term (positive, accords_query_get_term (query, i, j));
        }
      if (size > 1)
        g_string_append_c (positive, ')');
    }

  if (positive->len == 0)
    return NULL;

  for (guint i = 0; i < n_groups; i++)
    {
      const AccordsQueryTerm *term;

      if (accords_query_get_group_size (query, i) != 1)
        continue;

      term = accords_query_get_term (query, i, 0);
      if (!is_text_term (term) || !term->negated)
        continue;

      used[i] = TRUE;

      if (negative->len > 0)
        g_string_append (negative, " OR ");
      append_fts_term (negative, term);
    }

  fragment = fragment_new ();
  g_string_append (fragment->sql, MATCH_SQL);

  if (negative->len > 0)
    {
      g_autofree char *match = g_strdup_printf ("(%s) NOT (%s)", positive->str, negative->str);

      fragment_add_string (fragment, match);
    }
  else
    {
      fragment_add_string (fragment, positive->str);
    }

  return fragment;
}

gboolean
_accords_store_compile_query (AccordsQuery  *query,
                              GString       *where,
                              GPtrArray     *params,
                              GError       **error)
{
  g_autoptr(GPtrArray) fragments = NULL;
  g_autoptr(GHashTable) country_codes = NULL;
  g_autofree gboolean *used = NULL;
  guint n_groups;
  Fragment *fts;

  g_return_val_if_fail (ACCORDS_IS_QUERY (query), FALSE);
  g_return_val_if_fail (where != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  n_groups = accords_query_get_n_groups (query);
  if (n_groups == 0)
    {
      g_string_append_c (where, '1');
      return TRUE;
    }

  fragments = g_ptr_array_new_with_free_func (fragment_free);
  country_codes = g_hash_table_new (g_str_hash, g_str_equal);
  used = g_new0 (gboolean, n_groups);

  for (guint i = 0; i < n_groups; i++)
    {
      const AccordsQueryTerm *term;

      if (accords_query_get_group_size (query, i) != 1)
        continue;

      term = accords_query_get_term (query, i, 0);
      if (term->field == ACCORDS_QUERY_FIELD_COUNTRY && !term->negated)
        g_hash_table_add (country_codes, term->value);
    }

  if ((fts = compile_fts (query, used)) != NULL)
    g_ptr_array_add (fragments, fts);

  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(GPtrArray) alternatives = NULL;
      guint size = accords_query_get_group_size (query, i);

      if (used[i])
        continue;

      alternatives = g_ptr_array_new_with_free_func (fragment_free);

      for (guint j = 0; j < size; j++)
        {
          const AccordsQueryTerm *term = accords_query_get_term (query, i, j);
          Fragment *fragment = compile_negatable_term (term, country_codes, error);

          if (fragment == NULL)
            return FALSE;

          g_ptr_array_add (alternatives, fragment);
        }

      if (alternatives->len == 1)
        g_ptr_array_add (fragments, g_ptr_array_steal_index (alternatives, 0));
      else
        g_ptr_array_add (fragments, join_fragments (alternatives, " OR "));
    }

  append_joined (where, params, fragments, 0, fragments->len, " AND ");

  return TRUE;
}

/* Sort orders: fixed SQL, one per key and direction; ties go by r.id. */
static const struct {
  const char *ascending;
  const char *descending;
} sort_orders[] = {
  [ACCORDS_SORT_DATE] = {
    "r.event_date ASC, r.id ASC",
    "r.event_date DESC, r.id DESC",
  },
  [ACCORDS_SORT_TITLE] = {
    "r.title COLLATE NOCASE ASC, r.id ASC",
    "r.title COLLATE NOCASE DESC, r.id DESC",
  },
  [ACCORDS_SORT_KIND] = {
    "r.kind ASC, r.event_date ASC, r.id ASC",
    "r.kind DESC, r.event_date DESC, r.id DESC",
  },
  [ACCORDS_SORT_PARTIES] = {
    "(SELECT c.code FROM record_country c WHERE c.record_id = r.id AND c.role = 'party'"
    " ORDER BY c.position LIMIT 1) ASC, r.event_date ASC, r.id ASC",
    "(SELECT c.code FROM record_country c WHERE c.record_id = r.id AND c.role = 'party'"
    " ORDER BY c.position LIMIT 1) DESC, r.event_date DESC, r.id DESC",
  },
  [ACCORDS_SORT_STARRED] = {
    "coalesce ((SELECT a.starred FROM annotation a WHERE a.record_id = r.id), 0) ASC,"
    " r.event_date ASC, r.id ASC",
    "coalesce ((SELECT a.starred FROM annotation a WHERE a.record_id = r.id), 0) DESC,"
    " r.event_date DESC, r.id DESC",
  },
};

const char *
_accords_store_sort_sql (AccordsSortKey key,
                         gboolean       descending)
{
  if ((guint) key >= G_N_ELEMENTS (sort_orders) || sort_orders[key].ascending == NULL)
    key = ACCORDS_SORT_DATE;

  return descending ? sort_orders[key].descending : sort_orders[key].ascending;
}

gboolean
_accords_store_bind_params (sqlite3_stmt  *stmt,
                            int            first,
                            GPtrArray     *params,
                            GError       **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (first >= 1, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);

  for (guint i = 0; i < params->len; i++)
    {
      GVariant *value = g_ptr_array_index (params, i);
      int index = first + (int) i;
      int rc;

      if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
        {
          rc = sqlite3_bind_text (stmt, index, g_variant_get_string (value, NULL), -1,
                                  SQLITE_TRANSIENT);
        }
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        {
          rc = sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (value));
        }
      else
        {
          g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_SQL,
                       "Cannot bind a parameter of type “%s”",
                       g_variant_get_type_string (value));
          return FALSE;
        }

      if (rc != SQLITE_OK)
        {
          _accords_store_set_error (error, sqlite3_db_handle (stmt), rc, "bind");
          return FALSE;
        }
    }

  return TRUE;
}
