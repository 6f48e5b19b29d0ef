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

#include "accords-extract-private.h"
#include "accords-topic.h"

/* The kind pass: what the report presents (a signing, talks, a visit, a
 * joint statement, an op-ed, an announcement) and the topics of the
 * cooperation. Both come from word lists (data/extract/kinds.json and
 * topics.json) matched against the article's words, and from where in the
 * article and in which company those words stand: the lead counts more than
 * the last paragraph, "will sign" is a plan and "signed last year" an
 * earlier act, and a topic named once in a sentence about something else
 * is background. */

/* Words
 *
 * The article is cut into words, each folded so that lists match however
 * the text is written: lower case, no accents, no Arabic diacritics or
 * tatweel, one form for the Arabic and Persian letters that have two, and
 * no zero-width non-joiner (Persian writes "تفاهم‌نامه" with or without
 * it). Apostrophes and hyphens end a word, so French elisions ("l'accord")
 * and compounds ("e-government") match their parts. */

typedef enum
{
  WORD_TITLECASE = 1 << 0, /* "Digital": a capital, then small letters */
  WORD_QUOTED    = 1 << 1, /* between quotation marks */
  WORD_CAPITALS  = 1 << 2, /* "US": more than one letter, all capitals */
} WordFlags;

typedef struct
{
  char  *form;     /* folded */
  gsize  start;    /* byte offsets into the text */
  gsize  end;
  guint  sentence;
  guint  clause;   /* a part of a sentence between commas, colons, brackets */
  guint  line;
  guint  flags;
} Word;

typedef struct
{
  GArray *words;          /* Word */
  guint   n_sentences;
  guint   n_lines;
  guint  *sentence_first; /* first word of each sentence */
  guint  *weight;         /* weight of each sentence: the lead counts more */
  guint  *line_first;     /* first word of each line */
  guint  *line_length;    /* words in each line */
} Words;

typedef struct
{
  char     *form;
  gboolean  star;         /* "cyber*": any ending */
  gboolean  capitals;     /* "IA": only the abbreviation, not the word "ia" */
} PatternWord;

static void
clear_word (gpointer data)
{
  Word *word = data;

  g_free (word->form);
}

static void
clear_pattern_word (gpointer data)
{
  PatternWord *word = data;

  g_free (word->form);
}

static gboolean
is_joiner (gunichar c)
{
  /* zero-width non-joiner and joiner, Arabic tatweel, soft hyphen */
  return c == 0x200C || c == 0x200D || c == 0x0640 || c == 0x00AD;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_joiner (c);
}

static void
append_folded (GString  *out,
               gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (is_joiner (c) || g_unichar_ismark (c))
    return;

  c = g_unichar_tolower (c);
  if (c == 0x06C0) /* heh with yeh above */
    c = 0x0647;
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 0)
    c = decomposed[0];

  switch (c)
    {
    case 0x0629: /* teh marbuta */
    case 0x06D5: /* ae */
    case 0x06BE: /* heh doachashmee */
      c = 0x0647;
      break;
    case 0x0649: /* alef maksura */
    case 0x06CC: /* Persian yeh */
      c = 0x064A;
      break;
    case 0x06A9: /* Persian keheh */
      c = 0x0643;
      break;
    case 0x0671: /* alef wasla */
      c = 0x0627;
      break;
    default:
      if (c >= 0x0660 && c <= 0x0669)
        c = '0' + (c - 0x0660);
      else if (c >= 0x06F0 && c <= 0x06F9)
        c = '0' + (c - 0x06F0);
      break;
    }

  g_string_append_unichar (out, c);
}

static gboolean
is_sentence_end (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026 || c == 0x06D4;
}

static gboolean
is_clause_end (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' ||
         c == ']' || c == 0x060C || c == 0x061B || c == 0x2013 || c == 0x2014 ||
         c == '|';
}

static gboolean
opens_quote (gunichar c)
{
  return c == 0x201C || c == 0x00AB || c == 0x201E;
}

