/* accords-timeline-draw.c
 *
 * Copyright 2026 The Accords contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "accords-timeline-draw"

#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "accords-timeline-private.h"

/* Drawing the timeline with GtkSnapshot, and writing the same render node
 * as a picture: PNG through the widget's renderer, SVG through cairo. */

static const struct
{
  const char *name;
  GdkRGBA     color;
} kind_colors[] = {
  { "mou_signed",       { 0.208, 0.518, 0.894, 1 } }, /* blue 3 */
  { "agreement_signed", { 0.180, 0.761, 0.494, 1 } }, /* green 4 */
  { "meeting",          { 0.569, 0.255, 0.675, 1 } }, /* purple 3 */
  { "visit",            { 0.902, 0.380, 0.000, 1 } }, /* orange 4 */
  { "statement",        { 0.898, 0.647, 0.039, 1 } }, /* yellow 5 */
  { "opinion",          { 0.596, 0.416, 0.267, 1 } }, /* brown 3 */
  { "announcement",     { 0.753, 0.380, 0.796, 1 } }, /* purple 2 */
};

/* Drawing ------------------------------------------------------------------ */

static const GdkRGBA *
kind_color (AccordsKind kind)
{
  if ((guint) kind < G_N_ELEMENTS (kind_colors))
    return &kind_colors[kind].color;

  return &kind_colors[0].color;
}

static void
append_text (AccordsTimeline *self,
             GtkSnapshot     *snapshot,
             const char      *text,
             double           x,
             double           y,
             double           max_width,
             gboolean         bold,
             const GdkRGBA   *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);

  if (bold)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

      pango_layout_set_markup (layout, markup, -1);
    }
  else
    {
      pango_layout_set_text (layout, text, -1);
    }

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_outline (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y,
                double         width,
                double         height,
                double         thickness)
{
  GskRoundedRect outline;
  const float widths[4] = { thickness, thickness, thickness, thickness };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, width, height), 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
draw_axis (AccordsTimeline *self,
           GtkSnapshot     *snapshot,
           const GdkRGBA   *fg,
           double           height)
{
  g_autoptr(GArray) ticks = NULL;
  int width = _accords_timeline_plot_width (self);
  GdkRGBA grid = *fg;
  GdkRGBA major_grid = *fg;
  GdkRGBA label = *fg;
  double today = _accords_timeline_today_day ();
  AccordsTimelineScale scale;
  double first_major = -1;

  grid.alpha = 0.08;
  major_grid.alpha = 0.18;
  label.alpha = 0.7;

  ticks = accords_timeline_compute_ticks (self->start, self->end, width, &scale);

  for (guint i = 0; i < ticks->len; i++)
    {
      const AccordsTimelineTick *tick = &g_array_index (ticks, AccordsTimelineTick, i);
      double x = LABEL_WIDTH + (int) (tick->x + 0.5);

      if (tick->major && first_major < 0)
        first_major = tick->x;

      append_rect (snapshot, tick->major ? &major_grid : &grid, x, AXIS_HEIGHT - 8, 1,
                   height - AXIS_HEIGHT + 8 - LEGEND_HEIGHT);
      append_text (self, snapshot, tick->label, x + 3, tick->major ? 4 : 20, 0,
                   tick->major, tick->major ? fg : &label);
    }

  append_rect (snapshot, &major_grid, LABEL_WIDTH, AXIS_HEIGHT - 1, width, 1);

  /* the year (or month) the view starts in, unless a major tick says it */
  if (scale < ACCORDS_TIMELINE_SCALE_YEAR && (first_major < 0 || first_major > 80) &&
      g_date_valid_julian ((guint32) self->start))
    {
      g_autoptr(GDateTime) time = NULL;
      g_autofree char *context = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, (guint32) self->start);
      time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);
      if (time != NULL)
        context = g_date_time_format (time, scale <= ACCORDS_TIMELINE_SCALE_WEEK ? "%b %Y" : "%Y");
      if (context != NULL)
        append_text (self, snapshot, context, LABEL_WIDTH + 3, 4, 0, TRUE, fg);
    }

  if (today >= self->start && today <= self->end)
    {
      GdkRGBA red = { 0.878, 0.106, 0.141, 1 };
      double x = LABEL_WIDTH + (int) accords_timeline_day_to_x (self->start, self->end, width,
                                                                today + 0.5);

      append_rect (snapshot, &red, x, AXIS_HEIGHT - 8, 2, height - AXIS_HEIGHT + 8 - LEGEND_HEIGHT);
      /* Translators: the marker of the current day on the timeline */
      append_text (self, snapshot, _("Today"), x + 48 < LABEL_WIDTH + width ? x + 4 : x - 44,
                   AXIS_HEIGHT - 14, 0, FALSE, &red);
    }
}

