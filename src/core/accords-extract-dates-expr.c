/* accords-extract-dates-expr.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>
#include <unicode/ucal.h>

#include "accords-extract-dates-private.h"

/* The dates pass, part two: matching the word tables against the tokens,
 * reading date expressions (explicit, numeric, relative, a weekday alone)
 * and resolving them against the publish date, with the calendar
 * arithmetic they need, Solar Hijri included. */

/* ------------------------------------------------------------------ */
/* Matching                                                             */

/* Arabic and Persian glue "and", "by", "for" to the next word. */
static const char *
strip_clitic (const char *word)
{
  static const gunichar clitics[] = { 0x0648, 0x0641, 0x0628, 0x0644 };
  gunichar c = g_utf8_get_char (word);

  for (guint i = 0; i < G_N_ELEMENTS (clitics); i++)
    if (c == clitics[i] && g_utf8_strlen (word, -1) > 3)
      return g_utf8_next_char (word);

  return NULL;
}

static guint
match_in_set (Context *ctx,
              WordSet *set,
              guint    i,
              int     *value)
{
  g_autoptr(GString) key = g_string_new (NULL);
  guint n = ctx->tokens->len;

  for (guint len = MIN (set->max_len, n - i); len > 0; len--)
    {
      for (guint pass = 0; pass < 2; pass++)
        {
          const char *first = TOK (ctx, i)->norm;
          gpointer found;

          if (pass == 1 && (first = strip_clitic (first)) == NULL)
            break;

          g_string_assign (key, first);
          for (guint k = 1; k < len; k++)
            {
              g_string_append_c (key, ' ');
              g_string_append (key, TOK (ctx, i + k)->norm);
            }

          if (g_hash_table_lookup_extended (set->exact, key->str, NULL, &found))
            {
              *value = GPOINTER_TO_INT (found);
              return len;
            }
        }
    }

  for (guint k = 0; k < set->prefixes->len; k++)
    {
      Prefix *prefix = &g_array_index (set->prefixes, Prefix, k);
      const char *word = TOK (ctx, i)->norm;
      const char *stripped = strip_clitic (word);

      if (TOK (ctx, i)->type == TOKEN_WORD &&
          (g_str_has_prefix (word, prefix->prefix) ||
           (stripped != NULL && g_str_has_prefix (stripped, prefix->prefix))))
        {
          *value = prefix->value;
          return 1;
        }
    }

  return 0;
}

/* How many tokens from @i are a word of @cat; 0 when none. */
guint
_accords_dates_match_cat (Context  *ctx,
                          Category  cat,
                          guint     i,
                          int      *value)
{
  const char * const *languages;
  int dummy;

  if (value == NULL)
    value = &dummy;
  if (i >= ctx->tokens->len)
    return 0;

  if (CAT_IS_GLOBAL (cat))
    {
      WordSet *set = g_hash_table_lookup (ctx->lexicon->sets[cat], "*");

      return set != NULL ? match_in_set (ctx, set, i, value) : 0;
    }

  languages = (cat == CAT_EVENT || cat == CAT_REPORT || cat == CAT_FUTURE_BEFORE ||
               cat == CAT_FUTURE_AFTER || cat == CAT_DEPARTURE || cat == CAT_APPROVAL)
                ? ctx->verb_languages : ctx->languages;
  for (guint l = 0; languages[l] != NULL; l++)
    {
      WordSet *set = g_hash_table_lookup (ctx->lexicon->sets[cat], languages[l]);
      guint len;

      if (set != NULL && (len = match_in_set (ctx, set, i, value)) > 0)
        return len;
    }

  return 0;
}

gboolean
_accords_dates_is_punct (Context    *ctx,
                         guint       i,
                         const char *chars)
{
  return i < ctx->tokens->len && TOK (ctx, i)->type == TOKEN_PUNCT &&
         strstr (chars, TOK (ctx, i)->norm) != NULL;
}

static guint
skip_fillers (Context *ctx,
              guint    i)
{
  while (i < ctx->tokens->len)
    {
      guint len = _accords_dates_match_cat (ctx, CAT_FILLER, i, NULL);

      if (len == 0 && _accords_dates_is_punct (ctx, i, "."))
        len = 1;
      if (len == 0)
        break;
      i += len;
    }

  return i;
}

