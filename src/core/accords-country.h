/* accords-country.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_COUNTRY (accords_country_get_type ())
G_DECLARE_FINAL_TYPE (AccordsCountry, accords_country, ACCORDS, COUNTRY, GObject)

/* Countries come from Debian's iso-codes (ISO 3166-1); the table is loaded
 * once, on first use, and lives for the rest of the process. */

const char     *accords_country_get_code            (AccordsCountry *self);
const char     *accords_country_get_alpha3          (AccordsCountry *self);
const char     *accords_country_get_name            (AccordsCountry *self);
const char     *accords_country_get_official_name   (AccordsCountry *self);
const char     *accords_country_get_common_name     (AccordsCountry *self);
const char     *accords_country_get_localized_name  (AccordsCountry *self);
const char     *accords_country_get_flag            (AccordsCountry *self);

AccordsCountry *accords_country_lookup_code         (const char     *code);
AccordsCountry *accords_country_lookup              (const char     *code_or_name);
GListModel     *accords_country_list                (void);
char           *accords_country_dup_localized_name  (const char     *code);
char           *accords_country_join_localized      (const char * const *codes,
                                                     const char     *separator);

G_END_DECLS
