/* accords-extract-countries-mentions.c
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

/* The countries pass, part two: every mention of a country in a text. */

/* Whether text word @word is entry token @token, allowing a Russian case
 * ending after a declinable stem. */
static gboolean
token_matches (Lexicon    *lexicon,
               const char *word,
               const char *token,
               gboolean    declinable)
{
  gsize tlen;

  if (strcmp (word, token) == 0)
    return TRUE;
  if (!declinable)
    return FALSE;

  tlen = strlen (token);
  if (strncmp (word, token, tlen) != 0)
    return FALSE;
  for (guint i = 0; i < lexicon->endings->len; i++)
    if (strcmp (word + tlen, g_ptr_array_index (lexicon->endings, i)) == 0)
      return TRUE;
  return FALSE;
}

/* Words of one name are separated by a space, a hyphen or a dot ("U.S.",
 * "Эр-Рияд", "EE. UU."), nothing else. */
static gboolean
is_name_gap (const char *text,
             gsize       from,
             gsize       to)
{
  if (to <= from || to - from > 4)
    return FALSE;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '-' && c != '.' && c != 0x00A0 && c != 0x2010 &&
          c != 0x2011 && c != 0x200C && c != '\'' && c != 0x2019)
        return FALSE;
    }
  return TRUE;
}

/* "AMA", "CAN": a short word in capitals amid ordinary words is an
 * abbreviation, not a name in capitals ("Amã", "Can"). Headlines and
 * datelines in capitals ("LIMA, 3 Jun") keep their names: there the word
 * starts a line or has capitals next to it. */
