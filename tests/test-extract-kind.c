/* test-extract-kind.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-extract-kind"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "accords-extract-private.h"
#include "accords-topic.h"
#include "accords-types.h"

/* Every example below is written for this test; the countries are made up
 * or interchangeable. */

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

static gboolean
has_topic (AccordsExtraction *ex,
           const char        *id)
{
  for (guint i = 0; i < ex->topics->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ex->topics, i), id) == 0)
      return TRUE;
  return FALSE;
}

static AccordsExtraction *
extract (const char *language,
         const char *text)
{
  AccordsExtraction *ex = accords_extract_article (text, NULL);

  g_assert_nonnull (ex);
  g_assert_cmpstr (ex->language, ==, language);

  return ex;
}

static void
assert_kind (AccordsExtraction *ex,
             AccordsKind        kind)
{
  g_assert_true (ex->has_kind);
  g_assert_cmpstr (accords_kind_to_string (ex->kind), ==, accords_kind_to_string (kind));
}

static void
check_kind (const char  *language,
            const char  *text,
            AccordsKind  kind)
{
  g_autoptr(AccordsExtraction) ex = extract (language, text);

  assert_kind (ex, kind);
}

/* Kinds, in English */

static void
test_kind_english (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The ministers of the two countries signed a memorandum of understanding "
                "on cloud computing on Monday in the capital, the ministry said.");
  assert_kind (ex, ACCORDS_KIND_MOU_SIGNED);
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_KIND, "signed"));
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_KIND, "memorandum of understanding"));

  check_kind ("en", "The two ministers have signed a framework agreement on optical fibre "
              "networks, which is the first of its kind between the two neighbours.",
              ACCORDS_KIND_AGREEMENT_SIGNED);
  check_kind ("en", "The minister and his counterpart held talks by video conference on Tuesday "
              "and discussed ways to work together on the security of their networks.",
              ACCORDS_KIND_MEETING);
  check_kind ("en", "The minister arrived in the capital on Sunday for a three-day official "
              "visit, the first by a member of the government to the region in ten years.",
              ACCORDS_KIND_VISIT);
  check_kind ("en", "The two presidents adopted a joint statement on international "
              "information security at the end of their talks, the press office said.",
              ACCORDS_KIND_STATEMENT);
  check_kind ("en", "The cabinet on Wednesday approved the memorandum of understanding on "
              "digital government that the minister signed with his counterpart in March.",
              ACCORDS_KIND_ANNOUNCEMENT);
}

static void
test_kind_opinion (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "Building bridges through technology\n"
                "\n"
                "By Jane Example\n"
                "\n"
                "This week we travel to a country with which our nation has shared a long "
                "history. We are convinced that our engineers and theirs can build much "
                "together, and we will propose joint projects in cloud services.\n"
                "\n"
                "In our view, the years ahead belong to those who cooperate. We hope that "
                "this journey opens a new chapter for both of our peoples.");
  assert_kind (ex, ACCORDS_KIND_OPINION);
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_KIND, "By"));

  /* "we" inside a quotation is a speaker's, not the writer's */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("en", "The two ministers met in the capital on Monday for talks on their "
                "cooperation in the digital field.\n"
                "\n"
                "\u201cWe have much to learn from each other and we will work together on "
                "our networks,\u201d the minister said after the meeting. \u201cOur teams "
                "will meet again in May, and we are sure our plans will succeed.\u201d");
  assert_kind (ex, ACCORDS_KIND_MEETING);
}

/* An essay without "we": a byline, a writer's note at the end, an essay
 * headline and the writer's own argument make it an op-ed; a report
 * with a byline that attributes what it says stays a signing. */
