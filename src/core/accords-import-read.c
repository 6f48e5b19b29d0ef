/* accords-import-read.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "accords-import-private.h"
#include "accords-json.h"

/* Reading one file for import, before anything is saved: open it, refuse
 * what is not text (or too big to be an article or a CSV table), repair
 * an encoding that is not UTF-8, decide what kind of file it is and hand
 * the text to the article extractor, the CSV reader or the JSON reader.
 * Every refusal names the file, so that a batch of many files can say
 * which one is at fault. */

G_DEFINE_QUARK (accords-import-error-quark, accords_import_error)

typedef enum
{
  FILE_TYPE_UNKNOWN,
  FILE_TYPE_ARTICLE,
  FILE_TYPE_CSV,
  FILE_TYPE_JSON,
} FileType;

/* How much of the start of a file is looked at to tell text from binary. */
#define SNIFF_SIZE (64 * 1024)

/* Read in pieces, so that a cancelled import stops soon. */
#define READ_CHUNK (256 * 1024)

static FileType
type_from_extension (const char *basename)
{
  const char *dot = strrchr (basename, '.');

  /* "notes" and ".hidden" have no extension. */
  if (dot == NULL || dot == basename)
    return FILE_TYPE_UNKNOWN;

  dot++;
  if (g_ascii_strcasecmp (dot, "csv") == 0)
    return FILE_TYPE_CSV;
  if (g_ascii_strcasecmp (dot, "json") == 0)
    return FILE_TYPE_JSON;
  if (g_ascii_strcasecmp (dot, "txt") == 0 ||
      g_ascii_strcasecmp (dot, "text") == 0 ||
      g_ascii_strcasecmp (dot, "md") == 0)
    return FILE_TYPE_ARTICLE;

  return FILE_TYPE_UNKNOWN;
}

/* For a file whose name says nothing: an article never starts with a
 * brace, and a CSV export starts with its header row. */
static FileType
type_from_content (const char *text,
                   gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;

  if (i < length && text[i] == '{')
    return FILE_TYPE_JSON;

  if (_accords_import_csv_sniff (text, length))
    return FILE_TYPE_CSV;

  return FILE_TYPE_ARTICLE;
}

static void
set_unreadable_error (GError     **error,
                      GError      *io_error,
                      const char  *name)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_UNREADABLE,
                 _("“%s” cannot be read: there is no such file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_UNREADABLE,
                 _("“%s” cannot be read: it is a folder, not a file"), name);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_UNREADABLE,
                 _("“%s” cannot be read: you do not have permission to read it"), name);
  else
    /* Translators: the second %s is the system's reason */
    g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_UNREADABLE,
                 _("“%s” cannot be read: %s"), name, io_error->message);
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      size)
{
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *limit_text = g_format_size (ACCORDS_IMPORT_MAX_SIZE);

  /* Translators: the sizes are like "50.0 MB" */
  g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_TOO_LARGE,
               _("“%s” is too large to import: it has %s, the limit is %s"),
               name, size_text, limit_text);
}

/* Reads the whole file, after checking its size from the open file
 * itself, so that an oversized file is refused without reading it and
 * one that grows meanwhile is still stopped at the limit. */
static GByteArray *
read_contents (const char    *path,
               const char    *name,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size = 0;
  gsize length = 0;

  stream = g_file_read (file, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_unreadable_error (error, local_error, name);
      return NULL;
    }

  info = g_file_input_stream_query_info (stream,
                                         G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                         G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, NULL);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "folder");
          set_unreadable_error (error, local_error, name);
          return NULL;
        }

      size = g_file_info_get_size (info);
      if (size > ACCORDS_IMPORT_MAX_SIZE)
        {
          set_too_large_error (error, name, size);
          return NULL;
        }
    }

  contents = g_byte_array_sized_new (MIN (size, ACCORDS_IMPORT_MAX_SIZE) + 1);

  for (;;)
    {
      gssize n_read;

      g_byte_array_set_size (contents, length + READ_CHUNK);
      n_read = g_input_stream_read (G_INPUT_STREAM (stream), contents->data + length,
                                    READ_CHUNK, cancellable, &local_error);
      if (n_read < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            set_unreadable_error (error, local_error, name);
          return NULL;
        }
      if (n_read == 0)
        break;

      length += n_read;
      if (length > ACCORDS_IMPORT_MAX_SIZE)
        {
          set_too_large_error (error, name, length);
          return NULL;
        }
    }

  /* Keep a nul after the data, for the string functions. */
  g_byte_array_set_size (contents, length + 1);
  contents->data[length] = '\0';
  g_byte_array_set_size (contents, length);

  return g_steal_pointer (&contents);
}

