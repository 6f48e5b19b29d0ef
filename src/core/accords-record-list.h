/* accords-record-list.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_RECORD_LIST (accords_record_list_get_type ())
G_DECLARE_FINAL_TYPE (AccordsRecordList, accords_record_list, ACCORDS, RECORD_LIST, GObject)

AccordsRecordList *accords_record_list_new          (AccordsStore       *store);
AccordsStore      *accords_record_list_get_store    (AccordsRecordList  *self);
AccordsQuery      *accords_record_list_get_query    (AccordsRecordList  *self);
void               accords_record_list_set_query    (AccordsRecordList  *self,
                                                     AccordsQuery       *query);
gboolean           accords_record_list_get_loading  (AccordsRecordList  *self);
const GError      *accords_record_list_get_error    (AccordsRecordList  *self);
GArray            *accords_record_list_get_ids      (AccordsRecordList  *self);
gint64             accords_record_list_get_id       (AccordsRecordList  *self,
                                                     guint               position);
guint              accords_record_list_find_id      (AccordsRecordList  *self,
                                                     gint64              id);
void               accords_record_list_reload       (AccordsRecordList  *self);
void               accords_record_list_refresh      (AccordsRecordList  *self,
                                                     const gint64       *ids,
                                                     guint               n_ids);

G_END_DECLS