static gboolean
is_abbreviation (const char *text,
                 const Word *words,
                 guint       n_words,
                 guint       i)
{
  gsize start = words[i].start;

  if (!words[i].all_upper || g_utf8_strlen (text + start, words[i].end - start) > 4)
    return FALSE;

  while (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t'))
    start--;
  if (start == 0 || text[start - 1] == '\n')
    return FALSE;
  if (i > 0 && words[i - 1].all_upper)
    return FALSE;
  if (i + 1 < n_words && words[i + 1].all_upper)
    return FALSE;

  return TRUE;
}

static gboolean
case_fits (const Entry *entry,
           const char  *text,
           const Word  *words,
           guint        n_words,
           guint        first)
{
  switch (entry->case_rule)
    {
    case CASE_CAPITAL:
      if (entry->n_tokens == 1 && is_abbreviation (text, words, n_words, first))
        return FALSE;
      return words[first].first_upper || words[first].arabic;
    case CASE_UPPER:
      for (guint i = 0; i < entry->n_tokens; i++)
        if (!words[first + i].all_upper)
          return FALSE;
      return TRUE;
    case CASE_ANY:
    default:
      return TRUE;
    }
}

/* A name that is also a person's or a town's name counts only when it
 * stands alone: "Michael Jordan" and "Washington Post" are not countries. */
static gboolean
stands_alone (const char *text,
              const Word *words,
              guint       n_words,
              guint       i)
{
  if (i + 1 < n_words && words[i + 1].first_upper &&
      words[i + 1].start - words[i].end == 1 && text[words[i].end] == ' ')
    return FALSE;

  if (i > 0 && words[i - 1].first_upper &&
      words[i].start - words[i - 1].end == 1 && text[words[i - 1].end] == ' ')
    {
      /* unless that word starts a sentence */
      const char *p = text + words[i - 1].start;

      while (p > text)
        {
          gunichar c;

          p = g_utf8_prev_char (p);
          c = g_utf8_get_char (p);
          if (!g_unichar_isspace (c))
            return c == '.' || c == '!' || c == '?' || c == ':' || c == '"' ||
                   c == 0x201C || c == 0x00AB;
        }
      return TRUE;
    }

  return TRUE;
}

typedef struct
{
  const Entry *entry;
  guint        n_words;
} Match;

static void
try_entries (Lexicon    *lexicon,
             const char *text,
             const Word *words,
             guint       n_words,
             guint       i,
             const char *key,
             gboolean    inflected,
             guint       langs,
             Match      *best)
{
  GPtrArray *list = g_hash_table_lookup (lexicon->by_first, key);

  for (guint k = 0; list != NULL && k < list->len; k++)
    {
      const Entry *entry = g_ptr_array_index (list, k);
      gboolean ok = TRUE;

      if ((entry->langs & langs) == 0 || i + entry->n_tokens > n_words)
        continue;
      if (entry->n_tokens <= best->n_words)
        break;
      if (inflected && !entry->declinable[0])
        continue;

      for (guint t = 1; ok && t < entry->n_tokens; t++)
        ok = is_name_gap (text, words[i + t - 1].end, words[i + t].start) &&
             token_matches (lexicon, words[i + t].folded, entry->tokens[t], entry->declinable[t]);

      if (!ok || !case_fits (entry, text, words, n_words, i))
        continue;
      if (entry->person_like && !stands_alone (text, words, n_words, i))
        continue;

      best->entry = entry;
      best->n_words = entry->n_tokens;
    }
}

static void
match_at (Lexicon    *lexicon,
          const char *text,
          const Word *words,
          guint       n_words,
          guint       i,
          guint       langs,
          Match      *best)
{
  const Word *word = &words[i];

  best->entry = NULL;
  best->n_words = 0;

  try_entries (lexicon, text, words, n_words, i, word->folded, FALSE, langs, best);

  if (word->arabic)
    {
      /* "والسعودية", "بمصر", "للسعودية" (ل + ال), "المصرية" */
      for (guint c = 0; c < lexicon->clitics->len; c++)
        {
          const char *clitic = g_ptr_array_index (lexicon->clitics, c);
          gsize clen = strlen (clitic);
          const char *rest = word->folded + clen;
          gboolean fused;

          if (!g_str_has_prefix (word->folded, clitic) || g_utf8_strlen (rest, -1) < 2)
            continue;

          /* "لل"/"بال"/"وال" hold the article: try the word with and without it */
          fused = g_str_has_suffix (clitic, "ال") || g_str_has_suffix (clitic, "لل");
          if (fused)
            {
              g_autofree char *with_article = g_strconcat ("ال", rest, NULL);

              try_entries (lexicon, text, words, n_words, i, with_article, FALSE, langs, best);
            }
          try_entries (lexicon, text, words, n_words, i, rest, FALSE, langs, best);
        }
      if (g_str_has_prefix (word->folded, "ال") && g_utf8_strlen (word->folded, -1) > 4)
        try_entries (lexicon, text, words, n_words, i, word->folded + strlen ("ال"),
                     FALSE, langs, best);
    }
  else if (word->cyrillic)
    {
      gsize wlen = strlen (word->folded);

      for (guint e = 0; e < lexicon->endings->len; e++)
        {
          const char *ending = g_ptr_array_index (lexicon->endings, e);
          gsize elen = strlen (ending);
          g_autofree char *stem = NULL;

          if (elen >= wlen || !g_str_has_suffix (word->folded, ending))
            continue;
          stem = g_strndup (word->folded, wlen - elen);
          if (g_utf8_strlen (stem, -1) < 3)
            continue;
          try_entries (lexicon, text, words, n_words, i, stem, TRUE, langs, best);
        }
    }
}

static guint
languages_for (const char *language)
{
  guint bit = _accords_countries_language_bit (language);

  if (bit == 0)
    return LANG_ALL;
  return LANG_EN | bit;
}

static gboolean
is_iso_date (const char *p)
{
  for (guint i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? p[i] != '-' : !g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* Datelines: "LONDON, Nov 2 (AFP) --", "TEHRAN –", "Rabat –",
 * "ДУШАНБЕ, 20 ноя —" at the start of a line (after a " date YYYY-MM-DD"
 * prefix). They say where the outlet sits, not who takes part. Returns the
 * end of the place's words, or 0 when the line does not start so. */
static gsize
dateline_end (const char *text,
              gsize       line,
              gboolean   *all_upper)
{
  const char *p = text + line;
  const char *run_end;
  guint cased = 0, upper = 0, words = 0;
  gboolean in_word = FALSE;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_str_has_prefix (p, "date ") && is_iso_date (p + 5))
    {
      p += 15;
      while (*p == ' ' || *p == '\t')
        p++;
    }

  line = p - text;
  for (; *p != '\0' && p - (text + line) < 40; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          if (!in_word)
            {
              words++;
              if (!g_unichar_isupper (c))
                return 0;
            }
          in_word = TRUE;
          if (g_unichar_isupper (c))
            cased++, upper++;
          else if (g_unichar_islower (c))
            cased++;
        }
      else if (c == ' ' || c == '-' || c == '.' || c == '\'')
        {
          if (c == '-' && p[1] == '-')
            break;
          in_word = FALSE;
        }
      else
        break;
    }

  if (words == 0 || words > 4 || cased == 0)
    return 0;

  run_end = p;
  while (run_end > text + line && run_end[-1] == ' ')
    run_end--;
  *all_upper = upper == cased;

  /* "Rabat –", "KYIV --" */
  if (g_str_has_prefix (p, "--") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
    return run_end - text;

  /* "LONDON, Nov 2 (AFP) --", "ДУШАНБЕ, 20 ноя —" */
  if (*p == ',')
    {
      const char *eol = strchr (p, '\n');
      gsize span = eol != NULL ? (gsize) (eol - p) : strlen (p);
      g_autofree char *after = g_strndup (p, MIN (span, 48));
      gboolean digit = FALSE;

      for (const char *q = after; *q != '\0' && q - after < 16; q++)
        digit |= g_ascii_isdigit (*q);

      if (digit &&
          (strstr (after, "--") != NULL || strstr (after, "–") != NULL ||
           strstr (after, "—") != NULL || strstr (after, "(") != NULL))
        return run_end - text;
    }

  return 0;
}

typedef struct
{
  gsize    start;
  gsize    end;
  gboolean all_upper;
} Range;

static GArray *
find_datelines (const char *text)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  for (const char *line = text; line != NULL; line = strchr (line, '\n'))
    {
      Range range;

      if (*line == '\n')
        line++;
      range.start = line - text;
      range.end = dateline_end (text, range.start, &range.all_upper);
      if (range.end > 0)
        g_array_append_val (ranges, range);
    }

  return ranges;
}

/* Whether folded text word @word is a currency word of @langs: as it
 * stands, Russian without its case ending ("долларов"), Arabic without
 * its clitics and article ("بالدولار"). */
static gboolean
is_currency_word (Lexicon    *lexicon,
                  const Word *word,
                  guint       langs)
{
  const char *folded = word->folded;

  if (_accords_countries_is_listed (lexicon->currency, folded, langs))
    return TRUE;

  if (word->cyrillic)
    {
      gsize wlen = strlen (folded);

      for (guint e = 0; e < lexicon->endings->len; e++)
        {
          const char *ending = g_ptr_array_index (lexicon->endings, e);
          gsize elen = strlen (ending);
          g_autofree char *stem = NULL;

          if (elen >= wlen || !g_str_has_suffix (folded, ending))
            continue;
          stem = g_strndup (folded, wlen - elen);
          if (_accords_countries_is_listed (lexicon->currency, stem, langs))
            return TRUE;
        }
    }
  else if (word->arabic)
    {
      for (guint c = 0; c < lexicon->clitics->len; c++)
        {
          const char *clitic = g_ptr_array_index (lexicon->clitics, c);
          const char *rest = folded + strlen (clitic);

          /* "بين" is "between", not ب + "ين" (yen) */
          if (!g_str_has_prefix (folded, clitic) || g_utf8_strlen (rest, -1) < 3)
            continue;
          if (_accords_countries_is_listed (lexicon->currency, rest, langs) ||
              (g_str_has_prefix (rest, "ال") &&
               _accords_countries_is_listed (lexicon->currency, rest + strlen ("ال"), langs)))
            return TRUE;
        }
      if (g_str_has_prefix (folded, "ال") && g_utf8_strlen (folded, -1) > 4 &&
          _accords_countries_is_listed (lexicon->currency, folded + strlen ("ال"), langs))
        return TRUE;
    }

  return FALSE;
}

/* Only spaces between two words: "US dollars", not "dollars. America" */
static gboolean
is_space_gap (const char *text,
              gsize       from,
              gsize       to)
{
  if (to <= from || to - from > 8)
    return FALSE;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '\t' && c != 0x00A0 && c != 0x202F && c != 0x200C)
        return FALSE;
    }
  return TRUE;
}

