/* test-extract-dates.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-extract-dates"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "accords-extract.h"
#include "accords-types.h"

/* Every example below is written for this test. */

static gboolean
has_span (AccordsExtraction  *ex,
          AccordsExtractField field,
          const char         *words)
{
  for (guint i = 0; i < ex->spans->len; i++)
    {
      AccordsExtractSpan *span = &g_array_index (ex->spans, AccordsExtractSpan, i);

      if (span->field == field && span->end - span->start == strlen (words) &&
          strncmp (ex->text + span->start, words, span->end - span->start) == 0)
        return TRUE;
    }
  return FALSE;
}

static AccordsExtraction *
extract (const char *text,
         const char *publish_date,
         const char *form,
         const char *event_date)
{
  AccordsExtraction *ex = accords_extract_article (text, NULL);

  g_assert_nonnull (ex);
  g_assert_cmpstr (ex->publish_date, ==, publish_date);
  g_assert_cmpstr (ex->publish_date_form, ==, form);
  g_assert_cmpstr (ex->event_date, ==, event_date);
  if (publish_date != NULL)
    g_assert_cmpuint (ex->warnings->len, ==, 0);

  return ex;
}

static void
test_publish_date_line (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract (" date 2024-03-05 The two ministers met in the port city on Monday and signed "
                "a memorandum on cloud services.",
                "2024-03-05", "date_line", "2024-03-04");
  g_assert_cmpstr (ex->date_as_reported, ==, "on Monday");
  g_assert_cmpint (ex->date_qualifier, ==, ACCORDS_DATE_QUALIFIER_EXACT);
  g_assert_cmpint (ex->date_precision, ==, ACCORDS_DATE_PRECISION_DAY);
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_PUBLISH_DATE, "2024-03-05"));
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_EVENT_DATE, "on Monday"));
}

static void
test_publish_date_line_and_dateline (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* the dateline's own date is not the event */
  ex = extract (" date 2023-10-12 OSLO, Oct 12 (NTB) -- Norway and Chile signed an agreement "
                "on research networks on Wednesday, officials said.",
                "2023-10-12", "date_line", "2023-10-11");
}

static void
test_publish_header (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* across a leap day */
  ex = extract ("Friday, March 1, 2024\n\nTwo states agree on cables\n\n"
                "The communications ministers of both states signed a memorandum on Thursday "
                "after a day of talks about undersea cables and data centres.",
                "2024-03-01", "weekday_header", "2024-02-29");
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_PUBLISH_DATE, "Friday, March 1, 2024"));
}

static void
test_publish_dateline (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) no_year = NULL;
  g_autoptr(AccordsExtraction) no_date = NULL;

  ex = extract ("PARIS, Jan 3, 2023 (AFP) -- The ministers signed an accord yesterday on "
                "digital identity and agreed to meet again in the spring.",
                "2023-01-03", "dateline", "2023-01-02");
  g_assert_cmpstr (ex->date_as_reported, ==, "yesterday");

  /* no year in the dateline, and none to be read elsewhere: the year is
   * not guessed from a plan "starting in 2025" */
  no_year = extract ("ROME, Dec 30 (ANSA) -- The two agencies signed a letter of intent covering "
                     "satellite data. Starting in 2025, they will hold joint forums every year.",
                     NULL, "dateline", NULL);
  g_assert_cmpuint (no_year->warnings->len, ==, 1);

  no_date = extract ("Rome – The two agencies signed a letter of intent covering satellite data, "
                     "their press offices said.",
                     NULL, "dateline", NULL);
  g_assert_cmpuint (no_date->warnings->len, ==, 1);
}

static void
test_publish_byline (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("Ministers discuss digital ties\n"
                "By Staff Writer Published November 4, 2024 | 9:10 AM\n"
                "The two ministers held talks on Monday about cooperation in telecommunications "
                "and satellite services.",
                "2024-11-04", "byline", "2024-11-04");
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_PUBLISH_DATE, "November 4, 2024"));
}

