/* accords-figure.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_FIGURE (accords_figure_get_type ())
G_DECLARE_FINAL_TYPE (AccordsFigure, accords_figure, ACCORDS, FIGURE, GObject)

/* A number a report gives: properties "what", "value" (double),
 * "has-value", "value-is-integer", "unit", "year" (0 when unknown) and
 * "text" (the words of the report, may be NULL). */

AccordsFigure *accords_figure_new                  (const char    *what);
const char    *accords_figure_get_what             (AccordsFigure *self);
gboolean       accords_figure_get_has_value        (AccordsFigure *self);
double         accords_figure_get_value            (AccordsFigure *self);
gboolean       accords_figure_get_value_is_integer (AccordsFigure *self);
void           accords_figure_set_value            (AccordsFigure *self,
                                                    double         value,
                                                    gboolean       is_integer);
const char    *accords_figure_get_unit             (AccordsFigure *self);
void           accords_figure_set_unit             (AccordsFigure *self,
                                                    const char    *unit);
int            accords_figure_get_year             (AccordsFigure *self);
void           accords_figure_set_year             (AccordsFigure *self,
                                                    int            year);
const char    *accords_figure_get_text             (AccordsFigure *self);
void           accords_figure_set_text             (AccordsFigure *self,
                                                    const char    *text);

G_END_DECLS
