/* accords-extract-countries.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-country.h"
#include "accords-extract-private.h"

/* Countries in a report: first every way the text names one (its names in
 * seven languages, demonyms, capitals used for the state), then which of
 * them take part in the act and which are only named.
 *
 * Names are compared word by word in a folded form (lower case, no accents
 * or Arabic vowel marks, one form of each Arabic/Persian letter), so the
 * text is cut into words once and each word is looked up in a hash of the
 * first words of all names: a few hash lookups per word, whatever the
 * number of names. */

typedef enum
{
  CASE_ANY,      /* "iranien", Arabic script */
  CASE_CAPITAL,  /* "Iran": the first letter must be a capital */
  CASE_UPPER,    /* "UK", "США": every letter a capital */
} CaseRule;

enum
{
  LANG_EN = 1 << 0,
  LANG_FR = 1 << 1,
  LANG_ES = 1 << 2,
  LANG_PT = 1 << 3,
  LANG_RU = 1 << 4,
  LANG_AR = 1 << 5,
  LANG_FA = 1 << 6,
  LANG_ALL = 0x7f,
};

static const char *languages[] = { "en", "fr", "es", "pt", "ru", "ar", "fa" };

typedef struct
{
  char              **tokens;      /* folded words; stems where declinable */
  gboolean           *declinable;  /* per token: takes a Russian case ending */
  guint               n_tokens;
  guint               langs;       /* LANG_* the form belongs to */
  char                code[3];     /* empty for a region or body */
  AccordsCountryForm  form;
  CaseRule            case_rule;
  gboolean            person_like;
  gboolean            seat;        /* a capital that often stands for a body */
  guint               n_others;    /* other countries the same words may mean */
  char                others[3][3];
} Entry;

typedef struct
{
  GHashTable *by_first;   /* first token → GPtrArray of Entry, most tokens first */
  GHashTable *seen;       /* "code form langs tokens" → entry, against duplicates */
  GHashTable *excluded;   /* folded form → language mask */
  GHashTable *person_like;/* folded form → language mask */
  GPtrArray  *endings;    /* folded Russian case endings, longest first */
  GPtrArray  *clitics;    /* folded Arabic clitics, longest first */
  GPtrArray  *cues[G_N_ELEMENTS (languages)]; /* folded list cues */
  GHashTable *currency;   /* folded currency word or Russian stem → language mask */
  GPtrArray  *symbols;    /* currency symbols: "$" */
} Lexicon;

typedef struct
{
  gsize     start;
  gsize     end;
  char     *folded;
  gboolean  first_upper;
  gboolean  all_upper;
  gboolean  arabic;
  gboolean  cyrillic;
} Word;

static guint
language_bit (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
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

static GArray *
split_words (const char *text)
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
  g_autoptr(GArray) words = split_words (form);
  char **tokens = g_new0 (char *, words->len + 1);

  for (guint i = 0; i < words->len; i++)
    tokens[i] = g_strdup (g_array_index (words, Word, i).folded);

  return tokens;
}

static gboolean
is_listed (GHashTable *table,
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
  if (is_listed (lexicon->excluded, joined, langs))
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
  entry->person_like = n == 1 && is_listed (lexicon->person_like, joined, langs);
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
  GHashTable *catalogues[G_N_ELEMENTS (languages)] = { NULL };
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_name_free);
  g_autoptr(GHashTable) short_owner = NULL;

  short_owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *path = g_build_filename (ISO_CODES_LOCALEDIR, languages[l],
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
          for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
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

  for (guint l = 1; l < G_N_ELEMENTS (languages); l++)
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
          guint bit = language_bit (l->data);

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
      guint bit = language_bit (l->data);

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
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
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
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
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

static Lexicon *
get_lexicon (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, build_lexicon, NULL);
  return once.retval;
}

/* Whether text word @word is entry token @token, allowing a Russian case
 * ending after a declinable stem. */
static gboolean
token_matches (Lexicon    *lexicon,
               const char *word,
               const char *token,
               gboolean    declinable)
{
  gsize tlen;

  if (strcmp (word, token) == 0)
    return TRUE;
  if (!declinable)
    return FALSE;

  tlen = strlen (token);
  if (strncmp (word, token, tlen) != 0)
    return FALSE;
  for (guint i = 0; i < lexicon->endings->len; i++)
    if (strcmp (word + tlen, g_ptr_array_index (lexicon->endings, i)) == 0)
      return TRUE;
  return FALSE;
}

