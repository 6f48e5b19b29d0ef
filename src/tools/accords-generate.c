/* accords-generate.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-generate"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "accords-annotation.h"
#include "accords-country.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"
#include "accords-store-private.h"
#include "accords-topic.h"

/* accords-generate [--seed S] [--batch B] N FILE
 *
 * Writes a new library of N synthetic records for benchmarks, through the
 * same insert path as an import (accords_store_insert_records(), one
 * transaction per batch). Everything is drawn from one GRand with a fixed
 * seed, so the same arguments give the same records, uids and times.
 *
 * The shapes follow the data PERF-FLOOR.md was measured on: countries and
 * topics with Zipf frequencies (a handful of countries in most records),
 * event dates growing towards the present (2025 has about 17 times as many
 * records as 1990), titles and summaries drawn from a Zipf vocabulary of
 * real words and generated ones, with a long tail of rare names. */

#define N_COUNTRIES     200
#define N_PSEUDO_WORDS  4000
#define N_RARE_WORDS    50000
#define N_OUTLETS       60
#define N_ORGS          600
#define PEOPLE_PER_LAND 150
#define PROGRESS_EVERY  100000

/* Shares of the word draws. */
#define REAL_SHARE_TITLE   0.55
#define REAL_SHARE_SUMMARY 0.45
#define RARE_SHARE         0.006

/* Growth of the number of events: 2025 has 17× as many as 1990. */
#define GROWTH_FACTOR 17.0
#define GROWTH_YEARS  35

/* The countries that dominate technology-cooperation news come first, so
 * that the Zipf draw makes them the most frequent; the rest follow in
 * order of their codes. */
static const char *frequent_countries[] = {
  "CN", "US", "IN", "RU", "SA", "AE", "FR", "DE", "GB", "JP",
  "KR", "TR", "BR", "IR", "EG", "QA", "SG", "ID", "PK", "IT",
  "ES", "MY", "VN", "TH", "KZ", "UZ", "NG", "ZA", "KE", "AU",
  "RS", "HU", "PL", "IL", "MA", "ET", "AZ", "BY", "CA", "MX",
};

/* Real words, most frequent first; they are mixed with generated ones. */
static const char *real_words[] = {
  "the", "of", "and", "to", "in", "cooperation", "on", "digital", "for", "agreement",
  "technology", "memorandum", "ministry", "signed", "between", "development",
  "understanding", "minister", "with", "countries", "innovation", "a", "meeting",
  "partnership", "investment", "two", "sides", "infrastructure", "national", "data",
  "economic", "strategic", "joint", "discussed", "visit", "communications", "services",
  "projects", "security", "transformation", "talks", "forum", "government", "bilateral",
  "artificial", "intelligence", "network", "training", "capacity", "support", "new",
  "framework", "delegation", "platform", "companies", "expand", "research", "sector",
  "information", "science", "economy", "private", "summit", "center", "exchange",
  "technologies", "relations", "areas", "ties", "agency", "initiative", "regional",
  "program", "ICT", "cloud", "telecommunications", "smart", "cities", "trade",
  "education", "experts", "common", "implementation", "plan", "council", "industry",
  "standards", "market", "financial", "launch", "broadband", "startups", "fund",
  "cyber", "satellite", "space", "university", "students", "skills", "youth", "women",
  "climate", "energy", "green", "sustainable", "mobile", "payments", "postal", "parcel",
  "logistics", "customs", "fibre", "optic", "cable", "submarine", "5G", "spectrum",
  "licence", "operators", "semiconductor", "chips", "export", "controls", "quantum",
  "computing", "biotechnology", "health", "telemedicine", "agriculture", "e-commerce",
  "e-government", "identity", "blockchain", "fintech", "banking", "tourism", "visa",
  "mobility", "talent", "park", "zone", "hub", "corridor", "route", "silk", "road",
  "belt", "connectivity", "inclusion", "governance", "ethics", "regulation", "privacy",
  "protection", "sovereignty", "resilience", "supply", "chain", "manufacturing",
  "robotics", "automation", "open", "source", "interoperability", "certification",
  "roadmap", "committee", "working", "group", "session", "round", "held", "virtual",
  "ceremony", "witnessed", "pledged", "announced", "welcomed", "agreed", "explored",
};

