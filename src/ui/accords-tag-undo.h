/* accords-tag-undo.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-session.h"

G_BEGIN_DECLS

AdwToast *accords_untag_selection (AccordsSession  *session,
                                   const char      *name,
                                   GError         **error);

G_END_DECLS
