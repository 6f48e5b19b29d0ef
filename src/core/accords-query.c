/* accords-query.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-query"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-query-private.h"

G_DEFINE_FINAL_TYPE (AccordsQuery, accords_query, G_TYPE_OBJECT)

G_DEFINE_QUARK (accords-query-error-quark, accords_query_error)

/* Terms */

AccordsQueryTerm *
_accords_query_term_new (AccordsQueryField  field,
                         char              *value,
                         gboolean           negated)
{
  AccordsQueryTerm *term = g_new0 (AccordsQueryTerm, 1);

  term->field = field;
  term->value = value;
  term->negated = !!negated;

  return term;
}

static void
term_free (gpointer data)
{
  AccordsQueryTerm *term = data;

  g_free (term->value);
  g_free (term);
}

static gpointer
term_copy (gconstpointer src,
           gpointer      user_data G_GNUC_UNUSED)
{
  const AccordsQueryTerm *term = src;

  return _accords_query_term_new (term->field, g_strdup (term->value), term->negated);
}

static gboolean
term_equal (const AccordsQueryTerm *a,
            const AccordsQueryTerm *b)
{
  if (a->field != b->field || a->negated != b->negated)
    return FALSE;

  /* Tags are case-insensitive, like the tag table. */
  if (a->field == ACCORDS_QUERY_FIELD_TAG)
    {
      g_autofree char *fa = g_utf8_casefold (a->value, -1);
      g_autofree char *fb = g_utf8_casefold (b->value, -1);

      return g_str_equal (fa, fb);
    }

  return g_str_equal (a->value, b->value);
}

GPtrArray *
_accords_query_group_new (void)
{
  return g_ptr_array_new_with_free_func (term_free);
}

/* GObject */

static void
accords_query_finalize (GObject *object)
{
  AccordsQuery *self = (AccordsQuery *)object;

  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (accords_query_parent_class)->finalize (object);
}

static void
accords_query_class_init (AccordsQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_query_finalize;
}

static void
accords_query_init (AccordsQuery *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->sort_key = ACCORDS_SORT_DATE;
  self->sort_descending = TRUE;
}

/* Public API */

/**
 * accords_query_new:
 *
 * Returns: (transfer full): an empty query, sorted by date, newest first
 */
AccordsQuery *
accords_query_new (void)
{
  return g_object_new (ACCORDS_TYPE_QUERY, NULL);
}

/**
 * accords_query_copy:
 * @self: a query
 *
 * Returns: (transfer full): a new query equal to @self, sharing nothing
 */
AccordsQuery *
accords_query_copy (AccordsQuery *self)
{
  AccordsQuery *copy;

  g_return_val_if_fail (ACCORDS_IS_QUERY (self), NULL);

  copy = accords_query_new ();
  copy->sort_key = self->sort_key;
  copy->sort_descending = self->sort_descending;

  for (guint i = 0; i < self->groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (self->groups, i);
      GPtrArray *group_copy = g_ptr_array_copy (group, term_copy, NULL);

      g_ptr_array_set_free_func (group_copy, term_free);
      g_ptr_array_add (copy->groups, group_copy);
    }

  return copy;
}

/**
 * accords_query_equal:
 * @a: a query
 * @b: another query
 *
 * Compares the terms, in order, and the sort. Tags compare without regard
 * to case.
 *
 * Returns: whether @a and @b are the same query
 */
gboolean
accords_query_equal (AccordsQuery *a,
                     AccordsQuery *b)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (a), FALSE);
  g_return_val_if_fail (ACCORDS_IS_QUERY (b), FALSE);

  if (a == b)
    return TRUE;

  if (a->sort_key != b->sort_key ||
      a->sort_descending != b->sort_descending ||
      a->groups->len != b->groups->len)
    return FALSE;

  for (guint i = 0; i < a->groups->len; i++)
    {
      GPtrArray *group_a = g_ptr_array_index (a->groups, i);
      GPtrArray *group_b = g_ptr_array_index (b->groups, i);

      if (group_a->len != group_b->len)
        return FALSE;

      for (guint j = 0; j < group_a->len; j++)
        {
          if (!term_equal (g_ptr_array_index (group_a, j), g_ptr_array_index (group_b, j)))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * accords_query_is_empty:
 * @self: a query
 *
 * Returns: whether @self has no terms (it then matches every record)
 */
gboolean
accords_query_is_empty (AccordsQuery *self)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), TRUE);

  return self->groups->len == 0;
}

/**
 * accords_query_get_n_groups:
 * @self: a query
 *
 * Returns: the number of groups; a record must match every group
 */
guint
accords_query_get_n_groups (AccordsQuery *self)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), 0);

  return self->groups->len;
}

/**
 * accords_query_get_group_size:
 * @self: a query
 * @group: a group index
 *
 * Returns: the number of terms in @group; a record must match one of them
 */