/* Words of one name are separated by a space, a hyphen or a dot ("U.S.",
 * "Эр-Рияд", "EE. UU."), nothing else. */
static gboolean
is_name_gap (const char *text,
             gsize       from,
             gsize       to)
{
  if (to <= from || to - from > 4)
    return FALSE;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '-' && c != '.' && c != 0x00A0 && c != 0x2010 &&
          c != 0x2011 && c != 0x200C && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return TRUE;
}

/* "AMA", "CAN": a short word in capitals amid ordinary words is an
 * abbreviation, not a name in capitals ("Amã", "Can"). Headlines and
 * datelines in capitals ("LIMA, 3 Jun") keep their names: there the word
 * starts a line or has capitals next to it. */
static gboolean
is_abbreviation (const char *text,
                 const Word *words,
                 guint       n_words,
                 guint       i)
{
  gsize start = words[i].start;

  if (!words[i].all_upper || g_utf8_strlen (text + start, words[i].end - start) > 4)
    return FALSE;

  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t'))
    start--;
  if (start == 0 || text[start - 1] == '\n')
    return FALSE;
  if (i > 0 && words[i - 1].all_upper)
    return FALSE;
  if (i + 1 < n_words && words[i + 1].all_upper)
    return FALSE;

  return TRUE;
}

static gboolean
case_fits (const Entry *entry,
           const char  *text,
           const Word  *words,
           guint        n_words,
           guint        first)
{
  switch (entry->case_rule)
    {
    case CASE_CAPITAL:
      if (entry->n_tokens == 1 && is_abbreviation (text, words, n_words, first))
        return FALSE;
      return words[first].first_upper || words[first].arabic;
    case CASE_UPPER:
      for (guint i = 0; i < entry->n_tokens; i++)
        if (!words[first + i].all_upper)
          return FALSE;
      return TRUE;
    case CASE_ANY:
    default:
      return TRUE;
    }
}

/* A name that is also a person's or a town's name counts only when it
 * stands alone: "Michael Jordan" and "Washington Post" are not countries. */
static gboolean
stands_alone (const char *text,
              const Word *words,
              guint       n_words,
              guint       i)
{
  if (i + 1 < n_words && words[i + 1].first_upper &&
      words[i + 1].start - words[i].end == 1 && text[words[i].end] == ' ')
    return FALSE;

  if (i > 0 && words[i - 1].first_upper &&
      words[i].start - words[i - 1].end == 1 && text[words[i - 1].end] == ' ')
    {
      /* unless that word starts a sentence */
      const char *p = text + words[i - 1].start;

      while (p > text)
        {
          gunichar c;

          p = g_utf8_prev_char (p);
          c = g_utf8_get_char (p);
          if (!g_unichar_isspace (c))
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
                   c == 0x201C || c == 0x00AB;
        }
      return TRUE;
    }

  return TRUE;
}

typedef struct
{
  const Entry *entry;
  guint        n_words;
} Match;

static void
try_entries (Lexicon    *lexicon,
             const char *text,
             const Word *words,
             guint       n_words,
             guint       i,
             const char *key,
             gboolean    inflected,
             guint       langs,
             Match      *best)
{
  GPtrArray *list = g_hash_table_lookup (lexicon->by_first, key);

  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      const Entry *entry = g_ptr_array_index (list, k);
      gboolean ok = TRUE;

      if ((entry->langs & langs) == 0 || i + entry->n_tokens > n_words)
        continue;
      if (entry->n_tokens <= best->n_words)
        break;
      if (inflected && !entry->declinable[0])
        continue;

      for (guint t = 1; ok && t < entry->n_tokens; t++)
        ok = is_name_gap (text, words[i + t - 1].end, words[i + t].start) &&
             token_matches (lexicon, words[i + t].folded, entry->tokens[t], entry->declinable[t]);

      if (!ok || !case_fits (entry, text, words, n_words, i))
        continue;
      if (entry->person_like && !stands_alone (text, words, n_words, i))
        continue;

      best->entry = entry;
      best->n_words = entry->n_tokens;
    }
}

