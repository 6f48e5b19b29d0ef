/* accords-export-briefing.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-export-briefing"

#include "config.h"

#include <cmark.h>
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "accords-annotation.h"
#include "accords-country.h"
#include "accords-export-private.h"
#include "accords-record.h"
#include "accords-source.h"
#include "accords-topic.h"

/* The briefings, in Markdown and in HTML: a title, the query and the date
 * of export, then one section per record (they come by date) with its
 * parties, kind, topics, summary, sources, notes and tags.
 *
 * In HTML every user string goes through g_markup_escape_text(), links are
 * made only of http and https addresses, and a note (CommonMark) is
 * rendered by cmark with CMARK_OPT_SAFE, which drops raw HTML and
 * javascript: links. In Markdown the note is written as it is; other
 * user text has its Markdown punctuation escaped, so a title stays text. */

static const char html_style[] =
  "body{font-family:Cantarell,'Noto Sans','DejaVu Sans',sans-serif;max-width:48em;"
  "margin:2em auto;padding:0 1em;line-height:1.45;color:#1e1e1e}"
  "h1{font-size:1.8em;margin-bottom:.2em}"
  "h2{font-size:1.25em;margin:1.8em 0 .3em;border-top:1px solid #ccc;padding-top:1em}"
  ".meta{color:#555}"
  "dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em;margin:.5em 0}"
  "dt{font-weight:bold}dd{margin:0}"
  ".note{border-left:3px solid #3584e4;padding:0 1em;background:#f6f8fa}"
  ".tag{display:inline-block;border:1px solid #999;border-radius:1em;padding:0 .6em;"
  "margin-right:.3em;font-size:.9em}"
  "a{color:#1a5fb4}"
  "@media print{body{margin:0;max-width:none}h2{break-after:avoid}"
  "section{break-inside:avoid-page}a{color:inherit}"
  "a[href]::after{content:' <' attr(href) '>';font-size:.8em;color:#555}}";

static char *
format_exported (AccordsExportContext *ctx)
{
  return g_date_time_format (ctx->exported, "%Y-%m-%d %H:%M UTC");
}

static char *
format_dates (AccordsRecord *record)
{
  const char *date = accords_record_get_event_date (record);
  const char *end = accords_record_get_event_end (record);
  const char *as_reported = accords_record_get_date_as_reported (record);

  if (date == NULL)
    return g_strdup (as_reported != NULL ? as_reported : _("Undated"));

  switch (accords_record_get_date_precision (record))
    {
    case ACCORDS_DATE_PRECISION_YEAR:
      return g_strndup (date, 4);
    case ACCORDS_DATE_PRECISION_MONTH:
      return g_strndup (date, 7);
    case ACCORDS_DATE_PRECISION_DAY:
    default:
      break;
    }

  if (end != NULL && strcmp (end, date) != 0)
    return g_strdup_printf ("%s – %s", date, end);

  return g_strdup (date);
}

/* What a source is listed as in both writers: its title, else its URL. */
static const char *
source_title (AccordsSource *source)
{
  const char *title = accords_source_get_title (source);
  const char *url = accords_source_get_url (source);

  if (title != NULL && title[0] != '\0')
    return title;

  return url != NULL ? url : _("Untitled source");
}

/* Markdown */

/* In plain text (ctx->data set) nothing is escaped. */
static void
append_md_text (AccordsExportContext *ctx,
                const char           *text)
{
  GString *buffer = ctx->buffer;
  gboolean plain = ctx->data != NULL;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        continue;
      if (*p == '\n')
        {
          g_string_append_c (buffer, ' ');
          continue;
        }
      if (!plain && strchr ("\\`*_{}[]<>()#+-.!|~&", *p) != NULL)
        g_string_append_c (buffer, '\\');
      g_string_append_c (buffer, *p);
    }
}

/* A link destination in angle brackets takes anything but <, > and line
 * breaks: those are percent-encoded. */
static void
append_md_url (GString    *buffer,
               const char *url)
{
  g_string_append_c (buffer, '<');
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '<' || *p == '>' || *p == '\n' || *p == '\r' || *p == ' ')
        g_string_append_printf (buffer, "%%%02X", (guchar) *p);
      else
        g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '>');
}

static void
append_md_field (AccordsExportContext *ctx,
                 const char           *label,
                 const char           *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append_printf (ctx->buffer, ctx->data != NULL ? "%s: " : "- **%s:** ", label);
  append_md_text (ctx, value);
  g_string_append_c (ctx->buffer, '\n');
}

static gboolean
md_begin (AccordsExportContext  *ctx,
          GError               **error)
{
  g_autofree char *exported = format_exported (ctx);
  GString *buffer = ctx->buffer;

  g_string_append_printf (buffer, "# %s\n\n", _("Accords briefing"));

  append_md_field (ctx, _("Query"), ctx->query_text != NULL ? ctx->query_text
                                                            : _("all records"));
  append_md_field (ctx, _("Exported"), exported);
  g_string_append_printf (buffer, "- **%s:** %" G_GUINT64_FORMAT "\n\n",
                          _("Records"), ctx->n_records);

  return TRUE;
}

