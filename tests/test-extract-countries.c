/* test-extract-countries.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "accords-extract-private.h"

/* The codes of every mention, in text order, joined by spaces, with the
 * form as a suffix: "IR RS:c FR:d" (name, capital, demonym). */
static char *
describe_mentions (const char *text,
                   const char *language)
{
  g_autoptr(GArray) mentions = _accords_extract_country_mentions (text, language);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < mentions->len; i++)
    {
      const AccordsCountryMention *m = &g_array_index (mentions, AccordsCountryMention, i);

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, strlen (text));
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, m->code);
      if (m->form == ACCORDS_COUNTRY_FORM_CAPITAL)
        g_string_append (out, ":c");
      else if (m->form == ACCORDS_COUNTRY_FORM_DEMONYM)
        g_string_append (out, ":d");
    }

  return g_string_free (out, FALSE);
}

#define assert_mentions(text, language, expected) \
  G_STMT_START { \
    g_autofree char *found__ = describe_mentions (text, language); \
    g_assert_cmpstr (found__, ==, expected); \
  } G_STMT_END

static char *
join (GPtrArray *codes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < codes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (codes, i));
    }

  return g_string_free (out, FALSE);
}

#define assert_countries(text, exp_parties, exp_mentioned) \
  G_STMT_START { \
    g_autoptr(AccordsExtraction) ex__ = accords_extract_article (text, NULL); \
    g_autofree char *parties__ = join (ex__->parties); \
    g_autofree char *mentioned__ = join (ex__->mentioned); \
    g_assert_cmpstr (parties__, ==, exp_parties); \
    g_assert_cmpstr (mentioned__, ==, exp_mentioned); \
  } G_STMT_END

static void
test_names (void)
{
  assert_mentions ("Iran and Serbia signed a memorandum.", "en", "IR RS");
  /* official and short names from iso-codes, and names it lacks */
  assert_mentions ("The Islamic Republic of Iran met the Russian Federation.", "en", "IR RU");
  assert_mentions ("Britain, the UK and the United States of America.", "en", "GB GB US");
  assert_mentions ("Officials from Vietnam and Viet Nam; Türkiye or Turkey.", "en", "VN VN TR TR");
  /* possessives */
  assert_mentions ("Iran's minister met Serbia’s minister.", "en", "IR RS");
  /* longest name first */
  assert_mentions ("South Africa and Papua New Guinea, not Guinea.", "en", "ZA PG GN");
  assert_mentions ("Niger and Nigeria are neighbours; so are Sudan and South Sudan.", "en",
                   "NE NG SD SS");
  assert_mentions ("The Dominican Republic and Dominica.", "en", "DO DM");
}

static void
test_case (void)
{
  /* common words and names spelt like countries */
  assert_mentions ("They ate turkey on china plates; the chad was hanging.", "en", "");
  assert_mentions ("They saw Michael Jordan and read the Washington Post in Jordan.", "en", "JO");
  /* Mauritius is also a given name in Spanish and Portuguese */
  assert_mentions ("El jefe de la oficina, Julio Mauricio Pérez, viajó a Mauricio.", "es", "MU");
  assert_mentions ("O diretor Carlos Maurício Souza visitou Angola.", "pt", "AO");
  assert_mentions ("Let us go. The US and the U.S. both count.", "en", "US US");
  /* a short abbreviation in capitals is not a capital city written in capitals */
  assert_mentions ("A agência (AMA) apoia o instituto, disse o ministro em Amã.", "pt", "JO:c");
  assert_mentions ("Uma delegação viajou para Lisboa.\nLIMA recebe a cimeira.", "pt",
                   "PT:c PE:c");
}

static void
test_translations (void)
{
  assert_mentions ("Le Maroc et le Brésil, l'Estonie, d’Égypte, au Sénégal.", "fr",
                   "MA BR EE EG SN");
  assert_mentions ("La Gambie et la République du Congo.", "fr", "GM CG");
  assert_mentions ("México y Chile firmaron con España.", "es", "MX CL ES");
  assert_mentions ("O Brasil e Moçambique assinaram com a Alemanha.", "pt", "BR MZ DE");
  assert_mentions ("Россия и Узбекистан, Китай и Индия.", "ru", "RU UZ CN IN");
  assert_mentions ("مصر والسعودية والأردن", "ar", "EG SA JO");
  assert_mentions ("ایران و ترکیه و عربستان سعودی", "fa", "IR TR SA");
}

static void
test_demonyms (void)
{
  assert_mentions ("The Iranian minister met Qatari and Emirati officials.", "en",
                   "IR:d QA:d AE:d");
  assert_mentions ("la ministre estonienne et les jeunes pousses iraniennes", "fr", "EE:d IR:d");
  assert_mentions ("el ministro chileno y las empresas iraníes", "es", "CL:d IR:d");
  assert_mentions ("o ministro angolano e as empresas portuguesas", "pt", "AO:d PT:d");
  assert_mentions ("иранская делегация и сербского министра", "ru", "IR:d RS:d");
  assert_mentions ("الوزير الإيراني والشركات المصرية", "ar", "IR:d EG:d");
  assert_mentions ("وزیر ایرانی و هیئت قطری", "fa", "IR:d QA:d");
}

