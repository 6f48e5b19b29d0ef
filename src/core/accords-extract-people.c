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
#include "accords-extract-people-private.h"
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

/* People */

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
      if (_accords_people_country_of (ctx, k) != NULL)
        return g_strdup (_accords_people_country_of (ctx, k));
      if (!_accords_people_is_possessive (ctx, k) &&
          !_accords_people_word_set_has (&ctx->articles, _accords_people_tok (ctx, k)->fold))
        break;
    }

  for (gint k = first; k <= last; k++)
    if (_accords_people_country_of (ctx, k) != NULL && !_accords_people_is_destination (ctx, k - 1))
      return g_strdup (_accords_people_country_of (ctx, k));

  return NULL;
}

static gboolean is_coordinator (Ctx  *ctx,
                                gint  i);

static gboolean
has_ending (const char *word,
            JsonArray  *endings)
{
  gsize len = strlen (word);

  for (guint i = 0; endings != NULL && i < json_array_get_length (endings); i++)
    {
      const char *ending = json_array_get_string_element (endings, i);
      gsize elen = strlen (ending);

      /* a stem of two letters at least */
      if (len > elen && strcmp (word + len - elen, ending) == 0 &&
          g_utf8_strlen (word, len - elen) >= 2)
        return TRUE;
    }

  return FALSE;
}

/* A lower-case Russian word that reads as a genitive (adjective or noun)
 * and not as a verb ("провела", "заявили"): the tables list the endings
 * of both. */
static gboolean
is_russian_genitive (Ctx  *ctx,
                     gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || !t->word || t->cap || _accords_people_word_set_has (&ctx->stops, t->fold))
    return FALSE;
  return has_ending (t->fold, json_object_get_array_member (ctx->table, "ru_genitive_endings")) &&
         !has_ending (t->fold, json_object_get_array_member (ctx->table, "ru_verb_endings"));
}

/* A capitalised word alone inside a complement, where the tables do not
 * know it but its neighbours show what it is: an adjective between a
 * title and a body ("Председатель Государственного комитета …", "the
 * Director Regional office"), or one field of a list ("Transportes,
 * Aguas y Minas"). */
static gboolean
lone_word_in_complement (Ctx  *ctx,
                         gint  k)
{
  Token *next = _accords_people_tok (ctx, k + 1);

  if (next != NULL && next->word && !next->cap &&
      (_accords_people_is_title (ctx, k - 1) || _accords_people_is_modifier (ctx, k - 1)) &&
      (_accords_people_is_org_word (ctx, k + 1) || _accords_people_is_portfolio (ctx, k + 1) ||
       is_russian_genitive (ctx, k + 1)))
    return TRUE;

  return (_accords_people_is_punct (ctx, k - 1, ",") && is_coordinator (ctx, k + 1) &&
          _accords_people_tok (ctx, k - 2) != NULL && _accords_people_tok (ctx, k - 2)->cap &&
          (_accords_people_is_portfolio (ctx, k - 2) || _accords_people_is_org_word (ctx, k - 2)));
}

/* Walks left from @start over a title's complement to the title itself.
 * Returns the index of the title's first word, or -1. */
