/* test-query.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-query"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "accords-query.h"
#include "accords-store.h"
#include "accords-store-private.h"

/* Parsing and printing */

static AccordsQuery *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize start = 99, end = 99;
  AccordsQuery *query;

  query = accords_query_parse (text, &start, &end, &error);
  if (error != NULL)
    g_error ("“%s” should parse, got “%s” at %" G_GSIZE_FORMAT "–%" G_GSIZE_FORMAT,
             text, error->message, start, end);

  g_assert_nonnull (query);
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 0);

  return query;
}

/* @text parses; it prints as @canonical, which parses back to an equal
 * query and prints the same again. */
static void
assert_round_trip (const char *text,
                   const char *canonical)
{
  g_autoptr(AccordsQuery) query = parse_ok (text);
  g_autoptr(AccordsQuery) again = NULL;
  g_autofree char *printed = accords_query_to_string (query);
  g_autofree char *printed_again = NULL;

  g_assert_cmpstr (printed, ==, canonical);

  again = parse_ok (printed);
  g_assert_true (accords_query_equal (query, again));
  g_assert_true (accords_query_equal (again, query));

  printed_again = accords_query_to_string (again);
  g_assert_cmpstr (printed_again, ==, printed);
}

static const struct {
  const char *text;
  const char *canonical;
} round_trips[] = {
  /* free text */
  { "", "" },
  { "   \t\n ", "" },
  { "cloud", "cloud" },
  { "  AI   cloud  ", "AI cloud" },
  { "a\tb\nc", "a b c" },
  { "cyber*", "cyber*" },
  { "cyber***", "cyber*" },
  { "a*b", "a*b" },
  { "*foo", "*foo" },
  { "e-commerce", "e-commerce" },
  { "10:30", "10:30" },
  { "a or b", "a or b" },
  { "AND NOT NEAR", "AND NOT NEAR" },
  /* phrases and quoting */
  { "\"data centre\"", "\"data centre\"" },
  { "\"  data \t centre \"", "\"data centre\"" },
  { "\"single\"", "single" },
  { "\"single*\"", "single" },
  { "\"foo:bar\"", "\"foo:bar\"" },
  { "\"foo:bar\"*", "\"foo:bar\"*" },
  { "\"OR\"", "\"OR\"" },
  { "-OR", "-\"OR\"" },
  { "\"-x\"", "\"-x\"" },
  { "\"(a)\"", "\"(a)\"" },
  { "\"NEAR(a b)\"", "\"NEAR(a b)\"" },
  { "\"it\"\"s\"", "\"it\"\"s\"" },
  { "\"say \"\"hi\"\" now\"", "\"say \"\"hi\"\" now\"" },
  { "\"\"\"\"", "\"\"\"\"" },
  /* operators */
  { "country:RS", "country:RS" },
  { "country:rs", "country:RS" },
  { "Country:Serbia", "country:RS" },
  { "COUNTRY:srb", "country:RS" },
  { "country:\"Costa Rica\"", "country:CR" },
  { "country:\"Iran, Islamic Republic of\"", "country:IR" },
  { "country:türkiye", "country:TR" },
  { "country:Turkey", "country:TR" },
  { "country:🇷🇸", "country:RS" },
  { "with:Iran", "with:IR" },
  { "country:RS with:IR", "country:RS with:IR" },
  { "topic:cloud", "topic:cloud" },
  { "TOPIC:Data-Centres", "topic:data_centres" },
  { "kind:MOU_signed", "kind:mou_signed" },
  { "kind:\"agreement_signed\"", "kind:agreement_signed" },
  { "after:2024-01 before:2025-03-01", "after:2024-01 before:2025-03-01" },
  { "after:2024-02-29", "after:2024-02-29" },
  { "year:2025", "year:2025" },
  { "tag:follow-up", "tag:follow-up" },
  { "tag:Follow-Up", "tag:Follow-Up" },
  { "tag:\"to check\"", "tag:\"to check\"" },
  { "tag:\"  spaced  \"", "tag:spaced" },
  { "tag:\"a \"\"quoted\"\" tag\"", "tag:\"a \"\"quoted\"\" tag\"" },
  { "tag:OR", "tag:OR" },
  { "tag:-x", "tag:-x" },
  { "tag:a*b", "tag:a*b" },
  { "is:Starred is:unreviewed is:VERIFIED is:disputed",
    "is:starred is:unreviewed is:verified is:disputed" },
  { "has:note", "has:note" },
  /* negation */
  { "-cloud", "-cloud" },
  { "-country:iran", "-country:IR" },
  { "-\"data centre\"", "-\"data centre\"" },
  { "-topic:cloud -is:starred", "-topic:cloud -is:starred" },
  { "-\"-x\"", "-\"-x\"" },
  /* OR */
  { "a b OR c d", "a b OR c d" },
  { "a OR b OR c", "a OR b OR c" },
  { "country:RS OR country:IR topic:cloud", "country:RS OR country:IR topic:cloud" },
  { "-a OR b", "-a OR b" },
  { "a   OR\tb", "a OR b" },
  /* unicode and right-to-left text */
  { "تعاون رقمي", "تعاون رقمي" },
  { "\"مذكرة تفاهم\" country:SA", "\"مذكرة تفاهم\" country:SA" },
  { "همکاری\u200cها", "همکاری\u200cها" },
  { "\u200fcountry:IR\u200f \u200eسرور", "country:IR سرور" },
  { "country:IL שיתוף", "country:IL שיתוף" },
  { "合作 \"数字 经济\"", "合作 \"数字 经济\"" },
  { "a\u00a0b\u3000c", "a b c" },
  { "🚀 coopération", "🚀 coopération" },
};

static void
test_parse_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (round_trips); i++)
    assert_round_trip (round_trips[i].text, round_trips[i].canonical);
}

static void
assert_term (AccordsQuery      *query,
             guint              group,
             guint              position,
             AccordsQueryField  field,
             const char        *value,
             gboolean           negated)
{
  const AccordsQueryTerm *term = accords_query_get_term (query, group, position);

  g_assert_nonnull (term);
  g_assert_cmpint (term->field, ==, field);
  g_assert_cmpstr (term->value, ==, value);
  g_assert_cmpint (term->negated, ==, negated);
}

static void
test_parse_empty (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("");
  g_autoptr(AccordsQuery) blank = parse_ok ("  \u200f ");
  g_autofree char *text = accords_query_to_string (query);

  g_assert_true (accords_query_is_empty (query));
  g_assert_true (accords_query_is_empty (blank));
  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 0);
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpint (accords_query_get_sort_key (query), ==, ACCORDS_SORT_DATE);
  g_assert_true (accords_query_get_sort_descending (query));
}