static gboolean
closes_quote (gunichar c)
{
  return c == 0x201D || c == 0x00BB;
}

/* Cuts @text into words; only forms and offsets matter for patterns. */
static GArray *
split_words (const char *text,
             guint      *n_sentences,
             guint      *n_lines)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  guint sentence = 0, clause = 0, line = 0;
  guint in_sentence = 0;
  gboolean quoted = FALSE;
  const char *p = text;

  g_array_set_clear_func (words, clear_word);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (is_word_char (c) && !is_joiner (c) && !g_unichar_ismark (c))
        {
          GString *form = g_string_new (NULL);
          Word word = { 0 };
          guint letters = 0, capitals = 0;
          gboolean lower_after_first = FALSE;

          word.start = p - text;
          while (*p != '\0' && is_word_char (c = g_utf8_get_char (p)))
            {
              if (g_unichar_isupper (c))
                capitals++;
              else if (letters > 0 && g_unichar_islower (c))
                lower_after_first = TRUE;
              if (g_unichar_isalpha (c))
                letters++;
              append_folded (form, c);
              p = g_utf8_next_char (p);
            }
          word.end = p - text;
          word.form = g_string_free (form, FALSE);
          word.sentence = sentence;
          word.clause = clause;
          word.line = line;
          if (g_unichar_isupper (g_utf8_get_char (text + word.start)) && lower_after_first)
            word.flags |= WORD_TITLECASE;
          if (letters > 1 && capitals == letters)
            word.flags |= WORD_CAPITALS;
          if (quoted)
            word.flags |= WORD_QUOTED;
          g_array_append_val (words, word);
          in_sentence++;
          continue;
        }

      if (c == '\n')
        {
          line++;
          quoted = FALSE;
          if (in_sentence > 0)
            {
              sentence++;
              clause++;
              in_sentence = 0;
            }
        }
      else if (is_sentence_end (c))
        {
          const char *next = g_utf8_next_char (p);
          gunichar after = g_utf8_get_char (next);
          gboolean ends = after == '\0' || g_unichar_isspace (after) ||
                          closes_quote (after) || after == '"';

          /* "Dr. Tijani", "K. Rajaraman": a short capitalised word before
           * the full stop is an abbreviation, not the end of a sentence */
          if (ends && c == '.' && words->len > 0)
            {
              const Word *prev = &g_array_index (words, Word, words->len - 1);

              if (prev->end == (gsize) (p - text) &&
                  g_unichar_isupper (g_utf8_get_char (text + prev->start)) &&
                  g_utf8_strlen (prev->form, -1) <= 2)
                ends = FALSE;
            }

          if (ends && in_sentence > 0)
            {
              sentence++;
              clause++;
              in_sentence = 0;
            }
        }
      else if (is_clause_end (c) || (c == '-' && p[1] == '-'))
        clause++;
      else if (opens_quote (c))
        quoted = TRUE;
      else if (closes_quote (c))
        quoted = FALSE;
      else if (c == '"')
        quoted = !quoted;

      p = g_utf8_next_char (p);
    }

  if (n_sentences != NULL)
    *n_sentences = in_sentence > 0 ? sentence + 1 : sentence;
  if (n_lines != NULL)
    *n_lines = line + 1;

  return words;
}

static Words *
words_new (const char *text)
{
  Words *self = g_new0 (Words, 1);
  guint rank = 0;

  self->words = split_words (text, &self->n_sentences, &self->n_lines);
  self->sentence_first = g_new0 (guint, self->n_sentences + 1);
  self->weight = g_new0 (guint, self->n_sentences + 1);
  self->line_first = g_new0 (guint, self->n_lines + 1);
  self->line_length = g_new0 (guint, self->n_lines + 1);

  for (guint i = self->words->len; i > 0; i--)
    {
      const Word *word = &g_array_index (self->words, Word, i - 1);

      self->sentence_first[word->sentence] = i - 1;
      self->line_first[word->line] = i - 1;
      self->line_length[word->line]++;
    }

  /* The lead decides most: the first two sentences of running text weigh
   * three, the next two two, the rest one. Short lines (a date header, a
   * byline) take the weight of the running text after them. */
  for (guint s = 0; s < self->n_sentences; s++)
    {
      guint first = self->sentence_first[s];
      guint length = 0;

      while (first + length < self->words->len &&
             g_array_index (self->words, Word, first + length).sentence == s)
        length++;

      self->weight[s] = rank < 2 ? 3 : rank < 4 ? 2 : 1;
      if (length >= 6)
        rank++;
    }

  return self;
}

