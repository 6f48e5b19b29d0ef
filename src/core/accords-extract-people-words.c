/* accords-extract-people-words.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-country.h"
#include "accords-extract-people-private.h"

/* The people pass, the words it reads: the word sets of people.json, the
 * tokens of the text with the countries named in it, the classes the
 * tables put words in, and the set-up of the pass's context. */

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

gboolean
_accords_people_word_set_has (const WordSet *set,
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

JsonArray *
_accords_people_lang_array (JsonObject *table,
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
               _accords_people_word_set_has (&ctx->abbreviations, fold)))
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

Token *
_accords_people_tok (Ctx  *ctx,
                     gint  i)
{
  if (i < 0 || (guint) i >= ctx->tokens->len)
    return NULL;
  return &g_array_index (ctx->tokens, Token, i);
}

gint
_accords_people_n_tokens (Ctx *ctx)
{
  return (gint) ctx->tokens->len;
}

gboolean
_accords_people_is_punct (Ctx        *ctx,
                          gint        i,
                          const char *mark)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && !t->word && strcmp (t->fold, mark) == 0;
}

gboolean
_accords_people_is_possessive (Ctx  *ctx,
                               gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

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
      for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
        {
          Token *t = _accords_people_tok (ctx, i);
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

      for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
        {
          Token *t = _accords_people_tok (ctx, i);

          if (t->word && t->start < mention->end && t->end > mention->start)
            t->country = m;
        }
    }
}

const char *
_accords_people_country_of (Ctx  *ctx,
                            gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || t->country < 0)
    return NULL;
  return g_array_index (ctx->mentions, AccordsCountryMention, t->country).code;
}

/* Word classes */

gboolean
_accords_people_is_title (Ctx  *ctx,
                          gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && _accords_people_word_set_has (&ctx->titles, t->fold);
}

gboolean
_accords_people_is_modifier (Ctx  *ctx,
                             gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && _accords_people_word_set_has (&ctx->modifiers, t->fold);
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
gboolean
_accords_people_is_portfolio (Ctx  *ctx,
                              gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || !t->word)
    return FALSE;
  if (_accords_people_word_set_has (&ctx->portfolio, t->fold))
    return TRUE;
  if (ctx->arabic_script)
    return FALSE;
  if (t->cap && !t->has_lower && !t->initial)
    return TRUE;
  if (t->cap && has_portfolio_suffix (ctx, t->fold))
    return TRUE;
  return t->cap && g_hash_table_contains (ctx->lower, t->fold);
}

gboolean
_accords_people_is_org_word (Ctx  *ctx,
                             gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && _accords_people_word_set_has (&ctx->orgs, t->fold);
}

gboolean
_accords_people_is_connector (Ctx  *ctx,
                              gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && !t->cap &&
         _accords_people_word_set_has (&ctx->connectors, t->fold);
}

/* "al-Hamadi", "el-Masri": a lower-case particle joined to a name */
static gboolean
is_joined_particle_name (Ctx  *ctx,
                         gint  i)
{
  Token *t = _accords_people_tok (ctx, i);
  const char *dash;

  if (t == NULL || !t->word || t->cap)
    return FALSE;
  dash = memchr (ctx->text + t->start, '-', t->end - t->start);
  if (dash == NULL || dash - (ctx->text + t->start) > 4 || dash + 1 >= ctx->text + t->end)
    return FALSE;
  return g_unichar_isupper (g_utf8_get_char (dash + 1));
}

gboolean
_accords_people_is_name_word (Ctx  *ctx,
                              gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || !t->word)
    return FALSE;
  if (!t->initial && !is_joined_particle_name (ctx, i) && !(t->cap && t->has_lower))
    return FALSE;
  if (t->country >= 0)
    return FALSE;
  if (t->initial)
    return TRUE;

  return !_accords_people_is_title (ctx, i) && !_accords_people_is_modifier (ctx, i) &&
         !_accords_people_word_set_has (&ctx->honorifics, t->fold) &&
         !_accords_people_is_portfolio (ctx, i) &&
         !_accords_people_is_org_word (ctx, i) &&
         !_accords_people_word_set_has (&ctx->stops, t->fold) &&
         !_accords_people_word_set_has (&ctx->particles, t->fold);
}

