/* accords-extract-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "accords-extract.h"

G_BEGIN_DECLS

/* The extractor runs in passes over one AccordsExtraction, in this order:
 *
 *   language   accords-extract.c            ex->language, ex->headline
 *   dates      accords-extract-dates*.c     publish/event dates, qualifier
 *   countries  accords-extract-countries*.c parties, mentioned
 *   people     accords-extract-people*.c,   people, organizations, venue
 *              accords-extract-orgs.c
 *   kind       accords-extract-kind*.c      kind, topics
 *   title      accords-extract.c            title, summary
 *
 * Each pass reads ex->text and ex->language (and what earlier passes set),
 * fills its own fields, and adds the spans its values came from. A pass
 * leaves a field empty rather than guessing. */

void        _accords_extract_dates      (AccordsExtraction *ex);
void        _accords_extract_countries  (AccordsExtraction *ex);
void        _accords_extract_people     (AccordsExtraction *ex);
void        _accords_extract_kind       (AccordsExtraction *ex);

/* Per-language tables live in data/extract/NAME.json, compiled into the
 * core's GResource; the parsed root is cached for the process. Returns NULL
 * (and warns once) if the table is missing or malformed. */
JsonObject *_accords_extract_table      (const char        *name);

/* Records where a value came from. */
void        _accords_extract_add_span   (AccordsExtraction *ex,
                                         AccordsExtractField field,
                                         gsize              start,
                                         gsize              end);
void        _accords_extract_add_warning (AccordsExtraction *ex,
                                          const char        *format,
                                          ...) G_GNUC_PRINTF (2, 3);

/* Adds @code to @array unless it is already there. */
void        _accords_extract_add_unique (GPtrArray         *array,
                                         const char        *value);

/* A country named in the text, however it was named. Found by
 * _accords_extract_country_mentions() (accords-extract-countries-mentions.c), in
 * text order; other passes use it too (people's countries, the venue). */
typedef enum
{
  ACCORDS_COUNTRY_FORM_NAME,     /* "Serbia", "la France", "Иран" */
  ACCORDS_COUNTRY_FORM_DEMONYM,  /* "Iranian", "qatarien" */
  ACCORDS_COUNTRY_FORM_CAPITAL,  /* "Tehran" used for Iran */
} AccordsCountryForm;

typedef struct
{
  gsize              start;   /* byte offsets into the text */
  gsize              end;
  char               code[3]; /* alpha-2 */
  AccordsCountryForm form;
} AccordsCountryMention;

GArray     *_accords_extract_country_mentions (const char *text,
                                               const char *language);

/* Whether byte @offset in @text starts / ends a word (Unicode aware). */
gboolean    _accords_extract_word_start (const char        *text,
                                         gsize              offset);
gboolean    _accords_extract_word_end   (const char        *text,
                                         gsize              offset);

G_END_DECLS
