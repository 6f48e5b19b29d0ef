/* accords-export-ics.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-export-ics"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "accords-export-private.h"
#include "accords-record.h"
#include "accords-source.h"

/* iCalendar (RFC 5545) written by libical, which escapes and folds: one
 * all-day VEVENT per record, from its first day to the day after its last
 * (DTEND is exclusive). A record known to the month or the year spans that
 * month or year. A record without a date has no place in a calendar and is
 * skipped. The calendar's envelope is printed once by libical and cut
 * around its END line, so that the events stream in between. */

#define ICS_END "END:VCALENDAR\r\n"

typedef struct
{
  char *tail;
} IcsState;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static struct icaltimetype
to_ical_date (const GDate *date)
{
  struct icaltimetype time = icaltime_null_date ();

  time.year = g_date_get_year (date);
  time.month = g_date_get_month (date);
  time.day = g_date_get_day (date);
  time.is_date = 1;

  return time;
}

static gboolean
ics_begin (AccordsExportContext  *ctx,
           GError               **error)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_new_vcalendar ();
  g_autofree char *text = NULL;
  IcsState *state;
  gsize length;

  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Accords//Accords "
                                                                 PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));

  text = icalcomponent_as_ical_string_r (calendar);
  length = strlen (text);

  if (!g_str_has_suffix (text, ICS_END))
    {
      g_set_error (error, ACCORDS_EXPORT_ERROR, ACCORDS_EXPORT_ERROR_FAILED,
                   _("libical wrote an unexpected calendar"));
      return FALSE;
    }

  state = g_new0 (IcsState, 1);
  state->tail = g_strdup (ICS_END);
  ctx->data = state;

  g_string_append_len (ctx->buffer, text, length - strlen (ICS_END));

  return TRUE;
}

static gboolean
ics_record (AccordsExportContext  *ctx,
            AccordsRecord         *record,
            gboolean              *skipped,
            GError               **error)
{
  g_autoptr(icalcomponent) event = NULL;
  g_autofree char *text = NULL;
  GListModel *sources = accords_record_get_sources (record);
  const char *summary = accords_record_get_summary (record);
  const char *city = accords_record_get_venue_city (record);
  const char *modified = accords_record_get_modified (record);
  struct icaltimetype stamp;
  GDate start;
  GDate end;

  if (_accords_date_scan (accords_record_get_event_date (record), &start) == 0)
    {
      *skipped = TRUE;
      return TRUE;
    }

  if (_accords_date_scan (accords_record_get_event_end (record), &end) == 0 ||
      g_date_compare (&end, &start) < 0)
    {
      end = start;
      switch (accords_record_get_date_precision (record))
        {
        case ACCORDS_DATE_PRECISION_YEAR:
          g_date_set_dmy (&end, 31, G_DATE_DECEMBER, g_date_get_year (&start));
          break;
        case ACCORDS_DATE_PRECISION_MONTH:
          g_date_set_day (&end, g_date_get_days_in_month (g_date_get_month (&start),
                                                          g_date_get_year (&start)));
          break;
        case ACCORDS_DATE_PRECISION_DAY:
        default:
          break;
        }
    }

  /* DTEND of an all-day event is the day after the last one. */
  g_date_add_days (&end, 1);

  stamp = icaltime_from_timet_with_zone (g_date_time_to_unix (ctx->exported), 0,
                                         icaltimezone_get_utc_timezone ());

  event = icalcomponent_new_vevent ();
  icalcomponent_add_property (event, icalproperty_new_uid (accords_record_get_uid (record)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (to_ical_date (&start)));
  icalcomponent_add_property (event, icalproperty_new_dtend (to_ical_date (&end)));
  icalcomponent_add_property (event, icalproperty_new_summary (accords_record_get_title (record) ?: ""));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property (event,
                              icalproperty_new_categories (accords_kind_get_label (accords_record_get_kind (record))));

  if (summary != NULL && summary[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (summary));

  if (city != NULL && city[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (city));

  if (modified != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (modified, NULL);

      if (time != NULL)
        icalcomponent_add_property (event,
                                    icalproperty_new_lastmodified (
                                      icaltime_from_timet_with_zone (g_date_time_to_unix (time), 0,
                                                                     icaltimezone_get_utc_timezone ())));
    }

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(AccordsSource) source = g_list_model_get_item (sources, i);

      if (_accords_export_url_is_web (accords_source_get_url (source)))
        {
          icalcomponent_add_property (event, icalproperty_new_url (accords_source_get_url (source)));
          break;
        }
    }

  text = icalcomponent_as_ical_string_r (event);
  g_string_append (ctx->buffer, text);

  return TRUE;
}

static gboolean
ics_finish (AccordsExportContext  *ctx,
            GError               **error)
{
  IcsState *state = ctx->data;

  g_string_append (ctx->buffer, state->tail);

  return TRUE;
}

static void
ics_clear (AccordsExportContext *ctx)
{
  IcsState *state = g_steal_pointer (&ctx->data);

  if (state == NULL)
    return;

  g_free (state->tail);
  g_free (state);
}

const AccordsExportWriter _accords_export_ics_writer = {
  ics_begin, ics_record, ics_finish, ics_clear,
};
