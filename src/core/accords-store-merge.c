/* accords-store-merge.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "accords-annotation.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store-private.h"

/* One event, one record: another report of an event is added to its record
 * (an import), and two records found to be one event are merged (by the
 * user). Either way nothing of either is lost, least of all the user's
 * notes and tags. */

static gboolean
step_done (AccordsStore  *store,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  _accords_store_set_error (error, _accords_store_get_db (store), rc, what);
  return FALSE;
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && g_strv_contains (strv, value);
}

/* Inserts each of @values that none of the lists in @known holds, with
 * the statement @sql binding the record id, the value and the position
 * as ?1, ?2 and ?3. */
static gboolean
insert_new_values (AccordsStore         *store,
                   const char           *sql,
                   const char           *what,
                   gint64                id,
                   const char * const   *values,
                   const char * const  **known,
                   guint                *position,
                   GError              **error)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gboolean seen = FALSE;
      sqlite3_stmt *stmt;

      for (guint k = 0; known[k] != NULL && !seen; k++)
        seen = strv_has (known[k], values[i]);
      if (seen)
        continue;

      stmt = _accords_store_prepare_cached (store, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_text (stmt, 2, values[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, (*position)++);
      if (!step_done (store, stmt, what, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_person (AccordsRecord *record,
            const char    *name)
{
  GListModel *people = accords_record_get_people (record);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);

      if (g_utf8_collate (accords_person_get_name (person), name) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * _accords_store_merge_into:
 * @target: a record of the library, loaded in full
 * @from: another record, or an import proposal
 * @with_sources: whether to add @from's sources (not when they were moved)
 *
 * Adds what @from knows and @target does not: its sources, parties and
 * mentioned countries, topics, organisations and people (after the
 * target's own), and the venue, end date and summary where the target has
 * none. What the target already says is never overwritten: it may be the
 * user's work. Call inside _accords_store_begin/_end.
 */
gboolean
_accords_store_merge_into (AccordsStore   *store,
                           AccordsRecord  *target,
                           AccordsRecord  *from,
                           gboolean        with_sources,
                           const char     *now,
                           GError        **error)
{
  gint64 id = accords_record_get_id (target);
  guint n_sources = g_list_model_get_n_items (accords_record_get_sources (target));
  guint position;
  sqlite3_stmt *stmt;
  GListModel *people;

  if (with_sources && !_accords_store_insert_sources (store, id, from, n_sources, error))
    return FALSE;

  /* parties the target lacks: a country it only mentioned becomes a
   * party; then mentioned countries, topics and organisations, each after
   * the target's own */
  position = g_strv_length ((char **) accords_record_get_parties (target)) +
             g_strv_length ((char **) accords_record_get_mentioned (target));
  {
    const char * const *not_parties[] = { accords_record_get_parties (target), NULL };
    const char * const *not_mentioned[] = { accords_record_get_parties (target),
                                            accords_record_get_mentioned (target),
                                            accords_record_get_parties (from), NULL };
    const char * const *not_topics[] = { accords_record_get_topics (target), NULL };
    const char * const *not_orgs[] = { accords_record_get_organizations (target), NULL };
    guint topic_position = g_strv_length ((char **) accords_record_get_topics (target));
    guint org_position = g_strv_length ((char **) accords_record_get_organizations (target));

    if (!insert_new_values (store,
                            "INSERT INTO record_country (record_id, code, role, position) "
                            "VALUES (?1, ?2, 'party', ?3) "
                            "ON CONFLICT (record_id, code) DO UPDATE SET role = 'party'",
                            "record_country", id, accords_record_get_parties (from),
                            not_parties, &position, error) ||
        !insert_new_values (store,
                            "INSERT INTO record_country (record_id, code, role, position) "
                            "VALUES (?1, ?2, 'mentioned', ?3)",
                            "record_country", id, accords_record_get_mentioned (from),
                            not_mentioned, &position, error) ||
        !insert_new_values (store,
                            "INSERT INTO record_topic (record_id, topic, position) VALUES (?1, ?2, ?3)",
                            "record_topic", id, accords_record_get_topics (from),
                            not_topics, &topic_position, error) ||
        !insert_new_values (store,
                            "INSERT INTO record_org (record_id, name, position) VALUES (?1, ?2, ?3)",
                            "record_org", id, accords_record_get_organizations (from),
                            not_orgs, &org_position, error))
      return FALSE;
  }

  people = accords_record_get_people (from);
  position = g_list_model_get_n_items (accords_record_get_people (target));
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(AccordsPerson) person = g_list_model_get_item (people, i);
      gint64 person_id;

      if (has_person (target, accords_person_get_name (person)))
        continue;

      stmt = _accords_store_prepare_cached (store,
                                            "INSERT INTO person (name, country) VALUES (?, ?)",
                                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, accords_person_get_name (person), -1, SQLITE_TRANSIENT);
      if (accords_person_get_country (person) != NULL)
        sqlite3_bind_text (stmt, 2, accords_person_get_country (person), -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, "person", error))
        return FALSE;
      person_id = sqlite3_last_insert_rowid (_accords_store_get_db (store));

      stmt = _accords_store_prepare_cached (store,
                                            "INSERT INTO record_person (record_id, position, person_id, role) "
                                            "VALUES (?, ?, ?, ?)",
                                            error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, position++);
      sqlite3_bind_int64 (stmt, 3, person_id);
      if (accords_person_get_role (person) != NULL)
        sqlite3_bind_text (stmt, 4, accords_person_get_role (person), -1, SQLITE_TRANSIENT);
      if (!step_done (store, stmt, "record_person", error))
        return FALSE;
    }

  stmt = _accords_store_prepare_cached (store,
                                        "UPDATE record SET "
                                        "event_end = coalesce(event_end, ?2), "
                                        "venue_city = coalesce(venue_city, ?3), "
                                        "venue_country = coalesce(venue_country, ?4), "
                                        "venue_forum = coalesce(venue_forum, ?5), "
                                        "summary = CASE WHEN summary = '' THEN coalesce(?6, '') ELSE summary END, "
                                        "modified = ?7 "
                                        "WHERE id = ?1",
                                        error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, accords_record_get_event_end (from), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, accords_record_get_venue_city (from), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, accords_record_get_venue_country (from), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, accords_record_get_venue_forum (from), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, accords_record_get_summary (from), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);
  if (!step_done (store, stmt, "record", error))
    return FALSE;

  if (with_sources)
  {
    GListModel *sources = accords_record_get_sources (from);

    for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
      {
        g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
        const char *name = accords_source_get_file (source);

        if (name == NULL)
          name = accords_source_get_title (source);
        if (!_accords_store_add_history (store, accords_record_get_uid (target), "source",
                                         NULL, name != NULL ? name : "", now, error))
          return FALSE;
      }
  }

  return TRUE;
}


static gboolean
exec_bound (AccordsStore  *store,
            const char    *sql,
            gint64         a,
            gint64         b,
            const char    *what,
            GError       **error)
{
  sqlite3_stmt *stmt = _accords_store_prepare_cached (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return step_done (store, stmt, what, error);
}

static char *
merged_note (AccordsAnnotation *keep,
             AccordsAnnotation *other)
{
  const char *a = keep != NULL ? accords_annotation_get_note (keep) : NULL;
  const char *b = other != NULL ? accords_annotation_get_note (other) : NULL;

  if (a == NULL || *a == '\0')
    return g_strdup (b != NULL ? b : "");
  if (b == NULL || *b == '\0' || g_strcmp0 (a, b) == 0)
    return g_strdup (a);

  /* both notes kept, the kept record's first */
  return g_strconcat (a, "\n\n", b, NULL);
}

/**
 * accords_store_merge_records:
 * @self: a writable store
 * @keep_id: the record that stays
 * @other_id: the record merged into it, then removed
 *
 * Makes one record of two that report the same event, in one transaction:
 * the sources of @other_id move to @keep_id; countries, topics, people and
 * organisations are joined; the notes are both kept (one after the
 * other), the tags joined, the star kept if either had one, a review
 * state taken over if @keep_id had none; @other_id's history follows it.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_store_merge_records (AccordsStore  *self,
                             gint64         keep_id,
                             gint64         other_id,
                             GError       **error)
{
  g_autofree char *now = _accords_store_now_iso ();
  g_autoptr(AccordsRecord) keep = NULL;
  g_autoptr(AccordsRecord) other = NULL;
  g_autofree char *note = NULL;
  AccordsAnnotation *keep_annotation;
  AccordsAnnotation *other_annotation;
  gboolean ok;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ACCORDS_IS_STORE (self), FALSE);

  if (keep_id == other_id)
    {
      g_set_error_literal (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_INVALID,
                           _("A record cannot be merged with itself"));
      return FALSE;
    }

  if (!_accords_store_begin (self, error))
    return FALSE;

  keep = accords_store_load_record (self, keep_id, error);
  other = keep != NULL ? accords_store_load_record (self, other_id, error) : NULL;
  ok = keep != NULL && other != NULL;

  if (ok)
    ok = exec_bound (self,
                     "UPDATE source SET record_id = ?1, position = position + "
                     "(SELECT count(*) FROM source WHERE record_id = ?1) WHERE record_id = ?2",
                     keep_id, other_id, "source", error) &&
         _accords_store_merge_into (self, keep, other, FALSE, now, error) &&
         exec_bound (self,
                     "INSERT OR IGNORE INTO record_tag (record_id, tag_id) "
                     "SELECT ?1, tag_id FROM record_tag WHERE record_id = ?2",
                     keep_id, other_id, "record_tag", error) &&
         exec_bound (self,
                     "INSERT OR IGNORE INTO record_link (record_id, type, uid, position) "
                     "SELECT ?1, type, uid, position + 1000 FROM record_link WHERE record_id = ?2",
                     keep_id, other_id, "record_link", error);

  if (ok)
    {
      keep_annotation = accords_record_get_annotation (keep);
      other_annotation = accords_record_get_annotation (other);
      note = merged_note (keep_annotation, other_annotation);

      stmt = _accords_store_prepare_cached (self,
                                            "INSERT INTO annotation (record_id, note, starred, review, modified) "
                                            "VALUES (?1, ?2, ?3, ?4, ?5) "
                                            "ON CONFLICT (record_id) DO UPDATE SET note = ?2, starred = ?3, "
                                            "review = ?4, modified = ?5",
                                            error);
      ok = stmt != NULL;
      if (ok)
        {
          AccordsReview review = keep_annotation != NULL
                                 ? accords_annotation_get_review (keep_annotation)
                                 : ACCORDS_REVIEW_UNREVIEWED;

          if (review == ACCORDS_REVIEW_UNREVIEWED && other_annotation != NULL)
            review = accords_annotation_get_review (other_annotation);

          sqlite3_bind_int64 (stmt, 1, keep_id);
          sqlite3_bind_text (stmt, 2, note, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 3,
                            (keep_annotation != NULL && accords_annotation_get_starred (keep_annotation)) ||
                            (other_annotation != NULL && accords_annotation_get_starred (other_annotation)));
          sqlite3_bind_text (stmt, 4, accords_review_to_string (review), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
          ok = step_done (self, stmt, "annotation", error);
        }

      if (ok)
        ok = _accords_store_add_history (self, accords_record_get_uid (keep), "note",
                                         keep_annotation != NULL ? accords_annotation_get_note (keep_annotation) : "",
                                         note, now, error);
    }

  /* the other record's history is now this one's */
  if (ok)
    {
      stmt = _accords_store_prepare_cached (self, "UPDATE history SET record_uid = ?1 WHERE record_uid = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_text (stmt, 1, accords_record_get_uid (keep), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 2, accords_record_get_uid (other), -1, SQLITE_TRANSIENT);
          ok = step_done (self, stmt, "history", error) &&
               _accords_store_add_history (self, accords_record_get_uid (keep), "merged",
                                           NULL, accords_record_get_uid (other), now, error);
        }
    }

  if (ok)
    {
      stmt = _accords_store_prepare_cached (self, "DELETE FROM record WHERE id = ?", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, other_id);
          ok = step_done (self, stmt, "record", error);
        }
    }

  return _accords_store_end (self, ok, ok ? error : NULL);
}
