/* accords-import-dialog-read.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import-dialog-read"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "accords-country.h"
#include "accords-import-dialog-private.h"
#include "accords-import.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-topic.h"

/* Reading ------------------------------------------------------------------ */

typedef struct
{
  char         **paths;
  AccordsStore  *reader;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_strfreev (data->paths);
  g_clear_object (&data->reader);
  g_free (data);
}

typedef struct
{
  AccordsImportDialog *self;
  guint                done;
  guint                total;
} Progress;

static gboolean
progress_cb (gpointer user_data)
{
  Progress *progress = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u files"), progress->done, progress->total);

  /* the dialog may have been closed while the files were read */
  if (g_cancellable_is_cancelled (progress->self->cancellable))
    {
      g_object_unref (progress->self);
      g_free (progress);
      return G_SOURCE_REMOVE;
    }

  gtk_progress_bar_set_fraction (progress->self->progress, (double) progress->done / progress->total);
  gtk_progress_bar_set_text (progress->self->progress, text);

  g_object_unref (progress->self);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
read_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->self = g_object_ref (user_data);
  progress->done = done;
  progress->total = total;
  g_idle_add (progress_cb, progress);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(GPtrArray) proposals = NULL;
  GError *error = NULL;

  proposals = accords_import_read ((const char * const *) data->paths, cancellable,
                                   read_progress, source_object);
  if (proposals == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
      return;
    }

  if (!accords_import_match (data->reader, proposals, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&proposals), (GDestroyNotify) g_ptr_array_unref);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AccordsImportDialog *self = ACCORDS_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  GPtrArray *proposals;
  proposals = g_task_propagate_pointer (G_TASK (result), &error);

  /* closed meanwhile: its widgets are gone */
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&proposals, g_ptr_array_unref);
      return;
    }

  if (proposals == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_stack_set_visible_child_name (self->stack, "review");
          gtk_stack_set_visible_child_name (self->editor_stack, "error");
        }
      return;
    }

  self->proposals = proposals;
  for (guint i = 0; i < proposals->len; i++)
    {
      AccordsImportProposal *proposal = g_ptr_array_index (proposals, i);
      GtkWidget *row = _accords_import_dialog_make_row (self, proposal);

      /* a file that cannot be imported is left out of the batch, which
       * saves the rest */
      if (proposal->outcome == ACCORDS_IMPORT_FAILED)
        proposal->excluded = TRUE;
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }
  _accords_import_dialog_update_rows (self);


  gtk_stack_set_visible_child_name (self->stack, "review");
  if (self->rows->len > 0)
    gtk_list_box_select_row (self->list, g_ptr_array_index (self->rows, 0));
}

void
_accords_import_dialog_start_reading (AccordsImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReadData *data = g_new0 (ReadData, 1);

  data->paths = g_strdupv (self->paths);
  data->reader = accords_store_open_reader (accords_session_get_store (self->session), &error);
  if (data->reader == NULL)
    {
      read_data_free (data);
      gtk_label_set_text (self->error_label, error->message);
      gtk_stack_set_visible_child_name (self->stack, "review");
      gtk_stack_set_visible_child_name (self->editor_stack, "error");
      return;
    }

  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, _accords_import_dialog_start_reading);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}
