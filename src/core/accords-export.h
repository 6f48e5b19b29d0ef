/* accords-export.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_EXPORT_ERROR (accords_export_error_quark ())

typedef enum
{
  ACCORDS_EXPORT_ERROR_UNKNOWN_FORMAT, /* a format id we do not know */
  ACCORDS_EXPORT_ERROR_FAILED,         /* the records could not be read or written */
} AccordsExportError;

/**
 * AccordsExportFormat:
 *
 * What an export writes. The nick is the id the command line takes
 * (`accords --export csv`) and the usual file extension. Plain text
 * (the records as the clipboard has them) has no header.
 */
typedef enum
{
  ACCORDS_EXPORT_FORMAT_CSV,      /*< nick=csv >*/
  ACCORDS_EXPORT_FORMAT_JSON,     /*< nick=json >*/
  ACCORDS_EXPORT_FORMAT_MARKDOWN, /*< nick=md >*/
  ACCORDS_EXPORT_FORMAT_HTML,     /*< nick=html >*/
  ACCORDS_EXPORT_FORMAT_ICS,      /*< nick=ics >*/
  ACCORDS_EXPORT_FORMAT_TEXT,     /*< nick=txt >*/
} AccordsExportFormat;

/**
 * AccordsExportOptions:
 * @ACCORDS_EXPORT_OPTION_NONE: the defaults
 * @ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS: write CSV cells that start with
 *   `=`, `+`, `-`, `@`, tab or carriage return as they are, instead of
 *   making them inert with a leading apostrophe
 */
typedef enum
{
  ACCORDS_EXPORT_OPTION_NONE              = 0,
  ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS = 1 << 0,
} AccordsExportOptions;

GQuark       accords_export_error_quark          (void);

gboolean     accords_export_format_from_string   (const char            *id,
                                                  AccordsExportFormat   *format);
const char  *accords_export_format_to_string     (AccordsExportFormat    format);
const char  *accords_export_format_get_label     (AccordsExportFormat    format);
const char  *accords_export_format_get_mime_type (AccordsExportFormat    format);

gboolean     accords_export_run                  (AccordsStore          *store,
                                                  AccordsQuery          *query,
                                                  const gint64          *ids,
                                                  guint                  n_ids,
                                                  AccordsExportFormat    format,
                                                  AccordsExportOptions   options,
                                                  GOutputStream         *out,
                                                  guint64               *n_exported,
                                                  GCancellable          *cancellable,
                                                  GError               **error);
gboolean     accords_export_to_file              (AccordsStore          *store,
                                                  AccordsQuery          *query,
                                                  const gint64          *ids,
                                                  guint                  n_ids,
                                                  AccordsExportFormat    format,
                                                  AccordsExportOptions   options,
                                                  GFile                 *file,
                                                  guint64               *n_exported,
                                                  GCancellable          *cancellable,
                                                  GError               **error);

G_END_DECLS
