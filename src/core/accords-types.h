/* accords-types.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _AccordsAnnotation AccordsAnnotation;
typedef struct _AccordsCountry    AccordsCountry;
typedef struct _AccordsFigure     AccordsFigure;
typedef struct _AccordsPerson     AccordsPerson;
typedef struct _AccordsQuery      AccordsQuery;
typedef struct _AccordsRecord     AccordsRecord;
typedef struct _AccordsRecordList AccordsRecordList;
typedef struct _AccordsSource     AccordsSource;
typedef struct _AccordsStore      AccordsStore;
typedef struct _AccordsTopic      AccordsTopic;

/**
 * AccordsKind:
 *
 * What a record's event is. The nick of each value is the id used in the
 * store, the JSON schema and the search syntax (`kind:mou_signed`).
 */
typedef enum
{
  ACCORDS_KIND_MOU_SIGNED,       /*< nick=mou_signed >*/
  ACCORDS_KIND_AGREEMENT_SIGNED, /*< nick=agreement_signed >*/
  ACCORDS_KIND_MEETING,          /*< nick=meeting >*/
  ACCORDS_KIND_VISIT,            /*< nick=visit >*/
  ACCORDS_KIND_STATEMENT,        /*< nick=statement >*/
  ACCORDS_KIND_OPINION,          /*< nick=opinion >*/
  ACCORDS_KIND_ANNOUNCEMENT,     /*< nick=announcement >*/
} AccordsKind;

typedef enum
{
  ACCORDS_DATE_PRECISION_DAY,   /*< nick=day >*/
  ACCORDS_DATE_PRECISION_MONTH, /*< nick=month >*/
  ACCORDS_DATE_PRECISION_YEAR,  /*< nick=year >*/
} AccordsDatePrecision;

typedef enum
{
  ACCORDS_DATE_QUALIFIER_EXACT,  /*< nick=exact >*/
  ACCORDS_DATE_QUALIFIER_ABOUT,  /*< nick=about >*/
  ACCORDS_DATE_QUALIFIER_BEFORE, /*< nick=before >*/
  ACCORDS_DATE_QUALIFIER_AFTER,  /*< nick=after >*/
} AccordsDateQualifier;

typedef enum
{
  ACCORDS_REVIEW_UNREVIEWED, /*< nick=unreviewed >*/
  ACCORDS_REVIEW_VERIFIED,   /*< nick=verified >*/
  ACCORDS_REVIEW_DISPUTED,   /*< nick=disputed >*/
} AccordsReview;

typedef enum
{
  ACCORDS_ORIGIN_MANUAL, /*< nick=manual >*/
  ACCORDS_ORIGIN_SAMPLE, /*< nick=sample >*/
  ACCORDS_ORIGIN_IMPORT, /*< nick=import >*/
} AccordsOrigin;

/**
 * AccordsSortKey:
 *
 * Columns a record list can be sorted by. The store maps each to a fixed
 * SQL expression; ties are always broken by the record id.
 */
typedef enum
{
  ACCORDS_SORT_DATE,    /*< nick=date >*/
  ACCORDS_SORT_TITLE,   /*< nick=title >*/
  ACCORDS_SORT_KIND,    /*< nick=kind >*/
  ACCORDS_SORT_PARTIES, /*< nick=parties >*/
  ACCORDS_SORT_STARRED, /*< nick=starred >*/
} AccordsSortKey;

/* Translating between enum values and their ids (the value nicks). The
 * from_string functions return FALSE for an unknown id. */
const char *accords_kind_to_string            (AccordsKind           kind);
gboolean    accords_kind_from_string          (const char           *id,
                                               AccordsKind          *kind);
const char *accords_kind_get_label            (AccordsKind           kind);
const char *accords_date_precision_to_string  (AccordsDatePrecision  precision);
gboolean    accords_date_precision_from_string (const char          *id,
                                                AccordsDatePrecision *precision);
const char *accords_date_qualifier_to_string  (AccordsDateQualifier  qualifier);
gboolean    accords_date_qualifier_from_string (const char          *id,
                                                AccordsDateQualifier *qualifier);
const char *accords_review_to_string          (AccordsReview         review);
gboolean    accords_review_from_string        (const char           *id,
                                               AccordsReview        *review);
const char *accords_origin_to_string          (AccordsOrigin         origin);
gboolean    accords_origin_from_string        (const char           *id,
                                               AccordsOrigin        *origin);

/* TRUE for the types of link between records: same_trip, follow_up_of,
 * implements, renews and part_of. */
gboolean    accords_link_type_is_valid        (const char           *type);

/* Registers the core's GResource (SQL, extraction tables) once. */
void        _accords_core_ensure_resources    (void);

/* Reading an enum id from a file; on failure, the ids that are known. */
gboolean    _accords_enum_from_nick           (GType                 enum_type,
                                               const char           *nick,
                                               int                  *value,
                                               char                **known);

/* Dates as the library writes them, YYYY-MM-DD. */
gsize       _accords_date_scan                (const char           *text,
                                               GDate                *date);
char       *_accords_date_to_iso              (const GDate          *date);

/* The shapes of values in imported files (CSV and JSON). */
gboolean    _accords_is_iso_date              (const char           *text);
gboolean    _accords_is_topic_id              (const char           *text);

G_END_DECLS
