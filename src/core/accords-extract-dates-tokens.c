/* accords-extract-dates-tokens.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <string.h>

#include "accords-extract-dates-private.h"

/* The dates pass, part one: the tokenizer, and the word tables of
 * dates.json built into a Lexicon. */

/* ------------------------------------------------------------------ */
/* Word tables                                                          */

static const char *category_names[N_CATS] = {
  "months", "solar_months", "fillers", "range_words", "weekdays", "relative",
  "last_before", "last_after", "future_before", "future_after", "prepositions",
  "publish_words", "event_words", "report_words", "multi_day",
  "month_intro", "departure_words", "approval_words", "number_words", "term_intro",
  "term_units", "term_end", "term_subjects", "elapsed_before", "elapsed_after",
  "elapsed_link", "current_before", "current_after",
};

static const char *relative_names[] = {
  NULL, "today", "yesterday", "day_before_yesterday", "last_week", "this_week",
  "last_month", "this_month", "last_year", "this_year",
};

/* ------------------------------------------------------------------ */
/* Tokens                                                               */

void
_accords_dates_token_list_free (TokenList *list)
{
  g_array_unref (list->tokens);
  g_string_chunk_free (list->chunk);
  g_free (list);
}

static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x0623: /* أ */
    case 0x0625: /* إ */
    case 0x0622: /* آ */
    case 0x0671: /* ٱ */
      return 0x0627;
    case 0x0649: /* ى */
    case 0x06CC: /* Persian ی */
      return 0x064A;
    case 0x06A9: /* Persian ک */
      return 0x0643;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212:
      return '-';
    case 0x2018: case 0x2019: case 0x02BC: case '`':
      return '\'';
    case 0x060C: /* Arabic comma */
      return ',';
    case 0x061F:
      return '?';
    case 0x06D4: /* Arabic full stop */
      return '.';
    default:
      return g_unichar_tolower (c);
    }
}

static gboolean
is_ignorable (gunichar c)
{
  /* tatweel and Arabic vowel signs do not change a word */
  return c == 0x0640 || (c >= 0x064B && c <= 0x065F) || c == 0x0670;
}

static gboolean
is_space (gunichar c)
{
  /* zero-width non-joiner: "سه‌شنبه" reads like "سه شنبه" */
  return g_unichar_isspace (c) || c == 0x200C || c == 0x200B || c == 0xFEFF;
}

TokenList *
_accords_dates_tokenize (const char *text)
{
  TokenList *list = g_new0 (TokenList, 1);
  GString *buf = g_string_new (NULL);
  guint paragraph = 0;
  gboolean space = TRUE;
  gboolean newline = FALSE;
  const char *p = text;

  list->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  list->chunk = g_string_chunk_new (1024);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      Token token = { 0 };

      if (is_space (c))
        {
          /* a line break ends a paragraph; several count as one */
          if (c == '\n')
            newline = TRUE;
          space = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }

      if (newline && list->tokens->len > 0)
        paragraph++;
      newline = FALSE;
      g_string_truncate (buf, 0);
      token.start = p - text;
      token.space_before = space;
      token.paragraph = paragraph;
      space = FALSE;

      if (g_unichar_digit_value (c) >= 0)
        {
          token.type = TOKEN_NUMBER;
          while (*p != '\0' && g_unichar_digit_value (g_utf8_get_char (p)) >= 0)
            {
              int digit = g_unichar_digit_value (g_utf8_get_char (p));

              if (token.digits < 9)
                token.number = token.number * 10 + digit;
              token.digits++;
              g_string_append_c (buf, '0' + digit);
              p = g_utf8_next_char (p);
            }
        }
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c) || is_ignorable (c))
        {
          token.type = TOKEN_WORD;
          token.upper = g_unichar_isupper (c);
          token.all_upper = TRUE;
          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);

              if (is_ignorable (d))
                ;
              else if ((g_unichar_isalpha (d) || g_unichar_ismark (d)) &&
                       g_unichar_digit_value (d) < 0)
                {
                  /* combining accents on Latin letters are kept: a folded
                   * table word is folded the same way */
                  if (!g_unichar_isupper (d) && !g_unichar_ismark (d))
                    token.all_upper = FALSE;
                  g_string_append_unichar (buf, fold_char (d));
                }
              else
                break;
              p = g_utf8_next_char (p);
            }
          if (buf->len == 0)
            continue; /* only vowel signs */
        }
      else
        {
          token.type = TOKEN_PUNCT;
          g_string_append_unichar (buf, fold_char (c));
          p = g_utf8_next_char (p);
        }

      token.end = p - text;
      token.norm = g_string_chunk_insert_const (list->chunk, buf->str);
      g_array_append_val (list->tokens, token);
    }

  g_string_free (buf, TRUE);

  return list;
}

