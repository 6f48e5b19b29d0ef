/* accords-cli.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "accords-cli.h"
#include "accords-export.h"
#include "accords-import.h"
#include "accords-paths.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-store.h"

#define LIST_BLOCK 256

/**
 * accords_cli_resolve_library:
 * @database: (nullable): the file named with --database
 * @sample: whether --sample was given
 *
 * Returns: (transfer full): the library file to open, or %NULL with @error
 *   set (the sample collection could not be copied)
 */
char *
accords_cli_resolve_library (const char  *database,
                             gboolean     sample,
                             GError     **error)
{
  if (sample)
    return accords_paths_dup_sample_library (error);

  if (database != NULL)
    return g_strdup (database);

  return accords_paths_dup_default_library ();
}

/* Opens the library the options name, saying why on stderr when it
 * cannot. The user's own library may not exist yet: a writer creates it
 * (with its folder); a reader does not, and gets NULL with *@absent set
 * (and nothing printed) so that it can say what that means for it. */
static AccordsStore *
open_library (const char  *database,
              gboolean     sample,
              gboolean     writable,
              char       **absent)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  AccordsStore *store;

  *absent = NULL;

  path = accords_cli_resolve_library (database, sample, &error);
  if (path == NULL)
    {
      g_printerr ("accords: %s\n", error->message);
      return NULL;
    }

  if (database == NULL && !sample && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!writable)
        {
          *absent = g_steal_pointer (&path);
          return NULL;
        }
      else
        {
          g_autofree char *dir = g_path_get_dirname (path);

          g_mkdir_with_parents (dir, 0700);
        }
    }

  store = writable ? accords_store_open (path, &error)
                   : accords_store_open_read_only (path, &error);
  if (store == NULL)
    g_printerr ("accords: %s\n", error->message);

  return store;
}

/* Parses --query; on failure prints where and why, and returns NULL. */
static AccordsQuery *
parse_query (const char *query_text)
{
  g_autoptr(GError) error = NULL;
  AccordsQuery *query;
  gsize error_start = 0;
  gsize error_end = 0;

  query = accords_query_parse (query_text != NULL ? query_text : "",
                               &error_start, &error_end, &error);
  if (query != NULL)
    return query;

  g_printerr (_("accords: bad query at %u–%u: %s\n"),
              (guint) error_start, (guint) error_end, error->message);
  if (query_text != NULL)
    {
      g_printerr ("  %s\n  %*s", query_text, (int) error_start, "");
      for (gsize i = error_start; i < MAX (error_end, error_start + 1); i++)
        g_printerr ("^");
      g_printerr ("\n");
    }

  return NULL;
}

static void
print_record (GString       *line,
              AccordsRecord *record)
{
  const char * const *parties = accords_record_get_parties (record);
  g_autofree char *codes = g_strjoinv (",", (char **) parties);
  const char *title = accords_record_get_title (record);

  g_string_truncate (line, 0);
  g_string_append_printf (line, "%s\t%s\t%s\t%s\t",
                          accords_record_get_uid (record),
                          accords_record_get_event_date (record) ?: "",
                          codes,
                          accords_kind_to_string (accords_record_get_kind (record)));

  /* One record, one line: a title never breaks the format. */
  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);

  g_string_append_c (line, '\n');
  fputs (line->str, stdout);
}

/**
 * accords_cli_list:
 *
 * `accords --list [--query Q]`: prints one line per matching record,
 * tab-separated: uid, event date, party codes, kind, title.
 *
 * Returns: the exit status
 */
int
accords_cli_list (const char *database,
                  gboolean    sample,
                  const char *query_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *absent = NULL;

  query = parse_query (query_text);
  if (query == NULL)
    return ACCORDS_EXIT_USAGE;

  /* A library that does not exist yet has nothing to list. */
  store = open_library (database, sample, FALSE, &absent);
  if (store == NULL)
    return absent != NULL ? ACCORDS_EXIT_OK : ACCORDS_EXIT_FAILURE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!accords_store_query_ids (store, query, ids, NULL, &error))
    {
      g_printerr ("accords: %s\n", error->message);
      return ACCORDS_EXIT_FAILURE;
    }

  for (guint first = 0; first < ids->len; first += LIST_BLOCK)
    {
      AccordsRecord *records[LIST_BLOCK];
      guint n = MIN (LIST_BLOCK, ids->len - first);

      if (!accords_store_load_list_records (store, &g_array_index (ids, gint64, first),
                                            n, records, &error))
        {
          g_printerr ("accords: %s\n", error->message);
          return ACCORDS_EXIT_FAILURE;
        }

      for (guint i = 0; i < n; i++)
        {
          if (records[i] != NULL)
            print_record (line, records[i]);
          g_clear_object (&records[i]);
        }
    }

  if (fflush (stdout) != 0)
    return ACCORDS_EXIT_FAILURE;

  return ACCORDS_EXIT_OK;
}

/**
 * accords_cli_export:
 * @format_id: csv, json, md, html or ics
 * @output: (nullable): the file to write; standard output when %NULL
 *
 * `accords --export FORMAT [--query Q] [--output FILE]`: writes every
 * record that matches the query. A file is written atomically: when the
 * export fails, nothing is left behind.
 *
 * Returns: the exit status
 */
