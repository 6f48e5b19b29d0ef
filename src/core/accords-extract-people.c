/* accords-extract-people.c
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
#include "accords-person.h"

/* The people pass: people, organisations and the venue.
 *
 * The text is cut into tokens (words and single punctuation marks). In
 * scripts with capitals (Latin, Cyrillic) a name is a run of capitalised
 * words that are not titles, portfolio words ("Digital", "Economy"),
 * organisation words or countries; it is taken when the text gives it a
 * part: a title before it ("Minister of ICT Jane Doe", "le ministre
 * brésilien des Communications, Jean Dupont"), a title after it ("Jane
 * Doe, the Minister of…"), an honorific, a verb of speech ("Jane Doe
 * said"), or an "and" joining it to a name already taken. In Arabic and
 * Persian a name is read after a title and its complement, or after an
 * honorific. All the words come from data/extract/people.json. */

#define MAX_WALK 32

typedef struct
{
  gsize  start;
  gsize  end;
  char  *fold;          /* lower case, ’ written ' */
  guint  word : 1;
  guint  cap : 1;       /* starts with an upper-case letter */
  guint  has_lower : 1;
  guint  initial : 1;   /* "K." */
  guint  stop : 1;      /* ends a sentence */
  gint   country;       /* index into mentions, or -1 */
} Token;

typedef struct
{
  GHashTable *exact;
  GPtrArray  *stems;    /* entries that ended in '*' */
} WordSet;

typedef struct
{
  char  *name;
  char  *role;
  char  *country;
  gsize  start;
  gsize  end;
} Candidate;

typedef struct
{
  AccordsExtraction *ex;
  const char        *text;
  const char        *lang;
  JsonObject        *table;
  gboolean           romance;
  gboolean           arabic_script;
  gboolean           russian;

  GArray            *tokens;     /* Token */
  GArray            *mentions;   /* AccordsCountryMention */
  GHashTable        *lower;      /* words the text also writes in lower case */

  WordSet            titles;
  WordSet            modifiers;
  WordSet            honorifics;
  WordSet            keep_honorifics;
  WordSet            particles;
  WordSet            abbreviations;
  WordSet            connectors;
  WordSet            articles;
  WordSet            portfolio;
  WordSet            orgs;
  WordSet            org_heads;
  WordSet            stops;
  WordSet            forum_words;
  WordSet            forum_triggers;
  WordSet            venue_preps;
  WordSet            venue_weak;
  WordSet            ar_particles;
  WordSet            fa_prefixes;
  JsonArray         *suffixes;
  JsonArray         *speech;

  GPtrArray         *candidates; /* Candidate */
  gboolean          *taken;      /* per token: part of an accepted name */
} Ctx;

/* Word sets */

static void
word_set_init (WordSet   *set,
               JsonArray *array)
{
  set->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->stems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *word = json_array_get_string_element (array, i);
      gsize len;

      if (word == NULL || (len = strlen (word)) == 0)
        continue;
      if (word[len - 1] == '*')
        g_ptr_array_add (set->stems, g_strndup (word, len - 1));
      else
        g_hash_table_add (set->exact, g_strdup (word));
    }
}

static void
word_set_clear (WordSet *set)
{
  g_clear_pointer (&set->exact, g_hash_table_unref);
  g_clear_pointer (&set->stems, g_ptr_array_unref);
}

static gboolean
word_set_has (const WordSet *set,
              const char    *word)
{
  if (word == NULL)
    return FALSE;
  if (g_hash_table_contains (set->exact, word))
    return TRUE;
  for (guint i = 0; i < set->stems->len; i++)
    if (g_str_has_prefix (word, g_ptr_array_index (set->stems, i)))
      return TRUE;
  return FALSE;
}

static JsonArray *
lang_array (JsonObject *table,
            const char *member,
            const char *lang)
{
  JsonObject *by_lang;

  if (table == NULL || !json_object_has_member (table, member))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (json_object_get_member (table, member)))
    return json_object_get_array_member (table, member);

  by_lang = json_object_get_object_member (table, member);
  if (by_lang == NULL || lang == NULL || !json_object_has_member (by_lang, lang))
    return NULL;

  return json_object_get_array_member (by_lang, lang);
}

/* Tokens */

static char *
fold_word (const char *start,
           gsize       len)
{
  g_autofree char *down = g_utf8_strdown (start, len);
  GString *folded = g_string_new (NULL);

  /* one apostrophe, so that tables need not list both */
  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x02BC)
        g_string_append_c (folded, '\'');
      else
        g_string_append_unichar (folded, c);
    }

  return g_string_free (folded, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  /* U+200C joins Persian compounds ("رئیس‌جمهور"), U+0640 is the tatweel */
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == 0x200C || c == 0x0640;
}

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019;
}

static void
add_token (Ctx        *ctx,
           gsize       start,
           gsize       end,
           gboolean    word)
{
  Token token = { 0 };

  token.start = start;
  token.end = end;
  token.fold = fold_word (ctx->text + start, end - start);
  token.word = word;
  token.country = -1;

  if (word)
    {
      gunichar first = g_utf8_get_char (ctx->text + start);

      token.cap = g_unichar_isupper (first);
      for (const char *p = ctx->text + start; p < ctx->text + end; p = g_utf8_next_char (p))
        if (g_unichar_islower (g_utf8_get_char (p)))
          token.has_lower = TRUE;
      token.initial = token.cap && g_utf8_strlen (ctx->text + start, end - start) == 2 &&
                      ctx->text[end - 1] == '.';
    }
  else
    {
      char c = ctx->text[start];

      token.stop = c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' ||
                   c == ':' || c == '|';
    }

  g_array_append_val (ctx->tokens, token);
}

/* Adds a word, splitting off an English possessive ("Kenya's") and a
 * French elision ("l'ambassadeur") so that each part can be looked up. */
static void
add_word (Ctx   *ctx,
          gsize  start,
          gsize  end)
{
  const char *text = ctx->text;
  gsize len = end - start;

  if (len > 3 && text[end - 1] == 's' &&
      (text[end - 2] == '\'' ||
       (end - start > 4 && memcmp (text + end - 4, "\xe2\x80\x99", 3) == 0)))
    {
      gsize mark = text[end - 2] == '\'' ? end - 2 : end - 4;

      add_token (ctx, start, mark, TRUE);
      add_token (ctx, mark, end, FALSE);
      return;
    }

  if (g_strcmp0 (ctx->lang, "fr") == 0 || g_strcmp0 (ctx->lang, "pt") == 0 ||
      g_strcmp0 (ctx->lang, "es") == 0)
    {
      for (const char *p = text + start; p < text + end && p - (text + start) <= 2; p++)
        {
          gsize apos = 0;

          if (*p == '\'')
            apos = 1;
          else if (memcmp (p, "\xe2\x80\x99", 3) == 0)
            apos = 3;
          if (apos > 0 && p > text + start && p + apos < text + end)
            {
              add_token (ctx, start, p - text, TRUE);
              add_token (ctx, p + apos - text, end, TRUE);
              return;
            }
        }
    }

  add_token (ctx, start, end, TRUE);
}