static void
test_relative (void)
{
  struct {
    const char *text;
    const char *event_date;
    AccordsDateQualifier qualifier;
  } cases[] = {
    /* across a year end: Thursday 2 January 2025 */
    { " date 2025-01-02 The ministers signed the memorandum last Friday in the capital.",
      "2024-12-27", ACCORDS_DATE_QUALIFIER_EXACT },
    /* Wednesday 1 January 2025 */
    { " date 2025-01-01 The two sides held talks on Tuesday on fibre links.",
      "2024-12-31", ACCORDS_DATE_QUALIFIER_EXACT },
    /* "on Thursday" in a Thursday report is that day */
    { " date 2025-01-02 The two sides held talks on Thursday on fibre links.",
      "2025-01-02", ACCORDS_DATE_QUALIFIER_EXACT },
    /* "last Thursday" in a Thursday report is a week before */
    { " date 2025-01-02 The two sides held talks last Thursday on fibre links.",
      "2024-12-26", ACCORDS_DATE_QUALIFIER_EXACT },
    /* across a leap day */
    { " date 2024-03-01 The ministers signed the accord yesterday in the capital.",
      "2024-02-29", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2023-03-01 The ministers signed the accord yesterday in the capital.",
      "2023-02-28", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2024-06-10 The ministers signed the accord today in the capital.",
      "2024-06-10", ACCORDS_DATE_QUALIFIER_EXACT },
    /* last week from Tuesday 7 January 2025: the week of 30 December, its
     * Wednesday, approximately */
    { " date 2025-01-07 The ministers signed the accord last week in the capital.",
      "2025-01-01", ACCORDS_DATE_QUALIFIER_ABOUT },
    /* no day given: the report's day, approximately */
    { " date 2024-06-10 The ministers discussed cooperation in telecommunications.",
      "2024-06-10", ACCORDS_DATE_QUALIFIER_ABOUT },
    /* announced then, signed on or before */
    { " date 2024-06-12 The two states have signed a memorandum on data, the minister "
      "announced on Wednesday.",
      "2024-06-12", ACCORDS_DATE_QUALIFIER_BEFORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      g_assert_cmpint (ex->date_qualifier, ==, cases[i].qualifier);
    }
}

static void
test_this_year (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract (" date 2024-08-20 The memorandum the two ministries signed this year covers "
                "cloud computing.",
                "2024-08-20", "date_line", "2024-01-01");
  g_assert_cmpint (ex->date_precision, ==, ACCORDS_DATE_PRECISION_YEAR);
}

static void
test_range (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) visit = NULL;

  ex = extract (" date 2025-02-28 A delegation paid an official visit to the capital on "
                "February 25-27 and signed a memorandum.",
                "2025-02-28", "date_line", "2025-02-25");
  g_assert_cmpstr (ex->event_end, ==, "2025-02-27");
  g_assert_cmpstr (ex->date_as_reported, ==, "on February 25-27");

  /* a three-day visit starting on the day */
  visit = extract (" date 2024-05-13 The minister left for the capital on Monday for a "
                   "three-day visit.",
                   "2024-05-13", "date_line", "2024-05-13");
  g_assert_cmpstr (visit->event_end, ==, "2024-05-15");
}

static void
test_future_ignored (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract (" date 2023-09-07 The ministers signed the memorandum on Wednesday.\n\n"
                "The president will attend a summit on September 9 and meet investors.",
                "2023-09-07", "date_line", "2023-09-06");
}