static void
test_capitals (void)
{
  assert_mentions ("Talks between Tehran and Belgrade.", "en", "IR:c RS:c");
  assert_mentions ("Entre Téhéran et Pékin, puis au Caire.", "fr", "IR:c CN:c EG:c");
  assert_mentions ("Переговоры между Москвой и Тегераном.", "ru", "RU:c IR:c");
  assert_mentions ("التعاون بين القاهرة والرياض وطهران", "ar", "EG:c SA:c IR:c");
  /* "Mexico City" is one place, not Mexico plus a city */
  assert_mentions ("They met in Mexico City.", "en", "MX:c");
}

static void
test_inflection (void)
{
  /* Russian cases: a stem plus an ending */
  assert_mentions ("в России, с Россией, из Узбекистана, с Узбекистаном, в Египте", "ru",
                   "RU RU UZ UZ EG");
  assert_mentions ("Южной Африки и Саудовской Аравии", "ru", "ZA SA");
  /* Arabic clitics and the article */
  assert_mentions ("بمصر ولمصر للسعودية بالسعودية", "ar", "EG EG SA SA");
}

static void
test_not_countries (void)
{
  assert_mentions ("The EU, ASEAN, the G20 and BRICS met in Africa and West Asia.", "en", "");
  assert_mentions ("Latin America and the Persian Gulf; the Soviet Union.", "en", "");
  assert_mentions ("América Latina y el golfo de México.", "es", "");
}

static void
test_dateline (void)
{
  assert_mentions ("LONDON, Nov 2 (Reuters) -- Kenya and Rwanda met in London.", "en", "KE RW GB:c");
  assert_mentions (" date 2023-06-09 SEOUL, Jun 9 (Yonhap) -- Japan met Chile.", "en", "JP CL");
  assert_mentions ("Dakar – Le Sénégal et le Canada ont signé.", "fr", "SN CA");
  assert_mentions ("МОСКВА, 3 мар — Россия и Китай подписали.", "ru", "RU CN");
  /* a headline with a dash is not a dateline */
  assert_mentions ("Kenya – Rwanda sign a deal", "en", "KE RW");
}

static void
test_currency (void)
{
  /* a symbol glued to a country's abbreviation, either side */
  assert_mentions ("The grant of US$4 million will help Kenya.", "en", "KE");
  assert_mentions ("Le projet coûtera 3 millions $US au Niger.", "fr", "NE");
  assert_mentions ("A fee of HK $2 was set by Chile.", "en", "CL");
  /* a demonym or name next to a currency word, in every language */
  assert_mentions ("Ghana pays in American dollars and Chinese yuan.", "en", "GH");
  assert_mentions ("Bhutan quoted the price in US dollars.", "en", "BT");
  assert_mentions ("Un préstamo de 9 millones de dólares estadounidenses para Bolivia.", "es",
                   "BO");
  assert_mentions ("O cabo custa 20 milhões de dólares americanos, disse Angola.", "pt", "AO");
  assert_mentions ("Le réseau coûte 8 millions de dollars américains au Gabon.", "fr", "GA");
  assert_mentions ("Проект стоит 5 млн долларов США, сообщила Армения.", "ru", "AM");
  assert_mentions ("Монголия получит кредит в 7 млн американских долларов.", "ru", "MN");
  assert_mentions ("بلغت الكلفة عشرة ملايين دولار أمريكي في تونس", "ar", "TN");
  assert_mentions ("دفعت تونس المبلغ بالدولار الأمريكي", "ar", "TN");
  assert_mentions ("هزینه پروژه ده میلیون دلار آمریکا بود و ارمنستان آن را پرداخت.", "fa", "AM");
  /* not money: the country stays */
  assert_mentions ("American engineers and the United States pledged $5 million.", "en",
                   "US:d US");
  assert_mentions ("Dollars flowed; America noticed.", "en", "US");
  /* "بين" (between) is no currency word with a clitic */
  assert_mentions ("التعاون بين مصر والأردن", "ar", "EG JO");
}

