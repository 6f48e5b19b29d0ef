/* accords-search-entry.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_SEARCH_ENTRY (accords_search_entry_get_type ())
G_DECLARE_FINAL_TYPE (AccordsSearchEntry, accords_search_entry, ACCORDS, SEARCH_ENTRY, GtkWidget)

GtkWidget      *accords_search_entry_new         (void);
AccordsSession *accords_search_entry_get_session (AccordsSearchEntry *self);
void            accords_search_entry_set_session (AccordsSearchEntry *self,
                                                  AccordsSession     *session);
void            accords_search_entry_set_text    (AccordsSearchEntry *self,
                                                  const char         *text);
void            accords_search_entry_clear       (AccordsSearchEntry *self);

G_END_DECLS
