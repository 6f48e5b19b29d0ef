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
char *
_accords_people_country_for_title (Ctx  *ctx,
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

  return (_accords_people_is_punct (ctx, k - 1, ",") &&
          _accords_people_is_coordinator (ctx, k + 1) &&
          _accords_people_tok (ctx, k - 2) != NULL && _accords_people_tok (ctx, k - 2)->cap &&
          (_accords_people_is_portfolio (ctx, k - 2) || _accords_people_is_org_word (ctx, k - 2)));
}

/* Walks left from @start over a title's complement to the title itself.
 * Returns the index of the title's first word, or -1. */
gint
_accords_people_title_before (Ctx  *ctx,
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
gint
_accords_people_title_after (Ctx  *ctx,
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

gboolean
_accords_people_is_oblique_title (Ctx  *ctx,
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

void
_accords_people_add_candidate (Ctx        *ctx,
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
/* One person named several times ("Moreau" after "Claire
 * Moreau", "Karim Haddad" and "Ali Karim Haddad") is kept once,
 * under the fullest name. */

gboolean
_accords_people_words_within (const char *small,
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

          if (_accords_people_words_within (fold, other_fold))
            merged = TRUE;
          else if (_accords_people_words_within (other_fold, fold))
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
    _accords_people_find_arabic_names (&ctx);
  else
    _accords_people_find_capitalised_names (&ctx);
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
