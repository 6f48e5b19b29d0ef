/* accords-export.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "accords-export-private.h"
#include "accords-json.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-store.h"
#include "accords-store-private.h"

/* Exports stream: the records are loaded a block at a time, written and
 * dropped, so memory does not grow with the number of records. The ids of
 * a query are read from it block by block too, except for the briefings,
 * whose header counts the records first, and selections, which are given
 * (8 bytes a record). */

/* Ids are sorted by date in blocks of this many list rows. */
#define SORT_BLOCK 256

/* Records are loaded whole in blocks of this many: one statement per
 * table for the block (PERF-FLOOR.md: blocks of 256 cost 3.5× less per
 * row than point lookups). */
#define LOAD_BLOCK 256

G_DEFINE_QUARK (accords-export-error-quark, accords_export_error)

static const struct
{
  const char *id;
  const char *label;
  const char *mime_type;
  const AccordsExportWriter *writer;
  gboolean by_date;
  gboolean counts; /* its header says how many records follow */
} formats[] = {
  [ACCORDS_EXPORT_FORMAT_CSV] = { "csv", N_("CSV spreadsheet"), "text/csv",
                                  &_accords_export_csv_writer, FALSE, FALSE },
  [ACCORDS_EXPORT_FORMAT_JSON] = { "json", N_("Accords library (JSON)"), "application/json",
                                   &_accords_export_json_writer, FALSE, FALSE },
  [ACCORDS_EXPORT_FORMAT_MARKDOWN] = { "md", N_("Markdown briefing"), "text/markdown",
                                       &_accords_export_markdown_writer, TRUE, TRUE },
  [ACCORDS_EXPORT_FORMAT_HTML] = { "html", N_("HTML briefing"), "text/html",
                                   &_accords_export_html_writer, TRUE, TRUE },
  [ACCORDS_EXPORT_FORMAT_ICS] = { "ics", N_("iCalendar"), "text/calendar",
                                  &_accords_export_ics_writer, TRUE, FALSE },
  [ACCORDS_EXPORT_FORMAT_TEXT] = { "txt", N_("Plain text"), "text/plain",
                                   &_accords_export_text_writer, TRUE, FALSE },
};

/**
 * accords_export_format_from_string:
 * @id: a format id: csv, json, md, html or ics
 * @format: (out): the format
 *
 * Returns: %TRUE if @id names a format
 */
gboolean
accords_export_format_from_string (const char          *id,
                                   AccordsExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (id, formats[i].id) == 0)
        {
          *format = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * accords_export_format_to_string:
 *
 * Returns: the id of @format, which is also its file extension
 */
const char *
accords_export_format_to_string (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].id;
}

/**
 * accords_export_format_get_label:
 *
 * Returns: the translated name of @format, for a file chooser
 */
const char *
accords_export_format_get_label (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return g_dgettext (GETTEXT_PACKAGE, formats[format].label);
}

/**
 * accords_export_format_get_mime_type:
 *
 * Returns: the media type of what @format writes
 */
const char *
accords_export_format_get_mime_type (AccordsExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);

  return formats[format].mime_type;
}

gboolean
_accords_export_url_is_web (const char *url)
{
  const char *scheme;

  if (url == NULL)
    return FALSE;

  scheme = g_uri_peek_scheme (url);

  return g_strcmp0 (scheme, "http") == 0 || g_strcmp0 (scheme, "https") == 0;
}

/* JSON: the library's own writer. */

static gboolean
json_begin (AccordsExportContext  *ctx,
            GError               **error)
{
  ctx->data = accords_json_writer_new (ctx->out, ctx->query_text, error);

  return ctx->data != NULL;
}

static gboolean
json_record (AccordsExportContext  *ctx,
             AccordsRecord         *record,
             gboolean              *skipped,
             GError               **error)
{
  return accords_json_writer_add_record (ctx->data, record, error);
}

static gboolean
json_finish (AccordsExportContext  *ctx,
             GError               **error)
{
  return accords_json_writer_finish (ctx->data, error);
}

static void
json_clear (AccordsExportContext *ctx)
{
  g_clear_pointer (&ctx->data, accords_json_writer_free);
}

const AccordsExportWriter _accords_export_json_writer = {
  json_begin, json_record, json_finish, json_clear,
};

typedef struct
{
  gint64 id;
  char date[11];
} DatedId;

