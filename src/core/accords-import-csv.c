/* accords-import-csv.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "accords-annotation.h"
#include "accords-country.h"
#include "accords-enums.h"
#include "accords-import-private.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"

/* Reads back what accords-export-csv.c writes: RFC 4180 with a header row,
 * lists joined with "; ", and a leading apostrophe on cells a spreadsheet
 * would take for a formula. Columns may come in any order and any of them
 * but the required ones may be left out, so that a table made by hand
 * imports too; a column we do not know is an error rather than data
 * silently dropped. Messages say "file:line:", the line being the
 * physical line where the row starts (a quoted cell may span lines). */

#define LIST_SEPARATOR "; "

/* The writer prefixes an apostrophe to cells starting with one of these. */
#define FORMULA_STARTS "=+-@\t\r"

typedef enum
{
  COLUMN_UID,
  COLUMN_EVENT_DATE,
  COLUMN_EVENT_END,
  COLUMN_DATE_PRECISION,
  COLUMN_DATE_QUALIFIER,
  COLUMN_DATE_AS_REPORTED,
  COLUMN_KIND,
  COLUMN_TITLE,
  COLUMN_PARTIES,
  COLUMN_PARTY_NAMES,
  COLUMN_MENTIONED,
  COLUMN_VENUE_CITY,
  COLUMN_VENUE_COUNTRY,
  COLUMN_VENUE_FORUM,
  COLUMN_VENUE_VIRTUAL,
  COLUMN_PEOPLE,
  COLUMN_ORGANIZATIONS,
  COLUMN_TOPICS,
  COLUMN_SUMMARY,
  COLUMN_SOURCE_TITLES,
  COLUMN_SOURCE_URLS,
  COLUMN_STARRED,
  COLUMN_REVIEW,
  COLUMN_TAGS,
  COLUMN_NOTE,
  N_COLUMNS
} Column;

/* The writer's columns, in its order. The JSON schema requires a title
 * and a kind; so does this. party_names is the localised spelling of
 * parties, written for people reading the table: it is accepted and
 * ignored. */
static const struct
{
  const char *name;
  gboolean    required;
} columns[N_COLUMNS] = {
  [COLUMN_UID] = { "uid", FALSE },
  [COLUMN_EVENT_DATE] = { "event_date", FALSE },
  [COLUMN_EVENT_END] = { "event_end", FALSE },
  [COLUMN_DATE_PRECISION] = { "date_precision", FALSE },
  [COLUMN_DATE_QUALIFIER] = { "date_qualifier", FALSE },
  [COLUMN_DATE_AS_REPORTED] = { "date_as_reported", FALSE },
  [COLUMN_KIND] = { "kind", TRUE },
  [COLUMN_TITLE] = { "title", TRUE },
  [COLUMN_PARTIES] = { "parties", FALSE },
  [COLUMN_PARTY_NAMES] = { "party_names", FALSE },
  [COLUMN_MENTIONED] = { "mentioned", FALSE },
  [COLUMN_VENUE_CITY] = { "venue_city", FALSE },
  [COLUMN_VENUE_COUNTRY] = { "venue_country", FALSE },
  [COLUMN_VENUE_FORUM] = { "venue_forum", FALSE },
  [COLUMN_VENUE_VIRTUAL] = { "venue_virtual", FALSE },
  [COLUMN_PEOPLE] = { "people", FALSE },
  [COLUMN_ORGANIZATIONS] = { "organizations", FALSE },
  [COLUMN_TOPICS] = { "topics", FALSE },
  [COLUMN_SUMMARY] = { "summary", FALSE },
  [COLUMN_SOURCE_TITLES] = { "source_titles", FALSE },
  [COLUMN_SOURCE_URLS] = { "source_urls", FALSE },
  [COLUMN_STARRED] = { "starred", FALSE },
  [COLUMN_REVIEW] = { "review", FALSE },
  [COLUMN_TAGS] = { "tags", FALSE },
  [COLUMN_NOTE] = { "note", FALSE },
};

typedef struct
{
  char     *text;
  gboolean  quoted;
} Cell;

