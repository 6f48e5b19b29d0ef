/* accords-extract-dates.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "accords-extract-dates-private.h"

/* The dates pass. The article is cut into tokens (words, numbers,
 * punctuation) whose text is folded (lower case, Arabic and Persian letter
 * variants, Arabic-Indic digits) so that the word tables of dates.json match
 * them whatever the script's habits. First the publish date is found (a
 * " date YYYY-MM-DD" line, a header line, a dateline, a byline); then every
 * date expression of the text becomes a candidate, resolved against the
 * publish date, and the one tied most closely to the act (signing, meeting,
 * visit words, first paragraph) is the event date. */

/* ------------------------------------------------------------------ */
/* Publish date                                                         */

typedef struct
{
  GDate       date;
  const char *form;
  gsize       start, end;   /* bytes of the words it came from */
  gboolean    from_term;    /* the year was worked out from a term of years */
  gboolean    from_elapsed; /* … or from years counted from an earlier year */
  gboolean    from_current; /* … or from a year the text calls current */
} Publish;

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
static int
term_year (Context  *ctx,
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

static void
find_publish_date (Context *ctx,
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
      if (dateline.month != 0 && year == 0 && (year = term_year (ctx, &solar)) != 0)
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

/* ------------------------------------------------------------------ */
/* Event date                                                           */

typedef struct
{
  Expr      expr;
  GDate     date;
  GDate     end;
  int       score;
  guint     event_distance;   /* tokens to the nearest act word, same sentence */
  EventKind event_kind;
  guint     report_distance;
  guint     approval_distance; /* tokens to a cabinet's approval, same sentence */
  guint     visit_distance;   /* tokens to a visit word, same sentence */
  gboolean  sentence_signs;   /* a signing word in the same sentence */
  gboolean  sentence_departs; /* a departure or arrival in the same sentence */
} Candidate;

static void
mark_sentences (Context *ctx)
{
  guint sentence = 0;
  guint paragraph = 0;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      Token *t = TOK (ctx, i);

      if (t->paragraph != paragraph)
        {
          paragraph = t->paragraph;
          sentence++;
        }
      t->sentence = sentence;

      if (t->type == TOKEN_PUNCT && strchr (".!?", t->norm[0]) != NULL)
        {
          /* "Aug. 26", "Dr. Okafor": short capitalised abbreviations and
           * month names do not end a sentence */
          if (t->norm[0] == '.' && i > 0 && TOK (ctx, i - 1)->type == TOKEN_WORD &&
              (_accords_dates_match_cat (ctx, CAT_MONTH, i - 1, NULL) > 0 ||
               (TOK (ctx, i - 1)->upper && g_utf8_strlen (TOK (ctx, i - 1)->norm, -1) <= 3)))
            continue;
          sentence++;
        }
    }
}

/* Word distance between token ranges, counting words and numbers only. */
static guint
word_distance (Context *ctx,
               guint    a,
               guint    b)
{
  guint from = MIN (a, b), to = MAX (a, b), n = 0;

  for (guint k = from; k < to; k++)
    if (TOK (ctx, k)->type != TOKEN_PUNCT)
      n++;
  return n;
}

static void
describe_context (Context   *ctx,
                  Candidate *c,
                  guint8    *event_kinds,
                  guint8    *reports,
                  guint8    *departures,
                  guint8    *approvals)
{
  guint sentence = TOK (ctx, c->expr.start)->sentence;

  c->event_distance = G_MAXUINT;
  c->report_distance = G_MAXUINT;
  c->approval_distance = G_MAXUINT;
  c->visit_distance = G_MAXUINT;

  for (guint k = 0; k < ctx->tokens->len; k++)
    {
      guint distance;

      if (TOK (ctx, k)->sentence != sentence || (k >= c->expr.start && k < c->expr.end))
        continue;
      distance = k < c->expr.start ? word_distance (ctx, k, c->expr.start)
                                   : word_distance (ctx, c->expr.end, k) + 1;
      if (event_kinds[k] != 0)
        {
          if (event_kinds[k] == EVENT_SIGN)
            c->sentence_signs = TRUE;
          if (event_kinds[k] == EVENT_VISIT && distance < c->visit_distance)
            c->visit_distance = distance;
          if (distance < c->event_distance)
            {
              c->event_distance = distance;
              c->event_kind = event_kinds[k];
            }
        }
      /* "said on Monday": the date of the saying, not of the act */
      if (reports[k] && k < c->expr.start && distance < c->report_distance)
        c->report_distance = distance;
      if (approvals[k] && distance < c->approval_distance)
        c->approval_distance = distance;
      if (departures[k])
        c->sentence_departs = TRUE;
    }
}

/* "leaves today for Paris, where she pays a visit from 18 to 20 September":
 * a departure or arrival report whose visit starts on the report's day or
 * soon after; the visit, not the day of the report, is the event. */
static gboolean
visit_ahead (Context         *ctx,
             const Candidate *c)
{
  int ahead;

  if (!g_date_valid (&ctx->publish) || c->expr.day2 == 0 ||
      c->expr.precision != ACCORDS_DATE_PRECISION_DAY ||
      c->visit_distance > 8 || !c->sentence_departs)
    return FALSE;
  ahead = g_date_days_between (&ctx->publish, &c->date);
  return ahead >= 0 && ahead <= 31;
}

static gboolean
future_context (Context *ctx,
                guint8  *futures,
                const Candidate *c)
{
  guint sentence = TOK (ctx, c->expr.start)->sentence;

  if (c->expr.next)
    return TRUE;
  for (guint k = c->expr.start; k > 0 && c->expr.start - k < 11; k--)
    if (TOK (ctx, k - 1)->sentence == sentence && futures[k - 1])
      return TRUE;
  return FALSE;
}

/* Paragraph rank: how many paragraphs of running text (not headlines or
 * bylines) come before. */
static guint *
paragraph_ranks (Context *ctx)
{
  guint n_paragraphs = ctx->tokens->len > 0 ? TOK (ctx, ctx->tokens->len - 1)->paragraph + 1 : 0;
  guint *words = g_new0 (guint, n_paragraphs + 1);
  guint *ranks = g_new0 (guint, n_paragraphs + 1);
  guint rank = 0;

  for (guint i = 0; i < ctx->tokens->len; i++)
    if (TOK (ctx, i)->type == TOKEN_WORD && !TOK (ctx, i)->claimed)
      words[TOK (ctx, i)->paragraph]++;

  for (guint p = 0; p < n_paragraphs; p++)
    {
      ranks[p] = rank;
      if (words[p] >= 12)
        rank++;
    }

  g_free (words);
  return ranks;
}

static void
score_candidate (Context   *ctx,
                 Candidate *c,
                 guint      rank,
                 gboolean   future)
{
  const GDate *pub = g_date_valid (&ctx->publish) ? &ctx->publish : NULL;

  switch (c->expr.precision)
    {
    case ACCORDS_DATE_PRECISION_DAY:
      c->score = 10;
      break;
    case ACCORDS_DATE_PRECISION_MONTH:
      c->score = 0;
      break;
    case ACCORDS_DATE_PRECISION_YEAR:
    default:
      c->score = -6;
      break;
    }

  c->score += rank == 0 ? 6 : rank == 1 ? 3 : 0;

  /* a span of days is most often the visit or forum itself */
  if (c->expr.day2 != 0)
    c->score += 4;

  /* "announced on Wednesday that they signed on Monday": the saying's
   * date is second best */
  if (c->report_distance < c->event_distance && c->report_distance <= 4)
    c->score += 2;
  else if (c->event_distance <= 8)
    c->score += c->event_kind == EVENT_SIGN ? 9 : 8;
  else if (c->event_distance != G_MAXUINT)
    c->score += 4;

  /* "the cabinet approved on Wednesday the memorandum signed in March":
   * a domestic step about an earlier act, which keeps the act's date */
  if (c->approval_distance <= 8 && c->approval_distance < c->event_distance)
    c->score -= c->event_distance <= 8 ? 14 : 10;

  /* "the council, meeting on Wednesday, ratified the protocol signed on
   * 18 July": the session that approves a signing its sentence names is
   * the domestic step, however far the approval word stands */
  else if (c->event_kind != EVENT_SIGN && c->sentence_signs && c->approval_distance <= 20)
    c->score -= 10;

  if (visit_ahead (ctx, c))
    return;

  if (future)
    c->score -= 15;

  if (pub != NULL)
    {
      int days = g_date_days_between (&c->date, pub);

      if (days < 0)
        c->score -= 25;
      else if (days > 400)
        c->score -= 20; /* a founding year, an earlier agreement */
      else if (days > 45 && c->expr.precision == ACCORDS_DATE_PRECISION_DAY)
        c->score -= 4;
    }
}

/* The text to show for the event date: the expression, with the
 * preposition that introduces it ("on Tuesday", "в пятницу"). */
static void
expression_bytes (Context    *ctx,
                  const Expr *expr,
                  gsize      *start,
                  gsize      *end)
{
  guint first = expr->start;

  for (guint back = 1; back <= 2 && back <= expr->start; back++)
    {
      guint k = expr->start - back;

      if ((_accords_dates_match_cat (ctx, CAT_PREPOSITION, k, NULL) == back ||
           (expr->precision == ACCORDS_DATE_PRECISION_MONTH && expr->year == 0 &&
            _accords_dates_match_cat (ctx, CAT_MONTH_INTRO, k, NULL) == back)) &&
          TOK (ctx, k)->sentence == TOK (ctx, expr->start)->sentence)
        {
          first = k;
          break;
        }
    }

  *start = TOK (ctx, first)->start;
  *end = TOK (ctx, expr->end - 1)->end;
}

/* "a three-day visit": how many days the visit lasts, when the text says. */
static int
visit_length (Context *ctx,
              guint8  *event_kinds)
{
  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      int days;
      guint len = _accords_dates_match_cat (ctx, CAT_MULTI_DAY, i, &days);

      if (len == 0)
        continue;
      for (guint k = (i >= 3 ? i - 3 : 0); k < MIN (ctx->tokens->len, i + len + 3); k++)
        if (event_kinds[k] == EVENT_VISIT)
          return days;
    }

  return 0;
}

