/* test-import-read.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-test-import-read"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "accords-annotation.h"
#include "accords-export.h"
#include "accords-import.h"
#include "accords-person.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-store.h"

#define INJECTION "=cmd|' /C calc'!A0"

typedef struct
{
  char *dir;
} Fixture;

/* Helpers ----------------------------------------------------------------- */

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("accords-import-read-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Writes @length bytes of @contents (-1: up to the nul) to @name in the
 * fixture's folder and returns the path. */
static char *
write_file (Fixture    *fixture,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

/* Reads @name, which must fail with @code; the message must name the file
 * and hold @fragment (such as ":3:") when it is given. */
static void
assert_read_fails (Fixture    *fixture,
                   const char *path,
                   int         code,
                   const char *fragment)
{
  g_autoptr(AccordsImportFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);

  file = accords_import_read_file (path, NULL, &error);
  g_assert_error (error, ACCORDS_IMPORT_ERROR, code);
  g_assert_null (file);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (fragment != NULL)
    g_assert_nonnull (strstr (error->message, fragment));
}

static void
assert_write_fails (Fixture    *fixture,
                    const char *name,
                    const char *contents,
                    int         code,
                    const char *fragment)
{
  g_autofree char *path = write_file (fixture, name, contents, -1);

  assert_read_fails (fixture, path, code, fragment);
}

static AccordsImportFile *
read_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  AccordsImportFile *file = accords_import_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  g_assert_cmpstr (file->path, ==, path);
  g_assert_nonnull (file->notes);

  return file;
}

static gboolean
has_note (AccordsImportFile *file,
          const char        *fragment)
{
  for (guint i = 0; i < file->notes->len; i++)
    {
      const char *note = g_ptr_array_index (file->notes, i);

      g_test_message ("note: %s", note);
      if (strstr (note, fragment) != NULL && strstr (note, file->basename) != NULL)
        return TRUE;
    }

  return FALSE;
}

static AccordsRecord *
make_hostile_record (void)
{
  g_autoptr(AccordsRecord) record = accords_record_new ();
  g_autoptr(AccordsAnnotation) annotation = accords_annotation_new ();
  g_autoptr(AccordsSource) source = accords_source_new ();
  g_autoptr(AccordsSource) web = accords_source_new ();
  g_autoptr(AccordsPerson) minister = NULL;
  g_autoptr(AccordsPerson) envoy = NULL;
  const char *tags[] = { "a\"b", "عاجل", "🚀 launch", "@mention", NULL };
  const char *parties[] = { "RS", "IR", NULL };
  const char *mentioned[] = { "FR", NULL };
  const char *topics[] = { "telecom_5g", "cloud", NULL };
  const char *organizations[] = { INJECTION, "+SUM(1,2)", "-2+3", "\tTabbed",
                                  "'=already quoted", "Comma, Inc.", NULL };

  accords_record_set_uid (record, "hostile-uid-1");
  accords_record_set_title (record, "He said \"sign here\", then left");
  accords_record_set_kind (record, ACCORDS_KIND_MOU_SIGNED);
  accords_record_set_event_date (record, "2024-05-12");
  accords_record_set_event_end (record, "2024-05-14");
  accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_DAY);
  accords_record_set_date_qualifier (record, ACCORDS_DATE_QUALIFIER_ABOUT);
  accords_record_set_date_as_reported (record, "-last week");
  accords_record_set_summary (record, INJECTION "\nLine two, with a comma\r\n"
                                      "שלום עולם \xe2\x80\xae reversed \xe2\x80\xac and emoji 😀🙃");
  accords_record_set_venue_city (record, "الرياض");
  accords_record_set_venue_country (record, "SA");
  accords_record_set_venue_forum (record, "\"Forum\", 2024");
  accords_record_set_venue_virtual (record, TRUE);
  accords_record_set_parties (record, parties);
  accords_record_set_mentioned (record, mentioned);
  accords_record_set_topics (record, topics);
  accords_record_set_organizations (record, organizations);
  accords_record_set_origin (record, ACCORDS_ORIGIN_MANUAL);

  minister = accords_person_new ("محمد \"الثاني\"", "وزير (الاتصالات)", "IR");
  accords_record_add_person (record, minister);
  envoy = accords_person_new ("=Jane, Doe", NULL, NULL);
  accords_record_add_person (record, envoy);

  accords_source_set_title (source, "A report, \"quoted\"\nover two lines");
  accords_source_set_url (source, "https://example.com/report?a=1&b=2");
  accords_source_set_text (source, "first source text");
  accords_record_add_source (record, source);

  accords_source_set_title (web, "@second");
  accords_source_set_url (web, "https://example.org/second");
  accords_source_set_text (web, "second source text");
  accords_record_add_source (record, web);

  accords_annotation_set_note (annotation, "+note\r\nwith \"quotes\", commas and 🚀");
  accords_annotation_set_tags (annotation, tags);
  accords_annotation_set_starred (annotation, TRUE);
  accords_annotation_set_review (annotation, ACCORDS_REVIEW_DISPUTED);
  accords_record_set_annotation (record, annotation);
  accords_record_set_starred (record, TRUE);

  return g_steal_pointer (&record);
}

