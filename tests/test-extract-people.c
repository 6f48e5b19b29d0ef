/* test-extract-people.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "accords-extract.h"
#include "accords-person.h"

static AccordsPerson *
find_person (AccordsExtraction *ex,
             const char        *name)
{
  for (guint i = 0; i < ex->people->len; i++)
    {
      AccordsPerson *person = g_ptr_array_index (ex->people, i);

      if (g_strcmp0 (accords_person_get_name (person), name) == 0)
        return person;
    }

  return NULL;
}

static gboolean
has_organization (AccordsExtraction *ex,
                  const char        *name)
{
  for (guint i = 0; i < ex->organizations->len; i++)
    if (g_strcmp0 (g_ptr_array_index (ex->organizations, i), name) == 0)
      return TRUE;
  return FALSE;
}

static void
test_title_and_demonym (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  AccordsPerson *person;

  ex = accords_extract_article ("Iranian Minister of Roads and Communications Reza Tabrizi "
                                "met his hosts in Ankara on Monday and said that the two "
                                "countries would work together on fibre networks.", NULL);
  person = find_person (ex, "Reza Tabrizi");
  g_assert_nonnull (person);
  g_assert_cmpstr (accords_person_get_role (person), ==, "Minister of Roads and Communications");
  g_assert_cmpstr (accords_person_get_country (person), ==, "IR");
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_possessive_country (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  AccordsPerson *person;

  ex = accords_extract_article ("Serbia's minister of trade, Milan Petrovic, and the visiting "
                                "delegation agreed on the plan for the new data centre.", NULL);
  person = find_person (ex, "Milan Petrovic");
  g_assert_nonnull (person);
  g_assert_cmpstr (accords_person_get_country (person), ==, "RS");
}

static void
test_appositive (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  AccordsPerson *person;

  ex = accords_extract_article ("The document was signed by Laura Benton, the Minister of "
                                "Innovation of Chile, and by a delegation from the host country "
                                "during the visit.", NULL);
  person = find_person (ex, "Laura Benton");
  g_assert_nonnull (person);
  g_assert_cmpstr (accords_person_get_role (person), ==, "Minister of Innovation of Chile");
  g_assert_cmpstr (accords_person_get_country (person), ==, "CL");
}

static void
test_byline (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("Two countries deepen their digital ties\n"
                                "By Jane Whitfield\n"
                                "The ministers of the two countries met on Friday and said "
                                "that cooperation on e-government would grow.", NULL);
  g_assert_null (find_person (ex, "Jane Whitfield"));
}

static void
test_same_person_twice (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("President Tomas Varga welcomed the delegation and the two "
                                "sides talked about trade. Later Varga said the talks had gone "
                                "well, and Tomas Varga thanked his guests for the visit.", NULL);
  g_assert_nonnull (find_person (ex, "Tomas Varga"));
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_french_and_coordination (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  AccordsPerson *person;

  ex = accords_extract_article ("Le ministre brésilien des Communications, Paulo Ramos, et la "
                                "ministre de la Transition numérique, Nadia Benali, ont signé "
                                "un accord à Rabat. Les deux ministres ont rencontré la presse "
                                "dans la soirée pour présenter le texte.", NULL);
  g_assert_cmpstr (ex->language, ==, "fr");
  person = find_person (ex, "Paulo Ramos");
  g_assert_nonnull (person);
  g_assert_cmpstr (accords_person_get_role (person), ==, "ministre brésilien des Communications");
  g_assert_cmpstr (accords_person_get_country (person), ==, "BR");
  g_assert_nonnull (find_person (ex, "Nadia Benali"));
}

static void
test_arabic (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  AccordsPerson *person;

  ex = accords_extract_article ("وقع وزير الاقتصاد الرقمي المهندس خالد المنصور مذكرة تفاهم "
                                "مع الجانب الآخر في القاهرة اليوم.", NULL);
  g_assert_cmpstr (ex->language, ==, "ar");
  person = find_person (ex, "خالد المنصور");
  g_assert_nonnull (person);
  g_assert_cmpstr (accords_person_get_role (person), ==, "وزير الاقتصاد الرقمي");
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_russian (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("Министр цифрового развития Иван Смирнов провел переговоры "
                                "с делегацией. Документ подписан в присутствии президента "
                                "Бориса Орлова.", NULL);
  g_assert_cmpstr (ex->language, ==, "ru");
  g_assert_nonnull (find_person (ex, "Иван Смирнов"));
  /* the genitive after "президента" goes back to the nominative */
  g_assert_nonnull (find_person (ex, "Борис Орлов"));
}

