/* accords-extract-kind.c
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

/* The kind pass: what the report presents (a signing, talks, a visit, a
 * joint statement, an op-ed, an announcement) and the topics of the
 * cooperation. Both come from word lists (data/extract/kinds.json and
 * topics.json) matched against the article's words, and from where in the
 * article and in which company those words stand: the lead counts more than
 * the last paragraph, "will sign" is a plan and "signed last year" an
 * earlier act, and a topic named once in a sentence about something else
 * is background. */


/* Kind */

enum
{
  CUE_MOU,
  CUE_AGREEMENT,
  CUE_STATEMENT,
  CUE_IGNORE,
  CUE_SIGNING,
  CUE_SIGNING_NOUN,
  CUE_FUTURE,
  CUE_BACKGROUND,
  CUE_APPROVAL,
  CUE_MEETING,
  CUE_VISIT,
  CUE_OPINION,
  CUE_BYLINE,
  CUE_FIRST_PERSON,
  CUE_AUTHOR_NOTE,
  CUE_BIO_VERB,
  CUE_ESSAY_HEADLINE,
  CUE_ARGUMENT,
  CUE_REPORTING,
  CUE_WRITES,
  CUE_NEGATION,
  CUE_DRAFT,
  N_CUES
};

static const char * const cue_lists[N_CUES] = {
  "mou", "agreement", "statement", "ignore", "signing", "signing_nouns", "future",
  "background", "approval", "meeting", "visit", "opinion", "byline", "first_person",
  "author_note", "bio_verbs", "essay_headline", "argument", "reporting", "writes",
  "negation", "draft",
};

/* What each kind scored, and the words that gave the score. */
typedef struct
{
  guint   score[ACCORDS_KIND_ANNOUNCEMENT + 1];
  GArray *spans[ACCORDS_KIND_ANNOUNCEMENT + 1]; /* Match */
} Tally;

static void
credit (Tally        *tally,
        AccordsKind   kind,
        guint         points,
        const Match  *match)
{
  tally->score[kind] += points;
  g_array_append_val (tally->spans[kind], *match);
}

typedef struct
{
  const Words *words;
  gint        *cue_at;        /* the cue each word belongs to, or -1 */
  int          publish_year;  /* 0 when unknown */
  guint        reach;         /* words between a signing and its document */
} Context;

/* A cue in the same clause, at most @before words before or @after words
 * after word @i. */
static gboolean
cue_near (const Context *ctx,
          guint          i,
          gint           cue,
          guint          before,
          guint          after)
{
  const Word *at = _accords_kind_word_at (ctx->words, i);
  guint from = i > before ? i - before : 0;
  guint to = MIN (i + after, ctx->words->words->len - 1);

  for (guint w = from; w <= to; w++)
    if (ctx->cue_at[w] == cue && _accords_kind_word_at (ctx->words, w)->clause == at->clause)
      return TRUE;

  return FALSE;
}

/* How far from a signing a word like "last year" may stand to date it
 * ("a memorandum both sides signed at the previous summit last
 * month"), and from a meeting or visit word. */
#define SIGNING_REACH 12
#define CUE_REACH      4

/* A year written in full ("2019"), or 0. */
int
_accords_kind_year_of (const Word *word)
{
  int year;

  if (strlen (word->form) != 4 ||
      !g_ascii_isdigit (word->form[0]) || !g_ascii_isdigit (word->form[1]) ||
      !g_ascii_isdigit (word->form[2]) || !g_ascii_isdigit (word->form[3]))
    return 0;
  year = atoi (word->form);

  return year >= 1900 && year < 2200 ? year : 0;
}

/* The publish year, or 0 when the dates pass found none. */
int
_accords_kind_publish_year_of (const AccordsExtraction *ex)
{
  if (ex->publish_date == NULL || strlen (ex->publish_date) < 4)
    return 0;
  return atoi (ex->publish_date);
}