static void
find_event_date (Context *ctx)
{
  AccordsExtraction *ex = ctx->ex;
  guint n = ctx->tokens->len;
  g_autofree guint8 *event_kinds = g_new0 (guint8, n + 1);
  g_autofree guint8 *reports = g_new0 (guint8, n + 1);
  g_autofree guint8 *futures = g_new0 (guint8, n + 1);
  g_autofree guint8 *departures = g_new0 (guint8, n + 1);
  g_autofree guint8 *approvals = g_new0 (guint8, n + 1);
  g_autofree guint *ranks = paragraph_ranks (ctx);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  Candidate *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      int value;
      guint len;

      if ((len = _accords_dates_match_cat (ctx, CAT_EVENT, i, &value)) > 0)
        for (guint k = i; k < i + len; k++)
          event_kinds[k] = value;
      if ((len = _accords_dates_match_cat (ctx, CAT_REPORT, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          reports[k] = TRUE;
      if ((len = _accords_dates_match_cat (ctx, CAT_FUTURE_BEFORE, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          futures[k] = TRUE;
      if ((len = _accords_dates_match_cat (ctx, CAT_DEPARTURE, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          departures[k] = TRUE;
      if ((len = _accords_dates_match_cat (ctx, CAT_APPROVAL, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          approvals[k] = TRUE;
    }

  for (guint i = 0; i < n;)
    {
      Candidate c = { 0 };

      if (TOK (ctx, i)->claimed || !_accords_extract_word_start (ex->text, TOK (ctx, i)->start) ||
          !_accords_dates_parse_expr (ctx, i, &c.expr))
        {
          i++;
          continue;
        }

      i = c.expr.end;
      if (!_accords_dates_resolve_expr (ctx, &c.expr, &c.date, &c.end))
        continue;

      describe_context (ctx, &c, event_kinds, reports, departures, approvals);
      score_candidate (ctx, &c, ranks[TOK (ctx, c.expr.start)->paragraph],
                       future_context (ctx, futures, &c));
      g_debug ("date candidate %.*s: %04u-%02u-%02u score %d (event %u, report %u)",
               (int) (TOK (ctx, c.expr.end - 1)->end - TOK (ctx, c.expr.start)->start),
               ex->text + TOK (ctx, c.expr.start)->start,
               g_date_get_year (&c.date), g_date_get_month (&c.date), g_date_get_day (&c.date),
               c.score, c.event_distance, c.report_distance);
      g_array_append_val (candidates, c);
    }

  for (guint k = 0; k < candidates->len; k++)
    {
      Candidate *c = &g_array_index (candidates, Candidate, k);

      /* coarse dates count only when the act's words hold them */
      if (c->expr.precision != ACCORDS_DATE_PRECISION_DAY && c->event_distance > 8)
        continue;
      if (c->score < 5)
        continue;
      if (best == NULL || c->score > best->score)
        best = c;
    }

  if (best == NULL)
    {
      /* news of the day: the report's own date, approximately */
      if (g_date_valid (&ctx->publish))
        {
          ex->event_date = _accords_dates_format_date (&ctx->publish);
          ex->date_precision = ACCORDS_DATE_PRECISION_DAY;
          ex->date_qualifier = ACCORDS_DATE_QUALIFIER_ABOUT;
        }
      return;
    }

  {
    gsize start, end;

    expression_bytes (ctx, &best->expr, &start, &end);
    ex->date_as_reported = g_strndup (ex->text + start, end - start);
    _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_EVENT_DATE, start, end);
  }

  ex->event_date = _accords_dates_format_date (&best->date);
  ex->date_precision = best->expr.precision;

  if (!g_date_valid (&best->end) && best->event_kind == EVENT_VISIT &&
      best->expr.precision == ACCORDS_DATE_PRECISION_DAY)
    {
      int days = visit_length (ctx, event_kinds);

      if (days > 1)
        {
          best->end = best->date;
          g_date_add_days (&best->end, days - 1);
        }
    }
  ex->event_end = _accords_dates_format_date (&best->end);

  if (best->expr.relative == REL_LAST_WEEK || best->expr.relative == REL_THIS_WEEK)
    ex->date_qualifier = ACCORDS_DATE_QUALIFIER_ABOUT;
  else if (best->approval_distance <= 8 && best->approval_distance < best->event_distance)
    {
      /* only the approval is dated: the act came before it */
      ex->date_qualifier = ACCORDS_DATE_QUALIFIER_BEFORE;
    }
  else if (best->report_distance < best->event_distance)
    {
      /* the day it was made known: a signing announced then happened on
       * or before it, talks reported then about then */
      ex->date_qualifier = best->sentence_signs ? ACCORDS_DATE_QUALIFIER_BEFORE
                                                : ACCORDS_DATE_QUALIFIER_ABOUT;
    }
  else
    ex->date_qualifier = ACCORDS_DATE_QUALIFIER_EXACT;
}

static void
choose_languages (Context    *ctx,
                  const char *language)
{
  static const char *latin[] = { "en", "fr", "es", "pt", NULL };
  guint n = 0, v = 0;

  if (language == NULL || g_strv_contains (latin, language))
    {
      /* Latin-script languages are told apart by common words, which can
       * mislead; their date words rarely collide, so all are read */
      if (language != NULL)
        ctx->languages[n++] = ctx->verb_languages[v++] = language;
      for (guint i = 0; latin[i] != NULL; i++)
        if (g_strcmp0 (latin[i], language) != 0)
          ctx->languages[n++] = latin[i];
      if (language == NULL)
        for (guint i = 0; latin[i] != NULL; i++)
          ctx->verb_languages[v++] = latin[i];
    }
  else
    {
      ctx->languages[n++] = ctx->verb_languages[v++] = language;
      /* Persian borrows Arabic words, and the other way round */
      if (g_str_equal (language, "fa"))
        ctx->languages[n++] = ctx->verb_languages[v++] = "ar";
      else if (g_str_equal (language, "ar"))
        ctx->languages[n++] = ctx->verb_languages[v++] = "fa";
      ctx->languages[n++] = "en";
    }

  /* Spanish and Portuguese are easily mistaken for each other */
  if (g_strcmp0 (language, "es") == 0)
    ctx->verb_languages[v++] = "pt";
  else if (g_strcmp0 (language, "pt") == 0)
    ctx->verb_languages[v++] = "es";

  ctx->languages[n] = NULL;
  ctx->verb_languages[v] = NULL;
}

void
_accords_extract_dates (AccordsExtraction *ex)
{
  g_autoptr(TokenList) list = _accords_dates_tokenize (ex->text);
  Context ctx = { 0 };
  Publish publish = { 0 };

  ctx.ex = ex;
  ctx.tokens = list->tokens;
  ctx.lexicon = _accords_dates_lexicon_get ();
  g_date_clear (&ctx.publish, 1);
  choose_languages (&ctx, ex->language);

  mark_sentences (&ctx);
  find_publish_date (&ctx, &publish);

  ex->publish_date_form = g_strdup (publish.form);
  if (g_date_valid (&publish.date))
    {
      ctx.publish = publish.date;
      ex->publish_date = _accords_dates_format_date (&publish.date);
      _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_PUBLISH_DATE,
                                 publish.start, publish.end);
    }
  else
    {
      _accords_extract_add_warning (ex, "%s",
                                    _("No publish date found; relative dates were not resolved"));
      /* dates without a year may still take it from a term of years */
      ctx.term_year = term_year (&ctx, &ctx.term_solar);
    }

  find_event_date (&ctx);

  if (publish.from_term || ctx.term_year_used)
    _accords_extract_add_warning (ex, "%s",
                                  _("The year of the report was worked out from the text "
                                    "(a term of years and the year it ends); check it"));
  else if (publish.from_elapsed)
    _accords_extract_add_warning (ex, "%s",
                                  _("The year of the report was worked out from the text "
                                    "(years counted from an earlier year); check it"));
  else if (publish.from_current)
    _accords_extract_add_warning (ex, "%s",
                                  _("The year of the report was worked out from the text "
                                    "(a year it calls the current one); check it"));
}