static AccordsRecord *
make_plain_record (void)
{
  AccordsRecord *record = accords_record_new ();
  const char *parties[] = { "QA", "RS", NULL };

  accords_record_set_uid (record, "plain-uid");
  accords_record_set_title (record, "Plain meeting");
  accords_record_set_kind (record, ACCORDS_KIND_MEETING);
  accords_record_set_event_date (record, "2023-02-01");
  accords_record_set_date_precision (record, ACCORDS_DATE_PRECISION_MONTH);
  accords_record_set_parties (record, parties);
  accords_record_set_origin (record, ACCORDS_ORIGIN_MANUAL);

  return record;
}

/* Fills a library in the fixture's folder and exports it as @format. */
static char *
export_library (Fixture              *fixture,
                AccordsExportFormat   format,
                AccordsExportOptions  options,
                const char           *name)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *db = g_build_filename (fixture->dir, "library.db", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  guint64 n_exported = 0;

  store = accords_store_open (db, &error);
  g_assert_no_error (error);

  if (accords_store_count_records (store, &error) == 0)
    {
      g_ptr_array_add (records, make_hostile_record ());
      g_ptr_array_add (records, make_plain_record ());
      accords_store_insert_records (store, records, &error);
      g_assert_no_error (error);
    }

  accords_export_to_file (store, NULL, NULL, 0, format, options,
                          file, &n_exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_exported, ==, 2);

  return g_steal_pointer (&path);
}

static AccordsRecord *
find_record (GPtrArray  *records,
             const char *uid)
{
  for (guint i = 0; i < records->len; i++)
    {
      AccordsRecord *record = g_ptr_array_index (records, i);

      if (g_strcmp0 (accords_record_get_uid (record), uid) == 0)
        return record;
    }

  g_assert_not_reached ();
}

