/* accords-json-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "accords-json.h"

G_BEGIN_DECLS

/* Where a record breaks the schema. */
typedef struct
{
  JsonNode *node;    /* the value at fault, borrowed; NULL when it is missing */
  char *field;       /* its path inside the record, such as "people[1].country" */
  char *message;     /* what is wrong with it */
} Problem;

void           _accords_json_problem_clear    (Problem    *problem);

/* The kind of value @node holds; a missing member (NULL) counts as null. */
gboolean       _accords_json_is_null          (JsonNode   *node);
gboolean       _accords_json_is_string        (JsonNode   *node);
gboolean       _accords_json_is_integer       (JsonNode   *node);

/* What a value is, for messages such as "expected a string but found a number". */
const char    *_accords_json_describe_node    (JsonNode   *node);

/* Sets @problem to "expected @expected but found …" and returns FALSE. */
gboolean       _accords_json_fail_type        (Problem    *problem,
                                               JsonNode   *node,
                                               const char *field,
                                               const char *expected);

/* Turns one element of "records" into a record, or says what is wrong in
 * @problem and returns NULL. */
AccordsRecord *_accords_json_record_from_node (Problem    *problem,
                                               JsonNode   *node);

G_END_DECLS