static void
match_at (Lexicon    *lexicon,
          const char *text,
          const Word *words,
          guint       n_words,
          guint       i,
          guint       langs,
          Match      *best)
{
  const Word *word = &words[i];

  best->entry = NULL;
  best->n_words = 0;

  try_entries (lexicon, text, words, n_words, i, word->folded, FALSE, langs, best);

  if (word->arabic)
    {
      /* "والسعودية", "بمصر", "للسعودية" (ل + ال), "المصرية" */
      for (guint c = 0; c < lexicon->clitics->len; c++)
        {
          const char *clitic = g_ptr_array_index (lexicon->clitics, c);
          gsize clen = strlen (clitic);
          const char *rest = word->folded + clen;
          gboolean fused;

          if (!g_str_has_prefix (word->folded, clitic) || g_utf8_strlen (rest, -1) < 2)
            continue;

          /* "لل"/"بال"/"وال" hold the article: try the word with and without it */
          fused = g_str_has_suffix (clitic, "ال") || g_str_has_suffix (clitic, "لل");
          if (fused)
            {
              g_autofree char *with_article = g_strconcat ("ال", rest, NULL);

              try_entries (lexicon, text, words, n_words, i, with_article, FALSE, langs, best);
            }
          try_entries (lexicon, text, words, n_words, i, rest, FALSE, langs, best);
        }
      if (g_str_has_prefix (word->folded, "ال") && g_utf8_strlen (word->folded, -1) > 4)
        try_entries (lexicon, text, words, n_words, i, word->folded + strlen ("ال"),
                     FALSE, langs, best);
    }
  else if (word->cyrillic)
    {
      gsize wlen = strlen (word->folded);

      for (guint e = 0; e < lexicon->endings->len; e++)
        {
          const char *ending = g_ptr_array_index (lexicon->endings, e);
          gsize elen = strlen (ending);
          g_autofree char *stem = NULL;

          if (elen >= wlen || !g_str_has_suffix (word->folded, ending))
            continue;
          stem = g_strndup (word->folded, wlen - elen);
          if (g_utf8_strlen (stem, -1) < 3)
            continue;
          try_entries (lexicon, text, words, n_words, i, stem, TRUE, langs, best);
        }
    }
}

static guint
languages_for (const char *language)
{
  guint bit = language_bit (language);

  if (bit == 0)
    return LANG_ALL;
  return LANG_EN | bit;
}

static gboolean
is_iso_date (const char *p)
{
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Datelines: "LONDON, Nov 2 (AFP) --", "TEHRAN –", "Rabat –",
 * "ДУШАНБЕ, 20 ноя —" at the start of a line (after a " date YYYY-MM-DD"
 * prefix). They say where the outlet sits, not who takes part. Returns the
 * end of the place's words, or 0 when the line does not start so. */
static gsize
dateline_end (const char *text,
              gsize       line,
              gboolean   *all_upper)
{
  const char *p = text + line;
  const char *run_end;
  guint cased = 0, upper = 0, words = 0;
  gboolean in_word = FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_str_has_prefix (p, "date ") && is_iso_date (p + 5))
    {
      p += 15;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  line = p - text;
  for (; *p != '\0' && p - (text + line) < 40; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            {
              words++;
              if (!g_unichar_isupper (c))
                return 0;
            }
          in_word = TRUE;
          if (g_unichar_isupper (c))
            cased++, upper++;
          else if (g_unichar_islower (c))
            cased++;
        }
      else if (c == ' ' || c == '-' || c == '.' || c == '\'')
        {
          if (c == '-' && p[1] == '-')
            break;
          in_word = FALSE;
        }
      else
        break;
    }

  if (words == 0 || words > 4 || cased == 0)
    return 0;

  run_end = p;
  while (run_end > text + line && run_end[-1] == ' ')
    run_end--;
  *all_upper = upper == cased;

  /* "Rabat –", "KYIV --" */
  if (g_str_has_prefix (p, "--") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    return run_end - text;

  /* "LONDON, Nov 2 (AFP) --", "ДУШАНБЕ, 20 ноя —" */
  if (*p == ',')
    {
      const char *eol = strchr (p, '\n');
      gsize span = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *after = g_strndup (p, MIN (span, 48));
      gboolean digit = FALSE;

      for (const char *q = after; *q != '\0' && q - after < 16; q++)
        digit |= g_ascii_isdigit (*q);

      if (digit &&
          (strstr (after, "--") != NULL || strstr (after, "–") != NULL ||
           strstr (after, "—") != NULL || strstr (after, "(") != NULL))
        return run_end - text;
    }

  return 0;
}

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean all_upper;
} Range;