static const char *kind_words[][4] = {
  [ACCORDS_KIND_MOU_SIGNED] = { "sign", "memorandum", "of", "understanding" },
  [ACCORDS_KIND_AGREEMENT_SIGNED] = { "conclude", "agreement", "on", NULL },
  [ACCORDS_KIND_MEETING] = { "ministers", "meet", "on", NULL },
  [ACCORDS_KIND_VISIT] = { "delegation", "visits", NULL, NULL },
  [ACCORDS_KIND_STATEMENT] = { "joint", "statement", "on", NULL },
  [ACCORDS_KIND_OPINION] = { "why", NULL, NULL, NULL },
  [ACCORDS_KIND_ANNOUNCEMENT] = { "announce", NULL, NULL, NULL },
};

/* Relative weights of the kinds, in enum order. */
static const double kind_weights[] = { 30, 12, 25, 15, 6, 4, 8 };

static const char *roles[] = {
  "Minister of Digital Development", "Minister of Foreign Affairs", "Ambassador",
  "Minister of Communications", "Deputy Minister", "President", "Prime Minister",
  "Director General", "Chief Executive Officer", "Vice President", "State Secretary",
  "Minister of Industry", "Head of Delegation", "Chairman", "Minister of Education",
  "Minister of Science and Technology", "Governor", "Deputy Prime Minister",
};

static const char *org_suffixes[] = {
  "Telecom", "Technologies", "University", "Digital", "Holdings", "Networks",
  "Institute", "Development Bank", "Post", "Space Agency", "Chamber of Commerce",
};

/* Outlet names: a prefix, a generated stem, a suffix. */
static const char *outlet_patterns[][2] = {
  { "", " News Agency" }, { "The ", " Times" }, { "", " Daily" }, { "", " Tribune" },
  { "The ", " Herald" }, { "", " Today" }, { "", " Gazette" }, { "The ", " Post" },
  { "The ", " Observer" }, { "", " Wire" },
};

static const char *languages[] = { "en", "en", "en", "en", "en", "fr", "es", "ru", "ar", "pt", "fa" };

static const char *tag_names[] = {
  "follow-up", "brief", "check", "important", "background", "ai-race", "energy", "trip",
};

static const char *syllables[] = {
  "ba", "be", "bi", "bo", "bu", "da", "de", "di", "do", "du", "fa", "fe", "fi", "ga", "ge",
  "go", "ka", "ke", "ki", "ko", "ku", "la", "le", "li", "lo", "lu", "ma", "me", "mi", "mo",
  "mu", "na", "ne", "ni", "no", "nu", "pa", "pe", "pi", "po", "ra", "re", "ri", "ro", "ru",
  "sa", "se", "si", "so", "su", "ta", "te", "ti", "to", "tu", "va", "ve", "vi", "wa", "we",
  "wu", "ya", "yo", "za", "ze", "zi", "zo", "zu", "an", "el", "or", "is", "ar", "en", "ul",
};

/* A Zipf distribution (exponent 1) over ranks 0 … n-1, as a cumulative
 * table. */
typedef struct
{
  guint   n;
  double *cdf;
} Zipf;

typedef struct
{
  char     *code;
  char     *name;
  char     *city;
  char    **people;      /* PEOPLE_PER_LAND names */
} Land;

typedef struct
{
  GRand     *rand;

  Land      *lands;      /* N_COUNTRIES, most frequent first */
  Zipf       land_zipf;
  Zipf       people_zipf;

  GPtrArray *topics;     /* borrowed topic ids, vocabulary order */
  Zipf       topic_zipf;

  Zipf       real_zipf;
  char     **pseudo;     /* N_PSEUDO_WORDS */
  Zipf       pseudo_zipf;
  char     **rare;       /* N_RARE_WORDS, capitalised */

  char     **outlets;
  char     **outlet_domains;
  Zipf       outlet_zipf;
  char     **orgs;
  Zipf       org_zipf;

  double     kind_cdf[G_N_ELEMENTS (kind_weights)];

  GDate      first_day;
  guint      n_days;     /* 1990-01-01 … 2026-06-30 */
  double    *day_cdf;    /* n_days */

  guint64    n_sources;  /* for unique urls and texts */
} Generator;

/* Helpers ------------------------------------------------------------------- */

