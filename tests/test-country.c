/* test-country.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-country"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "accords-country.h"

/* Set in main() before the first use of the table: this process reads
 * country names in French, which the localized-name cases rely on. */
static gboolean have_french;

static void
assert_lookup (const char *text,
               const char *code)
{
  AccordsCountry *country = accords_country_lookup (text);

  if (code == NULL)
    {
      if (country != NULL)
        g_error ("“%s” should match no country, matched %s",
                 text, accords_country_get_code (country));
      return;
    }

  if (country == NULL)
    g_error ("“%s” should match %s, matched nothing", text, code);

  g_assert_cmpstr (accords_country_get_code (country), ==, code);
}

static void
test_lookup_code (void)
{
  AccordsCountry *serbia = accords_country_lookup_code ("RS");

  g_assert_nonnull (serbia);
  g_assert_true (ACCORDS_IS_COUNTRY (serbia));
  g_assert_cmpstr (accords_country_get_code (serbia), ==, "RS");
  g_assert_cmpstr (accords_country_get_alpha3 (serbia), ==, "SRB");
  g_assert_cmpstr (accords_country_get_name (serbia), ==, "Serbia");
  g_assert_cmpstr (accords_country_get_official_name (serbia), ==, "Republic of Serbia");
  g_assert_null (accords_country_get_common_name (serbia));
  g_assert_cmpstr (accords_country_get_flag (serbia), ==, "🇷🇸");

  /* Borrowed, and always the same object. */
  g_assert_true (accords_country_lookup_code ("rs") == serbia);
  g_assert_true (accords_country_lookup_code ("Rs") == serbia);
  g_assert_true (accords_country_lookup ("RS") == serbia);

  g_assert_null (accords_country_lookup_code ("XX"));
  g_assert_null (accords_country_lookup_code ("SRB"));
  g_assert_null (accords_country_lookup_code ("Serbia"));
  g_assert_null (accords_country_lookup_code (""));
  g_assert_null (accords_country_lookup_code (NULL));
}

static void
test_lookup_alpha3 (void)
{
  assert_lookup ("SRB", "RS");
  assert_lookup ("srb", "RS");
  assert_lookup ("IRN", "IR");
  assert_lookup ("USA", "US");
  assert_lookup ("GBR", "GB");
}

static void
test_lookup_name (void)
{
  assert_lookup ("Serbia", "RS");
  assert_lookup ("serbia", "RS");
  assert_lookup ("  SERBIA ", "RS");
  assert_lookup ("Republic of Serbia", "RS");
  assert_lookup ("Iran, Islamic Republic of", "IR");
  assert_lookup ("Islamic Republic of Iran", "IR");
  assert_lookup ("Iran", "IR");
  assert_lookup ("iran", "IR");
  assert_lookup ("South Korea", "KR");
  assert_lookup ("Korea, Republic of", "KR");
  assert_lookup ("North Korea", "KP");
  assert_lookup ("Viet Nam", "VN");
  assert_lookup ("Vietnam", "VN");
  assert_lookup ("Costa Rica", "CR");
  assert_lookup ("costa  rica", "CR");
  assert_lookup ("United States of America", "US");
  assert_lookup ("Russian Federation", "RU");
  assert_lookup ("Congo", "CG");
  assert_lookup ("Timor Leste", "TL");
}

static void
test_lookup_accents (void)
{
  assert_lookup ("Türkiye", "TR");
  assert_lookup ("turkiye", "TR");
  assert_lookup ("TURKIYE", "TR");
  assert_lookup ("Côte d'Ivoire", "CI");
  assert_lookup ("cote d’ivoire", "CI");
  assert_lookup ("Åland Islands", "AX");
  assert_lookup ("aland islands", "AX");
  assert_lookup ("Curaçao", "CW");
}

static void
test_lookup_aliases (void)
{
  assert_lookup ("Turkey", "TR");
  assert_lookup ("turkey", "TR");
  assert_lookup ("Russia", "RU");
  assert_lookup ("UK", "GB");
  assert_lookup ("Ivory Coast", "CI");
  assert_lookup ("the Netherlands", "NL");
  assert_lookup ("🇮🇷", "IR");
}

static void
test_lookup_short_name (void)
{
  assert_lookup ("Bolivia", "BO");
  assert_lookup ("Palestine", "PS");
  assert_lookup ("Micronesia", "FM");
  assert_lookup ("Holy See", "VA");
  assert_lookup ("Tanzania", "TZ");

  /* Shared by two countries: neither. */
  assert_lookup ("Korea", NULL);
  assert_lookup ("Virgin Islands", NULL);
}

static void
test_lookup_unknown (void)
{
  assert_lookup ("Narnia", NULL);
  assert_lookup ("XX", NULL);
  assert_lookup ("ZZZ", NULL);
  assert_lookup ("", NULL);
  assert_lookup ("   ", NULL);
  assert_lookup ("-", NULL);
  assert_lookup ("RS' OR 1=1 --", NULL);
  assert_lookup ("Ser\xffia", NULL);
  g_assert_null (accords_country_lookup (NULL));
}

