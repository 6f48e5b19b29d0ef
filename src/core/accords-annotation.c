/* accords-annotation.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-annotation"

#include "config.h"

#include <string.h>

#include "accords-annotation.h"
#include "accords-enums.h"

struct _AccordsAnnotation
{
  GObject parent_instance;

  char *note;
  char **tags;
  char *modified;
  AccordsReview review;
  guint starred : 1;
};

G_DEFINE_FINAL_TYPE (AccordsAnnotation, accords_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NOTE,
  PROP_STARRED,
  PROP_REVIEW,
  PROP_TAGS,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_annotation_finalize (GObject *object)
{
  AccordsAnnotation *self = (AccordsAnnotation *)object;

  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_pointer (&self->modified, g_free);

  G_OBJECT_CLASS (accords_annotation_parent_class)->finalize (object);
}

static void
accords_annotation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AccordsAnnotation *self = ACCORDS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, self->starred);
      break;

    case PROP_REVIEW:
      g_value_set_enum (value, self->review);
      break;

    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_annotation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AccordsAnnotation *self = ACCORDS_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_NOTE:
      accords_annotation_set_note (self, g_value_get_string (value));
      break;

    case PROP_STARRED:
      accords_annotation_set_starred (self, g_value_get_boolean (value));
      break;

    case PROP_REVIEW:
      accords_annotation_set_review (self, g_value_get_enum (value));
      break;

    case PROP_TAGS:
      accords_annotation_set_tags (self, g_value_get_boxed (value));
      break;

    case PROP_MODIFIED:
      accords_annotation_set_modified (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_annotation_class_init (AccordsAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_annotation_finalize;
  object_class->get_property = accords_annotation_get_property;
  object_class->set_property = accords_annotation_set_property;

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE |
                           G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW] =
    g_param_spec_enum ("review", NULL, NULL,
                       ACCORDS_TYPE_REVIEW,
                       ACCORDS_REVIEW_UNREVIEWED,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_annotation_init (AccordsAnnotation *self)
{
  self->note = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->review = ACCORDS_REVIEW_UNREVIEWED;
}

/**
 * accords_annotation_new:
 *
 * Returns: (transfer full): a new, empty annotation
 */
AccordsAnnotation *
accords_annotation_new (void)
{
  return g_object_new (ACCORDS_TYPE_ANNOTATION, NULL);
}

/**
 * accords_annotation_get_note:
 * @self: an annotation
 *
 * Returns: (transfer none): the note, in CommonMark; "" when there is none
 */
const char *
accords_annotation_get_note (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), NULL);

  return self->note;
}

/**
 * accords_annotation_set_note:
 * @self: an annotation
 * @note: (nullable): the note; %NULL is the same as ""
 */
void
accords_annotation_set_note (AccordsAnnotation *self,
                             const char        *note)
{
  g_return_if_fail (ACCORDS_IS_ANNOTATION (self));

  if (note == NULL)
    note = "";

  if (strcmp (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * accords_annotation_get_starred:
 * @self: an annotation
 *
 * Returns: %TRUE if the user starred the record
 */
gboolean
accords_annotation_get_starred (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), FALSE);

  return self->starred;
}

/**
 * accords_annotation_set_starred:
 * @self: an annotation
 * @starred: whether the record is starred
 */
void
accords_annotation_set_starred (AccordsAnnotation *self,
                                gboolean           starred)
{
  g_return_if_fail (ACCORDS_IS_ANNOTATION (self));

  starred = !!starred;

  if (self->starred == starred)
    return;

  self->starred = starred;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

/**
 * accords_annotation_get_review:
 * @self: an annotation
 *
 * Returns: where the user's review of the record stands
 */
AccordsReview
accords_annotation_get_review (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), ACCORDS_REVIEW_UNREVIEWED);

  return self->review;
}

/**
 * accords_annotation_set_review:
 * @self: an annotation
 * @review: the review state
 */
void
accords_annotation_set_review (AccordsAnnotation *self,
                               AccordsReview      review)
{
  g_return_if_fail (ACCORDS_IS_ANNOTATION (self));
  g_return_if_fail ((guint) review <= ACCORDS_REVIEW_DISPUTED);

  if (self->review == review)
    return;

  self->review = review;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW]);
}

/**
 * accords_annotation_get_tags:
 * @self: an annotation
 *
 * Returns: (transfer none) (array zero-terminated=1): the tag names, in
 *   order; never %NULL
 */
const char * const *
accords_annotation_get_tags (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), NULL);

  return (const char * const *)self->tags;
}

/**
 * accords_annotation_set_tags:
 * @self: an annotation
 * @tags: (nullable) (array zero-terminated=1): the tag names; %NULL is
 *   the same as an empty list
 */
void
accords_annotation_set_tags (AccordsAnnotation  *self,
                             const char * const *tags)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (ACCORDS_IS_ANNOTATION (self));

  if (tags == NULL)
    tags = empty;

  if (g_strv_equal ((const char * const *)self->tags, tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_strdupv ((char **)tags);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

/**
 * accords_annotation_get_modified:
 * @self: an annotation
 *
 * Returns: (transfer none) (nullable): when the annotation last changed,
 *   ISO 8601 in UTC
 */
const char *
accords_annotation_get_modified (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), NULL);

  return self->modified;
}

/**
 * accords_annotation_set_modified:
 * @self: an annotation
 * @modified: (nullable): an ISO 8601 time
 */
void
accords_annotation_set_modified (AccordsAnnotation *self,
                                 const char        *modified)
{
  g_return_if_fail (ACCORDS_IS_ANNOTATION (self));

  if (g_strcmp0 (self->modified, modified) == 0)
    return;

  g_free (self->modified);
  self->modified = g_strdup (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * accords_annotation_is_empty:
 * @self: an annotation
 *
 * The time of the last change does not count: an annotation whose note
 * was written and then erased again is empty.
 *
 * Returns: %TRUE when there is no note, no star, no tag and no review
 */
gboolean
accords_annotation_is_empty (AccordsAnnotation *self)
{
  g_return_val_if_fail (ACCORDS_IS_ANNOTATION (self), TRUE);

  return (self->note[0] == '\0' &&
          !self->starred &&
          self->review == ACCORDS_REVIEW_UNREVIEWED &&
          self->tags[0] == NULL);
}
