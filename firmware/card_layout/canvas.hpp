#pragma once
// One card side being drawn (cairo RGB24 surface, 1016x648) plus what the printer needs besides
// pixels: the resin-black regions and the overlay cutouts.
#include <cairo.h>

#include <string>
#include <vector>

#include "firmware/card_layout/text_fit.hpp"
#include "hal/card_printer.hpp"

namespace kiosk::card_layout {

struct Colour {
  double r, g, b;
  bool is_black() const { return r == 0 && g == 0 && b == 0; }
};
inline constexpr Colour kBlack{0, 0, 0};

// Where one text went: the field name, its box and the fit pango measured.
struct Placement {
  std::string field;
  hal::Rect box;
  FittedText fit;
};

class Canvas {
 public:
  Canvas();
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  cairo_t* cr() { return cr_; }

  // Fits `text` into `box` (see fit_text) and draws it. Black text becomes a resin region.
  // Returns false (and draws nothing) when it cannot fit at style.min_px.
  bool text(const std::string& field, const std::string& text, hal::Rect box,
            const TextStyle& style, Colour colour);
  // Width of one line of text at a fixed size (for labels laid out left to right).
  int text_width(const std::string& text, const std::string& family, double px, bool bold);
  // Draws one line at (x, y) without fitting (decoration: titles, labels).
  void label(const std::string& text, double x, double y, const std::string& family, double px,
             bool bold, Colour colour);

  void fill_rect(double x, double y, double w, double h, Colour c);
  // Scales `photo` to cover `window` (centre crop) and lists the window as an overlay cutout.
  void photo(const hal::RgbImage& photo, hal::Rect window);
  void black(hal::Rect r) { side_.black_regions.push_back(r); }
  void cutout(hal::Rect r) { side_.overlay_cutouts.push_back(r); }

  const std::vector<Placement>& placements() const { return placements_; }
  hal::CardSide finish();

 private:
  cairo_surface_t* surface_;
  cairo_t* cr_;
  hal::CardSide side_;
  std::vector<Placement> placements_;
};

// The pixels of a cairo RGB24 image surface.
hal::RgbImage to_rgb_image(cairo_surface_t* surface);

}  // namespace kiosk::card_layout
