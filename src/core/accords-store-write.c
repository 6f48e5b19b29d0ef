/* accords-store-write.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-annotation.h"
#include "accords-figure.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store-private.h"

/* Writing records: every write is one transaction (_accords_store_begin). */

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
      _accords_store_set_error (error, _accords_store_get_db (self), rc, what);
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
      _accords_store_set_error (error, _accords_store_get_db (self), rc, "person");
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

  *person_id = sqlite3_last_insert_rowid (_accords_store_get_db (self));

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

gboolean
_accords_store_insert_sources (AccordsStore   *self,
                               gint64          record_id,
                               AccordsRecord  *record,
                               guint           first_position,
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
      sqlite3_bind_int (stmt, 2, first_position + i);
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

      accords_source_set_id (source, sqlite3_last_insert_rowid (_accords_store_get_db (self)));
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

  *tag_id = sqlite3_last_insert_rowid (_accords_store_get_db (self));

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

gboolean
_accords_store_insert_one (AccordsStore   *self,
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

  record_id = sqlite3_last_insert_rowid (_accords_store_get_db (self));

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
      !_accords_store_insert_sources (self, record_id, record, 0, error) ||
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
  g_autofree char *now = _accords_store_now_iso ();
  gboolean ok = TRUE;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL, FALSE);

  if (!_accords_store_begin (self, error))
    return FALSE;

  for (guint i = 0; ok && i < records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (records, i);

      ok = _accords_store_insert_one (self, record, now, error);
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

  return _accords_store_end (self, ok, ok ? error : NULL);
}

