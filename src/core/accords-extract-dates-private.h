/* accords-extract-dates-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-extract-private.h"

G_BEGIN_DECLS

/* What the parts of the dates pass share: the tokens, the word tables,
 * the matching context and date expressions.
 *
 *   accords-extract-dates-tokens.c   tokenizer, word tables
 *   accords-extract-dates-expr.c     matching, date expressions, calendars
 *   accords-extract-dates-publish.c  publish date
 *   accords-extract-dates.c          event date, the pass */

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
  CAT_DEPARTURE,
  CAT_APPROVAL,
  CAT_NUMBER_WORD,
  CAT_TERM_INTRO,
  CAT_TERM_UNIT,
  CAT_TERM_END,
  CAT_TERM_SUBJECT,
  CAT_ELAPSED_BEFORE,
  CAT_ELAPSED_AFTER,
  CAT_ELAPSED_LINK,
  CAT_CURRENT_BEFORE,
  CAT_CURRENT_AFTER,
  N_CATS
} Category;

/* Categories whose words are looked up whatever the language. Month names
 * are not: Portuguese "set" and "out" are English words. */
#define CAT_IS_GLOBAL(cat) ((cat) == CAT_FILLER || (cat) == CAT_RANGE)

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

TokenList *_accords_dates_tokenize        (const char *text);
void       _accords_dates_token_list_free (TokenList  *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TokenList, _accords_dates_token_list_free)

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
  int                term_year;     /* the signing year a term of years gives, or 0 */
  gboolean           term_solar;    /* … in the Solar Hijri calendar */
  gboolean           term_year_used;
} Context;

#define TOK(ctx, i) (&g_array_index ((ctx)->tokens, Token, (i)))

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

/* accords-extract-dates-tokens.c */
Lexicon   *_accords_dates_lexicon_get    (void);

/* accords-extract-dates-expr.c */
guint      _accords_dates_match_cat      (Context     *ctx,
                                          Category     cat,
                                          guint        i,
                                          int         *value);
gboolean   _accords_dates_is_punct       (Context     *ctx,
                                          guint        i,
                                          const char  *chars);
gboolean   _accords_dates_is_year        (Context     *ctx,
                                          guint        i,
                                          gboolean     solar);
gboolean   _accords_dates_solar_to_gregorian (int     y,
                                              int     m,
                                              int     d,
                                              GDate  *date);
gboolean   _accords_dates_set_dmy        (GDate       *date,
                                          int          d,
                                          int          m,
                                          int          y);
char      *_accords_dates_format_date    (const GDate *date);
gboolean   _accords_dates_parse_explicit (Context     *ctx,
                                          guint        i,
                                          Expr        *expr);
gboolean   _accords_dates_parse_expr     (Context     *ctx,
                                          guint        i,
                                          Expr        *expr);
gboolean   _accords_dates_resolve_expr   (Context     *ctx,
                                          const Expr  *expr,
                                          GDate       *date,
                                          GDate       *end);

/* accords-extract-dates-publish.c */
int        _accords_dates_term_year      (Context     *ctx,
                                          gboolean    *solar);
void       _accords_dates_find_publish_date (Context *ctx,
                                             Publish *publish);

G_END_DECLS