/* "signed last year", "the previous memorandum", "signed in 2019": an
 * earlier act the report only recalls. */
static gboolean
is_background (const Context *ctx,
               guint          i,
               guint          reach)
{
  const Word *at = _accords_kind_word_at (ctx->words, i);
  guint from = i > reach ? i - reach : 0;
  guint to = MIN (i + reach, ctx->words->words->len - 1);

  if (cue_near (ctx, i, CUE_BACKGROUND, reach, reach))
    return TRUE;

  if (ctx->publish_year == 0)
    return FALSE;

  for (guint w = from; w <= to; w++)
    {
      const Word *word = _accords_kind_word_at (ctx->words, w);
      int year = _accords_kind_year_of (word);

      if (word->clause == at->clause && year > 0 && year < ctx->publish_year)
        return TRUE;
    }

  return FALSE;
}

/* "a draft memorandum", "проект меморандума", "پیش‌نویس تفاهم‌نامه": a
 * word for a draft just before the document. */
static gboolean
is_draft (const Context *ctx,
          const Match   *doc)
{
  guint from = doc->first > 2 ? doc->first - 2 : 0;

  for (guint w = from; w < doc->first; w++)
    if (ctx->cue_at[w] == CUE_DRAFT &&
        _accords_kind_word_at (ctx->words, w)->clause ==
        _accords_kind_word_at (ctx->words, doc->first)->clause)
      return TRUE;

  return FALSE;
}

/* The document a signing verb or noun at @i is about: the nearest
 * memorandum, agreement or statement in its sentence, and any named right
 * after it ("an agreement and a memorandum"). How far it may stand depends
 * on the word order: an Arabic verb comes first and the signatories with
 * their titles stand between it and the memorandum; a Persian object
 * comes long before its verb. */
static void
credit_documents (const Context *ctx,
                  GArray        *cues,
                  const Match   *act,
                  guint          points,
                  Tally         *tally)
{
  const Word *at = _accords_kind_word_at (ctx->words, act->first);
  guint nearest = G_MAXUINT;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cues->len; i++)
      {
        const Match *doc = &g_array_index (cues, Match, i);
        guint distance;

        if (doc->tag != CUE_MOU && doc->tag != CUE_AGREEMENT && doc->tag != CUE_STATEMENT)
          continue;
        if (_accords_kind_word_at (ctx->words, doc->first)->sentence != at->sentence)
          continue;
        /* "a draft memorandum to be put to the next commission": a text
         * still being written is not the one signed */
        if (is_draft (ctx, doc))
          continue;

        distance = doc->first > act->last ? doc->first - act->last : act->first - doc->last;
        if (pass == 0)
          nearest = MIN (nearest, distance);
        else if (distance <= ctx->reach && distance <= nearest + 3)
          {
            AccordsKind kind = doc->tag == CUE_MOU ? ACCORDS_KIND_MOU_SIGNED :
                               doc->tag == CUE_AGREEMENT ? ACCORDS_KIND_AGREEMENT_SIGNED :
                               ACCORDS_KIND_STATEMENT;

            credit (tally, kind, points, doc);
            credit (tally, kind, 0, act);
          }
      }
}

/* A capitalised word, or any word of a script without capitals. */
static gboolean
looks_like_name (const Word *word)
{
  gunichar c = g_utf8_get_char (word->form);

  return (word->flags & (WORD_TITLECASE | WORD_CAPITALS)) != 0 ||
         g_unichar_toupper (c) == g_unichar_tolower (c);
}

/* A line of the header: short, among the first lines. */
static gboolean
is_header_line (const Words *words,
                guint        line)
{
  return line < 6 && words->line_length[line] < 12;
}

/* One of the last three lines of the text, short enough to be a note
 * about the writer rather than a paragraph of the story. */
static gboolean
is_closing_line (const Words *words,
                 guint        line)
{
  guint last = _accords_kind_word_at (words, words->words->len - 1)->line;

  return line + 3 > last && words->line_length[line] <= 40;
}

