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

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-query.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store-private.h"

/* "Acrd": marks a file as an Accords library (PRAGMA application_id). */
#define ACCORDS_APPLICATION_ID 0x41637264

/* Rows fetched for list items go in one IN (…) statement of at most this
 * many ids (PERF-FLOOR.md: blocks beat point lookups 3.5×). */
#define MAX_BLOCK 256

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

static char *
now_iso (void)
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

/* Generated by glib-compile-resources --manual-register: a static
 * library's constructor would be dropped by the linker. */
extern void accords_core_register_resource (void);

static gboolean
load_resource_sql (const char  *resource,
                   GBytes     **bytes,
                   GError     **error)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      accords_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

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

static gboolean
begin (AccordsStore  *self,
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

static gboolean
end (AccordsStore  *self,
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

/* Writing records ----------------------------------------------------------- */

static int
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    return sqlite3_bind_null (stmt, index);

  return sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step_done (AccordsStore  *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, what);
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_codes (AccordsStore        *self,
              gint64               record_id,
              const char * const  *codes,
              const char          *role,
              guint               *position,
              GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO record_country (record_id, code, role, position) "
                                        "VALUES (?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_text (stmt, 2, codes[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, role, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 4, (*position)++);

      if (!step_done (self, stmt, "record_country", error))
        {
          g_prefix_error (error, _("Country “%s” is given twice: "), codes[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
find_or_insert_person (AccordsStore   *self,
                       AccordsPerson  *person,
                       gint64         *person_id,
                       GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT id FROM person WHERE name = ? AND country IS ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, accords_person_get_name (person), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, accords_person_get_country (person));

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *person_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "person");
      return FALSE;
    }

  stmt = _accords_store_prepare_cached (self, "INSERT INTO person (name, country) VALUES (?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, accords_person_get_name (person), -1, SQLITE_TRANSIENT);
  bind_text_or_null (stmt, 2, accords_person_get_country (person));

  if (!step_done (self, stmt, "person", error))
    return FALSE;

  *person_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean
insert_people (AccordsStore   *self,
               gint64          record_id,
               AccordsRecord  *record,
               GError        **error)
{
  GListModel *people = accords_record_get_people (record);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      sqlite3_stmt *stmt;
      gint64 person_id;

      if (!find_or_insert_person (self, person, &person_id, error))
        return FALSE;

      stmt = _accords_store_prepare_cached (self,
                                            "INSERT INTO record_person (record_id, position, person_id, role) "
                                            "VALUES (?, ?, ?, ?)",
                                            error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_int64 (stmt, 3, person_id);
      bind_text_or_null (stmt, 4, accords_person_get_role (person));

      if (!step_done (self, stmt, "record_person", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_strings (AccordsStore        *self,
                const char          *sql,
                gint64               record_id,
                const char * const  *values,
                GError             **error)
{
  sqlite3_stmt *stmt = _accords_store_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, i);

      if (!step_done (self, stmt, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_figures (AccordsStore   *self,
                gint64          record_id,
                AccordsRecord  *record,
                GError        **error)
{
  GListModel *figures = accords_record_get_figures (record);
  guint n = g_list_model_get_n_items (figures);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO record_figure "
                                        "(record_id, position, what, value, unit, year, text) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsFigure) figure = g_list_model_get_item (figures, i);

      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, accords_figure_get_what (figure), -1, SQLITE_TRANSIENT);
      if (!accords_figure_get_has_value (figure))
        sqlite3_bind_null (stmt, 4);
      else if (accords_figure_get_value_is_integer (figure))
        sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) accords_figure_get_value (figure));
      else
        sqlite3_bind_double (stmt, 4, accords_figure_get_value (figure));
      bind_text_or_null (stmt, 5, accords_figure_get_unit (figure));
      if (accords_figure_get_year (figure) != 0)
        sqlite3_bind_int (stmt, 6, accords_figure_get_year (figure));
      else
        sqlite3_bind_null (stmt, 6);
      bind_text_or_null (stmt, 7, accords_figure_get_text (figure));

      if (!step_done (self, stmt, "record_figure", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_links (AccordsStore   *self,
              gint64          record_id,
              AccordsRecord  *record,
              GError        **error)
{
  guint n = accords_record_get_n_links (record);
  sqlite3_stmt *stmt;

  if (n == 0)
    return TRUE;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO record_link (record_id, type, uid, position) "
                                        "VALUES (?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      const char *type;
      const char *uid;

      accords_record_get_link (record, i, &type, &uid);

      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_text (stmt, 2, type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 4, i);

      if (!step_done (self, stmt, "record_link", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_sources (AccordsStore   *self,
                gint64          record_id,
                AccordsRecord  *record,
                GError        **error)
{
  GListModel *sources = accords_record_get_sources (record);
  guint n = g_list_model_get_n_items (sources);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
      const char *sha256 = accords_source_get_sha256 (source);
      sqlite3_stmt *stmt;

      /* Checked first: a conflict is the user's data, not an SQL failure. */
      if (sha256 != NULL)
        {
          stmt = _accords_store_prepare_cached (self,
                                                "SELECT r.uid FROM source s JOIN record r ON r.id = s.record_id "
                                                "WHERE s.sha256 = ?",
                                                error);
          if (stmt == NULL)
            return FALSE;

          sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT,
                           _("The text of source %u is already in the library, in record %s"),
                           i + 1, (const char *) sqlite3_column_text (stmt, 0));
              sqlite3_reset (stmt);
              return FALSE;
            }
          sqlite3_reset (stmt);
        }

      stmt = _accords_store_prepare_cached (self,
                                            "INSERT INTO source (record_id, position, title, outlet, url, "
                                            "published, language, file, text, sha256) "
                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                            error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int (stmt, 2, i);
      bind_text_or_null (stmt, 3, accords_source_get_title (source));
      bind_text_or_null (stmt, 4, accords_source_get_outlet (source));
      bind_text_or_null (stmt, 5, accords_source_get_url (source));
      bind_text_or_null (stmt, 6, accords_source_get_published (source));
      bind_text_or_null (stmt, 7, accords_source_get_language (source));
      bind_text_or_null (stmt, 8, accords_source_get_file (source));
      sqlite3_bind_text (stmt, 9, accords_source_get_text (source) ?: "", -1, SQLITE_TRANSIENT);
      bind_text_or_null (stmt, 10, sha256);

      if (!step_done (self, stmt, "source", error))
        return FALSE;

      accords_source_set_id (source, sqlite3_last_insert_rowid (self->db));
    }

  return TRUE;
}

static gboolean
find_or_insert_tag (AccordsStore  *self,
                    const char    *name,
                    gint64        *tag_id,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self, "SELECT id FROM tag WHERE name = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *tag_id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);

  stmt = _accords_store_prepare_cached (self, "INSERT INTO tag (name) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!step_done (self, stmt, "tag", error))
    return FALSE;

  *tag_id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean
insert_annotation (AccordsStore   *self,
                   gint64          record_id,
                   AccordsRecord  *record,
                   const char     *now,
                   GError        **error)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  const char * const *tags;
  sqlite3_stmt *stmt;

  if (annotation == NULL)
    return TRUE;

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO annotation (record_id, note, starred, review, modified) "
                                        "VALUES (?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, record_id);
  sqlite3_bind_text (stmt, 2, accords_annotation_get_note (annotation) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, accords_annotation_get_starred (annotation));
  sqlite3_bind_text (stmt, 4, accords_review_to_string (accords_annotation_get_review (annotation)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, accords_annotation_get_modified (annotation) ?: now,
                     -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, "annotation", error))
    return FALSE;

  tags = accords_annotation_get_tags (annotation);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      gint64 tag_id;

      if (!find_or_insert_tag (self, tags[i], &tag_id, error))
        return FALSE;

      stmt = _accords_store_prepare_cached (self,
                                            "INSERT OR IGNORE INTO record_tag (record_id, tag_id) "
                                            "VALUES (?, ?)",
                                            error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, record_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      if (!step_done (self, stmt, "record_tag", error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_one (AccordsStore   *self,
            AccordsRecord  *record,
            const char     *now,
            GError        **error)
{
  g_autofree char *uid = NULL;
  sqlite3_stmt *stmt;
  gint64 record_id;
  guint position = 0;

  if (accords_record_get_title (record) == NULL || accords_record_get_title (record)[0] == '\0')
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID,
                           _("A record needs a title"));
      return FALSE;
    }

  uid = g_strdup (accords_record_get_uid (record));
  if (uid == NULL)
    uid = accords_store_make_uid ();

  stmt = _accords_store_prepare_cached (self, "SELECT 1 FROM record WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_CONFLICT,
                   _("A record with uid %s is already in the library"), uid);
      return FALSE;
    }
  sqlite3_reset (stmt);

  stmt = _accords_store_prepare_cached (self,
                                        "INSERT INTO record (uid, title, kind, event_date, event_end, "
                                        "date_precision, date_qualifier, date_as_reported, venue_city, "
                                        "venue_country, venue_forum, venue_virtual, summary, origin, "
                                        "created, modified) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, accords_record_get_title (record), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, accords_kind_to_string (accords_record_get_kind (record)),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, accords_record_get_event_date (record));
  bind_text_or_null (stmt, 5, accords_record_get_event_end (record));
  sqlite3_bind_text (stmt, 6,
                     accords_date_precision_to_string (accords_record_get_date_precision (record)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7,
                     accords_date_qualifier_to_string (accords_record_get_date_qualifier (record)),
                     -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 8, accords_record_get_date_as_reported (record));
  bind_text_or_null (stmt, 9, accords_record_get_venue_city (record));
  bind_text_or_null (stmt, 10, accords_record_get_venue_country (record));
  bind_text_or_null (stmt, 11, accords_record_get_venue_forum (record));
  sqlite3_bind_int (stmt, 12, accords_record_get_venue_virtual (record));
  sqlite3_bind_text (stmt, 13, accords_record_get_summary (record) ?: "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 14, accords_origin_to_string (accords_record_get_origin (record)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 15, accords_record_get_created (record) ?: now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, accords_record_get_modified (record) ?: now, -1, SQLITE_TRANSIENT);

  if (!step_done (self, stmt, "record", error))
    return FALSE;

  record_id = sqlite3_last_insert_rowid (self->db);

  if (!insert_codes (self, record_id, accords_record_get_parties (record), "party", &position, error) ||
      !insert_codes (self, record_id, accords_record_get_mentioned (record), "mentioned", &position, error) ||
      !insert_people (self, record_id, record, error) ||
      !insert_strings (self,
                       "INSERT INTO record_org (record_id, name, position) VALUES (?, ?, ?)",
                       record_id, accords_record_get_organizations (record), error) ||
      !insert_strings (self,
                       "INSERT INTO record_topic (record_id, topic, position) VALUES (?, ?, ?)",
                       record_id, accords_record_get_topics (record), error) ||
      !insert_figures (self, record_id, record, error) ||
      !insert_links (self, record_id, record, error) ||
      !insert_sources (self, record_id, record, error) ||
      !insert_annotation (self, record_id, record, now, error))
    return FALSE;

  accords_record_set_id (record, record_id);
  accords_record_set_uid (record, uid);
  if (accords_record_get_created (record) == NULL)
    accords_record_set_created (record, now);
  if (accords_record_get_modified (record) == NULL)
    accords_record_set_modified (record, now);

  return TRUE;
}

/**
 * accords_store_insert_record:
 * @self: a writable store
 * @record: a new record, with its sources and annotation
 *
 * Adds @record in one transaction. A record without a uid gets one; the
 * record's id and uid are set on success.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_insert_record (AccordsStore   *self,
                             AccordsRecord  *record,
                             GError        **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_RECORD (record), FALSE);

  g_ptr_array_add (records, record);

  return accords_store_insert_records (self, records, error);
}

/**
 * accords_store_insert_records:
 * @self: a writable store
 * @records: (element-type AccordsRecord): new records
 *
 * Adds all of @records in one transaction: either all of them are in the
 * library afterwards, or none is. The error says which record failed.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_insert_records (AccordsStore  *self,
                              GPtrArray     *records,
                              GError       **error)
{
  g_autofree char *now = now_iso ();
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (records, i);

      ok = insert_one (self, record, now, error);
      if (!ok)
        {
          const char *title = accords_record_get_title (record);

          g_prefix_error (error, _("Record %u (“%s”): "), i + 1, title != NULL ? title : "");
        }
    }

  if (!ok)
    {
      /* Ids handed out in the failed transaction no longer exist. */
      for (guint i = 0; i < records->len; i++)
        accords_record_set_id (g_ptr_array_index (records, i), 0);
    }

  return end (self, ok, ok ? error : NULL);
}

/* Reading records ------------------------------------------------------------ */

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static void
set_kind (AccordsRecord *record,
          const char    *id)
{
  AccordsKind kind;

  if (accords_kind_from_string (id, &kind))
    accords_record_set_kind (record, kind);
}

static void
set_dates (AccordsRecord *record,
           sqlite3_stmt  *stmt,
           int            first)
{
  AccordsDatePrecision precision;
  AccordsDateQualifier qualifier;

  accords_record_set_event_date (record, column_text (stmt, first));
  accords_record_set_event_end (record, column_text (stmt, first + 1));
  if (accords_date_precision_from_string (column_text (stmt, first + 2), &precision))
    accords_record_set_date_precision (record, precision);
  if (accords_date_qualifier_from_string (column_text (stmt, first + 3), &qualifier))
    accords_record_set_date_qualifier (record, qualifier);
}

static GStrv
collect_strings (AccordsStore  *self,
                 const char    *sql,
                 gint64         id,
                 const char    *arg,
                 GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _accords_store_prepare_cached (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 2, arg, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, sql);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

static gboolean
load_string_lists (AccordsStore   *self,
                   AccordsRecord  *record,
                   gint64          id,
                   GError        **error)
{
  g_auto(GStrv) parties = NULL;
  g_auto(GStrv) mentioned = NULL;
  g_auto(GStrv) topics = NULL;
  g_auto(GStrv) orgs = NULL;

  parties = collect_strings (self,
                             "SELECT code FROM record_country WHERE record_id = ? AND role = ? "
                             "ORDER BY position",
                             id, "party", error);
  if (parties == NULL)
    return FALSE;

  mentioned = collect_strings (self,
                               "SELECT code FROM record_country WHERE record_id = ? AND role = ? "
                               "ORDER BY position",
                               id, "mentioned", error);
  if (mentioned == NULL)
    return FALSE;

  topics = collect_strings (self,
                            "SELECT topic FROM record_topic WHERE record_id = ? ORDER BY position",
                            id, NULL, error);
  if (topics == NULL)
    return FALSE;

  orgs = collect_strings (self,
                          "SELECT name FROM record_org WHERE record_id = ? ORDER BY position",
                          id, NULL, error);
  if (orgs == NULL)
    return FALSE;

  accords_record_set_parties (record, (const char * const *) parties);
  accords_record_set_mentioned (record, (const char * const *) mentioned);
  accords_record_set_topics (record, (const char * const *) topics);
  accords_record_set_organizations (record, (const char * const *) orgs);

  return TRUE;
}

static gboolean
load_people_and_figures (AccordsStore   *self,
                         AccordsRecord  *record,
                         gint64          id,
                         GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT p.name, rp.role, p.country FROM record_person rp "
                                        "JOIN person p ON p.id = rp.person_id "
                                        "WHERE rp.record_id = ? ORDER BY rp.position",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsPerson) person = accords_person_new (column_text (stmt, 0),
                                                            column_text (stmt, 1),
                                                            column_text (stmt, 2));
      accords_record_add_person (record, person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "people");
      return FALSE;
    }

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT what, value, unit, year, text FROM record_figure "
                                        "WHERE record_id = ? ORDER BY position",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsFigure) figure = accords_figure_new (column_text (stmt, 0));
      int type = sqlite3_column_type (stmt, 1);

      if (type == SQLITE_INTEGER)
        accords_figure_set_value (figure, (double) sqlite3_column_int64 (stmt, 1), TRUE);
      else if (type == SQLITE_FLOAT)
        accords_figure_set_value (figure, sqlite3_column_double (stmt, 1), FALSE);
      accords_figure_set_unit (figure, column_text (stmt, 2));
      accords_figure_set_year (figure, sqlite3_column_int (stmt, 3));
      accords_figure_set_text (figure, column_text (stmt, 4));
      accords_record_add_figure (record, figure);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "figures");
      return FALSE;
    }

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT type, uid FROM record_link WHERE record_id = ? "
                                        "ORDER BY position",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    accords_record_add_link (record, column_text (stmt, 0), column_text (stmt, 1));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "links");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_sources (AccordsStore   *self,
              AccordsRecord  *record,
              gint64          id,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT id, title, outlet, url, published, language, file, text "
                                        "FROM source WHERE record_id = ? ORDER BY position, id",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AccordsSource) source = accords_source_new ();

      accords_source_set_id (source, sqlite3_column_int64 (stmt, 0));
      accords_source_set_title (source, column_text (stmt, 1));
      accords_source_set_outlet (source, column_text (stmt, 2));
      accords_source_set_url (source, column_text (stmt, 3));
      accords_source_set_published (source, column_text (stmt, 4));
      accords_source_set_language (source, column_text (stmt, 5));
      accords_source_set_file (source, column_text (stmt, 6));
      accords_source_set_text (source, column_text (stmt, 7));
      accords_record_add_source (record, source);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "sources");
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_annotation (AccordsStore   *self,
                 AccordsRecord  *record,
                 gint64          id,
                 GError        **error)
{
  g_autoptr(AccordsAnnotation) annotation = NULL;
  g_auto(GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  AccordsReview review;
  int rc;

  stmt = _accords_store_prepare_cached (self,
                                        "SELECT note, starred, review, modified FROM annotation "
                                        "WHERE record_id = ?",
                                        error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      annotation = accords_annotation_new ();
      accords_annotation_set_note (annotation, column_text (stmt, 0));
      accords_annotation_set_starred (annotation, sqlite3_column_int (stmt, 1) != 0);
      if (accords_review_from_string (column_text (stmt, 2), &review))
        accords_annotation_set_review (annotation, review);
      accords_annotation_set_modified (annotation, column_text (stmt, 3));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "annotation");
      return FALSE;
    }

  if (annotation == NULL)
    return TRUE;

  tags = collect_strings (self,
                          "SELECT t.name FROM record_tag rt JOIN tag t ON t.id = rt.tag_id "
                          "WHERE rt.record_id = ? ORDER BY t.name COLLATE NOCASE",
                          id, NULL, error);
  if (tags == NULL)
    return FALSE;

  accords_annotation_set_tags (annotation, (const char * const *) tags);
  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, accords_annotation_get_starred (annotation));

  return TRUE;
}

static AccordsRecord *
load_record (AccordsStore  *self,
             const char    *sql,
             gint64         id,
             const char    *uid,
             GError       **error)
{
  g_autoptr(AccordsRecord) record = NULL;
  AccordsOrigin origin;
  sqlite3_stmt *stmt;
  int rc;

  stmt = _accords_store_prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_NOT_FOUND,
                     _("There is no record %s in the library"), uid != NULL ? uid : "");
      else
        _accords_store_set_error (error, self->db, rc, "record");
      sqlite3_reset (stmt);
      return NULL;
    }

  record = accords_record_new ();
  id = sqlite3_column_int64 (stmt, 0);
  accords_record_set_id (record, id);
  accords_record_set_uid (record, column_text (stmt, 1));
  accords_record_set_title (record, column_text (stmt, 2));
  set_kind (record, column_text (stmt, 3));
  set_dates (record, stmt, 4);
  accords_record_set_date_as_reported (record, column_text (stmt, 8));
  accords_record_set_venue_city (record, column_text (stmt, 9));
  accords_record_set_venue_country (record, column_text (stmt, 10));
  accords_record_set_venue_forum (record, column_text (stmt, 11));
  accords_record_set_venue_virtual (record, sqlite3_column_int (stmt, 12) != 0);
  accords_record_set_summary (record, column_text (stmt, 13));
  if (accords_origin_from_string (column_text (stmt, 14), &origin))
    accords_record_set_origin (record, origin);
  accords_record_set_created (record, column_text (stmt, 15));
  accords_record_set_modified (record, column_text (stmt, 16));
  sqlite3_reset (stmt);

  if (!load_string_lists (self, record, id, error) ||
      !load_people_and_figures (self, record, id, error) ||
      !load_sources (self, record, id, error) ||
      !load_annotation (self, record, id, error))
    return NULL;

  return g_steal_pointer (&record);
}

#define RECORD_COLUMNS \
  "SELECT id, uid, title, kind, event_date, event_end, date_precision, date_qualifier, " \
  "date_as_reported, venue_city, venue_country, venue_forum, venue_virtual, summary, origin, " \
  "created, modified FROM record "

/**
 * accords_store_load_record:
 * @self: a store
 * @id: the record's id
 *
 * Loads every field of a record, with its sources and annotation.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
AccordsRecord *
accords_store_load_record (AccordsStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);

  return load_record (self, RECORD_COLUMNS "WHERE id = ?", id, NULL, error);
}

/**
 * accords_store_load_record_by_uid:
 * @self: a store
 * @uid: the record's uid
 *
 * Like accords_store_load_record(), by uid.
 *
 * Returns: (transfer full): the record, or %NULL with @error set
 */
AccordsRecord *
accords_store_load_record_by_uid (AccordsStore  *self,
                                  const char    *uid,
                                  GError       **error)
{
  g_return_val_if_fail (ACCORDS_IS_STORE (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return load_record (self, RECORD_COLUMNS "WHERE uid = ?", 0, uid, error);
}

/**
 * accords_store_count_records:
 * @self: a store
 *
 * Returns: the number of records in the library, or -1 with @error set
 */
gint64
accords_store_count_records (AccordsStore  *self,
                             GError       **error)
{
  gint64 count = -1;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), -1);

  if (!query_int (self->db, "SELECT count(*) FROM record", &count, error))
    return -1;

  return count;
}

static int
progress_cb (void *user_data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (user_data));
}

/**
 * accords_store_query_ids:
 * @self: a store
 * @query: what to look for
 * @ids: (element-type gint64): receives the ids of the matching records, in
 *   the query's sort order
 * @cancellable: (nullable): cancels a long query
 *
 * Runs @query. The sorting is done by SQL. Meant for a worker thread with
 * its own connection (accords_store_open_reader()).
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_query_ids (AccordsStore   *self,
                         AccordsQuery   *query,
                         GArray         *ids,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (ACCORDS_IS_QUERY (query), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (!_accords_store_compile_query (query, where, params, error))
    return FALSE;

  sql = g_strdup_printf ("SELECT r.id FROM record r WHERE %s ORDER BY %s",
                         where->str,
                         _accords_store_sort_sql (accords_query_get_sort_key (query),
                                                  accords_query_get_sort_descending (query)));

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _accords_store_set_error (error, self->db, rc, "query");
      return FALSE;
    }

  if (!_accords_store_bind_params (stmt, 1, params, error))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, progress_cb, cancellable);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  sqlite3_progress_handler (self->db, 0, NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "query");
      return FALSE;
    }

  return TRUE;
}

static sqlite3_stmt *
prepare_block (AccordsStore  *self,
               const char    *head,
               const char    *tail,
               guint          n_ids,
               GError       **error)
{
  g_autoptr(GString) sql = g_string_new (head);

  g_string_append (sql, "(?");
  for (guint i = 1; i < n_ids; i++)
    g_string_append (sql, ",?");
  g_string_append_c (sql, ')');
  g_string_append (sql, tail);

  return _accords_store_prepare_cached (self, sql->str, error);
}

static gboolean
fill_codes (AccordsStore   *self,
            const char     *head,
            const char     *tail,
            const gint64   *ids,
            guint           n_ids,
            GHashTable     *positions,
            GPtrArray     **lists,
            GError        **error)
{
  sqlite3_stmt *stmt = prepare_block (self, head, tail, n_ids, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gpointer position;

      if (!g_hash_table_lookup_extended (positions, &id, NULL, &position))
        continue;

      if (lists[GPOINTER_TO_UINT (position)] == NULL)
        lists[GPOINTER_TO_UINT (position)] = g_ptr_array_new_null_terminated (4, g_free, TRUE);
      g_ptr_array_add (lists[GPOINTER_TO_UINT (position)], g_strdup (column_text (stmt, 1)));
    }

  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, head);
      return FALSE;
    }

  return TRUE;
}

/**
 * accords_store_load_list_records:
 * @self: a store
 * @ids: (array length=n_ids): record ids
 * @n_ids: how many, at most 256
 * @records: (out caller-allocates) (array length=n_ids): receives a new
 *   record for each id, %NULL for an id that is not in the library
 *
 * Loads the fields a list row shows (uid, title, kind, dates, parties,
 * topics, starred) for a block of records with three statements.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_load_list_records (AccordsStore    *self,
                                 const gint64    *ids,
                                 guint            n_ids,
                                 AccordsRecord  **records,
                                 GError         **error)
{
  g_autoptr(GHashTable) positions = NULL;
  g_autofree GPtrArray **parties = NULL;
  g_autofree GPtrArray **topics = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_ids <= MAX_BLOCK, FALSE);

  memset (records, 0, sizeof (AccordsRecord *) * n_ids);
  if (n_ids == 0)
    return TRUE;

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i));

  stmt = prepare_block (self,
                        "SELECT r.id, r.uid, r.title, r.kind, r.event_date, r.event_end, "
                        "r.date_precision, r.date_qualifier, coalesce (a.starred, 0) "
                        "FROM record r LEFT JOIN annotation a ON a.record_id = r.id "
                        "WHERE r.id IN ",
                        "", n_ids, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_ids; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      AccordsRecord *record;
      gpointer position;

      if (!g_hash_table_lookup_extended (positions, &id, NULL, &position))
        continue;

      record = accords_record_new ();
      accords_record_set_id (record, id);
      accords_record_set_uid (record, column_text (stmt, 1));
      accords_record_set_title (record, column_text (stmt, 2));
      set_kind (record, column_text (stmt, 3));
      set_dates (record, stmt, 4);
      accords_record_set_starred (record, sqlite3_column_int (stmt, 8) != 0);
      records[GPOINTER_TO_UINT (position)] = record;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      _accords_store_set_error (error, self->db, rc, "records");
      goto out;
    }

  parties = g_new0 (GPtrArray *, n_ids);
  topics = g_new0 (GPtrArray *, n_ids);

  if (!fill_codes (self, "SELECT record_id, code FROM record_country WHERE record_id IN ",
                   " AND role = 'party' ORDER BY record_id, position",
                   ids, n_ids, positions, parties, error) ||
      !fill_codes (self, "SELECT record_id, topic FROM record_topic WHERE record_id IN ",
                   " ORDER BY record_id, position",
                   ids, n_ids, positions, topics, error))
    goto out;

  for (guint i = 0; i < n_ids; i++)
    {
      if (records[i] == NULL)
        continue;

      if (parties[i] != NULL)
        accords_record_set_parties (records[i], (const char * const *) parties[i]->pdata);
      if (topics[i] != NULL)
        accords_record_set_topics (records[i], (const char * const *) topics[i]->pdata);
    }

  ok = TRUE;

out:
  if (parties != NULL)
    for (guint i = 0; i < n_ids; i++)
      g_clear_pointer (&parties[i], g_ptr_array_unref);
  if (topics != NULL)
    for (guint i = 0; i < n_ids; i++)
      g_clear_pointer (&topics[i], g_ptr_array_unref);

  if (!ok)
    for (guint i = 0; i < n_ids; i++)
      g_clear_object (&records[i]);

  return ok;
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
