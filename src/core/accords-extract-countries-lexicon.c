/* accords-extract-countries-lexicon.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-country.h"
#include "accords-extract-countries-private.h"

/* The countries pass, part one: folding and cutting text into words, and
 * the lexicon of country names, demonyms and capitals built from iso-codes
 * (its .mo catalogues) and countries.json. */

const char *_accords_countries_languages[] = { "en", "fr", "es", "pt", "ru", "ar", "fa" };

guint
_accords_countries_language_bit (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (_accords_countries_languages); i++)
    if (g_strcmp0 (language, _accords_countries_languages[i]) == 0)
      return 1 << i;
  return 0;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

static gboolean
is_arabic (gunichar c)
{
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF);
}

static gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x0400 && c <= 0x04FF;
}

/* One character in the form names are compared in. Arabic and Persian
 * spell some letters differently (ي/ی, ك/ک) and texts write hamza and
 * vowel marks or not, so those are dropped or unified; ё and й lose their
 * marks like Latin accents do, on both sides of the comparison. */
static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c == 0x0640) /* tatweel */
    return;

  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (g_unichar_ismark (d))
        continue;

      switch (d)
        {
        case 0x0649: /* ى */
        case 0x06CC: /* ی */
          d = 0x064A;
          break;
        case 0x06A9: /* ک */
          d = 0x0643;
          break;
        case 0x0671: /* ٱ */
          d = 0x0627;
          break;
        case 0x2019:
        case 0x2018:
          d = '\'';
          break;
        default:
          d = g_unichar_tolower (d);
          break;
        }
      g_string_append_unichar (out, d);
    }
}

static char *
fold_word (const char *word,
           gssize      length)
{
  GString *out = g_string_new (NULL);
  const char *end = length < 0 ? word + strlen (word) : word + length;

  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    append_folded (out, g_utf8_get_char (p));

  return g_string_free (out, FALSE);
}

/* Cuts @text into words; Word.folded is owned by the array. */
static void
clear_word (gpointer data)
{
  Word *word = data;

  g_free (word->folded);
}

GArray *
_accords_countries_split_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;

  g_array_set_clear_func (words, clear_word);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Word word = { 0 };
      guint cased = 0, upper = 0;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      word.start = p - text;
      word.first_upper = g_unichar_isupper (c) || g_unichar_istitle (c);
      word.arabic = is_arabic (c);
      word.cyrillic = is_cyrillic (c);

      while (*p != '\0' && is_word_char (c = g_utf8_get_char (p)))
        {
          if (g_unichar_isupper (c))
            cased++, upper++;
          else if (g_unichar_islower (c))
            cased++;
          p = g_utf8_next_char (p);
        }

      word.end = p - text;
      word.all_upper = cased > 0 && upper == cased;
      word.folded = fold_word (text + word.start, word.end - word.start);
      g_array_append_val (words, word);
    }

  return words;
}

/* Russian: names decline ("Россия", "России", "Россией"), so a Russian
 * word is kept as a stem that any case ending may follow. Words ending in
 * -о, -е, -у, -и (Токио, Перу, Чили) do not decline. Works on folded
 * words, where й has become и. */
static char *
russian_stem (const char *folded,
              gboolean   *declinable)
{
  glong length = g_utf8_strlen (folded, -1);
  const char *last;
  gunichar c, before;
  guint strip = 0;

  *declinable = FALSE;
  if (length < 3 || !is_cyrillic (g_utf8_get_char (folded)))
    return g_strdup (folded);

  last = g_utf8_prev_char (folded + strlen (folded));
  c = g_utf8_get_char (last);
  before = g_utf8_get_char (g_utf8_prev_char (last));

  if (c == 0x0438 /* и */ && (before == 0x044B || before == 0x043E ||
                              (before == 0x0438 && length > 4)))
    strip = 2;  /* adjectives: -ый, -ой, -ий */
  else if (c == 0x0438 && (before == 0x0430 || before == 0x0435 || before == 0x0443))
    strip = 1;  /* Китай, Парагвай */
  else if ((c == 0x044F && before == 0x0430) ||
           (c == 0x0435 && (before == 0x043E || before == 0x044B || before == 0x0438)))
    strip = 2;  /* adjectives: -ая, -ое, -ые, -ие */
  else if (c == 0x0430 || c == 0x044F || c == 0x044C || c == 0x044B)
    strip = 1;  /* -а, -я, -ь, -ы */
  else if (c == 0x043E || c == 0x0435 || c == 0x0443 || c == 0x0438 ||
           c == 0x044E || c == 0x044D)
    return g_strdup (folded);

  *declinable = TRUE;
  if (length - strip < 3)
    {
      *declinable = FALSE;
      return g_strdup (folded);
    }

  return g_utf8_substring (folded, 0, length - strip);
}

