/* accords-extract-people-bylines.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-extract-people-private.h"

/* The people pass: bylines, lines that are only a title, and notes on
 * the author: who wrote the piece rather than who is in it. */

/* A line "By Jane Doe" credits the writer, who is not in the story. The
 * name must follow the word at once and end the line: "Por el lado
 * chileno asistió …, Ana Gil" opens with the same word but is a sentence. */
gboolean
_accords_people_in_byline (Ctx  *ctx,
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
gboolean
_accords_people_byline_author_role (Ctx   *ctx,
                                    gint   first,
                                    gint   last,
                                    char **out_role,
                                    char **out_country)
{
  gint role_first = -1, role_last = -1;
  gint line_first, line_last;

  if ((role_first = _accords_people_title_after (ctx, last, &role_last)) < 0)
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

  *out_country = _accords_people_country_for_title (ctx, role_first, role_last);
  if (*out_country == NULL)
    return FALSE;
  *out_role = _accords_people_token_text (ctx, role_first, role_last);
  return TRUE;
}