typedef struct
{
  const char   *data;
  gsize         length;
  gsize         pos;
  guint         line;       /* physical line of data[pos], from 1 */
  const char   *file_name;
} Scanner;

typedef struct
{
  const char   *file_name;
  GPtrArray    *notes;
  int           index[N_COLUMNS]; /* cell of each column, -1 when absent */
  guint         n_cells;          /* cells in the header row */
  gboolean      noted_sources;
} Reader;

static void set_error (GError     **error,
                       const char  *file_name,
                       guint        line,
                       const char  *format,
                       ...) G_GNUC_PRINTF (4, 5);

static void
set_error (GError     **error,
           const char  *file_name,
           guint        line,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_CSV,
               "%s:%u: %s", file_name, line, message);
}

static void
set_column_error (GError     **error,
                  Reader      *reader,
                  guint        line,
                  Column       column,
                  const char  *message)
{
  /* Translators: the first %s is a column name such as "event_date", the
   * second says what is wrong with its value */
  set_error (error, reader->file_name, line, _("column “%s”: %s"),
             columns[column].name, message);
}

static void
cell_clear (Cell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

/* Bytes of the line break at @pos: 2 for CR LF, 1 for LF or a lone CR,
 * 0 when there is none. */
static gsize
line_break_at (const Scanner *scanner,
               gsize          pos)
{
  if (pos >= scanner->length)
    return 0;
  if (scanner->data[pos] == '\n')
    return 1;
  if (scanner->data[pos] != '\r')
    return 0;
  if (pos + 1 < scanner->length && scanner->data[pos + 1] == '\n')
    return 2;
  return 1;
}

static gboolean
read_quoted_cell (Scanner  *scanner,
                  GString  *text,
                  GError  **error)
{
  guint open_line = scanner->line;

  g_assert (scanner->data[scanner->pos] == '"');
  scanner->pos++;

  for (;;)
    {
      gsize brk;

      if (scanner->pos >= scanner->length)
        {
          set_error (error, scanner->file_name, open_line,
                     _("a quoted cell starts on this line but its closing quote is missing"));
          return FALSE;
        }

      if (scanner->data[scanner->pos] == '"')
        {
          if (scanner->pos + 1 < scanner->length && scanner->data[scanner->pos + 1] == '"')
            {
              g_string_append_c (text, '"');
              scanner->pos += 2;
              continue;
            }

          scanner->pos++;
          break;
        }

      /* Line breaks inside quotes are data, kept as they are; they
       * still move the line count on. */
      brk = line_break_at (scanner, scanner->pos);
      if (brk > 0)
        {
          g_string_append_len (text, scanner->data + scanner->pos, brk);
          scanner->pos += brk;
          scanner->line++;
          continue;
        }

      g_string_append_c (text, scanner->data[scanner->pos]);
      scanner->pos++;
    }

  if (scanner->pos < scanner->length &&
      scanner->data[scanner->pos] != ',' &&
      line_break_at (scanner, scanner->pos) == 0)
    {
      set_error (error, scanner->file_name, scanner->line,
                 _("there is text after the closing quote of a cell; a quote inside "
                   "a quoted cell must be doubled"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_plain_cell (Scanner  *scanner,
                 GString  *text,
                 GError  **error)
{
  gsize start = scanner->pos;

  while (scanner->pos < scanner->length &&
         scanner->data[scanner->pos] != ',' &&
         line_break_at (scanner, scanner->pos) == 0)
    {
      if (scanner->data[scanner->pos] == '"')
        {
          set_error (error, scanner->file_name, scanner->line,
                     _("a cell has a quote but does not start with one; a cell that "
                       "holds quotes must be in quotes, with each quote doubled"));
          return FALSE;
        }
      scanner->pos++;
    }

  g_string_append_len (text, scanner->data + start, scanner->pos - start);

  return TRUE;
}

/* Reads the next row into @cells, skipping blank lines. Sets *@found to
 * FALSE at the end of the data; *@row_line to the line the row starts on. */
static gboolean
read_row (Scanner  *scanner,
          GArray   *cells,
          guint    *row_line,
          gboolean *found,
          GError  **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gsize brk;

  g_array_set_size (cells, 0);
  *found = FALSE;

  while ((brk = line_break_at (scanner, scanner->pos)) > 0)
    {
      scanner->pos += brk;
      scanner->line++;
    }

  if (scanner->pos >= scanner->length)
    return TRUE;

  *found = TRUE;
  *row_line = scanner->line;

  for (;;)
    {
      Cell cell = { NULL, FALSE };

      g_string_truncate (text, 0);

      if (scanner->pos < scanner->length && scanner->data[scanner->pos] == '"')
        {
          cell.quoted = TRUE;
          if (!read_quoted_cell (scanner, text, error))
            return FALSE;
        }
      else if (!read_plain_cell (scanner, text, error))
        {
          return FALSE;
        }

      /* Undo the writer's formula guard. It always quotes a guarded
       * cell, so an unquoted "'=…" is the user's own text. */
      if (cell.quoted && text->len >= 2 && text->str[0] == '\'' &&
          strchr (FORMULA_STARTS, text->str[1]) != NULL)
        g_string_erase (text, 0, 1);

      cell.text = g_strndup (text->str, text->len);
      g_array_append_val (cells, cell);

      if (scanner->pos < scanner->length && scanner->data[scanner->pos] == ',')
        {
          scanner->pos++;
          continue;
        }

      brk = line_break_at (scanner, scanner->pos);
      scanner->pos += brk;
      if (brk > 0)
        scanner->line++;

      return TRUE;
    }
}

static int
find_column (const char *name)
{
  g_autofree char *key = g_ascii_strdown (name, -1);

  g_strstrip (key);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (strcmp (key, columns[i].name) == 0)
        return i;
    }

  return -1;
}

static char *
list_columns (void)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append (list, ", ");
      g_string_append (list, columns[i].name);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
read_header (Reader  *reader,
             GArray  *cells,
             guint    line,
             GError **error)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    reader->index[i] = -1;

  for (guint i = 0; i < cells->len; i++)
    {
      const char *name = g_array_index (cells, Cell, i).text;
      int column = find_column (name);

      if (column < 0)
        {
          g_autofree char *known = list_columns ();

          /* Translators: the second %s lists the column names */
          set_error (error, reader->file_name, line,
                     _("unknown column “%s”; the columns of an Accords table are %s"),
                     name, known);
          return FALSE;
        }

      if (reader->index[column] >= 0)
        {
          set_error (error, reader->file_name, line,
                     _("the column “%s” appears twice"), columns[column].name);
          return FALSE;
        }

      reader->index[column] = i;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (columns[i].required && reader->index[i] < 0)
        {
          set_error (error, reader->file_name, line,
                     _("the column “%s” is missing"), columns[i].name);
          return FALSE;
        }
    }

  reader->n_cells = cells->len;

  return TRUE;
}

/* The text of @column in this row; "" when the file has no such column. */
static const char *
get_cell (Reader *reader,
          GArray *cells,
          Column  column)
{
  if (reader->index[column] < 0)
    return "";

  return g_array_index (cells, Cell, reader->index[column]).text;
}

static char *
dup_text (Reader *reader,
          GArray *cells,
          Column  column)
{
  const char *text = get_cell (reader, cells, column);

  return text[0] != '\0' ? g_strdup (text) : NULL;
}

/* Splits a "; "-joined cell. With @loose (codes and ids, which hold no
 * spaces) a bare ";" separates too and items are trimmed. Empty items are
 * dropped unless @keep_empty (lists that pair up by position). */
static GPtrArray *
split_list (const char *text,
            gboolean    loose,
            gboolean    keep_empty)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (text[0] == '\0')
    return items;

  parts = g_strsplit (text, loose ? ";" : LIST_SEPARATOR, -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (loose)
        g_strstrip (parts[i]);
      if (parts[i][0] == '\0' && !keep_empty)
        continue;
      g_ptr_array_add (items, g_steal_pointer (&parts[i]));
    }

  return items;
}

static gboolean
contains_string (GPtrArray  *array,
                 const char *text,
                 gboolean    ignore_case)
{
  for (guint i = 0; i < array->len; i++)
    {
      const char *item = g_ptr_array_index (array, i);

      if (ignore_case ? g_ascii_strcasecmp (item, text) == 0 : strcmp (item, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
read_date (Reader  *reader,
           GArray  *cells,
           guint    line,
           Column   column,
           char   **value,
           GError **error)
{
  const char *text = get_cell (reader, cells, column);

  *value = NULL;

  if (text[0] == '\0')
    return TRUE;

  if (!_accords_is_iso_date (text))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("“%s” is not a valid date of the form YYYY-MM-DD"), text);
      set_column_error (error, reader, line, column, message);
      return FALSE;
    }

  *value = g_strdup (text);

  return TRUE;
}

/* Reads an id among the nicks of @enum_type: @fallback when the cell is
 * empty, unless @required. */
static gboolean
read_enum (Reader   *reader,
           GArray   *cells,
           guint     line,
           Column    column,
           GType     enum_type,
           gboolean  required,
           int       fallback,
           int      *value,
           GError  **error)
{
  const char *text = get_cell (reader, cells, column);
  g_autofree char *ids = NULL;
  g_autofree char *message = NULL;

  if (text[0] == '\0')
    {
      if (required)
        {
          set_column_error (error, reader, line, column, _("a value is required"));
          return FALSE;
        }

      *value = fallback;
      return TRUE;
    }

  if (_accords_enum_from_nick (enum_type, text, value, &ids))
    return TRUE;

  /* Translators: the second %s is a list of ids such as "day, month, year" */
  message = g_strdup_printf (_("“%s” is not one of %s"), text, ids);
  set_column_error (error, reader, line, column, message);

  return FALSE;
}

static gboolean
read_boolean (Reader    *reader,
              GArray    *cells,
              guint      line,
              Column     column,
              gboolean  *value,
              GError   **error)
{
  const char *text = get_cell (reader, cells, column);
  g_autofree char *message = NULL;

  if (text[0] == '\0' || g_ascii_strcasecmp (text, "false") == 0 || strcmp (text, "0") == 0)
    {
      *value = FALSE;
      return TRUE;
    }

  if (g_ascii_strcasecmp (text, "true") == 0 || strcmp (text, "1") == 0)
    {
      *value = TRUE;
      return TRUE;
    }

  message = g_strdup_printf (_("“%s” is not true or false"), text);
  set_column_error (error, reader, line, column, message);

  return FALSE;
}

/* Checks @code against the country list and returns it in upper case. */
static char *
check_country (Reader      *reader,
               guint        line,
               Column       column,
               const char  *code,
               GError     **error)
{
  AccordsCountry *country = accords_country_lookup_code (code);
  g_autofree char *message = NULL;

  if (country != NULL)
    return g_strdup (accords_country_get_code (country));

  message = g_strdup_printf (_("“%s” is not a known country code (two letters, such as FR)"),
                             code);
  set_column_error (error, reader, line, column, message);

  return NULL;
}

/* Reads a list of country codes, each kept once. Returns a NULL-terminated
 * array. */
static gboolean
read_countries (Reader      *reader,
                GArray      *cells,
                guint        line,
                Column       column,
                GPtrArray  **value,
                GError     **error)
{
  g_autoptr(GPtrArray) items = split_list (get_cell (reader, cells, column), TRUE, FALSE);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *code = check_country (reader, line, column,
                                             g_ptr_array_index (items, i), error);

      if (code == NULL)
        return FALSE;
      if (!contains_string (codes, code, FALSE))
        g_ptr_array_add (codes, g_steal_pointer (&code));
    }

  g_ptr_array_add (codes, NULL);
  *value = g_steal_pointer (&codes);

  return TRUE;
}

/* Undoes "Name (role) [CC]"; the role and the country are optional. */
static AccordsPerson *
parse_person (const char *text)
{
  g_autofree char *name = g_strdup (text);
  g_autofree char *role = NULL;
  char country[3] = { 0, };
  gsize length = strlen (name);

  if (length >= 5 && name[length - 1] == ']' && name[length - 4] == '[' &&
      name[length - 5] == ' ' &&
      g_ascii_isalpha (name[length - 3]) && g_ascii_isalpha (name[length - 2]))
    {
      country[0] = g_ascii_toupper (name[length - 3]);
      country[1] = g_ascii_toupper (name[length - 2]);
      length -= 5;
      name[length] = '\0';
    }

  if (length > 0 && name[length - 1] == ')')
    {
      guint depth = 0;

      /* The role's own parentheses nest inside the ones we added. */
      for (gsize i = length; i-- > 0;)
        {
          if (name[i] == ')')
            depth++;
          else if (name[i] == '(' && --depth == 0)
            {
              if (i > 0 && name[i - 1] == ' ')
                {
                  role = g_strndup (name + i + 1, length - i - 2);
                  name[i - 1] = '\0';
                }
              break;
            }
        }
    }

  g_strstrip (name);
  if (name[0] == '\0')
    return NULL;

  return accords_person_new (name, role != NULL && role[0] != '\0' ? role : NULL,
                             country[0] != '\0' ? country : NULL);
}

static gboolean
read_people (Reader         *reader,
             GArray         *cells,
             guint           line,
             AccordsRecord  *record,
             GError        **error)
{
  g_autoptr(GPtrArray) items = split_list (get_cell (reader, cells, COLUMN_PEOPLE),
                                           FALSE, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      const char *text = g_ptr_array_index (items, i);
      g_autoptr(AccordsPerson) person = parse_person (text);

      if (person == NULL)
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” has no name; a person is written "
                                       "“Name (role) [country code]”"), text);
          set_column_error (error, reader, line, COLUMN_PEOPLE, message);
          return FALSE;
        }

      accords_record_add_person (record, person);
    }

  return TRUE;
}