static void
test_kind_opinion_essay (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "Why small states should share their digital tools\n"
                "\n"
                "By Jane Example\n"
                "\n"
                "When two ministers signed a memorandum of understanding on digital "
                "identity last month, few people noticed. They should have.\n"
                "\n"
                "Critics say such texts are only paper. That is fair, but paper is "
                "where every network of roads and cables must begin.\n"
                "\n"
                "The writer is a researcher at a policy institute.");
  assert_kind (ex, ACCORDS_KIND_OPINION);
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_KIND, "The writer is"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("fr", "Pourquoi le numérique rapproche deux rives\n"
                "\n"
                "Par Jeanne Exemple\n"
                "\n"
                "Le protocole d'accord signé entre les deux pays sur la fibre optique "
                "ouvre une voie que leurs voisins doivent suivre. Les sceptiques "
                "rappellent certes que les câbles coûtent cher.\n"
                "\n"
                "Jeanne Exemple est une chercheuse en politiques publiques.");
  assert_kind (ex, ACCORDS_KIND_OPINION);

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("en", "Two neighbours sign a memorandum on cloud services\n"
                "\n"
                "By Jane Example\n"
                "\n"
                "The two countries signed a memorandum of understanding on cloud "
                "services on Tuesday, the ministry said. The minister said both sides "
                "must move quickly, and added that experts would meet in June.");
  assert_kind (ex, ACCORDS_KIND_MOU_SIGNED);
}

/* Signing verbs beyond "signed": an idiom, initialling. */
static void
test_kind_signing_idioms (void)
{
  check_kind ("en", "HARBOURTOWN, March 3, 2031 (XNA) - The two governments on Monday put "
              "pen to paper on a memorandum of understanding on postal services.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("en", "The deputy ministers initialled a framework agreement on satellite "
              "ground stations at the end of a working session.",
              ACCORDS_KIND_AGREEMENT_SIGNED);
}

/* An essay whose headline shares the date line, asks "why" after a colon
 * and ends with a note about its writer. */
static void
test_kind_opinion_dated_headline (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", " date 2031-04-02 Two islands, one network: why the new cable pact "
                "matters\n"
                "\n"
                "The agreement on submarine cables that the two island states signed "
                "last week will not make headlines far away. It should.\n"
                "\n"
                "Each side brings something the other lacks, and the money involved is "
                "small. The harder part will be keeping the promise once attention moves "
                "elsewhere.\n"
                "\n"
                "The author writes about infrastructure policy in small economies.");
  assert_kind (ex, ACCORDS_KIND_OPINION);

  /* a dated report whose headline only reports stays a signing */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("en", " date 2031-04-02 Two islands sign a cable pact\n"
                "\n"
                "The two island states signed an agreement on submarine cables on "
                "Tuesday, the ministry said.");
  assert_kind (ex, ACCORDS_KIND_AGREEMENT_SIGNED);
}

/* A memorandum signed during a visit makes the report a signing. */
static void
test_kind_visit_with_signing (void)
{
  check_kind ("en", "The minister paid an official visit to the capital from 3 to 5 May. "
              "During the visit, which included a tour of a research centre, the two "
              "ministers signed a memorandum of cooperation in the field of space "
              "technology and met the prime minister.",
              ACCORDS_KIND_MOU_SIGNED);
}

/* A signing still to come is not a signing. */
static void
test_kind_future_signing (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The minister left for the capital on Tuesday for a three-day visit. "
                "He will sign a memorandum of understanding on data centres with his "
                "counterpart, and the two sides are expected to sign an agreement on "
                "trade later this year.");
  assert_kind (ex, ACCORDS_KIND_VISIT);

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("en", "The two ministers held talks on Monday on putting into practice the "
                "memorandum of understanding their ministries signed last year, and agreed "
                "that their teams would meet again soon.");
  assert_kind (ex, ACCORDS_KIND_MEETING);
}

static void
test_kind_nothing (void)
{
  g_autoptr(AccordsExtraction) ex = extract ("en", "The weather in the capital was mild for "
                                             "the season and the markets were busy with "
                                             "visitors buying fruit and flowers.");

  g_assert_false (ex->has_kind);
}

/* Kinds in the other languages */

static void
test_kind_french (void)
{
  check_kind ("fr", "Le ministre et son homologue ont signé mardi à Dakar un protocole d'accord "
              "qui doit élargir leurs échanges en matière de cybersécurité.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("fr", "Les deux agences ont conclu mercredi un accord-cadre portant sur "
              "les réseaux mobiles, selon un communiqué officiel.",
              ACCORDS_KIND_AGREEMENT_SIGNED);
  check_kind ("fr", "La ministre s'est entretenue lundi avec son homologue de la coopération "
              "dans le domaine du numérique et des projets communs des deux pays.",
              ACCORDS_KIND_MEETING);
}

