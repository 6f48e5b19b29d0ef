/* accords-extract-dates-publish.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-extract-dates-private.h"

/* The dates pass, part three: the publish date, from a " date YYYY-MM-DD"
 * line, a header line, a dateline or a byline, and the year a text without
 * one implies. */

static void
claim (Context *ctx,
       guint    from,
       guint    to)
{
  for (guint k = from; k < to && k < ctx->tokens->len; k++)
    TOK (ctx, k)->claimed = TRUE;
}

static gboolean
read_date_line (Context *ctx,
                Publish *publish,
                guint   *body)
{
  const char *text = ctx->ex->text;
  const char *p = text;
  int y, m, d;

  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_str_has_prefix (p, "date") || (p[4] != ' ' && p[4] != '\t'))
    return FALSE;
  p += 4;
  while (*p == ' ' || *p == '\t')
    p++;
  if (!(g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && p[4] == '-' && g_ascii_isdigit (p[5]) &&
        g_ascii_isdigit (p[6]) && p[7] == '-' && g_ascii_isdigit (p[8]) &&
        g_ascii_isdigit (p[9])))
    return FALSE;

  y = g_ascii_digit_value (p[0]) * 1000 + g_ascii_digit_value (p[1]) * 100 +
      g_ascii_digit_value (p[2]) * 10 + g_ascii_digit_value (p[3]);
  m = g_ascii_digit_value (p[5]) * 10 + g_ascii_digit_value (p[6]);
  d = g_ascii_digit_value (p[8]) * 10 + g_ascii_digit_value (p[9]);
  if (!_accords_dates_set_dmy (&publish->date, d, m, y))
    return FALSE;

  publish->form = "date_line";
  publish->start = p - text;
  publish->end = publish->start + 10;

  *body = 0;
  while (*body < ctx->tokens->len && TOK (ctx, *body)->start < publish->end)
    (*body)++;
  claim (ctx, 0, *body);

  return TRUE;
}

static guint
paragraph_end (Context *ctx,
               guint    i)
{
  guint paragraph = TOK (ctx, i)->paragraph;

  while (i < ctx->tokens->len && TOK (ctx, i)->paragraph == paragraph)
    i++;
  return i;
}

static guint
words_between (Context *ctx,
               guint    from,
               guint    to)
{
  guint n = 0;

  for (guint k = from; k < to; k++)
    n += TOK (ctx, k)->type == TOKEN_WORD;
  return n;
}

/* A short line that is only a date with a year: "Tuesday, November 26, 2019"
 * (perhaps with a time: "10:36 AM"). */
static gboolean
read_header (Context *ctx,
             guint    body,
             Publish *publish)
{
  guint i = body;

  for (guint line = 0; line < 3 && i < ctx->tokens->len; line++)
    {
      guint end = paragraph_end (ctx, i);
      Expr expr;
      GDate dummy;

      if (TOK (ctx, end - 1)->end - TOK (ctx, i)->start < 60 &&
          _accords_dates_parse_explicit (ctx, i, &expr) && expr.year != 0 &&
          expr.precision == ACCORDS_DATE_PRECISION_DAY &&
          words_between (ctx, expr.end, end) <= 2 &&
          _accords_dates_resolve_expr (ctx, &expr, &publish->date, &dummy))
        {
          publish->form = "weekday_header";
          publish->start = TOK (ctx, i)->start;
          publish->end = TOK (ctx, expr.end - 1)->end;
          claim (ctx, i, end);
          return TRUE;
        }
      i = end;
    }

  return FALSE;
}

/* "Published November 19, 2024" near the top. */
static gboolean
read_byline (Context *ctx,
             guint    body,
             Publish *publish)
{
  guint i = body;

  for (guint line = 0; line < 8 && i < ctx->tokens->len; line++)
    {
      guint end = paragraph_end (ctx, i);

      for (guint k = i; k < end; k++)
        {
          guint len = _accords_dates_match_cat (ctx, CAT_PUBLISH, k, NULL);

          if (len == 0)
            continue;
          for (guint s = k + len; s < end && s <= k + len + 3; s++)
            {
              Expr expr;
              GDate dummy;

              if (_accords_dates_parse_explicit (ctx, s, &expr) && expr.year != 0 &&
                  expr.precision == ACCORDS_DATE_PRECISION_DAY &&
                  _accords_dates_resolve_expr (ctx, &expr, &publish->date, &dummy))
                {
                  publish->form = "byline";
                  publish->start = TOK (ctx, s)->start;
                  publish->end = TOK (ctx, expr.end - 1)->end;
                  claim (ctx, k, expr.end);
                  return TRUE;
                }
            }
        }
      i = end;
    }

  return FALSE;
}

