/* accords-extract-orgs.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-extract-people-private.h"

/* The people pass, part two: the organisations the text names and the
 * venue (a forum, a video conference, a capital city). */

/* Organisations */

static gboolean
is_and (Ctx  *ctx,
        gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word &&
         (strcmp (t->fold, "and") == 0 || strcmp (t->fold, "et") == 0 ||
          strcmp (t->fold, "y") == 0 || strcmp (t->fold, "e") == 0 ||
          strcmp (t->fold, "и") == 0 || strcmp (t->fold, "&") == 0);
}

static gboolean
org_part (Ctx  *ctx,
          gint  i)
{
  Token *t = _accords_people_tok (ctx, i);

  return t != NULL && t->word && t->cap && !ctx->taken[i] && !_accords_people_is_title (ctx, i) &&
         !_accords_people_word_set_has (&ctx->honorifics, t->fold) &&
         !(_accords_people_word_set_has (&ctx->stops, t->fold) &&
           !_accords_people_is_org_word (ctx, i) && t->country < 0);
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
  if (_accords_people_is_punct (ctx, last + 1, "(") &&
      _accords_people_is_punct (ctx, last + 3, ")") &&
      _accords_people_tok (ctx, last + 2)->word && _accords_people_tok (ctx, last + 2)->cap)
    last += 3;

  name = _accords_people_token_text (ctx, first, last);
  if (name == NULL)
    return;
  _accords_extract_add_unique (ctx->ex->organizations, name);
  _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION,
                             _accords_people_tok (ctx, first)->start,
                             _accords_people_tok (ctx, last)->end);
  g_array_append_val (ranges, range);
}

/* "… and the National Cyber Agency": a second organisation, not more of
 * the first one's name */
static gboolean
starts_organization (Ctx  *ctx,
                     gint  i)
{
  for (gint k = i; org_part (ctx, k); k++)
    if (_accords_people_is_org_word (ctx, k))
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
      Token *t = _accords_people_tok (ctx, k);

      if (t == NULL)
        break;
      if (org_part (ctx, k) && t->country < 0 && !_accords_people_is_name_word (ctx, k))
        last = k;
      else if (org_part (ctx, k) && (t->country >= 0 || _accords_people_is_connector (ctx, last)))
        last = k;
      else if (ctx->russian && t->word && !t->cap && _accords_people_is_org_word (ctx, last) &&
               !_accords_people_word_set_has (&ctx->stops, t->fold))
        {
          /* "министерство цифрового развития": lower-case complement */
          gint n = 0;

          while (_accords_people_tok (ctx, last + 1) != NULL &&
                 _accords_people_tok (ctx, last + 1)->word &&
                 !_accords_people_word_set_has (&ctx->stops,
                                                _accords_people_tok (ctx, last + 1)->fold) && n < 4)
            last++, n++;
          break;
        }
      else if (ctx->romance && t->word && !t->cap && !_accords_people_is_connector (ctx, k) &&
               !_accords_people_word_set_has (&ctx->stops, t->fold) &&
               _accords_people_tok (ctx, last)->word &&
               (_accords_people_tok (ctx, last)->cap || _accords_people_is_org_word (ctx, last)) &&
               (_accords_people_is_portfolio (ctx, k) || t->country >= 0))
        last = k; /* "Transition numérique", "ministère gambien" */
      else if (_accords_people_is_connector (ctx, k) && !is_and (ctx, k))
        {
          gint m = k;

          while (_accords_people_is_connector (ctx, m) && !is_and (ctx, m) && m < k + 3)
            m++;
          if (!org_part (ctx, m))
            break;
          last = m;
        }
      else if (_accords_people_is_destination (ctx, k))
        break;
      else if (is_and (ctx, k) && org_part (ctx, k + 1) && !starts_organization (ctx, k + 1) &&
               _accords_people_is_portfolio (ctx, k + 1))
        last = k + 1;
      else if (is_and (ctx, k) && _accords_people_is_connector (ctx, k + 1) &&
               org_part (ctx, k + 2) &&
               !starts_organization (ctx, k + 2) && _accords_people_is_portfolio (ctx, k + 2))
        last = k + 2;
      else if (_accords_people_is_punct (ctx, k, ",") && org_part (ctx, k + 1) &&
               _accords_people_is_portfolio (ctx, k + 1) &&
               !_accords_people_is_punct (ctx, k + 2, ","))
        last = k + 1;
      else
        break;
    }

  return last;
}

