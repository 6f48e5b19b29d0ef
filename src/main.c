/* main.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "accords-application.h"
#include "accords-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsApplication) app = NULL;
  g_autofree char *database = NULL;
  g_autofree char *query = NULL;
  g_autofree char *export_format = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) rest = NULL;
  gboolean sample = FALSE;
  gboolean list = FALSE;
  gboolean import = FALSE;
  gboolean version = FALSE;
  char *app_argv[] = { argv[0], NULL };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("Open the library FILE instead of your own"), N_("FILE") },
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample,
      N_("Open a copy of the sample collection"), NULL },
    { "import", 'i', 0, G_OPTION_ARG_NONE, &import,
      N_("Import the articles, CSV or JSON files given and exit"), NULL },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list,
      N_("Print the matching records, one per line, and exit"), NULL },
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query,
      N_("Show only the records that match the search Q"), N_("Q") },
    { "export", 'e', 0, G_OPTION_ARG_STRING, &export_format,
      N_("Write the matching records as FORMAT (csv, json, md, html or ics) and exit"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the export to FILE instead of standard output"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("[FILE…]"));
  g_option_context_set_summary (context,
                                _("Explore records of international technology cooperation."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("accords: %s\n", error->message);
      return ACCORDS_EXIT_USAGE;
    }


  if (sample && database != NULL)
    {
      g_printerr (_("accords: --sample and --database cannot be used together\n"));
      return ACCORDS_EXIT_USAGE;
    }

  if (version)
    {
      g_print ("accords %s\n", PACKAGE_VERSION);
      return ACCORDS_EXIT_OK;
    }

  if (import)
    {
      if (list || export_format != NULL || output != NULL || query != NULL)
        {
          g_printerr (_("accords: --import cannot be used with --list, --export or --query\n"));
          return ACCORDS_EXIT_USAGE;
        }
      return accords_cli_import (database, sample, (const char * const *) rest);
    }

  if (output != NULL && export_format == NULL)
    {
      g_printerr (_("accords: --output needs --export\n"));
      return ACCORDS_EXIT_USAGE;
    }

  if ((list || export_format != NULL) && rest != NULL && rest[0] != NULL)
    {
      g_printerr (_("accords: unexpected argument “%s”\n"), rest[0]);
      return ACCORDS_EXIT_USAGE;
    }

  if (list && export_format != NULL)
    {
      g_printerr (_("accords: --list and --export cannot be used together\n"));
      return ACCORDS_EXIT_USAGE;
    }

  if (export_format != NULL)
    return accords_cli_export (database, sample, query, export_format, output);

  if (list)
    return accords_cli_list (database, sample, query);

  app = accords_application_new (database, sample, query);

  /* `accords FILE…` opens the window and reviews the files for import */
  if (rest != NULL && rest[0] != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) files = NULL;

      for (guint i = 0; rest[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (rest[i]);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      files = g_strv_builder_end (builder);
      accords_application_set_import_files (app, (const char * const *) files);
    }

  return g_application_run (G_APPLICATION (app), 1, app_argv);
}