/* A news-agency dateline opening a paragraph: a place (and maybe a date
 * and an agency) then a dash: "LONDON, Nov 2 (AFP) --", "Rabat –". Returns
 * whether one was found; @expr->month is 0 when it has no date. */
static gboolean
read_dateline (Context *ctx,
               guint    body,
               Expr    *expr)
{
  guint i = body;

  for (guint line = 0; line < 4 && i < ctx->tokens->len; line++)
    {
      guint end = paragraph_end (ctx, i);
      guint words = 0, next;
      gboolean shouting = TRUE;

      for (guint k = i; k < end && k < i + 14; k++)
        {
          Token *t = TOK (ctx, k);
          gboolean dash = t->type == TOKEN_PUNCT && g_str_equal (t->norm, "-") && k > i &&
                          (t->space_before || _accords_dates_is_punct (ctx, k - 1, ".)"));

          /* "NEW DELHI, Nov 30 (IANS) India", "القاهرة في 4 أبريل /أ ش أ/ وقع",
           * "МИНСК, 5 мая. /БЕЛТА/. Белоруссия" */
          next = k + 1;
          if (_accords_dates_is_punct (ctx, next, "."))
            next++;
          if (_accords_dates_is_punct (ctx, k, ")/") && next < end &&
              TOK (ctx, next)->type == TOKEN_WORD && TOK (ctx, next)->space_before)
            {
              gboolean opened = FALSE, dated = FALSE;

              for (guint s = i; s < k; s++)
                {
                  Expr found;

                  if (!dated && _accords_dates_parse_explicit (ctx, s, &found) &&
                      found.month != 0 && found.end <= k)
                    dated = TRUE;
                  else if (dated && _accords_dates_is_punct (ctx, s, "(/"))
                    opened = TRUE;
                }
              dash = dated && opened;
            }

          /* "RIYADH: ..." */
          if (t->type == TOKEN_PUNCT && g_str_equal (t->norm, ":") && k > i && shouting &&
              words > 0 && (k + 1 >= end || TOK (ctx, k + 1)->type == TOKEN_WORD))
            dash = TRUE;

          if (dash)
            {
              Token *first = TOK (ctx, i);
              gunichar c = g_utf8_get_char (ctx->ex->text + first->start);

              /* the place is a capitalised word, or a word of a script
               * without case */
              if (words == 0 || words > 8 || first->type != TOKEN_WORD ||
                  (g_unichar_islower (c)))
                break;

              memset (expr, 0, sizeof *expr);
              for (guint s = i; s < k; s++)
                {
                  Expr found;

                  if (_accords_dates_parse_explicit (ctx, s, &found) && found.month != 0 &&
                      found.precision == ACCORDS_DATE_PRECISION_DAY && found.end <= k)
                    {
                      *expr = found;
                      break;
                    }
                }

              while (k < end && _accords_dates_is_punct (ctx, k, "-"))
                k++;
              claim (ctx, i, k);
              return TRUE;
            }
          if (t->type == TOKEN_PUNCT && strchr ("!?;:\"", t->norm[0]) != NULL)
            break;
          if (t->type == TOKEN_WORD)
            {
              words++;
              /* the place, in capitals */
              if (words == 1)
                shouting = t->all_upper && g_utf8_strlen (t->norm, -1) >= 2;
            }
        }
      i = end;
    }

  return FALSE;
}

/* A dateline without a year takes it only from a full date of the same
 * day and month elsewhere in the text; otherwise the year stays unknown
 * rather than guessed. */
static int
dateline_year (Context    *ctx,
               const Expr *dateline)
{
  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      Expr expr;

      if (!TOK (ctx, i)->claimed && _accords_dates_parse_explicit (ctx, i, &expr) &&
          expr.year != 0 && !expr.solar && expr.month == dateline->month &&
          expr.day == dateline->day)
        return expr.year;
    }

  return 0;
}

/* The length of a term at @i: "for five years", "por cinco anos",
 * "на три года", "لمدة سنتين". Returns the tokens it spans (0 when none)
 * and sets @years. */
static guint
read_term_length (Context *ctx,
                  guint    i,
                  int     *years)
{
  guint k, len;
  int number = 0, unit;

  if ((len = _accords_dates_match_cat (ctx, CAT_TERM_INTRO, i, NULL)) == 0)
    return 0;
  k = i + len;
  if (k < ctx->tokens->len && TOK (ctx, k)->type == TOKEN_NUMBER && TOK (ctx, k)->digits <= 2)
    {
      number = TOK (ctx, k)->number;
      k++;
    }
  else if ((len = _accords_dates_match_cat (ctx, CAT_NUMBER_WORD, k, &number)) > 0)
    k += len;

  if ((len = _accords_dates_match_cat (ctx, CAT_TERM_UNIT, k, &unit)) == 0)
    return 0;
  if (number == 0)
    number = unit;
  if (number < 1 || number > 50)
    return 0;

  *years = number;
  return k + len - i;
}