static gboolean
is_day (Context *ctx,
        guint    i)
{
  if (i >= ctx->tokens->len || TOK (ctx, i)->type != TOKEN_NUMBER ||
      TOK (ctx, i)->digits > 2 || TOK (ctx, i)->number < 1 || TOK (ctx, i)->number > 31)
    return FALSE;

  /* "5G", "4K" are no days; "5th", "1er" are */
  if (i + 1 < ctx->tokens->len && TOK (ctx, i + 1)->type == TOKEN_WORD &&
      !TOK (ctx, i + 1)->space_before &&
      _accords_dates_match_cat (ctx, CAT_FILLER, i + 1, NULL) == 0)
    return FALSE;
  /* "3.5 million", "10,000" */
  if (i + 2 < ctx->tokens->len && _accords_dates_is_punct (ctx, i + 1, ".,") &&
      !TOK (ctx, i + 2)->space_before && TOK (ctx, i + 2)->type == TOKEN_NUMBER)
    return FALSE;

  return TRUE;
}

static gboolean
is_year (Context *ctx,
         guint    i,
         gboolean solar)
{
  guint n;

  if (i >= ctx->tokens->len || TOK (ctx, i)->type != TOKEN_NUMBER || TOK (ctx, i)->digits != 4)
    return FALSE;
  n = TOK (ctx, i)->number;
  return solar ? (n >= 1300 && n <= 1500) : (n >= 1900 && n <= 2100);
}

gboolean
_accords_dates_is_year (Context  *ctx,
                        guint     i,
                        gboolean  solar)
{
  return is_year (ctx, i, solar);
}

/* ------------------------------------------------------------------ */
/* Calendars                                                            */

static const UChar utc_zone[] = { 'U', 'T', 'C', 0 };

/* ICU does the Solar Hijri arithmetic: set the fields in a Persian
 * calendar, read the same instant in a Gregorian one. */
static gboolean
convert_calendar (const char *from_locale,
                  const char *to_locale,
                  int         y,
                  int         m,
                  int         d,
                  int        *out_y,
                  int        *out_m,
                  int        *out_d)
{
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *from = ucal_open (utc_zone, -1, from_locale, UCAL_TRADITIONAL, &status);
  UCalendar *to = ucal_open (utc_zone, -1, to_locale, UCAL_TRADITIONAL, &status);
  UDate instant;
  gboolean ok = FALSE;

  if (U_SUCCESS (status))
    {
      ucal_clear (from);
      ucal_setAttribute (from, UCAL_LENIENT, 0);
      ucal_setDateTime (from, y, m - 1, d, 12, 0, 0, &status);
      instant = ucal_getMillis (from, &status);
      ucal_setMillis (to, instant, &status);
      *out_y = ucal_get (to, UCAL_YEAR, &status);
      *out_m = ucal_get (to, UCAL_MONTH, &status) + 1;
      *out_d = ucal_get (to, UCAL_DATE, &status);
      ok = U_SUCCESS (status);
    }

  if (from != NULL)
    ucal_close (from);
  if (to != NULL)
    ucal_close (to);

  return ok;
}

#define PERSIAN_LOCALE "fa_IR@calendar=persian"
#define GREGORIAN_LOCALE "en_US@calendar=gregorian"

static gboolean
solar_to_gregorian (int    y,
                    int    m,
                    int    d,
                    GDate *date)
{
  int gy, gm, gd;

  g_date_clear (date, 1);
  if (!convert_calendar (PERSIAN_LOCALE, GREGORIAN_LOCALE, y, m, d, &gy, &gm, &gd) ||
      !g_date_valid_dmy (gd, gm, gy))
    return FALSE;
  g_date_set_dmy (date, gd, gm, gy);
  return TRUE;
}

gboolean
_accords_dates_solar_to_gregorian (int    y,
                                   int    m,
                                   int    d,
                                   GDate *date)
{
  return solar_to_gregorian (y, m, d, date);
}

static int
solar_year_of (const GDate *date)
{
  int y, m, d;

  if (!convert_calendar (GREGORIAN_LOCALE, PERSIAN_LOCALE, g_date_get_year (date),
                         g_date_get_month (date), g_date_get_day (date), &y, &m, &d))
    return 0;
  return y;
}