/* Words of a " date YYYY-MM-DD" prefix at the start of @line: "date" and
 * three numbers. The headline may follow it on the same line. */
static guint
date_prefix_length (const Words *words,
                    guint        line)
{
  guint first = words->line_first[line];

  if (words->line_length[line] < 4 ||
      g_strcmp0 (_accords_kind_word_at (words, first)->form, "date") != 0)
    return 0;
  for (guint w = first + 1; w < first + 4; w++)
    if (!g_ascii_isdigit (_accords_kind_word_at (words, w)->form[0]))
      return 0;

  return 4;
}

/* "Why two neighbours…", "Comment le numérique…", "Small states: why…",
 * or a headline that asks a question: the headline of an essay rather
 * than of a report. */
static gboolean
is_essay_headline (const char  *text,
                   const Words *words,
                   GArray      *cues,
                   guint        line)
{
  guint skip = date_prefix_length (words, line);
  guint first = words->line_first[line] + skip;
  guint length = words->line_length[line] - skip;
  const char *end;

  if (length < 3 || length > 15)
    return FALSE;

  for (guint i = 0; i < cues->len; i++)
    {
      const Match *cue = &g_array_index (cues, Match, i);
      const char *before;

      if (cue->tag != CUE_ESSAY_HEADLINE || cue->first < first ||
          cue->first >= first + length)
        continue;
      if (cue->first == first)
        return TRUE;

      /* after a colon or a dash: "Two ministers, one portal: why…" */
      before = text + _accords_kind_word_at (words, cue->first)->start;
      while (before > text + _accords_kind_word_at (words, cue->first - 1)->end)
        {
          before = g_utf8_prev_char (before);
          if (*before == ':' || g_str_has_prefix (before, "\u2013") ||
              g_str_has_prefix (before, "\u2014"))
            return TRUE;
        }
    }

  /* the headline ends with a question mark */
  end = text + _accords_kind_word_at (words, first + length - 1)->end;
  while (*end == ' ' || *end == 0x22 || g_str_has_prefix (end, "\u00bb") ||
         g_str_has_prefix (end, "\u201d"))
    end = g_utf8_next_char (end);

  return *end == '?' || g_str_has_prefix (end, "\u061f");
}

/* "Anna Petrova is a researcher at…": a closing line that starts with a
 * name (two to four capitalised words) and a verb that says who she is. */
static gboolean
is_bio_line (const Words *words,
             guint        line,
             const Match *verb)
{
  guint first = words->line_first[line];
  guint names = verb->first - first;

  if (verb->first < first || names < 2 || names > 4)
    return FALSE;
  for (guint w = first; w < verb->first; w++)
    if (!(_accords_kind_word_at (words, w)->flags & WORD_TITLECASE))
      return FALSE;

  /* one sentence */
  return _accords_kind_word_at (words, first)->sentence ==
         _accords_kind_word_at (words, first + words->line_length[line] - 1)->sentence;
}

