/* accords-extract-countries.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-country.h"
#include "accords-extract-countries-private.h"

/* Countries in a report: first every way the text names one (its names in
 * seven languages, demonyms, capitals used for the state), then which of
 * them take part in the act and which are only named.
 *
 * Names are compared word by word in a folded form (lower case, no accents
 * or Arabic vowel marks, one form of each Arabic/Persian letter), so the
 * text is cut into words once and each word is looked up in a hash of the
 * first words of all names: a few hash lookups per word, whatever the
 * number of names. */

/* Parties and the merely mentioned.
 *
 * A party is named where the report says what happened: the headline and
 * the lead, or again and again through the text. A country named once
 * far down, in a list of examples or earlier trips ("following visits to
 * Cuba, Venezuela and …", "like X"), or in a list of three or more outside
 * the lead, is only mentioned. */

#define LEAD_WEIGHT 3

typedef struct
{
  char     code[3];
  gsize    first;
  guint    weight;
  guint    count;
  gboolean named;       /* by name or demonym, not only by its capital */
  gboolean lead_list;   /* in a list of countries in the lead */
} Tally;

/* The end of the lead: the first line with a paragraph's worth of text
 * (headline, header and byline lines come before it). */
static gsize
lead_end (const char *text)
{
  const char *line = text;

  while (line != NULL && *line != '\0')
    {
      const char *eol = strchr (line, '\n');
      gsize length = eol != NULL ? (gsize) (eol - line) : strlen (line);

      if (length >= 100)
        return line - text + length;
      line = eol != NULL ? eol + 1 : NULL;
    }

  return strlen (text);
}

/* Whether only list punctuation and conjunctions separate two mentions:
 * "Peru, Colombia, Ecuador, and the Dominican Republic". */