static void
test_languages (void)
{
  struct {
    const char *text;
    const char *event_date;
    const char *as_reported;
  } cases[] = {
    /* Wednesday 14 June 2023 */
    { " date 2023-06-14 Les deux ministres ont signé mardi à Lyon un accord sur le numérique.",
      "2023-06-13", "mardi" },
    { " date 2025-03-10 Les deux ministres ont signé le 6 mars 2025 un accord sur le numérique.",
      "2025-03-06", "le 6 mars 2025" },
    { " date 2024-02-28 Los ministros firmaron el 25 de febrero un memorando para la cooperación "
      "en inteligencia artificial.",
      "2024-02-25", "el 25 de febrero" },
    { " date 2024-02-28 Los ministros firmaron el martes un memorando para la cooperación "
      "digital.",
      "2024-02-27", "el martes" },
    /* Friday 10 May 2024 */
    { " date 2024-05-10 Os ministros assinaram na terça-feira um memorando de entendimento para a "
      "cooperação digital.",
      "2024-05-07", "na terça-feira" },
    { " date 2022-11-21 Министры подписали 19 ноября меморандум о сотрудничестве в цифровой сфере.",
      "2022-11-19", "19 ноября" },
    /* Thursday 24 November 2022 */
    { " date 2022-11-24 Стороны провели переговоры во вторник в столице и обсудили цифровую "
      "экономику.",
      "2022-11-22", "во вторник" },
    { " date 2024-02-20 وقع الوزيران في 18 شباط 2024 مذكرة تفاهم للتعاون في مجال الاتصالات.",
      "2024-02-18", "في 18 شباط 2024" },
    /* Arabic-Indic digits, Egyptian month names, no year */
    { " date 2025-01-08 وقع الجانبان يوم ٥ يناير مذكرة تفاهم في مجال التحول الرقمي.",
      "2025-01-05", "يوم ٥ يناير" },
    /* Thursday 22 February 2024 */
    { " date 2024-02-22 وقع الوزيران يوم الثلاثاء مذكرة تفاهم في مجال الاتصالات.",
      "2024-02-20", "يوم الثلاثاء" },
    { " date 2024-02-20 بحث الوزيران اليوم الثلاثاء سبل التعاون في مجال الاتصالات.",
      "2024-02-20", "اليوم الثلاثاء" },
    /* Solar Hijri: 8 Esfand 1403 */
    { " date 2025-03-01 وزیران دو کشور روز ۸ اسفند ۱۴۰۳ یک تفاهم‌نامه همکاری امضا کردند.",
      "2025-02-26", "روز ۸ اسفند ۱۴۰۳" },
    /* Thursday 27 February 2025 */
    { " date 2025-02-27 وزیران دو کشور روز سه‌شنبه یک تفاهم‌نامه همکاری در تهران امضا کردند.",
      "2025-02-25", "روز سه‌شنبه" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      g_assert_cmpstr (ex->date_as_reported, ==, cases[i].as_reported);
      g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_EVENT_DATE, cases[i].as_reported));
    }
}

static void
test_solar_without_year (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* 1 Farvardin 1404 is 21 March 2025: the year comes from the report's */
  ex = extract (" date 2025-03-25 وزیران دو کشور روز ۱ فروردین یک تفاهم‌نامه امضا کردند.",
                "2025-03-25", "date_line", "2025-03-21");
}

static void
test_no_date (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("The two countries discussed cooperation in technology and agreed to meet "
                "again on Tuesday.",
                NULL, "none", NULL);
  g_assert_cmpuint (ex->warnings->len, ==, 1);
  g_assert_null (ex->date_as_reported);

  /* a full date still stands on its own */
  {
    g_autoptr(AccordsExtraction) dated = NULL;

    dated = extract ("The two countries signed an accord on 6 March 2025 in the capital.",
                     NULL, "none", "2025-03-06");
    g_assert_cmpuint (dated->warnings->len, ==, 1);
  }
}

