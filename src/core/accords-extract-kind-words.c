/* accords-extract-kind-words.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-extract-kind-private.h"

/* The kind pass, part one: the article's words, and matching the word
 * lists of kinds.json and topics.json against them. */

/* Words
 *
 * The article is cut into words, each folded so that lists match however
 * the text is written: lower case, no accents, no Arabic diacritics or
 * tatweel, one form for the Arabic and Persian letters that have two, and
 * no zero-width non-joiner (Persian writes "تفاهم‌نامه" with or without
 * it). Apostrophes and hyphens end a word, so French elisions ("l'accord")
 * and compounds ("e-government") match their parts. */

static void
clear_word (gpointer data)
{
  Word *word = data;

  g_free (word->form);
}

static void
clear_pattern_word (gpointer data)
{
  PatternWord *word = data;

  g_free (word->form);
}

static gboolean
is_joiner (gunichar c)
{
  /* zero-width non-joiner and joiner, Arabic tatweel, soft hyphen */
  return c == 0x200C || c == 0x200D || c == 0x0640 || c == 0x00AD;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_joiner (c);
}

static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (is_joiner (c) || g_unichar_ismark (c))
    return;

  c = g_unichar_tolower (c);
  if (c == 0x06C0) /* heh with yeh above */
    c = 0x0647;
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0)
    c = decomposed[0];

  switch (c)
    {
    case 0x0629: /* teh marbuta */
    case 0x06D5: /* ae */
    case 0x06BE: /* heh doachashmee */
      c = 0x0647;
      break;
    case 0x0649: /* alef maksura */
    case 0x06CC: /* Persian yeh */
      c = 0x064A;
      break;
    case 0x06A9: /* Persian keheh */
      c = 0x0643;
      break;
    case 0x0671: /* alef wasla */
      c = 0x0627;
      break;
    default:
      if (c >= 0x0660 && c <= 0x0669)
        c = '0' + (c - 0x0660);
      else if (c >= 0x06F0 && c <= 0x06F9)
        c = '0' + (c - 0x06F0);
      break;
    }

  g_string_append_unichar (out, c);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

static gboolean
is_clause_end (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
         c == ']' || c == 0x060C || c == 0x061B || c == 0x2013 || c == 0x2014 ||
         c == '|';
}

static gboolean
opens_quote (gunichar c)
{
  return c == 0x201C || c == 0x00AB || c == 0x201E;
}

static gboolean
closes_quote (gunichar c)
{
  return c == 0x201D || c == 0x00BB;
}

/* Cuts @text into words; only forms and offsets matter for patterns. */
static GArray *
split_words (const char *text,
             guint      *n_sentences,
             guint      *n_lines)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  guint sentence = 0, clause = 0, line = 0;
  guint in_sentence = 0;
  gboolean quoted = FALSE;
  const char *p = text;

  g_array_set_clear_func (words, clear_word);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c) && !is_joiner (c) && !g_unichar_ismark (c))
        {
          GString *form = g_string_new (NULL);
          Word word = { 0 };
          guint letters = 0, capitals = 0;
          gboolean lower_after_first = FALSE;

          word.start = p - text;
          while (*p != '\0' && is_word_char (c = g_utf8_get_char (p)))
            {
              if (g_unichar_isupper (c))
                capitals++;
              else if (letters > 0 && g_unichar_islower (c))
                lower_after_first = TRUE;
              if (g_unichar_isalpha (c))
                letters++;
              append_folded (form, c);
              p = g_utf8_next_char (p);
            }
          word.end = p - text;
          word.form = g_string_free (form, FALSE);
          word.sentence = sentence;
          word.clause = clause;
          word.line = line;
          if (g_unichar_isupper (g_utf8_get_char (text + word.start)) && lower_after_first)
            word.flags |= WORD_TITLECASE;
          if (letters > 1 && capitals == letters)
            word.flags |= WORD_CAPITALS;
          if (quoted)
            word.flags |= WORD_QUOTED;
          g_array_append_val (words, word);
          in_sentence++;
          continue;
        }

      if (c == '\n')
        {
          line++;
          quoted = FALSE;
          if (in_sentence > 0)
            {
              sentence++;
              clause++;
              in_sentence = 0;
            }
        }
      else if (is_sentence_end (c))
        {
          const char *next = g_utf8_next_char (p);
          gunichar after = g_utf8_get_char (next);
          gboolean ends = after == '\0' || g_unichar_isspace (after) ||
                          closes_quote (after) || after == '"';

          /* "Dr. Tijani", "K. Rajaraman": a short capitalised word before
           * the full stop is an abbreviation, not the end of a sentence */
          if (ends && c == '.' && words->len > 0)
            {
              const Word *prev = &g_array_index (words, Word, words->len - 1);

              if (prev->end == (gsize) (p - text) &&
                  g_unichar_isupper (g_utf8_get_char (text + prev->start)) &&
                  g_utf8_strlen (prev->form, -1) <= 2)
                ends = FALSE;
            }

          if (ends && in_sentence > 0)
            {
              sentence++;
              clause++;
              in_sentence = 0;
            }
        }
      else if (is_clause_end (c) || (c == '-' && p[1] == '-'))
        clause++;
      else if (opens_quote (c))
        quoted = TRUE;
      else if (closes_quote (c))
        quoted = FALSE;
      else if (c == '"')
        quoted = !quoted;

      p = g_utf8_next_char (p);
    }

  if (n_sentences != NULL)
    *n_sentences = in_sentence > 0 ? sentence + 1 : sentence;
  if (n_lines != NULL)
    *n_lines = line + 1;

  return words;
}