static void
test_organizations (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("The Ministry of Digital Economy and the National Cyber Agency "
                                "(NCA) signed the plan with the Harbour Data Company on Tuesday, "
                                "the agency said in a statement.", NULL);
  g_assert_true (has_organization (ex, "Ministry of Digital Economy"));
  g_assert_true (has_organization (ex, "National Cyber Agency (NCA)"));
  g_assert_true (has_organization (ex, "Harbour Data Company"));
}

static void
test_venue (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("The two ministers signed the memorandum in Nairobi on the "
                                "sidelines of the Africa Connect Summit, where they also "
                                "discussed mobile payments and the digital economy.", NULL);
  g_assert_cmpstr (ex->venue_forum, ==, "Africa Connect Summit");
  g_assert_false (ex->venue_virtual);

  /* the city needs the countries table's capitals */
  if (ex->venue_city != NULL)
    {
      g_assert_cmpstr (ex->venue_city, ==, "Nairobi");
      g_assert_cmpstr (ex->venue_country, ==, "KE");
    }
}

static void
test_video_conference (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("The two ministers held talks by videoconference on Monday and "
                                "agreed to set up a joint working group on cybersecurity.", NULL);
  g_assert_true (ex->venue_virtual);
  g_assert_null (ex->venue_city);
}

/* The names below are made up; each test exercises one general rule. */

static void
assert_person (AccordsExtraction *ex,
               const char        *name,
               const char        *role,
               const char        *country)
{
  AccordsPerson *person = find_person (ex, name);

  g_assert_nonnull (person);
  if (role != NULL)
    g_assert_cmpstr (accords_person_get_role (person), ==, role);
  if (country != NULL)
    g_assert_cmpstr (accords_person_get_country (person), ==, country);
}

