#include "firmware/card_layout/decor.hpp"

#include <pango/pangocairo.h>

#include <cmath>

namespace kiosk::card_layout {

void background(Canvas& c, Colour base, Colour line) {
  cairo_t* cr = c.cr();
  cairo_set_source_rgb(cr, base.r, base.g, base.b);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, line.r, line.g, line.b);
  cairo_set_line_width(cr, 1.0);
  for (int k = 0; k < 28; ++k) {
    const double base_y = 12.0 + k * 23.0;
    cairo_new_path(cr);
    for (int x = 0; x <= hal::kCardWidthDots; x += 4) {
      const double y =
          base_y + 8.0 * std::sin(x * 0.021 + k * 0.9) + 4.0 * std::cos(x * 0.047 + k * 0.3);
      cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
  }
}

void watermark(Canvas& c, const std::string& text) {
  cairo_t* cr = c.cr();
  cairo_save(cr);
  cairo_new_path(cr);
  cairo_translate(cr, 260, 560);
  cairo_rotate(cr, -0.35);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_layout_set_text(layout, text.c_str(), -1);
  set_font(layout, kSans, 64, true);
  cairo_set_source_rgba(cr, 0.85, 0.2, 0.2, 0.13);
  cairo_move_to(cr, 0, 0);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  cairo_new_path(cr);
  cairo_restore(cr);
}

}  // namespace kiosk::card_layout