static gint
title_before (Ctx  *ctx,
              gint  start,
              gint *out_last)
{
  guint lower = 0, genitive_words = 0;
  gint k = start - 1;
  gint last;

  /* the complement ends at the last word before the name */
  while (k >= 0 && (_accords_people_is_punct (ctx, k, ",") ||
                    _accords_people_word_set_has (&ctx->honorifics,
                                                  _accords_people_tok (ctx, k)->fold)))
    k--;
  last = k;

  for (guint steps = 0; k >= 0 && steps < MAX_WALK; k--, steps++)
    {
      Token *t = _accords_people_tok (ctx, k);

      if (t->stop)
        return -1;
      if (!t->word)
        {
          if (strcmp (t->fold, ")") == 0)
            {
              /* skip an aside: "(Secihti)" */
              while (k > 0 && !_accords_people_is_punct (ctx, k, "(") &&
                     !_accords_people_tok (ctx, k)->stop)
                k--;
              continue;
            }
          if (strcmp (t->fold, ",") == 0 || strcmp (t->fold, "'s") == 0 ||
              strcmp (t->fold, "-") == 0 || strcmp (t->fold, "\xe2\x80\x99") == 0)
            continue;
          return -1;
        }

      if (_accords_people_is_title (ctx, k))
        {
          while (k > 0 &&
                 (_accords_people_is_title (ctx, k - 1) ||
                  _accords_people_is_modifier (ctx, k - 1)))
            k--;
          *out_last = last;
          /* lower-case words in between: only with a comma before the name */
          if (lower > 0 && !_accords_people_is_punct (ctx, start - 1, ","))
            return -1;
          return k;
        }

      if (_accords_people_is_modifier (ctx, k) || _accords_people_is_portfolio (ctx, k) ||
          _accords_people_is_org_word (ctx, k) ||
          t->country >= 0 || _accords_people_is_connector (ctx, k) ||
          _accords_people_is_particle (ctx, k) ||
          _accords_people_word_set_has (&ctx->honorifics, t->fold))
        continue;
      /* "Minister of Roads and …", "Centro Nacional de …", "Comunicação
       * Social": one capitalised word the tables do not know, joined to
       * the complement. A name has two words, so a lone one is a field. */
      if (_accords_people_is_name_word (ctx, k) && !_accords_people_is_name_word (ctx, k + 1) &&
          !_accords_people_is_name_word (ctx, k - 1) &&
          (_accords_people_is_connector (ctx, k - 1) ||
           (_accords_people_tok (ctx, k - 1)->cap &&
            (_accords_people_is_portfolio (ctx, k - 1) || _accords_people_is_org_word (ctx, k - 1))) ||
           lone_word_in_complement (ctx, k)))
        continue;
      if (_accords_people_is_name_word (ctx, k) ||
          _accords_people_word_set_has (&ctx->stops, t->fold))
        return -1;
      if (t->cap)
        continue;
      if (ctx->romance && lower < 5)
        {
          lower++;
          continue;
        }
      /* "министр высокотехнологической промышленности Армении …": a
       * Russian complement runs in the genitive and needs no comma */
      if (ctx->russian && genitive_words < 5 && is_russian_genitive (ctx, k))
        {
          genitive_words++;
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

  if (!_accords_people_is_punct (ctx, k, ",") && !_accords_people_is_punct (ctx, k, "\xd8\x8c"))
    return -1;
  k++;

  for (guint steps = 0; _accords_people_tok (ctx, k) != NULL && steps < 5; k++, steps++)
    {
      Token *t = _accords_people_tok (ctx, k);

      if (_accords_people_is_title (ctx, k) || _accords_people_is_modifier (ctx, k))
        {
          first = k;
          break;
        }
      if (t->country >= 0 || _accords_people_is_possessive (ctx, k) ||
          (t->word && _accords_people_word_set_has (&ctx->articles, t->fold)))
        continue;
      return -1;
    }

  if (first < 0)
    return -1;

  /* a modifier must lead to a title: "Parliamentary Under-Secretary" */
  {
    gboolean titled = FALSE;

    for (k = first; _accords_people_tok (ctx, k) != NULL && k < first + 4; k++)
      if (_accords_people_is_title (ctx, k))
        titled = TRUE;
      else if (!_accords_people_is_modifier (ctx, k))
        break;
    if (!titled)
      return -1;
  }

  for (k = first; _accords_people_tok (ctx, k + 1) != NULL && k < first + 14; k++)
    {
      Token *next = _accords_people_tok (ctx, k + 1);

      if (next->stop || (!next->word && strcmp (next->fold, "'s") != 0 &&
                         strcmp (next->fold, "-") != 0))
        break;
    }
  *out_last = k;

  return first;
}

const char *_accords_people_vowels_ru = "аеёиоуыэюя";

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
  return g_utf8_strchr (_accords_people_vowels_ru, -1, c) == NULL && c != 0x044C && c != 0x0439;
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
      Token *t = _accords_people_tok (ctx, k);
      gboolean found = FALSE;

      /* the head decides: "заместитель министра" is nominative */
      if (!_accords_people_is_title (ctx, k) && !_accords_people_is_modifier (ctx, k))
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
      Token *t = _accords_people_tok (ctx, k);
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
  c->start = _accords_people_tok (ctx, first)->start;
  c->end = _accords_people_tok (ctx, last)->end;
  g_ptr_array_add (ctx->candidates, c);

  _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_PERSON, c->start, c->end);
}

/* A line "By Jane Doe" credits the writer, who is not in the story. The
 * name must follow the word at once and end the line: "Por el lado
 * chileno asistió …, Ana Gil" opens with the same word but is a sentence. */
static gboolean
in_byline (Ctx  *ctx,
           gint  first,
           gint  last)
{
  Token *by = _accords_people_tok (ctx, first - 1);
  Token *before = _accords_people_tok (ctx, first - 2);
  Token *after = _accords_people_tok (ctx, last + 1);

  if (by == NULL || !by->word ||
      (strcmp (by->fold, "by") != 0 && strcmp (by->fold, "par") != 0 &&
       strcmp (by->fold, "por") != 0))
    return FALSE;
  if (before != NULL && !_accords_people_is_punct (ctx, first - 2, "\n"))
    return FALSE;
  return after == NULL || _accords_people_is_punct (ctx, last + 1, "\n") ||
         _accords_people_is_punct (ctx, last + 1, ",");
}

/* A line that is nothing but a title: "Kenya's Minister of ICT". Its
 * words before the title are countries, articles or modifiers, and after
 * it come only the complement's words, none a lower-case word of
 * running text ("Minister signs deal" is a headline). Returns the
 * title's first token, or -1; *out_last is the line's last word. */
