/* accords-export-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-export.h"

G_BEGIN_DECLS

/* One export in progress. Each format writes into @buffer, which the
 * exporter sends to @out after every record, so that no more than one
 * record's text is ever held. */
typedef struct
{
  GOutputStream        *out;
  AccordsExportOptions  options;
  const char           *query_text; /* NULL or "" for every record */
  GDateTime            *exported;
  guint64               n_records;  /* how many will be written */
  GString              *buffer;
  gpointer              data;       /* the format's own state */
} AccordsExportContext;

typedef struct
{
  gboolean (*begin)  (AccordsExportContext  *ctx,
                      GError               **error);
  /* Returns FALSE with @error set on failure; sets *@skipped when the
   * record has nothing this format can show (an event without a date in
   * a calendar). */
  gboolean (*record) (AccordsExportContext  *ctx,
                      AccordsRecord         *record,
                      gboolean              *skipped,
                      GError               **error);
  gboolean (*finish) (AccordsExportContext  *ctx,
                      GError               **error);
  void     (*clear)  (AccordsExportContext  *ctx);
} AccordsExportWriter;

extern const AccordsExportWriter _accords_export_csv_writer;
extern const AccordsExportWriter _accords_export_json_writer;
extern const AccordsExportWriter _accords_export_markdown_writer;
extern const AccordsExportWriter _accords_export_html_writer;
extern const AccordsExportWriter _accords_export_ics_writer;
extern const AccordsExportWriter _accords_export_text_writer;

/* TRUE when @url is an absolute http or https address. */
gboolean _accords_export_url_is_web (const char *url);

G_END_DECLS
