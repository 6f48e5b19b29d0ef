/* accords-tags-dialog.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_TAGS_DIALOG (accords_tags_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AccordsTagsDialog, accords_tags_dialog, ACCORDS, TAGS_DIALOG, AdwWindow)

void accords_tags_dialog_present (GtkWindow      *parent,
                                  AccordsSession *session);

G_END_DECLS