static void
words_free (Words *self)
{
  g_array_unref (self->words);
  g_free (self->sentence_first);
  g_free (self->weight);
  g_free (self->line_first);
  g_free (self->line_length);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Words, words_free)

static inline const Word *
word_at (const Words *words,
         guint        i)
{
  return &g_array_index (words->words, Word, i);
}

/* Patterns: a list entry is one or more words, each of which may end in
 * "*" to match any ending ("соглашени*"). A word written in capitals
 * matches only capitals ("IA" but not Portuguese "ia"). */

static GArray *
compile_pattern (const char *pattern)
{
  GArray *compiled = g_array_new (FALSE, FALSE, sizeof (PatternWord));
  g_auto(GStrv) pieces = g_strsplit (pattern, " ", -1);

  g_array_set_clear_func (compiled, clear_pattern_word);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      gsize len = strlen (pieces[i]);
      gboolean star = len > 0 && pieces[i][len - 1] == '*';
      g_autoptr(GArray) parts = NULL;

      if (star)
        pieces[i][len - 1] = '\0';
      parts = split_words (pieces[i], NULL, NULL);
      for (guint j = 0; j < parts->len; j++)
        {
          Word *part = &g_array_index (parts, Word, j);
          PatternWord word = { g_steal_pointer (&part->form), star && j + 1 == parts->len,
                               (part->flags & WORD_CAPITALS) != 0 };

          g_array_append_val (compiled, word);
        }
    }

  return compiled;
}

/* Clitics a word may carry in front (Arabic و ال ب ل ...), folded. */
static GPtrArray *
load_prefixes (JsonObject *lang)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);
  JsonArray *list = NULL;

  if (lang != NULL && json_object_has_member (lang, "prefixes"))
    list = json_object_get_array_member (lang, "prefixes");

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      g_autoptr(GArray) parts = split_words (json_array_get_string_element (list, i), NULL, NULL);

      if (parts->len == 1)
        g_ptr_array_add (prefixes, g_steal_pointer (&g_array_index (parts, Word, 0).form));
    }

  return prefixes;
}

static gboolean
stem_matches (const char        *form,
              const PatternWord *word)
{
  if (word->star)
    return g_str_has_prefix (form, word->form);
  return strcmp (form, word->form) == 0;
}

static gboolean
word_matches (const Word        *text_word,
              const PatternWord *word,
              GPtrArray         *prefixes)
{
  const char *form = text_word->form;

  if (word->capitals && !(text_word->flags & WORD_CAPITALS))
    return FALSE;
  if (stem_matches (form, word))
    return TRUE;

  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);

      /* the rest must still be a word of at least two letters */
      if (g_str_has_prefix (form, prefix) &&
          g_utf8_strlen (form + strlen (prefix), -1) >= 2 &&
          stem_matches (form + strlen (prefix), word))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  guint first; /* words, inclusive */
  guint last;
  gint  tag;   /* which list */
} Match;