static void
test_spanish_compound_surname (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "Por" opening a sentence is no byline; "Rural" is a lone field word */
  ex = accords_extract_article ("Por su lado firmó la viceministra de Conectividad Rural, Lucía "
                                "Fernández de la Rosa, quien recordó que el acuerdo llega después "
                                "de dos años de trabajo técnico entre los equipos de ambos "
                                "gobiernos.", NULL);
  assert_person (ex, "Lucía Fernández de la Rosa", "viceministra de Conectividad Rural", NULL);
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_spanish_organization_words (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "Abierto y Participación" continues the office's name */
  ex = accords_extract_article ("El director de la Oficina de Gobierno Abierto y Participación de "
                                "la Ciudadanía, Julián Ferrer Soto, explicó que el nuevo portal "
                                "estará listo para el próximo año y que los ciudadanos podrán "
                                "hacer sus trámites desde el teléfono.", NULL);
  assert_person (ex, "Julián Ferrer Soto", NULL, NULL);
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_portuguese_secretary_of_state (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  ex = accords_extract_article ("O acordo foi assinado pela secretária de Estado da Economia "
                                "Digital e Inovação Social, Beatriz Nogueira dos Santos, que "
                                "destacou a importância da parceria para os dois países e para a "
                                "formação de jovens técnicos.", NULL);
  assert_person (ex, "Beatriz Nogueira dos Santos",
                 "secretária de Estado da Economia Digital e Inovação Social", NULL);
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_arabic_name_boundaries (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) short_name = NULL;

  /* an unknown construct in the complement; a family name with the
   * article as the third word */
  ex = accords_extract_article ("وقّع الاتفاق عن الجانب الكويتي وزير صناعات المستقبل سامي بن يوسف، "
                                "فيما وقّعه عن الجانب المغربي وزير الطاقة ماجد خليل العتيبي، في حفل "
                                "أقيم بمقر الوزارة بحضور عدد من المسؤولين من البلدين.", NULL);
  assert_person (ex, "سامي بن يوسف", "وزير صناعات المستقبل", "KW");
  assert_person (ex, "ماجد خليل العتيبي", "وزير الطاقة", "MA");
  g_assert_cmpuint (ex->people->len, ==, 2);

  /* no third word where nothing closes the name */
  short_name = accords_extract_article ("استقبل وزير الاتصالات سامي يوسف وفدا من الشركات الناشئة في "
                                        "مقر الوزارة، وبحث معه سبل التعاون في مجال الخدمات "
                                        "الرقمية والتدريب المهني للشباب في البلدين.", NULL);
  assert_person (short_name, "سامي يوسف", "وزير الاتصالات", NULL);
  g_assert_cmpuint (short_name->people->len, ==, 1);
}

static void
test_persian_apposition (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) none = NULL;

  /* "نام، سمت،": the name before its title; ZWNJ and a prefix */
  ex = accords_extract_article ("این تفاهم‌نامه را سید مهدی رضایی، رئیس سازمان فناوری اطلاعات "
                                "ایران، و نیکو بریدزه، وزیر اقتصاد گرجستان، در تفلیس امضا کردند و "
                                "دو طرف بر ادامه همکاری تأکید کردند.", NULL);
  assert_person (ex, "سید مهدی رضایی", "رئیس سازمان فناوری اطلاعات ایران", "IR");
  assert_person (ex, "نیکو بریدزه", "وزیر اقتصاد گرجستان", "GE");
  g_assert_cmpuint (ex->people->len, ==, 2);

  /* a place before a comma, a field closed by a country: no one */
  none = accords_extract_article ("روز دوشنبه در شهر ایروان، وزیر صنایع نوین گرجستان با همتای "
                                  "خود دیدار کرد. به گزارش ایسنا، معاون وزیر نیز در این نشست حضور "
                                  "داشت و درباره اقتصاد دیجیتال گفت‌وگو کرد.", NULL);
  g_assert_cmpuint (none->people->len, ==, 0);
}

static void
test_russian_deputy_minister (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "заместитель" heads the title, so the name stays as written */
  ex = accords_extract_article ("Заместитель министра цифрового развития Казахстана Анна Петрова "
                                "заявила, что стороны договорились о совместной работе над "
                                "электронными услугами. Министр по развитию информационных "
                                "технологий Таджикистана Рустам Шарипов провёл встречу с "
                                "делегацией.", NULL);
  assert_person (ex, "Анна Петрова", NULL, "KZ");
  assert_person (ex, "Рустам Шарипов", NULL, "TJ");
  g_assert_cmpuint (ex->people->len, ==, 2);
}

static void
test_russian_genitive_complement (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) oblique = NULL;
  g_autoptr(AccordsExtraction) none = NULL;

  /* lower-case genitives the tables do not list, and no comma */
  ex = accords_extract_article ("Министр сельского хозяйства Казахстана Бахыт Ерланов провёл "
                                "переговоры о поставках оборудования для фермерских хозяйств.",
                                NULL);
  assert_person (ex, "Бахыт Ерланов", "Министр сельского хозяйства Казахстана", "KZ");
  g_assert_cmpuint (ex->people->len, ==, 1);

  /* the same after titles in the instrumental, male and female */
  oblique = accords_extract_article ("Делегация встретилась с министром водного хозяйства "
                                     "Таджикистана Рустамом Назаровым, а затем с вице-премьером "
                                     "Молдовы Еленой Морозовой.", NULL);
  assert_person (oblique, "Рустам Назаров", NULL, "TJ");
  assert_person (oblique, "Елена Морозова", NULL, "MD");

  /* a verb between the title and capitalised words: no one */
  none = accords_extract_article ("Министр связи осмотрела Верхний Ларс в среду вместе с "
                                  "журналистами.", NULL);
  g_assert_cmpuint (none->people->len, ==, 0);
}

