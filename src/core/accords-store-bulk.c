/* accords-store-bulk.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store-bulk"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-store-private.h"

/* Upkeep after large imports. */

/**
 * _accords_store_optimize:
 * @self: a writable store
 *
 * Brings the planner's statistics up to date (ANALYZE: PERF-FLOOR.md's
 * plans were all chosen with sqlite_stat1 present), merges the full-text
 * index into one segment (a fragmented index makes per-row MATCH probes
 * several times slower) and folds the WAL back into the file. Takes
 * seconds at a million records; meant for after a bulk import.
 *
 * Returns: %TRUE on success
 */
gboolean
_accords_store_optimize (AccordsStore  *self,
                         GError       **error)
{
  sqlite3 *db;
  char *message = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (accords_store_get_read_only (self))
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN,
                           _("The library is open read-only"));
      return FALSE;
    }

  db = _accords_store_get_db (self);

  rc = sqlite3_exec (db,
                     "ANALYZE;"
                     "INSERT INTO record_fts (record_fts) VALUES ('optimize');"
                     "PRAGMA wal_checkpoint (TRUNCATE);",
                     NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_SQL,
                   "optimize: %s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}