Words *
_accords_kind_words_new (const char *text)
{
  Words *self = g_new0 (Words, 1);
  guint rank = 0;

  self->words = split_words (text, &self->n_sentences, &self->n_lines);
  self->sentence_first = g_new0 (guint, self->n_sentences + 1);
  self->weight = g_new0 (guint, self->n_sentences + 1);
  self->line_first = g_new0 (guint, self->n_lines + 1);
  self->line_length = g_new0 (guint, self->n_lines + 1);

  for (guint i = self->words->len; i > 0; i--)
    {
      const Word *word = &g_array_index (self->words, Word, i - 1);

      self->sentence_first[word->sentence] = i - 1;
      self->line_first[word->line] = i - 1;
      self->line_length[word->line]++;
    }

  /* The lead decides most: the first two sentences of running text weigh
   * three, the next two two, the rest one. Short lines (a date header, a
   * byline) take the weight of the running text after them. */
  for (guint s = 0; s < self->n_sentences; s++)
    {
      guint first = self->sentence_first[s];
      guint length = 0;

      while (first + length < self->words->len &&
             g_array_index (self->words, Word, first + length).sentence == s)
        length++;

      self->weight[s] = rank < 2 ? 3 : rank < 4 ? 2 : 1;
      if (length >= 6)
        rank++;
    }

  return self;
}

void
_accords_kind_words_free (Words *self)
{
  g_array_unref (self->words);
  g_free (self->sentence_first);
  g_free (self->weight);
  g_free (self->line_first);
  g_free (self->line_length);
  g_free (self);
}

/* Patterns: a list entry is one or more words, each of which may end in
 * "*" to match any ending ("соглашени*"). A word written in capitals
 * matches only capitals ("IA" but not Portuguese "ia"). */

static GArray *
compile_pattern (const char *pattern)
{
  GArray *compiled = g_array_new (FALSE, FALSE, sizeof (PatternWord));
  g_auto(GStrv) pieces = g_strsplit (pattern, " ", -1);

  g_array_set_clear_func (compiled, clear_pattern_word);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      gsize len = strlen (pieces[i]);
      gboolean star = len > 0 && pieces[i][len - 1] == '*';
      g_autoptr(GArray) parts = NULL;

      if (star)
        pieces[i][len - 1] = '\0';
      parts = split_words (pieces[i], NULL, NULL);
      for (guint j = 0; j < parts->len; j++)
        {
          Word *part = &g_array_index (parts, Word, j);
          PatternWord word = { g_steal_pointer (&part->form), star && j + 1 == parts->len,
                               (part->flags & WORD_CAPITALS) != 0 };

          g_array_append_val (compiled, word);
        }
    }

  return compiled;
}

