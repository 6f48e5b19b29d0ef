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
#include <unicode/ucal.h>

#include "accords-extract-private.h"

/* The dates pass. The article is cut into tokens (words, numbers,
 * punctuation) whose text is folded (lower case, Arabic and Persian letter
 * variants, Arabic-Indic digits) so that the word tables of dates.json match
 * them whatever the script's habits. First the publish date is found (a
 * " date YYYY-MM-DD" line, a header line, a dateline, a byline); then every
 * date expression of the text becomes a candidate, resolved against the
 * publish date, and the one tied most closely to the act (signing, meeting,
 * visit words, first paragraph) is the event date. */

/* ------------------------------------------------------------------ */
/* Word tables                                                          */

typedef enum
{
  CAT_MONTH,
  CAT_SOLAR_MONTH,
  CAT_FILLER,
  CAT_RANGE,
  CAT_WEEKDAY,
  CAT_RELATIVE,
  CAT_LAST_BEFORE,
  CAT_LAST_AFTER,
  CAT_FUTURE_BEFORE,
  CAT_FUTURE_AFTER,
  CAT_PREPOSITION,
  CAT_PUBLISH,
  CAT_EVENT,
  CAT_REPORT,
  CAT_MULTI_DAY,
  CAT_MONTH_INTRO,
  N_CATS
} Category;

/* Categories whose words are looked up whatever the language. Month names
 * are not: Portuguese "set" and "out" are English words. */
#define CAT_IS_GLOBAL(cat) ((cat) == CAT_FILLER || (cat) == CAT_RANGE)

static const char *category_names[N_CATS] = {
  "months", "solar_months", "fillers", "range_words", "weekdays", "relative",
  "last_before", "last_after", "future_before", "future_after", "prepositions",
  "publish_words", "event_words", "report_words", "multi_day",
  "month_intro",
};

typedef enum
{
  REL_TODAY = 1,
  REL_YESTERDAY,
  REL_DAY_BEFORE_YESTERDAY,
  REL_LAST_WEEK,
  REL_THIS_WEEK,
  REL_LAST_MONTH,
  REL_THIS_MONTH,
  REL_LAST_YEAR,
  REL_THIS_YEAR,
} Relative;

static const char *relative_names[] = {
  NULL, "today", "yesterday", "day_before_yesterday", "last_week", "this_week",
  "last_month", "this_month", "last_year", "this_year",
};

typedef enum
{
  EVENT_SIGN = 1,
  EVENT_MEET,
  EVENT_VISIT,
} EventKind;

typedef struct
{
  char *prefix;
  int   value;
} Prefix;

/* The words of one category in one language. */
typedef struct
{
  GHashTable *exact;    /* folded words joined by spaces → value */
  GArray     *prefixes; /* Prefix, single words ending in * */
  guint       max_len;  /* tokens in the longest entry */
} WordSet;

typedef struct
{
  GHashTable *sets[N_CATS]; /* language (or "*" for global ones) → WordSet */
} Lexicon;

/* ------------------------------------------------------------------ */
/* Tokens                                                               */

typedef enum
{
  TOKEN_WORD,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
} TokenType;

typedef struct
{
  TokenType   type;
  const char *norm;          /* folded text, in the token list's chunk */
  gsize       start, end;    /* byte offsets in the original text */
  guint       number;        /* value of a TOKEN_NUMBER */
  guint       digits;
  guint       paragraph;
  guint       sentence;
  guint       upper : 1;     /* first letter upper case in the original */
  guint       all_upper : 1; /* every letter upper case: "LONDON" */
  guint       space_before : 1;
  guint       claimed : 1;   /* part of the publish date's words */
} Token;

typedef struct
{
  GArray       *tokens;
  GStringChunk *chunk;
} TokenList;

static void
token_list_free (TokenList *list)
{
  g_array_unref (list->tokens);
  g_string_chunk_free (list->chunk);
  g_free (list);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TokenList, token_list_free)

static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0622: /* آ */
    case 0x0671: /* ٱ */
      return 0x0627;
    case 0x0649: /* ى */
    case 0x06CC: /* Persian ی */
      return 0x064A;
    case 0x06A9: /* Persian ک */
      return 0x0643;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return '-';
    case 0x2018: case 0x2019: case 0x02BC: case '`':
      return '\'';
    case 0x060C: /* Arabic comma */
      return ',';
    case 0x061F:
      return '?';
    case 0x06D4: /* Arabic full stop */
      return '.';
    default:
      return g_unichar_tolower (c);
    }
}

