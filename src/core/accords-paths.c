/* accords-paths.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-paths"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "accords-paths.h"

static char *
dup_data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, NULL);
}

/**
 * accords_paths_dup_default_library:
 *
 * Returns: (transfer full): where the user's own library lives,
 *   `$XDG_DATA_HOME/accords/library.db`
 */
char *
accords_paths_dup_default_library (void)
{
  g_autofree char *dir = dup_data_dir ();

  return g_build_filename (dir, "library.db", NULL);
}

/**
 * accords_paths_dup_sample_library:
 *
 * Finds the user's copy of the sample collection, copying the installed
 * one into `$XDG_DATA_HOME/accords/sample.db` on first use, so that edits
 * never touch the installed file. `ACCORDS_SAMPLE_LIBRARY` names another
 * file to copy from (an uninstalled build uses it).
 *
 * Returns: (transfer full): the path of the writable copy, or %NULL with
 *   @error set
 */
char *
accords_paths_dup_sample_library (GError **error)
{
  g_autofree char *dir = dup_data_dir ();
  g_autofree char *copy = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *tmp = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFile) copy_file = NULL;
  const char *installed;

  if (g_file_test (copy, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&copy);

  installed = g_getenv ("ACCORDS_SAMPLE_LIBRARY");
  if (installed == NULL || installed[0] == '\0')
    installed = PKGDATADIR "/sample.db";

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  /* Copied under another name and renamed, so that an interrupted copy
   * never passes for the sample collection. */
  tmp = g_strconcat (copy, ".part", NULL);
  source = g_file_new_for_path (installed);
  tmp_file = g_file_new_for_path (tmp);
  copy_file = g_file_new_for_path (copy);

  if (!g_file_copy (source, tmp_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error) ||
      !g_file_move (tmp_file, copy_file, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
    {
      g_file_delete (tmp_file, NULL, NULL);
      g_prefix_error (error, _("Could not copy the sample collection: "));
      return NULL;
    }

  return g_steal_pointer (&copy);
}
