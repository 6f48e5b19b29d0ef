/* accords-store-snapshot.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include "accords-store-private.h"

/* A read snapshot: one deferred transaction around many reads (an
 * export), so that they all see the library as it was when it began, and
 * SQLite takes its shared lock once rather than for every statement. */

/**
 * _accords_store_begin_snapshot:
 * @self: a store
 * @error: return location for a #GError
 *
 * Starts a read transaction, unless one is already open.
 *
 * Returns: %TRUE when a transaction was started, which
 *   _accords_store_end_snapshot() must end; %FALSE otherwise, with @error
 *   set if it failed
 */
gboolean
_accords_store_begin_snapshot (AccordsStore  *self,
                               GError       **error)
{
  sqlite3 *db = _accords_store_get_db (self);
  int rc;

  if (!sqlite3_get_autocommit (db))
    return FALSE;

  rc = sqlite3_exec (db, "BEGIN DEFERRED", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, db, rc, "BEGIN DEFERRED");
      return FALSE;
    }

  return TRUE;
}

/**
 * _accords_store_end_snapshot:
 * @self: a store
 *
 * Ends the read transaction _accords_store_begin_snapshot() started.
 */
void
_accords_store_end_snapshot (AccordsStore *self)
{
  sqlite3 *db = _accords_store_get_db (self);

  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
}