/* Pairs source_titles with source_urls by position. A title that itself
 * holds "; " breaks the pairing; then the addresses are kept without
 * titles, and the user is told. */
static void
read_sources (Reader        *reader,
              GArray        *cells,
              AccordsRecord *record)
{
  const char *title_cell = get_cell (reader, cells, COLUMN_SOURCE_TITLES);
  const char *url_cell = get_cell (reader, cells, COLUMN_SOURCE_URLS);
  g_autoptr(GPtrArray) titles = split_list (title_cell, FALSE, TRUE);
  g_autoptr(GPtrArray) urls = split_list (url_cell, FALSE, TRUE);
  guint n_sources = MAX (titles->len, urls->len);
  gboolean paired = TRUE;

  if (titles->len != urls->len && titles->len > 0 && urls->len > 0)
    {
      if (urls->len == 1)
        {
          /* One address: the whole cell is its title. */
          g_ptr_array_set_size (titles, 0);
          g_ptr_array_add (titles, g_strdup (title_cell));
        }
      else
        {
          paired = FALSE;
          n_sources = urls->len;

          if (!reader->noted_sources)
            {
              reader->noted_sources = TRUE;
              g_ptr_array_add (reader->notes,
                               g_strdup_printf (_("In “%s”, some source titles could not be "
                                                  "matched to their addresses; those "
                                                  "sources were imported without a title"),
                                                reader->file_name));
            }
        }
    }

  for (guint i = 0; i < n_sources; i++)
    {
      const char *title = paired && i < titles->len ? g_ptr_array_index (titles, i) : NULL;
      const char *url = i < urls->len ? g_ptr_array_index (urls, i) : NULL;
      g_autoptr(AccordsSource) source = NULL;

      if ((title == NULL || title[0] == '\0') && (url == NULL || url[0] == '\0'))
        continue;

      source = accords_source_new ();
      accords_source_set_title (source, title != NULL && title[0] != '\0' ? title : NULL);
      accords_source_set_url (source, url != NULL && url[0] != '\0' ? url : NULL);
      accords_record_add_source (record, source);
    }
}