static void
test_kind_spanish (void)
{
  check_kind ("es", "El ministro y su homóloga firmaron la semana pasada una carta de "
              "intención sobre la formación digital de funcionarios.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("es", "Los dos gobiernos firmaron el lunes un acuerdo de cooperación para "
              "impulsar el desarrollo de las redes de los dos países, según el ministerio.",
              ACCORDS_KIND_AGREEMENT_SIGNED);
}

static void
test_kind_portuguese (void)
{
  check_kind ("pt", "Os ministros dos dois países assinaram nesta terça-feira um memorando "
              "de entendimento para a cooperação na área da tecnologia, informou o governo.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("pt", "Os ministros dos dois países reuniram-se nesta segunda-feira por "
              "videoconferência para discutir a cooperação na área da tecnologia.",
              ACCORDS_KIND_MEETING);
  check_kind ("pt", "O ministro chegou à capital para uma visita oficial de três dias, com "
              "um programa que inclui a cooperação em tecnologia e o encontro com empresas.",
              ACCORDS_KIND_VISIT);
}

static void
test_kind_russian (void)
{
  check_kind ("ru", "Министры двух стран подписали в понедельник соглашение о сотрудничестве "
              "в области связи и цифрового развития, сообщает пресс-служба министерства.",
              ACCORDS_KIND_AGREEMENT_SIGNED);
  check_kind ("ru", "Министры провели переговоры в столице и обсудили сотрудничество в сфере "
              "информационных технологий, говорится в сообщении ведомства.",
              ACCORDS_KIND_MEETING);
  check_kind ("ru", "Президенты приняли совместное заявление о защите критической "
              "инфраструктуры и обмене данными.",
              ACCORDS_KIND_STATEMENT);
}

static void
test_kind_arabic (void)
{
  check_kind ("ar", "وقّع وزيرا الاتصالات في البلدين اليوم الاثنين مذكرة تفاهم لتعزيز التعاون "
              "الثنائي في مجال التحول الرقمي.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("ar", "بحث وزير الاقتصاد الرقمي مع نظيره خلال لقاء في العاصمة سبل تعزيز التعاون "
              "بين البلدين في قطاع التكنولوجيا.",
              ACCORDS_KIND_MEETING);
  /* a memorandum signed last year, discussed today */
  check_kind ("ar", "ناقش الوزيران اليوم خطوات تنفيذ مذكرة التفاهم الموقعة العام الماضي "
              "خلال اجتماع عقداه في العاصمة.",
              ACCORDS_KIND_MEETING);
}

static void
test_kind_persian (void)
{
  check_kind ("fa", "وزیران ارتباطات دو کشور روز دوشنبه در پایتخت یک تفاهم‌نامه همکاری در "
              "زمینه فناوری اطلاعات امضا کردند.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("fa", "وزیر ارتباطات در سفری سه روزه وارد پایتخت شد تا درباره گسترش همکاری‌های "
              "دو کشور در حوزه فناوری گفت‌وگو کند.",
              ACCORDS_KIND_VISIT);
  check_kind ("fa", "در این دیدار دو طرف درباره توسعه همکاری‌ها در زمینه فناوری اطلاعات و "
              "ارتباطات گفت‌وگو کردند.",
              ACCORDS_KIND_MEETING);
}

/* Topics */

static void
test_topics_english (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The two ministers signed a memorandum on Monday covering cybersecurity, "
                "artificial intelligence and the training of engineers.\n"
                "\n"
                "Under the memorandum, the two sides will also exchange experience in "
                "e-government and support start-ups.");
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "artificial_intelligence"));
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_true (has_topic (ex, "e_government"));
  g_assert_true (has_topic (ex, "startups_investment"));
  g_assert_cmpuint (ex->topics->len, ==, 5);
  /* in the order the report names them */
  g_assert_cmpstr (g_ptr_array_index (ex->topics, 0), ==, "cybersecurity");
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_TOPIC, "artificial intelligence"));
  g_assert_true (has_span (ex, ACCORDS_EXTRACT_FIELD_TOPIC, "start-ups"));
}

/* A ministry's name is not a topic; "digital trade" is e-commerce, not
 * trade. */
static void
test_topics_names (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The Minister of Digital Transformation and Postal Services met his "
                "counterpart on Friday to discuss cooperation on digital trade platforms.");
  g_assert_true (has_topic (ex, "e_commerce"));
  g_assert_false (has_topic (ex, "digital_transformation"));
  g_assert_false (has_topic (ex, "postal"));
  g_assert_false (has_topic (ex, "trade"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ar", "بحث وزير الاتصالات مع نظيره اليوم سبل التعاون في مجال الذكاء الاصطناعي "
                "بين البلدين.");
  g_assert_true (has_topic (ex, "artificial_intelligence"));
  g_assert_false (has_topic (ex, "telecom_5g"));
}

