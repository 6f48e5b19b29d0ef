/* accords-paths.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

char *accords_paths_dup_default_library (void);
char *accords_paths_dup_sample_library  (GError **error);

G_END_DECLS