static gboolean
md_record (AccordsExportContext  *ctx,
           AccordsRecord         *record,
           gboolean              *skipped,
           GError               **error)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  GListModel *sources = accords_record_get_sources (record);
  g_autofree char *dates = format_dates (record);
  g_autofree char *parties = accords_country_join_localized (accords_record_get_parties (record), ", ");
  g_autofree char *topics = accords_topic_join_labels (accords_record_get_topics (record), ", ");
  const char *summary = accords_record_get_summary (record);
  const char *note = annotation != NULL ? accords_annotation_get_note (annotation) : NULL;
  const char * const *tags = annotation != NULL ? accords_annotation_get_tags (annotation) : NULL;
  guint n_sources = g_list_model_get_n_items (sources);
  GString *buffer = ctx->buffer;
  gboolean plain = ctx->data != NULL;

  g_string_append (buffer, plain ? "" : "## ");
  append_md_text (ctx, dates);
  g_string_append (buffer, " — ");
  append_md_text (ctx, accords_record_get_title (record));
  g_string_append (buffer, "\n\n");

  append_md_field (ctx, _("Parties"), parties);
  append_md_field (ctx, _("Kind"), accords_kind_get_label (accords_record_get_kind (record)));
  append_md_field (ctx, _("Topics"), topics);
  append_md_field (ctx, _("Venue"), accords_record_get_venue_city (record));
  g_string_append_c (buffer, '\n');

  if (summary != NULL && summary[0] != '\0')
    {
      append_md_text (ctx, summary);
      g_string_append (buffer, "\n\n");
    }

  if (n_sources > 0)
    {
      g_string_append_printf (buffer, plain ? "%s\n\n" : "**%s**\n\n", _("Sources"));
      for (guint i = 0; i < n_sources; i++)
        {
          g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
          const char *title = source_title (source);
          const char *url = accords_source_get_url (source);
          const char *outlet = accords_source_get_outlet (source);
          const char *published = accords_source_get_published (source);

          g_string_append (buffer, "- ");
          if (plain && _accords_export_url_is_web (url))
            {
              append_md_text (ctx, title);
              g_string_append_printf (buffer, " <%s>", url);
            }
          else if (_accords_export_url_is_web (url))
            {
              g_string_append_c (buffer, '[');
              append_md_text (ctx, title);
              g_string_append (buffer, "](");
              append_md_url (buffer, url);
              g_string_append_c (buffer, ')');
            }
          else
            {
              append_md_text (ctx, title);
            }
          if (outlet != NULL && outlet[0] != '\0')
            {
              g_string_append (buffer, " — ");
              append_md_text (ctx, outlet);
            }
          if (published != NULL && published[0] != '\0')
            {
              g_string_append (buffer, ", ");
              append_md_text (ctx, published);
            }
          g_string_append_c (buffer, '\n');
        }
      g_string_append_c (buffer, '\n');
    }

  if (note != NULL && note[0] != '\0')
    {
      g_string_append_printf (buffer, plain ? "%s\n\n" : "**%s**\n\n", _("Notes"));
      g_string_append (buffer, note);
      g_string_append (buffer, "\n\n");
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append_printf (buffer, plain ? "%s: " : "**%s:** ", _("Tags"));
      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (buffer, ", ");
          append_md_text (ctx, tags[i]);
        }
      g_string_append (buffer, "\n\n");
    }

  return TRUE;
}

static gboolean
md_finish (AccordsExportContext  *ctx,
           GError               **error)
{
  return TRUE;
}

static void
briefing_clear (AccordsExportContext *ctx)
{
}

const AccordsExportWriter _accords_export_markdown_writer = {
  md_begin, md_record, md_finish, briefing_clear,
};

/* Plain text: the Markdown briefing's records without its markup, for
 * the clipboard. */

static gboolean
text_begin (AccordsExportContext  *ctx,
            GError               **error)
{
  ctx->data = GINT_TO_POINTER (TRUE);

  return TRUE;
}

static void
text_clear (AccordsExportContext *ctx)
{
  ctx->data = NULL;
}

const AccordsExportWriter _accords_export_text_writer = {
  text_begin, md_record, md_finish, text_clear,
};

/* HTML */

static void
append_html_text (GString    *buffer,
                  const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (buffer, escaped);
}

static void
append_html_field (GString    *buffer,
                   const char *label,
                   const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;

  g_string_append (buffer, "<dt>");
  append_html_text (buffer, label);
  g_string_append (buffer, "</dt><dd>");
  append_html_text (buffer, value);
  g_string_append (buffer, "</dd>\n");
}