static void
zipf_init (Zipf  *zipf,
           guint  n)
{
  double sum = 0;

  zipf->n = n;
  zipf->cdf = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      sum += 1.0 / (i + 1);
      zipf->cdf[i] = sum;
    }

  for (guint i = 0; i < n; i++)
    zipf->cdf[i] /= sum;
}

static void
zipf_clear (Zipf *zipf)
{
  g_clear_pointer (&zipf->cdf, g_free);
}

/* The first index whose cumulative share reaches @u. */
static guint
search_cdf (const double *cdf,
            guint         n,
            double        u)
{
  guint lo = 0;
  guint hi = n - 1;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (cdf[mid] < u)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static guint
zipf_draw (const Zipf *zipf,
           GRand      *rand)
{
  return search_cdf (zipf->cdf, zipf->n, g_rand_double (rand));
}

/* Draws @k distinct ranks into @out. */
static void
zipf_draw_distinct (const Zipf *zipf,
                    GRand      *rand,
                    guint       k,
                    guint      *out)
{
  g_assert (k <= zipf->n);

  for (guint i = 0; i < k; i++)
    {
      gboolean fresh;

      do
        {
          out[i] = zipf_draw (zipf, rand);
          fresh = TRUE;
          for (guint j = 0; j < i; j++)
            fresh = fresh && out[j] != out[i];
        }
      while (!fresh);
    }
}

/* A number from a small table of weights for 1, 2, 3 …; returns 1 + index. */
static guint
draw_count (GRand        *rand,
            const double *shares,
            guint         n_shares)
{
  double u = g_rand_double (rand);

  for (guint i = 0; i < n_shares; i++)
    {
      if (u < shares[i])
        return i + 1;
      u -= shares[i];
    }

  return n_shares;
}

static gboolean
chance (GRand  *rand,
        double  p)
{
  return g_rand_double (rand) < p;
}

static char *
make_pseudo_word (GRand    *rand,
                  guint     min_syllables,
                  guint     max_syllables,
                  gboolean  capital)
{
  GString *word = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_syllables, max_syllables + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (word, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);

  if (capital)
    word->str[0] = g_ascii_toupper (word->str[0]);

  return g_string_free (word, FALSE);
}

/* @n distinct pseudo-words, none equal to a real word or an earlier one. */
static char **
make_word_list (GRand      *rand,
                GHashTable *seen,
                guint       n,
                guint       min_syllables,
                guint       max_syllables,
                gboolean    capital)
{
  char **words = g_new0 (char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      char *word;

      for (;;)
        {
          g_autofree char *folded = NULL;

          word = make_pseudo_word (rand, min_syllables, max_syllables, capital);
          folded = g_ascii_strdown (word, -1);
          if (!g_hash_table_contains (seen, folded))
            {
              g_hash_table_add (seen, g_steal_pointer (&folded));
              break;
            }
          g_free (word);
        }

      words[i] = word;
    }

  return words;
}

/* Set-up ---------------------------------------------------------------------- */

static int
compare_codes (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
generator_init_lands (Generator *gen)
{
  g_autoptr(GListModel) list = accords_country_list ();
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = g_list_model_get_n_items (list);

  for (guint i = 0; i < G_N_ELEMENTS (frequent_countries); i++)
    {
      if (accords_country_lookup_code (frequent_countries[i]) == NULL)
        g_error ("iso-codes does not know %s", frequent_countries[i]);
      g_hash_table_add (first, (gpointer) frequent_countries[i]);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AccordsCountry) country = g_list_model_get_item (list, i);
      const char *code = accords_country_get_code (country);

      if (!g_hash_table_contains (first, code))
        g_ptr_array_add (rest, (gpointer) code);
    }
  g_ptr_array_sort (rest, compare_codes);

  if (G_N_ELEMENTS (frequent_countries) + rest->len < N_COUNTRIES)
    g_error ("iso-codes knows only %u countries",
             (guint) G_N_ELEMENTS (frequent_countries) + rest->len);

  gen->lands = g_new0 (Land, N_COUNTRIES);

  for (guint i = 0; i < N_COUNTRIES; i++)
    {
      const char *code = i < G_N_ELEMENTS (frequent_countries)
        ? frequent_countries[i]
        : g_ptr_array_index (rest, i - G_N_ELEMENTS (frequent_countries));
      AccordsCountry *country = accords_country_lookup_code (code);
      const char *name = accords_country_get_common_name (country);
      Land *land = &gen->lands[i];

      land->code = g_strdup (code);
      land->name = g_strdup (name != NULL ? name : accords_country_get_name (country));
      land->city = make_pseudo_word (gen->rand, 2, 3, TRUE);
      land->people = g_new0 (char *, PEOPLE_PER_LAND + 1);
      for (guint j = 0; j < PEOPLE_PER_LAND; j++)
        {
          g_autofree char *given = make_pseudo_word (gen->rand, 2, 3, TRUE);
          g_autofree char *family = make_pseudo_word (gen->rand, 2, 4, TRUE);

          land->people[j] = g_strdup_printf ("%s %s", given, family);
        }
    }

  zipf_init (&gen->land_zipf, N_COUNTRIES);
  zipf_init (&gen->people_zipf, PEOPLE_PER_LAND);
}

/* @base raised to the power @n. */
static double
power (double base,
       guint  n)
{
  double result = 1;

  for (; n > 0; n >>= 1, base *= base)
    if (n & 1)
      result *= base;

  return result;
}

/* The daily growth factor g with g^(GROWTH_YEARS years) = GROWTH_FACTOR,
 * found by bisection, then the cumulative share of each day: day i weighs
 * g^i. */
static void
init_day_cdf (Generator *gen)
{
  guint span = (guint) (GROWTH_YEARS * 365.25);
  double lo = 1.0;
  double hi = 1.001;
  double growth;
  double weight = 1;
  double sum = 0;

  for (guint i = 0; i < 100; i++)
    {
      double mid = (lo + hi) / 2;

      if (power (mid, span) < GROWTH_FACTOR)
        lo = mid;
      else
        hi = mid;
    }
  growth = (lo + hi) / 2;

  gen->day_cdf = g_new (double, gen->n_days);
  for (guint i = 0; i < gen->n_days; i++)
    {
      sum += weight;
      gen->day_cdf[i] = sum;
      weight *= growth;
    }
  for (guint i = 0; i < gen->n_days; i++)
    gen->day_cdf[i] /= sum;
}

static void
generator_init (Generator *gen,
                guint32    seed)
{
  g_autoptr(GListModel) topics = accords_topic_list ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double sum = 0;

  memset (gen, 0, sizeof *gen);
  gen->rand = g_rand_new_with_seed (seed);

  generator_init_lands (gen);

  gen->topics = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(AccordsTopic) topic = g_list_model_get_item (topics, i);

      /* Topics are static: their ids outlive the list. */
      g_ptr_array_add (gen->topics, (gpointer) accords_topic_get_id (topic));
    }
  zipf_init (&gen->topic_zipf, gen->topics->len);

  for (guint i = 0; i < G_N_ELEMENTS (real_words); i++)
    g_hash_table_add (seen, g_ascii_strdown (real_words[i], -1));
  zipf_init (&gen->real_zipf, G_N_ELEMENTS (real_words));

  gen->pseudo = make_word_list (gen->rand, seen, N_PSEUDO_WORDS, 2, 4, FALSE);
  zipf_init (&gen->pseudo_zipf, N_PSEUDO_WORDS);
  gen->rare = make_word_list (gen->rand, seen, N_RARE_WORDS, 3, 5, TRUE);

  gen->outlets = g_new0 (char *, N_OUTLETS + 1);
  gen->outlet_domains = g_new0 (char *, N_OUTLETS + 1);
  for (guint i = 0; i < N_OUTLETS; i++)
    {
      g_autofree char *stem = make_pseudo_word (gen->rand, 2, 3, TRUE);
      g_autofree char *lower = g_ascii_strdown (stem, -1);
      const char * const *pattern = outlet_patterns[i % G_N_ELEMENTS (outlet_patterns)];

      gen->outlets[i] = g_strconcat (pattern[0], stem, pattern[1], NULL);
      gen->outlet_domains[i] = g_strdup_printf ("www.%snews.com", lower);
    }
  zipf_init (&gen->outlet_zipf, N_OUTLETS);

  gen->orgs = g_new0 (char *, N_ORGS + 1);
  for (guint i = 0; i < N_ORGS; i++)
    {
      g_autofree char *stem = make_pseudo_word (gen->rand, 2, 3, TRUE);

      gen->orgs[i] = g_strdup_printf ("%s %s", stem,
                                      org_suffixes[g_rand_int_range (gen->rand, 0,
                                                                     G_N_ELEMENTS (org_suffixes))]);
    }
  zipf_init (&gen->org_zipf, N_ORGS);

  for (guint i = 0; i < G_N_ELEMENTS (kind_weights); i++)
    sum += kind_weights[i];
  for (guint i = 0; i < G_N_ELEMENTS (kind_weights); i++)
    gen->kind_cdf[i] = (i > 0 ? gen->kind_cdf[i - 1] : 0) + kind_weights[i] / sum;

  g_date_clear (&gen->first_day, 1);
  g_date_set_dmy (&gen->first_day, 1, G_DATE_JANUARY, 1990);
  {
    GDate last;

    g_date_clear (&last, 1);
    g_date_set_dmy (&last, 30, G_DATE_JUNE, 2026);
    gen->n_days = g_date_days_between (&gen->first_day, &last) + 1;
  }
  init_day_cdf (gen);
}

