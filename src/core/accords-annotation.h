/* accords-annotation.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_ANNOTATION (accords_annotation_get_type ())
G_DECLARE_FINAL_TYPE (AccordsAnnotation, accords_annotation, ACCORDS, ANNOTATION, GObject)

/* The user's work on a record. Properties: "note" (CommonMark text, ""
 * when none), "starred", "review" (AccordsReview), "tags" (GStrv, never
 * NULL) and "modified" (ISO time). */

AccordsAnnotation  *accords_annotation_new          (void);
const char         *accords_annotation_get_note     (AccordsAnnotation  *self);
void                accords_annotation_set_note     (AccordsAnnotation  *self,
                                                     const char         *note);
gboolean            accords_annotation_get_starred  (AccordsAnnotation  *self);
void                accords_annotation_set_starred  (AccordsAnnotation  *self,
                                                     gboolean            starred);
AccordsReview       accords_annotation_get_review   (AccordsAnnotation  *self);
void                accords_annotation_set_review   (AccordsAnnotation  *self,
                                                     AccordsReview       review);
const char * const *accords_annotation_get_tags     (AccordsAnnotation  *self);
void                accords_annotation_set_tags     (AccordsAnnotation  *self,
                                                     const char * const *tags);
const char         *accords_annotation_get_modified (AccordsAnnotation  *self);
void                accords_annotation_set_modified (AccordsAnnotation  *self,
                                                     const char         *modified);
/* TRUE when there is nothing in it: no note, not starred, unreviewed, no tags. */
gboolean            accords_annotation_is_empty     (AccordsAnnotation  *self);

G_END_DECLS
