/* accords-import-read.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import"

#include "config.h"

#include "accords-import.h"

G_DEFINE_QUARK (accords-import-error-quark, accords_import_error)

AccordsImportFile *
accords_import_read_file (const char   *path,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_UNREADABLE,
               "Not written yet: %s", path);
  return NULL;
}

void
accords_import_file_free (AccordsImportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->basename);
  g_clear_pointer (&file->article, accords_extraction_free);
  g_clear_pointer (&file->records, g_ptr_array_unref);
  g_clear_pointer (&file->notes, g_ptr_array_unref);
  g_free (file);
}
