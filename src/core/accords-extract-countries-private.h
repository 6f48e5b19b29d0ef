/* accords-extract-countries-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-extract-private.h"

G_BEGIN_DECLS

/* What the parts of the countries pass share: the lexicon of ways to name
 * a country, and the folded words of a text.
 *
 *   accords-extract-countries-lexicon.c   folding, words, the lexicon
 *   accords-extract-countries-mentions.c  mentions of countries in a text
 *   accords-extract-countries.c           parties and mentioned, the pass */
typedef enum
{
  CASE_ANY,      /* "iranien", Arabic script */
  CASE_CAPITAL,  /* "Iran": the first letter must be a capital */
  CASE_UPPER,    /* "UK", "США": every letter a capital */
} CaseRule;

enum
{
  LANG_EN = 1 << 0,
  LANG_FR = 1 << 1,
  LANG_ES = 1 << 2,
  LANG_PT = 1 << 3,
  LANG_RU = 1 << 4,
  LANG_AR = 1 << 5,
  LANG_FA = 1 << 6,
  LANG_ALL = 0x7f,
};

/* The languages of the lexicon, in LANG_* bit order. */
extern const char *_accords_countries_languages[7];

typedef struct
{
  char              **tokens;      /* folded words; stems where declinable */
  gboolean           *declinable;  /* per token: takes a Russian case ending */
  guint               n_tokens;
  guint               langs;       /* LANG_* the form belongs to */
  char                code[3];     /* empty for a region or body */
  AccordsCountryForm  form;
  CaseRule            case_rule;
  gboolean            person_like;
  gboolean            seat;        /* a capital that often stands for a body */
  guint               n_others;    /* other countries the same words may mean */
  char                others[3][3];
} Entry;

typedef struct
{
  GHashTable *by_first;   /* first token → GPtrArray of Entry, most tokens first */
  GHashTable *seen;       /* "code form langs tokens" → entry, against duplicates */
  GHashTable *excluded;   /* folded form → language mask */
  GHashTable *person_like;/* folded form → language mask */
  GPtrArray  *endings;    /* folded Russian case endings, longest first */
  GPtrArray  *clitics;    /* folded Arabic clitics, longest first */
  GPtrArray  *cues[G_N_ELEMENTS (_accords_countries_languages)]; /* folded list cues */
  GHashTable *currency;   /* folded currency word or Russian stem → language mask */
  GPtrArray  *symbols;    /* currency symbols: "$" */
} Lexicon;

typedef struct
{
  gsize     start;
  gsize     end;
  char     *folded;
  gboolean  first_upper;
  gboolean  all_upper;
  gboolean  arabic;
  gboolean  cyrillic;
} Word;

/* accords-extract-countries-lexicon.c */
guint     _accords_countries_language_bit (const char *language);
GArray   *_accords_countries_split_words (const char *text);
gboolean  _accords_countries_is_listed (GHashTable *table,
                                        const char *folded,
                                        guint       langs);
Lexicon  *_accords_countries_get_lexicon (void);

G_END_DECLS
