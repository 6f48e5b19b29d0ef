/* accords-figure.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-figure"

#include "config.h"

#include <math.h>

#include "accords-figure.h"

struct _AccordsFigure
{
  GObject parent_instance;

  char *what;
  char *unit;
  char *text;
  double value;
  int year;
  guint has_value : 1;
  guint value_is_integer : 1;
};

G_DEFINE_FINAL_TYPE (AccordsFigure, accords_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHAT,
  PROP_HAS_VALUE,
  PROP_VALUE,
  PROP_VALUE_IS_INTEGER,
  PROP_UNIT,
  PROP_YEAR,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
accords_figure_finalize (GObject *object)
{
  AccordsFigure *self = (AccordsFigure *)object;

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (accords_figure_parent_class)->finalize (object);
}

static void
accords_figure_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsFigure *self = ACCORDS_FIGURE (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      g_value_set_string (value, self->what);
      break;

    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;

    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;

    case PROP_VALUE_IS_INTEGER:
      g_value_set_boolean (value, self->value_is_integer);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_figure_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsFigure *self = ACCORDS_FIGURE (object);

  switch (prop_id)
    {
    case PROP_WHAT:
      self->what = g_value_dup_string (value);
      break;

    case PROP_UNIT:
      accords_figure_set_unit (self, g_value_get_string (value));
      break;

    case PROP_YEAR:
      accords_figure_set_year (self, g_value_get_int (value));
      break;

    case PROP_TEXT:
      accords_figure_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_figure_class_init (AccordsFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_figure_finalize;
  object_class->get_property = accords_figure_get_property;
  object_class->set_property = accords_figure_set_property;

  properties[PROP_WHAT] =
    g_param_spec_string ("what", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  /* Set together with "value-is-integer" by accords_figure_set_value(). */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_VALUE_IS_INTEGER] =
    g_param_spec_boolean ("value-is-integer", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE |
                           G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_figure_init (AccordsFigure *self)
{
}

/**
 * accords_figure_new:
 * @what: what the number counts or measures, in words
 *
 * Returns: (transfer full): a new figure without a value
 */
AccordsFigure *
accords_figure_new (const char *what)
{
  g_return_val_if_fail (what != NULL, NULL);

  return g_object_new (ACCORDS_TYPE_FIGURE,
                       "what", what,
                       NULL);
}

/**
 * accords_figure_get_what:
 * @self: a figure
 *
 * Returns: (transfer none): what the number counts or measures
 */
const char *
accords_figure_get_what (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), NULL);

  return self->what;
}

/**
 * accords_figure_get_has_value:
 * @self: a figure
 *
 * Returns: %TRUE once a value has been set
 */
gboolean
accords_figure_get_has_value (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), FALSE);

  return self->has_value;
}

/**
 * accords_figure_get_value:
 * @self: a figure
 *
 * Returns: the value, 0 when there is none
 */
double
accords_figure_get_value (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), 0.0);

  return self->value;
}

/**
 * accords_figure_get_value_is_integer:
 * @self: a figure
 *
 * Returns: %TRUE if the value was given as an integer, so that it is
 *   written back as one
 */
gboolean
accords_figure_get_value_is_integer (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), FALSE);

  return self->value_is_integer;
}

/**
 * accords_figure_set_value:
 * @self: a figure
 * @value: the number
 * @is_integer: whether the number was given as an integer
 *
 * Sets the value. @is_integer is only honoured when @value has no
 * fractional part.
 */
void
accords_figure_set_value (AccordsFigure *self,
                          double         value,
                          gboolean       is_integer)
{
  gboolean had_value;
  gboolean was_integer;
  double old_value;

  g_return_if_fail (ACCORDS_IS_FIGURE (self));
  g_return_if_fail (isfinite (value));

  /* Only a whole number that a gint64 holds can be written as an integer. */
  is_integer = (is_integer &&
                value >= -9223372036854775808.0 &&
                value < 9223372036854775808.0 &&
                value == (double)(gint64)value);

  if (self->has_value && self->value == value && self->value_is_integer == is_integer)
    return;

  had_value = self->has_value;
  was_integer = self->value_is_integer;
  old_value = self->value;

  self->has_value = TRUE;
  self->value = value;
  self->value_is_integer = is_integer;

  g_object_freeze_notify (G_OBJECT (self));
  if (!had_value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VALUE]);
  if (old_value != value)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
  if (was_integer != is_integer)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_IS_INTEGER]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * accords_figure_get_unit:
 * @self: a figure
 *
 * Returns: (transfer none) (nullable): the unit, such as "USD" or "km"
 */
const char *
accords_figure_get_unit (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), NULL);

  return self->unit;
}

/**
 * accords_figure_set_unit:
 * @self: a figure
 * @unit: (nullable): the unit
 */
void
accords_figure_set_unit (AccordsFigure *self,
                         const char    *unit)
{
  g_return_if_fail (ACCORDS_IS_FIGURE (self));

  if (g_strcmp0 (self->unit, unit) == 0)
    return;

  g_free (self->unit);
  self->unit = g_strdup (unit);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * accords_figure_get_year:
 * @self: a figure
 *
 * Returns: the year the figure refers to, 0 when unknown
 */
int
accords_figure_get_year (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), 0);

  return self->year;
}

/**
 * accords_figure_set_year:
 * @self: a figure
 * @year: the year, or 0 when unknown
 */
void
accords_figure_set_year (AccordsFigure *self,
                         int            year)
{
  g_return_if_fail (ACCORDS_IS_FIGURE (self));
  g_return_if_fail (year >= 0);

  if (self->year == year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * accords_figure_get_text:
 * @self: a figure
 *
 * Returns: (transfer none) (nullable): the words the report uses for it
 */
const char *
accords_figure_get_text (AccordsFigure *self)
{
  g_return_val_if_fail (ACCORDS_IS_FIGURE (self), NULL);

  return self->text;
}

/**
 * accords_figure_set_text:
 * @self: a figure
 * @text: (nullable): the words of the report
 */
void
accords_figure_set_text (AccordsFigure *self,
                         const char    *text)
{
  g_return_if_fail (ACCORDS_IS_FIGURE (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