static void
test_parse_fields (void)
{
  g_autoptr(AccordsQuery) query =
    parse_ok ("cyber* \"data centre\" country:serbia with:IRN topic:cloud kind:visit "
              "after:2024-01 before:2025-03-01 year:2025 tag:\"to check\" is:starred "
              "has:note \"x:y\"");

  g_assert_false (accords_query_is_empty (query));
  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 13);

  for (guint i = 0; i < 13; i++)
    g_assert_cmpuint (accords_query_get_group_size (query, i), ==, 1);

  assert_term (query, 0, 0, ACCORDS_QUERY_FIELD_TEXT, "cyber*", FALSE);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_PHRASE, "data centre", FALSE);
  assert_term (query, 2, 0, ACCORDS_QUERY_FIELD_COUNTRY, "RS", FALSE);
  assert_term (query, 3, 0, ACCORDS_QUERY_FIELD_WITH, "IR", FALSE);
  assert_term (query, 4, 0, ACCORDS_QUERY_FIELD_TOPIC, "cloud", FALSE);
  assert_term (query, 5, 0, ACCORDS_QUERY_FIELD_KIND, "visit", FALSE);
  assert_term (query, 6, 0, ACCORDS_QUERY_FIELD_AFTER, "2024-01", FALSE);
  assert_term (query, 7, 0, ACCORDS_QUERY_FIELD_BEFORE, "2025-03-01", FALSE);
  assert_term (query, 8, 0, ACCORDS_QUERY_FIELD_YEAR, "2025", FALSE);
  assert_term (query, 9, 0, ACCORDS_QUERY_FIELD_TAG, "to check", FALSE);
  assert_term (query, 10, 0, ACCORDS_QUERY_FIELD_IS, "starred", FALSE);
  assert_term (query, 11, 0, ACCORDS_QUERY_FIELD_HAS, "note", FALSE);
  /* A quoted single word is a word. */
  assert_term (query, 12, 0, ACCORDS_QUERY_FIELD_TEXT, "x:y", FALSE);
}

static void
test_parse_or (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("a b OR c d");
  g_autoptr(AccordsQuery) chain = parse_ok ("-country:RS OR topic:cloud OR \"x y\" kind:visit");

  /* OR binds tighter than the implicit AND: a AND (b OR c) AND d. */
  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 3);
  g_assert_cmpuint (accords_query_get_group_size (query, 0), ==, 1);
  g_assert_cmpuint (accords_query_get_group_size (query, 1), ==, 2);
  g_assert_cmpuint (accords_query_get_group_size (query, 2), ==, 1);
  assert_term (query, 0, 0, ACCORDS_QUERY_FIELD_TEXT, "a", FALSE);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_TEXT, "b", FALSE);
  assert_term (query, 1, 1, ACCORDS_QUERY_FIELD_TEXT, "c", FALSE);
  assert_term (query, 2, 0, ACCORDS_QUERY_FIELD_TEXT, "d", FALSE);

  g_assert_cmpuint (accords_query_get_n_groups (chain), ==, 2);
  g_assert_cmpuint (accords_query_get_group_size (chain, 0), ==, 3);
  assert_term (chain, 0, 0, ACCORDS_QUERY_FIELD_COUNTRY, "RS", TRUE);
  assert_term (chain, 0, 1, ACCORDS_QUERY_FIELD_TOPIC, "cloud", FALSE);
  assert_term (chain, 0, 2, ACCORDS_QUERY_FIELD_PHRASE, "x y", FALSE);
  assert_term (chain, 1, 0, ACCORDS_QUERY_FIELD_KIND, "visit", FALSE);
}

static void
test_parse_negation (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("-cloud -country:IR -\"a b\" -tag:x e-mail");

  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 5);
  assert_term (query, 0, 0, ACCORDS_QUERY_FIELD_TEXT, "cloud", TRUE);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_COUNTRY, "IR", TRUE);
  assert_term (query, 2, 0, ACCORDS_QUERY_FIELD_PHRASE, "a b", TRUE);
  assert_term (query, 3, 0, ACCORDS_QUERY_FIELD_TAG, "x", TRUE);
  /* A dash inside a word is part of it. */
  assert_term (query, 4, 0, ACCORDS_QUERY_FIELD_TEXT, "e-mail", FALSE);
}

static void
test_parse_quoting (void)
{
  g_autoptr(AccordsQuery) query =
    parse_ok ("\"say \"\"hi\"\"\" tag:\"a \"\"b\"\"\" \"it\"\"s\" \"OR\" \"country:RS\"");

  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 5);
  assert_term (query, 0, 0, ACCORDS_QUERY_FIELD_PHRASE, "say \"hi\"", FALSE);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_TAG, "a \"b\"", FALSE);
  assert_term (query, 2, 0, ACCORDS_QUERY_FIELD_TEXT, "it\"s", FALSE);
  /* Quoted, OR and operators are plain words. */
  assert_term (query, 3, 0, ACCORDS_QUERY_FIELD_TEXT, "OR", FALSE);
  assert_term (query, 4, 0, ACCORDS_QUERY_FIELD_TEXT, "country:RS", FALSE);
}

static void
test_parse_long (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(AccordsQuery) long_word = NULL;
  g_autoptr(AccordsQuery) failed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *printed = NULL;
  gsize start, end, length;

  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (text, "%sw%u", i > 0 ? " " : "", i);

  query = parse_ok (text->str);
  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 10000);
  printed = accords_query_to_string (query);
  g_assert_cmpstr (printed, ==, text->str);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (word, 'a' + i % 26);
  long_word = parse_ok (word->str);
  assert_term (long_word, 0, 0, ACCORDS_QUERY_FIELD_TEXT, word->str, FALSE);

  /* An error at the end of a long text is found where it is. */
  length = text->len;
  g_string_append (text, " nope:x");
  failed = accords_query_parse (text->str, &start, &end, &error);
  g_assert_error (error, ACCORDS_QUERY_ERROR, ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR);
  g_assert_null (failed);
  g_assert_cmpuint (start, ==, length + 1);
  g_assert_cmpuint (end, ==, length + 6);
}

