/* accords-import-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-import.h"

G_BEGIN_DECLS

/* TRUE when the first line of @data is a header row of the CSV that
 * `accords --export csv` writes (every cell one of its column names):
 * how a file whose extension says nothing is recognised as CSV. */
gboolean   _accords_import_csv_sniff (const char    *data,
                                      gsize          length);

/* Reads @data, valid UTF-8 without a byte-order mark, as CSV in the
 * export's columns. Errors are in ACCORDS_IMPORT_ERROR_CSV and start
 * with "@file_name:LINE:"; a cancelled read fails with
 * G_IO_ERROR_CANCELLED. Repairs are added to @notes (translated strings).
 *
 * Returns: (transfer full) (element-type AccordsRecord): the records, in
 *   the order of the file, each with origin import; %NULL on error */
GPtrArray *_accords_import_read_csv  (const char    *data,
                                      gsize          length,
                                      const char    *file_name,
                                      GPtrArray     *notes,
                                      GCancellable  *cancellable,
                                      GError       **error);

G_END_DECLS