static void
test_persian_complement_and_quotes (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) quoted = NULL;
  g_autoptr(AccordsExtraction) none = NULL;

  /* the body in the complement, a given name joined with ZWNJ */
  ex = accords_extract_article ("به گفته مشاور شرکت مخابرات، غلام‌رضا صادقی، این طرح تا پایان "
                                "سال آینده در همه استان‌ها اجرا می‌شود.", NULL);
  assert_person (ex, "غلام‌رضا صادقی", "مشاور شرکت مخابرات", NULL);
  g_assert_cmpuint (ex->people->len, ==, 1);

  /* "و نام، سمت «…»،": a title with a quoted body's name */
  quoted = accords_extract_article ("در این دیدار سعید کریمی، معاون وزیر، و بهرام نادری، رئیس "
                                    "شرکت «تجارت‌نت»، درباره توسعه شبکه ملی گفت‌وگو کردند.", NULL);
  assert_person (quoted, "سعید کریمی", NULL, NULL);
  assert_person (quoted, "بهرام نادری", "رئیس شرکت «تجارت‌نت»", NULL);
  g_assert_cmpuint (quoted->people->len, ==, 2);

  /* "در" leading out of the title into a phrase is no name */
  none = accords_extract_article ("وزیر ارتباطات در جمع خبرنگاران گفت که شبکه ملی اطلاعات تا "
                                  "پایان سال تکمیل می‌شود.", NULL);
  g_assert_cmpuint (none->people->len, ==, 0);
}

static void
test_arabic_compound_given_name (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "محمد الطاهر": a given name with the article, then the family name */
  ex = accords_extract_article ("وشارك في الاجتماع السفير الجزائري لدى الأردن محمد الطاهر "
                                "الزواري وعدد من ممثلي الشركات الناشئة في قطاع البرمجيات.", NULL);
  assert_person (ex, "محمد الطاهر الزواري", NULL, "DZ");
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_more_titles (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "administradora": a title, then a surname joined with "de" */
  ex = accords_extract_article ("La administradora del puerto de Manzanillo, Lucía Pardo de "
                                "Vega, explicó el plan de conectividad a los visitantes.", NULL);
  assert_person (ex, "Lucía Pardo de Vega", NULL, NULL);
  g_assert_cmpuint (ex->people->len, ==, 1);
}

static void
test_particle_before_title_word (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) ex2 = NULL;

  /* after "Ould" a word the tables know as a title is the family name */
  ex = accords_extract_article ("The Mauritanian minister of digital economy, Sidi Brahim Ould "
                                "Sultan, met investors in Nouakchott to present the new fibre "
                                "backbone.", NULL);
  assert_person (ex, "Sidi Brahim Ould Sultan", NULL, "MR");
  g_assert_cmpuint (ex->people->len, ==, 1);

  /* a capitalised "Van" inside a sentence joins the name as well */
  ex2 = accords_extract_article ("The Belgian ambassador, Pieter Lammens Van Prince, opened the "
                                 "start-up fair on Tuesday.", NULL);
  assert_person (ex2, "Pieter Lammens Van Prince", NULL, "BE");
}

static void
test_field_list_and_counterpart (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "Puertos y Aeropuertos" ends a list of fields; "par" is a title */
  ex = accords_extract_article ("Se reunieron el ministro ecuatoriano de Transportes, Puertos y "
                                "Aeropuertos, Esteban Mora Lindo, y su par chilena, Ana Rojas "
                                "Fuentes, para hablar de cables submarinos.", NULL);
  assert_person (ex, "Esteban Mora Lindo",
                 "ministro ecuatoriano de Transportes, Puertos y Aeropuertos", "EC");
  assert_person (ex, "Ana Rojas Fuentes", NULL, "CL");
  g_assert_cmpuint (ex->people->len, ==, 2);
}

static void
test_russian_capitalised_complement (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "Национального": a capitalised adjective between a title and a body */
  ex = accords_extract_article ("Председатель Национального агентства связи Армении Тигран "
                                "Арутюнян и посол Франции обсудили в Ереване спутниковые "
                                "проекты.", NULL);
  assert_person (ex, "Тигран Арутюнян", "Председатель Национального агентства связи Армении",
                 "AM");
}

