/* accords-json.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

/* The library's own JSON schema, version 1 (DESIGN.md, "The JSON schema"):
 * one object with "format" ("accords-library"), "version" (1), "exported",
 * "query" and "records". */

#define ACCORDS_JSON_FORMAT  "accords-library"
#define ACCORDS_JSON_VERSION 1

#define ACCORDS_JSON_ERROR (accords_json_error_quark ())

typedef enum
{
  ACCORDS_JSON_ERROR_INVALID,       /* not JSON at all: bad syntax, not UTF-8, empty */
  ACCORDS_JSON_ERROR_NOT_A_LIBRARY, /* JSON, but not the library format or a newer version of it */
  ACCORDS_JSON_ERROR_SCHEMA,        /* a library file with a value that breaks the schema */
} AccordsJsonError;

typedef struct _AccordsJsonWriter AccordsJsonWriter;

/* Called with each record read, which it borrows (take a reference to
 * keep it); returns FALSE with @error set to stop the read. */
typedef gboolean (*AccordsJsonRecordFunc) (AccordsRecord  *record,
                                           guint           index,
                                           gpointer        user_data,
                                           GError        **error);

GQuark             accords_json_error_quark       (void);

GPtrArray         *accords_json_read_file         (GFile                  *file,
                                                   GError                **error);
GPtrArray         *accords_json_read_data         (const char             *data,
                                                   gssize                  length,
                                                   const char             *file_name,
                                                   GError                **error);
gboolean           accords_json_read_file_foreach (GFile                  *file,
                                                   AccordsJsonRecordFunc   func,
                                                   gpointer                user_data,
                                                   GError                **error);
gboolean           accords_json_read_data_foreach (const char             *data,
                                                   gssize                  length,
                                                   const char             *file_name,
                                                   AccordsJsonRecordFunc   func,
                                                   gpointer                user_data,
                                                   GError                **error);

AccordsJsonWriter *accords_json_writer_new        (GOutputStream          *out,
                                                   const char             *query,
                                                   GError                **error);
gboolean           accords_json_writer_add_record (AccordsJsonWriter      *writer,
                                                   AccordsRecord          *record,
                                                   GError                **error);
gboolean           accords_json_writer_finish     (AccordsJsonWriter      *writer,
                                                   GError                **error);
void               accords_json_writer_free       (AccordsJsonWriter      *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsJsonWriter, accords_json_writer_free)

G_END_DECLS
