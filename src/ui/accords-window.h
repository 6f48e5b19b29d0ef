/* accords-window.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-application.h"
#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_WINDOW (accords_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordsWindow, accords_window, ACCORDS, WINDOW, AdwApplicationWindow)

AccordsWindow  *accords_window_new         (AccordsApplication *application,
                                            const char         *database,
                                            gboolean            sample,
                                            const char         *query);
AccordsSession *accords_window_get_session (AccordsWindow      *self);
void            accords_window_import_files (AccordsWindow      *self,
                                             const char * const *paths);

G_END_DECLS
