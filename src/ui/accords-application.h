/* accords-application.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ACCORDS_TYPE_APPLICATION (accords_application_get_type ())
G_DECLARE_FINAL_TYPE (AccordsApplication, accords_application, ACCORDS, APPLICATION, AdwApplication)

AccordsApplication *accords_application_new (const char *database,
                                             gboolean    sample,
                                             const char *query);

void                accords_application_set_import_files (AccordsApplication *self,
                                                          const char * const *files);

G_END_DECLS