static gboolean
is_ignorable (gunichar c)
{
  /* tatweel and Arabic vowel signs do not change a word */
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

static gboolean
is_space (gunichar c)
{
  /* zero-width non-joiner: "سه‌شنبه" reads like "سه شنبه" */
  return g_unichar_isspace (c) || c == 0x200C || c == 0x200B || c == 0xFEFF;
}

static TokenList *
tokenize (const char *text)
{
  TokenList *list = g_new0 (TokenList, 1);
  GString *buf = g_string_new (NULL);
  guint paragraph = 0;
  gboolean space = TRUE;
  gboolean newline = FALSE;
  const char *p = text;

  list->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  list->chunk = g_string_chunk_new (1024);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { 0 };

      if (is_space (c))
        {
          /* a line break ends a paragraph; several count as one */
          if (c == '\n')
            newline = TRUE;
          space = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }

      if (newline && list->tokens->len > 0)
        paragraph++;
      newline = FALSE;
      g_string_truncate (buf, 0);
      token.start = p - text;
      token.space_before = space;
      token.paragraph = paragraph;
      space = FALSE;

      if (g_unichar_digit_value (c) >= 0)
        {
          token.type = TOKEN_NUMBER;
          while (*p != '\0' && g_unichar_digit_value (g_utf8_get_char (p)) >= 0)
            {
              int digit = g_unichar_digit_value (g_utf8_get_char (p));

              if (token.digits < 9)
                token.number = token.number * 10 + digit;
              token.digits++;
              g_string_append_c (buf, '0' + digit);
              p = g_utf8_next_char (p);
            }
        }
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c) || is_ignorable (c))
        {
          token.type = TOKEN_WORD;
          token.upper = g_unichar_isupper (c);
          token.all_upper = TRUE;
          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);

              if (is_ignorable (d))
                ;
              else if ((g_unichar_isalpha (d) || g_unichar_ismark (d)) &&
                       g_unichar_digit_value (d) < 0)
                {
                  /* combining accents on Latin letters are kept: a folded
                   * table word is folded the same way */
                  if (!g_unichar_isupper (d) && !g_unichar_ismark (d))
                    token.all_upper = FALSE;
                  g_string_append_unichar (buf, fold_char (d));
                }
              else
                break;
              p = g_utf8_next_char (p);
            }
          if (buf->len == 0)
            continue; /* only vowel signs */
        }
      else
        {
          token.type = TOKEN_PUNCT;
          g_string_append_unichar (buf, fold_char (c));
          p = g_utf8_next_char (p);
        }

      token.end = p - text;
      token.norm = g_string_chunk_insert_const (list->chunk, buf->str);
      g_array_append_val (list->tokens, token);
    }

  g_string_free (buf, TRUE);

  return list;
}

/* Joins the folded tokens of a table entry, so that it is compared with
 * the text's tokens the way they are cut. */
static char *
fold_phrase (const char *phrase,
             guint      *n_tokens)
{
  g_autoptr(TokenList) list = tokenize (phrase);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < list->tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (list->tokens, Token, i).norm);
    }

  *n_tokens = list->tokens->len;

  return g_string_free (key, FALSE);
}

static void
word_set_add (WordSet    *set,
              const char *entry,
              int         value)
{
  g_autofree char *key = NULL;
  guint n_tokens;

  if (g_str_has_suffix (entry, "*"))
    {
      g_autofree char *stem = g_strndup (entry, strlen (entry) - 1);
      Prefix prefix;

      prefix.prefix = fold_phrase (stem, &n_tokens);
      prefix.value = value;
      g_array_append_val (set->prefixes, prefix);
      set->max_len = MAX (set->max_len, 1);
      return;
    }

  key = fold_phrase (entry, &n_tokens);
  if (n_tokens == 0)
    return;
  set->max_len = MAX (set->max_len, n_tokens);
  g_hash_table_insert (set->exact, g_steal_pointer (&key), GINT_TO_POINTER (value));
}