static void
test_other_forms (void)
{
  g_autoptr(AccordsExtraction) numeric = NULL;
  g_autoptr(AccordsExtraction) shouting = NULL;
  g_autoptr(AccordsExtraction) agency = NULL;
  g_autoptr(AccordsExtraction) header = NULL;
  g_autoptr(AccordsExtraction) network = NULL;
  g_autoptr(AccordsExtraction) environment = NULL;

  numeric = extract (" date 2021-11-20 Стороны подписали 18.11.2021 меморандум о сотрудничестве.",
                     "2021-11-20", "date_line", "2021-11-18");

  shouting = extract ("DOHA, March 4, 2024: The two ministers signed a memorandum on Sunday on "
                      "cloud services and data centres.",
                      "2024-03-04", "dateline", "2024-03-03");

  agency = extract ("Santiago, 9 dic 2025 (EFE).- Los ministros firmaron ayer una carta de "
                    "intención sobre inteligencia artificial.",
                    "2025-12-09", "dateline", "2025-12-08");

  header = extract ("Jeudi 27 février 2025 10:30 GMT\n\nLes deux ministres ont signé mercredi un "
                    "accord sur la cybersécurité et les données.",
                    "2025-02-27", "weekday_header", "2025-02-26");

  /* "5G" is no day of "out" or "May"; Russian "среду" is also "environment" */
  network = extract (" date 2024-05-20 The operators may 5G networks roll out 5G across the "
                     "region, the ministers said after talks.",
                     "2024-05-20", "date_line", "2024-05-20");
  environment = extract (" date 2024-05-20 Министры обсудили цифровую среду и подписали "
                         "меморандум в четверг.",
                         "2024-05-20", "date_line", "2024-05-16");
}

static void
test_which_date (void)
{
  g_autoptr(AccordsExtraction) month = NULL;
  g_autoptr(AccordsExtraction) name = NULL;
  g_autoptr(AccordsExtraction) founded = NULL;
  g_autoptr(AccordsExtraction) agency = NULL;

  /* a month of the report's year, or the year before */
  month = extract (" date 2025-01-20 The ministers signed the memorandum in December on "
                   "e-government.",
                   "2025-01-20", "date_line", "2024-12-01");
  g_assert_cmpint (month->date_precision, ==, ACCORDS_DATE_PRECISION_MONTH);
  g_assert_cmpstr (month->date_as_reported, ==, "in December");

  /* a city's name is no weekday */
  name = extract (" date 2025-06-02 Both ministers signed the accord in Santo Domingo on Saturday.",
                  "2025-06-02", "date_line", "2025-05-31");

  /* a founding date is background */
  founded = extract (" date 2024-05-02 The agency, founded on 5 May 2010, signed a memorandum "
                     "with its partner on Tuesday.",
                     "2024-05-02", "date_line", "2024-04-30");

  /* the agency in brackets closes the dateline */
  agency = extract ("MANILA, Oct 8, 2024 (PNA) The two ministers on Monday signed an accord on "
                    "satellites.",
                    "2024-10-08", "dateline", "2024-10-07");
  g_assert_cmpstr (agency->date_as_reported, ==, "on Monday");
}

static void
test_malformed (void)
{
  const char *texts[] = {
    "",
    " date ",
    " date 2024-13-45 Nothing here.",
    " date 2024-02-30 Signed on 31 February.",
    "Friday, 2024",
    "on 99 March 2024 and 0 April",
    "۸ اسفند ۹۹۹۹",
    "February 30-31",
    "–",
    "PARIS --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (texts[i], NULL);

      g_assert_nonnull (ex);
      g_assert_null (ex->publish_date);
      g_assert_cmpuint (ex->warnings->len, >=, 1);
    }
}

/* A dateline without a year takes it from a term of years the text gives:
 * the signing year is the end year less the length. */