static void
generator_clear (Generator *gen)
{
  for (guint i = 0; i < N_COUNTRIES; i++)
    {
      g_free (gen->lands[i].code);
      g_free (gen->lands[i].name);
      g_free (gen->lands[i].city);
      g_strfreev (gen->lands[i].people);
    }
  g_free (gen->lands);
  g_strfreev (gen->pseudo);
  g_strfreev (gen->rare);
  g_strfreev (gen->outlets);
  g_strfreev (gen->outlet_domains);
  g_strfreev (gen->orgs);
  g_ptr_array_unref (gen->topics);
  zipf_clear (&gen->land_zipf);
  zipf_clear (&gen->people_zipf);
  zipf_clear (&gen->topic_zipf);
  zipf_clear (&gen->real_zipf);
  zipf_clear (&gen->pseudo_zipf);
  zipf_clear (&gen->outlet_zipf);
  zipf_clear (&gen->org_zipf);
  g_free (gen->day_cdf);
  g_rand_free (gen->rand);
}

/* Records ------------------------------------------------------------------- */

static const char *
draw_word (Generator *gen,
           double     real_share)
{
  double u = g_rand_double (gen->rand);

  if (u < RARE_SHARE)
    return gen->rare[g_rand_int_range (gen->rand, 0, N_RARE_WORDS)];
  if (u < RARE_SHARE + real_share)
    return real_words[zipf_draw (&gen->real_zipf, gen->rand)];

  return gen->pseudo[zipf_draw (&gen->pseudo_zipf, gen->rand)];
}

