/* accords-session.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-facets.h"
#include "accords-query.h"
#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SESSION (accords_session_get_type ())
G_DECLARE_FINAL_TYPE (AccordsSession, accords_session, ACCORDS, SESSION, GObject)

AccordsSession     *accords_session_new                 (AccordsStore   *store);
AccordsStore       *accords_session_get_store           (AccordsSession *self);
AccordsQuery       *accords_session_get_query           (AccordsSession *self);
void                accords_session_set_query           (AccordsSession *self,
                                                         AccordsQuery   *query);
AccordsRecordList  *accords_session_get_records         (AccordsSession *self);
GtkSelectionModel  *accords_session_get_selection       (AccordsSession *self);
AccordsRecord      *accords_session_get_selected_record (AccordsSession *self);
guint               accords_session_get_n_selected      (AccordsSession *self);
GArray             *accords_session_dup_selected_ids    (AccordsSession *self);
gboolean            accords_session_toggle_term         (AccordsSession    *self,
                                                         AccordsQueryField  field,
                                                         const char        *value);
void                accords_session_reload              (AccordsSession *self);
void                accords_session_records_changed     (AccordsSession *self,
                                                         const gint64   *ids,
                                                         guint           n_ids);
gboolean            accords_session_star_selection      (AccordsSession *self,
                                                         gboolean        starred,
                                                         GError        **error);
gboolean            accords_session_review_selection    (AccordsSession *self,
                                                         AccordsReview   review,
                                                         GError        **error);
gboolean            accords_session_tag_records         (AccordsSession *self,
                                                         GArray         *ids,
                                                         const char     *name,
                                                         gboolean        add,
                                                         GError        **error);
gboolean            accords_session_tag_selection       (AccordsSession *self,
                                                         const char     *name,
                                                         gboolean        add,
                                                         GError        **error);
GArray             *accords_session_dup_tagged_ids      (AccordsSession *self,
                                                         const char     *name);
guint               accords_session_get_total_records   (AccordsSession *self);
AccordsFacetCounts *accords_session_get_facet_counts    (AccordsSession *self);
gboolean            accords_session_get_facets_loading  (AccordsSession *self);
AccordsFacetIndex  *accords_session_get_facet_index     (AccordsSession *self);

gboolean            accords_session_merge_selection     (AccordsSession *self,
                                                         GError        **error);

G_END_DECLS