static gboolean
is_list_gap (const char *text,
             gsize       from,
             gsize       to)
{
  static const char *joiners[] = { "and", "the", "or", "et", "la", "le", "les", "l'", "y", "el",
                                   "e", "o", "a", "и", "или", "و", "او", "ou" };
  g_autofree char *gap = NULL;
  g_auto(GStrv) parts = NULL;

  if (to < from || to - from > 16)
    return FALSE;

  {
    g_auto(GStrv) pieces = NULL;

    /* commas, Latin and Arabic, are spaces here */
    gap = g_strndup (text + from, to - from);
    g_strdelimit (gap, ",", ' ');
    pieces = g_strsplit (gap, "،", -1);
    g_free (gap);
    gap = g_strjoinv (" ", pieces);
  }
  parts = g_strsplit (g_strstrip (gap), " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean known = parts[i][0] == '\0';

      for (guint j = 0; !known && j < G_N_ELEMENTS (joiners); j++)
        known = strcmp (parts[i], joiners[j]) == 0;
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* Whether a cue word ("like", "visits to", "comme") closes the few words
 * before @start in the same sentence. */
static gboolean
follows_cue (Lexicon    *lexicon,
             const char *text,
             gsize       start,
             guint       lang_index)
{
  gsize from = start > 48 ? start - 48 : 0;
  g_autofree char *window = NULL;
  g_autoptr(GArray) words = NULL;
  GPtrArray *cues;

  if (lang_index >= G_N_ELEMENTS (_accords_countries_languages))
    return FALSE;
  cues = lexicon->cues[lang_index];

  /* stay in the sentence */
  for (gsize p = start; p > from; p--)
    if (strchr (".;:!?\n", text[p - 1]) != NULL)
      {
        from = p;
        break;
      }

  while (from < start && (text[from] & 0xC0) == 0x80)
    from++;
  window = g_strndup (text + from, start - from);
  words = _accords_countries_split_words (window);

  for (guint c = 0; c < cues->len; c++)
    {
      g_auto(GStrv) cue = g_strsplit (g_ptr_array_index (cues, c), " ", -1);
      guint n = g_strv_length (cue);

      /* the cue may sit up to two words before the list ("similar deals with") */
      for (guint end = words->len; end >= n && end + 2 >= words->len && end > 0; end--)
        {
          gboolean hit = TRUE;

          for (guint k = 0; hit && k < n; k++)
            hit = strcmp (g_array_index (words, Word, end - n + k).folded, cue[k]) == 0;
          if (hit)
            return TRUE;
        }
    }

  return FALSE;
}

static Tally *
tally_for (GArray     *tallies,
           const char *code,
           gsize       first)
{
  Tally tally = { { 0 }, 0, 0, 0, FALSE, FALSE };

  for (guint i = 0; i < tallies->len; i++)
    if (strcmp (g_array_index (tallies, Tally, i).code, code) == 0)
      return &g_array_index (tallies, Tally, i);

  memcpy (tally.code, code, sizeof tally.code);
  tally.first = first;
  g_array_append_val (tallies, tally);
  return &g_array_index (tallies, Tally, tallies->len - 1);
}

static gint
compare_weight (gconstpointer a,
                gconstpointer b)
{
  const Tally *ta = a, *tb = b;

  if (ta->weight != tb->weight)
    return ta->weight > tb->weight ? -1 : 1;
  return ta->first < tb->first ? -1 : ta->first > tb->first;
}

static gboolean
is_party (GArray     *ranked,
          const char *code)
{
  for (guint i = 0; i < ranked->len; i++)
    if (strcmp (g_array_index (ranked, Tally, i).code, code) == 0)
      return TRUE;
  return FALSE;
}

void
_accords_extract_countries (AccordsExtraction *ex)
{
  Lexicon *lexicon = _accords_countries_get_lexicon ();
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GArray) tallies = g_array_new (FALSE, FALSE, sizeof (Tally));
  g_autoptr(GArray) parties = g_array_new (FALSE, FALSE, sizeof (Tally));
  g_autofree guint *weights = NULL;
  g_autofree gboolean *lead_list = NULL;
  gsize lead = lead_end (ex->text);
  guint lang_index = G_N_ELEMENTS (_accords_countries_languages);

  for (guint l = 0; l < G_N_ELEMENTS (_accords_countries_languages); l++)
    if (g_strcmp0 (ex->language, _accords_countries_languages[l]) == 0)
      lang_index = l;

  mentions = _accords_extract_country_mentions (ex->text, ex->language);
  if (mentions->len == 0)
    return;

  weights = g_new0 (guint, mentions->len);
  lead_list = g_new0 (gboolean, mentions->len);
  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);

      weights[i] = m->start < lead ? LEAD_WEIGHT : 1;
    }

  /* lists: chains of mentions joined by commas and conjunctions */
  for (guint i = 0; i < mentions->len;)
    {
      guint j = i + 1;
      guint distinct = 1;
      gboolean cued;

      while (j < mentions->len &&
             is_list_gap (ex->text,
                          g_array_index (mentions, AccordsCountryMention, j - 1).end,
                          g_array_index (mentions, AccordsCountryMention, j).start))
        {
          if (strcmp (g_array_index (mentions, AccordsCountryMention, j).code,
                      g_array_index (mentions, AccordsCountryMention, j - 1).code) != 0)
            distinct++;
          j++;
        }

      cued = follows_cue (lexicon, ex->text,
                          g_array_index (mentions, AccordsCountryMention, i).start, lang_index);
      if (cued ||
          (distinct >= 3 && g_array_index (mentions, AccordsCountryMention, i).start >= lead))
        for (guint k = i; k < j; k++)
          weights[k] = 0;
      else if (distinct >= 2 && g_array_index (mentions, AccordsCountryMention, i).start < lead)
        for (guint k = i; k < j; k++)
          lead_list[k] = TRUE;

      i = j;
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);
      Tally *tally = tally_for (tallies, m->code, m->start);

      tally->weight += weights[i];
      tally->count++;
      tally->named |= m->form != ACCORDS_COUNTRY_FORM_CAPITAL && weights[i] > 0;
      tally->lead_list |= lead_list[i];
    }

  /* Parties: the two countries named most, weighing the lead most; a
   * third or fourth (a multilateral act) only when named in the lead, not
   * far behind the second, and listed with the others ("Ukraine, the
   * United Kingdom and Estonia") or as prominent as the second. A country
   * present only through its capital ("signed in Paris") is a venue. */
  {
    g_autoptr(GArray) ranked = g_array_copy (tallies);
    guint second;

    g_array_sort (ranked, compare_weight);
    second = ranked->len > 1 ? g_array_index (ranked, Tally, 1).weight : 0;

    for (guint i = 0; i < ranked->len; i++)
      {
        Tally *tally = &g_array_index (ranked, Tally, i);
        gboolean keep;

        if (i < 2)
          keep = tally->weight >= 2 || (i == 0 && tally->weight > 0);
        else
          keep = tally->weight >= LEAD_WEIGHT && tally->weight * 2 >= second &&
                 tally->named && (tally->lead_list || tally->weight >= second);

        if (keep)
          g_array_append_val (parties, *tally);
      }
  }

  /* in order of first appearance */
  for (guint i = 0; i < tallies->len; i++)
    {
      Tally *tally = &g_array_index (tallies, Tally, i);

      _accords_extract_add_unique (is_party (parties, tally->code) ? ex->parties : ex->mentioned,
                                   tally->code);
    }

  for (guint i = 0; i < mentions->len; i++)
    {
      AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);

      _accords_extract_add_span (ex,
                                 is_party (parties, m->code) ? ACCORDS_EXTRACT_FIELD_PARTY
                                                             : ACCORDS_EXTRACT_FIELD_MENTIONED,
                                 m->start, m->end);
    }
}
