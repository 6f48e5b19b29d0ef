/* accords-extract.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-extract"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "accords-country.h"
#include "accords-extract-private.h"
#include "accords-person.h"
#include "accords-source.h"
#include "accords-topic.h"

G_DEFINE_BOXED_TYPE (AccordsExtraction, accords_extraction,
                     accords_extraction_copy, accords_extraction_free)

#define TABLE_PATH "/io/github/accords/Accords/core/extract/"

/* Tables are read once per process and never freed. */
static GMutex      tables_lock;
static GHashTable *tables; /* name → JsonNode */

JsonObject *
_accords_extract_table (const char *name)
{
  JsonNode *root;

  _accords_core_ensure_resources ();
  g_mutex_lock (&tables_lock);

  if (tables == NULL)
    tables = g_hash_table_new (g_str_hash, g_str_equal);

  if (!g_hash_table_lookup_extended (tables, name, NULL, (gpointer *) &root))
    {
      g_autofree char *path = g_strconcat (TABLE_PATH, name, ".json", NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      root = NULL;
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes != NULL &&
          json_parser_load_from_data (parser,
                                      g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes),
                                      &error))
        {
          root = json_parser_steal_root (parser);
          if (!JSON_NODE_HOLDS_OBJECT (root))
            {
              g_warning ("Extraction table %s is not a JSON object", name);
              g_clear_pointer (&root, json_node_unref);
            }
        }
      else
        g_warning ("Cannot read extraction table %s: %s", name, error->message);

      g_hash_table_insert (tables, g_strdup (name), root);
    }

  g_mutex_unlock (&tables_lock);

  return root != NULL ? json_node_get_object (root) : NULL;
}

void
_accords_extract_add_span (AccordsExtraction  *ex,
                           AccordsExtractField field,
                           gsize               start,
                           gsize               end)
{
  AccordsExtractSpan span = { field, start, end };

  g_return_if_fail (start <= end);

  g_array_append_val (ex->spans, span);
}

void
_accords_extract_add_warning (AccordsExtraction *ex,
                              const char        *format,
                              ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (ex->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

void
_accords_extract_add_unique (GPtrArray  *array,
                             const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), value) == 0)
      return;

  g_ptr_array_add (array, g_strdup (value));
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || c == '_';
}

gboolean
_accords_extract_word_start (const char *text,
                             gsize       offset)
{
  const char *prev;

  if (offset == 0)
    return TRUE;

  prev = g_utf8_find_prev_char (text, text + offset);

  return prev == NULL || !is_word_char (g_utf8_get_char (prev));
}

gboolean
_accords_extract_word_end (const char *text,
                           gsize       offset)
{
  return text[offset] == '\0' || !is_word_char (g_utf8_get_char (text + offset));
}

/* Language: the script decides Arabic/Persian and Russian; among Latin
 * texts the language whose common words ("languages" table) occur most. */

static const char *
detect_language (const char *text)
{
  guint latin = 0, arabic = 0, persian = 0, cyrillic = 0;
  JsonObject *table;
  g_autoptr(GHashTable) counts = NULL;
  const char *best = NULL;
  guint best_count = 0;
  g_autofree char *lower = NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x80)
        latin += g_ascii_isalpha (c) ? 1 : 0;
      else if (c >= 0x0600 && c <= 0x06FF)
        {
          arabic++;
          /* پ چ ژ گ ک ی are Persian letters Arabic does not use */
          if (c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF ||
              c == 0x06A9 || c == 0x06CC)
            persian++;
        }
      else if (c >= 0x0400 && c <= 0x04FF)
        cyrillic++;
      else if (g_unichar_isalpha (c) && c < 0x0250)
        latin++;
    }

  if (arabic > latin && arabic >= cyrillic)
    return persian * 50 > arabic ? "fa" : "ar";
  if (cyrillic > latin)
    return "ru";
  if (latin == 0)
    return NULL;

  table = _accords_extract_table ("languages");
  if (table == NULL)
    return NULL;

  lower = g_utf8_strdown (text, -1);
  counts = g_hash_table_new (g_str_hash, g_str_equal);

  {
    g_autoptr(GList) members = json_object_get_members (table);

    for (const GList *l = members; l != NULL; l = l->next)
      {
        const char *lang = l->data;
        JsonArray *words = json_object_get_array_member (table, lang);
        guint count = 0;

        for (guint i = 0; words != NULL && i < json_array_get_length (words); i++)
          {
            const char *word = json_array_get_string_element (words, i);
            gsize len = strlen (word);

            for (const char *hit = strstr (lower, word); hit != NULL; hit = strstr (hit + len, word))
              if (_accords_extract_word_start (lower, hit - lower) &&
                  _accords_extract_word_end (lower, hit - lower + len))
                count++;
          }

        if (count > best_count)
          {
            best_count = count;
            best = lang;
          }
      }
  }

  /* interned: the table outlives every extraction */
  return best != NULL ? g_intern_string (best) : NULL;
}