gboolean
_accords_dates_set_dmy (GDate *date,
                        int    d,
                        int    m,
                        int    y)
{
  g_date_clear (date, 1);
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/* The year that puts day/month closest to @near. */
static gboolean
closest_year (int          d,
              int          m,
              gboolean     solar,
              const GDate *near,
              GDate       *date)
{
  int base = solar ? solar_year_of (near) : g_date_get_year (near);
  guint best = G_MAXUINT;

  g_date_clear (date, 1);
  if (base <= 0)
    return FALSE;
  for (int y = base - 1; y <= base + 1; y++)
    {
      GDate try;
      guint distance;

      if (solar ? !solar_to_gregorian (y, m, d, &try) : !_accords_dates_set_dmy (&try, d, m, y))
        continue;
      distance = ABS (g_date_days_between (near, &try));
      if (distance < best)
        {
          best = distance;
          *date = try;
        }
    }

  return g_date_valid (date);
}

/* The most recent @weekday on or before @ref (strictly before when
 * @strict): "on Tuesday" in a report of a Tuesday is that day. */
static void
weekday_before (const GDate *ref,
                int          weekday,
                gboolean     strict,
                GDate       *out)
{
  int back = ((int) g_date_get_weekday (ref) - weekday + 7) % 7;

  if (back == 0 && strict)
    back = 7;
  *out = *ref;
  g_date_subtract_days (out, back);
}

static void
weekday_after (const GDate *ref,
               int          weekday,
               GDate       *out)
{
  int ahead = (weekday - (int) g_date_get_weekday (ref) + 7) % 7;

  *out = *ref;
  g_date_add_days (out, ahead);
}

char *
_accords_dates_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* ------------------------------------------------------------------ */
/* Date expressions                                                     */

/* "Santo Domingo" is no Sunday: a capitalised word after another one in
 * the same sentence is part of a name. */
static gboolean
inside_name (Context *ctx,
             guint    i)
{
  Token *t = TOK (ctx, i);
  Token *prev = i > 0 ? TOK (ctx, i - 1) : NULL;

  if (!t->upper || prev == NULL || prev->type != TOKEN_WORD || !prev->upper ||
      prev->sentence != t->sentence || prev->claimed)
    return FALSE;

  /* "On Thursday", "Le mardi": a sentence's first word, or a preposition */
  if (i < 2 || TOK (ctx, i - 2)->sentence != prev->sentence ||
      _accords_dates_match_cat (ctx, CAT_PREPOSITION, i - 1, NULL) == 1)
    return FALSE;

  return TRUE;
}

static gboolean
glued (Context *ctx,
       guint    i,
       guint    n)
{
  if (i + n > ctx->tokens->len)
    return FALSE;
  for (guint k = i + 1; k < i + n; k++)
    if (TOK (ctx, k)->space_before)
      return FALSE;
  return TRUE;
}

static gboolean
is_number (Context *ctx,
           guint    i,
           guint    min_digits,
           guint    max_digits)
{
  return i < ctx->tokens->len && TOK (ctx, i)->type == TOKEN_NUMBER &&
         TOK (ctx, i)->digits >= min_digits && TOK (ctx, i)->digits <= max_digits;
}

/* 2019-12-17, 17.12.2019, 17/12/2019 (12/17/2019 in English when the
 * order is plain; day first otherwise). */
static gboolean
parse_numeric (Context *ctx,
               guint    i,
               Expr    *expr)
{
  const char *sep;
  int a, b;

  if (!glued (ctx, i, 5) || !_accords_dates_is_punct (ctx, i + 1, "-./") ||
      !_accords_dates_is_punct (ctx, i + 3, "-./"))
    return FALSE;
  sep = TOK (ctx, i + 1)->norm;
  if (!g_str_equal (sep, TOK (ctx, i + 3)->norm))
    return FALSE;

  if (is_year (ctx, i, FALSE) && g_str_equal (sep, "-") &&
      is_number (ctx, i + 2, 1, 2) && is_number (ctx, i + 4, 1, 2))
    {
      expr->year = TOK (ctx, i)->number;
      expr->month = TOK (ctx, i + 2)->number;
      expr->day = TOK (ctx, i + 4)->number;
    }
  else if (is_number (ctx, i, 1, 2) && is_number (ctx, i + 2, 1, 2) && is_year (ctx, i + 4, FALSE))
    {
      gboolean day_first;

      a = TOK (ctx, i)->number;
      b = TOK (ctx, i + 2)->number;
      expr->year = TOK (ctx, i + 4)->number;
      day_first = g_strcmp0 (ctx->ex->language, "en") != 0;
      if (a <= 12 && b <= 12 && g_date_valid (&ctx->publish))
        {
          GDate dm, md;

          /* either order reads: the one nearer the report, not after it */
          if (_accords_dates_set_dmy (&dm, a, b, expr->year) &&
              _accords_dates_set_dmy (&md, b, a, expr->year))
            {
              int to_dm = g_date_days_between (&dm, &ctx->publish);
              int to_md = g_date_days_between (&md, &ctx->publish);

              if (to_dm >= 0 && (to_md < 0 || to_dm < to_md))
                day_first = TRUE;
              else if (to_md >= 0)
                day_first = FALSE;
            }
        }
      if (a > 12 || (b <= 12 && day_first))
        {
          expr->day = a;
          expr->month = b;
        }
      else
        {
          expr->day = b;
          expr->month = a;
        }
    }
  else
    return FALSE;

  if (expr->month < 1 || expr->month > 12 || expr->day < 1 || expr->day > 31)
    return FALSE;
  expr->end = i + 5;
  return TRUE;
}

/* Explicit dates: [weekday] day [-day2] month [year], [weekday] month day
 * [-day2] [year], month year, numeric dates; or a weekday alone. */
gboolean
_accords_dates_parse_explicit (Context *ctx,
                               guint    i,
                               Expr    *expr)
{
  guint j = i, len;
  int value;

  memset (expr, 0, sizeof *expr);
  expr->start = i;
  expr->precision = ACCORDS_DATE_PRECISION_DAY;

  if ((len = _accords_dates_match_cat (ctx, CAT_WEEKDAY, j, &value)) > 0 && !inside_name (ctx, j))
    {
      expr->weekday = value;
      j = skip_fillers (ctx, j + len);
    }

  if (parse_numeric (ctx, j, expr))
    return TRUE;

  if (is_day (ctx, j))
    {
      guint k = j + 1;

      expr->day = TOK (ctx, j)->number;
      k = skip_fillers (ctx, k);
      if ((len = _accords_dates_match_cat (ctx, CAT_RANGE, k, NULL)) > 0 && is_day (ctx, k + len) &&
          (int) TOK (ctx, k + len)->number > expr->day)
        {
          expr->day2 = TOK (ctx, k + len)->number;
          k = skip_fillers (ctx, k + len + 1);
        }
      if ((len = _accords_dates_match_cat (ctx, CAT_MONTH, k, &value)) > 0 ||
          (len = _accords_dates_match_cat (ctx, CAT_SOLAR_MONTH, k, &value)) > 0)
        {
          expr->solar = _accords_dates_match_cat (ctx, CAT_MONTH, k, NULL) == 0;
          expr->month = value;
          k += len;
          expr->end = k;
          if (_accords_dates_is_punct (ctx, k, "."))
            k++;
          k = skip_fillers (ctx, k);
          if (is_year (ctx, k, expr->solar))
            {
              expr->year = TOK (ctx, k)->number;
              expr->end = k + 1;
            }
          return TRUE;
        }
      expr->day = expr->day2 = 0;
    }

  if ((len = _accords_dates_match_cat (ctx, CAT_MONTH, j, &value)) > 0 ||
      (len = _accords_dates_match_cat (ctx, CAT_SOLAR_MONTH, j, &value)) > 0)
    {
      guint k;

      expr->solar = _accords_dates_match_cat (ctx, CAT_MONTH, j, NULL) == 0;
      expr->month = value;
      expr->end = j + len;
      k = skip_fillers (ctx, j + len);
      if (is_day (ctx, k) && !is_year (ctx, k, expr->solar))
        {
          guint r;

          expr->day = TOK (ctx, k)->number;
          expr->end = k + 1;
          k = skip_fillers (ctx, k + 1);
          if ((len = _accords_dates_match_cat (ctx, CAT_RANGE, k, NULL)) > 0 &&
              is_day (ctx, k + len) && (int) TOK (ctx, k + len)->number > expr->day)
            {
              expr->day2 = TOK (ctx, k + len)->number;
              expr->end = k + len + 1;
              k = skip_fillers (ctx, k + len + 1);
            }
          r = k;
          if (is_year (ctx, r, expr->solar))
            {
              expr->year = TOK (ctx, r)->number;
              expr->end = r + 1;
            }
          return TRUE;
        }
      if (is_year (ctx, k, expr->solar) && expr->weekday == 0)
        {
          expr->year = TOK (ctx, k)->number;
          expr->end = k + 1;
          expr->precision = ACCORDS_DATE_PRECISION_MONTH;
          return TRUE;
        }
      /* "in March": a month of the report's year or the one before */
      if (expr->weekday == 0 && j > 0 &&
          _accords_dates_match_cat (ctx, CAT_MONTH_INTRO, j - 1, NULL) == 1 && !expr->solar)
        {
          expr->precision = ACCORDS_DATE_PRECISION_MONTH;
          return TRUE;
        }
      if (expr->weekday == 0)
        return FALSE;
    }

  if (expr->weekday != 0)
    {
      expr->month = 0;
      expr->end = i + _accords_dates_match_cat (ctx, CAT_WEEKDAY, i, NULL);
      return TRUE;
    }

  return FALSE;
}

/* Any date expression starting at token @i. */
gboolean
_accords_dates_parse_expr (Context *ctx,
                           guint    i,
                           Expr    *expr)
{
  guint len;
  int value;

  if ((len = _accords_dates_match_cat (ctx, CAT_RELATIVE, i, &value)) > 0)
    {
      Expr weekday;

      /* "اليوم الثلاثاء": today, Tuesday */
      if (value == REL_TODAY && _accords_dates_parse_explicit (ctx, i + len, &weekday))
        {
          weekday.start = i;
          *expr = weekday;
          return TRUE;
        }

      memset (expr, 0, sizeof *expr);
      expr->start = i;
      expr->end = i + len;

      /* "أمس الخميس", "yesterday, Thursday": the weekday only repeats it */
      if (value == REL_YESTERDAY &&
          _accords_dates_parse_explicit (ctx, skip_fillers (ctx, i + len), &weekday) &&
          weekday.month == 0)
        expr->end = weekday.end;
      expr->relative = value;
      expr->precision = value >= REL_LAST_YEAR ? ACCORDS_DATE_PRECISION_YEAR :
                        value >= REL_LAST_MONTH ? ACCORDS_DATE_PRECISION_MONTH :
                        ACCORDS_DATE_PRECISION_DAY;
      return TRUE;
    }

  if ((len = _accords_dates_match_cat (ctx, CAT_LAST_BEFORE, i, NULL)) > 0 &&
      _accords_dates_match_cat (ctx, CAT_WEEKDAY, i + len, NULL) > 0 &&
      _accords_dates_parse_explicit (ctx, i + len, expr) && expr->month == 0)
    {
      expr->start = i;
      expr->last = TRUE;
      return TRUE;
    }

  if (!_accords_dates_parse_explicit (ctx, i, expr))
    return FALSE;

  if (expr->month == 0)
    {
      if ((len = _accords_dates_match_cat (ctx, CAT_LAST_AFTER, expr->end, NULL)) > 0)
        {
          expr->last = TRUE;
          expr->end += len;
        }
      else if ((len = _accords_dates_match_cat (ctx, CAT_FUTURE_AFTER, expr->end, NULL)) > 0)
        expr->next = TRUE;
    }

  return TRUE;
}

/* The years the text names, for dates that lack one. */
static GArray *
text_years (Context *ctx)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < ctx->tokens->len; i++)
    if (is_year (ctx, i, FALSE))
      {
        int y = TOK (ctx, i)->number;

        g_array_append_val (years, y);
      }

  return years;
}

