/* accords-person.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_PERSON (accords_person_get_type ())
G_DECLARE_FINAL_TYPE (AccordsPerson, accords_person, ACCORDS, PERSON, GObject)

/* A person named in a record: properties "name", "role" (the title the
 * report gives, may be NULL) and "country" (alpha-2, may be NULL). */

AccordsPerson *accords_person_new         (const char    *name,
                                           const char    *role,
                                           const char    *country);
const char    *accords_person_get_name    (AccordsPerson *self);
const char    *accords_person_get_role    (AccordsPerson *self);
const char    *accords_person_get_country (AccordsPerson *self);

G_END_DECLS
