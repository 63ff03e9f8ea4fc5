#include "firmware/card_layout/canvas.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kiosk::card_layout {

Canvas::Canvas()
    : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, hal::kCardWidthDots,
                                          hal::kCardHeightDots)),
      cr_(cairo_create(surface_)) {
  cairo_set_source_rgb(cr_, 1, 1, 1);
  cairo_paint(cr_);
}

Canvas::~Canvas() {
  cairo_destroy(cr_);
  cairo_surface_destroy(surface_);
}

bool Canvas::text(const std::string& field, const std::string& text, hal::Rect box,
                  const TextStyle& style, Colour colour) {
  PangoLayout* layout = pango_cairo_create_layout(cr_);
  const auto fit = fit_text(layout, text, box, style);
  if (fit) {
    cairo_new_path(cr_);
    cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
    cairo_move_to(cr_, box.x, box.y);
    pango_cairo_show_layout(cr_, layout);
    cairo_new_path(cr_);
    if (colour.is_black() && fit->ink.width > 0) black(fit->ink);
    placements_.push_back(Placement{field, box, *fit});
  }
  g_object_unref(layout);
  return fit.has_value();
}

int Canvas::text_width(const std::string& text, const std::string& family, double px, bool bold) {
  PangoLayout* layout = pango_cairo_create_layout(cr_);
  pango_layout_set_text(layout, text.c_str(), -1);
  set_font(layout, family, px, bold);
  PangoRectangle logical{};
  pango_layout_get_pixel_extents(layout, nullptr, &logical);
  g_object_unref(layout);
  return logical.width;
}

void Canvas::label(const std::string& text, double x, double y, const std::string& family,
                   double px, bool bold, Colour colour) {
  PangoLayout* layout = pango_cairo_create_layout(cr_);
  pango_layout_set_text(layout, text.c_str(), -1);
  set_font(layout, family, px, bold);
  cairo_new_path(cr_);
  cairo_set_source_rgb(cr_, colour.r, colour.g, colour.b);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout);
  cairo_new_path(cr_);
  g_object_unref(layout);
}

void Canvas::fill_rect(double x, double y, double w, double h, Colour c) {
  cairo_set_source_rgb(cr_, c.r, c.g, c.b);
  cairo_rectangle(cr_, x, y, w, h);
  cairo_fill(cr_);
}

void Canvas::photo(const hal::RgbImage& photo, hal::Rect window) {
  cutout(window);
  if (photo.empty() ||
      photo.pixels.size() != static_cast<std::size_t>(photo.width) * photo.height * 3)
    return;
  cairo_surface_t* src = cairo_image_surface_create(CAIRO_FORMAT_RGB24, photo.width, photo.height);
  cairo_surface_flush(src);
  unsigned char* data = cairo_image_surface_get_data(src);
  const int stride = cairo_image_surface_get_stride(src);
  for (int y = 0; y < photo.height; ++y) {
    for (int x = 0; x < photo.width; ++x) {
      const auto o = photo.offset(x, y);
      const std::uint32_t v = (std::uint32_t{photo.pixels[o]} << 16) |
                              (std::uint32_t{photo.pixels[o + 1]} << 8) | photo.pixels[o + 2];
      std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, &v, 4);
    }
  }
  cairo_surface_mark_dirty(src);
  const double scale = std::max(static_cast<double>(window.width) / photo.width,
                                static_cast<double>(window.height) / photo.height);
  cairo_save(cr_);
  cairo_rectangle(cr_, window.x, window.y, window.width, window.height);
  cairo_clip(cr_);
  cairo_translate(cr_, window.x + (window.width - photo.width * scale) / 2,
                  window.y + (window.height - photo.height * scale) / 2);
  cairo_scale(cr_, scale, scale);
  cairo_set_source_surface(cr_, src, 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
  cairo_paint(cr_);
  cairo_restore(cr_);
  cairo_surface_destroy(src);
}

hal::CardSide Canvas::finish() {
  side_.image = to_rgb_image(surface_);
  return std::move(side_);
}

hal::RgbImage to_rgb_image(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  hal::RgbImage image(width, height);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      std::uint32_t v;
      std::memcpy(&v, data + static_cast<std::ptrdiff_t>(y) * stride + x * 4, 4);
      const auto o = image.offset(x, y);
      image.pixels[o] = static_cast<std::uint8_t>(v >> 16);
      image.pixels[o + 1] = static_cast<std::uint8_t>(v >> 8);
      image.pixels[o + 2] = static_cast<std::uint8_t>(v);
    }
  }
  return image;
}

}  // namespace kiosk::card_layout
