/* accords-record-table.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_RECORD_TABLE (accords_record_table_get_type ())
G_DECLARE_FINAL_TYPE (AccordsRecordTable, accords_record_table, ACCORDS, RECORD_TABLE, GtkWidget)

GtkWidget      *accords_record_table_new         (AccordsSession     *session);
AccordsSession *accords_record_table_get_session (AccordsRecordTable *self);
gboolean        accords_record_table_get_compact (AccordsRecordTable *self);
void            accords_record_table_set_compact (AccordsRecordTable *self,
                                                  gboolean            compact);

G_END_DECLS