static void
append_words (Generator *gen,
              GString   *out,
              guint      n,
              double     real_share)
{
  for (guint i = 0; i < n; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, draw_word (gen, real_share));
    }
}

/* 6–20 words; half of the titles name the parties and the kind of event. */
static char *
make_title (Generator   *gen,
            const Land **parties,
            guint        n_parties,
            AccordsKind  kind)
{
  GString *title = g_string_new (NULL);
  guint n_words = 6 + g_rand_int_range (gen->rand, 0, 8) + g_rand_int_range (gen->rand, 0, 8);
  guint used = 0;

  if (chance (gen->rand, 0.5))
    {
      g_string_append (title, parties[0]->name);
      if (n_parties > 1)
        {
          g_string_append (title, " and ");
          g_string_append (title, parties[1]->name);
          used++;
        }
      used++;

      for (guint i = 0; i < G_N_ELEMENTS (kind_words[kind]) && kind_words[kind][i] != NULL; i++)
        {
          g_string_append_c (title, ' ');
          g_string_append (title, kind_words[kind][i]);
          used++;
        }
    }

  if (used < n_words)
    append_words (gen, title, n_words - used, REAL_SHARE_TITLE);

  title->str[0] = g_ascii_toupper (title->str[0]);

  return g_string_free (title, FALSE);
}

/* @n_words words in sentences of 8–20 words. */
static char *
make_text (Generator *gen,
           guint      n_words,
           double     real_share)
{
  GString *text = g_string_new (NULL);

  while (n_words > 0)
    {
      guint sentence = g_rand_int_range (gen->rand, 8, 21);
      gsize start;

      sentence = MIN (sentence, n_words);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      start = text->len;
      for (guint i = 0; i < sentence; i++)
        {
          if (i > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, draw_word (gen, real_share));
        }
      text->str[start] = g_ascii_toupper (text->str[start]);
      g_string_append_c (text, '.');
      n_words -= sentence;
    }

  return g_string_free (text, FALSE);
}