static gint
title_line (Ctx  *ctx,
            gint  first,
            gint  last,
            gint *out_last)
{
  gint title = -1;

  if (last < first || last - first > 16)
    return -1;
  for (gint k = first; k <= last; k++)
    {
      Token *t = _accords_people_tok (ctx, k);

      if (title < 0 && _accords_people_is_title (ctx, k))
        {
          title = k;
          while (title > first && _accords_people_is_modifier (ctx, title - 1))
            title--;
          continue;
        }
      if (!t->word)
        {
          if (strcmp (t->fold, ",") != 0 && strcmp (t->fold, "-") != 0 &&
              strcmp (t->fold, "'s") != 0)
            return -1;
          continue;
        }
      if (t->country >= 0 || _accords_people_is_modifier (ctx, k) ||
          _accords_people_is_title (ctx, k) ||
          _accords_people_word_set_has (&ctx->articles, t->fold))
        continue;
      if (title < 0)
        return -1;
      if (!t->cap && !_accords_people_is_connector (ctx, k) && !_accords_people_is_portfolio (ctx, k) &&
          !_accords_people_is_org_word (ctx, k))
        return -1;
    }

  *out_last = last;
  return title;
}

/* The line around token @i: from the word after the last line break
 * before it to the word before the next one. */
static void
line_bounds (Ctx  *ctx,
             gint  i,
             gint *out_first,
             gint *out_last)
{
  gint a = i, b = i;

  while (a > 0 && !_accords_people_is_punct (ctx, a - 1, "\n"))
    a--;
  while (_accords_people_tok (ctx, b + 1) != NULL && !_accords_people_is_punct (ctx, b + 1, "\n"))
    b++;
  *out_first = a;
  *out_last = b;
}

/* The nearest line holding a word, going back (@step -1) or on (+1)
 * from the line break at @k. Returns a token of it, or -1. */
static gint
next_text_line (Ctx  *ctx,
                gint  k,
                gint  step)
{
  for (guint n = 0; n < 8 && _accords_people_tok (ctx, k) != NULL; n++, k += step)
    {
      if (_accords_people_tok (ctx, k)->word)
        return k;
      if (!_accords_people_is_punct (ctx, k, "\n"))
        return -1;
    }
  return -1;
}

/* "the author is deputy minister of … of Moldova.": the note that
 * tells who wrote the piece. Returns the title's first token, or -1. */
static gint
author_note (Ctx  *ctx,
             gint *out_last)
{
  for (gint i = 0; ctx->author_notes != NULL && i < _accords_people_n_tokens (ctx); i++)
    {
      Token *before = _accords_people_tok (ctx, i - 1);
      gint k;

      if (!_accords_people_tok (ctx, i)->word || (before != NULL && !before->stop) ||
          !_accords_people_followed_by_phrase (ctx, i - 1, ctx->author_notes))
        continue;
      for (k = i; k < i + 10 && _accords_people_tok (ctx, k) != NULL &&
                  !_accords_people_tok (ctx, k)->stop; k++)
        if (_accords_people_is_title (ctx, k))
          {
            gint first = k, last = k;

            while (first > i && _accords_people_is_modifier (ctx, first - 1))
              first--;

            while (_accords_people_tok (ctx, last + 1) != NULL &&
                   !_accords_people_tok (ctx, last + 1)->stop && last < first + 20)
              last++;
            *out_last = last;
            return first;
          }
    }

  return -1;
}

/* The writer of a piece signed "By Jane Doe" is in the story when the
 * piece says what office she holds for a state: next to the byline
 * ("By Jane Doe, Minister of …", a line "Kenya's Minister of ICT" above
 * or below it) or in a note at the end ("the author is deputy minister of
 * … of Kenya."). An officer writing about her own act signed it or
 * took part in it; a writer with no such office is a byline only. */
static gboolean
byline_author_role (Ctx   *ctx,
                    gint   first,
                    gint   last,
                    char **out_role,
                    char **out_country)
{
  gint role_first = -1, role_last = -1;
  gint line_first, line_last;

  if ((role_first = title_after (ctx, last, &role_last)) < 0)
    {
      gint k;

      line_bounds (ctx, last, &line_first, &line_last);
      if ((k = next_text_line (ctx, line_last + 1, 1)) >= 0)
        {
          line_bounds (ctx, k, &line_first, &line_last);
          role_first = title_line (ctx, line_first, line_last, &role_last);
        }
      line_bounds (ctx, first, &line_first, &line_last);
      if (role_first < 0 && (k = next_text_line (ctx, line_first - 1, -1)) >= 0)
        {
          line_bounds (ctx, k, &line_first, &line_last);
          role_first = title_line (ctx, line_first, line_last, &role_last);
        }
    }
  if (role_first < 0)
    role_first = author_note (ctx, &role_last);
  if (role_first < 0)
    return FALSE;

  *out_country = country_for_title (ctx, role_first, role_last);
  if (*out_country == NULL)
    return FALSE;
  *out_role = _accords_people_token_text (ctx, role_first, role_last);
  return TRUE;
}

/* "ministro de Transportes, Aguas y Minas": words joined by
 * "and" after a comma that follows a field are one more field of a
 * list, not a name. */