/* Paragraphs: runs of text separated by blank lines (or single newlines
 * when the article uses no blank lines). */

static GPtrArray *
split_paragraphs (const char *text)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line != '\0')
        g_ptr_array_add (paragraphs, g_steal_pointer (&line));
    }

  return paragraphs;
}

static gboolean
looks_like_date_header (const char *line,
                        const char *publish_date)
{
  /* a line that is short and holds a year: "Tuesday, November 26, 2019" */
  if (g_utf8_strlen (line, -1) > 48)
    return FALSE;
  for (const char *p = line; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
        g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]))
      return TRUE;
  return FALSE;
}

static gboolean
looks_like_headline (const char *line)
{
  glong len = g_utf8_strlen (line, -1);
  const char *last;

  if (len < 12 || len > 160)
    return FALSE;

  last = g_utf8_prev_char (line + strlen (line));
  /* headlines do not end a sentence */
  return strchr (".:;,", *last) == NULL;
}

/* The lead: the first paragraph that reads as running text, without the
 * " date YYYY-MM-DD" prefix or a dateline. */
static void
find_headline_and_lead (AccordsExtraction *ex,
                        char             **lead)
{
  g_autoptr(GPtrArray) paragraphs = split_paragraphs (ex->text);

  *lead = NULL;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const char *p = g_ptr_array_index (paragraphs, i);

      if (g_str_has_prefix (p, "date ") && strlen (p) >= 15 &&
          g_ascii_isdigit (p[5]))
        {
          p += 15;
          while (g_ascii_isspace (*p))
            p++;
          if (*p == '\0')
            continue;
        }
      else if (looks_like_date_header (p, ex->publish_date))
        continue;
      else if (ex->headline == NULL && *lead == NULL && looks_like_headline (p))
        {
          ex->headline = g_strdup (p);
          continue;
        }
      else if (g_utf8_strlen (p, -1) < 60)
        continue; /* bylines, captions */

      *lead = g_strdup (p);
      break;
    }
}

static char *
summary_from_lead (const char *lead)
{
  const char *start = lead;
  const char *cut;
  GString *summary;

  if (lead == NULL)
    return NULL;

  /* drop a dateline: "LONDON, Nov 2 (WAM) -- " or "Rabat – " */
  {
    const char *dash = strstr (lead, " -- ");
    const char *en_dash = strstr (lead, " – ");

    if (dash != NULL && dash - lead < 60)
      start = dash + 4;
    else if (en_dash != NULL && en_dash - lead < 40)
      start = en_dash + strlen (" – ");
  }

  /* at most two sentences, and not much more than 400 characters */
  summary = g_string_new (NULL);
  cut = start;
  for (guint sentences = 0; *cut != '\0' && sentences < 2;)
    {
      const char *end = cut;

      while (*end != '\0' && !((*end == '.' || *end == '!' || *end == '?') &&
                               (end[1] == ' ' || end[1] == '\0')))
        end++;
      if (*end != '\0')
        end++;
      if (summary->len > 0 && summary->len + (end - cut) > 420)
        break;
      g_string_append_len (summary, cut, end - cut);
      sentences++;
      cut = end;
    }

  return g_strstrip (g_string_free (summary, FALSE));
}