static int
entry_value (Category  cat,
             JsonNode *node)
{
  if (cat == CAT_RELATIVE)
    {
      const char *name = json_node_get_string (node);

      for (guint i = 1; i < G_N_ELEMENTS (relative_names); i++)
        if (g_strcmp0 (name, relative_names[i]) == 0)
          return i;
      return 0;
    }
  if (cat == CAT_EVENT)
    {
      const char *name = json_node_get_string (node);

      if (g_strcmp0 (name, "sign") == 0)
        return EVENT_SIGN;
      if (g_strcmp0 (name, "visit") == 0)
        return EVENT_VISIT;
      return EVENT_MEET;
    }

  return (int) json_node_get_int (node);
}

static void
fill_word_set (WordSet  *set,
               Category  cat,
               JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        word_set_add (set, json_array_get_string_element (array, i), 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          int value = entry_value (cat, json_object_get_member (object, l->data));

          if (value != 0)
            word_set_add (set, l->data, value);
        }
    }
}

static WordSet *
word_set_new (void)
{
  WordSet *set = g_new0 (WordSet, 1);

  set->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->prefixes = g_array_new (FALSE, FALSE, sizeof (Prefix));

  return set;
}

/* Built once per process from dates.json and never freed, like the
 * table it comes from. */
static Lexicon *
lexicon_get (void)
{
  static gsize initialized;
  static Lexicon *lexicon;

  if (g_once_init_enter (&initialized))
    {
      JsonObject *table = _accords_extract_table ("dates");

      lexicon = g_new0 (Lexicon, 1);
      for (guint cat = 0; cat < N_CATS; cat++)
        {
          JsonNode *node = NULL;

          if (table != NULL)
            node = json_object_get_member (table, category_names[cat]);

          lexicon->sets[cat] = g_hash_table_new (g_str_hash, g_str_equal);
          if (node == NULL)
            continue;

          if (JSON_NODE_HOLDS_ARRAY (node))
            {
              WordSet *set = word_set_new ();

              fill_word_set (set, cat, node);
              g_hash_table_insert (lexicon->sets[cat], (gpointer) "*", set);
            }
          else if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *by_language = json_node_get_object (node);
              g_autoptr(GList) languages = json_object_get_members (by_language);
              WordSet *all = CAT_IS_GLOBAL (cat) ? word_set_new () : NULL;

              for (const GList *l = languages; l != NULL; l = l->next)
                {
                  JsonNode *words = json_object_get_member (by_language, l->data);

                  if (all != NULL)
                    fill_word_set (all, cat, words);
                  else
                    {
                      WordSet *set = word_set_new ();

                      fill_word_set (set, cat, words);
                      g_hash_table_insert (lexicon->sets[cat], g_strdup (l->data), set);
                    }
                }
              if (all != NULL)
                g_hash_table_insert (lexicon->sets[cat], (gpointer) "*", all);
            }
        }

      g_once_init_leave (&initialized, 1);
    }

  return lexicon;
}

/* ------------------------------------------------------------------ */
/* Matching                                                             */

typedef struct
{
  AccordsExtraction *ex;
  GArray            *tokens;  /* Token, borrowed from the list */
  Lexicon           *lexicon;
  const char        *languages[8];  /* date words; NULL-terminated */
  const char        *verb_languages[8]; /* act, report and future words */
  GDate              publish;       /* invalid when unknown */
} Context;

#define TOK(ctx, i) (&g_array_index ((ctx)->tokens, Token, (i)))

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
static guint
match_cat (Context  *ctx,
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
               cat == CAT_FUTURE_AFTER) ? ctx->verb_languages : ctx->languages;
  for (guint l = 0; languages[l] != NULL; l++)
    {
      WordSet *set = g_hash_table_lookup (ctx->lexicon->sets[cat], languages[l]);
      guint len;

      if (set != NULL && (len = match_in_set (ctx, set, i, value)) > 0)
        return len;
    }

  return 0;
}