void
_accords_people_find_capitalised_organizations (Ctx    *ctx,
                                                GArray *ranges)
{
  for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
    {
      Token *t = _accords_people_tok (ctx, i);
      gint first = i, last;
      guint words = 0;

      if (!_accords_people_is_org_word (ctx, i) || ctx->taken[i])
        continue;
      /* a lower-case head only where the language writes it so */
      if (!t->cap &&
          !((ctx->romance || ctx->russian) &&
            _accords_people_word_set_has (&ctx->org_heads, t->fold)))
        continue;

      while (first > 0 && org_part (ctx, first - 1) &&
             !_accords_people_is_possessive (ctx, first - 1) &&
             !_accords_people_word_set_has (&ctx->stops,
                                            _accords_people_tok (ctx, first - 1)->fold))
        first--;
      last = extend_org_right (ctx, i);

      /* "the Space Agency of the Kenyan government": the adjective is
       * the country's, not the agency's */
      while (last > first &&
             (_accords_people_is_connector (ctx, last) || !_accords_people_tok (ctx, last)->word ||
              (_accords_people_tok (ctx, last)->country >= 0 &&
               g_array_index (ctx->mentions, AccordsCountryMention,
                              _accords_people_tok (ctx, last)->country).form ==
               ACCORDS_COUNTRY_FORM_DEMONYM)))
        last--;
      for (gint k = first; k <= last; k++)
        words += _accords_people_tok (ctx, k)->word ? 1 : 0;
      if (words >= 2)
        add_organization (ctx, ranges, first, last);
      i = MAX (i, last);
    }

  /* the agency in a dateline: "PARIS, Mar 3 (AFP) --" */
  for (gint i = 0; i < _accords_people_n_tokens (ctx) && i < 16; i++)
    if (_accords_people_is_punct (ctx, i, "(") && _accords_people_is_punct (ctx, i + 2, ")") &&
        _accords_people_tok (ctx, i + 1)->word &&
        _accords_people_tok (ctx, i + 1)->cap && _accords_people_tok (ctx, i + 3) != NULL &&
        !_accords_people_tok (ctx, i + 3)->word &&
        !_accords_people_tok (ctx, i + 3)->stop)
      {
        g_autofree char *agency = _accords_people_token_text (ctx, i + 1, i + 1);

        _accords_extract_add_unique (ctx->ex->organizations, agency);
        _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION,
                                   _accords_people_tok (ctx, i + 1)->start,
                                   _accords_people_tok (ctx, i + 1)->end);
        break;
      }
}