static GArray *
find_datelines (const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  for (const char *line = text; line != NULL; line = strchr (line, '\n'))
    {
      Range range;

      if (*line == '\n')
        line++;
      range.start = line - text;
      range.end = dateline_end (text, range.start, &range.all_upper);
      if (range.end > 0)
        g_array_append_val (ranges, range);
    }

  return ranges;
}

/* Whether folded text word @word is a currency word of @langs: as it
 * stands, Russian without its case ending ("долларов"), Arabic without
 * its clitics and article ("بالدولار"). */
static gboolean
is_currency_word (Lexicon    *lexicon,
                  const Word *word,
                  guint       langs)
{
  const char *folded = word->folded;

  if (is_listed (lexicon->currency, folded, langs))
    return TRUE;

  if (word->cyrillic)
    {
      gsize wlen = strlen (folded);

      for (guint e = 0; e < lexicon->endings->len; e++)
        {
          const char *ending = g_ptr_array_index (lexicon->endings, e);
          gsize elen = strlen (ending);
          g_autofree char *stem = NULL;

          if (elen >= wlen || !g_str_has_suffix (folded, ending))
            continue;
          stem = g_strndup (folded, wlen - elen);
          if (is_listed (lexicon->currency, stem, langs))
            return TRUE;
        }
    }
  else if (word->arabic)
    {
      for (guint c = 0; c < lexicon->clitics->len; c++)
        {
          const char *clitic = g_ptr_array_index (lexicon->clitics, c);
          const char *rest = folded + strlen (clitic);

          /* "بين" is "between", not ب + "ين" (yen) */
          if (!g_str_has_prefix (folded, clitic) || g_utf8_strlen (rest, -1) < 3)
            continue;
          if (is_listed (lexicon->currency, rest, langs) ||
              (g_str_has_prefix (rest, "ال") &&
               is_listed (lexicon->currency, rest + strlen ("ال"), langs)))
            return TRUE;
        }
      if (g_str_has_prefix (folded, "ال") && g_utf8_strlen (folded, -1) > 4 &&
          is_listed (lexicon->currency, folded + strlen ("ال"), langs))
        return TRUE;
    }

  return FALSE;
}

/* Only spaces between two words: "US dollars", not "dollars. America" */
static gboolean
is_space_gap (const char *text,
              gsize       from,
              gsize       to)
{
  if (to <= from || to - from > 8)
    return FALSE;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '\t' && c != 0x00A0 && c != 0x202F && c != 0x200C)
        return FALSE;
    }
  return TRUE;
}

/* Money is not a mention of a country: "US$18 million", "18 millions
 * $US", "HK $5", "American dollars", "dólares estadounidenses", "долларов
 * США", "دولار أمريكي", "Japanese yen". A name or demonym glued to a
 * currency symbol (or one space from it, when it is an abbreviation in
 * capitals), or right next to a currency word, names a currency. */
static gboolean
is_currency (Lexicon    *lexicon,
             const char *text,
             const Word *words,
             guint       n_words,
             guint       first,
             guint       n,
             guint       langs)
{
  gsize start = words[first].start;
  gsize end = words[first + n - 1].end;
  gsize length = strlen (text);
  gboolean abbreviation = words[first].all_upper;

  for (guint s = 0; s < lexicon->symbols->len; s++)
    {
      const char *symbol = g_ptr_array_index (lexicon->symbols, s);
      gsize slen = strlen (symbol);

      if (strncmp (text + end, symbol, slen) == 0 ||
          (abbreviation && text[end] == ' ' && strncmp (text + end + 1, symbol, slen) == 0))
        return TRUE;
      if ((start >= slen && strncmp (text + start - slen, symbol, slen) == 0) ||
          (abbreviation && start > slen && text[start - 1] == ' ' &&
           strncmp (text + start - 1 - slen, symbol, slen) == 0))
        return TRUE;
    }

  if (end > length)
    return FALSE;

  if (first > 0 && is_space_gap (text, words[first - 1].end, start) &&
      is_currency_word (lexicon, &words[first - 1], langs))
    return TRUE;

  if (first + n < n_words && is_space_gap (text, end, words[first + n].start) &&
      is_currency_word (lexicon, &words[first + n], langs))
    return TRUE;

  return FALSE;
}

