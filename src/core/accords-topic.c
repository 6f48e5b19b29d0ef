/* accords-topic.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-topic"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-topic.h"

struct _AccordsTopic
{
  GObject     parent_instance;

  /* borrowed from the vocabulary table below */
  const char *id;
  const char *label; /* untranslated */
};

G_DEFINE_FINAL_TYPE (AccordsTopic, accords_topic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The vocabulary, in the order it is offered to the user. The ids are
 * stored in libraries and exported files: never rename one. */
static const struct {
  const char *id;
  const char *label;
} vocabulary[] = {
  { "artificial_intelligence", N_("Artificial intelligence") },
  { "cloud", N_("Cloud computing") },
  { "data_centres", N_("Data centres") },
  { "cybersecurity", N_("Cybersecurity") },
  { "telecom_5g", N_("5G and telecommunications") },
  /* Translators: public services offered online by a government */
  { "e_government", N_("E-government") },
  { "digital_transformation", N_("Digital transformation") },
  /* Translators: buying and selling online */
  { "e_commerce", N_("E-commerce") },
  /* Translators: the post office and parcel delivery, not a blog post */
  { "postal", N_("Postal services") },
  /* Translators: financial technology, such as mobile payments */
  { "fintech", N_("Fintech") },
  /* Translators: young companies and the money invested in them */
  { "startups_investment", N_("Startups and investment") },
  { "research_innovation", N_("Research and innovation") },
  /* Translators: student, teacher and training exchanges between countries */
  { "education_exchange", N_("Education and exchanges") },
  { "space_satellites", N_("Space and satellites") },
  /* Translators: optical fibre networks and broadband */
  { "fibre_infrastructure", N_("Fibre and broadband") },
  { "biotechnology", N_("Biotechnology") },
  { "nanotechnology", N_("Nanotechnology") },
  /* Translators: sharing data between administrations or countries */
  { "data_exchange", N_("Data exchange") },
  /* Translators: business parks for technology companies */
  { "technology_parks", N_("Technology parks") },
  /* Translators: visas and the movement of skilled workers between countries */
  { "visas_mobility", N_("Visas and mobility") },
  /* Translators: a noun; trade between countries */
  { "trade", N_("Trade") },
};

static void
accords_topic_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AccordsTopic *self = ACCORDS_TOPIC (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, accords_topic_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_topic_class_init (AccordsTopicClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = accords_topic_get_property;

  /**
   * AccordsTopic:id:
   *
   * The id stored in libraries and used in the search syntax (`topic:cloud`).
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsTopic:label:
   *
   * The translated name to show.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_topic_init (AccordsTopic *self G_GNUC_UNUSED)
{
}

/* One object per topic, made on first use and kept for the process. */
static AccordsTopic **
get_topics (void)
{
  static AccordsTopic **topics;

  if (g_once_init_enter (&topics))
    {
      AccordsTopic **made = g_new0 (AccordsTopic *, G_N_ELEMENTS (vocabulary));

      for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
        {
          made[i] = g_object_new (ACCORDS_TYPE_TOPIC, NULL);
          made[i]->id = vocabulary[i].id;
          made[i]->label = vocabulary[i].label;
        }

      g_once_init_leave (&topics, made);
    }

  return topics;
}

const char *
accords_topic_get_id (AccordsTopic *self)
{
  g_return_val_if_fail (ACCORDS_IS_TOPIC (self), NULL);

  return self->id;
}

/**
 * accords_topic_get_label:
 * @self: a topic
 *
 * Returns: (transfer none): the translated label
 */
const char *
accords_topic_get_label (AccordsTopic *self)
{
  g_return_val_if_fail (ACCORDS_IS_TOPIC (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->label);
}

/**
 * accords_topic_lookup:
 * @id: a topic id such as "cloud"
 *
 * Returns: (transfer none) (nullable): the topic, or %NULL when @id is not
 *   in the vocabulary
 */
AccordsTopic *
accords_topic_lookup (const char *id)
{
  AccordsTopic **topics;

  if (id == NULL)
    return NULL;

  topics = get_topics ();
  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      if (g_str_equal (topics[i]->id, id))
        return topics[i];
    }

  return NULL;
}

/**
 * accords_topic_list:
 *
 * Returns: (transfer full): a new list of every #AccordsTopic, in the
 *   order of the vocabulary
 */
GListModel *
accords_topic_list (void)
{
  GListStore *store = g_list_store_new (ACCORDS_TYPE_TOPIC);

  g_list_store_splice (store, 0, 0, (gpointer *) get_topics (), G_N_ELEMENTS (vocabulary));

  return G_LIST_MODEL (store);
}

/**
 * accords_topic_get_label_for:
 * @id: a topic id
 *
 * Returns: (transfer none): the translated label of @id, or @id itself
 *   when it is not in the vocabulary
 */
const char *
accords_topic_get_label_for (const char *id)
{
  AccordsTopic *topic;

  g_return_val_if_fail (id != NULL, NULL);

  if ((topic = accords_topic_lookup (id)) != NULL)
    return accords_topic_get_label (topic);

  return id;
}

/**
 * accords_topic_join_labels:
 * @ids: (nullable) (array zero-terminated=1): topic ids
 * @separator: (nullable): what goes between two labels; %NULL for ", "
 *
 * Returns: (transfer full): the labels of @ids joined; an unknown id stands
 *   for itself; "" when @ids is empty
 */
char *
accords_topic_join_labels (const char * const *ids,
                           const char         *separator)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (separator == NULL)
    separator = ", ";

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, accords_topic_get_label_for (ids[i]));
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}