/* A year the term ends in at @i: "to 2031", "expira em 2031",
 * "до 2027 года". */
static gboolean
read_term_end (Context  *ctx,
               guint     i,
               int      *year,
               gboolean *solar)
{
  guint len = _accords_dates_match_cat (ctx, CAT_TERM_END, i, NULL);

  if (len == 0)
    return FALSE;
  for (guint pass = 0; pass < 2; pass++)
    if (_accords_dates_is_year (ctx, i + len, pass == 1))
      {
        /* "to 2029-30", "до 2027/2028" read as something else */
        if (_accords_dates_is_punct (ctx, i + len + 1, "-/") &&
            i + len + 2 < ctx->tokens->len && TOK (ctx, i + len + 2)->type == TOKEN_NUMBER)
          return FALSE;
        *year = TOK (ctx, i + len)->number;
        *solar = pass == 1;
        return TRUE;
      }

  return FALSE;
}

/* Whether the sentence of token @i speaks of a document's term: "the
 * agreement runs", "válido por", "документ рассчитан", not "they met for
 * three years until 2020". */
static gboolean
sentence_has_term_subject (Context *ctx,
                           guint    i)
{
  guint sentence = TOK (ctx, i)->sentence;
  guint from = i, to = i;

  while (from > 0 && TOK (ctx, from - 1)->sentence == sentence)
    from--;
  while (to < ctx->tokens->len && TOK (ctx, to)->sentence == sentence)
    to++;
  for (guint k = from; k < to; k++)
    if (_accords_dates_match_cat (ctx, CAT_TERM_SUBJECT, k, NULL) > 0)
      return TRUE;

  return FALSE;
}

/* A text often fixes the year of an undated signing by arithmetic a
 * reader can do: "is valid for four years, until 2031" was signed in 2027. The
 * length and the end must sit close together in one sentence about a
 * document; weaker hints (a plan "starting in 2025") are not used. Returns
 * 0 when no term, or terms that disagree. */
int
_accords_dates_term_year (Context  *ctx,
                          gboolean *solar)
{
  int found = 0;
  gboolean found_solar = FALSE;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      int years, end_year;
      gboolean end_solar;
      guint len;

      if (TOK (ctx, i)->claimed || (len = read_term_length (ctx, i, &years)) == 0 ||
          !sentence_has_term_subject (ctx, i))
        continue;

      for (guint k = (i > 12 ? i - 12 : 0); k < MIN (ctx->tokens->len, i + len + 12); k++)
        {
          int year;

          if (k >= i && k < i + len)
            continue;
          if (TOK (ctx, k)->sentence != TOK (ctx, i)->sentence ||
              !read_term_end (ctx, k, &end_year, &end_solar))
            continue;

          year = end_year - years;
          if (found != 0 && (found != year || found_solar != end_solar))
            return 0;
          found = year;
          found_solar = end_solar;
          break;
        }
      i += len - 1;
    }

  *solar = found_solar;
  return found;
}

/* The length of years at @i counted from an earlier year: "a year after",
 * "deux ans après", "спустя год после", "بعد عام من". Returns the tokens
 * it spans (0 when none) and sets @years. */
static guint
read_elapsed (Context *ctx,
              guint    i,
              int     *years)
{
  guint k = i, len;
  int number = 0, unit;
  gboolean before;

  before = (len = _accords_dates_match_cat (ctx, CAT_ELAPSED_BEFORE, k, NULL)) > 0;
  k += len;
  if (k < ctx->tokens->len && TOK (ctx, k)->type == TOKEN_NUMBER && TOK (ctx, k)->digits <= 2)
    {
      number = TOK (ctx, k)->number;
      k++;
    }
  else if ((len = _accords_dates_match_cat (ctx, CAT_NUMBER_WORD, k, &number)) > 0)
    k += len;

  if ((len = _accords_dates_match_cat (ctx, CAT_TERM_UNIT, k, &unit)) == 0)
    return 0;
  k += len;
  if (number == 0)
    number = unit;
  if (number < 1 || number > 50)
    return 0;

  if ((len = _accords_dates_match_cat (ctx, CAT_ELAPSED_AFTER, k, NULL)) == 0 &&
      (!before || (len = _accords_dates_match_cat (ctx, CAT_ELAPSED_LINK, k, NULL)) == 0))
    return 0;

  *years = number;
  return k + len - i;
}

/* The other arithmetic a reader does with a dateline that has no year:
 * "a year after the link opened in July 2023" was written in 2024. The
 * earlier year must follow the length closely in its sentence. Returns 0
 * when no such count, or counts that disagree. */
