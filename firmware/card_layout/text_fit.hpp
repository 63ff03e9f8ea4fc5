#pragma once
// Fitting text into a box with pango: wrap at the box width, then shrink the font until the
// wrapped text fits the box; never clip. The measurement used to decide is the same layout that
// is drawn, so "fits" is a fact about the printed pixels, not an estimate.
#include <pango/pango.h>

#include <optional>
#include <string>

#include "hal/image.hpp"

namespace kiosk::card_layout {

struct TextStyle {
  std::string family = "Noto Sans CJK SC";
  double max_px = 24;  // preferred size (absolute pixels at 300 dpi)
  double min_px = 12;  // below this the card is unreadable: report "does not fit" instead
  bool bold = false;
  bool wrap = true;  // false: one line only
  // How far ink may reach left or right of the box (pixels): the side bearing of glyphs such
  // as Y or J puts ink a pixel left of the layout's origin. 0: ink strictly inside the box.
  int ink_overhang = 0;
};

// A text placed in a box: the font size chosen and the extents (card pixels) pango measured.
struct FittedText {
  double font_px = 0;
  int lines = 0;
  hal::Rect ink;      // inked pixels, absolute card coordinates
  hal::Rect logical;  // logical extents, absolute card coordinates
};

// Builds `layout` for `text` in `box` (wrap width = box width) at the largest size from
// style.max_px down to style.min_px (0.5 px steps) whose logical AND ink extents lie inside the
// box. Returns nullopt when even style.min_px does not fit (the layout is then left at min_px).
std::optional<FittedText> fit_text(PangoLayout* layout, const std::string& text, hal::Rect box,
                                   const TextStyle& style);

// Sets the layout's font (family, weight, absolute size).
void set_font(PangoLayout* layout, const std::string& family, double px, bool bold);

}  // namespace kiosk::card_layout
