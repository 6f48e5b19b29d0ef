/* accords-country.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-country"

#include "config.h"

#include <libintl.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "accords-country.h"

#define ISO_3166_DOMAIN "iso_3166-1"

struct _AccordsCountry
{
  GObject  parent_instance;

  /* owned, set once while the table loads */
  char    *code;
  char    *alpha3;
  char    *name;
  char    *official_name;
  char    *common_name;
  char    *localized_name;
  char    *flag;
};

G_DEFINE_FINAL_TYPE (AccordsCountry, accords_country, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_ALPHA3,
  PROP_NAME,
  PROP_OFFICIAL_NAME,
  PROP_COMMON_NAME,
  PROP_LOCALIZED_NAME,
  PROP_FLAG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Everything known about countries, built once and never freed. */
typedef struct
{
  GPtrArray  *countries;  /* AccordsCountry, in order of localized name */
  GHashTable *by_code;    /* upper-case alpha-2 → borrowed country */
  GHashTable *by_alpha3;  /* upper-case alpha-3 → borrowed country */
  GHashTable *by_name;    /* folded full name → borrowed country */
  GHashTable *by_short;   /* folded short name → borrowed country, or ambiguous */
} CountryTable;

/* Stands in the short-name table for a name that fits several countries. */
static char ambiguous_marker;
#define AMBIGUOUS ((gpointer) &ambiguous_marker)

/* Names people use that iso-codes does not carry (it has “Türkiye”, not
 * “Turkey”, and “Russian Federation” only). English only: other languages
 * come through the iso-codes translations. */
static const struct {
  const char *name;
  const char *code;
} aliases[] = {
  { "Britain", "GB" },
  { "Brunei", "BN" },
  { "Burma", "MM" },
  { "Cape Verde", "CV" },
  { "DR Congo", "CD" },
  { "DRC", "CD" },
  { "Democratic Republic of the Congo", "CD" },
  { "East Timor", "TL" },
  { "Great Britain", "GB" },
  { "Ivory Coast", "CI" },
  { "Macedonia", "MK" },
  { "Russia", "RU" },
  { "Swaziland", "SZ" },
  { "Turkey", "TR" },
  { "UAE", "AE" },
  { "UK", "GB" },
  { "Vatican", "VA" },
  { "Vatican City", "VA" },
};

static gboolean
is_dash (gunichar ch)
{
  return ch == '-' || ch == 0x2010 || ch == 0x2011 || ch == 0x2012 ||
         ch == 0x2013 || ch == 0x2014 || ch == 0x2212;
}

static gboolean
is_apostrophe (gunichar ch)
{
  return ch == 0x2018 || ch == 0x2019 || ch == 0x02BC || ch == 0x0060 || ch == 0x00B4;
}

/* The form names are compared in: no accents, case folded, one kind of
 * apostrophe, dashes and runs of white space as one space, and without a
 * leading “the”. Returns NULL when nothing is left. */
static char *
fold_name (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_ismark (ch))
        continue;

      if (g_unichar_isspace (ch) || is_dash (ch) || ch == '_')
        {
          pending_space = out->len > 0;
          continue;
        }

      if (pending_space)
        {
          g_string_append_c (out, ' ');
          pending_space = FALSE;
        }

      if (is_apostrophe (ch))
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, ch);
    }

  folded = g_utf8_casefold (out->str, out->len);

  if (g_str_has_prefix (folded, "the "))
    memmove (folded, folded + 4, strlen (folded + 4) + 1);

  if (folded[0] == '\0')
    return NULL;

  return g_steal_pointer (&folded);
}

/* Full names: the first country to claim a name keeps it, so English names
 * win over a translation that happens to equal another country's name. */
static void
add_full_name (CountryTable   *table,
               const char     *name,
               AccordsCountry *country)
{
  char *key = fold_name (name);

  if (key == NULL)
    return;

  if (g_hash_table_contains (table->by_name, key))
    g_free (key);
  else
    g_hash_table_insert (table->by_name, key, country);
}

/* Short names (“Bolivia” for “Bolivia, Plurinational State of”, “Holy See”
 * for “Holy See (Vatican City State)”): a short name two countries share,
 * such as “Korea”, belongs to neither. */