static gboolean
read_annotation (Reader         *reader,
                 GArray         *cells,
                 guint           line,
                 AccordsRecord  *record,
                 GError        **error)
{
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autoptr(GPtrArray) items = split_list (get_cell (reader, cells, COLUMN_TAGS), FALSE, FALSE);
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = dup_text (reader, cells, COLUMN_NOTE);
  gboolean starred;
  int review;

  if (!read_boolean (reader, cells, line, COLUMN_STARRED, &starred, error) ||
      !read_enum (reader, cells, line, COLUMN_REVIEW, ACCORDS_TYPE_REVIEW,
                  FALSE, ACCORDS_REVIEW_UNREVIEWED, &review, error))
    return FALSE;

  /* Tags are unique ignoring ASCII case, as in the library. */
  for (guint i = 0; i < items->len; i++)
    {
      char *tag = g_strstrip ((char *) g_ptr_array_index (items, i));

      if (tag[0] != '\0' && !contains_string (tags, tag, TRUE))
        g_ptr_array_add (tags, g_strdup (tag));
    }
  g_ptr_array_add (tags, NULL);

  accords_annotation_set_note (annotation, note);
  accords_annotation_set_starred (annotation, starred);
  accords_annotation_set_review (annotation, review);
  accords_annotation_set_tags (annotation, (const char * const *) tags->pdata);

  accords_record_set_starred (record, starred);
  if (!accords_annotation_is_empty (annotation))
    accords_record_set_annotation (record, annotation);

  return TRUE;
}

