/* accords-query.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_QUERY_ERROR (accords_query_error_quark ())

typedef enum
{
  ACCORDS_QUERY_ERROR_SYNTAX,           /* unbalanced quote, dangling OR or '-', empty operator value */
  ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR, /* foo:bar with an operator we do not know */
  ACCORDS_QUERY_ERROR_INVALID_VALUE,    /* unknown country, topic, kind, bad date, ... */
} AccordsQueryError;

/**
 * AccordsQueryField:
 *
 * What one term of a query constrains. The search syntax names them
 * `country:`, `with:`, `topic:` … (see DESIGN.md, "Search syntax").
 */
typedef enum
{
  ACCORDS_QUERY_FIELD_TEXT,    /* a free word; a trailing '*' makes it a prefix */
  ACCORDS_QUERY_FIELD_PHRASE,  /* "exact phrase" */
  ACCORDS_QUERY_FIELD_COUNTRY, /* country:RS — the country is a party */
  ACCORDS_QUERY_FIELD_WITH,    /* with:IR — the other party of a dyad */
  ACCORDS_QUERY_FIELD_TOPIC,   /* topic:cloud */
  ACCORDS_QUERY_FIELD_KIND,    /* kind:mou_signed */
  ACCORDS_QUERY_FIELD_AFTER,   /* after:2024-01 — on or after the first day of that period */
  ACCORDS_QUERY_FIELD_BEFORE,  /* before:2025-03-01 — strictly before the first day of that period */
  ACCORDS_QUERY_FIELD_YEAR,    /* year:2025 */
  ACCORDS_QUERY_FIELD_TAG,     /* tag:follow-up */
  ACCORDS_QUERY_FIELD_IS,      /* is:starred, is:unreviewed, is:verified, is:disputed */
  ACCORDS_QUERY_FIELD_HAS,     /* has:note */
} AccordsQueryField;

/**
 * AccordsQueryTerm:
 * @field: what the term constrains
 * @value: the normalised value: alpha-2 codes in upper case, topic and kind
 *   ids, ISO dates as typed (YYYY, YYYY-MM or YYYY-MM-DD), the word or phrase
 * @negated: the term was written with a leading '-'
 *
 * One term. A query is an AND of groups; a group is an OR of terms.
 */
typedef struct
{
  AccordsQueryField  field;
  char              *value;
  gboolean           negated;
} AccordsQueryTerm;

#define ACCORDS_TYPE_QUERY (accords_query_get_type ())
G_DECLARE_FINAL_TYPE (AccordsQuery, accords_query, ACCORDS, QUERY, GObject)

GQuark                  accords_query_error_quark        (void);

AccordsQuery           *accords_query_new                (void);
AccordsQuery           *accords_query_parse              (const char        *text,
                                                          gsize             *error_start,
                                                          gsize             *error_end,
                                                          GError           **error);
AccordsQuery           *accords_query_copy               (AccordsQuery      *self);
char                   *accords_query_to_string          (AccordsQuery      *self);
gboolean                accords_query_equal              (AccordsQuery      *a,
                                                          AccordsQuery      *b);
gboolean                accords_query_is_empty           (AccordsQuery      *self);

guint                   accords_query_get_n_groups       (AccordsQuery      *self);
guint                   accords_query_get_group_size     (AccordsQuery      *self,
                                                          guint              group);
const AccordsQueryTerm *accords_query_get_term           (AccordsQuery      *self,
                                                          guint              group,
                                                          guint              position);

gboolean                accords_query_add_term           (AccordsQuery      *self,
                                                          AccordsQueryField  field,
                                                          const char        *value,
                                                          gboolean           negated,
                                                          GError           **error);
gboolean                accords_query_has_term           (AccordsQuery      *self,
                                                          AccordsQueryField  field,
                                                          const char        *value);
gboolean                accords_query_remove_term        (AccordsQuery      *self,
                                                          AccordsQueryField  field,
                                                          const char        *value);

AccordsSortKey          accords_query_get_sort_key       (AccordsQuery      *self);
gboolean                accords_query_get_sort_descending (AccordsQuery     *self);
void                    accords_query_set_sort           (AccordsQuery      *self,
                                                          AccordsSortKey     key,
                                                          gboolean           descending);

G_END_DECLS