static const struct {
  const char        *text;
  AccordsQueryError  code;
  gsize              start;
  gsize              end;
  const char        *message; /* checked when not NULL */
} malformed[] = {
  { "foo:bar", ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR, 0, 4, "Unknown operator “foo:”" },
  { "cloud Foo:bar", ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR, 6, 10, "Unknown operator “Foo:”" },
  { "-note:x", ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR, 1, 6, NULL },
  { "تعاون foo:bar", ACCORDS_QUERY_ERROR_UNKNOWN_OPERATOR, 11, 15, NULL },
  { "country:Narnia", ACCORDS_QUERY_ERROR_INVALID_VALUE, 8, 14, "Unknown country “Narnia”" },
  { "country:\"Costa Ricca\" x", ACCORDS_QUERY_ERROR_INVALID_VALUE, 8, 21, NULL },
  { "country:Korea", ACCORDS_QUERY_ERROR_INVALID_VALUE, 8, 13, NULL },
  { "country:\"RS' OR 1=1 --\"", ACCORDS_QUERY_ERROR_INVALID_VALUE, 8, 23, NULL },
  { "with:XX", ACCORDS_QUERY_ERROR_INVALID_VALUE, 5, 7, NULL },
  { "topic:clouds", ACCORDS_QUERY_ERROR_INVALID_VALUE, 6, 12, "Unknown topic “clouds”" },
  { "kind:signing", ACCORDS_QUERY_ERROR_INVALID_VALUE, 5, 12, NULL },
  { "after:2025-02-30", ACCORDS_QUERY_ERROR_INVALID_VALUE, 6, 16, NULL },
  { "after:2023-02-29", ACCORDS_QUERY_ERROR_INVALID_VALUE, 6, 16, NULL },
  { "before:2025-13", ACCORDS_QUERY_ERROR_INVALID_VALUE, 7, 14, NULL },
  { "before:2025-1-01", ACCORDS_QUERY_ERROR_INVALID_VALUE, 7, 16, NULL },
  { "after:25", ACCORDS_QUERY_ERROR_INVALID_VALUE, 6, 8, NULL },
  { "after:yesterday", ACCORDS_QUERY_ERROR_INVALID_VALUE, 6, 15, NULL },
  { "year:25", ACCORDS_QUERY_ERROR_INVALID_VALUE, 5, 7, NULL },
  { "year:2025-01", ACCORDS_QUERY_ERROR_INVALID_VALUE, 5, 12, NULL },
  { "year:0000", ACCORDS_QUERY_ERROR_INVALID_VALUE, 5, 9, NULL },
  { "is:happy", ACCORDS_QUERY_ERROR_INVALID_VALUE, 3, 8, NULL },
  { "has:tags", ACCORDS_QUERY_ERROR_INVALID_VALUE, 4, 8, NULL },
  { "tag:", ACCORDS_QUERY_ERROR_SYNTAX, 0, 4, "“tag:” needs a value" },
  { "country: RS", ACCORDS_QUERY_ERROR_SYNTAX, 0, 8, NULL },
  { "a tag:\"\"", ACCORDS_QUERY_ERROR_SYNTAX, 2, 8, NULL },
  { "tag:\"  \"", ACCORDS_QUERY_ERROR_SYNTAX, 0, 8, NULL },
  { "\"unclosed", ACCORDS_QUERY_ERROR_SYNTAX, 0, 9, "Missing closing quote" },
  { "a \"unclosed phrase", ACCORDS_QUERY_ERROR_SYNTAX, 2, 18, NULL },
  { "tag:\"open", ACCORDS_QUERY_ERROR_SYNTAX, 4, 9, NULL },
  { "\"a\"\"", ACCORDS_QUERY_ERROR_SYNTAX, 0, 4, NULL },
  { "\"\"", ACCORDS_QUERY_ERROR_SYNTAX, 0, 2, NULL },
  { "\" \t \"", ACCORDS_QUERY_ERROR_SYNTAX, 0, 5, NULL },
  { "OR a", ACCORDS_QUERY_ERROR_SYNTAX, 0, 2, "“OR” needs a term on both sides" },
  { "a OR", ACCORDS_QUERY_ERROR_SYNTAX, 2, 4, "“OR” needs a term on both sides" },
  { "a OR  ", ACCORDS_QUERY_ERROR_SYNTAX, 2, 4, NULL },
  { "a OR OR b", ACCORDS_QUERY_ERROR_SYNTAX, 5, 7, NULL },
  { "OR", ACCORDS_QUERY_ERROR_SYNTAX, 0, 2, NULL },
  { "(a OR b)", ACCORDS_QUERY_ERROR_SYNTAX, 0, 1, NULL },
  { "a (b", ACCORDS_QUERY_ERROR_SYNTAX, 2, 3, NULL },
  { "foo)", ACCORDS_QUERY_ERROR_SYNTAX, 3, 4, NULL },
  { "NEAR(a b)", ACCORDS_QUERY_ERROR_SYNTAX, 4, 5, NULL },
  { "tag:(x)", ACCORDS_QUERY_ERROR_SYNTAX, 4, 5, NULL },
  { "\"a b\"(", ACCORDS_QUERY_ERROR_SYNTAX, 5, 6, NULL },
  { "- a", ACCORDS_QUERY_ERROR_SYNTAX, 0, 1, NULL },
  { "a -", ACCORDS_QUERY_ERROR_SYNTAX, 2, 3, NULL },
  { "--a", ACCORDS_QUERY_ERROR_SYNTAX, 0, 2, NULL },
  { "*", ACCORDS_QUERY_ERROR_SYNTAX, 0, 1, NULL },
  { "a ***", ACCORDS_QUERY_ERROR_SYNTAX, 2, 5, NULL },
  { "a \"b\"c", ACCORDS_QUERY_ERROR_SYNTAX, 5, 6, NULL },
  { "a \"b\"é", ACCORDS_QUERY_ERROR_SYNTAX, 5, 7, NULL },
  { "ab\"c\"", ACCORDS_QUERY_ERROR_SYNTAX, 2, 3, NULL },
  { "tag:a\"b", ACCORDS_QUERY_ERROR_SYNTAX, 5, 6, NULL },
  { "\"a b\"*", ACCORDS_QUERY_ERROR_SYNTAX, 0, 6, NULL },
  { "tag:\"x\"*", ACCORDS_QUERY_ERROR_SYNTAX, 7, 8, NULL },
  { "ab\xff", ACCORDS_QUERY_ERROR_SYNTAX, 2, 3, NULL },
  { "\xc3(", ACCORDS_QUERY_ERROR_SYNTAX, 0, 1, NULL },
};

static void
test_parse_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(AccordsQuery) query = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (malformed[i].text, NULL);
      gsize start = 999, end = 999;

      g_test_message ("malformed: %s", escaped);

      query = accords_query_parse (malformed[i].text, &start, &end, &error);

      g_assert_null (query);
      g_assert_error (error, ACCORDS_QUERY_ERROR, (int) malformed[i].code);
      g_assert_cmpuint (start, ==, malformed[i].start);
      g_assert_cmpuint (end, ==, malformed[i].end);
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, strlen (malformed[i].text));
      g_assert_cmpstr (error->message, !=, "");
      if (malformed[i].message != NULL)
        g_assert_cmpstr (error->message, ==, malformed[i].message);
    }
}

static void
test_parse_no_error_location (void)
{
  g_autoptr(AccordsQuery) query = NULL;
  g_autoptr(AccordsQuery) ok = NULL;

  /* Both the span and the error are optional. */
  query = accords_query_parse ("foo:bar", NULL, NULL, NULL);
  g_assert_null (query);

  ok = accords_query_parse ("cloud", NULL, NULL, NULL);
  g_assert_nonnull (ok);
}

