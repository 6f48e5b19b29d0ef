/* accords-annotation-editor.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "accords-session.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_ANNOTATION_EDITOR (accords_annotation_editor_get_type ())
G_DECLARE_FINAL_TYPE (AccordsAnnotationEditor, accords_annotation_editor, ACCORDS, ANNOTATION_EDITOR, GtkWidget)

GtkWidget     *accords_annotation_editor_new        (AccordsSession          *session);
AccordsRecord *accords_annotation_editor_get_record (AccordsAnnotationEditor *self);
void           accords_annotation_editor_set_record (AccordsAnnotationEditor *self,
                                                     AccordsRecord           *record);
gboolean       accords_annotation_editor_flush      (AccordsAnnotationEditor *self);

G_END_DECLS
