/* accords-topic.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "accords-types.h"

G_BEGIN_DECLS

#define ACCORDS_TYPE_TOPIC (accords_topic_get_type ())
G_DECLARE_FINAL_TYPE (AccordsTopic, accords_topic, ACCORDS, TOPIC, GObject)

/* The topic vocabulary: a fixed set of ids, each with a translatable label. */

const char   *accords_topic_get_id          (AccordsTopic *self);
const char   *accords_topic_get_label       (AccordsTopic *self);

AccordsTopic *accords_topic_lookup          (const char   *id);
GListModel   *accords_topic_list            (void);
const char   *accords_topic_get_label_for   (const char   *id);
char         *accords_topic_join_labels     (const char * const *ids,
                                             const char   *separator);

G_END_DECLS