static void
score_opinion (const Context *ctx,
               const char    *text,
               GArray        *cues,
               Tally         *tally)
{
  const Words *words = ctx->words;
  guint first_person = 0, unquoted = 0, argument = 0, reporting = 0;
  gboolean headline = FALSE, author = FALSE;

  for (guint i = 0; i < cues->len; i++)
    {
      const Match *cue = &g_array_index (cues, Match, i);
      const Word *word = _accords_kind_word_at (words, cue->first);

      if (cue->tag == CUE_OPINION)
        {
          /* "Opinion", "Op-ed" as a label in the header lines or at the end
           * decides; said in the story it is only a hint */
          gboolean header = words->line_length[word->line] < 12 &&
                            (word->line < 6 || word->line + 3 >= words->n_lines);

          credit (tally, ACCORDS_KIND_OPINION, header ? 5 : 1, cue);
        }
      else if (cue->tag == CUE_BYLINE && cue->first == words->line_first[word->line] &&
               (word->line < 8 || is_closing_line (words, word->line)) &&
               words->line_length[word->line] <= 8 &&
               cue->last + 1 < words->words->len &&
               _accords_kind_word_at (words, cue->last + 1)->line == word->line &&
               looks_like_name (_accords_kind_word_at (words, cue->last + 1)))
        credit (tally, ACCORDS_KIND_OPINION, 3, cue);
      /* "The writer is a fellow at…" closing the text: an essay's note
       * about its author; news does not describe its reporter */
      else if (cue->tag == CUE_AUTHOR_NOTE && !author &&
               cue->first == words->line_first[word->line] &&
               is_closing_line (words, word->line))
        {
          author = TRUE;
          credit (tally, ACCORDS_KIND_OPINION, 4, cue);
        }
      else if (cue->tag == CUE_BIO_VERB && !author && !(word->flags & WORD_QUOTED) &&
               is_closing_line (words, word->line) && is_bio_line (words, word->line, cue))
        {
          author = TRUE;
          credit (tally, ACCORDS_KIND_OPINION, 2, cue);
        }
      /* "Jane Doe writes" as a header line */
      else if (cue->tag == CUE_WRITES && is_header_line (words, word->line))
        credit (tally, ACCORDS_KIND_OPINION, 2, cue);
      else if (cue->tag == CUE_ARGUMENT && !(word->flags & WORD_QUOTED))
        {
          argument++;
          if (argument <= 3)
            credit (tally, ACCORDS_KIND_OPINION, 0, cue);
        }
      else if (cue->tag == CUE_REPORTING && !(word->flags & WORD_QUOTED))
        reporting++;
      else if (cue->tag == CUE_FIRST_PERSON && !(word->flags & (WORD_QUOTED | WORD_CAPITALS)))
        {
          first_person++;
          if (first_person <= 3)
            credit (tally, ACCORDS_KIND_OPINION, 0, cue);
        }
    }

  for (guint i = 0; i < words->words->len; i++)
    if (!(_accords_kind_word_at (words, i)->flags & WORD_QUOTED))
      unquoted++;

  /* an essay speaks for its writer; news puts "we" only in quotes */
  if (first_person >= 8 && first_person * 1000 >= unquoted * 12)
    tally->score[ACCORDS_KIND_OPINION] += 5;
  else if (first_person >= 3 && first_person * 1000 >= unquoted * 6)
    tally->score[ACCORDS_KIND_OPINION] += 3;

  /* an essay argues in its own voice ("must", "of course", "sceptics");
   * a report attributes what it says to the people it quotes */
  if (argument >= 3 && reporting <= 1)
    tally->score[ACCORDS_KIND_OPINION] += 2;

  for (guint line = 0; line < MIN (words->n_lines, 4) && !headline; line++)
    headline = is_essay_headline (text, words, cues, line);
  if (headline)
    tally->score[ACCORDS_KIND_OPINION] += 2;
}

/* The first word credited to a signing, or G_MAXUINT. When the lead
 * reports an approval before any signing, the signing told after it
 * ("The memorandum was signed in May by…") is the approved act's history,
 * not the news. */
static guint
first_signing (const Tally *tally)
{
  guint first = G_MAXUINT;

  for (AccordsKind k = ACCORDS_KIND_MOU_SIGNED; k <= ACCORDS_KIND_AGREEMENT_SIGNED; k++)
    for (guint i = 0; i < tally->spans[k]->len; i++)
      first = MIN (first, g_array_index (tally->spans[k], Match, i).first);

  return first;
}

