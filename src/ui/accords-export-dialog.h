/* accords-export-dialog.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-session.h"

G_BEGIN_DECLS

void accords_export_dialog_present (GtkWindow       *parent,
                                    AccordsSession  *session,
                                    AdwToastOverlay *toasts);

G_END_DECLS
