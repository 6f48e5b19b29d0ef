/* accords-import.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "accords-import.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store-private.h"

/* An import runs in three steps, so that the user can review it:
 *
 *   read   every file → proposals (off the main thread; the extractor runs)
 *   match  each proposal against the library and the batch: new, another
 *          source of a record (merged) or a duplicate (its text is known)
 *   save   all proposals in one transaction: the whole batch or nothing
 */

void
accords_import_proposal_free (AccordsImportProposal *proposal)
{
  if (proposal == NULL)
    return;

  g_free (proposal->path);
  g_free (proposal->file);
  g_clear_pointer (&proposal->article, accords_extraction_free);
  g_clear_object (&proposal->record);
  g_free (proposal->target_uid);
  g_free (proposal->target_title);
  g_clear_error (&proposal->error);
  g_clear_pointer (&proposal->notes, g_ptr_array_unref);
  g_free (proposal);
}

static AccordsImportProposal *
proposal_new (const char *path)
{
  AccordsImportProposal *proposal = g_new0 (AccordsImportProposal, 1);

  proposal->path = g_strdup (path);
  proposal->file = g_path_get_basename (path);
  proposal->notes = g_ptr_array_new_with_free_func (g_free);

  return proposal;
}

static void
copy_notes (AccordsImportProposal *proposal,
            GPtrArray             *notes)
{
  for (guint i = 0; notes != NULL && i < notes->len; i++)
    g_ptr_array_add (proposal->notes, g_strdup (g_ptr_array_index (notes, i)));
}

/**
 * accords_import_read:
 * @paths: files to import
 * @cancellable: (nullable): stops between files
 * @progress: (nullable): called after each file, on the calling thread
 * @user_data: for @progress
 *
 * Reads every file: an article becomes one proposal, a CSV or JSON export
 * one proposal per record, a file that cannot be read one failed proposal
 * that says why. Does not touch any library. Run it off the main thread.
 *
 * Returns: (transfer container) (element-type AccordsImportProposal):
 *   the proposals, in the order of @paths; NULL when cancelled
 */
GPtrArray *
accords_import_read (const char * const        *paths,
                     GCancellable              *cancellable,
                     AccordsImportProgressFunc  progress,
                     gpointer                   user_data)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_import_proposal_free);
  guint total = g_strv_length ((char **) paths);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(AccordsImportFile) file = NULL;
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;

      file = accords_import_read_file (paths[i], cancellable, &error);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return NULL;

      if (file == NULL)
        {
          AccordsImportProposal *proposal = proposal_new (paths[i]);

          proposal->outcome = ACCORDS_IMPORT_FAILED;
          proposal->error = g_steal_pointer (&error);
          g_ptr_array_add (proposals, proposal);
        }
      else if (file->article != NULL)
        {
          AccordsImportProposal *proposal = proposal_new (paths[i]);

          proposal->outcome = ACCORDS_IMPORT_NEW;
          proposal->article = accords_extraction_copy (file->article);
          proposal->record = accords_extraction_to_record (file->article);
          copy_notes (proposal, file->notes);
          g_ptr_array_add (proposals, proposal);
        }
      else
        {
          for (guint j = 0; file->records != NULL && j < file->records->len; j++)
            {
              AccordsImportProposal *proposal = proposal_new (paths[i]);

              proposal->outcome = ACCORDS_IMPORT_NEW;
              proposal->record = g_object_ref (g_ptr_array_index (file->records, j));
              copy_notes (proposal, file->notes);
              g_ptr_array_add (proposals, proposal);
            }
        }

      if (progress != NULL)
        progress (i + 1, total, user_data);
    }

  return g_steal_pointer (&proposals);
}

/* Matching --------------------------------------------------------------- */

static char *
shift_day (const char *iso,
           int         days)
{
  GDate date;

  if (_accords_date_scan (iso, &date) == 0)
    return NULL;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return _accords_date_to_iso (&date);
}

/* The uid and title of the library's record holding a source with this
 * text, if any. */
static gboolean
find_text (AccordsStore  *store,
           const char    *sha256,
           char         **uid,
           char         **title,
           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (store,
                                        "SELECT r.uid, r.title FROM source s JOIN record r ON r.id = s.record_id "
                                        "WHERE s.sha256 = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (store), rc, "source");
      return FALSE;
    }

  return TRUE;
}

static gboolean
find_uid (AccordsStore  *store,
          const char    *uid,
          char         **title,
          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (store, "SELECT title FROM record WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (store), rc, "record");
      return FALSE;
    }

  return TRUE;
}

