/* accords-store.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "accords-store-private.h"

/* "Acrd": marks a file as an Accords library (PRAGMA application_id). */
#define ACCORDS_APPLICATION_ID 0x41637264

/* PRAGMA quick_check reads every page of the file: about 7 s for a library
 * of a million records (2 GB). Up to this size it runs before the library
 * opens; a larger library at the current version opens at once and is
 * checked on a thread of its own, and writes wait for the verdict, so that
 * a damaged file is still never written to. */
#define FOREGROUND_CHECK_MAX_BYTES (64 * 1024 * 1024)

struct _AccordsStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements; /* SQL text → sqlite3_stmt, owned */
  guint       read_only : 1;

  /* The background check of a large library (FOREGROUND_CHECK_MAX_BYTES);
   * the fields under check_mutex are shared with the check thread. */
  GThread    *check_thread;
  sqlite3    *check_db;     /* the thread's connection; interrupted in finalize */
  GMutex      check_mutex;
  GCond       check_cond;
  gboolean    check_done;   /* under check_mutex */
  GError     *check_error;  /* under check_mutex: why the library is damaged */
};

G_DEFINE_FINAL_TYPE (AccordsStore, accords_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (accords-store-error-quark, accords_store_error)

typedef enum
{
  OPEN_READ_WRITE,
  OPEN_READ_ONLY,
  OPEN_READER, /* another thread's read-only connection: the file was checked */
} OpenMode;

static const char *migrations[] = {
  "/io/github/accords/Accords/core/sql/001-schema.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ACCORDS_STORE_SCHEMA_VERSION);

void
_accords_store_set_error (GError     **error,
                          sqlite3     *db,
                          int          rc,
                          const char  *what)
{
  AccordsStoreError code = ACCORDS_STORE_ERROR_SQL;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_A_LIBRARY,
                           _("the file is not an SQLite database"));
      return;

    case SQLITE_CORRUPT:
      code = ACCORDS_STORE_ERROR_DAMAGED;
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      code = ACCORDS_STORE_ERROR_OPEN;
      break;

    case SQLITE_CONSTRAINT:
      code = ACCORDS_STORE_ERROR_INVALID;
      break;

    default:
      break;
    }

  g_set_error (error, ACCORDS_STORE_ERROR, code, "%s: %s", what, message);
}

sqlite3 *
_accords_store_get_db (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
_accords_store_prepare_cached (AccordsStore  *self,
                               const char    *sql,
                               GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, self->db, rc, "prepare");
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;
  int rc;

  rc = sqlite3_exec (db, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACCORDS_STORE_ERROR,
                   (rc & 0xff) == SQLITE_CORRUPT ? ACCORDS_STORE_ERROR_DAMAGED
                                                 : ACCORDS_STORE_ERROR_SQL,
                   "%s", message != NULL ? message : sqlite3_errstr (rc));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _accords_store_set_error (error, db, rc, sql);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);

  return TRUE;
}

char *
_accords_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Rewrites a low-level error into words a user can act on, naming the file. */
static void
explain_open_error (GError     **error,
                    const char  *path)
{
  g_autofree char *display = NULL;
  GError *err = *error;

  g_assert (err != NULL);

  if (err->domain != ACCORDS_STORE_ERROR)
    return;

  display = g_filename_display_name (path);

  switch ((AccordsStoreError) err->code)
    {
    case ACCORDS_STORE_ERROR_NOT_A_LIBRARY:
      g_prefix_error (error, _("“%s” is not an Accords library: "), display);
      break;

    case ACCORDS_STORE_ERROR_DAMAGED:
      g_prefix_error (error, _("The library “%s” is damaged and was left as it is: "), display);
      break;

    case ACCORDS_STORE_ERROR_NEWER_VERSION:
    case ACCORDS_STORE_ERROR_MIGRATION:
      break;

    case ACCORDS_STORE_ERROR_OPEN:
    case ACCORDS_STORE_ERROR_SQL:
    case ACCORDS_STORE_ERROR_NOT_FOUND:
    case ACCORDS_STORE_ERROR_INVALID:
    case ACCORDS_STORE_ERROR_CONFLICT:
    default:
      g_prefix_error (error, _("Could not open “%s”: "), display);
      break;
    }
}

/* Reads the whole file through @db; fails with ACCORDS_STORE_ERROR_DAMAGED
 * when a page is not what it should be. */
static gboolean
run_quick_check (sqlite3  *db,
                 GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *result;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      _accords_store_set_error (error, db, rc, "quick_check");
      return FALSE;
    }

  result = (const char *) sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_DAMAGED,
                   "%s", result != NULL ? result : "quick_check");
      return FALSE;
    }

  return TRUE;
}

/* Looks at an existing file through a read-only connection, so that a file
 * we must refuse is never written to, not even its header. Returns the
 * schema version found (0 for an empty database). A file of @size bytes
 * at the current version that is too large to read through now is left
 * for check_in_background(); @checked says whether it was. */