static void
add_short_names (CountryTable   *table,
                 const char     *name,
                 AccordsCountry *country)
{
  static const char *cuts[] = { ", ", " (" };

  if (name == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      const char *cut = strstr (name, cuts[i]);
      g_autofree char *prefix = NULL;
      char *key;
      gpointer existing;

      if (cut == NULL || cut == name)
        continue;

      prefix = g_strndup (name, cut - name);
      key = fold_name (prefix);
      if (key == NULL)
        continue;

      if (g_hash_table_lookup_extended (table->by_short, key, NULL, &existing))
        {
          if (existing != country)
            g_hash_table_insert (table->by_short, key, AMBIGUOUS);
          else
            g_free (key);
        }
      else
        {
          g_hash_table_insert (table->by_short, key, country);
        }
    }
}

/* dgettext() hands back its argument itself when it has no translation. */
static const char *
translate_or_null (const char *msgid)
{
  const char *translated;

  if (msgid == NULL)
    return NULL;

  translated = dgettext (ISO_3166_DOMAIN, msgid);

  return translated != msgid ? translated : NULL;
}

/* The name to show: a translation of the common name (“South Korea”) when
 * there is one, else of the ISO name, else the common or ISO name itself. */
static char *
make_localized_name (AccordsCountry *self)
{
  const char *translated;

  if ((translated = translate_or_null (self->common_name)) != NULL)
    return g_strdup (translated);

  if ((translated = translate_or_null (self->name)) != NULL)
    return g_strdup (translated);

  return g_strdup (self->common_name != NULL ? self->common_name : self->name);
}

static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  value = json_node_get_string (node);
  if (value == NULL || value[0] == '\0' || !g_utf8_validate (value, -1, NULL))
    return NULL;

  return g_strdup (value);
}

static gboolean
is_ascii_code (const char *text,
               gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isalpha (text[i]))
        return FALSE;
    }

  return TRUE;
}

static AccordsCountry *
country_from_json (JsonObject *object)
{
  g_autoptr(AccordsCountry) self = NULL;
  g_autofree char *code = dup_member (object, "alpha_2");
  g_autofree char *name = dup_member (object, "name");

  if (!is_ascii_code (code, 2) || name == NULL)
    return NULL;

  self = g_object_new (ACCORDS_TYPE_COUNTRY, NULL);
  self->code = g_ascii_strup (code, -1);
  self->name = g_steal_pointer (&name);
  self->alpha3 = dup_member (object, "alpha_3");
  if (self->alpha3 != NULL && !is_ascii_code (self->alpha3, 3))
    g_clear_pointer (&self->alpha3, g_free);
  self->official_name = dup_member (object, "official_name");
  self->common_name = dup_member (object, "common_name");
  self->flag = dup_member (object, "flag");
  self->localized_name = make_localized_name (self);

  return g_steal_pointer (&self);
}

static int
compare_by_collation_key (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  GHashTable *keys = user_data;
  AccordsCountry *country_a = *(AccordsCountry **) a;
  AccordsCountry *country_b = *(AccordsCountry **) b;
  int cmp;

  cmp = g_strcmp0 (g_hash_table_lookup (keys, country_a),
                   g_hash_table_lookup (keys, country_b));
  if (cmp != 0)
    return cmp;

  return strcmp (country_a->code, country_b->code);
}

static void
sort_countries (GPtrArray *countries)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < countries->len; i++)
    {
      AccordsCountry *country = g_ptr_array_index (countries, i);

      g_hash_table_insert (keys, country,
                           g_utf8_collate_key (country->localized_name, -1));
    }

  g_ptr_array_sort_with_data (countries, compare_by_collation_key, keys);
}

static void
read_countries (GPtrArray *countries)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonNode *list;
  JsonArray *array;

  path = g_build_filename (ISO_CODES_JSON_DIR, "iso_3166-1.json", NULL);

  if (!json_parser_load_from_file (parser, path, &error))
    {
      g_message ("Country names are not available: %s", error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    goto malformed;

  list = json_object_get_member (json_node_get_object (root), "3166-1");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    goto malformed;

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      AccordsCountry *country;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      country = country_from_json (json_node_get_object (node));
      if (country != NULL)
        g_ptr_array_add (countries, country);
    }

  return;

malformed:
  g_message ("Country names are not available: %s is not an iso-codes file", path);
}

