/* accords-store-annotations.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-store-private.h"
#include "accords-tag.h"

/* The user's own work: notes, stars, review states and tags. Every call is
 * one transaction, and every change it makes to a record is written to the
 * history table (what, old value, new value, when) in that transaction. */

typedef gboolean (*EditFunc) (AccordsStore  *self,
                              gint64         record_id,
                              const char    *uid,
                              gpointer       data,
                              const char    *now,
                              GError       **error);

static gboolean
step_done (AccordsStore  *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "annotation");
      return FALSE;
    }

  return TRUE;
}

static char *
dup_text (AccordsStore  *self,
          const char    *sql,
          gint64         record_id,
          gboolean      *found,
          GError       **error)
{
  sqlite3_stmt *stmt = _accords_store_prepare_cached (self, sql, error);
  char *text = NULL;
  int rc;

  *found = FALSE;
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, record_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *found = TRUE;
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    _accords_store_set_error (error, _accords_store_get_db (self), rc, "annotation");

  return text;
}

gboolean
_accords_store_add_history (AccordsStore  *self,
                            const char    *uid,
                            const char    *what,
                            const char    *old_value,
                            const char    *new_value,
                            const char    *now,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO history (record_uid, what, old_value, new_value, changed) "
                                        "VALUES (?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, what, -1, SQLITE_STATIC);
  if (old_value != NULL)
    sqlite3_bind_text (stmt, 3, old_value, -1, SQLITE_TRANSIENT);
  if (new_value != NULL)
    sqlite3_bind_text (stmt, 4, new_value, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, error);
}

/* The annotation row exists afterwards, with its modified time set. */
static gboolean
touch_annotation (AccordsStore  *self,
                  gint64         record_id,
                  const char    *now,
                  GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO annotation (record_id, modified) VALUES (?, ?) "
                                        "ON CONFLICT (record_id) DO UPDATE SET modified = excluded.modified",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);

  return step_done (self, stmt, error);
}

static char *
dup_tags_text (AccordsStore  *self,
               gint64         record_id,
               GError       **error)
{
  gboolean found;
  char *text;

  text = dup_text (self,
                   "SELECT group_concat (name, ', ') FROM "
                   "(SELECT t.name AS name FROM record_tag rt JOIN tag t ON t.id = rt.tag_id "
                   "WHERE rt.record_id = ? ORDER BY t.name COLLATE NOCASE)",
                   record_id, &found, error);

  return text != NULL ? text : g_strdup ("");
}

/* Runs @func for every record of @ids in one transaction; a record that is
 * not in the library fails the whole call. */
static gboolean
edit_records (AccordsStore  *self,
              const gint64  *ids,
              guint          n_ids,
              EditFunc       func,
              gpointer       data,
              GError       **error)
{
  g_autofree char *now = _accords_store_now_iso ();
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!_accords_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < n_ids; i++)
    {
      g_autofree char *uid = NULL;
      gboolean found;

      uid = dup_text (self, "SELECT uid FROM record WHERE id = ?", ids[i], &found, error);
      if (!found)
        {
          if (error == NULL || *error == NULL)
            g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                         _("There is no record %" G_GINT64_FORMAT " in the library"), ids[i]);
          ok = FALSE;
          break;
        }

      ok = func (self, ids[i], uid, data, now, error);
    }

  return _accords_store_end (self, ok, ok ? error : NULL);
}