/* A version 4 uuid made from the seeded generator, so that uids repeat
 * from run to run. */
static char *
make_uid (GRand *rand)
{
  guint32 a = g_rand_int (rand);
  guint32 b = g_rand_int (rand);
  guint32 c = g_rand_int (rand);
  guint32 d = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, 0x8000 | (c >> 16 & 0x3fff),
                          c & 0xffff, d);
}

static void
format_date (const GDate *date,
             char        *buffer,
             gsize        size)
{
  g_snprintf (buffer, size, "%04u-%02u-%02u",
              (guint) g_date_get_year (date),
              (guint) g_date_get_month (date),
              (guint) g_date_get_day (date));
}

/* A day between 1990-01-01 and 2026-06-30, denser towards the present. */
static void
draw_event_date (Generator *gen,
                 GDate     *date)
{
  guint offset = search_cdf (gen->day_cdf, gen->n_days, g_rand_double (gen->rand));

  *date = gen->first_day;
  g_date_add_days (date, offset);
}

static const char *month_names[] = {
  NULL, "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static void
add_sources (Generator     *gen,
             AccordsRecord *record,
             const GDate   *event_date)
{
  static const double shares[] = { 0.50, 0.35, 0.15 };
  guint n = draw_count (gen->rand, shares, G_N_ELEMENTS (shares));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AccordsSource) source = accords_source_new ();
      g_autofree char *title = NULL;
      g_autofree char *url = NULL;
      guint outlet = zipf_draw (&gen->outlet_zipf, gen->rand);
      guint64 number = ++gen->n_sources;
      GDate published = *event_date;
      char day[16];

      g_date_add_days (&published, g_rand_int_range (gen->rand, 0, 4));
      format_date (&published, day, sizeof day);

      /* Headlines for some, to keep the file size down. */
      if (chance (gen->rand, 0.3))
        {
          GString *words = g_string_new (NULL);

          append_words (gen, words, g_rand_int_range (gen->rand, 5, 10), REAL_SHARE_TITLE);
          words->str[0] = g_ascii_toupper (words->str[0]);
          title = g_string_free (words, FALSE);
        }

      url = g_strdup_printf ("https://%s/news/%u/%02u/%" G_GUINT64_FORMAT ".html",
                             gen->outlet_domains[outlet],
                             (guint) g_date_get_year (&published),
                             (guint) g_date_get_month (&published),
                             number);

      accords_source_set_title (source, title);
      accords_source_set_outlet (source, gen->outlets[outlet]);
      accords_source_set_url (source, url);
      accords_source_set_published (source, day);
      accords_source_set_language (source,
                                   languages[g_rand_int_range (gen->rand, 0,
                                                               G_N_ELEMENTS (languages))]);

      /* A short excerpt for one source in ten; the reference number keeps
       * each text unique, as the library requires. */
      if (chance (gen->rand, 0.10))
        {
          g_autofree char *body = make_text (gen, g_rand_int_range (gen->rand, 20, 41),
                                             REAL_SHARE_SUMMARY);
          g_autofree char *text = g_strdup_printf ("%s (%s, ref. %" G_GUINT64_FORMAT ")",
                                                   body, gen->outlets[outlet], number);

          accords_source_set_text (source, text);
        }

      accords_record_add_source (record, source);
    }
}

static void
add_annotation (Generator     *gen,
                AccordsRecord *record,
                const char    *modified)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  const char *tags[3] = { NULL, NULL, NULL };
  double u = g_rand_double (gen->rand);
  guint n_tags = g_rand_int_range (gen->rand, 0, 3);

  if (chance (gen->rand, 0.7))
    {
      g_autofree char *note = make_text (gen, g_rand_int_range (gen->rand, 6, 21),
                                         REAL_SHARE_SUMMARY);

      accords_annotation_set_note (annotation, note);
    }

  accords_annotation_set_starred (annotation, chance (gen->rand, 0.5));
  accords_annotation_set_review (annotation,
                                 u < 0.4 ? ACCORDS_REVIEW_VERIFIED :
                                 u < 0.5 ? ACCORDS_REVIEW_DISPUTED :
                                           ACCORDS_REVIEW_UNREVIEWED);

  for (guint i = 0; i < n_tags; i++)
    tags[i] = tag_names[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (tag_names))];
  if (n_tags == 2 && g_str_equal (tags[0], tags[1]))
    tags[1] = NULL;
  accords_annotation_set_tags (annotation, tags);
  accords_annotation_set_modified (annotation, modified);

  accords_record_set_annotation (record, annotation);
}