static void
test_term_year (void)
{
  struct {
    const char *text;
    const char *publish_date;
    const char *event_date;
  } cases[] = {
    /* Tuesday 4 June 2024 */
    { "VALLETTA, Jun 4 (MNA) -- Malta and Chile signed a memorandum on research networks on "
      "Monday. The memorandum is valid for three years, until 2027, and may be extended.",
      "2024-06-04", "2024-06-03" },
    { "DAKAR, 9 oct (APS) – Les deux pays ont signé hier un accord sur les câbles sous-marins, "
      "conclu pour une durée de quatre ans, jusqu'en 2027.",
      "2023-10-09", "2023-10-08" },
    { "QUITO, 15 feb (EFE) – Los dos gobiernos firmaron hoy un memorando sobre ciberseguridad, "
      "con una vigencia de dos años, hasta 2026.",
      "2024-02-15", "2024-02-15" },
    { "MAPUTO, 21 nov (AIM) – Os dois países assinaram ontem um acordo de telecomunicações. "
      "O acordo vale por seis anos e termina em 2030.",
      "2024-11-21", "2024-11-20" },
    /* an agency dateline with a full stop after its slashes */
    { "КАЗАНЬ, 12 мая. /РИА/. Стороны подписали сегодня соглашение о цифровой связи. "
      "Соглашение заключено на пять лет, до 2028 года.",
      "2023-05-12", "2023-05-12" },
    { "الرباط، 7 مارس (ومع) - وقع البلدان اليوم مذكرة تفاهم في مجال البريد لمدة ثلاث سنوات "
      "حتى عام 2027.",
      "2024-03-07", "2024-03-07" },
    /* a Solar Hijri dateline and end year: 15 Mehr 1402 is 7 October 2023 */
    { "تهران، ۱۵ مهر (ایرنا) - دو کشور امروز تفاهم‌نامه‌ای در زمینه ماهواره به مدت پنج سال "
      "تا سال ۱۴۰۷ امضا کردند.",
      "2023-10-07", "2023-10-07" },
  };
  g_autoptr(AccordsExtraction) no_end = NULL;
  g_autoptr(AccordsExtraction) disagree = NULL;
  g_autoptr(AccordsExtraction) undated = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->publish_date, ==, cases[i].publish_date);
      g_assert_cmpstr (ex->publish_date_form, ==, "dateline");
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      /* the review is told the year was worked out */
      g_assert_cmpuint (ex->warnings->len, ==, 1);
    }

  /* a length without an end year, a past span, and a span of work rather
   * than of a document fix nothing */
  no_end = extract ("OSLO, Sep 8 (NTB) -- The agencies signed a charter on Friday. It runs for "
                    "five years. Three years ago, in 2021, they first met. Their experts worked "
                    "for three years, until 2020, on a common grid.",
                    NULL, "dateline", NULL);

  /* two terms that disagree: no year rather than a wrong one */
  disagree = extract ("OSLO, Sep 8 (NTB) -- The agencies signed a charter on Friday, valid for "
                      "five years, to 2029. A second charter runs for two years, to 2030.",
                      NULL, "dateline", NULL);

  /* no publish date at all: a date without a year takes the term's year */
  undated = accords_extract_article ("The two regulators signed the charter on 14 April in the "
                                     "capital. The charter runs for two years, to 2026.", NULL);
  g_assert_null (undated->publish_date);
  g_assert_cmpstr (undated->event_date, ==, "2024-04-14");
  g_assert_cmpuint (undated->warnings->len, ==, 2);
}

/* A dateline without a year also takes it from years counted from an
 * earlier year the text gives: "a year after … in 2023" is 2024. */
/* A dateline without a year also takes it from a year the text calls the
 * current one, when the word touches the year. */
static void
test_current_year (void)
{
  struct {
    const char *text;
    const char *publish_date;
    const char *event_date;
  } cases[] = {
    /* Friday 7 March 2025 */
    { "NIAMEY, 7 mars (ANP) – Les deux ministres ont tenu jeudi des entretiens sur la fibre "
      "optique, dont les travaux sont inscrits au budget 2025 en cours.",
      "2025-03-07", "2025-03-06" },
    { "МИНСК, 7 марта. /БЕЛТА/. Министры в четверг обсудили строительство линии связи, "
      "которое должно завершиться в текущем 2025 году.",
      "2025-03-07", "2025-03-06" },
    { "عمان، 7 مارس (بترا) - بحث الوزيران يوم الخميس ربط البلدين بالألياف الضوئية خلال "
      "العام الجاري 2025.",
      "2025-03-07", "2025-03-06" },
  };
  g_autoptr(AccordsExtraction) apart = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->publish_date, ==, cases[i].publish_date);
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      g_assert_cmpuint (ex->warnings->len, ==, 1);
    }

  /* "launched in 2023 and now under way": the year is the launch's */
  apart = extract ("OSLO, Sep 8 (NTB) -- The ministers met on Friday to review a cable project "
                   "launched in 2023 and now under way.",
                   NULL, "dateline", NULL);
}