/* Appends every place where an entry of @list occurs, tagged @tag. */
static void
find_matches (const Words *words,
              JsonArray   *list,
              GPtrArray   *prefixes,
              gint         tag,
              GArray      *matches)
{
  for (guint e = 0; list != NULL && e < json_array_get_length (list); e++)
    {
      const char *entry = json_array_get_string_element (list, e);
      g_autoptr(GArray) pattern = NULL;

      if (entry == NULL)
        continue;
      pattern = compile_pattern (entry);
      if (pattern->len == 0)
        continue;

      for (guint i = 0; i + pattern->len <= words->words->len; i++)
        {
          guint k;

          for (k = 0; k < pattern->len; k++)
            {
              const Word *word = word_at (words, i + k);

              if (word->sentence != word_at (words, i)->sentence ||
                  !word_matches (word, &g_array_index (pattern, PatternWord, k), prefixes))
                break;
            }

          if (k == pattern->len)
            {
              Match match = { i, i + pattern->len - 1, tag };

              g_array_append_val (matches, match);
            }
        }
    }
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  const Match *ma = a, *mb = b;
  guint la = ma->last - ma->first, lb = mb->last - mb->first;

  if (la != lb)
    return la > lb ? -1 : 1;
  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return ma->tag - mb->tag;
}

static gint
compare_position (gconstpointer a,
                  gconstpointer b)
{
  const Match *ma = a, *mb = b;

  if (ma->first != mb->first)
    return ma->first < mb->first ? -1 : 1;
  return ma->tag - mb->tag;
}

/* Where entries overlap the longest one wins: "protocole d'accord" is a
 * memorandum, not an "accord"; "digital trade" e-commerce, not trade.
 * Returns the kept matches in text order. */
static GArray *
keep_longest (const Words *words,
              GArray      *matches)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree gboolean *taken = g_new0 (gboolean, words->words->len + 1);

  g_array_sort (matches, compare_longest_first);
  for (guint i = 0; i < matches->len; i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      gboolean free = TRUE;

      for (guint w = match->first; w <= match->last && free; w++)
        free = !taken[w];
      if (!free)
        continue;
      for (guint w = match->first; w <= match->last; w++)
        taken[w] = TRUE;
      g_array_append_val (kept, *match);
    }
  g_array_sort (kept, compare_position);

  return kept;
}

static JsonObject *
language_table (const char *table_name,
                const char *language)
{
  JsonObject *table = _accords_extract_table (table_name);

  if (table == NULL)
    return NULL;
  if (language != NULL && json_object_has_member (table, language))
    return json_object_get_object_member (table, language);
  /* an undetected language: English is the likeliest */
  if (json_object_has_member (table, "en"))
    return json_object_get_object_member (table, "en");
  return NULL;
}

static JsonArray *
get_list (JsonObject *lang,
          const char *name)
{
  if (lang == NULL || !json_object_has_member (lang, name))
    return NULL;
  return json_object_get_array_member (lang, name);
}

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
  const Word *at = word_at (ctx->words, i);
  guint from = i > before ? i - before : 0;
  guint to = MIN (i + after, ctx->words->words->len - 1);

  for (guint w = from; w <= to; w++)
    if (ctx->cue_at[w] == cue && word_at (ctx->words, w)->clause == at->clause)
      return TRUE;

  return FALSE;
}

/* How far from a signing a word like "last year" may stand to date it
 * ("a memorandum both sides signed at the previous summit last
 * month"), and from a meeting or visit word. */
#define SIGNING_REACH 12
#define CUE_REACH      4

/* A year written in full ("2019"), or 0. */
static int
year_of (const Word *word)
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
static int
publish_year_of (const AccordsExtraction *ex)
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
  const Word *at = word_at (ctx->words, i);
  guint from = i > reach ? i - reach : 0;
  guint to = MIN (i + reach, ctx->words->words->len - 1);

  if (cue_near (ctx, i, CUE_BACKGROUND, reach, reach))
    return TRUE;

  if (ctx->publish_year == 0)
    return FALSE;

  for (guint w = from; w <= to; w++)
    {
      const Word *word = word_at (ctx->words, w);
      int year = year_of (word);

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
        word_at (ctx->words, w)->clause == word_at (ctx->words, doc->first)->clause)
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
  const Word *at = word_at (ctx->words, act->first);
  guint nearest = G_MAXUINT;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < cues->len; i++)
      {
        const Match *doc = &g_array_index (cues, Match, i);
        guint distance;

        if (doc->tag != CUE_MOU && doc->tag != CUE_AGREEMENT && doc->tag != CUE_STATEMENT)
          continue;
        if (word_at (ctx->words, doc->first)->sentence != at->sentence)
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
  guint last = word_at (words, words->words->len - 1)->line;

  return line + 3 > last && words->line_length[line] <= 40;
}

