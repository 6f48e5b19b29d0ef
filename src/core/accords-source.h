/* accords-source.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SOURCE (accords_source_get_type ())
G_DECLARE_FINAL_TYPE (AccordsSource, accords_source, ACCORDS, SOURCE, GObject)

/* One report of an event. Properties: "id", "title", "outlet", "url",
 * "published" (ISO date), "language" (ISO 639-1), "file" (base name of the
 * file it was imported from), "text" (the article, "" when none) and
 * "sha256" (hash of the text, NULL when there is no text). Setting "text"
 * recomputes "sha256". */

AccordsSource *accords_source_new           (void);
gint64         accords_source_get_id        (AccordsSource *self);
void           accords_source_set_id        (AccordsSource *self,
                                             gint64         id);
const char    *accords_source_get_title     (AccordsSource *self);
void           accords_source_set_title     (AccordsSource *self,
                                             const char    *title);
const char    *accords_source_get_outlet    (AccordsSource *self);
void           accords_source_set_outlet    (AccordsSource *self,
                                             const char    *outlet);
const char    *accords_source_get_url       (AccordsSource *self);
void           accords_source_set_url       (AccordsSource *self,
                                             const char    *url);
const char    *accords_source_get_published (AccordsSource *self);
void           accords_source_set_published (AccordsSource *self,
                                             const char    *published);
const char    *accords_source_get_language  (AccordsSource *self);
void           accords_source_set_language  (AccordsSource *self,
                                             const char    *language);
const char    *accords_source_get_file      (AccordsSource *self);
void           accords_source_set_file      (AccordsSource *self,
                                             const char    *file);
const char    *accords_source_get_text      (AccordsSource *self);
void           accords_source_set_text      (AccordsSource *self,
                                             const char    *text);
const char    *accords_source_get_sha256    (AccordsSource *self);

G_END_DECLS
