/* accords-preferences-window.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_PREFERENCES_WINDOW (accords_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AccordsPreferencesWindow, accords_preferences_window, ACCORDS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *accords_preferences_window_new (GtkWindow *parent);

G_END_DECLS