static void
tokenize (Ctx *ctx)
{
  const char *text = ctx->text;
  const char *p = text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          add_token (ctx, p - text, p - text + 1, FALSE);
          p++;
        }
      else if (g_unichar_isspace (c))
        p = g_utf8_next_char (p);
      else if (is_word_char (c))
        {
          const char *start = p;
          const char *q = p;
          g_autofree char *fold = NULL;

          for (;;)
            {
              gunichar d = g_utf8_get_char (q);

              if (*q != '\0' && is_word_char (d))
                q = g_utf8_next_char (q);
              else if (*q != '\0' && is_joiner (d) &&
                       is_word_char (g_utf8_get_char (g_utf8_next_char (q))))
                q = g_utf8_next_char (q);
              else
                break;
            }

          /* an initial or a known abbreviation keeps its full stop */
          fold = g_utf8_strdown (start, q - start);
          if (*q == '.' &&
              ((g_utf8_strlen (start, q - start) == 1 && g_unichar_isupper (c)) ||
               word_set_has (&ctx->abbreviations, fold)))
            q++;

          add_word (ctx, start - text, q - text);
          p = q;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          add_token (ctx, p - text, next - text, FALSE);
          p = next;
        }
    }
}

static Token *
tok (Ctx  *ctx,
     gint  i)
{
  if (i < 0 || (guint) i >= ctx->tokens->len)
    return NULL;
  return &g_array_index (ctx->tokens, Token, i);
}

static gint
n_tokens (Ctx *ctx)
{
  return (gint) ctx->tokens->len;
}

static gboolean
is_punct (Ctx        *ctx,
          gint        i,
          const char *mark)
{
  Token *t = tok (ctx, i);

  return t != NULL && !t->word && strcmp (t->fold, mark) == 0;
}

static gboolean
is_possessive (Ctx  *ctx,
               gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && !t->word && (strcmp (t->fold, "'s") == 0);
}

/* Country mentions, mapped onto tokens. Until the countries pass finds
 * any, a capitalised word that names a country in ISO 3166 stands in. */
static void
map_countries (Ctx *ctx)
{
  ctx->mentions = _accords_extract_country_mentions (ctx->text, ctx->lang);

  if (ctx->mentions->len == 0)
    {
      for (gint i = 0; i < n_tokens (ctx); i++)
        {
          Token *t = tok (ctx, i);
          g_autofree char *word = NULL;
          AccordsCountry *country;

          if (!t->word || !t->cap || !t->has_lower || t->end - t->start < 4)
            continue;
          word = g_strndup (ctx->text + t->start, t->end - t->start);
          country = accords_country_lookup (word);
          if (country != NULL)
            {
              AccordsCountryMention m = { t->start, t->end, "", ACCORDS_COUNTRY_FORM_NAME };

              g_strlcpy (m.code, accords_country_get_code (country), sizeof m.code);
              g_array_append_val (ctx->mentions, m);
            }
        }
    }

  for (guint m = 0; m < ctx->mentions->len; m++)
    {
      AccordsCountryMention *mention = &g_array_index (ctx->mentions, AccordsCountryMention, m);

      for (gint i = 0; i < n_tokens (ctx); i++)
        {
          Token *t = tok (ctx, i);

          if (t->word && t->start < mention->end && t->end > mention->start)
            t->country = m;
        }
    }
}

static const char *
country_of (Ctx  *ctx,
            gint  i)
{
  Token *t = tok (ctx, i);

  if (t == NULL || t->country < 0)
    return NULL;
  return g_array_index (ctx->mentions, AccordsCountryMention, t->country).code;
}

/* Word classes */

static gboolean
is_title (Ctx  *ctx,
          gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && word_set_has (&ctx->titles, t->fold);
}

static gboolean
is_modifier (Ctx  *ctx,
             gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && word_set_has (&ctx->modifiers, t->fold);
}