static void
assert_strv_equal (const char * const *a,
                   const char * const *b)
{
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

/* CSV cannot tell an empty text from none. */
#define assert_text_equal(a, b) \
  g_assert_cmpstr ((a) != NULL ? (a) : "", ==, (b) != NULL ? (b) : "")

/* What CSV keeps of a record: everything but figures, links, the
 * sources' other fields, origin and times. */
static void
assert_csv_fields_equal (AccordsRecord *expected,
                         AccordsRecord *actual)
{
  GListModel *expected_people = accords_record_get_people (expected);
  GListModel *actual_people = accords_record_get_people (actual);
  GListModel *expected_sources = accords_record_get_sources (expected);
  GListModel *actual_sources = accords_record_get_sources (actual);
  AccordsAnnotation *expected_annotation = accords_record_get_annotation (expected);
  AccordsAnnotation *actual_annotation = accords_record_get_annotation (actual);

  assert_text_equal (accords_record_get_uid (actual), accords_record_get_uid (expected));
  assert_text_equal (accords_record_get_title (actual), accords_record_get_title (expected));
  g_assert_cmpint (accords_record_get_kind (actual), ==, accords_record_get_kind (expected));
  assert_text_equal (accords_record_get_event_date (actual),
                   accords_record_get_event_date (expected));
  assert_text_equal (accords_record_get_event_end (actual),
                   accords_record_get_event_end (expected));
  g_assert_cmpint (accords_record_get_date_precision (actual), ==,
                   accords_record_get_date_precision (expected));
  g_assert_cmpint (accords_record_get_date_qualifier (actual), ==,
                   accords_record_get_date_qualifier (expected));
  assert_text_equal (accords_record_get_date_as_reported (actual),
                   accords_record_get_date_as_reported (expected));
  assert_text_equal (accords_record_get_summary (actual),
                   accords_record_get_summary (expected));
  assert_text_equal (accords_record_get_venue_city (actual),
                   accords_record_get_venue_city (expected));
  assert_text_equal (accords_record_get_venue_country (actual),
                   accords_record_get_venue_country (expected));
  assert_text_equal (accords_record_get_venue_forum (actual),
                   accords_record_get_venue_forum (expected));
  g_assert_cmpint (accords_record_get_venue_virtual (actual), ==,
                   accords_record_get_venue_virtual (expected));
  g_assert_cmpint (accords_record_get_starred (actual), ==,
                   accords_record_get_starred (expected));
  assert_strv_equal (accords_record_get_parties (actual), accords_record_get_parties (expected));
  assert_strv_equal (accords_record_get_mentioned (actual),
                     accords_record_get_mentioned (expected));
  assert_strv_equal (accords_record_get_topics (actual), accords_record_get_topics (expected));
  assert_strv_equal (accords_record_get_organizations (actual),
                     accords_record_get_organizations (expected));

  g_assert_cmpuint (g_list_model_get_n_items (actual_people), ==,
                    g_list_model_get_n_items (expected_people));
  for (guint i = 0; i < g_list_model_get_n_items (expected_people); i++)
    {
      g_autoptr(AccordsPerson) a = g_list_model_get_item (actual_people, i);
      g_autoptr(AccordsPerson) e = g_list_model_get_item (expected_people, i);

      assert_text_equal (accords_person_get_name (a), accords_person_get_name (e));
      assert_text_equal (accords_person_get_role (a), accords_person_get_role (e));
      assert_text_equal (accords_person_get_country (a), accords_person_get_country (e));
    }

  g_assert_cmpuint (g_list_model_get_n_items (actual_sources), ==,
                    g_list_model_get_n_items (expected_sources));
  for (guint i = 0; i < g_list_model_get_n_items (expected_sources); i++)
    {
      g_autoptr(AccordsSource) a = g_list_model_get_item (actual_sources, i);
      g_autoptr(AccordsSource) e = g_list_model_get_item (expected_sources, i);

      assert_text_equal (accords_source_get_title (a), accords_source_get_title (e));
      assert_text_equal (accords_source_get_url (a), accords_source_get_url (e));
    }

  g_assert_true ((expected_annotation == NULL) == (actual_annotation == NULL));
  if (expected_annotation != NULL)
    {
      assert_text_equal (accords_annotation_get_note (actual_annotation),
                       accords_annotation_get_note (expected_annotation));
      g_assert_cmpint (accords_annotation_get_review (actual_annotation), ==,
                       accords_annotation_get_review (expected_annotation));
      g_assert_cmpint (accords_annotation_get_starred (actual_annotation), ==,
                       accords_annotation_get_starred (expected_annotation));
      assert_strv_equal (accords_annotation_get_tags (actual_annotation),
                         accords_annotation_get_tags (expected_annotation));
    }
}

/* Good files -------------------------------------------------------------- */

static void
test_article (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportFile) file = NULL;

  path = write_file (fixture, "serbia-iran.txt",
                     "\xef\xbb\xbf date 2024-05-12\r\n"
                     "Serbia and Iran sign ICT memorandum\r\n"
                     "\r\n"
                     "BELGRADE, May 12 — The ministers signed a memorandum.\r\n", -1);
  file = read_ok (path);

  g_assert_cmpstr (file->basename, ==, "serbia-iran.txt");
  g_assert_null (file->records);
  g_assert_nonnull (file->article);
  g_assert_cmpstr (file->article->file, ==, "serbia-iran.txt");
  g_assert_true (g_str_has_prefix (file->article->text, " date 2024-05-12\nSerbia"));
  g_assert_null (strchr (file->article->text, '\r'));
  g_assert_cmpuint (file->notes->len, ==, 0);
}