static CaseRule
case_rule_for (const char *form)
{
  guint letters = 0, upper = 0;
  gunichar first = g_utf8_get_char (form);

  for (const char *p = form; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        letters++, upper++;
      else if (g_unichar_islower (c))
        letters++;
    }

  if (letters >= 2 && upper == letters)
    return CASE_UPPER;
  if (g_unichar_isupper (first))
    return CASE_CAPITAL;
  return CASE_ANY;
}

static char **
split_form (const char *form)
{
  g_autoptr(GArray) words = _accords_countries_split_words (form);
  char **tokens = g_new0 (char *, words->len + 1);

  for (guint i = 0; i < words->len; i++)
    tokens[i] = g_strdup (g_array_index (words, Word, i).folded);

  return tokens;
}

gboolean
_accords_countries_is_listed (GHashTable *table,
                              const char *folded,
                              guint       langs)
{
  return (GPOINTER_TO_UINT (g_hash_table_lookup (table, folded)) & langs) != 0;
}

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry **) a;
  const Entry *eb = *(const Entry **) b;

  return (gint) eb->n_tokens - (gint) ea->n_tokens;
}

/* Adds one way of naming @code ("" for a region) in the languages @langs. */
static void
add_form (Lexicon            *lexicon,
          const char         *form,
          const char         *code,
          AccordsCountryForm  kind,
          guint               langs)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;
  Entry *entry;
  GPtrArray *list;
  guint n;

  if (form == NULL || *form == '\0')
    return;

  tokens = split_form (form);
  n = g_strv_length (tokens);
  if (n == 0)
    return;

  joined = g_strjoinv (" ", tokens);
  if (_accords_countries_is_listed (lexicon->excluded, joined, langs))
    return;

  key = g_strdup_printf ("%s %d %u %s", code, kind, langs, joined);
  if (g_hash_table_contains (lexicon->seen, key))
    return;

  entry = g_new0 (Entry, 1);
  entry->n_tokens = n;
  entry->tokens = g_new0 (char *, n + 1);
  entry->declinable = g_new0 (gboolean, n);
  entry->langs = langs;
  entry->form = kind;
  /* a region blocks whatever its case: "golfo de México" */
  entry->case_rule = *code == '\0' ? CASE_ANY : case_rule_for (form);
  entry->person_like = n == 1 && _accords_countries_is_listed (lexicon->person_like,
                                                                joined, langs);
  g_strlcpy (entry->code, code, sizeof entry->code);

  for (guint i = 0; i < n; i++)
    {
      if (langs & LANG_RU)
        entry->tokens[i] = russian_stem (tokens[i], &entry->declinable[i]);
      else
        entry->tokens[i] = g_strdup (tokens[i]);
    }

  g_hash_table_insert (lexicon->seen, g_steal_pointer (&key), entry);

  list = g_hash_table_lookup (lexicon->by_first, entry->tokens[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (lexicon->by_first, g_strdup (entry->tokens[0]), list);
    }
  g_ptr_array_add (list, entry);
}