static gboolean
in_field_list (Ctx  *ctx,
               gint  first,
               gint  last)
{
  gboolean joined = FALSE;

  for (gint k = first + 1; k < last; k++)
    if (is_coordinator (ctx, k))
      joined = TRUE;
  return joined && _accords_people_is_punct (ctx, first - 1, ",") &&
         _accords_people_tok (ctx, first - 2) != NULL && _accords_people_tok (ctx, first - 2)->cap &&
         (_accords_people_is_portfolio (ctx, first - 2) || _accords_people_is_org_word (ctx, first - 2));
}

static gboolean words_within (const char *small,
                              const char *large);

static gboolean
rest_is_known (Ctx  *ctx,
               gint  first,
               gint  last)
{
  g_autofree char *rest = _accords_people_token_text (ctx, first, last);
  g_autofree char *folded = accords_extract_fold_name (rest);

  for (guint i = 0; i < ctx->candidates->len; i++)
    {
      Candidate *c = g_ptr_array_index (ctx->candidates, i);
      g_autofree char *known = accords_extract_fold_name (c->name);

      if (words_within (folded, known))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_coordinator (Ctx  *ctx,
                gint  i)
{
  static const char *const ands[] = { "and", "et", "y", "e", "\xd0\xb8", "&", NULL };
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && g_strv_contains (ands, t->fold);
}

/* "el Instituto de Redes Rurales y Servicios de Datos Abiertos":
 * capitalised words glued to an organisation's or a field's name, which
 * goes on after them, are more of that name. */
static gboolean
continues_name_of_body (Ctx  *ctx,
                        gint  first,
                        gint  last)
{
  Token *before = _accords_people_tok (ctx, first - 1);
  gint k = last + 1;

  if (before == NULL || !before->word || !before->cap || _accords_people_is_title (ctx, first - 1) ||
      !(_accords_people_is_portfolio (ctx, first - 1) || _accords_people_is_org_word (ctx, first - 1)))
    return FALSE;
  /* "of", "de": the name goes on; "and" may join the next person */
  if (!_accords_people_is_connector (ctx, k) || is_coordinator (ctx, k))
    return FALSE;
  while (_accords_people_is_connector (ctx, k) && k < last + 4)
    k++;
  return _accords_people_tok (ctx, k) != NULL && _accords_people_tok (ctx, k)->word &&
         _accords_people_tok (ctx, k)->cap && _accords_people_tok (ctx, k)->country < 0;
}

/* "Luis Mauricio Vega": a one-word country name ("Mauricio" is
 * Mauritius in Spanish, "Jordan" a given name in English) between two
 * name words of one run is part of the name. A country named in running
 * text has a preposition or an article before it, not a given name. */
static gboolean
country_inside_name (Ctx  *ctx,
                     gint  i)
{
  Token *t = _accords_people_tok (ctx, i);
  Token *prev = _accords_people_tok (ctx, i - 1);
  Token *next = _accords_people_tok (ctx, i + 1);

  if (t == NULL || prev == NULL || next == NULL || !t->word || !t->cap || !t->has_lower ||
      t->country < 0 || prev->country == t->country || next->country == t->country)
    return FALSE;
  return _accords_people_is_name_word (ctx, i - 1) && !prev->initial &&
         _accords_people_is_name_word (ctx, i + 1);
}

static void
find_capitalised_names (Ctx *ctx)
{
  JsonArray *and_words = _accords_people_lang_array (ctx->table, "connectors", ctx->lang);
  gint prev_last = -1;
  gboolean prev_oblique = FALSE;

  for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
    {
      gint first = i, last, words = 0;
      gint role_first, role_last = -1;
      char *role = NULL, *country = NULL;
      gboolean accepted = FALSE, oblique = FALSE;

      if (!_accords_people_is_name_word (ctx, i) &&
          !(_accords_people_is_particle (ctx, i) && _accords_people_tok (ctx, i)->cap &&
            _accords_people_is_particle_name (ctx, i + 1)))
        continue;

      /* the run of name words, with particles between them; after a
       * particle a word the tables know as a title may be the family
       * name ("Ould Bah") */
      last = i;
      for (;;)
        {
          if (_accords_people_is_name_word (ctx, last + 1))
            last++;
          else if (country_inside_name (ctx, last + 1))
            last += 2;
          else if (_accords_people_is_particle (ctx, last + 1) &&
                   _accords_people_is_particle_name (ctx, last + 2))
            last += 2;
          else if (_accords_people_is_particle (ctx, last + 1) &&
                   _accords_people_is_particle (ctx, last + 2) &&
                   _accords_people_is_particle_name (ctx, last + 3))
            last += 3;
          else
            break;
        }
      for (gint k = first; k <= last; k++)
        if (_accords_people_is_particle_name (ctx, k))
          words++;
      i = last;

      /* "Sheikh Nahyan": an honorific that is part of a one-word name */
      if (words == 1 && _accords_people_tok (ctx, first - 1) != NULL &&
          _accords_people_word_set_has (&ctx->keep_honorifics,
                                        _accords_people_tok (ctx, first - 1)->fold))
        {
          first--;
          words++;
        }

      /* "Later Varga said": a sentence's first word before a known name */
      if (words == 2 &&
          (_accords_people_tok (ctx, first - 1) == NULL ||
           _accords_people_tok (ctx, first - 1)->stop) &&
          _accords_people_is_name_word (ctx, first) && rest_is_known (ctx, first + 1, last))
        continue;

      if (words < 2 || continues_name_of_body (ctx, first, last) ||
          in_field_list (ctx, first, last))
        continue;

      if (in_byline (ctx, first, last))
        {
          if (byline_author_role (ctx, first, last, &role, &country))
            {
              add_candidate (ctx, first, last, role, country, FALSE);
              prev_last = last;
              prev_oblique = FALSE;
            }
          continue;
        }

      /* "Saudi Arabia" before the countries pass knows it */
      {
        g_autofree char *whole = _accords_people_token_text (ctx, first, last);

        if (accords_country_lookup (whole) != NULL)
          continue;
      }

      if ((role_first = title_before (ctx, first, &role_last)) >= 0)
        {
          accepted = TRUE;
          role = _accords_people_token_text (ctx, role_first, role_last);
          country = country_for_title (ctx, role_first, role_last);
          oblique = ctx->russian && is_oblique_title (ctx, role_first, role_last);
        }

      if ((role_first = title_after (ctx, last, &role_last)) >= 0)
        {
          accepted = TRUE;
          if (role == NULL)
            role = _accords_people_token_text (ctx, role_first, role_last);
          if (country == NULL)
            country = country_for_title (ctx, role_first, role_last);
        }

      if (!accepted && _accords_people_tok (ctx, first - 1) != NULL &&
          _accords_people_word_set_has (&ctx->honorifics,
                                        _accords_people_tok (ctx, first - 1)->fold))
        accepted = TRUE;

      if (!accepted &&
          (_accords_people_followed_by_phrase (ctx, last, ctx->speech) ||
           _accords_people_preceded_by_word (ctx, first, ctx->speech)))
        accepted = TRUE;

      /* "Leila Haddad et Paulo Costa" */
      if (!accepted && prev_last >= 0 && prev_last == first - 2 &&
          _accords_people_preceded_by_word (ctx, first, and_words))
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

static gboolean
arabic_title (Ctx  *ctx,
              gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word &&
         (_accords_people_word_set_has (&ctx->titles, t->fold) ||
          _accords_people_word_set_has (&ctx->titles,
                                        _accords_people_strip_arabic_prefix (ctx, t->fold)));
}

static gboolean
is_ezafe_noun (const char *fold)
{
  gsize len = strlen (fold);
  const char *before;

  /* "ای": alef, then yeh (Persian or Arabic) */
  if (g_utf8_strlen (fold, -1) < 3 ||
      !(g_str_has_suffix (fold, "\xd8\xa7\xdb\x8c") || g_str_has_suffix (fold, "\xd8\xa7\xd9\x8a")))
    return FALSE;
  before = g_utf8_find_prev_char (fold, fold + len - 4);
  return before != NULL && g_utf8_get_char (before) != 0x200C;
}

static gboolean
arabic_name_word (Ctx      *ctx,
                  gint      i,
                  gboolean  first)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || !t->word || t->country >= 0 || g_unichar_isdigit (g_utf8_get_char (t->fold)))
    return FALSE;
  if (_accords_people_word_set_has (&ctx->stops, t->fold) || arabic_title (ctx, i) ||
      _accords_people_word_set_has (&ctx->honorifics, t->fold) ||
      _accords_people_word_set_has (&ctx->portfolio, t->fold) ||
      _accords_people_word_set_has (&ctx->orgs, t->fold) ||
      _accords_people_word_set_has (&ctx->orgs, _accords_people_strip_arabic_prefix (ctx, t->fold)))
    return FALSE;
  /* a given name never carries the article; a family name may */
  if (first && _accords_people_is_definite (ctx, t->fold))
    return FALSE;
  /* Persian: "ارشد", "سابق" qualify a title, and a word with the plural
   * ending "‌ها" / "‌های" after a zero-width non-joiner is a common noun
   * ("شرکت‌های"); a name joins its parts with that mark but never ends
   * in it */
  if (g_strcmp0 (ctx->lang, "fa") == 0 &&
      (_accords_people_word_set_has (&ctx->modifiers, t->fold) ||
       g_str_has_suffix (t->fold, "\xe2\x80\x8c\xd9\x87\xd8\xa7") ||
       g_str_has_suffix (t->fold, "\xe2\x80\x8c\xd9\x87\xd8\xa7\xdb\x8c") ||
       g_str_has_suffix (t->fold, "\xe2\x80\x8c\xd9\x87\xd8\xa7\xdb\x8c\xdb\x8c")))
    return FALSE;
  /* g_unichar_isalpha: no Latin words inside an Arabic name */
  return g_unichar_isalpha (g_utf8_get_char (t->fold)) && g_utf8_get_char (t->fold) >= 0x0600;
}

/* Whether token @i closes a name read before it: punctuation, a stop
 * word ("في", "مع", "خلال", "در", "با", "گفت"), a title or an honorific
 * (also with a joined "و": "ووزير"), or the end of the text. */
static gboolean
arabic_boundary (Ctx  *ctx,
                 gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  if (t == NULL || !t->word)
    return TRUE;
  return _accords_people_word_set_has (&ctx->stops, t->fold) ||
         _accords_people_word_set_has (&ctx->stops,
                                       _accords_people_strip_arabic_prefix (ctx, t->fold)) ||
         arabic_title (ctx, i) ||
         _accords_people_word_set_has (&ctx->honorifics, t->fold);
}

/* Reads a name from @i; returns its last token or -1. A name has two
 * or three words ("سامي خالد العمري"), more with "بن"; only its first
 * word is sure to lack the article, and a family name with the article
 * ends it. A word past the usual length is taken only where the name
 * visibly ends after it. */
static gint
read_arabic_name_from (Ctx      *ctx,
                       gint      i,
                       gboolean  foreign)
{
  gint k = i, given_end, core = 1;
  gboolean persian = g_strcmp0 (ctx->lang, "fa") == 0;
  gint max_core = 2;
  gboolean head;

  if (!(foreign ? arabic_name_word (ctx, i, FALSE) : arabic_name_word (ctx, i, TRUE)))
    return -1;
  head = _accords_people_word_set_has (&ctx->name_heads, _accords_people_tok (ctx, i)->fold);
  if (persian && head)
    max_core = 3;

  /* "عبد الله": the first part of a compound given name, whose second
   * part carries the article ("عبد الرحمن") and so does not close the
   * name the way a family name with the article does */
  if (_accords_people_word_set_has (&ctx->ar_particles, _accords_people_tok (ctx, k)->fold) &&
      arabic_name_word (ctx, k + 1, FALSE))
    k++;
  given_end = k;

  for (;;)
    {
      if (_accords_people_tok (ctx, k + 1) != NULL &&
          _accords_people_word_set_has (&ctx->ar_particles,
                                        _accords_people_tok (ctx, k + 1)->fold) &&
          arabic_name_word (ctx, k + 2, FALSE))
        {
          k += 2;
          /* "بن خالد العمري": the family name after the father's */
          if (_accords_people_tok (ctx, k + 1) != NULL &&
              _accords_people_is_definite (ctx, _accords_people_tok (ctx, k + 1)->fold) &&
              arabic_name_word (ctx, k + 1, FALSE))
            {
              k++;
              break;
            }
          continue;
        }
      /* "سامر الحديدي": the family name with the article closes it,
       * except after a given name that takes a second part with the
       * article ("محمد الأمين"): then the family name may follow */
      if (k > given_end && _accords_people_is_definite (ctx, _accords_people_tok (ctx, k)->fold))
        {
          if (k == i + 1 && head && _accords_people_tok (ctx, k + 1) != NULL &&
              g_str_has_prefix (_accords_people_tok (ctx, k + 1)->fold, "\xd8\xa7\xd9\x84") &&
              arabic_name_word (ctx, k + 1, FALSE))
            k++;
          break;
        }
      if (core < max_core && arabic_name_word (ctx, k + 1, FALSE))
        {
          k++;
          core++;
          continue;
        }
      /* one more word where the name plainly ends after it: a family
       * name with the article before any boundary, any word before a
       * mark of punctuation */
      if (core == max_core && arabic_name_word (ctx, k + 1, FALSE) &&
          ((_accords_people_is_definite (ctx, _accords_people_tok (ctx, k + 1)->fold) &&
            arabic_boundary (ctx, k + 2)) ||
           (_accords_people_tok (ctx, k + 2) != NULL && !_accords_people_tok (ctx, k + 2)->word)))
        {
          k++;
          core++;
        }
      break;
    }

  return k > i ? k : -1;
}

static gint
read_arabic_name (Ctx  *ctx,
                  gint  i)
{
  return read_arabic_name_from (ctx, i, FALSE);
}

/* A foreign given name written in Arabic letters may open with what
 * reads as a preposition and the article: "فالنتين" (Valentin),
 * "بنجه" (Bence). Such a word, unknown to the tables even once its
 * prefix is gone, at the end of a title's complement, opens a name when
 * a whole name read from it is closed by a boundary. */
static gboolean
foreign_given_name (Ctx  *ctx,
                    gint  i)
{
  Token *t = _accords_people_tok (ctx, i);
  const char *stem;

  if (t == NULL || !t->word || t->country >= 0 || !_accords_people_is_definite (ctx, t->fold) ||
      g_str_has_prefix (t->fold, "\xd8\xa7\xd9\x84") ||
      _accords_people_is_connector (ctx, i))
    return FALSE;
  stem = _accords_people_strip_arabic_prefix (ctx, t->fold);
  return !_accords_people_word_set_has (&ctx->portfolio, stem) &&
         !_accords_people_word_set_has (&ctx->orgs, stem) &&
         !_accords_people_word_set_has (&ctx->modifiers, stem) &&
         !_accords_people_word_set_has (&ctx->portfolio, t->fold) &&
         !_accords_people_word_set_has (&ctx->modifiers, t->fold) &&
         !_accords_people_word_set_has (&ctx->stops, t->fold);
}

/* Reads a name that ends at @last, before ", وزیر …": returns its first
 * token or -1. The name must start after a clear boundary. */
static gint
read_arabic_name_back (Ctx  *ctx,
                       gint  last)
{
  gint k = last;

  while (k > last - 4 && arabic_name_word (ctx, k, FALSE))
    k--;
  if (k > last - 2 || !arabic_boundary (ctx, k) || arabic_title (ctx, k) ||
      !arabic_name_word (ctx, k + 1, TRUE))
    return -1;
  /* "به امضای نام نام‌خانوادگی": a Persian noun ending in a vowel takes
   * "ی" for the ezafe and governs the name after it; it opens a name of
   * three words only as such a noun */
  if (g_strcmp0 (ctx->lang, "fa") == 0 && k + 1 <= last - 2 &&
      is_ezafe_noun (_accords_people_tok (ctx, k + 1)->fold))
    return k + 2;
  return k + 1;
}

/* A field the tables do not know, closed by the country the title
 * speaks for: "وزیر صنایع پیشرفته ارمنستان". Returns the country's
 * token, or -1. */
static gint
field_before_country (Ctx  *ctx,
                      gint  j)
{
  gint k;

  for (k = j; k < j + 4 && !arabic_boundary (ctx, k) &&
              _accords_people_tok (ctx, k)->country < 0; k++)
    ;
  if (k > j && _accords_people_tok (ctx, k) != NULL && _accords_people_tok (ctx, k)->word &&
      _accords_people_tok (ctx, k)->country >= 0)
    return k;
  return -1;
}

/* A word of a title's complement, the body it belongs to included:
 * "مدیر امور فنی سازمان فضایی". */
static gboolean
complement_word (Ctx  *ctx,
                 gint  j)
{
  Token *t = _accords_people_tok (ctx, j);

  if (_accords_people_arabic_complement (ctx, j))
    return TRUE;
  return t != NULL && t->word && !_accords_people_is_connector (ctx, j) &&
         (_accords_people_word_set_has (&ctx->orgs, t->fold) ||
          _accords_people_word_set_has (&ctx->orgs,
                                        _accords_people_strip_arabic_prefix (ctx, t->fold)));
}

/* Walks a title's complement from @j: "الاتصالات وتقنية المعلومات",
 * "ارتباطات و فناوری اطلاعات ایران". Returns the first token after it. */
static gint
skip_complement (Ctx  *ctx,
                 gint  j)
{
  for (guint steps = 0; steps < 12; steps++)
    {
      gint k;

      /* a joining word belongs to the complement only when more of it
       * follows: "وزیر … در رأس هیئتی" leaves the title at "در", and
       * "وزیر ارتباطات و نام" joins a person, not a field */
      if (_accords_people_is_connector (ctx, j) && !complement_word (ctx, j + 1) &&
          field_before_country (ctx, j + 1) < 0)
        break;
      if (complement_word (ctx, j))
        {
          j++;
          continue;
        }
      if ((k = field_before_country (ctx, j)) >= 0)
        {
          j = k + 1;
          continue;
        }
      break;
    }

  return j;
}

static gboolean
is_quote_mark (Ctx  *ctx,
               gint  i)
{
  static const char *const marks[] = {
    "\xc2\xab", "\xc2\xbb", "\"", "\xe2\x80\x9c", "\xe2\x80\x9d", "(", ")", NULL
  };
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && !t->word && g_strv_contains (marks, t->fold);
}

/* "، وزیر …،": the end of a title set between commas, or -1 when no
 * comma closes it soon ("در شهر ایروان، وزیر … گفت." is no apposition). */
static gint
apposition_end (Ctx  *ctx,
                gint  title)
{
  gint k = title;

  /* words, and the quotation marks or brackets around a body's name:
   * "رئیس آژانس «…»،" */
  while (k < title + 12 && _accords_people_tok (ctx, k + 1) != NULL &&
         (_accords_people_tok (ctx, k + 1)->word || is_quote_mark (ctx, k + 1)))
    k++;
  if (_accords_people_is_punct (ctx, k + 1, "\xd8\x8c") || _accords_people_is_punct (ctx, k + 1, ","))
    return k;
  return -1;
}

static void
find_arabic_names (Ctx *ctx)
{
  gboolean persian = g_strcmp0 (ctx->lang, "fa") == 0;

  for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
    {
      gint j = i + 1, last, complement_end = i;
      char *role = NULL, *country = NULL;
      gint role_first, role_last;
      gboolean after_comma;

      /* Persian writes "نام، وزیر …،": the name, then the title */
      if (persian && arabic_title (ctx, i) &&
          (_accords_people_is_punct (ctx, i - 1, "\xd8\x8c") ||
           _accords_people_is_punct (ctx, i - 1, ",")))
        {
          gint first = read_arabic_name_back (ctx, i - 2);
          gint end = apposition_end (ctx, i);

          if (first >= 0 && end >= 0 && !ctx->taken[first])
            {
              add_candidate (ctx, first, i - 2, _accords_people_token_text (ctx, i, end),
                             country_for_title (ctx, i, end), FALSE);
              i = end;
              continue;
            }
        }

      after_comma = FALSE;
      /* "نام در دیدار با …": whoever meets someone is a person */
      if (ctx->meetings != NULL && _accords_people_tok (ctx, i) != NULL &&
          _accords_people_tok (ctx, i)->word && !ctx->taken[i] &&
          _accords_people_followed_by_phrase (ctx, i, ctx->meetings))
        {
          gint first = read_arabic_name_back (ctx, i);

          if (first >= 0 && !ctx->taken[first])
            add_candidate (ctx, first, i, NULL, NULL, FALSE);
        }

      if (arabic_title (ctx, i))
        {
          j = skip_complement (ctx, j);
          complement_end = j - 1;
          while (_accords_people_tok (ctx, j) != NULL &&
                 _accords_people_word_set_has (&ctx->honorifics,
                                               _accords_people_tok (ctx, j)->fold))
            j++;
          /* "وزير …، الاسم" but not "الاسم، وزير …، وقّع" */
          if ((_accords_people_is_punct (ctx, j, "\xd8\x8c") ||
               _accords_people_is_punct (ctx, j, ",")) &&
              !_accords_people_is_punct (ctx, i - 1, "\xd8\x8c") &&
              !_accords_people_is_punct (ctx, i - 1, ","))
            {
              j++;
              after_comma = TRUE;
            }
        }
      else if (_accords_people_tok (ctx, i) != NULL && _accords_people_tok (ctx, i)->word &&
               _accords_people_word_set_has (&ctx->honorifics, _accords_people_tok (ctx, i)->fold))
        {
          complement_end = -1;
        }
      else
        continue;

      last = read_arabic_name (ctx, j);

      /* "وزير تكنولوجيات الاتصال هشام بن علي": a noun in construct the
       * tables do not know ("تكنولوجيات الاتصال") reads like a name; the
       * complement goes on when a whole name, closed by a boundary,
       * follows it. */
      if (complement_end >= 0 && (last < 0 || !arabic_boundary (ctx, last + 1)))
        {
          for (gint s = j; s < j + 4 && arabic_name_word (ctx, s, TRUE) &&
                           _accords_people_tok (ctx, s + 1) != NULL &&
                           _accords_people_is_definite (ctx, _accords_people_tok (ctx, s + 1)->fold);
               s += 2)
            {
              gint l = read_arabic_name (ctx, s + 2);

              if (l >= 0 && arabic_boundary (ctx, l + 1))
                {
                  complement_end = s + 1;
                  j = s + 2;
                  last = l;
                  break;
                }
            }
        }

      /* "وزير الدولة المجري بنجه كوفاتش،": the complement swallowed a
       * foreign given name that looks like a word with the article */
      if (complement_end > i && (last < 0 || !arabic_boundary (ctx, last + 1)) &&
          foreign_given_name (ctx, complement_end))
        {
          gint l = read_arabic_name_from (ctx, complement_end, TRUE);

          if (l >= 0 && arabic_boundary (ctx, l + 1))
            {
              j = complement_end;
              complement_end--;
              last = l;
            }
        }

      if (last < 0 || ctx->taken[j])
        continue;
      /* Persian sets the name before its title; "به گفته معاون وزیر، …"
       * ends a clause at the comma, and what follows is a name only when
       * another mark closes it as an apposition */
      if (persian && after_comma && _accords_people_tok (ctx, last + 1) != NULL &&
          _accords_people_tok (ctx, last + 1)->word)
        continue;

      if (complement_end >= 0)
        {
          role = _accords_people_token_text (ctx, i, complement_end);
          country = country_for_title (ctx, i, complement_end);
        }
      if ((role_first = title_after (ctx, last, &role_last)) >= 0 ||
          (_accords_people_is_punct (ctx, last + 1, "\xd8\x8c") && arabic_title (ctx, last + 2) &&
           (role_first = last + 2) > 0))
        {
          if (role_first == last + 2)
            {
              role_last = role_first;
              while (_accords_people_arabic_complement (ctx, role_last + 1) &&
                     role_last < role_first + 8)
                role_last++;
            }
          if (role == NULL)
            role = _accords_people_token_text (ctx, role_first, role_last);
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
      g_autofree char *fold = accords_extract_fold_name (c->name);
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

void
_accords_extract_people (AccordsExtraction *ex)
{
  JsonObject *table = _accords_extract_table ("people");
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Ctx ctx = { 0 };

  if (table == NULL || ex->text == NULL)
    return;

  _accords_people_ctx_init (&ctx, ex, table);

  if (ctx.arabic_script)
    find_arabic_names (&ctx);
  else
    find_capitalised_names (&ctx);
  merge_people (&ctx);

  if (ctx.arabic_script)
    _accords_people_find_arabic_organizations (&ctx, ranges);
  else
    _accords_people_find_capitalised_organizations (&ctx, ranges);

  _accords_people_find_virtual (&ctx);
  _accords_people_find_forum (&ctx, ranges);
  _accords_people_find_venue_city (&ctx);

  _accords_people_ctx_clear (&ctx);
}