static void
test_article_kinds_of_name (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *names[] = { "report", "report.text", "report.MD", "report.html", ".hidden" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = write_file (fixture, names[i],
                                          "A plain report about a visit to Doha.\n", -1);
      g_autoptr(AccordsImportFile) file = read_ok (path);

      g_assert_nonnull (file->article);
      g_assert_null (file->records);
    }
}

static void
test_article_utf16 (Fixture       *fixture,
                    gconstpointer  data)
{
  /* "Café" in UTF-16LE with its mark, as Windows Notepad saves it. */
  static const char utf16[] = "\xff\xfe" "C\0a\0f\0\xe9\0\r\0\n\0";
  g_autofree char *path = write_file (fixture, "notepad.txt", utf16, sizeof utf16 - 1);
  g_autoptr(AccordsImportFile) file = read_ok (path);

  g_assert_nonnull (file->article);
  g_assert_cmpstr (file->article->text, ==, "Café\n");
}

/* @data: the export options, as a pointer. */
static void
test_csv_round_trip (Fixture       *fixture,
                     gconstpointer  data)
{
  AccordsExportOptions options = GPOINTER_TO_UINT (data);
  g_autofree char *path = export_library (fixture, ACCORDS_EXPORT_FORMAT_CSV, options,
                                          "export.csv");
  g_autofree char *db = g_build_filename (fixture->dir, "library.db", NULL);
  g_autoptr(AccordsStore) store = NULL;
  g_autoptr(AccordsImportFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *uids[] = { "hostile-uid-1", "plain-uid" };
  g_autofree char *csv = NULL;

  g_file_get_contents (path, &csv, NULL, &error);
  g_assert_no_error (error);
  /* The export is guarded (or not, when asked): the reader must undo
   * exactly what was done. */
  if (options & ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS)
    g_assert_null (strstr (csv, "'=cmd|"));
  else
    g_assert_nonnull (strstr (csv, "\"'=cmd|' /C calc'!A0"));

  file = read_ok (path);
  g_assert_null (file->article);
  g_assert_nonnull (file->records);
  g_assert_cmpuint (file->records->len, ==, 2);
  g_assert_cmpuint (file->notes->len, ==, 0);

  store = accords_store_open (db, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (uids); i++)
    {
      g_autoptr(AccordsRecord) expected = accords_store_load_record_by_uid (store, uids[i],
                                                                            &error);
      AccordsRecord *actual = find_record (file->records, uids[i]);

      g_assert_no_error (error);
      assert_csv_fields_equal (expected, actual);
      g_assert_cmpint (accords_record_get_origin (actual), ==, ACCORDS_ORIGIN_IMPORT);
    }

  /* The same bytes under a name that says nothing are still a table. */
  {
    g_autofree char *bare = write_file (fixture, "export", csv, -1);
    g_autoptr(AccordsImportFile) again = read_ok (bare);

    g_assert_nonnull (again->records);
    g_assert_cmpuint (again->records->len, ==, 2);
  }
}

static void
test_csv_by_hand (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportFile) file = NULL;
  AccordsRecord *record;

  /* Columns in another order, some left out, LF line ends, a blank line,
   * an unquoted apostrophe that the writer never adds, a bare ";". */
  path = write_file (fixture, "hand.csv",
                     "Title,kind,parties,event_date,organizations\n"
                     "'=not a guard,visit,fr;de ,2020-02-29,\"A; B\"\n"
                     "\n"
                     "\"Two\nlines\",meeting,,,\n", -1);
  file = read_ok (path);

  g_assert_cmpuint (file->records->len, ==, 2);
  record = g_ptr_array_index (file->records, 0);
  g_assert_cmpstr (accords_record_get_title (record), ==, "'=not a guard");
  g_assert_cmpint (accords_record_get_kind (record), ==, ACCORDS_KIND_VISIT);
  g_assert_cmpstr (accords_record_get_parties (record)[0], ==, "FR");
  g_assert_cmpstr (accords_record_get_parties (record)[1], ==, "DE");
  g_assert_cmpstr (accords_record_get_event_date (record), ==, "2020-02-29");
  g_assert_cmpstr (accords_record_get_organizations (record)[0], ==, "A");
  g_assert_cmpstr (accords_record_get_organizations (record)[1], ==, "B");
  g_assert_null (accords_record_get_uid (record));
  g_assert_cmpint (accords_record_get_origin (record), ==, ACCORDS_ORIGIN_IMPORT);

  record = g_ptr_array_index (file->records, 1);
  g_assert_cmpstr (accords_record_get_title (record), ==, "Two\nlines");
  g_assert_null (accords_record_get_event_date (record));
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = export_library (fixture, ACCORDS_EXPORT_FORMAT_JSON,
                                           ACCORDS_EXPORT_OPTION_NONE, "export.json");
  g_autoptr(AccordsImportFile) file = read_ok (path);
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  AccordsRecord *record;

  g_assert_null (file->article);
  g_assert_cmpuint (file->records->len, ==, 2);

  record = find_record (file->records, "hostile-uid-1");
  g_assert_cmpstr (accords_record_get_title (record), ==, "He said \"sign here\", then left");
  g_assert_cmpstr (accords_record_get_organizations (record)[0], ==, INJECTION);
  g_assert_cmpuint (g_list_model_get_n_items (accords_record_get_sources (record)), ==, 2);

  /* Without an extension, the brace gives it away. */
  g_file_get_contents (path, &json, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *bare = write_file (fixture, "library-backup", json, -1);
    g_autoptr(AccordsImportFile) again = read_ok (bare);

    g_assert_cmpuint (again->records->len, ==, 2);
  }
}

