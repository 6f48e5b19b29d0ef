/* accords-extract-people-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-extract-private.h"

G_BEGIN_DECLS

/* What the parts of the people pass share: its context, the tokens and
 * the word classes.
 *
 *   accords-extract-people-words.c    word sets, tokens, word classes, set-up
 *   accords-extract-people.c          titles, candidates, merging, the pass
 *   accords-extract-people-bylines.c  bylines, title lines, authors
 *   accords-extract-people-names.c    capitalised names, Arabic and Persian names
 *   accords-extract-orgs.c            organisations, venue */

typedef struct
{
  gsize  start;
  gsize  end;
  char  *fold;          /* lower case, ’ written ' */
  guint  word : 1;
  guint  cap : 1;       /* starts with an upper-case letter */
  guint  has_lower : 1;
  guint  initial : 1;   /* "K." */
  guint  stop : 1;      /* ends a sentence */
  gint   country;       /* index into mentions, or -1 */
} Token;

typedef struct
{
  GHashTable *exact;
  GPtrArray  *stems;    /* entries that ended in '*' */
} WordSet;

typedef struct
{
  char  *name;
  char  *role;
  char  *country;
  gsize  start;
  gsize  end;
} Candidate;

typedef struct
{
  AccordsExtraction *ex;
  const char        *text;
  const char        *lang;
  JsonObject        *table;
  gboolean           romance;
  gboolean           arabic_script;
  gboolean           russian;

  GArray            *tokens;     /* Token */
  GArray            *mentions;   /* AccordsCountryMention */
  GHashTable        *lower;      /* words the text also writes in lower case */

  WordSet            titles;
  WordSet            modifiers;
  WordSet            honorifics;
  WordSet            keep_honorifics;
  WordSet            particles;
  WordSet            abbreviations;
  WordSet            connectors;
  WordSet            articles;
  WordSet            portfolio;
  WordSet            orgs;
  WordSet            org_heads;
  WordSet            stops;
  WordSet            forum_words;
  WordSet            forum_triggers;
  WordSet            venue_preps;
  WordSet            venue_weak;
  WordSet            ar_particles;
  WordSet            name_heads;   /* "سید", "محمد": a given name in two parts */
  WordSet            strong_particles; /* "ould", "bin": a name goes on after them */
  JsonArray         *suffixes;
  JsonArray         *speech;
  JsonArray         *author_notes;  /* "the author is": who wrote the piece */
  JsonArray         *meetings;      /* "در دیدار با": a person meets someone */

  GPtrArray         *candidates; /* Candidate */
  gboolean          *taken;      /* per token: part of an accepted name */
} Ctx;

typedef struct
{
  gint first;
  gint last;
} Range;

/* accords-extract-people-words.c */
void        _accords_people_ctx_init            (Ctx               *ctx,
                                                 AccordsExtraction *ex,
                                                 JsonObject        *table);
void        _accords_people_ctx_clear           (Ctx               *ctx);

gboolean    _accords_people_word_set_has        (const WordSet     *set,
                                                 const char        *word);
JsonArray  *_accords_people_lang_array          (JsonObject        *table,
                                                 const char        *member,
                                                 const char        *lang);

Token      *_accords_people_tok                 (Ctx               *ctx,
                                                 gint               i);
gint        _accords_people_n_tokens            (Ctx               *ctx);
gboolean    _accords_people_is_punct            (Ctx               *ctx,
                                                 gint               i,
                                                 const char        *mark);
gboolean    _accords_people_is_possessive       (Ctx               *ctx,
                                                 gint               i);
const char *_accords_people_country_of          (Ctx               *ctx,
                                                 gint               i);

gboolean    _accords_people_is_title            (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_modifier         (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_portfolio        (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_org_word         (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_connector        (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_name_word        (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_particle         (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_particle_name    (Ctx               *ctx,
                                                 gint               i);
gboolean    _accords_people_is_destination      (Ctx               *ctx,
                                                 gint               i);

char       *_accords_people_token_text          (Ctx               *ctx,
                                                 gint               first,
                                                 gint               last);
gboolean    _accords_people_followed_by_phrase  (Ctx               *ctx,
                                                 gint               i,
                                                 JsonArray         *phrases);
gboolean    _accords_people_preceded_by_word    (Ctx               *ctx,
                                                 gint               i,
                                                 JsonArray         *words);

const char *_accords_people_strip_arabic_prefix (Ctx               *ctx,
                                                 const char        *word);
gboolean    _accords_people_is_definite         (Ctx               *ctx,
                                                 const char        *word);
gboolean    _accords_people_arabic_complement   (Ctx               *ctx,
                                                 gint               i);

/* accords-extract-people.c */
extern const char *_accords_people_vowels_ru;

char     *_accords_people_country_for_title (Ctx  *ctx,
                                             gint  first,
                                             gint  last);
gint      _accords_people_title_before (Ctx  *ctx,
                                        gint  start,
                                        gint *out_last);
gint      _accords_people_title_after (Ctx  *ctx,
                                       gint  end,
                                       gint *out_last);
gboolean  _accords_people_is_oblique_title (Ctx  *ctx,
                                            gint  first,
                                            gint  last);
void      _accords_people_add_candidate (Ctx        *ctx,
                                         gint        first,
                                         gint        last,
                                         char       *role,
                                         char       *country,
                                         gboolean    oblique);
gboolean  _accords_people_words_within (const char *small,
                                        const char *large);

/* accords-extract-people-bylines.c */
gboolean  _accords_people_in_byline (Ctx  *ctx,
                                     gint  first,
                                     gint  last);
gboolean  _accords_people_byline_author_role (Ctx   *ctx,
                                              gint   first,
                                              gint   last,
                                              char **out_role,
                                              char **out_country);

/* accords-extract-people-names.c */
gboolean  _accords_people_is_coordinator (Ctx  *ctx,
                                          gint  i);
void      _accords_people_find_capitalised_names (Ctx *ctx);
void      _accords_people_find_arabic_names (Ctx *ctx);

/* accords-extract-orgs.c */
void _accords_people_find_capitalised_organizations (Ctx    *ctx,
                                                     GArray *ranges);
void _accords_people_find_arabic_organizations      (Ctx    *ctx,
                                                     GArray *ranges);
void _accords_people_find_virtual                   (Ctx    *ctx);
void _accords_people_find_forum                     (Ctx    *ctx,
                                                     GArray *ranges);
void _accords_people_find_venue_city                (Ctx    *ctx);

G_END_DECLS
