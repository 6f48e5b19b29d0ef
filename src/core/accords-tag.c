/* accords-tag.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-tag"

#include "config.h"

#include "accords-tag.h"

struct _AccordsTag
{
  GObject  parent_instance;

  char    *name;
  char    *color;
  guint    n_records;
};

G_DEFINE_FINAL_TYPE (AccordsTag, accords_tag, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (AccordsChange, accords_change, accords_change_copy, accords_change_free)

enum {
  PROP_0,
  PROP_NAME,
  PROP_COLOR,
  PROP_N_RECORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_tag_finalize (GObject *object)
{
  AccordsTag *self = (AccordsTag *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (accords_tag_parent_class)->finalize (object);
}

static void
accords_tag_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AccordsTag *self = ACCORDS_TAG (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_N_RECORDS:
      g_value_set_uint (value, self->n_records);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_tag_class_init (AccordsTagClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_tag_finalize;
  object_class->get_property = accords_tag_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_RECORDS] =
    g_param_spec_uint ("n-records", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_tag_init (AccordsTag *self)
{
}

/**
 * accords_tag_new:
 *
 * Returns: (transfer full): a tag as the store lists it
 */
AccordsTag *
accords_tag_new (const char *name,
                 const char *color,
                 guint       n_records)
{
  AccordsTag *self;

  g_return_val_if_fail (name != NULL, NULL);

  self = g_object_new (ACCORDS_TYPE_TAG, NULL);
  self->name = g_strdup (name);
  self->color = g_strdup (color);
  self->n_records = n_records;

  return self;
}

const char *
accords_tag_get_name (AccordsTag *self)
{
  g_return_val_if_fail (ACCORDS_IS_TAG (self), NULL);

  return self->name;
}

const char *
accords_tag_get_color (AccordsTag *self)
{
  g_return_val_if_fail (ACCORDS_IS_TAG (self), NULL);

  return self->color;
}

guint
accords_tag_get_n_records (AccordsTag *self)
{
  g_return_val_if_fail (ACCORDS_IS_TAG (self), 0);

  return self->n_records;
}

/**
 * accords_change_copy:
 *
 * Returns: (transfer full): a copy of @change
 */
AccordsChange *
accords_change_copy (const AccordsChange *change)
{
  AccordsChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_new0 (AccordsChange, 1);
  copy->what = g_strdup (change->what);
  copy->old_value = g_strdup (change->old_value);
  copy->new_value = g_strdup (change->new_value);
  copy->changed = g_strdup (change->changed);

  return copy;
}

void
accords_change_free (AccordsChange *change)
{
  if (change == NULL)
    return;

  g_free (change->what);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change->changed);
  g_free (change);
}