/* Words of a " date YYYY-MM-DD" prefix at the start of @line: "date" and
 * three numbers. The headline may follow it on the same line. */
static guint
date_prefix_length (const Words *words,
                    guint        line)
{
  guint first = words->line_first[line];

  if (words->line_length[line] < 4 || g_strcmp0 (word_at (words, first)->form, "date") != 0)
    return 0;
  for (guint w = first + 1; w < first + 4; w++)
    if (!g_ascii_isdigit (word_at (words, w)->form[0]))
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
      before = text + word_at (words, cue->first)->start;
      while (before > text + word_at (words, cue->first - 1)->end)
        {
          before = g_utf8_prev_char (before);
          if (*before == ':' || g_str_has_prefix (before, "\u2013") ||
              g_str_has_prefix (before, "\u2014"))
            return TRUE;
        }
    }

  /* the headline ends with a question mark */
  end = text + word_at (words, first + length - 1)->end;
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
    if (!(word_at (words, w)->flags & WORD_TITLECASE))
      return FALSE;

  /* one sentence */
  return word_at (words, first)->sentence ==
         word_at (words, first + words->line_length[line] - 1)->sentence;
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
      const Word *word = word_at (words, cue->first);

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
               word_at (words, cue->last + 1)->line == word->line &&
               looks_like_name (word_at (words, cue->last + 1)))
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
    if (!(word_at (words, i)->flags & WORD_QUOTED))
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
  JsonObject *lang = language_table ("kinds", ex->language);
  g_autoptr(GPtrArray) prefixes = load_prefixes (lang);
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

  ctx.publish_year = publish_year_of (ex);
  if (json_object_has_member (lang, "document_reach"))
    ctx.reach = (guint) CLAMP (json_object_get_int_member (lang, "document_reach"), 1, 40);

  for (gint c = 0; c < N_CUES; c++)
    find_matches (words, get_list (lang, cue_lists[c]), prefixes, c, found);
  cues = keep_longest (words, found);

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
      guint sentence = word_at (words, cue->first)->sentence;

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
      guint sentence = word_at (words, cue->first)->sentence;
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
      g_array_sort (tally.spans[kind], compare_position);
      for (guint i = 0; i < tally.spans[kind]->len; i++)
        {
          const Match *match = &g_array_index (tally.spans[kind], Match, i);

          /* a verb credited to two documents is one span */
          if (i > 0 && compare_position (match - 1, match) == 0)
            continue;
          _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_KIND,
                                     word_at (words, match->first)->start,
                                     word_at (words, match->last)->end);
        }
    }

  for (guint k = 0; k <= ACCORDS_KIND_ANNOUNCEMENT; k++)
    g_array_unref (tally.spans[k]);
}

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
  const Word *first = word_at (words, match->first);

  if ((first->flags & WORD_TITLECASE) &&
      words->sentence_first[first->sentence] != match->first)
    return TRUE;

  for (guint back = 1; back <= 4 && back <= match->first; back++)
    {
      guint w = match->first - back;

      if (word_at (words, w)->sentence != first->sentence)
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

      if (word_at (words, mid)->end <= offset)
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
      sentence = word_at (words, w)->sentence;
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
  guint sentence = word_at (words, match->first)->sentence;
  guint from = match->first > 8 ? match->first - 8 : 0;
  guint to = MIN (match->last + 8, words->words->len - 1);

  for (guint w = from; w <= to; w++)
    if (figure_at[w] >= 0 && word_at (words, w)->sentence == sentence)
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
  const Word *first = word_at (words, match->first);

  for (guint back = 1; back <= 12 && back <= match->first; back++)
    {
      guint w = match->first - back;

      if (word_at (words, w)->sentence != first->sentence || cooperation_at[w] >= 0)
        break;
      if (toured_at[w] >= 0)
        return TRUE;
    }

  return FALSE;
}

