/* accords-extract-kind-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-extract-private.h"

G_BEGIN_DECLS

/* What the parts of the kind pass share: the article's words and the
 * matching of word lists against them.
 *
 *   accords-extract-kind-words.c   words, patterns, matching
 *   accords-extract-kind.c         the kind, the pass
 *   accords-extract-kind-topics.c  topics */

typedef enum
{
  WORD_TITLECASE = 1 << 0, /* "Digital": a capital, then small letters */
  WORD_QUOTED    = 1 << 1, /* between quotation marks */
  WORD_CAPITALS  = 1 << 2, /* "US": more than one letter, all capitals */
} WordFlags;

typedef struct
{
  char  *form;     /* folded */
  gsize  start;    /* byte offsets into the text */
  gsize  end;
  guint  sentence;
  guint  clause;   /* a part of a sentence between commas, colons, brackets */
  guint  line;
  guint  flags;
} Word;

typedef struct
{
  GArray *words;          /* Word */
  guint   n_sentences;
  guint   n_lines;
  guint  *sentence_first; /* first word of each sentence */
  guint  *weight;         /* weight of each sentence: the lead counts more */
  guint  *line_first;     /* first word of each line */
  guint  *line_length;    /* words in each line */
} Words;

typedef struct
{
  char     *form;
  gboolean  star;         /* "cyber*": any ending */
  gboolean  capitals;     /* "IA": only the abbreviation, not the word "ia" */
} PatternWord;

/* One place an entry of a list occurs. */
typedef struct
{
  guint first; /* words, inclusive */
  guint last;
  gint  tag;   /* which list */
} Match;

static inline const Word *
_accords_kind_word_at (const Words *words,
                       guint        i)
{
  return &g_array_index (words->words, Word, i);
}

/* accords-extract-kind-words.c */
Words      *_accords_kind_words_new (const char *text);
void        _accords_kind_words_free (Words *self);
GPtrArray  *_accords_kind_load_prefixes (JsonObject *lang);
void        _accords_kind_find_matches (const Words *words,
                                        JsonArray   *list,
                                        GPtrArray   *prefixes,
                                        gint         tag,
                                        GArray      *matches);
gint        _accords_kind_compare_position (gconstpointer a,
                                            gconstpointer b);
GArray     *_accords_kind_keep_longest (const Words *words,
                                        GArray      *matches);
JsonObject *_accords_kind_language_table (const char *table_name,
                                          const char *language);
JsonArray  *_accords_kind_get_list (JsonObject *lang,
                                    const char *name);

/* accords-extract-kind.c */
int         _accords_kind_year_of (const Word *word);
int         _accords_kind_publish_year_of (const AccordsExtraction *ex);

/* accords-extract-kind-topics.c */
void        _accords_kind_find_topics (AccordsExtraction *ex,
                                       const Words       *words);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Words, _accords_kind_words_free)

G_END_DECLS