/* Building queries */

static void
test_add_term (void)
{
  g_autoptr(AccordsQuery) query = accords_query_new ();
  g_autoptr(AccordsQuery) parsed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  static const struct {
    AccordsQueryField  field;
    const char        *value;
    gboolean           negated;
  } terms[] = {
    { ACCORDS_QUERY_FIELD_COUNTRY, "Serbia", FALSE },
    { ACCORDS_QUERY_FIELD_WITH, "iran", FALSE },
    { ACCORDS_QUERY_FIELD_TOPIC, "cloud", TRUE },
    { ACCORDS_QUERY_FIELD_TAG, " to check ", FALSE },
    /* Words that need quotes to stay words. */
    { ACCORDS_QUERY_FIELD_TEXT, "foo:bar", FALSE },
    { ACCORDS_QUERY_FIELD_TEXT, "OR", FALSE },
    { ACCORDS_QUERY_FIELD_TEXT, "-x*", FALSE },
    { ACCORDS_QUERY_FIELD_TEXT, "NEAR(a", FALSE },
    /* A phrase of one word is a word. */
    { ACCORDS_QUERY_FIELD_PHRASE, "single", FALSE },
    { ACCORDS_QUERY_FIELD_PHRASE, " two  words", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_assert_true (accords_query_add_term (query, terms[i].field, terms[i].value,
                                             terms[i].negated, &error));
      g_assert_no_error (error);
    }

  assert_term (query, 0, 0, ACCORDS_QUERY_FIELD_COUNTRY, "RS", FALSE);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_WITH, "IR", FALSE);
  assert_term (query, 2, 0, ACCORDS_QUERY_FIELD_TOPIC, "cloud", TRUE);
  assert_term (query, 3, 0, ACCORDS_QUERY_FIELD_TAG, "to check", FALSE);
  assert_term (query, 8, 0, ACCORDS_QUERY_FIELD_TEXT, "single", FALSE);
  assert_term (query, 9, 0, ACCORDS_QUERY_FIELD_PHRASE, "two words", FALSE);

  text = accords_query_to_string (query);
  g_assert_cmpstr (text, ==,
                   "country:RS with:IR -topic:cloud tag:\"to check\" \"foo:bar\" \"OR\" "
                   "\"-x\"* \"NEAR(a\" single \"two words\"");

  parsed = parse_ok (text);
  g_assert_true (accords_query_equal (query, parsed));
}

static void
test_add_term_invalid (void)
{
  g_autoptr(AccordsQuery) query = accords_query_new ();
  static const struct {
    AccordsQueryField  field;
    const char        *value;
    AccordsQueryError  code;
  } invalid[] = {
    { ACCORDS_QUERY_FIELD_COUNTRY, "Narnia", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_COUNTRY, "RS' OR 1=1 --", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_COUNTRY, "", ACCORDS_QUERY_ERROR_SYNTAX },
    { ACCORDS_QUERY_FIELD_TOPIC, "quantum", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_KIND, "treaty", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_AFTER, "2025-02-30", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_YEAR, "2025-01", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_IS, "happy", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_HAS, "tags", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_TAG, "   ", ACCORDS_QUERY_ERROR_SYNTAX },
    { ACCORDS_QUERY_FIELD_TEXT, "two words", ACCORDS_QUERY_ERROR_INVALID_VALUE },
    { ACCORDS_QUERY_FIELD_TEXT, "**", ACCORDS_QUERY_ERROR_SYNTAX },
    { ACCORDS_QUERY_FIELD_TEXT, "bad\xff", ACCORDS_QUERY_ERROR_SYNTAX },
    { ACCORDS_QUERY_FIELD_PHRASE, " * ", ACCORDS_QUERY_ERROR_SYNTAX },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = g_strescape (invalid[i].value, NULL);

      g_test_message ("invalid term: %s", escaped);
      g_assert_false (accords_query_add_term (query, invalid[i].field, invalid[i].value,
                                              FALSE, &error));
      g_assert_error (error, ACCORDS_QUERY_ERROR, (int) invalid[i].code);
    }

  g_assert_cmpuint (accords_query_get_n_groups (query), ==, 0);
}

static void
test_has_remove_term (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("country:RS -country:IR country:CN OR country:FR "
                                            "tag:\"To Check\" topic:cloud country:RS");
  g_autofree char *text = NULL;

  /* Values are normalised before they are compared. */
  g_assert_true (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "RS"));
  g_assert_true (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "rs"));
  g_assert_true (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "Serbia"));
  g_assert_true (accords_query_has_term (query, ACCORDS_QUERY_FIELD_TAG, "to check"));
  g_assert_true (accords_query_has_term (query, ACCORDS_QUERY_FIELD_TOPIC, "cloud"));

  /* Negated terms and OR groups do not count. */
  g_assert_false (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "IR"));
  g_assert_false (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "CN"));
  g_assert_false (accords_query_has_term (query, ACCORDS_QUERY_FIELD_WITH, "RS"));
  g_assert_false (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "Narnia"));

  g_assert_false (accords_query_remove_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "IR"));
  g_assert_true (accords_query_remove_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "Serbia"));
  g_assert_false (accords_query_has_term (query, ACCORDS_QUERY_FIELD_COUNTRY, "RS"));
  g_assert_true (accords_query_remove_term (query, ACCORDS_QUERY_FIELD_TAG, "TO CHECK"));
  g_assert_false (accords_query_remove_term (query, ACCORDS_QUERY_FIELD_TAG, "to check"));

  text = accords_query_to_string (query);
  g_assert_cmpstr (text, ==, "-country:IR country:CN OR country:FR topic:cloud");
}

static void
test_copy_equal (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("a OR b country:RS -tag:x");
  g_autoptr(AccordsQuery) copy = accords_query_copy (query);
  g_autoptr(AccordsQuery) same = parse_ok ("a OR b country:serbia -tag:X");
  g_autoptr(AccordsQuery) reordered = parse_ok ("country:RS a OR b -tag:x");
  g_autofree char *before = accords_query_to_string (query);
  g_autofree char *after = NULL;

  g_assert_true (copy != query);
  g_assert_true (accords_query_equal (query, copy));
  g_assert_true (accords_query_equal (query, query));
  g_assert_true (accords_query_equal (query, same));
  g_assert_false (accords_query_equal (query, reordered));

  /* Deep: changing the copy leaves the original alone. */
  g_assert_true (accords_query_add_term (copy, ACCORDS_QUERY_FIELD_KIND, "visit", FALSE, NULL));
  g_assert_true (accords_query_remove_term (copy, ACCORDS_QUERY_FIELD_COUNTRY, "RS"));
  g_assert_false (accords_query_equal (query, copy));
  after = accords_query_to_string (query);
  g_assert_cmpstr (before, ==, after);
  assert_term (query, 1, 0, ACCORDS_QUERY_FIELD_COUNTRY, "RS", FALSE);

  /* The sort is part of equality and of the copy. */
  accords_query_set_sort (query, ACCORDS_SORT_TITLE, FALSE);
  g_assert_false (accords_query_equal (query, same));
  g_clear_object (&copy);
  copy = accords_query_copy (query);
  g_assert_true (accords_query_equal (query, copy));
  g_assert_cmpint (accords_query_get_sort_key (copy), ==, ACCORDS_SORT_TITLE);
  g_assert_false (accords_query_get_sort_descending (copy));
}