static void
test_latin1_repaired (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportFile) file = NULL;

  /* Latin-1 é and Windows-1252 curly quotes. */
  path = write_file (fixture, "latin.txt",
                     "Caf\xe9 talks in Belgrade: \x93quoted\x94 \xe0 la carte\n", -1);
  file = read_ok (path);

  g_assert_nonnull (file->article);
  g_assert_cmpstr (file->article->text, ==, "Café talks in Belgrade: “quoted” à la carte\n");
  g_assert_true (has_note (file, "Windows-1252"));
}

static void
test_broken_utf8_repaired (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AccordsImportFile) file = NULL;

  /* UTF-8 with one broken byte: the good letters must stay as they are. */
  path = write_file (fixture, "broken.txt", "Téhéran et Belgrade \xff signent\n", -1);
  file = read_ok (path);

  g_assert_cmpstr (file->article->text, ==, "Téhéran et Belgrade \xef\xbf\xbd signent\n");
  g_assert_true (has_note (file, "not UTF-8"));
}

static void
test_csv_latin1 (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "excel.csv",
                                      "title,kind\r\nR\xe9union,meeting\r\n", -1);
  g_autoptr(AccordsImportFile) file = read_ok (path);

  g_assert_cmpuint (file->records->len, ==, 1);
  g_assert_cmpstr (accords_record_get_title (g_ptr_array_index (file->records, 0)), ==,
                   "Réunion");
  g_assert_true (has_note (file, "Windows-1252"));
}