/* Shades of the heat strip: a bin's alpha is rounded to one of these, so
 * that a whole strip is HEAT_LEVELS fills of many rectangles each, rather
 * than one render node per bin; with thousands of bins in view, the cairo
 * renderer spends most of a frame on the nodes themselves. */
#define HEAT_LEVELS 16

static void
draw_heat (AccordsTimeline *self,
           GtkSnapshot     *snapshot,
           const AccordsTimelineLayout *layout,
           const GdkRGBA   *accent)
{
  guint max_count = 1;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  for (gsize i = 0; i < (gsize) self->lanes->len * self->n_bins; i++)
    max_count = MAX (max_count, self->bins[i]);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  for (guint level = 1; level <= HEAT_LEVELS; level++)
    {
      gboolean any = FALSE;

      for (guint l = 0; l < self->lanes->len; l++)
        {
          double y = accords_timeline_lane_top (self->lanes, layout, l);

          if (y + ROW_HEIGHT < 0 || y > height)
            continue;

          for (guint b = 0; b < self->n_bins; b++)
            {
              guint count = self->bins[(gsize) l * self->n_bins + b];
              double ratio;
              double alpha;

              if (count == 0)
                continue;

              ratio = (double) count / max_count;
              /* concave, so that sparse lanes still show next to dense ones */
              alpha = 0.15 + 0.85 * (2 * ratio / (1 + ratio));
              if ((guint) (alpha * HEAT_LEVELS + 0.5) != level)
                continue;

              cairo_rectangle (cr, LABEL_WIDTH + b * BIN_WIDTH, y + 1, BIN_WIDTH, ROW_HEIGHT - 2);
              any = TRUE;
            }
        }

      if (any)
        {
          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue,
                                 (double) level / HEAT_LEVELS);
          cairo_fill (cr);
        }
    }

  cairo_destroy (cr);
}