static gboolean
has_portfolio_suffix (Ctx        *ctx,
                      const char *fold)
{
  gsize len = strlen (fold);

  for (guint i = 0; ctx->suffixes != NULL && i < json_array_get_length (ctx->suffixes); i++)
    {
      const char *suffix = json_array_get_string_element (ctx->suffixes, i);
      gsize slen = strlen (suffix);

      if (len >= slen + 3 && strcmp (fold + len - slen, suffix) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Words that describe an office or a field rather than name anyone:
 * listed ones, acronyms ("ICT"), ones with a field's suffix, and
 * capitalised words the same text also uses in lower case ("Digital"). */
static gboolean
is_portfolio (Ctx  *ctx,
              gint  i)
{
  Token *t = tok (ctx, i);

  if (t == NULL || !t->word)
    return FALSE;
  if (word_set_has (&ctx->portfolio, t->fold))
    return TRUE;
  if (ctx->arabic_script)
    return FALSE;
  if (t->cap && !t->has_lower && !t->initial)
    return TRUE;
  if (t->cap && has_portfolio_suffix (ctx, t->fold))
    return TRUE;
  return t->cap && g_hash_table_contains (ctx->lower, t->fold);
}

static gboolean
is_org_word (Ctx  *ctx,
             gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && word_set_has (&ctx->orgs, t->fold);
}

static gboolean
is_connector (Ctx  *ctx,
              gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && !t->cap && word_set_has (&ctx->connectors, t->fold);
}

/* "al-Hamadi", "el-Masri": a lower-case particle joined to a name */
static gboolean
is_joined_particle_name (Ctx  *ctx,
                         gint  i)
{
  Token *t = tok (ctx, i);
  const char *dash;

  if (t == NULL || !t->word || t->cap)
    return FALSE;
  dash = memchr (ctx->text + t->start, '-', t->end - t->start);
  if (dash == NULL || dash - (ctx->text + t->start) > 4 || dash + 1 >= ctx->text + t->end)
    return FALSE;
  return g_unichar_isupper (g_utf8_get_char (dash + 1));
}

static gboolean
is_name_word (Ctx  *ctx,
              gint  i)
{
  Token *t = tok (ctx, i);

  if (t == NULL || !t->word)
    return FALSE;
  if (!t->initial && !is_joined_particle_name (ctx, i) && !(t->cap && t->has_lower))
    return FALSE;
  if (t->country >= 0)
    return FALSE;
  if (t->initial)
    return TRUE;

  return !is_title (ctx, i) && !is_modifier (ctx, i) &&
         !word_set_has (&ctx->honorifics, t->fold) && !is_portfolio (ctx, i) &&
         !is_org_word (ctx, i) && !word_set_has (&ctx->stops, t->fold) &&
         !word_set_has (&ctx->particles, t->fold);
}

static gboolean
is_particle (Ctx  *ctx,
             gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && word_set_has (&ctx->particles, t->fold);
}

static char *
token_text (Ctx  *ctx,
            gint  first,
            gint  last)
{
  Token *a = tok (ctx, first);
  Token *b = tok (ctx, last);
  g_autofree char *raw = NULL;
  GString *out;

  if (a == NULL || b == NULL || last < first)
    return NULL;

  raw = g_strndup (ctx->text + a->start, b->end - a->start);
  out = g_string_new (NULL);

  /* the words as written, with any run of white space made one space */
  for (const char *p = raw; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* Whether the words after token @i read as @phrase ("a déclaré"). */
static gboolean
followed_by_phrase (Ctx        *ctx,
                    gint        i,
                    JsonArray  *phrases)
{
  Token *t;
  const char *rest;
  g_autofree char *lower = NULL;

  while ((t = tok (ctx, i + 1)) != NULL && !t->word && strcmp (t->fold, ",") == 0)
    i++;
  if ((t = tok (ctx, i + 1)) == NULL || !t->word)
    return FALSE;

  rest = ctx->text + t->start;
  lower = fold_word (rest, MIN (strlen (rest), 64));

  for (guint p = 0; phrases != NULL && p < json_array_get_length (phrases); p++)
    {
      const char *phrase = json_array_get_string_element (phrases, p);
      gsize len = strlen (phrase);

      if (g_str_has_prefix (lower, phrase) &&
          (lower[len] == '\0' || !is_word_char (g_utf8_get_char (lower + len))))
        return TRUE;
    }

  return FALSE;
}

static gboolean
preceded_by_word (Ctx        *ctx,
                  gint        i,
                  JsonArray  *words)
{
  Token *t = tok (ctx, i - 1);

  for (guint p = 0; t != NULL && t->word && words != NULL && p < json_array_get_length (words); p++)
    if (strcmp (t->fold, json_array_get_string_element (words, p)) == 0)
      return TRUE;

  return FALSE;
}

/* People */

static void
candidate_free (Candidate *c)
{
  g_free (c->name);
  g_free (c->role);
  g_free (c->country);
  g_free (c);
}

static gboolean
is_destination (Ctx  *ctx,
                gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word &&
         (word_set_has (&ctx->venue_preps, t->fold) || word_set_has (&ctx->venue_weak, t->fold));
}

/* The state a title speaks for: a country just before it ("Iranian
 * Minister", "Serbia's minister"), else the first one inside it that is
 * not a destination ("Ambassador of Qatar to Pakistan"). */
static char *
country_for_title (Ctx  *ctx,
                   gint  first,
                   gint  last)
{
  for (gint k = first - 1; k >= first - 3 && k >= 0; k--)
    {
      if (country_of (ctx, k) != NULL)
        return g_strdup (country_of (ctx, k));
      if (!is_possessive (ctx, k) && !word_set_has (&ctx->articles, tok (ctx, k)->fold))
        break;
    }

  for (gint k = first; k <= last; k++)
    if (country_of (ctx, k) != NULL && !is_destination (ctx, k - 1))
      return g_strdup (country_of (ctx, k));

  return NULL;
}

/* Walks left from @start over a title's complement to the title itself.
 * Returns the index of the title's first word, or -1. */
static gint
title_before (Ctx  *ctx,
              gint  start,
              gint *out_last)
{
  guint lower = 0;
  gint k = start - 1;
  gint last;

  /* the complement ends at the last word before the name */
  while (k >= 0 && (is_punct (ctx, k, ",") ||
                    word_set_has (&ctx->honorifics, tok (ctx, k)->fold)))
    k--;
  last = k;

  for (guint steps = 0; k >= 0 && steps < MAX_WALK; k--, steps++)
    {
      Token *t = tok (ctx, k);

      if (t->stop)
        return -1;
      if (!t->word)
        {
          if (strcmp (t->fold, ")") == 0)
            {
              /* skip an aside: "(Secihti)" */
              while (k > 0 && !is_punct (ctx, k, "(") && !tok (ctx, k)->stop)
                k--;
              continue;
            }
          if (strcmp (t->fold, ",") == 0 || strcmp (t->fold, "'s") == 0 ||
              strcmp (t->fold, "-") == 0 || strcmp (t->fold, "\xe2\x80\x99") == 0)
            continue;
          return -1;
        }

      if (is_title (ctx, k))
        {
          while (k > 0 && (is_title (ctx, k - 1) || is_modifier (ctx, k - 1)))
            k--;
          *out_last = last;
          /* lower-case words in between: only with a comma before the name */
          if (lower > 0 && !is_punct (ctx, start - 1, ","))
            return -1;
          return k;
        }

      if (is_modifier (ctx, k) || is_portfolio (ctx, k) || is_org_word (ctx, k) ||
          t->country >= 0 || is_connector (ctx, k) || is_particle (ctx, k) ||
          word_set_has (&ctx->honorifics, t->fold))
        continue;
      /* "Minister of Roads and …": a field the tables do not know */
      if (is_name_word (ctx, k) && is_connector (ctx, k - 1) && !is_name_word (ctx, k + 1))
        continue;
      if (is_name_word (ctx, k) || word_set_has (&ctx->stops, t->fold))
        return -1;
      if (t->cap)
        continue;
      if (ctx->romance && lower < 5)
        {
          lower++;
          continue;
        }
      return -1;
    }

  return -1;
}

/* A title right after the name: "Jane Doe, the Minister of …,". Returns
 * the title's first word, or -1; *out_last is where the title ends. */
static gint
title_after (Ctx  *ctx,
             gint  end,
             gint *out_last)
{
  gint k = end + 1;
  gint first = -1;

  if (!is_punct (ctx, k, ",") && !is_punct (ctx, k, "\xd8\x8c"))
    return -1;
  k++;

  for (guint steps = 0; tok (ctx, k) != NULL && steps < 5; k++, steps++)
    {
      Token *t = tok (ctx, k);

      if (is_title (ctx, k) || is_modifier (ctx, k))
        {
          first = k;
          break;
        }
      if (t->country >= 0 || is_possessive (ctx, k) ||
          (t->word && word_set_has (&ctx->articles, t->fold)))
        continue;
      return -1;
    }

  if (first < 0)
    return -1;

  /* a modifier must lead to a title: "Parliamentary Under-Secretary" */
  {
    gboolean titled = FALSE;

    for (k = first; tok (ctx, k) != NULL && k < first + 4; k++)
      if (is_title (ctx, k))
        titled = TRUE;
      else if (!is_modifier (ctx, k))
        break;
    if (!titled)
      return -1;
  }

  for (k = first; tok (ctx, k + 1) != NULL && k < first + 14; k++)
    {
      Token *next = tok (ctx, k + 1);

      if (next->stop || (!next->word && strcmp (next->fold, "'s") != 0 &&
                         strcmp (next->fold, "-") != 0))
        break;
    }
  *out_last = k;

  return first;
}

static const char *vowels_ru = "аеёиоуыэюя";

static gboolean
ends_after_consonant (const char *word,
                      gsize       suffix_len)
{
  const char *before;
  gunichar c;

  if (strlen (word) <= suffix_len)
    return FALSE;
  before = g_utf8_find_prev_char (word, word + strlen (word) - suffix_len);
  if (before == NULL)
    return FALSE;
  c = g_unichar_tolower (g_utf8_get_char (before));
  return g_utf8_strchr (vowels_ru, -1, c) == NULL && c != 0x044C && c != 0x0439;
}

/* "Ивана Петрова" after "министров": back to "Иван Петров". */
static char *
russian_nominative (Ctx        *ctx,
                    const char *word)
{
  JsonArray *rules = json_object_get_array_member (ctx->table, "ru_declension");

  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    {
      JsonArray *rule = json_array_get_array_element (rules, i);
      const char *suffix = json_array_get_string_element (rule, 0);
      const char *replacement = json_array_get_string_element (rule, 1);
      gsize slen = strlen (suffix);
      gsize len = strlen (word);

      if (len <= slen + 2 || strcmp (word + len - slen, suffix) != 0)
        continue;
      /* one-letter endings only after a consonant: "Шавката", not "Анна" */
      if (g_utf8_strlen (suffix, -1) == 1 && !ends_after_consonant (word, slen))
        continue;

      {
        g_autofree char *stem = g_strndup (word, len - slen);

        return g_strconcat (stem, replacement, NULL);
      }
    }

  return g_strdup (word);
}

static gboolean
is_oblique_title (Ctx  *ctx,
                  gint  first,
                  gint  last)
{
  JsonArray *nominative = json_object_get_array_member (ctx->table, "ru_nominative_titles");

  for (gint k = first; k <= last; k++)
    {
      Token *t = tok (ctx, k);
      gboolean found = FALSE;

      if (!is_title (ctx, k))
        continue;
      for (guint i = 0; nominative != NULL && i < json_array_get_length (nominative); i++)
        if (strcmp (t->fold, json_array_get_string_element (nominative, i)) == 0)
          found = TRUE;
      return !found;
    }

  return FALSE;
}

static void
add_candidate (Ctx        *ctx,
               gint        first,
               gint        last,
               char       *role,
               char       *country,
               gboolean    oblique)
{
  Candidate *c = g_new0 (Candidate, 1);
  GString *name = g_string_new (NULL);

  for (gint k = first; k <= last; k++)
    {
      Token *t = tok (ctx, k);
      g_autofree char *word = g_strndup (ctx->text + t->start, t->end - t->start);

      if (!t->word)
        continue;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      if (oblique && t->cap)
        {
          g_autofree char *nominative = russian_nominative (ctx, word);

          g_string_append (name, nominative);
        }
      else
        g_string_append (name, word);
      ctx->taken[k] = TRUE;
    }

  c->name = g_string_free (name, FALSE);
  c->role = role;
  c->country = country;
  c->start = tok (ctx, first)->start;
  c->end = tok (ctx, last)->end;
  g_ptr_array_add (ctx->candidates, c);

  _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_PERSON, c->start, c->end);
}

/* A line that starts "By …" credits the writer, who is not in the story. */
static gboolean
in_byline (Ctx  *ctx,
           gint  i)
{
  gint k = i - 1;

  while (k >= 0 && !is_punct (ctx, k, "\n"))
    k--;
  k++;
  return k < i && tok (ctx, k)->word &&
         (strcmp (tok (ctx, k)->fold, "by") == 0 || strcmp (tok (ctx, k)->fold, "par") == 0 ||
          strcmp (tok (ctx, k)->fold, "por") == 0);
}

static char    *fold_name    (const char *name);
static gboolean words_within (const char *small,
                              const char *large);

static gboolean
rest_is_known (Ctx  *ctx,
               gint  first,
               gint  last)
{
  g_autofree char *rest = token_text (ctx, first, last);
  g_autofree char *folded = fold_name (rest);

  for (guint i = 0; i < ctx->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (ctx->candidates, i);
      g_autofree char *known = fold_name (c->name);

      if (words_within (folded, known))
        return TRUE;
    }

  return FALSE;
}

static void
find_capitalised_names (Ctx *ctx)
{
  JsonArray *and_words = lang_array (ctx->table, "connectors", ctx->lang);
  gint prev_last = -1;
  gboolean prev_oblique = FALSE;

  for (gint i = 0; i < n_tokens (ctx); i++)
    {
      gint first = i, last, words = 0;
      gint role_first, role_last = -1;
      char *role = NULL, *country = NULL;
      gboolean accepted = FALSE, oblique = FALSE;

      if (!is_name_word (ctx, i) &&
          !(is_particle (ctx, i) && tok (ctx, i)->cap && is_name_word (ctx, i + 1)))
        continue;

      /* the run of name words, with particles between them */
      last = i;
      for (;;)
        {
          if (is_name_word (ctx, last + 1))
            last++;
          else if (is_particle (ctx, last + 1) && is_name_word (ctx, last + 2))
            last += 2;
          else if (is_particle (ctx, last + 1) && is_particle (ctx, last + 2) &&
                   is_name_word (ctx, last + 3))
            last += 3;
          else
            break;
        }
      for (gint k = first; k <= last; k++)
        if (is_name_word (ctx, k))
          words++;
      i = last;

      /* "Sheikh Nahyan": an honorific that is part of a one-word name */
      if (words == 1 && tok (ctx, first - 1) != NULL &&
          word_set_has (&ctx->keep_honorifics, tok (ctx, first - 1)->fold))
        {
          first--;
          words++;
        }

      /* "Later Varga said": a sentence's first word before a known name */
      if (words == 2 && (tok (ctx, first - 1) == NULL || tok (ctx, first - 1)->stop) &&
          is_name_word (ctx, first) && rest_is_known (ctx, first + 1, last))
        continue;

      if (words < 2 || in_byline (ctx, first))
        continue;

      /* "Saudi Arabia" before the countries pass knows it */
      {
        g_autofree char *whole = token_text (ctx, first, last);

        if (accords_country_lookup (whole) != NULL)
          continue;
      }

      if ((role_first = title_before (ctx, first, &role_last)) >= 0)
        {
          accepted = TRUE;
          role = token_text (ctx, role_first, role_last);
          country = country_for_title (ctx, role_first, role_last);
          oblique = ctx->russian && is_oblique_title (ctx, role_first, role_last);
        }

      if ((role_first = title_after (ctx, last, &role_last)) >= 0)
        {
          accepted = TRUE;
          if (role == NULL)
            role = token_text (ctx, role_first, role_last);
          if (country == NULL)
            country = country_for_title (ctx, role_first, role_last);
        }

      if (!accepted && tok (ctx, first - 1) != NULL &&
          word_set_has (&ctx->honorifics, tok (ctx, first - 1)->fold))
        accepted = TRUE;

      if (!accepted &&
          (followed_by_phrase (ctx, last, ctx->speech) || preceded_by_word (ctx, first, ctx->speech)))
        accepted = TRUE;

      /* "Leila Haddad et Paulo Costa" */
      if (!accepted && prev_last >= 0 && prev_last == first - 2 &&
          preceded_by_word (ctx, first, and_words))
        {
          accepted = TRUE;
          oblique = prev_oblique;
        }

      if (accepted)
        {
          add_candidate (ctx, first, last, role, country, oblique);
          prev_last = last;
          prev_oblique = oblique;
        }
    }
}

/* Arabic and Persian: no capitals, so a name is read after a title and
 * its complement ("وزير الاتصالات وتقنية المعلومات …") or an honorific. */

static const char *
strip_arabic_prefix (Ctx        *ctx,
                     const char *word)
{
  JsonArray *prefixes = json_object_get_array_member (ctx->table, "arabic_prefixes");

  for (guint i = 0; prefixes != NULL && i < json_array_get_length (prefixes); i++)
    {
      const char *prefix = json_array_get_string_element (prefixes, i);

      if (g_str_has_prefix (word, prefix) && g_utf8_strlen (word, -1) > 3)
        return word + strlen (prefix);
    }

  return word;
}

static gboolean
is_definite (Ctx        *ctx,
             const char *word)
{
  JsonArray *articles = json_object_get_array_member (ctx->table, "arabic_definite");

  if (g_strcmp0 (ctx->lang, "ar") != 0)
    return FALSE;
  for (guint i = 0; articles != NULL && i < json_array_get_length (articles); i++)
    if (g_str_has_prefix (word, json_array_get_string_element (articles, i)))
      return TRUE;
  return FALSE;
}

static gboolean
arabic_title (Ctx  *ctx,
              gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word &&
         (word_set_has (&ctx->titles, t->fold) ||
          word_set_has (&ctx->titles, strip_arabic_prefix (ctx, t->fold)));
}

/* A word of a title's complement: "الاتصالات", "وتقنية", "ارتباطات". */
static gboolean
arabic_complement (Ctx  *ctx,
                   gint  i)
{
  Token *t = tok (ctx, i);
  Token *next = tok (ctx, i + 1);

  if (t == NULL || !t->word || word_set_has (&ctx->honorifics, t->fold))
    return FALSE;
  if (t->country >= 0 || word_set_has (&ctx->portfolio, t->fold) ||
      word_set_has (&ctx->portfolio, strip_arabic_prefix (ctx, t->fold)) ||
      word_set_has (&ctx->modifiers, t->fold) || is_connector (ctx, i))
    return TRUE;
  if (is_definite (ctx, t->fold) || is_definite (ctx, strip_arabic_prefix (ctx, t->fold)))
    return TRUE;
  /* "وتقنية المعلومات": a joined "and" before a noun in construct */
  return g_str_has_prefix (t->fold, "\xd9\x88") && next != NULL && next->word &&
         is_definite (ctx, next->fold);
}

static gboolean
arabic_name_word (Ctx      *ctx,
                  gint      i,
                  gboolean  first)
{
  Token *t = tok (ctx, i);

  if (t == NULL || !t->word || t->country >= 0 || g_unichar_isdigit (g_utf8_get_char (t->fold)))
    return FALSE;
  if (word_set_has (&ctx->stops, t->fold) || arabic_title (ctx, i) ||
      word_set_has (&ctx->honorifics, t->fold) || word_set_has (&ctx->portfolio, t->fold) ||
      word_set_has (&ctx->orgs, t->fold) || word_set_has (&ctx->orgs, strip_arabic_prefix (ctx, t->fold)))
    return FALSE;
  /* a given name never carries the article; a family name may */
  if (first && is_definite (ctx, t->fold))
    return FALSE;
  /* g_unichar_isalpha: no Latin words inside an Arabic name */
  return g_unichar_isalpha (g_utf8_get_char (t->fold)) && g_utf8_get_char (t->fold) >= 0x0600;
}

/* Reads a name from @i; returns its last token or -1. */
static gint
read_arabic_name (Ctx  *ctx,
                  gint  i)
{
  gint k = i, core = 1;
  gboolean persian = g_strcmp0 (ctx->lang, "fa") == 0;
  gint max_core = 2;

  if (!arabic_name_word (ctx, i, TRUE))
    return -1;
  if (persian && word_set_has (&ctx->fa_prefixes, tok (ctx, i)->fold))
    max_core = 3;

  /* "عبد الله": the first part of a compound given name */
  if (word_set_has (&ctx->ar_particles, tok (ctx, k)->fold) && arabic_name_word (ctx, k + 1, FALSE))
    k++;

  for (;;)
    {
      if (tok (ctx, k + 1) != NULL && word_set_has (&ctx->ar_particles, tok (ctx, k + 1)->fold) &&
          arabic_name_word (ctx, k + 2, FALSE))
        {
          k += 2;
          /* "بن خالد العمري": the family name after the father's */
          if (tok (ctx, k + 1) != NULL && is_definite (ctx, tok (ctx, k + 1)->fold) &&
              arabic_name_word (ctx, k + 1, FALSE))
            {
              k++;
              break;
            }
          continue;
        }
      if (core < max_core && arabic_name_word (ctx, k + 1, FALSE))
        {
          k++;
          core++;
          continue;
        }
      break;
    }

  return k > i ? k : -1;
}

static void
find_arabic_names (Ctx *ctx)
{
  for (gint i = 0; i < n_tokens (ctx); i++)
    {
      gint j = i + 1, last, complement_end = i;
      char *role = NULL, *country = NULL;
      gint role_first, role_last;

      if (arabic_title (ctx, i))
        {
          for (guint steps = 0; steps < 10 && arabic_complement (ctx, j); steps++)
            complement_end = j++;
          while (tok (ctx, j) != NULL && word_set_has (&ctx->honorifics, tok (ctx, j)->fold))
            j++;
          /* "وزير …، الاسم" but not "الاسم، وزير …، وقّع" */
          if ((is_punct (ctx, j, "\xd8\x8c") || is_punct (ctx, j, ",")) &&
              !is_punct (ctx, i - 1, "\xd8\x8c") && !is_punct (ctx, i - 1, ","))
            j++;
        }
      else if (tok (ctx, i) != NULL && tok (ctx, i)->word &&
               word_set_has (&ctx->honorifics, tok (ctx, i)->fold))
        {
          complement_end = -1;
        }
      else
        continue;

      if ((last = read_arabic_name (ctx, j)) < 0 || ctx->taken[j])
        continue;

      if (complement_end >= 0)
        {
          role = token_text (ctx, i, complement_end);
          country = country_for_title (ctx, i, complement_end);
        }
      if ((role_first = title_after (ctx, last, &role_last)) >= 0 ||
          (is_punct (ctx, last + 1, "\xd8\x8c") && arabic_title (ctx, last + 2) &&
           (role_first = last + 2) > 0))
        {
          if (role_first == last + 2)
            {
              role_last = role_first;
              while (arabic_complement (ctx, role_last + 1) && role_last < role_first + 8)
                role_last++;
            }
          if (role == NULL)
            role = token_text (ctx, role_first, role_last);
          if (country == NULL)
            country = country_for_title (ctx, role_first, role_last);
        }

      add_candidate (ctx, j, last, role, country, FALSE);
      i = last;
    }
}

/* One person named several times ("Moreau" after "Claire
 * Moreau", "Karim Haddad" and "Ali Karim Haddad") is kept once,
 * under the fullest name. */

static char *
fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  GString *folded = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, g_unichar_tolower (c));
      else if (folded->len > 0 && folded->str[folded->len - 1] != ' ')
        g_string_append_c (folded, ' ');
    }

  return g_strstrip (g_string_free (folded, FALSE));
}

static gboolean
words_within (const char *small,
              const char *large)
{
  g_auto(GStrv) a = g_strsplit (small, " ", -1);
  g_auto(GStrv) b = g_strsplit (large, " ", -1);

  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) b, a[i]))
      return FALSE;
  return TRUE;
}

