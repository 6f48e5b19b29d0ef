/* accords-extract-people-names.c
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

/* The people pass: reading names, as runs of capitalised words and, in
 * Arabic and Persian, after a title or an honorific. */

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
    if (_accords_people_is_coordinator (ctx, k))
      joined = TRUE;
  return joined && _accords_people_is_punct (ctx, first - 1, ",") &&
         _accords_people_tok (ctx, first - 2) != NULL && _accords_people_tok (ctx, first - 2)->cap &&
         (_accords_people_is_portfolio (ctx, first - 2) || _accords_people_is_org_word (ctx, first - 2));
}


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

      if (_accords_people_words_within (folded, known))
        return TRUE;
    }

  return FALSE;
}

gboolean
_accords_people_is_coordinator (Ctx  *ctx,
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
  if (!_accords_people_is_connector (ctx, k) || _accords_people_is_coordinator (ctx, k))
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

void
_accords_people_find_capitalised_names (Ctx *ctx)
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

      if (_accords_people_in_byline (ctx, first, last))
        {
          if (_accords_people_byline_author_role (ctx, first, last, &role, &country))
            {
              _accords_people_add_candidate (ctx, first, last, role, country, FALSE);
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

      if ((role_first = _accords_people_title_before (ctx, first, &role_last)) >= 0)
        {
          accepted = TRUE;
          role = _accords_people_token_text (ctx, role_first, role_last);
          country = _accords_people_country_for_title (ctx, role_first, role_last);
          oblique = ctx->russian && _accords_people_is_oblique_title (ctx, role_first, role_last);
        }

      if ((role_first = _accords_people_title_after (ctx, last, &role_last)) >= 0)
        {
          accepted = TRUE;
          if (role == NULL)
            role = _accords_people_token_text (ctx, role_first, role_last);
          if (country == NULL)
            country = _accords_people_country_for_title (ctx, role_first, role_last);
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
          _accords_people_add_candidate (ctx, first, last, role, country, oblique);
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

void
_accords_people_find_arabic_names (Ctx *ctx)
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
              _accords_people_add_candidate (ctx, first, i - 2,
                                             _accords_people_token_text (ctx, i, end),
                                             _accords_people_country_for_title (ctx, i, end),
                                             FALSE);
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
            _accords_people_add_candidate (ctx, first, i, NULL, NULL, FALSE);
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
          country = _accords_people_country_for_title (ctx, i, complement_end);
        }
      if ((role_first = _accords_people_title_after (ctx, last, &role_last)) >= 0 ||
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
            country = _accords_people_country_for_title (ctx, role_first, role_last);
        }

      _accords_people_add_candidate (ctx, j, last, role, country, FALSE);
      i = last;
    }
}