/* Clitics a word may carry in front (Arabic و ال ب ل ...), folded. */
GPtrArray *
_accords_kind_load_prefixes (JsonObject *lang)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  JsonArray *list = NULL;

  if (lang != NULL && json_object_has_member (lang, "prefixes"))
    list = json_object_get_array_member (lang, "prefixes");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autoptr(GArray) parts = split_words (json_array_get_string_element (list, i), NULL, NULL);

      if (parts->len == 1)
        g_ptr_array_add (prefixes, g_steal_pointer (&g_array_index (parts, Word, 0).form));
    }

  return prefixes;
}

static gboolean
stem_matches (const char        *form,
              const PatternWord *word)
{
  if (word->star)
    return g_str_has_prefix (form, word->form);
  return strcmp (form, word->form) == 0;
}

static gboolean
word_matches (const Word        *text_word,
              const PatternWord *word,
              GPtrArray         *prefixes)
{
  const char *form = text_word->form;

  if (word->capitals && !(text_word->flags & WORD_CAPITALS))
    return FALSE;
  if (stem_matches (form, word))
    return TRUE;

  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);

      /* the rest must still be a word of at least two letters */
      if (g_str_has_prefix (form, prefix) &&
          g_utf8_strlen (form + strlen (prefix), -1) >= 2 &&
          stem_matches (form + strlen (prefix), word))
        return TRUE;
    }

  return FALSE;
}

void
_accords_kind_find_matches (const Words *words,
                            JsonArray   *list,
                            GPtrArray   *prefixes,
                            gint         tag,
                            GArray      *matches)
{
  for (guint e = 0; list != NULL && e < json_array_get_length (list); e++)
    {
      const char *entry = json_array_get_string_element (list, e);
      g_autoptr(GArray) pattern = NULL;

      if (entry == NULL)
        continue;
      pattern = compile_pattern (entry);
      if (pattern->len == 0)
        continue;

      for (guint i = 0; i + pattern->len <= words->words->len; i++)
        {
          guint k;

          for (k = 0; k < pattern->len; k++)
            {
              const Word *word = _accords_kind_word_at (words, i + k);

              if (word->sentence != _accords_kind_word_at (words, i)->sentence ||
                  !word_matches (word, &g_array_index (pattern, PatternWord, k), prefixes))
                break;
            }

          if (k == pattern->len)
            {
              Match match = { i, i + pattern->len - 1, tag };

              g_array_append_val (matches, match);
            }
        }
    }
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Match *ma = a, *mb = b;
  guint la = ma->last - ma->first, lb = mb->last - mb->first;

  if (la != lb)
    return la > lb ? -1 : 1;
  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return ma->tag - mb->tag;
}

gint
_accords_kind_compare_position (gconstpointer a,
                                gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return ma->tag - mb->tag;
}

/* Where entries overlap the longest one wins: "protocole d'accord" is a
 * memorandum, not an "accord"; "digital trade" e-commerce, not trade.
 * Returns the kept matches in text order. */
GArray *
_accords_kind_keep_longest (const Words *words,
                            GArray      *matches)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree gboolean *taken = g_new0 (gboolean, words->words->len + 1);

  g_array_sort (matches, compare_longest_first);
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      gboolean free = TRUE;

      for (guint w = match->first; w <= match->last && free; w++)
        free = !taken[w];
      if (!free)
        continue;
      for (guint w = match->first; w <= match->last; w++)
        taken[w] = TRUE;
      g_array_append_val (kept, *match);
    }
  g_array_sort (kept, _accords_kind_compare_position);

  return kept;
}

JsonObject *
_accords_kind_language_table (const char *table_name,
                              const char *language)
{
  JsonObject *table = _accords_extract_table (table_name);

  if (table == NULL)
    return NULL;
  if (language != NULL && json_object_has_member (table, language))
    return json_object_get_object_member (table, language);
  /* an undetected language: English is the likeliest */
  if (json_object_has_member (table, "en"))
    return json_object_get_object_member (table, "en");
  return NULL;
}

JsonArray *
_accords_kind_get_list (JsonObject *lang,
                        const char *name)
{
  if (lang == NULL || !json_object_has_member (lang, name))
    return NULL;
  return json_object_get_array_member (lang, name);
}