static void
merge_people (Ctx *ctx)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) folds = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ctx->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (ctx->candidates, i);
      g_autofree char *fold = fold_name (c->name);
      gboolean merged = FALSE;

      if (*fold == '\0')
        continue;

      for (guint k = 0; k < kept->len && !merged; k++)
        {
          Candidate *other = g_ptr_array_index (kept, k);
          const char *other_fold = g_ptr_array_index (folds, k);

          if (words_within (fold, other_fold))
            merged = TRUE;
          else if (words_within (other_fold, fold))
            {
              /* the longer name wins, the first role and country stay */
              g_free (other->name);
              other->name = g_strdup (c->name);
              g_free (folds->pdata[k]);
              folds->pdata[k] = g_strdup (fold);
              merged = TRUE;
            }

          if (merged)
            {
              if (other->role == NULL)
                other->role = g_strdup (c->role);
              if (other->country == NULL)
                other->country = g_strdup (c->country);
            }
        }

      if (!merged)
        {
          g_ptr_array_add (kept, c);
          g_ptr_array_add (folds, g_steal_pointer (&fold));
        }
    }

  for (guint k = 0; k < kept->len; k++)
    {
      Candidate *c = g_ptr_array_index (kept, k);

      g_ptr_array_add (ctx->ex->people, accords_person_new (c->name, c->role, c->country));
    }
}