static CountryTable *
load_table (void)
{
  CountryTable *table = g_new0 (CountryTable, 1);

  bindtextdomain (ISO_3166_DOMAIN, ISO_CODES_LOCALEDIR);
  bind_textdomain_codeset (ISO_3166_DOMAIN, "UTF-8");

  table->countries = g_ptr_array_new_with_free_func (g_object_unref);
  table->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  table->by_alpha3 = g_hash_table_new (g_str_hash, g_str_equal);
  table->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  table->by_short = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  read_countries (table->countries);
  sort_countries (table->countries);

  for (guint i = 0; i < table->countries->len; i++)
    {
      AccordsCountry *country = g_ptr_array_index (table->countries, i);

      if (!g_hash_table_contains (table->by_code, country->code))
        g_hash_table_insert (table->by_code, country->code, country);
      if (country->alpha3 != NULL && !g_hash_table_contains (table->by_alpha3, country->alpha3))
        g_hash_table_insert (table->by_alpha3, country->alpha3, country);

      add_full_name (table, country->name, country);
      add_full_name (table, country->official_name, country);
      add_full_name (table, country->common_name, country);
      add_full_name (table, country->flag, country);
      add_short_names (table, country->name, country);
    }

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    {
      AccordsCountry *country = g_hash_table_lookup (table->by_code, aliases[i].code);

      if (country != NULL)
        add_full_name (table, aliases[i].name, country);
    }

  /* Names in the user's language come last: they never take a name that
   * English already gave to another country. */
  for (guint i = 0; i < table->countries->len; i++)
    {
      AccordsCountry *country = g_ptr_array_index (table->countries, i);
      const char *translated;

      add_full_name (table, country->localized_name, country);
      if ((translated = translate_or_null (country->name)) != NULL)
        {
          add_full_name (table, translated, country);
          add_short_names (table, translated, country);
        }
      add_full_name (table, translate_or_null (country->official_name), country);
      add_full_name (table, translate_or_null (country->common_name), country);
    }

  return table;
}

static CountryTable *
get_table (void)
{
  static CountryTable *table;

  if (g_once_init_enter (&table))
    g_once_init_leave (&table, load_table ());

  return table;
}

static void
accords_country_finalize (GObject *object)
{
  AccordsCountry *self = (AccordsCountry *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->alpha3, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->official_name, g_free);
  g_clear_pointer (&self->common_name, g_free);
  g_clear_pointer (&self->localized_name, g_free);
  g_clear_pointer (&self->flag, g_free);

  G_OBJECT_CLASS (accords_country_parent_class)->finalize (object);
}

static void
accords_country_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AccordsCountry *self = ACCORDS_COUNTRY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_ALPHA3:
      g_value_set_string (value, self->alpha3);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OFFICIAL_NAME:
      g_value_set_string (value, self->official_name);
      break;

    case PROP_COMMON_NAME:
      g_value_set_string (value, self->common_name);
      break;

    case PROP_LOCALIZED_NAME:
      g_value_set_string (value, self->localized_name);
      break;

    case PROP_FLAG:
      g_value_set_string (value, self->flag);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