static void
find_topics (AccordsExtraction *ex,
             const Words       *words)
{
  JsonObject *lang = language_table ("topics", ex->language);
  g_autoptr(GPtrArray) prefixes = load_prefixes (language_table ("kinds", ex->language));
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
  int publish_year = publish_year_of (ex);
  JsonObject *lists;
  JsonArray *by_figures;
  g_autoptr(GList) ids = NULL;

  if (lang == NULL || !json_object_has_member (lang, "topics"))
    return;

  /* sentences about the cooperation, the words of titles, figures */
  find_matches (words, get_list (lang, "cooperation"), prefixes, 0, marks);
  find_matches (words, get_list (lang, "titles"), prefixes, 1, marks);
  find_matches (words, get_list (lang, "figures"), prefixes, 2, marks);
  find_matches (words, get_list (lang, "past"), prefixes, 3, marks);
  find_matches (words, get_list (lang, "toured"), prefixes, 4, marks);
  foreign = find_foreign_sentences (ex, words);
  for (guint i = 0; i <= words->words->len; i++)
    title_at[i] = figure_at[i] = toured_at[i] = cooperation_at[i] = -1;
  for (guint i = 0; i < words->words->len; i++)
    {
      int year = year_of (word_at (words, i));

      if (year > 0 && year < publish_year)
        past_sentence[word_at (words, i)->sentence] = TRUE;
    }
  for (guint i = 0; i < marks->len; i++)
    {
      const Match *mark = &g_array_index (marks, Match, i);

      if (mark->tag == 0)
        {
          cooperation[word_at (words, mark->first)->sentence] = TRUE;
          for (guint w = mark->first; w <= mark->last; w++)
            cooperation_at[w] = 1;
        }
      else if (mark->tag == 1)
        title_at[mark->last] = 1;
      else if (mark->tag == 2)
        figure_at[mark->first] = 1;
      else if (mark->tag == 3)
        past_sentence[word_at (words, mark->first)->sentence] = TRUE;
      else
        toured_at[mark->last] = 1;
    }

  lists = json_object_get_object_member (lang, "topics");
  ids = json_object_get_members (lists);
  by_figures = get_list (_accords_extract_table ("topics"), "background_with_figures");
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
      find_matches (words, json_object_get_array_member (lists, topic.id), prefixes,
                    topics->len, found);
      g_array_append_val (topics, topic);
    }

  /* "information and communication technology" names the whole sector
   * the reports are about, not telecommunications as an area: its words
   * are kept from the topic lists */
  find_matches (words, get_list (lang, "sector"), prefixes, -1, found);
  kept = keep_longest (words, found);
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
          word_at (words, prev->first)->sentence == word_at (words, match->first)->sentence)
        listed[i - 1] = listed[i] = TRUE;
    }

  for (guint i = 0; i < kept->len; i++)
    {
      const Match *match = &g_array_index (kept, Match, i);
      TopicFound *topic = &g_array_index (topics, TopicFound, match->tag);
      guint sentence = word_at (words, match->first)->sentence;

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
          !foreign[word_at (words, match->first)->sentence])
        _accords_extract_add_span (ex, ACCORDS_EXTRACT_FIELD_TOPIC,
                                   word_at (words, match->first)->start,
                                   word_at (words, match->last)->end);
    }

  g_array_sort (topics, compare_topic_position);
  for (guint t = 0; t < topics->len; t++)
    {
      const TopicFound *topic = &g_array_index (topics, TopicFound, t);

      if (topic->counts)
        _accords_extract_add_unique (ex->topics, topic->id);
    }
}

void
_accords_extract_kind (AccordsExtraction *ex)
{
  g_autoptr(Words) words = NULL;

  g_return_if_fail (ex != NULL && ex->text != NULL);

  words = words_new (ex->text);
  if (words->words->len == 0)
    return;

  decide_kind (ex, words);
  find_topics (ex, words);
}