/* Organisations */

typedef struct
{
  gint first;
  gint last;
} Range;

static gboolean
is_and (Ctx  *ctx,
        gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word &&
         (strcmp (t->fold, "and") == 0 || strcmp (t->fold, "et") == 0 ||
          strcmp (t->fold, "y") == 0 || strcmp (t->fold, "e") == 0 ||
          strcmp (t->fold, "и") == 0 || strcmp (t->fold, "&") == 0);
}

static gboolean
org_part (Ctx  *ctx,
          gint  i)
{
  Token *t = tok (ctx, i);

  return t != NULL && t->word && t->cap && !ctx->taken[i] && !is_title (ctx, i) &&
         !word_set_has (&ctx->honorifics, t->fold) &&
         !(word_set_has (&ctx->stops, t->fold) && !is_org_word (ctx, i) && t->country < 0);
}

static void
add_organization (Ctx    *ctx,
                  GArray *ranges,
                  gint    first,
                  gint    last)
{
  g_autofree char *name = NULL;
  Range range = { first, last };

  /* "(VNA)": an acronym given right after the name */
  if (is_punct (ctx, last + 1, "(") && is_punct (ctx, last + 3, ")") &&
      tok (ctx, last + 2)->word && tok (ctx, last + 2)->cap)
    last += 3;

  name = token_text (ctx, first, last);
  if (name == NULL)
    return;
  _accords_extract_add_unique (ctx->ex->organizations, name);
  _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION,
                             tok (ctx, first)->start, tok (ctx, last)->end);
  g_array_append_val (ranges, range);
}

