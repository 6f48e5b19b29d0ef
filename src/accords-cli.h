/* accords-cli.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (DESIGN.md, "Command line"). */
enum {
  ACCORDS_EXIT_OK = 0,
  ACCORDS_EXIT_FAILURE = 1,
  ACCORDS_EXIT_USAGE = 2,
};

char *accords_cli_resolve_library (const char  *database,
                                   gboolean     sample,
                                   GError     **error);
int   accords_cli_list            (const char  *database,
                                   gboolean     sample,
                                   const char  *query_text);
int   accords_cli_export          (const char  *database,
                                   gboolean     sample,
                                   const char  *query_text,
                                   const char  *format_id,
                                   const char  *output);

int   accords_cli_import          (const char  *database,
                                   gboolean     sample,
                                   const char * const *files);

G_END_DECLS