static void
test_byline_author_with_office (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) ex2 = NULL;
  g_autoptr(AccordsExtraction) ex3 = NULL;

  /* a note at the end gives the writer an office of a state */
  ex = accords_extract_article ("What our new data pact with Ghana means\n\n"
                                "By Ngozi Adeyemi\n\n"
                                "Last week I signed a memorandum on data centres in Accra. "
                                "It will change how our agencies share records.\n\n"
                                "The author is the Minister of Communications of Nigeria.", NULL);
  assert_person (ex, "Ngozi Adeyemi", "Minister of Communications of Nigeria", "NG");

  /* a writer with no such office stays a byline */
  ex2 = accords_extract_article ("What the new data pact means\n\n"
                                 "By Tomasz Wierzbicki\n\n"
                                 "The two ministers signed a memorandum on data centres.\n\n"
                                 "The writer is a senior fellow at a think tank in Warsaw.", NULL);
  g_assert_null (find_person (ex2, "Tomasz Wierzbicki"));

  /* a line above the byline that is only an office */
  ex3 = accords_extract_article ("Building bridges in cyberspace\n\n"
                                 "Kenya's Minister of ICT\n\n"
                                 "By Otieno Wambua\n\n"
                                 "Our delegation travelled to Kigali to talk about data.", NULL);
  assert_person (ex3, "Otieno Wambua", NULL, "KE");
}

static void
test_persian_meeting_and_ezafe (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) ex2 = NULL;
  g_autoptr(AccordsExtraction) ex3 = NULL;

  /* whoever "در دیدار با" someone is a person */
  ex = accords_extract_article ("به گزارش خبرنگار ما، بهرام نیک‌نام در دیدار با آنا پتروسیان، "
                                "وزیر اقتصاد ارمنستان، از گسترش همکاری‌های دیجیتال سخن گفت.",
                                NULL);
  assert_person (ex, "بهرام نیک‌نام", NULL, NULL);
  assert_person (ex, "آنا پتروسیان", NULL, "AM");

  /* "اجرای": a noun in ezafe before the name is not part of it */
  ex2 = accords_extract_article ("این برنامه به تصویب و اجرای مریم کرمانی، وزیر ارتباطات ایران، "
                                 "رسید و از ماه آینده آغاز می‌شود.", NULL);
  assert_person (ex2, "مریم کرمانی", NULL, "IR");
  g_assert_null (find_person (ex2, "اجرای مریم کرمانی"));

  /* after "به گفته مشاور وزیر،" a new clause starts, not a name */
  ex3 = accords_extract_article ("به گفته مشاور وزیر، ارزش صادرات خدمات فنی دو کشور "
                                 "امسال دو برابر شد.", NULL);
  g_assert_cmpuint (ex3->people->len, ==, 0);
}

static void
test_arabic_abd_compound_and_foreign_name (void)
{
  g_autoptr(AccordsExtraction) abd = NULL;
  g_autoptr(AccordsExtraction) foreign = NULL;

  /* "عبد الرحيم": the second part of the given name carries the article
   * and the family name still follows */
  abd = accords_extract_article ("أجرى وزير الاقتصاد الرقمي الأردني عبد الرحيم القاسمي أمس "
                                 "محادثات مع وفد من الشركات الناشئة حول الحوسبة السحابية.", NULL);
  assert_person (abd, "عبد الرحيم القاسمي", "وزير الاقتصاد الرقمي الأردني", "JO");
  g_assert_cmpuint (abd->people->len, ==, 1);

  /* "فالنتين": a foreign given name that reads like a word with a
   * preposition and the article, at the end of the complement */
  foreign = accords_extract_article ("والتقى الوفد بوزير الدولة البلغاري لشؤون الابتكار "
                                     "فالنتين ديميتروف، في صوفيا لمناقشة مشاريع الألياف "
                                     "الضوئية والمدن الذكية.", NULL);
  assert_person (foreign, "فالنتين ديميتروف", NULL, "BG");
  g_assert_cmpuint (foreign->people->len, ==, 1);
}

static void
test_persian_subject_of_meeting (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;
  g_autoptr(AccordsExtraction) none = NULL;

  /* the title alone first, the name later as the subject of "در این
   * نشست", a transliterated name joined with ZWNJ */
  ex = accords_extract_article ("سفیر اندونزی در تهران با مدیر سازمان نقشه‌برداری دیدار کرد. "
                                "به گزارش خبرگزاری دانشجویان، آدی ویرا‌کوسوما در این نشست گفت "
                                "جاکارتا به تصاویر ماهواره‌ای برای کشاورزی نیاز دارد.", NULL);
  g_assert_nonnull (find_person (ex, "آدی ویرا‌کوسوما"));
  g_assert_cmpuint (ex->people->len, ==, 1);

  /* plural nouns and a qualifier before the same words: no one */
  none = accords_extract_article ("سفیر اندونزی در تهران با مدیر سازمان نقشه‌برداری دیدار کرد. "
                                  "به گزارش خبرگزاری دانشجویان، کارشناسان فنی در این نشست و "
                                  "مقامات ارشد در این دیدار درباره شرکت‌های فضایی گفت‌وگو "
                                  "کردند.", NULL);
  g_assert_cmpuint (none->people->len, ==, 0);
}