/* Joins the folded tokens of a table entry, so that it is compared with
 * the text's tokens the way they are cut. */
static char *
fold_phrase (const char *phrase,
             guint      *n_tokens)
{
  g_autoptr(TokenList) list = _accords_dates_tokenize (phrase);
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < list->tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, g_array_index (list->tokens, Token, i).norm);
    }

  *n_tokens = list->tokens->len;

  return g_string_free (key, FALSE);
}

static void
word_set_add (WordSet    *set,
              const char *entry,
              int         value)
{
  g_autofree char *key = NULL;
  guint n_tokens;

  if (g_str_has_suffix (entry, "*"))
    {
      g_autofree char *stem = g_strndup (entry, strlen (entry) - 1);
      Prefix prefix;

      prefix.prefix = fold_phrase (stem, &n_tokens);
      prefix.value = value;
      g_array_append_val (set->prefixes, prefix);
      set->max_len = MAX (set->max_len, 1);
      return;
    }

  key = fold_phrase (entry, &n_tokens);
  if (n_tokens == 0)
    return;
  set->max_len = MAX (set->max_len, n_tokens);
  g_hash_table_insert (set->exact, g_steal_pointer (&key), GINT_TO_POINTER (value));
}

static int
entry_value (Category  cat,
             JsonNode *node)
{
  if (cat == CAT_RELATIVE)
    {
      const char *name = json_node_get_string (node);

      for (guint i = 1; i < G_N_ELEMENTS (relative_names); i++)
        if (g_strcmp0 (name, relative_names[i]) == 0)
          return i;
      return 0;
    }
  if (cat == CAT_EVENT)
    {
      const char *name = json_node_get_string (node);

      if (g_strcmp0 (name, "sign") == 0)
        return EVENT_SIGN;
      if (g_strcmp0 (name, "visit") == 0)
        return EVENT_VISIT;
      return EVENT_MEET;
    }

  return (int) json_node_get_int (node);
}

static void
fill_word_set (WordSet  *set,
               Category  cat,
               JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        word_set_add (set, json_array_get_string_element (array, i), 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          int value = entry_value (cat, json_object_get_member (object, l->data));

          if (value != 0)
            word_set_add (set, l->data, value);
        }
    }
}

static WordSet *
word_set_new (void)
{
  WordSet *set = g_new0 (WordSet, 1);

  set->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  set->prefixes = g_array_new (FALSE, FALSE, sizeof (Prefix));

  return set;
}

/* Built once per process from dates.json and never freed, like the
 * table it comes from. */
Lexicon *
_accords_dates_lexicon_get (void)
{
  static gsize initialized;
  static Lexicon *lexicon;

  if (g_once_init_enter (&initialized))
    {
      JsonObject *table = _accords_extract_table ("dates");

      lexicon = g_new0 (Lexicon, 1);
      for (guint cat = 0; cat < N_CATS; cat++)
        {
          JsonNode *node = NULL;

          if (table != NULL)
            node = json_object_get_member (table, category_names[cat]);

          lexicon->sets[cat] = g_hash_table_new (g_str_hash, g_str_equal);
          if (node == NULL)
            continue;

          if (JSON_NODE_HOLDS_ARRAY (node))
            {
              WordSet *set = word_set_new ();

              fill_word_set (set, cat, node);
              g_hash_table_insert (lexicon->sets[cat], (gpointer) "*", set);
            }
          else if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *by_language = json_node_get_object (node);
              g_autoptr(GList) languages = json_object_get_members (by_language);
              WordSet *all = CAT_IS_GLOBAL (cat) ? word_set_new () : NULL;

              for (const GList *l = languages; l != NULL; l = l->next)
                {
                  JsonNode *words = json_object_get_member (by_language, l->data);

                  if (all != NULL)
                    fill_word_set (all, cat, words);
                  else
                    {
                      WordSet *set = word_set_new ();

                      fill_word_set (set, cat, words);
                      g_hash_table_insert (lexicon->sets[cat], g_strdup (l->data), set);
                    }
                }
              if (all != NULL)
                g_hash_table_insert (lexicon->sets[cat], (gpointer) "*", all);
            }
        }

      g_once_init_leave (&initialized, 1);
    }

  return lexicon;
}