void
_accords_people_find_arabic_organizations (Ctx    *ctx,
                                           GArray *ranges)
{
  for (gint i = 0; i < _accords_people_n_tokens (ctx); i++)
    {
      Token *t = _accords_people_tok (ctx, i);
      const char *bare;
      gint last = i;
      Range range;
      g_autofree char *name = NULL;
      gsize start;

      if (t == NULL || !t->word)
        continue;
      bare = _accords_people_strip_arabic_prefix (ctx, t->fold);
      if (!_accords_people_word_set_has (&ctx->org_heads, t->fold) &&
          !_accords_people_word_set_has (&ctx->org_heads, bare))
        continue;
      if (!_accords_people_word_set_has (&ctx->org_heads, t->fold))
        bare = t->fold + (bare - t->fold);
      else
        bare = t->fold;

      while (last < i + 8 && _accords_people_arabic_complement (ctx, last + 1) &&
             !_accords_people_is_connector (ctx, last + 1))
        last++;
      /* a demonym closing the name is the country, not the name */
      while (last > i && _accords_people_tok (ctx, last)->country >= 0)
        last--;
      if (last == i)
        continue;

      start = t->start + (bare - t->fold);
      if (_accords_people_is_punct (ctx, last + 1, "(") &&
          _accords_people_is_punct (ctx, last + 3, ")"))
        last += 3;
      name = g_strndup (ctx->text + start, _accords_people_tok (ctx, last)->end - start);
      _accords_extract_add_unique (ctx->ex->organizations, name);
      _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_ORGANIZATION, start,
                                 _accords_people_tok (ctx, last)->end);
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
    if (_accords_people_tok (ctx, k)->word &&
        (_accords_people_word_set_has (&ctx->forum_words, _accords_people_tok (ctx, k)->fold) ||
         _accords_people_word_set_has (&ctx->forum_words,
                                       _accords_people_strip_arabic_prefix (
                                         ctx, _accords_people_tok (ctx, k)->fold))))
      return TRUE;
  return FALSE;
}

void
_accords_people_find_forum (Ctx    *ctx,
                            GArray *ranges)
{
  for (guint r = 0; r < ranges->len; r++)
    {
      Range *range = &g_array_index (ranges, Range, r);
      gboolean triggered = FALSE;

      if (!forum_in_range (ctx, range))
        continue;
      for (gint k = range->first - 1;
           k >= range->first - 4 && k >= 0 && !_accords_people_tok (ctx, k)->stop; k--)
        if (_accords_people_tok (ctx, k)->word &&
            _accords_people_word_set_has (&ctx->forum_triggers, _accords_people_tok (ctx, k)->fold))
          triggered = TRUE;
      if (!triggered)
        continue;

      ctx->ex->venue_forum = _accords_people_token_text (ctx, range->first, range->last);
      _accords_extract_add_span (ctx->ex, ACCORDS_EXTRACT_FIELD_VENUE,
                                 _accords_people_tok (ctx, range->first)->start,
                                 _accords_people_tok (ctx, range->last)->end);
      return;
    }
}

void
_accords_people_find_virtual (Ctx *ctx)
{
  JsonArray *phrases = _accords_people_lang_array (ctx->table, "virtual", ctx->lang);
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

  for (i = 0;
       i < _accords_people_n_tokens (ctx) && _accords_people_tok (ctx, i)->start < start;
       i++)
    ;
  prev = _accords_people_tok (ctx, i - 1);

  /* "بالرياض", "في الرياض" */
  if (ctx->arabic_script && _accords_people_tok (ctx, i) != NULL &&
      _accords_people_tok (ctx, i)->start < start)
    return 3;
  if (prev != NULL && prev->word && _accords_people_word_set_has (&ctx->venue_preps, prev->fold))
    return 3;
  if (prev != NULL && prev->word && _accords_people_word_set_has (&ctx->venue_weak, prev->fold))
    return 2;

  /* a dateline: the city in capitals near the start, then a dash or comma */
  if (start < 300 && _accords_people_tok (ctx, i + 1) != NULL &&
      (_accords_people_is_punct (ctx, i + 1, ",") || _accords_people_is_punct (ctx, i + 1, "-") ||
       _accords_people_is_punct (ctx, i + 1, "\xe2\x80\x93") ||
       _accords_people_is_punct (ctx, i + 1, "\xe2\x80\x94")))
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
  if (ctx->russian && len > 6 &&
      g_utf8_strchr (_accords_people_vowels_ru, -1,
                     g_utf8_get_char (g_utf8_prev_char (lower_name + len))) != NULL)
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

void
_accords_people_find_venue_city (Ctx *ctx)
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
