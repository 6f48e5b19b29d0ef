/* accords-import.h
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "accords-extract.h"
#include "accords-store.h"

G_BEGIN_DECLS

#define ACCORDS_IMPORT_ERROR (accords_import_error_quark ())

/* Why a file cannot be imported. Every message names the file, and the
 * line for CSV and JSON. */
typedef enum
{
  ACCORDS_IMPORT_ERROR_UNREADABLE, /* missing, a folder, no permission */
  ACCORDS_IMPORT_ERROR_EMPTY,      /* nothing but white space */
  ACCORDS_IMPORT_ERROR_BINARY,     /* not text at all (NUL bytes, an image…) */
  ACCORDS_IMPORT_ERROR_TOO_LARGE,  /* over ACCORDS_IMPORT_MAX_SIZE */
  ACCORDS_IMPORT_ERROR_CSV,        /* CSV with missing or unknown columns, bad quoting, bad values */
  ACCORDS_IMPORT_ERROR_JSON,       /* JSON that is not in the library schema */
} AccordsImportError;

/* Larger files are refused: no article is this long, and an export of a
 * large library should be imported as JSON, which is streamed. */
#define ACCORDS_IMPORT_MAX_SIZE (16 * 1024 * 1024)

/* One file read for import, before anything is saved. */
typedef struct
{
  char              *path;
  char              *basename;
  /* exactly one of these is set */
  AccordsExtraction *article;   /* a plain-text article */
  GPtrArray         *records;   /* AccordsRecord, from CSV or JSON */
  GPtrArray         *notes;     /* char *, translated: repairs made ("not UTF-8 …") */
} AccordsImportFile;

/* What importing one article (or one CSV/JSON row) would do. */
typedef enum
{
  ACCORDS_IMPORT_NEW,       /* a new record */
  ACCORDS_IMPORT_MERGED,    /* another source of an existing record */
  ACCORDS_IMPORT_DUPLICATE, /* already in the library: adds nothing */
  ACCORDS_IMPORT_FAILED,    /* the file cannot be imported: see error */
} AccordsImportOutcome;

/* One proposal of an import batch, shown for review before anything is
 * saved. The review may edit @record (and then call
 * accords_import_match() again) or set @excluded. */
typedef struct
{
  char                *path;
  char                *file;          /* base name of path */
  AccordsImportOutcome outcome;
  AccordsExtraction   *article;       /* what was read from an article; NULL for CSV/JSON rows */
  AccordsRecord       *record;        /* the record to save (new), or to add as sources (merged) */
  char                *target_uid;    /* merged/duplicate: the record it joins or repeats */
  char                *target_title;
  GError              *error;         /* failed: why, naming the file (and line) */
  GPtrArray           *notes;         /* char *: repairs made while reading */
  gboolean             excluded;      /* left out by the user */
} AccordsImportProposal;

typedef void (*AccordsImportProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

GQuark             accords_import_error_quark (void);

GPtrArray         *accords_import_read        (const char * const        *paths,
                                               GCancellable              *cancellable,
                                               AccordsImportProgressFunc  progress,
                                               gpointer                   user_data);
gboolean           accords_import_match       (AccordsStore              *store,
                                               GPtrArray                 *proposals,
                                               GError                   **error);
gboolean           accords_import_save        (AccordsStore              *store,
                                               GPtrArray                 *proposals,
                                               guint                     *n_new,
                                               guint                     *n_merged,
                                               GError                   **error);
void               accords_import_proposal_free (AccordsImportProposal   *proposal);

/* Reads @path: a CSV or JSON export (by extension, or by content when the
 * extension says nothing), or else a plain-text article, which is run
 * through the extractor. Thread-safe; run it off the main thread. */
AccordsImportFile *accords_import_read_file   (const char         *path,
                                               GCancellable       *cancellable,
                                               GError            **error);
void               accords_import_file_free   (AccordsImportFile  *file);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsImportFile, accords_import_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccordsImportProposal, accords_import_proposal_free)

G_END_DECLS
