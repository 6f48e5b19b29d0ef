/* accords-source.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-source"

#include "config.h"

#include <string.h>

#include "accords-source.h"

struct _AccordsSource
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *outlet;
  char *url;
  char *published;
  char *language;
  char *file;
  char *text;
  char *sha256;
};

G_DEFINE_FINAL_TYPE (AccordsSource, accords_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_URL,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  PROP_FILE,
  PROP_TEXT,
  PROP_SHA256,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces *@field by a copy of @value and notifies @prop_id, unless they
 * are equal already. */
static void
set_string (AccordsSource *self,
            char         **field,
            const char    *value,
            guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
accords_source_finalize (GObject *object)
{
  AccordsSource *self = (AccordsSource *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->sha256, g_free);

  G_OBJECT_CLASS (accords_source_parent_class)->finalize (object);
}

static void
accords_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_source_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AccordsSource *self = ACCORDS_SOURCE (object);

  switch (prop_id)
    {
    case PROP_ID:
      accords_source_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      accords_source_set_title (self, g_value_get_string (value));
      break;

    case PROP_OUTLET:
      accords_source_set_outlet (self, g_value_get_string (value));
      break;

    case PROP_URL:
      accords_source_set_url (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      accords_source_set_published (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      accords_source_set_language (self, g_value_get_string (value));
      break;

    case PROP_FILE:
      accords_source_set_file (self, g_value_get_string (value));
      break;

    case PROP_TEXT:
      accords_source_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_source_class_init (AccordsSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_source_finalize;
  object_class->get_property = accords_source_get_property;
  object_class->set_property = accords_source_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_source_init (AccordsSource *self)
{
  self->text = g_strdup ("");
}

/**
 * accords_source_new:
 *
 * Returns: (transfer full): a new source without text
 */
AccordsSource *
accords_source_new (void)
{
  return g_object_new (ACCORDS_TYPE_SOURCE, NULL);
}

/**
 * accords_source_get_id:
 * @self: a source
 *
 * Returns: the row id in the store, 0 when the source is not stored
 */
gint64
accords_source_get_id (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), 0);

  return self->id;
}

/**
 * accords_source_set_id:
 * @self: a source
 * @id: the row id in the store
 *
 * Sets the row id; the store calls this when it saves the source.
 */
void
accords_source_set_id (AccordsSource *self,
                       gint64         id)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * accords_source_get_title:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): the headline of the report
 */
const char *
accords_source_get_title (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->title;
}

/**
 * accords_source_set_title:
 * @self: a source
 * @title: (nullable): the headline
 */
void
accords_source_set_title (AccordsSource *self,
                          const char    *title)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->title, title, PROP_TITLE);
}

/**
 * accords_source_get_outlet:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): who published the report
 */
const char *
accords_source_get_outlet (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->outlet;
}

/**
 * accords_source_set_outlet:
 * @self: a source
 * @outlet: (nullable): the publisher
 */
void
accords_source_set_outlet (AccordsSource *self,
                           const char    *outlet)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->outlet, outlet, PROP_OUTLET);
}

/**
 * accords_source_get_url:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): where the report was found
 */
const char *
accords_source_get_url (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->url;
}

/**
 * accords_source_set_url:
 * @self: a source
 * @url: (nullable): the address of the report
 */
void
accords_source_set_url (AccordsSource *self,
                        const char    *url)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->url, url, PROP_URL);
}

/**
 * accords_source_get_published:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): the publication date, YYYY-MM-DD
 */
const char *
accords_source_get_published (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->published;
}

/**
 * accords_source_set_published:
 * @self: a source
 * @published: (nullable): the publication date, YYYY-MM-DD
 */
void
accords_source_set_published (AccordsSource *self,
                              const char    *published)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->published, published, PROP_PUBLISHED);
}

/**
 * accords_source_get_language:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): the ISO 639-1 code of the report's
 *   language
 */
const char *
accords_source_get_language (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->language;
}

/**
 * accords_source_set_language:
 * @self: a source
 * @language: (nullable): an ISO 639-1 code
 */
void
accords_source_set_language (AccordsSource *self,
                             const char    *language)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->language, language, PROP_LANGUAGE);
}

/**
 * accords_source_get_file:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): the base name of the file the
 *   report was imported from
 */
const char *
accords_source_get_file (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->file;
}

/**
 * accords_source_set_file:
 * @self: a source
 * @file: (nullable): a base name
 */
void
accords_source_set_file (AccordsSource *self,
                         const char    *file)
{
  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  set_string (self, &self->file, file, PROP_FILE);
}

/**
 * accords_source_get_text:
 * @self: a source
 *
 * Returns: (transfer none): the text of the report, "" when there is none
 */
const char *
accords_source_get_text (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->text;
}

/**
 * accords_source_set_text:
 * @self: a source
 * @text: (nullable): the text of the report; %NULL is the same as ""
 *
 * Sets the text and recomputes #AccordsSource:sha256.
 */
void
accords_source_set_text (AccordsSource *self,
                         const char    *text)
{
  g_autofree char *sha256 = NULL;

  g_return_if_fail (ACCORDS_IS_SOURCE (self));

  if (text == NULL)
    text = "";

  if (strcmp (self->text, text) == 0)
    return;

  if (text[0] != '\0')
    sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);

  g_free (self->text);
  self->text = g_strdup (text);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
  if (g_strcmp0 (self->sha256, sha256) != 0)
    {
      g_free (self->sha256);
      self->sha256 = g_steal_pointer (&sha256);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * accords_source_get_sha256:
 * @self: a source
 *
 * Returns: (transfer none) (nullable): the SHA-256 of the text in lower-case
 *   hexadecimal, %NULL when the text is empty
 */
const char *
accords_source_get_sha256 (AccordsSource *self)
{
  g_return_val_if_fail (ACCORDS_IS_SOURCE (self), NULL);

  return self->sha256;
}