/* GNU gettext catalogues. iso-codes ships the translations of country
 * names only as .mo files, and dgettext() answers in the one language of
 * the process's locale, while a report in Persian must be read whatever
 * the user's locale is (and switching locales is neither thread-safe nor
 * possible for locales that are not installed). A .mo file is a small
 * documented table — a magic number, a count, and two arrays of (length,
 * offset) pairs for originals and translations — so reading it directly is
 * simpler and safer than any detour. Returns msgid → msgstr. */
static guint32
read_u32 (const guint8 *data,
          gboolean      swap)
{
  guint32 value;

  memcpy (&value, data, sizeof value);
  return swap ? GUINT32_SWAP_LE_BE (value) : value;
}

static GHashTable *
read_catalogue (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  const guint8 *data;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint32 magic, count, originals, translations;
  gboolean swap;

  if (!g_file_get_contents (path, &contents, &length, NULL) || length < 20)
    return table;

  data = (const guint8 *) contents;
  memcpy (&magic, data, sizeof magic);
  if (magic == 0x950412de)
    swap = FALSE;
  else if (GUINT32_SWAP_LE_BE (magic) == 0x950412de)
    swap = TRUE;
  else
    return table;

  count = read_u32 (data + 8, swap);
  originals = read_u32 (data + 12, swap);
  translations = read_u32 (data + 16, swap);

  if (originals > length || translations > length ||
      count > (length - originals) / 8 || count > (length - translations) / 8)
    return table;

  for (guint32 i = 0; i < count; i++)
    {
      guint32 olen = read_u32 (data + originals + 8 * i, swap);
      guint32 ooff = read_u32 (data + originals + 8 * i + 4, swap);
      guint32 tlen = read_u32 (data + translations + 8 * i, swap);
      guint32 toff = read_u32 (data + translations + 8 * i + 4, swap);

      if (olen == 0 || ooff > length || olen >= length - ooff ||
          toff > length || tlen >= length - toff)
        continue;
      /* plural and context entries carry a NUL or EOT inside: not ours */
      if (memchr (data + ooff, '\0', olen) != NULL || memchr (data + ooff, '\004', olen) != NULL)
        continue;
      if (!g_utf8_validate ((const char *) data + toff, tlen, NULL) ||
          !g_utf8_validate ((const char *) data + ooff, olen, NULL))
        continue;

      g_hash_table_insert (table,
                           g_strndup ((const char *) data + ooff, olen),
                           g_strndup ((const char *) data + toff, tlen));
    }

  return table;
}

/* "Iran, Islamic Republic of" is also "Iran"; "Bolivia (Plurinational
 * State of)" also "Bolivia". Short names two countries share ("Korea",
 * "Congo") are dropped by the caller. */
static char *
short_name (const char *name)
{
  static const char *cuts[] = { ", ", " (", "، ", "،" };
  const char *cut = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      const char *hit = strstr (name, cuts[i]);

      if (hit != NULL && hit != name && (cut == NULL || hit < cut))
        cut = hit;
    }

  return cut != NULL ? g_strndup (name, cut - name) : NULL;
}

typedef struct
{
  char  *form;
  char  *code;
  guint  langs;
} PendingName;

static void
pending_name_free (gpointer data)
{
  PendingName *name = data;

  g_free (name->form);
  g_free (name->code);
  g_free (name);
}

static void
add_iso_name (GPtrArray  *pending,
              GHashTable *short_owner,
              const char *name,
              const char *code,
              guint       langs)
{
  PendingName *entry;
  g_autofree char *cut = NULL;

  if (name == NULL)
    return;

  entry = g_new0 (PendingName, 1);
  entry->form = g_strdup (name);
  entry->code = g_strdup (code);
  entry->langs = langs;
  g_ptr_array_add (pending, entry);

  cut = short_name (name);
  if (cut != NULL)
    {
      g_autofree char *folded = fold_word (cut, -1);
      const char *owner = g_hash_table_lookup (short_owner, folded);

      if (owner == NULL)
        g_hash_table_insert (short_owner, g_steal_pointer (&folded), g_strdup (code));
      else if (strcmp (owner, code) != 0)
        g_hash_table_insert (short_owner, g_steal_pointer (&folded), g_strdup (""));

      entry = g_new0 (PendingName, 1);
      entry->form = g_steal_pointer (&cut);
      entry->code = g_strdup (code);
      entry->langs = langs;
      g_ptr_array_add (pending, entry);
    }
}