static void
test_spanish_feminine_titles_and_country_in_name (void)
{
  g_autoptr(AccordsExtraction) ex = NULL;

  /* "comisionada", "intendenta"; "Mauricio" is also Mauritius */
  ex = accords_extract_article ("Los tres países acordaron el martes una agenda común. En la "
                                "reunión estuvieron la comisionada nacional de Gobierno "
                                "Digital de Panamá, Rosa Elena Quintero, la intendenta de "
                                "Aduanas de Costa Rica, Lidia Soto Vargas, y el viceministro de "
                                "Comunicaciones de Perú, Raúl Mauricio Paredes Soto, que "
                                "revisaron la agenda común de conectividad.", NULL);
  assert_person (ex, "Rosa Elena Quintero", "comisionada nacional de Gobierno Digital de Panamá",
                 "PA");
  assert_person (ex, "Lidia Soto Vargas", "intendenta de Aduanas de Costa Rica", "CR");
  assert_person (ex, "Raúl Mauricio Paredes Soto", "viceministro de Comunicaciones de Perú",
                 "PE");
  g_assert_cmpuint (ex->people->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/extract/people/title-and-demonym", test_title_and_demonym);
  g_test_add_func ("/extract/people/possessive-country", test_possessive_country);
  g_test_add_func ("/extract/people/appositive", test_appositive);
  g_test_add_func ("/extract/people/byline", test_byline);
  g_test_add_func ("/extract/people/same-person-twice", test_same_person_twice);
  g_test_add_func ("/extract/people/french-and-coordination", test_french_and_coordination);
  g_test_add_func ("/extract/people/arabic", test_arabic);
  g_test_add_func ("/extract/people/russian", test_russian);
  g_test_add_func ("/extract/people/organizations", test_organizations);
  g_test_add_func ("/extract/people/venue", test_venue);
  g_test_add_func ("/extract/people/video-conference", test_video_conference);
  g_test_add_func ("/extract/people/spanish-compound-surname", test_spanish_compound_surname);
  g_test_add_func ("/extract/people/spanish-organization-words", test_spanish_organization_words);
  g_test_add_func ("/extract/people/portuguese-secretary-of-state",
                   test_portuguese_secretary_of_state);
  g_test_add_func ("/extract/people/arabic-name-boundaries", test_arabic_name_boundaries);
  g_test_add_func ("/extract/people/persian-apposition", test_persian_apposition);
  g_test_add_func ("/extract/people/russian-deputy-minister", test_russian_deputy_minister);
  g_test_add_func ("/extract/people/russian-genitive-complement",
                   test_russian_genitive_complement);
  g_test_add_func ("/extract/people/persian-complement-and-quotes",
                   test_persian_complement_and_quotes);
  g_test_add_func ("/extract/people/arabic-compound-given-name", test_arabic_compound_given_name);
  g_test_add_func ("/extract/people/more-titles", test_more_titles);
  g_test_add_func ("/extract/people/particle-before-title-word",
                   test_particle_before_title_word);
  g_test_add_func ("/extract/people/field-list-and-counterpart",
                   test_field_list_and_counterpart);
  g_test_add_func ("/extract/people/russian-capitalised-complement",
                   test_russian_capitalised_complement);
  g_test_add_func ("/extract/people/byline-author-with-office", test_byline_author_with_office);
  g_test_add_func ("/extract/people/persian-meeting-and-ezafe", test_persian_meeting_and_ezafe);
  g_test_add_func ("/extract/people/arabic-abd-compound-and-foreign-name",
                   test_arabic_abd_compound_and_foreign_name);
  g_test_add_func ("/extract/people/persian-subject-of-meeting", test_persian_subject_of_meeting);
  g_test_add_func ("/extract/people/spanish-feminine-titles-and-country-in-name",
                   test_spanish_feminine_titles_and_country_in_name);

  return g_test_run ();
}