static void
draw_markers (AccordsTimeline *self,
              GtkSnapshot     *snapshot,
              const AccordsTimelineLayout *layout,
              const GdkRGBA   *fg,
              const GdkRGBA   *accent)
{
  int width = _accords_timeline_plot_width (self);
  guint current_lane = G_MAXUINT;
  double lane_top = 0;

  for (guint i = 0; i < self->placements->len; i++)
    {
      const AccordsTimelinePlacement *p =
        &g_array_index (self->placements, AccordsTimelinePlacement, i);
      const AccordsTimelineItem *item = &_accords_timeline_get_items (self)[p->item];
      GdkRGBA color = *kind_color (item->kind);
      double y;
      double x0 = LABEL_WIDTH + p->x0;
      double x1 = LABEL_WIDTH + p->x1;
      gboolean vague = item->precision != ACCORDS_DATE_PRECISION_DAY;

      if (p->lane != current_lane)
        {
          current_lane = p->lane;
          lane_top = accords_timeline_lane_top (self->lanes, layout, p->lane);
        }

      if (p->x1 < 0 || p->x0 > width)
        continue;

      y = lane_top + p->row * ROW_HEIGHT + (ROW_HEIGHT - MARKER_HEIGHT) / 2;

      if (vague)
        {
          /* a band over the whole period: the date is somewhere in it */
          color.alpha = 0.3;
          append_rect (snapshot, &color, x0, y, x1 - x0, MARKER_HEIGHT);
          color.alpha = 0.8;
          append_rect (snapshot, &color, x0, y, 1, MARKER_HEIGHT);
          append_rect (snapshot, &color, x1 - 1, y, 1, MARKER_HEIGHT);
        }
      else if (item->end_day > item->day)
        {
          /* a span: a bar between two end caps, whatever its width */
          append_rect (snapshot, &color, x0, y + 3, x1 - x0, MARKER_HEIGHT - 6);
          append_rect (snapshot, &color, x0, y, 3, MARKER_HEIGHT);
          append_rect (snapshot, &color, x1 - 3, y, 3, MARKER_HEIGHT);
        }
      else
        {
          GskRoundedRect rect;

          gsk_rounded_rect_init_from_rect (&rect,
                                           &GRAPHENE_RECT_INIT (x0, y, x1 - x0, MARKER_HEIGHT),
                                           MARKER_HEIGHT / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          append_rect (snapshot, &color, x0, y, x1 - x0, MARKER_HEIGHT);
          gtk_snapshot_pop (snapshot);
        }

      if (item->id == self->selected_id)
        append_outline (snapshot, accent, x0 - 2, y - 2, x1 - x0 + 4, MARKER_HEIGHT + 4, 2);
      if (item->id == self->focus_id && gtk_widget_has_focus (GTK_WIDGET (self)))
        append_outline (snapshot, fg, x0 - 3, y - 3, x1 - x0 + 6, MARKER_HEIGHT + 6, 1);
    }
}

static void
draw_legend (AccordsTimeline *self,
             GtkSnapshot     *snapshot,
             const GdkRGBA   *fg,
             double           height)
{
  double x = LABEL_WIDTH;
  double y = height - LEGEND_HEIGHT + 8;
  GdkRGBA vague = *fg;
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  /* kinds and any_vague were summarised when the records were loaded:
   * a large result has no items to walk */
  for (guint k = 0; k < G_N_ELEMENTS (kind_colors); k++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      const char *label = accords_kind_get_label (k);
      int text_width;

      if ((self->kinds & (1u << k)) == 0)
        continue;

      layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), label);
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      if (x + 14 + text_width > width)
        return;
      append_rect (snapshot, &kind_colors[k].color, x, y + 3, 10, 10);
      append_text (self, snapshot, label, x + 14, y, 0, FALSE, fg);
      x += 14 + text_width + 16;
    }

  if (!self->any_vague || x + 140 > width)
    return;
  vague.alpha = 0.3;
  append_rect (snapshot, &vague, x, y + 3, 18, 10);
  /* Translators: legend of the faded bands of month- or year-precision dates */
  append_text (self, snapshot, _("Month or year only"), x + 22, y, 0, FALSE, fg);
}