static void
add_iso_names (Lexicon *lexicon)
{
  g_autoptr(GListModel) countries = accords_country_list ();
  guint n = g_list_model_get_n_items (countries);
  GHashTable *catalogues[G_N_ELEMENTS (_accords_countries_languages)] = { NULL };
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_name_free);
  g_autoptr(GHashTable) short_owner = NULL;

  short_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint l = 1; l < G_N_ELEMENTS (_accords_countries_languages); l++)
    {
      g_autofree char *path = g_build_filename (ISO_CODES_LOCALEDIR,
                                                _accords_countries_languages[l],
                                                "LC_MESSAGES", "iso_3166-1.mo", NULL);

      catalogues[l] = read_catalogue (path);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsCountry) country = g_list_model_get_item (countries, i);
      const char *code = accords_country_get_code (country);
      const char *names[] = {
        accords_country_get_name (country),
        accords_country_get_official_name (country),
        accords_country_get_common_name (country),
      };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          if (names[k] == NULL)
            continue;

          add_iso_name (pending, short_owner, names[k], code, LANG_EN);
          for (guint l = 1; l < G_N_ELEMENTS (_accords_countries_languages); l++)
            add_iso_name (pending, short_owner,
                          g_hash_table_lookup (catalogues[l], names[k]),
                          code, 1 << l);
        }
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingName *name = g_ptr_array_index (pending, i);
      g_autofree char *folded = fold_word (name->form, -1);
      const char *owner = g_hash_table_lookup (short_owner, folded);

      if (owner != NULL && strcmp (owner, name->code) != 0)
        continue;
      add_form (lexicon, name->form, name->code, ACCORDS_COUNTRY_FORM_NAME, name->langs);
    }

  for (guint l = 1; l < G_N_ELEMENTS (_accords_countries_languages); l++)
    g_hash_table_unref (catalogues[l]);
}

/* { "IR": { "en": ["Tehran"], "fr": [...] }, ... } */
static void
add_table_forms (Lexicon            *lexicon,
                 JsonObject         *root,
                 const char         *member,
                 AccordsCountryForm  kind)
{
  JsonObject *by_code;
  g_autoptr(GList) codes = NULL;

  if (root == NULL || !json_object_has_member (root, member))
    return;

  by_code = json_object_get_object_member (root, member);
  if (by_code == NULL)
    return;

  codes = json_object_get_members (by_code);
  for (const GList *c = codes; c != NULL; c = c->next)
    {
      JsonObject *by_lang = json_object_get_object_member (by_code, c->data);
      g_autoptr(GList) langs = NULL;

      if (by_lang == NULL || strlen (c->data) != 2)
        continue;

      langs = json_object_get_members (by_lang);
      for (const GList *l = langs; l != NULL; l = l->next)
        {
          JsonArray *forms = json_object_get_array_member (by_lang, l->data);
          guint bit = _accords_countries_language_bit (l->data);

          for (guint i = 0; bit != 0 && forms != NULL && i < json_array_get_length (forms); i++)
            add_form (lexicon, json_array_get_string_element (forms, i), c->data, kind, bit);
        }
    }
}

/* { "en": ["..."], ... } → calls @func for each string */
static void
for_each_string (JsonObject *root,
                 const char *member,
                 void      (*func) (Lexicon *, const char *, guint, gpointer),
                 Lexicon    *lexicon,
                 gpointer    data)
{
  JsonObject *by_lang;
  g_autoptr(GList) langs = NULL;

  if (root == NULL || !json_object_has_member (root, member))
    return;
  by_lang = json_object_get_object_member (root, member);
  if (by_lang == NULL)
    return;

  langs = json_object_get_members (by_lang);
  for (const GList *l = langs; l != NULL; l = l->next)
    {
      JsonArray *strings = json_object_get_array_member (by_lang, l->data);
      guint bit = _accords_countries_language_bit (l->data);

      for (guint i = 0; bit != 0 && strings != NULL && i < json_array_get_length (strings); i++)
        func (lexicon, json_array_get_string_element (strings, i), bit, data);
    }
}

