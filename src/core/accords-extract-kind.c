/* accords-extract-kind.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include "accords-extract-private.h"

void
_accords_extract_kind (AccordsExtraction *ex)
{
}