static void
test_elapsed_year (void)
{
  struct {
    const char *text;
    const char *publish_date;
    const char *event_date;
  } cases[] = {
    /* Tuesday 5 March 2024 */
    { "KINGSTON, Mar 5 (JIS) -- The two islands signed an agreement on fibre links on Monday, "
      "a year after their first shared cable was switched on in March 2023.",
      "2024-03-05", "2024-03-04" },
    /* Thursday 18 July 2024 */
    { "LOMÉ, 18 juillet (ATOP) – Les deux pays ont conclu mercredi un accord sur la fibre "
      "optique, deux ans après la mise en service du premier câble commun en 2022.",
      "2024-07-18", "2024-07-17" },
    { "ТАШКЕНТ, 12 мая. /УЗА/. Стороны подписали сегодня соглашение о цифровой связи, "
      "спустя год после запуска первой общей линии в 2023 году.",
      "2024-05-12", "2024-05-12" },
    { "الرباط، 7 مارس (ومع) - وقع البلدان اليوم مذكرة تفاهم في مجال البريد بعد عامين من "
      "إطلاق الخدمة المشتركة في 2022.",
      "2024-03-07", "2024-03-07" },
  };
  g_autoptr(AccordsExtraction) later = NULL;
  g_autoptr(AccordsExtraction) disagree = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->publish_date, ==, cases[i].publish_date);
      g_assert_cmpstr (ex->publish_date_form, ==, "dateline");
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      /* the review is told the year was worked out */
      g_assert_cmpuint (ex->warnings->len, ==, 1);
    }

  /* "a year later, in 2023" names the year itself, and "ago" counts back
   * from the report: neither is a count from an earlier year */
  later = extract ("OSLO, Sep 8 (NTB) -- The agencies signed a charter on Friday. They first "
                   "met in 2021; a year later, in 2022, they set up a grid. Three years ago "
                   "they met again.",
                   NULL, "dateline", NULL);

  /* two counts that disagree: no year rather than a wrong one */
  disagree = extract ("OSLO, Sep 8 (NTB) -- The agencies signed a charter on Friday, a year "
                      "after the first link opened in 2022. It comes two years after the "
                      "2020 summit.",
                      NULL, "dateline", NULL);
}

/* A departure or arrival report for a visit that starts after the report:
 * the visit's first day is the event, its last the end. */
static void
test_visit_ahead (void)
{
  struct {
    const char *text;
    const char *event_date;
    const char *event_end;
  } cases[] = {
    { " date 2024-09-10 The minister leaves today for Lisbon, where she pays a visit from 12 to "
      "14 September to discuss data centres.",
      "2024-09-12", "2024-09-14" },
    { " date 2024-09-10 La ministre a quitté la capitale ce mardi pour Accra, où elle effectue du "
      "10 au 12 septembre une visite consacrée aux télécommunications.",
      "2024-09-10", "2024-09-12" },
    { " date 2025-03-03 O ministro parte hoje para Luanda, onde realiza, de 5 a 7 de Março, uma "
      "visita de trabalho sobre correios.",
      "2025-03-05", "2025-03-07" },
    { " date 2025-03-03 El ministro viaja hoy a Lima, donde realiza del 4 al 6 de marzo una "
      "visita oficial.",
      "2025-03-04", "2025-03-06" },
    /* leaving later, said in the future */
    { " date 2024-09-12 The minister will leave on Sunday for Rome, where she will pay a visit "
      "from 15 to 17 September.",
      "2024-09-15", "2024-09-17" },
    { " date 2024-10-01 Министр вылетел сегодня в Ереван, где со 2 по 4 октября пробудет с "
      "визитом.",
      "2024-10-02", "2024-10-04" },
    { " date 2024-10-01 يغادر الوزير اليوم إلى عمان في زيارة رسمية من 2 إلى 4 أكتوبر.",
      "2024-10-02", "2024-10-04" },
  };
  g_autoptr(AccordsExtraction) planned = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      g_assert_cmpstr (ex->event_end, ==, cases[i].event_end);
      g_assert_cmpint (ex->date_qualifier, ==, ACCORDS_DATE_QUALIFIER_EXACT);
    }

  /* a later visit agreed at talks, with nobody leaving: the talks */
  planned = extract (" date 2024-09-10 The ministers met on Monday and agreed on a visit from "
                     "20 to 22 September.",
                     "2024-09-10", "date_line", "2024-09-09");
}