static int
elapsed_year (Context *ctx)
{
  int found = 0;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      int years;
      guint len;

      if (TOK (ctx, i)->claimed || (len = read_elapsed (ctx, i, &years)) == 0)
        continue;

      for (guint k = i + len; k < MIN (ctx->tokens->len, i + len + 12); k++)
        {
          if (TOK (ctx, k)->sentence != TOK (ctx, i)->sentence)
            break;
          if (!_accords_dates_is_year (ctx, k, FALSE))
            continue;

          if (found != 0 && found != (int) TOK (ctx, k)->number + years)
            return 0;
          found = TOK (ctx, k)->number + years;
          break;
        }
      i += len - 1;
    }

  return found;
}

/* A third clue a reader uses for a dateline without a year: a year the
 * text calls the current one, "la loi de finances 2025 en cours", "в
 * текущем 2025 году", "العام الجاري 2025". The word must touch the year
 * (one filler apart at most) so that "launched in 2023, now under way"
 * does not count. Returns 0 when none, or years that disagree. */
static int
current_year (Context *ctx)
{
  int found = 0;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      gboolean current = FALSE;

      if (TOK (ctx, i)->claimed || !_accords_dates_is_year (ctx, i, FALSE))
        continue;

      for (guint back = 1; back <= 3 && back <= i && !current; back++)
        {
          guint k = i - back;
          guint len = _accords_dates_match_cat (ctx, CAT_CURRENT_BEFORE, k, NULL);

          if (len > 0 && TOK (ctx, k)->sentence == TOK (ctx, i)->sentence &&
              (k + len == i ||
               (k + len + 1 == i && _accords_dates_match_cat (ctx, CAT_FILLER, k + len, NULL) == 1)))
            current = TRUE;
        }
      for (guint gap = 1; gap <= 2 && !current && i + gap < ctx->tokens->len; gap++)
        {
          if (gap == 2 && _accords_dates_match_cat (ctx, CAT_FILLER, i + 1, NULL) != 1)
            break;
          if (TOK (ctx, i + gap)->sentence == TOK (ctx, i)->sentence &&
              _accords_dates_match_cat (ctx, CAT_CURRENT_AFTER, i + gap, NULL) > 0)
            current = TRUE;
        }

      if (!current)
        continue;
      if (found != 0 && found != (int) TOK (ctx, i)->number)
        return 0;
      found = TOK (ctx, i)->number;
    }

  return found;
}

void
_accords_dates_find_publish_date (Context *ctx,
                                  Publish *publish)
{
  guint body = 0;
  gboolean have_line;
  Expr dateline;
  gboolean have_dateline;
  Publish byline = { 0 };

  g_date_clear (&publish->date, 1);
  publish->form = "none";

  have_line = read_date_line (ctx, publish, &body);
  if (!have_line && read_header (ctx, body, publish))
    have_line = TRUE;

  have_dateline = read_dateline (ctx, body, &dateline);
  g_date_clear (&byline.date, 1);
  read_byline (ctx, body, &byline);

  if (have_line)
    return;

  if (have_dateline && dateline.month != 0 && dateline.year != 0)
    {
      GDate dummy;

      _accords_dates_resolve_expr (ctx, &dateline, &publish->date, &dummy);
      publish->form = "dateline";
      publish->start = TOK (ctx, dateline.start)->start;
      publish->end = TOK (ctx, dateline.end - 1)->end;
      return;
    }

  if (g_date_valid (&byline.date))
    {
      *publish = byline;
      return;
    }

  if (have_dateline)
    {
      int year = 0;
      gboolean solar = FALSE;

      publish->form = "dateline";
      if (dateline.month != 0 && !dateline.solar)
        year = dateline_year (ctx, &dateline);
      if (dateline.month != 0 && year == 0 && (year = _accords_dates_term_year (ctx, &solar)) != 0)
        {
          if (solar != dateline.solar)
            year = 0;
          publish->from_term = year != 0;
        }
      if (dateline.month != 0 && year == 0 && !dateline.solar)
        {
          year = elapsed_year (ctx);
          publish->from_elapsed = year != 0;
        }
      if (dateline.month != 0 && year == 0 && !dateline.solar)
        {
          year = current_year (ctx);
          publish->from_current = year != 0;
        }

      if (year != 0 &&
          (dateline.solar
             ? _accords_dates_solar_to_gregorian (year, dateline.month, dateline.day, &publish->date)
             : _accords_dates_set_dmy (&publish->date, dateline.day, dateline.month, year)))
        {
          publish->start = TOK (ctx, dateline.start)->start;
          publish->end = TOK (ctx, dateline.end - 1)->end;
        }
      else
        publish->from_term = publish->from_elapsed = publish->from_current = FALSE;
    }
}
