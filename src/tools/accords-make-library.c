/* accords-make-library.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-make-library"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "accords-json.h"
#include "accords-store.h"

/* accords-make-library JSON OUTPUT: builds a new library from a file in the
 * library JSON schema, with the loader the application's import uses. The
 * output is made from scratch under a temporary name and renamed at the end,
 * so that a failed build leaves no half-made library behind. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) input = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *tmp = NULL;
  AccordsStore *store;

  if (argc != 3)
    {
      g_printerr ("usage: %s JSON OUTPUT\n", argv[0]);
      return EXIT_FAILURE;
    }

  input = g_file_new_for_commandline_arg (argv[1]);
  records = accords_json_read_file (input, &error);
  if (records == NULL)
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }

  tmp = g_strconcat (argv[2], ".tmp", NULL);
  g_unlink (tmp);

  store = accords_store_open (tmp, &error);
  if (store == NULL || !accords_store_insert_records (store, records, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      g_clear_object (&store);
      g_unlink (tmp);
      return EXIT_FAILURE;
    }

  /* Closing the last connection folds the WAL into the file. */
  g_object_unref (store);

  if (g_rename (tmp, argv[2]) != 0)
    {
      g_printerr ("%s: cannot write %s\n", argv[0], argv[2]);
      g_unlink (tmp);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
