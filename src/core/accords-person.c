/* accords-person.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-person"

#include "config.h"

#include "accords-person.h"

struct _AccordsPerson
{
  GObject parent_instance;

  char *name;
  char *role;
  char *country;
};

G_DEFINE_FINAL_TYPE (AccordsPerson, accords_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_COUNTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_person_finalize (GObject *object)
{
  AccordsPerson *self = (AccordsPerson *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (accords_person_parent_class)->finalize (object);
}

static void
accords_person_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsPerson *self = ACCORDS_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_person_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsPerson *self = ACCORDS_PERSON (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_ROLE:
      self->role = g_value_dup_string (value);
      break;

    case PROP_COUNTRY:
      self->country = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_person_class_init (AccordsPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_person_finalize;
  object_class->get_property = accords_person_get_property;
  object_class->set_property = accords_person_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_person_init (AccordsPerson *self)
{
}

/**
 * accords_person_new:
 * @name: the person's name as the report gives it
 * @role: (nullable): their title or function
 * @country: (nullable): the ISO 3166-1 alpha-2 code of the country they act for
 *
 * Returns: (transfer full): a new person
 */
AccordsPerson *
accords_person_new (const char *name,
                    const char *role,
                    const char *country)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (ACCORDS_TYPE_PERSON,
                       "name", name,
                       "role", role,
                       "country", country,
                       NULL);
}

/**
 * accords_person_get_name:
 * @self: a person
 *
 * Returns: (transfer none): the name
 */
const char *
accords_person_get_name (AccordsPerson *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON (self), NULL);

  return self->name;
}

/**
 * accords_person_get_role:
 * @self: a person
 *
 * Returns: (transfer none) (nullable): the title or function, if known
 */
const char *
accords_person_get_role (AccordsPerson *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON (self), NULL);

  return self->role;
}

/**
 * accords_person_get_country:
 * @self: a person
 *
 * Returns: (transfer none) (nullable): the alpha-2 code of the person's
 *   country, if known
 */
const char *
accords_person_get_country (AccordsPerson *self)
{
  g_return_val_if_fail (ACCORDS_IS_PERSON (self), NULL);

  return self->country;
}
