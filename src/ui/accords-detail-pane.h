/* accords-detail-pane.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_DETAIL_PANE (accords_detail_pane_get_type ())
G_DECLARE_FINAL_TYPE (AccordsDetailPane, accords_detail_pane, ACCORDS, DETAIL_PANE, GtkWidget)

GtkWidget     *accords_detail_pane_new        (AccordsSession    *session);
AccordsRecord *accords_detail_pane_get_record (AccordsDetailPane *self);

G_END_DECLS
