/* accords-facet-sidebar.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FACET_SIDEBAR (accords_facet_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (AccordsFacetSidebar, accords_facet_sidebar, ACCORDS, FACET_SIDEBAR, GtkWidget)

GtkWidget      *accords_facet_sidebar_new         (AccordsSession      *session);
AccordsSession *accords_facet_sidebar_get_session (AccordsFacetSidebar *self);

G_END_DECLS
