/* accords-extract-kind-topics.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "accords-extract-kind-private.h"
#include "accords-topic.h"

/* The kind pass, part three: the topics of the cooperation. */

/* Topics */

typedef struct
{
  const char *id;       /* borrowed from the table */
  guint       count;    /* matches that are not part of a name */
  guint       first;    /* first word of the first one */
  gboolean    counts;   /* named as an area of the cooperation */
} TopicFound;

static gint
compare_topic_position (gconstpointer a,
                        gconstpointer b)
{
  const TopicFound *ta = a, *tb = b;

  return ta->first < tb->first ? -1 : ta->first > tb->first ? 1 : 0;
}

/* Whether the match is part of a name: "Ministry of Digital
 * Transformation" by its capitals, "وزارة الاتصالات" by the title before
 * it. */
static gboolean
is_part_of_name (const Words *words,
                 const Match *match,
                 const gint  *title_at)
{
  const Word *first = _accords_kind_word_at (words, match->first);

  if ((first->flags & WORD_TITLECASE) &&
      words->sentence_first[first->sentence] != match->first)
    return TRUE;

  for (guint back = 1; back <= 4 && back <= match->first; back++)
    {
      guint w = match->first - back;

      if (_accords_kind_word_at (words, w)->sentence != first->sentence)
        break;
      if (title_at[w] >= 0)
        return TRUE;
    }

  return FALSE;
}

