/* accords-eval.c — measures the article extractor against labelled reports
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * accords-eval [--verbose] DIR...
 *
 * Each DIR holds articles (*.txt) and a labels.json describing them (the
 * schema of the corpus README). Prints one line per field:
 *
 *   FIELD precision=P recall=R f1=F
 *
 * for parties, mentioned, event_date, kind, topics, people and pairs
 * (same-event pairs of files within each DIR). --verbose also prints every
 * disagreement, file by file, on standard error.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "accords-extract.h"
#include "accords-person.h"

typedef struct
{
  const char *name;
  guint       predicted;
  guint       labelled;
  guint       correct_predicted; /* predictions that are right */
  guint       correct_labelled;  /* labels that were found */
} Score;

enum { PARTIES, MENTIONED, EVENT_DATE, KIND, TOPICS, PEOPLE, PAIRS, N_SCORES };

static Score scores[N_SCORES] = {
  { "parties" }, { "mentioned" }, { "event_date" }, { "kind" },
  { "topics" }, { "people" }, { "pairs" },
};

static gboolean verbose;

static GPtrArray *
label_strings (JsonObject *labels,
               const char *member)
{
  GPtrArray *strings = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array = json_object_get_array_member (labels, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (strings, g_strdup (json_array_get_string_element (array, i)));

  return strings;
}

static gboolean
contains (GPtrArray  *array,
          const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

static void
score_sets (Score      *score,
            const char *file,
            GPtrArray  *predicted,
            GPtrArray  *labelled)
{
  score->predicted += predicted->len;
  score->labelled += labelled->len;

  for (guint i = 0; i < predicted->len; i++)
    if (contains (labelled, g_ptr_array_index (predicted, i)))
      score->correct_predicted++;
    else if (verbose)
      g_printerr ("%s: %s: extra %s\n", file, score->name, (char *) g_ptr_array_index (predicted, i));

  for (guint i = 0; i < labelled->len; i++)
    if (contains (predicted, g_ptr_array_index (labelled, i)))
      score->correct_labelled++;
    else if (verbose)
      g_printerr ("%s: %s: missed %s\n", file, score->name, (char *) g_ptr_array_index (labelled, i));
}

static void
score_people (const char        *file,
              AccordsExtraction *ex,
              JsonObject        *labels)
{
  JsonArray *people = json_object_get_array_member (labels, "people");
  g_autoptr(GPtrArray) predicted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labelled = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) latin = g_ptr_array_new_with_free_func (g_free);
  Score *score = &scores[PEOPLE];

  for (guint i = 0; i < ex->people->len; i++)
    g_ptr_array_add (predicted, accords_extract_fold_name (accords_person_get_name (g_ptr_array_index (ex->people, i))));

  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      const char *name_latin = json_object_get_string_member_with_default (person, "name_latin", NULL);

      g_ptr_array_add (labelled, accords_extract_fold_name (json_object_get_string_member (person, "name")));
      g_ptr_array_add (latin, name_latin != NULL ? accords_extract_fold_name (name_latin) : NULL);
    }

  score->predicted += predicted->len;
  score->labelled += labelled->len;

  for (guint i = 0; i < predicted->len; i++)
    if (contains (labelled, g_ptr_array_index (predicted, i)) ||
        contains (latin, g_ptr_array_index (predicted, i)))
      score->correct_predicted++;
    else if (verbose)
      g_printerr ("%s: people: extra %s\n", file, (char *) g_ptr_array_index (predicted, i));

  for (guint i = 0; i < labelled->len; i++)
    if (contains (predicted, g_ptr_array_index (labelled, i)) ||
        (g_ptr_array_index (latin, i) != NULL && contains (predicted, g_ptr_array_index (latin, i))))
      score->correct_labelled++;
    else if (verbose)
      g_printerr ("%s: people: missed %s\n", file, (char *) g_ptr_array_index (labelled, i));
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

static void
score_event_date (const char        *file,
                  AccordsExtraction *ex,
                  JsonObject        *labels)
{
  const char *want = member_string (labels, "event_date");
  JsonObject *window = json_object_get_member (labels, "event_window") != NULL &&
                       JSON_NODE_HOLDS_OBJECT (json_object_get_member (labels, "event_window"))
                       ? json_object_get_object_member (labels, "event_window") : NULL;
  Score *score = &scores[EVENT_DATE];
  gboolean right = FALSE;

  if (want != NULL || window != NULL)
    score->labelled++;
  if (ex->event_date != NULL)
    score->predicted++;

  if (ex->event_date != NULL)
    {
      if (want != NULL)
        right = strcmp (ex->event_date, want) == 0;
      else if (window != NULL)
        right = strcmp (ex->event_date, member_string (window, "from")) >= 0 &&
                strcmp (ex->event_date, member_string (window, "to")) <= 0;
    }

  if (right)
    {
      score->correct_predicted++;
      score->correct_labelled++;
    }
  else if (verbose)
    g_printerr ("%s: event_date: got %s, want %s (publish %s, got %s)\n", file,
                ex->event_date ? ex->event_date : "none",
                want ? want : (window ? member_string (window, "from") : "none"),
                member_string (labels, "publish_date") ? member_string (labels, "publish_date") : "none",
                ex->publish_date ? ex->publish_date : "none");
}

static void
score_kind (const char        *file,
            AccordsExtraction *ex,
            JsonObject        *labels)
{
  const char *want = member_string (labels, "event_kind");
  const char *got = ex->has_kind ? accords_kind_to_string (ex->kind) : NULL;
  Score *score = &scores[KIND];

  score->labelled += want != NULL;
  score->predicted += got != NULL;
  if (got != NULL && g_strcmp0 (got, want) == 0)
    {
      score->correct_predicted++;
      score->correct_labelled++;
    }
  else if (verbose)
    g_printerr ("%s: kind: got %s, want %s\n", file, got ? got : "none", want);
}

static gboolean
evaluate_dir (const char *dir,
              GError    **error)
{
  g_autofree char *labels_path = g_build_filename (dir, "labels.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GList) files = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  JsonObject *all;

  if (!json_parser_load_from_mapped_file (parser, labels_path, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: not a JSON object", labels_path);
      return FALSE;
    }

  all = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_members (all);
  files = g_list_sort (files, (GCompareFunc) strcmp);

  for (const GList *l = files; l != NULL; l = l->next)
    {
      const char *file = l->data;
      JsonObject *labels = json_object_get_object_member (all, file);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *text = NULL;
      g_autoptr(AccordsExtraction) ex = NULL;
      g_autoptr(GPtrArray) want = NULL;

      if (!g_file_get_contents (path, &text, NULL, error))
        return FALSE;
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: not UTF-8", path);
          return FALSE;
        }

      ex = accords_extract_article (text, file);

      want = label_strings (labels, "parties");
      score_sets (&scores[PARTIES], file, ex->parties, want);
      g_clear_pointer (&want, g_ptr_array_unref);
      want = label_strings (labels, "other_countries_mentioned");
      score_sets (&scores[MENTIONED], file, ex->mentioned, want);
      g_clear_pointer (&want, g_ptr_array_unref);
      want = label_strings (labels, "topics");
      score_sets (&scores[TOPICS], file, ex->topics, want);
      score_event_date (file, ex, labels);
      score_kind (file, ex, labels);
      score_people (file, ex, labels);

      if (verbose)
        g_printerr ("%s: language %s, publish %s (%s), title \"%s\"\n", file,
                    ex->language ? ex->language : "none",
                    ex->publish_date ? ex->publish_date : "none",
                    ex->publish_date_form ? ex->publish_date_form : "none",
                    ex->title ? ex->title : "");

      g_ptr_array_add (records, accords_extraction_to_record (ex));
      g_ptr_array_add (names, (gpointer) file);
    }

  /* same-event pairs within this folder */
  for (guint i = 0; i < records->len; i++)
    for (guint j = i + 1; j < records->len; j++)
      {
        const char *a = g_ptr_array_index (names, i);
        const char *b = g_ptr_array_index (names, j);
        g_autoptr(GPtrArray) same = label_strings (json_object_get_object_member (all, a), "same_event_as");
        gboolean labelled = contains (same, b);
        gboolean predicted = accords_records_same_event (g_ptr_array_index (records, i),
                                                         g_ptr_array_index (records, j));

        scores[PAIRS].labelled += labelled;
        scores[PAIRS].predicted += predicted;
        if (labelled && predicted)
          {
            scores[PAIRS].correct_labelled++;
            scores[PAIRS].correct_predicted++;
          }
        else if (verbose && (labelled || predicted))
          g_printerr ("pairs: %s %s and %s\n", labelled ? "missed" : "extra", a, b);
      }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every disagreement", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("DIR... — score the extractor on labelled reports");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: accords-eval [--verbose] DIR...");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    if (!evaluate_dir (argv[i], &error))
      {
        g_printerr ("accords-eval: %s\n", error->message);
        return 1;
      }

  for (guint i = 0; i < N_SCORES; i++)
    {
      const Score *s = &scores[i];
      double precision = s->predicted ? (double) s->correct_predicted / s->predicted : 0;
      double recall = s->labelled ? (double) s->correct_labelled / s->labelled : 0;
      double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;

      g_print ("%s precision=%.3f recall=%.3f f1=%.3f\n", s->name, precision, recall, f1);
    }

  return 0;
}