static AccordsRecord *
record_from_row (Reader  *reader,
                 GArray  *cells,
                 guint    line,
                 GError **error)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) mentioned = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GPtrArray) topic_items = NULL;
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *uid = dup_text (reader, cells, COLUMN_UID);
  g_autofree char *event_date = NULL;
  g_autofree char *event_end = NULL;
  g_autofree char *venue_country = NULL;
  g_autofree char *venue_country_text = NULL;
  g_autofree char *as_reported = dup_text (reader, cells, COLUMN_DATE_AS_REPORTED);
  g_autofree char *summary = dup_text (reader, cells, COLUMN_SUMMARY);
  g_autofree char *city = dup_text (reader, cells, COLUMN_VENUE_CITY);
  g_autofree char *forum = dup_text (reader, cells, COLUMN_VENUE_FORUM);
  gboolean venue_virtual;
  int kind;
  int precision;
  int qualifier;

  if (cells->len != reader->n_cells)
    {
      set_error (error, reader->file_name, line,
                 g_dngettext (GETTEXT_PACKAGE,
                              "this row has %u cell but the header row has %u",
                              "this row has %u cells but the header row has %u",
                              cells->len),
                 cells->len, reader->n_cells);
      return NULL;
    }

  if (!read_enum (reader, cells, line, COLUMN_KIND, ACCORDS_TYPE_KIND,
                  TRUE, ACCORDS_KIND_ANNOUNCEMENT, &kind, error) ||
      !read_date (reader, cells, line, COLUMN_EVENT_DATE, &event_date, error) ||
      !read_date (reader, cells, line, COLUMN_EVENT_END, &event_end, error) ||
      !read_enum (reader, cells, line, COLUMN_DATE_PRECISION, ACCORDS_TYPE_DATE_PRECISION,
                  FALSE, ACCORDS_DATE_PRECISION_DAY, &precision, error) ||
      !read_enum (reader, cells, line, COLUMN_DATE_QUALIFIER, ACCORDS_TYPE_DATE_QUALIFIER,
                  FALSE, ACCORDS_DATE_QUALIFIER_EXACT, &qualifier, error) ||
      !read_countries (reader, cells, line, COLUMN_PARTIES, &parties, error) ||
      !read_countries (reader, cells, line, COLUMN_MENTIONED, &mentioned, error) ||
      !read_boolean (reader, cells, line, COLUMN_VENUE_VIRTUAL, &venue_virtual, error) ||
      !read_people (reader, cells, line, record, error) ||
      !read_annotation (reader, cells, line, record, error))
    return NULL;

  if (event_date != NULL && event_end != NULL && strcmp (event_end, event_date) < 0)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("the event ends (%s) before it starts (%s)"),
                                 event_end, event_date);
      set_column_error (error, reader, line, COLUMN_EVENT_END, message);
      return NULL;
    }

  /* A country is either a party or mentioned, not both (as in JSON). */
  for (guint i = 0; mentioned->pdata[i] != NULL; i++)
    {
      if (g_strv_contains ((const char * const *) parties->pdata, mentioned->pdata[i]))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” is already one of the parties"),
                                     (const char *) mentioned->pdata[i]);
          set_column_error (error, reader, line, COLUMN_MENTIONED, message);
          return NULL;
        }
    }

  venue_country_text = g_strstrip (g_strdup (get_cell (reader, cells, COLUMN_VENUE_COUNTRY)));
  if (venue_country_text[0] != '\0')
    {
      venue_country = check_country (reader, line, COLUMN_VENUE_COUNTRY,
                                     venue_country_text, error);
      if (venue_country == NULL)
        return NULL;
    }

  topic_items = split_list (get_cell (reader, cells, COLUMN_TOPICS), TRUE, FALSE);
  for (guint i = 0; i < topic_items->len; i++)
    {
      const char *id = g_ptr_array_index (topic_items, i);

      if (!_accords_is_topic_id (id))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("“%s” is not a topic id"), id);
          set_column_error (error, reader, line, COLUMN_TOPICS, message);
          return NULL;
        }
      if (!contains_string (topics, id, FALSE))
        g_ptr_array_add (topics, g_strdup (id));
    }
  g_ptr_array_add (topics, NULL);

  organizations = split_list (get_cell (reader, cells, COLUMN_ORGANIZATIONS), FALSE, FALSE);
  g_ptr_array_add (organizations, NULL);

  read_sources (reader, cells, record);

  accords_record_set_uid (record, uid);
  accords_record_set_title (record, get_cell (reader, cells, COLUMN_TITLE));
  accords_record_set_kind (record, kind);
  accords_record_set_event_date (record, event_date);
  accords_record_set_event_end (record, event_end);
  accords_record_set_date_precision (record, precision);
  accords_record_set_date_qualifier (record, qualifier);
  accords_record_set_date_as_reported (record, as_reported);
  accords_record_set_summary (record, summary);
  accords_record_set_venue_city (record, city);
  accords_record_set_venue_forum (record, forum);
  accords_record_set_venue_country (record, venue_country);
  accords_record_set_venue_virtual (record, venue_virtual);
  accords_record_set_parties (record, (const char * const *) parties->pdata);
  accords_record_set_mentioned (record, (const char * const *) mentioned->pdata);
  accords_record_set_organizations (record, (const char * const *) organizations->pdata);
  accords_record_set_topics (record, (const char * const *) topics->pdata);
  accords_record_set_origin (record, ACCORDS_ORIGIN_IMPORT);

  return g_steal_pointer (&record);
}