static void
test_sort (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("cloud");
  g_autofree char *text = NULL;

  g_assert_cmpint (accords_query_get_sort_key (query), ==, ACCORDS_SORT_DATE);
  g_assert_true (accords_query_get_sort_descending (query));

  accords_query_set_sort (query, ACCORDS_SORT_PARTIES, FALSE);
  g_assert_cmpint (accords_query_get_sort_key (query), ==, ACCORDS_SORT_PARTIES);
  g_assert_false (accords_query_get_sort_descending (query));

  /* Not part of the text. */
  text = accords_query_to_string (query);
  g_assert_cmpstr (text, ==, "cloud");
}

/* Compiling to SQL */

static guint
count_placeholders (const char *sql)
{
  guint n = 0;

  for (const char *p = sql; *p != '\0'; p++)
    n += *p == '?';

  return n;
}

static char *
compile_ok (AccordsQuery *query,
            GPtrArray    *params)
{
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (_accords_store_compile_query (query, where, params, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_placeholders (where->str), ==, params->len);
  for (guint i = 0; i < params->len; i++)
    {
      GVariant *value = g_ptr_array_index (params, i);

      g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) ||
                     g_variant_is_of_type (value, G_VARIANT_TYPE_INT64));
    }

  return g_string_free (g_steal_pointer (&where), FALSE);
}

static GPtrArray *
params_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
}

static void
test_sql_empty (void)
{
  g_autoptr(AccordsQuery) query = accords_query_new ();
  g_autoptr(GPtrArray) params = params_new ();
  g_autofree char *where = compile_ok (query, params);

  g_assert_cmpstr (where, ==, "1");
  g_assert_cmpuint (params->len, ==, 0);
}

static void
test_sql_placeholders (void)
{
  static const char *texts[] = {
    "cloud",
    "country:RS",
    "with:IR",
    "country:RS with:IR",
    "with:RS with:IR",
    "a b OR c d",
    "a -b -\"c d\" cyber*",
    "-a",
    "a OR country:RS",
    "a OR -b",
    "year:2025 after:2024-01 before:2025-03-01 year:9999 before:9999-12-31",
    "tag:x is:starred is:unreviewed is:verified is:disputed has:note -has:note",
    "kind:visit OR kind:meeting OR topic:cloud -topic:trade",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(AccordsQuery) query = parse_ok (texts[i]);
      g_autoptr(GPtrArray) params = params_new ();
      g_autofree char *where = NULL;

      g_test_message ("compiling %s", texts[i]);
      where = compile_ok (query, params);
      g_assert_cmpuint (params->len, >, 0);
      /* Junction tables only through EXISTS. */
      g_assert_null (strstr (where, "IN (SELECT code"));
      g_assert_null (strstr (where, "IN (SELECT record_id"));
    }
}

static const char *
param_string (GPtrArray *params,
              guint      index)
{
  g_assert_cmpuint (index, <, params->len);

  return g_variant_get_string (g_ptr_array_index (params, index), NULL);
}

static void
test_sql_fts (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("cloud \"data centre\" cyber* a OR b -x -\"y z\" "
                                            "\"it\"\"s\" topic:cloud");
  g_autoptr(AccordsQuery) negative_only = parse_ok ("-x topic:cloud");
  g_autoptr(AccordsQuery) mixed = parse_ok ("x OR topic:cloud");
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(GPtrArray) negative_params = params_new ();
  g_autoptr(GPtrArray) mixed_params = params_new ();
  g_autofree char *where = compile_ok (query, params);
  g_autofree char *negative_where = compile_ok (negative_only, negative_params);
  g_autofree char *mixed_where = compile_ok (mixed, mixed_params);

  /* One MATCH for every full-text group, the negated ones subtracted. */
  g_assert_cmpuint (params->len, ==, 2);
  g_assert_cmpstr (param_string (params, 0), ==,
                   "(\"cloud\" AND \"data centre\" AND \"cyber\" * AND (\"a\" OR \"b\") AND "
                   "\"it\"\"s\") NOT (\"x\" OR \"y z\")");
  g_assert_cmpstr (param_string (params, 1), ==, "cloud");

  /* Nothing to subtract from: a negated MATCH of its own. */
  g_assert_nonnull (strstr (negative_where, "NOT (r.id IN (SELECT rowid FROM record_fts"));
  g_assert_cmpstr (param_string (negative_params, 0), ==, "\"x\"");

  /* A word ORed with another kind of term keeps its own MATCH. */
  g_assert_nonnull (strstr (mixed_where, " OR "));
  g_assert_cmpstr (param_string (mixed_params, 0), ==, "\"x\"");
  g_assert_cmpstr (param_string (mixed_params, 1), ==, "cloud");
}

static void
test_sql_dates (void)
{
  g_autoptr(AccordsQuery) query = parse_ok ("after:2024-01 before:2025-03 year:2025 "
                                            "after:2024-12-31 year:9999 before:2024");
  g_autoptr(GPtrArray) params = params_new ();
  g_autofree char *where = compile_ok (query, params);

  g_assert_cmpuint (params->len, ==, 7);
  g_assert_cmpstr (param_string (params, 0), ==, "2024-01-01");
  g_assert_cmpstr (param_string (params, 1), ==, "2025-03-01");
  g_assert_cmpstr (param_string (params, 2), ==, "2025-01-01");
  g_assert_cmpstr (param_string (params, 3), ==, "2026-01-01");
  g_assert_cmpstr (param_string (params, 4), ==, "2024-12-31");
  g_assert_cmpstr (param_string (params, 5), ==, "9999-01-01");
  g_assert_cmpstr (param_string (params, 6), ==, "2024-01-01");
}

/* Builds a query from @field:@value terms (or parses @text). */
static AccordsQuery *
query_with_term (AccordsQueryField  field,
                 const char        *value,
                 gboolean           negated)
{
  AccordsQuery *query = accords_query_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (accords_query_add_term (query, field, value, negated, &error));
  g_assert_no_error (error);

  return query;
}

