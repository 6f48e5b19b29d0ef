/* accords-format.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

char *accords_format_date             (const char           *start,
                                       const char           *end,
                                       AccordsDatePrecision  precision,
                                       AccordsDateQualifier  qualifier);
char *accords_format_event_date       (AccordsRecord        *record);
char *accords_format_event_date_short (AccordsRecord        *record);
char *accords_format_iso_date         (const char           *iso);
char *accords_format_parties          (AccordsRecord        *record);

G_END_DECLS