/* Money is not a mention of a country: "US$18 million", "18 millions
 * $US", "HK $5", "American dollars", "dólares estadounidenses", "долларов
 * США", "دولار أمريكي", "Japanese yen". A name or demonym glued to a
 * currency symbol (or one space from it, when it is an abbreviation in
 * capitals), or right next to a currency word, names a currency. */
static gboolean
is_currency (Lexicon    *lexicon,
             const char *text,
             const Word *words,
             guint       n_words,
             guint       first,
             guint       n,
             guint       langs)
{
  gsize start = words[first].start;
  gsize end = words[first + n - 1].end;
  gsize length = strlen (text);
  gboolean abbreviation = words[first].all_upper;

  for (guint s = 0; s < lexicon->symbols->len; s++)
    {
      const char *symbol = g_ptr_array_index (lexicon->symbols, s);
      gsize slen = strlen (symbol);

      if (strncmp (text + end, symbol, slen) == 0 ||
          (abbreviation && text[end] == ' ' && strncmp (text + end + 1, symbol, slen) == 0))
        return TRUE;
      if ((start >= slen && strncmp (text + start - slen, symbol, slen) == 0) ||
          (abbreviation && start > slen && text[start - 1] == ' ' &&
           strncmp (text + start - 1 - slen, symbol, slen) == 0))
        return TRUE;
    }

  if (end > length)
    return FALSE;

  if (first > 0 && is_space_gap (text, words[first - 1].end, start) &&
      is_currency_word (lexicon, &words[first - 1], langs))
    return TRUE;

  if (first + n < n_words && is_space_gap (text, end, words[first + n].start) &&
      is_currency_word (lexicon, &words[first + n], langs))
    return TRUE;

  return FALSE;
}