gboolean
_accords_people_is_particle (Ctx  *ctx,
                             gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && _accords_people_word_set_has (&ctx->particles, t->fold);
}

/* The word after a particle that is part of a name although the tables
 * list it as a title or a field: "Ould Bah", "Bin Sultan", "Van
 * Prince". A particle written with a capital inside a sentence, or one
 * that only ever joins names ("ould", "bin"), says a name goes on. */
gboolean
_accords_people_is_particle_name (Ctx  *ctx,
                                  gint  i)
{
  Token *particle = _accords_people_tok (ctx, i - 1);
  Token *t = _accords_people_tok (ctx, i);

  if (_accords_people_is_name_word (ctx, i))
    return TRUE;
  if (particle == NULL || !_accords_people_is_particle (ctx, i - 1) ||
      t == NULL || !t->word || !t->cap || !t->has_lower || t->country >= 0 ||
      _accords_people_word_set_has (&ctx->stops, t->fold) ||
      _accords_people_word_set_has (&ctx->particles, t->fold))
    return FALSE;
  if (_accords_people_word_set_has (&ctx->strong_particles, particle->fold))
    return TRUE;
  /* a capital that does not open a sentence */
  return particle->cap && _accords_people_tok (ctx, i - 2) != NULL &&
         _accords_people_tok (ctx, i - 2)->word;
}