/* Bad files --------------------------------------------------------------- */

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.csv", NULL);
  g_autofree char *locked = NULL;

  assert_read_fails (fixture, missing, ACCORDS_IMPORT_ERROR_UNREADABLE, NULL);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  assert_read_fails (fixture, folder, ACCORDS_IMPORT_ERROR_UNREADABLE, "folder");

  /* root reads anything: there the permission case cannot be made. */
  if (geteuid () != 0)
    {
      locked = write_file (fixture, "locked.txt", "secret", -1);
      g_assert_cmpint (g_chmod (locked, 0), ==, 0);
      assert_read_fails (fixture, locked, ACCORDS_IMPORT_ERROR_UNREADABLE, NULL);
      g_assert_cmpint (g_chmod (locked, 0600), ==, 0);
    }
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  assert_write_fails (fixture, "empty.txt", "", ACCORDS_IMPORT_ERROR_EMPTY, NULL);
  assert_write_fails (fixture, "blank.txt", " \r\n\t\n  \xe2\x80\x83\n",
                      ACCORDS_IMPORT_ERROR_EMPTY, NULL);
  assert_write_fails (fixture, "bom-only.csv", "\xef\xbb\xbf\r\n",
                      ACCORDS_IMPORT_ERROR_EMPTY, NULL);
  assert_write_fails (fixture, "blank.json", "\n\n", ACCORDS_IMPORT_ERROR_EMPTY, NULL);
}