static void
mark_in_table (Lexicon    *lexicon G_GNUC_UNUSED,
               const char *form,
               guint       bit,
               gpointer    data)
{
  GHashTable *table = data;
  g_auto(GStrv) tokens = NULL;
  g_autofree char *joined = NULL;

  if (form == NULL)
    return;
  tokens = split_form (form);
  joined = g_strjoinv (" ", tokens);
  bit |= GPOINTER_TO_UINT (g_hash_table_lookup (table, joined));
  g_hash_table_insert (table, g_strdup (joined), GUINT_TO_POINTER (bit));
}

static void
add_region (Lexicon    *lexicon,
            const char *form,
            guint       bit,
            gpointer    data G_GNUC_UNUSED)
{
  add_form (lexicon, form, "", ACCORDS_COUNTRY_FORM_NAME, bit);
}

static void
add_to_array (Lexicon    *lexicon G_GNUC_UNUSED,
              const char *form,
              guint       bit G_GNUC_UNUSED,
              gpointer    data)
{
  if (form != NULL)
    g_ptr_array_add (data, fold_word (form, -1));
}

static void
add_cue (Lexicon    *lexicon,
         const char *form,
         guint       bit,
         gpointer    data G_GNUC_UNUSED)
{
  for (guint l = 0; l < G_N_ELEMENTS (_accords_countries_languages); l++)
    if (bit == (1u << l) && form != NULL)
      {
        g_auto(GStrv) tokens = split_form (form);

        g_ptr_array_add (lexicon->cues[l], g_strjoinv (" ", tokens));
      }
}

/* Currency words: a Russian one is also kept as its stem, so that
 * "долларов" and "рубля" are found as declined names are. */
static void
add_currency_word (Lexicon    *lexicon,
                   const char *form,
                   guint       bit,
                   gpointer    data G_GNUC_UNUSED)
{
  g_autofree char *folded = NULL;
  g_autofree char *stem = NULL;
  gboolean declinable;

  if (form == NULL || *form == '\0')
    return;

  mark_in_table (lexicon, form, bit, lexicon->currency);
  if (bit != LANG_RU)
    return;

  folded = fold_word (form, -1);
  stem = russian_stem (folded, &declinable);
  if (declinable)
    mark_in_table (lexicon, stem, bit, lexicon->currency);
}

static void
add_currency (Lexicon    *lexicon,
              JsonObject *root)
{
  JsonObject *currency;
  JsonArray *symbols = NULL;

  for_each_string (root, "currency", add_currency_word, lexicon, NULL);

  if (root == NULL || !json_object_has_member (root, "currency"))
    return;
  currency = json_object_get_object_member (root, "currency");
  if (currency != NULL && json_object_has_member (currency, "symbols"))
    symbols = json_object_get_array_member (currency, "symbols");

  for (guint i = 0; symbols != NULL && i < json_array_get_length (symbols); i++)
    {
      const char *symbol = json_array_get_string_element (symbols, i);

      if (symbol != NULL && *symbol != '\0')
        g_ptr_array_add (lexicon->symbols, g_strdup (symbol));
    }
}

static gboolean
same_words (const Entry *a,
            const Entry *b)
{
  if (a->n_tokens != b->n_tokens)
    return FALSE;
  for (guint t = 0; t < a->n_tokens; t++)
    if (strcmp (a->tokens[t], b->tokens[t]) != 0 || a->declinable[t] != b->declinable[t])
      return FALSE;
  return TRUE;
}

static gboolean
has_other (const Entry *entry,
           const char  *code)
{
  for (guint k = 0; k < entry->n_others; k++)
    if (strcmp (entry->others[k], code) == 0)
      return TRUE;
  return FALSE;
}