int
accords_cli_export (const char *database,
                    gboolean    sample,
                    const char *query_text,
                    const char *format_id,
                    const char *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autofree char *absent = NULL;
  AccordsExportFormat format;
  guint64 n_exported = 0;
  gboolean ok;

  if (!accords_export_format_from_string (format_id, &format))
    {
      g_printerr (_("accords: unknown export format “%s” (use csv, json, md, html or ics)\n"),
                  format_id);
      return ACCORDS_EXIT_USAGE;
    }

  query = parse_query (query_text);
  if (query == NULL)
    return ACCORDS_EXIT_USAGE;

  /* Exporting must not create the user's library. */
  store = open_library (database, sample, FALSE, &absent);
  if (store == NULL)
    {
      if (absent != NULL)
        g_printerr (_("accords: there is no library at %s yet\n"), absent);
      return ACCORDS_EXIT_FAILURE;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = accords_export_to_file (store, query, NULL, 0, format,
                                   ACCORDS_EXPORT_OPTION_NONE, file, &n_exported,
                                   NULL, &error);
      if (!ok)
        g_prefix_error (&error, _("Could not write “%s”: "), output);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new_sized (out, 64 * 1024);

      ok = accords_export_run (store, query, NULL, 0, format,
                               ACCORDS_EXPORT_OPTION_NONE, buffered, &n_exported,
                               NULL, &error) &&
           g_output_stream_close (buffered, NULL, &error);
    }

  if (!ok)
    {
      g_printerr ("accords: %s\n", error->message);
      return ACCORDS_EXIT_FAILURE;
    }

  return ACCORDS_EXIT_OK;
}

static void
print_file_outcome (GPtrArray *proposals,
                    guint      first,
                    guint      end)
{
  AccordsImportProposal *proposal = g_ptr_array_index (proposals, first);
  guint counts[ACCORDS_IMPORT_FAILED + 1] = { 0, };

  if (proposal->outcome == ACCORDS_IMPORT_FAILED)
    {
      g_printerr ("accords: %s\n", proposal->error->message);
      return;
    }

  for (guint i = first; i < end; i++)
    {
      AccordsImportProposal *p = g_ptr_array_index (proposals, i);

      counts[p->outcome]++;
    }

  /* repairs made while reading (text that was not UTF-8, say) */
  for (guint i = 0; proposal->notes != NULL && i < proposal->notes->len; i++)
    g_printerr ("accords: %s\n", (const char *) g_ptr_array_index (proposal->notes, i));

  if (end - first == 1 && proposal->outcome == ACCORDS_IMPORT_NEW)
    g_print ("%s: new\n", proposal->path);
  else if (end - first == 1 && proposal->outcome == ACCORDS_IMPORT_MERGED)
    g_print ("%s: merged into %s\n", proposal->path, proposal->target_uid);
  else if (end - first == 1)
    g_print ("%s: duplicate\n", proposal->path);
  else
    /* a CSV or JSON file of several records */
    g_print ("%s: %u new, %u merged, %u duplicate\n", proposal->path,
             counts[ACCORDS_IMPORT_NEW], counts[ACCORDS_IMPORT_MERGED],
             counts[ACCORDS_IMPORT_DUPLICATE]);
}

/**
 * accords_cli_import:
 *
 * `accords --import FILE...`: reads every file, matches it against the
 * library and saves the batch without review, in one transaction. Prints
 * one line per file: "FILE: new", "FILE: merged into UID" or "FILE:
 * duplicate" (a CSV or JSON file of several records gives the counts), and
 * the error of a file that cannot be imported on standard error; then
 * nothing is saved.
 *
 * Returns: the exit status
 */
int
accords_cli_import (const char         *database,
                    gboolean            sample,
                    const char * const *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autofree char *absent = NULL;
  gboolean failed = FALSE;
  guint n_new = 0, n_merged = 0;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("accords: --import needs at least one file\n"));
      return ACCORDS_EXIT_USAGE;
    }

  store = open_library (database, sample, TRUE, &absent);
  if (store == NULL)
    return ACCORDS_EXIT_FAILURE;

  proposals = accords_import_read (files, NULL, NULL, NULL);
  if (!accords_import_match (store, proposals, &error))
    {
      g_printerr ("accords: %s\n", error->message);
      return ACCORDS_EXIT_FAILURE;
    }

  for (guint first = 0; first < proposals->len;)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, first);
      guint end = first + 1;

      while (end < proposals->len &&
             g_strcmp0 (((AccordsImportProposal *) g_ptr_array_index (proposals, end))->path,
                        proposal->path) == 0)
        end++;

      failed |= proposal->outcome == ACCORDS_IMPORT_FAILED;
      print_file_outcome (proposals, first, end);
      first = end;
    }

  if (failed)
    {
      g_printerr (_("accords: nothing was imported\n"));
      return ACCORDS_EXIT_FAILURE;
    }

  if (!accords_import_save (store, proposals, &n_new, &n_merged, &error))
    {
      g_printerr ("accords: %s\n", error->message);
      g_printerr (_("accords: nothing was imported\n"));
      return ACCORDS_EXIT_FAILURE;
    }

  if (fflush (stdout) != 0)
    return ACCORDS_EXIT_FAILURE;

  return ACCORDS_EXIT_OK;
}