/* A record of the library that reports the same event as @record: one
 * with every party of @record and a date within ten days (the same-event
 * rule itself is narrower), or with no event date at all. The date index
 * finds the few records of those days (or the undated ones), and each
 * party is checked on the country table's primary key, so this stays
 * cheap in a library of a million records. */
static gboolean
find_same_event (AccordsStore   *store,
                 AccordsRecord  *record,
                 AccordsRecord **found,
                 GError        **error)
{
  const char * const *parties = accords_record_get_parties (record);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) has_parties = g_string_new (NULL);
  g_autofree char *sql = NULL;
  guint n_parties;
  sqlite3_stmt *stmt;
  int rc;

  *found = NULL;

  n_parties = parties != NULL ? g_strv_length ((char **) parties) : 0;
  if (n_parties == 0 || n_parties > 8)
    return TRUE;

  from = shift_day (accords_record_get_known_date (record), -10);
  to = shift_day (accords_record_get_known_date (record), 10);
  if (from == NULL)
    return TRUE;

  for (guint i = 0; i < n_parties; i++)
    g_string_append_printf (has_parties,
                            " AND EXISTS (SELECT 1 FROM record_country c WHERE c.record_id = r.id"
                            " AND c.code = ?%u AND c.role = 'party')", i + 3);
  sql = g_strdup_printf ("SELECT r.id FROM record r WHERE r.event_date BETWEEN ?1 AND ?2%s "
                         "UNION "
                         "SELECT r.id FROM record r WHERE r.event_date IS NULL%s",
                         has_parties->str, has_parties->str);

  /* one statement per number of parties, kept by the store */
  stmt = _accords_store_prepare_cached (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < n_parties; i++)
    sqlite3_bind_text (stmt, i + 3, parties[i], -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (store), rc, "record");
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AccordsRecord) candidate = accords_store_load_record (store, g_array_index (ids, gint64, i), error);

      if (candidate == NULL)
        return FALSE;

      if (accords_records_same_event (record, candidate))
        {
          *found = g_steal_pointer (&candidate);
          return TRUE;
        }
    }

  return TRUE;
}

static const char *
first_sha256 (AccordsRecord *record)
{
  GListModel *sources = accords_record_get_sources (record);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);

      if (accords_source_get_sha256 (source) != NULL)
        return accords_source_get_sha256 (source);
    }

  return NULL;
}

static void
set_target (AccordsImportProposal *proposal,
            AccordsImportOutcome   outcome,
            const char            *uid,
            const char            *title)
{
  proposal->outcome = outcome;
  g_free (proposal->target_uid);
  proposal->target_uid = g_strdup (uid);
  g_free (proposal->target_title);
  proposal->target_title = g_strdup (title);
}