typedef struct
{
  AccordsCountryMention  mention;
  const Entry           *entry;
} Found;

static gboolean
names_code (GArray     *found,
            const char *code)
{
  for (guint i = 0; i < found->len; i++)
    {
      const Found *f = &g_array_index (found, Found, i);

      if (f->entry->n_others == 0 && !f->entry->seat && strcmp (f->mention.code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Forms that need the rest of the text. A demonym several countries share
 * ("guineense": Guinea, Guinea-Bissau or Equatorial Guinea) is the one of
 * them the text also names plainly (by name, capital or an unambiguous
 * demonym); when none or several are, it is left out rather than guessed.
 * A capital that seats a regional body (Brussels) counts for its state
 * only when the text names that state otherwise. */
static GArray *
resolve_mentions (GArray *found)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (AccordsCountryMention));

  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      const char *chosen = NULL;
      guint n_named = 0;

      if (f->entry->n_others == 0 && !f->entry->seat)
        {
          g_array_append_val (mentions, f->mention);
          continue;
        }

      if (f->entry->seat)
        {
          if (names_code (found, f->mention.code))
            g_array_append_val (mentions, f->mention);
          continue;
        }

      if (names_code (found, f->entry->code))
        chosen = f->entry->code, n_named++;
      for (guint k = 0; k < f->entry->n_others; k++)
        if (names_code (found, f->entry->others[k]))
          chosen = f->entry->others[k], n_named++;

      if (n_named == 1)
        {
          g_strlcpy (f->mention.code, chosen, sizeof f->mention.code);
          g_array_append_val (mentions, f->mention);
        }
    }

  return mentions;
}

static GArray *
find_mentions (const char *text,
               const char *language,
               GArray     *datelines)
{
  Lexicon *lexicon = get_lexicon ();
  g_autoptr(GArray) words = split_words (text);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  guint langs = languages_for (language);
  const Word *w = (const Word *) (gpointer) words->data;

  for (guint i = 0; i < words->len;)
    {
      Match match;
      Found f;
      gboolean in_dateline = FALSE;
      gboolean currency;

      match_at (lexicon, text, w, words->len, i, langs, &match);
      if (match.entry == NULL)
        {
          i++;
          continue;
        }

      f.entry = match.entry;
      f.mention.start = w[i].start;
      f.mention.end = w[i + match.n_words - 1].end;
      memcpy (f.mention.code, match.entry->code, sizeof f.mention.code);
      f.mention.form = match.entry->form;
      currency = match.entry->code[0] != '\0' &&
                 is_currency (lexicon, text, w, words->len, i, match.n_words, langs);
      i += match.n_words;

      if (f.mention.code[0] == '\0' || currency)
        continue;

      /* a dateline names the outlet's city; a mixed-case one ("Rabat –")
       * only counts as such when it is a capital, not "Kenya – …" */
      for (guint d = 0; datelines != NULL && d < datelines->len; d++)
        {
          Range *range = &g_array_index (datelines, Range, d);

          if (f.mention.start >= range->start && f.mention.end <= range->end &&
              (range->all_upper || f.mention.form == ACCORDS_COUNTRY_FORM_CAPITAL))
            in_dateline = TRUE;
        }

      if (!in_dateline)
        g_array_append_val (found, f);
    }

  return resolve_mentions (found);
}

/**
 * _accords_extract_country_mentions:
 * @text: an article
 * @language: (nullable): its ISO 639-1 code; NULL tries every language
 *
 * Every country the text names — by name, demonym or capital — in text
 * order. Datelines ("LONDON, Nov 2 (AFP) --") are left out: they name where
 * the outlet sits. Regions and organisations are never countries.
 *
 * Returns: (transfer full): an array of AccordsCountryMention
 */
GArray *
_accords_extract_country_mentions (const char *text,
                                   const char *language)
{
  g_autoptr(GArray) datelines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  datelines = find_datelines (text);
  return find_mentions (text, language, datelines);
}

/* Parties and the merely mentioned.
 *
 * A party is named where the report says what happened: the headline and
 * the lead, or again and again through the text. A country named once
 * far down, in a list of examples or earlier trips ("following visits to
 * Cuba, Venezuela and …", "like X"), or in a list of three or more outside
 * the lead, is only mentioned. */

#define LEAD_WEIGHT 3

typedef struct
{
  char     code[3];
  gsize    first;
  guint    weight;
  guint    count;
  gboolean named;       /* by name or demonym, not only by its capital */
  gboolean lead_list;   /* in a list of countries in the lead */
} Tally;

/* The end of the lead: the first line with a paragraph's worth of text
 * (headline, header and byline lines come before it). */
static gsize
lead_end (const char *text)
{
  const char *line = text;

  while (line != NULL && *line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize) (eol - line) : strlen (line);

      if (length >= 100)
        return line - text + length;
      line = eol != NULL ? eol + 1 : NULL;
    }

  return strlen (text);
}