/* Resolves @expr against the publish date. FALSE when it cannot be read
 * without guessing. @end is set for ranges. */
gboolean
_accords_dates_resolve_expr (Context     *ctx,
                             const Expr  *expr,
                             GDate       *date,
                             GDate       *end)
{
  const GDate *pub = g_date_valid (&ctx->publish) ? &ctx->publish : NULL;

  g_date_clear (date, 1);
  g_date_clear (end, 1);

  if (expr->relative != 0)
    {
      if (pub == NULL)
        return FALSE;
      *date = *pub;
      switch (expr->relative)
        {
        case REL_TODAY:
          break;
        case REL_YESTERDAY:
          g_date_subtract_days (date, 1);
          break;
        case REL_DAY_BEFORE_YESTERDAY:
          g_date_subtract_days (date, 2);
          break;
        case REL_LAST_WEEK:
          /* a window, Monday to Sunday of the week before: its Wednesday
           * stands for it */
          weekday_before (pub, G_DATE_MONDAY, FALSE, date);
          g_date_subtract_days (date, 5);
          break;
        case REL_THIS_WEEK:
          /* between this week's Monday and the report */
          weekday_before (pub, G_DATE_MONDAY, FALSE, date);
          g_date_add_days (date, g_date_days_between (date, pub) / 2);
          break;
        case REL_LAST_MONTH:
          g_date_set_day (date, 1);
          g_date_subtract_months (date, 1);
          break;
        case REL_THIS_MONTH:
          g_date_set_day (date, 1);
          break;
        case REL_LAST_YEAR:
          g_date_set_dmy (date, 1, 1, g_date_get_year (pub) - 1);
          break;
        case REL_THIS_YEAR:
          g_date_set_dmy (date, 1, 1, g_date_get_year (pub));
          break;
        default:
          return FALSE;
        }
      return TRUE;
    }

  if (expr->month == 0)
    {
      /* a weekday alone */
      if (pub == NULL)
        return FALSE;
      if (expr->next)
        weekday_after (pub, expr->weekday, date);
      else
        weekday_before (pub, expr->weekday, expr->last, date);
      return TRUE;
    }

  if (expr->precision == ACCORDS_DATE_PRECISION_MONTH && expr->year == 0)
    {
      /* the latest such month up to the report's */
      if (pub == NULL)
        return FALSE;
      return _accords_dates_set_dmy (date, 1, expr->month,
                                     g_date_get_year (pub) -
                                     (expr->month > (int) g_date_get_month (pub)));
    }

  if (expr->precision == ACCORDS_DATE_PRECISION_MONTH)
    {
      /* a Persian month straddles two of ours: the one holding its middle */
      if (expr->solar)
        {
          if (!solar_to_gregorian (expr->year, expr->month, 15, date))
            return FALSE;
          g_date_set_day (date, 1);
          return TRUE;
        }
      return _accords_dates_set_dmy (date, 1, expr->month, expr->year);
    }

  if (expr->year != 0)
    {
      if (expr->solar ? !solar_to_gregorian (expr->year, expr->month, expr->day, date)
                      : !_accords_dates_set_dmy (date, expr->day, expr->month, expr->year))
        return FALSE;
    }
  else if (pub != NULL)
    {
      if (!closest_year (expr->day, expr->month, expr->solar, pub, date))
        return FALSE;
    }
  else if (ctx->term_year != 0 && ctx->term_solar == expr->solar)
    {
      /* no publish date, but a term of years gives the signing's year */
      if (expr->solar ? !solar_to_gregorian (ctx->term_year, expr->month, expr->day, date)
                      : !_accords_dates_set_dmy (date, expr->day, expr->month, ctx->term_year))
        return FALSE;
      ctx->term_year_used = TRUE;
    }
  else if (expr->weekday != 0 && !expr->solar)
    {
      /* no publish date: the weekday picks the year among those the text
       * names (and the next ones) */
      g_autoptr(GArray) years = text_years (ctx);
      int best = 0;

      for (guint k = 0; k < years->len; k++)
        for (int y = g_array_index (years, int, k); y <= g_array_index (years, int, k) + 1; y++)
          {
            GDate try;

            if (_accords_dates_set_dmy (&try, expr->day, expr->month, y) &&
                (int) g_date_get_weekday (&try) == expr->weekday && y > best)
              best = y;
          }
      if (best == 0 || !_accords_dates_set_dmy (date, expr->day, expr->month, best))
        return FALSE;
    }
  else
    return FALSE;

  if (expr->day2 > expr->day)
    {
      *end = *date;
      g_date_add_days (end, expr->day2 - expr->day);
    }

  return TRUE;
}
