/* accords-import-dialog-private.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "accords-import.h"
#include "accords-import-dialog.h"

G_BEGIN_DECLS

struct _AccordsImportDialog
{
  AdwWindow             parent_instance;

  AccordsSession       *session;
  AdwToastOverlay      *window_toasts;
  char                **paths;
  GCancellable         *cancellable;
  GPtrArray            *proposals;   /* AccordsImportProposal */
  GPtrArray            *rows;        /* GtkListBoxRow, parallel to proposals */
  AccordsImportProposal *current;
  GArray               *leaders;     /* guint per proposal: see group_leader(); NULL when stale */
  GArray               *group_sizes; /* guint per proposal: files of the group it leads */
  guint                 rematch_source;
  gboolean              filling;     /* the editor is being filled: not an edit */

  AdwWindowTitle       *window_title;
  GtkButton            *import_button;
  AdwToastOverlay      *toasts;
  GtkStack             *stack;
  GtkProgressBar       *progress;
  GtkListBox           *list;
  GtkStack             *editor_stack;
  GtkLabel             *outcome_label;
  GtkLabel             *notes_label;
  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *date_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *parties_row;
  AdwEntryRow          *mentioned_row;
  AdwEntryRow          *topics_row;
  AdwActionRow         *people_row;
  AdwActionRow         *orgs_row;
  GtkTextView          *text_view;
  GtkLabel             *error_label;
};

/* accords-import-dialog.c: the list of proposals */
char      *_accords_import_dialog_describe_outcome  (AccordsImportDialog   *self,
                                                     AccordsImportProposal *proposal);
void       _accords_import_dialog_update_rows       (AccordsImportDialog   *self);
GtkWidget *_accords_import_dialog_make_row          (AccordsImportDialog   *self,
                                                     AccordsImportProposal *proposal);

/* accords-import-dialog-editor.c: the editor of one proposal */
void       _accords_import_dialog_schedule_rematch  (AccordsImportDialog   *self);
void       _accords_import_dialog_show_proposal     (AccordsImportDialog   *self,
                                                     AccordsImportProposal *proposal);
GtkWidget *_accords_import_dialog_build_editor      (AccordsImportDialog   *self);
void       _accords_import_dialog_load_legend_css   (void);

/* accords-import-dialog-read.c: reading the files on a worker */
void       _accords_import_dialog_start_reading     (AccordsImportDialog   *self);

G_END_DECLS
