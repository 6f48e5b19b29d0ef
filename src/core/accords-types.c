/* accords-types.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-types"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "accords-enums.h"
#include "accords-types.h"

/* The ids are the nicks of the enum values, so the GEnum types that
 * glib-mkenums generates from accords-types.h are the one table of them. */

static const char *
enum_to_string (GType type,
                int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  /* Enum classes are static types: the class outlives this reference. */
  g_type_class_unref (klass);

  return enum_value != NULL ? enum_value->value_nick : NULL;
}

static gboolean
enum_from_string (GType       type,
                  const char *id,
                  int        *value)
{
  GEnumClass *klass;
  GEnumValue *enum_value;

  if (id == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  enum_value = g_enum_get_value_by_nick (klass, id);
  g_type_class_unref (klass);

  if (enum_value == NULL)
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;

  return TRUE;
}

/**
 * accords_kind_to_string:
 * @kind: a kind
 *
 * Returns: (transfer none): the id of @kind, such as "mou_signed"
 */
const char *
accords_kind_to_string (AccordsKind kind)
{
  const char *id = enum_to_string (ACCORDS_TYPE_KIND, kind);

  g_return_val_if_fail (id != NULL, NULL);

  return id;
}

/**
 * accords_kind_from_string:
 * @id: (nullable): an id such as "meeting"
 * @kind: (out) (optional): where to store the kind
 *
 * Returns: %TRUE if @id names a kind; %FALSE (and @kind untouched) if not
 */
gboolean
accords_kind_from_string (const char  *id,
                          AccordsKind *kind)
{
  int value;

  if (!enum_from_string (ACCORDS_TYPE_KIND, id, &value))
    return FALSE;

  if (kind != NULL)
    *kind = value;

  return TRUE;
}

/**
 * accords_kind_get_label:
 * @kind: a kind
 *
 * Returns: (transfer none): the translated name of @kind for display
 */
const char *
accords_kind_get_label (AccordsKind kind)
{
  static const char * const labels[] = {
    [ACCORDS_KIND_MOU_SIGNED] = N_("Memorandum signed"),
    [ACCORDS_KIND_AGREEMENT_SIGNED] = N_("Agreement signed"),
    [ACCORDS_KIND_MEETING] = N_("Meeting"),
    [ACCORDS_KIND_VISIT] = N_("Visit"),
    /* Translators: a kind of event: a declaration made by a government */
    [ACCORDS_KIND_STATEMENT] = N_("Statement"),
    /* Translators: a kind of event: an opinion piece or commentary */
    [ACCORDS_KIND_OPINION] = N_("Opinion"),
    [ACCORDS_KIND_ANNOUNCEMENT] = N_("Announcement"),
  };

  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (labels), NULL);

  return g_dgettext (GETTEXT_PACKAGE, labels[kind]);
}

/**
 * accords_date_precision_to_string:
 * @precision: a date precision
 *
 * Returns: (transfer none): the id of @precision: "day", "month" or "year"
 */
const char *
accords_date_precision_to_string (AccordsDatePrecision precision)
{
  const char *id = enum_to_string (ACCORDS_TYPE_DATE_PRECISION, precision);

  g_return_val_if_fail (id != NULL, NULL);

  return id;
}

/**
 * accords_date_precision_from_string:
 * @id: (nullable): an id
 * @precision: (out) (optional): where to store the precision
 *
 * Returns: %TRUE if @id names a date precision
 */
gboolean
accords_date_precision_from_string (const char           *id,
                                    AccordsDatePrecision *precision)
{
  int value;

  if (!enum_from_string (ACCORDS_TYPE_DATE_PRECISION, id, &value))
    return FALSE;

  if (precision != NULL)
    *precision = value;

  return TRUE;
}

/**
 * accords_date_qualifier_to_string:
 * @qualifier: a date qualifier
 *
 * Returns: (transfer none): the id of @qualifier, such as "about"
 */
const char *
accords_date_qualifier_to_string (AccordsDateQualifier qualifier)
{
  const char *id = enum_to_string (ACCORDS_TYPE_DATE_QUALIFIER, qualifier);

  g_return_val_if_fail (id != NULL, NULL);

  return id;
}

/**
 * accords_date_qualifier_from_string:
 * @id: (nullable): an id
 * @qualifier: (out) (optional): where to store the qualifier
 *
 * Returns: %TRUE if @id names a date qualifier
 */
