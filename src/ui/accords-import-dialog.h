/* accords-import-dialog.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_IMPORT_DIALOG (accords_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordsImportDialog, accords_import_dialog, ACCORDS, IMPORT_DIALOG, AdwWindow)

void accords_import_dialog_present (GtkWindow          *parent,
                                    AccordsSession     *session,
                                    AdwToastOverlay    *toasts,
                                    const char * const *paths);

G_END_DECLS