static const char *
kind_phrase (const AccordsExtraction *ex)
{
  if (!ex->has_kind)
    return NULL;

  switch (ex->kind)
    {
    case ACCORDS_KIND_MOU_SIGNED:
      return _("memorandum");
    case ACCORDS_KIND_AGREEMENT_SIGNED:
      return _("agreement");
    case ACCORDS_KIND_MEETING:
      return _("talks");
    case ACCORDS_KIND_VISIT:
      return _("visit");
    case ACCORDS_KIND_STATEMENT:
      return _("joint statement");
    case ACCORDS_KIND_OPINION:
      return _("opinion");
    case ACCORDS_KIND_ANNOUNCEMENT:
      return _("announcement");
    default:
      return NULL;
    }
}

/* "Cloud computing" → "cloud computing" inside a title; "5G and …" and
 * acronyms stay as they are. */
static char *
lower_first (const char *label)
{
  gunichar first = g_utf8_get_char (label);
  const char *rest = g_utf8_next_char (label);
  GString *lowered;

  if (!g_unichar_isupper (first) || g_unichar_isupper (g_utf8_get_char (rest)))
    return g_strdup (label);

  lowered = g_string_new (NULL);
  g_string_append_unichar (lowered, g_unichar_tolower (first));
  g_string_append (lowered, rest);

  return g_string_free (lowered, FALSE);
}

static char *
make_title (const AccordsExtraction *ex)
{
  GString *title = g_string_new (NULL);
  const char *phrase = kind_phrase (ex);

  for (guint i = 0; i < ex->parties->len; i++)
    {
      g_autofree char *name = accords_country_dup_localized_name (g_ptr_array_index (ex->parties, i));

      if (i > 0)
        g_string_append (title, "–");
      g_string_append (title, name);
    }

  if (phrase != NULL)
    {
      if (title->len > 0)
        g_string_append (title, ": ");
      if (ex->topics->len > 0)
        {
          g_autofree char *topic = lower_first (accords_topic_get_label_for (g_ptr_array_index (ex->topics, 0)));

          if (ex->kind == ACCORDS_KIND_VISIT)
            /* Translators: a record's generated title, e.g. "visit focused on cloud computing" */
            g_string_append_printf (title, _("visit focused on %s"), topic);
          else
            /* Translators: a record's generated title, e.g. "memorandum on cloud computing" */
            g_string_append_printf (title, _("%s on %s"), phrase, topic);
        }
      else
        g_string_append (title, phrase);
    }

  if (title->len == 0 && ex->headline != NULL)
    g_string_append (title, ex->headline);

  return g_string_free (title, title->len == 0);
}

static AccordsExtraction *
extraction_new (void)
{
  AccordsExtraction *ex = g_new0 (AccordsExtraction, 1);

  ex->parties = g_ptr_array_new_with_free_func (g_free);
  ex->mentioned = g_ptr_array_new_with_free_func (g_free);
  ex->people = g_ptr_array_new_with_free_func (g_object_unref);
  ex->organizations = g_ptr_array_new_with_free_func (g_free);
  ex->topics = g_ptr_array_new_with_free_func (g_free);
  ex->spans = g_array_new (FALSE, FALSE, sizeof (AccordsExtractSpan));
  ex->warnings = g_ptr_array_new_with_free_func (g_free);
  ex->date_precision = ACCORDS_DATE_PRECISION_DAY;
  ex->date_qualifier = ACCORDS_DATE_QUALIFIER_EXACT;

  return ex;
}

/**
 * accords_extract_article:
 * @text: the article, valid UTF-8
 * @file: (nullable): the base name of the file it came from
 *
 * Reads one news report and proposes a record: dates, parties and
 * mentioned countries, people, organisations, venue, topics, kind, a title
 * and a summary. Thread-safe; does no I/O besides the built-in tables.
 *
 * Returns: (transfer full): what was found
 */