/* A demonym the table lists under several countries ("Guinean", "Korean")
 * becomes one entry per country; whichever of them matches first learns
 * the others, so the text can choose among them later (see
 * resolve_mentions). */
static void
link_ambiguous (GPtrArray *list)
{
  for (guint i = 0; i < list->len; i++)
    {
      Entry *a = g_ptr_array_index (list, i);

      for (guint j = 0; j < list->len; j++)
        {
          const Entry *b = g_ptr_array_index (list, j);

          if (a->form != ACCORDS_COUNTRY_FORM_DEMONYM || b->form != ACCORDS_COUNTRY_FORM_DEMONYM ||
              a->code[0] == '\0' || b->code[0] == '\0' || strcmp (a->code, b->code) == 0 ||
              (a->langs & b->langs) == 0 || !same_words (a, b) || has_other (a, b->code) ||
              a->n_others >= G_N_ELEMENTS (a->others))
            continue;

          g_strlcpy (a->others[a->n_others++], b->code, sizeof a->others[0]);
        }
    }
}

/* Capitals of the countries listed in "seat_capitals" */
static void
mark_seats (Lexicon    *lexicon,
            JsonObject *root)
{
  JsonArray *codes;
  GHashTableIter iter;
  gpointer value;

  if (root == NULL || !json_object_has_member (root, "seat_capitals"))
    return;
  codes = json_object_get_array_member (root, "seat_capitals");

  g_hash_table_iter_init (&iter, lexicon->seen);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;

      if (entry->form != ACCORDS_COUNTRY_FORM_CAPITAL)
        continue;
      for (guint i = 0; codes != NULL && i < json_array_get_length (codes); i++)
        if (g_strcmp0 (json_array_get_string_element (codes, i), entry->code) == 0)
          entry->seat = TRUE;
    }
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  return (gint) strlen (*(const char **) b) - (gint) strlen (*(const char **) a);
}

static gpointer
build_lexicon (gpointer data G_GNUC_UNUSED)
{
  Lexicon *lexicon = g_new0 (Lexicon, 1);
  JsonObject *table = _accords_extract_table ("countries");
  GHashTableIter iter;
  gpointer value;

  lexicon->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->excluded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->person_like = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->endings = g_ptr_array_new_with_free_func (g_free);
  lexicon->clitics = g_ptr_array_new_with_free_func (g_free);
  lexicon->currency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lexicon->symbols = g_ptr_array_new_with_free_func (g_free);
  for (guint l = 0; l < G_N_ELEMENTS (_accords_countries_languages); l++)
    lexicon->cues[l] = g_ptr_array_new_with_free_func (g_free);

  for_each_string (table, "excluded", mark_in_table, lexicon, lexicon->excluded);
  for_each_string (table, "person_like", mark_in_table, lexicon, lexicon->person_like);
  for_each_string (table, "stem_endings", add_to_array, lexicon, lexicon->endings);
  for_each_string (table, "clitics", add_to_array, lexicon, lexicon->clitics);
  for_each_string (table, "list_cues", add_cue, lexicon, NULL);
  add_currency (lexicon, table);
  g_ptr_array_sort (lexicon->endings, compare_longest_first);
  g_ptr_array_sort (lexicon->clitics, compare_longest_first);

  /* Order matters where one form names two things: the first kept wins
   * among entries of the same length (see match_at). */
  for_each_string (table, "not_countries", add_region, lexicon, NULL);
  add_table_forms (lexicon, table, "names", ACCORDS_COUNTRY_FORM_NAME);
  add_iso_names (lexicon);
  add_table_forms (lexicon, table, "capitals", ACCORDS_COUNTRY_FORM_CAPITAL);
  add_table_forms (lexicon, table, "demonyms", ACCORDS_COUNTRY_FORM_DEMONYM);

  g_hash_table_iter_init (&iter, lexicon->by_first);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_sort (value, compare_entries);
      link_ambiguous (value);
    }
  mark_seats (lexicon, table);

  return lexicon;
}

Lexicon *
_accords_countries_get_lexicon (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_lexicon, NULL);
  return once.retval;
}