/* An earlier proposal of the batch that this one repeats or joins. */
static gboolean
match_in_batch (GPtrArray             *proposals,
                guint                  index,
                AccordsImportProposal *proposal)
{
  const char *sha256 = first_sha256 (proposal->record);
  const char *uid = accords_record_get_uid (proposal->record);

  for (guint i = 0; i < index; i++)
    {
      AccordsImportProposal *earlier = g_ptr_array_index (proposals, i);
      const char *earlier_uid;

      if (earlier->excluded || earlier->outcome == ACCORDS_IMPORT_FAILED ||
          earlier->outcome == ACCORDS_IMPORT_DUPLICATE)
        continue;

      earlier_uid = earlier->outcome == ACCORDS_IMPORT_NEW
                    ? accords_record_get_uid (earlier->record) : earlier->target_uid;

      if ((sha256 != NULL && g_strcmp0 (sha256, first_sha256 (earlier->record)) == 0) ||
          (uid != NULL && g_strcmp0 (uid, accords_record_get_uid (earlier->record)) == 0))
        {
          set_target (proposal, ACCORDS_IMPORT_DUPLICATE, earlier_uid,
                      earlier->outcome == ACCORDS_IMPORT_NEW
                      ? accords_record_get_title (earlier->record) : earlier->target_title);
          return TRUE;
        }

      if (proposal->article != NULL && earlier->outcome == ACCORDS_IMPORT_NEW &&
          accords_records_same_event (proposal->record, earlier->record))
        {
          set_target (proposal, ACCORDS_IMPORT_MERGED, earlier_uid,
                      accords_record_get_title (earlier->record));
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * accords_import_match:
 * @store: the library
 * @proposals: (element-type AccordsImportProposal): from accords_import_read()
 *
 * Decides what each proposal does: a text already in the library (or
 * earlier in the batch) is a duplicate; a record whose uid is in the
 * library is a duplicate; an article reporting an event the library (or
 * the batch) already has becomes another source of that record; anything
 * else is new, and gets its uid now so that later proposals can name it.
 * Can run again after the review edited a proposal.
 *
 * Returns: %TRUE unless the library could not be read
 */
gboolean
accords_import_match (AccordsStore  *store,
                      GPtrArray     *proposals,
                      GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  for (guint i = 0; i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);
      const char *sha256;
      const char *uid;
      g_autofree char *found_uid = NULL;
      g_autofree char *found_title = NULL;
      g_autoptr(AccordsRecord) same = NULL;

      if (proposal->outcome == ACCORDS_IMPORT_FAILED)
        continue;

      set_target (proposal, ACCORDS_IMPORT_NEW, NULL, NULL);
      if (proposal->excluded)
        continue;

      sha256 = first_sha256 (proposal->record);
      uid = accords_record_get_uid (proposal->record);

      if (sha256 != NULL && !find_text (store, sha256, &found_uid, &found_title, error))
        return FALSE;
      if (found_uid == NULL && uid != NULL && proposal->article == NULL)
        {
          if (!find_uid (store, uid, &found_title, error))
            return FALSE;
          if (found_title != NULL)
            found_uid = g_strdup (uid);
        }

      if (found_uid != NULL)
        {
          set_target (proposal, ACCORDS_IMPORT_DUPLICATE, found_uid, found_title);
          continue;
        }

      if (match_in_batch (proposals, i, proposal))
        continue;

      if (proposal->article != NULL)
        {
          if (!find_same_event (store, proposal->record, &same, error))
            return FALSE;
          if (same != NULL)
            {
              set_target (proposal, ACCORDS_IMPORT_MERGED,
                          accords_record_get_uid (same), accords_record_get_title (same));
              continue;
            }
        }

      if (accords_record_get_uid (proposal->record) == NULL)
        {
          g_autofree char *new_uid = accords_store_make_uid ();

          accords_record_set_uid (proposal->record, new_uid);
        }
    }

  return TRUE;
}

/* Saving ----------------------------------------------------------------- */

/**
 * accords_import_save:
 * @store: the library, writable
 * @proposals: (element-type AccordsImportProposal): matched proposals
 * @n_new: (out) (optional): records added
 * @n_merged: (out) (optional): sources added to records
 *
 * Saves every proposal not excluded, in one transaction: either the whole
 * batch is in the library afterwards, or nothing changed. A batch with a
 * failed proposal (not excluded) is refused.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_import_save (AccordsStore  *store,
                     GPtrArray     *proposals,
                     guint         *n_new,
                     guint         *n_merged,
                     GError       **error)
{
  g_autofree char *now = _accords_store_now_iso ();
  guint added = 0, merged = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORDS_IS_STORE (store), FALSE);
  g_return_val_if_fail (proposals != NULL, FALSE);

  for (guint i = 0; i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);

      if (!proposal->excluded && proposal->outcome == ACCORDS_IMPORT_FAILED)
        {
          g_set_error (error, ACCORDS_IMPORT_ERROR, proposal->error->code,
                       _("Nothing was imported: %s"), proposal->error->message);
          return FALSE;
        }
    }

  if (!_accords_store_begin (store, error))
    return FALSE;

  for (guint i = 0; ok && i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);

      if (proposal->excluded)
        continue;

      if (proposal->outcome == ACCORDS_IMPORT_NEW)
        {
          if (accords_record_get_title (proposal->record) == NULL ||
              accords_record_get_title (proposal->record)[0] == '\0')
            accords_record_set_title (proposal->record, proposal->file);
          ok = _accords_store_insert_one (store, proposal->record, now, error);
          added += ok;
        }
      else if (proposal->outcome == ACCORDS_IMPORT_MERGED)
        {
          g_autoptr(AccordsRecord) target = accords_store_load_record_by_uid (store, proposal->target_uid, error);

          ok = target != NULL && _accords_store_merge_into (store, target, proposal->record, TRUE, now, error);
          merged += ok;
        }

      if (!ok)
        g_prefix_error (error, "%s: ", proposal->file);
    }

  if (!_accords_store_end (store, ok, ok ? error : NULL))
    {
      /* ids handed out in a rolled-back transaction do not exist */
      for (guint i = 0; i < proposals->len; i++)
        {
          AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);

          if (proposal->record != NULL)
            accords_record_set_id (proposal->record, 0);
        }
      return FALSE;
    }

  if (n_new != NULL)
    *n_new = added;
  if (n_merged != NULL)
    *n_merged = merged;

  return TRUE;
}
