/* test-topic.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-topic"

#include "config.h"

#include "accords-topic.h"

/* The vocabulary of DESIGN.md, in its order. */
static const char * const design_ids[] = {
  "artificial_intelligence", "cloud", "data_centres", "cybersecurity", "telecom_5g",
  "e_government", "digital_transformation", "e_commerce", "postal", "fintech",
  "startups_investment", "research_innovation", "education_exchange",
  "space_satellites", "fibre_infrastructure", "biotechnology", "nanotechnology",
  "data_exchange", "technology_parks", "visas_mobility", "trade",
};

static void
test_list (void)
{
  g_autoptr(GListModel) list = accords_topic_list ();
  g_autoptr(GListModel) again = accords_topic_list ();
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (g_list_model_get_item_type (list) == ACCORDS_TYPE_TOPIC);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 21);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (design_ids));
  g_assert_true (list != again);

  for (guint i = 0; i < G_N_ELEMENTS (design_ids); i++)
    {
      g_autoptr(AccordsTopic) topic = g_list_model_get_item (list, i);
      const char *label = accords_topic_get_label (topic);

      g_assert_cmpstr (accords_topic_get_id (topic), ==, design_ids[i]);
      g_assert_true (accords_topic_lookup (design_ids[i]) == topic);

      /* A label is words for people, never the id, and no two are alike. */
      g_assert_nonnull (label);
      g_assert_cmpstr (label, !=, "");
      g_assert_cmpstr (label, !=, design_ids[i]);
      g_assert_false (g_hash_table_contains (labels, label));
      g_hash_table_add (labels, (gpointer) label);
    }
}

static void
test_lookup (void)
{
  AccordsTopic *cloud = accords_topic_lookup ("cloud");

  g_assert_nonnull (cloud);
  g_assert_cmpstr (accords_topic_get_id (cloud), ==, "cloud");
  g_assert_cmpstr (accords_topic_get_label (cloud), ==, "Cloud computing");
  g_assert_true (accords_topic_lookup ("cloud") == cloud);

  g_assert_null (accords_topic_lookup ("Cloud"));
  g_assert_null (accords_topic_lookup ("clouds"));
  g_assert_null (accords_topic_lookup (""));
  g_assert_null (accords_topic_lookup (NULL));
}

static void
test_labels (void)
{
  const char *unknown = "quantum";

  g_assert_cmpstr (accords_topic_get_label_for ("artificial_intelligence"), ==,
                   "Artificial intelligence");
  g_assert_cmpstr (accords_topic_get_label_for ("data_centres"), ==, "Data centres");
  g_assert_cmpstr (accords_topic_get_label_for ("telecom_5g"), ==, "5G and telecommunications");

  /* An id outside the vocabulary stands for itself. */
  g_assert_true (accords_topic_get_label_for (unknown) == unknown);
}

static void
test_join (void)
{
  const char * const ids[] = { "cloud", "artificial_intelligence", NULL };
  const char * const with_unknown[] = { "trade", "quantum", NULL };
  const char * const none[] = { NULL };
  g_autofree char *joined = accords_topic_join_labels (ids, ", ");
  g_autofree char *mixed = accords_topic_join_labels (with_unknown, " · ");
  g_autofree char *empty = accords_topic_join_labels (none, ", ");
  g_autofree char *null = accords_topic_join_labels (NULL, ", ");
  g_autofree char *default_separator = accords_topic_join_labels (ids, NULL);

  g_assert_cmpstr (joined, ==, "Cloud computing, Artificial intelligence");
  g_assert_cmpstr (mixed, ==, "Trade · quantum");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
  g_assert_cmpstr (default_separator, ==, joined);
}

static void
test_properties (void)
{
  AccordsTopic *topic = accords_topic_lookup ("space_satellites");
  g_autofree char *id = NULL;
  g_autofree char *label = NULL;

  g_object_get (topic, "id", &id, "label", &label, NULL);

  g_assert_cmpstr (id, ==, "space_satellites");
  g_assert_cmpstr (label, ==, accords_topic_get_label (topic));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/topic/list", test_list);
  g_test_add_func ("/topic/lookup", test_lookup);
  g_test_add_func ("/topic/labels", test_labels);
  g_test_add_func ("/topic/join", test_join);
  g_test_add_func ("/topic/properties", test_properties);

  return g_test_run ();
}
