/* accords-tag.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_TAG (accords_tag_get_type ())
G_DECLARE_FINAL_TYPE (AccordsTag, accords_tag, ACCORDS, TAG, GObject)

/* A user tag as the library holds it: properties "name", "color" (a CSS
 * colour such as "#3584e4") and "n-records" (how many records carry it). */

AccordsTag *accords_tag_new             (const char *name,
                                         const char *color,
                                         guint       n_records);
const char *accords_tag_get_name        (AccordsTag *self);
const char *accords_tag_get_color       (AccordsTag *self);
guint       accords_tag_get_n_records   (AccordsTag *self);

/**
 * AccordsChange:
 * @what: what changed: "note", "starred", "review" or "tags"
 * @old_value: (nullable): the value before, as text
 * @new_value: (nullable): the value after, as text
 * @changed: when, ISO 8601 in UTC
 *
 * One entry of a record's history.
 */
typedef struct
{
  char *what;
  char *old_value;
  char *new_value;
  char *changed;
} AccordsChange;

#define ACCORDS_TYPE_CHANGE (accords_change_get_type ())

GType          accords_change_get_type (void) G_GNUC_CONST;
AccordsChange *accords_change_copy     (const AccordsChange *change);
void           accords_change_free     (AccordsChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsChange, accords_change_free)

G_END_DECLS