static gboolean
check_existing_file (const char  *path,
                     goffset      size,
                     gint64      *version,
                     gboolean    *checked,
                     GError     **error)
{
  sqlite3 *db = NULL;
  gint64 application_id = 0;
  gint64 n_objects = 0;
  gboolean ret = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, db, rc, "open");
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &application_id, error) ||
      !query_int (db, "PRAGMA user_version", version, error) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    goto out;

  if (application_id != ACCORDS_APPLICATION_ID && !(application_id == 0 && n_objects == 0))
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_A_LIBRARY,
                           _("it is an SQLite database of another application"));
      goto out;
    }

  if (*version > ACCORDS_STORE_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NEWER_VERSION,
                   _("The library “%s” was made by a newer version of Accords "
                     "(format %d; this version reads up to %d). It was left as it is."),
                   display, (int) *version, ACCORDS_STORE_SCHEMA_VERSION);
      goto out;
    }

  /* An upgrade rewrites the file: it is always checked first. */
  *checked = size <= FOREGROUND_CHECK_MAX_BYTES || *version < ACCORDS_STORE_SCHEMA_VERSION;
  if (*checked && !run_quick_check (db, error))
    goto out;

  ret = TRUE;

out:
  sqlite3_close_v2 (db);

  return ret;
}

static gboolean
load_resource_sql (const char  *resource,
                   GBytes     **bytes,
                   GError     **error)
{
  _accords_core_ensure_resources ();
  *bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  return *bytes != NULL;
}

static gboolean
backup_file (sqlite3     *db,
             const char  *path,
             gint64       version,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *backup = g_strdup_printf ("%s.v%d.bak", path, (int) version);
  int rc;

  /* A backup left by an earlier, failed attempt describes the same file. */
  if (g_unlink (backup) != 0 && errno != ENOENT)
    {
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_MIGRATION,
                   _("Could not replace the old backup “%s”: %s"), backup, g_strerror (errno));
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text (stmt, 1, backup, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, db, rc, "backup");
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (AccordsStore  *self,
         gint64         version,
         gboolean       had_content,
         GError       **error)
{
  if (version >= ACCORDS_STORE_SCHEMA_VERSION)
    return TRUE;

  if (had_content && !backup_file (self->db, self->path, version, error))
    return FALSE;

  for (gint64 v = version; v < ACCORDS_STORE_SCHEMA_VERSION; v++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;

      if (!load_resource_sql (migrations[v], &bytes, error))
        return FALSE;

      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     (int) v + 1, ACCORDS_APPLICATION_ID);

      if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!exec_sql (self->db, sql, error) || !exec_sql (self->db, set_version, error))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the library to format %d: "), (int) v + 1);
          if ((*error)->domain == ACCORDS_STORE_ERROR)
            (*error)->code = ACCORDS_STORE_ERROR_MIGRATION;
          return FALSE;
        }

      if (!exec_sql (self->db, "COMMIT", error))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  return TRUE;
}

static gpointer
check_thread_run (gpointer data)
{
  AccordsStore *self = data; /* finalize joins this thread first */
  g_autoptr(GError) error = NULL;

  if (!run_quick_check (self->check_db, &error))
    {
      /* Interrupted by finalize: nobody waits for the verdict. */
      if (sqlite3_errcode (self->check_db) == SQLITE_INTERRUPT)
        g_clear_error (&error);
      else
        explain_open_error (&error, self->path);
    }

  g_mutex_lock (&self->check_mutex);
  self->check_done = TRUE;
  self->check_error = g_steal_pointer (&error);
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_mutex);

  return NULL;
}

/* Starts the quick_check that check_existing_file() left for later, on a
 * connection and a thread of its own. */
static gboolean
check_in_background (AccordsStore  *self,
                     GError       **error)
{
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->check_db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, self->check_db, rc, "open");
      return FALSE;
    }

  self->check_thread = g_thread_try_new ("accords-check", check_thread_run, self, error);

  return self->check_thread != NULL;
}

/* Waits until the background check, if any, has found the file sound. */
static gboolean
wait_for_check (AccordsStore  *self,
                GError       **error)
{
  gboolean ok;

  if (self->check_thread == NULL)
    return TRUE;

  g_mutex_lock (&self->check_mutex);
  while (!self->check_done)
    g_cond_wait (&self->check_cond, &self->check_mutex);
  ok = self->check_error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->check_error));
  g_mutex_unlock (&self->check_mutex);

  return ok;
}

