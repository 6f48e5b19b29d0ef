/* accords-query-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-query.h"

G_BEGIN_DECLS

/* Invariants of a parsed or built query, which to_string() relies on:
 * a TEXT value has no white space, ends in at most one '*' (then it is a
 * prefix) and has a non-empty stem; a PHRASE value has single spaces
 * between at least two words; every other value is normalised (see
 * _accords_query_normalize_value()). */

struct _AccordsQuery
{
  GObject         parent_instance;

  GPtrArray      *groups; /* of GPtrArray of AccordsQueryTerm; ANDed */
  AccordsSortKey  sort_key;
  gboolean        sort_descending;
};

/* A term; takes @value. */
AccordsQueryTerm *_accords_query_term_new          (AccordsQueryField   field,
                                                    char               *value,
                                                    gboolean            negated);

/* An empty group, which owns the terms added to it. */
GPtrArray        *_accords_query_group_new         (void);

/* Checks @value for @field and returns its canonical form; @field may turn
 * from a phrase into a word. */
char             *_accords_query_normalize_value   (AccordsQueryField  *field,
                                                    const char         *value,
                                                    GError            **error);

/* The name of the operator of @field ("country"), or NULL for words and
 * phrases. */
const char       *_accords_query_field_to_operator (AccordsQueryField   field);

/* Whether @text holds white space for the syntax. */
gboolean          _accords_query_has_space         (const char         *text);

/* The length of an operator name at the start of @text ("country" in
 * "country:RS"), or 0 when @text does not start with letters and a colon. */
gsize             _accords_query_operator_length   (const char         *text);

G_END_DECLS
