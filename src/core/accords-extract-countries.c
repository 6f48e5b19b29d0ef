/* accords-extract-countries.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include "accords-extract-private.h"

void
_accords_extract_countries (AccordsExtraction *ex)
{
}

GArray *
_accords_extract_country_mentions (const char *text,
                                   const char *language)
{
  return g_array_new (FALSE, FALSE, sizeof (AccordsCountryMention));
}