static gboolean
is_punct (Context    *ctx,
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
      guint len = match_cat (ctx, CAT_FILLER, i, NULL);

      if (len == 0 && is_punct (ctx, i, "."))
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
      !TOK (ctx, i + 1)->space_before && match_cat (ctx, CAT_FILLER, i + 1, NULL) == 0)
    return FALSE;
  /* "3.5 million", "10,000" */
  if (i + 2 < ctx->tokens->len && is_punct (ctx, i + 1, ".,") &&
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

static int
solar_year_of (const GDate *date)
{
  int y, m, d;

  if (!convert_calendar (GREGORIAN_LOCALE, PERSIAN_LOCALE, g_date_get_year (date),
                         g_date_get_month (date), g_date_get_day (date), &y, &m, &d))
    return 0;
  return y;
}

static gboolean
set_dmy (GDate *date,
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

      if (solar ? !solar_to_gregorian (y, m, d, &try) : !set_dmy (&try, d, m, y))
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

static char *
format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

/* ------------------------------------------------------------------ */
/* Date expressions                                                     */

typedef struct
{
  guint                start, end;   /* tokens, end exclusive */
  int                  day, day2, month, year, weekday;
  gboolean             solar;
  gboolean             last;         /* "last Thursday" */
  gboolean             next;         /* "mardi prochain" */
  Relative             relative;
  AccordsDatePrecision precision;
} Expr;

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
      match_cat (ctx, CAT_PREPOSITION, i - 1, NULL) == 1)
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

  if (!glued (ctx, i, 5) || !is_punct (ctx, i + 1, "-./") || !is_punct (ctx, i + 3, "-./"))
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
          if (set_dmy (&dm, a, b, expr->year) && set_dmy (&md, b, a, expr->year))
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
static gboolean
parse_explicit (Context *ctx,
                guint    i,
                Expr    *expr)
{
  guint j = i, len;
  int value;

  memset (expr, 0, sizeof *expr);
  expr->start = i;
  expr->precision = ACCORDS_DATE_PRECISION_DAY;

  if ((len = match_cat (ctx, CAT_WEEKDAY, j, &value)) > 0 && !inside_name (ctx, j))
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
      if ((len = match_cat (ctx, CAT_RANGE, k, NULL)) > 0 && is_day (ctx, k + len) &&
          (int) TOK (ctx, k + len)->number > expr->day)
        {
          expr->day2 = TOK (ctx, k + len)->number;
          k = skip_fillers (ctx, k + len + 1);
        }
      if ((len = match_cat (ctx, CAT_MONTH, k, &value)) > 0 ||
          (len = match_cat (ctx, CAT_SOLAR_MONTH, k, &value)) > 0)
        {
          expr->solar = match_cat (ctx, CAT_MONTH, k, NULL) == 0;
          expr->month = value;
          k += len;
          expr->end = k;
          if (is_punct (ctx, k, "."))
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

  if ((len = match_cat (ctx, CAT_MONTH, j, &value)) > 0 ||
      (len = match_cat (ctx, CAT_SOLAR_MONTH, j, &value)) > 0)
    {
      guint k;

      expr->solar = match_cat (ctx, CAT_MONTH, j, NULL) == 0;
      expr->month = value;
      expr->end = j + len;
      k = skip_fillers (ctx, j + len);
      if (is_day (ctx, k) && !is_year (ctx, k, expr->solar))
        {
          guint r;

          expr->day = TOK (ctx, k)->number;
          expr->end = k + 1;
          k = skip_fillers (ctx, k + 1);
          if ((len = match_cat (ctx, CAT_RANGE, k, NULL)) > 0 && is_day (ctx, k + len) &&
              (int) TOK (ctx, k + len)->number > expr->day)
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
      if (expr->weekday == 0 && j > 0 && match_cat (ctx, CAT_MONTH_INTRO, j - 1, NULL) == 1 &&
          !expr->solar)
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
      expr->end = i + match_cat (ctx, CAT_WEEKDAY, i, NULL);
      return TRUE;
    }

  return FALSE;
}

/* Any date expression starting at token @i. */
static gboolean
parse_expr (Context *ctx,
            guint    i,
            Expr    *expr)
{
  guint len;
  int value;

  if ((len = match_cat (ctx, CAT_RELATIVE, i, &value)) > 0)
    {
      Expr weekday;

      /* "اليوم الثلاثاء": today, Tuesday */
      if (value == REL_TODAY && parse_explicit (ctx, i + len, &weekday))
        {
          weekday.start = i;
          *expr = weekday;
          return TRUE;
        }

      memset (expr, 0, sizeof *expr);
      expr->start = i;
      expr->end = i + len;

      /* "أمس الخميس", "yesterday, Thursday": the weekday only repeats it */
      if (value == REL_YESTERDAY && parse_explicit (ctx, skip_fillers (ctx, i + len), &weekday) &&
          weekday.month == 0)
        expr->end = weekday.end;
      expr->relative = value;
      expr->precision = value >= REL_LAST_YEAR ? ACCORDS_DATE_PRECISION_YEAR :
                        value >= REL_LAST_MONTH ? ACCORDS_DATE_PRECISION_MONTH :
                        ACCORDS_DATE_PRECISION_DAY;
      return TRUE;
    }

  if ((len = match_cat (ctx, CAT_LAST_BEFORE, i, NULL)) > 0 &&
      match_cat (ctx, CAT_WEEKDAY, i + len, NULL) > 0 &&
      parse_explicit (ctx, i + len, expr) && expr->month == 0)
    {
      expr->start = i;
      expr->last = TRUE;
      return TRUE;
    }

  if (!parse_explicit (ctx, i, expr))
    return FALSE;

  if (expr->month == 0)
    {
      if ((len = match_cat (ctx, CAT_LAST_AFTER, expr->end, NULL)) > 0)
        {
          expr->last = TRUE;
          expr->end += len;
        }
      else if ((len = match_cat (ctx, CAT_FUTURE_AFTER, expr->end, NULL)) > 0)
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
static gboolean
resolve_expr (Context     *ctx,
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
      return set_dmy (date, 1, expr->month,
                      g_date_get_year (pub) - (expr->month > (int) g_date_get_month (pub)));
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
      return set_dmy (date, 1, expr->month, expr->year);
    }

  if (expr->year != 0)
    {
      if (expr->solar ? !solar_to_gregorian (expr->year, expr->month, expr->day, date)
                      : !set_dmy (date, expr->day, expr->month, expr->year))
        return FALSE;
    }
  else if (pub != NULL)
    {
      if (!closest_year (expr->day, expr->month, expr->solar, pub, date))
        return FALSE;
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

            if (set_dmy (&try, expr->day, expr->month, y) &&
                (int) g_date_get_weekday (&try) == expr->weekday && y > best)
              best = y;
          }
      if (best == 0 || !set_dmy (date, expr->day, expr->month, best))
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

/* ------------------------------------------------------------------ */
/* Publish date                                                         */

typedef struct
{
  GDate       date;
  const char *form;
  gsize       start, end;   /* bytes of the words it came from */
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
  if (!set_dmy (&publish->date, d, m, y))
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
          parse_explicit (ctx, i, &expr) && expr.year != 0 &&
          expr.precision == ACCORDS_DATE_PRECISION_DAY &&
          words_between (ctx, expr.end, end) <= 2 &&
          resolve_expr (ctx, &expr, &publish->date, &dummy))
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
          guint len = match_cat (ctx, CAT_PUBLISH, k, NULL);

          if (len == 0)
            continue;
          for (guint s = k + len; s < end && s <= k + len + 3; s++)
            {
              Expr expr;
              GDate dummy;

              if (parse_explicit (ctx, s, &expr) && expr.year != 0 &&
                  expr.precision == ACCORDS_DATE_PRECISION_DAY &&
                  resolve_expr (ctx, &expr, &publish->date, &dummy))
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
      guint words = 0;
      gboolean shouting = TRUE;

      for (guint k = i; k < end && k < i + 14; k++)
        {
          Token *t = TOK (ctx, k);
          gboolean dash = t->type == TOKEN_PUNCT && g_str_equal (t->norm, "-") && k > i &&
                          (t->space_before || is_punct (ctx, k - 1, ".)"));

          /* "NEW DELHI, Nov 30 (IANS) India", "القاهرة في 4 أبريل /أ ش أ/ وقع" */
          if (is_punct (ctx, k, ")/") && k + 1 < end && TOK (ctx, k + 1)->type == TOKEN_WORD &&
              TOK (ctx, k + 1)->space_before)
            {
              gboolean opened = FALSE, dated = FALSE;

              for (guint s = i; s < k; s++)
                {
                  Expr found;

                  if (!dated && parse_explicit (ctx, s, &found) && found.month != 0 &&
                      found.end <= k)
                    dated = TRUE;
                  else if (dated && is_punct (ctx, s, "(/"))
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

                  if (parse_explicit (ctx, s, &found) && found.month != 0 &&
                      found.precision == ACCORDS_DATE_PRECISION_DAY && found.end <= k)
                    {
                      *expr = found;
                      break;
                    }
                }

              while (k < end && is_punct (ctx, k, "-"))
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

      if (!TOK (ctx, i)->claimed && parse_explicit (ctx, i, &expr) &&
          expr.year != 0 && !expr.solar && expr.month == dateline->month &&
          expr.day == dateline->day)
        return expr.year;
    }

  return 0;
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

      resolve_expr (ctx, &dateline, &publish->date, &dummy);
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
      publish->form = "dateline";
      if (dateline.month != 0 && !dateline.solar)
        {
          int year = dateline_year (ctx, &dateline);

          if (year != 0 && set_dmy (&publish->date, dateline.day, dateline.month, year))
            {
              publish->start = TOK (ctx, dateline.start)->start;
              publish->end = TOK (ctx, dateline.end - 1)->end;
            }
        }
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
  gboolean  sentence_signs;   /* a signing word in the same sentence */
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
              (match_cat (ctx, CAT_MONTH, i - 1, NULL) > 0 ||
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
                  guint8    *reports)
{
  guint sentence = TOK (ctx, c->expr.start)->sentence;

  c->event_distance = G_MAXUINT;
  c->report_distance = G_MAXUINT;

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
          if (distance < c->event_distance)
            {
              c->event_distance = distance;
              c->event_kind = event_kinds[k];
            }
        }
      /* "said on Monday": the date of the saying, not of the act */
      if (reports[k] && k < c->expr.start && distance < c->report_distance)
        c->report_distance = distance;
    }
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

      if ((match_cat (ctx, CAT_PREPOSITION, k, NULL) == back ||
           (expr->precision == ACCORDS_DATE_PRECISION_MONTH && expr->year == 0 &&
            match_cat (ctx, CAT_MONTH_INTRO, k, NULL) == back)) &&
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
      guint len = match_cat (ctx, CAT_MULTI_DAY, i, &days);

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
  g_autofree guint *ranks = paragraph_ranks (ctx);
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  Candidate *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      int value;
      guint len;

      if ((len = match_cat (ctx, CAT_EVENT, i, &value)) > 0)
        for (guint k = i; k < i + len; k++)
          event_kinds[k] = value;
      if ((len = match_cat (ctx, CAT_REPORT, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          reports[k] = TRUE;
      if ((len = match_cat (ctx, CAT_FUTURE_BEFORE, i, NULL)) > 0)
        for (guint k = i; k < i + len; k++)
          futures[k] = TRUE;
    }

  for (guint i = 0; i < n;)
    {
      Candidate c = { 0 };

      if (TOK (ctx, i)->claimed || !_accords_extract_word_start (ex->text, TOK (ctx, i)->start) ||
          !parse_expr (ctx, i, &c.expr))
        {
          i++;
          continue;
        }

      i = c.expr.end;
      if (!resolve_expr (ctx, &c.expr, &c.date, &c.end))
        continue;

      describe_context (ctx, &c, event_kinds, reports);
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
          ex->event_date = format_date (&ctx->publish);
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

  ex->event_date = format_date (&best->date);
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
  ex->event_end = format_date (&best->end);

  if (best->expr.relative == REL_LAST_WEEK || best->expr.relative == REL_THIS_WEEK)
    ex->date_qualifier = ACCORDS_DATE_QUALIFIER_ABOUT;
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
  g_autoptr(TokenList) list = tokenize (ex->text);
  Context ctx = { 0 };
  Publish publish = { 0 };

  ctx.ex = ex;
  ctx.tokens = list->tokens;
  ctx.lexicon = lexicon_get ();
  g_date_clear (&ctx.publish, 1);
  choose_languages (&ctx, ex->language);

  mark_sentences (&ctx);
  find_publish_date (&ctx, &publish);

  ex->publish_date_form = g_strdup (publish.form);
  if (g_date_valid (&publish.date))
    {
      ctx.publish = publish.date;
      ex->publish_date = format_date (&publish.date);
      _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_PUBLISH_DATE,
                                 publish.start, publish.end);
    }
  else
    _accords_extract_add_warning (ex, "%s",
                                  _("No publish date found; relative dates were not resolved"));

  find_event_date (&ctx);
}