static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char controls[] = "\x01\x02\x03\x04 text \x05\x06\x07\x08\x0e\x0f\x10\x11";
  g_autofree char *image = write_file (fixture, "photo.txt", png, sizeof png - 1);
  g_autofree char *noise = write_file (fixture, "noise", controls, sizeof controls - 1);
  g_autofree char *table = write_file (fixture, "table.csv", png, sizeof png - 1);

  assert_read_fails (fixture, image, ACCORDS_IMPORT_ERROR_BINARY, NULL);
  assert_read_fails (fixture, noise, ACCORDS_IMPORT_ERROR_BINARY, NULL);
  assert_read_fails (fixture, table, ACCORDS_IMPORT_ERROR_BINARY, NULL);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "huge.txt", NULL);
  gint64 start;
  int fd;

  /* Sparse: 50 MB that take no room, and would take long to read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  start = g_get_monotonic_time ();
  assert_read_fails (fixture, path, ACCORDS_IMPORT_ERROR_TOO_LARGE, "MB");
  g_test_message ("50 MB refused in %.3f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static void
test_csv_bad_header (Fixture       *fixture,
                     gconstpointer  data)
{
  assert_write_fails (fixture, "no-kind.csv", "uid,title\r\nx,Meeting\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, ":1: the column “kind” is missing");
  assert_write_fails (fixture, "colour.csv", "title,kind,colour\r\nA,visit,red\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, ":1: unknown column “colour”");
  assert_write_fails (fixture, "twice.csv", "title,kind,title\r\nA,visit,B\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, ":1:");
}

static void
test_csv_bad_quoting (Fixture       *fixture,
                      gconstpointer  data)
{
  /* A stray quote on line 4, after a record that spans lines 2 and 3. */
  assert_write_fails (fixture, "stray.csv",
                      "title,kind\r\n\"Two\r\nlines\",meeting\r\nHe said \"no\",visit\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "stray.csv:4:");
  /* Text after a closing quote, on line 3. */
  assert_write_fails (fixture, "after.csv",
                      "title,kind\r\nA,visit\r\n\"B\"x,visit\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "after.csv:3:");
  /* A quote opened on line 3 that never closes. */
  assert_write_fails (fixture, "open.csv",
                      "title,kind\r\nA,visit\r\n\"B,visit\r\nC,visit\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "open.csv:3:");
}

static void
test_csv_bad_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The row that starts on line 4 (after a two-line cell) has three cells. */
  assert_write_fails (fixture, "cells.csv",
                      "title,kind\r\n\"Two\nlines\",visit\r\nA,visit,extra\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "cells.csv:4:");
  assert_write_fails (fixture, "date.csv",
                      "title,kind,event_date\r\nA,visit,2023-02-30\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "date.csv:2: column “event_date”");
  assert_write_fails (fixture, "kind.csv",
                      "title,kind\r\nA,visit\r\nB,picnic\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "kind.csv:3: column “kind”: “picnic”");
  assert_write_fails (fixture, "nokind.csv",
                      "title,kind\r\nA,\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "nokind.csv:2: column “kind”");
  assert_write_fails (fixture, "country.csv",
                      "title,kind,parties\r\nA,visit,RS; XQ\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "country.csv:2: column “parties”: “XQ”");
  assert_write_fails (fixture, "venue.csv",
                      "title,kind,venue_country\r\nA,visit,Serbia\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "venue.csv:2: column “venue_country”");
  assert_write_fails (fixture, "starred.csv",
                      "title,kind,starred\r\nA,visit,maybe\r\n",
                      ACCORDS_IMPORT_ERROR_CSV, "starred.csv:2: column “starred”");
}

static void
test_json_bad (Fixture       *fixture,
               gconstpointer  data)
{
  assert_write_fails (fixture, "schema.json",
                      "{\n"
                      "  \"format\": \"accords-library\",\n"
                      "  \"version\": 1,\n"
                      "  \"exported\": \"2026-01-01T00:00:00Z\",\n"
                      "  \"query\": null,\n"
                      "  \"records\": [\n"
                      "    {\n"
                      "      \"title\": \"A\",\n"
                      "      \"kind\": \"picnic\"\n"
                      "    }\n"
                      "  ]\n"
                      "}\n",
                      ACCORDS_IMPORT_ERROR_JSON, "schema.json:9:");
  assert_write_fails (fixture, "syntax.json", "{\n  \"format\": \"accords-library\",,\n}\n",
                      ACCORDS_IMPORT_ERROR_JSON, "syntax.json:2:");
  assert_write_fails (fixture, "other.json", "{ \"name\": \"not ours\" }\n",
                      ACCORDS_IMPORT_ERROR_JSON, NULL);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = write_file (fixture, "big.csv",
                                      "title,kind\r\nA,visit\r\nB,visit\r\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(AccordsImportFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  file = accords_import_read_file (path, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (file);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
#define ADD_DATA(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/import-read/article", test_article);
  ADD ("/import-read/article/names", test_article_kinds_of_name);
  ADD ("/import-read/article/utf16", test_article_utf16);
  ADD_DATA ("/import-read/csv/round-trip",
            GUINT_TO_POINTER (ACCORDS_EXPORT_OPTION_NONE), test_csv_round_trip);
  ADD_DATA ("/import-read/csv/round-trip-formulas-kept",
            GUINT_TO_POINTER (ACCORDS_EXPORT_OPTION_CSV_KEEP_FORMULAS), test_csv_round_trip);
  ADD ("/import-read/csv/by-hand", test_csv_by_hand);
  ADD ("/import-read/json/round-trip", test_json_round_trip);
  ADD ("/import-read/encoding/latin1", test_latin1_repaired);
  ADD ("/import-read/encoding/broken-utf8", test_broken_utf8_repaired);
  ADD ("/import-read/encoding/csv-latin1", test_csv_latin1);
  ADD ("/import-read/bad/unreadable", test_unreadable);
  ADD ("/import-read/bad/empty", test_empty);
  ADD ("/import-read/bad/binary", test_binary);
  ADD ("/import-read/bad/too-large", test_too_large);
  ADD ("/import-read/bad/csv-header", test_csv_bad_header);
  ADD ("/import-read/bad/csv-quoting", test_csv_bad_quoting);
  ADD ("/import-read/bad/csv-rows", test_csv_bad_rows);
  ADD ("/import-read/bad/json", test_json_bad);
  ADD ("/import-read/cancelled", test_cancelled);

#undef ADD_DATA
#undef ADD

  return g_test_run ();
}
