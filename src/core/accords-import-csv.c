/* accords-import-csv.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import"

#include "config.h"

#include "accords-import.h"