/* "… and the National Cyber Agency": a second organisation, not more of
 * the first one's name */
static gboolean
starts_organization (Ctx  *ctx,
                     gint  i)
{
  for (gint k = i; org_part (ctx, k); k++)
    if (is_org_word (ctx, k))
      return TRUE;
  return FALSE;
}

static gint
extend_org_right (Ctx  *ctx,
                  gint  last)
{
  for (;;)
    {
      gint k = last + 1;
      Token *t = tok (ctx, k);

      if (t == NULL)
        break;
      if (org_part (ctx, k) && t->country < 0 && !is_name_word (ctx, k))
        last = k;
      else if (org_part (ctx, k) && (t->country >= 0 || is_connector (ctx, last)))
        last = k;
      else if (ctx->russian && t->word && !t->cap && is_org_word (ctx, last) &&
               !word_set_has (&ctx->stops, t->fold))
        {
          /* "министерство цифрового развития": lower-case complement */
          gint n = 0;

          while (tok (ctx, last + 1) != NULL && tok (ctx, last + 1)->word &&
                 !word_set_has (&ctx->stops, tok (ctx, last + 1)->fold) && n < 4)
            last++, n++;
          break;
        }
      else if (ctx->romance && t->word && !t->cap && !is_connector (ctx, k) &&
               !word_set_has (&ctx->stops, t->fold) && tok (ctx, last)->word &&
               (tok (ctx, last)->cap || is_org_word (ctx, last)) &&
               (is_portfolio (ctx, k) || t->country >= 0))
        last = k; /* "Transition numérique", "ministère gambien" */
      else if (is_connector (ctx, k) && !is_and (ctx, k))
        {
          gint m = k;

          while (is_connector (ctx, m) && !is_and (ctx, m) && m < k + 3)
            m++;
          if (!org_part (ctx, m))
            break;
          last = m;
        }
      else if (is_destination (ctx, k))
        break;
      else if (is_and (ctx, k) && org_part (ctx, k + 1) && !starts_organization (ctx, k + 1) &&
               is_portfolio (ctx, k + 1))
        last = k + 1;
      else if (is_and (ctx, k) && is_connector (ctx, k + 1) && org_part (ctx, k + 2) &&
               !starts_organization (ctx, k + 2) && is_portfolio (ctx, k + 2))
        last = k + 2;
      else if (is_punct (ctx, k, ",") && org_part (ctx, k + 1) && is_portfolio (ctx, k + 1) &&
               !is_punct (ctx, k + 2, ","))
        last = k + 1;
      else
        break;
    }

  return last;
}

static void
find_capitalised_organizations (Ctx    *ctx,
                                GArray *ranges)
{
  for (gint i = 0; i < n_tokens (ctx); i++)
    {
      Token *t = tok (ctx, i);
      gint first = i, last;
      guint words = 0;

      if (!is_org_word (ctx, i) || ctx->taken[i])
        continue;
      /* a lower-case head only where the language writes it so */
      if (!t->cap && !((ctx->romance || ctx->russian) && word_set_has (&ctx->org_heads, t->fold)))
        continue;

      while (first > 0 && org_part (ctx, first - 1) && !is_possessive (ctx, first - 1) &&
             !word_set_has (&ctx->stops, tok (ctx, first - 1)->fold))
        first--;
      last = extend_org_right (ctx, i);

      /* "the Space Agency of the Kenyan government": the adjective is
       * the country's, not the agency's */
      while (last > first && (is_connector (ctx, last) || !tok (ctx, last)->word ||
                              (tok (ctx, last)->country >= 0 &&
                               g_array_index (ctx->mentions, AccordsCountryMention,
                                              tok (ctx, last)->country).form == ACCORDS_COUNTRY_FORM_DEMONYM)))
        last--;
      for (gint k = first; k <= last; k++)
        words += tok (ctx, k)->word ? 1 : 0;
      if (words >= 2)
        add_organization (ctx, ranges, first, last);
      i = MAX (i, last);
    }

  /* the agency in a dateline: "PARIS, Mar 3 (AFP) --" */
  for (gint i = 0; i < n_tokens (ctx) && i < 16; i++)
    if (is_punct (ctx, i, "(") && is_punct (ctx, i + 2, ")") && tok (ctx, i + 1)->word &&
        tok (ctx, i + 1)->cap && tok (ctx, i + 3) != NULL && !tok (ctx, i + 3)->word &&
        !tok (ctx, i + 3)->stop)
      {
        g_autofree char *agency = token_text (ctx, i + 1, i + 1);

        _accords_extract_add_unique (ctx->ex->organizations, agency);
        _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION,
                                   tok (ctx, i + 1)->start, tok (ctx, i + 1)->end);
        break;
      }
}