static gboolean
html_begin (AccordsExportContext  *ctx,
            GError               **error)
{
  g_autofree char *exported = format_exported (ctx);
  GString *buffer = ctx->buffer;

  g_string_append (buffer,
                   "<!DOCTYPE html>\n"
                   "<html>\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Accords " PACKAGE_VERSION "\">\n"
                   "<title>");
  append_html_text (buffer, _("Accords briefing"));
  g_string_append_printf (buffer, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
                          html_style);
  append_html_text (buffer, _("Accords briefing"));
  g_string_append (buffer, "</h1>\n<p class=\"meta\">");
  append_html_text (buffer, _("Query:"));
  g_string_append (buffer, " ");
  if (ctx->query_text != NULL)
    {
      g_string_append (buffer, "<code>");
      append_html_text (buffer, ctx->query_text);
      g_string_append (buffer, "</code>");
    }
  else
    {
      append_html_text (buffer, _("all records"));
    }
  g_string_append (buffer, "<br>");
  append_html_text (buffer, _("Exported:"));
  g_string_append_printf (buffer, " <time>%s</time><br>", exported);
  append_html_text (buffer, _("Records:"));
  g_string_append_printf (buffer, " %" G_GUINT64_FORMAT "</p>\n", ctx->n_records);

  return TRUE;
}

static gboolean
html_record (AccordsExportContext  *ctx,
             AccordsRecord         *record,
             gboolean              *skipped,
             GError               **error)
{
  AccordsAnnotation *annotation = accords_record_get_annotation (record);
  GListModel *sources = accords_record_get_sources (record);
  g_autofree char *dates = format_dates (record);
  g_autofree char *parties = accords_country_join_localized (accords_record_get_parties (record), ", ");
  g_autofree char *topics = accords_topic_join_labels (accords_record_get_topics (record), ", ");
  const char *summary = accords_record_get_summary (record);
  const char *note = annotation != NULL ? accords_annotation_get_note (annotation) : NULL;
  const char * const *tags = annotation != NULL ? accords_annotation_get_tags (annotation) : NULL;
  guint n_sources = g_list_model_get_n_items (sources);
  GString *buffer = ctx->buffer;

  g_string_append (buffer, "<section>\n<h2>");
  append_html_text (buffer, dates);
  g_string_append (buffer, " — ");
  append_html_text (buffer, accords_record_get_title (record));
  g_string_append (buffer, "</h2>\n<dl>\n");

  append_html_field (buffer, _("Parties"), parties);
  append_html_field (buffer, _("Kind"), accords_kind_get_label (accords_record_get_kind (record)));
  append_html_field (buffer, _("Topics"), topics);
  append_html_field (buffer, _("Venue"), accords_record_get_venue_city (record));
  g_string_append (buffer, "</dl>\n");

  if (summary != NULL && summary[0] != '\0')
    {
      g_string_append (buffer, "<p>");
      append_html_text (buffer, summary);
      g_string_append (buffer, "</p>\n");
    }

  if (n_sources > 0)
    {
      g_string_append (buffer, "<h3>");
      append_html_text (buffer, _("Sources"));
      g_string_append (buffer, "</h3>\n<ul>\n");
      for (guint i = 0; i < n_sources; i++)
        {
          g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);
          const char *title = source_title (source);
          const char *url = accords_source_get_url (source);
          const char *outlet = accords_source_get_outlet (source);
          const char *published = accords_source_get_published (source);

          g_string_append (buffer, "<li>");
          if (_accords_export_url_is_web (url))
            {
              g_string_append (buffer, "<a href=\"");
              append_html_text (buffer, url);
              g_string_append (buffer, "\">");
              append_html_text (buffer, title);
              g_string_append (buffer, "</a>");
            }
          else
            {
              append_html_text (buffer, title);
            }
          if (outlet != NULL && outlet[0] != '\0')
            {
              g_string_append (buffer, " — ");
              append_html_text (buffer, outlet);
            }
          if (published != NULL && published[0] != '\0')
            {
              g_string_append (buffer, ", ");
              append_html_text (buffer, published);
            }
          g_string_append (buffer, "</li>\n");
        }
      g_string_append (buffer, "</ul>\n");
    }

  if (note != NULL && note[0] != '\0')
    {
      char *rendered = cmark_markdown_to_html (note, strlen (note), CMARK_OPT_SAFE);

      g_string_append (buffer, "<h3>");
      append_html_text (buffer, _("Notes"));
      g_string_append (buffer, "</h3>\n<div class=\"note\">\n");
      g_string_append (buffer, rendered);
      g_string_append (buffer, "</div>\n");
      free (rendered);
    }

  if (tags != NULL && tags[0] != NULL)
    {
      g_string_append (buffer, "<p>");
      append_html_text (buffer, _("Tags:"));
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_string_append (buffer, " <span class=\"tag\">");
          append_html_text (buffer, tags[i]);
          g_string_append (buffer, "</span>");
        }
      g_string_append (buffer, "</p>\n");
    }

  g_string_append (buffer, "</section>\n");

  return TRUE;
}

static gboolean
html_finish (AccordsExportContext  *ctx,
             GError               **error)
{
  g_string_append (ctx->buffer, "</body>\n</html>\n");

  return TRUE;
}

const AccordsExportWriter _accords_export_html_writer = {
  html_begin, html_record, html_finish, briefing_clear,
};
