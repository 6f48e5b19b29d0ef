/* accords-extract.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-record.h"
#include "accords-types.h"

G_BEGIN_DECLS

/* What an extracted value came from: a span of the article's text (byte
 * offsets into AccordsExtraction.text), so that a review can highlight it. */
typedef enum
{
  ACCORDS_EXTRACT_FIELD_PUBLISH_DATE,
  ACCORDS_EXTRACT_FIELD_EVENT_DATE,
  ACCORDS_EXTRACT_FIELD_PARTY,
  ACCORDS_EXTRACT_FIELD_MENTIONED,
  ACCORDS_EXTRACT_FIELD_PERSON,
  ACCORDS_EXTRACT_FIELD_ORGANIZATION,
  ACCORDS_EXTRACT_FIELD_VENUE,
  ACCORDS_EXTRACT_FIELD_TOPIC,
  ACCORDS_EXTRACT_FIELD_KIND,
} AccordsExtractField;

typedef struct
{
  AccordsExtractField field;
  gsize               start;  /* byte offset, inclusive */
  gsize               end;    /* byte offset, exclusive */
} AccordsExtractSpan;

/* Everything the extractor read from one article. Strings are NULL and
 * arrays empty where the article does not say; nothing is guessed. */
typedef struct
{
  char                 *text;              /* the article, valid UTF-8 */
  char                 *file;              /* base name, or NULL */
  char                 *language;          /* ISO 639-1, or NULL */

  char                 *headline;          /* first line that reads as one */
  char                 *publish_date;      /* YYYY-MM-DD, or NULL */
  char                 *publish_date_form; /* date_line, dateline, weekday_header, byline, none */

  char                 *event_date;        /* YYYY-MM-DD, or NULL */
  char                 *event_end;         /* YYYY-MM-DD, or NULL */
  AccordsDatePrecision  date_precision;
  AccordsDateQualifier  date_qualifier;
  char                 *date_as_reported;  /* the words used, or NULL */

  GPtrArray            *parties;           /* char *alpha-2 */
  GPtrArray            *mentioned;         /* char *alpha-2, never a party */
  GPtrArray            *people;            /* AccordsPerson */
  GPtrArray            *organizations;     /* char * */

  char                 *venue_city;        /* English name, or NULL */
  char                 *venue_country;     /* alpha-2, or NULL */
  char                 *venue_forum;
  gboolean              venue_virtual;

  GPtrArray            *topics;            /* char * topic ids */
  gboolean              has_kind;
  AccordsKind           kind;

  char                 *title;             /* "Iran–Serbia: memorandum on ICT cooperation" */
  char                 *summary;           /* from the lead */

  GArray               *spans;             /* AccordsExtractSpan */
  GPtrArray            *warnings;          /* char *, translated, for the review */
} AccordsExtraction;

GType              accords_extraction_get_type  (void) G_GNUC_CONST;
#define ACCORDS_TYPE_EXTRACTION (accords_extraction_get_type ())

AccordsExtraction *accords_extract_article      (const char              *text,
                                                 const char              *file);
AccordsExtraction *accords_extraction_copy      (const AccordsExtraction *self);
void               accords_extraction_free      (AccordsExtraction       *self);

AccordsRecord     *accords_extraction_to_record (const AccordsExtraction *self);

gboolean           accords_records_same_event   (AccordsRecord           *a,
                                                 AccordsRecord           *b);

char              *accords_extract_fold_name    (const char              *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsExtraction, accords_extraction_free)

G_END_DECLS