static void
find_arabic_organizations (Ctx    *ctx,
                           GArray *ranges)
{
  for (gint i = 0; i < n_tokens (ctx); i++)
    {
      Token *t = tok (ctx, i);
      const char *bare;
      gint last = i;
      Range range;
      g_autofree char *name = NULL;
      gsize start;

      if (t == NULL || !t->word)
        continue;
      bare = strip_arabic_prefix (ctx, t->fold);
      if (!word_set_has (&ctx->org_heads, t->fold) && !word_set_has (&ctx->org_heads, bare))
        continue;
      if (!word_set_has (&ctx->org_heads, t->fold))
        bare = t->fold + (bare - t->fold);
      else
        bare = t->fold;

      while (last < i + 8 && arabic_complement (ctx, last + 1) && !is_connector (ctx, last + 1))
        last++;
      /* a demonym closing the name is the country, not the name */
      while (last > i && tok (ctx, last)->country >= 0)
        last--;
      if (last == i)
        continue;

      start = t->start + (bare - t->fold);
      if (is_punct (ctx, last + 1, "(") && is_punct (ctx, last + 3, ")"))
        last += 3;
      name = g_strndup (ctx->text + start, tok (ctx, last)->end - start);
      _accords_extract_add_unique (ctx->ex->organizations, name);
      _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION, start, tok (ctx, last)->end);
      range.first = i;
      range.last = last;
      g_array_append_val (ranges, range);
      i = last;
    }
}

/* Venue */

static gboolean
forum_in_range (Ctx   *ctx,
                Range *range)
{
  for (gint k = range->first; k <= range->last; k++)
    if (tok (ctx, k)->word &&
        (word_set_has (&ctx->forum_words, tok (ctx, k)->fold) ||
         word_set_has (&ctx->forum_words, strip_arabic_prefix (ctx, tok (ctx, k)->fold))))
      return TRUE;
  return FALSE;
}

static void
find_forum (Ctx    *ctx,
            GArray *ranges)
{
  for (guint r = 0; r < ranges->len; r++)
    {
      Range *range = &g_array_index (ranges, Range, r);
      gboolean triggered = FALSE;

      if (!forum_in_range (ctx, range))
        continue;
      for (gint k = range->first - 1; k >= range->first - 4 && k >= 0 && !tok (ctx, k)->stop; k--)
        if (tok (ctx, k)->word && word_set_has (&ctx->forum_triggers, tok (ctx, k)->fold))
          triggered = TRUE;
      if (!triggered)
        continue;

      ctx->ex->venue_forum = token_text (ctx, range->first, range->last);
      _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_VENUE,
                                 tok (ctx, range->first)->start, tok (ctx, range->last)->end);
      return;
    }
}

static void
find_virtual (Ctx *ctx)
{
  JsonArray *phrases = lang_array (ctx->table, "virtual", ctx->lang);
  g_autofree char *lower = g_utf8_strdown (ctx->text, -1);

  for (guint i = 0; phrases != NULL && i < json_array_get_length (phrases); i++)
    {
      const char *phrase = json_array_get_string_element (phrases, i);
      const char *hit = strstr (lower, phrase);

      /* lower-casing keeps byte offsets in the scripts we read */
      if (hit != NULL && strlen (lower) == strlen (ctx->text))
        {
          ctx->ex->venue_virtual = TRUE;
          _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_VENUE,
                                     hit - lower, hit - lower + strlen (phrase));
          return;
        }
      else if (hit != NULL)
        {
          ctx->ex->venue_virtual = TRUE;
          return;
        }
    }
}

/* How well the words before byte @start make it a venue: "in Riyadh" 3,
 * "to Riyadh" 2, a dateline 1. */
static guint
venue_score (Ctx   *ctx,
             gsize  start,
             gsize  end)
{
  gint i;
  Token *prev;

  for (i = 0; i < n_tokens (ctx) && tok (ctx, i)->start < start; i++)
    ;
  prev = tok (ctx, i - 1);

  /* "بالرياض", "في الرياض" */
  if (ctx->arabic_script && tok (ctx, i) != NULL && tok (ctx, i)->start < start)
    return 3;
  if (prev != NULL && prev->word && word_set_has (&ctx->venue_preps, prev->fold))
    return 3;
  if (prev != NULL && prev->word && word_set_has (&ctx->venue_weak, prev->fold))
    return 2;

  /* a dateline: the city in capitals near the start, then a dash or comma */
  if (start < 300 && tok (ctx, i + 1) != NULL &&
      (is_punct (ctx, i + 1, ",") || is_punct (ctx, i + 1, "-") ||
       is_punct (ctx, i + 1, "\xe2\x80\x93") || is_punct (ctx, i + 1, "\xe2\x80\x94")))
    {
      gboolean upper = TRUE;

      for (const char *p = ctx->text + start; p < ctx->text + end; p = g_utf8_next_char (p))
        if (g_unichar_islower (g_utf8_get_char (p)))
          upper = FALSE;
      if (upper || ctx->arabic_script)
        return 1;
    }

  return 0;
}

static gboolean
find_capital (Ctx         *ctx,
              const char  *name,
              gsize       *out_start,
              gsize       *out_end,
              guint       *out_score)
{
  g_autofree char *lower_text = g_utf8_strdown (ctx->text, -1);
  g_autofree char *lower_name = g_utf8_strdown (name, -1);
  gsize len = strlen (lower_name);
  gboolean found = FALSE;

  if (len < 3 || strlen (lower_text) != strlen (ctx->text))
    return FALSE;

  /* Russian declines city names: "Москва", "в Москве" */
  if (ctx->russian && len > 6 && g_utf8_strchr (vowels_ru, -1, g_utf8_get_char (g_utf8_prev_char (lower_name + len))) != NULL)
    {
      len = g_utf8_prev_char (lower_name + len) - lower_name;
      lower_name[len] = '\0';
    }

  *out_score = 0;
  for (const char *hit = strstr (lower_text, lower_name); hit != NULL;
       hit = strstr (hit + 1, lower_name))
    {
      gsize start = hit - lower_text;
      gsize end = start + len;
      guint score;

      while (ctx->russian && !_accords_extract_word_end (lower_text, end) && end < start + len + 6)
        end = g_utf8_next_char (lower_text + end) - lower_text;

      if (!_accords_extract_word_end (lower_text, end))
        continue;
      if (!_accords_extract_word_start (lower_text, start))
        {
          /* one joined Arabic preposition: "بالرياض" */
          const char *prev = g_utf8_find_prev_char (lower_text, hit);

          if (!ctx->arabic_script || prev == NULL ||
              (g_utf8_get_char (prev) != 0x0628 && g_utf8_get_char (prev) != 0x0648) ||
              !_accords_extract_word_start (lower_text, prev - lower_text))
            continue;
        }

      score = venue_score (ctx, start, end);
      if (score > *out_score)
        {
          *out_score = score;
          *out_start = start;
          *out_end = end;
          found = TRUE;
        }
    }

  return found;
}