static AccordsRecord *
make_record (Generator *gen)
{
  static const double party_shares[] = { 0.70, 0.17, 0.08, 0.05 };
  static const double topic_shares[] = { 0.35, 0.35, 0.20, 0.10 };
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autofree char *uid = make_uid (gen->rand);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *created = NULL;
  const Land *parties[5];
  const char *party_codes[6] = { NULL };
  const char *mentioned[2] = { NULL, NULL };
  const char *topics[5] = { NULL };
  const char *orgs[3] = { NULL };
  guint ranks[6];
  guint n_parties;
  guint n_topics;
  AccordsKind kind;
  GDate date;
  char day[16];

  n_parties = 1 + draw_count (gen->rand, party_shares, G_N_ELEMENTS (party_shares));
  /* One more rank than needed: the spare one is a merely mentioned country. */
  zipf_draw_distinct (&gen->land_zipf, gen->rand, n_parties + 1, ranks);
  for (guint i = 0; i < n_parties; i++)
    {
      parties[i] = &gen->lands[ranks[i]];
      party_codes[i] = parties[i]->code;
    }
  if (chance (gen->rand, 0.25))
    mentioned[0] = gen->lands[ranks[n_parties]].code;

  n_topics = draw_count (gen->rand, topic_shares, G_N_ELEMENTS (topic_shares));
  zipf_draw_distinct (&gen->topic_zipf, gen->rand, n_topics, ranks);
  for (guint i = 0; i < n_topics; i++)
    topics[i] = g_ptr_array_index (gen->topics, ranks[i]);

  kind = search_cdf (gen->kind_cdf, G_N_ELEMENTS (kind_weights), g_rand_double (gen->rand));

  accords_record_set_uid (record, uid);
  accords_record_set_kind (record, kind);
  accords_record_set_parties (record, party_codes);
  accords_record_set_mentioned (record, mentioned);
  accords_record_set_topics (record, topics);

  title = make_title (gen, parties, n_parties, kind);
  summary = make_text (gen, 20 + g_rand_int_range (gen->rand, 0, 31) +
                       g_rand_int_range (gen->rand, 0, 31), REAL_SHARE_SUMMARY);
  accords_record_set_title (record, title);
  accords_record_set_summary (record, summary);

  /* Dates: mostly to the day, some only to the month or year (stored as
   * the first day of that period), some spanning several days. */
  draw_event_date (gen, &date);
  {
    double u = g_rand_double (gen->rand);

    if (u < 0.10)
      {
        g_autofree char *reported = g_strdup_printf ("%s %u", month_names[g_date_get_month (&date)],
                                                     (guint) g_date_get_year (&date));

        g_date_set_day (&date, 1);
        accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_MONTH);
        accords_record_set_date_as_reported (record, reported);
      }
    else if (u < 0.14)
      {
        g_autofree char *reported = g_strdup_printf ("%u", (guint) g_date_get_year (&date));

        g_date_set_day (&date, 1);
        g_date_set_month (&date, G_DATE_JANUARY);
        accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_YEAR);
        accords_record_set_date_as_reported (record, reported);
      }
    else if (u < 0.29)
      {
        GDate end = date;

        g_date_add_days (&end, g_rand_int_range (gen->rand, 1, 5));
        format_date (&end, day, sizeof day);
        accords_record_set_event_end (record, day);
      }
  }
  format_date (&date, day, sizeof day);
  accords_record_set_event_date (record, day);

  {
    double u = g_rand_double (gen->rand);

    accords_record_set_date_qualifier (record,
                                       u < 0.90 ? ACCORDS_DATE_QUALIFIER_EXACT :
                                       u < 0.98 ? ACCORDS_DATE_QUALIFIER_ABOUT :
                                       u < 0.99 ? ACCORDS_DATE_QUALIFIER_BEFORE :
                                                  ACCORDS_DATE_QUALIFIER_AFTER);
  }

  /* Venue: half of the events happen in one of the parties' capitals. */
  if (chance (gen->rand, 0.5))
    {
      const Land *host = parties[g_rand_int_range (gen->rand, 0, n_parties)];

      accords_record_set_venue_country (record, host->code);
      accords_record_set_venue_city (record, host->city);
    }
  if (chance (gen->rand, 0.03))
    accords_record_set_venue_virtual (record, TRUE);

  /* People: one or two, from the parties' pools. */
  for (guint i = 0, n = chance (gen->rand, 0.25) ? 2 : 1; i < n; i++)
    {
      const Land *land = parties[i % n_parties];
      const char *name = land->people[zipf_draw (&gen->people_zipf, gen->rand)];
      const char *role = roles[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (roles))];
      g_autoptr(AccordsPerson) person = accords_person_new (name, role, land->code);

      accords_record_add_person (record, person);
    }

  if (chance (gen->rand, 0.25))
    {
      orgs[0] = gen->orgs[zipf_draw (&gen->org_zipf, gen->rand)];
      if (chance (gen->rand, 0.3))
        {
          orgs[1] = gen->orgs[zipf_draw (&gen->org_zipf, gen->rand)];
          if (g_str_equal (orgs[0], orgs[1]))
            orgs[1] = NULL;
        }
      accords_record_set_organizations (record, orgs);
    }

  add_sources (gen, record, &date);

  /* Entered into the library a few days after the event. */
  g_date_add_days (&date, g_rand_int_range (gen->rand, 1, 30));
  format_date (&date, day, sizeof day);
  created = g_strdup_printf ("%sT%02u:%02u:00Z", day,
                             (guint) g_rand_int_range (gen->rand, 7, 20),
                             (guint) g_rand_int_range (gen->rand, 0, 60));
  accords_record_set_created (record, created);
  accords_record_set_modified (record, created);
  accords_record_set_origin (record, ACCORDS_ORIGIN_IMPORT);

  if (chance (gen->rand, 0.03))
    add_annotation (gen, record, created);

  return g_steal_pointer (&record);
}

