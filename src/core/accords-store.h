/* accords-store.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_STORE_ERROR (accords_store_error_quark ())

typedef enum
{
  ACCORDS_STORE_ERROR_OPEN,          /* the file cannot be opened or created */
  ACCORDS_STORE_ERROR_NOT_A_LIBRARY, /* not an SQLite file, or SQLite but not an Accords library */
  ACCORDS_STORE_ERROR_DAMAGED,       /* quick_check failed */
  ACCORDS_STORE_ERROR_NEWER_VERSION, /* made by a newer Accords: never touched */
  ACCORDS_STORE_ERROR_MIGRATION,     /* an upgrade failed (the file is as it was) */
  ACCORDS_STORE_ERROR_SQL,           /* any other SQLite failure */
  ACCORDS_STORE_ERROR_NOT_FOUND,     /* no such record */
  ACCORDS_STORE_ERROR_INVALID,       /* a record that breaks the schema's rules */
  ACCORDS_STORE_ERROR_CONFLICT,      /* a uid or source text that is already in the library */
} AccordsStoreError;

/* The schema version this build writes (PRAGMA user_version). */
#define ACCORDS_STORE_SCHEMA_VERSION 1

#define ACCORDS_TYPE_STORE (accords_store_get_type ())
G_DECLARE_FINAL_TYPE (AccordsStore, accords_store, ACCORDS, STORE, GObject)

GQuark         accords_store_error_quark          (void);

AccordsStore  *accords_store_open                 (const char     *path,
                                                   GError        **error);
AccordsStore  *accords_store_open_read_only       (const char     *path,
                                                   GError        **error);
AccordsStore  *accords_store_open_reader          (AccordsStore   *self,
                                                   GError        **error);
const char    *accords_store_get_path             (AccordsStore   *self);
gboolean       accords_store_get_read_only        (AccordsStore   *self);

gboolean       accords_store_insert_record        (AccordsStore   *self,
                                                   AccordsRecord  *record,
                                                   GError        **error);
gboolean       accords_store_insert_records       (AccordsStore   *self,
                                                   GPtrArray      *records,
                                                   GError        **error);

AccordsRecord *accords_store_load_record          (AccordsStore   *self,
                                                   gint64          id,
                                                   GError        **error);
AccordsRecord *accords_store_load_record_by_uid   (AccordsStore   *self,
                                                   const char     *uid,
                                                   GError        **error);
gint64         accords_store_count_records        (AccordsStore   *self,
                                                   GError        **error);

gboolean       accords_store_query_ids            (AccordsStore   *self,
                                                   AccordsQuery   *query,
                                                   GArray         *ids,
                                                   GCancellable   *cancellable,
                                                   GError        **error);
gboolean       accords_store_load_list_records    (AccordsStore   *self,
                                                   const gint64   *ids,
                                                   guint           n_ids,
                                                   AccordsRecord **records,
                                                   GError        **error);

char          *accords_store_make_uid             (void);

/* The user's annotations: each call is one transaction and records every
 * change in the history (accords-store-annotations.c). */
gboolean       accords_store_set_note             (AccordsStore   *self,
                                                   gint64          record_id,
                                                   const char     *note,
                                                   GError        **error);
gboolean       accords_store_set_starred          (AccordsStore   *self,
                                                   const gint64   *ids,
                                                   guint           n_ids,
                                                   gboolean        starred,
                                                   GError        **error);
gboolean       accords_store_set_review           (AccordsStore   *self,
                                                   const gint64   *ids,
                                                   guint           n_ids,
                                                   AccordsReview   review,
                                                   GError        **error);
gboolean       accords_store_add_tag              (AccordsStore   *self,
                                                   const gint64   *ids,
                                                   guint           n_ids,
                                                   const char     *name,
                                                   GError        **error);
gboolean       accords_store_remove_tag           (AccordsStore   *self,
                                                   const gint64   *ids,
                                                   guint           n_ids,
                                                   const char     *name,
                                                   GError        **error);
GListModel    *accords_store_list_tags            (AccordsStore   *self,
                                                   GError        **error);
gboolean       accords_store_rename_tag           (AccordsStore   *self,
                                                   const char     *name,
                                                   const char     *new_name,
                                                   GError        **error);
gboolean       accords_store_set_tag_color        (AccordsStore   *self,
                                                   const char     *name,
                                                   const char     *color,
                                                   GError        **error);
gboolean       accords_store_merge_tags           (AccordsStore   *self,
                                                   const char     *name,
                                                   const char     *into,
                                                   GError        **error);
gboolean       accords_store_delete_tag           (AccordsStore   *self,
                                                   const char     *name,
                                                   GError        **error);
gboolean       accords_store_merge_records        (AccordsStore   *self,
                                                   gint64          keep_id,
                                                   gint64          other_id,
                                                   GError        **error);
GPtrArray     *accords_store_load_history         (AccordsStore   *self,
                                                   const char     *uid,
                                                   const char     *what,
                                                   GError        **error);

G_END_DECLS