static void
find_venue_city (Ctx *ctx)
{
  JsonObject *countries = _accords_extract_table ("countries");
  JsonObject *capitals;
  g_autoptr(GList) codes = NULL;
  guint best_score = 0;
  gsize best_start = 0, best_end = 0;
  const char *best_city = NULL, *best_code = NULL;

  if (countries == NULL || !json_object_has_member (countries, "capitals") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (countries, "capitals")))
    return;

  capitals = json_object_get_object_member (countries, "capitals");
  codes = json_object_get_members (capitals);

  for (const GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *by_lang = json_object_get_object_member (capitals, l->data);
      JsonArray *english, *names;
      const char *city;

      if (by_lang == NULL || !json_object_has_member (by_lang, "en"))
        continue;
      english = json_object_get_array_member (by_lang, "en");
      if (english == NULL || json_array_get_length (english) == 0)
        continue;
      city = json_array_get_string_element (english, 0);

      for (guint pass = 0; pass < 2; pass++)
        {
          names = english;
          if (pass == 1)
            {
              if (ctx->lang == NULL || g_strcmp0 (ctx->lang, "en") == 0 ||
                  !json_object_has_member (by_lang, ctx->lang))
                break;
              names = json_object_get_array_member (by_lang, ctx->lang);
            }

          for (guint n = 0; names != NULL && n < json_array_get_length (names); n++)
            {
              gsize start, end;
              guint score;

              if (find_capital (ctx, json_array_get_string_element (names, n), &start, &end, &score) &&
                  (score > best_score || (score == best_score && start < best_start)))
                {
                  best_score = score;
                  best_start = start;
                  best_end = end;
                  best_city = city;
                  best_code = l->data;
                }
            }
        }
    }

  /* a video conference happens nowhere in particular */
  if (best_city == NULL || best_score == 0 || (ctx->ex->venue_virtual && best_score < 3))
    return;

  ctx->ex->venue_city = g_strdup (best_city);
  ctx->ex->venue_country = g_ascii_strup (best_code, -1);
  _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_VENUE, best_start, best_end);
}

/* Set-up */

static void
ctx_init (Ctx               *ctx,
          AccordsExtraction *ex,
          JsonObject        *table)
{
  const char *lang = ex->language != NULL ? ex->language : "en";

  ctx->ex = ex;
  ctx->text = ex->text;
  ctx->lang = lang;
  ctx->table = table;
  ctx->romance = g_strcmp0 (lang, "fr") == 0 || g_strcmp0 (lang, "es") == 0 ||
                 g_strcmp0 (lang, "pt") == 0;
  ctx->arabic_script = g_strcmp0 (lang, "ar") == 0 || g_strcmp0 (lang, "fa") == 0;
  ctx->russian = g_strcmp0 (lang, "ru") == 0;

  word_set_init (&ctx->titles, lang_array (table, "titles", lang));
  word_set_init (&ctx->modifiers, lang_array (table, "title_modifiers", lang));
  word_set_init (&ctx->honorifics, lang_array (table, "honorifics", lang));
  word_set_init (&ctx->keep_honorifics, lang_array (table, "keep_honorifics", lang));
  word_set_init (&ctx->particles, lang_array (table, "particles", lang));
  word_set_init (&ctx->abbreviations, lang_array (table, "abbreviations", lang));
  word_set_init (&ctx->connectors, lang_array (table, "connectors", lang));
  word_set_init (&ctx->articles, lang_array (table, "articles", lang));
  word_set_init (&ctx->portfolio, lang_array (table, "portfolio", lang));
  word_set_init (&ctx->orgs, lang_array (table, "organizations", lang));
  word_set_init (&ctx->org_heads, lang_array (table, "organization_heads", lang));
  word_set_init (&ctx->stops, lang_array (table, "stop_words", lang));
  word_set_init (&ctx->forum_words, lang_array (table, "forum_words", lang));
  word_set_init (&ctx->forum_triggers, lang_array (table, "forum_triggers", lang));
  word_set_init (&ctx->venue_preps, lang_array (table, "venue_prepositions", lang));
  word_set_init (&ctx->venue_weak, lang_array (table, "venue_weak_prepositions", lang));
  word_set_init (&ctx->ar_particles, lang_array (table, "arabic_name_particles", lang));
  word_set_init (&ctx->fa_prefixes, lang_array (table, "fa_name_prefixes", lang));
  ctx->suffixes = lang_array (table, "portfolio_suffixes", lang);
  ctx->speech = lang_array (table, "speech_verbs", lang);

  ctx->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  ctx->lower = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);

  tokenize (ctx);
  ctx->taken = g_new0 (gboolean, ctx->tokens->len + 1);

  for (gint i = 0; i < n_tokens (ctx); i++)
    if (tok (ctx, i)->word && !tok (ctx, i)->cap)
      g_hash_table_add (ctx->lower, tok (ctx, i)->fold);

  map_countries (ctx);
}

static void
ctx_clear (Ctx *ctx)
{
  WordSet *sets[] = {
    &ctx->titles, &ctx->modifiers, &ctx->honorifics, &ctx->keep_honorifics,
    &ctx->particles, &ctx->abbreviations, &ctx->connectors, &ctx->articles,
    &ctx->portfolio, &ctx->orgs, &ctx->org_heads, &ctx->stops, &ctx->forum_words,
    &ctx->forum_triggers, &ctx->venue_preps, &ctx->venue_weak, &ctx->ar_particles,
    &ctx->fa_prefixes,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    word_set_clear (sets[i]);
  for (guint i = 0; i < ctx->tokens->len; i++)
    g_free (g_array_index (ctx->tokens, Token, i).fold);
  g_clear_pointer (&ctx->tokens, g_array_unref);
  g_clear_pointer (&ctx->mentions, g_array_unref);
  g_clear_pointer (&ctx->lower, g_hash_table_unref);
  g_clear_pointer (&ctx->candidates, g_ptr_array_unref);
  g_clear_pointer (&ctx->taken, g_free);
}

void
_accords_extract_people (AccordsExtraction *ex)
{
  JsonObject *table = _accords_extract_table ("people");
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Ctx ctx = { 0 };

  if (table == NULL || ex->text == NULL)
    return;

  ctx_init (&ctx, ex, table);

  if (ctx.arabic_script)
    find_arabic_names (&ctx);
  else
    find_capitalised_names (&ctx);
  merge_people (&ctx);

  if (ctx.arabic_script)
    find_arabic_organizations (&ctx, ranges);
  else
    find_capitalised_organizations (&ctx, ranges);

  find_virtual (&ctx);
  find_forum (&ctx, ranges);
  find_venue_city (&ctx);

  ctx_clear (&ctx);
}