AccordsExtraction *
accords_extract_article (const char *text,
                         const char *file)
{
  AccordsExtraction *ex;
  g_autofree char *lead = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  ex = extraction_new ();
  ex->text = g_strdup (text);
  ex->file = g_strdup (file);
  ex->language = g_strdup (detect_language (text));

  _accords_extract_dates (ex);
  _accords_extract_countries (ex);
  _accords_extract_people (ex);
  _accords_extract_kind (ex);

  find_headline_and_lead (ex, &lead);
  ex->summary = summary_from_lead (lead);
  ex->title = make_title (ex);

  return ex;
}

static GPtrArray *
copy_strings (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_new_full (array->len, g_free);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (array, i)));

  return copy;
}

AccordsExtraction *
accords_extraction_copy (const AccordsExtraction *self)
{
  AccordsExtraction *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  copy->file = g_strdup (self->file);
  copy->language = g_strdup (self->language);
  copy->headline = g_strdup (self->headline);
  copy->publish_date = g_strdup (self->publish_date);
  copy->publish_date_form = g_strdup (self->publish_date_form);
  copy->event_date = g_strdup (self->event_date);
  copy->event_end = g_strdup (self->event_end);
  copy->date_as_reported = g_strdup (self->date_as_reported);
  copy->parties = copy_strings (self->parties);
  copy->mentioned = copy_strings (self->mentioned);
  copy->people = g_ptr_array_new_full (self->people->len, g_object_unref);
  for (guint i = 0; i < self->people->len; i++)
    g_ptr_array_add (copy->people, g_object_ref (g_ptr_array_index (self->people, i)));
  copy->organizations = copy_strings (self->organizations);
  copy->venue_city = g_strdup (self->venue_city);
  copy->venue_country = g_strdup (self->venue_country);
  copy->venue_forum = g_strdup (self->venue_forum);
  copy->topics = copy_strings (self->topics);
  copy->title = g_strdup (self->title);
  copy->summary = g_strdup (self->summary);
  copy->spans = g_array_copy (self->spans);
  copy->warnings = copy_strings (self->warnings);

  return copy;
}

void
accords_extraction_free (AccordsExtraction *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->file);
  g_free (self->language);
  g_free (self->headline);
  g_free (self->publish_date);
  g_free (self->publish_date_form);
  g_free (self->event_date);
  g_free (self->event_end);
  g_free (self->date_as_reported);
  g_ptr_array_unref (self->parties);
  g_ptr_array_unref (self->mentioned);
  g_ptr_array_unref (self->people);
  g_ptr_array_unref (self->organizations);
  g_free (self->venue_city);
  g_free (self->venue_country);
  g_free (self->venue_forum);
  g_ptr_array_unref (self->topics);
  g_free (self->title);
  g_free (self->summary);
  g_array_unref (self->spans);
  g_ptr_array_unref (self->warnings);
  g_free (self);
}

static const char **
strv_of (GPtrArray *array)
{
  const char **strv = g_new0 (const char *, array->len + 1);

  for (guint i = 0; i < array->len; i++)
    strv[i] = g_ptr_array_index (array, i);

  return strv;
}

/**
 * accords_extraction_to_record:
 * @self: an extraction
 *
 * A new record (origin "import", no uid yet) with what was extracted and
 * the article as its one source.
 *
 * Returns: (transfer full): the record
 */