gboolean
accords_date_qualifier_from_string (const char           *id,
                                    AccordsDateQualifier *qualifier)
{
  int value;

  if (!enum_from_string (ACCORDS_TYPE_DATE_QUALIFIER, id, &value))
    return FALSE;

  if (qualifier != NULL)
    *qualifier = value;

  return TRUE;
}

/**
 * accords_review_to_string:
 * @review: a review state
 *
 * Returns: (transfer none): the id of @review, such as "verified"
 */
const char *
accords_review_to_string (AccordsReview review)
{
  const char *id = enum_to_string (ACCORDS_TYPE_REVIEW, review);

  g_return_val_if_fail (id != NULL, NULL);

  return id;
}

/**
 * accords_review_from_string:
 * @id: (nullable): an id
 * @review: (out) (optional): where to store the review state
 *
 * Returns: %TRUE if @id names a review state
 */
gboolean
accords_review_from_string (const char    *id,
                            AccordsReview *review)
{
  int value;

  if (!enum_from_string (ACCORDS_TYPE_REVIEW, id, &value))
    return FALSE;

  if (review != NULL)
    *review = value;

  return TRUE;
}

/**
 * accords_origin_to_string:
 * @origin: an origin
 *
 * Returns: (transfer none): the id of @origin, such as "import"
 */
const char *
accords_origin_to_string (AccordsOrigin origin)
{
  const char *id = enum_to_string (ACCORDS_TYPE_ORIGIN, origin);

  g_return_val_if_fail (id != NULL, NULL);

  return id;
}

/**
 * accords_origin_from_string:
 * @id: (nullable): an id
 * @origin: (out) (optional): where to store the origin
 *
 * Returns: %TRUE if @id names an origin
 */
gboolean
accords_origin_from_string (const char    *id,
                            AccordsOrigin *origin)
{
  int value;

  if (!enum_from_string (ACCORDS_TYPE_ORIGIN, id, &value))
    return FALSE;

  if (origin != NULL)
    *origin = value;

  return TRUE;
}

/**
 * accords_link_type_is_valid:
 * @type: (nullable): a link type id
 *
 * Returns: %TRUE if @type is one of the link types between records:
 *   same_trip, follow_up_of, implements, renews or part_of
 */
gboolean
accords_link_type_is_valid (const char *type)
{
  static const char * const types[] = {
    "same_trip", "follow_up_of", "implements", "renews", "part_of",
  };

  if (type == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      if (strcmp (type, types[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Generated by glib-compile-resources --manual-register: a static
 * library's constructor would be dropped by the linker. */
extern void accords_core_register_resource (void);

void
_accords_core_ensure_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      accords_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

/**
 * _accords_enum_from_nick:
 * @enum_type: an enum type of this library
 * @nick: the id read from a file
 * @value: (out): its value, when known
 * @known: (out) (optional): otherwise the ids that are, e.g. "day, month, year"
 *
 * Returns: whether @nick is an id of @enum_type
 */
gboolean
_accords_enum_from_nick (GType        enum_type,
                         const char  *nick,
                         int         *value,
                         char       **known)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, nick);
  GString *ids;

  if (enum_value != NULL)
    {
      *value = enum_value->value;
      return TRUE;
    }

  if (known != NULL)
    {
      ids = g_string_new (NULL);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);
      *known = g_string_free (ids, FALSE);
    }

  return FALSE;
}

/* TRUE for a calendar date written YYYY-MM-DD that exists. */
gboolean
_accords_is_iso_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy (day, month, year);
}

/* TRUE for text shaped like a topic id: lower-case ASCII, digits, "_". */
gboolean
_accords_is_topic_id (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '_')
      return FALSE;

  return TRUE;
}

/**
 * _accords_date_scan:
 * @text: (nullable): text starting with a date written YYYY-MM-DD (the
 *   month and day may have one digit)
 * @date: (out): the date
 *
 * Returns: how many bytes of @text the date took, or 0 when @text does
 *   not start with a date that exists
 */
gsize
_accords_date_scan (const char *text,
                    GDate      *date)
{
  guint year, month, day;
  int used = 0;

  g_date_clear (date, 1);

  if (text == NULL || sscanf (text, "%4u-%2u-%2u%n", &year, &month, &day, &used) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_set_dmy (date, day, month, year);

  return used;
}

/* @date written YYYY-MM-DD, as the library stores dates. */
char *
_accords_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