/* Places toured, figures of investment, the past year and the share of a
 * sector in the economy are background; landing stations, customs and
 * transaction data are areas of work. */
static void
test_topics_background_kinds (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The two ministers signed a memorandum of understanding on Tuesday on "
                "postal services and the sharing of international bandwidth through "
                "landing stations.\n"
                "\n"
                "The memorandum also covers the exchange of transaction data between "
                "the two central banks and common customs procedures for network "
                "equipment, which slow down trade.\n"
                "\n"
                "After the ceremony the visitors toured the national post office and "
                "a new data centre near the airport.\n"
                "\n"
                "Officials put the cost of the first phase at 20 million dollars of "
                "investment. Exports of software rose sharply last year.");
  g_assert_true (has_topic (ex, "postal"));
  g_assert_true (has_topic (ex, "fibre_infrastructure"));
  g_assert_true (has_topic (ex, "data_exchange"));
  g_assert_true (has_topic (ex, "trade"));
  g_assert_false (has_topic (ex, "data_centres"));
  g_assert_false (has_topic (ex, "startups_investment"));

  /* "Exports … last year" is the past, named once more: not a topic */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("en", "The two ministers held talks by video link on Monday on digital "
                "government services.\n"
                "\n"
                "The two ministers agreed to meet again in the autumn to review their "
                "plans for cooperation in the field.\n"
                "\n"
                "Exports of software services rose sharply last year, a report said.\n"
                "\n"
                "Software exports are expected to grow again, said the report.");
  g_assert_true (has_topic (ex, "e_government"));
  g_assert_false (has_topic (ex, "trade"));

  /* "связать" (to link) is not communications; "ИКТ" names the sector */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ru", "Министры двух стран подписали меморандум о создании коридора, "
                "который должен связать два моря волоконно-оптическими линиями.");
  g_assert_true (has_topic (ex, "fibre_infrastructure"));
  g_assert_false (has_topic (ex, "telecom_5g"));

  /* the Arabic name of the whole ICT sector is not telecommunications */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ar", "وقع البلدان أمس مذكرة تفاهم للتعاون في مجالات تقنية المعلومات "
                "والاتصالات والحكومة الإلكترونية.");
  g_assert_true (has_topic (ex, "e_government"));
  g_assert_false (has_topic (ex, "telecom_5g"));
}

/* A topic mentioned once, in a sentence about something else, is
 * background. */
static void
test_topics_background (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "The two ministers signed a memorandum of understanding on Monday "
                "on cooperation in cloud computing and data centres.\n"
                "\n"
                "The signing took place in the old town hall, a building from the "
                "nineteenth century.\n"
                "\n"
                "The city, which once hosted a famous satellite museum, is known for its "
                "gardens and its river.");
  g_assert_true (has_topic (ex, "cloud"));
  g_assert_true (has_topic (ex, "data_centres"));
  g_assert_false (has_topic (ex, "space_satellites"));
  g_assert_cmpuint (ex->topics->len, ==, 2);
}

/* Sentences about other partners, trade statistics and the name of the
 * whole ICT sector are background; words for training count in every
 * language. */