static const struct {
  AccordsQueryField  field;
  const char        *value;
} hostile[] = {
  { ACCORDS_QUERY_FIELD_TAG, "x'); DROP TABLE record; --" },
  { ACCORDS_QUERY_FIELD_TAG, "' OR 1=1 --" },
  { ACCORDS_QUERY_FIELD_TAG, "\"; DELETE FROM annotation; --" },
  { ACCORDS_QUERY_FIELD_TAG, "?" },
  { ACCORDS_QUERY_FIELD_TAG, "a\\' /* */ b" },
  { ACCORDS_QUERY_FIELD_TEXT, "x');DROP" },
  { ACCORDS_QUERY_FIELD_TEXT, "NEAR(a" },
  { ACCORDS_QUERY_FIELD_TEXT, "col:word" },
  { ACCORDS_QUERY_FIELD_TEXT, "title:serbia" },
  { ACCORDS_QUERY_FIELD_TEXT, "a\"b" },
  { ACCORDS_QUERY_FIELD_TEXT, "^start" },
  { ACCORDS_QUERY_FIELD_TEXT, "*x*" },
  { ACCORDS_QUERY_FIELD_TEXT, "?" },
  { ACCORDS_QUERY_FIELD_PHRASE, "NEAR(a b) OR c" },
  { ACCORDS_QUERY_FIELD_PHRASE, "\" OR 1=1 OR \"" },
  { ACCORDS_QUERY_FIELD_PHRASE, "a' ; DROP TABLE tag; --" },
};

static void
test_sql_hostile (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      for (guint negated = 0; negated < 2; negated++)
        {
          g_autoptr(AccordsQuery) query = query_with_term (hostile[i].field, hostile[i].value,
                                                           negated);
          g_autoptr(AccordsQuery) benign = NULL;
          g_autoptr(GPtrArray) params = params_new ();
          g_autoptr(GPtrArray) benign_params = params_new ();
          g_autofree char *where = compile_ok (query, params);
          g_autofree char *benign_where = NULL;
          const AccordsQueryTerm *term = accords_query_get_term (query, 0, 0);

          g_test_message ("hostile: %s", hostile[i].value);

          /* The SQL is the one any value of that kind gets… */
          benign = query_with_term (term->field,
                                    term->field == ACCORDS_QUERY_FIELD_PHRASE ? "b c" : "b",
                                    negated);
          benign_where = compile_ok (benign, benign_params);
          g_assert_cmpstr (where, ==, benign_where);

          /* …so none of the user's text is in it (a lone “?” is, as the
           * placeholder, which the comparison above covers). */
          if (!g_str_equal (hostile[i].value, "?"))
            g_assert_null (strstr (where, hostile[i].value));
          g_assert_null (strstr (where, "DROP"));
          g_assert_null (strstr (where, "DELETE"));
          g_assert_null (strstr (where, "1=1"));
          g_assert_null (strstr (where, "--"));
          g_assert_null (strstr (where, ";"));
          g_assert_null (strstr (where, "NEAR"));
          g_assert_null (strstr (where, "col:"));
          g_assert_null (strchr (where, '"'));
          g_assert_cmpuint (params->len, ==, count_placeholders (where));
        }
    }
}

static void
test_sql_sort (void)
{
  static const AccordsSortKey keys[] = {
    ACCORDS_SORT_DATE, ACCORDS_SORT_TITLE, ACCORDS_SORT_KIND,
    ACCORDS_SORT_PARTIES, ACCORDS_SORT_STARRED,
  };

  g_assert_cmpstr (_accords_store_sort_sql (ACCORDS_SORT_DATE, TRUE), ==,
                   "r.event_date DESC, r.id DESC");
  g_assert_cmpstr (_accords_store_sort_sql (ACCORDS_SORT_DATE, FALSE), ==,
                   "r.event_date ASC, r.id ASC");

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const char *descending = _accords_store_sort_sql (keys[i], TRUE);
      const char *ascending = _accords_store_sort_sql (keys[i], FALSE);

      g_assert_nonnull (descending);
      g_assert_nonnull (ascending);
      g_assert_cmpstr (descending, !=, ascending);
      g_assert_true (g_str_has_suffix (descending, "r.id DESC"));
      g_assert_true (g_str_has_suffix (ascending, "r.id ASC"));
      g_assert_null (strchr (descending, '?'));
      g_assert_null (strchr (ascending, '?'));
    }
}

/* Running the SQL against a library */

typedef struct
{
  char    *dir;
  sqlite3 *db;
} Library;

/* Six records; the comments give what the queries below rely on. */
static const char library_sql[] =
  "INSERT INTO record (id, uid, title, kind, event_date, summary, created, modified) VALUES"
  " (1, 'u1', 'Serbia and Iran sign digital memorandum', 'mou_signed', '2025-03-10',"
  "  'Cooperation on data centres and e-government.', '2025-03-11', '2025-03-11'),"
  " (2, 'u2', 'Serbia hosts Chinese delegation on 5G', 'meeting', '2024-06-15',"
  "  '', '2024-06-16', '2024-06-16'),"
  " (3, 'u3', 'Iran announces cybersecurity strategy', 'announcement', '2024-01-20',"
  "  '', '2024-01-21', '2024-01-21'),"
  " (4, 'u4', 'France and Estonia digital agreement', 'agreement_signed', '2023-11-02',"
  "  'Data exchange between registries.', '2023-11-03', '2023-11-03'),"
  " (5, 'u5', 'Undated visit to Belgrade', 'visit', NULL,"
  "  '', '2025-01-01', '2025-01-01'),"
  " (6, 'u6', 'Kenya Rwanda ICT projects', 'mou_signed', '2025-12-31',"
  "  'Fibre optic backbone.', '2026-01-01', '2026-01-01');"
  "INSERT INTO record_country (record_id, code, role, position) VALUES"
  " (1, 'RS', 'party', 0), (1, 'IR', 'party', 1),"
  " (2, 'RS', 'party', 0), (2, 'CN', 'party', 1), (2, 'IR', 'mentioned', 0),"
  " (3, 'IR', 'party', 0),"
  " (4, 'FR', 'party', 0), (4, 'EE', 'party', 1),"
  " (5, 'RS', 'party', 1), (5, 'FR', 'party', 0),"
  " (6, 'KE', 'party', 0), (6, 'RW', 'party', 1);"
  "INSERT INTO record_topic (record_id, topic, position) VALUES"
  " (1, 'cloud', 0), (1, 'artificial_intelligence', 1),"
  " (2, 'telecom_5g', 0), (3, 'cybersecurity', 0),"
  " (4, 'e_government', 0), (4, 'data_exchange', 1),"
  " (5, 'trade', 0), (6, 'fibre_infrastructure', 0);"
  "INSERT INTO source (record_id, position, title, text, sha256) VALUES"
  " (2, 0, 'Belgrade talks', 'A memorandum of understanding on telecommunications.', 'h2');"
  "INSERT INTO annotation (record_id, note, starred, review, modified) VALUES"
  " (1, 'Check the figures', 1, 'verified', '2025-03-12'),"
  " (3, '', 0, 'disputed', '2024-01-22'),"
  " (4, '', 0, 'unreviewed', '2023-11-04');"
  "INSERT INTO tag (id, name) VALUES (1, 'Follow-up'), (2, 'to check');"
  "INSERT INTO record_tag (record_id, tag_id) VALUES (1, 1), (6, 1), (2, 2);";