/* A cabinet's approval or a parliament's ratification of an earlier act:
 * the act's date when the report gives it. */
static void
test_approval (void)
{
  struct {
    const char *text;
    const char *event_date;
    AccordsDateQualifier qualifier;
  } cases[] = {
    { " date 2024-07-05 O Conselho de Ministros aprovou ontem o memorando com a Guiné-Bissau "
      "sobre correios, assinado em Bissau a 2 de Abril.",
      "2024-04-02", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2024-07-05 Parliament on Thursday ratified the accord on satellite data that the "
      "two governments signed on 11 March.",
      "2024-03-11", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2024-07-05 Le gouvernement a approuvé mercredi le protocole d'accord signé le "
      "3 février avec le Ghana.",
      "2024-02-03", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2024-07-05 Госдума в среду ратифицировала соглашение о связи, подписанное "
      "12 марта в Минске.",
      "2024-03-12", ACCORDS_DATE_QUALIFIER_EXACT },
    /* the session that approves is dated, far from the approval word,
     * but its sentence names the dated signing */
    { " date 2024-07-05 The cabinet, meeting on Wednesday in the capital under the chair of "
      "the head of government, authorised the ratification of the memorandum on postal "
      "services signed on 9 April with Ghana.",
      "2024-04-09", ACCORDS_DATE_QUALIFIER_EXACT },
    { " date 2024-07-05 Le Conseil des ministres, réuni mercredi au palais sous la "
      "présidence du Premier ministre, a autorisé la ratification du protocole d'accord "
      "sur la poste signé le 9 avril avec le Ghana.",
      "2024-04-09", ACCORDS_DATE_QUALIFIER_EXACT },
    /* only the approval is dated: the act came before it (Friday 5 July) */
    { " date 2024-07-05 The cabinet approved on Wednesday a memorandum with Peru on postal "
      "services.",
      "2024-07-03", ACCORDS_DATE_QUALIFIER_BEFORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AccordsExtraction) ex = accords_extract_article (cases[i].text, NULL);

      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (ex->event_date, ==, cases[i].event_date);
      g_assert_cmpint (ex->date_qualifier, ==, cases[i].qualifier);
    }
}