gboolean
_accords_import_csv_sniff (const char *data,
                           gsize       length)
{
  const char *end = memchr (data, '\n', length);
  g_autofree char *line = g_strndup (data, end != NULL ? (gsize) (end - data) : length);
  g_auto(GStrv) names = NULL;
  guint n_names;

  g_strchomp (line);
  names = g_strsplit (line, ",", -1);
  n_names = g_strv_length (names);

  if (n_names < 2)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      char *name = g_strstrip (names[i]);
      gsize name_length = strlen (name);

      if (name_length >= 2 && name[0] == '"' && name[name_length - 1] == '"')
        {
          name[name_length - 1] = '\0';
          name++;
        }

      if (find_column (name) < 0)
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
_accords_import_read_csv (const char    *data,
                          gsize          length,
                          const char    *file_name,
                          GPtrArray     *notes,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  Scanner scanner = { data, length, 0, 1, file_name };
  Reader reader = { file_name, notes, { 0, }, 0, FALSE };
  guint line = 1;
  gboolean found;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);
  g_return_val_if_fail (notes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_array_set_clear_func (cells, (GDestroyNotify) cell_clear);

  if (!read_row (&scanner, cells, &line, &found, error))
    return NULL;

  if (!found)
    {
      set_error (error, file_name, 1, _("the header row is missing"));
      return NULL;
    }

  if (!read_header (&reader, cells, line, error))
    return NULL;

  for (;;)
    {
      AccordsRecord *record;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!read_row (&scanner, cells, &line, &found, error))
        return NULL;
      if (!found)
        break;

      record = record_from_row (&reader, cells, line, error);
      if (record == NULL)
        return NULL;

      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}