char *
_accords_people_token_text (Ctx  *ctx,
                            gint  first,
                            gint  last)
{
  Token *a = _accords_people_tok (ctx, first);
  Token *b = _accords_people_tok (ctx, last);
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
gboolean
_accords_people_followed_by_phrase (Ctx        *ctx,
                                    gint        i,
                                    JsonArray  *phrases)
{
  Token *t;
  const char *rest;
  g_autofree char *lower = NULL;

  while ((t = _accords_people_tok (ctx, i + 1)) != NULL && !t->word && strcmp (t->fold, ",") == 0)
    i++;
  if ((t = _accords_people_tok (ctx, i + 1)) == NULL || !t->word)
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

gboolean
_accords_people_preceded_by_word (Ctx        *ctx,
                                  gint        i,
                                  JsonArray  *words)
{
  Token *t = _accords_people_tok (ctx, i - 1);

  for (guint p = 0; t != NULL && t->word && words != NULL && p < json_array_get_length (words); p++)
    if (strcmp (t->fold, json_array_get_string_element (words, p)) == 0)
      return TRUE;

  return FALSE;
}

gboolean
_accords_people_is_destination (Ctx  *ctx,
                                gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word &&
         (_accords_people_word_set_has (&ctx->venue_preps, t->fold) ||
          _accords_people_word_set_has (&ctx->venue_weak, t->fold));
}

const char *
_accords_people_strip_arabic_prefix (Ctx        *ctx,
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

gboolean
_accords_people_is_definite (Ctx        *ctx,
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

/* A word of a title's complement: "الاتصالات", "وتقنية", "ارتباطات". */
gboolean
_accords_people_arabic_complement (Ctx  *ctx,
                                   gint  i)
{
  Token *t = _accords_people_tok (ctx, i);
  Token *next = _accords_people_tok (ctx, i + 1);

  if (t == NULL || !t->word || _accords_people_word_set_has (&ctx->honorifics, t->fold))
    return FALSE;
  if (t->country >= 0 || _accords_people_word_set_has (&ctx->portfolio, t->fold) ||
      _accords_people_word_set_has (&ctx->portfolio,
                                    _accords_people_strip_arabic_prefix (ctx, t->fold)) ||
      _accords_people_word_set_has (&ctx->modifiers, t->fold) ||
      _accords_people_is_connector (ctx, i))
    return TRUE;
  if (_accords_people_is_definite (ctx, t->fold) ||
      _accords_people_is_definite (ctx, _accords_people_strip_arabic_prefix (ctx, t->fold)))
    return TRUE;
  /* "وتقنية المعلومات": a joined "and" before a noun in construct */
  return g_str_has_prefix (t->fold, "\xd9\x88") && next != NULL && next->word &&
         _accords_people_is_definite (ctx, next->fold);
}

/* Set-up */

static void
candidate_free (Candidate *c)
{
  g_free (c->name);
  g_free (c->role);
  g_free (c->country);
  g_free (c);
}

void
_accords_people_ctx_init (Ctx               *ctx,
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

  word_set_init (&ctx->titles, _accords_people_lang_array (table, "titles", lang));
  word_set_init (&ctx->modifiers, _accords_people_lang_array (table, "title_modifiers", lang));
  word_set_init (&ctx->honorifics, _accords_people_lang_array (table, "honorifics", lang));
  word_set_init (&ctx->keep_honorifics,
                 _accords_people_lang_array (table, "keep_honorifics", lang));
  word_set_init (&ctx->particles, _accords_people_lang_array (table, "particles", lang));
  word_set_init (&ctx->abbreviations, _accords_people_lang_array (table, "abbreviations", lang));
  word_set_init (&ctx->connectors, _accords_people_lang_array (table, "connectors", lang));
  word_set_init (&ctx->articles, _accords_people_lang_array (table, "articles", lang));
  word_set_init (&ctx->portfolio, _accords_people_lang_array (table, "portfolio", lang));
  word_set_init (&ctx->orgs, _accords_people_lang_array (table, "organizations", lang));
  word_set_init (&ctx->org_heads, _accords_people_lang_array (table, "organization_heads", lang));
  word_set_init (&ctx->stops, _accords_people_lang_array (table, "stop_words", lang));
  word_set_init (&ctx->forum_words, _accords_people_lang_array (table, "forum_words", lang));
  word_set_init (&ctx->forum_triggers, _accords_people_lang_array (table, "forum_triggers", lang));
  word_set_init (&ctx->venue_preps, _accords_people_lang_array (table, "venue_prepositions", lang));
  word_set_init (&ctx->venue_weak,
                 _accords_people_lang_array (table, "venue_weak_prepositions", lang));
  word_set_init (&ctx->ar_particles,
                 _accords_people_lang_array (table, "arabic_name_particles", lang));
  word_set_init (&ctx->name_heads, _accords_people_lang_array (table, "name_heads", lang));
  word_set_init (&ctx->strong_particles,
                 _accords_people_lang_array (table, "strong_particles", lang));
  ctx->author_notes = _accords_people_lang_array (table, "author_notes", lang);
  ctx->meetings = _accords_people_lang_array (table, "meeting_phrases", lang);
  ctx->suffixes = _accords_people_lang_array (table, "portfolio_suffixes", lang);
  ctx->speech = _accords_people_lang_array (table, "speech_verbs", lang);

  ctx->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  ctx->lower = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);

  tokenize (ctx);
  ctx->taken = g_new0 (gboolean, ctx->tokens->len + 1);

  for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
    if (_accords_people_tok (ctx, i)->word && !_accords_people_tok (ctx, i)->cap)
      g_hash_table_add (ctx->lower, _accords_people_tok (ctx, i)->fold);

  map_countries (ctx);
}

void
_accords_people_ctx_clear (Ctx *ctx)
{
  WordSet *sets[] = {
    &ctx->titles, &ctx->modifiers, &ctx->honorifics, &ctx->keep_honorifics,
    &ctx->particles, &ctx->abbreviations, &ctx->connectors, &ctx->articles,
    &ctx->portfolio, &ctx->orgs, &ctx->org_heads, &ctx->stops, &ctx->forum_words,
    &ctx->forum_triggers, &ctx->venue_preps, &ctx->venue_weak, &ctx->ar_particles,
    &ctx->name_heads, &ctx->strong_particles,
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