/* Text has no nul bytes and few control characters; an image, a PDF or
 * a word-processor document has plenty. */
static gboolean
looks_binary (const guint8 *data,
              gsize         length)
{
  gsize n_sniffed = MIN (length, SNIFF_SIZE);
  gsize n_control = 0;

  if (memchr (data, '\0', length) != NULL)
    return TRUE;

  for (gsize i = 0; i < n_sniffed; i++)
    {
      guint8 c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') ||
          c == 0x7f)
        n_control++;
    }

  /* More than one byte in ten is far beyond any text. */
  return n_control * 10 > n_sniffed;
}

/* TRUE when @data has more well-formed multi-byte UTF-8 characters than
 * bytes that are not UTF-8: UTF-8 text with a few damaged bytes, which
 * should not be re-read as a one-byte encoding (that would garble every
 * accented letter it has). */
static gboolean
mostly_utf8 (const char *data,
             gsize       length)
{
  const char *p = data;
  const char *end = data + length;
  gsize n_multibyte = 0;
  gsize n_invalid = 0;

  while (p < end)
    {
      const char *valid_end = NULL;
      gboolean valid = g_utf8_validate_len (p, end - p, &valid_end);

      for (const char *c = p; c < valid_end; c++)
        {
          if ((guint8) *c >= 0xc0)
            n_multibyte++;
        }

      if (valid)
        break;

      n_invalid++;
      p = valid_end + 1;
    }

  return n_multibyte > n_invalid;
}

/* Turns the bytes of the file into UTF-8 text without a byte-order mark,
 * or says why it is not text. Takes @contents. */
static char *
decode_text (GByteArray  *bytes,
             const char  *name,
             GPtrArray   *notes,
             gsize       *text_length,
             GError     **error)
{
  g_autoptr(GByteArray) contents = bytes;
  const char *data = (const char *) contents->data;
  gsize length = contents->len;
  const char *from = NULL;
  char *text;

  /* UTF-16 with its byte-order mark, as Windows editors save "Unicode"
   * text. Without the mark it has nul bytes and counts as binary. */
  if (length >= 2 && ((guint8) data[0] == 0xff && (guint8) data[1] == 0xfe))
    from = "UTF-16LE";
  else if (length >= 2 && ((guint8) data[0] == 0xfe && (guint8) data[1] == 0xff))
    from = "UTF-16BE";

  if (from != NULL)
    {
      gsize n_written = 0;

      text = g_convert (data + 2, length - 2, "UTF-8", from, NULL, &n_written, NULL);
      if (text == NULL || memchr (text, '\0', n_written) != NULL)
        {
          g_free (text);
          g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_BINARY,
                       _("“%s” is not a text file: it holds binary data"), name);
          return NULL;
        }

      *text_length = n_written;
      return text;
    }

  /* The mark is dropped in place: the buffer becomes the text when it is
   * UTF-8 already, which saves a copy of up to the size limit. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      g_byte_array_remove_range (contents, 0, 3);
      data = (const char *) contents->data;
      length = contents->len;
    }

  if (looks_binary ((const guint8 *) data, length))
    {
      g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_BINARY,
                   _("“%s” is not a text file: it holds binary data, such as an image "
                     "or a word-processor document"), name);
      return NULL;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      *text_length = length;
      g_byte_array_append (contents, (const guint8 *) "", 1);
      return (char *) g_byte_array_free (g_steal_pointer (&contents), FALSE);
    }

  /* Not UTF-8: most likely Windows-1252 (or Latin-1, of which it is a
   * superset for text), the default of spreadsheets and editors on
   * Windows. Every byte is a character there except five unassigned
   * ones; a file with those, or UTF-8 with a few broken bytes, keeps what
   * is readable and marks the rest. */
  if (!mostly_utf8 (data, length))
    {
      gsize n_written = 0;

      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &n_written, NULL);
      if (text != NULL && g_utf8_validate_len (text, n_written, NULL))
        {
          g_ptr_array_add (notes, g_strdup_printf (_("“%s” was not UTF-8; it was read as "
                                                     "Windows-1252"), name));
          *text_length = n_written;
          return text;
        }
      g_free (text);
    }

  text = g_utf8_make_valid (data, length);
  g_ptr_array_add (notes, g_strdup_printf (_("“%s” was not UTF-8; bytes that could not be "
                                             "read were replaced with “\xef\xbf\xbd”"),
                                           name));
  *text_length = strlen (text);

  return text;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+FEFF is a byte-order mark left in the middle, or a zero-width
       * no-break space: nothing to read either way. */
      if (!g_unichar_isspace (c) && c != 0xfeff && c != 0x200b)
        return FALSE;
    }

  return TRUE;
}