/* The shared corpus, when it is there: every publish date the labels give. */
static void
check_corpus_dir (const char *dir,
                  guint      *right,
                  guint      *total,
                  guint      *unknown,
                  guint      *event_right,
                  guint      *event_total)
{
  g_autofree char *labels_path = g_build_filename (dir, "labels.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) files = NULL;
  JsonObject *all;

  json_parser_load_from_file (parser, labels_path, &error);
  g_assert_no_error (error);
  all = json_node_get_object (json_parser_get_root (parser));
  files = json_object_get_members (all);

  for (const GList *l = files; l != NULL; l = l->next)
    {
      JsonObject *labels = json_object_get_object_member (all, l->data);
      g_autofree char *path = g_build_filename (dir, l->data, NULL);
      g_autofree char *text = NULL;
      g_autoptr(AccordsExtraction) ex = NULL;
      const char *want = json_object_get_string_member_with_default (labels, "publish_date", NULL);
      const char *want_event = json_object_get_string_member_with_default (labels, "event_date", NULL);

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      ex = accords_extract_article (text, l->data);

      (*total)++;
      if (g_strcmp0 (ex->publish_date, want) == 0)
        (*right)++;
      else
        g_test_message ("%s: publish %s, labelled %s", (char *) l->data,
                        ex->publish_date, want);
      /* a dateline without a year may leave the publish date unknown
       * (never a wrong one) */
      if (ex->publish_date == NULL && want != NULL &&
          g_strcmp0 (json_object_get_string_member (labels, "date_form"), "dateline") == 0)
        (*unknown)++;
      else
        g_assert_cmpstr (ex->publish_date, ==, want);
      g_assert_cmpstr (ex->publish_date_form, ==,
                       json_object_get_string_member (labels, "date_form"));

      g_test_message ("%s: event %s–%s %s “%s” (labelled %s %s)", (char *) l->data,
                      ex->event_date, ex->event_end,
                      accords_date_qualifier_to_string (ex->date_qualifier),
                      ex->date_as_reported, want_event,
                      json_object_get_string_member (labels, "date_qualifier"));
      if (want_event != NULL)
        {
          (*event_total)++;
          *event_right += g_strcmp0 (ex->event_date, want_event) == 0;
        }
    }
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("ACCORDS_SHARED_DIR");
  g_autofree char *corpus = NULL;
  g_autofree char *seeds = NULL;
  guint right = 0, total = 0, unknown = 0, event_right = 0, event_total = 0;

  if (shared == NULL)
    {
      g_test_skip ("ACCORDS_SHARED_DIR is not set");
      return;
    }
  corpus = g_build_filename (shared, "corpus", NULL);
  seeds = g_build_filename (corpus, "seeds", NULL);
  if (!g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared corpus");
      return;
    }

  check_corpus_dir (corpus, &right, &total, &unknown, &event_right, &event_total);
  if (g_file_test (seeds, G_FILE_TEST_IS_DIR))
    check_corpus_dir (seeds, &right, &total, &unknown, &event_right, &event_total);

  g_test_message ("publish dates: %u of %u (%u left unknown); event dates (exact labels): "
                  "%u of %u", right, total, unknown, event_right, event_total);
  g_assert_cmpuint (right + unknown, ==, total);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/dates/publish/date-line", test_publish_date_line);
  g_test_add_func ("/extract/dates/publish/date-line-and-dateline", test_publish_date_line_and_dateline);
  g_test_add_func ("/extract/dates/publish/header", test_publish_header);
  g_test_add_func ("/extract/dates/publish/dateline", test_publish_dateline);
  g_test_add_func ("/extract/dates/publish/byline", test_publish_byline);
  g_test_add_func ("/extract/dates/event/relative", test_relative);
  g_test_add_func ("/extract/dates/event/this-year", test_this_year);
  g_test_add_func ("/extract/dates/event/range", test_range);
  g_test_add_func ("/extract/dates/event/future-ignored", test_future_ignored);
  g_test_add_func ("/extract/dates/event/languages", test_languages);
  g_test_add_func ("/extract/dates/event/solar-without-year", test_solar_without_year);
  g_test_add_func ("/extract/dates/publish/other-forms", test_other_forms);
  g_test_add_func ("/extract/dates/event/which-date", test_which_date);
  g_test_add_func ("/extract/dates/no-date", test_no_date);
  g_test_add_func ("/extract/dates/malformed", test_malformed);
  g_test_add_func ("/extract/dates/publish/term-year", test_term_year);
  g_test_add_func ("/extract/dates/publish/elapsed-year", test_elapsed_year);
  g_test_add_func ("/extract/dates/publish/current-year", test_current_year);
  g_test_add_func ("/extract/dates/event/visit-ahead", test_visit_ahead);
  g_test_add_func ("/extract/dates/event/approval", test_approval);
  g_test_add_func ("/extract/dates/corpus", test_corpus);

  return g_test_run ();
}