static int
compare_dated_ids (gconstpointer a,
                   gconstpointer b)
{
  const DatedId *da = a;
  const DatedId *db = b;
  int result = strcmp (da->date, db->date);

  if (result != 0)
    return result;

  return (da->id > db->id) - (da->id < db->id);
}

/* A selection comes in the order it was made; briefings and calendars
 * list by date, oldest first, records without a date last. */
static gboolean
sort_ids_by_date (AccordsStore  *store,
                  GArray        *ids,
                  GError       **error)
{
  g_autoptr(GArray) dated = g_array_sized_new (FALSE, FALSE, sizeof (DatedId), ids->len);

  for (guint first = 0; first < ids->len; first += SORT_BLOCK)
    {
      AccordsRecord *records[SORT_BLOCK];
      guint n = MIN (SORT_BLOCK, ids->len - first);

      if (!accords_store_load_list_records (store, &g_array_index (ids, gint64, first),
                                            n, records, error))
        return FALSE;

      for (guint i = 0; i < n; i++)
        {
          DatedId item = { g_array_index (ids, gint64, first + i), "~" };

          if (records[i] != NULL && accords_record_get_event_date (records[i]) != NULL)
            g_strlcpy (item.date, accords_record_get_event_date (records[i]), sizeof item.date);

          g_array_append_val (dated, item);
          g_clear_object (&records[i]);
        }
    }

  g_array_sort (dated, compare_dated_ids);

  for (guint i = 0; i < dated->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (dated, DatedId, i).id;

  return TRUE;
}

static void
clear_records (AccordsRecord **records,
               guint          *n_records)
{
  for (guint i = 0; i < *n_records; i++)
    g_clear_object (&records[i]);
  *n_records = 0;
}

static gboolean flush_buffer (AccordsExportContext  *ctx,
                              GCancellable          *cancellable,
                              GError               **error);

/* Loads the records of @ids (at most LOAD_BLOCK) and writes them. */
static gboolean
write_block (AccordsStore               *store,
             const AccordsExportWriter  *writer,
             AccordsExportContext       *ctx,
             const gint64               *ids,
             guint                       n_ids,
             guint64                    *n_written,
             GCancellable               *cancellable,
             GError                    **error)
{
  AccordsRecord *records[LOAD_BLOCK];
  guint n_loaded = 0;
  gboolean ok = FALSE;

  g_assert (n_ids <= LOAD_BLOCK);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!_accords_store_load_records (store, ids, n_ids, records, error))
    return FALSE;
  n_loaded = n_ids;

  for (guint i = 0; i < n_ids; i++)
    {
      gboolean skipped = FALSE;

      if (!writer->record (ctx, records[i], &skipped, error))
        {
          g_prefix_error (error, _("Could not export the record “%s”: "),
                          accords_record_get_uid (records[i]));
          goto out;
        }

      if (!flush_buffer (ctx, cancellable, error))
        goto out;

      if (!skipped)
        (*n_written)++;
    }

  ok = TRUE;

out:
  clear_records (records, &n_loaded);

  return ok;
}

static gboolean
flush_buffer (AccordsExportContext  *ctx,
              GCancellable          *cancellable,
              GError               **error)
{
  if (ctx->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (ctx->out, ctx->buffer->str, ctx->buffer->len,
                                  NULL, cancellable, error))
    return FALSE;

  g_string_truncate (ctx->buffer, 0);

  return TRUE;
}

/**
 * accords_export_run:
 * @store: the library
 * @query: (nullable): the query the records match; with @ids %NULL, every
 *   record that matches it is exported, in its order (by date for the
 *   briefings and the calendar); its text goes into the briefing's header
 * @ids: (nullable) (array length=n_ids): the records to export (a
 *   selection), instead of all that match @query
 * @n_ids: the number of @ids
 * @format: what to write
 * @options: options of the format
 * @out: the stream to write to; it is flushed, never closed
 * @n_exported: (out) (optional): how many records were written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the records to @out a block at a time: the records of a block
 * are loaded in full, written and dropped.
 *
 * Returns: %TRUE on success, %FALSE with @error set (in the
 *   %ACCORDS_EXPORT_ERROR, %ACCORDS_STORE_ERROR or %G_IO_ERROR domain)
 */