/* Draws everything but the toolbar: for the screen and for export. */
static void
draw_timeline (AccordsTimeline *self,
               GtkSnapshot     *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  AccordsTimelineLayout layout;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg;
  GdkRGBA stripe;
  GdkRGBA accent = { 0.208, 0.518, 0.894, 1 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  _accords_timeline_get_layout (self, &layout);
  _accords_timeline_update_layout (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  stripe = fg;
  stripe.alpha = 0.04;
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, width,
                                                         height - AXIS_HEIGHT - LEGEND_HEIGHT));
  for (guint l = 0; l < self->lanes->len; l++)
    {
      const AccordsTimelineLane *lane = &g_array_index (self->lanes, AccordsTimelineLane, l);
      double y = accords_timeline_lane_top (self->lanes, &layout, l);
      double lane_height = lane->n_rows * ROW_HEIGHT;
      const char *name = g_ptr_array_index (self->lane_names, l);

      if (l % 2 == 0)
        append_rect (snapshot, &stripe, 0, y - LANE_GAP / 2, width, lane_height + LANE_GAP);
      append_text (self, snapshot, name, 8, y + (lane_height - ROW_HEIGHT) / 2 - 1,
                   LABEL_WIDTH - 16, FALSE, &fg);
    }
  gtk_snapshot_pop (snapshot);

  draw_axis (self, snapshot, &fg, height);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (LABEL_WIDTH, AXIS_HEIGHT,
                                                         width - LABEL_WIDTH,
                                                         height - AXIS_HEIGHT - LEGEND_HEIGHT));
  if (self->heat)
    draw_heat (self, snapshot, &layout, &accent);
  else
    draw_markers (self, snapshot, &layout, &fg, &accent);

  if (self->range_drag)
    {
      GdkRGBA range = accent;

      range.alpha = 0.2;
      append_rect (snapshot, &range, MIN (self->range_x0, self->range_x1), AXIS_HEIGHT,
                   ABS (self->range_x1 - self->range_x0), height - AXIS_HEIGHT - LEGEND_HEIGHT);
    }
  gtk_snapshot_pop (snapshot);

  draw_legend (self, snapshot, &fg, height);

  if (self->items->len == 0 && self->density == NULL)
    {
      GdkRGBA dim = fg;

      dim.alpha = 0.55;
      /* Translators: shown on the timeline when the result is empty */
      append_text (self, snapshot, _("No records to show"), LABEL_WIDTH + 16, AXIS_HEIGHT + 16,
                   0, FALSE, &dim);
    }

  gtk_snapshot_pop (snapshot);
}

void
_accords_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  AccordsTimeline *self = ACCORDS_TIMELINE (widget);

  draw_timeline (self, snapshot);
  gtk_widget_snapshot_child (widget, self->toolbar, snapshot);
}

/* Export -------------------------------------------------------------------- */

/* The visible timeline on an opaque background, without the toolbar. */
static GskRenderNode *
render_image (AccordsTimeline *self)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA background = { 1, 1, 1, 1 };
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    background = (GdkRGBA) { 0.141, 0.141, 0.141, 1 };

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_timeline (self, snapshot);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/**
 * accords_timeline_export_image:
 * @self: a realized timeline
 * @file: where to write; a name ending in ".svg" gives SVG, any other PNG
 * @error: return location for an error
 *
 * Writes the visible timeline as a picture: PNG through the widget's
 * renderer, SVG by drawing the same render node with cairo.
 *
 * Returns: %TRUE on success
 */
gboolean
accords_timeline_export_image (AccordsTimeline  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  int width, height;

  g_return_val_if_fail (ACCORDS_IS_TIMELINE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Pictures can only be saved to local files"));
      return FALSE;
    }

  width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
  height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
  node = render_image (self);

  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    {
      cairo_surface_t *surface = cairo_svg_surface_create (path, width, height);
      cairo_t *cr = cairo_create (surface);
      cairo_status_t status;

      gsk_render_node_draw (node, cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
      cairo_surface_destroy (surface);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write “%s”: %s"), path, cairo_status_to_string (status));
          return FALSE;
        }
    }
  else
    {
      GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
      GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;
      g_autoptr(GdkTexture) texture = NULL;

      if (renderer == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The timeline is not shown"));
          return FALSE;
        }

      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (!gdk_texture_save_to_png (texture, path))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write “%s”"), path);
          return FALSE;
        }
    }

  return TRUE;
}

static void
on_export_response_cb (AccordsTimeline      *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (!accords_timeline_export_image (self, file, &error))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_debug ("Could not export the timeline: %s", error->message);
    }
}

void
_accords_timeline_export_image_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) png = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) svg = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Timeline Image"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  /* Translators: a file type in the export dialog */
  gtk_file_filter_set_name (png, _("PNG Image"));
  gtk_file_filter_add_mime_type (png, "image/png");
  gtk_file_filter_add_suffix (png, "png");
  /* Translators: a file type in the export dialog */
  gtk_file_filter_set_name (svg, _("SVG Image"));
  gtk_file_filter_add_mime_type (svg, "image/svg+xml");
  gtk_file_filter_add_suffix (svg, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), png);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), svg);
  /* Translators: the suggested file name of an exported timeline picture */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Timeline.png"));

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), widget,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