static char *
read_schema (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  path = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "sql", "001-schema.sql", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
exec_ok (sqlite3    *db,
         const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
}

static void
library_set_up (Library       *library,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *schema = read_schema ();

  library->dir = g_dir_make_tmp ("accords-query-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (library->dir, "library.db", NULL);
  g_assert_cmpint (sqlite3_open (path, &library->db), ==, SQLITE_OK);

  exec_ok (library->db, "PRAGMA foreign_keys = ON;");
  exec_ok (library->db, schema);
  exec_ok (library->db, library_sql);
}

static void
library_tear_down (Library       *library,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *path = g_build_filename (library->dir, "library.db", NULL);

  sqlite3_close (library->db);
  g_unlink (path);
  g_rmdir (library->dir);
  g_free (library->dir);
}

/* The ids @query matches, in the order of its sort, or by id. */
static char *
run_query (sqlite3      *db,
           AccordsQuery *query,
           gboolean      sorted)
{
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = compile_ok (query, params);
  g_autofree char *sql = NULL;
  const char *order = "r.id";
  int rc;

  if (sorted)
    order = _accords_store_sort_sql (accords_query_get_sort_key (query),
                                     accords_query_get_sort_descending (query));
  sql = g_strdup_printf ("SELECT r.id FROM record r WHERE %s ORDER BY %s", where, order);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Cannot prepare %s: %s", sql, sqlite3_errmsg (db));

  g_assert_true (_accords_store_bind_params (stmt, 1, params, &error));
  g_assert_no_error (error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 0 ? " " : "",
                            (gint64) sqlite3_column_int64 (stmt, 0));

  if (rc != SQLITE_DONE)
    g_error ("Cannot run %s: %s", sql, sqlite3_errmsg (db));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static const struct {
  const char *query;
  const char *ids;
} expected_matches[] = {
  { "", "1 2 3 4 5 6" },
  { "country:RS", "1 2 5" },
  { "country:serbia", "1 2 5" },
  { "country:IR", "1 3" },         /* 2 only mentions Iran */
  { "with:IR", "1" },              /* 3 has Iran alone */
  { "with:RS", "1 2 5" },
  { "country:RS with:IR", "1" },
  { "country:RS with:CN", "2" },
  { "with:RS with:IR", "1" },
  { "country:IR with:IR", "1" },
  { "-country:RS", "3 4 6" },
  { "-with:IR", "2 3 4 5 6" },
  { "country:FR OR country:KE", "4 5 6" },
  { "topic:cloud", "1" },
  { "topic:cloud OR topic:trade", "1 5" },
  { "-topic:cloud", "2 3 4 5 6" },
  { "kind:mou_signed", "1 6" },
  { "kind:mou_signed -country:KE", "1" },
  { "year:2025", "1 6" },
  { "year:2024", "2 3" },
  { "-year:2025", "2 3 4" },       /* no date never matches a date term */
  { "after:2024-06", "1 2 6" },
  { "before:2024-06", "3 4" },
  { "after:2024-06 before:2025-04", "1 2" },
  { "before:2025-12-31", "1 2 3 4" },
  { "after:2025-12-31", "6" },
  { "memorandum", "1 2" },         /* a title, and a source's text */
  { "\"digital memorandum\"", "1" },
  { "\"memorandum of understanding\"", "2" },
  { "memo*", "1 2" },
  { "memo", "" },
  { "serbia", "1 2" },
  { "SERBIA", "1 2" },
  { "-serbia", "3 4 5 6" },
  { "serbia -iran", "2" },
  { "serbia -\"sign digital\"", "2" },
  { "estonia OR kenya", "4 6" },
  { "estonia OR kenya -fibre", "4" },
  { "serbia OR topic:trade", "1 2 5" },
  { "-serbia OR topic:trade", "3 4 5 6" },
  { "e-government", "1" },
  { "figures", "1" },              /* the note */
  { "\"^serbia\"", "1 2" },        /* FTS5 syntax is searched as text */
  { "tag:follow-up", "1 6" },
  { "tag:FOLLOW-UP", "1 6" },
  { "tag:\"to check\"", "2" },
  { "-tag:follow-up", "2 3 4 5" },
  { "tag:nothing", "" },
  { "is:starred", "1" },
  { "-is:starred", "2 3 4 5 6" },
  { "is:unreviewed", "2 4 5 6" },  /* no annotation: not reviewed */
  { "is:verified", "1" },
  { "is:disputed", "3" },
  { "has:note", "1" },
  { "-has:note", "2 3 4 5 6" },
  { "country:RS is:starred OR year:2024 memorandum", "1 2" },
};

static void
test_run_queries (Library       *library,
                  gconstpointer  data G_GNUC_UNUSED)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected_matches); i++)
    {
      g_autoptr(AccordsQuery) query = parse_ok (expected_matches[i].query);
      g_autofree char *ids = NULL;

      g_test_message ("running %s", expected_matches[i].query);
      ids = run_query (library->db, query, FALSE);
      g_assert_cmpstr (ids, ==, expected_matches[i].ids);
    }
}