static gboolean
edit_note (AccordsStore  *self,
           gint64         record_id,
           const char    *uid,
           gpointer       data,
           const char    *now,
           GError       **error)
{
  const char *note = data;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  old = dup_text (self, "SELECT note FROM annotation WHERE record_id = ?", record_id, &found, error);
  if (g_strcmp0 (old != NULL ? old : "", note) == 0)
    return TRUE;

  if (!touch_annotation (self, record_id, now, error))
    return FALSE;

  stmt = _accords_store_prepare_cached (self, "UPDATE annotation SET note = ? WHERE record_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return step_done (self, stmt, error) &&
         _accords_store_add_history (self, uid, "note", old != NULL ? old : "", note, now, error);
}

static gboolean
edit_starred (AccordsStore  *self,
              gint64         record_id,
              const char    *uid,
              gpointer       data,
              const char    *now,
              GError       **error)
{
  const char *starred = GPOINTER_TO_INT (data) ? "1" : "0";
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  old = dup_text (self, "SELECT starred FROM annotation WHERE record_id = ?",
                  record_id, &found, error);
  if (g_strcmp0 (old != NULL ? old : "0", starred) == 0)
    return TRUE;

  if (!touch_annotation (self, record_id, now, error))
    return FALSE;

  stmt = _accords_store_prepare_cached (self, "UPDATE annotation SET starred = ? WHERE record_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (data) ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return step_done (self, stmt, error) &&
         _accords_store_add_history (self, uid, "starred", old != NULL ? old : "0", starred, now, error);
}

static gboolean
edit_review (AccordsStore  *self,
             gint64         record_id,
             const char    *uid,
             gpointer       data,
             const char    *now,
             GError       **error)
{
  const char *review = data;
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  old = dup_text (self, "SELECT review FROM annotation WHERE record_id = ?", record_id, &found, error);
  if (g_strcmp0 (old != NULL ? old : "unreviewed", review) == 0)
    return TRUE;

  if (!touch_annotation (self, record_id, now, error))
    return FALSE;

  stmt = _accords_store_prepare_cached (self, "UPDATE annotation SET review = ? WHERE record_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, review, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, record_id);

  return step_done (self, stmt, error) &&
         _accords_store_add_history (self, uid, "review", old != NULL ? old : "unreviewed", review, now, error);
}

typedef struct
{
  const char *name;
  gint64      tag_id; /* 0 until the tag exists */
  gboolean    add;
} TagEdit;

static gboolean
edit_tag (AccordsStore  *self,
          gint64         record_id,
          const char    *uid,
          gpointer       data,
          const char    *now,
          GError       **error)
{
  TagEdit *edit = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  if (edit->tag_id == 0)
    {
      /* A new tag is made in the same transaction as its first use. */
      if (!edit->add)
        return TRUE;

      stmt = _accords_store_prepare_cached (self, "INSERT INTO tag (name) VALUES (?)", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, edit->name, -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;

      edit->tag_id = sqlite3_last_insert_rowid (_accords_store_get_db (self));
    }

  before = dup_tags_text (self, record_id, error);

  stmt = _accords_store_prepare_cached (self,
                                        edit->add
                                        ? "INSERT OR IGNORE INTO record_tag (record_id, tag_id) VALUES (?, ?)"
                                        : "DELETE FROM record_tag WHERE record_id = ? AND tag_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_int64 (stmt, 2, edit->tag_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_accords_store_get_db (self)) == 0)
    return TRUE;

  after = dup_tags_text (self, record_id, error);

  return touch_annotation (self, record_id, now, error) &&
         _accords_store_add_history (self, uid, "tags", before, after, now, error);
}

/**
 * accords_store_set_note:
 * @self: a writable store
 * @record_id: the record
 * @note: the whole note, CommonMark text; "" for none
 *
 * Saves a note in one transaction, with the previous text in the history.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_set_note (AccordsStore  *self,
                        gint64         record_id,
                        const char    *note,
                        GError       **error)
{
  g_return_val_if_fail (note != NULL, FALSE);

  return edit_records (self, &record_id, 1, edit_note, (gpointer) note, error);
}

/**
 * accords_store_set_starred:
 * @ids: (array length=n_ids): the records
 *
 * Stars or unstars every record of @ids in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
accords_store_set_starred (AccordsStore  *self,
                           const gint64  *ids,
                           guint          n_ids,
                           gboolean       starred,
                           GError       **error)
{
  return edit_records (self, ids, n_ids, edit_starred, GINT_TO_POINTER (!!starred), error);
}

/**
 * accords_store_set_review:
 * @ids: (array length=n_ids): the records
 *
 * Sets the review state of every record of @ids in one transaction.
 *
 * Returns: %TRUE on success; on failure nothing changed
 */
gboolean
accords_store_set_review (AccordsStore  *self,
                          const gint64  *ids,
                          guint          n_ids,
                          AccordsReview  review,
                          GError       **error)
{
  return edit_records (self, ids, n_ids, edit_review,
                       (gpointer) accords_review_to_string (review), error);
}

static gboolean
check_tag_name (const char  *name,
                GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (stripped[0] == '\0' || g_strcmp0 (stripped, name) != 0)
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID,
                   _("“%s” is not a tag name: it must not be empty or start or end with a space"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gint64
find_tag (AccordsStore  *self,
          const char    *name,
          GError       **error)
{
  sqlite3_stmt *stmt = _accords_store_prepare_cached (self, "SELECT id FROM tag WHERE name = ?",
                                                      error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

static gboolean
change_tag (AccordsStore  *self,
            const gint64  *ids,
            guint          n_ids,
            const char    *name,
            gboolean       add,
            GError       **error)
{
  TagEdit edit = { name, 0, add };

  if (!check_tag_name (name, error))
    return FALSE;

  edit.tag_id = find_tag (self, name, error);
  if (edit.tag_id < 0)
    return FALSE;

  return edit_records (self, ids, n_ids, edit_tag, &edit, error);
}

/**
 * accords_store_add_tag:
 * @ids: (array length=n_ids): the records
 * @name: the tag; made when the library does not have it (tags compare
 *   without regard to ASCII case)
 *
 * Tags every record of @ids in one transaction.
 *
 * Returns: %TRUE on success; on failure no record changed
 */
gboolean
accords_store_add_tag (AccordsStore  *self,
                       const gint64  *ids,
                       guint          n_ids,
                       const char    *name,
                       GError       **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return change_tag (self, ids, n_ids, name, TRUE, error);
}

/**
 * accords_store_remove_tag:
 * @ids: (array length=n_ids): the records
 *
 * Takes the tag @name off every record of @ids in one transaction. The
 * tag itself stays in the library.
 *
 * Returns: %TRUE on success; on failure no record changed
 */
gboolean
accords_store_remove_tag (AccordsStore  *self,
                          const gint64  *ids,
                          guint          n_ids,
                          const char    *name,
                          GError       **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  return change_tag (self, ids, n_ids, name, FALSE, error);
}

/**
 * accords_store_list_tags:
 *
 * Returns: (transfer full): a #GListModel of #AccordsTag, by name, or
 *   %NULL with @error set
 */
GListModel *
accords_store_list_tags (AccordsStore  *self,
                         GError       **error)
{
  g_autoptr(GListStore) tags = g_list_store_new (ACCORDS_TYPE_TAG);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT t.name, t.color, "
                                        "(SELECT count(*) FROM record_tag rt WHERE rt.tag_id = t.id) "
                                        "FROM tag t ORDER BY t.name COLLATE NOCASE",
                                        error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsTag) tag = accords_tag_new ((const char *) sqlite3_column_text (stmt, 0),
                                                   (const char *) sqlite3_column_text (stmt, 1),
                                                   sqlite3_column_int (stmt, 2));

      g_list_store_append (tags, tag);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "tags");
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&tags));
}

/* The tag lists, as text, of every record that carries @tag_id: what a
 * change of that tag is recorded against in the history. */
static GHashTable *
collect_tag_lists (AccordsStore  *self,
                   gint64         tag_id,
                   GError       **error)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self, "SELECT record_id FROM record_tag WHERE tag_id = ?",
                                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, tag_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (lists, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "tags");
      return NULL;
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, lists);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_iter_replace (&iter, dup_tags_text (self, *(gint64 *) key, NULL));
  }

  return g_steal_pointer (&lists);
}

static gboolean
write_tag_history (AccordsStore  *self,
                   GHashTable    *before,
                   const char    *now,
                   GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 record_id = *(gint64 *) key;
      g_autofree char *uid = NULL;
      g_autofree char *after = NULL;
      gboolean found;

      uid = dup_text (self, "SELECT uid FROM record WHERE id = ?", record_id, &found, error);
      after = dup_tags_text (self, record_id, error);

      if (!found ||
          !touch_annotation (self, record_id, now, error) ||
          !_accords_store_add_history (self, uid, "tags", value, after, now, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs @sql_a, then @sql_b when not %NULL, on the tag @name in one
 * transaction; a statement with two parameters gets (@text, tag id), one
 * with one gets the tag id. Every record that carried the tag gets a
 * "tags" history entry. */
static gboolean
rewrite_tag (AccordsStore  *self,
             const char    *name,
             const char    *sql_a,
             const char    *sql_b,
             const char    *text,
             GError       **error)
{
  g_autofree char *now = _accords_store_now_iso ();
  g_autoptr(GHashTable) before = NULL;
  gint64 tag_id;
  gboolean ok = FALSE;

  if (!_accords_store_begin (self, error))
    return FALSE;

  tag_id = find_tag (self, name, error);
  if (tag_id <= 0)
    {
      if (tag_id == 0)
        g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                     _("There is no tag “%s”"), name);
      goto out;
    }

  before = collect_tag_lists (self, tag_id, error);
  if (before == NULL)
    goto out;

  for (const char *sql = sql_a; sql != NULL; sql = sql == sql_a ? sql_b : NULL)
    {
      sqlite3_stmt *stmt = _accords_store_prepare_cached (self, sql, error);

      if (stmt == NULL)
        goto out;

      /* Statements take (text?, tag id) or (tag id) as their parameters. */
      if (sqlite3_bind_parameter_count (stmt) == 2)
        {
          sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, tag_id);
        }
      else
        sqlite3_bind_int64 (stmt, 1, tag_id);

      if (!step_done (self, stmt, error))
        goto out;
    }

  ok = write_tag_history (self, before, now, error);

out:
  return _accords_store_end (self, ok, ok ? error : NULL);
}

/**
 * accords_store_rename_tag:
 *
 * Renames a tag everywhere. Renaming onto another existing tag fails with
 * %ACCORDS_STORE_ERROR_CONFLICT: merge them instead.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_rename_tag (AccordsStore  *self,
                          const char    *name,
                          const char    *new_name,
                          GError       **error)
{
  gint64 existing;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && new_name != NULL, FALSE);

  if (!check_tag_name (new_name, error))
    return FALSE;

  existing = find_tag (self, new_name, error);
  if (existing > 0 && existing != find_tag (self, name, NULL))
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT,
                   _("There is already a tag “%s”"), new_name);
      return FALSE;
    }

  return rewrite_tag (self, name, "UPDATE tag SET name = ? WHERE id = ?", NULL, new_name, error);
}

/**
 * accords_store_set_tag_color:
 * @color: a CSS colour, e.g. "#e01b24"
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_set_tag_color (AccordsStore  *self,
                             const char    *name,
                             const char    *color,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && color != NULL, FALSE);

  if (!_accords_store_begin (self, error))
    return FALSE;

  stmt = _accords_store_prepare_cached (self, "UPDATE tag SET color = ? WHERE name = ?", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, color, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
      ok = step_done (self, stmt, error);
    }

  if (ok && sqlite3_changes (_accords_store_get_db (self)) == 0)
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                   _("There is no tag “%s”"), name);
      ok = FALSE;
    }

  return _accords_store_end (self, ok, ok ? error : NULL);
}

/**
 * accords_store_merge_tags:
 * @name: the tag that goes away
 * @into: the tag its records get instead (made when missing)
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_merge_tags (AccordsStore  *self,
                          const char    *name,
                          const char    *into,
                          GError       **error)
{
  gint64 into_id;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL && into != NULL, FALSE);

  if (!check_tag_name (into, error))
    return FALSE;

  into_id = find_tag (self, into, error);
  if (into_id < 0)
    return FALSE;
  if (into_id == 0)
    return accords_store_rename_tag (self, name, into, error);
  if (into_id == find_tag (self, name, NULL))
    return TRUE;

  return rewrite_tag (self, name,
                      "INSERT OR IGNORE INTO record_tag (record_id, tag_id) "
                      "SELECT record_id, (SELECT id FROM tag WHERE name = ?) FROM record_tag WHERE tag_id = ?",
                      "DELETE FROM tag WHERE id = ?",
                      into, error);
}

/**
 * accords_store_delete_tag:
 *
 * Deletes a tag and takes it off every record.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_delete_tag (AccordsStore  *self,
                          const char    *name,
                          GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return rewrite_tag (self, name, "DELETE FROM tag WHERE id = ?", NULL, NULL, error);
}

/**
 * accords_store_load_history:
 * @uid: the record's uid
 * @what: (nullable): only changes of this kind ("note", "starred",
 *   "review", "tags"), or %NULL for all
 *
 * Returns: (transfer full) (element-type AccordsChange): the changes,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
accords_store_load_history (AccordsStore  *self,
                            const char    *uid,
                            const char    *what,
                            GError       **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) accords_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT what, old_value, new_value, changed FROM history "
                                        "WHERE record_uid = ? AND (?2 IS NULL OR what = ?2) "
                                        "ORDER BY changed DESC, id DESC",
                                        error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (what != NULL)
    sqlite3_bind_text (stmt, 2, what, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AccordsChange *change = g_new0 (AccordsChange, 1);

      change->what = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->changed = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (changes, change);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "history");
      return NULL;
    }

  return g_steal_pointer (&changes);
}
