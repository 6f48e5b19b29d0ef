/* accords-record.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_RECORD (accords_record_get_type ())
G_DECLARE_FINAL_TYPE (AccordsRecord, accords_record, ACCORDS, RECORD, GObject)

/* A record is one cooperation event. Every field is a property (kebab-case
 * of the getter's name); list fields are GStrv or GListModel. A record made
 * by a record list carries only what a list row shows (id, uid, title, kind,
 * dates, parties, topics, starred); accords_store_load_record() fills all. */

AccordsRecord        *accords_record_new                  (void);

gint64                accords_record_get_id               (AccordsRecord        *self);
void                  accords_record_set_id               (AccordsRecord        *self,
                                                           gint64                id);
const char           *accords_record_get_uid              (AccordsRecord        *self);
void                  accords_record_set_uid              (AccordsRecord        *self,
                                                           const char           *uid);
const char           *accords_record_get_title            (AccordsRecord        *self);
void                  accords_record_set_title            (AccordsRecord        *self,
                                                           const char           *title);
AccordsKind           accords_record_get_kind             (AccordsRecord        *self);
void                  accords_record_set_kind             (AccordsRecord        *self,
                                                           AccordsKind           kind);
const char           *accords_record_get_event_date       (AccordsRecord        *self);
void                  accords_record_set_event_date       (AccordsRecord        *self,
                                                           const char           *event_date);
const char           *accords_record_get_event_end        (AccordsRecord        *self);
void                  accords_record_set_event_end        (AccordsRecord        *self,
                                                           const char           *event_end);
AccordsDatePrecision  accords_record_get_date_precision   (AccordsRecord        *self);
void                  accords_record_set_date_precision   (AccordsRecord        *self,
                                                           AccordsDatePrecision  precision);
AccordsDateQualifier  accords_record_get_date_qualifier   (AccordsRecord        *self);
void                  accords_record_set_date_qualifier   (AccordsRecord        *self,
                                                           AccordsDateQualifier  qualifier);
const char           *accords_record_get_date_as_reported (AccordsRecord        *self);
void                  accords_record_set_date_as_reported (AccordsRecord        *self,
                                                           const char           *date_as_reported);
const char           *accords_record_get_venue_city       (AccordsRecord        *self);
void                  accords_record_set_venue_city       (AccordsRecord        *self,
                                                           const char           *venue_city);
const char           *accords_record_get_venue_country    (AccordsRecord        *self);
void                  accords_record_set_venue_country    (AccordsRecord        *self,
                                                           const char           *venue_country);
const char           *accords_record_get_venue_forum      (AccordsRecord        *self);
void                  accords_record_set_venue_forum      (AccordsRecord        *self,
                                                           const char           *venue_forum);
gboolean              accords_record_get_venue_virtual    (AccordsRecord        *self);
void                  accords_record_set_venue_virtual    (AccordsRecord        *self,
                                                           gboolean              venue_virtual);
const char           *accords_record_get_summary          (AccordsRecord        *self);
void                  accords_record_set_summary          (AccordsRecord        *self,
                                                           const char           *summary);
AccordsOrigin         accords_record_get_origin           (AccordsRecord        *self);
void                  accords_record_set_origin           (AccordsRecord        *self,
                                                           AccordsOrigin         origin);
const char           *accords_record_get_created          (AccordsRecord        *self);
void                  accords_record_set_created          (AccordsRecord        *self,
                                                           const char           *created);
const char           *accords_record_get_modified         (AccordsRecord        *self);
void                  accords_record_set_modified         (AccordsRecord        *self,
                                                           const char           *modified);
gboolean              accords_record_get_starred          (AccordsRecord        *self);
void                  accords_record_set_starred          (AccordsRecord        *self,
                                                           gboolean              starred);

/* NULL-terminated; never NULL (an empty list is an empty array). */
const char           *accords_record_get_known_date      (AccordsRecord        *self);
const char * const   *accords_record_get_tags             (AccordsRecord        *self);
void                  accords_record_set_tags             (AccordsRecord        *self,
                                                           const char * const   *tags);
const char * const   *accords_record_get_parties          (AccordsRecord        *self);
void                  accords_record_set_parties          (AccordsRecord        *self,
                                                           const char * const   *parties);
const char * const   *accords_record_get_mentioned        (AccordsRecord        *self);
void                  accords_record_set_mentioned        (AccordsRecord        *self,
                                                           const char * const   *mentioned);
const char * const   *accords_record_get_topics           (AccordsRecord        *self);
void                  accords_record_set_topics           (AccordsRecord        *self,
                                                           const char * const   *topics);
const char * const   *accords_record_get_organizations    (AccordsRecord        *self);
void                  accords_record_set_organizations    (AccordsRecord        *self,
                                                           const char * const   *organizations);

/* GListModel of AccordsPerson / AccordsFigure / AccordsSource; never NULL. */
GListModel           *accords_record_get_people           (AccordsRecord        *self);
GListModel           *accords_record_get_figures          (AccordsRecord        *self);
GListModel           *accords_record_get_sources          (AccordsRecord        *self);
void                  accords_record_add_person           (AccordsRecord        *self,
                                                           AccordsPerson        *person);
void                  accords_record_add_figure           (AccordsRecord        *self,
                                                           AccordsFigure        *figure);
void                  accords_record_add_source           (AccordsRecord        *self,
                                                           AccordsSource        *source);

/* Typed links to other records (type is one of same_trip, follow_up_of,
 * implements, renews, part_of). */
guint                 accords_record_get_n_links          (AccordsRecord        *self);
void                  accords_record_get_link             (AccordsRecord        *self,
                                                           guint                 position,
                                                           const char          **type,
                                                           const char          **uid);
void                  accords_record_add_link             (AccordsRecord        *self,
                                                           const char           *type,
                                                           const char           *uid);

/* The annotation, or NULL when the record has none (or it was not loaded). */
AccordsAnnotation    *accords_record_get_annotation       (AccordsRecord        *self);
void                  accords_record_set_annotation       (AccordsRecord        *self,
                                                           AccordsAnnotation    *annotation);

G_END_DECLS