/* Whether only list punctuation and conjunctions separate two mentions:
 * "Peru, Colombia, Ecuador, and the Dominican Republic". */
static gboolean
is_list_gap (const char *text,
             gsize       from,
             gsize       to)
{
  static const char *joiners[] = { "and", "the", "or", "et", "la", "le", "les", "l'", "y", "el",
                                   "e", "o", "a", "и", "или", "و", "او", "ou" };
  g_autofree char *gap = NULL;
  g_auto(GStrv) parts = NULL;

  if (to < from || to - from > 16)
    return FALSE;

  {
    g_auto(GStrv) pieces = NULL;

    /* commas, Latin and Arabic, are spaces here */
    gap = g_strndup (text + from, to - from);
    g_strdelimit (gap, ",", ' ');
    pieces = g_strsplit (gap, "،", -1);
    g_free (gap);
    gap = g_strjoinv (" ", pieces);
  }
  parts = g_strsplit (g_strstrip (gap), " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean known = parts[i][0] == '\0';

      for (guint j = 0; !known && j < G_N_ELEMENTS (joiners); j++)
        known = strcmp (parts[i], joiners[j]) == 0;
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* Whether a cue word ("like", "visits to", "comme") closes the few words
 * before @start in the same sentence. */
static gboolean
follows_cue (Lexicon    *lexicon,
             const char *text,
             gsize       start,
             guint       lang_index)
{
  gsize from = start > 48 ? start - 48 : 0;
  g_autofree char *window = NULL;
  g_autoptr(GArray) words = NULL;
  GPtrArray *cues;

  if (lang_index >= G_N_ELEMENTS (languages))
    return FALSE;
  cues = lexicon->cues[lang_index];

  /* stay in the sentence */
  for (gsize p = start; p > from; p--)
    if (strchr (".;:!?\n", text[p - 1]) != NULL)
      {
        from = p;
        break;
      }

  while (from < start && (text[from] & 0xC0) == 0x80)
    from++;
  window = g_strndup (text + from, start - from);
  words = split_words (window);

  for (guint c = 0; c < cues->len; c++)
    {
      g_auto(GStrv) cue = g_strsplit (g_ptr_array_index (cues, c), " ", -1);
      guint n = g_strv_length (cue);

      /* the cue may sit up to two words before the list ("similar deals with") */
      for (guint end = words->len; end >= n && end + 2 >= words->len && end > 0; end--)
        {
          gboolean hit = TRUE;

          for (guint k = 0; hit && k < n; k++)
            hit = strcmp (g_array_index (words, Word, end - n + k).folded, cue[k]) == 0;
          if (hit)
            return TRUE;
        }
    }

  return FALSE;
}

static Tally *
tally_for (GArray     *tallies,
           const char *code,
           gsize       first)
{
  Tally tally = { { 0 }, 0, 0, 0, FALSE, FALSE };

  for (guint i = 0; i < tallies->len; i++)
    if (strcmp (g_array_index (tallies, Tally, i).code, code) == 0)
      return &g_array_index (tallies, Tally, i);

  memcpy (tally.code, code, sizeof tally.code);
  tally.first = first;
  g_array_append_val (tallies, tally);
  return &g_array_index (tallies, Tally, tallies->len - 1);
}

static gint
compare_weight (gconstpointer a,
                gconstpointer b)
{
  const Tally *ta = a, *tb = b;

  if (ta->weight != tb->weight)
    return ta->weight > tb->weight ? -1 : 1;
  return ta->first < tb->first ? -1 : ta->first > tb->first;
}

static gboolean
is_party (GArray     *ranked,
          const char *code)
{
  for (guint i = 0; i < ranked->len; i++)
    if (strcmp (g_array_index (ranked, Tally, i).code, code) == 0)
      return TRUE;
  return FALSE;
}

void
_accords_extract_countries (AccordsExtraction *ex)
{
  Lexicon *lexicon = get_lexicon ();
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (Tally));
  g_autoptr(GArray) parties = g_array_new (FALSE, FALSE, sizeof (Tally));
  g_autofree guint *weights = NULL;
  g_autofree gboolean *lead_list = NULL;
  gsize lead = lead_end (ex->text);
  guint lang_index = G_N_ELEMENTS (languages);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    if (g_strcmp0 (ex->language, languages[l]) == 0)
      lang_index = l;

  mentions = _accords_extract_country_mentions (ex->text, ex->language);
  if (mentions->len == 0)
    return;

  weights = g_new0 (guint, mentions->len);
  lead_list = g_new0 (gboolean, mentions->len);
  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);

      weights[i] = m->start < lead ? LEAD_WEIGHT : 1;
    }

  /* lists: chains of mentions joined by commas and conjunctions */
  for (guint i = 0; i < mentions->len;)
    {
      guint j = i + 1;
      guint distinct = 1;
      gboolean cued;

      while (j < mentions->len &&
             is_list_gap (ex->text,
                          g_array_index (mentions, AccordsCountryMention, j - 1).end,
                          g_array_index (mentions, AccordsCountryMention, j).start))
        {
          if (strcmp (g_array_index (mentions, AccordsCountryMention, j).code,
                      g_array_index (mentions, AccordsCountryMention, j - 1).code) != 0)
            distinct++;
          j++;
        }

      cued = follows_cue (lexicon, ex->text,
                          g_array_index (mentions, AccordsCountryMention, i).start, lang_index);
      if (cued ||
          (distinct >= 3 && g_array_index (mentions, AccordsCountryMention, i).start >= lead))
        for (guint k = i; k < j; k++)
          weights[k] = 0;
      else if (distinct >= 2 && g_array_index (mentions, AccordsCountryMention, i).start < lead)
        for (guint k = i; k < j; k++)
          lead_list[k] = TRUE;

      i = j;
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);
      Tally *tally = tally_for (tallies, m->code, m->start);

      tally->weight += weights[i];
      tally->count++;
      tally->named |= m->form != ACCORDS_COUNTRY_FORM_CAPITAL && weights[i] > 0;
      tally->lead_list |= lead_list[i];
    }

  /* Parties: the two countries named most, weighing the lead most; a
   * third or fourth (a multilateral act) only when named in the lead, not
   * far behind the second, and listed with the others ("Ukraine, the
   * United Kingdom and Estonia") or as prominent as the second. A country
   * present only through its capital ("signed in Paris") is a venue. */
  {
    g_autoptr(GArray) ranked = g_array_copy (tallies);
    guint second;

    g_array_sort (ranked, compare_weight);
    second = ranked->len > 1 ? g_array_index (ranked, Tally, 1).weight : 0;

    for (guint i = 0; i < ranked->len; i++)
      {
        Tally *tally = &g_array_index (ranked, Tally, i);
        gboolean keep;

        if (i < 2)
          keep = tally->weight >= 2 || (i == 0 && tally->weight > 0);
        else
          keep = tally->weight >= LEAD_WEIGHT && tally->weight * 2 >= second &&
                 tally->named && (tally->lead_list || tally->weight >= second);

        if (keep)
          g_array_append_val (parties, *tally);
      }
  }

  /* in order of first appearance */
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = &g_array_index (tallies, Tally, i);

      _accords_extract_add_unique (is_party (parties, tally->code) ? ex->parties : ex->mentioned,
                                   tally->code);
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);

      _accords_extract_add_span (ex,
                                 is_party (parties, m->code) ? ACCORDS_EXTRACT_FIELD_PARTY
                                                             : ACCORDS_EXTRACT_FIELD_MENTIONED,
                                 m->start, m->end);
    }
}