static void
test_run_sorted (Library       *library,
                 gconstpointer  data G_GNUC_UNUSED)
{
  static const struct {
    AccordsSortKey  key;
    gboolean        descending;
    const char     *ids;
  } orders[] = {
    { ACCORDS_SORT_DATE, TRUE, "6 1 2 3 4 5" },
    { ACCORDS_SORT_DATE, FALSE, "5 4 3 2 1 6" },
    { ACCORDS_SORT_TITLE, FALSE, "4 3 6 1 2 5" },
    { ACCORDS_SORT_TITLE, TRUE, "5 2 1 6 3 4" },
    { ACCORDS_SORT_KIND, FALSE, "4 3 2 1 6 5" },
    { ACCORDS_SORT_PARTIES, FALSE, "5 4 3 6 2 1" },
    { ACCORDS_SORT_PARTIES, TRUE, "1 2 6 3 4 5" },
    { ACCORDS_SORT_STARRED, TRUE, "1 6 2 3 4 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(AccordsQuery) query = accords_query_new ();
      g_autofree char *ids = NULL;

      accords_query_set_sort (query, orders[i].key, orders[i].descending);
      ids = run_query (library->db, query, TRUE);
      g_assert_cmpstr (ids, ==, orders[i].ids);
    }
}

/* Rows of every table, and the schema: what an injection would change. */
static char *
snapshot (sqlite3 *db)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) tables = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, coalesce (sql, '') FROM sqlite_master"
                                       " WHERE type = 'table' ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);
      g_autoptr(sqlite3_stmt) count = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &count, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT " %s\n", name,
                              (gint64) sqlite3_column_int64 (count, 0),
                              (const char *) sqlite3_column_text (tables, 1));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_run_hostile (Library       *library,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autofree char *before = snapshot (library->db);
  g_autofree char *after = NULL;

  g_assert_nonnull (strstr (before, "record=6 "));

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(AccordsQuery) query = query_with_term (hostile[i].field, hostile[i].value, FALSE);
      g_autoptr(AccordsQuery) negated = query_with_term (hostile[i].field, hostile[i].value, TRUE);
      g_autofree char *ids = NULL;
      g_autofree char *negated_ids = NULL;

      g_test_message ("hostile: %s", hostile[i].value);

      ids = run_query (library->db, query, TRUE);
      negated_ids = run_query (library->db, negated, FALSE);

      /* Searched for as text, none of them is in the library: a column
       * filter such as “title:serbia” is the two words side by side. */
      g_assert_cmpstr (ids, ==, "");
      g_assert_cmpstr (negated_ids, ==, "1 2 3 4 5 6");
    }

  after = snapshot (library->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_run_long (Library       *library,
               gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GString) and_text = g_string_new ("country:RS");
  g_autoptr(GString) or_text = g_string_new ("country:KE");
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(AccordsQuery) and_query = NULL;
  g_autoptr(AccordsQuery) or_query = NULL;
  g_autoptr(AccordsQuery) words_query = NULL;
  g_autofree char *and_ids = NULL;
  g_autofree char *or_ids = NULL;
  g_autofree char *words_ids = NULL;

  /* More terms than SQLite's expression depth (1000) allows in a flat
   * chain. */
  for (guint i = 0; i < 1500; i++)
    {
      g_string_append_printf (and_text, " -tag:t%u", i);
      g_string_append_printf (or_text, " OR tag:t%u", i);
      g_string_append_printf (words, "%sserbia", i > 0 ? " " : "");
    }

  and_query = parse_ok (and_text->str);
  or_query = parse_ok (or_text->str);
  words_query = parse_ok (words->str);

  and_ids = run_query (library->db, and_query, TRUE);
  or_ids = run_query (library->db, or_query, FALSE);
  words_ids = run_query (library->db, words_query, FALSE);

  g_assert_cmpstr (and_ids, ==, "1 2 5");
  g_assert_cmpstr (or_ids, ==, "6");
  g_assert_cmpstr (words_ids, ==, "1 2");
}

/* The same through the store: its own schema, its own statement. */
static void
test_run_store (Library       *library,
                gconstpointer  data G_GNUC_UNUSED)
{
  static const struct {
    const char *query;
    const char *ids;
  } sorted_matches[] = {
    { "", "6 1 2 3 4 5" },
    { "country:RS", "1 2 5" },
    { "with:IR", "1" },
    { "memorandum OR tag:follow-up", "6 1 2" },
    { "-year:2025 -is:disputed", "2 4" },
  };
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (library->dir, "store.db", NULL);

  store = accords_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  exec_ok (_accords_store_get_db (store), library_sql);

  for (guint i = 0; i < G_N_ELEMENTS (sorted_matches); i++)
    {
      g_autoptr(AccordsQuery) query = parse_ok (sorted_matches[i].query);
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GString) text = g_string_new (NULL);

      g_assert_true (accords_store_query_ids (store, query, ids, NULL, &error));
      g_assert_no_error (error);

      for (guint j = 0; j < ids->len; j++)
        g_string_append_printf (text, "%s%" G_GINT64_FORMAT, j > 0 ? " " : "",
                                g_array_index (ids, gint64, j));
      g_assert_cmpstr (text->str, ==, sorted_matches[i].ids);
    }

  g_clear_object (&store);
  g_unlink (path);
}

static void
test_bind_errors (Library       *library,
                  gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (library->db, "SELECT ?, ?", -1, &stmt, NULL), ==,
                   SQLITE_OK);

  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_string ("a")));
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_int64 (42)));
  g_assert_true (_accords_store_bind_params (stmt, 1, params, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "a");
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 42);
  sqlite3_reset (stmt);

  /* One value too many for the statement. */
  g_assert_false (_accords_store_bind_params (stmt, 2, params, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_SQL);
  g_clear_error (&error);

  /* A type the store does not bind. */
  g_ptr_array_set_size (params, 0);
  g_ptr_array_add (params, g_variant_ref_sink (g_variant_new_boolean (TRUE)));
  g_assert_false (_accords_store_bind_params (stmt, 1, params, &error));
  g_assert_error (error, ACCORDS_STORE_ERROR, ACCORDS_STORE_ERROR_SQL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/query/parse/round-trip", test_parse_round_trip);
  g_test_add_func ("/query/parse/empty", test_parse_empty);
  g_test_add_func ("/query/parse/fields", test_parse_fields);
  g_test_add_func ("/query/parse/or", test_parse_or);
  g_test_add_func ("/query/parse/negation", test_parse_negation);
  g_test_add_func ("/query/parse/quoting", test_parse_quoting);
  g_test_add_func ("/query/parse/long", test_parse_long);
  g_test_add_func ("/query/parse/malformed", test_parse_malformed);
  g_test_add_func ("/query/parse/no-error-location", test_parse_no_error_location);
  g_test_add_func ("/query/terms/add", test_add_term);
  g_test_add_func ("/query/terms/add-invalid", test_add_term_invalid);
  g_test_add_func ("/query/terms/has-remove", test_has_remove_term);
  g_test_add_func ("/query/copy-equal", test_copy_equal);
  g_test_add_func ("/query/sort", test_sort);
  g_test_add_func ("/query/sql/empty", test_sql_empty);
  g_test_add_func ("/query/sql/placeholders", test_sql_placeholders);
  g_test_add_func ("/query/sql/fts", test_sql_fts);
  g_test_add_func ("/query/sql/dates", test_sql_dates);
  g_test_add_func ("/query/sql/hostile", test_sql_hostile);
  g_test_add_func ("/query/sql/sort", test_sql_sort);
  g_test_add ("/query/run/matches", Library, NULL,
              library_set_up, test_run_queries, library_tear_down);
  g_test_add ("/query/run/sorted", Library, NULL,
              library_set_up, test_run_sorted, library_tear_down);
  g_test_add ("/query/run/hostile", Library, NULL,
              library_set_up, test_run_hostile, library_tear_down);
  g_test_add ("/query/run/long", Library, NULL,
              library_set_up, test_run_long, library_tear_down);
  g_test_add ("/query/run/store", Library, NULL,
              library_set_up, test_run_store, library_tear_down);
  g_test_add ("/query/run/bind-errors", Library, NULL,
              library_set_up, test_bind_errors, library_tear_down);

  return g_test_run ();
}