AccordsRecord *
accords_extraction_to_record (const AccordsExtraction *self)
{
  AccordsRecord *record = accords_record_new ();
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autofree const char **parties = strv_of (self->parties);
  g_autofree const char **mentioned = strv_of (self->mentioned);
  g_autofree const char **topics = strv_of (self->topics);
  g_autofree const char **organizations = strv_of (self->organizations);

  accords_record_set_title (record, self->title);
  if (self->has_kind)
    accords_record_set_kind (record, self->kind);
  accords_record_set_event_date (record, self->event_date);
  accords_record_set_event_end (record, self->event_end);
  accords_record_set_date_precision (record, self->date_precision);
  accords_record_set_date_qualifier (record, self->date_qualifier);
  accords_record_set_date_as_reported (record, self->date_as_reported);
  accords_record_set_venue_city (record, self->venue_city);
  accords_record_set_venue_country (record, self->venue_country);
  accords_record_set_venue_forum (record, self->venue_forum);
  accords_record_set_venue_virtual (record, self->venue_virtual);
  accords_record_set_summary (record, self->summary);
  accords_record_set_origin (record, ACCORDS_ORIGIN_IMPORT);
  accords_record_set_parties (record, parties);
  accords_record_set_mentioned (record, mentioned);
  accords_record_set_topics (record, topics);
  accords_record_set_organizations (record, organizations);

  for (guint i = 0; i < self->people->len; i++)
    accords_record_add_person (record, g_ptr_array_index (self->people, i));

  accords_source_set_title (source, self->headline);
  accords_source_set_published (source, self->publish_date);
  accords_source_set_language (source, self->language);
  accords_source_set_file (source, self->file);
  accords_source_set_text (source, self->text);
  accords_record_add_source (record, source);

  return record;
}

/* Same event: the same party countries, and event dates (the publish date
 * where there is none) at most a few days apart. Two signings are one
 * event only when they are at most a day apart: two different memoranda
 * between the same countries are two events. */

static gboolean
is_signing (AccordsRecord *record)
{
  AccordsKind kind = accords_record_get_kind (record);

  return kind == ACCORDS_KIND_MOU_SIGNED || kind == ACCORDS_KIND_AGREEMENT_SIGNED;
}

static gboolean
same_parties (AccordsRecord *a,
              AccordsRecord *b)
{
  const char * const *pa = accords_record_get_parties (a);
  const char * const *pb = accords_record_get_parties (b);

  if (pa == NULL || pb == NULL || g_strv_length ((char **) pa) < 2 ||
      g_strv_length ((char **) pa) != g_strv_length ((char **) pb))
    return FALSE;

  for (guint i = 0; pa[i] != NULL; i++)
    if (!g_strv_contains (pb, pa[i]))
      return FALSE;

  return TRUE;
}

gboolean
accords_records_same_event (AccordsRecord *a,
                            AccordsRecord *b)
{
  GDate da, db;
  gint days;
  const char *end_a, *end_b;

  g_return_val_if_fail (ACCORDS_IS_RECORD (a), FALSE);
  g_return_val_if_fail (ACCORDS_IS_RECORD (b), FALSE);

  if (!same_parties (a, b))
    return FALSE;
  if (_accords_date_scan (accords_record_get_known_date (a), &da) == 0 ||
      _accords_date_scan (accords_record_get_known_date (b), &db) == 0)
    return FALSE;

  days = ABS (g_date_days_between (&da, &db));

  /* a multi-day visit covers the days it lasts */
  end_a = accords_record_get_event_end (a);
  end_b = accords_record_get_event_end (b);
  if (end_a != NULL || end_b != NULL)
    {
      GDate ea, eb;

      if (_accords_date_scan (end_a, &ea) == 0)
        ea = da;
      if (_accords_date_scan (end_b, &eb) == 0)
        eb = db;
      if (g_date_compare (&da, &eb) <= 0 && g_date_compare (&db, &ea) <= 0)
        days = 0;
    }

  if (is_signing (a) && is_signing (b))
    return days <= 1;

  return days <= 4;
}

/**
 * accords_extract_fold_name:
 * @name: a person's name
 *
 * The key under which two spellings of one name meet: lower case, without
 * accents, marks or punctuation, words separated by one space.
 *
 * Returns: (transfer full): the folded name
 */
char *
accords_extract_fold_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKD);
  GString *folded = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, g_unichar_tolower (c));
      else if (folded->len > 0 && folded->str[folded->len - 1] != ' ')
        g_string_append_c (folded, ' ');
    }

  return g_strstrip (g_string_free (folded, FALSE));
}
