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
  _accords_dates_find_publish_date (&ctx, &publish);

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
      ctx.term_year = _accords_dates_term_year (&ctx, &ctx.term_solar);
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