/* CR LF (Windows) and a lone CR (old Macs) become LF, in place. */
static void
normalize_line_breaks (char *text)
{
  char *out = text;

  for (const char *in = text; *in != '\0'; in++)
    {
      if (*in == '\r')
        {
          *out++ = '\n';
          if (in[1] == '\n')
            in++;
        }
      else
        {
          *out++ = *in;
        }
    }

  *out = '\0';
}

typedef struct
{
  GPtrArray    *records;
  GCancellable *cancellable;
} JsonCollector;

static gboolean
collect_json_record (AccordsRecord  *record,
                     guint           index,
                     gpointer        user_data,
                     GError        **error)
{
  JsonCollector *collector = user_data;

  if (g_cancellable_set_error_if_cancelled (collector->cancellable, error))
    return FALSE;

  g_ptr_array_add (collector->records, g_object_ref (record));

  return TRUE;
}

static GPtrArray *
read_json (const char    *text,
           gsize          length,
           const char    *name,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  JsonCollector collector = { records, cancellable };

  if (!accords_json_read_data_foreach (text, length, name, collect_json_record,
                                       &collector, &local_error))
    {
      /* The reader's messages already say "file:line: …". */
      if (local_error->domain == ACCORDS_JSON_ERROR)
        g_set_error_literal (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_JSON,
                             local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * accords_import_read_file:
 * @path: the file to read, in the file system's encoding
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @path for import: a CSV or JSON export (by extension, or by
 * content when the extension says nothing), or else a plain-text article,
 * which is run through the extractor. A file that is not UTF-8 is
 * repaired and a note says so. Files over %ACCORDS_IMPORT_MAX_SIZE are
 * refused before they are read. Thread-safe.
 *
 * Returns: (transfer full): what the file holds; %NULL with @error set in
 *   %ACCORDS_IMPORT_ERROR (a message naming the file, and the line for
 *   CSV and JSON), or %G_IO_ERROR_CANCELLED
 */
AccordsImportFile *
accords_import_read_file (const char   *path,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autoptr(AccordsImportFile) file = NULL;
  g_autoptr(GByteArray) contents = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  FileType type;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_new0 (AccordsImportFile, 1);
  file->path = g_strdup (path);
  file->basename = g_filename_display_basename (path);
  file->notes = g_ptr_array_new_with_free_func (g_free);

  contents = read_contents (path, file->basename, cancellable, error);
  if (contents == NULL)
    return NULL;

  text = decode_text (g_steal_pointer (&contents), file->basename, file->notes, &length, error);
  if (text == NULL)
    return NULL;

  if (is_blank (text))
    {
      g_set_error (error, ACCORDS_IMPORT_ERROR, ACCORDS_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty: it holds no text"), file->basename);
      return NULL;
    }

  type = type_from_extension (file->basename);
  if (type == FILE_TYPE_UNKNOWN)
    type = type_from_content (text, length);

  switch (type)
    {
    case FILE_TYPE_CSV:
      file->records = _accords_import_read_csv (text, length, file->basename, file->notes,
                                                cancellable, error);
      if (file->records == NULL)
        return NULL;
      break;

    case FILE_TYPE_JSON:
      file->records = read_json (text, length, file->basename, cancellable, error);
      if (file->records == NULL)
        return NULL;
      break;

    case FILE_TYPE_ARTICLE:
    case FILE_TYPE_UNKNOWN:
    default:
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      normalize_line_breaks (text);
      file->article = accords_extract_article (text, file->basename);
      break;
    }

  return g_steal_pointer (&file);
}

/**
 * accords_import_file_free:
 * @file: (nullable): what accords_import_read_file() returned
 *
 * Frees @file and all it holds.
 */
void
accords_import_file_free (AccordsImportFile *file)
{
  if (file == NULL)
    return;
  g_free (file->path);
  g_free (file->basename);
  g_clear_pointer (&file->article, accords_extraction_free);
  g_clear_pointer (&file->records, g_ptr_array_unref);
  g_clear_pointer (&file->notes, g_ptr_array_unref);
  g_free (file);
}