/* The word at byte @offset, or the one after it. */
static guint
word_at_offset (const Words *words,
                gsize        offset)
{
  guint lo = 0, hi = words->words->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (_accords_kind_word_at (words, mid)->end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Sentences that name other countries but none of the parties ("Kenya
 * signed a similar deal with Ghana", "the route through a third country
 * has stalled") tell of other partners: what they name is background. */
static gboolean *
find_foreign_sentences (AccordsExtraction *ex,
                        const Words       *words)
{
  g_autoptr(GArray) mentions = NULL;
  g_autofree gboolean *party = g_new0 (gboolean, words->n_sentences + 1);
  gboolean *foreign = g_new0 (gboolean, words->n_sentences + 1);

  if (ex->parties == NULL || ex->parties->len == 0)
    return foreign;

  mentions = _accords_extract_country_mentions (ex->text, ex->language);
  for (guint i = 0; i < mentions->len; i++)
    {
      const AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);
      guint w = word_at_offset (words, m->start);
      guint sentence;

      if (w >= words->words->len)
        continue;
      sentence = _accords_kind_word_at (words, w)->sentence;
      if (g_ptr_array_find_with_equal_func (ex->parties, m->code, g_str_equal, NULL))
        party[sentence] = TRUE;
      else
        foreign[sentence] = TRUE;
    }

  for (guint s = 0; s < words->n_sentences; s++)
    foreign[s] = foreign[s] && !party[s];

  return foreign;
}

/* Whether a figure word ("billion", "млн") stands within a few words of
 * @match in its sentence: "bilateral trade reached $2 billion" is a
 * statistic about the two countries, not an area of their cooperation. */
static gboolean
near_figure (const Words *words,
             const Match *match,
             const gint  *figure_at)
{
  guint sentence = _accords_kind_word_at (words, match->first)->sentence;
  guint from = match->first > 8 ? match->first - 8 : 0;
  guint to = MIN (match->last + 8, words->words->len - 1);

  for (guint w = from; w <= to; w++)
    if (figure_at[w] >= 0 && _accords_kind_word_at (words, w)->sentence == sentence)
      return TRUE;

  return FALSE;
}

/* Whether @match stands among the objects of a word for touring a place
 * ("toured the ICT authority and the national data centre"): it names
 * where the delegation went, not an area the two sides will work on. A
 * word about the cooperation in between ("visited the capital and signed
 * a memorandum on cybersecurity") ends the list of places. */
static gboolean
is_place_toured (const Words *words,
                 const Match *match,
                 const gint  *toured_at,
                 const gint  *cooperation_at)
{
  const Word *first = _accords_kind_word_at (words, match->first);

  for (guint back = 1; back <= 12 && back <= match->first; back++)
    {
      guint w = match->first - back;

      if (_accords_kind_word_at (words, w)->sentence != first->sentence || cooperation_at[w] >= 0)
        break;
      if (toured_at[w] >= 0)
        return TRUE;
    }

  return FALSE;
}

void
_accords_kind_find_topics (AccordsExtraction *ex,
                           const Words       *words)
{
  JsonObject *lang = _accords_kind_language_table ("topics", ex->language);
  g_autoptr(GPtrArray) prefixes =
    _accords_kind_load_prefixes (_accords_kind_language_table ("kinds", ex->language));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) kept = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) topics = g_array_new (FALSE, FALSE, sizeof (TopicFound));
  g_autofree gint *title_at = g_new (gint, words->words->len + 1);
  g_autofree gboolean *cooperation = g_new0 (gboolean, words->n_sentences + 1);
  g_autofree gboolean *listed = NULL;
  g_autofree gboolean *past_sentence = g_new0 (gboolean, words->n_sentences + 1);
  g_autofree gboolean *foreign = NULL;
  g_autofree gint *figure_at = g_new (gint, words->words->len + 1);
  g_autofree gint *toured_at = g_new (gint, words->words->len + 1);
  g_autofree gint *cooperation_at = g_new (gint, words->words->len + 1);
  g_autofree gboolean *statistic = NULL;
  int publish_year = _accords_kind_publish_year_of (ex);
  JsonObject *lists;
  JsonArray *by_figures;
  g_autoptr(GList) ids = NULL;

  if (lang == NULL || !json_object_has_member (lang, "topics"))
    return;

  /* sentences about the cooperation, the words of titles, figures */
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "cooperation"), prefixes, 0,
                              marks);
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "titles"), prefixes, 1, marks);
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "figures"), prefixes, 2, marks);
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "past"), prefixes, 3, marks);
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "toured"), prefixes, 4, marks);
  foreign = find_foreign_sentences (ex, words);
  for (guint i = 0; i <= words->words->len; i++)
    title_at[i] = figure_at[i] = toured_at[i] = cooperation_at[i] = -1;
  for (guint i = 0; i < words->words->len; i++)
    {
      int year = _accords_kind_year_of (_accords_kind_word_at (words, i));

      if (year > 0 && year < publish_year)
        past_sentence[_accords_kind_word_at (words, i)->sentence] = TRUE;
    }
  for (guint i = 0; i < marks->len; i++)
    {
      const Match *mark = &g_array_index (marks, Match, i);

      if (mark->tag == 0)
        {
          cooperation[_accords_kind_word_at (words, mark->first)->sentence] = TRUE;
          for (guint w = mark->first; w <= mark->last; w++)
            cooperation_at[w] = 1;
        }
      else if (mark->tag == 1)
        title_at[mark->last] = 1;
      else if (mark->tag == 2)
        figure_at[mark->first] = 1;
      else if (mark->tag == 3)
        past_sentence[_accords_kind_word_at (words, mark->first)->sentence] = TRUE;
      else
        toured_at[mark->last] = 1;
    }

  lists = json_object_get_object_member (lang, "topics");
  ids = json_object_get_members (lists);
  by_figures = _accords_kind_get_list (_accords_extract_table ("topics"),
                                       "background_with_figures");
  statistic = g_new0 (gboolean, g_list_length (ids) + 1);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      TopicFound topic = { l->data, 0, G_MAXUINT, FALSE };

      /* only the vocabulary's ids: a typo in the table must not leak */
      if (accords_topic_lookup (topic.id) == NULL)
        continue;
      for (guint i = 0; by_figures != NULL && i < json_array_get_length (by_figures); i++)
        if (g_strcmp0 (json_array_get_string_element (by_figures, i), topic.id) == 0)
          statistic[topics->len] = TRUE;
      _accords_kind_find_matches (words, json_object_get_array_member (lists, topic.id), prefixes,
                                  topics->len, found);
      g_array_append_val (topics, topic);
    }

  /* "information and communication technology" names the whole sector
   * the reports are about, not telecommunications as an area: its words
   * are kept from the topic lists */
  _accords_kind_find_matches (words, _accords_kind_get_list (lang, "sector"), prefixes, -1, found);
  kept = _accords_kind_keep_longest (words, found);
  for (guint i = kept->len; i > 0; i--)
    if (g_array_index (kept, Match, i - 1).tag < 0)
      g_array_remove_index (kept, i - 1);

  /* topics named side by side ("visas and market access") list areas of
   * work, whatever the sentence */
  listed = g_new0 (gboolean, kept->len + 1);
  for (guint i = 1; i < kept->len; i++)
    {
      const Match *prev = &g_array_index (kept, Match, i - 1);
      const Match *match = &g_array_index (kept, Match, i);

      if (prev->tag != match->tag && match->first <= prev->last + 2 &&
          _accords_kind_word_at (words, prev->first)->sentence ==
          _accords_kind_word_at (words, match->first)->sentence)
        listed[i - 1] = listed[i] = TRUE;
    }

  for (guint i = 0; i < kept->len; i++)
    {
      const Match *match = &g_array_index (kept, Match, i);
      TopicFound *topic = &g_array_index (topics, TopicFound, match->tag);
      guint sentence = _accords_kind_word_at (words, match->first)->sentence;

      if (is_part_of_name (words, match, title_at) || foreign[sentence] ||
          (statistic[match->tag] && near_figure (words, match, figure_at)) ||
          is_place_toured (words, match, toured_at, cooperation_at))
        continue;

      /* "exports passed $250 million last year": the past of the
       * relations, not a second naming of an area */
      if (past_sentence[sentence] && words->weight[sentence] < 3)
        continue;

      topic->count++;
      topic->first = MIN (topic->first, match->first);
      /* the lead, a sentence about the cooperation or a list of areas;
       * not a sentence about an earlier year */
      if (words->weight[sentence] == 3 ||
          ((cooperation[sentence] || listed[i]) && !past_sentence[sentence]))
        topic->counts = TRUE;
    }

  /* named twice it is a subject of the report even in plain sentences */
  for (guint t = 0; t < topics->len; t++)
    {
      TopicFound *topic = &g_array_index (topics, TopicFound, t);

      if (topic->count >= 2)
        topic->counts = TRUE;
    }

  for (guint i = 0; i < kept->len; i++)
    {
      const Match *match = &g_array_index (kept, Match, i);

      if (g_array_index (topics, TopicFound, match->tag).counts &&
          !is_part_of_name (words, match, title_at) &&
          !is_place_toured (words, match, toured_at, cooperation_at) &&
          !foreign[_accords_kind_word_at (words, match->first)->sentence])
        _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_TOPIC,
                                   _accords_kind_word_at (words, match->first)->start,
                                   _accords_kind_word_at (words, match->last)->end);
    }

  g_array_sort (topics, compare_topic_position);
  for (guint t = 0; t < topics->len; t++)
    {
      const TopicFound *topic = &g_array_index (topics, TopicFound, t);

      if (topic->counts)
        _accords_extract_add_unique (ex->topics, topic->id);
    }
}