guint
accords_query_get_group_size (AccordsQuery *self,
                              guint         group)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), 0);
  g_return_val_if_fail (group < self->groups->len, 0);

  return ((GPtrArray *) g_ptr_array_index (self->groups, group))->len;
}

/**
 * accords_query_get_term:
 * @self: a query
 * @group: a group index
 * @position: a term index in @group
 *
 * Returns: (transfer none): the term, valid until @self changes
 */
const AccordsQueryTerm *
accords_query_get_term (AccordsQuery *self,
                        guint         group,
                        guint         position)
{
  GPtrArray *terms;

  g_return_val_if_fail (ACCORDS_IS_QUERY (self), NULL);
  g_return_val_if_fail (group < self->groups->len, NULL);

  terms = g_ptr_array_index (self->groups, group);
  g_return_val_if_fail (position < terms->len, NULL);

  return g_ptr_array_index (terms, position);
}

/**
 * accords_query_add_term:
 * @self: a query
 * @field: what the term constrains
 * @value: its value, as a user would type it (a country may be a name)
 * @negated: whether records matching the term are left out
 * @error: return location for an error in %ACCORDS_QUERY_ERROR
 *
 * Appends a term as a group of its own. @value is checked and normalised
 * as by accords_query_parse(); a phrase without white space becomes a
 * word.
 *
 * Returns: %TRUE if the term was added
 */
gboolean
accords_query_add_term (AccordsQuery       *self,
                        AccordsQueryField   field,
                        const char         *value,
                        gboolean            negated,
                        GError            **error)
{
  g_autofree char *normalized = NULL;
  GPtrArray *group;

  g_return_val_if_fail (ACCORDS_IS_QUERY (self), FALSE);
  g_return_val_if_fail (field <= ACCORDS_QUERY_FIELD_HAS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_SYNTAX,
                   _("The text contains bytes that are not UTF-8"));
      return FALSE;
    }

  if ((normalized = _accords_query_normalize_value (&field, value, error)) == NULL)
    return FALSE;

  group = _accords_query_group_new ();
  g_ptr_array_add (group, _accords_query_term_new (field, g_steal_pointer (&normalized), negated));
  g_ptr_array_add (self->groups, group);

  return TRUE;
}

/* The index of the first group that is just the term @field:@value,
 * not negated, or -1. */
static int
find_single_term (AccordsQuery      *self,
                  AccordsQueryField  field,
                  const char        *value)
{
  g_autofree char *normalized = NULL;
  AccordsQueryTerm wanted;

  if (!g_utf8_validate (value, -1, NULL) ||
      (normalized = _accords_query_normalize_value (&field, value, NULL)) == NULL)
    return -1;

  wanted.field = field;
  wanted.value = normalized;
  wanted.negated = FALSE;

  for (guint i = 0; i < self->groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (self->groups, i);

      if (group->len == 1 && term_equal (g_ptr_array_index (group, 0), &wanted))
        return i;
    }

  return -1;
}

/**
 * accords_query_has_term:
 * @self: a query
 * @field: what the term constrains
 * @value: its value, normalised as by accords_query_add_term()
 *
 * Returns: whether @self has a group made of just that term, not negated
 */
gboolean
accords_query_has_term (AccordsQuery      *self,
                        AccordsQueryField  field,
                        const char        *value)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return find_single_term (self, field, value) >= 0;
}

/**
 * accords_query_remove_term:
 * @self: a query
 * @field: what the term constrains
 * @value: its value, normalised as by accords_query_add_term()
 *
 * Removes every group made of just that term, not negated.
 *
 * Returns: whether something was removed
 */
gboolean
accords_query_remove_term (AccordsQuery      *self,
                           AccordsQueryField  field,
                           const char        *value)
{
  gboolean removed = FALSE;
  int index;

  g_return_val_if_fail (ACCORDS_IS_QUERY (self), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  while ((index = find_single_term (self, field, value)) >= 0)
    {
      g_ptr_array_remove_index (self->groups, index);
      removed = TRUE;
    }

  return removed;
}

AccordsSortKey
accords_query_get_sort_key (AccordsQuery *self)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), ACCORDS_SORT_DATE);

  return self->sort_key;
}

gboolean
accords_query_get_sort_descending (AccordsQuery *self)
{
  g_return_val_if_fail (ACCORDS_IS_QUERY (self), TRUE);

  return self->sort_descending;
}

/**
 * accords_query_set_sort:
 * @self: a query
 * @key: the column to sort by
 * @descending: whether the largest (newest) come first
 *
 * Sets the order of the matching records. The sort is part of
 * accords_query_equal() but not of the text.
 */
void
accords_query_set_sort (AccordsQuery   *self,
                        AccordsSortKey  key,
                        gboolean        descending)
{
  g_return_if_fail (ACCORDS_IS_QUERY (self));
  g_return_if_fail (key <= ACCORDS_SORT_STARRED);

  self->sort_key = key;
  self->sort_descending = !!descending;
}