accords_country_class_init (AccordsCountryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_country_finalize;
  object_class->get_property = accords_country_get_property;

  /**
   * AccordsCountry:code:
   *
   * The ISO 3166-1 alpha-2 code, in upper case.
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:alpha3:
   *
   * The ISO 3166-1 alpha-3 code, in upper case.
   */
  properties[PROP_ALPHA3] =
    g_param_spec_string ("alpha3", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:name:
   *
   * The English ISO name, such as “Iran, Islamic Republic of”.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:official-name:
   *
   * The English official name, or %NULL when iso-codes has none.
   */
  properties[PROP_OFFICIAL_NAME] =
    g_param_spec_string ("official-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:common-name:
   *
   * The English name in everyday use (“Iran”), or %NULL when iso-codes
   * has none.
   */
  properties[PROP_COMMON_NAME] =
    g_param_spec_string ("common-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:localized-name:
   *
   * The name to show, in the language of the process when iso-codes has
   * a translation.
   */
  properties[PROP_LOCALIZED_NAME] =
    g_param_spec_string ("localized-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * AccordsCountry:flag:
   *
   * The flag emoji, or %NULL.
   */
  properties[PROP_FLAG] =
    g_param_spec_string ("flag", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
accords_country_init (AccordsCountry *self G_GNUC_UNUSED)
{
}

const char *
accords_country_get_code (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->code;
}

const char *
accords_country_get_alpha3 (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->alpha3;
}

const char *
accords_country_get_name (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->name;
}

const char *
accords_country_get_official_name (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->official_name;
}

const char *
accords_country_get_common_name (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->common_name;
}

const char *
accords_country_get_localized_name (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->localized_name;
}

const char *
accords_country_get_flag (AccordsCountry *self)
{
  g_return_val_if_fail (ACCORDS_IS_COUNTRY (self), NULL);

  return self->flag;
}

/**
 * accords_country_lookup_code:
 * @code: an ISO 3166-1 alpha-2 code, in any case
 *
 * Returns: (transfer none) (nullable): the country, or %NULL when @code
 *   is not one (or iso-codes is missing)
 */
AccordsCountry *
accords_country_lookup_code (const char *code)
{
  char upper[3];

  if (code == NULL || !is_ascii_code (code, 2))
    return NULL;

  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';

  return g_hash_table_lookup (get_table ()->by_code, upper);
}

/**
 * accords_country_lookup:
 * @code_or_name: an alpha-2 or alpha-3 code, or a name
 *
 * Finds a country by code or by name: the ISO, official or common name in
 * English, a few everyday English names iso-codes lacks (“Turkey”,
 * “Russia”), or a name in the language of the process. Case, accents,
 * dashes and a leading “the” do not matter. A short form (“Bolivia” for
 * “Bolivia, Plurinational State of”) is accepted when only one country
 * has it.
 *
 * Returns: (transfer none) (nullable): the country, or %NULL
 */
AccordsCountry *
accords_country_lookup (const char *code_or_name)
{
  CountryTable *table;
  g_autofree char *stripped = NULL;
  g_autofree char *key = NULL;
  gpointer country;

  if (code_or_name == NULL)
    return NULL;

  table = get_table ();
  stripped = g_strstrip (g_strdup (code_or_name));

  if (is_ascii_code (stripped, 2))
    {
      if ((country = accords_country_lookup_code (stripped)) != NULL)
        return country;
    }
  else if (is_ascii_code (stripped, 3))
    {
      g_autofree char *upper = g_ascii_strup (stripped, -1);

      if ((country = g_hash_table_lookup (table->by_alpha3, upper)) != NULL)
        return country;
    }

  if ((key = fold_name (stripped)) == NULL)
    return NULL;

  if ((country = g_hash_table_lookup (table->by_name, key)) != NULL)
    return country;

  country = g_hash_table_lookup (table->by_short, key);
  if (country == AMBIGUOUS)
    return NULL;

  return country;
}

/**
 * accords_country_list:
 *
 * Returns: (transfer full): a new list of every #AccordsCountry, in the
 *   order of their localized names; empty when iso-codes is missing
 */
GListModel *
accords_country_list (void)
{
  CountryTable *table = get_table ();
  GListStore *store = g_list_store_new (ACCORDS_TYPE_COUNTRY);

  g_list_store_splice (store, 0, 0, table->countries->pdata, table->countries->len);

  return G_LIST_MODEL (store);
}

/**
 * accords_country_dup_localized_name:
 * @code: an alpha-2 code
 *
 * Returns: (transfer full): the localized name of the country, or a copy
 *   of @code when no country has that code
 */
char *
accords_country_dup_localized_name (const char *code)
{
  AccordsCountry *country;

  g_return_val_if_fail (code != NULL, NULL);

  if ((country = accords_country_lookup_code (code)) != NULL)
    return g_strdup (country->localized_name);

  return g_strdup (code);
}

/**
 * accords_country_join_localized:
 * @codes: (nullable) (array zero-terminated=1): alpha-2 codes
 * @separator: (nullable): what goes between two names; %NULL for ", "
 *
 * Joins the localized names of @codes, as in “Iran–Serbia”. A code that
 * is no country stands for itself.
 *
 * Returns: (transfer full): the joined names; "" when @codes is empty
 */
char *
accords_country_join_localized (const char * const *codes,
                                const char         *separator)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  if (separator == NULL)
    separator = ", ";

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_autofree char *name = accords_country_dup_localized_name (codes[i]);

      if (i > 0)
        g_string_append (joined, separator);
      g_string_append (joined, name);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}