gboolean
accords_export_run (AccordsStore          *store,
                    AccordsQuery          *query,
                    const gint64          *ids,
                    guint                  n_ids,
                    AccordsExportFormat    format,
                    AccordsExportOptions   options,
                    GOutputStream         *out,
                    guint64               *n_exported,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(GArray) all_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) buffer = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) snapshot_error = NULL;
  g_autofree char *query_text = NULL;
  const AccordsExportWriter *writer;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AccordsExportContext ctx = { 0 };
  guint64 n_written = 0;
  gboolean snapshot;
  gboolean ok = FALSE;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (query == NULL || ACCORDS_IS_QUERY (query), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = formats[format].writer;

  /* One snapshot for the whole export: the records are written as they
   * were when it began, even if the library changes meanwhile. */
  snapshot = _accords_store_begin_snapshot (store, &snapshot_error);
  if (snapshot_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&snapshot_error));
      return FALSE;
    }

  if (query != NULL && !accords_query_is_empty (query))
    query_text = accords_query_to_string (query);

  ctx.out = out;
  ctx.options = options;
  ctx.query_text = query_text;
  ctx.exported = now;
  ctx.buffer = buffer;

  if (ids == NULL)
    {
      g_autoptr(AccordsQuery) ordered = query != NULL ? accords_query_copy (query)
                                                      : accords_query_new ();

      if (formats[format].by_date)
        accords_query_set_sort (ordered, ACCORDS_SORT_DATE, FALSE);

      if (!formats[format].counts)
        {
          /* The ids are streamed from the query a block at a time, so
           * that not even they grow with the number of records. */
          stmt = _accords_store_prepare_query_ids (store, ordered, error);
          if (stmt == NULL)
            goto out;
        }
      else if (!accords_store_query_ids (store, ordered, all_ids, cancellable, error))
        {
          goto out;
        }
    }
  else
    {
      g_array_append_vals (all_ids, ids, n_ids);
      if (formats[format].by_date && !sort_ids_by_date (store, all_ids, error))
        goto out;
    }

  ctx.n_records = all_ids->len;

  if (!writer->begin (&ctx, error) || !flush_buffer (&ctx, cancellable, error))
    goto out;

  if (stmt != NULL)
    {
      gint64 block[LOAD_BLOCK];
      gboolean done = FALSE;

      while (!done)
        {
          int n = _accords_store_step_ids (store, stmt, block, LOAD_BLOCK, &done,
                                           cancellable, error);

          if (n < 0 ||
              !write_block (store, writer, &ctx, block, n, &n_written, cancellable, error))
            goto out;
        }
    }
  else
    {
      for (guint first = 0; first < all_ids->len; first += LOAD_BLOCK)
        {
          guint n = MIN (LOAD_BLOCK, all_ids->len - first);

          if (!write_block (store, writer, &ctx, &g_array_index (all_ids, gint64, first), n,
                            &n_written, cancellable, error))
            goto out;
        }
    }

  if (!writer->finish (&ctx, error) ||
      !flush_buffer (&ctx, cancellable, error) ||
      !g_output_stream_flush (out, cancellable, error))
    goto out;

  ok = TRUE;

  if (n_exported != NULL)
    *n_exported = n_written;

out:
  writer->clear (&ctx);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (snapshot)
    _accords_store_end_snapshot (store);

  return ok;
}

/**
 * accords_export_to_file:
 * @file: the file to write
 *
 * Like accords_export_run(), into @file, atomically: g_file_replace()
 * writes a temporary file and renames it into place when the export is
 * complete. On failure @file is as it was before (and absent if it was
 * absent).
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
accords_export_to_file (AccordsStore          *store,
                        AccordsQuery          *query,
                        const gint64          *ids,
                        guint                  n_ids,
                        AccordsExportFormat    format,
                        AccordsExportOptions   options,
                        GFile                 *file,
                        guint64               *n_exported,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GCancellable) abort = NULL;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  existed = g_file_query_exists (file, cancellable);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;

  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (stream), 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (buffered), FALSE);

  if (accords_export_run (store, query, ids, n_ids, format, options, buffered,
                          n_exported, cancellable, error) &&
      g_output_stream_close (buffered, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return TRUE;

  /* Closing with a cancelled cancellable makes GIO drop its temporary
   * file instead of renaming it into place. A file that did not exist
   * was written in place: remove what there is of it. */
  abort = g_cancellable_new ();
  g_cancellable_cancel (abort);
  g_output_stream_close (buffered, abort, NULL);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);

  if (!existed)
    g_file_delete (file, NULL, NULL);

  return FALSE;
}