static void
test_topics_other_partners (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("en", "Kenya and Ghana signed a memorandum of understanding on cybersecurity "
                "on Monday.\n"
                "\n"
                "The text also promises training for young engineers.\n"
                "\n"
                "Bilateral trade between Kenya and Ghana reached $3 billion last year.\n"
                "\n"
                "Nigeria signed a similar agreement with Senegal on visas and data centres.");
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_false (has_topic (ex, "trade"));
  g_assert_false (has_topic (ex, "visas_mobility"));
  g_assert_false (has_topic (ex, "data_centres"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("pt", "Angola e Moçambique assinaram um memorando de cooperação em "
                "tecnologias de informação e comunicação e governação electrónica. O "
                "memorando prevê o intercâmbio de técnicos e estágios para jovens.");
  g_assert_true (has_topic (ex, "e_government"));
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_false (has_topic (ex, "telecom_5g"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("es", "Chile y Perú firmaron un acuerdo de cooperación digital. El texto "
                "establece un programa para formar a 300 técnicos y eliminar el roaming "
                "entre los dos países.");
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_true (has_topic (ex, "telecom_5g"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ru", "Россия и Армения подписали меморандум о сотрудничестве. Стороны "
                "будут совместно готовить специалистов и проводить акселерационные "
                "программы для стартапов.");
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_true (has_topic (ex, "startups_investment"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ar", "وقعت مصر والأردن مذكرة تفاهم للتعاون الرقمي. كما نص الاتفاق على "
                "تأهيل مئة مهندس.");
  g_assert_true (has_topic (ex, "education_exchange"));
}

static void
test_topics_inflected (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("fr", "Les deux ministres ont signé un accord sur la cybersécurité, les données "
                "ouvertes et les jeunes pousses du numérique, a indiqué le ministère.");
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "data_exchange"));
  g_assert_true (has_topic (ex, "startups_investment"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("es", "Los ministros firmaron un memorando para cooperar en inteligencia "
                "artificial, ciberseguridad y comercio electrónico entre los dos países.");
  g_assert_true (has_topic (ex, "artificial_intelligence"));
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "e_commerce"));
  g_assert_false (has_topic (ex, "trade"));

  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("pt", "Os dois países assinaram um acordo de cooperação em centros de dados, "
                "computação em nuvem e pagamentos digitais, segundo o ministério.");
  g_assert_true (has_topic (ex, "data_centres"));
  g_assert_true (has_topic (ex, "cloud"));
  g_assert_true (has_topic (ex, "fintech"));

  /* Russian case endings */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ru", "Стороны договорились о сотрудничестве в области кибербезопасности, "
                "искусственного интеллекта и подготовки кадров для цифровой экономики.");
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "artificial_intelligence"));
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_true (has_topic (ex, "digital_transformation"));

  /* Arabic clitics: و ال ب ل */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("ar", "وقع البلدان مذكرة تفاهم للتعاون بمجالات الأمن السيبراني وللحوسبة السحابية "
                "والتجارة الإلكترونية وبناء القدرات.");
  g_assert_true (has_topic (ex, "cybersecurity"));
  g_assert_true (has_topic (ex, "cloud"));
  g_assert_true (has_topic (ex, "e_commerce"));
  g_assert_true (has_topic (ex, "education_exchange"));
  g_assert_false (has_topic (ex, "trade"));

  /* Persian, with and without the zero-width non-joiner */
  ex = (accords_extraction_free (ex), NULL);
  ex = extract ("fa", "دو کشور در زمینه هوش مصنوعی، سرمایه‌گذاری در استارتاپ‌ها و امنیت "
                "سایبری همکاری خواهند کرد و سرمایهگذاری مشترک را گسترش می‌دهند.");
  g_assert_true (has_topic (ex, "artificial_intelligence"));
  g_assert_true (has_topic (ex, "startups_investment"));
  g_assert_true (has_topic (ex, "cybersecurity"));
}

/* The tables: every language has every list, every topic of the
 * vocabulary has words in every language, and nothing else. */
/* Nothing signed: a negation near the signing word, or a memorandum that
 * is only a draft, in every language. */
static void
test_kind_not_signed (void)
{
  struct {
    const char *language;
    const char *text;
    AccordsKind kind;
  } cases[] = {
    { "en", "The two ministers held a video call on Monday about online fraud. No memorandum "
      "was signed, and officials said a draft memorandum would follow in the autumn.",
      ACCORDS_KIND_MEETING },
    { "en", "The delegation met the minister of communications on Monday. They parted without "
      "signing any agreement, but promised a draft agreement by spring.",
      ACCORDS_KIND_MEETING },
    { "fr", "Les deux ministres se sont réunis lundi pour parler de la fibre. Aucun texte n'a "
      "été signé ; un projet de protocole d'accord sera rédigé par les experts.",
      ACCORDS_KIND_MEETING },
    { "es", "Los ministros mantuvieron una reunión el lunes sobre ciberseguridad. No se firmó "
      "ningún memorando, aunque se redactará un borrador de memorando.",
      ACCORDS_KIND_MEETING },
    { "pt", "Os dois ministros tiveram uma reunião na segunda-feira sobre cabos. O memorando "
      "não foi assinado e a minuta do memorando será revista.",
      ACCORDS_KIND_MEETING },
    { "ru", "Министры провели переговоры в понедельник о связи. Меморандум не был подписан, "
      "стороны готовят проект меморандума.",
      ACCORDS_KIND_MEETING },
    { "ar", "عقد الوزيران اجتماعا يوم الاثنين لبحث التعاون في الاتصالات، ولم يتم توقيع مذكرة "
      "تفاهم، وتعمل اللجان على مسودة مذكرة تفاهم.",
      ACCORDS_KIND_MEETING },
    { "fa", "وزیر ارتباطات در سفر به این کشور با همتای خود دیدار کرد. تفاهم‌نامه‌ای امضا نشد "
      "و پیش‌نویس تفاهم‌نامه در دست تهیه است.",
      ACCORDS_KIND_VISIT },
    /* "not only signed": a signing all the same */
    { "en", "The two ministers not only signed a memorandum on cloud services but also "
      "opened a joint office.",
      ACCORDS_KIND_MOU_SIGNED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      check_kind (cases[i].language, cases[i].text, cases[i].kind);
    }
}

/* A council ratifying a protocol signed earlier: the noun for the step. */
static void
test_kind_ratification (void)
{
  check_kind ("fr", "Le Conseil des ministres a autorisé mercredi la ratification du protocole "
              "d'accord sur la poste signé en mars avec le Niger.", ACCORDS_KIND_ANNOUNCEMENT);
  check_kind ("en", "The cabinet on Wednesday cleared the ratification of the memorandum on "
              "satellite data signed in March with Chile.", ACCORDS_KIND_ANNOUNCEMENT);
}

/* Networks' security is cyber security; "one of the strands of the talks"
 * names an area of the cooperation. */
static void
test_topics_network_security (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = extract ("fr", "Les ministres se sont entretenus lundi à Niamey. Les échanges ont aussi "
                "porté sur la sécurité des réseaux et la formation des techniciens.");
  g_assert_true (has_topic (ex, "cybersecurity"));
}

static void
test_tables (void)
{
  static const char * const languages[] = { "en", "fr", "es", "pt", "ru", "ar", "fa" };
  static const char * const kind_lists[] = {
    "mou", "agreement", "statement", "signing", "signing_nouns", "future", "background",
    "approval", "meeting", "visit", "opinion", "byline", "first_person",
  };
  JsonObject *kinds = _accords_extract_table ("kinds");
  JsonObject *topics = _accords_extract_table ("topics");
  g_autoptr(GListModel) vocabulary = accords_topic_list ();

  g_assert_nonnull (kinds);
  g_assert_nonnull (topics);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      JsonObject *lang = json_object_get_object_member (kinds, languages[l]);
      JsonObject *lists;

      g_assert_nonnull (lang);
      for (guint k = 0; k < G_N_ELEMENTS (kind_lists); k++)
        {
          JsonArray *list = json_object_get_array_member (lang, kind_lists[k]);

          g_assert_nonnull (list);
          g_assert_cmpuint (json_array_get_length (list), >, 0);
        }

      lang = json_object_get_object_member (topics, languages[l]);
      g_assert_nonnull (lang);
      g_assert_nonnull (json_object_get_array_member (lang, "cooperation"));
      lists = json_object_get_object_member (lang, "topics");
      g_assert_nonnull (lists);
      g_assert_cmpuint (json_object_get_size (lists), ==, g_list_model_get_n_items (vocabulary));
      for (guint t = 0; t < g_list_model_get_n_items (vocabulary); t++)
        {
          g_autoptr(AccordsTopic) topic = g_list_model_get_item (vocabulary, t);
          JsonArray *words = json_object_get_array_member (lists, accords_topic_get_id (topic));

          g_assert_nonnull (words);
          g_assert_cmpuint (json_array_get_length (words), >, 0);
        }
    }
}

/* Arabic puts the verb before a long subject: the memorandum may stand far
 * after the signing verb. Persian puts the document long before its verb
 * and marks it with a suffix ("یادداشت تفاهمی"). */
static void
test_kind_word_order (void)
{
  check_kind ("ar", "وقّعت وزيرة الاقتصاد الرقمي في الجمهورية الأولى ونائب وزير الاتصالات "
              "وتقنية المعلومات في الجمهورية الثانية، صباح أمس الثلاثاء في العاصمة، "
              "مذكرة تفاهم للتعاون في مجال الخدمات الحكومية الإلكترونية.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("fa", "وزیران دو کشور روز سه‌شنبه در پایتخت، در حاشیه نشست کمیسیون مشترک، "
              "یادداشت تفاهمی برای همکاری در زمینه دولت الکترونیک و آموزش کارشناسان "
              "امضا کردند.",
              ACCORDS_KIND_MOU_SIGNED);
  check_kind ("fa", "دو طرف روز گذشته در تهران تفاهم‌نامه‌ای درباره امنیت سایبری را به "
              "امضا رساندند و قرار شد کارگروهی مشترک تشکیل شود.",
              ACCORDS_KIND_MOU_SIGNED);
}

/* A lead that reports a cabinet approving a memorandum, followed by how
 * the memorandum was signed: the news is the approval. */
static void
test_kind_approval_lead (void)
{
  check_kind ("en", "The government on Tuesday endorsed a memorandum of understanding on "
              "digital skills that the country concluded with a neighbour in March, its "
              "spokeswoman said after the weekly session.\n\n"
              "The memorandum was signed in the neighbour's capital by the two ministers "
              "responsible for education and technology at the close of a short visit.\n\n"
              "It provides for courses for teachers and a joint committee.",
              ACCORDS_KIND_ANNOUNCEMENT);
}

/* Paperless procedures, customs and Portuguese "administração eletrónica" */
static void
test_topics_customs_paperless (void)
{
  g_autoptr(AccordsExtraction) es = NULL;
  g_autoptr(AccordsExtraction) pt = NULL;

  es = extract ("es", "Los dos gobiernos firmaron un memorando para modernizar sus aduanas "
                "y pasar a trámites sin papel en todos los pasos fronterizos.");
  g_assert_true (has_topic (es, "trade"));
  g_assert_true (has_topic (es, "e_government"));

  pt = extract ("pt", "Os dois países assinaram um memorando de entendimento sobre "
                "administração eletrónica e formação de técnicos, informou o ministério.");
  g_assert_true (has_topic (pt, "e_government"));
  g_assert_true (has_topic (pt, "education_exchange"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/kind/english", test_kind_english);
  g_test_add_func ("/extract/kind/opinion", test_kind_opinion);
  g_test_add_func ("/extract/kind/opinion-essay", test_kind_opinion_essay);
  g_test_add_func ("/extract/kind/signing-idioms", test_kind_signing_idioms);
  g_test_add_func ("/extract/kind/opinion-dated-headline", test_kind_opinion_dated_headline);
  g_test_add_func ("/extract/kind/visit-with-signing", test_kind_visit_with_signing);
  g_test_add_func ("/extract/kind/future-signing", test_kind_future_signing);
  g_test_add_func ("/extract/kind/nothing", test_kind_nothing);
  g_test_add_func ("/extract/kind/french", test_kind_french);
  g_test_add_func ("/extract/kind/spanish", test_kind_spanish);
  g_test_add_func ("/extract/kind/portuguese", test_kind_portuguese);
  g_test_add_func ("/extract/kind/russian", test_kind_russian);
  g_test_add_func ("/extract/kind/arabic", test_kind_arabic);
  g_test_add_func ("/extract/kind/persian", test_kind_persian);
  g_test_add_func ("/extract/topics/english", test_topics_english);
  g_test_add_func ("/extract/topics/names", test_topics_names);
  g_test_add_func ("/extract/topics/background", test_topics_background);
  g_test_add_func ("/extract/topics/background-kinds", test_topics_background_kinds);
  g_test_add_func ("/extract/topics/other-partners", test_topics_other_partners);
  g_test_add_func ("/extract/topics/inflected", test_topics_inflected);
  g_test_add_func ("/extract/kind/not-signed", test_kind_not_signed);
  g_test_add_func ("/extract/kind/ratification", test_kind_ratification);
  g_test_add_func ("/extract/topics/network-security", test_topics_network_security);
  g_test_add_func ("/extract/topics/tables", test_tables);
  g_test_add_func ("/extract/kind/word-order", test_kind_word_order);
  g_test_add_func ("/extract/kind/approval-lead", test_kind_approval_lead);
  g_test_add_func ("/extract/topics/customs-paperless", test_topics_customs_paperless);

  return g_test_run ();
}