static void
test_ambiguous (void)
{
  /* a shared demonym is the state the text names otherwise */
  assert_mentions ("The Guinean minister then flew to Bissau.", "en", "GW:d GW:c");
  assert_mentions ("A Guinean delegation visited Conakry.", "en", "GN:d GN:c");
  assert_mentions ("O ministro guineense regressou a Bissau.", "pt", "GW:d GW:c");
  assert_mentions ("Les ingénieurs congolais rentrent à Kinshasa.", "fr", "CD:d CD:c");
  assert_mentions ("Korean engineers will train staff in Seoul.", "en", "KR:d KR:c");
  assert_mentions ("Dominican officials toured Roseau.", "en", "DM:d DM:c");
  assert_mentions ("Sudanese traders cross into South Sudan.", "en", "SS:d SS");
  /* none or several named: left out rather than guessed */
  assert_mentions ("A Guinean delegation arrived.", "en", "");
  assert_mentions ("Korean and Japanese experts met.", "en", "JP:d");
  assert_mentions ("Guinea and Guinea-Bissau agreed; a Guinean official spoke.", "en", "GN GW");
  /* a longer, unambiguous form still wins */
  assert_mentions ("A North Korean and a South Korean envoy.", "en", "KP:d KR:d");
}

static void
test_seat_capitals (void)
{
  /* Brussels often stands for the EU, not for Belgium */
  assert_mentions ("Officials in Brussels want common rules on chips.", "en", "");
  assert_mentions ("Belgium's minister spoke in Brussels.", "en", "BE BE:c");
  assert_mentions ("Les ministres belges se sont réunis à Bruxelles.", "fr", "BE:d BE:c");
}

static void
test_parties (void)
{
  assert_countries (" date 2025-03-01 Kenya and Rwanda signed a memorandum of understanding "
                    "on digital cooperation in Nairobi on Monday, the ministry said.\n\n"
                    "The Kenyan minister said Rwanda was a key partner.\n\n"
                    "Kenya has signed similar deals before.",
                    "KE RW", "");

  assert_countries (" date 2025-03-01 Chile's minister of science arrived in Lisbon on Tuesday "
                    "for talks with his Portuguese counterpart on artificial intelligence.\n\n"
                    "Following visits to Peru, Colombia and Ecuador, the minister now "
                    "heads to Portugal.\n\n"
                    "Portugal and Chile will set up joint teams, Chile said.",
                    "CL PT", "PE CO EC");

  assert_countries (" date 2025-03-01 Finland, Sweden and Norway signed a "
                    "three-way memorandum on satellite navigation, officials said on Friday.\n\n"
                    "Finland will share its experience with Swedish and Norwegian experts.",
                    "FI SE NO", "");

  assert_countries (" date 2025-03-01 Egypt and Morocco agreed to cooperate on fibre-optic "
                    "cables and data centres during talks held in Cairo on Sunday.\n\n"
                    "The two sides discussed the Egyptian experience and Moroccan plans.\n\n"
                    "Egypt already works with countries such as India on outsourcing.",
                    "EG MA", "IN");

  /* a venue named only by its capital is not a party */
  assert_countries (" date 2025-03-01 Kenya and Rwanda signed a memorandum on digital identity "
                    "in Paris on Wednesday, on the sidelines of a technology fair.\n\n"
                    "The Kenyan minister said Kigali and Nairobi would share platforms.",
                    "KE RW", "FR");

  /* the price of a deal names no third country */
  assert_countries (" date 2025-05-06 Ghana and Togo signed an agreement on Tuesday to lay a "
                    "shared fibre link between their capitals, at a cost of US$12 million.\n\n"
                    "The Ghanaian minister said the link would open next year.",
                    "GH TG", "");
}

static gpointer
describe_in_thread (gpointer data)
{
  return describe_mentions (data, "en");
}

static void
test_thread_safety (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("mentions", describe_in_thread,
                               (gpointer) "Qatar and Pakistan met in Doha.");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      char *found = g_thread_join (threads[i]);

      g_assert_cmpstr (found, ==, "QA PK QA:c");
      g_free (found);
    }
}

static void
test_empty (void)
{
  assert_mentions ("", "en", "");
  assert_mentions ("No country here at all.", NULL, "");
  assert_countries ("Nothing to see.", "", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/countries/names", test_names);
  g_test_add_func ("/extract/countries/case", test_case);
  g_test_add_func ("/extract/countries/translations", test_translations);
  g_test_add_func ("/extract/countries/demonyms", test_demonyms);
  g_test_add_func ("/extract/countries/capitals", test_capitals);
  g_test_add_func ("/extract/countries/inflection", test_inflection);
  g_test_add_func ("/extract/countries/not-countries", test_not_countries);
  g_test_add_func ("/extract/countries/dateline", test_dateline);
  g_test_add_func ("/extract/countries/currency", test_currency);
  g_test_add_func ("/extract/countries/ambiguous", test_ambiguous);
  g_test_add_func ("/extract/countries/seat-capitals", test_seat_capitals);
  g_test_add_func ("/extract/countries/parties", test_parties);
  g_test_add_func ("/extract/countries/thread-safety", test_thread_safety);
  g_test_add_func ("/extract/countries/empty", test_empty);

  return g_test_run ();
}