static AccordsStore *
open_store (const char  *path,
            OpenMode     mode,
            GError     **error)
{
  g_autoptr(AccordsStore) self = NULL;
  gint64 version = 0;
  gboolean exists;
  gboolean had_content = FALSE;
  gboolean checked = TRUE;
  int flags;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (mode != OPEN_READER)
    {
      if (exists)
        {
          GStatBuf st = { 0 };

          if (g_stat (path, &st) == 0)
            had_content = st.st_size > 0;

          if (had_content && !check_existing_file (path, st.st_size, &version, &checked, error))
            {
              explain_open_error (error, path);
              return NULL;
            }
        }
      else if (mode == OPEN_READ_ONLY)
        {
          g_autofree char *display = g_filename_display_name (path);

          g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN,
                       _("The library “%s” does not exist"), display);
          return NULL;
        }
    }

  self = g_object_new (ACCORDS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = mode != OPEN_READ_WRITE;

  flags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, self->db, rc, "open");
      explain_open_error (error, path);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON;", error))
    goto failed;

  /* Memory-mapped reads help a connection that lives as long as the
   * store. A reader made for one query would instead pay a page fault for
   * every page it touches (slow under virtualisation), and the kernel maps
   * 64 KiB around each: walking a 20 MB index added 140 MB of RSS. */
  if (mode != OPEN_READER && !exec_sql (self->db, "PRAGMA mmap_size = 1073741824;", error))
    goto failed;

  if (!self->read_only)
    {
      /* Upgrades run before the switch to WAL, so that a failed one leaves
       * the file exactly as it was. */
      if (!migrate (self, version, had_content, error))
        goto failed;

      /* Debian's SQLite defaults to synchronous=FULL; in WAL mode NORMAL
       * keeps every committed transaction across a crash of the app and
       * makes a commit ~10× cheaper (PERF-FLOOR.md §2h). */
      if (!exec_sql (self->db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = NORMAL;",
                     error))
        goto failed;

      /* Started after the switch to WAL, so that its reads never hold up
       * the writes of that switch. */
      if (!checked && !check_in_background (self, error))
        goto failed;
    }
  else if (mode == OPEN_READ_ONLY && version < ACCORDS_STORE_SCHEMA_VERSION)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN,
                   _("The library “%s” must be upgraded before it can be read; "
                     "open it for writing once"), display);
      return NULL;
    }

  return g_steal_pointer (&self);

failed:
  explain_open_error (error, path);
  return NULL;
}

/**
 * accords_store_open:
 * @path: the library file; created when it does not exist
 *
 * Opens a library for reading and writing, after checking that it is an
 * Accords library, undamaged and not from a newer version (such files are
 * never written to). Older libraries are upgraded, after a backup copy
 * named `<path>.v<N>.bak`.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AccordsStore *
accords_store_open (const char  *path,
                    GError     **error)
{
  return open_store (path, OPEN_READ_WRITE, error);
}

/**
 * accords_store_open_read_only:
 * @path: an existing library file
 *
 * Like accords_store_open(), but never writes to the file.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AccordsStore *
accords_store_open_read_only (const char  *path,
                              GError     **error)
{
  return open_store (path, OPEN_READ_ONLY, error);
}

/**
 * accords_store_open_reader:
 * @self: an open store
 *
 * Opens another, read-only connection to the same library, for a worker
 * thread; the file is not checked again. Only one thread may use it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
AccordsStore *
accords_store_open_reader (AccordsStore  *self,
                           GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return open_store (self->path, OPEN_READER, error);
}

const char *
accords_store_get_path (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return self->path;
}

gboolean
accords_store_get_read_only (AccordsStore *self)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), TRUE);

  return self->read_only;
}

/**
 * accords_store_make_uid:
 *
 * Returns: (transfer full): a new, random record uid
 */
char *
accords_store_make_uid (void)
{
  return g_uuid_string_random ();
}

/* Transactions ------------------------------------------------------------ */

gboolean
_accords_store_begin (AccordsStore  *self,
                      GError       **error)
{
  if (self->read_only)
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_OPEN,
                           _("The library is open read-only"));
      return FALSE;
    }

  if (!wait_for_check (self, error))
    return FALSE;

  return exec_sql (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
_accords_store_end (AccordsStore  *self,
                    gboolean       ok,
                    GError       **error)
{
  if (ok)
    {
      if (exec_sql (self->db, "COMMIT", error))
        return TRUE;
    }

  exec_sql (self->db, "ROLLBACK", NULL);

  return FALSE;
}

/* GObject ----------------------------------------------------------------- */

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
accords_store_finalize (GObject *object)
{
  AccordsStore *self = (AccordsStore *) object;

  if (self->check_thread != NULL)
    {
      sqlite3_interrupt (self->check_db);
      g_thread_join (g_steal_pointer (&self->check_thread));
    }
  if (self->check_db != NULL)
    sqlite3_close_v2 (self->check_db);
  g_clear_error (&self->check_error);
  g_mutex_clear (&self->check_mutex);
  g_cond_clear (&self->check_cond);

  /* Statements first: a connection with live statements does not close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (accords_store_parent_class)->finalize (object);
}

static void
accords_store_class_init (AccordsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = accords_store_finalize;
}

static void
accords_store_init (AccordsStore *self)
{
  g_mutex_init (&self->check_mutex);
  g_cond_init (&self->check_cond);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}