typedef struct
{
  AccordsCountryMention  mention;
  const Entry           *entry;
} Found;

static gboolean
names_code (GArray     *found,
            const char *code)
{
  for (guint i = 0; i < found->len; i++)
    {
      const Found *f = &g_array_index (found, Found, i);

      if (f->entry->n_others == 0 && !f->entry->seat && strcmp (f->mention.code, code) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Forms that need the rest of the text. A demonym several countries share
 * ("guineense": Guinea, Guinea-Bissau or Equatorial Guinea) is the one of
 * them the text also names plainly (by name, capital or an unambiguous
 * demonym); when none or several are, it is left out rather than guessed.
 * A capital that seats a regional body (Brussels) counts for its state
 * only when the text names that state otherwise. */
static GArray *
resolve_mentions (GArray *found)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (AccordsCountryMention));

  for (guint i = 0; i < found->len; i++)
    {
      Found *f = &g_array_index (found, Found, i);
      const char *chosen = NULL;
      guint n_named = 0;

      if (f->entry->n_others == 0 && !f->entry->seat)
        {
          g_array_append_val (mentions, f->mention);
          continue;
        }

      if (f->entry->seat)
        {
          if (names_code (found, f->mention.code))
            g_array_append_val (mentions, f->mention);
          continue;
        }

      if (names_code (found, f->entry->code))
        chosen = f->entry->code, n_named++;
      for (guint k = 0; k < f->entry->n_others; k++)
        if (names_code (found, f->entry->others[k]))
          chosen = f->entry->others[k], n_named++;

      if (n_named == 1)
        {
          g_strlcpy (f->mention.code, chosen, sizeof f->mention.code);
          g_array_append_val (mentions, f->mention);
        }
    }

  return mentions;
}

static GArray *
find_mentions (const char *text,
               const char *language,
               GArray     *datelines)
{
  Lexicon *lexicon = _accords_countries_get_lexicon ();
  g_autoptr(GArray) words = _accords_countries_split_words (text);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  guint langs = languages_for (language);
  const Word *w = (const Word *) (gpointer) words->data;

  for (guint i = 0; i < words->len;)
    {
      Match match;
      Found f;
      gboolean in_dateline = FALSE;
      gboolean currency;

      match_at (lexicon, text, w, words->len, i, langs, &match);
      if (match.entry == NULL)
        {
          i++;
          continue;
        }

      f.entry = match.entry;
      f.mention.start = w[i].start;
      f.mention.end = w[i + match.n_words - 1].end;
      memcpy (f.mention.code, match.entry->code, sizeof f.mention.code);
      f.mention.form = match.entry->form;
      currency = match.entry->code[0] != '\0' &&
                 is_currency (lexicon, text, w, words->len, i, match.n_words, langs);
      i += match.n_words;

      if (f.mention.code[0] == '\0' || currency)
        continue;

      /* a dateline names the outlet's city; a mixed-case one ("Rabat –")
       * only counts as such when it is a capital, not "Kenya – …" */
      for (guint d = 0; datelines != NULL && d < datelines->len; d++)
        {
          Range *range = &g_array_index (datelines, Range, d);

          if (f.mention.start >= range->start && f.mention.end <= range->end &&
              (range->all_upper || f.mention.form == ACCORDS_COUNTRY_FORM_CAPITAL))
            in_dateline = TRUE;
        }

      if (!in_dateline)
        g_array_append_val (found, f);
    }

  return resolve_mentions (found);
}

/**
 * _accords_extract_country_mentions:
 * @text: an article
 * @language: (nullable): its ISO 639-1 code; NULL tries every language
 *
 * Every country the text names — by name, demonym or capital — in text
 * order. Datelines ("LONDON, Nov 2 (AFP) --") are left out: they name where
 * the outlet sits. Regions and organisations are never countries.
 *
 * Returns: (transfer full): an array of AccordsCountryMention
 */
GArray *
_accords_extract_country_mentions (const char *text,
                                   const char *language)
{
  g_autoptr(GArray) datelines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  datelines = find_datelines (text);
  return find_mentions (text, language, datelines);
}