static void
test_list (void)
{
  g_autoptr(GListModel) list = accords_country_list ();
  g_autoptr(GListModel) again = accords_country_list ();
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *previous_key = NULL;
  guint n_items;

  g_assert_true (G_IS_LIST_MODEL (list));
  g_assert_true (g_list_model_get_item_type (list) == ACCORDS_TYPE_COUNTRY);

  n_items = g_list_model_get_n_items (list);
  g_assert_cmpuint (n_items, ==, 249);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 249);
  g_assert_true (list != again);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsCountry) country = g_list_model_get_item (list, i);
      const char *code = accords_country_get_code (country);
      g_autofree char *key = g_utf8_collate_key (accords_country_get_localized_name (country), -1);

      g_assert_nonnull (code);
      g_assert_cmpuint (strlen (code), ==, 2);
      g_assert_false (g_hash_table_contains (codes, code));
      g_hash_table_add (codes, (gpointer) code);

      g_assert_true (accords_country_lookup_code (code) == country);
      g_assert_nonnull (accords_country_get_name (country));

      /* In the order of the names shown. */
      if (previous_key != NULL)
        g_assert_cmpstr (previous_key, <=, key);
      g_free (previous_key);
      previous_key = g_steal_pointer (&key);
    }
}

static void
test_properties (void)
{
  AccordsCountry *iran = accords_country_lookup_code ("IR");
  g_autofree char *code = NULL;
  g_autofree char *alpha3 = NULL;
  g_autofree char *name = NULL;
  g_autofree char *official_name = NULL;
  g_autofree char *common_name = NULL;
  g_autofree char *localized_name = NULL;
  g_autofree char *flag = NULL;

  g_object_get (iran,
                "code", &code,
                "alpha3", &alpha3,
                "name", &name,
                "official-name", &official_name,
                "common-name", &common_name,
                "localized-name", &localized_name,
                "flag", &flag,
                NULL);

  g_assert_cmpstr (code, ==, "IR");
  g_assert_cmpstr (alpha3, ==, "IRN");
  g_assert_cmpstr (name, ==, "Iran, Islamic Republic of");
  g_assert_cmpstr (official_name, ==, "Islamic Republic of Iran");
  g_assert_cmpstr (common_name, ==, "Iran");
  g_assert_cmpstr (localized_name, ==, accords_country_get_localized_name (iran));
  g_assert_cmpstr (flag, ==, "🇮🇷");
}

static void
test_localized_unknown (void)
{
  const char * const codes[] = { "XX", "ZZ", NULL };
  const char * const none[] = { NULL };
  g_autofree char *name = accords_country_dup_localized_name ("XX");
  g_autofree char *joined = accords_country_join_localized (codes, "–");
  g_autofree char *empty = accords_country_join_localized (none, "–");
  g_autofree char *null = accords_country_join_localized (NULL, "–");

  g_assert_cmpstr (name, ==, "XX");
  g_assert_cmpstr (joined, ==, "XX–ZZ");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static void
test_localized_french (void)
{
  const char * const codes[] = { "RS", "FR", "XX", NULL };
  g_autofree char *serbia = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *lower = NULL;

  if (!have_french)
    {
      g_test_skip ("No French iso-codes translation, or no UTF-8 locale");
      return;
    }

  serbia = accords_country_dup_localized_name ("rs");
  g_assert_cmpstr (serbia, ==, "Serbie");
  g_assert_cmpstr (accords_country_get_localized_name (accords_country_lookup_code ("DE")),
                   ==, "Allemagne");
  /* The English names stay: they are what iso-codes is keyed by. */
  g_assert_cmpstr (accords_country_get_name (accords_country_lookup_code ("RS")), ==, "Serbia");

  joined = accords_country_join_localized (codes, "–");
  g_assert_cmpstr (joined, ==, "Serbie–France–XX");

  /* Names in the user's language are found too, without accents. */
  assert_lookup ("Serbie", "RS");
  assert_lookup ("Allemagne", "DE");
  assert_lookup ("Corée du Sud", "KR");
  lower = g_utf8_strdown ("ÉTATS-UNIS", -1);
  assert_lookup (lower, "US");
  assert_lookup ("etats unis", "US");
  /* …while English still wins where it has the name. */
  assert_lookup ("Serbia", "RS");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *mo = NULL;
  const char *locale;

  /* Before anything reads a translation: iso-codes in French. Under
   * LC_ALL=C.UTF-8 glibc honours LANGUAGE; under plain C it does not. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  locale = setlocale (LC_ALL, "");
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    locale = setlocale (LC_ALL, "C.UTF-8");

  mo = g_build_filename (ISO_CODES_LOCALEDIR, "fr", "LC_MESSAGES", "iso_3166-1.mo", NULL);
  have_french = locale != NULL &&
                !g_str_equal (locale, "C") && !g_str_equal (locale, "POSIX") &&
                g_file_test (mo, G_FILE_TEST_EXISTS);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/country/lookup/code", test_lookup_code);
  g_test_add_func ("/country/lookup/alpha3", test_lookup_alpha3);
  g_test_add_func ("/country/lookup/name", test_lookup_name);
  g_test_add_func ("/country/lookup/accents", test_lookup_accents);
  g_test_add_func ("/country/lookup/aliases", test_lookup_aliases);
  g_test_add_func ("/country/lookup/short-name", test_lookup_short_name);
  g_test_add_func ("/country/lookup/unknown", test_lookup_unknown);
  g_test_add_func ("/country/list", test_list);
  g_test_add_func ("/country/properties", test_properties);
  g_test_add_func ("/country/localized/unknown", test_localized_unknown);
  g_test_add_func ("/country/localized/french", test_localized_french);

  return g_test_run ();
}