/* Main ---------------------------------------------------------------------- */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AccordsStore) store = NULL;
  Generator gen;
  gint64 seed = 42;
  gint64 batch_size = 5000;
  gint64 start;
  gint64 phase;
  guint64 n;
  guint64 done = 0;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the random generator (42)", "S" },
    { "batch", 0, 0, G_OPTION_ARG_INT64, &batch_size, "Records per transaction (5000)", "B" },
    { NULL }
  };

  context = g_option_context_new ("N FILE");
  g_option_context_set_summary (context, "Writes a new library of N synthetic records.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 2;
    }

  if (argc != 3 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT32, &n, NULL) ||
      batch_size < 1 || seed < 0 || seed > G_MAXUINT32)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("%s", help);
      return 2;
    }

  if (g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s exists; remove it first\n", g_get_prgname (), argv[2]);
      return 1;
    }

  start = g_get_monotonic_time ();

  store = accords_store_open (argv[2], &error);
  if (store == NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }

  generator_init (&gen, (guint32) seed);

  while (done < n)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func (g_object_unref);
      guint64 size = MIN ((guint64) batch_size, n - done);

      for (guint64 i = 0; i < size; i++)
        g_ptr_array_add (batch, make_record (&gen));

      if (!accords_store_insert_records (store, batch, &error))
        {
          g_printerr ("%s: %s\n", g_get_prgname (), error->message);
          generator_clear (&gen);
          return 1;
        }

      if ((done + size) / PROGRESS_EVERY != done / PROGRESS_EVERY || done + size == n)
        g_printerr ("%" G_GUINT64_FORMAT " records, %.1f s\n", done + size, seconds_since (start));

      done += size;
    }

  generator_clear (&gen);

  phase = g_get_monotonic_time ();
  if (!_accords_store_optimize (store, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  g_printerr ("ANALYZE and full-text optimize: %.1f s\n", seconds_since (phase));

  /* Closing the last connection folds the WAL into the file. */
  g_clear_object (&store);

  g_printerr ("Wrote %" G_GUINT64_FORMAT " records to %s in %.1f s\n", n, argv[2],
              seconds_since (start));

  return 0;
}