static void
decide_kind (AccordsExtraction *ex,
             const Words       *words)
{
  JsonObject *lang = _accords_kind_language_table ("kinds", ex->language);
  g_autoptr(GPtrArray) prefixes = _accords_kind_load_prefixes (lang);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autoptr(GArray) cues = NULL;
  g_autofree gint *cue_at = g_new (gint, words->words->len + 1);
  g_autofree gboolean *approval_sentence = g_new0 (gboolean, words->n_sentences + 1);
  Context ctx = { words, cue_at, 0, 12 };
  Tally tally = { { 0 } };
  guint signed_score, best_signed;
  guint lead_approval = G_MAXUINT;
  AccordsKind kind = ACCORDS_KIND_MEETING;
  gboolean decided = FALSE;

  if (lang == NULL)
    return;

  for (guint k = 0; k <= ACCORDS_KIND_ANNOUNCEMENT; k++)
    tally.spans[k] = g_array_new (FALSE, FALSE, sizeof (Match));

  ctx.publish_year = _accords_kind_publish_year_of (ex);
  if (json_object_has_member (lang, "document_reach"))
    ctx.reach = (guint) CLAMP (json_object_get_int_member (lang, "document_reach"), 1, 40);

  for (gint c = 0; c < N_CUES; c++)
    _accords_kind_find_matches (words, _accords_kind_get_list (lang, cue_lists[c]), prefixes, c,
                                found);
  cues = _accords_kind_keep_longest (words, found);

  for (guint i = 0; i <= words->words->len; i++)
    cue_at[i] = -1;
  for (guint i = 0; i < cues->len; i++)
    {
      const Match *cue = &g_array_index (cues, Match, i);

      for (guint w = cue->first; w <= cue->last; w++)
        cue_at[w] = cue->tag;
    }

  /* a cabinet approving a memorandum: the signing it names is not the act */
  for (guint i = 0; i < cues->len; i++)
    {
      const Match *cue = &g_array_index (cues, Match, i);
      guint sentence = _accords_kind_word_at (words, cue->first)->sentence;

      if (cue->tag == CUE_APPROVAL && !cue_near (&ctx, cue->first, CUE_FUTURE, 4, 0) &&
          !is_background (&ctx, cue->first, SIGNING_REACH))
        {
          g_autoptr(GArray) approved = g_array_new (FALSE, FALSE, sizeof (Match));
          Tally documents = { { 0 } };

          for (guint k = 0; k <= ACCORDS_KIND_ANNOUNCEMENT; k++)
            documents.spans[k] = approved;
          credit_documents (&ctx, cues, cue, 1, &documents);
          if (documents.score[ACCORDS_KIND_MOU_SIGNED] + documents.score[ACCORDS_KIND_AGREEMENT_SIGNED] > 0)
            {
              approval_sentence[sentence] = TRUE;
              if (words->weight[sentence] == 3)
                lead_approval = MIN (lead_approval, cue->first);
              credit (&tally, ACCORDS_KIND_ANNOUNCEMENT, 4 * words->weight[sentence], cue);
              g_array_append_vals (tally.spans[ACCORDS_KIND_ANNOUNCEMENT],
                                   approved->data, approved->len);
            }
        }
    }

  for (guint i = 0; i < cues->len; i++)
    {
      const Match *cue = &g_array_index (cues, Match, i);
      guint sentence = _accords_kind_word_at (words, cue->first)->sentence;
      guint weight = words->weight[sentence];

      switch (cue->tag)
        {
        case CUE_SIGNING:
        case CUE_SIGNING_NOUN:
          {
            gboolean noun = cue->tag == CUE_SIGNING_NOUN;

            /* "will sign", "the signing planned for May": a plan, not an
             * act; "no document was signed", "امضا نشد": no act at all;
             * "signed last year": an earlier act */
            if (approval_sentence[sentence] ||
                cue_near (&ctx, cue->first, CUE_FUTURE, 4, noun ? 2 : 0) ||
                cue_near (&ctx, cue->first, CUE_NEGATION, 4, 2) ||
                is_background (&ctx, cue->first, SIGNING_REACH))
              break;
            credit_documents (&ctx, cues, cue, (noun ? 2 : 4) * weight, &tally);
          }
          break;

        case CUE_STATEMENT:
          if (!is_background (&ctx, cue->first, CUE_REACH))
            credit (&tally, ACCORDS_KIND_STATEMENT, 3 * weight, cue);
          break;

        case CUE_MEETING:
        case CUE_VISIT:
          if (!is_background (&ctx, cue->first, CUE_REACH))
            credit (&tally, cue->tag == CUE_MEETING ? ACCORDS_KIND_MEETING : ACCORDS_KIND_VISIT,
                    weight, cue);
          break;

        default:
          break;
        }
    }

  score_opinion (&ctx, ex->text, cues, &tally);

  signed_score = tally.score[ACCORDS_KIND_MOU_SIGNED] + tally.score[ACCORDS_KIND_AGREEMENT_SIGNED];
  best_signed = MAX (tally.score[ACCORDS_KIND_MOU_SIGNED], tally.score[ACCORDS_KIND_AGREEMENT_SIGNED]);

  if (tally.score[ACCORDS_KIND_OPINION] >= 5)
    kind = ACCORDS_KIND_OPINION, decided = TRUE;
  else if (tally.score[ACCORDS_KIND_ANNOUNCEMENT] > 0 &&
           (tally.score[ACCORDS_KIND_ANNOUNCEMENT] >= signed_score ||
            lead_approval < first_signing (&tally)))
    kind = ACCORDS_KIND_ANNOUNCEMENT, decided = TRUE;
  else if (signed_score >= 4 && tally.score[ACCORDS_KIND_STATEMENT] <= best_signed)
    {
      /* a memorandum and an agreement signed together: the memorandum */
      kind = tally.score[ACCORDS_KIND_MOU_SIGNED] >= tally.score[ACCORDS_KIND_AGREEMENT_SIGNED] ?
             ACCORDS_KIND_MOU_SIGNED : ACCORDS_KIND_AGREEMENT_SIGNED;
      decided = TRUE;
    }
  else if (tally.score[ACCORDS_KIND_STATEMENT] >= 6)
    kind = ACCORDS_KIND_STATEMENT, decided = TRUE;
  else if (tally.score[ACCORDS_KIND_MEETING] > 0 || tally.score[ACCORDS_KIND_VISIT] > 0)
    {
      guint meeting = tally.score[ACCORDS_KIND_MEETING];
      guint visit = tally.score[ACCORDS_KIND_VISIT];

      /* even, the one the report names first: "arrived ... for talks" */
      if (visit == meeting)
        kind = g_array_index (tally.spans[ACCORDS_KIND_VISIT], Match, 0).first <
               g_array_index (tally.spans[ACCORDS_KIND_MEETING], Match, 0).first ?
               ACCORDS_KIND_VISIT : ACCORDS_KIND_MEETING;
      else
        kind = visit > meeting ? ACCORDS_KIND_VISIT : ACCORDS_KIND_MEETING;
      decided = TRUE;
    }

  if (decided)
    {
      ex->has_kind = TRUE;
      ex->kind = kind;
      g_array_sort (tally.spans[kind], _accords_kind_compare_position);
      for (guint i = 0; i < tally.spans[kind]->len; i++)
        {
          const Match *match = &g_array_index (tally.spans[kind], Match, i);

          /* a verb credited to two documents is one span */
          if (i > 0 && _accords_kind_compare_position (match - 1, match) == 0)
            continue;
          _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_KIND,
                                     _accords_kind_word_at (words, match->first)->start,
                                     _accords_kind_word_at (words, match->last)->end);
        }
    }

  for (guint k = 0; k <= ACCORDS_KIND_ANNOUNCEMENT; k++)
    g_array_unref (tally.spans[k]);
}


void
_accords_extract_kind (AccordsExtraction *ex)
{
  g_autoptr(Words) words = NULL;

  g_return_if_fail (ex != NULL && ex->text != NULL);

  words = _accords_kind_words_new (ex->text);
  if (words->words->len == 0)
    return;

  decide_kind (ex, words);
  _accords_kind_find_topics (ex, words);
}
